"""What the benchmarks share: the ``--out`` option and the Markdown file they write."""

from __future__ import annotations

import argparse
import json
import os
import platform
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any


def add_out_option(parser: argparse.ArgumentParser, script: str) -> None:
    """``--out FILE``: where a benchmark writes its table (``bench/<name>.md`` by default)."""
    default = Path(script).with_suffix(".md")
    parser.add_argument(
        "--out",
        default=str(default),
        help=f"Markdown file for the results, '-' for none (default bench/{default.name})",
    )


def machine_line(load_before: float) -> str:
    """The machine and its load, since other work on a shared machine slows the figures."""
    return (
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}, {platform.system()}; "
        f"load average {load_before:.2f} before the run, {os.getloadavg()[0]:.2f} after."
    )


def write_figures(out: str | Path, command: str, figures: Mapping[str, Any]) -> None:
    """Write the key figures of a report ``out`` (``x.md``) to ``x.json`` beside it.

    bench/summary.py reads them to set each figure beside its target.
    """
    if str(out) == "-":
        return
    record = {"command": command, "cpus": os.cpu_count(), **figures}
    Path(out).with_suffix(".json").write_text(
        json.dumps(record, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )


def write_report(
    out: str,
    title: str,
    about: Sequence[str],
    command: str,
    load_before: float,
    table: str,
    figures: Mapping[str, Any] | None = None,
) -> None:
    """Print ``table``, and write it under a header to ``out`` unless that is ``-``
    (and ``figures``, if given, beside it: :func:`write_figures`)."""
    print(table)
    if out == "-":
        return
    header = [f"# {title}", "", *about, "", f"Command: `{command}`", ""]
    header += [machine_line(load_before), ""]
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    Path(out).write_text("\n".join(header) + "\n" + table + "\n", encoding="utf-8")
    if figures is not None:
        write_figures(out, command, figures)
