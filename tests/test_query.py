"""kg.query: resolving queries, binding parameters, loading graphs, both engines."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from kg import cli
from kg import query as q

SEED = Path(__file__).resolve().parent / "data" / "seed.golden.ttl"


@pytest.mark.parametrize(
    ("text", "expected_prefix"),
    [
        ("SELECT ?x WHERE { ?x ?p ?a }", "SELECT ?x WHERE { VALUES"),
        ("SELECT * { ?x ?p ?a }", "SELECT * { VALUES"),
        ("ASK { ?x ?p ?a }", "ASK { VALUES"),
        (
            'PREFIX e: <http://e/#x> CONSTRUCT { ?x e:p "{" } WHERE { ?x ?p ?a }',
            'PREFIX e: <http://e/#x> CONSTRUCT { ?x e:p "{" } WHERE { VALUES',
        ),
        ("# a { comment\nSELECT ?x WHERE { ?x ?p ?a }", "# a { comment\nSELECT ?x WHERE { VALUES"),
    ],
)
def test_bindings_go_at_the_head_of_the_pattern(text: str, expected_prefix: str) -> None:
    bound = q.bind_values(text, {"a": Literal("x")})
    assert bound.startswith(expected_prefix)
    assert bound.endswith("?x ?p ?a }")


def test_bindings_without_a_pattern_are_refused() -> None:
    with pytest.raises(q.QueryError, match="no WHERE"):
        q.bind_values("DESCRIBE <http://e/x>", {"a": Literal("x")})


@pytest.mark.parametrize("engine", q.ENGINES)
def test_bound_value_reaches_filters(engine: str) -> None:
    text = "SELECT ?c WHERE { ?c rdfs:label ?l FILTER(LCASE(STR(?l)) = LCASE(STR(?name))) }"
    result = q.run([SEED], text, engine, {"name": Literal("SYRIA")})
    assert result.rows == [(URIRef("https://w3id.org/pekg/id/country/SYR"),)]


def test_parse_binding_forms() -> None:
    assert q.parse_binding("a=<http://e/x>") == ("a", URIRef("http://e/x"))
    assert q.parse_binding("?b=United States") == ("b", Literal("United States"))
    assert q.parse_binding("c=notaprefix:x") == ("c", Literal("notaprefix:x"))
    with pytest.raises(ValueError):
        q.parse_binding("a b=c")


def test_resolve_query_kinds(tmp_path: Path) -> None:
    text, label, entry = q.resolve_query("votes")
    assert entry is not None and entry.name == "votes" and "pek:Vote" in text
    rq = tmp_path / "mine.rq"
    rq.write_text("ASK {}")
    assert q.resolve_query(str(rq))[:2] == ("ASK {}", str(rq))
    assert q.resolve_query("ASK { ?s ?p ?o }")[1] == "inline query"
    with pytest.raises(q.QueryError, match="no such query file"):
        q.resolve_query(str(tmp_path / "missing.rq"))
    with pytest.raises(q.UnknownQueryError, match="did you mean timeline"):
        q.resolve_query("timelin")


def test_rdf_files_expands_directories_and_refuses_others(tmp_path: Path) -> None:
    (tmp_path / "a.ttl").write_text("")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.nt").write_text("")
    (tmp_path / "notes.txt").write_text("")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "c.ttl").write_text("")
    (tmp_path / "empty").mkdir()
    assert q.rdf_files([tmp_path]) == [tmp_path / "a.ttl", tmp_path / "sub" / "b.nt"]
    with pytest.raises(q.GraphLoadError, match="not an RDF file"):
        q.rdf_files([tmp_path / "notes.txt"])
    assert len(q.rdf_files([tmp_path / "sub" / ".."])) == 2
    with pytest.raises(q.GraphLoadError, match="no RDF files"):
        q.rdf_files([tmp_path / "sub" / ".." / "empty"])


def test_named_graphs_are_queried_as_a_union(tmp_path: Path) -> None:
    trig = tmp_path / "g.trig"
    trig.write_text(
        "<http://e/g1> { <http://e/a> <http://e/p> 1 . }\n"
        "<http://e/g2> { <http://e/b> <http://e/p> 2 . }\n"
    )
    for engine in q.ENGINES:
        result = q.run([trig], "SELECT (COUNT(*) AS ?n) WHERE { ?s <http://e/p> ?o }", engine)
        assert int(result.rows[0][0]) == 2  # type: ignore[arg-type]


def test_oxigraph_store_directory(tmp_path: Path) -> None:
    import pyoxigraph as ox

    store_dir = tmp_path / "store"
    store = ox.Store(str(store_dir))
    store.bulk_load(path=str(SEED), format=ox.RdfFormat.TURTLE)
    store.flush()
    del store
    assert q.is_oxigraph_store(store_dir)
    text = "SELECT ?c WHERE { ?b pek:voter ?c ; pek:choice pek:Veto }"
    expected = [(URIRef("https://w3id.org/pekg/id/country/RUS"),)]
    assert q.run([store_dir], text, "oxigraph").rows == expected
    assert q.run([store_dir], text, "rdflib").rows == expected


# ---------------------------------------------------------------------------
# SERVICE clauses and bound values
# ---------------------------------------------------------------------------


class Listener:
    """A TCP listener on loopback that counts the connections it gets (closing each)."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.05)
        self.port = int(self.sock.getsockname()[1])
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.sock.close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    server = Listener()
    yield server
    server.close()


def _kg(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = cli.main(["query", *args])
    out, err = capsys.readouterr()
    return status, out, err


def _service_query(port: int) -> str:
    return f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"


@pytest.mark.parametrize("engine", q.ENGINES)
def test_service_queries_are_refused_without_a_request(
    engine: str, listener: Listener, capsys: pytest.CaptureFixture[str]
) -> None:
    for text in (
        _service_query(listener.port),
        f"SELECT * {{ service silent <http://127.0.0.1:{listener.port}/> {{ ?s ?p ?o }} }}",
        f"SELECT * {{ \\u0053ERVICE <http://127.0.0.1:{listener.port}/> {{ ?s ?p ?o }} }}",
    ):
        status, out, err = _kg(capsys, str(SEED), text, "--engine", engine)
        assert (status, out) == (2, "")
        assert err.startswith("kg: inline query: SERVICE clauses send requests")
        assert "--allow-service" in err and err.count("\n") == 1
    time.sleep(0.2)  # a connection, had one been made, is accepted by now
    assert listener.connections == 0


@pytest.mark.parametrize("engine", q.ENGINES)
def test_service_in_strings_comments_and_names_is_no_service(
    engine: str, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        "PREFIX service: <http://e/>\n"
        'SELECT ?x WHERE { BIND("SERVICE <http://127.0.0.1:9/> { }" AS ?x) '
        "OPTIONAL { ?service service:SERVICE <urn:SERVICE> } }  # SERVICE <http://e/> {}"
    )
    status, out, err = _kg(capsys, str(SEED), text, "--engine", engine, "--format", "csv")
    assert (status, err) == (0, "")
    assert out.splitlines() == ["x", "SERVICE <http://127.0.0.1:9/> { }"]


@pytest.mark.parametrize("engine", q.ENGINES)
def test_allowed_service_failures_are_one_line(
    engine: str, listener: Listener, capsys: pytest.CaptureFixture[str]
) -> None:
    # A server that hangs up at once...
    status, out, err = _kg(
        capsys, str(SEED), _service_query(listener.port), "--engine", engine, "--allow-service"
    )
    assert status != 0 and out == ""
    assert err.startswith("kg: inline query: query failed: ") and err.count("\n") == 1
    assert listener.connections >= 1
    # ... and a port nobody listens on.
    with socket.create_server(("127.0.0.1", 0)) as closed:
        port = int(closed.getsockname()[1])
    status, out, err = _kg(capsys, str(SEED), _service_query(port), "--engine", engine)
    assert status == 2 and "--allow-service" in err
    status, out, err = _kg(
        capsys, str(SEED), _service_query(port), "--engine", engine, "--allow-service"
    )
    assert status != 0 and out == ""
    assert err.startswith("kg: inline query: query failed: ") and err.count("\n") == 1


@pytest.mark.parametrize(
    "value",
    ["<http://a b>", "<>", "<http://x/{y}>", "<relative/path>", "pekr:x>y", '<http://e/"q">'],
)
def test_invalid_iris_are_a_bind_usage_error(
    value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = _kg(capsys, str(SEED), "SELECT ?a {}", "--bind", f"a={value}")
    assert (status, out) == (2, "")
    assert err.startswith(f"kg: --bind: 'a={value}': not a valid IRI: ")
    assert err.count("\n") == 1


def test_invalid_terms_cannot_reach_a_query() -> None:
    with pytest.raises(q.QueryError, match="not a valid IRI"):
        q.bind_values("SELECT ?a {}", {"a": URIRef("http://e/a> } ?s ?p ?o {")})
    with pytest.raises(q.QueryError, match="not a valid IRI"):
        q.bind_values("SELECT ?a {}", {"a": Literal("1", datatype=URIRef("no iri"))})
    with pytest.raises(q.QueryError, match="only IRIs and literals"):
        q.bind_values("SELECT ?a {}", {"a": BNode()})


@pytest.mark.parametrize(
    "value",
    [
        "\\u0041",
        "x\\U00000042y",
        "\\\\u0041",
        '"\\u0022" SERVICE',
        "tab\there\nnew line \\n \\",
        "é ☃ \\uD83D",
    ],
)
def test_bound_strings_reach_both_engines_as_given(value: str) -> None:
    name, term = q.parse_binding(f"v={value}")
    assert term == Literal(value)
    text = "SELECT ?v (STRLEN(?v) AS ?n) WHERE {}"
    for engine in q.ENGINES:
        result = q.run([SEED], text, engine, {name: term})
        assert result.rows == [
            (Literal(value, datatype=XSD.string), Literal(len(value), datatype=XSD.integer))
        ], engine


def test_bound_values_survive_the_cli_on_both_engines(capsys: pytest.CaptureFixture[str]) -> None:
    outputs = set()
    for engine in q.ENGINES:
        status, out, err = _kg(
            capsys, str(SEED), "SELECT ?v WHERE {}", "--bind", "v=\\u0041", "--engine", engine
        )
        assert (status, err) == (0, "")
        outputs.add(out)
    assert len(outputs) == 1 and "\\u0041" in outputs.pop()


def test_a_partial_load_keeps_all_but_the_left_out_predicates_and_counts_the_whole() -> None:
    from rdflib import Graph

    from kg.vocab import PEK

    whole = Graph().parse(SEED)
    part, total = q.load_graph_part([SEED], skip=[PEK.charStart], drop=[PEK.confidence])
    assert not list(part.triples((None, PEK.charStart, None)))
    assert not list(part.triples((None, PEK.confidence, None)))

    def values(triples: object) -> set[tuple[object, object, object]]:
        # RDF 1.1 terms: a plain literal is an xsd:string one, "-2.0" the decimal -2
        return {(s, p, o.toPython() if isinstance(o, Literal) else o) for s, p, o in triples}

    kept = [t for t in whole if t[1] not in (PEK.charStart, PEK.confidence)]
    assert len(part) == len(kept) and values(part) == values(kept)
    dropped = len(list(whole.triples((None, PEK.confidence, None))))
    assert total == len(whole) - dropped  # skipped triples count, dropped ones do not


def test_a_partial_load_of_a_broken_file_is_one_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .\n")
    with pytest.raises(q.GraphLoadError, match="bad.ttl"):
        q.load_graph_part([bad])


def test_a_graph_part_is_streamed_with_the_same_triples_as_a_store(tmp_path: Path) -> None:
    from kg.vocab import PEK

    def values(triples):  # type: ignore[no-untyped-def]
        # a store keeps a decimal in its canonical form ("1" for "1.0"); the value is one
        return {(s, p, o.toPython() if isinstance(o, Literal) else o) for s, p, o in triples}

    part, total = q.load_graph_part([SEED], skip=[PEK.charStart])
    store = q.load_store([SEED])
    assert total == len(store)
    expected = [
        (q._from_ox(quad.subject), q._from_ox(quad.predicate), q._from_ox(quad.object))
        for quad in store
        if quad.predicate.value != str(PEK.charStart)
    ]
    assert len(part) < total and values(part) == values(expected)


def test_streamed_files_count_a_repeated_triple_once_and_keep_blank_nodes_apart(
    tmp_path: Path,
) -> None:
    first, second = tmp_path / "a.nt", tmp_path / "b.nt"
    first.write_text('<http://e/s> <http://e/p> _:b .\n<http://e/s> <http://e/q> "x" .\n')
    second.write_text('<http://e/s> <http://e/p> _:b .\n<http://e/s> <http://e/q> "x" .\n')
    part, total = q.load_graph_part([first, second], skip=[URIRef("http://e/q")])
    assert total == 3  # two blank nodes, one repeated skipped triple
    assert len(set(part.objects(URIRef("http://e/s"), URIRef("http://e/p")))) == 2


def test_a_file_that_breaks_off_mid_stream_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "bad.nt"
    bad.write_text('<http://e/s> <http://e/p> "x" .\n<http://e/s> <http://e/p> broken\n')
    with pytest.raises(q.GraphLoadError, match=r"bad\.nt: not valid nt"):
        q.load_graph_part([bad])
