"""Analysis of a built graph: who is central, who clusters with whom, what happened between sides.

:func:`analyze` reads the events once and builds three views (:mod:`kg.network`):
the actor graph, the bipartite actor–event graph and the country dyad graph
(people folded into the country or organisation they act for). On the actor
graph it computes degree, weighted degree, betweenness, PageRank and Louvain
communities; on the dyad graph the events between each pair of sides and their
cooperation–conflict balance; and a timeline of dated events. Everything is
seeded and rounded, so the same graph gives the same report and the same
``analysis.ttl`` byte for byte.

Scale: the views are built in one pass over the events; betweenness is exact up
to ``betweenness_threshold`` actors and sampled from ``betweenness_samples``
sources (seeded) above it; PageRank is sparse (scipy); Louvain is near-linear in
the edges. Nothing is cubic in the actors.

Example:
    >>> from rdflib import Graph
    >>> from kg.vocab import PEK, PEKR
    >>> from rdflib import RDF, RDFS, Literal
    >>> g = Graph()
    >>> e, usa, rus = PEKR["event/x/1"], PEKR["country/USA"], PEKR["country/RUS"]
    >>> for t in [(e, RDF.type, PEK.Meeting), (e, RDF.type, PEK.Event),
    ...           (e, PEK.participant, usa), (e, PEK.participant, rus),
    ...           (e, PEK.goldstein, Literal(1.0)), (e, PEK.date, Literal("2017-04-12")),
    ...           (usa, RDF.type, PEK.Actor), (usa, RDF.type, PEK.Country),
    ...           (rus, RDF.type, PEK.Actor), (rus, RDF.type, PEK.Country),
    ...           (usa, RDFS.label, Literal("United States")),
    ...           (rus, RDFS.label, Literal("Russia"))]:
    ...     _ = g.add(t)
    >>> analysis = analyze(g, seed=1)
    >>> [(m.label, m.degree, m.pagerank) for m in analysis.ranking()]
    [('Russia', 1, 0.5), ('United States', 1, 0.5)]
    >>> [(d.a_label, d.b_label, d.classes, d.balance) for d in analysis.dyads][0]
    ('Russia', 'United States', {'Meeting': 1}, 1.0)
    >>> len(analysis.dyads)  # a meeting told with its partners alone: both ways
    2
    >>> find_actor(g, "united states") == str(usa)
    True
"""

from __future__ import annotations

import difflib
import logging
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from pathlib import Path

import networkx as nx
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from kg.network import EventInfo, actor_graph, country_graph, event_graph, events
from kg.vocab import PEK, bind_prefixes, prefixes
from kg.write import serialize, write_atomic

__all__ = [
    "ActorLookupError",
    "ActorMeasures",
    "Analysis",
    "Connection",
    "Dyad",
    "PairSummary",
    "Step",
    "analyze",
    "betweenness",
    "communities",
    "connection",
    "dyad",
    "dyads",
    "find_actor",
    "markdown_cell",
    "measures_graph",
    "pagerank",
    "pair_summary",
    "report_markdown",
    "timeline",
    "write_analysis",
]

log = logging.getLogger(__name__)

#: Seed for Louvain and sampled betweenness unless the caller gives one.
DEFAULT_SEED = 0

#: Above this many actors, betweenness is sampled rather than exact.
BETWEENNESS_THRESHOLD = 1_000

#: Source nodes sampled for approximate betweenness.
BETWEENNESS_SAMPLES = 200

#: Decimal places kept for betweenness, PageRank and balances.
DECIMALS = 6


# ---------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ActorMeasures:
    """Centrality and community of one actor of the actor graph.

    Attributes:
        iri: The actor.
        label: Its canonical name.
        kind: ``Person``, ``Country``, ``Organization`` or ``Actor``.
        degree: How many other actors it shares an event with.
        weighted_degree: Its links counted once per shared event.
        betweenness: Normalised betweenness centrality (hop count, unweighted), 0 to 1.
        pagerank: PageRank over links weighted by shared events; all actors sum to 1.
        community: Its Louvain community, numbered from 1 (the largest first).
    """

    iri: str
    label: str
    kind: str
    degree: int
    weighted_degree: int
    betweenness: float
    pagerank: float
    community: int


@dataclass(frozen=True)
class Dyad:
    """The events between two actors, or from one side to another in the dyad graph.

    In the directed dyad graph ``a`` is the source and ``b`` the target; in the actor
    graph (shared events, no direction) they are ordered by label. ``balance`` is the
    sum of the events' Goldstein values: above zero cooperation, below zero conflict.
    """

    a: str
    b: str
    a_label: str
    b_label: str
    count: int
    classes: dict[str, int]
    balance: float
    events: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()


@dataclass(frozen=True)
class Step:
    """One link of a connection: two actors and the events they share."""

    source: str
    target: str
    events: tuple[EventInfo, ...]


@dataclass(frozen=True)
class Connection:
    """A shortest chain of shared events between two actors (fewest links)."""

    actors: tuple[str, ...]
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class PairSummary:
    """What the analysis says about two actors.

    Attributes:
        a: One actor's IRI.
        b: The other's.
        connection: Their shortest connection in the actor graph, ``None`` if unconnected.
        direct: The events they share themselves (actor graph).
        sides: The directed dyads between the sides they act for (dyad graph), from
            ``a``'s side to ``b``'s and back, when the two act for different sides;
            else ``None``.
    """

    a: str
    b: str
    connection: Connection | None
    direct: Dyad
    sides: tuple[Dyad, Dyad] | None


@dataclass
class Analysis:
    """The views of a graph and what was measured on them; see :func:`analyze`.

    Attributes:
        triples: Size of the analysed graph.
        events: Every event with its actors and roles (:func:`kg.network.events`).
        actors: The actor graph (:func:`kg.network.actor_graph`).
        bipartite: The actor–event graph (:func:`kg.network.event_graph`).
        countries: The directed dyad graph (:func:`kg.network.country_graph`).
        affiliations: Person IRI → the side it is folded into in ``countries``.
        measures: Actor IRI → its measures.
        communities: Louvain communities as sorted member IRIs, largest first;
            community ``i + 1`` is ``communities[i]``.
        dyads: The directed dyads of the dyad graph, by decreasing ``|balance|``.
        timeline: Dated events, by date then IRI.
        seed: The seed Louvain and sampled betweenness used.
        betweenness_samples: Sources sampled for betweenness, ``None`` when exact.
    """

    triples: int
    events: list[EventInfo]
    actors: nx.Graph
    bipartite: nx.Graph
    countries: nx.DiGraph
    affiliations: dict[str, str]
    measures: dict[str, ActorMeasures]
    communities: list[list[str]]
    dyads: list[Dyad]
    timeline: list[EventInfo]
    seed: int = DEFAULT_SEED
    betweenness_samples: int | None = None

    @cached_property
    def _events_by_iri(self) -> dict[str, EventInfo]:
        return {e.iri: e for e in self.events}

    def event(self, iri: str) -> EventInfo:
        """The event with IRI ``iri``."""
        return self._events_by_iri[iri]

    def ranking(self) -> list[ActorMeasures]:
        """Actors by PageRank, then betweenness, then weighted degree, then label, then IRI."""
        return sorted(
            self.measures.values(),
            key=lambda m: (-m.pagerank, -m.betweenness, -m.weighted_degree, m.label, m.iri),
        )


class ActorLookupError(LookupError):
    """No actor, or more than one, answers to a name; ``candidates`` lists near misses."""

    def __init__(self, message: str, candidates: Iterable[str] = ()) -> None:
        super().__init__(message)
        self.candidates = list(candidates)


# ---------------------------------------------------------------------------
# Measures
# ---------------------------------------------------------------------------


def _round(value: float) -> float:
    return round(float(value), DECIMALS) + 0.0  # + 0.0 turns -0.0 into 0.0


def betweenness(
    g: nx.Graph,
    *,
    seed: int = DEFAULT_SEED,
    threshold: int = BETWEENNESS_THRESHOLD,
    samples: int = BETWEENNESS_SAMPLES,
) -> tuple[dict[str, float], int | None]:
    """Normalised betweenness, exact up to ``threshold`` nodes and sampled above.

    Exact betweenness costs O(nodes × edges); sampling ``samples`` sources
    (Brandes–Pich, seeded) costs O(samples × edges). Paths count hops: an edge's
    weight (shared events) measures closeness, not distance, so it is not used.

    Args:
        g: An undirected graph.
        seed: Seed for choosing the sampled sources.
        threshold: Largest node count computed exactly.
        samples: Sources sampled above the threshold.

    Returns:
        Node → betweenness rounded to six places, and the number of sources sampled
        (``None`` when exact).

    Example:
        >>> path = nx.path_graph(["a", "b", "c"])
        >>> betweenness(path)
        ({'a': 0.0, 'b': 1.0, 'c': 0.0}, None)
        >>> betweenness(nx.path_graph(50), threshold=10, samples=5)[1]
        5
    """
    n = g.number_of_nodes()
    k = min(samples, n) if n > threshold else None
    values = nx.betweenness_centrality(g, k=k, seed=seed if k else None, normalized=True)
    return {node: _round(v) for node, v in values.items()}, k


def pagerank(g: nx.Graph) -> dict[str, float]:
    """PageRank over edges weighted by ``weight``, rounded to six places.

    Example:
        >>> pagerank(nx.Graph([("a", "b")]))
        {'a': 0.5, 'b': 0.5}
    """
    if g.number_of_nodes() == 0:
        return {}
    return {node: _round(v) for node, v in nx.pagerank(g, weight="weight").items()}


def communities(g: nx.Graph, *, seed: int = DEFAULT_SEED) -> list[list[str]]:
    """Louvain communities (edges weighted by ``weight``), seeded so a run repeats.

    Returns:
        Each community's members sorted, the communities by decreasing size, then
        by their first member. Every node is in exactly one; an isolated node is
        a community of its own.

    Example:
        >>> g = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("x", "y")])
        >>> g.add_node("z")
        >>> communities(g, seed=1)
        [['a', 'b', 'c'], ['x', 'y'], ['z']]
    """
    found = nx.community.louvain_communities(g, weight="weight", seed=seed)
    return sorted((sorted(c) for c in found), key=lambda members: (-len(members), members[0]))


def _measures(
    g: nx.Graph, between: dict[str, float], ranks: dict[str, float], groups: list[list[str]]
) -> dict[str, ActorMeasures]:
    community = {node: i for i, members in enumerate(groups, start=1) for node in members}
    weighted = dict(g.degree(weight="weight"))
    return {
        node: ActorMeasures(
            iri=node,
            label=data.get("label", node),
            kind=data.get("kind", "Actor"),
            degree=g.degree(node),
            weighted_degree=int(weighted[node]),
            betweenness=between.get(node, 0.0),
            pagerank=ranks.get(node, 0.0),
            community=community[node],
        )
        for node, data in g.nodes(data=True)
    }


# ---------------------------------------------------------------------------
# Dyads, connections, timeline
# ---------------------------------------------------------------------------


def _label(g: nx.Graph, node: str) -> str:
    return str(g.nodes[node].get("label", node)) if node in g else node


def dyad(view: nx.Graph, a: str, b: str) -> Dyad:
    """The events between ``a`` and ``b`` in a view: from ``a`` to ``b`` in the directed
    dyad graph, shared by the two in the actor graph.

    Raises:
        ActorLookupError: If either node is not in the view.

    Example:
        >>> g = nx.Graph()
        >>> g.add_node("x", label="X")
        >>> g.add_edge("y", "x", weight=2, classes={"Attack": 2}, balance=-20.0,
        ...            events=["e1", "e2"], dates=["2017-04-07"])
        >>> d = dyad(g, "y", "x")
        >>> d.a, d.count, d.classes, d.balance
        ('x', 2, {'Attack': 2}, -20.0)
        >>> dyad(g, "x", "x").count
        0
    """
    missing = [node for node in (a, b) if node not in view]
    if missing:
        raise ActorLookupError(f"not in the graph: {', '.join(missing)}")
    if not view.is_directed():
        a, b = sorted((a, b), key=lambda node: (_label(view, node), node))
    data = view.get_edge_data(a, b) if a != b else None
    if not data:
        return Dyad(a, b, _label(view, a), _label(view, b), 0, {}, 0.0)
    return Dyad(
        a=a,
        b=b,
        a_label=_label(view, a),
        b_label=_label(view, b),
        count=int(data.get("weight", len(data.get("events", ())))),
        classes=dict(sorted(data.get("classes", {}).items())),
        balance=_round(data.get("balance", 0.0)),
        events=tuple(data.get("events", ())),
        dates=tuple(data.get("dates", ())),
    )


def dyads(view: nx.Graph, *, by: str = "balance") -> list[Dyad]:
    """Every linked pair of a view, most telling first.

    Args:
        view: The actor graph or the dyad graph.
        by: ``"balance"`` for the largest ``|balance|`` first (then count), or
            ``"count"`` for the most events first (then ``|balance|``).

    Example:
        >>> g = nx.Graph()
        >>> g.add_edge("a", "b", weight=5, classes={"Meeting": 5}, balance=5.0)
        >>> g.add_edge("a", "c", weight=1, classes={"Attack": 1}, balance=-10.0)
        >>> [(d.a, d.b) for d in dyads(g)], [(d.a, d.b) for d in dyads(g, by="count")]
        ([('a', 'c'), ('a', 'b')], [('a', 'b'), ('a', 'c')])
    """
    if by not in ("balance", "count"):
        raise ValueError(f"by must be 'balance' or 'count', not {by!r}")
    found = [dyad(view, a, b) for a, b in view.edges]
    if by == "balance":
        return sorted(found, key=lambda d: (-abs(d.balance), -d.count, d.a_label, d.b_label, d.a))
    return sorted(found, key=lambda d: (-d.count, -abs(d.balance), d.a_label, d.b_label, d.a))


def timeline(infos: Iterable[EventInfo]) -> list[EventInfo]:
    """The dated events, by date then IRI; undated events are left out.

    Example:
        >>> e = [EventInfo("b", "Attack", "2017-04-07", -10.0, None, None),
        ...      EventInfo("a", "Meeting", "2017-04-12", 1.0, None, None),
        ...      EventInfo("c", "Meeting", None, 1.0, None, None),
        ...      EventInfo("a0", "Vote", "2017-04-07", 0.0, None, None)]
        >>> [x.iri for x in timeline(e)]
        ['a0', 'b', 'a']
    """
    return sorted((e for e in infos if e.date), key=lambda e: (e.date or "", e.iri))


def connection(analysis: Analysis, a: str, b: str) -> Connection | None:
    """The shortest chain of shared events from ``a`` to ``b`` in the actor graph.

    Fewest links first (breadth-first, so deterministic for a given graph); each
    step lists the events the two actors share, by IRI.

    Returns:
        The connection (a single actor and no steps when ``a == b``), or ``None``
        when no chain of events links them.

    Raises:
        ActorLookupError: If either actor is not in the actor graph.
    """
    g = analysis.actors
    missing = [node for node in (a, b) if node not in g]
    if missing:
        raise ActorLookupError(f"not in the actor graph: {', '.join(missing)}")
    try:
        path = nx.shortest_path(g, a, b)
    except nx.NetworkXNoPath:
        return None
    steps = tuple(
        Step(u, v, tuple(analysis.event(iri) for iri in g.edges[u, v]["events"]))
        for u, v in zip(path, path[1:], strict=False)
    )
    return Connection(tuple(path), steps)


def pair_summary(analysis: Analysis, a: str, b: str) -> PairSummary:
    """The shortest connection and the dyads of two actors.

    Raises:
        ActorLookupError: If either actor is not in the actor graph.
    """
    found = connection(analysis, a, b)
    direct = dyad(analysis.actors, a, b)
    side_a = analysis.affiliations.get(a, a)
    side_b = analysis.affiliations.get(b, b)
    sides = None
    if side_a != side_b and side_a in analysis.countries and side_b in analysis.countries:
        there = dyad(analysis.countries, side_a, side_b)
        sides = (there, dyad(analysis.countries, side_b, side_a))
    return PairSummary(a, b, found, direct, sides)


# ---------------------------------------------------------------------------
# Finding an actor by name
# ---------------------------------------------------------------------------


def _key(name: str) -> str:
    return " ".join(name.casefold().split())


def _expand(name: str) -> str | None:
    """A full IRI, or a ``prefix:local`` name of a contract prefix expanded; else ``None``."""
    if "://" in name or name.startswith("urn:"):
        return name
    prefix, colon, local = name.partition(":")
    if colon and prefix in prefixes() and " " not in local:
        return prefixes()[prefix] + local
    return None


def find_actor(graph: Graph, name_or_iri: str) -> str:
    """The IRI of the actor called ``name_or_iri``.

    A name matches an actor's ``rdfs:label`` or ``skos:altLabel`` ignoring case and
    runs of spaces; a full IRI (or ``pekr:...``) must be typed ``pek:Actor``. When a
    name is an alias of several actors but the canonical label of exactly one,
    that one wins.

    Raises:
        ActorLookupError: If no actor, or several, answer to the name; the message
            and ``candidates`` give the close matches (:mod:`difflib`).

    Example:
        >>> from kg.vocab import PEKR
        >>> g = Graph()
        >>> for iri, name in [("country/RUS", "Russia"), ("person/trump", "Donald Trump")]:
        ...     _ = g.add((PEKR[iri], RDF.type, PEK.Actor))
        ...     _ = g.add((PEKR[iri], RDFS.label, Literal(name)))
        >>> find_actor(g, "  RUSSIA ")
        'https://w3id.org/pekg/id/country/RUS'
        >>> find_actor(g, "pekr:person/trump")
        'https://w3id.org/pekg/id/person/trump'
        >>> find_actor(g, "Donald Trumpp")
        Traceback (most recent call last):
        ...
        kg.analyze.ActorLookupError: no actor named 'Donald Trumpp'; close matches: Donald Trump
    """
    actors = set(graph.subjects(RDF.type, PEK.Actor))
    iri = _expand(name_or_iri.strip())
    if iri is not None:
        if URIRef(iri) in actors:
            return iri
        raise ActorLookupError(f"{name_or_iri!r} is not an actor of the graph")
    key = _key(name_or_iri)
    names: dict[str, set[str]] = {}  # folded name → labels as written
    canonical: set[str] = set()
    aliased: set[str] = set()
    for prop in (RDFS.label, SKOS.altLabel):
        for actor, value in graph.subject_objects(prop):
            if actor not in actors:
                continue
            names.setdefault(_key(str(value)), set()).add(str(value))
            if _key(str(value)) == key:
                (canonical if prop == RDFS.label else aliased).add(str(actor))
    matches = canonical | aliased
    if len(matches) == 1:
        return matches.pop()
    if len(canonical) == 1:
        return canonical.pop()
    if matches:
        listed = sorted(matches)
        raise ActorLookupError(
            f"{name_or_iri!r} is ambiguous: it names {', '.join(listed)}", listed
        )
    close = difflib.get_close_matches(key, list(names), n=5, cutoff=0.6)
    shown = [min(names[c]) for c in close]
    hint = f"; close matches: {', '.join(shown)}" if shown else ""
    raise ActorLookupError(f"no actor named {name_or_iri!r}{hint}", shown)


# ---------------------------------------------------------------------------
# The whole analysis
# ---------------------------------------------------------------------------


class _Clock:
    """Seconds per stage, into ``out`` when the caller asked for them."""

    def __init__(self, out: dict[str, float] | None) -> None:
        self.out = out
        self.last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        if self.out is not None:
            self.out[stage] = self.out.get(stage, 0.0) + now - self.last
        self.last = now


def analyze(
    graph: Graph,
    *,
    seed: int = DEFAULT_SEED,
    betweenness_threshold: int = BETWEENNESS_THRESHOLD,
    betweenness_samples: int = BETWEENNESS_SAMPLES,
    dyads_by: str = "balance",
    timings: dict[str, float] | None = None,
    triples: int | None = None,
) -> Analysis:
    """Build the views of ``graph`` and measure them.

    Args:
        graph: A built graph.
        seed: Seed for Louvain and for sampled betweenness; the same seed and
            graph give the same results.
        betweenness_threshold: Largest actor count for exact betweenness.
        betweenness_samples: Sources sampled above the threshold.
        dyads_by: Order of :attr:`Analysis.dyads`: ``"balance"`` or ``"count"``.
        timings: If given, filled with the seconds each stage took (``events``,
            ``actor graph``, ``event graph``, ``dyad graph``, ``degree``,
            ``betweenness``, ``pagerank``, ``louvain``, ``dyads and timeline``),
            for benchmarks; the results do not depend on it.
        triples: The size of the graph analysed, when ``graph`` holds only the part
            of it analysis reads (default: ``len(graph)``).

    Returns:
        The :class:`Analysis`.
    """
    clock = _Clock(timings)
    infos = events(graph)
    clock.lap("events")
    actors = actor_graph(graph, infos)
    clock.lap("actor graph")
    bipartite = event_graph(graph, infos)
    clock.lap("event graph")
    countries = country_graph(graph, infos)
    clock.lap("dyad graph")
    between, k = betweenness(
        actors, seed=seed, threshold=betweenness_threshold, samples=betweenness_samples
    )
    if k is not None:
        log.info("betweenness sampled from %d of %d actors", k, actors.number_of_nodes())
    clock.lap("betweenness")
    ranks = pagerank(actors)
    clock.lap("pagerank")
    groups = communities(actors, seed=seed)
    clock.lap("louvain")
    measures = _measures(actors, between, ranks, groups)
    clock.lap("degree")
    found = dyads(countries, by=dyads_by)
    dated = timeline(infos)
    clock.lap("dyads and timeline")
    return Analysis(
        triples=len(graph) if triples is None else triples,
        events=infos,
        actors=actors,
        bipartite=bipartite,
        countries=countries,
        affiliations={
            person: side
            for side, data in countries.nodes(data=True)
            for person in data.get("members", ())
        },
        measures=measures,
        communities=groups,
        dyads=found,
        timeline=dated,
        seed=seed,
        betweenness_samples=k,
    )


# ---------------------------------------------------------------------------
# Markdown report
# ---------------------------------------------------------------------------

_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\|<>[]`*_"})


def markdown_cell(text: object, width: int | None = None) -> str:
    """``text`` made safe for one Markdown table cell (article text is untrusted).

    Whitespace (newlines included) collapses to single spaces; the text is cut
    to ``width`` characters with an ellipsis; then ``|``, ``\\``, ``<``, ``>``,
    brackets, backquotes, ``*`` and ``_`` are backslash-escaped, so a cell can
    neither split a row nor inject a link, code span or HTML.

    Example:
        >>> markdown_cell("a | b\\nc <script>")
        'a \\\\| b c \\\\<script\\\\>'
        >>> markdown_cell("a long sentence", width=6)
        'a lon…'
        >>> markdown_cell(None)
        ''
    """
    flat = " ".join(str(text if text is not None else "").split())
    if width is not None and len(flat) > width:
        flat = flat[: width - 1].rstrip() + "…"
    return flat.translate(_MD_SPECIAL)


def _table(headers: list[str], rows: list[list[str]], align: str = "") -> list[str]:
    """A Markdown table; ``align`` holds ``l`` or ``r`` per column (default left)."""
    marks = [":--" if a == "l" else "--:" for a in align.ljust(len(headers), "l")]
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join(marks) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def _classes(classes: dict[str, int]) -> str:
    """Events by class, most first: ``Meeting 2, Attack 1``."""
    ranked = sorted(classes.items(), key=lambda item: (-item[1], item[0]))
    return ", ".join(f"{cls} {n}" for cls, n in ranked)


def _signed(value: float) -> str:
    """A balance with its sign and no trailing zeros: ``-12``, ``+3.4``, ``0``."""
    return f"{value:+,.2f}".rstrip("0").rstrip(".") if value else "0"


def _span(dates: tuple[str, ...]) -> str:
    if not dates:
        return ""
    return dates[0] if dates[0] == dates[-1] else f"{dates[0]} – {dates[-1]}"


def _actors_cell(analysis: Analysis, info: EventInfo) -> str:
    parts = []
    for actor, roles in sorted(
        info.roles.items(), key=lambda x: (_label(analysis.actors, x[0]), x[0])
    ):
        name = markdown_cell(_label(analysis.actors, actor))
        parts.append(f"{name} ({markdown_cell(', '.join(sorted(roles)))})")
    return "; ".join(parts)


def _header(analysis: Analysis) -> list[str]:
    g = analysis.actors
    kinds = Counter(data.get("kind", "Actor") for _, data in g.nodes(data=True))
    by_kind = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
    classes = Counter(e.cls for e in analysis.events)
    grouped = [c for c in analysis.communities if len(c) > 1]
    if analysis.betweenness_samples is None:
        mode = "exact"
    else:
        mode = f"sampled from {analysis.betweenness_samples} sources (seed {analysis.seed})"
    return [
        "# Knowledge graph analysis",
        "",
        f"- **{analysis.triples:,}** triples, **{len(analysis.events):,}** events "
        f"({len(analysis.timeline):,} dated): {_classes(dict(classes)) or 'none'}",
        f"- **{g.number_of_nodes():,}** actors ({by_kind or 'none'}), "
        f"**{g.number_of_edges():,}** actor links",
        f"- **{analysis.countries.number_of_nodes():,}** sides in the dyad graph, "
        f"**{analysis.countries.number_of_edges():,}** directed dyads",
        f"- **{len(grouped):,}** communities of two or more actors "
        f"(Louvain, seed {analysis.seed}); betweenness {mode}",
    ]


def _top_actors(analysis: Analysis, top: int) -> list[str]:
    ranked = analysis.ranking()
    rows = [
        [
            str(i),
            markdown_cell(m.label, 60),
            m.kind,
            str(m.degree),
            str(m.weighted_degree),
            f"{m.betweenness:.4f}",
            f"{m.pagerank:.4f}",
            str(m.community),
        ]
        for i, m in enumerate(ranked[:top], start=1)
    ]
    lines = ["", "## Top actors", ""]
    if not rows:
        return [*lines, "No actors."]
    lines.append(
        f"By PageRank; {min(top, len(ranked))} of {len(ranked)}. Degree counts the other "
        "actors met in events, weighted degree counts them once per shared event."
    )
    lines.append("")
    headers = ["#", "Actor", "Kind", "Degree", "Weighted degree", "Betweenness", "PageRank"]
    return lines + _table([*headers, "Community"], rows, "rllrrrrr")


def _dyad_section(analysis: Analysis, limit: int) -> list[str]:
    lines = [
        "",
        "## Dyads",
        "",
        "People are folded into the country or organisation they act for (pek:affiliation, "
        "else pek:holdsRole/pek:roleOf); an actor acting for nobody stays itself. "
        "A dyad runs from the side that acts (pek:agent, a voter) to the side acted on "
        "(pek:target, else what a statement is about); a meeting or clash told with its "
        "partners alone counts both ways, and co-targets or co-voters are no dyad. "
        "Balance is the sum of the events' Goldstein values: below zero conflict, "
        "above zero cooperation.",
        "",
    ]
    shown = analysis.dyads[:limit]
    if not shown:
        lines.append("No dyads.")
    else:
        rows = [
            [
                f"{markdown_cell(d.a_label, 40)} → {markdown_cell(d.b_label, 40)}",
                str(d.count),
                _classes(d.classes),
                _signed(d.balance),
                _span(d.dates),
            ]
            for d in shown
        ]
        lines += _table(
            ["Source → target", "Events", "By class", "Balance", "Dates"], rows, "lrlrl"
        )
        if len(analysis.dyads) > len(shown):
            lines += ["", f"{len(analysis.dyads) - len(shown):,} more dyads not shown."]
    internal = sorted(
        (
            (-data["internal"], str(data.get("label", node)), node)
            for node, data in analysis.countries.nodes(data=True)
            if data.get("internal")
        ),
    )
    if internal:
        lines += [
            "",
            "Events between actors of the same side (folding would make them self-loops; "
            "they are counted here, not as dyads):",
            "",
        ]
        rows = [
            [
                markdown_cell(name, 60),
                str(-n),
                _classes(analysis.countries.nodes[node]["internal_classes"]),
            ]
            for n, name, node in internal[:limit]
        ]
        lines += _table(["Side", "Events", "By class"], rows, "lrl")
    return lines


def _community_section(analysis: Analysis, limit: int, members: int = 12) -> list[str]:
    lines = ["", "## Communities", ""]
    grouped = [(i, c) for i, c in enumerate(analysis.communities, start=1) if len(c) > 1]
    singles = len(analysis.communities) - len(grouped)
    if not grouped:
        lines.append("No community has two or more actors.")
    for i, group in grouped[:limit]:
        ranked = sorted(
            group, key=lambda n: (-analysis.measures[n].pagerank, analysis.measures[n].label, n)
        )
        names = [markdown_cell(analysis.measures[n].label, 40) for n in ranked[:members]]
        more = f", and {len(group) - members:,} more" if len(group) > members else ""
        lines.append(f"{i}. ({len(group):,} actors) {', '.join(names)}{more}")
    if len(grouped) > limit:
        lines += ["", f"{len(grouped) - limit:,} more communities not shown."]
    if singles:
        alone = [analysis.measures[c[0]].label for c in analysis.communities if len(c) == 1]
        listed = ", ".join(markdown_cell(name, 40) for name in alone[:members])
        more = f", and {singles - members:,} more" if singles > members else ""
        lines += ["", f"{singles:,} actors are a community of their own: {listed}{more}"]
    return lines


def _timeline_section(analysis: Analysis, limit: int, width: int) -> list[str]:
    dated = analysis.timeline
    shown = dated[-limit:] if limit else []
    lines = ["", "## Timeline", ""]
    if not dated:
        return [*lines, "No dated events."]
    if len(shown) < len(dated):
        lines += [f"The latest {len(shown):,} of {len(dated):,} dated events.", ""]
    undated = len(analysis.events) - len(dated)
    if undated:
        lines += [f"{undated:,} events without a date are left out.", ""]
    rows = [
        [
            e.date or "",
            e.cls,
            _actors_cell(analysis, e),
            markdown_cell(e.trigger, 30),
            markdown_cell(e.sentence, width),
        ]
        for e in shown
    ]
    return lines + _table(["Date", "Class", "Actors", "Trigger", "Sentence"], rows)


def _event_line(info: EventInfo, width: int) -> str:
    trigger = f" “{markdown_cell(info.trigger, 30)}”" if info.trigger else ""
    return f"{info.date or 'undated'} {info.cls}{trigger}: {markdown_cell(info.sentence, width)}"


def _pair_section(analysis: Analysis, pair: tuple[str, str], width: int) -> list[str]:
    summary = pair_summary(analysis, *pair)
    name_a = markdown_cell(_label(analysis.actors, summary.a))
    name_b = markdown_cell(_label(analysis.actors, summary.b))
    lines = ["", f"## {name_a} and {name_b}", ""]
    found = summary.connection
    if found is None:
        lines.append("No chain of shared events connects them.")
    elif not found.steps:
        lines.append("The same actor.")
    else:
        hops = " → ".join(markdown_cell(_label(analysis.actors, n)) for n in found.actors)
        lines += [f"Shortest connection ({_count(len(found.steps), 'step')}): {hops}", ""]
        for n, step in enumerate(found.steps, start=1):
            source = markdown_cell(_label(analysis.actors, step.source))
            target = markdown_cell(_label(analysis.actors, step.target))
            lines.append(f"{n}. {source} – {target}")
            lines += [f"   - {_event_line(e, width)}" for e in step.events]
    lines += ["", f"Events between them, one acting on the other: {_detail(summary.direct)}"]
    if summary.sides is not None:
        lines += ["", "Dyads of their sides (as in the dyad table):", ""]
        for d in summary.sides:
            who = f"{markdown_cell(d.a_label)} → {markdown_cell(d.b_label)}"
            lines.append(f"- {who}: {_detail(d)}")
    return lines


def _detail(d: Dyad) -> str:
    if not d.count:
        return "no events"
    return f"{_count(d.count, 'event')}: {_classes(d.classes)}; balance {_signed(d.balance)}"


def _count(n: int, noun: str) -> str:
    """``n`` and the noun, plural unless one: ``1 event``, ``3 events``."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def report_markdown(
    analysis: Analysis,
    *,
    top: int = 20,
    dyads: int = 20,
    communities: int = 10,
    timeline: int = 50,
    sentence_width: int = 120,
    pair: tuple[str, str] | None = None,
) -> str:
    """A Markdown report of an analysis, for a reader to skim.

    Sections: counts; top actors (by PageRank) with their measures and community;
    dyads of the dyad graph with events by class and balance; communities with
    their members; the timeline of dated events (the latest ``timeline``); and,
    when ``pair`` is given, the shortest connection and dyads of that pair.
    Every piece of graph text is escaped with :func:`markdown_cell`.

    Args:
        analysis: From :func:`analyze`.
        top: Actors listed.
        dyads: Dyads listed.
        communities: Communities listed (of two or more actors).
        timeline: Latest dated events listed.
        sentence_width: Characters of a sentence shown before it is cut.
        pair: Two actor IRIs (see :func:`find_actor`) to report on.

    Raises:
        ActorLookupError: If an actor of ``pair`` is not in the actor graph.
    """
    lines = _header(analysis)
    if pair is not None:
        lines += _pair_section(analysis, pair, sentence_width)
    lines += _top_actors(analysis, top)
    lines += _dyad_section(analysis, dyads)
    lines += _community_section(analysis, communities)
    lines += _timeline_section(analysis, timeline, sentence_width)
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------
# Measures as RDF, and files
# ---------------------------------------------------------------------------


def _decimal(value: float) -> Literal:
    return Literal(Decimal(f"{value:.{DECIMALS}f}"))


def measures_graph(analysis: Analysis) -> Graph:
    """The actors' measures as triples, to load beside the graph and sort by in SPARQL.

    Each actor gets ``pek:degree``, ``pek:weightedDegree`` and ``pek:community``
    (``xsd:integer``) and ``pek:betweenness`` and ``pek:pagerank`` (``xsd:decimal``,
    six places).
    """
    out = bind_prefixes(Graph())
    for node, m in sorted(analysis.measures.items()):
        actor = URIRef(node)
        out.add((actor, PEK.degree, Literal(m.degree)))
        out.add((actor, PEK.weightedDegree, Literal(m.weighted_degree)))
        out.add((actor, PEK.betweenness, _decimal(m.betweenness)))
        out.add((actor, PEK.pagerank, _decimal(m.pagerank)))
        out.add((actor, PEK.community, Literal(m.community)))
    return out


def write_analysis(
    analysis: Analysis,
    out_dir: Path,
    *,
    pair: tuple[str, str] | None = None,
    **report_options: int,
) -> list[Path]:
    """Write ``out_dir/report.md`` and ``out_dir/analysis.ttl``, each atomically.

    Args:
        analysis: From :func:`analyze`.
        out_dir: Where to write; created if missing.
        pair: Two actor IRIs to report on, as in :func:`report_markdown`.
        report_options: Other keyword arguments of :func:`report_markdown`.

    Returns:
        The paths written.
    """
    report = out_dir / "report.md"
    measures = out_dir / "analysis.ttl"
    write_atomic(report, report_markdown(analysis, pair=pair, **report_options))
    write_atomic(measures, serialize(measures_graph(analysis), "ttl"))
    return [report, measures]
