"""kg.network: actor, actor–event and RDF views of the seed graph."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph

from kg.network import actor_graph, event_graph, events, rdf_graph

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
    edge = g.edges[PEKR + "country/CHN", PEKR + "country/RUS"]
    assert edge["classes"] == {"Vote": 1} and edge["weight"] == 1
    assert edge["dates"] == ["2017-04-12"]
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
