"""The build: articles in, one RDF graph out, with a summary of what was found."""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import RDF, Graph
from rdflib.term import Node

from kg import budget, detect, dictionary, identity
from kg import nlp as nlp_stage
from kg import verbs as verb_dictionary
from kg.emit import Triple, emit
from kg.extract import extract_doc
from kg.model import Article
from kg.read import ReadProblem, iter_articles
from kg.vocab import PEK, bind_prefixes

log = logging.getLogger(__name__)

BATCH = 16


def classes_of(graph: Graph | Iterable[Triple]) -> dict[Node, set[Node]]:
    """Each typed node of a graph (or of a plain collection of triples) → its classes."""
    typed = (
        graph.triples((None, RDF.type, None))
        if isinstance(graph, Graph)
        else (t for t in graph if t[1] == RDF.type)
    )
    out: dict[Node, set[Node]] = {}
    for node, _, cls in typed:
        out.setdefault(node, set()).add(cls)
    return out


def event_counts(graph: Graph | Iterable[Triple]) -> Counter[str]:
    """Events of ``graph`` by class (each class an event has, besides ``pek:Event``)."""
    events: Counter[str] = Counter()
    for classes in classes_of(graph).values():
        if PEK.Event in classes:
            events.update(str(c).rpartition("#")[2] for c in classes if c != PEK.Event)
    return events


@dataclass
class BuildResult:
    """A built graph, the articles read and the inputs that could not be read."""

    graph: Graph
    articles: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    model: str = ""

    def counts(self) -> dict[str, Counter[str]]:
        """Actors by class, events by class, and quotes, as counters."""
        g = self.graph
        actors: Counter[str] = Counter()
        for kind in ("Person", "Country", "Organization", "Place"):
            nodes = set(g.subjects(RDF.type, PEK[kind]))
            if kind == "Place":
                nodes -= set(g.subjects(RDF.type, PEK.Country))
            actors[kind] = len(nodes)
        quotes = Counter({"Quote": len(set(g.subjects(RDF.type, PEK.Quote)))})
        return {"actors": actors, "events": event_counts(g), "quotes": quotes}

    def summary(self) -> str:
        """A one-screen summary for the terminal."""
        c = self.counts()
        lines = [
            f"articles: {len(self.articles)} built, {len(self.problems)} skipped ({self.model})",
            "actors:   " + ", ".join(f"{k} {v}" for k, v in c["actors"].items()),
            "events:   "
            + (", ".join(f"{k} {v}" for k, v in sorted(c["events"].items())) or "none"),
            f"quotes:   {c['quotes']['Quote']}",
            f"triples:  {len(self.graph)}",
        ]
        lines += [f"skipped:  {p}" for p in self.problems]
        return "\n".join(lines)


def _extract_one(nlp: Any, article: Article, doc: Any, timeout: float | None) -> Graph | str:
    """One article's triples, or a one-line message saying why it could not be built."""

    def work() -> Graph:
        parsed = nlp(article.text) if doc is None else doc
        return emit(extract_doc(nlp, article, parsed), Graph())

    return budget.attempt(work, timeout, article.where)


def build_articles(
    items: Iterable[Article | ReadProblem],
    model: str | None = None,
    progress: Callable[[], None] | None = None,
    actors: str | Path | None = None,
    article_timeout: float | None = budget.DEFAULT_SECONDS,
    verbs: str | Path | None = None,
    detector: str | None = None,
) -> BuildResult:
    """Extract every article and emit one graph; unreadable inputs are listed, not fatal.

    ``actors`` is an actor dictionary in the PETRARCH format (:mod:`kg.dictionary`),
    ``verbs`` a verb dictionary in the PETRARCH / CAMEO format (:mod:`kg.verbs`),
    ``detector`` how to use the learned event detector (:mod:`kg.detect`; None: the
    default, off).
    An article that fails, or takes longer than ``article_timeout`` seconds, is
    listed among the problems and left out; the others are built.

    Raises:
        kg.dictionary.DictionaryError: The actor dictionary cannot be read.
        kg.verbs.VerbDictionaryError: The verb dictionary cannot be read.
    """
    dictionary.use(actors)
    verb_dictionary.use(verbs)
    detect.use(detector)
    nlp = nlp_stage.load(model)
    result = BuildResult(bind_prefixes(Graph()), model=nlp_stage.model_name(nlp))
    batch: list[Article] = []

    def flush() -> None:
        from kg.corpus import parse_together

        docs = parse_together(nlp, batch, article_timeout)
        for article, doc in zip(batch, docs, strict=True):
            triples = _extract_one(nlp, article, doc, article_timeout)
            if isinstance(triples, str):
                problem = f"{article.where}: {triples}"
                result.problems.append(problem)
                log.warning("%s", problem)
            else:
                result.graph += triples
                result.articles.append(article.id)
            if progress:
                progress()
        batch.clear()

    for item in items:
        if isinstance(item, ReadProblem):
            result.problems.append(str(item))
            log.warning("%s", item)
            if progress:
                progress()
            continue
        batch.append(item)
        if len(batch) >= BATCH:
            flush()
    if batch:
        flush()
    identity.merge_graph(result.graph)
    return result


def build_paths(
    paths: Iterable[str | Path],
    date: dt.date | None = None,
    model: str | None = None,
    detector: str | None = None,
) -> BuildResult:
    """Read files or directories and build their graph (``detector``: :mod:`kg.detect`)."""
    return build_articles(iter_articles(paths, default_date=date), model=model, detector=detector)
