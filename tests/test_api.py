"""The Python API: build from paths, texts and records; load; query; networkx; serialize."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic

import kg
from kg.query import GraphLoadError, QueryError, UnknownQueryError
from kg.read import ReadError

ROOT = Path(__file__).resolve().parent.parent
SEED = Path(__file__).resolve().parent / "data" / "seed.golden.ttl"
TEXT = "Russia vetoed the resolution on Wednesday, while China abstained."


@pytest.fixture(scope="module")
def seed() -> kg.KnowledgeGraph:
    return kg.load(SEED)


def test_a_long_one_line_text_is_an_article_not_a_path() -> None:
    text = "Russia attacked Ukraine on Monday. " * 12  # longer than any file name
    assert len(kg.build(text).articles) == 1
    assert len(kg.build([text]).articles) == 1


def test_load_and_counts(seed: kg.KnowledgeGraph) -> None:
    assert len(seed) == len(Graph().parse(SEED))
    assert seed.articles == ["2017-04-12-trump-us-russia-relations"]
    counts = seed.counts()
    assert list(counts.columns) == ["group", "class", "count"]
    assert counts.query("`class` == 'Vote'")["count"].item() == 1


def test_build_from_a_directory_matches_the_cli_build(seed: kg.KnowledgeGraph) -> None:
    built = kg.build(ROOT / "data" / "articles")
    assert built.problems == []
    assert isomorphic(built.graph, seed.graph)


def test_build_from_texts_and_records() -> None:
    g = kg.build(
        [TEXT, {"text": TEXT, "id": "un-vote", "date": "2017-04-12", "title": "UN vote"}],
        date=dt.date(2017, 4, 12),
    )
    assert len(g.articles) == 2 and "un-vote" in g.articles
    dates = g.query("SELECT DISTINCT ?d WHERE { ?e a pek:Vote ; pek:date ?d }")
    assert dates["d"].tolist() == [dt.date(2017, 4, 12)]


def test_bad_inputs_are_problems_not_exceptions() -> None:
    g = kg.build([TEXT, "   ", {"title": "no text"}])
    assert len(g.articles) == 1
    assert g.problems == ["texts[1]: empty text", "texts[2]: missing 'text' field"]


def test_missing_file_path_is_an_error_not_a_text() -> None:
    with pytest.raises(ReadError, match="no-such-article.txt"):
        kg.build("no-such-article.txt")


def test_query_returns_dataframes_bools_and_graphs(seed: kg.KnowledgeGraph) -> None:
    votes = seed.query("votes")
    assert isinstance(votes, pd.DataFrame)
    assert {("Russia", "Veto"), ("China", "Abstain")} <= set(
        zip(votes.voter, votes.choice, strict=True)
    )
    assert seed.query("ASK { ?v a pek:Vote }") is True
    assert seed.query("ASK { ?v a pek:Vote ; pek:body pekr:none }") is False
    sub = seed.query("CONSTRUCT { ?c a pek:Country } WHERE { ?c a pek:Country }")
    assert isinstance(sub, kg.KnowledgeGraph) and len(sub) >= 5
    typed = seed.query("SELECT ?n ?d WHERE { ?e pek:deaths ?n ; pek:date ?d }")
    assert typed["n"].tolist() == [87] and isinstance(typed["d"][0], dt.date)


def test_query_bindings_and_engines_agree(seed: kg.KnowledgeGraph) -> None:
    one = seed.query("dyad", a="Russia", b="United States")
    two = seed.query("dyad", engine="oxigraph", a="Russia", b="United States")
    assert len(one) >= 1
    pd.testing.assert_frame_equal(one, two)
    iri = seed.query("dyad", a=URIRef("https://w3id.org/pekg/id/country/RUS"), b="US")
    assert len(iri) == len(one)


def test_query_errors(seed: kg.KnowledgeGraph) -> None:
    with pytest.raises(QueryError, match="line 1, column"):
        seed.query("SELECT ?x WHERE { ?x }")
    with pytest.raises(UnknownQueryError, match="votes"):
        seed.query("vots")
    with pytest.raises(QueryError, match="--bind b="):
        seed.query("dyad", a="Russia")
    with pytest.raises(ValueError, match="engine"):
        seed.query("votes", engine="virtuoso")


def test_load_errors(tmp_path: Path) -> None:
    with pytest.raises(GraphLoadError, match="no such file"):
        kg.load(tmp_path / "missing.ttl")
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle")
    with pytest.raises(GraphLoadError, match="bad.ttl: not valid ttl"):
        kg.load(bad)


def test_to_networkx_views(seed: kg.KnowledgeGraph) -> None:
    actors = seed.to_networkx("actors")
    usa, syr = "https://w3id.org/pekg/id/country/USA", "https://w3id.org/pekg/id/country/SYR"
    assert actors.nodes[syr]["label"] == "Syria" and actors.nodes[syr]["kind"] == "Country"
    events = seed.to_networkx("events")
    assert nx.is_bipartite(events)
    assert {d["role"] for _, _, d in events.edges(data=True)} >= {"agent", "target", "voter: Veto"}
    full = seed.to_networkx("full")
    assert full.number_of_edges() == len(seed)
    assert usa in actors
    with pytest.raises(ValueError, match="kind"):
        seed.to_networkx("nope")


def test_validate_and_serialize_round_trip(seed: kg.KnowledgeGraph, tmp_path: Path) -> None:
    assert seed.validate().conforms
    for name, fmt in (("g.ttl", "turtle"), ("g.nt", "nt"), ("g.jsonld", "json-ld")):
        path = seed.serialize(tmp_path / name)
        assert path == tmp_path / name
        assert isomorphic(Graph().parse(path, format=fmt), seed.graph)
    assert seed.serialize(tmp_path, format="trig") == tmp_path / "graph.trig"
    with pytest.raises(ValueError, match="format"):
        seed.serialize(tmp_path / "g.xml", format="xml")


def test_html_summary_escapes(seed: kg.KnowledgeGraph) -> None:
    html = seed._repr_html_()
    assert "<table>" in html and "KnowledgeGraph" in html and "<KnowledgeGraph" not in html
