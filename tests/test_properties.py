"""Properties of whole builds on hostile input, checked with hypothesis.

Each example writes real input files (a ``.txt`` with its ``.json`` sidecar, or a
``.jsonl`` line) next to one good article and builds them the way ``kg build``
does. Whatever the input, the build either describes the article or skips it with
a one-line message: it never raises, the good article is always in the graph, and
the graph file parses in rdflib and in pyoxigraph and conforms to the shapes.

The examples are bounded and derandomised (the ``pekg`` profile below) so that a
run takes seconds and fails the same way on every machine.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyoxigraph
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from rdflib import RDF, Graph, URIRef

from kg.cli import main as kg_main
from kg.corpus import CorpusResult, build_corpus
from kg.mint import BASE
from kg.read import iter_articles, slug
from kg.validate import validate
from kg.vocab import PEK

settings.register_profile(
    "pekg",
    max_examples=15,
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=False,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
PROFILE = settings.get_profile("pekg")

GOOD_ID = "a-good"
GOOD_TEXT = "Russia accused China of lying on Monday.\n"
GOOD_META = {"id": GOOD_ID, "title": "Accusations", "date": "2017-04-12", "source": "Reuters"}
GOOD_IRI = URIRef(f"{BASE}article/{GOOD_ID}")
#: The sentence every hostile article starts with, so that it has events to describe.
SENTENCE = "Russia accused China of lying on Monday."
HOSTILE_STEM = "b-hostile"

#: Characters that break lines, quoting or markup somewhere along the way.
HOSTILE_CHARS = [
    "\u2028",
    "\u2029",
    "\u0085",
    "\x0b",
    "\x0c",
    "\x1c",
    "\x1d",
    "\x1e",
    "\r",
    "\n",
    "\t",
    '"',
    "\\",
    "'",
    "<",
    ">",
    "{",
    "}",
    "&",
    "\ufeff",
    "\u200b",
    "\x7f",
]
#: Lone surrogates: valid in a JSON string escape, not encodable as UTF-8.
SURROGATES = ["\ud800", "\udbff", "\udc00", "\udfff"]
HOSTILE_NAMES = [
    "<script>alert(1)</script>",
    '"',
    ">",
    "{}",
    "a\nb\\",
    'a\nb\\"',
    '\\"',
    "x" * 5000,
    "\u2028",
    "Путин",
    "🇺🇸" * 50,
]

hostile_text = st.one_of(
    st.sampled_from(HOSTILE_NAMES),
    st.text(alphabet=st.one_of(st.sampled_from(HOSTILE_CHARS), st.characters()), max_size=24),
)
surrogate_text = st.builds(
    lambda a, s, b: a + s + b, hostile_text, st.sampled_from(SURROGATES), hostile_text
)

EXTREME_DATES = [
    dt.date.min,
    dt.date.min + dt.timedelta(days=1),
    dt.date.min + dt.timedelta(days=6),
    dt.date(1, 12, 31),
    dt.date(2, 1, 1),
    dt.date.max,
    dt.date.max - dt.timedelta(days=1),
    dt.date.max - dt.timedelta(days=6),
    dt.date(9999, 1, 1),
    dt.date(9998, 12, 31),
]
dates = st.one_of(st.sampled_from(EXTREME_DATES), st.dates())
#: Ways a date is written in metadata: as a day, or as a datetime with a time zone.
DATE_SUFFIXES = ["", "T00:00:00+14:00", "T23:59:59-12:00", "T12:00:00Z"]
date_values = st.builds(lambda d, s: d.isoformat() + s, dates, st.sampled_from(DATE_SUFFIXES))
#: Time expressions resolved against the publication date.
TIME_PHRASES = [
    "on Monday",
    "on Sunday",
    "yesterday",
    "tomorrow",
    "last week",
    "next week",
    "last year",
    "next year",
    "last month",
    "next month",
    "two days ago",
    "in three days",
    "on 1 January",
    "on December 31",
    "in 2017",
    "next Friday",
    "last Saturday",
]


def metadata(values: st.SearchStrategy[str]) -> st.SearchStrategy[dict[str, str]]:
    """Sidecar or ``.jsonl`` metadata: any of the fields, with ``values`` as strings."""
    fields = {name: values for name in ("id", "title", "source", "url")}
    return st.fixed_dictionaries({}, optional={**fields, "date": date_values})


@st.composite
def hostile_articles(draw: st.DrawFn, surrogates: bool = False) -> dict[str, Any]:
    """An article with random Unicode in its text and metadata, and how it is written.

    With ``surrogates``, a lone surrogate is put in the text or one metadata field.
    """
    text = SENTENCE + " " + draw(hostile_text)
    meta = draw(metadata(hostile_text))
    if surrogates:
        where = draw(st.sampled_from(["text", "id", "title", "source", "url"]))
        if where == "text":
            text = SENTENCE + " " + draw(surrogate_text)
        else:
            meta[where] = draw(surrogate_text)
    return {
        "text": text,
        "meta": meta,
        "form": draw(st.sampled_from(["txt", "jsonl"])),
        "ascii": draw(st.booleans()),
    }


# --------------------------------------------------------------------------- helpers


def _encode(text: str) -> bytes:
    """Text as UTF-8; a lone surrogate is written as its (invalid) UTF-8 bytes."""
    return text.encode("utf-8", errors="surrogatepass")


def write_good(root: Path) -> None:
    """The good article every build must keep: a ``.txt`` with its sidecar."""
    (root / f"{GOOD_ID}.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (root / f"{GOOD_ID}.json").write_text(json.dumps(GOOD_META), encoding="utf-8")


def write_article(root: Path, article: dict[str, Any]) -> str:
    """Write a hostile article as real input files; return the name of the article file."""
    meta, ascii_ = article["meta"], article["ascii"]
    if article["form"] == "txt":
        (root / f"{HOSTILE_STEM}.txt").write_bytes(_encode(article["text"]))
        if meta:
            sidecar = json.dumps(meta, ensure_ascii=ascii_)
            (root / f"{HOSTILE_STEM}.json").write_bytes(_encode(sidecar))
        return f"{HOSTILE_STEM}.txt"
    record = {"text": article["text"], **meta}
    line = json.dumps(record, ensure_ascii=ascii_)
    (root / f"{HOSTILE_STEM}.jsonl").write_bytes(_encode(line) + b"\n")
    return f"{HOSTILE_STEM}.jsonl"


@contextlib.contextmanager
def corpus(article: dict[str, Any] | None) -> Iterator[tuple[Path, Path, str | None]]:
    """A fresh input directory (the good article, and ``article``) and output directory."""
    with tempfile.TemporaryDirectory(prefix="pekg-prop-") as tmp:
        root, out = Path(tmp, "in"), Path(tmp, "out")
        root.mkdir()
        write_good(root)
        name = write_article(root, article) if article is not None else None
        yield root, out, name


def build(root: Path, out: Path, fmt: str = "ttl", default: dt.date | None = None) -> CorpusResult:
    """Build a directory the way ``kg build DIR -o OUT --workers 1`` does."""
    return build_corpus(iter_articles([root], default_date=default), out, fmt=fmt, workers=1)


RDFLIB_FORMAT = {"ttl": "turtle", "nt": "nt"}
OXIGRAPH_FORMAT = {"ttl": pyoxigraph.RdfFormat.TURTLE, "nt": pyoxigraph.RdfFormat.N_TRIPLES}


def check_graph_file(path: Path, fmt: str) -> Graph:
    """Parse a graph file with rdflib and with pyoxigraph; both must read the same triples."""
    assert path.is_file(), f"no graph file {path}"
    graph = Graph().parse(path, format=RDFLIB_FORMAT[fmt])
    store = pyoxigraph.Store()
    store.load(path=str(path), format=OXIGRAPH_FORMAT[fmt])
    assert len(store) == len(graph), "rdflib and pyoxigraph read different graphs"
    return graph


def check_build(result: CorpusResult, out: Path, name: str | None, fmt: str = "ttl") -> Graph:
    """The build's promises: a sound graph with the good article; the other built or skipped."""
    for problem in result.problems:
        assert len(problem.splitlines()) == 1, f"a skip message of several lines: {problem!r}"
        assert GOOD_ID not in problem, f"the good article was skipped: {problem}"
    assert result.path == out / f"graph.{fmt}"
    graph = check_graph_file(result.path, fmt)
    report = validate(graph)
    assert report.conforms, str(report)
    articles = set(graph.subjects(RDF.type, PEK.Article))
    assert GOOD_IRI in articles, "the good article is missing from the graph"
    if name is not None:
        skipped = [p for p in result.problems if HOSTILE_STEM in p]
        assert len(articles) == 2 or skipped, f"{name} neither built nor reported as skipped"
        assert len(articles) + len(skipped) == 2, "an article both built and skipped"
    return graph


# --------------------------------------------------------------------------- properties


@settings(PROFILE, max_examples=20)
@given(hostile_articles())
@example({"text": SENTENCE, "meta": {"title": 'a\nb\\"'}, "form": "txt", "ascii": True})
@example({"text": SENTENCE, "meta": {"title": 'a\nb\\"'}, "form": "jsonl", "ascii": False})
@example({"text": SENTENCE + ' "\\', "meta": {}, "form": "jsonl", "ascii": True})
@example({"text": SENTENCE + "\u2028x", "meta": {"id": "\u2028"}, "form": "jsonl", "ascii": False})
@example({"text": SENTENCE, "meta": {"id": "x" * 5000}, "form": "txt", "ascii": True})
@example({"text": SENTENCE, "meta": {"source": "<script>"}, "form": "txt", "ascii": True})
def test_a_hostile_article_is_built_or_skipped(article: dict[str, Any]) -> None:
    with corpus(article) as (root, out, name):
        check_build(build(root, out), out, name)


@settings(PROFILE, max_examples=15)
@given(hostile_articles(surrogates=True))
@example({"text": SENTENCE, "meta": {"title": "\ud800"}, "form": "jsonl", "ascii": True})
@example({"text": SENTENCE + " \ud800", "meta": {}, "form": "jsonl", "ascii": True})
@example({"text": SENTENCE, "meta": {"id": "\udfff"}, "form": "txt", "ascii": True})
def test_a_lone_surrogate_is_built_or_skipped(article: dict[str, Any]) -> None:
    with corpus(article) as (root, out, name):
        check_build(build(root, out), out, name)


@settings(PROFILE, max_examples=20)
@given(
    date=dates,
    suffix=st.sampled_from(DATE_SUFFIXES),
    phrase=st.sampled_from(TIME_PHRASES),
    form=st.sampled_from(["txt", "jsonl"]),
)
@example(date=dt.date.min, suffix="", phrase="last week", form="txt")
@example(date=dt.date.min, suffix="", phrase="on Monday", form="jsonl")
@example(date=dt.date.max, suffix="", phrase="next year", form="txt")
@example(date=dt.date.max, suffix="", phrase="tomorrow", form="jsonl")
def test_extreme_publication_dates(date: dt.date, suffix: str, phrase: str, form: str) -> None:
    text = f"Russia accused China of lying {phrase}. Iran met Iraq {phrase}."
    article = {"text": text, "meta": {"date": date.isoformat() + suffix}, "form": form}
    with corpus({**article, "ascii": True}) as (root, out, name):
        graph = check_build(build(root, out), out, name)
        assert len(set(graph.subjects(RDF.type, PEK.Article))) == 2


@settings(PROFILE, max_examples=15)
@given(date=dates, phrase=st.sampled_from(TIME_PHRASES))
@example(date=dt.date.min, phrase="yesterday")
@example(date=dt.date.max, phrase="tomorrow")
def test_extreme_default_date_on_the_command_line(date: dt.date, phrase: str) -> None:
    article = {"text": f"Russia accused China of lying {phrase}.", "meta": {}, "form": "txt"}
    stdout, stderr = io.StringIO(), io.StringIO()
    with corpus({**article, "ascii": True}) as (root, out, name):
        argv = ["build", str(root), "-o", str(out), "--workers", "1", "--date", date.isoformat()]
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            status = kg_main(argv)
        assert "Traceback" not in stderr.getvalue()
        assert status == 0, stderr.getvalue()
        graph = check_graph_file(out / "graph.ttl", "ttl")
        assert validate(graph).conforms
        hostile = URIRef(f"{BASE}article/{slug(HOSTILE_STEM)}")
        assert {GOOD_IRI, hostile} <= set(graph.subjects(RDF.type, PEK.Article))


@settings(PROFILE, max_examples=20)
@given(hostile_articles())
@example({"text": SENTENCE, "meta": {"title": "a\u2028b"}, "form": "jsonl", "ascii": False})
@example({"text": SENTENCE + "\x1c\x1d\x1e", "meta": {}, "form": "jsonl", "ascii": True})
@example({"text": SENTENCE, "meta": {"title": "a\x85b\x0bc\x0cd"}, "form": "txt", "ascii": True})
def test_n_triples_output_is_one_triple_a_line(article: dict[str, Any]) -> None:
    with corpus(article) as (root, out, name):
        result = build(root, out, fmt="nt")
        check_build(result, out, name, fmt="nt")
        data = result.path.read_bytes().decode("utf-8")
        assert data.endswith("\n")
        for line in data[:-1].split("\n"):
            assert line.endswith(" ."), f"not a whole triple: {line!r}"
            assert len(list(pyoxigraph.parse(line, pyoxigraph.RdfFormat.N_TRIPLES))) == 1


@settings(PROFILE, max_examples=10)
@given(hostile_articles(), st.sampled_from(["ttl", "nt"]))
@example({"text": SENTENCE, "meta": {"title": 'a\nb\\"'}, "form": "txt", "ascii": True}, "ttl")
@example({"text": SENTENCE + "\u2028", "meta": {}, "form": "jsonl", "ascii": False}, "nt")
def test_rebuild_from_the_manifest_is_identical(article: dict[str, Any], fmt: str) -> None:
    with corpus(article) as (root, out, name):
        first = build(root, out, fmt=fmt)
        check_build(first, out, name, fmt=fmt)
        written = first.path.read_bytes()
        again = build(root, out, fmt=fmt)
        assert again.built == 0, "an unchanged article was parsed again"
        assert again.path.read_bytes() == written
        first.path.unlink()
        rebuilt = build(root, out, fmt=fmt)
        assert rebuilt.built == 0
        assert rebuilt.path.read_bytes() == written, "the manifest does not reproduce the file"
        check_graph_file(rebuilt.path, fmt)
