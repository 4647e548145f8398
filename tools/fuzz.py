"""Robustness check of ``kg build`` on hostile input, through the real command line.

Run with ``make fuzz`` (or ``.venv/bin/python tools/fuzz.py``). From a seed it
generates hostile articles: line and paragraph separators, control characters,
lone surrogates, quotes and backslashes in titles, texts and ids; extreme and
malformed dates in sidecars, ``.jsonl`` lines and ``--date``; huge single
sentences, 100,000 quotation marks, flag emoji by the hundred kilobytes, binary
junk, invalid UTF-8, empty files, duplicate ids, malformed sidecars,
``"text": null``, over-long lines, hostile file names and HTML pages. They are
mixed with good articles (short news sentences, each with its own id) into several
corpora, and each corpus is checked:

- ``kg build CORPUS -o OUT --workers 1`` ends within the time limit (else a hang),
  without a traceback on stderr;
- ``OUT/graph.ttl`` parses in rdflib and in pyoxigraph, and ``kg validate`` accepts it;
- every good article's IRI is in the graph;
- a second ``kg build`` of the same corpus, and one after deleting the graph file,
  write the same bytes (unless an article near ``--article-timeout`` was skipped by
  one build and not by the other, which is noted but not counted);
- ``kg query OUT/graph.ttl accusations --engine oxigraph`` succeeds.

It prints a table of failures by corpus and check, writes each failure (with the
input that causes it, when a few smaller builds can tell, and the first line of
stderr) to ``OUT/details.txt``, and exits with status 1 when any count is not zero.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph
from rdflib import RDF, Graph, URIRef

ROOT = Path(__file__).resolve().parent.parent
#: IRI of an article, as :func:`kg.mint.article_iri` mints it.
ARTICLE_IRI = "https://w3id.org/pekg/id/article/{}"

CHECKS = (
    ("traceback", "tracebacks"),
    ("hang", "hangs"),
    ("rdflib", "unparseable (rdflib)"),
    ("oxigraph", "unparseable (pyoxigraph)"),
    ("shacl", "SHACL failures"),
    ("lost", "good articles lost"),
    ("rebuild", "rebuilds not identical"),
    ("query", "queries failed"),
)

# --------------------------------------------------------------------------- inputs

COUNTRIES = [
    "Russia",
    "China",
    "France",
    "Germany",
    "Japan",
    "India",
    "Brazil",
    "Kenya",
    "Egypt",
    "Turkey",
    "Iran",
    "Israel",
    "Canada",
    "Mexico",
    "Nigeria",
    "Poland",
    "Ukraine",
    "Spain",
    "Italy",
    "Australia",
]
CITIES = ["Paris", "Beijing", "Nairobi", "Geneva", "Cairo", "Ottawa", "Madrid", "Rome"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
TEMPLATES = [
    "{a} accused {b} of violating the ceasefire on {day}.",
    "{a} and {b} met in {city} on {day} to discuss trade.",
    "The foreign minister of {a} met his counterpart from {b} in {city} on {day}.",
    "{a} condemned {b} for the missile test on {day}.",
    "{a} accused {b} of spying, officials said on {day}.",
    "Leaders of {a} and {b} met in {city} on {day}.",
]
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
    "\u202e",
    "\x7f",
    "\x01",
]
SURROGATES = ["\ud800", "\udbff", "\udc00", "\udfff"]
HOSTILE_NAMES = [
    "<script>alert(1)</script>",
    '"',
    ">",
    "{}",
    'a\nb\\"',
    '\\"',
    "\\",
    "x\\",
    '"""',
    "'''",
    "\u2028",
    "Путин",
    "🇺🇸🇷🇺",
    "' OR 1=1 --",
    "${jndi:ldap://127.0.0.1/a}",
    "../../etc/passwd",
    "]]><!--",
    "_:b0",
    "<http://example.org/x>",
]
EXTREME_DATES = [
    "0001-01-01",
    "0001-01-02",
    "0001-01-07",
    "0001-12-31",
    "9999-12-31",
    "9999-12-30",
    "9999-12-25",
    "9999-01-01",
    "0001-01-01T00:00:00+14:00",
    "9999-12-31T23:59:59-12:00",
    "9999-12-31T23:59:59Z",
]
BAD_DATES = [
    "0000-01-01",
    "10000-01-01",
    "-0001-01-01",
    "2017-02-30",
    "2017-13-01",
    "2017-04-12T25:00:00",
    "12/04/2017",
    "",
    " ",
    "2017-04-12\n",
    "２０１７-０４-１２",
]
TIME_PHRASES = [
    "on Monday",
    "yesterday",
    "tomorrow",
    "last week",
    "next week",
    "last year",
    "next year",
    "two days ago",
    "on 1 January",
    "on December 31",
    "next Friday",
    "last month",
]
#: How ``kg build`` reports an article skipped for ``--article-timeout``.
TIME_LIMIT = "took longer than"
#: ``--date`` given to the corpora in turn (the first gets none).
CLI_DATES = [None, "0001-01-01", "9999-12-31", "0001-01-02", "9999-12-30", "2020-03-11"]
WORDS = (
    "the talks officials government said would on and in with of troops minister "
    "accused met visited condemned that they its over after before while against"
).split()


@dataclass
class Item:
    """One generated input: the files it is written as, and its article id when good.

    Attributes:
        name: A name for reports (``x-0042-huge-sentence``).
        files: File name (inside the corpus directory) to bytes.
        good: The id of a good article, whose IRI must be in the graph.
        heavy: Whether it is expensive to parse (spread one or two to a corpus).
    """

    name: str
    files: dict[str, bytes]
    good: str | None = None
    heavy: bool = False


def _json(obj: object, rng: random.Random) -> bytes:
    """JSON as UTF-8, escaped to ASCII or not at random; lone surrogates stay escaped."""
    text = json.dumps(obj, ensure_ascii=rng.random() < 0.5)
    return text.encode("utf-8", errors="backslashreplace")


def _hostile(rng: random.Random, surrogates: bool = False, size: int = 24) -> str:
    """A short string of line breakers, quotes, markup and random code points."""
    if rng.random() < 0.3:
        return rng.choice(HOSTILE_NAMES)
    out = []
    for _ in range(rng.randint(1, size)):
        r = rng.random()
        if r < 0.5:
            out.append(rng.choice(HOSTILE_CHARS))
        elif r < 0.6 and surrogates:
            out.append(rng.choice(SURROGATES))
        elif r < 0.8:
            out.append(chr(rng.randint(0x20, 0x7E)))
        else:
            cp = rng.randint(0xA0, 0x10FFFF)
            out.append(chr(cp) if not 0xD800 <= cp <= 0xDFFF else "?")
    return "".join(out)


def _sentence(rng: random.Random) -> str:
    a, b = rng.sample(COUNTRIES, 2)
    return rng.choice(TEMPLATES).format(a=a, b=b, city=rng.choice(CITIES), day=rng.choice(DAYS))


def _txt(stem: str, text: bytes, meta: bytes | None = None) -> dict[str, bytes]:
    files = {f"{stem}.txt": text}
    if meta is not None:
        files[f"{stem}.json"] = meta
    return files


def _k_hostile_metadata(rng: random.Random, stem: str) -> Item:
    meta = {k: _hostile(rng) for k in ("title", "source", "url", "id") if rng.random() < 0.7}
    text = _sentence(rng).encode()
    if rng.random() < 0.5:
        return Item(stem, _txt(stem, text, _json(meta, rng)))
    return Item(stem, {f"{stem}.jsonl": _json({"text": text.decode(), **meta}, rng) + b"\n"})


def _k_hostile_text(rng: random.Random, stem: str) -> Item:
    words = _sentence(rng).split()
    for _ in range(rng.randint(1, 6)):
        words.insert(rng.randint(0, len(words)), _hostile(rng))
    text = " ".join(words)
    if rng.random() < 0.5:
        return Item(stem, _txt(stem, text.encode()))
    return Item(stem, {f"{stem}.jsonl": _json({"text": text, "id": stem}, rng) + b"\n"})


def _k_backslash_quote(rng: random.Random, stem: str) -> Item:
    value = rng.choice(['a\nb\\"', 'x\\"', "\\", 'line\nbreak "quoted\\"', '\\"\n\\"'])
    field_ = rng.choice(["title", "source", "id", "url"])
    text = _sentence(rng) + rng.choice(["", ' He said "no\\"', " \\", ' "'])
    meta = {field_: value, "date": "2020-03-11"}
    if rng.random() < 0.5:
        return Item(stem, _txt(stem, text.encode(), _json(meta, rng)))
    return Item(stem, {f"{stem}.jsonl": _json({"text": text, **meta}, rng) + b"\n"})


def _k_surrogate(rng: random.Random, stem: str) -> Item:
    field_ = rng.choice(["text", "title", "source", "id", "url"])
    value = _hostile(rng) + rng.choice(SURROGATES) + _hostile(rng)
    record = {"text": _sentence(rng), "id": stem, field_: value}
    if field_ == "text":
        record["text"] = _sentence(rng) + " " + value
    if rng.random() < 0.7:  # the escape "\ud800" is valid JSON
        line = json.dumps(record).encode()
        return Item(stem, {f"{stem}.jsonl": line + b"\n"})
    meta = {k: v for k, v in record.items() if k != "text"}
    return Item(stem, _txt(stem, record["text"].encode("utf-8", "surrogatepass"), _json(meta, rng)))


def _k_extreme_date(rng: random.Random, stem: str) -> Item:
    phrase = rng.choice(TIME_PHRASES)
    text = f"{rng.choice(COUNTRIES)} accused {rng.choice(COUNTRIES)} of lying {phrase}."
    meta = {"date": rng.choice(EXTREME_DATES)}
    if rng.random() < 0.5:
        return Item(stem, _txt(stem, text.encode(), _json(meta, rng)))
    return Item(stem, {f"{stem}.jsonl": _json({"text": text, **meta}, rng) + b"\n"})


def _k_undated(rng: random.Random, stem: str) -> Item:
    """No date at all: the corpus's ``--date`` (extreme, for most corpora) applies."""
    phrase = rng.choice(TIME_PHRASES)
    text = f"{rng.choice(COUNTRIES)} met {rng.choice(COUNTRIES)} {phrase}."
    return Item(stem, _txt(stem, text.encode()))


def _k_bad_date(rng: random.Random, stem: str) -> Item:
    meta: dict[str, object] = {"date": rng.choice(BAD_DATES)}
    if rng.random() < 0.2:
        meta["date"] = rng.choice([20170412, None, ["2017-04-12"], {"y": 2017}])
    text = _sentence(rng)
    if rng.random() < 0.5:
        return Item(stem, _txt(stem, text.encode(), _json(meta, rng)))
    return Item(stem, {f"{stem}.jsonl": _json({"text": text, **meta}, rng) + b"\n"})


def _k_huge_sentence(rng: random.Random, stem: str) -> Item:
    size = rng.randint(50_000, 100_000)
    words: list[str] = []
    n = 0
    while n < size:
        word = rng.choice(WORDS + COUNTRIES)
        words.append(word)
        n += len(word) + 1
    return Item(stem, _txt(stem, " ".join(words).encode()), heavy=True)


def _k_quotes(rng: random.Random, stem: str) -> Item:
    text = _sentence(rng) + " " + '"' * 100_000 + rng.choice(["", " end.", "\n"])
    return Item(stem, _txt(stem, text.encode()), heavy=True)


def _k_flags(rng: random.Random, stem: str) -> Item:
    flags = ["🇺🇸", "🇷🇺", "🇨🇳", "🇫🇷", "🇩🇪", "🇺🇦", "🇮🇱"]
    body = "".join(rng.choice(flags) for _ in range(180_000 // 8))
    text = _sentence(rng) + " " + body
    if rng.random() < 0.5:
        return Item(stem, _txt(stem, text.encode()), heavy=True)
    return Item(stem, {f"{stem}.jsonl": _json({"text": text}, rng) + b"\n"}, heavy=True)


def _k_binary(rng: random.Random, stem: str) -> Item:
    junk = bytes(rng.randrange(256) for _ in range(rng.randint(1, 4000)))
    suffix = rng.choice([".txt", ".jsonl", ".html"])
    return Item(stem, {f"{stem}{suffix}": junk})


def _k_invalid_utf8(rng: random.Random, stem: str) -> Item:
    bad = rng.choice([b"\xff", b"\xc3\x28", b"\xe2\x82", b"\xed\xa0\x80", b"\xc0\xaf", b"\x80"])
    text = _sentence(rng).encode()
    cut = rng.randint(0, len(text))
    data = text[:cut] + bad + text[cut:]
    kind = rng.random()
    if kind < 0.4:
        return Item(stem, _txt(stem, data))
    if kind < 0.7:
        return Item(stem, _txt(stem, text, b'{"title": "' + bad + b'"}'))
    line = b'{"text": "' + data + b'"}\n'
    return Item(stem, {f"{stem}.jsonl": line})


def _k_empty(rng: random.Random, stem: str) -> Item:
    options = [
        {f"{stem}.txt": b""},
        {f"{stem}.txt": b" \n\t\n"},
        {f"{stem}.txt": b"\xef\xbb\xbf"},
        {f"{stem}.jsonl": b""},
        {f"{stem}.jsonl": b"\n\n\n"},
        {f"{stem}.html": b""},
        {f"{stem}.html": b"<html><body></body></html>"},
        _txt(stem, b"", b"{}"),
        {f"{stem}.jsonl": b'{"text": ""}\n{"text": "   "}\n'},
    ]
    return Item(stem, rng.choice(options))


def _k_duplicate_id(rng: random.Random, stem: str, taken: list[str]) -> Item:
    twin = rng.choice(taken) if taken else "good-000"
    meta = {"id": twin}
    text = _sentence(rng)
    if rng.random() < 0.5:
        return Item(stem, _txt(stem, text.encode(), _json(meta, rng)))
    lines = _json({"text": text, **meta}, rng) + b"\n" + _json({"text": text, **meta}, rng)
    return Item(stem, {f"{stem}.jsonl": lines + b"\n"})


def _k_bad_sidecar(rng: random.Random, stem: str) -> Item:
    sidecar = rng.choice(
        [
            b'{"title": "unterminated',
            b"[1, 2, 3]",
            b"42",
            b"null",
            b'{"id": 5}',
            b'{"title": ["a", "b"]}',
            b'{"date": {"y": 2017}}',
            b"\xef\xbb\xbf{}",
            b'{"title": "a"} trailing',
            b"{'title': 'single'}",
            b'{"title": "a", "title": "b"}',
            b"",
            b"\x00\x01\x02",
            b'{"title": NaN}',
            b"{" * 5000 + b"}" * 5000,
        ]
    )
    return Item(stem, _txt(stem, _sentence(rng).encode(), sidecar))


def _k_bad_record(rng: random.Random, stem: str) -> Item:
    line = rng.choice(
        [
            b'{"text": null}',
            b'{"text": 5}',
            b'{"text": ["Russia met China."]}',
            b'{"title": "no text"}',
            b"[]",
            b'"just a string"',
            b"{",
            b'{"text": "Russia met China.", "title": 7}',
            b'{"text": "Russia met China.", "id": null}',
            b"[" * 10_000 + b"]" * 10_000,
            b'{"text": "Russia met China."}{"text": "again"}',
        ]
    )
    good_line = _json({"text": _sentence(rng), "id": f"{stem}-ok"}, rng)
    return Item(stem, {f"{stem}.jsonl": line + b"\n" + good_line + b"\n"})


def _k_long_metadata(rng: random.Random, stem: str) -> Item:
    """Over-long lines that are cheap to parse: a huge title or id, a 10,000-character id."""
    big = rng.choice(["title", "id", "source", "url"])
    size = rng.choice([10_000, 200_000, 1_000_000])
    record = {"text": _sentence(rng), big: "T" * size}
    if rng.random() < 0.5:
        return Item(stem, {f"{stem}.jsonl": _json(record, rng) + b"\n"})
    meta = {k: v for k, v in record.items() if k != "text"}
    return Item(stem, _txt(stem, record["text"].encode(), _json(meta, rng)))


def _k_oversized_line(rng: random.Random, stem: str) -> Item:
    """A ``.jsonl`` line over the 10 MB limit, and a ``.txt`` of long lines of prose."""
    if rng.random() < 0.5:
        line = b'{"text": "' + b"Russia met China. " * (10_600_000 // 18) + b'"}\n'
        return Item(stem, {f"{stem}.jsonl": line}, heavy=True)
    text = " ".join(_sentence(rng) for _ in range(800))  # about 40 KB on one line
    return Item(stem, _txt(stem, text.encode()), heavy=True)


def _k_hostile_filename(rng: random.Random, stem: str) -> Item:
    odd = rng.choice(["<script>", '"q"', "{}", ">", "a b", "\\", "'", "tab\t", "x" * 200])
    name = f"{stem}-{odd}"
    return Item(stem, _txt(name, _sentence(rng).encode()))


def _k_html(rng: random.Random, stem: str) -> Item:
    title = _hostile(rng).replace("<", "&lt;")
    date = rng.choice(EXTREME_DATES + BAD_DATES)
    page = (
        f"<html><head><title>{title}</title>"
        f'<meta property="article:published_time" content="{date}">'
        f"<script>alert(1)</script></head><body><article><h1>{title}</h1>"
        f"<p>{_sentence(rng)}</p><p>{_sentence(rng)}</p></article></body></html>"
    )
    return Item(stem, {f"{stem}.html": page.encode("utf-8", errors="backslashreplace")})


def _k_line_endings(rng: random.Random, stem: str) -> Item:
    sep = rng.choice(["\r\n", "\r", "\u2028", "\u2029", "\x85", "\x0c", "\x0b", "\x1e"])
    text = sep.join(_sentence(rng) for _ in range(3))
    data = ("\ufeff" if rng.random() < 0.5 else "") + text
    return Item(
        stem, _txt(stem, data.encode(), "\ufeff{}".encode() if rng.random() < 0.3 else None)
    )


def _k_controls(rng: random.Random, stem: str) -> Item:
    controls = "".join(chr(c) for c in range(1, 32) if c != 10) + "\x7f"
    words = _sentence(rng).split()
    text = " ".join(w + "".join(rng.sample(controls, 2)) for w in words)
    return Item(stem, {f"{stem}.jsonl": _json({"text": text, "title": controls}, rng) + b"\n"})


def _k_not_english(rng: random.Random, stem: str) -> Item:
    text = rng.choice(
        [
            "Der Minister sagte am Montag, die Gespräche mit den Rebellen gingen weiter. " * 4,
            "Министр заявил в понедельник, что переговоры продолжатся. " * 5,
            "Le ministre a déclaré lundi que les négociations avec les rebelles continueraient. "
            * 4,
        ]
    )
    return Item(stem, _txt(stem, text.encode()))


Kind = Callable[[random.Random, str], Item]
CHEAP_KINDS: list[tuple[str, Kind]] = [
    ("metadata", _k_hostile_metadata),
    ("text", _k_hostile_text),
    ("backslash-quote", _k_backslash_quote),
    ("surrogate", _k_surrogate),
    ("extreme-date", _k_extreme_date),
    ("undated", _k_undated),
    ("bad-date", _k_bad_date),
    ("binary", _k_binary),
    ("invalid-utf8", _k_invalid_utf8),
    ("empty", _k_empty),
    ("bad-sidecar", _k_bad_sidecar),
    ("bad-record", _k_bad_record),
    ("long-metadata", _k_long_metadata),
    ("filename", _k_hostile_filename),
    ("html", _k_html),
    ("line-endings", _k_line_endings),
    ("controls", _k_controls),
    ("not-english", _k_not_english),
]
HEAVY_KINDS: list[tuple[str, Kind]] = [
    ("huge-sentence", _k_huge_sentence),
    ("quotes", _k_quotes),
    ("flags", _k_flags),
    ("oversized-line", _k_oversized_line),
]


def good_articles(rng: random.Random, n: int) -> list[Item]:
    """Plain news sentences, each with its own id: two in three a ``.txt``, else a line."""
    items = []
    for k in range(n):
        article_id = f"good-{k:03d}"
        text = _sentence(rng) + " " + _sentence(rng)
        meta = {"id": article_id, "title": f"Report {k}", "date": "2020-03-11", "source": "Reuters"}
        stem = f"g-{k:03d}"
        if k % 3 == 2:
            line = json.dumps({"text": text, **meta}).encode() + b"\n"
            items.append(Item(stem, {f"{stem}.jsonl": line}, good=article_id))
        else:
            files = _txt(stem, text.encode(), json.dumps(meta).encode())
            items.append(Item(stem, files, good=article_id))
    return items


def hostile_articles(rng: random.Random, n: int, goods: list[str]) -> list[Item]:
    """``n`` hostile inputs: every cheap kind in turn, and a few heavy ones."""
    taken: list[str] = list(goods)

    def duplicate(r: random.Random, stem: str) -> Item:
        return _k_duplicate_id(r, stem, taken)

    heavy_each = max(1, n // 120)
    plan: list[tuple[str, Kind]] = [kind for kind in HEAVY_KINDS for _ in range(heavy_each)]
    while len(plan) < n:
        if len(plan) % 20 == 19:
            plan.append(("duplicate-id", duplicate))
        else:
            plan.append(CHEAP_KINDS[len(plan) % len(CHEAP_KINDS)])
    items = []
    for k, (label, kind) in enumerate(plan[:n]):
        item = kind(rng, f"x-{k:04d}-{label}")
        taken.append(item.name)
        items.append(item)
    return items


def corpora(items: list[Item], goods: list[Item], size: int) -> list[list[Item]]:
    """Split hostile items into corpora of about ``size``, heavy ones spread out, goods dealt."""
    n = max(1, math.ceil(len(items) / size))
    out: list[list[Item]] = [[] for _ in range(n)]
    heavy = [i for i in items if i.heavy]
    light = [i for i in items if not i.heavy]
    for k, item in enumerate(heavy):
        out[k % n].append(item)
    for k, item in enumerate(light):
        out[(k + len(heavy)) % n].append(item)
    for k, item in enumerate(goods):
        out[k % n].append(item)
    return out


def write_corpus(items: Iterable[Item], directory: Path) -> None:
    """Write every item's files into a fresh ``directory``."""
    if directory.exists():
        shutil.rmtree(directory)
    directory.mkdir(parents=True)
    for item in items:
        for name, data in item.files.items():
            (directory / name).write_bytes(data)


# --------------------------------------------------------------------------- running


@dataclass
class Run:
    """The outcome of one command."""

    status: int | None  # None: killed at the time limit
    stdout: str
    stderr: str
    seconds: float

    @property
    def hung(self) -> bool:
        return self.status is None

    @property
    def traceback(self) -> bool:
        return "Traceback" in self.stderr

    def first_line(self) -> str:
        for text in (self.stderr, self.stdout):
            lines = [line for line in text.splitlines() if line.strip()]
            if "Traceback" in text:
                lines = [line for line in lines if not line.startswith(" ")] or lines
                return lines[-1][:300]
            if lines:
                return lines[0][:300]
        return ""


def run(args: list[str], timeout: float) -> Run:
    """Run a command in its own process group; kill the group at the time limit."""
    start = time.monotonic()
    proc = subprocess.Popen(
        args,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        env={**os.environ, "CI": "1"},
    )
    try:
        out, err = proc.communicate(timeout=timeout)
        status: int | None = proc.returncode
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        status = None
    text = (out.decode("utf-8", "replace"), err.decode("utf-8", "replace"))
    return Run(status, *text, time.monotonic() - start)


@dataclass
class Failure:
    """One failed check of one corpus."""

    corpus: str
    check: str
    detail: str
    inputs: list[str] = field(default_factory=list)


@dataclass
class Outcome:
    """What happened to one corpus."""

    name: str
    articles: int
    goods: int
    built: str = "?"
    skipped: str = "?"
    seconds: float = 0.0
    failures: list[Failure] = field(default_factory=list)
    notes: list[Failure] = field(default_factory=list)

    def count(self, check: str) -> int:
        return sum(1 for f in self.failures if f.check == check)


class Checker:
    """Builds a corpus with the real ``kg`` and checks what it promises."""

    def __init__(self, kg: str, timeout: float) -> None:
        self.kg = kg
        self.timeout = timeout

    def build(self, corpus: Path, out: Path, date: str | None, timeout: float) -> Run:
        args = [self.kg, "build", str(corpus), "-o", str(out), "--workers", "1"]
        if date:
            args += ["--date", date]
        return run(args, timeout)

    def parse(self, path: Path) -> tuple[set[str] | None, str, set[str] | None, str]:
        """Article IRIs of a graph as rdflib and as pyoxigraph read it, or their errors."""
        rdf_articles: set[str] | None = None
        ox_articles: set[str] | None = None
        rdf_error = ox_error = ""
        try:
            graph = Graph().parse(path, format="turtle")
            kind = URIRef("https://w3id.org/pekg/ontology#Article")
            rdf_articles = {str(s) for s in graph.subjects(RDF.type, kind)}
        except Exception as err:  # any parser failure is a finding
            rdf_error = f"{type(err).__name__}: {err}".splitlines()[0][:300]
        try:
            rdf_type = pyoxigraph.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
            article = pyoxigraph.NamedNode("https://w3id.org/pekg/ontology#Article")
            quads = pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)
            ox_articles = {
                q.subject.value for q in quads if q.predicate == rdf_type and q.object == article
            }
        except Exception as err:
            ox_error = f"{type(err).__name__}: {err}".splitlines()[0][:300]
        return rdf_articles, rdf_error, ox_articles, ox_error

    def check(
        self,
        name: str,
        items: list[Item],
        work: Path,
        date: str | None,
        only: str | None = None,
    ) -> Outcome:
        """Every check on one corpus (or the checks up to ``only``).

        Failures name every hostile input of the corpus; :func:`narrow` cuts them down.
        """
        corpus, out = work / "in", work / "out"
        write_corpus(items, corpus)
        if out.exists():
            shutil.rmtree(out)
        goods = [i for i in items if i.good]
        outcome = Outcome(name, len(items), len(goods))
        names = [i.name for i in items if not i.good]

        def fail(check: str, detail: str) -> None:
            outcome.failures.append(Failure(name, check, detail, names))

        first = self.build(corpus, out, date, self.timeout)
        (work / "build-1.log").write_text(first.stdout + first.stderr, encoding="utf-8")
        outcome.seconds = first.seconds
        if first.hung:
            fail("hang", f"kg build killed after {self.timeout:.0f} s")
            return outcome
        if first.traceback:
            fail("traceback", first.first_line())
        for line in first.stdout.splitlines():
            if line.startswith("articles:"):
                parts = line.split(",")
                outcome.built = parts[0].split()[1]
                outcome.skipped = next((p.split()[0] for p in parts if "skipped" in p), "?")
        graph = out / "graph.ttl"
        if only in ("traceback", "hang"):
            return outcome
        if not graph.is_file():
            for item in goods:
                fail("lost", f"{item.good}: no graph written ({first.first_line()})")
            return outcome
        rdf_articles, rdf_error, ox_articles, ox_error = self.parse(graph)
        if rdf_error:
            fail("rdflib", rdf_error)
        if ox_error:
            fail("oxigraph", ox_error)
        found = rdf_articles if rdf_articles is not None else ox_articles
        text = None if found is not None else graph.read_text(encoding="utf-8", errors="replace")
        for item in goods:
            iri = ARTICLE_IRI.format(item.good)
            present = iri in found if found is not None else f"<{iri}>" in (text or "")
            if not present:
                outcome.failures.append(
                    Failure(name, "lost", f"{iri} not in the graph", [item.name])
                )
        if only in ("rdflib", "oxigraph", "lost"):
            return outcome
        validate = run([self.kg, "validate", str(graph)], self.timeout)
        if validate.hung or validate.status != 0:
            lines = [line.strip() for line in validate.stdout.splitlines()[1:2]]
            fail("shacl", (lines[0] if lines else validate.first_line()) or "kg validate failed")
        if only == "shacl":
            return outcome
        query = run(
            [self.kg, "query", str(graph), "accusations", "--engine", "oxigraph"], self.timeout
        )
        if query.hung or query.status != 0:
            fail("query", query.first_line() or f"exit status {query.status}")
        written = graph.read_bytes()
        again = self.build(corpus, out, date, self.timeout)
        (work / "build-2.log").write_text(again.stdout + again.stderr, encoding="utf-8")
        if self._same(outcome, items, first, again, graph, written, "a second build"):
            graph.unlink()
            third = self.build(corpus, out, date, self.timeout)
            (work / "build-3.log").write_text(third.stdout + third.stderr, encoding="utf-8")
            self._same(outcome, items, first, third, graph, written, "a build without the graph")
        return outcome

    def _same(
        self,
        outcome: Outcome,
        items: list[Item],
        first: Run,
        again: Run,
        graph: Path,
        written: bytes,
        what: str,
    ) -> bool:
        """Whether a rebuild wrote ``written`` again; records a failure (or a note) if not.

        An article near ``--article-timeout`` may be skipped by one build and built by
        the next, as the machine's load varies: the README does not promise those the
        same, so such a difference is a note, not a failure.
        """
        if not again.hung and again.status == 0 and graph.is_file():
            if graph.read_bytes() == written:
                return True
        changed = _skips(first) ^ _skips(again)
        culprits = [i.name for i in items if any(i.name in line for line in changed)]
        summary = next((x for x in again.stdout.splitlines() if x.startswith("articles:")), "")
        detail = f"{what} wrote a different file ({summary or again.first_line()})"
        if changed and all(TIME_LIMIT in line for line in changed):
            outcome.notes.append(Failure(outcome.name, "timing", detail, culprits))
            return False
        hostile = [i.name for i in items if not i.good]
        outcome.failures.append(Failure(outcome.name, "rebuild", detail, culprits or hostile))
        return False


def _skips(build: Run) -> set[str]:
    """The skip messages of a build's summary."""
    return {line for line in build.stdout.splitlines() if line.startswith("skipped:")}


def _still_fails(
    checker: Checker, check: str, items: list[Item], work: Path, date: str | None
) -> bool:
    """Whether a smaller corpus (with the good articles) still fails ``check``."""
    outcome = checker.check("probe", items, work, date, only=check)
    return outcome.count(check) > 0


def narrow(
    checker: Checker,
    failure: Failure,
    items: list[Item],
    work: Path,
    date: str | None,
    deadline: float,
) -> None:
    """Halve the hostile inputs of a failing corpus while the failure stays (time permitting)."""
    goods = [i for i in items if i.good]
    suspects = [i for i in items if not i.good and i.name in failure.inputs]
    while len(suspects) > 1 and time.monotonic() < deadline:
        half = len(suspects) // 2
        for part in (suspects[:half], suspects[half:]):
            if time.monotonic() >= deadline:
                break
            if _still_fails(checker, failure.check, part + goods, work, date):
                suspects = part
                break
        else:
            break  # neither half alone: inputs that fail together
    failure.inputs = [i.name for i in suspects]


# --------------------------------------------------------------------------- report


def table(outcomes: list[Outcome]) -> str:
    """The counts as an aligned table: one row a corpus, then the totals."""
    head = ["corpus", "inputs", "built", "skipped", *(k for k, _ in CHECKS), "seconds"]
    rows = []
    for o in outcomes:
        counts = [str(o.count(k)) for k, _ in CHECKS]
        rows.append([o.name, str(o.articles), o.built, o.skipped, *counts, f"{o.seconds:.0f}"])
    totals = [str(sum(o.count(k) for o in outcomes)) for k, _ in CHECKS]
    rows.append(["total", str(sum(o.articles for o in outcomes)), "", "", *totals, ""])
    widths = [max(len(r[c]) for r in [head, *rows]) for c in range(len(head))]

    def line(cells: list[str]) -> str:
        return "  ".join(
            c.rjust(w) if k else c.ljust(w)
            for k, (c, w) in enumerate(zip(cells, widths, strict=True))
        )

    out = [line(head), line(["-" * w for w in widths])]
    out += [line(r) for r in rows]
    out.append("")
    out += [f"{label:<26} {sum(o.count(k) for o in outcomes)}" for k, label in CHECKS]
    return "\n".join(out)


def details(outcomes: list[Outcome]) -> str:
    """Every failure: corpus, check, inputs, first line of output."""
    lines = []
    for o in outcomes:
        for f in o.failures + o.notes:
            shown = ", ".join(f.inputs[:8]) + (
                f" (+{len(f.inputs) - 8} more)" if len(f.inputs) > 8 else ""
            )
            lines.append(f"{f.corpus}\t{f.check}\t{shown}\t{f.detail}")
    return "\n".join(lines) + ("\n" if lines else "")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--articles", type=int, default=320, metavar="N", help="hostile articles (320)")
    p.add_argument("--seed", type=int, default=0, metavar="S", help="random seed (0)")
    p.add_argument("--out", default=str(ROOT / "out" / "fuzz"), metavar="DIR", help="work dir")
    p.add_argument("--size", type=int, default=60, metavar="N", help="hostile articles a corpus")
    p.add_argument(
        "--goods", type=int, default=20, metavar="N", help="good articles (at least 3 a corpus)"
    )
    p.add_argument("--timeout", type=float, default=240, metavar="S", help="limit of one command")
    p.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1), help="corpora at once")
    p.add_argument(
        "--narrow-seconds",
        type=float,
        default=120,
        metavar="S",
        help="time to spend finding the inputs behind failures (0: none)",
    )
    p.add_argument("--kg", default=str(Path(sys.executable).with_name("kg")), help="kg command")
    args = p.parse_args(argv)

    rng = random.Random(args.seed)
    n_corpora = max(1, math.ceil(args.articles / args.size))
    goods = good_articles(rng, max(args.goods, 3 * n_corpora))
    hostile = hostile_articles(rng, args.articles, [g.good or "" for g in goods])
    groups = corpora(hostile, goods, args.size)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for sub in ("corpora", "probes"):
        shutil.rmtree(out / sub, ignore_errors=True)
    checker = Checker(args.kg, args.timeout)
    start = time.monotonic()
    print(
        f"{len(hostile)} hostile and {len(goods)} good articles in {len(groups)} corpora "
        f"(seed {args.seed}, {args.jobs} at once, {args.timeout:.0f} s a command)",
        flush=True,
    )

    def one(k: int) -> Outcome:
        name = f"c{k:02d}"
        date = CLI_DATES[k % len(CLI_DATES)]
        outcome = checker.check(name, groups[k], out / "corpora" / name, date)
        print(
            f"  {name}: {len(outcome.failures)} failures in {outcome.seconds:.0f} s"
            + (f" (--date {date})" if date else ""),
            flush=True,
        )
        return outcome

    with ThreadPoolExecutor(max(1, args.jobs)) as pool:
        outcomes = list(pool.map(one, range(len(groups))))

    deadline = time.monotonic() + args.narrow_seconds
    for k, outcome in enumerate(outcomes):
        date = CLI_DATES[k % len(CLI_DATES)]
        for failure in outcome.failures:
            whole = len(failure.inputs) == outcome.articles - outcome.goods
            if failure.check in ("hang", "lost") or not whole or time.monotonic() >= deadline:
                continue
            narrow(checker, failure, groups[k], out / "probes" / outcome.name, date, deadline)

    report = table(outcomes)
    print()
    print(report)
    (out / "details.txt").write_text(details(outcomes), encoding="utf-8")
    (out / "table.txt").write_text(report + "\n", encoding="utf-8")
    total = sum(len(o.failures) for o in outcomes)
    notes = sum(len(o.notes) for o in outcomes)
    if notes:
        print(
            f"\n{notes} rebuilds differed only by articles near --article-timeout "
            "(not counted: see 'timing' in the details)"
        )
    print(
        f"\n{total} failures in {time.monotonic() - start:.0f} s; details in {out / 'details.txt'}"
    )
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
