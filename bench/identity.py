"""Benchmark of the cross-article person merge (kg.identity.person_merges).

Synthetic builds with N distinct people: four in five named in full ("Given Family"),
one in five by a bare family name, a share of those shared by two full names (left
alone) and the rest by one (merged). The merge runs on every build that changed an
article; its time should grow linearly with the number of people.

Usage:
    .venv/bin/python bench/identity.py                  # 5k, 20k and 80k people
    .venv/bin/python bench/identity.py --sizes 1000,2000
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from report import add_out_option, write_report  # noqa: E402

from kg.identity import person_merges  # noqa: E402


def word(rng: random.Random) -> str:
    """A made-up capitalised name of 5 to 9 letters."""
    letters = "".join(rng.choice("aeioulmnrstkdgbvz") for _ in range(rng.randrange(5, 10)))
    return letters.capitalize()


def labels(n: int, seed: int = 0) -> dict[str, str]:
    """Person IRI → label for ``n`` people (see the module docstring)."""
    rng = random.Random(seed)
    out: dict[str, str] = {}
    families: list[str] = []
    while len(out) < n:
        if families and rng.random() < 0.2:
            family = rng.choice(families)
            out[f"p/{family.lower()}"] = family
        else:
            family = rng.choice(families) if families and rng.random() < 0.1 else word(rng)
            families.append(family)
            name = f"{word(rng)} {family}"
            out[f"p/{name.lower().replace(' ', '-')}"] = name
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="5000,20000,80000", help="people per build")
    add_out_option(parser, __file__)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    load = os.getloadavg()[0]
    rows = []
    for n in sizes:
        people = labels(n)
        start = time.perf_counter()
        merges = person_merges(people)
        rows.append((n, time.perf_counter() - start, len(merges)))
    lines = ["| people | seconds | merged | seconds per 1k people |", "|---|---|---|---|"]
    for n, secs, merged in rows:
        lines.append(f"| {n:,} | {secs:.3f} | {merged:,} | {secs / n * 1000:.4f} |")
    if len(rows) > 1:
        growth = rows[-1][1] / max(rows[0][1], 1e-9)
        lines.append(f"\n{rows[-1][0] / rows[0][0]:.0f}x the people took {growth:.1f}x the time.")
    write_report(
        args.out,
        "Person merge benchmark",
        ["kg.identity.person_merges on synthetic builds (see bench/identity.py); one run."],
        f"python bench/identity.py --sizes {args.sizes}",
        load,
        "\n".join(lines),
        {
            "people": [n for n, _, _ in rows],
            "seconds": [round(secs, 4) for _, secs, _ in rows],
        },
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
