"""The article view (kg.article, ``kg show``): the text marked, every fact linked, escaped."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph

from kg import article
from kg.browser import chromium

ROOT = Path(__file__).resolve().parent.parent

TEXT = (
    "Russian troops shelled Ukrainian positions near Donetsk on Monday, killing three "
    "soldiers.\n\n"
    '"This is a war crime," Ukrainian Foreign Minister Dmytro Kuleba said on Tuesday.\n\n'
    "France condemned the attack and summoned the Russian ambassador.\n"
)
META = (
    '{"title": "Shelling near Donetsk", "date": "2022-03-02", "source": "Example Wire", '
    '"url": "https://example.org/clash"}'
)
HOSTILE = "Evil Corp<script>alert(1)</script> said on Monday that France <b>attacked</b> Mali.\n"
HOSTILE_META = '{"title": "</title><script>alert(2)</script>", "url": "javascript:alert(3)"}'


def kg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg.cli", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("articles")
    (src / "clash.txt").write_text(TEXT, encoding="utf-8")
    (src / "clash.json").write_text(META, encoding="utf-8")
    (src / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    (src / "hostile.json").write_text(HOSTILE_META, encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    done = kg("build", str(src), "-o", str(out), "--date", "2022-03-02")
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture(scope="module")
def page(build: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("page") / "clash.html"
    done = kg("show", str(build), "--article", "clash", "-o", str(path))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("facts on the whole text")
    return path


def test_the_text_is_marked_and_every_fact_links_to_where_it_was_read(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    assert '<mark class="event">shelled<span class="tag">Attack</span></mark>' in text
    assert '<mark class="Place">Donetsk<span class="tag">Place</span></mark>' in text
    assert '<span class="quote" id="t-' in text and "This is a war crime" in text
    assert "Dmytro Kuleba" in text and '<mark class="Person">' in text
    facts = re.findall(r'<li id="(f-\d+)">', text)
    assert len(facts) >= 3
    targets = set(re.findall(r'href="#([ts]-\d+)"', text))
    ids = set(re.findall(r'id="([ts]-\d+)"', text))
    assert targets and targets <= ids  # every link lands
    assert set(re.findall(r'href="#(f-\d+)"', text)) <= set(facts)  # and back
    assert "Attack: Russian military → Ukraine" in text
    assert "<dt>deaths</dt><dd>3</dd>" in text
    assert '<a href="https://example.org/clash"' in text
    assert "<script" not in text  # the page runs nothing


def test_without_the_text_the_evidence_sentences_stand_in(build: Path, tmp_path: Path) -> None:
    copy = tmp_path / "graph.ttl"
    shutil.copy(build / "graph.ttl", copy)  # no manifest beside it: the text is not found
    path = tmp_path / "page.html"
    done = kg("show", str(copy), "--article", "clash", "-o", str(path))
    assert done.returncode == 0, done.stderr
    assert "evidence sentences (text not found)" in done.stdout
    text = path.read_text(encoding="utf-8")
    assert "The article text was not found" in text
    assert " … " in text and "shelled" in text
    targets = set(re.findall(r'href="#([ts]-\d+)"', text))
    assert targets <= set(re.findall(r'id="([ts]-\d+)"', text))
    given = kg("show", str(copy), "--article", "clash", "-o", str(path), "--text", str(build))
    assert "evidence sentences" in given.stdout  # a directory with no article files


def test_a_text_that_is_not_the_built_one_is_not_used() -> None:
    g = Graph().parse(
        format="turtle",
        data="""
        @prefix pek: <https://w3id.org/pekg/ontology#> .
        @base <https://w3id.org/pekg/id/> .
        <article/a> a pek:Article ; pek:articleId "a" .
        <quote/a/1> a pek:Quote ; pek:text "Hello" ; pek:evidence <evidence/a/0-16> .
        <evidence/a/0-16> pek:article <article/a> ; pek:charStart 0 ; pek:charEnd 16 ;
            pek:sentence "\\"Hello,\\" he said" .
        """,
    )
    assert article.read_facts(g, "a", '"Hello," he said.').complete is True
    assert article.read_facts(g, "a", '"Goodbye," he said.').complete is False
    assert article.read_facts(g, "a", None).text == '"Hello," he said'


def test_unknown_article_and_bad_graph_are_one_line(build: Path, tmp_path: Path) -> None:
    missing = kg("show", str(build), "--article", "nope", "-o", str(tmp_path / "p.html"))
    assert missing.returncode == 1
    assert missing.stderr == "kg: no article 'nope' in the graph; it holds clash, hostile\n"
    broken = tmp_path / "bad.ttl"
    broken.write_text("<a> <b> .\n")
    bad = kg("show", str(broken), "--article", "x", "-o", str(tmp_path / "p.html"))
    assert bad.returncode == 1 and "bad.ttl" in bad.stderr and bad.stderr.count("\n") == 1
    assert not (tmp_path / "p.html").exists()


def test_hostile_text_and_metadata_are_escaped(build: Path, tmp_path: Path) -> None:
    path = tmp_path / "hostile.html"
    done = kg("show", str(build), "--article", "hostile", "-o", str(path))
    assert done.returncode == 0, done.stderr
    text = path.read_text(encoding="utf-8")
    assert "<script" not in text and "<b>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert 'href="javascript' not in text  # only http(s) addresses are links
    assert "Content-Security-Policy" in text


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium(viewport={"width": 1300, "height": 800}) as context:
        yield context


def test_the_page_shows_marks_and_links_in_chromium(
    browser: Any, page: Path, tmp_path: Path
) -> None:
    tab = browser.new_page()
    try:
        tab.goto(page.resolve().as_uri())
        tab.wait_for_selector("body[data-ready='true']")
        shot = tmp_path / "article.png"
        tab.screenshot(path=str(shot))
        assert shot.stat().st_size > 10_000
        for selector in ("mark.event", "mark.Person", "mark.Place", "span.quote", "li[id^=f-]"):
            box = tab.locator(selector).first.bounding_box()
            assert box and box["width"] > 0 and box["height"] > 0, selector
        assert tab.locator("mark.event .tag").first.inner_text().upper() == "ATTACK"
        link = tab.locator("li[id^=f-] a").first
        target = link.get_attribute("href")
        link.click()
        assert tab.evaluate("location.hash") == target
        assert tab.locator(str(target)).first.is_visible()
        tab.locator("a.mark").first.click()  # and from the text back to the fact
        assert tab.evaluate("location.hash").startswith("#f-")
    finally:
        tab.close()


def test_all_writes_one_page_per_article_where_the_view_links(build: Path, tmp_path: Path) -> None:
    from kg.viz import article_page

    pages = tmp_path / "articles"
    done = kg("show", str(build), "--all", "-o", str(pages))
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in pages.iterdir()) == ["clash.html", "hostile.html"]
    assert (tmp_path / article_page("articles", "clash")).is_file()
    assert done.stdout.count("wrote ") == 2


def test_each_report_of_one_happening_shows_it(tmp_path: Path) -> None:
    from test_happenings import WIRE_A, WIRE_B, write

    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    write(src, "a", WIRE_A)
    write(src, "b", WIRE_B)
    assert kg("build", str(src), "-o", str(out)).returncode == 0
    pages = {}
    for name in ("a", "b"):
        path = tmp_path / f"{name}.html"
        done = kg("show", str(out), "--article", name, "-o", str(path))
        assert done.returncode == 0, done.stderr
        pages[name] = path.read_text(encoding="utf-8")
    assert kg("show", str(out), "--all", "-o", str(tmp_path / "all")).returncode == 0
    for name in ("a", "b"):
        for text in (pages[name], (tmp_path / "all" / f"{name}.html").read_text(encoding="utf-8")):
            assert "Events (2)" in text, name  # the meeting and the attack, on both pages
            assert '<mark class="event">shelled' in text
