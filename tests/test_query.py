"""kg.query: resolving queries, binding parameters, loading graphs, both engines."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef

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
