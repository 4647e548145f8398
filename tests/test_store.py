"""kg.store: split a build by article, push it to a real Oxigraph server, serve it, query it.

The store tests run ``oxigraph serve`` (the read-write server of the ``oxigraph`` package)
on a free loopback port; credentials are checked against a tiny recording HTTP server.
"""

from __future__ import annotations

import base64
import functools
import http.server
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, XSD
from rdflib.term import Identifier

from kg import query as q
from kg import store
from kg.vocab import PEK, PEKR

SEED = Path(__file__).resolve().parent / "data" / "seed.golden.ttl"
ARTICLE = PEKR["article/2017-04-12-trump-us-russia-relations"]
LIBRARY = q.library()
#: Bindings for the parameterised library queries (as in test_queries.py).
BINDINGS: dict[str, dict[str, str]] = {"dyad": {"a": "Russia", "b": "United States"}}
COUNT_ALL = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"

_GROUP_CONCAT = re.compile(
    r"GROUP_CONCAT\s*\(.*?(?:separator\s*=\s*\"(?P<sep>[^\"]*)\")?\s*\)\s*AS\s+\?(?P<var>\w+)",
    re.I | re.S,
)


# ---------------------------------------------------------------------------
# Helpers and fixtures
# ---------------------------------------------------------------------------


@functools.cache
def _seed_size() -> int:
    return len(Graph().parse(SEED))


def _bindings(values: dict[str, str]) -> dict[str, Identifier]:
    return dict(q.parse_binding(f"{name}={value}") for name, value in values.items())


def _multiset(result: q.Result, text: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Rows as sorted tuples of strings; GROUP_CONCAT cells as sorted parts."""
    concat = {m.group("var"): m.group("sep") or " " for m in _GROUP_CONCAT.finditer(text)}
    rows = []
    for row in result.rows:
        cells: list[Any] = []
        for var, term in zip(result.variables, row, strict=True):
            value = None if term is None else str(term)
            if var in concat and value is not None:
                cells.append(tuple(sorted(value.split(concat[var]))))
            else:
                cells.append(value)
        rows.append(tuple(cells))
    return result.variables, sorted(rows, key=repr)


def _count(url: str, text: str = COUNT_ALL) -> int:
    result = store.query_endpoint(f"{url}/query", text)
    (n,) = result.rows[0]
    assert n is not None
    return int(str(n))


def _ask(url: str, text: str) -> bool:
    result = store.query_endpoint(f"{url}/query", text)
    assert result.kind == "ask"
    return bool(result.boolean)


def _wait_for(url: str, process: subprocess.Popen[bytes], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        assert process.poll() is None, "oxigraph serve exited at start"
        try:
            with urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=1):
                return
        except OSError:
            assert time.monotonic() < deadline, f"oxigraph serve on {url} did not answer"
            time.sleep(0.05)


@pytest.fixture(scope="module")
def oxigraph_serve(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[], str]]:
    """Start read-write ``oxigraph serve`` servers on free ports; all stopped at teardown."""
    processes: list[subprocess.Popen[bytes]] = []

    def start() -> str:
        location = tmp_path_factory.mktemp("oxigraph")
        port = store.free_port()
        command = [store.oxigraph_executable(), "serve", "--location", str(location)]
        command += ["--bind", f"127.0.0.1:{port}", "--union-default-graph"]
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        processes.append(process)
        url = f"http://127.0.0.1:{port}"
        _wait_for(url, process)
        return url

    yield start
    for process in processes:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def seeded(oxigraph_serve: Callable[[], str]) -> str:
    """A server holding the seed graph, pushed once; tests must not change it."""
    url = oxigraph_serve()
    store.push([SEED], f"{url}/store")
    return url


@pytest.fixture(scope="module")
def scratch_server(oxigraph_serve: Callable[[], str]) -> str:
    return oxigraph_serve()


@pytest.fixture
def scratch(scratch_server: str) -> str:
    """A server emptied before each test."""
    request = urllib.request.Request(
        f"{scratch_server}/update",
        data=b"update=CLEAR%20ALL",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    with urllib.request.urlopen(request, timeout=10):
        pass
    assert _count(scratch_server) == 0
    return scratch_server


class Recorder(http.server.BaseHTTPRequestHandler):
    """Records each request; answers 204, or ``server.status`` echoing the credentials."""

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        server: Any = self.server
        server.requests.append(
            (self.command, self.path, self.headers.get("Authorization"), self.headers, body)
        )
        if server.status == 204:
            self.send_response(204)
            self.end_headers()
            return
        echo = f"denied {self.headers.get('Authorization')} {os.environ.get('PEKG_STORE_PASSWORD')}"
        payload = (echo + "\nsecond line\n").encode()
        ctype = "text/plain"
        if server.html:
            ctype = "text/html; charset=utf-8"
            payload = b"<html><head><style>p {}</style></head><body><h1>Oops</h1>\n<p>it broke</p>"
        self.send_response(server.status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_PUT = do_POST = do_GET = _answer

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet."""


@pytest.fixture
def recorder() -> Iterator[Any]:
    server: Any = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    server.requests = []
    server.status = 204
    server.html = False
    server.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture(autouse=True)
def no_credentials(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """No test sees the credentials of the environment it runs in; tests set their own."""
    for name in (store.ENV_USER, store.ENV_PASSWORD, store.ENV_TOKEN):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


# ---------------------------------------------------------------------------
# Splitting and loading (no server)
# ---------------------------------------------------------------------------


def test_split_by_article_on_the_seed() -> None:
    graph = Graph().parse(SEED)
    parts = store.split_by_article(graph)
    assert list(parts) == [store.ACTORS_GRAPH, ARTICLE]
    assert sum(len(p) for p in parts.values()) == len(graph), "every triple in one graph"
    union = Graph()
    for part in parts.values():
        for triple in part:
            union.add(triple)
    assert set(union) == set(graph)
    article, actors = parts[ARTICLE], parts[store.ACTORS_GRAPH]
    kinds = {str(s).split("/")[5] for s in article.subjects(unique=True)}
    assert kinds == {"article", "event", "quote", "role", "evidence"}  # ballots under event/
    assert len(set(article.subjects(RDF.type, PEK.Ballot))) == 2
    assert not set(actors.subject_objects(PROV.wasDerivedFrom))
    assert {str(s).split("/")[5] for s in actors.subjects(unique=True)} == {
        "person",
        "country",
        "org",
        "place",
    }
    # Actor descriptions, including the roles they hold, are shared.
    assert len(set(actors.subject_objects(PEK.holdsRole))) == 7
    assert str(dict(article.namespaces())["pek"]) == str(PEK._NS), "prefixes carried over"


def test_split_a_node_of_two_articles() -> None:
    """A role read in two articles is described in both; links to one article stay there."""
    a, b = PEKR["article/a"], PEKR["article/b"]
    role, ev_a, ev_b = PEKR["role/x/president/rus"], PEKR["evidence/a/1-2"], PEKR["evidence/b/3-4"]
    event, blank = PEKR["event/a/1"], BNode()
    graph = Graph()
    for article, evidence in ((a, ev_a), (b, ev_b)):
        graph.add((role, PROV.wasDerivedFrom, article))
        graph.add((role, PEK.evidence, evidence))
        graph.add((evidence, PEK.article, article))
        graph.add((article, RDF.type, PEK.Article))
    graph.add((role, PEK.title, Literal("President")))
    graph.add((event, PROV.wasDerivedFrom, a))
    graph.add((event, PEK.instrument, blank))
    graph.add((blank, PEK.text, Literal("a blank node follows its event")))
    parts = store.split_by_article(graph)
    assert set(parts) == {a, b}
    assert (role, PEK.title, Literal("President")) in parts[a]
    assert (role, PEK.title, Literal("President")) in parts[b]
    assert (role, PROV.wasDerivedFrom, b) not in parts[a]
    assert (role, PEK.evidence, ev_b) not in parts[a]
    assert (role, PEK.evidence, ev_b) in parts[b]
    assert (blank, PEK.text, Literal("a blank node follows its event")) in parts[a]
    assert (a, RDF.type, PEK.Article) in parts[a] and (a, RDF.type, PEK.Article) not in parts[b]


def test_split_leaves_its_input_alone() -> None:
    graph = Graph().parse(SEED)
    before = set(graph)
    store.split_by_article(graph)
    assert set(graph) == before
    assert store.split_by_article(Graph()) == {}


def test_build_files_uses_one_format_of_the_build(tmp_path: Path) -> None:
    for name in ("graph.ttl", "graph.nq", "graph.jsonld", "measures.ttl"):
        (tmp_path / name).write_text("")
    (tmp_path / ".store").mkdir()
    (tmp_path / ".store" / "x.nq").write_text("")
    # The build's graph alone: measures beside it go only when named.
    assert store.build_files(tmp_path) == [tmp_path / "graph.nq"]
    assert store.build_files([tmp_path, tmp_path / "measures.ttl"]) == [
        tmp_path / "graph.nq",
        tmp_path / "measures.ttl",
    ]
    assert store.build_files([tmp_path / "graph.ttl"]) == [tmp_path / "graph.ttl"]
    loose = tmp_path / "loose"
    loose.mkdir()
    for name in ("a.ttl", "b.nt"):
        (loose / name).write_text("")
    assert store.build_files(loose) == [loose / "a.ttl", loose / "b.nt"]  # no build: all
    with pytest.raises(q.GraphLoadError, match="no such file"):
        store.build_files(tmp_path / "missing.ttl")


def test_load_build_keeps_named_graphs_and_splits_the_rest(tmp_path: Path) -> None:
    trig = tmp_path / "graph.trig"
    trig.write_text(
        "@prefix pek: <https://w3id.org/pekg/ontology#> .\n"
        "<http://example.org/g> { <http://example.org/s> pek:text 'kept' . }\n"
        "<https://w3id.org/pekg/id/country/RUS> pek:iso3 'RUS' .\n"
    )
    graphs = store.load_build([trig, SEED])
    assert set(graphs) == {store.ACTORS_GRAPH, ARTICLE, URIRef("http://example.org/g")}
    assert (
        len(graphs[store.ACTORS_GRAPH])
        == len(store.split_by_article(Graph().parse(SEED))[store.ACTORS_GRAPH]) + 1
    )
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle")
    with pytest.raises(q.GraphLoadError, match="bad.ttl: not valid ttl"):
        store.load_build(bad)


# ---------------------------------------------------------------------------
# Push to a real store, query it over HTTP
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(LIBRARY))
def test_library_queries_over_http_match_the_file(
    seeded: str, oxigraph_serve: Callable[[], str], name: str
) -> None:
    entry = LIBRARY[name]
    binds = _bindings(BINDINGS.get(name, {}))
    assert set(entry.params) == set(binds), f"{name}: give it bindings in BINDINGS"
    files, url = [SEED], seeded
    if name == "unrealised":  # the seed has no unrealised event: add some, on a new server
        files = [SEED, SEED.parent / "unrealised.ttl"]
        url = oxigraph_serve()
        store.push(files, f"{url}/store")
    expected = q.run(files, entry.text, "rdflib", binds)
    text = q.bind_values(entry.text, binds)
    got = store.query_endpoint(f"{url}/query", text)
    assert got.kind == "select"
    assert expected.rows, f"{name}: no rows on the seed graph"
    assert _multiset(got, entry.text) == _multiset(expected, entry.text)


def test_query_endpoint_by_get_with_bindings(seeded: str) -> None:
    entry = LIBRARY["dyad"]
    binds = _bindings(BINDINGS["dyad"])
    got = store.query_endpoint(f"{seeded}/query", entry.text, bindings=binds, method="GET")
    expected = q.run([SEED], entry.text, "oxigraph", binds)
    assert got.variables == expected.variables
    assert sorted(got.rows, key=repr) == sorted(expected.rows, key=repr)  # the same terms


def test_query_endpoint_terms_compare_with_files(seeded: str) -> None:
    text = "SELECT ?label ?iso WHERE { ?c pek:iso3 ?iso ; rdfs:label ?label } ORDER BY ?iso"
    text = "PREFIX pek: <https://w3id.org/pekg/ontology#>\n" + text
    text = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n" + text
    got = store.query_endpoint(f"{seeded}/query", text)
    assert got.rows == q.run([SEED], text).rows  # the same rdflib terms, not just strings
    assert got.rows[0] == (
        Literal("China", datatype=XSD.string),
        Literal("CHN", datatype=XSD.string),
    )
    assert _ask(seeded, f"ASK {{ GRAPH <{ARTICLE}> {{ <{ARTICLE}> ?p ?o }} }}")
    assert not _ask(seeded, "ASK { <http://example.org/nothing> ?p ?o }")
    described = store.query_endpoint(f"{seeded}/query", f"DESCRIBE <{ARTICLE}>")
    assert described.kind == "graph" and described.graph is not None
    assert len(described.graph) == len(set(Graph().parse(SEED).predicate_objects(ARTICLE)))


def test_query_errors_carry_the_servers_message(seeded: str) -> None:
    with pytest.raises(store.StoreError) as err:
        store.query_endpoint(f"{seeded}/query", "SELECT ?s WHERE { ?s ?p }")
    message = str(err.value)
    assert "\n" not in message
    assert message.startswith(f"{seeded}/query: HTTP 400")
    assert "error at 1:" in message
    with pytest.raises(ValueError, match="GET or POST"):
        store.query_endpoint(f"{seeded}/query", "ASK {}", method="PUT")


def test_push_twice_changes_nothing(scratch: str) -> None:
    seed = Graph().parse(SEED)
    summary = store.push(SEED, f"{scratch}/store")
    assert summary.graphs == {
        str(store.ACTORS_GRAPH): len(store.split_by_article(seed)[store.ACTORS_GRAPH]),
        str(ARTICLE): len(store.split_by_article(seed)[ARTICLE]),
    }
    assert summary.triples == len(seed)
    assert str(summary) == f"pushed {len(seed)} triples in 2 graphs to {scratch}/store"
    first = _count(scratch)
    assert first == len(seed)
    again = store.push([SEED], f"{scratch}/store")
    assert again == summary
    assert _count(scratch) == first
    assert _ask(scratch, f"ASK {{ GRAPH <{ARTICLE}> {{ ?e a <{PEK.Event}> }} }}")
    assert _ask(scratch, f"ASK {{ GRAPH <{store.ACTORS_GRAPH}> {{ ?a a <{PEK.Person}> }} }}")
    graphs = store.query_endpoint(
        f"{scratch}/query", "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    )
    assert {str(g) for (g,) in graphs.rows} == {str(ARTICLE), str(store.ACTORS_GRAPH)}


def test_push_replaces_an_article(scratch: str, tmp_path: Path) -> None:
    """A rebuilt article that lost a fact loses it in the store too (PUT, not merge)."""
    store.push(SEED, f"{scratch}/store")
    seed = Graph().parse(SEED)
    quote = next(iter(seed.subjects(RDF.type, PEK.Quote)))
    dropped = len(list(seed.triples((quote, None, None))))
    seed.remove((quote, None, None))
    smaller = tmp_path / "graph.ttl"
    seed.serialize(smaller, format="turtle")
    store.push(tmp_path, f"{scratch}/store")
    assert _count(scratch) == _seed_size() - dropped


def test_push_a_trig_build(scratch: str, tmp_path: Path) -> None:
    dataset = Dataset()
    for name, part in store.load_build(SEED).items():
        target = dataset.graph(name)
        for triple in part:
            target.add(triple)
    (tmp_path / "graph.trig").write_text(dataset.serialize(format="trig"))
    (tmp_path / "graph.ttl").write_text("not even turtle: a .trig build wins")
    summary = store.push(tmp_path, f"{scratch}/store")
    assert summary.triples == _seed_size()
    assert _count(scratch) == summary.triples


def test_push_into_one_graph(scratch: str) -> None:
    summary = store.push([SEED], f"{scratch}/store", graph="http://example.org/one")
    assert summary.graphs == {"http://example.org/one": _seed_size()}
    rows = store.query_endpoint(
        f"{scratch}/query",
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
    ).rows
    assert [(str(g), int(str(n))) for g, n in rows] == [("http://example.org/one", summary.triples)]
    store.push([SEED], f"{scratch}/store", graph="http://example.org/one")
    assert _count(scratch) == summary.triples
    with pytest.raises(store.StoreError, match="not an absolute IRI"):
        store.push([SEED], f"{scratch}/store", graph="no iri")


def test_push_errors_name_the_endpoint_and_graph(scratch: str) -> None:
    with pytest.raises(store.StoreError) as err:
        store.push(SEED, f"{scratch}/nowhere")
    message = str(err.value)
    assert "\n" not in message
    assert message.startswith(f"{scratch}/nowhere (graph <{store.ACTORS_GRAPH}>): HTTP 404")


def test_refused_connection_is_one_line() -> None:
    port = store.free_port()  # closed again: nothing listens there
    endpoint = f"http://127.0.0.1:{port}/store"
    with pytest.raises(store.StoreError) as err:
        store.push(SEED, endpoint)
    message = str(err.value)
    assert "\n" not in message
    assert message.startswith(endpoint) and "connection refused" in message
    with pytest.raises(store.StoreError, match="connection refused"):
        store.query_endpoint(f"http://127.0.0.1:{port}/query", "ASK {}")
    with pytest.raises(store.StoreError, match="not an http"):
        store.push(SEED, "ftp://example.org/store")


# ---------------------------------------------------------------------------
# Credentials
# ---------------------------------------------------------------------------


def test_basic_credentials_from_the_environment(
    recorder: Any, no_credentials: pytest.MonkeyPatch
) -> None:
    no_credentials.setenv("PEKG_STORE_USER", "ann")
    no_credentials.setenv("PEKG_STORE_PASSWORD", "s3cret pass")
    summary = store.push(SEED, f"{recorder.url}/store")
    expected = "Basic " + base64.b64encode(b"ann:s3cret pass").decode()
    assert [(m, auth) for m, _, auth, _, _ in recorder.requests] == [
        ("POST", expected),
        ("PUT", expected),
    ]
    paths = [path for _, path, _, _, _ in recorder.requests]
    assert paths == [
        "/store?graph=https%3A%2F%2Fw3id.org%2Fpekg%2Fid%2Fgraph%2Factors",
        "/store?graph=" + str(ARTICLE).replace(":", "%3A").replace("/", "%2F"),
    ]
    headers, body = recorder.requests[1][3], recorder.requests[1][4]
    assert headers["Content-Type"] == "application/n-triples"
    assert len(Graph().parse(data=body.decode(), format="nt")) == summary.graphs[str(ARTICLE)]


def test_bearer_token_from_the_environment(
    recorder: Any, no_credentials: pytest.MonkeyPatch
) -> None:
    no_credentials.setenv("PEKG_STORE_TOKEN", "tok-123")
    no_credentials.setenv("PEKG_STORE_USER", "ignored")
    store.push(SEED, f"{recorder.url}/store", graph="http://example.org/g")
    assert [(m, auth) for m, _, auth, _, _ in recorder.requests] == [("PUT", "Bearer tok-123")]


def test_no_credentials_no_header(recorder: Any, no_credentials: pytest.MonkeyPatch) -> None:
    store.push(SEED, f"{recorder.url}/store")
    assert [auth for _, _, auth, _, _ in recorder.requests] == [None, None]
    no_credentials.setenv("PEKG_STORE_PASSWORD", "lonely")
    with pytest.raises(store.StoreError, match="PEKG_STORE_USER is not") as err:
        store.push(SEED, f"{recorder.url}/store")
    assert "lonely" not in str(err.value)


@pytest.mark.parametrize(
    "env",
    [
        {"PEKG_STORE_USER": "ann", "PEKG_STORE_PASSWORD": "hunter2-very-secret"},
        {"PEKG_STORE_TOKEN": "token-very-secret"},
    ],
)
def test_credentials_never_appear_in_errors(
    recorder: Any, no_credentials: pytest.MonkeyPatch, env: dict[str, str]
) -> None:
    for name, value in env.items():
        no_credentials.setenv(name, value)
    recorder.status = 401
    secrets = [v for k, v in env.items() if k != "PEKG_STORE_USER"]
    secrets += [base64.b64encode(b"ann:hunter2-very-secret").decode()]
    endpoint = f"http://ann:hunter2-very-secret@127.0.0.1:{recorder.server_address[1]}/store"
    for attempt in (
        lambda: store.push(SEED, f"{recorder.url}/store"),
        lambda: store.query_endpoint(f"{recorder.url}/query", "ASK {}"),
    ):
        with pytest.raises(store.StoreError) as err:
            attempt()
        message = str(err.value)
        assert "HTTP 401" in message and "\n" not in message
        assert "denied" in message  # the server's message is kept...
        assert not any(secret in message for secret in secrets), message  # ...its secrets not
    assert recorder.requests[0][2] is not None
    with pytest.raises(store.StoreError, match="credentials in the URL are not used") as err:
        store.push(SEED, endpoint)
    assert "hunter2" not in str(err.value) and str(err.value).startswith("http://127.0.0.1:")


def test_html_error_pages_become_one_line_of_text(recorder: Any) -> None:
    recorder.status, recorder.html = 500, True
    with pytest.raises(store.StoreError) as err:
        store.push(SEED, f"{recorder.url}/store", graph="http://example.org/g")
    assert str(err.value) == (
        f"{recorder.url}/store (graph <http://example.org/g>): "
        "HTTP 500 Internal Server Error: Oops it broke"
    )


# ---------------------------------------------------------------------------
# A local server on a build
# ---------------------------------------------------------------------------


def test_running_server_answers_like_the_file(tmp_path: Path) -> None:
    entry = LIBRARY["votes"]
    expected = _multiset(q.run([SEED], entry.text), entry.text)
    with store.running_server(SEED) as url:
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+", url)
        got = store.query_endpoint(f"{url}/query", entry.text)
        assert _multiset(got, entry.text) == expected
        assert _count(url) == _seed_size()
        assert _ask(url, f"ASK {{ GRAPH <{ARTICLE}> {{ ?s ?p ?o }} }}")
    with pytest.raises(store.StoreError, match="connection refused"):
        store.query_endpoint(f"{url}/query", "ASK {}")


def test_running_server_keeps_its_store_in_out(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    shutil.copy(SEED, out / "graph.ttl")
    port = store.free_port()
    with store.running_server(out, port=port) as url:
        assert url == f"http://127.0.0.1:{port}"
        assert _count(url) == _seed_size()
    stamp = (out / ".store" / "stamp").read_text()
    first = (out / ".store" / "db").stat().st_ino
    assert store.build_files(out) == [out / "graph.ttl"], "the store is not part of the build"
    with store.running_server(out) as url:  # unchanged build: the store is reused
        assert _count(url) == _seed_size()
    assert (out / ".store" / "db").stat().st_ino == first
    graph = Graph().parse(SEED)
    graph.remove((ARTICLE, None, None))
    graph.serialize(out / "graph.ttl", format="turtle")
    with store.running_server(out) as url:  # a new build: the store is reloaded
        assert _count(url) == len(graph)
    assert (out / ".store" / "stamp").read_text() != stamp


def test_running_server_reports_an_early_exit(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(store.StoreError) as err:
            with store.running_server(SEED, port=port, store_dir=tmp_path / "s"):
                pass  # pragma: no cover - never reached
    message = str(err.value)
    assert message.startswith(f"oxigraph server on http://127.0.0.1:{port} exited at start: ")
    assert "already in use" in message, message  # oxigraph's error, not its backtrace
    assert "\n" not in message


def test_serve_reports_a_failed_load(tmp_path: Path) -> None:
    bad = tmp_path / "graph.nq"
    bad.write_text("<http://example.org/s> <http://example.org/p> oops .\n")
    with pytest.raises(store.StoreError) as err:
        with store.running_server(bad):
            pass  # pragma: no cover - never reached
    message = str(err.value)
    assert message.startswith("oxigraph load into ") and " failed: " in message
    assert "\n" not in message and "backtrace" not in message.lower()


def test_missing_oxigraph_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(store.StoreError, match="oxigraph command is neither next to"):
        store.oxigraph_executable()
    with pytest.raises(store.StoreError, match="pip install oxigraph"):
        with store.running_server(SEED):
            pass  # pragma: no cover - never reached


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_serve_until_stopped(tmp_path: Path, stop: signal.Signals) -> None:
    """The blocking ``serve`` prints its URLs, answers, and exits 0 on Ctrl-C or SIGTERM."""
    port = store.free_port()
    code = (
        "import sys; from kg.store import serve; "
        f"sys.exit(serve({str(SEED)!r}, port={port}, store_dir={str(tmp_path)!r}))"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        assert first == f"SPARQL endpoint: http://127.0.0.1:{port}/query\n"
        assert _count(f"http://127.0.0.1:{port}") == _seed_size()
        process.send_signal(stop)
        assert process.wait(timeout=20) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    with pytest.raises(store.StoreError, match="connection refused"):
        store.query_endpoint(f"http://127.0.0.1:{port}/query", "ASK {}")
    assert "Press Ctrl-C to stop." in process.stdout.read()
    assert process.stderr is not None and "Traceback" not in process.stderr.read()


@pytest.fixture
def kg_serve(tmp_path: Path) -> Iterator[Callable[..., str]]:
    """Start ``kg serve`` on the seed with extra arguments; return its base URL."""
    processes: list[subprocess.Popen[str]] = []

    def start(*args: str) -> str:
        kg = str(Path(sys.executable).parent / "kg")
        out = tmp_path / f"out{len(processes)}"
        out.mkdir()
        shutil.copy(SEED, out / "graph.ttl")
        process = subprocess.Popen(
            [kg, "serve", str(out), *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        processes.append(process)
        assert process.stdout is not None
        line = process.stdout.readline()
        match = re.match(r"SPARQL endpoint: (http://\S+)/query$", line)
        assert match, f"kg serve printed {line!r}"
        return match.group(1)

    yield start
    for process in processes:
        process.terminate()
        assert process.wait(timeout=20) == 0
        assert process.stderr is not None and "Traceback" not in process.stderr.read()


#: The graph with itself four times over: far too many solutions to count in time.
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def test_serve_stops_a_query_at_its_timeout(kg_serve: Callable[..., str]) -> None:
    url = kg_serve("--timeout", "1")
    with pytest.raises(store.StoreError) as caught:
        store.query_endpoint(f"{url}/query", CARTESIAN, timeout=15)
    assert "HTTP 503" in str(caught.value) and "timed out after 1 s" in str(caught.value)
    # The server goes on answering (it was restarted to stop the query).
    assert _count(url) == _seed_size()


def test_serve_timeout_must_be_positive(capsys: pytest.CaptureFixture[str]) -> None:
    from kg import cli

    with pytest.raises(SystemExit) as caught:
        cli.main(["serve", str(SEED), "--timeout", "0"])
    assert caught.value.code == 2
    assert "need a positive number of seconds" in capsys.readouterr().err


def test_serve_refuses_service_clauses(kg_serve: Callable[..., str]) -> None:
    """The server would send the requests of a SERVICE clause: they are refused first."""
    url = kg_serve()
    with socket.create_server(("127.0.0.1", 0)) as listener:
        listener.settimeout(0.5)
        service = f"http://127.0.0.1:{listener.getsockname()[1]}/sparql"
        for method in ("GET", "POST"):
            with pytest.raises(store.StoreError, match="HTTP 403 .*SERVICE clauses .* refused"):
                store.query_endpoint(
                    f"{url}/query",
                    f"SELECT * {{ SERVICE <{service}> {{ ?s ?p ?o }} }}",
                    method=method,
                )
        with pytest.raises(TimeoutError):
            listener.accept()
    assert _ask(url, 'ASK { FILTER("SERVICE <http://e/> {}" != "") }')
