"""Benchmark of the analysis stage (kg.analyze) on synthetic graphs of growing size.

Each synthetic graph replicates the seed graph's article (tests/data/seed.golden.ttl)
into many synthetic articles. Every copy keeps the seed's events, evidence, quotes
and ballots under a new article id, moves its dates by a random number of days,
marks its sentences, quotes and title as its own, nudges each Goldstein value,
and recasts its actors: the seed's countries become
distinct synthetic countries drawn from a pool of 200 (Zipf-weighted, so a few are
hubs), its organisations synthetic organisations from a pool of 40, and each
person a synthetic person of the side the seed person acts for (a pool that grows
with the graph, again Zipf-weighted), with a role and an affiliation. The same
``--seed`` gives the same graphs.

For each size it times building the views and computing the measures (the
stages of :func:`kg.analyze.analyze`), then the Markdown report and the measures
as Turtle, prints a table and writes it to bench/analysis.md.

Usage:
    .venv/bin/python bench/analysis.py                       # 10k, 100k and 1M triples
    .venv/bin/python bench/analysis.py --sizes 10k,100k      # skip the largest
    .venv/bin/python bench/analysis.py --sizes 50000 --out -  # print only
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import platform
import random
import re
import sys
import time
from bisect import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import accumulate
from pathlib import Path

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, SKOS, XSD
from rdflib.term import Node

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.analyze import (  # noqa: E402
    BETWEENNESS_SAMPLES,
    BETWEENNESS_THRESHOLD,
    analyze,
    measures_graph,
    report_markdown,
)
from kg.vocab import PEK, PEKR  # noqa: E402
from kg.write import serialize  # noqa: E402

SEED_GRAPH = ROOT / "tests" / "data" / "seed.golden.ttl"
COUNTRIES = 200
ORGANIZATIONS = 40

#: Stages reported, in order: kg.analyze timings, then the outputs.
VIEW_STAGES = ("events", "actor graph", "event graph", "dyad graph")
MEASURE_STAGES = ("betweenness", "pagerank", "louvain", "degree", "dyads and timeline")


def parse_size(text: str) -> int:
    """``10k`` → 10000, ``1M`` → 1000000, ``2500`` → 2500."""
    match = re.fullmatch(r"\s*([0-9]+(?:\.[0-9]+)?)\s*([kKmM]?)\s*", text)
    if not match:
        raise argparse.ArgumentTypeError(f"not a size: {text!r}")
    factor = {"": 1, "k": 1_000, "m": 1_000_000}[match.group(2).lower()]
    return int(float(match.group(1)) * factor)


def zipf_cumulative(n: int, exponent: float = 1.0) -> list[float]:
    """Cumulative Zipf weights for ``n`` ranks, for ``random.choices(cum_weights=...)``."""
    return list(accumulate(1.0 / (rank + 1) ** exponent for rank in range(n)))


def letters(i: int, width: int = 3) -> str:
    """``0`` → ``AAA``, ``1`` → ``AAB``: distinct three-letter codes."""
    out = ""
    for _ in range(width):
        i, r = divmod(i, 26)
        out = chr(65 + r) + out
    return out


@dataclass
class Template:
    """The seed graph taken apart: article-scoped triples and the actors they use."""

    article_id: str
    article_triples: Sequence[tuple[Node, Node, Node]]
    countries: list[Node]
    organizations: list[Node]
    persons: dict[Node, Node]  # person → side it acts for
    titles: dict[Node, Literal]  # person → its role's title
    places: Sequence[tuple[Node, Node, Node]] = field(default_factory=list)


def load_template(path: Path = SEED_GRAPH) -> Template:
    """Split the seed graph into what is copied per article and what is per actor."""
    g = Graph().parse(path)
    article = next(iter(g.subjects(RDF.type, PEK.Article)))
    article_id = str(article).rsplit("/", 1)[1]
    scoped = [
        (s, p, o)
        for s, p, o in g
        if isinstance(s, URIRef) and article_id in str(s) and p != OWL.sameAs
    ]
    places = [
        (s, p, o)
        for s, p, o in g
        if isinstance(s, URIRef) and str(s).startswith(str(PEKR["place/"]))
    ]
    countries = sorted(g.subjects(RDF.type, PEK.Country), key=str)
    organizations = sorted(g.subjects(RDF.type, PEK.Organization), key=str)
    persons: dict[Node, Node] = {}
    titles: dict[Node, Literal] = {}
    for person in sorted(g.subjects(RDF.type, PEK.Person), key=str):
        side = g.value(person, PEK.affiliation)
        role = g.value(person, PEK.holdsRole)
        if side is not None:
            persons[person] = side
        if role is not None:
            titles[person] = g.value(role, PEK.title)  # type: ignore[assignment]
    return Template(article_id, scoped, countries, organizations, persons, titles, places)


class Synthesizer:
    """Adds perturbed copies of the seed article to a graph, deterministically."""

    def __init__(self, template: Template, graph: Graph, persons_per_side: int, seed: int):
        self.t = template
        self.g = graph
        self.rng = random.Random(seed)
        self.per_side = persons_per_side
        self.country_weights = zipf_cumulative(COUNTRIES)
        self.org_weights = zipf_cumulative(ORGANIZATIONS)
        self.person_weights = zipf_cumulative(persons_per_side, 0.8)
        self.known: set[URIRef] = set()
        for triple in template.places:
            graph.add(triple)  # type: ignore[arg-type]

    def _distinct(self, n: int, pool: int, weights: list[float]) -> list[int]:
        chosen: list[int] = []
        while len(chosen) < n:
            i = bisect(weights, self.rng.random() * weights[-1])
            if i not in chosen:
                chosen.append(min(i, pool - 1))
        return chosen

    def _side(self, kind: str, i: int) -> URIRef:
        code = letters(i)
        iri = PEKR[f"{kind}/{code}"]
        if iri not in self.known:
            self.known.add(iri)
            cls = PEK.Country if kind == "country" else PEK.Organization
            name = f"Country {code}" if kind == "country" else f"Organisation {code}"
            for triple in [
                (iri, RDF.type, cls),
                (iri, RDF.type, PEK.Actor),
                (iri, RDFS.label, Literal(name)),
                (iri, SKOS.altLabel, Literal(code)),
            ]:
                self.g.add(triple)
            if kind == "country":
                self.g.add((iri, PEK.iso3, Literal(code, datatype=XSD.string)))
        return iri

    def _person(self, side: URIRef, j: int, title: Literal | None) -> URIRef:
        code = str(side).rsplit("/", 1)[1]
        iri = PEKR[f"person/{code.lower()}-{j}"]
        if iri not in self.known:
            self.known.add(iri)
            name = f"Person {code}-{j}"
            for triple in [
                (iri, RDF.type, PEK.Person),
                (iri, RDF.type, PEK.Actor),
                (iri, RDFS.label, Literal(name)),
                (iri, PEK.affiliation, side),
            ]:
                self.g.add(triple)
            if "/country/" in str(side):  # as kg build writes it
                self.g.add((iri, PEK.actsFor, side))
            if title is not None:
                role = PEKR[f"role/{code.lower()}-{j}/{re.sub(r'[^a-z]+', '-', title.lower())}"]
                self.g.add((iri, PEK.holdsRole, role))
                self.g.add((iri, SKOS.altLabel, Literal(f"{title} {name}")))
                self.g.add((role, RDF.type, PEK.Role))
                self.g.add((role, PEK.title, title))
                self.g.add((role, PEK.roleOf, side))
        return iri

    def add_article(self, n: int) -> None:
        """Add copy number ``n`` of the seed article."""
        t, rng = self.t, self.rng
        mapping: dict[Node, URIRef] = {}
        for seed_iri, i in zip(
            t.countries,
            self._distinct(len(t.countries), COUNTRIES, self.country_weights),
            strict=True,
        ):
            mapping[seed_iri] = self._side("country", i)
        for seed_iri, i in zip(
            t.organizations,
            self._distinct(len(t.organizations), ORGANIZATIONS, self.org_weights),
            strict=True,
        ):
            mapping[seed_iri] = self._side("org", i)
        for person, side in t.persons.items():
            j = bisect(self.person_weights, rng.random() * self.person_weights[-1])
            mapping[person] = self._person(mapping[side], j, t.titles.get(person))
        article_id = f"synthetic-{n:07d}"
        shift = dt.timedelta(days=rng.randrange(-1500, 1500))
        nudges: dict[Node, Decimal] = {}
        for s, p, o in t.article_triples:
            s2 = URIRef(str(s).replace(t.article_id, article_id))
            if isinstance(o, URIRef):
                o2: object = mapping.get(o) or (
                    URIRef(str(o).replace(t.article_id, article_id))
                    if t.article_id in str(o)
                    else o
                )
            elif isinstance(o, Literal) and o.datatype == XSD.date:
                o2 = Literal(o.toPython() + shift, datatype=XSD.date)
            elif p in (PEK.sentence, PEK.text, DCTERMS.title):
                # every article's sentences, quotes and title are its own, as in a corpus
                o2 = Literal(f"{o} [{article_id}]", datatype=o.datatype, lang=o.language)
            elif p == PEK.goldstein:
                nudge = nudges.setdefault(s, Decimal(rng.choice((-10, -5, 0, 0, 5, 10))) / 10)
                o2 = Literal(max(Decimal(-10), min(Decimal(10), Decimal(str(o)) + nudge)))
            else:
                o2 = o
            self.g.add((s2, p, o2))  # type: ignore[arg-type]


def synthetic_graph(target: int, seed: int = 0, template: Template | None = None) -> Graph:
    """A graph of about ``target`` triples (at least), made of copies of the seed article."""
    template = template or load_template()
    per_copy = len(template.article_triples) + 40  # plus the actors a copy adds, roughly
    copies = max(1, target // per_copy)
    graph = Graph()
    synth = Synthesizer(template, graph, persons_per_side=max(4, copies // 25), seed=seed)
    n = 0
    while len(graph) < target:
        synth.add_article(n)
        n += 1
    return graph


@dataclass
class Result:
    """One size's figures: counts, then seconds per stage."""

    size: int
    triples: int
    events: int
    actors: int
    links: int
    dyads: int
    communities: int
    sampled: int | None
    generate: float
    analyze: float
    stages: dict[str, float]


def run(size: int, seed: int) -> Result:
    """Generate one graph and time the analysis stages on it."""
    gc.collect()
    start = time.perf_counter()
    graph = synthetic_graph(size, seed=seed)
    generated = time.perf_counter() - start
    stages: dict[str, float] = {}
    start = time.perf_counter()
    analysis = analyze(graph, seed=seed, timings=stages)
    total = time.perf_counter() - start
    start = time.perf_counter()
    report_markdown(analysis)
    stages["report.md"] = time.perf_counter() - start
    start = time.perf_counter()
    serialize(measures_graph(analysis), "ttl")
    stages["analysis.ttl"] = time.perf_counter() - start
    return Result(
        size=size,
        triples=len(graph),
        events=len(analysis.events),
        actors=analysis.actors.number_of_nodes(),
        links=analysis.actors.number_of_edges(),
        dyads=analysis.countries.number_of_edges(),
        communities=sum(1 for c in analysis.communities if len(c) > 1),
        sampled=analysis.betweenness_samples,
        generate=generated,
        analyze=total,
        stages=stages,
    )


def human(n: int) -> str:
    """``1000000`` → ``1M``."""
    for unit, div in (("M", 1_000_000), ("k", 1_000)):
        if n >= div and n % div == 0:
            return f"{n // div}{unit}"
    return str(n)


def table(rows: list[Result]) -> str:
    """The results as a Markdown table: one column per size, one row per figure."""
    headers = ["", *(f"{human(r.size)} triples" for r in rows)]

    def secs(values: list[float]) -> list[str]:
        return [f"{v:.2f} s" for v in values]

    lines: list[tuple[str, list[str]]] = [
        ("triples (actual)", [f"{r.triples:,}" for r in rows]),
        ("events", [f"{r.events:,}" for r in rows]),
        ("actors", [f"{r.actors:,}" for r in rows]),
        ("actor links", [f"{r.links:,}" for r in rows]),
        ("country dyads", [f"{r.dyads:,}" for r in rows]),
        ("communities (≥ 2 actors)", [f"{r.communities:,}" for r in rows]),
        ("generate synthetic graph", secs([r.generate for r in rows])),
        *((f"view: {s}", secs([r.stages[s] for r in rows])) for s in VIEW_STAGES),
        (
            "betweenness mode",
            ["exact" if r.sampled is None else f"sampled, k={r.sampled}" for r in rows],
        ),
        *((f"measure: {s}", secs([r.stages[s] for r in rows])) for s in MEASURE_STAGES),
        ("**analyze() total**", [f"**{r.analyze:.2f} s**" for r in rows]),
        ("report_markdown", secs([r.stages["report.md"] for r in rows])),
        ("measures_graph + Turtle", secs([r.stages["analysis.ttl"] for r in rows])),
    ]
    out = ["| " + " | ".join(headers) + " |", "| :-- |" + " --: |" * len(rows)]
    out += [f"| {name} | " + " | ".join(cells) + " |" for name, cells in lines]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        default="10k,100k,1M",
        help="comma-separated triple counts, e.g. 10k,100k,1M (default)",
    )
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument(
        "--out",
        default=str(Path(__file__).with_suffix(".md")),
        help="Markdown file for the results, '-' for none (default bench/analysis.md)",
    )
    args = parser.parse_args(argv)
    sizes = [parse_size(s) for s in args.sizes.split(",") if s.strip()]
    import scipy.sparse  # noqa: F401  (PageRank's first call would otherwise pay for it)

    load = os.getloadavg()
    rows = []
    for size in sizes:
        print(f"{human(size)} triples ...", file=sys.stderr, flush=True)
        rows.append(run(size, args.seed))
    text = table(rows)
    print(text)
    if args.out != "-":
        header = [
            "# Analysis benchmark",
            "",
            "Synthetic graphs replicating the seed article's events across many synthetic",
            "articles and actors (see the docstring of bench/analysis.py), analysed with",
            "`kg.analyze.analyze` at its defaults (exact betweenness up to "
            f"{BETWEENNESS_THRESHOLD:,} actors,",
            f"sampled from {BETWEENNESS_SAMPLES} sources above). Generation is not part of "
            "the analysis;",
            "scipy and networkx are imported before timing starts.",
            "",
            f"Command: `python bench/analysis.py --sizes {args.sizes} --seed {args.seed}`",
            "",
            f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, "
            f"Python {platform.python_version()}, {platform.system()}; "
            f"load average {load[0]:.2f} before the run, {os.getloadavg()[0]:.2f} after "
            "(other work on the machine slows the figures).",
            "",
        ]
        Path(args.out).write_text("\n".join(header) + "\n" + text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
