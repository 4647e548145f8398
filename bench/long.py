"""Benchmark of extraction on long articles: time per token should not grow with length.

Each article is made of real news paragraphs (``data/train/events.jsonl``, then the
sample articles), distinct ones first, up to 1k, 4k, 16k and 64k words. spaCy parses
each once; the table gives the seconds spaCy took and the seconds extraction took
(resolution, dates, quotes, events, roles) per token, so the growth of extraction's
cost can be read beside the parse's.

Usage:
    .venv/bin/python bench/long.py                      # 1k, 4k, 16k and 64k words
    .venv/bin/python bench/long.py --sizes 1000,8000
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from report import add_out_option, write_report  # noqa: E402

from kg import nlp as kg_nlp  # noqa: E402
from kg.extract import extract_doc  # noqa: E402
from kg.model import Article  # noqa: E402


def paragraphs() -> list[str]:
    """Real news paragraphs, distinct, in a fixed order."""
    out: list[str] = []
    train = ROOT / "data" / "train" / "events.jsonl"
    if train.is_file():
        with train.open(encoding="utf-8") as handle:
            out += [json.loads(line)["text"] for line in handle if line.strip()]
    for path in sorted((ROOT / "data" / "articles").glob("*.txt")):
        out += [p for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    return list(dict.fromkeys(out))


def article_of(words: int, source: list[str]) -> str:
    """Paragraphs joined until the text has ``words`` words (repeating when it must)."""
    chosen: list[str] = []
    count = 0
    i = 0
    while count < words:
        text = source[i % len(source)]
        chosen.append(text)
        count += len(text.split())
        i += 1
    return "\n\n".join(chosen)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,4000,16000,64000", help="words per article")
    add_out_option(parser, __file__)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    nlp = kg_nlp.load()
    source = paragraphs()
    warm = article_of(500, source)
    extract_doc(nlp, Article(id="warm", text=warm), nlp(warm))  # lexicons, caches
    load = os.getloadavg()
    rows = []
    for words in sizes:
        text = article_of(words, source)
        start = time.perf_counter()
        doc = nlp(text)
        parsed = time.perf_counter() - start
        article = Article(id=f"long-{words}", text=text, date=dt.date(2016, 3, 1))
        start = time.perf_counter()
        extraction = extract_doc(nlp, article, doc)
        extracted = time.perf_counter() - start
        rows.append((words, len(doc), parsed, extracted, len(extraction.events)))
    lines = [
        "| words | tokens | parse s | extract s | parse µs/token | extract µs/token | events |",
        "|---|---|---|---|---|---|---|",
    ]
    for words, tokens, parsed, extracted, events in rows:
        lines.append(
            f"| {words:,} | {tokens:,} | {parsed:.2f} | {extracted:.2f} | "
            f"{parsed / tokens * 1e6:.1f} | {extracted / tokens * 1e6:.1f} | {events:,} |"
        )
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        growth = (last[3] / last[1]) / (first[3] / first[1])
        lines.append(
            f"\nExtraction per token at {last[0]:,} words is {growth:.2f}x that at "
            f"{first[0]:,} words; extraction / parse at {last[0]:,} words: "
            f"{last[3] / last[2]:.2f}."
        )
    write_report(
        args.out,
        "Long-article benchmark",
        [
            "Extraction time per token on single articles of growing length (see",
            "bench/long.py); one run each.",
        ],
        f"python bench/long.py --sizes {args.sizes}",
        load[0],
        "\n".join(lines),
        {
            "words": [r[0] for r in rows],
            "extract_us_per_token": [round(r[3] / r[1] * 1e6, 2) for r in rows],
            "parse_us_per_token": [round(r[2] / r[1] * 1e6, 2) for r in rows],
        },
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
