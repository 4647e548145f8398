"""Where a build's time goes: the per-stage split of one single-process corpus build.

The build is the real one (:func:`kg.corpus.build_corpus`, one worker, in this
process) on the corpus of bench/build.py. Each stage's entry point is wrapped in a
timer for the run, so the split costs no profiler overhead:

- nlp: spaCy parsing (``parse_together``: the corpus has no article long enough to be
  parsed alone);
- resolve: actor, role and mention resolution (``kg.resolve.resolve``);
- extract: the rest of extraction (events, quotes, dates, dictionaries);
- emit: extraction records into triples (``kg.emit.emit_sets``);
- serialise: triples into N-Triples and Turtle text (per article);
- manifest: storing each batch's output in the manifest (SQLite, compressed);
- write: the graph file written from the manifest, person merge included;
- other: reading and hashing articles, the model load, counting, bookkeeping.

Usage:
    .venv/bin/python bench/stages.py                 # 150k words
    .venv/bin/python bench/stages.py --words 30000   # quicker
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from build import write_corpus  # noqa: E402
from report import add_out_option, write_report  # noqa: E402

from kg import corpus, emit, extract, read  # noqa: E402

STAGES = ("nlp", "resolve", "extract", "emit", "serialise", "manifest", "write", "other")


class Timers:
    """Seconds per stage, from functions wrapped for the length of a run."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self._undo: list[tuple[Any, str, Any]] = []

    def wrap(self, owner: Any, name: str, stage: str, inner: str | None = None) -> None:
        """Time ``owner.name`` as ``stage``; ``inner`` is a stage timed inside it, whose
        seconds are not counted twice."""
        original = getattr(owner, name)

        @functools.wraps(original)
        def timed(*args: Any, **kwargs: Any) -> Any:
            before = self.seconds[inner] if inner else 0.0
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                spent = time.perf_counter() - start
                self.seconds[stage] += spent - ((self.seconds[inner] - before) if inner else 0.0)

        self._undo.append((owner, name, original))
        setattr(owner, name, timed)

    def restore(self) -> None:
        """Put every wrapped function back."""
        for owner, name, original in reversed(self._undo):
            setattr(owner, name, original)
        self._undo.clear()


def timed_build(corpus_path: Path, out: Path) -> tuple[float, dict[str, float]]:
    """Build ``corpus_path`` into ``out`` with one worker; (total seconds, stage seconds)."""
    timers = Timers()
    timers.wrap(corpus, "parse_together", "nlp")
    timers.wrap(extract, "resolve", "resolve")
    timers.wrap(extract, "extract_doc", "extract", inner="resolve")
    timers.wrap(emit, "emit_sets", "emit")
    timers.wrap(corpus, "nt_lines", "serialise")
    timers.wrap(corpus, "_ttl_chunk", "serialise")
    timers.wrap(corpus.Manifest, "store", "manifest")
    timers.wrap(corpus, "write_graph_file", "write")
    start = time.perf_counter()
    try:
        corpus.build_corpus(read.iter_articles([corpus_path]), out, workers=1, fresh=True)
    finally:
        timers.restore()
    total = time.perf_counter() - start
    stages = {s: timers.seconds.get(s, 0.0) for s in STAGES if s != "other"}
    stages["other"] = total - sum(stages.values())
    return total, stages


def table(total: float, stages: dict[str, float], words: int) -> str:
    """The split as a Markdown table: seconds, share of the build, microseconds per word."""
    lines = ["| stage | seconds | share | µs per word |", "|---|---|---|---|"]
    outside = total - stages["nlp"]
    for stage in STAGES:
        s = stages[stage]
        lines.append(f"| {stage} | {s:.2f} | {s / total:.1%} | {s / words * 1e6:.0f} |")
    lines.append(f"| (all) | {total:.2f} | 100% | {total / words * 1e6:.0f} |")
    lines += [
        "",
        f"Outside spaCy: {outside:.2f} s, {outside / total:.1%} of the build; "
        f"parsing alone bounds the build at {stages['nlp'] / total:.2f} of spaCy's speed "
        "on this corpus.",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=150_000, help="corpus size in words")
    add_out_option(parser, __file__)
    args = parser.parse_args(argv)
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="pekg-bench-") as tmp:
        path = Path(tmp) / "corpus.jsonl"
        n_articles, n_words = write_corpus(path, words=args.words)
        print(f"corpus: {n_articles} articles, {n_words:,} words", file=sys.stderr, flush=True)
        total, stages = timed_build(path, Path(tmp) / "out")
    write_report(
        args.out,
        "Build stages",
        [
            "Where the time of one `kg build --workers 1` goes, stage by stage "
            f"(bench/stages.py; corpus of bench/build.py: {n_articles} articles, "
            f"{n_words:,} words).",
        ],
        f"python bench/stages.py --words {args.words}",
        load,
        table(total, stages, n_words),
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
