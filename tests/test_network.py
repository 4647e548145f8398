"""kg.network: actor, actor–event and RDF views of the seed graph."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from rdflib import RDF, Graph, Literal, URIRef

from kg.network import (
    EventInfo,
    actor_graph,
    affiliations,
    country_graph,
    directed_pairs,
    event_graph,
    events,
    rdf_graph,
)
from kg.vocab import PEK, pek_term
from kg.vocab import PEKR as PEK_

SEED = Path(__file__).resolve().parent / "data" / "seed.golden.ttl"
PEKR = "https://w3id.org/pekg/id/"


@pytest.fixture(scope="module")
def seed() -> Graph:
    return Graph().parse(SEED)


def test_events_read_back_with_roles(seed: Graph) -> None:
    infos = events(seed)
    vote = next(e for e in infos if e.cls == "Vote")
    assert vote.roles[PEKR + "country/RUS"] == {"voter: Veto"}
    assert vote.roles[PEKR + "country/CHN"] == {"voter: Abstain"}
    attacks = [e for e in infos if e.cls == "Attack"]
    assert len(attacks) == 2 and all(e.goldstein < 0 for e in attacks)
    assert all("participant" not in r or len(r) == 1 for e in infos for r in e.roles.values())


def test_actor_graph_edges_count_classes_and_balance(seed: Graph) -> None:
    g = actor_graph(seed)
    assert all(g.nodes[n]["kind"] in {"Person", "Country", "Organization"} for n in g)
    edge = g.edges[PEKR + "country/CHN", PEKR + "country/SYR"]
    assert edge["classes"] == {"Vote": 1} and edge["weight"] == 1
    assert edge["dates"] == ["2017-04-12"]
    assert edge["directions"] == {(PEKR + "country/CHN", PEKR + "country/SYR"): 1}
    # Co-voters are no dyad, and neither is the body with its voters.
    assert not g.has_edge(PEKR + "country/CHN", PEKR + "country/RUS")
    assert g.degree(PEKR + "org/un-security-council") == 0
    # A meeting told with its partners alone goes both ways.
    met = g.edges[PEKR + "person/rex-tillerson", PEKR + "person/sergey-lavrov"]["directions"]
    assert len(met) == 2
    conflict = [d["balance"] for _, _, d in g.edges(data=True) if "Attack" in d["classes"]]
    assert conflict and all(b < 0 for b in conflict)


def test_event_graph_is_bipartite_with_roles(seed: Graph) -> None:
    g = event_graph(seed)
    assert nx.is_bipartite(g)
    event_nodes = [n for n, d in g.nodes(data=True) if d["bipartite"] == 1]
    assert len(event_nodes) == len(events(seed))
    assert all(g.degree(n) >= 1 for n in event_nodes)


def test_rdf_graph_has_one_edge_per_triple(seed: Graph) -> None:
    assert rdf_graph(seed).number_of_edges() == len(seed)


def test_empty_graph_gives_empty_views() -> None:
    assert actor_graph(Graph()).number_of_nodes() == 0
    assert event_graph(Graph()).number_of_nodes() == 0


# ---------------------------------------------------------------------------
# The country dyad graph
# ---------------------------------------------------------------------------


def _graph(people: dict[str, tuple[str | None, str | None]], acts: list[dict[str, str]]) -> Graph:
    """Countries USA, RUS; a place; ``people``: local name → (affiliation, role's side);
    ``acts``: accusations, each ``{actor: role property}``."""
    g = Graph()
    for code in ("USA", "RUS"):
        g.add((PEK_["country/" + code], RDF.type, PEK.Country))
        g.add((PEK_["country/" + code], RDF.type, PEK.Actor))
    g.add((PEK_["place/kremlin"], RDF.type, PEK.Place))
    for name, (side, role_of) in people.items():
        person = PEK_["person/" + name]
        g.add((person, RDF.type, PEK.Person))
        g.add((person, RDF.type, PEK.Actor))
        if side:
            g.add((person, PEK.affiliation, PEK_[side]))
        if role_of:
            role = PEK_[f"role/{name}/x"]
            g.add((person, PEK.holdsRole, role))
            g.add((role, PEK.roleOf, PEK_[role_of]))
    for i, roles in enumerate(acts):
        event = PEK_[f"event/t/{i}"]
        g.add((event, RDF.type, PEK.Accusation))
        g.add((event, RDF.type, PEK.Event))
        g.add((event, PEK.goldstein, Literal(-2.0)))
        for local, prop in roles.items():
            g.add((event, PEK.participant, PEK_[local]))
            if prop != "participant":
                g.add((event, pek_term(prop), PEK_[local]))
    return g


def test_country_graph_folds_people_into_their_side(seed: Graph) -> None:
    g = country_graph(seed)
    usa, rus = PEKR + "country/USA", PEKR + "country/RUS"
    assert g.nodes[usa]["members"] == [PEKR + "person/rex-tillerson", PEKR + "person/trump"]
    assert not any(n.startswith(PEKR + "person/") for n in g)  # every seed person acts for a side
    # Directed: the United States accused Russia once, Putin accused the United States once;
    # the two meetings told with their partners alone count both ways.
    assert g.edges[usa, rus]["classes"] == {"Statement": 1, "Meeting": 2, "Accusation": 1}
    assert g.edges[rus, usa]["classes"] == {"Meeting": 2, "Accusation": 1}
    assert nx.number_of_selfloops(g) == 0


def test_country_graph_keeps_actors_acting_for_nobody() -> None:
    g = country_graph(
        _graph({"loner": (None, None)}, [{"person/loner": "agent", "country/RUS": "target"}])
    )
    assert g.has_edge(PEKR + "person/loner", PEKR + "country/RUS")


def test_roles_fold_people_only_into_countries_and_organisations() -> None:
    graph = _graph(
        {"minister": (None, "country/RUS"), "guide": (None, "place/kremlin")},
        [{"person/minister": "agent", "person/guide": "target", "country/USA": "target"}],
    )
    assert affiliations(graph) == {PEKR + "person/minister": PEKR + "country/RUS"}
    g = country_graph(graph)
    assert g.has_edge(PEKR + "country/RUS", PEKR + "country/USA")
    assert g.has_edge(PEKR + "country/RUS", PEKR + "person/guide")  # a place is no side
    assert not g.has_edge(PEKR + "person/guide", PEKR + "country/RUS")  # directed
    assert not g.has_edge(PEKR + "country/USA", PEKR + "person/guide")  # co-targets


def test_same_side_events_count_on_the_node_not_as_self_loops() -> None:
    graph = _graph(
        {"a": ("country/USA", None), "b": ("country/USA", None)},
        [{"person/a": "agent", "person/b": "target"}],
    )
    g = country_graph(graph)
    usa = PEKR + "country/USA"
    assert nx.number_of_selfloops(g) == 0 and g.number_of_edges() == 0
    assert (g.nodes[usa]["internal"], g.nodes[usa]["internal_classes"]) == (1, {"Accusation": 1})
    assert g.nodes[PEKR + "country/RUS"]["internal"] == 0


def _info(cls: str, **roles: set[str]) -> EventInfo:
    return EventInfo("e", cls, None, 0.0, None, None, roles=dict(roles))


def test_directed_pairs_go_from_doers_to_targets_only() -> None:
    attack = _info("Attack", usa={"agent"}, gbr={"agent"}, syr={"target"}, irq={"target"})
    assert directed_pairs(attack) == {
        ("usa", "syr"),
        ("usa", "irq"),
        ("gbr", "syr"),
        ("gbr", "irq"),
    }
    vote = _info("Vote", rus={"voter: Veto"}, chn={"voter: Abstain"}, unsc={"body"})
    assert directed_pairs(vote) == set()  # co-voters and their body are no dyad
    said = _info("Statement", putin={"agent"}, usa={"about"})
    assert directed_pairs(said) == {("putin", "usa")}
    no_doer = _info("Attack", syr={"target"}, irq={"participant"})
    assert directed_pairs(no_doer) == set()


def test_partners_pair_both_ways_and_a_side_beside_its_member_adds_nothing() -> None:
    sides = {"kerry": "usa", "blinken": "usa", "lavrov": "rus"}
    fold = lambda a: sides.get(a, a)  # noqa: E731
    talks = _info("Meeting", kerry={"participant"}, lavrov={"participant"}, usa={"participant"})
    assert directed_pairs(talks, fold) == {("usa", "rus"), ("rus", "usa")}
    hosted = _info("Meeting", kerry={"agent"}, lavrov={"participant"}, usa={"participant"})
    assert directed_pairs(hosted, fold) == {("usa", "rus")}
    alone = _info("Statement", kerry={"agent"}, usa={"participant"})
    assert directed_pairs(alone, fold) == set()  # not an event within the United States
    among = _info("Meeting", kerry={"participant"}, blinken={"participant"}, usa={"participant"})
    assert directed_pairs(among, fold) == {("usa", "usa")}


def test_an_event_counts_once_per_dyad() -> None:
    graph = _graph(
        {"a": ("country/USA", None), "b": ("country/USA", None)},
        [{"person/a": "agent", "person/b": "agent", "country/RUS": "target"}],
    )
    edge = country_graph(graph).edges[PEKR + "country/USA", PEKR + "country/RUS"]
    assert (edge["weight"], edge["balance"]) == (1, -2.0)
    # ...while the actor graph links each American to Russia.
    actors = actor_graph(graph)
    assert actors.edges[PEKR + "person/a", PEKR + "country/RUS"]["weight"] == 1
    assert actors.edges[PEKR + "person/b", PEKR + "country/RUS"]["weight"] == 1


def test_views_accept_events_read_once(seed: Graph) -> None:
    infos = events(seed)
    assert nx.utils.graphs_equal(actor_graph(seed, infos), actor_graph(seed))
    assert nx.utils.graphs_equal(event_graph(seed, infos), event_graph(seed))
    assert nx.utils.graphs_equal(country_graph(seed, infos), country_graph(seed))


def test_unrealised_events_link_no_actors() -> None:
    g = _graph({}, [{"country/USA": "agent", "country/RUS": "target"}] * 2)
    g.add((PEK_["event/t/1"], PEK.modality, Literal("threatened")))
    infos = events(g)
    assert [i.iri for i in infos] == [str(PEK_["event/t/0"])]
    usa, rus = str(PEK_["country/USA"]), str(PEK_["country/RUS"])
    assert country_graph(g).edges[usa, rus]["classes"] == {"Accusation": 1}


def test_groups_fold_into_the_country_they_act_for() -> None:
    g = Graph()
    chl, gov, party = PEKR + "country/CHL", PEKR + "group/chl-government", PEKR + "org/party"
    for node, cls in ((chl, PEK.Country), (gov, PEK.Group), (party, PEK.Organization)):
        g.add((URIRef(node), RDF.type, cls))
        g.add((URIRef(node), RDF.type, PEK.Actor))
    g.add((URIRef(gov), PEK.affiliation, URIRef(chl)))
    g.add((URIRef(party), PEK.affiliation, URIRef(chl)))  # a named organisation keeps its node
    assert affiliations(g) == {gov: chl}
