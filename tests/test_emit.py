"""kg.emit: records to triples; here the country each actor acts for (``pek:actsFor``)."""

from __future__ import annotations

from conftest import extract_text
from rdflib import Graph
from spacy.language import Language

from kg import mint
from kg.emit import actor_triples, emit, emit_sets, role_triples
from kg.model import Actor, Article, Evidence, Role
from kg.vocab import PEK, PEKR

ARTICLE = Article(id="a", text="Foreign Minister Sergei Lavrov spoke.")
SEEN = Evidence("Foreign Minister Sergei Lavrov spoke.", 0, 38)
RUS = PEKR["country/RUS"]


def test_a_group_acts_for_the_country_it_is_of() -> None:
    g = Graph()
    node = actor_triples(
        g, Actor("group:rus-military", "Group", "Russian military", affiliation="country:RUS")
    )
    assert list(g.objects(node, PEK.actsFor)) == [RUS]


def test_an_actor_of_an_organisation_or_a_country_acts_for_no_country() -> None:
    g = Graph()
    member = actor_triples(
        g, Actor("person:jens-stoltenberg", "Person", "Jens Stoltenberg", affiliation="org:nato")
    )
    country = actor_triples(g, Actor("country:RUS", "Country", "Russia", iso3="RUS"))
    assert list(g.objects(member, PEK.actsFor)) == []
    assert list(g.objects(country, PEK.actsFor)) == []
    assert list(g.objects(member, PEK.affiliation)) == [PEKR["org/nato"]]


def test_a_role_in_a_country_makes_its_holder_act_for_it() -> None:
    g = Graph()
    role_triples(g, ARTICLE, Role("person:sergei-lavrov", "Foreign Minister", "country:RUS", SEEN))
    person = PEKR["person/sergei-lavrov"]
    assert list(g.objects(person, PEK.actsFor)) == [RUS]


def test_a_role_in_an_organisation_makes_its_holder_act_for_no_country() -> None:
    g = Graph()
    role_triples(g, ARTICLE, Role("person:jens-stoltenberg", "Secretary General", "org:nato", SEEN))
    assert list(g.triples((None, PEK.actsFor, None))) == []
    assert mint.actor_iri("org:nato") == str(PEKR["org/nato"])


def test_emitting_into_sets_gives_the_graph_s_triples(nlp: Language) -> None:
    x = extract_text(nlp, "Russia accused Ukraine of shelling Donetsk on Monday.")
    own, actors = emit_sets(x)
    graph = emit(x, Graph(), Graph())
    assert own == set(graph) and own
    shared = emit(x)  # without an actors graph, descriptions go with the article's
    assert set(shared) == own | actors


def _sides(nlp: Language, text: str) -> tuple[set[str], set[str]]:
    graph = emit(extract_text(nlp, text))
    names = {
        p: {str(o).rsplit("/", 1)[-1] for o in graph.objects(None, p)}
        for p in (PEK.sourceCountry, PEK.targetCountry)
    }
    return names[PEK.sourceCountry], names[PEK.targetCountry]


def test_an_event_runs_from_the_country_its_agent_acts_for_to_each_target_s(
    nlp: Language,
) -> None:
    source, target = _sides(
        nlp, "Russian Foreign Minister Sergei Lavrov accused Germany and France of lying."
    )
    assert source == {"RUS"}
    assert target == {"DEU", "FRA"}  # co-targets: both on the target side, never a source


def test_an_agent_acting_for_no_country_gives_no_source_country(nlp: Language) -> None:
    source, target = _sides(nlp, "Amnesty International accused Egypt of torture.")
    assert source == set()
    assert target == {"EGY"}
