"""The build in memory: articles in, one rdflib graph out, with a summary of what was found.

It is the corpus build (:mod:`kg.corpus`) run into a temporary directory: the API, ``kg
eval`` and ``kg build`` share one build path, one writer and one person merge.
"""

from __future__ import annotations

import datetime as dt
import logging
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, Graph
from rdflib.term import Node

from kg import budget
from kg import nlp as nlp_stage
from kg.emit import Triple
from kg.model import Article
from kg.read import ReadProblem, iter_articles
from kg.vocab import PEK, bind_prefixes

log = logging.getLogger(__name__)


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


def build_articles(
    items: Iterable[Article | ReadProblem],
    model: str | None = None,
    progress: Callable[[], None] | None = None,
    actors: str | Path | None = None,
    article_timeout: float | None = budget.DEFAULT_SECONDS,
    verbs: str | Path | None = None,
    detector: str | None = None,
) -> BuildResult:
    """Extract every article and return one graph; unreadable inputs are listed, not fatal.

    This is the corpus build (:func:`kg.corpus.build_corpus`, one process) into a
    temporary directory, read back into rdflib: the API and ``kg build`` share every
    step, the person merge and the writer included.

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
    from kg.corpus import build_corpus

    given: list[str] = []

    def read() -> Iterator[Article | ReadProblem]:
        for item in items:
            if isinstance(item, Article):
                given.append(item.id)
            yield item

    graph = bind_prefixes(Graph())
    with tempfile.TemporaryDirectory(prefix="pekg-build-") as tmp:
        done = build_corpus(
            read(),
            tmp,
            fmt="nt",
            model=model,
            progress=progress,
            actors=actors,
            article_timeout=article_timeout,
            verbs=verbs,
            detector=detector,
        )
        if done.total:
            graph.parse(done.path, format="nt")
    built = {str(i) for i in graph.objects(None, PEK.articleId)}
    return BuildResult(
        graph,
        articles=[i for i in dict.fromkeys(given) if i in built],
        problems=done.problems,
        model=nlp_stage.model_name(nlp_stage.load(model)),
    )


def build_paths(
    paths: Iterable[str | Path],
    date: dt.date | None = None,
    model: str | None = None,
    detector: str | None = None,
) -> BuildResult:
    """Read files or directories and build their graph (``detector``: :mod:`kg.detect`)."""
    return build_articles(iter_articles(paths, default_date=date), model=model, detector=detector)
