"""The Python API, for notebooks and scripts: build or load a graph, query it, analyse it.

Example:
    >>> import kg
    >>> g = kg.build(["Russia vetoed the resolution on Wednesday, while China abstained."],
    ...              date="2017-04-12")
    >>> g.query("SELECT ?label WHERE { ?c a pek:Country ; rdfs:label ?label } ORDER BY ?label")
        label
    0   China
    1  Russia
    >>> votes = g.query("votes")
    >>> sorted(zip(votes["voter"], votes["choice"]))
    [('China', 'Abstain'), ('Russia', 'Veto')]
    >>> g.validate().conforms
    True
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import BNode, Graph, Literal, URIRef

from kg import query as q
from kg.read import ReadError, ReadProblem, iter_articles, parse_date, read_text
from kg.vocab import bind_prefixes

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

    from kg.analyze import Analysis
    from kg.model import Article
    from kg.validate import Report

__all__ = ["InlineView", "KnowledgeGraph", "build", "load"]

_PATHLIKE_SUFFIXES = (".txt", ".json", ".jsonl", ".html", ".htm")


@dataclass
class KnowledgeGraph:
    """A built or loaded graph, with what was read to make it.

    Attributes:
        graph: The RDF graph (rdflib); everything else is a view of it.
        articles: Ids of the articles built into it.
        problems: Inputs that could not be read, one line each.
    """

    graph: Graph
    articles: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.graph)

    def __repr__(self) -> str:
        return (
            f"<KnowledgeGraph: {len(self.graph)} triples, {len(self.articles)} articles, "
            f"{len(self.problems)} problems>"
        )

    def counts(self) -> pd.DataFrame:
        """Actors, events and quotes by class, as a table with ``group``, ``class``, ``count``."""
        import pandas as pd

        from kg.pipeline import BuildResult

        rows = [
            (group, cls, n)
            for group, counter in BuildResult(self.graph).counts().items()
            for cls, n in sorted(counter.items())
        ]
        return pd.DataFrame(rows, columns=["group", "class", "count"])

    def events(self, all: bool = False) -> pd.DataFrame:  # noqa: A002
        """The event table: one row per realised event (``all``: every event).

        The columns are those of ``kg export events`` (:data:`kg.table.COLUMNS`), with
        dates as datetimes, counts as integers and codes as categories.

        Example:
            >>> g = build(["Russia attacked Ukraine on Monday."], date="2022-03-02")
            >>> table = g.events()
            >>> row = table.iloc[0]
            >>> str(row.date.date()), row.source_iso3, row.target_iso3, row.event_class
            ('2022-02-28', 'RUS', 'UKR', 'Attack')
            >>> str(table.dtypes["date"]), str(table.dtypes["deaths"])
            ('datetime64[ns]', 'Int64')
        """
        from kg import table

        return table.frame(table.from_graph(self.graph, include_all=all))

    def run(self, sparql: str, engine: str = "rdflib", **bindings: Any) -> q.Result:
        """Run a library query name or SPARQL text and return the engine-independent result.

        Keyword arguments bind query variables (strings are literals; pass an
        ``rdflib.URIRef`` for an IRI), as ``kg query --bind`` does.

        Raises:
            kg.query.QueryError: Malformed SPARQL, an unknown library name, or a
                library query's parameter left unbound.
        """
        text, _, entry = q.resolve_query(sparql)
        terms = {k: _term(v) for k, v in bindings.items()}
        q.check_params(entry, terms)
        if engine == "oxigraph":
            return q.run_oxigraph(q.store_from_graph(self.graph), text, terms)
        if engine != "rdflib":
            raise ValueError(f"unknown engine {engine!r} (choose from {', '.join(q.ENGINES)})")
        return q.run_rdflib(self.graph, text, terms)

    def query(self, sparql: str, engine: str = "rdflib", **bindings: Any) -> Any:
        """Query the graph: a ``pandas.DataFrame`` for SELECT, a bool for ASK, a graph otherwise.

        Args:
            sparql: A library query name (``"votes"``), a ``.rq`` path or SPARQL text.
            engine: ``"rdflib"`` or ``"oxigraph"``; same answers.
            **bindings: Values for the query's variables (``a="Russia"``).

        Returns:
            For SELECT a DataFrame with one column per variable: IRIs as strings,
            literals as Python values (``datetime.date``, ``int``, ``float``, ``str``),
            ``pek:`` choice and class IRIs as their short names, unbound as ``None``.
            For ASK a bool; for CONSTRUCT / DESCRIBE a :class:`KnowledgeGraph`.
        """
        import pandas as pd

        result = self.run(sparql, engine, **bindings)
        if result.kind == "ask":
            return bool(result.boolean)
        if result.kind == "graph":
            assert result.graph is not None
            return KnowledgeGraph(result.graph)
        rows = [[_python(t) for t in row] for row in result.rows]
        return pd.DataFrame(rows, columns=result.variables)

    def to_networkx(self, kind: str = "actors") -> nx.Graph:
        """The graph as networkx: ``"actors"``, ``"events"`` (bipartite) or ``"full"`` (RDF).

        See :mod:`kg.network` for the node and edge attributes.
        """
        from kg import network

        views = {
            "actors": network.actor_graph,
            "events": network.event_graph,
            "full": network.rdf_graph,
        }
        if kind not in views:
            raise ValueError(f"unknown kind {kind!r} (choose from {', '.join(views)})")
        return views[kind](self.graph)

    def analyze(self, seed: int = 0) -> Analysis:
        """Network measures, communities, dyads and timeline (see :mod:`kg.analyze`)."""
        from kg.analyze import analyze

        return analyze(self.graph, seed=seed)

    def view(self, mode: str = "actors", **options: Any) -> str:
        """The interactive relationship view as one offline HTML page (see :mod:`kg.viz`).

        Args:
            mode: ``"actors"`` or ``"events"``.
            **options: ``top``, ``focus``, ``depth`` and the rest of :func:`kg.viz.render`.
        """
        from kg.viz import render

        return render(self.graph, mode=mode, **options)

    def show(self, mode: str = "actors", height: int = 720, **options: Any) -> InlineView:
        """Show the interactive view inline in Jupyter, in an isolated ``<iframe>``.

        Example:
            >>> html = build(["Russia vetoed the resolution."]).show()._repr_html_()
            >>> html.startswith("<div><iframe") and "srcdoc=" in html
            True
        """
        return InlineView(self.view(mode, **options), height)

    def validate(self) -> Report:
        """Check the graph against the SHACL shapes (see :mod:`kg.validate`)."""
        from kg.validate import validate

        return validate(self.graph)

    def serialize(self, path: str | Path, format: str | None = None) -> Path:  # noqa: A002
        """Write the graph atomically; the format follows the suffix unless given.

        Args:
            path: A file (``out/graph.ttl``) or a directory (then ``graph.<format>`` in it).
            format: One of :data:`kg.formats.FORMATS` (``ttl``, ``nt``, ``nq``, ``trig``,
                ``jsonld``).

        Returns:
            The path written.

        Raises:
            ValueError: The format is unknown.
        """
        from kg import formats
        from kg.write import serialize, write_atomic

        target = Path(path)
        if format is None:
            known = formats.of_path(target)
            format = known.name if known else formats.DEFAULT  # noqa: A001
        chosen = formats.get(format)
        if target.is_dir() or not target.suffix:
            target = target / chosen.graph_file
        write_atomic(target, serialize(self.graph, chosen.name))
        return target

    def _repr_html_(self) -> str:
        import html

        counts = self.counts()
        cells = "".join(
            f"<tr><td>{html.escape(g)}</td><td>{html.escape(c)}</td><td>{n}</td></tr>"
            for g, c, n in counts.itertuples(index=False)
        )
        return (
            f"<p>{html.escape(repr(self))}</p>"
            f"<table><tr><th>group</th><th>class</th><th>count</th></tr>{cells}</table>"
        )


@dataclass(frozen=True)
class InlineView:
    """An HTML page that Jupyter shows inline (sandboxed ``<iframe srcdoc>``)."""

    page: str
    height: int = 720

    def _repr_html_(self) -> str:
        import html

        return (
            f'<div><iframe srcdoc="{html.escape(self.page, quote=True)}" width="100%" '
            f'height="{int(self.height)}" style="border:0" sandbox="allow-scripts">'
            "</iframe></div>"
        )

    def save(self, path: str | Path) -> Path:
        """Write the page to a file (atomically) and return its path."""
        from kg.write import write_atomic

        target = Path(path)
        write_atomic(target, self.page)
        return target


def _term(value: Any) -> Any:
    if isinstance(value, URIRef | Literal | BNode):
        return value
    return Literal(str(value))


def _python(term: Any) -> Any:
    if term is None:
        return None
    if isinstance(term, URIRef):
        iri = str(term)
        if iri.startswith("https://w3id.org/pekg/ontology#"):
            return iri.rpartition("#")[2]
        return iri
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, Literal):  # a datatype rdflib does not map: keep its text
            return str(value)
        if type(value).__name__ == "Decimal":
            return float(value)
        return value
    return str(term)


def _as_date(date: dt.date | str | None) -> dt.date | None:
    if date is None or isinstance(date, dt.date):
        return date
    return parse_date(date)


def _sources(
    sources: str | Path | Iterable[str | Path | Mapping[str, Any]], date: dt.date | None
) -> Iterable[Article | ReadProblem]:
    if isinstance(sources, str | Path):
        sources = [sources]
    for i, source in enumerate(sources):
        where = f"texts[{i}]"
        if isinstance(source, Mapping):
            meta = dict(source)
            text = meta.pop("text", None)
            if not isinstance(text, str):
                yield ReadProblem(where, "missing 'text' field")
                continue
            meta_date = _as_date(meta.get("date")) or date
            yield read_text(
                text,
                where=where,
                id=meta.get("id"),
                title=meta.get("title"),
                date=meta_date,
                source=meta.get("source"),
                url=meta.get("url"),
            )
        elif isinstance(source, Path) or _looks_like_path(source):
            yield from iter_articles([source], default_date=date)
        else:
            yield read_text(source, where=where, date=date)


def _looks_like_path(text: str) -> bool:
    """A string is a path if it exists, or is one short line ending like an article file."""
    if "\n" in text or len(text) > 1024:
        return False
    try:
        if Path(text).exists():
            return True
    except (OSError, ValueError):  # too long for a file name: text
        return False
    if text.lower().endswith(_PATHLIKE_SUFFIXES) and " " not in text.strip():
        raise ReadError(f"{text}: no such file or directory")
    return False


def build(
    sources: str | Path | Iterable[str | Path | Mapping[str, Any]],
    date: dt.date | str | None = None,
    model: str | None = None,
    detector: str | None = None,
) -> KnowledgeGraph:
    """Build a knowledge graph from files, directories, texts or records.

    Args:
        sources: Paths (files or directories, as ``kg build`` reads them), article
            texts, or dicts with ``text`` and optional ``id``, ``title``, ``date``,
            ``source``, ``url``; one or a list.
        date: Publication date for articles without one (``date`` or ``"YYYY-MM-DD"``).
        model: An installed spaCy pipeline name (default: the small English model).
        detector: How to use the learned event detector (:mod:`kg.detect`): ``off``
            (the default), ``confidence``, ``events`` or ``only``.

    Returns:
        The graph; inputs that could not be read are listed in ``problems``.

    Raises:
        kg.read.ReadError: A path does not exist.
    """
    from kg.pipeline import build_articles

    result = build_articles(_sources(sources, _as_date(date)), model=model, detector=detector)
    return KnowledgeGraph(result.graph, result.articles, result.problems)


def load(*paths: str | Path) -> KnowledgeGraph:
    """Load built graphs (``.ttl``, ``.nt``, ``.trig``, ``.nq``, ``.jsonld`` or directories).

    Raises:
        kg.query.GraphLoadError: A file is missing or does not parse.
    """
    dataset = q.load_rdflib(paths)
    graph = bind_prefixes(Graph())
    for triple in dataset.triples((None, None, None)):
        graph.add(triple)
    articles = sorted(
        str(a) for a in graph.objects(None, URIRef("https://w3id.org/pekg/ontology#articleId"))
    )
    return KnowledgeGraph(graph, articles)
