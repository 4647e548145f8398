"""What the benchmarks share: the ``--out`` option and the Markdown file they write."""

from __future__ import annotations

import argparse
import os
import platform
from collections.abc import Sequence
from pathlib import Path


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


def write_report(
    out: str, title: str, about: Sequence[str], command: str, load_before: float, table: str
) -> None:
    """Print ``table``, and write it under a header to ``out`` unless that is ``-``."""
    print(table)
    if out == "-":
        return
    header = [f"# {title}", "", *about, "", f"Command: `{command}`", ""]
    header += [machine_line(load_before), ""]
    Path(out).write_text("\n".join(header) + "\n" + table + "\n", encoding="utf-8")
