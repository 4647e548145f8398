"""The interactive relationship view: a networkx view of the graph → one offline HTML page.

Two modes: ``actors`` (actors linked by the events they share, folded into labelled
edges such as ``Meeting ×2, Accusation``) and ``events`` (actor and event nodes,
edges labelled with the actor's role). The network is assembled with pyvis; the
page is our own: vis-network's script and stylesheet are inlined from the pyvis
package, so it works offline, and the data travels as JSON in a
``<script type="application/json">`` element, with ``<``, ``>`` and ``&`` escaped,
so no name or quotation from an article can end a script or open a tag. The page
script builds every control with ``createElement``/``textContent``; tooltips are
plain strings, which vis-network shows as text.

In the page, ``window.pekg`` holds ``network``, ``nodes`` and ``edges`` (vis
DataSets) and the filtered ``nodeView``/``edgeView``; ``<body>`` carries
``data-node-count`` and, after the first drawing, ``data-ready="true"``.

Example:
    >>> from rdflib import Graph
    >>> page = render(Graph(), title="Nothing yet")
    >>> page.startswith("<!DOCTYPE html>"), 'data-node-count="0"' in page
    (True, True)
"""

from __future__ import annotations

import difflib
import functools
import json
import math
import random
import re
import string
import zlib
from collections import Counter
from collections.abc import Iterable
from html import escape
from importlib import resources
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx
from pyvis.network import Network
from rdflib import Graph, URIRef
from rdflib.namespace import SKOS

from kg.network import EventInfo, actor_graph, event_graph, events
from kg.write import write_atomic

if TYPE_CHECKING:
    from kg.api import KnowledgeGraph

__all__ = [
    "LAYOUT_THRESHOLD",
    "MODES",
    "build_network",
    "centrality",
    "edge_label",
    "find_actor",
    "layout",
    "render",
    "script_json",
    "style",
    "view_graph",
    "write_view",
]

MODES: tuple[str, ...] = ("actors", "events")

#: Above this many nodes, positions are computed here (seeded) and physics is off.
LAYOUT_THRESHOLD = 300

#: Class → (colour, vis shape). Actors in cool colours, events in warm ones.
ACTOR_STYLES = {
    "Person": ("#4C78A8", "dot"),
    "Country": ("#72B7B2", "diamond"),
    "Organization": ("#B279A2", "square"),
    "Group": ("#D4A6C8", "square"),
    "Place": ("#9D755D", "triangle"),
    "Actor": ("#BAB0AC", "dot"),
}
EVENT_STYLES = {
    "Meeting": ("#59A14F", "hexagon"),
    "Support": ("#8CD17D", "hexagon"),
    "Agreement": ("#499894", "hexagon"),
    "Statement": ("#EDC948", "hexagon"),
    "Attack": ("#E15759", "star"),
    "Threat": ("#FF9D9A", "star"),
    "Accusation": ("#F28E2B", "triangleDown"),
    "Sanction": ("#D37295", "triangleDown"),
    "Vote": ("#6A51A3", "square"),
}
_PALETTE = ("#17BECF", "#BCBD22", "#8C564B", "#E377C2", "#7F7F7F", "#AEC7E8", "#FFBB78")

#: Edge colours in actors mode, by the sign of the summed Goldstein weights.
BALANCE_COLOURS = {"cooperation": "#59A14F", "conflict": "#E15759", "neutral": "#9E9E9E"}
_ROLE_COLOUR = "#8C8C8C"
_TEXT = "#222222"

_VIS = ("lib", "vis-9.1.2")
_MAX_EVENTS_IN_TOOLTIP = 12

#: Article addresses a page may link to.
_WEB = re.compile(r"https?://", re.I)


# ---- the networkx view -------------------------------------------------------------


def centrality(g: nx.Graph) -> dict[str, float]:
    """PageRank of every node (edge ``weight`` counted where present), rounded to 6 places.

    Example:
        >>> g = nx.Graph([("a", "b"), ("a", "c")])
        >>> rank = centrality(g)
        >>> rank["a"] > rank["b"] == rank["c"]
        True
        >>> centrality(nx.Graph())
        {}
    """
    if g.number_of_nodes() == 0:
        return {}
    return {node: round(value, 6) for node, value in nx.pagerank(g, weight="weight").items()}


def _is_event(data: dict[str, Any]) -> bool:
    return data.get("kind") == "Event"


def find_actor(g: nx.Graph, name: str) -> str:
    """The actor node of ``g`` that ``name`` means: its IRI, label or an alias (any case).

    Raises:
        ValueError: no actor has that name (the message suggests close ones) or
            several have it (the message lists their IRIs).

    Example:
        >>> g = nx.Graph()
        >>> g.add_node("pekr:usa", label="United States", kind="Country", aliases=["US"])
        >>> g.add_node("pekr:rus", label="Russia", kind="Country", aliases=[])
        >>> find_actor(g, "us"), find_actor(g, "RUSSIA"), find_actor(g, "pekr:rus")
        ('pekr:usa', 'pekr:rus', 'pekr:rus')
        >>> find_actor(g, "Rusia")
        Traceback (most recent call last):
        ...
        ValueError: no actor named 'Rusia'; did you mean 'Russia'?
    """
    actors = {n: d for n, d in g.nodes(data=True) if not _is_event(d)}
    if name in actors:
        return name
    wanted = name.strip().casefold()
    by_label = sorted(n for n, d in actors.items() if str(d.get("label", "")).casefold() == wanted)
    by_alias = sorted(
        n for n, d in actors.items() if any(a.casefold() == wanted for a in d.get("aliases", ()))
    )
    for found in (by_label, by_alias):
        if len(found) == 1:
            return found[0]
        if found:
            raise ValueError(f"several actors are named {name!r}: {', '.join(found)}; give an IRI")
    names: dict[str, str] = {}
    for d in actors.values():
        for text in (str(d.get("label", "")), *d.get("aliases", ())):
            names.setdefault(text.casefold(), text)
    close = difflib.get_close_matches(wanted, sorted(names), n=5, cutoff=0.6)
    hint = f"; did you mean {' or '.join(repr(names[c]) for c in close)}?" if close else ""
    raise ValueError(f"no actor named {name!r}{hint}")


def _aliases(graph: Graph, g: nx.Graph) -> None:
    for node, data in g.nodes(data=True):
        if not _is_event(data):
            labels = {str(a) for a in graph.objects(URIRef(node), SKOS.altLabel)}
            data["aliases"] = sorted(labels - {data.get("label")})


def view_graph(
    graph: Graph | KnowledgeGraph,
    *,
    mode: str = "actors",
    top: int | None = None,
    focus: str | None = None,
    depth: int = 1,
) -> nx.Graph:
    """The networkx graph the page shows, cut down by ``focus`` and ``top``.

    That is :func:`~kg.network.actor_graph` (``actors``) or
    :func:`~kg.network.event_graph` (``events``) of the graph. Every node gets
    ``pagerank`` (computed on the whole view, before any cut); actor nodes get
    ``aliases``. ``g.graph`` holds ``mode``, ``focus`` (the IRI or None) and
    ``events`` (event IRI → :class:`~kg.network.EventInfo`).

    Args:
        graph: A built graph (rdflib, or a :class:`kg.KnowledgeGraph`).
        mode: ``actors`` or ``events``.
        top: Keep the ``top`` actors of highest PageRank (in ``events`` mode, with
            every event one of them takes part in).
        focus: Keep only the neighbourhood of this actor (label, alias or IRI).
        depth: The neighbourhood's radius in actor-to-actor hops; in ``events``
            mode an event between two actors is half a hop.

    Raises:
        ValueError: an unknown mode or focus, a negative ``top`` or ``depth``.
    """
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}: use one of {', '.join(MODES)}")
    if top is not None and top < 0:
        raise ValueError(f"top must be at least 0, not {top}")
    if depth < 0:
        raise ValueError(f"depth must be at least 0, not {depth}")
    rdf = graph if isinstance(graph, Graph) else graph.graph
    infos = events(rdf)
    g = actor_graph(rdf, infos) if mode == "actors" else event_graph(rdf, infos)
    _aliases(rdf, g)
    rank = centrality(g)
    nx.set_node_attributes(g, rank, "pagerank")
    center = None
    if focus is not None:
        center = find_actor(g, focus)
        g = nx.ego_graph(g, center, radius=depth if mode == "actors" else 2 * depth)
    if top is not None:
        actors = sorted(
            (n for n, d in g.nodes(data=True) if not _is_event(d)), key=lambda n: (-rank[n], n)
        )
        keep = set(actors[:top]) | ({center} if center is not None and top else set())
        keep |= {n for n, d in g.nodes(data=True) if _is_event(d) and any(m in keep for m in g[n])}
        g = g.subgraph(keep).copy()
        # No orphans: an actor none of the kept ones shares an event with is not drawn.
        g.remove_nodes_from([n for n in list(g) if g.degree(n) == 0 and n != center])
    g.graph.update(mode=mode, focus=center, events={info.iri: info for info in infos})
    return g


# ---- styling and text ------------------------------------------------------------------


def style(name: str, *, event: bool = False) -> tuple[str, str]:
    """Colour and vis shape of an actor kind or (``event=True``) an event class.

    Classes without a style of their own get a palette colour fixed by their name.

    Example:
        >>> style("Person"), style("Attack", event=True)
        (('#4C78A8', 'dot'), ('#E15759', 'star'))
        >>> style("Ceasefire", event=True) == style("Ceasefire", event=True)
        True
    """
    known = EVENT_STYLES if event else ACTOR_STYLES
    if name in known:
        return known[name]
    colour = _PALETTE[zlib.crc32(name.encode("utf-8")) % len(_PALETTE)]
    return colour, "hexagon" if event else "dot"


def edge_label(classes: dict[str, int]) -> str:
    """Events by class as an edge label, most frequent first.

    Example:
        >>> edge_label({"Accusation": 1, "Meeting": 2})
        'Meeting ×2, Accusation'
    """
    ranked = sorted(classes.items(), key=lambda item: (-item[1], item[0]))
    return ", ".join(name if n == 1 else f"{name} ×{n}" for name, n in ranked)


def _balance(value: float) -> str:
    return "cooperation" if value > 0 else "conflict" if value < 0 else "neutral"


def _colour(hex_colour: str) -> dict[str, Any]:
    return {
        "background": hex_colour,
        "border": "#333333",
        "highlight": {"background": hex_colour, "border": "#000000"},
        "hover": {"background": hex_colour, "border": "#000000"},
    }


def _focus_colour(hex_colour: str) -> dict[str, Any]:
    """The focus actor's colour: its class colour inside a dark, thick border."""
    colour = _colour(hex_colour)
    colour["border"] = "#111111"
    return colour


def _clip(text: str, limit: int = 280) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _event_line(info: EventInfo) -> str:
    sentence = f": {_clip(info.sentence, 200)}" if info.sentence else ""
    return f"{info.date or 'undated'} · {info.cls}{sentence}"


def _actor_title(data: dict[str, Any], degree: int, node: str) -> str:
    lines = [str(data.get("label", node)), str(data.get("kind", "Actor"))]
    if data.get("aliases"):
        lines.append("also: " + ", ".join(data["aliases"]))
    lines += [f"{degree} link{'s' if degree != 1 else ''}", node]
    return "\n".join(lines)


def _event_title(data: dict[str, Any]) -> str:
    trigger = f" (“{data['trigger']}”)" if data.get("trigger") else ""
    lines = [
        f"{data.get('cls', 'Event')}: {data.get('label', '')}{trigger}",
        data.get("date") or "undated",
    ]
    if data.get("sentence"):
        lines.append(f"“{_clip(data['sentence'], 600)}”")
    if data.get("article_title"):
        lines.append(f"— {data['article_title']}")
    lines.append(f"Goldstein {float(data.get('goldstein') or 0.0):+g}")
    return "\n".join(lines)


def _sizes(rank: dict[str, float]) -> dict[str, float]:
    """Node sizes from 10 to 40, by PageRank relative to the largest."""
    top = max(rank.values(), default=0.0)
    return {n: round(10 + 30 * (r / top if top else 0.5), 2) for n, r in rank.items()}


# ---- pyvis network ------------------------------------------------------------------


class _NodeIds(list):  # type: ignore[type-arg]
    """pyvis's list of node ids, with a set beside it so that ``in`` takes constant time."""

    def __init__(self) -> None:
        super().__init__()
        self._set: set[Any] = set()

    def append(self, item: Any) -> None:
        super().append(item)
        self._set.add(item)

    def __contains__(self, item: object) -> bool:
        return item in self._set


def article_page(prefix: str, article_id: str) -> str:
    """Where ``kg show --all`` writes an article's view, relative to the graph view.

    >>> article_page("articles/", "2017-04-12 Trump")
    'articles/2017-04-12-trump.html'
    """
    from kg.read import slug

    return f"{prefix.rstrip('/')}/{slug(article_id)}.html"


def _sources(infos: Iterable[EventInfo], pages: str | None, limit: int = 8) -> list[dict[str, Any]]:
    """The articles behind some events, for the page's "Sources" list: headline, address
    (http and https only) and, with ``pages``, the article view's file."""
    out: dict[str, dict[str, Any]] = {}
    for info in sorted(infos, key=lambda i: (i.date or "9999", i.article or "")):
        reports = info.reports or (
            ((info.article, info.article_title, info.article_id, info.article_url),)
            if info.article
            else ()
        )
        for iri, title, article_id, url in reports:
            if iri in out or len(out) >= limit:
                continue
            out[iri] = {
                "title": title or article_id or "article",
                "url": url if url and _WEB.match(url) else None,
                "page": article_page(pages, article_id) if pages and article_id else None,
            }
    return list(out.values())


def build_network(
    view: nx.Graph,
    *,
    layout_threshold: int = LAYOUT_THRESHOLD,
    seed: int = 7,
    article_pages: str | None = None,
) -> Network:
    """The pyvis network of a :func:`view_graph`: styled nodes, labelled edges, options.

    Nodes are coloured and shaped by class (:func:`style`) and sized by PageRank;
    besides vis's own fields they carry ``kind``, ``cls``, ``date`` and ``aliases``
    for the page's filters and search, and edges carry ``events`` (class and date
    of each event behind them).

    Args:
        view: A :func:`view_graph`.
        layout_threshold: Above this many nodes every node gets ``x``/``y`` from
            :func:`layout` and physics is off, so a large graph opens at once and
            stays still.
        seed: Seed of the layouts.
        article_pages: Where the article views are (``kg show --all``), relative to the
            page: each node's sources link to them.
    """
    mode = view.graph.get("mode", "actors")
    infos: dict[str, EventInfo] = view.graph.get("events", {})
    big = view.number_of_nodes() > layout_threshold
    # pyvis scans lists on every add: all edges (unless directed) and all node ids.
    # directed=True skips the first (networkx edges are unique already, and each edge
    # sets its own arrows); _NodeIds makes the second a set look-up.
    net = Network(directed=True)
    net.node_ids = _NodeIds()
    rank = {n: float(d.get("pagerank", 0.0)) for n, d in view.nodes(data=True)}
    sizes = _sizes(rank)
    positions = layout(view, seed=seed) if big else {}
    focus = view.graph.get("focus")
    if focus in positions:  # the layout centred on the focus actor
        fx, fy = positions[focus]
        positions = {n: (x - fx, y - fy) for n, (x, y) in positions.items()}
    for node in sorted(view.nodes):
        data = view.nodes[node]
        event = _is_event(data)
        colour, shape = style(data["cls"] if event else data.get("kind", "Actor"), event=event)
        extra: dict[str, Any] = {"kind": data.get("kind", "Actor"), "pagerank": rank[node]}
        if event:
            extra.update(cls=data["cls"], date=data.get("date"), title=_event_title(data))
            behind = [infos[node]] if node in infos else []
        else:
            extra.update(
                aliases=data.get("aliases", []),
                title=_actor_title(data, view.degree(node), node),
            )
            iris = (
                {i for m in view[node] for i in view.edges[node, m].get("events", ())}
                if mode == "actors"
                else set(view[node])
            )
            behind = [infos[i] for i in sorted(iris) if i in infos]
        extra["sources"] = _sources(behind, article_pages)
        if node in positions:
            extra.update(x=positions[node][0], y=positions[node][1])
        if node == focus:  # the focus actor: in the middle, fixed, and marked
            extra.update(x=0, y=0, fixed=True, borderWidth=5, focus=True)
            extra["font"] = {"size": 22, "bold": True}
        net.add_node(
            node,
            label=str(data.get("label") or node),
            shape=shape,
            color=_colour(colour) if node != focus else _focus_colour(colour),
            size=sizes[node] if node != focus else max(sizes.values(), default=40),
            **extra,
        )
    for i, (a, b) in enumerate(sorted(tuple(sorted(e)) for e in view.edges)):
        data = view.edges[a, b]
        if mode == "actors":
            _actor_edge(net, view, a, b, data, infos, f"e{i}")
        else:
            _role_edge(net, view, a, b, data, f"e{i}")
    net.options = _options(big=big, seed=seed, nodes=view.number_of_nodes())
    return net


def layout(view: nx.Graph, *, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Seeded positions in pixels: a spring layout of the actors, each event amid its actors.

    Only actors are laid out (networkx's spring layout, linked by the events they
    share, fewer iterations on very large graphs): an event sits at the middle of
    its actors, shifted a little at random (seeded) so that two events of one pair
    do not cover each other. That keeps the events mode as cheap as the actors mode.

    Example:
        >>> g = nx.Graph([("a", "e"), ("b", "e")])
        >>> g.nodes["e"]["kind"] = "Event"
        >>> pos = layout(g)
        >>> pos == layout(g), sorted(pos)
        (True, ['a', 'b', 'e'])
    """
    actors = nx.Graph()
    actors.add_nodes_from(n for n, d in view.nodes(data=True) if not _is_event(d))
    happenings = sorted(n for n, d in view.nodes(data=True) if _is_event(d))
    if happenings:
        for a, b in (p for e in happenings for p in combinations(sorted(view[e]), 2)):
            weight = actors.get_edge_data(a, b, {"weight": 0})["weight"]
            actors.add_edge(a, b, weight=weight + 1)
    else:
        actors.add_weighted_edges_from(view.edges(data="weight", default=1))
    scale = 60 * math.sqrt(max(view.number_of_nodes(), 1))
    iterations = max(15, min(50, int(50 * (1000 / max(len(actors), 1)) ** 2)))
    found = nx.spring_layout(actors, seed=seed, scale=scale, iterations=iterations, method="force")
    pos = {n: (float(x), float(y)) for n, (x, y) in found.items()}
    rng = random.Random(seed)
    spread = 40.0
    for event in happenings:
        near = [pos[a] for a in view[event]]
        x, y = (
            (sum(p[0] for p in near) / len(near), sum(p[1] for p in near) / len(near))
            if near
            else (rng.uniform(-scale, scale), rng.uniform(-scale, scale))
        )
        pos[event] = (x + rng.uniform(-spread, spread), y + rng.uniform(-spread, spread))
    return {n: (round(x, 1), round(y, 1)) for n, (x, y) in pos.items()}


def _actor_edge(
    net: Network,
    view: nx.Graph,
    a: str,
    b: str,
    data: dict[str, Any],
    infos: dict[str, EventInfo],
    edge_id: str,
) -> None:
    found = [infos[iri] for iri in data.get("events", []) if iri in infos]
    found.sort(key=lambda info: (info.date or "9999", info.cls, info.iri))
    label = edge_label(data.get("classes", {}))
    balance = float(data.get("balance", 0.0))
    lines = [
        f"{view.nodes[a].get('label', a)} — {view.nodes[b].get('label', b)}",
        f"{label} (balance {balance:+g}, {_balance(balance)})",
        *(_event_line(info) for info in found[:_MAX_EVENTS_IN_TOOLTIP]),
    ]
    if len(found) > _MAX_EVENTS_IN_TOOLTIP:
        lines.append(f"… and {len(found) - _MAX_EVENTS_IN_TOOLTIP} more")
    colour = BALANCE_COLOURS[_balance(balance)]
    weight = int(data.get("weight", len(found)) or 1)
    # Arrows from the side that acts to the side acted on (both ways when both did).
    directions = data.get("directions", {})
    forward, backward = (a, b) in directions, (b, a) in directions
    if backward and not forward:
        a, b = b, a
    arrows = "to, from" if forward and backward else "to" if forward or backward else ""
    net.add_edge(
        a,
        b,
        id=edge_id,
        label=label,
        title="\n".join(lines),
        width=round(min(1 + 3 * math.log2(weight), 12), 2),
        color={"color": colour, "highlight": colour, "hover": colour, "inherit": False},
        arrows=arrows,
        weight=weight,
        balance=balance,
        events=[{"cls": info.cls, "date": info.date} for info in found],
    )


def _role_edge(
    net: Network, view: nx.Graph, a: str, b: str, data: dict[str, Any], edge_id: str
) -> None:
    event, actor = (a, b) if _is_event(view.nodes[a]) else (b, a)
    role = str(data.get("role", ""))
    info = view.nodes[event]
    # Arrows follow the action: agent → event → target.
    source, target = (event, actor) if role == "target" else (actor, event)
    net.add_edge(
        source,
        target,
        id=edge_id,
        label=role,
        title=f"{view.nodes[actor].get('label', actor)}: {role} of {info.get('cls')} "
        f"“{info.get('label', '')}” ({info.get('date') or 'undated'})",
        width=1.5,
        color={"color": _ROLE_COLOUR, "highlight": "#333333", "hover": "#333333", "inherit": False},
        arrows="to" if role in ("agent", "target") else "",
        role=role,
        events=[{"cls": info.get("cls"), "date": info.get("date")}],
    )


def label_size(nodes: int) -> int:
    """Node label size: larger in a larger view, which is drawn zoomed out to fit, so that
    labels stay readable on screen (about 13 px at 60 actors).

    >>> label_size(10), label_size(60), label_size(5000)
    (14, 22, 28)
    """
    return min(28, 14 + max(0, nodes - 20) // 5)


def _options(*, big: bool, seed: int, nodes: int = 0) -> dict[str, Any]:
    physics: dict[str, Any] = (
        {"enabled": False}
        if big
        else {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -90,
                "springLength": 150,
                "avoidOverlap": 0.5,
            },
            "stabilization": {"enabled": True, "iterations": 600, "fit": True},
        }
    )
    return {
        "nodes": {
            "borderWidth": 1,
            "font": {
                "size": label_size(nodes),
                "color": _TEXT,
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
            },
        },
        "edges": {
            "font": {
                "size": 11,
                "color": "#555555",
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
                "align": "middle",
            },
            "smooth": {"enabled": not big, "type": "continuous"},
            "selectionWidth": 2,
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": big,
            "keyboard": {"enabled": True, "bindToWindow": False},
        },
        "physics": physics,
        "layout": {"randomSeed": seed, "improvedLayout": not big},
    }


# ---- the page ------------------------------------------------------------------------

_JSON_ESCAPES = (
    ("<", "\\u003c"),
    (">", "\\u003e"),
    ("&", "\\u0026"),
    ("\u2028", "\\u2028"),
    ("\u2029", "\\u2029"),
)


def script_json(data: Any) -> str:
    """``data`` as JSON that is safe inside a ``<script>`` element: no ``<``, ``>``, ``&``.

    Example:
        >>> script_json({"name": "Evil</script><b>&"})
        '{"name":"Evil\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
        >>> json.loads(script_json({"name": "a</script>"}))["name"]
        'a</script>'
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, escaped in _JSON_ESCAPES:
        text = text.replace(char, escaped)
    return text


@functools.cache
def _asset(name: str) -> str:
    return resources.files("pyvis").joinpath(*_VIS, name).read_text(encoding="utf-8")


def _inline(text: str, element: str) -> str:
    """Check that ``text`` cannot end its ``<script>``/``<style>`` element early."""
    lowered = text.lower()
    if f"</{element}" in lowered or "<!--" in lowered:
        raise ValueError(f"cannot inline text containing '</{element}' or '<!--'")
    return text


def _page_data(net: Network, view: nx.Graph, title: str) -> dict[str, Any]:
    nodes, edges, _, _, _, options = net.get_network_data()
    mode = view.graph.get("mode", "actors")
    if mode == "events":
        classes = Counter(n["cls"] for n in nodes if n["kind"] == "Event")
    else:
        infos: dict[str, EventInfo] = view.graph.get("events", {})
        shown = {iri for _, _, d in view.edges(data=True) for iri in d.get("events", [])}
        classes = Counter(infos[iri].cls for iri in shown if iri in infos)
    dates = sorted(
        {x["date"] for e in edges for x in e.get("events", []) if x.get("date")}
        | {n["date"] for n in nodes if n.get("date")}
    )
    kinds = Counter(n["kind"] for n in nodes if n["kind"] != "Event")
    legend = [
        {"name": k, "count": kinds[k], "color": style(k)[0], "shape": style(k)[1]}
        for k in (*ACTOR_STYLES, *sorted(set(kinds) - set(ACTOR_STYLES)))
        if kinds[k]
    ]
    class_list = [
        {"name": c, "count": n, "color": style(c, event=True)[0], "shape": style(c, event=True)[1]}
        for c, n in sorted(classes.items())
    ]
    if mode == "events":
        legend += class_list
        edge_legend = [
            {"name": "agent → event → target (arrows)", "color": _ROLE_COLOUR},
            {"name": "other roles: participant, about, body, voter", "color": _ROLE_COLOUR},
        ]
    else:
        edge_legend = [
            {"name": f"{name} (Goldstein sum {sign})", "color": colour}
            for (name, colour), sign in zip(
                BALANCE_COLOURS.items(), ("> 0", "< 0", "= 0"), strict=True
            )
        ] + [{"name": "width: events shared", "color": "#555555"}]
    return {
        "title": title,
        "mode": mode,
        "focus": view.graph.get("focus"),
        "nodes": nodes,
        "edges": edges,
        "options": json.loads(options) if isinstance(options, str) else options,
        "classes": class_list,
        "legend": legend,
        "edgeLegend": edge_legend,
        "dates": [dates[0], dates[-1]] if dates else [],
        "textColor": _TEXT,
    }


def render(
    graph: Graph | KnowledgeGraph,
    *,
    mode: str = "actors",
    top: int | None = None,
    focus: str | None = None,
    depth: int = 1,
    title: str = "Political events: who deals with whom",
    layout_threshold: int = LAYOUT_THRESHOLD,
    seed: int = 7,
    article_pages: str | None = None,
) -> str:
    """The relationship view of ``graph`` as one self-contained, offline HTML page.

    Args:
        graph: A built graph (rdflib, or a :class:`kg.KnowledgeGraph`).
        mode: ``actors`` (actors only, events folded into edges) or ``events``
            (actor and event nodes, edges labelled with roles).
        top: Keep the ``top`` most central actors (PageRank).
        focus: Keep only this actor's neighbourhood (label, alias or IRI).
        depth: The neighbourhood's radius in actor-to-actor hops.
        title: The page's title and heading.
        layout_threshold: Above this many nodes, lay out here and turn physics off.
        seed: Seed of the layouts, so the same graph looks the same every time.
        article_pages: The directory of the article views (``kg show --all``), relative
            to the page; a clicked node's sources then link to them.

    Raises:
        ValueError: see :func:`view_graph`.
    """
    view = view_graph(graph, mode=mode, top=top, focus=focus, depth=depth)
    net = build_network(
        view, layout_threshold=layout_threshold, seed=seed, article_pages=article_pages
    )
    data = _page_data(net, view, title)
    return _PAGE.substitute(
        title=escape(title),
        mode=escape(mode),
        node_count=len(data["nodes"]),
        edge_count=len(data["edges"]),
        vis_css=_inline(_asset("vis-network.css"), "style"),
        css=_inline(_CSS, "style"),
        data=script_json(data),
        vis_js=_inline(_asset("vis-network.min.js"), "script"),
        app_js=_inline(_JS, "script"),
    )


def write_view(graph: Graph | KnowledgeGraph, path: str | Path, **kw: Any) -> Path:
    """Write :func:`render` of ``graph`` to ``path`` atomically and return the path."""
    path = Path(path)
    write_atomic(path, render(graph, **kw))
    return path


_PAGE = string.Template("""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; \
script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:; \
form-action 'none'; base-uri 'none'">
<title>$title</title>
<style>$vis_css</style>
<style>$css</style>
</head>
<body data-mode="$mode" data-node-count="$node_count" data-edge-count="$edge_count">
<aside id="pekg-panel">
<h1 id="pekg-title">$title</h1>
<p id="pekg-status" aria-live="polite"></p>
<form id="pekg-search" role="search" autocomplete="off">
<label for="pekg-query">Find an actor</label>
<div class="pekg-row"><input id="pekg-query" type="search" list="pekg-names"
 placeholder="name or alias"><button type="submit">Find</button></div>
<datalist id="pekg-names"></datalist>
<p id="pekg-found" class="pekg-hint"></p>
</form>
<section>
<h2>Event classes</h2>
<div class="pekg-row"><button type="button" id="pekg-all">all</button>
<button type="button" id="pekg-none">none</button></div>
<div id="pekg-classes"></div>
</section>
<section>
<h2>Dates</h2>
<label class="pekg-date">from <input type="date" id="pekg-from"></label>
<label class="pekg-date">to <input type="date" id="pekg-to"></label>
<p class="pekg-hint">While a date is set, undated events are hidden.</p>
</section>
<section>
<h2>Legend</h2>
<ul id="pekg-legend" class="pekg-legend"></ul>
<ul id="pekg-edge-legend" class="pekg-legend"></ul>
<p class="pekg-hint">Size: PageRank. Click a node to highlight its neighbourhood,
empty space to restore. Hover for evidence.</p>
</section>
<section id="pekg-details" hidden>
<h2>Sources</h2>
<p id="pekg-details-name" class="pekg-hint"></p>
<ul id="pekg-sources" class="pekg-sources"></ul>
</section>
<button type="button" id="pekg-reset">Reset view</button>
</aside>
<main id="pekg-network" aria-label="relationship network"></main>
<script type="application/json" id="pekg-data">$data</script>
<script>$vis_js</script>
<script>$app_js</script>
</body>
</html>
""")

_CSS = """
html, body { margin: 0; height: 100%; font: 14px/1.4 system-ui, sans-serif; color: #222; }
body { display: flex; }
#pekg-panel { width: 290px; flex: none; overflow-y: auto; padding: 12px 14px;
  border-right: 1px solid #ddd; background: #fafafa; box-sizing: border-box; }
#pekg-network { flex: 1; height: 100vh; min-width: 0; background: #fff; }
h1 { font-size: 17px; margin: 0 0 6px; }
h2 { font-size: 13px; margin: 14px 0 6px; text-transform: uppercase; color: #555; }
.pekg-row { display: flex; gap: 6px; margin: 4px 0; }
.pekg-row input { flex: 1; min-width: 0; }
.pekg-hint { color: #666; font-size: 12px; margin: 4px 0; }
.pekg-class, .pekg-date { display: block; margin: 2px 0; cursor: pointer; }
.pekg-legend { list-style: none; padding: 0; margin: 4px 0; }
.pekg-legend li { margin: 2px 0; }
.pekg-sources { padding-left: 18px; margin: 4px 0; font-size: 13px; }
.pekg-sources li { margin: 3px 0; }
.pekg-glyph { display: inline-block; width: 1.4em; text-align: center; }
.pekg-line { display: inline-block; width: 1.4em; height: 3px; margin: 0 0.2em 0.25em 0;
  vertical-align: middle; }
#pekg-status { color: #444; margin: 0 0 8px; }
div.vis-tooltip { white-space: pre-wrap; max-width: 460px; font: 12px/1.35 system-ui, sans-serif;
  background: #fffff0; }
"""

_JS = r"""
(function () {
  "use strict";
  var GLYPHS = {dot: "●", diamond: "◆", square: "■", triangle: "▲", triangleDown: "▼",
    star: "★", hexagon: "⬢", ellipse: "⬬", box: "▬"};
  var DIM_NODE = {background: "#eeeeee", border: "#dddddd",
    highlight: {background: "#eeeeee", border: "#dddddd"},
    hover: {background: "#eeeeee", border: "#dddddd"}};
  var DIM_EDGE = {color: "#eeeeee", highlight: "#eeeeee", hover: "#eeeeee", inherit: false};
  var DIM_TEXT = "#cccccc";
  var data = JSON.parse(document.getElementById("pekg-data").textContent);
  var body = document.body;
  function el(id) { return document.getElementById(id); }
  function make(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (className) { node.className = className; }
    return node;
  }

  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  body.dataset.nodeCount = String(nodes.length);
  body.dataset.edgeCount = String(edges.length);
  var baseNodes = new Map();
  nodes.forEach(function (n) { baseNodes.set(n.id, n.color); });
  var baseEdges = new Map();
  edges.forEach(function (e) { baseEdges.set(e.id, e.color); });

  // ---- filters: event classes and a date range
  var checked = new Set(data.classes.map(function (c) { return c.name; }));
  var range = {from: "", to: ""};
  function datePasses(date) {
    if (!range.from && !range.to) { return true; }
    if (!date) { return false; }
    return (!range.from || date >= range.from) && (!range.to || date <= range.to);
  }
  function eventPasses(ev) { return checked.has(ev.cls) && datePasses(ev.date); }
  var nodeView = new vis.DataView(nodes, {filter: function (n) {
    return n.kind !== "Event" || eventPasses(n);
  }});
  var edgeView = new vis.DataView(edges, {filter: function (e) {
    return (e.events || []).some(eventPasses);
  }});

  var container = el("pekg-network");
  var network = new vis.Network(container, {nodes: nodeView, edges: edgeView}, data.options);
  window.pekg = {network: network, nodes: nodes, edges: edges, nodeView: nodeView,
    edgeView: edgeView, data: data};
  function ready() { body.dataset.ready = "true"; }
  network.once("stabilized", function () { body.dataset.stabilized = "true"; });
  network.once("afterDrawing", ready);
  if (nodes.length === 0) { ready(); }
  if (!data.options.physics.enabled) { network.fit({animation: false}); }

  function status() {
    var actors = 0, events = 0;
    nodeView.forEach(function (n) {
      if (n.kind === "Event") { events += 1; } else { actors += 1; }
    });
    var parts = [actors + " actors"];
    if (data.mode === "events") { parts.push(events + " events"); }
    parts.push(edgeView.length + (data.mode === "events" ? " roles" : " links") + " shown");
    if (data.focus) {
      var f = nodes.get(data.focus);
      parts.push("around " + (f ? f.label : data.focus));
    }
    el("pekg-status").textContent = parts.join(" · ");
    body.dataset.visibleNodes = String(nodeView.length);
    body.dataset.visibleEdges = String(edgeView.length);
  }

  // ---- neighbourhood highlight
  var highlighted = null;
  function neighbourhood(id) {
    var keep = new Set([id]);
    var keepEdges = new Set(network.getConnectedEdges(id));
    network.getConnectedNodes(id).forEach(function (n) {
      keep.add(n);
      var node = nodes.get(n);
      var item = nodes.get(id);
      // In events mode an actor's events bring their other actors along.
      if (node && node.kind === "Event" && item && item.kind !== "Event") {
        network.getConnectedNodes(n).forEach(function (m) { keep.add(m); });
        network.getConnectedEdges(n).forEach(function (e) { keepEdges.add(e); });
      }
    });
    return {nodes: keep, edges: keepEdges};
  }
  function highlight(id) {
    var near = neighbourhood(id);
    nodes.update(nodeView.getIds().map(function (n) {
      return near.nodes.has(n)
        ? {id: n, color: baseNodes.get(n), font: {color: data.textColor}}
        : {id: n, color: DIM_NODE, font: {color: DIM_TEXT}};
    }));
    edges.update(edgeView.getIds().map(function (e) {
      return near.edges.has(e)
        ? {id: e, color: baseEdges.get(e), font: {color: "#555555"}}
        : {id: e, color: DIM_EDGE, font: {color: DIM_TEXT}};
    }));
    highlighted = id;
    body.dataset.highlight = String(id);
  }
  function clearHighlight() {
    if (highlighted === null) { return; }
    nodes.update(nodes.getIds().map(function (n) {
      return {id: n, color: baseNodes.get(n), font: {color: data.textColor}};
    }));
    edges.update(edges.getIds().map(function (e) {
      return {id: e, color: baseEdges.get(e), font: {color: "#555555"}};
    }));
    highlighted = null;
    delete body.dataset.highlight;
  }
  // ---- sources of a clicked node: the articles behind it, their addresses and views
  var SAFE_PAGE = /^[A-Za-z0-9_.\/-]+\.html$/;
  var SAFE_URL = /^https?:\/\//i;
  function showSources(id) {
    var box = el("pekg-details"), list = el("pekg-sources");
    while (list.firstChild) { list.removeChild(list.firstChild); }
    var node = id === null ? null : nodes.get(id);
    if (!node || !(node.sources || []).length) { box.hidden = true; return; }
    el("pekg-details-name").textContent = node.label;
    node.sources.forEach(function (s) {
      var item = make("li", s.title);
      [[s.page, "check the facts", SAFE_PAGE], [s.url, "article", SAFE_URL]].forEach(
        function (link) {
          if (!link[0] || !link[2].test(link[0]) || /^javascript:/i.test(link[0])) { return; }
          var a = make("a", link[1]);
          a.href = link[0];
          a.rel = "noopener noreferrer";
          item.appendChild(document.createTextNode(" · "));
          item.appendChild(a);
        }
      );
      list.appendChild(item);
    });
    box.hidden = false;
  }
  network.on("click", function (params) {
    if (params.nodes.length) { highlight(params.nodes[0]); } else { clearHighlight(); }
    showSources(params.nodes.length ? params.nodes[0] : null);
  });

  function applyFilters() {
    clearHighlight();
    nodeView.refresh();
    edgeView.refresh();
    status();
  }

  // ---- controls, built from the data with textContent only
  var classBox = el("pekg-classes");
  var boxes = [];
  data.classes.forEach(function (c) {
    var label = make("label", null, "pekg-class");
    var box = document.createElement("input");
    box.type = "checkbox";
    box.checked = true;
    box.value = c.name;
    box.dataset.cls = c.name;
    box.addEventListener("change", function () {
      if (box.checked) { checked.add(c.name); } else { checked.delete(c.name); }
      applyFilters();
    });
    boxes.push(box);
    label.appendChild(box);
    if (data.mode === "events") {
      var glyph = make("span", GLYPHS[c.shape] || "●", "pekg-glyph");
      glyph.style.color = c.color;
      label.appendChild(glyph);
    }
    label.appendChild(make("span", " " + c.name + " (" + c.count + ")"));
    classBox.appendChild(label);
  });
  if (!data.classes.length) { classBox.appendChild(make("p", "No events.", "pekg-hint")); }
  function setAll(on) {
    boxes.forEach(function (box) {
      box.checked = on;
      if (on) { checked.add(box.value); } else { checked.delete(box.value); }
    });
    applyFilters();
  }
  el("pekg-all").addEventListener("click", function () { setAll(true); });
  el("pekg-none").addEventListener("click", function () { setAll(false); });

  var from = el("pekg-from"), to = el("pekg-to");
  [from, to].forEach(function (input) {
    if (data.dates.length) { input.min = data.dates[0]; input.max = data.dates[1]; }
    input.addEventListener("change", function () {
      range.from = from.value;
      range.to = to.value;
      applyFilters();
    });
  });

  var legend = el("pekg-legend");
  data.legend.forEach(function (item) {
    var li = make("li");
    var glyph = make("span", GLYPHS[item.shape] || "●", "pekg-glyph");
    glyph.style.color = item.color;
    li.append(glyph, make("span", item.name + " (" + item.count + ")"));
    legend.appendChild(li);
  });
  var edgeLegend = el("pekg-edge-legend");
  data.edgeLegend.forEach(function (item) {
    var li = make("li");
    var line = make("span", null, "pekg-line");
    line.style.backgroundColor = item.color;
    li.append(line, make("span", item.name));
    edgeLegend.appendChild(li);
  });

  // ---- search: an actor by label or alias
  var names = el("pekg-names");
  var actors = [];
  nodes.forEach(function (n) {
    if (n.kind === "Event") { return; }
    actors.push(n);
    var option = document.createElement("option");
    option.value = n.label;
    names.appendChild(option);
  });
  function findActor(query) {
    var q = query.trim().toLowerCase();
    if (!q) { return null; }
    function any(test) {
      return function (n) {
        var all = [n.label].concat(n.aliases || []);
        return all.some(function (s) { return test(s.toLowerCase()); });
      };
    }
    var tests = [
      function (n) { return n.label.toLowerCase() === q; },
      any(function (s) { return s === q; }),
      any(function (s) { return s.startsWith(q); }),
      any(function (s) { return s.includes(q); })
    ];
    for (var i = 0; i < tests.length; i += 1) {
      var hit = actors.find(tests[i]);
      if (hit) { return hit; }
    }
    return null;
  }
  el("pekg-search").addEventListener("submit", function (event) {
    event.preventDefault();
    var query = el("pekg-query").value;
    var hit = findActor(query);
    var found = el("pekg-found");
    if (!hit) {
      found.textContent = query.trim() ? "No actor matches “" + query.trim() + "”." : "";
      return;
    }
    found.textContent = "Found " + hit.label + ".";
    network.selectNodes([hit.id]);
    highlight(hit.id);
    network.focus(hit.id, {scale: 1.3, animation: {duration: 400}});
  });

  el("pekg-reset").addEventListener("click", function () {
    from.value = "";
    to.value = "";
    range.from = "";
    range.to = "";
    el("pekg-query").value = "";
    el("pekg-found").textContent = "";
    setAll(true);
    network.unselectAll();
    network.fit({animation: false});
  });

  status();
})();
"""
