"""kg.viz pages in a real headless Chromium (kg.browser): drawn, offline, filterable, safe.

These tests need the system's Chromium (``make install`` puts it there); without it they
fail with kg.browser's message, they do not skip.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV

from kg import browser as browser_module
from kg.browser import chromium, find_chromium, screenshot
from kg.network import actor_graph, event_graph
from kg.viz import write_view

DATA = Path(__file__).resolve().parent / "data"
PEKR = "https://w3id.org/pekg/id/"
PUTIN = PEKR + "person/vladimir-putin"
EVIL = "Evil</script><script>alert(1)</script> Corp"

#: Pixels of the network canvas that are drawn (not transparent, not white).
DRAWN_PIXELS = """() => {
  const canvas = document.querySelector("#pekg-network canvas");
  const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
  let drawn = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (data[i + 3] > 0 && (data[i] < 250 || data[i + 1] < 250 || data[i + 2] < 250)) drawn++;
  }
  return {width: canvas.width, height: canvas.height, drawn: drawn};
}"""

#: Classes of the event nodes the network draws now (network.body.nodeIndices).
VISIBLE_EVENT_CLASSES = """() => pekg.network.body.nodeIndices
  .map((id) => pekg.nodes.get(id)).filter((n) => n.kind === "Event").map((n) => n.cls)"""

#: Event classes of the edges the network draws now.
VISIBLE_EDGE_CLASSES = """() => pekg.network.body.edgeIndices
  .map((id) => pekg.edges.get(id).events.map((e) => e.cls))"""


@dataclass
class Visit:
    """A page opened in the browser, with everything it tried that it should not have."""

    page: Any
    outside: list[str] = field(default_factory=list)  # requests not for file: or data:
    errors: list[str] = field(default_factory=list)  # console errors and page errors
    dialogs: list[str] = field(default_factory=list)

    def js(self, script: str, arg: Any = None) -> Any:
        return self.page.evaluate(script, arg)

    def node_point(self, node: str) -> tuple[float, float]:
        """Where on the screen the node is drawn."""
        return tuple(
            self.js(
                """(id) => {
                  const p = pekg.network.canvasToDOM(pekg.network.getPosition(id));
                  const box = document.getElementById("pekg-network").getBoundingClientRect();
                  return [box.left + p.x, box.top + p.y];
                }""",
                node,
            )
        )

    def settled_point(self, node: str, timeout: float = 10.0) -> tuple[float, float]:
        """Where the node is drawn once the view has stopped moving (a focus animates it)."""
        import time

        deadline = time.monotonic() + timeout
        point = self.node_point(node)
        while time.monotonic() < deadline:
            self.page.wait_for_timeout(150)
            again = self.node_point(node)
            if all(abs(a - b) < 0.5 for a, b in zip(point, again, strict=True)):
                return again
            point = again
        return point

    def empty_point(self) -> tuple[float, float]:
        """A point of the canvas with no node and no edge under it."""
        return tuple(
            self.js(
                """() => {
                  const box = document.getElementById("pekg-network").getBoundingClientRect();
                  for (let x = 10; x < box.width; x += 25) {
                    for (let y = 10; y < box.height; y += 25) {
                      const p = {x: x, y: y};
                      if (pekg.network.getNodeAt(p) === undefined
                          && pekg.network.getEdgeAt(p) === undefined) {
                        return [box.left + x, box.top + y];
                      }
                    }
                  }
                  return null;
                }"""
            )
        )


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium(viewport={"width": 1400, "height": 900}) as context:
        yield context


@pytest.fixture(scope="module")
def seed() -> Graph:
    return Graph().parse(DATA / "seed.golden.ttl")


@pytest.fixture(scope="module")
def views(tmp_path_factory: pytest.TempPathFactory, seed: Graph) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("views")
    hostile = Graph().parse(DATA / "hostile.ttl")
    return {
        "actors": write_view(seed, out / "actors.html"),
        "events": write_view(seed, out / "events.html", mode="events"),
        "hostile-actors": write_view(hostile, out / "hostile-actors.html"),
        "hostile-events": write_view(hostile, out / "hostile-events.html", mode="events"),
    }


@pytest.fixture
def visit(browser: Any) -> Iterator[Any]:
    opened: list[Visit] = []

    def open_view(path: Path) -> Visit:
        page = browser.new_page()
        seen = Visit(page)

        def route(route: Any) -> None:
            if route.request.url.startswith(("file:", "data:")):
                route.continue_()
            else:
                seen.outside.append(route.request.url)
                route.abort()

        def dialog(d: Any) -> None:
            seen.dialogs.append(d.message)
            d.dismiss()

        page.route("**/*", route)
        page.on(
            "request", lambda r: r.url.startswith(("file:", "data:")) or seen.outside.append(r.url)
        )
        page.on("console", lambda m: m.type == "error" and seen.errors.append(m.text))
        page.on("pageerror", lambda err: seen.errors.append(str(err)))
        page.on("dialog", dialog)
        page.goto(path.as_uri())
        try:
            page.wait_for_selector("body[data-ready='true']", timeout=30_000)
        except Exception as err:
            raise AssertionError(f"{path.name} never became ready; errors: {seen.errors}") from err
        opened.append(seen)
        return seen

    yield open_view
    for seen in opened:
        seen.page.close()


# ---- finding Chromium ---------------------------------------------------------------------------


def fake_browser(path: Path) -> Path:
    path.write_text("#!/bin/sh\n", encoding="utf-8")
    path.chmod(0o755)
    return path


def test_find_chromium_prefers_pekg_chromium(tmp_path: Path) -> None:
    chosen = fake_browser(tmp_path / "my-chromium")
    assert find_chromium({"PEKG_CHROMIUM": str(chosen)}) == str(chosen)
    with pytest.raises(RuntimeError, match="PEKG_CHROMIUM=.* is not an executable file"):
        find_chromium({"PEKG_CHROMIUM": str(tmp_path / "missing")})


def test_find_chromium_looks_on_the_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(browser_module, "CANDIDATES", ("/no/such/chromium", "chromium-browser"))
    found = fake_browser(tmp_path / "chromium-browser")
    assert find_chromium({"PATH": str(tmp_path)}) == str(found)


def test_missing_chromium_says_how_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(browser_module, "CANDIDATES", ("/no/such/chromium", "chromium"))
    with pytest.raises(RuntimeError, match="apt-get install -y chromium.*PEKG_CHROMIUM"):
        find_chromium({"PATH": str(tmp_path)})


# ---- drawn, offline, complete ------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["actors", "events"])
def test_seed_view_is_drawn_offline(
    visit: Any, views: dict[str, Path], seed: Graph, mode: str
) -> None:
    seen = visit(views[mode])
    assert seen.errors == []
    assert seen.outside == []
    canvas = seen.js(DRAWN_PIXELS)
    assert canvas["width"] > 0 and canvas["height"] > 0
    assert canvas["drawn"] > 2000, canvas
    g = actor_graph(seed) if mode == "actors" else event_graph(seed)
    assert seen.js("pekg.nodes.length") == g.number_of_nodes()
    assert seen.js("pekg.edges.length") == g.number_of_edges()
    assert seen.js("pekg.network.body.nodeIndices.length") == g.number_of_nodes()
    assert seen.js("document.body.dataset.nodeCount") == str(g.number_of_nodes())


# ---- filters -----------------------------------------------------------------------------------


def test_class_filter_hides_event_nodes_of_other_classes(
    visit: Any, views: dict[str, Path]
) -> None:
    seen = visit(views["events"])
    classes = seen.js("pekg.data.classes.map((c) => c.name)")
    assert len(classes) == 6 and "Meeting" in classes
    for cls in classes:
        if cls != "Meeting":
            seen.page.click(f"#pekg-classes input[data-cls='{cls}']")
    shown = seen.js(VISIBLE_EVENT_CLASSES)
    assert shown == ["Meeting"] * 3
    assert seen.js("pekg.nodeView.get().filter((n) => n.kind === 'Event').length") == 3
    assert all(c == ["Meeting"] for c in seen.js(VISIBLE_EDGE_CLASSES))
    assert seen.js("pekg.network.body.nodeIndices.length") == 15 + 3  # actors stay
    seen.page.click("#pekg-classes input[data-cls='Meeting']")
    assert seen.js(VISIBLE_EVENT_CLASSES) == []
    seen.page.click("#pekg-all")
    assert len(seen.js(VISIBLE_EVENT_CLASSES)) == 13
    assert seen.errors == []


def test_class_filter_hides_actor_edges_with_no_event_left(
    visit: Any, views: dict[str, Path]
) -> None:
    seen = visit(views["actors"])
    seen.page.click("#pekg-none")
    assert seen.js(VISIBLE_EDGE_CLASSES) == []
    seen.page.click("#pekg-classes input[data-cls='Vote']")
    shown = seen.js(VISIBLE_EDGE_CLASSES)
    assert shown and all("Vote" in classes for classes in shown)
    assert seen.js("pekg.network.body.nodeIndices.length") == 15


def test_date_range_filters_events(visit: Any, views: dict[str, Path]) -> None:
    seen = visit(views["events"])
    seen.page.fill("#pekg-from", "2017-04-01")
    seen.page.fill("#pekg-to", "2017-04-05")
    dates = seen.js(
        """() => pekg.network.body.nodeIndices.map((id) => pekg.nodes.get(id))
             .filter((n) => n.kind === "Event").map((n) => n.date)"""
    )
    assert dates == ["2017-04-04"]
    seen.page.click("#pekg-reset")
    assert len(seen.js(VISIBLE_EVENT_CLASSES)) == 13


# ---- search and highlight -----------------------------------------------------------------------


def test_search_focuses_and_click_highlights(
    visit: Any, views: dict[str, Path], seed: Graph
) -> None:
    seen = visit(views["actors"])
    seen.page.fill("#pekg-query", "putin")
    seen.page.press("#pekg-query", "Enter")
    assert seen.js("document.body.dataset.highlight") == PUTIN
    assert seen.js("pekg.network.getSelectedNodes()") == [PUTIN]
    assert seen.page.text_content("#pekg-found") == "Found Vladimir Putin."
    neighbours = set(actor_graph(seed)[PUTIN]) | {PUTIN}
    dimmed = {n["id"] for n in seen.js("pekg.nodes.get()") if n["color"]["background"] == "#eeeeee"}
    assert dimmed == set(actor_graph(seed)) - neighbours

    seen.page.mouse.click(*seen.empty_point())
    assert seen.js("document.body.dataset.highlight") is None
    assert all(n["color"]["background"] != "#eeeeee" for n in seen.js("pekg.nodes.get()"))

    trump = PEKR + "person/trump"
    seen.page.mouse.click(*seen.settled_point(trump))
    assert seen.js("document.body.dataset.highlight") == trump
    seen.page.fill("#pekg-query", "nobody at all")
    seen.page.press("#pekg-query", "Enter")
    assert seen.page.text_content("#pekg-found") == "No actor matches “nobody at all”."
    assert seen.errors == []


# ---- hostile article --------------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["actors", "events"])
def test_hostile_article_cannot_inject(visit: Any, views: dict[str, Path], mode: str) -> None:
    seen = visit(views[f"hostile-{mode}"])
    assert seen.dialogs == []
    assert seen.errors == []
    assert seen.outside == []  # an injected <img src=x> would have asked for x
    injected = "img, svg, a, b, iframe, object, embed, #injected, [onerror], [onload]"
    assert seen.js(f"document.querySelectorAll({injected!r}).length") == 0
    assert seen.js("document.scripts.length") == 3
    assert seen.js("pekg.nodes.get().map((n) => n.label)").count(EVIL) == 1
    assert EVIL in seen.js("Array.from(document.querySelectorAll('option'), (o) => o.value)")

    evil = PEKR + "org/evil"
    seen.page.mouse.move(*seen.settled_point(evil))
    tooltip = seen.page.wait_for_selector("div.vis-tooltip", state="visible")
    assert EVIL in tooltip.text_content()
    # Text, not markup: innerText turns the newlines into <br>, and nothing else is an element.
    tags = tooltip.evaluate("(t) => Array.from(t.querySelectorAll('*'), (e) => e.tagName)")
    assert set(tags) == {"BR"}

    seen.page.fill("#pekg-query", "evil")
    seen.page.press("#pekg-query", "Enter")
    assert seen.page.text_content("#pekg-found") == f"Found {EVIL}."
    assert seen.js("document.querySelectorAll('#pekg-panel script, #pekg-panel b').length") == 0
    assert seen.dialogs == [] and seen.errors == []


def test_screenshot_waits_for_the_drawing(views: dict[str, Path], tmp_path: Path) -> None:
    # Its own thread: the module's browser holds this thread's Playwright loop.
    with ThreadPoolExecutor(1) as pool:
        shot = pool.submit(screenshot, views["actors"], tmp_path / "shots" / "a.png", 800, 600)
        png = shot.result(timeout=120)
    data = png.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert int.from_bytes(data[16:20], "big") == 800 and int.from_bytes(data[20:24], "big") == 600


# ---- sources of a node: the article view and the article's address ----------------------------


def test_a_clicked_node_lists_its_articles_with_links(visit: Any, tmp_path: Path) -> None:
    seed_graph = Graph().parse(DATA / "seed.golden.ttl")
    article = URIRef(PEKR + "article/2017-04-12-trump-us-russia-relations")
    seed_graph.add((article, PROV.atLocation, Literal("https://example.org/news/1")))
    page = write_view(seed_graph, tmp_path / "view.html", mode="events", article_pages="articles")
    seen = visit(page)
    attack = seen.js(
        "() => pekg.nodes.get().filter((n) => n.kind === 'Event' && n.cls === 'Attack')"
        ".map((n) => n.id)"
    )
    assert attack
    assert seen.js("document.getElementById('pekg-details').hidden") is True
    seen.page.mouse.click(*seen.settled_point(attack[0]))
    assert seen.js("document.getElementById('pekg-details').hidden") is False
    links = seen.js(
        "() => [...document.querySelectorAll('#pekg-sources a')]"
        ".map((a) => [a.textContent, a.getAttribute('href')])"
    )
    assert ["check the facts", "articles/2017-04-12-trump-us-russia-relations.html"] in links
    assert ["article", "https://example.org/news/1"] in links
    assert "Trump: US-Russia relations" in seen.page.text_content("#pekg-sources")
    seen.page.mouse.click(*seen.empty_point())
    assert seen.js("document.getElementById('pekg-details').hidden") is True
    assert seen.errors == [] and seen.outside == []


def test_unsafe_article_addresses_are_never_links(visit: Any, tmp_path: Path) -> None:
    seed_graph = Graph().parse(DATA / "seed.golden.ttl")
    article = URIRef(PEKR + "article/2017-04-12-trump-us-russia-relations")
    seed_graph.add((article, PROV.atLocation, Literal("javascript:alert(1)")))
    page = write_view(seed_graph, tmp_path / "view.html")
    seen = visit(page)
    trump = PEKR + "person/trump"
    seen.page.mouse.click(*seen.settled_point(trump))
    hrefs = seen.js("() => [...document.querySelectorAll('#pekg-sources a')].map((a) => a.href)")
    assert not any(h.startswith("javascript") for h in hrefs)
    assert seen.page.text_content("#pekg-sources")  # the headline is still listed
    assert seen.dialogs == [] and seen.errors == []


# ---- a view of many actors stays readable -------------------------------------------------------


def _many_actors(n: int) -> Graph:
    from rdflib import RDF, RDFS

    from kg.vocab import PEK

    g = Graph()
    kinds = (PEK.Country, PEK.Person, PEK.Organization)
    nodes = []
    for i in range(n):
        node = URIRef(PEKR + f"country/X{i:02d}")
        g.add((node, RDF.type, kinds[i % 3]))
        g.add((node, RDF.type, PEK.Actor))
        g.add((node, RDFS.label, Literal(f"Actor number {i}")))
        nodes.append(node)
    for j in range(2 * n):
        event = URIRef(PEKR + f"event/t/{j}")
        a, b = nodes[j % n], nodes[(j * 7 + 3) % n]
        if a == b:
            continue
        g.add((event, RDF.type, PEK.Event))
        g.add((event, RDF.type, (PEK.Meeting, PEK.Attack, PEK.Support)[j % 3]))
        g.add((event, PEK.agent, a))
        g.add((event, PEK.target, b))
    return g


def test_sixty_actors_keep_readable_labels_and_the_legend_in_the_window(
    visit: Any, tmp_path: Path
) -> None:
    from kg.viz import label_size

    page = write_view(_many_actors(60), tmp_path / "many.html")
    seen = visit(page)
    seen.page.wait_for_timeout(1500)  # the fit after stabilisation
    on_screen = seen.js("pekg.network.getScale()") * label_size(60)
    assert on_screen >= 11, on_screen  # label pixels as drawn
    height = seen.js("window.innerHeight")
    for selector in ("#pekg-legend", "#pekg-edge-legend", "#pekg-reset"):
        box = seen.page.locator(selector).bounding_box()
        assert box and 0 <= box["y"] and box["y"] + box["height"] <= height, selector
    shot = tmp_path / "many.png"
    seen.page.screenshot(path=str(shot))
    assert shot.stat().st_size > 20_000
    assert seen.errors == []
