"""Benchmark of corpus builds: throughput against raw spaCy, memory, and SPARQL engines.

Run by ``make bench-large`` (``make bench`` on a smaller corpus); it prints a table and
writes ``bench/build.md`` and its key figures to ``bench/build.json`` (bench/summary.py
sets them beside their targets in ``bench/results.md``). Every figure that compares two
things is a ratio measured in the same run, on the same texts, since absolute speeds
depend on the machine.

1. Throughput: ``kg build`` (reading, parsing, extraction, writing the graph) against
   raw spaCy ``nlp.pipe`` with the same model on the same texts, single-process and
   with 2 processes (``--workers 2`` against ``nlp.pipe(n_process=2)``), and the CPU
   time of all the build's processes with 2 workers against 1.
2. Peak RSS of ``kg build --workers 1`` on 1k and 20k articles.
3. Loading the built graph and answering every library query in pyoxigraph and in
   rdflib.
4. The per-stage split of the single-process build (bench/stages.py).

The corpus is real news text: the articles under ``data/articles`` and, when present,
the sentences of ``../shared/eval/plover/plover-gsr-dev.json``, replicated under
distinct ids up to ``--words`` words.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from report import write_figures  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval" / "plover" / "plover-gsr-dev.json"


def source_texts() -> list[dict[str, str]]:
    """The real texts the corpus is made of: sample articles and PLOVER sentences."""
    texts = []
    for txt in sorted((ROOT / "data" / "articles").glob("*.txt")):
        meta = txt.with_suffix(".json")
        date = json.loads(meta.read_text())["date"] if meta.exists() else "2020-01-01"
        texts.append({"text": txt.read_text(encoding="utf-8"), "date": date})
    if EVAL.exists():
        records = json.loads(EVAL.read_text(encoding="utf-8"))
        records = records if isinstance(records, list) else records.get("records", [])
        # Sentences in groups of ten make article-sized texts.
        sentences = [r["text"] for r in records if isinstance(r, dict) and r.get("text")]
        for i in range(0, len(sentences), 10):
            texts.append({"text": "\n\n".join(sentences[i : i + 10]), "date": "2020-01-01"})
    return texts


def write_corpus(
    path: Path, words: int | None = None, articles: int | None = None, short: bool = False
) -> tuple[int, int]:
    """Replicate the source texts into a ``.jsonl`` corpus; return (articles, words)."""
    texts = source_texts()
    if short:  # first paragraph only: many small articles for the memory test
        texts = [{**t, "text": t["text"].split("\n\n")[0]} for t in texts]
    n_articles = n_words = 0
    with path.open("w", encoding="utf-8") as out:
        while True:
            for t in texts:
                if (words and n_words >= words) or (articles and n_articles >= articles):
                    return n_articles, n_words
                record = {"id": f"bench-{n_articles:07d}", "text": t["text"], "date": t["date"]}
                out.write(json.dumps(record) + "\n")
                n_articles += 1
                n_words += len(t["text"].split())


RAW = """
import json, sys, time
from kg.procs import one_math_thread
one_math_thread()  # as kg build does, so that both run with the same math threads
import spacy
from kg.nlp import DEFAULT_MODELS, _installed
name = next(m for m in DEFAULT_MODELS if _installed(m))
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
nlp = spacy.load(name)
start = time.perf_counter()
for _ in nlp.pipe(texts, batch_size=16, n_process=int(sys.argv[2])):
    pass
print(time.perf_counter() - start)
"""

PEAK = """
import resource, sys
from kg.cli import main
code = main(sys.argv[1:])
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
sys.exit(code)
"""


def raw_seconds(corpus: Path, processes: int) -> float:
    """Seconds raw spaCy takes to pipe the corpus (model loading excluded)."""
    out = subprocess.run(
        [sys.executable, "-c", RAW, str(corpus), str(processes)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return float(out.stdout.strip().splitlines()[-1])


def build_seconds(corpus: Path, out: Path, workers: int) -> tuple[float, float]:
    """Seconds ``kg build`` takes: wall-clock, and CPU of all its processes (workers too)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "kg.cli",
            "build",
            str(corpus),
            "-o",
            str(out),
            "--workers",
            str(workers),
            "--fresh",
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return wall, cpu


def model_load_seconds() -> float:
    """Seconds a fresh process takes to import the pipeline and load the model."""
    code = (
        "import time; s=time.perf_counter(); from kg import nlp; nlp.load(); "
        "print(time.perf_counter()-s)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return float(out.stdout.strip())


def peak_rss_mb(corpus: Path, out: Path) -> float:
    """Peak resident memory of ``kg build --workers 1`` in MiB."""
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            PEAK,
            "build",
            str(corpus),
            "-o",
            str(out),
            "--workers",
            "1",
            "--fresh",
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return int(result.stderr.strip().splitlines()[-1]) / 1024


def engines(graph: Path) -> dict[str, float]:
    """Load and library-query times of pyoxigraph (in memory, and the store
    ``kg build --store`` keeps beside the file) and rdflib on one graph file."""
    from rdflib import Literal

    from kg import query as q

    bindings = {"dyad": {"a": Literal("Russia"), "b": Literal("United States")}}
    times: dict[str, float] = {}
    alone = graph.parent.parent / "graph-alone"  # the file without a store beside it
    alone.mkdir(exist_ok=True)
    shutil.copy(graph, alone / graph.name)
    q.write_store(graph)  # as kg build --store keeps it
    for label, path in (("oxigraph", alone / graph.name), ("oxigraph store", graph)):
        start = time.perf_counter()
        store = q.load_store([path])  # parsed into memory, or the build's store opened
        times[f"{label} load"] = time.perf_counter() - start
        start = time.perf_counter()
        for name, entry in q.library().items():
            q.run_oxigraph(store, entry.text, bindings.get(name))
        times[f"{label} queries"] = time.perf_counter() - start
        del store
    start = time.perf_counter()
    dataset = q.load_rdflib([graph])
    times["rdflib load"] = time.perf_counter() - start
    start = time.perf_counter()
    for name, entry in q.library().items():
        q.run_rdflib(dataset, entry.text, bindings.get(name))
    times["rdflib queries"] = time.perf_counter() - start
    return times


def main() -> None:
    """Run the benchmark and write ``bench/build.md`` and ``bench/build.json``."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--words", type=int, default=150_000, help="corpus size in words")
    p.add_argument(
        "--rss-articles",
        type=int,
        nargs=2,
        default=[1000, 20000],
        metavar=("SMALL", "LARGE"),
        help="article counts for the memory test",
    )
    p.add_argument("--out", type=Path, default=ROOT / "bench" / "build.md")
    args = p.parse_args()

    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory(prefix="pekg-bench-") as tmp:
        work = Path(tmp)
        corpus = work / "corpus.jsonl"
        n_articles, n_words = write_corpus(corpus, words=args.words)
        print(f"corpus: {n_articles} articles, {n_words} words", flush=True)
        load = model_load_seconds()
        rows.append(("corpus", f"{n_articles} articles, {n_words:,} words"))
        rows.append(("model load (per process)", f"{load:.1f} s"))

        raw1 = raw_seconds(corpus, 1)
        build1, cpu1 = build_seconds(corpus, work / "b1", 1)
        raw2 = raw_seconds(corpus, 2)
        build2, cpu2 = build_seconds(corpus, work / "b2", 2)
        for label, seconds in (
            ("raw spaCy nlp.pipe, 1 process", raw1),
            ("kg build --workers 1", build1),
            ("raw spaCy nlp.pipe, 2 processes", raw2),
            ("kg build --workers 2", build2),
        ):
            rows.append((label, f"{n_words / seconds:,.0f} words/s ({seconds:.1f} s)"))
            print(rows[-1], flush=True)
        # kg build's time includes starting up and loading the model (in this process
        # with one worker; in the two workers at once with two); raw spaCy's does not.
        # Both ratios are given.
        steady1, steady2 = build1 - load, build2 - load
        rows.append(("build / raw spaCy, 1 process", f"{raw1 / build1:.2f}"))
        rows.append(("build / raw spaCy, 1 process, without model loads", f"{raw1 / steady1:.2f}"))
        rows.append(("build / raw spaCy, 2 processes", f"{raw2 / build2:.2f}"))
        rows.append(
            ("build / raw spaCy, 2 processes, without model loads", f"{raw2 / steady2:.2f}")
        )
        rows.append(("build, 2 workers / 1 worker", f"{build1 / build2:.2f}x"))
        rows.append(
            ("build, 2 workers / 1 worker, without model loads", f"{steady1 / steady2:.2f}x")
        )

        rows.append(("raw spaCy, 2 processes / 1 process", f"{raw1 / raw2:.2f}x"))
        rows.append(("CPU of the build, 2 workers / 1 worker", f"{cpu2 / cpu1:.2f}x"))

        small, large = args.rss_articles
        rss = {}
        for n in (small, large):
            c = work / f"rss-{n}.jsonl"
            write_corpus(c, articles=n, short=True)
            rss[n] = peak_rss_mb(c, work / f"rss-{n}")
            rows.append((f"peak RSS, {n} articles (--workers 1)", f"{rss[n]:.0f} MiB"))
            print(rows[-1], flush=True)
        rows.append((f"peak RSS {large} / {small} articles", f"{rss[large] / rss[small]:.2f}x"))

        graph = work / "b1" / "graph.ttl"
        times = engines(graph)
        for label, seconds in times.items():
            rows.append((label, f"{seconds:.2f} s"))
        rows.append(
            ("rdflib / oxigraph, load", f"{times['rdflib load'] / times['oxigraph load']:.1f}x")
        )
        rows.append(
            (
                "rdflib / oxigraph, library queries",
                f"{times['rdflib queries'] / times['oxigraph queries']:.1f}x",
            )
        )

        import stages  # bench/stages.py, beside this script

        total, split = stages.timed_build(corpus, work / "stages")
        split_table = stages.table(total, split, n_words)
        print(split_table, flush=True)

    command = f"python bench/build.py --words {args.words} --rss-articles {small} {large}"
    write_table(
        args.out,
        "Build benchmark",
        f"Command: `{command}`; {os.cpu_count()} cores; ratios are from one run.",
        rows,
        ["## Where the single-process build spends its time", "", split_table],
    )
    write_figures(
        args.out,
        command,
        {
            "words": n_words,
            "build_over_raw_1": raw1 / build1,
            "build_over_raw_1_steady": raw1 / (build1 - load),
            "build_over_raw_2": raw2 / build2,
            "workers_speedup": build1 / build2,
            "workers_speedup_steady": (build1 - load) / (build2 - load),
            "workers_cpu": cpu2 / cpu1,
            "raw_speedup": raw1 / raw2,
            "rss_articles": [small, large],
            "rss_mib": [rss[small], rss[large]],
            "stages": split,
            "stage_total": total,
        },
    )


def write_table(
    path: Path, title: str, note: str, rows: list[tuple[str, str]], after: Sequence[str] = ()
) -> None:
    """Print the measures as a table and write them, and the lines ``after``, to ``path``."""
    width = max(len(k) for k, _ in rows)
    print("\n".join(f"{k:<{width}}  {v}" for k, v in rows))
    md = [f"# {title}", "", note, "", "| measure | value |", "|---|---|"]
    md += [f"| {k} | {v} |" for k, v in rows]
    md += ["", *after] if after else []
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(md) + "\n", encoding="utf-8")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
