"""The ``kg`` command: a thin layer over the library.

Every failure the user can cause ends in one line on stderr and a non-zero exit,
never a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from kg import __version__, formats
from kg.budget import DEFAULT_SECONDS

log = logging.getLogger("kg")

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


class UserError(Exception):
    """A problem with what the user asked for: reported in one line."""


class UsageError(UserError):
    """A malformed request (bad SPARQL, unknown query name): exit status 2."""


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _interactive() -> bool:
    return sys.stderr.isatty() and not os.environ.get("CI")


def _redrawn(bar: Any, task: Any, every: float = 0.1) -> Callable[[], None]:
    """A progress callback that advances ``bar`` and redraws it at most every ``every`` s."""
    last = [0.0]

    def advance() -> None:
        bar.advance(task)
        now = time.monotonic()
        if now - last[0] >= every:
            last[0] = now
            bar.refresh()

    return advance


def cmd_build(args: argparse.Namespace) -> int:
    """kg build PATH... -o OUT"""
    from kg.corpus import DaskError, ManifestError, OutputError, WorkerError, build_corpus
    from kg.dictionary import DictionaryError
    from kg.read import iter_articles
    from kg.verbs import VerbDictionaryError

    items = iter_articles(args.paths, default_date=args.date)
    options = {
        "fmt": args.format,
        "workers": args.workers,
        "model": args.model,
        "fresh": args.fresh,
        "prune": args.prune,
        "dask": args.dask,
        "actors": args.actors,
        "verbs": args.verbs,
        "detector": args.detector,
        "article_timeout": args.article_timeout or None,
        "keep_store": args.store,
    }
    try:
        if _interactive():
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            # Redrawn by the build as articles are done, not by a thread of rich's own:
            # workers are forked only from a process that runs one thread.
            with Progress(
                TextColumn("building"),
                BarColumn(),
                MofNCompleteColumn(),
                transient=True,
                auto_refresh=False,
            ) as bar:
                task = bar.add_task("articles", total=None)
                result = build_corpus(
                    items, Path(args.out), progress=_redrawn(bar, task), **options
                )
        else:
            result = build_corpus(items, Path(args.out), **options)
    except (
        ManifestError,
        DaskError,
        WorkerError,
        DictionaryError,
        VerbDictionaryError,
        OutputError,
    ) as err:
        raise UserError(str(err)) from None
    if not result.total:
        for problem in result.problems:
            print(f"kg: {problem}", file=sys.stderr)
        raise UserError("nothing could be built: no readable article")
    print(result.summary())
    print(f"wrote {result.path}")
    return EXIT_OK


def _workers(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of processes: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"need at least 1 worker, not {n}")
    return n


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from None
    if not seconds >= 0 or seconds == float("inf"):
        raise argparse.ArgumentTypeError(f"need a number of seconds >= 0, not {value}")
    return seconds


def _detector_flags(parser: argparse.ArgumentParser) -> None:
    """``--model-confidence``, ``--model-events``, ``--model-only`` and ``--no-model``:
    how a build uses the learned event detector (:mod:`kg.detect`)."""
    use = parser.add_mutually_exclusive_group()
    use.add_argument(
        "--model-confidence",
        dest="detector",
        action="store_const",
        const="confidence",
        help="let the learned event detector raise the confidence of the rules' events it "
        "agrees with and lower that of events it doubts (better sorted confidence bands)",
    )
    use.add_argument(
        "--model-events",
        dest="detector",
        action="store_const",
        const="events",
        help="let the learned event detector add an event where no rule found an act, and "
        'keep an act with one side found when it reports the act (extractor "model", '
        "lower confidence), besides moving the confidence of the rules' events",
    )
    use.add_argument(
        "--model-only",
        dest="detector",
        action="store_const",
        const="only",
        help="for comparison: the learned event detector's events alone, without the rules'",
    )
    use.add_argument(
        "--no-model",
        dest="detector",
        action="store_const",
        const="off",
        help="rules alone, without the learned event detector (the default)",
    )


def cmd_eval(args: argparse.Namespace) -> int:
    """kg eval GOLD... --articles DIR, or kg eval --plover FILE"""
    if args.plover:
        from kg.plover import format_report, score_file

        if args.gold:
            raise UsageError("kg eval: give either GOLD... --articles DIR or --plover FILE")
        try:
            report = score_file(args.plover, model=args.model, detector=args.detector)
        except ValueError as err:
            raise UserError(str(err)) from None
        if args.json:
            print(json.dumps(report.to_dict(), indent=2, sort_keys=True))
        else:
            print(format_report(report))
        return EXIT_OK
    if not args.gold or not args.articles:
        raise UsageError("kg eval needs GOLD... and --articles DIR (or --plover FILE)")
    from kg.evaluate import evaluate, format_table
    from kg.pipeline import build_paths

    def build(path: Path):  # type: ignore[no-untyped-def]
        result = build_paths([path], model=args.model, detector=args.detector)
        if not result.articles:
            raise UserError("; ".join(result.problems) or f"{path}: nothing could be built")
        return result.graph

    try:
        results = evaluate(args.gold, Path(args.articles), build)
    except ValueError as err:
        raise UserError(str(err)) from None
    if args.json:
        print(json.dumps([r.to_dict() for r in results], indent=2, sort_keys=True))
    else:
        print(format_table(results))
    return EXIT_OK


def cmd_query(args: argparse.Namespace) -> int:
    """kg query GRAPH... QUERY"""
    from kg import query as q
    from kg.results import format_result

    if args.list:
        lib = q.library()
        width = max((len(name) for name in lib), default=0)
        for name, entry in lib.items():
            params = " ".join(f"--bind {p}=..." for p in entry.params)
            print(f"{name:<{width}}  {entry.description}" + (f"  [{params}]" if params else ""))
        return EXIT_OK
    if len(args.items) < 2:
        raise UsageError("kg query needs GRAPH... and QUERY (or --list); see kg query --help")
    *graphs, spec = args.items
    try:
        bindings = dict(q.parse_binding(b) for b in args.bind)
    except ValueError as err:
        raise UsageError(f"--bind: {err}") from None
    try:
        text, label, found = q.resolve_query(spec)
        q.check_params(found, bindings)
    except q.QueryError as err:
        raise UsageError(str(err)) from None
    try:
        if args.engine == "oxigraph" and args.format in q.RESULTS_FORMATS:
            if not args.allow_service:
                q.refuse_service(text)
            written = q.serialize_oxigraph(
                q.load_store(graphs),
                text,
                args.format,
                bindings,
                allow_service=args.allow_service,
            )
            if isinstance(written, tuple):  # Oxigraph's own SPARQL results writer
                body, boolean = written
                sys.stdout.write(body if body.endswith("\n") else body + "\n")
                return EXIT_FAIL if boolean is False else EXIT_OK
            result = written
        else:
            result = q.run(
                graphs,
                text,
                engine=args.engine,
                bindings=bindings,
                allow_service=args.allow_service,
            )
    except q.ServiceRefused as err:
        raise UsageError(f"{label}: {err} (pass --allow-service to send them)") from None
    except q.GraphLoadError as err:
        raise UserError(str(err)) from None
    except q.QueryError as err:
        raise UsageError(f"{label}: {err}") from None
    sys.stdout.write(format_result(result, args.format))
    if result.kind == "ask":
        return EXIT_OK if result.boolean else EXIT_FAIL
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    """kg validate GRAPH..."""
    from kg.query import GraphLoadError, load_rdflib
    from kg.validate import validate

    try:
        graph = load_rdflib(args.graphs)
    except GraphLoadError as err:
        raise UserError(str(err)) from None
    report = validate(graph)
    print(report)
    return EXIT_OK if report.conforms else EXIT_FAIL


#: Predicates analysis and views (kg.network, kg.analyze, kg.viz) never read: offsets,
#: provenance details, quotes, codes and arguments. They are left out of what is
#: loaded into rdflib (the report still counts the whole graph).
UNREAD_PREDICATES = (
    "charStart",
    "charEnd",
    "confidence",
    "extractor",
    "nlpModel",
    "article",
    "text",
    "quote",
    "speaker",
    "title",
    "dateText",
    "cameoCode",
    "ploverType",
    "ploverMode",
    "motion",
    "instrument",
    "quantity",
    "deathsQualifier",
)


def _load_graph(paths: Sequence[str]):  # type: ignore[no-untyped-def]
    """Built graph files as one rdflib graph for analysis and views, and the number of
    triples of the whole graph: read through Oxigraph, without the measures of an
    earlier analysis and without what analysis never reads (:data:`UNREAD_PREDICATES`)."""
    from kg.query import GraphLoadError, load_graph_part
    from kg.vocab import PEK

    measures = [PEK.degree, PEK.weightedDegree, PEK.betweenness, PEK.pagerank, PEK.community]
    unread = [PEK[name] for name in UNREAD_PREDICATES]
    try:
        return load_graph_part(paths, skip=unread, drop=measures)
    except GraphLoadError as err:
        raise UserError(str(err)) from None


def cmd_analyze(args: argparse.Namespace) -> int:
    """kg analyze GRAPH... -o OUT"""
    from kg.analyze import ActorLookupError, analyze, find_actor, write_analysis

    graph, triples = _load_graph(args.graphs)
    pair = None
    if args.between:
        try:
            pair = (find_actor(graph, args.between[0]), find_actor(graph, args.between[1]))
        except ActorLookupError as err:
            raise UsageError(f"--between: {err}") from None
    analysis = analyze(graph, seed=args.seed, triples=triples)
    paths = write_analysis(analysis, Path(args.out), pair=pair, top=args.top)
    events = len(analysis.events)
    print(
        f"analysed {len(analysis.measures)} actors, {events} events, "
        f"{len(analysis.communities)} communities"
    )
    for path in paths:
        print(f"wrote {path}")
    return EXIT_OK


def cmd_viz(args: argparse.Namespace) -> int:
    """kg viz GRAPH... -o OUT.html"""
    from kg.viz import write_view

    graph, _ = _load_graph(args.graphs)
    out = Path(args.out)
    if out.is_dir() or not out.suffix:
        out = out / "graph.html"
    try:
        path = write_view(
            graph,
            out,
            mode=args.mode,
            top=args.top,
            focus=args.focus,
            depth=args.depth,
            article_pages=args.article_pages,
        )
    except ValueError as err:
        raise UsageError(str(err)) from None
    print(f"wrote {path}")
    if args.screenshot:
        from kg.browser import screenshot

        try:
            png = screenshot(path, args.screenshot)
        except (RuntimeError, TimeoutError) as err:
            raise UserError(f"screenshot: {err}") from None
        print(f"wrote {png}")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    """kg export events GRAPH... -o FILE"""
    from kg.query import GraphLoadError
    from kg.table import TableError, from_paths, table_format, write_table

    out = Path(args.out)
    try:
        fmt = table_format(out, args.format)
    except TableError as err:
        raise UsageError(str(err)) from None
    try:
        table = from_paths(args.graphs, include_all=args.all)
    except GraphLoadError as err:
        raise UserError(str(err)) from None
    try:
        write_table(table, out, fmt)
    except TableError as err:
        raise UserError(str(err)) from None
    kind = "events" if args.all else "realised events"
    print(f"wrote {out} ({len(table)} {kind})")
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    """kg show GRAPH... --article ID -o PAGE.html | --all -o DIR"""
    from kg.article import (
        ArticleNotFound,
        article_ids,
        article_view,
        find_text,
        load_all_articles,
        load_article_graph,
        manifest_source,
        read_facts,
        texts_from,
        write_page,
    )
    from kg.query import GraphLoadError
    from kg.viz import article_page

    out = Path(args.out)
    try:
        if args.all:
            ids = article_ids(args.graphs)
            shared, own = load_all_articles(args.graphs)
            sources = args.text or sorted(
                {str(p) for i in ids if (p := manifest_source(args.graphs, i))}
            )
            texts = texts_from(sources, set(ids))
            out.mkdir(parents=True, exist_ok=True)
        else:
            ids = [args.article]
    except GraphLoadError as err:
        raise UserError(str(err)) from None
    except OSError as err:
        raise UserError(f"{out}: cannot make the directory: {err.strerror or err}") from None
    for article_id in ids:
        if args.all:
            graph, text = article_view(shared, own, article_id), texts.get(article_id)
            page = out / Path(article_page(".", article_id)).name
        else:
            try:
                graph = load_article_graph(args.graphs, article_id)
            except GraphLoadError as err:
                raise UserError(str(err)) from None
            found = args.text or [p for p in [manifest_source(args.graphs, article_id)] if p]
            text, page = find_text(article_id, found), out
        try:
            facts = read_facts(graph, article_id, text)
            write_page(facts, page)
        except ArticleNotFound as err:
            raise UserError(str(err)) from None
        except OSError as err:
            raise UserError(str(err)) from None
        whole = "the whole text" if facts.complete else "the evidence sentences (text not found)"
        print(f"wrote {page}: {len(facts.facts)} facts on {whole}")
    return EXIT_OK


def cmd_info(args: argparse.Namespace) -> int:
    """kg info"""
    import json

    from kg.info import collect, format_info

    facts = collect(args.model)
    print(json.dumps(facts, indent=2) if args.json else format_info(facts))
    return EXIT_OK


def cmd_push(args: argparse.Namespace) -> int:
    """kg push OUT --endpoint URL [--graph IRI]"""
    from kg.query import GraphLoadError
    from kg.store import StoreError, push

    try:
        summary = push(args.paths, args.endpoint, graph=args.graph)
    except (StoreError, GraphLoadError) as err:
        raise UserError(str(err)) from None
    print(summary)
    return EXIT_OK


def _positive_seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from None
    if not 0 < seconds < 1e6:
        raise argparse.ArgumentTypeError(f"need a positive number of seconds, not {value}")
    return seconds


def cmd_serve(args: argparse.Namespace) -> int:
    """kg serve OUT [--port N]"""
    from kg.query import GraphLoadError
    from kg.store import StoreError, serve

    try:
        return serve(args.paths, port=args.port, host=args.host, timeout=args.timeout)
    except (StoreError, GraphLoadError) as err:
        raise UserError(str(err)) from None


def parser() -> argparse.ArgumentParser:
    """The argument parser, with help for every command."""
    p = argparse.ArgumentParser(
        prog="kg", description="Turn news articles into an RDF knowledge graph of political events."
    )
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    p.add_argument("-v", "--verbose", action="store_true", help="log what happens")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    b = sub.add_parser(
        "build",
        help="build the knowledge graph of articles",
        description="Read .txt (with NAME.json sidecars), .jsonl and .html articles, "
        "files or directories, and write OUT/graph.ttl. Builds are incremental: "
        "OUT/manifest.sqlite remembers every article, so a rerun only parses new or changed "
        "ones. Example: kg build data/articles -o out",
    )
    b.add_argument("paths", nargs="+", metavar="PATH", help="article files or directories")
    b.add_argument("-o", "--out", required=True, metavar="OUT", help="output directory")
    b.add_argument(
        "--format",
        choices=formats.names(),
        default=formats.DEFAULT,
        help="output format; nq and trig put each article in its own named graph",
    )
    b.add_argument(
        "--workers",
        type=_workers,
        default=os.cpu_count() or 1,
        metavar="N",
        help="processes to parse with (default: the number of cores)",
    )
    b.add_argument(
        "--dask",
        metavar="SCHEDULER",
        help="parse on a Dask cluster: its scheduler address (tcp://host:8786) or 'local'",
    )
    b.add_argument(
        "--fresh", action="store_true", help="forget OUT/manifest.sqlite and rebuild everything"
    )
    b.add_argument(
        "--store",
        action="store_true",
        help="also keep an Oxigraph store of the graph in OUT/store, which kg query, analyze "
        "and viz open instead of parsing the graph file (opens at once; queries on it run "
        "slower than in memory)",
    )
    b.add_argument(
        "--prune",
        action="store_true",
        help="drop articles built by earlier runs that are not among PATH...",
    )
    b.add_argument(
        "--date", type=_date, metavar="YYYY-MM-DD", help="publication date when metadata has none"
    )
    b.add_argument("--model", metavar="NAME", help="installed spaCy pipeline to use")
    b.add_argument(
        "--actors",
        metavar="FILE",
        help="actor dictionary in the PETRARCH format: names with dated [CODE date-range] "
        "roles tie people and organisations to a country on the article's date",
    )
    b.add_argument(
        "--verbs",
        metavar="FILE",
        help="verb dictionary in the PETRARCH / CAMEO format: its verbs, synonyms and simple "
        "patterns trigger the event class their CAMEO code stands for, on top of the built-in "
        "lexicon",
    )
    _detector_flags(b)
    b.add_argument(
        "--article-timeout",
        type=_seconds,
        default=DEFAULT_SECONDS,
        metavar="SECONDS",
        help="skip, with a message, an article that takes longer than this to parse and "
        f"extract (default {DEFAULT_SECONDS:g}; 0 for no limit)",
    )
    b.set_defaults(func=cmd_build)

    e = sub.add_parser(
        "eval",
        help="score extraction against gold annotations",
        description="Build each gold file's article and report precision, recall and F1; or, "
        "with --plover, build each PLOVER record's sentence and score its event type and "
        "dyad. Examples: kg eval tests/data --articles data/articles; "
        "kg eval --plover ../shared/eval/plover/plover-gsr-dev.json",
    )
    e.add_argument("gold", nargs="*", metavar="GOLD", help="gold files or directories of them")
    e.add_argument("--articles", metavar="DIR", help="directory of the articles")
    e.add_argument(
        "--plover",
        metavar="FILE",
        help="score sentence-level PLOVER event records instead (typed-right and dyad-right "
        "rates per category, extra events, confusion table); see docs/EVALUATION.md",
    )
    e.add_argument("--json", action="store_true", help="machine-readable output")
    e.add_argument("--model", metavar="NAME", help="installed spaCy pipeline to use")
    _detector_flags(e)
    e.set_defaults(func=cmd_eval)

    q = sub.add_parser(
        "query",
        help="run SPARQL on built graphs",
        description="Run a SPARQL query on one or more graph files (.ttl, .nt, .trig, .nq, "
        ".jsonld) or a directory of them. QUERY is a .rq file, the name of a library query "
        "(kg query --list) or inline SPARQL; the pek:, pekr:, rdfs:, skos:, owl:, xsd:, "
        "dcterms:, prov: and wd: prefixes are predeclared. ASK prints true/false and exits "
        "0/1; CONSTRUCT and DESCRIBE print Turtle. Malformed SPARQL exits with status 2. "
        "Examples: kg query out/graph.ttl votes; "
        "kg query out/graph.ttl dyad --bind a=Russia --bind b='United States'; "
        "kg query out/graph.ttl 'SELECT ?e WHERE { ?e a pek:Attack }'",
    )
    q.add_argument("items", nargs="*", metavar="GRAPH... QUERY", help="graph files, then the query")
    q.add_argument("--list", action="store_true", help="list the query library and exit")
    q.add_argument(
        "--engine",
        choices=["oxigraph", "rdflib"],
        default="oxigraph",
        help="oxigraph (default: embedded, fast on large graphs) or rdflib; same results",
    )
    q.add_argument(
        "--format",
        choices=["table", "csv", "tsv", "json", "xml"],
        default="table",
        help="table (default), or SPARQL 1.1 results as csv, tsv, json or xml "
        "(a graph: Turtle, JSON-LD with its @context, or RDF/XML)",
    )
    q.add_argument(
        "--bind",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="bind a query variable: an IRI as <...> or pekr:..., anything else a string",
    )
    q.add_argument(
        "--allow-service",
        action="store_true",
        help="run SPARQL SERVICE clauses, which send requests to the servers they name "
        "(refused by default)",
    )
    q.set_defaults(func=cmd_query)

    v = sub.add_parser(
        "validate",
        help="check built graphs against the SHACL shapes",
        description="Validate graph files against ontology/shapes.ttl (with the ontology); "
        "print each violation and exit 1 when the graph does not conform. "
        "Example: kg validate out/graph.ttl",
    )
    v.add_argument("graphs", nargs="+", metavar="GRAPH", help="graph files or directories")
    v.set_defaults(func=cmd_validate)

    an = sub.add_parser(
        "analyze",
        help="network analysis: central actors, dyads, communities, timeline",
        description="Analyse built graphs as networks (networkx): degree, betweenness and "
        "PageRank centrality, Louvain communities, country dyads with their "
        "cooperation-conflict balance, a timeline. Writes OUT/report.md and the measures "
        "as RDF, OUT/analysis.ttl (pek:degree, pek:pagerank, pek:community, ...). "
        "Example: kg analyze out/graph.ttl -o out --between Russia 'United States'",
    )
    an.add_argument("graphs", nargs="+", metavar="GRAPH", help="graph files or directories")
    an.add_argument("-o", "--out", required=True, metavar="OUT", help="output directory")
    an.add_argument(
        "--between",
        nargs=2,
        metavar=("A", "B"),
        help="also report the shortest connection and the dyad between two actors",
    )
    an.add_argument("--top", type=int, default=20, metavar="N", help="actors in the top table")
    an.add_argument("--seed", type=int, default=0, help="seed of community detection")
    an.set_defaults(func=cmd_analyze)

    vz = sub.add_parser(
        "viz",
        help="interactive relationship view (one offline HTML file)",
        description="Draw built graphs as an interactive network (pyvis / vis-network, "
        "everything inline, no network access): actors coloured and shaped by class, sized "
        "by PageRank, edges labelled with roles or event classes, tooltips with the evidence "
        "sentence; search, filters by event class and date, click to highlight a "
        "neighbourhood. Example: kg viz out/graph.ttl -o out/graph.html --mode events",
    )
    vz.add_argument("graphs", nargs="+", metavar="GRAPH", help="graph files or directories")
    vz.add_argument("-o", "--out", required=True, metavar="HTML", help="the page to write")
    vz.add_argument(
        "--mode",
        choices=["actors", "events"],
        default="actors",
        help="actors only, events folded into edges (default), or actor and event nodes",
    )
    vz.add_argument("--top", type=int, metavar="N", help="keep the N most central actors")
    vz.add_argument("--focus", metavar="ACTOR", help="keep the neighbourhood of one actor")
    vz.add_argument(
        "--depth", type=int, default=1, metavar="K", help="hops around --focus (default 1)"
    )
    vz.add_argument("--screenshot", metavar="PNG", help="also save a picture (headless Chromium)")
    vz.add_argument(
        "--article-pages",
        metavar="DIR",
        help="the article views (kg show --all -o DIR), relative to the page: a clicked "
        "node's sources link to them",
    )
    vz.set_defaults(func=cmd_viz)

    sh = sub.add_parser(
        "show",
        help="one article's text with what was read from it (an HTML page to check facts)",
        description="Write one offline HTML page for an article: its text with actor "
        "mentions, event words and quotations marked, beside every fact the graph holds "
        "from it (events with sides, date, place, deaths, confidence; quotes; roles), each "
        "linked to where it was read. The text is read again from --text, else from the "
        "file the build's manifest records, and used when it is the text the graph was "
        "built from; otherwise the page shows the evidence sentences alone. "
        "Example: kg show out/ --article 2017-04-12-trump-us-russia-relations -o page.html",
    )
    sh.add_argument("graphs", nargs="+", metavar="GRAPH", help="graph files or directories")
    which = sh.add_mutually_exclusive_group(required=True)
    which.add_argument("--article", metavar="ID", help="the article's id")
    which.add_argument(
        "--all", action="store_true", help="every article: -o is a directory, one page each"
    )
    sh.add_argument(
        "-o", "--out", required=True, metavar="HTML", help="the page (with --all: a directory)"
    )
    sh.add_argument(
        "--text",
        nargs="+",
        metavar="PATH",
        help="article files or directories to read the text from (as kg build reads them)",
    )
    sh.set_defaults(func=cmd_show)

    inf = sub.add_parser(
        "info",
        help="versions, the spaCy pipeline, lexicon sizes and the tools found",
        description="Show what this installation has: the versions of pekg and its key "
        "libraries, the spaCy pipeline a build would use and where it is installed, the "
        "lexicon sizes, and whether Chromium (screenshots, browser tests) and the oxigraph "
        "server (kg serve) are found. Example: kg info --json",
    )
    inf.add_argument("--model", metavar="NAME", help="the spaCy pipeline to look for")
    inf.add_argument("--json", action="store_true", help="print JSON")
    inf.set_defaults(func=cmd_info)

    ex = sub.add_parser(
        "export",
        help="export tables: one row per event (CSV, Parquet, JSON lines)",
        description="Write the event table of built graphs: one row per realised event "
        "with its date, directed source and target (names, ISO3 codes, kinds, sectors, "
        "IRIs), class, PLOVER type and mode, CAMEO code, Goldstein score, modality, place, "
        "deaths, confidence, the number of articles reporting it, the first article and "
        "the evidence sentence with its offsets. The README lists every column. "
        "Example: kg export events out/graph.ttl -o events.csv",
    )
    ex.add_argument("table", choices=["events"], help="the table to write")
    ex.add_argument("graphs", nargs="+", metavar="GRAPH", help="graph files or directories")
    ex.add_argument(
        "-o", "--out", required=True, metavar="FILE", help="the file (.csv, .parquet, .jsonl)"
    )
    ex.add_argument(
        "--format",
        choices=["csv", "parquet", "jsonl"],  # table.TABLE_FORMATS (kept light: a test checks)
        help="the file format (default: from the file's suffix)",
    )
    ex.add_argument(
        "--all",
        action="store_true",
        help="also events not reported as realised (negated, planned, threatened, ...)",
    )
    ex.set_defaults(func=cmd_export)

    pu = sub.add_parser(
        "push",
        help="load a build into a SPARQL 1.1 store",
        description="Send a build (OUT directory or graph files) to a SPARQL 1.1 store with "
        "the Graph Store HTTP Protocol: each article in its own named graph (PUT, so pushing "
        "again replaces it), actor descriptions merged into pekr:graph/actors. Credentials "
        "come only from the environment: PEKG_STORE_TOKEN, or PEKG_STORE_USER and "
        "PEKG_STORE_PASSWORD. Example: kg push out --endpoint http://localhost:7878/store",
    )
    pu.add_argument("paths", nargs="+", metavar="OUT", help="build directory or graph files")
    pu.add_argument(
        "--endpoint", required=True, metavar="URL", help="the store's graph store endpoint"
    )
    pu.add_argument("--graph", metavar="IRI", help="put everything into this one named graph")
    pu.set_defaults(func=cmd_push)

    se = sub.add_parser(
        "serve",
        help="serve a build over SPARQL with a local Oxigraph server",
        description="Start a read-only Oxigraph server loaded with a build (the store is kept "
        "in OUT/.store and reused while the build is unchanged) and print its SPARQL endpoint; "
        "Ctrl-C stops it. Queries running longer than --timeout are stopped, and SERVICE "
        "clauses refused. There is no authentication: keep the default loopback --host. "
        "Example: kg serve out --port 7878",
    )
    se.add_argument("paths", nargs="+", metavar="OUT", help="build directory or graph files")
    se.add_argument("--port", type=int, metavar="N", help="port (default: a free one)")
    se.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    se.add_argument(
        "--timeout",
        type=_positive_seconds,
        default=30.0,
        metavar="SECONDS",
        help="stop a query that runs longer than this, answering 503 (default: 30)",
    )
    se.set_defaults(func=cmd_serve)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``kg`` console script."""
    from kg.procs import one_math_thread

    one_math_thread()  # before numpy is loaded (by spaCy, rdflib's plugins, pandas)
    args = parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.ERROR, format="kg: %(message)s"
    )
    from kg.nlp import ModelError
    from kg.read import ReadError

    try:
        return int(args.func(args))
    except UsageError as err:
        print(f"kg: {err}", file=sys.stderr)
        return EXIT_USAGE
    except (UserError, ReadError, ModelError) as err:
        print(f"kg: {err}", file=sys.stderr)
        return EXIT_FAIL
    except KeyboardInterrupt:
        print("kg: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
