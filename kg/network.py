"""Views of a built RDF graph as networkx graphs.

- :func:`actor_graph`: actors as nodes, linked when they take part in the same
  event; each edge counts events by class, lists their dates and sums a signed
  cooperation–conflict weight (each event's Goldstein value).
- :func:`event_graph`: the bipartite actor–event graph, edges labelled with the
  actor's role (``agent``, ``target``, ``participant``, ``voter: Veto``).
- :func:`rdf_graph`: every triple as a directed multigraph edge.

Example:
    >>> from kg.vocab import PEK, PEKR
    >>> from rdflib import RDF, RDFS, Graph, Literal
    >>> g = Graph()
    >>> e, a, b = PEKR["event/x/1"], PEKR["country/USA"], PEKR["country/RUS"]
    >>> for t in [(e, RDF.type, PEK.Meeting), (e, RDF.type, PEK.Event),
    ...           (e, PEK.participant, a), (e, PEK.participant, b), (e, PEK.agent, a),
    ...           (e, PEK.goldstein, Literal(1.0)), (a, RDF.type, PEK.Country),
    ...           (a, RDF.type, PEK.Actor), (b, RDF.type, PEK.Actor),
    ...           (b, RDF.type, PEK.Country), (a, RDFS.label, Literal("United States"))]:
    ...     _ = g.add(t)
    >>> actors = actor_graph(g)
    >>> actors.nodes[str(a)]["label"], actors.nodes[str(a)]["kind"]
    ('United States', 'Country')
    >>> actors.edges[str(a), str(b)]["classes"], actors.edges[str(a), str(b)]["balance"]
    ({'Meeting': 1}, 1.0)
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

import networkx as nx
from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg.vocab import PEK

__all__ = ["ACTOR_KINDS", "EventInfo", "actor_graph", "event_graph", "events", "rdf_graph"]

#: Actor classes, most specific first.
ACTOR_KINDS = ("Person", "Country", "Organization")

_SKIP_CLASSES = {"Event"}


def _name(iri: Any) -> str:
    return str(iri).rpartition("#")[2]


def label(graph: Graph, node: Any) -> str:
    """The node's ``rdfs:label``, else an ``skos:altLabel``, else the IRI's last segment."""
    value = graph.value(node, RDFS.label) or graph.value(node, SKOS.altLabel)
    return str(value) if value is not None else str(node).rstrip("/").rpartition("/")[2]


def kind(graph: Graph, node: Any) -> str:
    """``Person``, ``Country``, ``Organization``, ``Place`` or ``Actor``."""
    types = set(graph.objects(node, RDF.type))
    for name in (*ACTOR_KINDS, "Place"):
        if PEK[name] in types:
            return name
    return "Actor"


@dataclass
class EventInfo:
    """An event read back from the graph, with its actors and their roles."""

    iri: str
    cls: str
    date: str | None
    goldstein: float
    trigger: str | None
    sentence: str | None
    article: str | None = None  # article IRI
    article_title: str | None = None
    roles: dict[str, set[str]] = field(default_factory=dict)  # actor IRI → role labels


def _event_class(graph: Graph, event: Any) -> str:
    names = sorted(
        _name(c) for c in graph.objects(event, RDF.type) if _name(c) not in _SKIP_CLASSES
    )
    return names[0] if names else "Event"


def events(graph: Graph) -> list[EventInfo]:
    """Every event of ``graph`` with class, date, Goldstein weight and actor roles, by IRI."""
    out = []
    for event in sorted(set(graph.subjects(RDF.type, PEK.Event)), key=str):
        date = graph.value(event, PEK.date)
        weight = graph.value(event, PEK.goldstein)
        evidence = graph.value(event, PEK.evidence)
        sentence = graph.value(evidence, PEK.sentence) if evidence is not None else None
        trigger = graph.value(event, PEK.trigger)
        article = graph.value(event, PROV.wasDerivedFrom)
        title = graph.value(article, DCTERMS.title) if article is not None else None
        info = EventInfo(
            iri=str(event),
            cls=_event_class(graph, event),
            date=str(date) if date is not None else None,
            goldstein=float(str(weight)) if weight is not None else 0.0,
            trigger=str(trigger) if trigger is not None else None,
            sentence=" ".join(str(sentence).split()) if sentence is not None else None,
            article=str(article) if article is not None else None,
            article_title=str(title) if title is not None else None,
        )
        for prop in ("agent", "target", "participant", "about", "body"):
            for actor in graph.objects(event, PEK[prop]):
                if isinstance(actor, URIRef):
                    info.roles.setdefault(str(actor), set()).add(prop)
        for ballot in graph.objects(event, PEK.ballot):
            voter = graph.value(ballot, PEK.voter)
            choice = graph.value(ballot, PEK.choice)
            if voter is not None:
                info.roles.setdefault(str(voter), set()).add(
                    f"voter: {_name(choice)}" if choice is not None else "voter"
                )
        # "participant" is the super-property: keep it only where nothing narrower applies.
        for roles in info.roles.values():
            if len(roles) > 1:
                roles.discard("participant")
        out.append(info)
    return out


def _actor_nodes(graph: Graph, g: nx.Graph) -> None:
    for node in sorted(set(graph.subjects(RDF.type, PEK.Actor)), key=str):
        g.add_node(str(node), label=label(graph, node), kind=kind(graph, node))


def actor_graph(graph: Graph) -> nx.Graph:
    """Actors linked when they take part in the same event.

    Node attributes: ``label``, ``kind``. Edge attributes: ``weight`` (number of
    shared events), ``classes`` (events by class), ``dates`` (sorted, known dates),
    ``events`` (event IRIs) and ``balance`` (sum of the events' Goldstein values:
    above zero cooperation, below zero conflict).
    """
    g = nx.Graph()
    _actor_nodes(graph, g)
    for info in events(graph):
        actors = sorted(a for a in info.roles if a in g)
        for a, b in combinations(actors, 2):
            if not g.has_edge(a, b):
                g.add_edge(a, b, weight=0, classes={}, dates=[], events=[], balance=0.0)
            edge = g.edges[a, b]
            edge["weight"] += 1
            edge["classes"] = dict(Counter(edge["classes"]) + Counter({info.cls: 1}))
            if info.date:
                edge["dates"] = sorted([*edge["dates"], info.date])
            edge["events"].append(info.iri)
            edge["balance"] = round(edge["balance"] + info.goldstein, 6)
    return g


def event_graph(graph: Graph) -> nx.Graph:
    """The bipartite actor–event graph (``bipartite`` attribute 0 for actors, 1 for events).

    Event nodes carry ``cls``, ``date``, ``label`` (the trigger) and ``sentence``;
    edges carry ``role`` (``agent``, ``target``, ``voter: Veto``, ...).
    """
    g = nx.Graph()
    _actor_nodes(graph, g)
    for node in g.nodes:
        g.nodes[node]["bipartite"] = 0
    for info in events(graph):
        g.add_node(
            info.iri,
            bipartite=1,
            kind="Event",
            cls=info.cls,
            date=info.date,
            label=info.trigger or info.cls,
            sentence=info.sentence,
            article=info.article,
            article_title=info.article_title,
            goldstein=info.goldstein,
        )
        for actor, roles in sorted(info.roles.items()):
            if actor in g:
                g.add_edge(actor, info.iri, role=", ".join(sorted(roles)))
    return g


def rdf_graph(graph: Graph) -> nx.MultiDiGraph:
    """Every triple as an edge ``subject → object`` with the predicate as ``key`` and label."""
    g = nx.MultiDiGraph()
    for s, p, o in graph:
        g.add_edge(str(s), str(o), key=str(p), predicate=str(p))
    return g
