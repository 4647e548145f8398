"""Set every benchmark's key figures beside its target: ``results.md`` of a bench directory.

The benchmarks write their key figures to ``<name>.json`` beside their reports
(bench/report.py); this script reads those of one directory and writes
``results.md`` there: a table of targets with the figure measured and whether it is
met, then the build report with its per-stage split. A target set at a size the run
did not reach (``make bench`` measures smaller graphs than ``make bench-large``) is
listed as not measured at that size, never as met.

Usage:
    .venv/bin/python bench/summary.py bench        # after make bench-large
    .venv/bin/python bench/summary.py out/bench    # after make bench
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

Figures = dict[str, Any]


@dataclass(frozen=True)
class Verdict:
    """One target: what it asks, what was measured, and whether it holds (None: not
    measured at the target's size)."""

    target: str
    measured: str
    met: bool | None
    report: str
    unmeasured: str = "not at this size"

    def row(self) -> str:
        """The verdict as a Markdown table row.

        >>> Verdict("t ≤ 2 s", "1.5 s", True, "queries.md").row()
        '| t ≤ 2 s | 1.5 s | yes | [queries.md](queries.md) |'
        """
        met = {True: "yes", False: "**no**", None: self.unmeasured}[self.met]
        return f"| {self.target} | {self.measured} | {met} | [{self.report}]({self.report}) |"


def at_least(value: float, target: float) -> bool:
    """``value`` reaches ``target`` at the precision it is reported in (two decimals).

    >>> at_least(0.8496, 0.85), at_least(0.84, 0.85)
    (True, False)
    """
    return round(value, 2) >= target


def at_most(value: float, target: float) -> bool:
    """``value`` stays within ``target`` at two decimals.

    >>> at_most(2.004, 2.0), at_most(2.1, 2.0)
    (True, False)
    """
    return round(value, 2) <= target


def near(count: float, size: float, slack: float = 0.1) -> bool:
    """Whether a measured size is the target's size, within ``slack``.

    >>> near(1_000_166, 1_000_000), near(100_028, 1_000_000)
    (True, False)
    """
    return abs(count - size) <= slack * size


#: Words of the corpus the build's throughput targets are measured on (make bench-large).
BUILD_WORDS = 150_000


def build_verdicts(fig: Figures) -> list[Verdict]:
    """Throughput against raw spaCy, two workers against one, CPU, memory."""
    report = "build.md"
    small, large = fig["rss_articles"]
    rss = fig["rss_mib"][1] / fig["rss_mib"][0]
    flat_size = small <= 1000 and large >= 20000
    # On a small corpus, starting up and loading the model weigh more than the work.
    sized = fig["words"] >= BUILD_WORDS
    return [
        Verdict(
            "build / raw spaCy, 1 process ≥ 0.85",
            f"{fig['build_over_raw_1']:.2f} ({fig['build_over_raw_1_steady']:.2f} without "
            f"the model load; {fig['words']:,} words)",
            at_least(fig["build_over_raw_1"], 0.85) if sized else None,
            report,
        ),
        Verdict(
            "build with 2 workers / 1 worker ≥ 1.8x",
            f"{fig['workers_speedup']:.2f}x ({fig['workers_speedup_steady']:.2f}x without "
            f"the model load; raw spaCy's own: {fig['raw_speedup']:.2f}x)",
            at_least(fig["workers_speedup"], 1.8) if sized else None,
            report,
        ),
        Verdict(
            "CPU of 2 workers / 1 worker ≤ 1.10x (no work done twice)",
            f"{fig['workers_cpu']:.2f}x",
            at_most(fig["workers_cpu"], 1.10),
            report,
        ),
        Verdict(
            "peak memory flat from 1k to 20k articles (≤ 1.2x)",
            f"{rss:.2f}x ({fig['rss_mib'][0]:.0f} → {fig['rss_mib'][1]:.0f} MiB, "
            f"{small:,} → {large:,} articles)",
            at_most(rss, 1.2) if flat_size else None,
            report,
        ),
    ]


def query_verdicts(fig: Figures) -> list[Verdict]:
    """Every library query within 2 s at 1M triples, growing no faster than the data."""
    report = "queries.md"
    small, large = fig["triples"]
    slow_name, (_, slow) = max(fig["seconds"].items(), key=lambda kv: kv[1][1])
    growth = {name: t[1] / max(t[0], 1e-9) for name, t in fig["seconds"].items()}
    worst = max(growth, key=lambda name: growth[name])
    data = large / small
    return [
        Verdict(
            "every library query ≤ 2 s at 1M triples",
            f"slowest: {slow_name} {slow:.2f} s at {large:,} triples",
            at_most(slow, 2.0) if near(large, 1_000_000) else None,
            report,
        ),
        Verdict(
            "query time at 1M / at 100k triples ≤ 15x",
            f"worst: {worst} {growth[worst]:.1f}x for {data:.1f}x the triples",
            at_most(growth[worst], 15.0)
            if near(large, 1_000_000) and near(small, 100_000)
            else None,
            report,
        ),
    ]


def command_verdicts(fig: Figures) -> list[Verdict]:
    """kg analyze and kg viz at 1M triples; the large page in Chromium."""
    report = "commands.md"
    size = fig["triples"][-1]
    at_size = near(size, 1_000_000)
    seconds, gib = fig["analyze_seconds"][-1], fig["analyze_gib"][-1]
    viz = fig["viz_seconds"][-1]
    analyzed, drawn = fig["analyze_ok"][-1], fig["viz_ok"][-1]
    actors, skipped = fig["page_actors"], fig["page_skipped"]

    def timed(ok: bool, text: str, met: bool) -> tuple[str, bool | None]:
        if not ok:
            return "the command failed", False
        return text, met if at_size else None

    page: tuple[str, bool | None]
    if skipped:
        page = f"not checked: {skipped}", None
    elif not actors:
        page = "not checked (no --view-actors)", None
    else:
        works = bool(fig["page_works"])
        page = (
            f"--top {actors:,}: {fig['page_nodes']:,} nodes drawn, "
            + ("search and hover work" if works else "fails"),
            works if actors >= 5000 else None,
        )
    return [
        Verdict(
            "kg analyze ≤ 60 s at 1M triples",
            *timed(analyzed, f"{seconds:.1f} s at {size:,}", at_most(seconds, 60)),
            report,
        ),
        Verdict(
            "kg analyze peak memory ≤ 1 GiB at 1M triples",
            *timed(analyzed, f"{gib:.2f} GiB", at_most(gib, 1.0)),
            report,
        ),
        Verdict(
            "kg viz --top 200 ≤ 30 s at 1M triples",
            *timed(drawn, f"{viz:.1f} s", at_most(viz, 30)),
            report,
        ),
        Verdict(
            "a 5,000-actor view renders in Chromium, search and hover work",
            *page,
            report,
            "not checked" if skipped or not actors else "not at this size",
        ),
    ]


def long_verdicts(fig: Figures) -> list[Verdict]:
    """Extraction linear in article length."""
    per_token = fig["extract_us_per_token"]
    growth = per_token[-1] / per_token[0]
    words = fig["words"]
    return [
        Verdict(
            "extraction per token at 64k words ≤ 2x that at 1k words (linear)",
            f"{growth:.2f}x ({words[0]:,} → {words[-1]:,} words)",
            at_most(growth, 2.0) if words[0] <= 1000 and words[-1] >= 64000 else None,
            "long.md",
        )
    ]


def identity_verdicts(fig: Figures) -> list[Verdict]:
    """The person merge linear in distinct persons."""
    people, seconds = fig["people"], fig["seconds"]
    more = people[-1] / people[0]
    growth = seconds[-1] / max(seconds[0], 1e-9)
    return [
        Verdict(
            "person merge time grows ≤ 1.5x as fast as the persons (linear), up to ≥ 20k",
            f"{more:.0f}x the persons took {growth:.1f}x the time ({people[-1]:,} persons)",
            at_most(growth / more, 1.5) if people[-1] >= 20000 else None,
            "identity.md",
        )
    ]


#: The build's stages in the order data flows through them (bench/stages.py).
STAGES = ("nlp", "resolve", "extract", "emit", "serialise", "manifest", "write", "other")

#: Each report's verdicts, in the order of the table.
VERDICTS: dict[str, Callable[[Figures], list[Verdict]]] = {
    "build": build_verdicts,
    "queries": query_verdicts,
    "commands": command_verdicts,
    "long": long_verdicts,
    "identity": identity_verdicts,
}


def stage_table(fig: Figures) -> str:
    """The per-stage split of the single-process build as a Markdown table.

    >>> print(stage_table({"stages": {"other": 1.0, "nlp": 3.0}, "stage_total": 4.0,
    ...                    "words": 1000}))
    | stage | seconds | share | µs per word |
    |---|---|---|---|
    | nlp | 3.00 | 75.0% | 3000 |
    | other | 1.00 | 25.0% | 1000 |
    | (all) | 4.00 | 100% | 4000 |
    """
    total, words = fig["stage_total"], fig["words"]
    lines = ["| stage | seconds | share | µs per word |", "|---|---|---|---|"]
    order = {name: n for n, name in enumerate(STAGES)}
    for name, secs in sorted(fig["stages"].items(), key=lambda kv: order.get(kv[0], 99)):
        lines.append(f"| {name} | {secs:.2f} | {secs / total:.1%} | {secs / words * 1e6:.0f} |")
    lines.append(f"| (all) | {total:.2f} | 100% | {total / words * 1e6:.0f} |")
    return "\n".join(lines)


def summary(directory: Path) -> str:
    """The Markdown of ``results.md`` from the figures in ``directory``."""
    rows: list[str] = []
    commands: list[str] = []
    missing: list[str] = []
    figures: dict[str, Figures] = {}
    for name, verdicts in VERDICTS.items():
        path = directory / f"{name}.json"
        if not path.is_file():
            missing.append(name)
            continue
        figures[name] = json.loads(path.read_text(encoding="utf-8"))
        commands.append(figures[name].get("command", name))
        try:
            rows += [v.row() for v in verdicts(figures[name])]
        except (KeyError, IndexError, TypeError, ZeroDivisionError):
            missing.append(f"{name} (its figures are incomplete)")
            del figures[name]
    lines = [
        "# Benchmark results",
        "",
        "Every target of the benchmarks beside the figure measured, from the reports in",
        "this directory (each figure is one run on a shared machine; ratios compare two",
        "things measured in the same run).",
        "",
        "| target | measured | met | report |",
        "|---|---|---|---|",
        *rows,
        "",
    ]
    if missing:
        lines += [f"Not measured: {', '.join(missing)} (no figures in {directory}).", ""]
    lines += ["Commands:", "", *[f"- `{c}`" for c in commands], ""]
    if "build" in figures:
        build_md = directory / "build.md"
        body = build_md.read_text(encoding="utf-8").split("\n", 1)[1] if build_md.exists() else ""
        body = body.split("## Where", 1)[0].strip()
        lines += ["## Build", "", body, "", "## Where the single-process build spends its time"]
        lines += ["", stage_table(figures["build"]), ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", type=Path, help="a bench directory (bench, out/bench)")
    args = parser.parse_args(argv)
    if not args.directory.is_dir():
        print(f"summary: {args.directory}: no such directory", file=sys.stderr)
        return 2
    text = summary(args.directory)
    (args.directory / "results.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
