"""bench/summary.py: each benchmark figure beside its target, never "met" off its size."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import summary  # noqa: E402

QUERIES_1M = {
    "command": "python bench/queries.py",
    "triples": [100_028, 1_000_166],
    "seconds": {"votes": [0.01, 0.09], "dyad": [0.11, 2.6], "quotes": [0.1, 1.5]},
}


def write(directory: Path, name: str, figures: dict) -> None:
    (directory / f"{name}.json").write_text(json.dumps(figures), encoding="utf-8")


def rows(text: str) -> dict[str, str]:
    """{target: met column} of the results table."""
    out = {}
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if len(cells) == 4 and cells[0] not in ("target", "---"):
            out[cells[0]] = cells[2]
    return out


def test_a_slow_query_at_a_million_triples_is_not_met(tmp_path: Path) -> None:
    write(tmp_path, "queries", QUERIES_1M)
    met = rows(summary.summary(tmp_path))
    assert met["every library query ≤ 2 s at 1M triples"] == "**no**"
    # dyad grew 23.6x for 10x the triples
    assert met["query time at 1M / at 100k triples ≤ 15x"] == "**no**"


def test_figures_below_the_targets_size_are_never_met(tmp_path: Path) -> None:
    small = {**QUERIES_1M, "triples": [10_000, 100_000], "seconds": {"dyad": [0.01, 0.1]}}
    write(tmp_path, "queries", small)
    met = rows(summary.summary(tmp_path))
    assert set(met.values()) == {"not at this size"}


def test_fast_queries_at_a_million_triples_are_met(tmp_path: Path) -> None:
    fast = {**QUERIES_1M, "seconds": {"dyad": [0.11, 1.2], "votes": [0.01, 0.09]}}
    write(tmp_path, "queries", fast)
    met = rows(summary.summary(tmp_path))
    assert set(met.values()) == {"yes"}


def test_build_figures_and_missing_reports(tmp_path: Path) -> None:
    build = {
        "command": "python bench/build.py",
        "words": 150_000,
        "build_over_raw_1": 0.62,
        "build_over_raw_1_steady": 0.66,
        "build_over_raw_2": 0.6,
        "workers_speedup": 1.81,
        "workers_speedup_steady": 1.85,
        "raw_speedup": 1.8,
        "workers_cpu": 1.02,
        "rss_articles": [1000, 20000],
        "rss_mib": [300.0, 320.0],
        "stages": {"other": 1.0, "nlp": 3.0},
        "stage_total": 4.0,
    }
    write(tmp_path, "build", build)
    (tmp_path / "build.md").write_text("# Build\n\n| measure | value |\n", encoding="utf-8")
    text = summary.summary(tmp_path)
    met = rows(text)
    assert met["build / raw spaCy, 1 process ≥ 0.85"] == "**no**"
    assert met["build with 2 workers / 1 worker ≥ 1.8x"] == "yes"
    assert met["peak memory flat from 1k to 20k articles (≤ 1.2x)"] == "yes"
    assert "Not measured: queries, commands, long, identity" in text
    assert text.index("| nlp |") < text.index("| other |")


def test_the_command_line_names_a_missing_directory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert summary.main([str(tmp_path / "nowhere")]) == 2
    assert "no such directory" in capsys.readouterr().err


@pytest.mark.parametrize("value,expected", [(0.849, True), (0.844, False)])
def test_at_least_rounds_as_reported(value: float, expected: bool) -> None:
    assert summary.at_least(value, 0.85) is expected


COMMANDS_1M = {
    "command": "python bench/commands.py",
    "triples": [100_000, 1_000_000],
    "analyze_seconds": [3.0, 20.0],
    "analyze_gib": [0.2, 0.8],
    "viz_seconds": [2.0, 12.0],
    "analyze_ok": [True, True],
    "viz_ok": [True, True],
    "page_actors": 5000,
    "page_nodes": 4951,
    "page_works": True,
    "page_skipped": "",
}


def test_commands_at_a_million_triples(tmp_path: Path) -> None:
    write(tmp_path, "commands", COMMANDS_1M)
    assert set(rows(summary.summary(tmp_path)).values()) == {"yes"}


def test_a_failed_command_is_never_met_and_a_skipped_page_is_not_checked(
    tmp_path: Path,
) -> None:
    failed = {**COMMANDS_1M, "viz_ok": [True, False], "page_skipped": "no chromium on PATH"}
    write(tmp_path, "commands", failed)
    text = summary.summary(tmp_path)
    met = rows(text)
    assert met["kg viz --top 200 ≤ 30 s at 1M triples"] == "**no**"
    assert "the command failed" in text
    assert met["a 5,000-actor view renders in Chromium, search and hover work"] == ("not checked")
    assert "not checked: no chromium on PATH" in text


def test_incomplete_figures_are_said_not_measured(tmp_path: Path) -> None:
    write(tmp_path, "queries", {"command": "python bench/queries.py --sizes 1M"})
    text = summary.summary(tmp_path)
    assert "queries (its figures are incomplete)" in text
