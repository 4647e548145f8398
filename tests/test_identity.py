"""kg.identity: bare surnames merged into the one full name of a build, in memory and streamed."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import read_articles as articles
from rdflib import RDFS, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import SKOS

from kg import corpus
from kg.identity import PERSON, merge_graph, person_merges, rewrite_actor_lines, rewrite_text
from kg.pipeline import build_articles
from kg.vocab import PEK

LAVROV, SERGEY = URIRef(PERSON + "lavrov"), URIRef(PERSON + "sergey-lavrov")
TEXTS = {
    "a": "Russian Foreign Minister Sergey Lavrov met Indian Foreign Minister S. Jaishankar "
    "in Moscow on Monday.",
    "b": "On Tuesday, Foreign Minister Lavrov accused Ukraine of delaying the talks.",
}


def test_a_surname_joins_the_one_full_name_ending_in_it() -> None:
    labels = {"p/lavrov": "Lavrov", "p/sergey-lavrov": "Sergey Lavrov", "p/assad": "Assad"}
    labels["p/bashar-al-assad"] = "Bashar al-Assad"
    assert person_merges(labels) == {"p/lavrov": "p/sergey-lavrov", "p/assad": "p/bashar-al-assad"}


def test_a_surname_shared_by_two_full_names_joins_neither() -> None:
    labels = {"p/bush": "Bush", "p/george-bush": "George Bush", "p/jeb-bush": "Jeb Bush"}
    assert person_merges(labels) == {}


def test_a_name_of_no_one_else_stays() -> None:
    assert person_merges({"p/madonna": "Madonna", "p/sergey-lavrov": "Sergey Lavrov"}) == {}


def test_merged_graph_keeps_the_short_name_as_an_alternative() -> None:
    g = Graph()
    event = URIRef("https://w3id.org/pekg/id/event/x/1")
    g.add((LAVROV, RDFS.label, Literal("Lavrov")))
    g.add((SERGEY, RDFS.label, Literal("Sergey Lavrov")))
    g.add((event, PEK.agent, LAVROV))
    assert merge_graph(g) == {str(LAVROV): str(SERGEY)}
    assert (event, PEK.agent, SERGEY) in g
    assert (SERGEY, SKOS.altLabel, Literal("Lavrov")) in g
    assert not list(g.triples((LAVROV, None, None))) and not list(g.triples((None, None, LAVROV)))
    assert list(g.objects(SERGEY, RDFS.label)) == [Literal("Sergey Lavrov")]


def test_text_rewrites_touch_only_merged_person_iris() -> None:
    merges = {str(LAVROV): str(SERGEY)}
    line = f'<{LAVROV}> <{RDFS.label}> "Lavrov" .\n'
    role = "<https://w3id.org/pekg/id/role/lavrov> <x> <y> .\n"
    assert rewrite_actor_lines([line, role], merges) == [
        f'<{SERGEY}> <{SKOS.altLabel}> "Lavrov" .\n',
        role,
    ]
    assert rewrite_text(f"<e> <a> <{LAVROV}> .", merges) == f"<e> <a> <{SERGEY}> ."
    assert rewrite_text(f"<e> <a> <{LAVROV}x> .", {}) == f"<e> <a> <{LAVROV}x> ."


def test_in_memory_build_merges_across_articles() -> None:
    g = build_articles(articles(**TEXTS)).graph
    accusers = set(g.objects(None, PEK.agent))
    assert SERGEY in accusers and LAVROV not in set(g.all_nodes())
    assert (SERGEY, SKOS.altLabel, Literal("Lavrov")) in g


def test_one_article_alone_keeps_its_surname() -> None:
    g = build_articles(articles(b=TEXTS["b"])).graph
    assert (LAVROV, RDFS.label, Literal("Lavrov")) in g


@pytest.mark.parametrize(
    ("fmt", "parser"), [("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")]
)
def test_streamed_build_merges_as_the_in_memory_one(tmp_path: Path, fmt: str, parser: str) -> None:
    result = corpus.build_corpus(articles(**TEXTS), tmp_path, fmt=fmt)
    built = Graph().parse(result.path, format=parser)
    assert LAVROV not in set(built.all_nodes())
    assert isomorphic(built, build_articles(articles(**TEXTS)).graph)
