"""Benchmark of the commands an analyst runs on a large graph: kg analyze, kg viz, the page.

For each size, a synthetic graph (see bench/analysis.py) is written as N-Triples, then
`kg analyze GRAPH -o DIR` and `kg viz GRAPH -o PAGE --top 200` run on it, each in a
fresh process as a user would run them: wall seconds and the process's own peak
resident memory (from wait4, so one command's peak never hides another's). With
``--view-actors N``, a view of the N most central actors is also drawn (`kg viz --top
N`) and opened in headless Chromium (kg.browser): seconds until the page says it is
drawn, a screenshot, a search for an actor and a hover that shows a node's tooltip.

Targets (issue: a million triples end to end), at 1M triples: kg analyze within 60 s
and 1 GiB; kg viz --top 200 within 30 s; a 5,000-actor page drawn and interactive.

Command: python bench/commands.py --sizes 1M --view-actors 5000   (writes bench/commands.md)
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from analysis import human, parse_size, synthetic_graph  # noqa: E402
from report import write_figures  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
KG = Path(sys.executable).with_name("kg")
OUT = Path(__file__).resolve().parent / "commands.md"
GIB = 1024**3


@dataclass
class Run:
    """One command's figures."""

    seconds: float
    peak_bytes: int
    ok: bool


def run(args: list[str]) -> Run:
    """Run a command in a process of its own: wall seconds and its own peak RSS."""
    start = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        child = subprocess.Popen(args, stdout=sink, stderr=subprocess.PIPE)
        assert child.stderr is not None
        err = child.stderr.read()
        _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    if child.returncode:
        print(f"  {' '.join(args[:2])} failed: {err.decode(errors='replace')[-300:]}")
    return Run(seconds, usage.ru_maxrss * 1024, child.returncode == 0)


@dataclass
class PageCheck:
    """How a large view page behaves in headless Chromium."""

    nodes: int
    drawn_seconds: float
    search_found: str
    tooltip: bool
    errors: list[str]


def check_page(page_path: Path, png: Path, timeout: float = 600.0) -> PageCheck:
    """Open a view page, wait until drawn, save a screenshot, search and hover."""
    from kg.browser import chromium

    errors: list[str] = []
    with chromium(viewport={"width": 1400, "height": 900}) as context:
        page = context.new_page()
        page.route(
            "**/*",
            lambda r: r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort(),
        )
        page.on("pageerror", lambda e: errors.append(str(e)))
        start = time.perf_counter()
        page.goto(page_path.resolve().as_uri())
        page.wait_for_selector("body[data-ready='true']", timeout=timeout * 1000)
        drawn = time.perf_counter() - start
        page.screenshot(path=str(png))
        nodes = page.evaluate("() => pekg.nodes.length")
        label = page.evaluate(
            "() => pekg.nodes.get().find((n) => n.kind !== 'Event' && n.label).label"
        )
        page.fill("#pekg-query", label)
        page.press("#pekg-query", "Enter")
        found = page.text_content("#pekg-found") or ""
        page.mouse.click(5, 5)  # clear the highlight
        point = page.evaluate(
            """() => {
              const id = pekg.network.body.nodeIndices[0];
              const p = pekg.network.canvasToDOM(pekg.network.getPosition(id));
              const box = document.getElementById("pekg-network").getBoundingClientRect();
              pekg.network.focus(id, {scale: 1.5, animation: false});
              const q = pekg.network.canvasToDOM(pekg.network.getPosition(id));
              return [box.left + q.x, box.top + q.y];
            }"""
        )
        page.mouse.move(point[0] + 1, point[1] + 1)
        page.mouse.move(point[0], point[1])
        page.wait_for_timeout(800)
        tooltip = page.evaluate(
            """() => { const t = document.querySelector("div.vis-tooltip");
                       return !!t && getComputedStyle(t).visibility === "visible"; }"""
        )
    return PageCheck(nodes, drawn, found, bool(tooltip), errors)


def page_works(page: PageCheck | None) -> bool:
    """Whether the page was drawn without errors, its search found an actor and hovering
    showed a tooltip."""
    return bool(
        page is not None
        and page.tooltip
        and not page.errors
        and page.search_found.startswith("Found ")
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1M", help="comma-separated sizes (default 1M)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument(
        "--view-actors", type=int, default=0, metavar="N", help="also check an N-actor page"
    )
    parser.add_argument("--out", type=Path, default=OUT, help="the Markdown report")
    parser.add_argument("--generate", nargs=2, metavar=("SIZE", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.generate:
        size_text, path = args.generate
        synthetic_graph(int(size_text), seed=args.seed).serialize(
            path, format="nt", encoding="utf-8"
        )
        return 0
    sizes = [parse_size(s) for s in args.sizes.split(",")]
    load = os.getloadavg()[0]
    rows: list[tuple[int, Run, Run]] = []
    page: PageCheck | None = None
    from kg.browser import chromium_problem

    no_browser = chromium_problem() if args.view_actors else None
    if no_browser:
        print(f"the page check is skipped: {no_browser}", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="pekg-bench-") as tmp:
        for size in sizes:
            print(f"{human(size)} triples ...", flush=True)
            graph_path = Path(tmp) / f"g{human(size)}.nt"
            # Generated in a process of its own: a child forked from a parent holding the
            # graph would start with the parent's resident pages counted as its own peak.
            made = run(
                [
                    sys.executable,
                    __file__,
                    "--seed",
                    str(args.seed),
                    "--generate",
                    str(size),
                    str(graph_path),
                ]
            )
            if not made.ok:
                return 1
            analyze = run([str(KG), "analyze", str(graph_path), "-o", f"{tmp}/an{size}"])
            viz = run(
                [str(KG), "viz", str(graph_path), "-o", f"{tmp}/v{size}.html", "--top", "200"]
            )
            rows.append((size, analyze, viz))
            if args.view_actors and size == sizes[-1] and no_browser is None:
                html = Path(tmp) / "large.html"
                big = run(
                    [
                        str(KG),
                        "viz",
                        str(graph_path),
                        "-o",
                        str(html),
                        "--top",
                        str(args.view_actors),
                    ]
                )
                if not big.ok:
                    return 1
                page = check_page(html, args.out.with_suffix(".png"))
    command = f"python bench/commands.py --sizes {args.sizes}" + (
        f" --view-actors {args.view_actors}" if args.view_actors else ""
    )
    lines = [
        "# Command benchmark",
        "",
        "`kg analyze` and `kg viz` on synthetic graphs (bench/analysis.py), each in a",
        "process of its own; peak memory is that process's maximum resident set.",
        "",
        f"Command: `{command}`",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python "
        f"{platform.python_version()}; load average {load:.2f} before the run.",
        "",
        "| triples | kg analyze s | kg analyze peak | kg viz --top 200 s | kg viz peak |",
        "|---|---|---|---|---|",
    ]
    for size, analyze, viz in rows:
        lines.append(
            f"| {human(size)} | {analyze.seconds:.1f} | {analyze.peak_bytes / GIB:.2f} GiB "
            f"| {viz.seconds:.1f} | {viz.peak_bytes / GIB:.2f} GiB |"
        )
    size, analyze, viz = rows[-1]
    lines += [
        "",
        f"At {human(size)}: kg analyze {analyze.seconds:.1f} s (target 60 s), "
        f"{analyze.peak_bytes / GIB:.2f} GiB (target 1 GiB); "
        f"kg viz --top 200 {viz.seconds:.1f} s (target 30 s).",
    ]
    if no_browser:
        lines += ["", f"The {args.view_actors:,}-actor page was not checked: {no_browser}"]
    if page is not None:
        lines += [
            "",
            f"## A {args.view_actors:,}-actor view in headless Chromium",
            "",
            f"- nodes on the page: {page.nodes:,}",
            f"- drawn (the page's data-ready) after {page.drawn_seconds:.1f} s; "
            f"screenshot: {args.out.with_suffix('.png').name}",
            f"- search: {page.search_found}",
            f"- hover shows a tooltip: {'yes' if page.tooltip else 'no'}",
            f"- page errors: {len(page.errors)}",
        ]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    write_figures(
        args.out,
        command,
        {
            "triples": [size for size, _, _ in rows],
            "analyze_seconds": [a.seconds for _, a, _ in rows],
            "analyze_gib": [a.peak_bytes / GIB for _, a, _ in rows],
            "viz_seconds": [v.seconds for _, _, v in rows],
            "analyze_ok": [a.ok for _, a, _ in rows],
            "viz_ok": [v.ok for _, _, v in rows],
            "page_actors": args.view_actors,
            "page_nodes": page.nodes if page is not None else 0,
            "page_works": page_works(page),
            "page_skipped": no_browser or "",
        },
    )
    ok = all(a.ok and v.ok for _, a, v in rows)
    return 0 if ok and (page is None or page_works(page)) else 1


if __name__ == "__main__":
    sys.exit(main())
