"""The README is true in a user's clone: its examples point inside the repository."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from kg import plover

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_no_example_points_outside_the_repository() -> None:
    assert "../" not in README


def test_code_fences_are_closed() -> None:
    fences = [line for line in README.splitlines() if line.lstrip().startswith("```")]
    assert len(fences) % 2 == 0
    opening = fences[::2]
    assert all(re.fullmatch(r"\s*```\w+", line) for line in opening), opening


def test_the_plover_example_runs_on_the_shipped_sample() -> None:
    assert ".venv/bin/kg eval --plover data/plover/sample.jsonl" in README
    records = plover.load_records(ROOT / "data" / "plover" / "sample.jsonl")
    assert len(records) == 8 and len({r.event for r in records}) == 8
    done = subprocess.run(
        [sys.executable, "-m", "kg.cli", "eval", "--plover", "data/plover/sample.jsonl"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert re.search(r"^overall\s+8\s", done.stdout, re.M)


def test_every_path_an_example_reads_exists() -> None:
    reads = re.findall(r"(?:data|queries|tests|notebooks|ontology|docs)/[\w./-]+\.\w+", README)
    assert reads
    missing = sorted({p for p in reads if not (ROOT / p).exists()})
    assert not missing, missing
