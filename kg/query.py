"""SPARQL over built graphs: load RDF files, resolve a query, run it on one of two engines.

A query is a ``.rq`` file, the name of a query in the library (``queries/*.rq`` in
the repository) or inline SPARQL. Two engines give the same answers:

- ``oxigraph`` (default): the embedded pyoxigraph store, fast on large graphs;
- ``rdflib``: pure Python, fine for graphs up to a few hundred thousand triples.

Both return a :class:`Result` of rdflib terms, so formatting (:mod:`kg.results`) and
comparison do not depend on the engine. The contract's prefixes (``pek:``, ``pekr:``,
``rdfs:``, ...) are predeclared, so inline queries may use them without ``PREFIX``.

Example:
    >>> from rdflib import Graph, Literal
    >>> from kg.vocab import PEK, PEKR
    >>> g = Graph()
    >>> _ = g.add((PEKR["country/RUS"], PEK.iso3, Literal("RUS")))
    >>> result = run_rdflib(g, "SELECT ?c WHERE { ?c pek:iso3 ?code }")
    >>> result.variables, result.rows
    (['c'], [(rdflib.term.URIRef('https://w3id.org/pekg/id/country/RUS'),)])
"""

from __future__ import annotations

import difflib
import gc
import json
import logging
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

from rdflib import BNode, Dataset, Graph, URIRef
from rdflib import Literal as RdfLiteral
from rdflib.namespace import XSD
from rdflib.term import Identifier, Node

from kg import formats
from kg.vocab import bind_prefixes, prefixes

log = logging.getLogger(__name__)

__all__ = [
    "ENGINES",
    "GraphLoadError",
    "LibraryQuery",
    "QueryError",
    "Result",
    "ServiceRefused",
    "UnknownQueryError",
    "bind_values",
    "iri_problem",
    "load_graph_part",
    "load_rdflib",
    "load_store",
    "library",
    "parse_binding",
    "queries_dir",
    "refuse_service",
    "resolve_query",
    "run",
    "run_oxigraph",
    "run_rdflib",
    "sparql_term",
    "store_from_graph",
    "uses_service",
]

ENGINES = ("rdflib", "oxigraph")


_QUERY_DIR = Path(__file__).resolve().parent.parent / "queries"
_NAME = re.compile(r"[A-Za-z][\w-]*\Z")
_PARAM = re.compile(r"#\s*param\s+(\w+)\s*:\s*(.*)")
_OX_POSITION = re.compile(r"error at (\d+):(\d+):\s*(.*)", re.S)
_CURIE = re.compile(r"([A-Za-z][\w-]*):(\S*)\Z")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_IRI_FORBIDDEN = re.compile(r'[<>"{}|^`\\\x00-\x20]')
_LANGTAG = re.compile(r"[A-Za-z]+(?:-[A-Za-z0-9]+)*\Z")
#: SPARQL tokens that may hold a keyword's letters without being one; ``word`` is a keyword.
_TOKEN = re.compile(
    r"""\#[^\n]*
    | "{3}(?:[^"\\]|\\.|"(?!""))*"{3} | '{3}(?:[^'\\]|\\.|'(?!''))*'{3}
    | "(?:[^"\\\n\r]|\\.)*" | '(?:[^'\\\n\r]|\\.)*'
    | <[^<>"{}|^`\\\x00-\x20]*>
    | [?$]\w+ | _:[\w.-]* | @[A-Za-z]+(?:-[A-Za-z0-9]+)*
    | (?:[^\W\d][\w.-]*)?:[\w.:%\\-]*
    | (?P<word>[^\W\d]\w*)
    """,
    re.X | re.S,
)
_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
#: Characters of a string literal written as SPARQL escapes (ECHAR).
_ECHAR = {
    "\\": r"\\",
    '"': r"\"",
    "\n": r"\n",
    "\r": r"\r",
    "\t": r"\t",
    "\b": r"\b",
    "\f": r"\f",
}


class QueryError(Exception):
    """The query could not be parsed or evaluated; the message says where and why."""


class UnknownQueryError(QueryError):
    """A library query name that does not exist; the message lists the close matches."""


class ServiceRefused(QueryError):
    """A query with a ``SERVICE`` clause, which would send requests to other servers."""


class GraphLoadError(Exception):
    """A graph file or directory that could not be loaded; the message names it."""


@dataclass(frozen=True)
class LibraryQuery:
    """One query of the library.

    Attributes:
        name: The file name without ``.rq``: what ``kg query GRAPH NAME`` takes.
        path: The ``.rq`` file.
        text: The SPARQL text.
        description: The first comment line: what the query answers.
        params: Variables the caller must bind, each with a description.
    """

    name: str
    path: Path
    text: str
    description: str
    params: dict[str, str] = field(default_factory=dict)


def queries_dir() -> Path:
    """Return the directory of the query library, ``queries/`` in the repository."""
    return _QUERY_DIR


def parse_library_query(path: Path) -> LibraryQuery:
    """Read one ``.rq`` file: its first comment is the description, ``# param`` lines params.

    Example:
        >>> import tempfile
        >>> d = Path(tempfile.mkdtemp())
        >>> _ = (d / "x.rq").write_text("# Everything.\\n# param a: an actor\\nSELECT * {}\\n")
        >>> q = parse_library_query(d / "x.rq")
        >>> q.name, q.description, q.params
        ('x', 'Everything.', {'a': 'an actor'})
    """
    text = path.read_text(encoding="utf-8")
    description = ""
    params: dict[str, str] = {}
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            if stripped:
                break
            continue
        match = _PARAM.match(stripped)
        if match:
            params[match.group(1)] = match.group(2).strip()
        elif not description:
            description = stripped.lstrip("#").strip()
    return LibraryQuery(path.stem, path, text, description, params)


@cache
def _library(directory: Path) -> dict[str, LibraryQuery]:
    return {p.stem: parse_library_query(p) for p in sorted(directory.glob("*.rq"))}


def library(directory: Path | None = None) -> dict[str, LibraryQuery]:
    """Return the query library by name (read once per directory)."""
    return dict(_library((directory or _QUERY_DIR).resolve()))


def resolve_query(spec: str, directory: Path | None = None) -> tuple[str, str, LibraryQuery | None]:
    """Turn what the user typed into SPARQL text.

    Args:
        spec: A path to a ``.rq`` file, the name of a library query, or SPARQL text.
        directory: The library directory (default: :func:`queries_dir`).

    Returns:
        ``(text, label, library_query)``: the SPARQL, a short name for messages, and
        the library entry when ``spec`` named one.

    Raises:
        UnknownQueryError: ``spec`` looks like a name but no library query has it.
        QueryError: ``spec`` names a ``.rq`` file that cannot be read.

    Example:
        >>> resolve_query("ASK { ?s ?p ?o }")[1]
        'inline query'
    """
    lib = library(directory)
    if spec in lib:
        entry = lib[spec]
        return entry.text, f"{entry.name} ({entry.path.name})", entry
    path = Path(spec)
    if spec.endswith(".rq") or (_NAME.match(spec) is None and _names_file(spec)):
        try:
            return path.read_text(encoding="utf-8"), str(path), None
        except FileNotFoundError:
            raise QueryError(f"{spec}: no such query file") from None
        except (OSError, UnicodeDecodeError) as err:
            raise QueryError(f"{spec}: cannot read query file: {err}") from None
    if _NAME.match(spec):
        close = difflib.get_close_matches(spec, lib, n=3, cutoff=0.5)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise UnknownQueryError(f"no query named {spec!r} in the library{hint} (kg query --list)")
    return spec, "inline query", None


def _names_file(spec: str) -> bool:
    """Whether ``spec`` names an existing file (SPARQL text of any length names none).

    >>> _names_file("SELECT * WHERE { ?s ?p ?o } " + "#" * 5000), _names_file(__file__)
    (False, True)
    """
    if "\n" in spec or "\x00" in spec:
        return False
    try:
        return Path(spec).is_file()
    except (OSError, ValueError):  # a name too long for the file system is no file
        return False


def parse_binding(text: str) -> tuple[str, Identifier]:
    """Parse ``NAME=VALUE`` into a variable binding.

    ``<...>`` and ``prefix:local`` with a known prefix are IRIs (they must be valid
    absolute IRIs, see :func:`iri_problem`); anything else is a string literal, taken
    exactly as given.

    Raises:
        ValueError: Not ``NAME=VALUE``, or an IRI that is not valid (the message says why).

    Example:
        >>> parse_binding("a=Russia")
        ('a', rdflib.term.Literal('Russia'))
        >>> parse_binding("a=pekr:country/RUS")[1]
        rdflib.term.URIRef('https://w3id.org/pekg/id/country/RUS')
        >>> parse_binding("nonsense")
        Traceback (most recent call last):
        ...
        ValueError: not NAME=VALUE: 'nonsense'
        >>> parse_binding("a=<http://e/a b>")
        Traceback (most recent call last):
        ...
        ValueError: 'a=<http://e/a b>': not a valid IRI: invalid IRI code point ' '
    """
    name, sep, value = text.partition("=")
    name = name.strip().lstrip("?$")
    if not sep or not re.fullmatch(r"\w+", name):
        raise ValueError(f"not NAME=VALUE: {text!r}")
    iri: str | None = None
    if value.startswith("<") and value.endswith(">"):
        iri = value[1:-1]
    else:
        curie = _CURIE.match(value)
        if curie and curie.group(1) in prefixes():
            iri = prefixes()[curie.group(1)] + curie.group(2)
    if iri is None:
        return name, RdfLiteral(value)
    problem = iri_problem(iri)
    if problem:
        raise ValueError(f"{text!r}: not a valid IRI: {problem}")
    return name, URIRef(iri)


def iri_problem(iri: str) -> str | None:
    """Why ``iri`` cannot be written in a query as ``<iri>``, or ``None`` if it can.

    It must be an absolute IRI (RFC 3987, as Oxigraph checks it) without the characters
    SPARQL forbids between ``<`` and ``>``.

    Example:
        >>> iri_problem("https://w3id.org/pekg/id/country/RUS") is None
        True
        >>> iri_problem("country/RUS")
        'not an absolute IRI (it has no scheme: part)'
        >>> iri_problem("http://e/{x}")
        "invalid IRI code point '{'"
    """
    import pyoxigraph as ox

    if not _SCHEME.match(iri):
        return "not an absolute IRI (it has no scheme: part)"
    bad = _IRI_FORBIDDEN.search(iri)
    if bad:
        return f"invalid IRI code point {bad.group(0)!r}"
    try:
        ox.NamedNode(iri)
    except ValueError as err:
        message = _one_line(err)
        return message[:1].lower() + message[1:]
    return None


def _string(text: str) -> str:
    r"""A SPARQL string literal that every engine reads back as ``text``.

    Quotes, backslashes and line breaks are escaped. A ``u`` or ``U`` right after a
    backslash is written as a code point escape: engines that expand ``\u`` escapes
    over the whole query before parsing it (rdflib, as the SPARQL specification says)
    would otherwise read the six characters ``\u0041`` of a value as ``A``.

    Example:
        >>> print(_string('say "hi"'))
        "say \"hi\""
        >>> print(_string(r"\u0041"))
        "\\\U000000750041"
    """
    escaped = "".join(_ECHAR.get(ch, ch) for ch in text)
    return '"' + re.sub(r"(?<=\\)[uU]", lambda m: f"\\U{ord(m.group(0)):08X}", escaped) + '"'


def sparql_term(term: Identifier) -> str:
    """``term`` as it is written in a query (a ``VALUES`` block), the same for every engine.

    Raises:
        QueryError: An IRI that is not valid, a blank node (``VALUES`` cannot hold one)
            or a literal with a malformed language tag.

    Example:
        >>> sparql_term(URIRef("http://e/a")), sparql_term(RdfLiteral("x", lang="en"))
        ('<http://e/a>', '"x"@en')
        >>> sparql_term(RdfLiteral(2))
        '"2"^^<http://www.w3.org/2001/XMLSchema#integer>'
    """
    if isinstance(term, URIRef):
        problem = iri_problem(str(term))
        if problem:
            raise QueryError(f"cannot bind <{term}>: not a valid IRI: {problem}")
        return f"<{term}>"
    if isinstance(term, RdfLiteral):
        text = _string(str(term))
        if term.language:
            if not _LANGTAG.match(term.language):
                raise QueryError(f"cannot bind {text}@{term.language}: malformed language tag")
            return f"{text}@{term.language}"
        if term.datatype is not None:
            return f"{text}^^{sparql_term(term.datatype)}"
        return text
    raise QueryError(f"cannot bind {term!r}: only IRIs and literals can be bound")


def _keywords(text: str) -> set[str]:
    """The keywords of a SPARQL text, upper-cased: its bare words, once comments, strings,
    IRIs, variables, prefixed names, blank nodes and language tags are skipped.

    Example:
        >>> sorted(_keywords('ASK { ?service <urn:SERVICE> "SERVICE" } # SERVICE'))
        ['ASK']
    """
    return {m.group("word").upper() for m in _TOKEN.finditer(text) if m.group("word")}


def uses_service(text: str) -> bool:
    """Whether a query has a ``SERVICE`` clause (a federated query), which makes the
    engine send requests to the servers it names.

    The query is read as SPARQL tokens, so the word in a string, an IRI, a comment, a
    variable or a prefixed name does not count. Code point escapes (``\\u0053``) are
    read both as written and expanded, as engines differ on where they expand them.

    Example:
        >>> uses_service("SELECT * { SERVICE <http://e/sparql> { ?s ?p ?o } }")
        True
        >>> uses_service('SELECT * { ?s ?p "SERVICE <http://e/sparql> {}" }')
        False
    """

    def expand(match: re.Match[str]) -> str:
        code = int(match.group(1) or match.group(2), 16)
        return chr(code) if code < 0x110000 else match.group(0)

    expanded = _CODEPOINT.sub(expand, text)
    return any("SERVICE" in _keywords(form) for form in {text, expanded})


def refuse_service(text: str) -> None:
    """Raise :class:`ServiceRefused` when the query has a ``SERVICE`` clause.

    Example:
        >>> refuse_service("SELECT * { SERVICE SILENT <http://e/sparql> { ?s ?p ?o } }")
        Traceback (most recent call last):
        ...
        kg.query.ServiceRefused: SERVICE clauses send requests to other servers: refused
    """
    if uses_service(text):
        raise ServiceRefused("SERVICE clauses send requests to other servers: refused")


def check_params(entry: LibraryQuery | None, bindings: Mapping[str, Identifier]) -> None:
    """Raise :class:`QueryError` when a library query's parameter is not bound."""
    if entry is None:
        return
    missing = [name for name in entry.params if name not in bindings]
    if missing:
        wanted = " ".join(f"--bind {name}=..." for name in missing)
        described = "; ".join(f"{name}: {entry.params[name]}" for name in missing)
        raise QueryError(f"query {entry.name!r} needs {wanted} ({described})")


def _where_brace(text: str) -> int:
    """Index of the ``{`` opening the query pattern, skipping strings, IRIs and comments.

    The template of a ``CONSTRUCT { ... } WHERE { ... }`` is skipped.
    """
    i, n = 0, len(text)
    form = ""
    depth = 0
    template_open = False
    while i < n:
        ch = text[i]
        if ch == "#":
            end = text.find("\n", i)
            i = n if end < 0 else end
            continue
        if ch in "\"'":
            quote = ch * 3 if text.startswith(ch * 3, i) else ch
            j = i + len(quote)
            while j < n and not text.startswith(quote, j):
                j += 2 if text[j] == "\\" else 1
            i = j + len(quote)
            continue
        if ch == "<":
            iri = re.match(r"<[^<>\"{}|^`\\\s]*>", text[i:])
            if iri:
                i += iri.end()
                continue
        if ch.isalpha() and depth == 0 and not form:
            word = re.match(r"[A-Za-z]+", text[i:])
            assert word is not None
            if word.group(0).upper() in ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK"):
                form = word.group(0).upper()
                rest = text[i + word.end() :].lstrip()
                template_open = form == "CONSTRUCT" and rest.startswith("{")
            i += word.end()
            continue
        if ch == "{":
            if form and depth == 0 and not template_open:
                return i
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0 and template_open:
                template_open = False
        i += 1
    raise QueryError("cannot bind parameters: the query has no WHERE { ... } pattern")


def bind_values(text: str, bindings: Mapping[str, Identifier]) -> str:
    """Put ``bindings`` as a ``VALUES`` block at the head of the query pattern.

    Both engines then see the same query, and the bound variables are visible to
    every ``FILTER`` of the outer pattern. Values are written by :func:`sparql_term`.

    Raises:
        QueryError: The query has no pattern, or a value cannot be written in a query.

    Example:
        >>> bind_values("SELECT ?x WHERE { ?x ?p ?a }", {"a": URIRef("http://e/a")})
        'SELECT ?x WHERE { VALUES (?a) { (<http://e/a>) } ?x ?p ?a }'
    """
    if not bindings:
        return text
    at = _where_brace(text)
    names = " ".join(f"?{k}" for k in bindings)
    values = " ".join(sparql_term(v) for v in bindings.values())
    return f"{text[: at + 1]} VALUES ({names}) {{ ({values}) }}{text[at + 1 :]}"


# ---------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------


@dataclass
class Result:
    """What a query returned, engine-independent.

    Attributes:
        kind: ``"select"``, ``"ask"`` or ``"graph"`` (CONSTRUCT / DESCRIBE).
        variables: Column names of a SELECT.
        rows: One tuple of terms (``None`` where unbound) per solution.
        boolean: The answer of an ASK.
        graph: The triples of a CONSTRUCT or DESCRIBE.
    """

    kind: Literal["select", "ask", "graph"]
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Node | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None


def _canonical(term: Any) -> Any:
    """Plain literals become ``xsd:string`` ones (RDF 1.1: they are the same)."""
    if isinstance(term, RdfLiteral) and term.datatype is None and not term.language:
        return RdfLiteral(str(term), datatype=XSD.string)
    return term


# ---------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------


def rdf_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand files and directories into the RDF files to load, in a stable order.

    Raises:
        GraphLoadError: A path is missing, has an unknown suffix, or a directory
            holds no RDF file.
    """
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if formats.of_path(p) and p.is_file())
            found = [
                p for p in found if not any(s.startswith(".") for s in p.relative_to(path).parts)
            ]
            if not found:
                raise GraphLoadError(f"{path}: no RDF files ({formats.suffix_list()})")
            files += found
        elif path.is_file():
            if formats.of_path(path) is None:
                raise GraphLoadError(f"{path}: not an RDF file (expected {formats.suffix_list()})")
            files.append(path)
        else:
            raise GraphLoadError(f"{path}: no such file or directory")
    return files


def is_oxigraph_store(path: str | Path) -> bool:
    """Whether ``path`` is an Oxigraph (RocksDB) store directory."""
    p = Path(path)
    return p.is_dir() and (p / "CURRENT").is_file() and any(p.glob("MANIFEST-*"))


def load_rdflib(paths: Iterable[str | Path]) -> Dataset:
    """Load RDF files into one rdflib dataset whose default graph is the union of all.

    Raises:
        GraphLoadError: A file is missing or does not parse (the message names it).
    """
    paths = list(paths)
    if any(is_oxigraph_store(p) for p in paths):
        store = load_store(paths)
        dataset = Dataset(default_union=True)
        for quad in store:
            s, p, o = (_from_ox(t) for t in (quad.subject, quad.predicate, quad.object))
            dataset.add((s, p, o))
        return bind_prefixes(dataset)  # type: ignore[return-value]
    dataset = Dataset(default_union=True)
    for path in rdf_files(paths):
        try:
            dataset.parse(path, format=formats.BY_SUFFIX[path.suffix].rdflib)
        except Exception as err:  # noqa: BLE001 - every parser failure is the file's fault
            raise GraphLoadError(f"{path}: not valid {path.suffix[1:]}: {_one_line(err)}") from None
    bind_prefixes(dataset)
    return dataset


#: The Oxigraph store a build keeps beside its graph file (``OUT/store``), and the file
#: naming the graph file it holds, with that file's size and modification time.
STORE_DIR, STORE_STAMP = "store", ".store-source.json"


def _file_state(path: Path) -> dict[str, Any]:
    info = path.stat()
    return {"file": path.name, "size": info.st_size, "mtime_ns": info.st_mtime_ns}


class ChunkLoader:
    """A text sink that bulk-loads the N-Triples or N-Quads lines written to it into a
    store, a few megabytes at a time, so loading takes the same memory at any size
    (one bulk load of a million triples takes 0.8 GB).

    Whatever is written must be whole lines.
    """

    def __init__(self, store: Any, quads: bool, limit: int = 8_000_000) -> None:
        import pyoxigraph as ox

        self.store, self.limit = store, limit
        self.format = ox.RdfFormat.N_QUADS if quads else ox.RdfFormat.N_TRIPLES
        self.parts: list[str] = []
        self.size = 0

    def write(self, text: str) -> None:
        """Take ``text`` (whole lines); load what is held once it passes the limit."""
        self.parts.append(text)
        self.size += len(text)
        if self.size >= self.limit:
            self.flush()

    def writelines(self, lines: Iterable[str]) -> None:
        """Take each line in turn."""
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        """Load what is held."""
        if self.parts:
            self.store.bulk_load("".join(self.parts).encode("utf-8"), format=self.format)
            self.parts.clear()
            self.size = 0


def write_store(
    graph_file: Path, feed: Callable[[ChunkLoader], None] | None = None, quads: bool = False
) -> Path:
    """Bulk-load a build's graph into the store beside its file (``OUT/store``), replacing
    any older one, so later queries and analyses open it instead of parsing the file
    (at a million triples: opened in 0.01 s instead of parsed in 5 s).

    ``feed`` writes the graph's lines (N-Quads when ``quads``, else N-Triples) to the
    :class:`ChunkLoader` it is given, so the store loads a chunk at a time; without it,
    the file itself is loaded at once. The store is loaded under a temporary name and
    renamed into place: an interrupted load leaves the older store, which its stamp
    then marks as stale.

    Raises:
        GraphLoadError: The graph file does not parse.
        OSError: The store cannot be written.
    """
    import pyoxigraph as ox

    from kg.write import _readable

    out = graph_file.parent
    stamp, final = out / STORE_STAMP, out / STORE_DIR
    stamp.unlink(missing_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".store-", dir=out))
    _readable(str(work), 0o777)
    try:
        store = ox.Store(str(work))
        try:
            if feed is not None:
                loader = ChunkLoader(store, quads)
                feed(loader)
                loader.flush()
            else:
                fmt = getattr(ox.RdfFormat, formats.BY_SUFFIX[graph_file.suffix].oxigraph)
                store.bulk_load(path=str(graph_file), format=fmt)
        except (SyntaxError, ValueError) as err:
            raise GraphLoadError(
                f"{graph_file}: not valid {graph_file.suffix[1:]}: {_one_line(err)}"
            ) from None
        store.optimize()  # compacted, the store answers about twice as fast
        del store
        gc.collect()  # the store's files are closed when the object is gone
        if final.exists():
            shutil.rmtree(final)
        os.replace(work, final)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    stamp.write_text(json.dumps(_file_state(graph_file)), encoding="utf-8")
    return final


def drop_store(out: Path) -> None:
    """Remove the store a build directory keeps, and its stamp."""
    (out / STORE_STAMP).unlink(missing_ok=True)
    shutil.rmtree(out / STORE_DIR, ignore_errors=True)


def current_store(files: Sequence[Path]) -> Path | None:
    """The store kept beside ``files`` when they are one graph file it holds as it is now.

    >>> current_store([])
    """
    if len(files) != 1:
        return None
    graph_file = files[0]
    stamp = graph_file.parent / STORE_STAMP
    final = graph_file.parent / STORE_DIR
    try:
        recorded = json.loads(stamp.read_text(encoding="utf-8"))
        now = _file_state(graph_file)
    except (OSError, ValueError):
        return None
    return final if recorded == now and is_oxigraph_store(final) else None


def _kept_store(paths: list[str | Path]) -> tuple[Any, list[Path]]:
    """The store to read ``paths`` from, if any: a store directory given as the only
    GRAPH, or the store a build keeps beside its graph file while it holds the file as
    it is now (:func:`write_store`); else None and the RDF files to parse.

    Raises:
        GraphLoadError: A file is missing, or a store directory is not the only GRAPH
            or cannot be opened.
    """
    import pyoxigraph as ox

    stores = [p for p in paths if is_oxigraph_store(p)]
    if stores:
        if len(paths) > 1:
            raise GraphLoadError(f"{stores[0]}: a store directory must be the only GRAPH")
        try:
            return ox.Store.read_only(str(stores[0])), []
        except OSError as err:
            raise GraphLoadError(f"{stores[0]}: cannot open store: {_one_line(err)}") from None
    files = rdf_files(paths)
    kept = current_store(files)
    if kept is not None:
        try:
            return ox.Store.read_only(str(kept)), files
        except OSError:
            log.debug("store %s cannot be opened; parsing the graph file", kept)
    return None, files


def _oxigraph_format(path: Path) -> Any:
    import pyoxigraph as ox

    return getattr(ox.RdfFormat, formats.BY_SUFFIX[path.suffix].oxigraph)


def _not_valid(path: Path, err: BaseException) -> GraphLoadError:
    return GraphLoadError(f"{path}: not valid {path.suffix[1:]}: {_one_line(err)}")


def load_store(paths: Iterable[str | Path]) -> Any:
    """Load RDF files into an in-memory pyoxigraph store, or open a store directory.

    A build's graph file (or its directory, when that holds no other RDF file) is read
    from the store the build keeps beside it (:func:`write_store`) when the store
    holds the file as it is now; otherwise the file is parsed.

    Raises:
        GraphLoadError: A file is missing or does not parse (the message names it).
    """
    import pyoxigraph as ox

    store, files = _kept_store(list(paths))
    if store is not None:
        return store
    store = ox.Store()
    for path in files:
        try:
            store.bulk_load(path=str(path), format=_oxigraph_format(path))
        except (SyntaxError, ValueError, OSError) as err:
            raise _not_valid(path, err) from None
    return store


def quads(paths: Iterable[str | Path]) -> Iterator[Any]:
    """Every quad of RDF files (or of a store) as pyoxigraph reads it, streamed.

    A file is parsed as it is read and never held in a store, so a reader that keeps
    only part of the graph needs memory for that part alone. A quad a file repeats
    comes as often as it is written; blank nodes of different files never meet.

    Raises:
        GraphLoadError: A file is missing or does not parse (the message names it).
    """
    import pyoxigraph as ox

    store, files = _kept_store(list(paths))
    if store is not None:
        yield from store
        return
    for path in files:
        try:
            yield from ox.parse(
                path=str(path), format=_oxigraph_format(path), rename_blank_nodes=True
            )
        except (SyntaxError, ValueError, OSError) as err:
            raise _not_valid(path, err) from None


def load_graph_part(
    paths: Iterable[str | Path], skip: Iterable[URIRef] = (), drop: Iterable[URIRef] = ()
) -> tuple[Graph, int]:
    """Load RDF files (or a store) through Oxigraph into one rdflib graph, leaving out
    the triples of the ``skip`` and ``drop`` predicates; also the size of the union
    graph without the ``drop`` ones.

    Oxigraph parses far faster than rdflib, and a reader that needs only part of the
    graph (analysis, views) keeps only that part in rdflib: the files are streamed
    (:func:`quads`), never loaded whole, and the graph keeps no per-context index.

    Raises:
        GraphLoadError: A file is missing or does not parse (the message names it).
    """
    left_out = {str(p) for p in skip}
    dropped = {str(p) for p in drop}
    graph = bind_prefixes(Graph(store="SimpleMemory"))
    skipped: set[int] = set()  # hashes of the triples left out, to count them once each
    term = _converter()
    with _without_cycle_collection():
        for quad in quads(paths):
            predicate = quad.predicate.value
            if predicate in dropped:
                continue
            if predicate in left_out:
                skipped.add(hash((quad.subject, quad.predicate, quad.object)))
                continue
            graph.add((term(quad.subject), term(quad.predicate), term(quad.object)))
    return graph, len(graph) + len(skipped)


def store_from_graph(graph: Graph) -> Any:
    """Copy an rdflib graph into an in-memory pyoxigraph store."""
    import pyoxigraph as ox

    store = ox.Store()
    data = graph.serialize(format="nt", encoding="utf-8")
    store.bulk_load(data, format=ox.RdfFormat.N_TRIPLES)
    return store


def _one_line(err: BaseException) -> str:
    return " ".join(str(err).split()) or type(err).__name__


# ---------------------------------------------------------------------------
# Engines
# ---------------------------------------------------------------------------


def run_rdflib(
    graph: Graph,
    text: str,
    bindings: Mapping[str, Identifier] | None = None,
    *,
    allow_service: bool = False,
) -> Result:
    """Run SPARQL with rdflib.

    Args:
        graph: The graph (or dataset) to query.
        text: The query.
        bindings: Variables to bind (see :func:`bind_values`).
        allow_service: Run ``SERVICE`` clauses, which send requests to other servers;
            without it, a query that has one is refused.

    Raises:
        ServiceRefused: The query has a ``SERVICE`` clause and ``allow_service`` is false.
        QueryError: The query does not parse (with line and column) or fails.
    """
    from pyparsing import ParseException
    from rdflib.plugins.sparql import prepareQuery

    ns = prefixes()
    text = bind_values(text, bindings or {})
    if not allow_service:
        refuse_service(text)
    try:
        prepared = prepareQuery(text, initNs=ns)
    except ParseException as err:
        raise QueryError(f"line {err.lineno}, column {err.col}: {err.msg}") from None
    except Exception as err:  # noqa: BLE001 - rdflib raises bare Exceptions (unknown prefix)
        raise QueryError(_one_line(err)) from None
    try:
        answer = graph.query(prepared)
        if answer.type == "ASK":
            return Result("ask", boolean=bool(answer.askAnswer))
        if answer.type in ("CONSTRUCT", "DESCRIBE"):
            out = bind_prefixes(Graph())
            for triple in answer:
                s, p, o = triple  # type: ignore[misc]
                out.add((_canonical(s), p, _canonical(o)))
            return Result("graph", graph=out)
        variables = [str(v) for v in (answer.vars or [])]
        rows = [tuple(_canonical(row[i]) for i in range(len(variables))) for row in answer]  # type: ignore[index]
    except QueryError:
        raise
    except Exception as err:  # noqa: BLE001 - evaluation errors become one line
        raise QueryError(f"query failed: {_one_line(err)}") from None
    return Result("select", variables=variables, rows=rows)


_XSD_STRING = str(XSD.string)


def _from_ox(term: Any) -> Any:
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return RdfLiteral(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == _XSD_STRING:  # a string's lexical form is its value: nothing to normalise
            return RdfLiteral(term.value, datatype=XSD.string, normalize=False)
        return RdfLiteral(term.value, datatype=URIRef(datatype))
    raise TypeError(f"unsupported term {term!r}")


def run_oxigraph(
    store: Any,
    text: str,
    bindings: Mapping[str, Identifier] | None = None,
    *,
    allow_service: bool = False,
) -> Result:
    """Run SPARQL with pyoxigraph on a store (see :func:`load_store`).

    Args:
        store: The pyoxigraph store to query.
        text: The query.
        bindings: Variables to bind (see :func:`bind_values`).
        allow_service: Run ``SERVICE`` clauses, which send requests to other servers;
            without it, a query that has one is refused.

    Raises:
        ServiceRefused: The query has a ``SERVICE`` clause and ``allow_service`` is false.
        QueryError: The query does not parse (with line and column) or fails.
    """
    answer = _ox_answer(store, text, bindings, allow_service=allow_service)
    try:  # solutions are computed while they are read: errors (SERVICE...) come here
        return _ox_result(answer)
    except (OSError, ValueError, RuntimeError) as err:
        raise QueryError(f"query failed: {_one_line(err)}") from None


#: SPARQL 1.1 results formats Oxigraph writes itself (``--format``).
RESULTS_FORMATS = ("csv", "tsv", "json", "xml")


def serialize_oxigraph(
    store: Any,
    text: str,
    fmt: str,
    bindings: Mapping[str, Identifier] | None = None,
    *,
    allow_service: bool = False,
) -> tuple[str, bool | None] | Result:
    """Run SPARQL with pyoxigraph and write its answer with Oxigraph's own SPARQL results
    serialiser: ``(text, boolean of an ASK or None)``; a graph (CONSTRUCT, DESCRIBE)
    comes back as a :class:`Result` for the caller to write as RDF.

    Raises:
        ServiceRefused, QueryError: as :func:`run_oxigraph`.
    """
    import pyoxigraph as ox

    answer = _ox_answer(store, text, bindings, allow_service=allow_service)
    try:
        if isinstance(answer, ox.QuerySolutions | ox.QueryBoolean):
            data = answer.serialize(format=getattr(ox.QueryResultsFormat, fmt.upper()))
            boolean = bool(answer) if isinstance(answer, ox.QueryBoolean) else None
            return data.decode("utf-8") if isinstance(data, bytes) else str(data), boolean
        return _ox_result(answer)
    except (OSError, ValueError, RuntimeError) as err:
        raise QueryError(f"query failed: {_one_line(err)}") from None


def _ox_answer(
    store: Any,
    text: str,
    bindings: Mapping[str, Identifier] | None = None,
    *,
    allow_service: bool = False,
) -> Any:
    """Oxigraph's answer to a query, its errors as :class:`QueryError` lines."""
    text = bind_values(text, bindings or {})
    if not allow_service:
        refuse_service(text)
    try:
        answer = store.query(text, prefixes=prefixes(), use_default_graph_as_union=True)
    except SyntaxError as err:
        message = str(err)
        match = _OX_POSITION.match(message)
        if match:
            line, col, rest = match.groups()
            if "Prefix not found" in rest:
                rest = "unknown prefix (declare it with PREFIX)"
            message = f"line {line}, column {col}: {rest}"
        raise QueryError(_one_line(ValueError(message))) from None
    except (OSError, ValueError, RuntimeError) as err:
        raise QueryError(f"query failed: {_one_line(err)}") from None
    return answer


def _ox_result(answer: Any) -> Result:
    """Read a pyoxigraph answer into a :class:`Result`."""
    import pyoxigraph as ox

    if isinstance(answer, ox.QueryBoolean):
        return Result("ask", boolean=bool(answer))
    if isinstance(answer, ox.QueryTriples):
        out = bind_prefixes(Graph())
        for triple in answer:
            out.add((_from_ox(triple.subject), _from_ox(triple.predicate), _from_ox(triple.object)))
        return Result("graph", graph=out)
    variables = [v.value for v in answer.variables]
    term = _converter()
    with _without_cycle_collection():
        rows = [tuple(term(solution[v]) for v in variables) for solution in answer]
    return Result("select", variables=variables, rows=rows)


def _converter() -> Callable[[Any], Any]:
    """:func:`_from_ox` remembering what it converted: a label, date or class recurs on
    many rows and triples, and an rdflib literal is slow to make."""
    seen: dict[Any, Any] = {}

    def term(value: Any) -> Any:
        found = seen.get(value)
        if found is None and value is not None:
            found = seen[value] = _from_ox(value)
        return found

    return term


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Pause the cyclic garbage collector while many objects without cycles are made:
    run again and again over a growing heap, it would make reading quadratic."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def run(
    graph_paths: Sequence[str | Path],
    text: str,
    engine: str = "oxigraph",
    bindings: Mapping[str, Identifier] | None = None,
    *,
    allow_service: bool = False,
) -> Result:
    """Load ``graph_paths`` and run ``text`` on ``engine``.

    ``allow_service`` is as for :func:`run_rdflib`; a query with a ``SERVICE`` clause
    is refused before anything is loaded.

    Raises:
        GraphLoadError: A graph file cannot be loaded.
        ServiceRefused: The query has a ``SERVICE`` clause and ``allow_service`` is false.
        QueryError: The query does not parse or fails.
        ValueError: ``engine`` is not one of :data:`ENGINES`.
    """
    if not allow_service:
        refuse_service(text)
    if engine == "rdflib":
        return run_rdflib(load_rdflib(graph_paths), text, bindings, allow_service=allow_service)
    if engine == "oxigraph":
        store = load_store(graph_paths)
        return run_oxigraph(store, text, bindings, allow_service=allow_service)
    raise ValueError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
