"""Benchmark of the query library (queries/*.rq) on synthetic graphs of growing size.

The graphs are those of bench/analysis.py (copies of the seed article with recast
actors), written as N-Triples and bulk-loaded into an in-memory Oxigraph store, the
engine ``kg query`` uses by default. Each library query runs once on each graph (its
parameters bound to actors the graphs hold); the table gives seconds per query and
size, and the growth from the smallest to the largest graph, to be set beside the
growth of the graph itself: a query whose time grows faster than the data is not
linear.

Usage:
    .venv/bin/python bench/queries.py                      # 100k and 1M triples
    .venv/bin/python bench/queries.py --sizes 10k,100k     # smaller
    .venv/bin/python bench/queries.py --rdflib             # rdflib as well (slow)
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from analysis import human, parse_size, synthetic_graph  # noqa: E402
from report import add_out_option, write_report  # noqa: E402

from kg import query as q  # noqa: E402

#: Bindings for parameterised queries: two synthetic countries every graph holds.
BINDINGS = {"dyad": {"a": "Country AAA", "b": "Country AAB"}, "statements-about": {}}

#: Target from the issue of record: every query within this many seconds at 1M triples.
TARGET_SECONDS = 2.0


def bindings_for(entry: q.LibraryQuery) -> dict:
    """Values for a query's parameters: the table's, else the first synthetic country."""
    chosen = BINDINGS.get(entry.name, {})
    return {
        name: q.parse_binding(f"{name}={chosen.get(name, 'Country AAA')}")[1]
        for name in entry.params
    }


def time_queries(
    path: Path, engine: str, directory: Path | None = None, repeat: int = 1
) -> tuple[float, dict[str, tuple[float, int]]]:
    """Load ``path`` on ``engine``; (load seconds, {query: (seconds, rows)}) for the
    library in ``directory`` (the repository's by default), each query's fastest of
    ``repeat`` runs."""
    start = time.perf_counter()
    if engine == "oxigraph":
        store = q.load_store([path])
    else:
        store = q.load_rdflib([path])
    loaded = time.perf_counter() - start
    out = {}
    for name, entry in sorted(q.library(directory).items()):
        binds = bindings_for(entry)
        # Each `kg query` runs in a process of its own: the garbage the last query left
        # is collected before the clock starts, not inside the next query's time.
        best = float("inf")
        for _ in range(repeat):
            gc.collect()
            start = time.perf_counter()
            if engine == "oxigraph":
                result = q.run_oxigraph(store, entry.text, binds)
            else:
                result = q.run_rdflib(store, entry.text, binds)
            best = min(best, time.perf_counter() - start)
        out[name] = (best, len(result.rows))
    return loaded, out


#: One engine and size's figures: triples, load seconds, {query: (seconds, rows)}.
Figures = tuple[int, float, dict[str, tuple[float, int]]]


def seconds(fig: Figures, name: str) -> float:
    """Seconds of one row of the table: a query, "(load)" or "(all queries)"."""
    if name == "(load)":
        return fig[1]
    if name == "(all queries)":
        return sum(t for t, _ in fig[2].values())
    return fig[2][name][0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100k,1M", help="triple counts (default 100k,1M)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--rdflib", action="store_true", help="time the rdflib engine as well")
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs of each query, the fastest kept (default 3)"
    )
    parser.add_argument(
        "--queries", default=None, help="a directory of .rq files instead of queries/ (to compare)"
    )
    add_out_option(parser, __file__)
    args = parser.parse_args(argv)
    sizes = [parse_size(s) for s in args.sizes.split(",") if s.strip()]
    engines = ["oxigraph"] + (["rdflib"] if args.rdflib else [])
    load = os.getloadavg()
    figures: dict[tuple[str, int], Figures] = {}
    with tempfile.TemporaryDirectory(prefix="pekg-bench-") as tmp:
        for size in sizes:
            print(f"{human(size)} triples ...", file=sys.stderr, flush=True)
            graph = synthetic_graph(size, seed=args.seed)
            path = Path(tmp) / f"graph-{size}.nt"
            path.write_bytes(graph.serialize(format="nt", encoding="utf-8"))
            triples = len(graph)
            del graph
            for engine in engines:
                library = Path(args.queries) if args.queries else None
                repeat = args.repeat if engine == "oxigraph" else 1
                loaded, timed = time_queries(path, engine, library, repeat)
                figures[(engine, size)] = (triples, loaded, timed)
    lines = []
    for engine in engines:
        first, last = (engine, sizes[0]), (engine, sizes[-1])
        header = ["query"] + [f"{human(s)} s (rows)" for s in sizes]
        header += [f"{human(sizes[-1])} / {human(sizes[0])}"] if len(sizes) > 1 else []
        lines += [f"### {engine}", "", "| " + " | ".join(header) + " |"]
        lines.append("|" + "---|" * len(header))
        names = sorted(figures[first][2])
        for name in names + ["(load)", "(all queries)"]:
            cells = []
            for size in sizes:
                fig = figures[(engine, size)]
                if name.startswith("("):
                    cells.append(f"{seconds(fig, name):.2f}")
                else:
                    cells.append(f"{fig[2][name][0]:.3f} ({fig[2][name][1]:,})")
            if len(sizes) > 1:
                ratio = seconds(figures[last], name) / max(seconds(figures[first], name), 1e-6)
                cells.append(f"{ratio:.1f}x")
            lines.append(f"| {name} | " + " | ".join(cells) + " |")
        counts = ", ".join(f"{human(s)}: {figures[(engine, s)][0]:,}" for s in sizes)
        lines += ["", f"Triples ({engine}): {counts}.", ""]
    if len(sizes) > 1:
        data = figures[("oxigraph", sizes[-1])][0] / figures[("oxigraph", sizes[0])][0]
        lines.append(f"The graph grows {data:.1f}x from the first size to the last.")
        slowest = max(figures[("oxigraph", sizes[-1])][2].items(), key=lambda kv: kv[1][0])
        lines.append(
            f"Slowest query on oxigraph at {human(sizes[-1])}: {slowest[0]}, "
            f"{slowest[1][0]:.2f} s (target: every query within {TARGET_SECONDS:.0f} s)."
        )
    key_figures: dict | None = None  # one size: no growth, nothing for the summary
    if len(sizes) > 1:
        small, large = figures[("oxigraph", sizes[0])], figures[("oxigraph", sizes[-1])]
        key_figures = {
            "triples": [small[0], large[0]],
            "seconds": {name: [small[2][name][0], large[2][name][0]] for name in large[2]},
        }
    options = " --rdflib" if args.rdflib else ""
    options += f" --repeat {args.repeat}" if args.repeat != 3 else ""
    options += f" --queries {args.queries}" if args.queries else ""
    write_report(
        args.out,
        "Query benchmark",
        [
            "Every library query (`queries/*.rq`) on synthetic graphs (see bench/analysis.py),",
            "loaded from N-Triples into an in-memory store; seconds per query, the fastest",
            f"of {args.repeat} runs on Oxigraph (one on rdflib).",
        ],
        f"python bench/queries.py --sizes {args.sizes} --seed {args.seed}{options}",
        load[0],
        "\n".join(lines),
        key_figures,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
