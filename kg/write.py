"""Triples → files, atomically (temp file, then rename) and byte-for-byte reproducibly.

The N-Triples, N-Quads, Turtle and TriG writers are this module's own, correct by
construction: every literal is written as a short quoted string with the escapes
of the N-Triples grammar, and every character that a line-based tool could take
for a line break (U+0085, U+2028, U+2029, the C0 and C1 controls) as ``\\uXXXX``.
So each triple is exactly one line of N-Triples, and the same escaped term is
valid Turtle: rdflib, Oxigraph and ``split("\\n")`` all read the output the same
way. Only JSON-LD goes through rdflib.
"""

from __future__ import annotations

import functools
import json
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Protocol

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg import formats
from kg.vocab import prefixes

_RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_XSD = "http://www.w3.org/2001/XMLSchema#"
# Characters a literal may not hold raw: quote, backslash, controls and line separators.
_LITERAL_UNSAFE = re.compile('["\\\\\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]')
_ECHAR = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
# Characters an IRIREF may not hold (N-Triples and Turtle grammars), and surrogates.
_IRI_UNSAFE = re.compile('[\x00-\x20<>"{}|^`\\\\\x7f-\x9f\u2028\u2029\ud800-\udfff]')
_TURTLE_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")
_TURTLE_NUMBER = {
    f"{_XSD}integer": re.compile(r"[+-]?[0-9]+\Z"),
    f"{_XSD}decimal": re.compile(r"[+-]?[0-9]*\.[0-9]+\Z"),
    f"{_XSD}boolean": re.compile(r"(true|false)\Z"),
}


class LineSink(Protocol):
    """Where serialised lines go: an open text file, or a loader that takes them in chunks
    (:class:`kg.query.ChunkLoader`)."""

    def write(self, text: str, /) -> object: ...

    def writelines(self, lines: Iterable[str], /) -> object: ...


class SerializationError(ValueError):
    """A term cannot be written as RDF (a lone surrogate is not a character)."""


def _surrogate(text: str) -> SerializationError:
    index = next(i for i, c in enumerate(text) if "\ud800" <= c <= "\udfff")
    return SerializationError(
        f"lone surrogate \\u{ord(text[index]):04x} at character {index} is not valid Unicode"
    )


def _escape_char(match: re.Match[str]) -> str:
    char = match.group()
    if "\ud800" <= char <= "\udfff":
        raise _surrogate(match.string)
    return _ECHAR.get(char) or f"\\u{ord(char):04X}"


def escape_literal(text: str) -> str:
    r"""The body of a quoted N-Triples / Turtle string: safe on one line, in every parser.

    Raises:
        SerializationError: ``text`` holds a lone surrogate.

    Examples:
        >>> escape_literal('say "hi"\n')
        'say \\"hi\\"\\n'
        >>> escape_literal("a\u2028b\x0bc\\")
        'a\\u2028b\\u000Bc\\\\'
    """
    return _LITERAL_UNSAFE.sub(_escape_char, text)


def _escape_iri_char(match: re.Match[str]) -> str:
    char = match.group()
    if "\ud800" <= char <= "\udfff":
        raise _surrogate(match.string)
    return "".join(f"%{b:02X}" for b in char.encode("utf-8"))


def nt_term(term: Node) -> str:
    """One RDF term in N-Triples syntax (which is also valid Turtle).

    Characters an IRI may not hold are percent-encoded, so the IRI stays one token.

    Examples:
        >>> nt_term(URIRef("http://x.org/a b"))
        '<http://x.org/a%20b>'
        >>> nt_term(Literal("a\\nb"))
        '"a\\\\nb"'
        >>> nt_term(Literal(3))
        '"3"^^<http://www.w3.org/2001/XMLSchema#integer>'
        >>> nt_term(Literal("oui", lang="fr"))
        '"oui"@fr'
    """
    if isinstance(term, URIRef):
        return f"<{_IRI_UNSAFE.sub(_escape_iri_char, str(term))}>"
    if isinstance(term, Literal):
        body = f'"{escape_literal(str(term))}"'
        if term.language:
            return f"{body}@{term.language}"
        if term.datatype is not None and str(term.datatype) != f"{_XSD}string":
            return f"{body}^^{nt_term(term.datatype)}"
        if term.datatype is not None:
            return f"{body}^^<{_XSD}string>"
        return body
    if isinstance(term, BNode):
        return f"_:{re.sub(r'[^A-Za-z0-9]', '_', str(term)) or 'b'}"
    raise SerializationError(f"not an RDF term: {term!r}")


def nt_lines(triples: Iterable[tuple[Node, Node, Node]]) -> str:
    """Triples as sorted, distinct N-Triples lines, each ending in ``\\n``.

    Example:
        >>> print(nt_lines([(URIRef("x:s"), URIRef("x:p"), Literal("a\\u2028b"))]), end="")
        <x:s> <x:p> "a\\u2028b" .
    """
    lines = {f"{nt_term(s)} {nt_term(p)} {nt_term(o)} .\n" for s, p, o in triples}
    return "".join(sorted(lines))


def split_lines(text: str) -> list[str]:
    """Non-empty N-Triples lines of ``text``, split on ``\\n`` only (never on U+2028).

    Example:
        >>> split_lines('<a> <b> "x\\u2028y" .\\n\\n<a> <b> <c> .\\n')
        ['<a> <b> "x\\u2028y" .', '<a> <b> <c> .']
    """
    return [line for line in text.split("\n") if line.strip()]


def _parse_line(line: str) -> tuple[str, str, str]:
    """``(subject, predicate, object)`` of one N-Triples line as written by :func:`nt_lines`."""
    subject, predicate, rest = line.rstrip("\n").split(" ", 2)
    return subject, predicate, rest.removesuffix(" .").rstrip()


@functools.cache
def _turtle_prefixes() -> tuple[tuple[str, str], ...]:
    """The prefixes Turtle output abbreviates with (not ``pekr:``: its IRIs hold ``/``)."""
    return tuple((p, ns) for p, ns in prefixes().items() if p != "pekr")


def _turtle_iri(term: str) -> str:
    """A full IRI in Turtle: a prefixed name where the local part is plainly safe."""
    iri = term[1:-1]
    for prefix, namespace in _turtle_prefixes():
        if iri.startswith(namespace):
            local = iri[len(namespace) :]
            if _TURTLE_LOCAL.match(local):
                return f"{prefix}:{local}"
    return term


def turtle_term(term: str) -> str:
    """An N-Triples term as Turtle: prefixed names, plain numbers where the grammar allows.

    Examples:
        >>> turtle_term('"0.8"^^<http://www.w3.org/2001/XMLSchema#decimal>')
        '0.8'
        >>> turtle_term('"x"^^<http://www.w3.org/2001/XMLSchema#string>')
        '"x"^^xsd:string'
        >>> turtle_term('<https://w3id.org/pekg/ontology#Meeting>')
        'pek:Meeting'
    """
    if term.startswith("<"):
        return _turtle_iri(term)
    if term.startswith('"') and term.endswith(">") and '"^^<' in term:
        body, _, datatype = term.rpartition("^^")
        pattern = _TURTLE_NUMBER.get(datatype[1:-1])
        if pattern and pattern.match(body[1:-1]):
            return body[1:-1]
        return f"{body}^^{_turtle_iri(datatype)}"
    return term


def turtle_chunk(lines: Iterable[str]) -> str:
    """Sorted N-Triples lines as Turtle statements, one block a subject (no prefixes).

    Example:
        >>> print(turtle_chunk([
        ...     '<x:s> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <x:C> .',
        ...     '<x:s> <x:p> "a" .', '<x:s> <x:p> "b" .']), end="")
        <x:s> a <x:C> ;
            <x:p> "a", "b" .
        <BLANKLINE>
    """
    out: list[str] = []
    current: str | None = None
    groups: dict[str, list[str]] = {}

    def flush() -> None:
        if current is None:
            return
        order = sorted(groups, key=lambda p: (p != _RDF_TYPE, p))
        parts = [
            ("a" if p == _RDF_TYPE else turtle_term(p)) + " " + ", ".join(groups[p]) for p in order
        ]
        out.append(f"{turtle_term(current)} " + " ;\n    ".join(parts) + " .\n\n")

    for line in lines:
        if not line.strip():
            continue
        subject, predicate, obj = _parse_line(line)
        if subject != current:
            flush()
            current, groups = subject, {}
        groups.setdefault(predicate, []).append(turtle_term(obj))
    flush()
    return "".join(out)


def prefix_header() -> str:
    """The contract's ``@prefix`` lines and a blank line."""
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in prefixes().items()) + "\n"


def quads(lines: Iterable[str], graph: str) -> Iterator[str]:
    """N-Triples lines as N-Quads lines in the named graph ``graph``."""
    name = nt_term(URIRef(graph))
    for line in lines:
        if line.strip():
            yield line.rstrip("\n").removesuffix(".").rstrip() + f" {name} .\n"


def jsonld(graph: Graph) -> str:
    """The graph as JSON-LD with an ``@context`` of the contract's prefixes, nodes by ``@id``.

    >>> from rdflib import Literal, URIRef
    >>> from rdflib.namespace import RDFS
    >>> g = Graph()
    >>> _ = g.add((URIRef("https://w3id.org/pekg/id/country/RUS"), RDFS.label, Literal("Russia")))
    >>> data = json.loads(jsonld(g))
    >>> data["@context"]["pek"], data["@graph"][0][str(RDFS.label)][0]["@value"]
    ('https://w3id.org/pekg/ontology#', 'Russia')
    """
    from kg.vocab import prefixes

    # Expanded nodes keep every literal's datatype (compacting drops xsd:string); the
    # context beside them gives readers and tools the graph's prefixes.
    nodes = json.loads(graph.serialize(format="json-ld"))
    if not isinstance(nodes, list):
        nodes = [nodes]
    nodes.sort(key=lambda node: str(node.get("@id", "")))
    out = {"@context": prefixes(), "@graph": nodes}
    return json.dumps(out, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def serialize(graph: Graph, fmt: str = "ttl") -> str:
    """The graph as text in a stable order, so two builds of the same input diff cleanly.

    ``trig`` and ``nq`` put every triple in the default graph (a plain graph has no
    names of its own).
    """
    formats.get(fmt)
    if fmt == "jsonld":
        return jsonld(graph)
    lines = nt_lines(graph)
    if fmt in ("nt", "nq"):
        return lines
    body = turtle_chunk(split_lines(lines))
    if fmt == "ttl":
        return prefix_header() + body
    return prefix_header() + "{\n" + body.rstrip("\n") + "\n}\n"


def _readable(path: str, mode: int = 0o666) -> None:
    """Give a temporary file (or, with ``mode`` 0o777, directory) the mode a plain
    ``open`` (or ``mkdir``) would: mkstemp and mkdtemp make them private."""
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(path, mode & ~mask)


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename: never half written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        _readable(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_graph(graph: Graph, out_dir: Path, fmt: str = "ttl") -> Path:
    """Write ``graph`` to ``out_dir/graph.<suffix>`` and return the path."""
    path = out_dir / formats.get(fmt).graph_file
    write_atomic(path, serialize(graph, fmt))
    return path
