"""Triple stores: push a build to a SPARQL 1.1 store, serve it locally, query an endpoint.

Three things, all over plain HTTP with the standard library:

- :func:`push` sends a build to any store that speaks the SPARQL 1.1 Graph Store HTTP
  Protocol (Oxigraph, Fuseki, GraphDB, ...): one named graph per article, sent with
  ``PUT`` so that pushing an article again replaces it, and the actors' descriptions in
  the shared graph :data:`ACTORS_GRAPH`, sent with ``POST`` (a merge: RDF set semantics
  make a second push a no-op).
- :func:`serve` / :func:`running_server` start a local, read-only Oxigraph server on a
  build, for YASGUI, notebooks and tests.
- :func:`query_endpoint` runs SPARQL on an endpoint and returns a :class:`kg.query.Result`
  of rdflib terms, so answers compare with those of ``kg query`` on the files.

A plain Turtle build has no named graphs: :func:`split_by_article` splits it. Because an
article's triples live in their own graph, library queries (which use no ``GRAPH``)
need a store that queries the union of its graphs by default: Oxigraph with
``--union-default-graph`` (what :func:`serve` does), Fuseki with ``unionDefaultGraph``.

Credentials come only from the environment, never from arguments, and are never shown:
``PEKG_STORE_TOKEN`` (a bearer token) or ``PEKG_STORE_USER`` / ``PEKG_STORE_PASSWORD``
(HTTP basic authentication).

Example:
    >>> from rdflib import Graph, Literal, URIRef
    >>> from rdflib.namespace import PROV, RDFS
    >>> g = Graph()
    >>> article, event = PEKR["article/a"], PEKR["event/a/1"]
    >>> _ = g.add((event, PROV.wasDerivedFrom, article))
    >>> _ = g.add((PEKR["country/RUS"], RDFS.label, Literal("Russia")))
    >>> {str(name): len(part) for name, part in split_by_article(g).items()}
    {'https://w3id.org/pekg/id/graph/actors': 1, 'https://w3id.org/pekg/id/article/a': 1}
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import http.client
import http.server
import json
import logging
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import PROV, XSD
from rdflib.term import Identifier, Node

from kg import formats
from kg.procs import tied_command
from kg.query import GraphLoadError, Result, bind_values, rdf_files, uses_service
from kg.vocab import PEK, PEKR

__all__ = [
    "ACTORS_GRAPH",
    "PushSummary",
    "StoreError",
    "build_files",
    "free_port",
    "load_build",
    "oxigraph_executable",
    "prepare_store",
    "push",
    "query_endpoint",
    "running_server",
    "serve",
    "split_by_article",
]

log = logging.getLogger(__name__)

#: The shared named graph of actor and place descriptions (labels, types, roles held...).
ACTORS_GRAPH = PEKR["graph/actors"]

#: Environment variables holding the store's credentials.
ENV_USER, ENV_PASSWORD, ENV_TOKEN = "PEKG_STORE_USER", "PEKG_STORE_PASSWORD", "PEKG_STORE_TOKEN"

#: When a build directory holds ``graph.*`` in several formats, the first of these is used.
GRAPH_PREFERENCE = tuple(formats.FORMATS[name].suffix for name in formats.PREFERENCE)

#: Formats whose named graphs are kept as they are (their default graph is split).
QUAD_SUFFIXES = frozenset(f.suffix for f in formats.FORMATS.values() if f.quads)

#: Properties that tie a node to the article it was read from.
_ARTICLE_LINKS = (PROV.wasDerivedFrom, PEK.article)

_NTRIPLES = "application/n-triples"
_RESULTS_JSON = "application/sparql-results+json"
_MAX_MESSAGE = 300


class StoreError(Exception):
    """A store could not be reached or refused a request; one line naming the endpoint."""


# ---------------------------------------------------------------------------
# Splitting a build into graphs
# ---------------------------------------------------------------------------


def _article_owners(graph: Graph) -> dict[Node, set[URIRef]]:
    """Map each node read from an article to the article IRIs it was read from.

    Articles own themselves, nodes with ``prov:wasDerivedFrom`` / ``pek:article`` own
    their articles, and ownership passes on to ballots (``pek:ballot``) and blank nodes.
    """
    owners: dict[Node, set[URIRef]] = {}
    for link in _ARTICLE_LINKS:
        for s, article in graph.subject_objects(link):
            if isinstance(article, URIRef):
                owners.setdefault(s, set()).add(article)
                owners.setdefault(article, set()).add(article)
    todo = list(owners)
    while todo:
        node = todo.pop()
        for p, o in graph.predicate_objects(node):
            if (p == PEK.ballot or isinstance(o, BNode)) and not owners[node] <= owners.get(
                o, set()
            ):
                owners.setdefault(o, set()).update(owners[node])
                todo.append(o)
    return owners


def split_by_article(graph: Graph) -> dict[URIRef, Graph]:
    """Split a build's triples into one graph per article and the shared actors graph.

    A triple goes where its subject was read from: events, quotes and roles
    (``prov:wasDerivedFrom``), evidence (``pek:article``), ballots (through their vote's
    ``pek:ballot``) and the article node itself go to the graph named by the article's
    IRI; everything else (actors, places and their labels, types, roles held) goes to
    :data:`ACTORS_GRAPH`. A node read from several articles (a role seen twice) is
    described in each of their graphs, except for links to nodes of one article only
    (its ``prov:wasDerivedFrom``, its evidence), which stay in that article's graph.

    Args:
        graph: A build without named graphs (a plain Turtle build, say). Not modified.

    Returns:
        Graph name → graph, the actors graph (when it has triples) first, then the
        articles by IRI; each graph carries the input's prefixes.

    Example:
        >>> from rdflib import Literal
        >>> from rdflib.namespace import RDF
        >>> g = Graph()
        >>> vote, ballot = PEKR["event/a/v"], PEKR["event/a/v/ballot/rus"]
        >>> _ = g.add((vote, PROV.wasDerivedFrom, PEKR["article/a"]))
        >>> _ = g.add((vote, PEK.ballot, ballot))
        >>> _ = g.add((ballot, PEK.choice, PEK.Veto))
        >>> _ = g.add((PEKR["country/RUS"], RDF.type, PEK.Country))
        >>> parts = split_by_article(g)
        >>> sorted((str(name).rsplit("/", 1)[1], len(part)) for name, part in parts.items())
        [('a', 3), ('actors', 1)]
    """
    owners = _article_owners(graph)
    parts: dict[URIRef, Graph] = {}

    def part(name: URIRef) -> Graph:
        if name not in parts:
            parts[name] = Graph(identifier=name)
            for prefix, namespace in graph.namespaces():
                parts[name].bind(prefix, namespace, override=True, replace=True)
        return parts[name]

    for triple in graph:
        s, _, o = triple
        articles = owners.get(s)
        if not articles:
            part(ACTORS_GRAPH).add(triple)
            continue
        narrower = articles & owners.get(o, set())
        for article in narrower or articles:
            part(article).add(triple)
    return {name: parts[name] for name in sorted(parts, key=_graph_order)}


def _graph_order(name: Node) -> tuple[bool, str]:
    """Sort key of graph names: the actors graph first, then the articles by IRI."""
    return name != ACTORS_GRAPH, str(name)


# ---------------------------------------------------------------------------
# Loading a build
# ---------------------------------------------------------------------------


def _as_list(paths: str | Path | Iterable[str | Path]) -> list[str | Path]:
    return [paths] if isinstance(paths, str | Path) else list(paths)


def build_files(paths: str | Path | Iterable[str | Path]) -> list[Path]:
    """The RDF files of a build: files as given, directories expanded.

    In a directory (``OUT``) that holds a build's graph, only that graph is used: one
    of ``graph.nq``, ``graph.trig``, ``graph.ttl``, ``graph.nt``, ``graph.jsonld`` (in
    that order of preference), never ``analysis.ttl`` or other RDF files beside it,
    which are sent only when named as paths of their own. A directory without a
    build's graph gives all its RDF files.

    Raises:
        GraphLoadError: A path is missing, is not RDF, or a directory holds no RDF file.
    """
    files: list[Path] = []
    for raw in _as_list(paths):
        found = rdf_files([raw])
        path = Path(raw)
        if path.is_dir():
            builds = {f.suffix: f for f in found if f.parent == path and f.stem == "graph"}
            best = next((builds[s] for s in GRAPH_PREFERENCE if s in builds), None)
            found = [best] if best is not None else found
        files += [f for f in found if f not in files]
    return files


def load_build(paths: str | Path | Iterable[str | Path]) -> dict[URIRef, Graph]:
    """Load a build as named graphs: those of ``.trig`` / ``.nq`` files are kept, the
    rest (``.ttl``, ``.nt``, ``.jsonld`` and default graphs) is :func:`split_by_article`.

    Graphs of the same name in several files are merged.

    Raises:
        GraphLoadError: A file is missing or does not parse (the message names it).
    """
    graphs: dict[URIRef, Graph] = {}
    unnamed = Graph()

    def merge(name: URIRef, source: Graph) -> None:
        if name not in graphs:
            graphs[name] = Graph(identifier=name)
        target = graphs[name]
        for prefix, namespace in source.namespaces():
            target.bind(prefix, namespace, override=False)
        for triple in source:
            target.add(triple)

    for path in build_files(paths):
        dataset = Dataset()
        try:
            dataset.parse(path, format=formats.BY_SUFFIX[path.suffix].rdflib)
        except Exception as err:  # noqa: BLE001 - every parser failure is the file's fault
            raise GraphLoadError(f"{path}: not valid {path.suffix[1:]}: {_one_line(err)}") from None
        for named in dataset.graphs():
            if named.identifier == DATASET_DEFAULT_GRAPH_ID or not isinstance(
                named.identifier, URIRef
            ):
                for prefix, namespace in dataset.namespaces():
                    unnamed.bind(prefix, namespace, override=False)
                for triple in named:
                    unnamed.add(triple)
            elif len(named):
                merge(named.identifier, named)
    for name, part in split_by_article(unnamed).items():
        merge(name, part)
    return graphs


# ---------------------------------------------------------------------------
# HTTP
# ---------------------------------------------------------------------------


def _secrets() -> list[str]:
    """The credentials in the environment, raw and encoded (to keep them out of messages)."""
    found = [v for v in (os.environ.get(k) for k in (ENV_PASSWORD, ENV_TOKEN)) if v]
    with contextlib.suppress(StoreError):
        header = _authorization()
        if header:
            found.append(header.partition(" ")[2])
    return sorted(found, key=len, reverse=True)


def _authorization() -> str | None:
    """The ``Authorization`` header from the environment, if credentials are set.

    Raises:
        StoreError: A password is set without a user.

    Example:
        >>> from unittest import mock
        >>> with mock.patch.dict(os.environ, {ENV_USER: "ann", ENV_PASSWORD: "pw"}, clear=True):
        ...     _authorization()
        'Basic YW5uOnB3'
    """
    token = os.environ.get(ENV_TOKEN)
    if token:
        return f"Bearer {token}"
    user, password = os.environ.get(ENV_USER), os.environ.get(ENV_PASSWORD)
    if user:
        pair = f"{user}:{password or ''}".encode()
        return "Basic " + base64.b64encode(pair).decode("ascii")
    if password:
        raise StoreError(f"{ENV_PASSWORD} is set but {ENV_USER} is not")
    return None


def _redact(text: str) -> str:
    """``text`` on one line, without credentials or URL user info, cut to a sane length.

    Example:
        >>> _redact("http://ann:secret@host/store\\nrefused")
        'http://host/store refused'
    """
    text = " ".join(text.split())
    for secret in _secrets():
        text = text.replace(secret, "***")
    parts = text.split(" ")
    for i, word in enumerate(parts):
        if "://" in word and "@" in word:
            parts[i] = _public_url(word)
    text = " ".join(parts)
    return text if len(text) <= _MAX_MESSAGE else text[: _MAX_MESSAGE - 1] + "…"


def _public_url(url: str) -> str:
    """``url`` without its user info (``user:password@``)."""
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        return url
    netloc = parts.netloc.rpartition("@")[2]
    return urllib.parse.urlunsplit(parts._replace(netloc=netloc))


def _one_line(err: BaseException) -> str:
    return " ".join(str(err).split()) or type(err).__name__


def _opener(url: str) -> urllib.request.OpenerDirector:
    """A URL opener; proxies from the environment are skipped for loopback hosts."""
    host = urllib.parse.urlsplit(url).hostname or ""
    if host in ("localhost", "127.0.0.1", "::1") or host.startswith("127."):
        return urllib.request.build_opener(urllib.request.ProxyHandler({}))
    return urllib.request.build_opener()


def _request(
    method: str,
    url: str,
    *,
    label: str,
    body: bytes | None = None,
    headers: Mapping[str, str] | None = None,
    timeout: float = 60.0,
) -> tuple[int, str, bytes]:
    """Send one HTTP request; return ``(status, content type, body)``.

    Raises:
        StoreError: Not an http(s) URL, the host is unreachable, or an HTTP error status;
            the message starts with ``label`` and carries the server's message.
    """
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise StoreError(_redact(f"{label}: not an http(s) URL"))
    if "@" in parts.netloc:
        raise StoreError(
            _redact(
                f"{label}: credentials in the URL are not used; set {ENV_USER} and "
                f"{ENV_PASSWORD} (or {ENV_TOKEN}) in the environment"
            )
        )
    request = urllib.request.Request(url, data=body, method=method, headers=dict(headers or {}))
    auth = _authorization()
    if auth:
        # Unredirected: a redirect to another host must not carry the credentials.
        request.add_unredirected_header("Authorization", auth)
    try:
        with _opener(url).open(request, timeout=timeout) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as err:
        detail = ""
        with contextlib.suppress(OSError):
            detail = err.read(4096).decode("utf-8", "replace")
        if "html" in (err.headers.get("Content-Type") or "").lower():
            detail = re.sub(r"<(script|style)\b.*?</\1>|<[^>]*>", " ", detail, flags=re.S | re.I)
        reason = f"HTTP {err.code} {err.reason}"
        message = f"{label}: {reason}" + (f": {detail}" if detail.strip() else "")
        raise StoreError(_redact(message)) from None
    except urllib.error.URLError as err:
        reason_err = err.reason
        if isinstance(reason_err, ConnectionRefusedError):
            why = "connection refused (is the store running?)"
        elif isinstance(reason_err, TimeoutError):
            why = f"no answer within {timeout:g} s"
        else:
            why = _one_line(reason_err) if isinstance(reason_err, BaseException) else reason_err
        raise StoreError(_redact(f"{label}: cannot connect: {why}")) from None
    except TimeoutError:
        raise StoreError(_redact(f"{label}: no answer within {timeout:g} s")) from None
    except (OSError, ValueError, http.client.HTTPException) as err:
        raise StoreError(_redact(f"{label}: {_one_line(err)}")) from None


# ---------------------------------------------------------------------------
# Push
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PushSummary:
    """What :func:`push` sent.

    Attributes:
        endpoint: The graph store endpoint (without user info).
        graphs: Graph IRI → number of triples sent, in the order sent.
    """

    endpoint: str
    graphs: dict[str, int] = field(default_factory=dict)

    @property
    def triples(self) -> int:
        """Triples sent, over all graphs."""
        return sum(self.graphs.values())

    def __str__(self) -> str:
        n = len(self.graphs)
        return f"pushed {self.triples} triples in {n} graph{'s' * (n != 1)} to {self.endpoint}"


def _graph_url(endpoint: str, graph: str) -> str:
    """The Graph Store Protocol URL of a named graph (indirect identification).

    Example:
        >>> _graph_url("http://h:7878/store", "https://w3id.org/pekg/id/article/a")
        'http://h:7878/store?graph=https%3A%2F%2Fw3id.org%2Fpekg%2Fid%2Farticle%2Fa'
    """
    sep = "&" if urllib.parse.urlsplit(endpoint).query else "?"
    return f"{endpoint}{sep}graph={urllib.parse.quote(graph, safe='')}"


def _send_graph(endpoint: str, name: str, graph: Graph, method: str, timeout: float) -> None:
    body = graph.serialize(format="nt", encoding="utf-8")
    label = f"{_public_url(endpoint)} (graph <{name}>)"
    _request(
        method,
        _graph_url(endpoint, name),
        label=label,
        body=body,
        headers={"Content-Type": _NTRIPLES},
        timeout=timeout,
    )
    log.info("%s %d triples to <%s>", method, len(graph), name)


def push(
    paths: str | Path | Sequence[str | Path],
    endpoint: str,
    graph: str | None = None,
    *,
    timeout: float = 60.0,
) -> PushSummary:
    """Send a build to a SPARQL 1.1 store with the Graph Store HTTP Protocol.

    Each article's graph is sent with ``PUT`` (it replaces what the store has under that
    name: pushing again never duplicates), the shared :data:`ACTORS_GRAPH` with ``POST``
    (merged into what other builds pushed). With ``graph``, everything goes into that
    one graph with ``PUT``. Bodies are N-Triples. Credentials come from the environment
    (see the module's docstring).

    Blank nodes cannot be shared between requests, so a blank node that is described in
    several graphs arrives as several nodes (builds of this project have none).

    Args:
        paths: Build files or an ``OUT`` directory (see :func:`build_files`).
        endpoint: The store's graph store URL (Oxigraph: ``http://host:port/store``;
            Fuseki: ``http://host:3030/DATASET/data``).
        graph: Push everything into this graph instead of one graph per article.
        timeout: Seconds to wait for each answer.

    Returns:
        The graphs sent and their sizes.

    Raises:
        GraphLoadError: A build file cannot be loaded.
        StoreError: The store cannot be reached or refuses a graph.
    """
    graphs = load_build(paths)
    public = _public_url(endpoint)
    _authorization()  # a half-set credential fails before anything is sent
    sent: dict[str, int] = {}
    if graph is not None:
        if not graph or any(c.isspace() for c in graph) or ":" not in graph:
            raise StoreError(f"{public}: not an absolute IRI for the graph: {graph!r}")
        everything = Graph(identifier=URIRef(graph))
        for part in graphs.values():
            for triple in part:
                everything.add(triple)
        _send_graph(endpoint, graph, everything, "PUT", timeout)
        return PushSummary(public, {graph: len(everything)})
    for name in sorted(graphs, key=_graph_order):
        method = "POST" if name == ACTORS_GRAPH else "PUT"
        _send_graph(endpoint, str(name), graphs[name], method, timeout)
        sent[str(name)] = len(graphs[name])
    return PushSummary(public, sent)


# ---------------------------------------------------------------------------
# Query an endpoint
# ---------------------------------------------------------------------------


def _term(value: Mapping[str, Any]) -> Identifier:
    """One binding of SPARQL JSON results as an rdflib term (plain literals: xsd:string).

    Example:
        >>> _term({"type": "literal", "value": "Russia"})
        rdflib.term.Literal('Russia', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#string'))
        >>> _term({"type": "literal", "value": "59", "datatype": str(XSD.integer)}).toPython()
        59
    """
    kind, text = value.get("type"), value.get("value", "")
    if kind == "uri":
        return URIRef(text)
    if kind == "bnode":
        return BNode(text)
    if kind in ("literal", "typed-literal"):
        lang = value.get("xml:lang")
        if lang:
            return Literal(text, lang=lang)
        return Literal(text, datatype=URIRef(value.get("datatype") or XSD.string))
    raise ValueError(f"unsupported term type {kind!r}")


def _parse_results(data: bytes, content_type: str, label: str) -> Result:
    """SPARQL JSON results or N-Triples → :class:`Result`."""
    mime = content_type.split(";")[0].strip().lower()
    if mime in (_NTRIPLES, "text/plain") and not data.lstrip().startswith(b"{"):
        graph = Graph()
        try:
            graph.parse(data=data.decode("utf-8"), format="nt")
        except Exception as err:  # noqa: BLE001 - a broken answer is the server's fault
            raise StoreError(f"{label}: unreadable N-Triples answer: {_one_line(err)}") from None
        return Result("graph", graph=graph)
    try:
        answer = json.loads(data)
        if "boolean" in answer:
            return Result("ask", boolean=bool(answer["boolean"]))
        variables = [str(v) for v in answer["head"].get("vars", [])]
        rows = [
            tuple(_term(b[v]) if v in b else None for v in variables)
            for b in answer["results"]["bindings"]
        ]
    except (ValueError, KeyError, TypeError, AttributeError) as err:
        kind = mime or "no content type"
        raise StoreError(
            _redact(f"{label}: not SPARQL JSON results ({kind}): {_one_line(err)}")
        ) from None
    return Result("select", variables=variables, rows=list(rows))


def query_endpoint(
    url: str,
    sparql: str,
    *,
    bindings: Mapping[str, Identifier] | None = None,
    method: str = "POST",
    timeout: float = 60.0,
) -> Result:
    """Run SPARQL on an endpoint with the SPARQL 1.1 Protocol.

    Terms convert as :func:`kg.query.run` converts them (plain literals become
    ``xsd:string`` ones), so answers compare with those on the build's files.
    SELECT and ASK ask for ``application/sparql-results+json``; CONSTRUCT and DESCRIBE
    for N-Triples.

    Args:
        url: The query endpoint (Oxigraph: ``http://host:port/query``).
        sparql: The query text.
        bindings: Variables to bind (see :func:`kg.query.bind_values`).
        method: ``"POST"`` (form-encoded, the default) or ``"GET"``.
        timeout: Seconds to wait for the answer.

    Raises:
        StoreError: The endpoint cannot be reached, rejects the query (the server's
            message says why) or answers with something that is not SPARQL results.
    """
    text = bind_values(sparql, bindings or {})
    form = urllib.parse.urlencode({"query": text})
    headers = {"Accept": f"{_RESULTS_JSON}, {_NTRIPLES};q=0.9"}
    label = _public_url(url)
    if method.upper() == "GET":
        sep = "&" if urllib.parse.urlsplit(url).query else "?"
        _, ctype, data = _request(
            "GET", f"{url}{sep}{form}", label=label, headers=headers, timeout=timeout
        )
    elif method.upper() == "POST":
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        _, ctype, data = _request(
            "POST", url, label=label, body=form.encode(), headers=headers, timeout=timeout
        )
    else:
        raise ValueError(f"method must be GET or POST, not {method!r}")
    return _parse_results(data, ctype, label)


# ---------------------------------------------------------------------------
# A local Oxigraph server
# ---------------------------------------------------------------------------


def oxigraph_executable() -> str:
    """The ``oxigraph`` command: next to the running Python first, then on ``PATH``.

    Raises:
        StoreError: It is in neither place.
    """
    name = "oxigraph.exe" if os.name == "nt" else "oxigraph"
    beside = Path(sys.executable).parent / name
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    found = shutil.which("oxigraph")
    if found:
        return found
    raise StoreError(
        f"the oxigraph command is neither next to {sys.executable} nor on PATH "
        "(pip install oxigraph)"
    )


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port that was free a moment ago (bound to port 0, read, closed)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def _base_url(host: str, port: int) -> str:
    """The base URL of a server; IPv6 addresses in brackets.

    Example:
        >>> _base_url("::1", 7878)
        'http://[::1]:7878'
    """
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def _stamp(files: Sequence[Path], executable: str) -> str:
    """What the store was loaded from: files, sizes, times and the oxigraph binary."""
    entries = []
    for path in [*files, Path(executable)]:
        info = path.stat()
        entries.append([str(path.resolve()), info.st_size, info.st_mtime_ns])
    return hashlib.sha256(json.dumps(entries).encode()).hexdigest()


def _run_load(executable: str, location: Path, files: Sequence[Path]) -> None:
    """``oxigraph load`` ``files`` into a new store at ``location``."""
    command = [executable, "load", "--location", str(location), "--file", *map(str, files)]
    done = subprocess.run(tied_command(command), capture_output=True, text=True, check=False)
    if done.returncode != 0:
        last = _last_line(done.stderr) or f"exit status {done.returncode}"
        raise StoreError(f"oxigraph load into {location} failed: {last}")


def prepare_store(
    paths: str | Path | Sequence[str | Path], store_dir: str | Path, executable: str | None = None
) -> Path:
    """Load a build into an Oxigraph store under ``store_dir``; return the store's location.

    ``.trig`` / ``.nq`` files are loaded as they are (their named graphs kept, their
    default graph, if any, left as the default graph: unlike :func:`push`); the
    other files are split by :func:`split_by_article` into per-article graphs and the
    actors graph first, as :func:`push` sends them. The store is ``store_dir/db``,
    with ``store_dir/stamp`` saying what it was loaded from: it is reused while the
    build files (paths, sizes, modification times) and the oxigraph binary are the
    same, and reloaded from scratch otherwise.

    Raises:
        GraphLoadError: A build file cannot be loaded.
        StoreError: ``oxigraph load`` fails.
    """
    executable = executable or oxigraph_executable()
    files = build_files(paths)
    store_dir = Path(store_dir)
    location, stamp_file = store_dir / "db", store_dir / "stamp"
    stamp = _stamp(files, executable)
    if location.is_dir() and stamp_file.is_file() and stamp_file.read_text().strip() == stamp:
        return location
    store_dir.mkdir(parents=True, exist_ok=True)
    stamp_file.unlink(missing_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".load-", dir=store_dir))
    try:
        quads = [f for f in files if f.suffix in QUAD_SUFFIXES]
        triples = [f for f in files if f.suffix not in QUAD_SUFFIXES]
        to_load = list(quads)
        if triples:
            dataset = Dataset()
            for name, part in load_build(triples).items():
                named = dataset.graph(name)
                for triple in part:
                    named.add(triple)
            split = work / "split.nq"
            split.write_text(dataset.serialize(format="nquads"), encoding="utf-8")
            to_load.append(split)
        _run_load(executable, work / "db", to_load)
        shutil.rmtree(location, ignore_errors=True)
        os.replace(work / "db", location)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    stamp_file.write_text(stamp + "\n")
    log.info("loaded %s into %s", ", ".join(map(str, files)), location)
    return location


def _default_store_dir(paths: Sequence[str | Path]) -> Path | None:
    """``OUT/.store`` when the build is one writable directory, else ``None`` (a temp dir)."""
    if len(paths) == 1 and Path(paths[0]).is_dir():
        out = Path(paths[0])
        if os.access(out, os.W_OK):
            return out / ".store"
    return None


def _last_line(text: str) -> str:
    """The last line a Rust program wrote before its backtrace (``RUST_BACKTRACE=1``).

    Example:
        >>> _last_line("Error: Address already in use\\n\\nStack backtrace:\\n   0: main\\n")
        'Error: Address already in use'
    """
    text = re.split(r"^\s*stack backtrace:", text, maxsplit=1, flags=re.I | re.M)[0]
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else ""


def _wait_until_up(process: subprocess.Popen[bytes], url: str, err: Path, timeout: float) -> None:
    """Poll ``url`` until the server answers; raise if it exits or the time runs out."""
    deadline = time.monotonic() + timeout
    probe = f"{url}/query?{urllib.parse.urlencode({'query': 'ASK {}'})}"
    opener = _opener(url)
    while True:
        if process.poll() is not None:
            last = _last_line(err.read_text(errors="replace"))
            last = last or f"exit status {process.returncode}"
            raise StoreError(f"oxigraph server on {url} exited at start: {last}")
        try:
            with opener.open(probe, timeout=1.0):
                return
        except urllib.error.HTTPError:
            return  # it answers, even if with an error status
        except (OSError, ValueError):
            pass
        if time.monotonic() > deadline:
            raise StoreError(f"oxigraph server on {url} did not answer within {timeout:g} s")
        time.sleep(0.05)


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextlib.contextmanager
def _prepared(
    paths: str | Path | Sequence[str | Path], store_dir: str | Path | None
) -> Iterator[tuple[str, Path, Path]]:
    """Load the store; yield ``(oxigraph command, store location, server log file)``."""
    executable = oxigraph_executable()
    listed = _as_list(paths)
    chosen = Path(store_dir) if store_dir is not None else _default_store_dir(listed)
    with contextlib.ExitStack() as stack:
        if chosen is None:
            chosen = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="pekg-store-")))
        location = prepare_store(listed, chosen, executable)
        err = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="pekg-serve-"))) / "log"
        yield executable, location, err


def _start_server(
    executable: str,
    location: Path,
    host: str,
    port: int | None,
    err: Path,
    timeout: float,
    options: Sequence[str] = (),
) -> tuple[str, subprocess.Popen[bytes]]:
    """Start ``oxigraph serve-read-only`` on a store; return its URL and process once it answers.

    Raises:
        StoreError: The server exits at start (with its last line) or does not answer.
    """
    attempts = 1 if port is not None else 3  # a free port may be taken meanwhile
    for attempt in range(attempts):
        bound = port if port is not None else free_port(host)
        url = _base_url(host, bound)
        command = [
            executable,
            "serve-read-only",
            "--location",
            str(location),
            "--bind",
            f"[{host}]:{bound}" if ":" in host else f"{host}:{bound}",
            "--union-default-graph",
            *options,
        ]
        with err.open("wb") as log_file:
            # Tied to this process: a server outliving a killed ``kg serve`` would
            # hold the port and the store.
            process = subprocess.Popen(
                tied_command(command),
                stdin=subprocess.DEVNULL,
                stdout=log_file,
                stderr=log_file,
            )
        try:
            _wait_until_up(process, url, err, timeout)
        except StoreError:
            exited = process.poll() is not None  # by itself, not by the timeout
            _stop(process)
            if exited and attempt + 1 < attempts:
                continue
            raise
        log.info("oxigraph serving %s at %s", location, url)
        return url, process
    raise AssertionError("unreachable")  # pragma: no cover - the loop returns or raises


@contextlib.contextmanager
def running_server(
    out: str | Path | Sequence[str | Path],
    port: int | None = None,
    host: str = "127.0.0.1",
    *,
    store_dir: str | Path | None = None,
    timeout: float = 30.0,
) -> Iterator[str]:
    """Run a read-only Oxigraph server on a build while the ``with`` block lasts.

    The store is ``OUT/.store`` when ``out`` is one writable directory (kept and reused
    while the build does not change, see :func:`prepare_store`), else a temporary
    directory removed afterwards; ``store_dir`` chooses another one. The server
    queries the union of its graphs by default, so library queries work as on files.

    Args:
        out: The build: an ``OUT`` directory or graph files.
        port: The port to listen on; a free one when ``None``.
        host: The address to bind.
        store_dir: Where to keep the store (see above).
        timeout: Seconds to wait for the server to answer.

    Yields:
        The base URL, ``http://host:port``: SPARQL at ``/query``, graph store at
        ``/store``, YASGUI at ``/``.

    Raises:
        StoreError: No ``oxigraph`` command, loading fails, or the server exits at start
            (with the last line it wrote) or does not answer in time.
    """
    with _prepared(out, store_dir) as (executable, location, err):
        url, process = _start_server(executable, location, host, port, err, timeout)
        try:
            yield url
        finally:
            _stop(process)


# ---------------------------------------------------------------------------
# kg serve: the server behind a proxy that enforces the query timeout
# ---------------------------------------------------------------------------

#: Headers that concern one connection only, not forwarded either way.
_HOP_BY_HOP = frozenset(
    {
        "connection",
        "keep-alive",
        "proxy-authenticate",
        "proxy-authorization",
        "proxy-connection",
        "te",
        "trailer",
        "transfer-encoding",
        "upgrade",
    }
)
_MAX_BODY = 128 * 1024 * 1024  # what Oxigraph accepts too
_CHUNK = 64 * 1024


def _grace(timeout: float) -> float:
    """Seconds the proxy waits past the timeout for Oxigraph to cancel a query itself.

    Example:
        >>> _grace(30), _grace(1)
        (3.0, 1.0)
    """
    return max(1.0, timeout / 10)


class _Backend:
    """The Oxigraph server behind ``kg serve``'s proxy, restarted when it must be.

    Oxigraph's own ``--timeout-s`` cancels many queries, but not all (a product of
    several patterns runs on, even after its client gave up): a query still running
    past the deadline is stopped by restarting the server, which is quick on a
    read-only store. A server that crashes is restarted too.

    One thread, living as long as the backend, starts every server process: the kernel
    kills a tied child (:func:`kg.procs.tied_command`) when the thread that started it
    ends, so request or timer threads must not start one.
    """

    def __init__(
        self,
        start: Callable[[], tuple[str, subprocess.Popen[bytes]]],
        on_failure: Callable[[StoreError], None],
    ) -> None:
        self._start = start
        self._on_failure = on_failure
        self._ready = threading.Condition()
        self._restart_why: str | None = None
        self._first: StoreError | None = None
        self.url = ""
        self.generation = 0
        self.closed = False
        self._thread = threading.Thread(target=self._supervise, name="oxigraph", daemon=True)
        self._thread.start()
        with self._ready:
            self._ready.wait_for(lambda: bool(self.url) or self._first is not None)
        if self._first is not None:
            raise self._first

    def _supervise(self) -> None:
        try:
            self.url, process = self._start()
        except StoreError as err:
            with self._ready:
                self._first = err
                self._ready.notify_all()
            return
        with self._ready:
            self._ready.notify_all()
        try:
            while True:
                with self._ready:
                    self._ready.wait_for(
                        lambda: self.closed or self._restart_why is not None, timeout=0.1
                    )
                    if self.closed:
                        return
                    why = self._restart_why
                status = process.poll()
                if why is None and status is None:
                    continue
                log.warning(
                    "restarting the oxigraph server: %s",
                    why or f"it stopped with exit status {status}",
                )
                _stop(process)
                try:
                    url, process = self._start()
                except StoreError as err:
                    self._on_failure(err)
                    return
                with self._ready:
                    self.url, self._restart_why = url, None
                    self.generation += 1
                    self._ready.notify_all()
        finally:
            _stop(process)

    def current(self) -> tuple[str, int]:
        """The URL to forward to and its generation; waits while a restart is under way."""
        with self._ready:
            self._ready.wait_for(lambda: self._restart_why is None or self.closed)
            return self.url, self.generation

    def restart(self, generation: int, why: str) -> None:
        """Have the server restarted, unless it was already restarted since ``generation``."""
        with self._ready:
            if generation == self.generation and self._restart_why is None:
                self._restart_why = why
                self._ready.notify_all()

    def close(self) -> None:
        """Stop the server (and the thread watching it)."""
        with self._ready:
            self.closed = True
            self._ready.notify_all()
        self._thread.join()


class _ProxyServer(http.server.ThreadingHTTPServer):
    daemon_threads = True
    backend: _Backend
    timeout_s: float

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A request that failed (its client left...): a line in the log, not a traceback."""
        error = sys.exc_info()[1]
        why = _one_line(error) if error is not None else "unknown error"
        log.info("request from %s failed: %s", client_address[0], why)


class _ProxyHandler(http.server.BaseHTTPRequestHandler):
    """Forward one request to the backend; answer 503 when it overruns the timeout."""

    server: _ProxyServer
    server_version = "pekg-serve"

    def log_message(self, format: str, *args: Any) -> None:
        log.info("%s %s", self.address_string(), format % args)

    def _answer(self, status: int, message: str) -> None:
        body = (message + "\n").encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            with contextlib.suppress(OSError):  # the client left
                self.wfile.write(body)

    def _forward(self) -> None:
        length = self.headers.get("Content-Length")
        if self.headers.get("Transfer-Encoding"):
            self._answer(411, "send the request body with a Content-Length")
            return
        size = int(length) if length and length.isdigit() else 0
        if size > _MAX_BODY:
            self._answer(413, f"request bodies are limited to {_MAX_BODY} bytes")
            return
        body = self.rfile.read(size) if size else None
        kind = self.headers.get("Content-Type") or ""
        if any(uses_service(text) for text in _query_texts(self.path, kind, body)):
            self._answer(403, "SERVICE clauses send requests to other servers: refused")
            return
        backend = self.server.backend
        url, generation = backend.current()
        timeout = self.server.timeout_s
        overran = threading.Event()

        def on_deadline() -> None:
            overran.set()
            backend.restart(generation, f"a query ran over {timeout:g} s")

        deadline = threading.Timer(timeout + _grace(timeout), on_deadline)
        deadline.daemon = True
        parts = urllib.parse.urlsplit(url)
        upstream = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=None)
        sent_headers = False
        finished = False
        deadline.start()
        try:
            upstream.putrequest(self.command, self.path, skip_host=True, skip_accept_encoding=True)
            for name, value in self.headers.items():
                if name.lower() not in _HOP_BY_HOP | {"content-length"}:
                    upstream.putheader(name, value)
            if body is not None:
                upstream.putheader("Content-Length", str(len(body)))
            upstream.endheaders(body)
            response = upstream.getresponse()
            self.send_response(response.status, response.reason)
            for name, value in response.getheaders():
                if name.lower() not in _HOP_BY_HOP:
                    self.send_header(name, value)
            self.send_header("Connection", "close")
            self.end_headers()
            sent_headers = True
            while chunk := response.read1(_CHUNK) if self.command != "HEAD" else b"":
                self.wfile.write(chunk)
            finished = True
        except (OSError, http.client.HTTPException):
            if sent_headers:
                pass  # the answer is cut short: all that can be done once it started
            elif overran.is_set():
                self._answer(503, f"query timed out after {timeout:g} s (kg serve --timeout)")
            else:
                self._answer(502, "the SPARQL server restarted meanwhile: send the query again")
        finally:
            upstream.close()
            if finished:  # else a query still running (the client left...) stops at the deadline
                deadline.cancel()

    do_GET = do_POST = do_HEAD = do_PUT = do_DELETE = do_OPTIONS = do_PATCH = _forward


def _query_texts(path: str, content_type: str, body: bytes | None) -> list[str]:
    """The SPARQL texts of a request: ``query`` parameters of the URL or form, or the body.

    Example:
        >>> _query_texts("/query?query=ASK%7B%7D", "", None)
        ['ASK{}']
    """
    texts = urllib.parse.parse_qs(urllib.parse.urlsplit(path).query).get("query", [])
    mime = content_type.split(";")[0].strip().lower()
    if body and mime == "application/x-www-form-urlencoded":
        texts += urllib.parse.parse_qs(body.decode("utf-8", "replace")).get("query", [])
    elif body and mime == "application/sparql-query":
        texts.append(body.decode("utf-8", "replace"))
    return texts


def _listen(host: str, port: int | None, backend: _Backend, timeout: float) -> _ProxyServer:
    """The proxy's server socket on ``host:port`` (a free port when ``None``).

    Raises:
        StoreError: The address cannot be bound (in use, not local...).
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET

    class Server(_ProxyServer):
        address_family = family

    try:
        server = Server((host, port or 0), _ProxyHandler)
    except OSError as err:
        raise StoreError(
            f"cannot listen on {_base_url(host, port or 0)}: {_one_line(err)}"
        ) from None
    server.backend = backend
    server.timeout_s = timeout
    return server


def serve(
    out: str | Path | Sequence[str | Path],
    port: int | None = None,
    host: str = "127.0.0.1",
    *,
    store_dir: str | Path | None = None,
    stream: TextIO | None = None,
    timeout: float = 30.0,
) -> int:
    """Serve a build with Oxigraph until Ctrl-C (or SIGTERM); for the command line.

    The Oxigraph server listens on a loopback port of its own, behind a small proxy on
    ``host:port`` that stops any query running longer than ``timeout`` seconds: the
    client gets a 503 answer (or, if the answer had started, a cut one). A server that
    crashes is restarted. Writes the endpoints' URLs to ``stream`` (standard output by
    default) once the server answers. See :func:`running_server` for the store directory.

    Args:
        out: The build: an ``OUT`` directory or graph files.
        port: The port to listen on; a free one when ``None``.
        host: The address to bind.
        store_dir: Where to keep the store.
        stream: Where to write the URLs.
        timeout: Seconds a query may run.

    Returns:
        0 once stopped by Ctrl-C or SIGTERM.

    Raises:
        StoreError: The server cannot start, or cannot be restarted after it stopped.
    """
    if not timeout > 0:
        raise StoreError(f"the query timeout must be positive, not {timeout:g}")
    stream = stream if stream is not None else sys.stdout
    previous: dict[signal.Signals, Any] = {}
    if threading.current_thread() is threading.main_thread():

        def _terminate(signum: int, frame: Any) -> None:
            raise KeyboardInterrupt

        # SIGINT too: a process started in the background of a script inherits SIGINT
        # ignored, and Python then keeps ignoring it.
        for sig in (signal.SIGTERM, signal.SIGINT):
            previous[sig] = signal.signal(sig, _terminate)
    try:
        with _prepared(out, store_dir) as (executable, location, err):
            options = ("--timeout-s", str(max(1, round(timeout))))
            failure: list[StoreError] = []
            servers: list[_ProxyServer] = []

            def give_up(error: StoreError) -> None:  # the server cannot be restarted
                failure.append(error)
                for server in servers:
                    server.shutdown()

            backend = _Backend(
                lambda: _start_server(executable, location, "127.0.0.1", None, err, 30.0, options),
                give_up,
            )
            try:
                server = _listen(host, port, backend, timeout)
                servers.append(server)
                with server:
                    url = _base_url(host, int(server.server_address[1]))
                    stream.write(
                        f"SPARQL endpoint: {url}/query\n"
                        f"Graph store:     {url}/store (read-only)\n"
                        f"YASGUI:          {url}/\n"
                        "Press Ctrl-C to stop.\n"
                    )
                    stream.flush()
                    try:
                        if not failure:
                            server.serve_forever(poll_interval=0.2)
                    except KeyboardInterrupt:
                        return 0
                    if failure:
                        raise failure[0]
                    return 0
            finally:
                backend.close()
    except KeyboardInterrupt:
        return 0
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
