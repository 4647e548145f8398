"""End to end on the shipped sample: floors, shapes, determinism, golden graph, round-trips."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pyshacl
import pytest
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg.evaluate import load_gold, score_article
from kg.formats import FORMATS
from kg.model import Article
from kg.pipeline import build_articles, build_paths
from kg.vocab import PEK, ontology_path, shapes_path
from kg.write import serialize, write_graph

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "data" / "articles"
DATA = Path(__file__).resolve().parent / "data"
GOLD = DATA / "2017-04-12-trump-us-russia-relations.gold.json"
GOLDEN = DATA / "seed.golden.ttl"


@pytest.fixture(scope="module")
def seed() -> Graph:
    return build_paths([ARTICLES]).graph


def test_seed_meets_the_floors(seed: Graph) -> None:
    score = score_article(seed, load_gold(GOLD))
    assert score.entities.f1 >= 0.90
    assert score.events.recall >= 0.80
    assert score.events.precision >= 0.70
    assert score.roles.correct >= 6
    assert score.quotes.f1 >= 0.85
    assert score.dates.value is not None and score.dates.value >= 0.80


def test_seed_conforms_to_the_shapes(seed: Graph) -> None:
    shapes = Graph().parse(shapes_path())
    ontology = Graph().parse(ontology_path())
    conforms, _, report = pyshacl.validate(
        seed, shacl_graph=shapes, ont_graph=ontology, inference="none"
    )
    assert conforms, report


def test_seed_matches_the_golden_graph(seed: Graph) -> None:
    """Any change to what the sample yields shows here as a readable diff.

    After an intended change, regenerate with
    ``.venv/bin/kg build data/articles -o /tmp/x``, then copy ``/tmp/x/graph.ttl`` to
    ``tests/data/seed.golden.ttl``.
    """
    golden = Graph().parse(GOLDEN)
    if not isomorphic(seed, golden):
        _, only_built, only_golden = graph_diff(to_isomorphic(seed), to_isomorphic(golden))
        lines = [f"+ {t}" for t in sorted(only_built)[:40]]
        lines += [f"- {t}" for t in sorted(only_golden)[:40]]
        pytest.fail("built graph differs from tests/data/seed.golden.ttl:\n" + "\n".join(lines))


def test_every_class_has_its_superclass(seed: Graph) -> None:
    for cls in ("Meeting", "Attack", "Vote", "Statement", "Accusation", "Support"):
        for node in seed.subjects(RDF.type, PEK[cls]):
            assert (node, RDF.type, PEK.Event) in seed
    for cls in ("Person", "Country", "Organization"):
        for node in seed.subjects(RDF.type, PEK[cls]):
            assert (node, RDF.type, PEK.Actor) in seed


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_outputs_are_deterministic_and_parse_back(seed: Graph, fmt: str, tmp_path: Path) -> None:
    first = write_graph(seed, tmp_path / "a", fmt)
    again = build_paths([ARTICLES]).graph
    second = write_graph(again, tmp_path / "b", fmt)
    assert first.read_bytes() == second.read_bytes()
    parsed = Graph().parse(first, format=FORMATS[fmt].rdflib)
    assert isomorphic(parsed, seed)


HOSTILE = 'The "<script>alert(1)</script>" {a|b}^\\ group'


def test_hostile_text_never_breaks_iris_or_turtle() -> None:
    text = (
        f"German Chancellor Olaf Scholz met with French President Emmanuel Macron in Berlin.\n\n"
        f"“{HOSTILE} is\nwelcome here,” Scholz said.\n"
    )
    article = Article(id='x <y> "z" {w}', text=text, title=HOSTILE, date=dt.date(2023, 5, 2))
    graph = build_articles([article]).graph
    for term in {t for triple in graph for t in triple}:
        if not isinstance(term, Literal):
            assert not set(str(term)) & set(' "<>{}|\\^`\n'), term
    for fmt in FORMATS:
        text_out = serialize(graph, fmt)
        assert isomorphic(Graph().parse(data=text_out, format=FORMATS[fmt].rdflib), graph)
    assert (None, None, Literal(HOSTILE)) in graph


def test_no_date_means_no_pek_date() -> None:
    text = "Japanese Prime Minister Fumio Kishida met with Indian Prime Minister Modi on Tuesday."
    graph = build_articles([Article(id="nodate", text=text)]).graph
    assert not list(graph.objects(None, PEK.date))
    assert {str(o) for o in graph.objects(None, PEK.dateText)} == {"Tuesday"}


def test_json_summary_counts(seed: Graph) -> None:
    result = build_paths([ARTICLES])
    counts = result.counts()
    assert counts["events"]["Vote"] == 1
    assert counts["quotes"]["Quote"] == 16
    assert "en_core_web_sm" in result.model
    json.dumps({k: dict(v) for k, v in counts.items()})


def test_an_article_that_fails_is_a_problem_not_an_exception(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from conftest import read_articles

    from kg import extract

    real = extract.extract_doc

    def failing(nlp, article, doc):  # type: ignore[no-untyped-def]
        if article.id == "bad":
            raise KeyError("no such thing")
        return real(nlp, article, doc)

    monkeypatch.setattr(extract, "extract_doc", failing)
    items = read_articles(good="Russia accused China of lying.", bad="Iran met Iraq.")
    result = build_articles(items)
    assert result.articles == ["good"]
    assert result.problems == ["bad: could not be built (KeyError: 'no such thing')"]
    assert (URIRef("https://w3id.org/pekg/id/article/bad"), None, None) not in result.graph
