"""Benchmark of the learned event detector's cost: builds with and without it.

Run with ``.venv/bin/python bench/detector.py`` (part of ``make bench``); it prints a
table and writes ``bench/detector.md``. The same corpus as ``bench/build.py`` is built
in three modes, one worker each, the modes interleaved ``--repeat`` times and the
fastest run of each kept (the machines are shared and noisy): rules alone (the
default), ``--model-confidence`` (the detector moves the rules' confidence) and
``--model-events``. Figures are ratios of those fastest runs, all from one run of the
benchmark, since absolute speeds depend on the machine.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build import ROOT, write_corpus, write_table  # noqa: E402

MODES = {
    "rules alone (the default)": [],
    "--model-confidence": ["--model-confidence"],
    "--model-events": ["--model-events"],
}


def build_seconds(corpus: Path, out: Path, flags: list[str]) -> float:
    """Seconds one ``kg build --workers 1 --fresh`` takes with the given flags."""
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "kg.cli", "build", str(corpus), "-o", str(out), "--fresh"]
        + ["--workers", "1", *flags],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return time.perf_counter() - start


def main() -> None:
    """Run the benchmark and write ``bench/detector.md``."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--words", type=int, default=150_000, help="corpus size in words")
    p.add_argument("--repeat", type=int, default=3, help="runs of each mode, interleaved")
    p.add_argument("--out", type=Path, default=ROOT / "bench" / "detector.md")
    args = p.parse_args()
    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory(prefix="pekg-bench-") as tmp:
        work = Path(tmp)
        corpus = work / "corpus.jsonl"
        n_articles, n_words = write_corpus(corpus, words=args.words)
        rows.append(("corpus", f"{n_articles} articles, {n_words:,} words"))
        seconds: dict[str, float] = {}
        for _ in range(args.repeat):  # interleaved, the fastest run of each kept
            for n, (label, flags) in enumerate(MODES.items()):
                took = build_seconds(corpus, work / f"b{n}", flags)
                seconds[label] = min(took, seconds.get(label, took))
                print(label, f"{took:.1f} s", flush=True)
        for label in MODES:
            rows.append((label, f"{n_words / seconds[label]:,.0f} words/s"))
        base = seconds["rules alone (the default)"]
        for label in list(MODES)[1:]:
            rows.append((f"{label} / rules alone, throughput", f"{base / seconds[label]:.2f}"))
    write_table(
        args.out,
        "Event detector benchmark",
        "Measured with `.venv/bin/python bench/detector.py`, one worker, fastest of "
        f"{args.repeat} interleaved runs per mode; ratios of those fastest runs.",
        rows,
    )


if __name__ == "__main__":
    main()
