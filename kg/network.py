"""Views of a built RDF graph as networkx graphs.

- :func:`actor_graph`: actors as nodes, linked when they take part in the same
  event; each edge counts events by class, lists their dates and sums a signed
  cooperation–conflict weight (each event's Goldstein value).
- :func:`event_graph`: the bipartite actor–event graph, edges labelled with the
  actor's role (``agent``, ``target``, ``participant``, ``voter: Veto``).
- :func:`country_graph`: the dyad graph, people folded into the country or
  organisation they act for (:func:`affiliations`), edges as in the actor graph.
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

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg.vocab import PEK

__all__ = [
    "ACTOR_KINDS",
    "EventInfo",
    "actor_graph",
    "affiliations",
    "country_graph",
    "directed_pairs",
    "event_phrase",
    "event_graph",
    "events",
    "rdf_graph",
]

#: Actor classes, most specific first.
ACTOR_KINDS = ("Person", "Country", "Organization", "Group")

_SKIP_CLASSES = {"Event"}


def _name(iri: Any) -> str:
    return str(iri).rpartition("#")[2]


def label(graph: Graph, node: Any) -> str:
    """The node's ``rdfs:label``, else an ``skos:altLabel``, else the IRI's last segment."""
    value = graph.value(node, RDFS.label) or graph.value(node, SKOS.altLabel)
    return str(value) if value is not None else str(node).rstrip("/").rpartition("/")[2]


def kind(graph: Graph, node: Any) -> str:
    """``Person``, ``Country``, ``Organization``, ``Group``, ``Place`` or ``Actor``."""
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
    article_id: str | None = None
    article_url: str | None = None
    #: Every article reporting it (one happening may be told by several):
    #: (article IRI, title, id, URL), earliest id first; the first is ``article``.
    reports: tuple[tuple[str, str | None, str | None, str | None], ...] = ()
    roles: dict[str, set[str]] = field(default_factory=dict)  # actor IRI → role labels


def _event_class(graph: Graph, event: Any) -> str:
    names = sorted(
        _name(c) for c in graph.objects(event, RDF.type) if _name(c) not in _SKIP_CLASSES
    )
    return names[0] if names else "Event"


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def events(graph: Graph) -> list[EventInfo]:
    """Every realised event of ``graph`` with class, date, Goldstein weight and actor roles.

    Events reported as not having happened (``pek:modality``: negated, planned,
    threatened, ...) link no actors and weigh nothing, so they are left out.
    """
    out = []
    for event in sorted(set(graph.subjects(RDF.type, PEK.Event)), key=str):
        if graph.value(event, PEK.modality) is not None:
            continue
        date = graph.value(event, PEK.date)
        weight = graph.value(event, PEK.goldstein)
        evidence = graph.value(event, PEK.evidence)
        sentence = graph.value(evidence, PEK.sentence) if evidence is not None else None
        trigger = graph.value(event, PEK.trigger)
        reports = tuple(
            sorted(
                (
                    str(a),
                    _text(graph.value(a, DCTERMS.title)),
                    _text(graph.value(a, PEK.articleId)),
                    _text(graph.value(a, PROV.atLocation)),
                )
                for a in set(graph.objects(event, PROV.wasDerivedFrom))
            )
        )
        article = URIRef(reports[0][0]) if reports else None
        title = graph.value(article, DCTERMS.title) if article is not None else None
        article_id = graph.value(article, PEK.articleId) if article is not None else None
        url = graph.value(article, PROV.atLocation) if article is not None else None
        info = EventInfo(
            iri=str(event),
            cls=_event_class(graph, event),
            date=str(date) if date is not None else None,
            goldstein=float(str(weight)) if weight is not None else 0.0,
            trigger=str(trigger) if trigger is not None else None,
            sentence=" ".join(str(sentence).split()) if sentence is not None else None,
            article=str(article) if article is not None else None,
            article_title=str(title) if title is not None else None,
            article_id=str(article_id) if article_id is not None else None,
            article_url=str(url) if url is not None else None,
            reports=reports,
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


def _count_event(g: nx.Graph, a: str, b: str, info: EventInfo, **extra: Any) -> dict[str, Any]:
    """Count one event on the edge ``a``–``b`` (made with ``extra`` attributes if new):
    its weight, class, date, IRI and Goldstein value. Returns the edge's attributes."""
    if not g.has_edge(a, b):
        g.add_edge(a, b, weight=0, classes={}, dates=[], events=[], balance=0.0, **extra)
    edge: dict[str, Any] = g[a][b]
    edge["weight"] += 1
    edge["classes"][info.cls] = edge["classes"].get(info.cls, 0) + 1
    if info.date:
        edge["dates"].append(info.date)
    edge["events"].append(info.iri)
    edge["balance"] = round(edge["balance"] + info.goldstein, 6)
    return edge


def actor_graph(graph: Graph, infos: list[EventInfo] | None = None) -> nx.Graph:
    """Actors linked when one acts on the other, as event coders record dyads.

    Each event links its directed pairs (:func:`directed_pairs`: doer to target,
    speaker to what a statement is about, partners told alone with each other);
    co-targets, co-voters and the country added beside its own minister are not
    linked by it. The graph is undirected for the centrality measures; each edge
    keeps its directions.

    Node attributes: ``label``, ``kind``. Edge attributes: ``weight`` (number of
    events), ``classes`` (events by class), ``dates`` (sorted, known dates),
    ``events`` (event IRIs), ``balance`` (sum of the events' Goldstein values:
    above zero cooperation, below zero conflict) and ``directions`` (``(source,
    target)`` → number of events).

    Args:
        graph: A built graph.
        infos: ``events(graph)``, when the caller already has it (it is read otherwise).
    """
    g = nx.Graph()
    _actor_nodes(graph, g)
    sides = affiliations(graph)

    def linked(a: str, b: str) -> bool:  # not a member and its own side
        return a in g and b in g and a != b and sides.get(a) != b and sides.get(b) != a

    for info in events(graph) if infos is None else infos:
        pairs = {(a, b) for a, b in directed_pairs(info) if linked(a, b)}
        for a, b in sorted({tuple(sorted(p)) for p in pairs}):
            edge = _count_event(g, a, b, info, directions={})
            for pair in ((a, b), (b, a)):
                if pair in pairs:
                    edge["directions"][pair] = edge["directions"].get(pair, 0) + 1
    for _, _, data in g.edges(data=True):
        data["dates"].sort()
    return g


def event_graph(graph: Graph, infos: list[EventInfo] | None = None) -> nx.Graph:
    """The bipartite actor–event graph (``bipartite`` attribute 0 for actors, 1 for events).

    Event nodes carry ``cls``, ``date``, ``label`` (the trigger) and ``sentence``;
    edges carry ``role`` (``agent``, ``target``, ``voter: Veto``, ...).

    Args:
        graph: A built graph.
        infos: ``events(graph)``, when the caller already has it (it is read otherwise).
    """
    g = nx.Graph()
    _actor_nodes(graph, g)
    for node in g.nodes:
        g.nodes[node]["bipartite"] = 0
    for info in events(graph) if infos is None else infos:
        g.add_node(
            info.iri,
            bipartite=1,
            kind="Event",
            cls=info.cls,
            date=info.date,
            label=event_phrase(graph, info),
            trigger=info.trigger,
            sentence=info.sentence,
            article=info.article,
            article_title=info.article_title,
            goldstein=info.goldstein,
        )
        for actor, roles in sorted(info.roles.items()):
            if actor in g:
                g.add_edge(actor, info.iri, role=", ".join(sorted(roles)))
    return g


def _names(graph: Graph, nodes: Iterable[str], limit: int = 2) -> str:
    """Actors' labels joined for a phrase: ``Russia``, ``Russia and China``, ``A, B and 2 more``."""
    names = sorted({label(graph, URIRef(n)) for n in nodes})
    if len(names) > limit:
        names = [*names[:limit], f"{len(names) - limit} more"]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def event_phrase(graph: Graph, info: EventInfo, width: int = 60) -> str:
    """What happened, in words, for a view's event node: "Russia attacked Ukraine".

    The doers (or a vote's voters) come first, then the class's past-tense phrase
    (``lexicons/event_phrases.tsv``) and the targets (else what a statement is about);
    an event told with its partners alone reads "A and B met". Cut to ``width``.

    Example:
        >>> from kg.vocab import PEKR
        >>> g = Graph()
        >>> e = EventInfo("e", "Attack", None, -10.0, "shelled", None,
        ...               roles={str(PEKR["country/RUS"]): {"agent"},
        ...                      str(PEKR["country/UKR"]): {"target"}})
        >>> event_phrase(g, e)
        'RUS attacked UKR'
        >>> event_phrase(g, EventInfo("m", "Meeting", None, 1.0, "talks", None, roles={
        ...     "https://x/a": {"participant"}, "https://x/b": {"participant"}}))
        'a and b met'
    """
    from kg import lexicon

    phrases = lexicon.event_phrases()
    directed, alone, mutual = phrases.get(info.cls, phrases["Event"])
    roles = info.roles
    sources = [a for a, r in roles.items() if "agent" in r or any(x.startswith("voter") for x in r)]
    targets = [a for a, r in roles.items() if "target" in r] or [
        a for a, r in roles.items() if "about" in r
    ]
    ballots = sorted(
        (label(graph, URIRef(a)), r.split(": ", 1)[1])
        for a, rs in roles.items()
        for r in rs
        if r.startswith("voter: ")
    )
    bodies = [a for a, r in roles.items() if "body" in r]
    if ballots:
        said = ", ".join(f"{who} {phrases.get(choice, (choice,))[0]}" for who, choice in ballots)
        text = f"{_names(graph, bodies)}: {said}" if bodies else said
    elif sources and targets:
        text = f"{_names(graph, sources)} {directed} {_names(graph, targets)}"
    elif sources:
        text = f"{_names(graph, sources)} {alone}"
    elif targets:
        text = f"{_names(graph, targets)}: {info.cls.lower()}"
    else:
        partners = [a for a, r in roles.items() if "participant" in r]
        text = f"{_names(graph, partners)} {mutual}" if partners else info.trigger or info.cls
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def affiliations(graph: Graph) -> dict[str, str]:
    """Each person or group who acts for a country or organisation, and the one it acts for.

    ``pek:affiliation`` is read first, then ``pek:holdsRole``/``pek:roleOf``; only a
    target typed ``pek:Country`` or ``pek:Organization`` counts. A person acting for
    several is given one, the same every time: a country before an organisation,
    then the smallest IRI. People acting for nobody are left out. A group
    (``pek:Group``, such as "Chilean government") is folded into its country.

    Example:
        >>> from kg.vocab import PEK, PEKR
        >>> g = Graph()
        >>> usa, nato = PEKR["country/USA"], PEKR["org/nato"]
        >>> for t in [(usa, RDF.type, PEK.Country), (nato, RDF.type, PEK.Organization),
        ...           (PEKR["person/a"], RDF.type, PEK.Person),
        ...           (PEKR["person/a"], PEK.affiliation, nato),
        ...           (PEKR["person/a"], PEK.affiliation, usa),
        ...           (PEKR["person/b"], RDF.type, PEK.Person)]:
        ...     _ = g.add(t)
        >>> affiliations(g)
        {'https://w3id.org/pekg/id/person/a': 'https://w3id.org/pekg/id/country/USA'}
    """
    out: dict[str, str] = {}
    for person in sorted(set(graph.subjects(RDF.type, PEK.Person)), key=str):
        sides = list(graph.objects(person, PEK.affiliation))
        if not any(kind(graph, side) in ("Country", "Organization") for side in sides):
            sides = [
                side
                for role in graph.objects(person, PEK.holdsRole)
                for side in graph.objects(role, PEK.roleOf)
            ]
        ranked = sorted(
            (kind(graph, side) != "Country", str(side))
            for side in set(sides)
            if kind(graph, side) in ("Country", "Organization")
        )
        if ranked:
            out[str(person)] = ranked[0][1]
    for group in sorted(set(graph.subjects(PEK.affiliation, None)), key=str):
        if kind(graph, group) != "Group":
            continue
        countries = sorted(
            str(side)
            for side in graph.objects(group, PEK.affiliation)
            if kind(graph, side) == "Country"
        )
        if countries:
            out[str(group)] = countries[0]
    return out


def directed_pairs(
    info: EventInfo, fold: Callable[[str], str | None] | None = None
) -> set[tuple[str, str]]:
    """The directed dyads of one event, as event coders record them: source → target.

    The doers (``agent``, or a vote's voters) act on the targets (``target``, else what
    a statement is ``about``). An event with neither doer nor target (a meeting told
    with its partners alone, a clash of two sides) links each two of its participants
    both ways; a doer with partners and no target (hosted talks with them) is linked to
    each partner of another side. Co-targets, co-voters and co-doers are never a dyad
    with each other.

    With ``fold``, each actor is first replaced by the side it acts for (actors it maps
    to None are left out), and a pair of one side, ``(a, a)``, says the event happened
    within that side. A participant that only stands for the side of another actor of
    the event (the country added beside its minister) makes no pair.

    Example:
        >>> e = EventInfo("e", "Vote", None, 0.0, None, None, roles={
        ...     "rus": {"voter: Veto"}, "chn": {"voter: Abstain"}, "syr": {"target"},
        ...     "unsc": {"body"}})
        >>> sorted(directed_pairs(e))
        [('chn', 'syr'), ('rus', 'syr')]
        >>> m = EventInfo("m", "Meeting", None, 1.0, None, None, roles={
        ...     "kerry": {"participant"}, "lavrov": {"participant"}, "rus": {"participant"}})
        >>> sides = {"kerry": "usa", "lavrov": "rus"}
        >>> sorted(directed_pairs(m, lambda a: sides.get(a, a)))
        [('rus', 'usa'), ('usa', 'rus')]
    """
    side = fold or (lambda actor: actor)
    roles = info.roles
    sources = {a for a, r in roles.items() if "agent" in r or _voted(r)}
    targets = {a for a, r in roles.items() if "target" in r}
    if not targets:
        targets = {a for a, r in roles.items() if "about" in r}
    partners = {a for a, r in roles.items() if r == {"participant"}}
    if sources and targets:
        pairs = {(side(s), side(t)) for s in sources for t in targets if s != t}
        return {(a, b) for a, b in pairs if a is not None and b is not None}
    if targets:
        return set()
    own = {a for a in (side(s) for s in sources) if a is not None}
    folded = {p: b for p in sorted(partners) if (b := side(p)) is not None}
    if sources:
        return {(a, b) for a in own for b in set(folded.values()) - own}
    distinct = set(folded.values())
    found = {(a, b) for a in distinct for b in distinct if a != b}
    # Two partners who are not sides themselves, met within one side.
    members = [b for p, b in folded.items() if b != p]
    return found | {(b, b) for b in members if members.count(b) > 1}


def _voted(roles: set[str]) -> bool:
    return any(role.startswith("voter") for role in roles)


def _link_directed(
    g: nx.DiGraph, infos: Iterable[EventInfo], fold: Callable[[str], str | None]
) -> dict[str, dict[str, int]]:
    """Add an edge ``source → target`` for each directed dyad of each event, folded.

    Each event counts once per edge, however many of its actors fold into either end.
    Returns, for each node a dyad of an event folds into at both ends (two Americans
    meeting, Putin talking about Russia), those events by class.
    """
    internal: dict[str, dict[str, int]] = {}
    for info in infos:
        folded = directed_pairs(info, fold)
        inside = {a for a, b in folded if a == b}
        for node in inside:
            classes = internal.setdefault(node, {})
            classes[info.cls] = classes.get(info.cls, 0) + 1
        for a, b in sorted((a, b) for a, b in folded if a != b):
            _count_event(g, a, b, info)
    for _, _, data in g.edges(data=True):
        data["dates"].sort()
    return internal


def country_graph(graph: Graph, infos: list[EventInfo] | None = None) -> nx.DiGraph:
    """The directed dyad graph: people folded into the country or organisation they act for.

    "Trump accused Russia" becomes a United States → Russia edge (see
    :func:`directed_pairs`). Nodes are the countries, organisations and every actor
    acting for nobody (see :func:`affiliations`), with ``label``, ``kind`` and
    ``members`` (the people folded in, by IRI). Edges carry the attributes of
    :func:`actor_graph`; an event counts once per edge however many of its actors
    fold into either end.

    Self-loops are not added: an event whose source and target fold into the same side
    (two Americans meeting, Putin talking about Russia) is counted on that node
    instead, as ``internal`` (events) and ``internal_classes`` (events by class).

    Args:
        graph: A built graph.
        infos: ``events(graph)``, when the caller already has it (it is read otherwise).

    Example:
        >>> from rdflib import Literal
        >>> from kg.vocab import PEK, PEKR
        >>> g = Graph()
        >>> e, usa, rus = PEKR["event/x/1"], PEKR["country/USA"], PEKR["country/RUS"]
        >>> trump = PEKR["person/trump"]
        >>> for t in [(e, RDF.type, PEK.Accusation), (e, RDF.type, PEK.Event),
        ...           (e, PEK.agent, trump), (e, PEK.target, rus), (e, PEK.target, usa),
        ...           (e, PEK.goldstein, Literal(-2.0)), (trump, RDF.type, PEK.Person),
        ...           (trump, RDF.type, PEK.Actor), (trump, PEK.affiliation, usa),
        ...           (usa, RDF.type, PEK.Country), (usa, RDF.type, PEK.Actor),
        ...           (rus, RDF.type, PEK.Country), (rus, RDF.type, PEK.Actor)]:
        ...     _ = g.add(t)
        >>> dyads = country_graph(g)
        >>> sorted(dyads.nodes), dyads.edges[str(usa), str(rus)]["balance"]
        (['https://w3id.org/pekg/id/country/RUS', 'https://w3id.org/pekg/id/country/USA'], -2.0)
        >>> dyads.has_edge(str(rus), str(usa))
        False
        >>> dyads.nodes[str(usa)]["internal"], dyads.nodes[str(usa)]["internal_classes"]
        (1, {'Accusation': 1})
    """
    actors = nx.Graph()
    _actor_nodes(graph, actors)
    folds = affiliations(graph)
    g = nx.DiGraph()
    for node, data in actors.nodes(data=True):
        if node not in folds:
            g.add_node(node, **data, members=[], internal=0, internal_classes={})
    for person, side in folds.items():
        if side not in g:  # typed Country/Organization but not pek:Actor: keep the person
            g.add_node(person, **actors.nodes[person], members=[], internal=0, internal_classes={})
            continue
        g.nodes[side]["members"].append(person)

    def fold(actor: str) -> str | None:
        if actor not in actors:
            return None
        side = folds.get(actor, actor)
        return side if side in g else actor

    internal = _link_directed(g, events(graph) if infos is None else infos, fold)
    for node, classes in internal.items():
        g.nodes[node]["internal"] = sum(classes.values())
        g.nodes[node]["internal_classes"] = classes
    return g


def rdf_graph(graph: Graph) -> nx.MultiDiGraph:
    """Every triple as an edge ``subject → object`` with the predicate as ``key`` and label."""
    g = nx.MultiDiGraph()
    for s, p, o in graph:
        g.add_edge(str(s), str(o), key=str(p), predicate=str(p))
    return g
