"""kg.viz: the offline HTML relationship view, read back without a browser."""

from __future__ import annotations

import json
import random
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef

import kg
from kg.network import actor_graph, event_graph
from kg.viz import centrality, render, script_json, view_graph, write_view
from kg.vocab import PEK

DATA = Path(__file__).resolve().parent / "data"
SEED = DATA / "seed.golden.ttl"
HOSTILE = DATA / "hostile.ttl"
PEKR = "https://w3id.org/pekg/id/"
TRUMP = PEKR + "person/trump"
EVIL = "Evil</script><script>alert(1)</script> Corp"

#: The elements of the page template: no article text may add to them.
TEMPLATE_TAGS = {
    "html", "head", "meta", "title", "style", "body", "aside", "h1", "h2", "p", "form",
    "label", "div", "input", "button", "datalist", "section", "ul", "main", "script",
}  # fmt: skip


class Page(HTMLParser):
    """The tags, attributes and script texts of a page, as a browser's tokenizer sees them."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.titles: list[str] = []
        self._open: str | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "title"):
            self._open = tag
            if tag == "script":
                self.scripts.append((dict(attrs), ""))

    def handle_endtag(self, tag: str) -> None:
        self._open = None

    def handle_data(self, data: str) -> None:
        if self._open == "script":
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)
        elif self._open == "title":
            self.titles.append(data)

    def data(self) -> dict[str, Any]:
        """The JSON the page script reads."""
        (text,) = [t for a, t in self.scripts if a.get("id") == "pekg-data"]
        parsed: dict[str, Any] = json.loads(text)
        return parsed

    def body(self) -> dict[str, str | None]:
        return next(attrs for tag, attrs in self.tags if tag == "body")


@pytest.fixture(scope="module")
def seed() -> Graph:
    return Graph().parse(SEED)


@pytest.fixture(scope="module")
def hostile() -> Graph:
    return Graph().parse(HOSTILE)


@pytest.fixture(scope="module")
def pages(seed: Graph) -> dict[str, str]:
    return {mode: render(seed, mode=mode) for mode in ("actors", "events")}


def assert_offline(html: str) -> None:
    page = Page(html)
    for tag, attrs in page.tags:
        assert not (tag == "script" and "src" in attrs), attrs
        assert tag not in ("link", "iframe", "img", "object", "embed", "base"), (tag, attrs)
        for name in ("src", "href", "action", "data"):
            assert not (attrs.get(name) or "").startswith(("http:", "https:", "//")), attrs
    assert "@import" not in html
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", html)
    for host in ("jsdelivr", "unpkg", "cdnjs", "bootstrapcdn", "googleapis", "cloudflare"):
        assert host not in html


def assert_no_markup_from(html: str, graph: Graph) -> None:
    """The page has the template's elements only, and its three scripts."""
    page = Page(html)
    assert {tag for tag, _ in page.tags} <= TEMPLATE_TAGS
    assert len(page.scripts) == 3
    assert [a.get("type") for a, _ in page.scripts] == ["application/json", None, None]
    for _, attrs in page.tags:
        assert "onerror" not in attrs and "onload" not in attrs and "injected" not in attrs.values()
        assert not any((v or "").lower().startswith("javascript:") for v in attrs.values())


# ---- offline, self-contained -------------------------------------------------------------


@pytest.mark.parametrize("mode", ["actors", "events"])
def test_page_is_self_contained(pages: dict[str, str], mode: str) -> None:
    html = pages[mode]
    assert_offline(html)
    page = Page(html)
    assert len(page.scripts) == 3 and "vis.Network" in page.scripts[2][1]
    assert "vis-network" in page.scripts[1][1]  # the library, inline


def test_render_is_reproducible(seed: Graph, pages: dict[str, str]) -> None:
    assert render(seed) == pages["actors"]


def test_render_accepts_a_knowledge_graph(pages: dict[str, str]) -> None:
    assert render(kg.load(SEED)) == pages["actors"]


# ---- the data against the networkx views -------------------------------------------------


def test_actors_page_has_the_actor_graph(seed: Graph, pages: dict[str, str]) -> None:
    page = Page(pages["actors"])
    data, g = page.data(), actor_graph(seed)
    assert {n["id"] for n in data["nodes"]} == set(g.nodes)
    assert len(data["edges"]) == g.number_of_edges()
    assert page.body()["data-node-count"] == str(g.number_of_nodes())
    assert data["options"]["physics"]["enabled"] is True
    assert all("x" not in n for n in data["nodes"])


def test_events_page_has_the_event_graph(seed: Graph, pages: dict[str, str]) -> None:
    data, g = Page(pages["events"]).data(), event_graph(seed)
    assert {n["id"] for n in data["nodes"]} == set(g.nodes)
    assert len(data["edges"]) == g.number_of_edges()
    kinds = {n["kind"] for n in data["nodes"]}
    assert kinds == {"Person", "Country", "Organization", "Event"}


def test_actor_edges_fold_events_into_labels(pages: dict[str, str]) -> None:
    data = Page(pages["actors"]).data()
    edge = next(e for e in data["edges"] if {e["from"], e["to"]} == {TRUMP, PEKR + "country/SYR"})
    assert edge["label"] == "Attack"
    assert edge["color"]["color"] == "#E15759"  # conflict
    assert "2017-04-12 · Attack: He again defended launching 59 cruise missiles" in edge["title"]
    assert edge["events"] == [{"cls": "Attack", "date": "2017-04-12"}]
    cooperation = [e for e in data["edges"] if e["balance"] > 0]
    assert cooperation and all(e["color"]["color"] == "#59A14F" for e in cooperation)
    widths = {e["weight"]: e["width"] for e in data["edges"]}
    assert sorted(widths) == sorted(widths, key=widths.__getitem__)  # wider with more events


def test_nodes_styled_by_class_and_sized_by_pagerank(seed: Graph, pages: dict[str, str]) -> None:
    data = Page(pages["events"]).data()
    by_id = {n["id"]: n for n in data["nodes"]}
    assert by_id[TRUMP]["shape"] == "dot" and by_id[PEKR + "country/RUS"]["shape"] == "diamond"
    events = [n for n in data["nodes"] if n["kind"] == "Event"]
    styles = {(n["cls"], n["shape"], n["color"]["background"]) for n in events}
    assert len({cls for cls, _, _ in styles}) == len(styles) == 6  # one style a class
    rank = centrality(event_graph(seed))
    ordered = sorted(rank, key=rank.__getitem__)
    assert by_id[ordered[0]]["size"] <= by_id[ordered[-1]]["size"] == 40
    legend = {item["name"] for item in data["legend"]}
    assert legend == {"Person", "Country", "Organization"} | {n["cls"] for n in events}


def test_event_nodes_carry_evidence_and_roles(pages: dict[str, str]) -> None:
    data = Page(pages["events"]).data()
    vote = next(n for n in data["nodes"] if n.get("cls") == "Vote")
    assert vote["date"] == "2017-04-12"
    assert "Trump: US-Russia relations may be at ‘all-time low’" in vote["title"]
    assert "Security Council" in vote["title"]  # the evidence sentence
    roles = {e["label"] for e in data["edges"]}
    assert {"agent", "target", "participant", "voter: Veto", "voter: Abstain"} <= roles
    target = next(e for e in data["edges"] if e["label"] == "target")
    assert target["arrows"] == "to" and target["from"].startswith(PEKR + "event/")
    assert {c["name"] for c in data["classes"]} == {n["cls"] for n in data["nodes"] if "cls" in n}


# ---- top, focus, depth ---------------------------------------------------------------------


def test_top_keeps_the_most_central_actors(seed: Graph) -> None:
    rank = centrality(actor_graph(seed))
    best = sorted(rank, key=lambda n: (-rank[n], n))[:5]
    data = Page(render(seed, top=5)).data()
    linked = {n for n in best if any(m in best for m in actor_graph(seed)[n])}
    assert {n["id"] for n in data["nodes"]} == linked  # of the five, those linked to another
    assert all(e["from"] in best and e["to"] in best for e in data["edges"])


def test_top_in_events_mode_keeps_their_events(seed: Graph) -> None:
    view = view_graph(seed, mode="events", top=3)
    actors = [n for n, d in view.nodes(data=True) if d["kind"] != "Event"]
    assert len(actors) == 3
    full = event_graph(seed)
    expected = {e for e in full if full.nodes[e]["kind"] == "Event" and set(full[e]) & set(actors)}
    assert set(view) - set(actors) == expected
    assert Page(render(seed, mode="events", top=3)).body()["data-node-count"] == str(len(view))


def test_event_nodes_say_what_happened(pages: dict[str, str]) -> None:
    nodes = Page(pages["events"]).data()["nodes"]
    labels = {n["label"] for n in nodes if n.get("cls")}
    assert "Trump attacked Syria" in labels
    assert "United States accused Russia" in labels
    assert "Rex Tillerson and Vladimir Putin met" in labels
    assert "UN Security Council: China abstained, Russia vetoed" in labels
    attack = next(n for n in nodes if n.get("label") == "Trump attacked Syria")
    assert "(“launching”)" in attack["title"]  # the word that told it, in the tooltip


def test_actor_edges_point_from_the_doer_to_the_side_acted_on(pages: dict[str, str]) -> None:
    edges = Page(pages["actors"]).data()["edges"]
    syria = PEKR + "country/SYR"
    attack = next(
        e for e in edges if syria in (e["from"], e["to"]) and TRUMP in (e["from"], e["to"])
    )
    assert (attack["from"], attack["to"], attack["arrows"]) == (TRUMP, syria, "to")
    lavrov, tillerson = PEKR + "person/sergey-lavrov", PEKR + "person/rex-tillerson"
    met = next(e for e in edges if {e["from"], e["to"]} == {lavrov, tillerson})
    assert met["arrows"] == "to, from"
    voters = {PEKR + "country/CHN", PEKR + "country/RUS"}
    assert not any({e["from"], e["to"]} == voters for e in edges)  # co-voters


def test_top_draws_no_orphans() -> None:
    g = Graph()
    people = [PEKR + f"country/C{i}" for i in range(6)]
    for i, node in enumerate(people):
        g.add((URIRef(node), RDF.type, PEK.Country))
        g.add((URIRef(node), RDF.type, PEK.Actor))
        g.add((URIRef(node), RDFS.label, Literal(f"C{i}")))
    for i, (a, b) in enumerate([(0, 1), (0, 2), (0, 3), (4, 5)]):
        event = URIRef(PEKR + f"event/t/{i}")
        g.add((event, RDF.type, PEK.Event))
        g.add((event, RDF.type, PEK.Meeting))
        for side in (a, b):
            g.add((event, PEK.participant, URIRef(people[side])))
    for mode in ("actors", "events"):
        view = view_graph(g, mode=mode, top=4)  # C0..C3 and one of C4/C5: that one alone
        assert all(view.degree(n) > 0 for n in view), mode
        assert PEKR + "country/C0" in view


def test_focus_is_centred_fixed_and_marked(seed: Graph) -> None:
    data = Page(render(seed, focus="Trump")).data()
    focus = next(n for n in data["nodes"] if n["id"] == TRUMP)
    assert (focus["x"], focus["y"], focus["fixed"], focus["focus"]) == (0, 0, True, True)
    assert focus["borderWidth"] == 5 and focus["color"]["border"] == "#111111"
    assert focus["size"] == max(n["size"] for n in data["nodes"])
    others = [n for n in data["nodes"] if n["id"] != TRUMP]
    assert others and not any(n.get("focus") for n in others)


@pytest.mark.parametrize("name", ["Trump", "president trump", TRUMP])
def test_focus_by_label_alias_or_iri(seed: Graph, name: str) -> None:
    g = actor_graph(seed)
    data = Page(render(seed, focus=name)).data()
    assert {n["id"] for n in data["nodes"]} == set(nx.ego_graph(g, TRUMP, radius=1))
    assert data["focus"] == TRUMP


def test_depth_widens_the_neighbourhood(seed: Graph) -> None:
    one, two = (view_graph(seed, focus="Assad", depth=d) for d in (1, 2))
    assert set(one) < set(two)
    assert set(two) == set(nx.ego_graph(actor_graph(seed), PEKR + "person/bashar-al-assad", 2))


def test_focus_in_events_mode_counts_actor_hops(seed: Graph) -> None:
    view = view_graph(seed, mode="events", focus="Lavrov", depth=1)
    actors = {view.nodes[n]["label"] for n in view if view.nodes[n]["kind"] != "Event"}
    assert actors == {"Sergey Lavrov", "Rex Tillerson"}  # met: one actor hop
    assert {view.nodes[n]["cls"] for n in view if view.nodes[n]["kind"] == "Event"} == {"Meeting"}


def test_unknown_focus_names_close_matches(seed: Graph) -> None:
    with pytest.raises(ValueError, match=r"no actor named 'Vladimir Puttin'.*'Vladimir Putin'"):
        render(seed, focus="Vladimir Puttin")
    with pytest.raises(ValueError, match="no actor named 'zzz'$"):
        render(seed, focus="zzz")


def test_bad_arguments_are_refused(seed: Graph) -> None:
    with pytest.raises(ValueError, match="unknown mode"):
        render(seed, mode="countries")
    with pytest.raises(ValueError, match="top"):
        render(seed, top=-1)


# ---- large graphs ------------------------------------------------------------------------------


def big_graph(actors: int = 400, events: int = 700) -> Graph:
    """A synthetic graph: people meeting in random pairs (seeded)."""
    rng = random.Random(3)
    g = Graph()
    people = [URIRef(f"{PEKR}person/p{i}") for i in range(actors)]
    for i, person in enumerate(people):
        g.add((person, RDF.type, PEK.Person))
        g.add((person, RDF.type, PEK.Actor))
        g.add((person, RDFS.label, Literal(f"Person {i}")))
    for i in range(events):
        event = URIRef(f"{PEKR}event/big/{i}")
        g.add((event, RDF.type, PEK.Meeting))
        g.add((event, RDF.type, PEK.Event))
        for person in rng.sample(people, 2):
            g.add((event, PEK.participant, person))
    return g


def test_big_graph_is_laid_out_with_physics_off() -> None:
    data = Page(render(big_graph())).data()
    assert len(data["nodes"]) == 400
    assert data["options"]["physics"]["enabled"] is False
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])
    assert len({(n["x"], n["y"]) for n in data["nodes"]}) == 400


def test_layout_threshold_is_a_parameter(seed: Graph) -> None:
    data = Page(render(seed, mode="events", layout_threshold=10)).data()
    assert data["options"]["physics"]["enabled"] is False
    assert all("x" in n and "y" in n for n in data["nodes"])
    assert render(seed, layout_threshold=10) == render(seed, layout_threshold=10)


# ---- hostile text ---------------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["actors", "events"])
def test_hostile_graph_cannot_inject_markup(hostile: Graph, mode: str) -> None:
    html = render(hostile, mode=mode, title='Report </title><script>alert("t")</script>')
    assert_no_markup_from(html, hostile)
    assert_offline(html)
    page = Page(html)
    assert page.titles == ['Report </title><script>alert("t")</script>']
    assert "alert(" not in page.scripts[2][1] and "Evil" not in page.scripts[1][1]
    data_text = page.scripts[0][1]
    assert not re.search("[<>&\u2028\u2029]", data_text)
    labels = {n["label"] for n in page.data()["nodes"]}
    assert EVIL in labels and 'Dr. "Quote"\u2028</div><b id="injected">Bold</b>' in labels
    for raw in (EVIL, "</div><script>alert(5)", "<img src=x", "<svg onload", "<a href="):
        assert raw not in html


def test_hostile_article_built_from_text(tmp_path: Path) -> None:
    text = (
        "Russia accused Evil</script><script>alert(1)</script> Corp of lying on Wednesday. "
        'Russian President Vladimir Putin said the government "will answer </div>'
        '<script>alert(2)</script> with javascript:alert(1) at once" after the meeting '
        "with the United States."
    )
    built = kg.build([text], date="2017-04-12")
    for mode in ("actors", "events"):
        path = write_view(built, tmp_path / f"{mode}.html", mode=mode)
        html = path.read_text(encoding="utf-8")
        assert_no_markup_from(html, built.graph)
        assert "<script>alert" not in html and "</div><script>" not in html
        sentences = [n["title"] for n in Page(html).data()["nodes"] if n["kind"] == "Event"]
        assert mode == "actors" or any("<script>alert(2)</script>" in s for s in sentences)


def test_script_json_escapes_what_ends_a_script() -> None:
    text = script_json({"s": "</script><!--<b>&\u2028\u2029"})
    assert not re.search("[<>&\u2028\u2029]", text)
    assert json.loads(text) == {"s": "</script><!--<b>&\u2028\u2029"}


def test_write_view_writes_the_page(seed: Graph, tmp_path: Path, pages: dict[str, str]) -> None:
    path = write_view(seed, tmp_path / "deep" / "view.html", mode="events")
    assert path == tmp_path / "deep" / "view.html"
    assert path.read_text(encoding="utf-8") == pages["events"]
    assert [p.name for p in path.parent.iterdir()] == ["view.html"]
