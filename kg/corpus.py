"""Corpus builds: streaming, parallel, incremental, written without holding the graph.

``kg build`` runs here. Articles stream from :func:`kg.read.iter_articles` in
batches; each batch is parsed with ``nlp.pipe`` and extracted, in this process or
in ``workers`` processes that each load the model once. Every article's output is
kept in a manifest, ``OUT/manifest.sqlite``:

- ``articles``: one row per article: a digest of its text, metadata and the
  pipeline, and its triples (N-Triples and a Turtle chunk, compressed);
- ``actor_lines``: actor descriptions (types, labels, aliases, identity) shared by
  the articles that name the actor, with a reference count.

Each batch is committed on its own, so an interrupted build loses at most the
articles in flight, and a rerun skips every article whose digest is unchanged and
replaces the triples of a changed one. The graph file, ``OUT/graph.<format>``, is
then written from the manifest one article at a time (``jsonld`` excepted: it is
built in memory). In ``trig`` and ``nq`` each article's triples are in the named
graph of its IRI, ``pekr:article/<id>``, and actor descriptions in
``pekr:graph/actors``.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import io
import itertools
import json
import logging
import multiprocessing
import os
import re
import shutil
import sqlite3
import sys
import zlib
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from rdflib import Graph

from kg import __version__, budget, detect, dictionary, formats, happenings, identity, procs
from kg import verbs as verb_dictionary
from kg.model import Article
from kg.read import ReadProblem
from kg.vocab import PEKR, bind_prefixes
from kg.write import LineSink, nt_lines, prefix_header, quads, split_lines, turtle_chunk

__all__ = [
    "ACTORS_GRAPH",
    "ArticleOutput",
    "ArticleSkipped",
    "OutputError",
    "CorpusResult",
    "DaskError",
    "WorkerError",
    "Manifest",
    "article_output",
    "build_corpus",
    "fingerprint",
]

log = logging.getLogger(__name__)

#: Named graph holding actor descriptions in ``trig`` / ``nq`` output.
ACTORS_GRAPH = str(PEKR["graph/actors"])
#: Articles per ``nlp.pipe`` batch and per task sent to a worker.
BATCH = 16
MANIFEST = "manifest.sqlite"
SCHEMA_VERSION = 1
#: Version of the triples' serialisation: a change rebuilds every stored article.
SERIAL_VERSION = 2

_RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_PEK = "https://w3id.org/pekg/ontology#"


@cache
def fingerprint() -> str:
    """A digest of what decides an article's triples besides its text: version and lexicons.

    Editing a lexicon or upgrading pekg changes it, and so rebuilds every article.
    """
    h = hashlib.sha1(f"pekg {__version__} schema {SCHEMA_VERSION} {SERIAL_VERSION}".encode())
    lexicons = Path(__file__).resolve().parent / "lexicons"
    for path in sorted(lexicons.glob("*")):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def article_digest(article: Article, model: str) -> str:
    """Digest of an article's text and metadata, the model and :func:`fingerprint`.

    Example:
        >>> a = Article(id="a", text="Talks began.")
        >>> article_digest(a, "m") == article_digest(a, "m") != article_digest(a, "n")
        True
    """
    h = hashlib.sha1()
    for part in (
        article.id,
        article.text,
        article.title or "",
        article.date.isoformat() if article.date else "",
        article.source or "",
        article.url or "",
        model,
        fingerprint(),
    ):
        h.update(part.encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()


@dataclass(frozen=True)
class ArticleOutput:
    """What one article contributes to the graph, serialised.

    Attributes:
        id: The article id.
        digest: :func:`article_digest` of the article as read.
        path: Where it was read from.
        nt: The article's own triples as sorted N-Triples lines.
        ttl: The same as a Turtle chunk without ``@prefix`` lines.
        actors: Actor descriptions as sorted N-Triples lines.
        events: Events by class.
        quotes: Number of quotes.
    """

    id: str
    digest: str
    path: str
    nt: str
    ttl: str
    actors: str
    events: dict[str, int] = field(default_factory=dict)
    quotes: int = 0


@dataclass(frozen=True)
class ArticleSkipped:
    """An article that could not be built: it ran over its time budget, or failed.

    Attributes:
        id: The article id.
        digest: :func:`article_digest` of the article as read.
        where: Its file (or ``file:line``), or its id when it came from memory.
        message: What went wrong, one line.
    """

    id: str
    digest: str
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def _ttl_chunk(nt: str) -> str:
    return turtle_chunk(split_lines(nt))


def article_output(nlp: Any, article: Article, doc: Any, digest: str) -> ArticleOutput:
    """Extract one parsed article and serialise its triples (see :class:`ArticleOutput`)."""
    from kg.emit import emit_sets
    from kg.extract import extract_doc
    from kg.pipeline import classes_of, event_counts
    from kg.vocab import PEK

    own, actors = emit_sets(extract_doc(nlp, article, doc))
    events = event_counts(own)
    quotes = sum(1 for classes in classes_of(own).values() if PEK.Quote in classes)
    nt = nt_lines(own)
    return ArticleOutput(
        id=article.id,
        digest=digest,
        path=article.path or "",
        nt=nt,
        ttl=_ttl_chunk(nt),
        actors=nt_lines(actors),
        events=dict(events),
        quotes=quotes,
    )


# ---------------------------------------------------------------------------
# Manifest
# ---------------------------------------------------------------------------


def _pack(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8"), 6)


def _unpack(blob: bytes) -> str:
    return zlib.decompress(blob).decode("utf-8")


def _written_token(fmt: str, state: str, size: int, mtime_ns: int) -> str:
    return f"{fmt} {state} {size} {mtime_ns}"


class Manifest:
    """The SQLite manifest of a build directory (see the module docstring)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(path)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self._create()
        except sqlite3.OperationalError:
            raise  # cannot write (read-only, disk full): the build says so in one line
        except sqlite3.DatabaseError as err:
            raise ManifestError(f"{path}: not a pekg manifest ({err})") from None

    def _create(self) -> None:
        self.db.executescript(
            """
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
            CREATE TABLE IF NOT EXISTS articles (
                id TEXT PRIMARY KEY, digest TEXT NOT NULL, path TEXT, run INTEGER,
                events TEXT, quotes INTEGER, nt BLOB, ttl BLOB, actors BLOB
            );
            CREATE TABLE IF NOT EXISTS actor_lines (
                line TEXT PRIMARY KEY, refs INTEGER NOT NULL
            );
            CREATE TABLE IF NOT EXISTS skipped (
                input TEXT PRIMARY KEY, id TEXT, run INTEGER, message TEXT NOT NULL
            );
            """
        )
        row = self.db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
        if row is None:
            self.db.execute("INSERT INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
        elif row[0] != str(SCHEMA_VERSION):
            raise ManifestError(
                f"{self.path}: written by another version of pekg (schema {row[0]}); "
                "build into a new directory or pass --fresh"
            )
        self.db.commit()

    def next_run(self) -> int:
        """A new run number; articles seen in this run are marked with it."""
        row = self.db.execute("SELECT value FROM meta WHERE key='run'").fetchone()
        run = int(row[0]) + 1 if row else 1
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('run', ?)", (str(run),))
        self.db.commit()
        return run

    def digest(self, article_id: str) -> str | None:
        """The stored digest of an article, or ``None`` when it was never built."""
        row = self.db.execute("SELECT digest FROM articles WHERE id=?", (article_id,)).fetchone()
        return row[0] if row else None

    def touch(self, article_id: str, run: int) -> None:
        """Mark an unchanged article as seen in ``run``."""
        self.db.execute("UPDATE articles SET run=? WHERE id=?", (run, article_id))

    def _release_actors(self, article_id: str) -> None:
        row = self.db.execute("SELECT actors FROM articles WHERE id=?", (article_id,)).fetchone()
        if row and row[0]:
            lines = [(line,) for line in split_lines(_unpack(row[0]))]
            self.db.executemany("UPDATE actor_lines SET refs = refs - 1 WHERE line=?", lines)
            self.db.execute("DELETE FROM actor_lines WHERE refs <= 0")

    def skip(self, where: str, message: str, run: int, article_id: str | None = None) -> None:
        """Record an input that was skipped in ``run``, and why; an older build of it is dropped.

        A changed article that cannot be built no longer has its earlier triples in the
        graph: the graph holds what the input says now, or nothing.
        """
        if article_id is not None:
            self._release_actors(article_id)
            self.db.execute("DELETE FROM articles WHERE id=?", (article_id,))
        self.db.execute(
            "INSERT OR REPLACE INTO skipped VALUES (?, ?, ?, ?)", (where, article_id, run, message)
        )

    def state(self) -> str:
        """A digest of what the graph file is written from: every article and its digest.

        Equal states write byte-identical graph files (the digests cover the text,
        the model, pekg's version and its lexicons).
        """
        h = hashlib.sha1()
        for article_id, digest in self.db.execute("SELECT id, digest FROM articles ORDER BY id"):
            h.update(f"{article_id}\t{digest}\n".encode())
        return h.hexdigest()

    def written(self, fmt: str, path: Path, state: str) -> bool:
        """Whether ``path`` is the graph file last written in ``fmt`` from ``state``."""
        row = self.db.execute("SELECT value FROM meta WHERE key='written'").fetchone()
        if row is None or not path.is_file():
            return False
        stat = path.stat()
        return bool(row[0] == _written_token(fmt, state, stat.st_size, stat.st_mtime_ns))

    def set_merged(self, merged: Mapping[str, int]) -> None:
        """Remember how many reports of each class the last graph merged into others'."""
        self.db.execute(
            "INSERT OR REPLACE INTO meta VALUES ('merged', ?)", (json.dumps(dict(merged)),)
        )

    def merged(self) -> Counter[str]:
        """Reports of each class the last written graph merged into other reports' nodes."""
        row = self.db.execute("SELECT value FROM meta WHERE key='merged'").fetchone()
        return Counter(json.loads(row[0])) if row else Counter()

    def mark_written(self, fmt: str, path: Path, state: str) -> None:
        """Remember that ``path`` was written in ``fmt`` from ``state``."""
        stat = path.stat()
        token = _written_token(fmt, state, stat.st_size, stat.st_mtime_ns)
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('written', ?)", (token,))
        self.db.commit()

    def skipped(self) -> list[tuple[str, str]]:
        """``(input, message)`` of every input skipped by the latest run that saw it."""
        rows = self.db.execute("SELECT input, message FROM skipped ORDER BY input")
        return [(where, message) for where, message in rows]

    def store(self, outputs: Sequence[ArticleOutput | ArticleSkipped], run: int) -> None:
        """Record a batch of outputs, replacing older versions of the same articles; commit."""
        for out in outputs:
            if isinstance(out, ArticleSkipped):
                self.skip(out.where, out.message, run, out.id)
                continue
            self.db.execute("DELETE FROM skipped WHERE id=? OR input=?", (out.id, out.path))
            self._release_actors(out.id)
            self.db.execute(
                "INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    out.id,
                    out.digest,
                    out.path,
                    run,
                    json.dumps(out.events, sort_keys=True),
                    out.quotes,
                    _pack(out.nt),
                    _pack(out.ttl),
                    _pack(out.actors),
                ),
            )
            lines = [(line,) for line in split_lines(out.actors)]
            self.db.executemany("INSERT OR IGNORE INTO actor_lines VALUES (?, 0)", lines)
            self.db.executemany("UPDATE actor_lines SET refs = refs + 1 WHERE line=?", lines)
        self.db.commit()

    def prune(self, run: int) -> int:
        """Forget articles not seen in ``run``; return how many."""
        ids = [r[0] for r in self.db.execute("SELECT id FROM articles WHERE run != ?", (run,))]
        for article_id in ids:
            self._release_actors(article_id)
            self.db.execute("DELETE FROM articles WHERE id=?", (article_id,))
        self.db.execute("DELETE FROM skipped WHERE run != ?", (run,))
        self.db.commit()
        return len(ids)

    def rows(self, column: str) -> Iterator[tuple[str, str]]:
        """``(id, text)`` for every article, by id: its ``nt`` lines or its ``ttl`` chunk."""
        if column not in ("nt", "ttl"):
            raise ValueError(f"no column {column!r}")
        cursor = self.db.execute(f"SELECT id, {column} FROM articles ORDER BY id")
        for article_id, blob in cursor:
            yield article_id, _unpack(blob)

    def actor_lines(self) -> Iterator[str]:
        """Every distinct actor description line, sorted."""
        for (line,) in self.db.execute("SELECT line FROM actor_lines ORDER BY line"):
            yield line + "\n"

    def totals(self) -> tuple[Counter[str], int]:
        """Events by class and the number of quotes over all articles."""
        events: Counter[str] = Counter()
        quotes = 0
        for counts, n in self.db.execute("SELECT events, quotes FROM articles"):
            events.update(json.loads(counts))
            quotes += n
        return events, quotes

    def count(self) -> int:
        """Number of articles in the manifest."""
        return int(self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def actor_counts(self) -> Counter[str]:
        """Distinct actors by class (places that are not countries as ``Place``)."""
        counts: Counter[str] = Counter()
        for kind in ("Person", "Country", "Organization", "Place"):
            pattern = f"% {_RDF_TYPE} <{_PEK}{kind}> ."
            counts[kind] = int(
                self.db.execute(
                    "SELECT COUNT(*) FROM actor_lines WHERE line LIKE ?", (pattern,)
                ).fetchone()[0]
            )
        counts["Place"] -= counts["Country"]
        return counts

    def close(self) -> None:
        """Commit and close."""
        self.db.commit()
        self.db.close()


class ManifestError(Exception):
    """The manifest cannot be used; the message names the file."""


# ---------------------------------------------------------------------------
# Workers
# ---------------------------------------------------------------------------

_WORKER_MODEL: str | None = None


def _worker_init(
    model: str | None,
    actors: str | None = None,
    verbs: str | None = None,
    detector: str | None = None,
) -> None:
    global _WORKER_MODEL
    parent = multiprocessing.parent_process()
    procs.die_with_parent(parent.pid if parent is not None else None)  # even on kill -9
    _WORKER_MODEL = model
    from kg import nlp as nlp_stage

    dictionary.use(actors)
    verb_dictionary.use(verbs)
    detect.use(detector)
    nlp_stage.load(model)


#: Articles longer than this (in characters) are parsed alone, each in its own budget.
PIPE_MAX_CHARS = 20_000


def build_one(
    nlp: Any, article: Article, digest: str, doc: Any, timeout: float | None
) -> ArticleOutput | ArticleSkipped:
    """Parse (unless ``doc`` is given) and extract one article within its time budget.

    Whatever goes wrong is this article's problem: it comes back as
    :class:`ArticleSkipped` with a one-line message, and the other articles go on.
    """

    def work() -> ArticleOutput:
        parsed = nlp(article.text) if doc is None else doc
        return article_output(nlp, article, parsed, digest)

    result = budget.attempt(work, timeout, article.where)
    if isinstance(result, str):
        return ArticleSkipped(article.id, digest, article.where, result)
    return result


def parse_together(
    nlp: Any, articles: Sequence[Article], timeout: float | None
) -> list[Any | None]:
    """Docs of short articles parsed in one ``nlp.pipe``; ``None`` where a doc is still due.

    Long articles are left to be parsed alone, and if the shared parse fails or runs
    over one article's budget, every article is parsed alone, so the culprit is
    found and the others are kept.
    """
    docs: list[Any | None] = [None] * len(articles)
    short = [i for i, a in enumerate(articles) if len(a.text) <= PIPE_MAX_CHARS]
    try:
        with budget.time_limit(timeout):
            for i, doc in zip(short, nlp.pipe(articles[i].text for i in short), strict=True):
                docs[i] = doc
    except (budget.ArticleTimeout, Exception):  # noqa: BLE001 - parsed one by one instead
        log.debug("batch parse failed; parsing its articles one by one", exc_info=True)
        return [None] * len(articles)
    return docs


def process_batch(
    batch: Sequence[tuple[Article, str]],
    model: str | None = None,
    actors: str | None = None,
    timeout: float | None = budget.DEFAULT_SECONDS,
    verbs: str | None = None,
    detector: str | None = None,
) -> list[ArticleOutput | ArticleSkipped]:
    """Parse and extract a batch of ``(article, digest)`` pairs (in a worker or here).

    ``actors`` is an actor dictionary to use (:mod:`kg.dictionary`) and ``verbs``
    a verb dictionary (:mod:`kg.verbs`), and ``detector`` how to use the event
    detector (:mod:`kg.detect`), for workers that were not started with them
    (Dask's). ``timeout`` is each article's budget in
    seconds (``None``: no limit); an article over it, or one whose extraction
    fails, comes back as :class:`ArticleSkipped`.
    """
    from kg import nlp as nlp_stage

    if actors is not None and dictionary.active_path() != actors:
        dictionary.use(actors)
    if verbs is not None and verb_dictionary.active_path() != verbs:
        verb_dictionary.use(verbs)
    if detector is not None and detect.active_mode() != detector:
        detect.use(detector)
    nlp = nlp_stage.load(model if model is not None else _WORKER_MODEL)
    articles = [article for article, _ in batch]
    docs = parse_together(nlp, articles, timeout)
    return [
        build_one(nlp, article, digest, doc, timeout)
        for (article, digest), doc in zip(batch, docs, strict=True)
    ]


Outputs = list[ArticleOutput | ArticleSkipped]


#: A short text whose extraction touches the lexicons and rules that load on first use.
PRELOAD_TEXT = (
    "Russian President Vladimir Putin met U.S. Secretary of State Rex Tillerson in "
    'Moscow on Monday. "We will respond," Putin said. Syrian forces shelled Aleppo, '
    "killing 12 civilians. The UN Security Council voted on the resolution; China "
    "abstained and Russia vetoed it. France accused Iran of violating the deal."
)


def worker_context() -> Any:
    """How worker processes start: forked where that is safe, else spawned.

    A forked worker starts with everything this process has loaded (the spaCy pipeline,
    the lexicons), shared page by page until written, so two workers do not each pay
    for the model load again. Forking is used on Linux and only while this process
    runs a single thread (a thread holding a lock at the fork would leave the lock
    held in the child forever); elsewhere workers are spawned and load their own.

    >>> worker_context().get_start_method() in ("fork", "spawn")
    True
    """
    import threading

    if (
        sys.platform.startswith("linux")
        and "fork" in multiprocessing.get_all_start_methods()
        and threading.active_count() == 1
        and os_threads() == 1
    ):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def os_threads() -> int:
    """Threads of this process as the system counts them (a math library's own threads
    included, which Python's ``threading`` does not see); 1 where it cannot tell.

    >>> os_threads() >= 1
    True
    """
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return 1


def preload(model: str | None) -> None:
    """Load the pipeline and every lexicon, and extract :data:`PRELOAD_TEXT` once.

    Called before forking workers, so that they inherit what a first article would
    otherwise make each of them load on its own.
    """
    from kg import lexicon
    from kg import nlp as nlp_stage

    lexicon.preload()
    nlp = nlp_stage.load(model)
    warm = Article("preload", PRELOAD_TEXT, date=dt.date(2017, 4, 10))
    build_one(nlp, warm, "", None, None)


def _ordered(
    batches: Iterable[list[tuple[Article, str]]],
    workers: int,
    model: str | None,
    timeout: float | None = budget.DEFAULT_SECONDS,
) -> Iterator[Outputs]:
    """Results of :func:`process_batch` in input order, at most ``2 * workers`` in flight."""
    if workers <= 1:
        for batch in batches:
            yield process_batch(batch, model, timeout=timeout)
        return
    batches = iter(batches)
    first = next(batches, None)
    if first is None:
        return  # nothing changed: no worker, no model
    batches = itertools.chain([first], batches)
    procs.one_math_thread()  # this process and its workers start with it (see there why)
    context = worker_context()
    if context.get_start_method() == "fork":
        preload(model)  # once here: the forked workers share the pipeline and lexicons
    initargs = (
        model,
        dictionary.active_path(),
        verb_dictionary.active_path(),
        detect.active_mode(),
    )
    pool = ProcessPoolExecutor(workers, context, initializer=_worker_init, initargs=initargs)
    pending: deque[Future[Outputs]] = deque()
    try:
        for batch in batches:
            pending.append(pool.submit(process_batch, batch, None, None, timeout))
            if len(pending) >= 2 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    except BrokenProcessPool:
        raise WorkerError(
            "a worker process died (killed, or out of memory); the articles built so far "
            "are kept in the manifest: run the same command again to resume"
        ) from None
    finally:
        for future in pending:
            future.cancel()
        pool.shutdown(wait=True, cancel_futures=True)


def _dask_client(scheduler: str) -> Any:
    """A dask.distributed client: ``local`` starts a cluster on loopback, else an address."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:  # pragma: no cover - a dependency of the project
        raise DaskError("--dask needs dask.distributed (pip install distributed)") from None
    if log.getEffectiveLevel() > logging.INFO:
        # distributed logs every step of a cluster's life at INFO: keep its warnings only,
        # unless this project's own INFO messages are shown too (kg -v).
        loggers = list(logging.root.manager.loggerDict)
        for name in ["distributed", *(n for n in loggers if n.startswith("distributed."))]:
            logger = logging.getLogger(name)
            if logger.level < logging.WARNING:
                logger.setLevel(logging.WARNING)
    try:
        if scheduler == "local":
            cluster = LocalCluster(
                n_workers=os.cpu_count() or 1,
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address=None,
            )
            client = Client(cluster)
            client._pekg_cluster = cluster  # type: ignore[attr-defined]  # closed with the client
            return client
        return Client(scheduler, timeout="10s")
    except (OSError, TimeoutError, ValueError) as err:
        raise DaskError(f"cannot reach the Dask scheduler {scheduler}: {err}") from None


def _ordered_dask(
    batches: Iterable[list[tuple[Article, str]]],
    scheduler: str,
    model: str | None,
    timeout: float | None = budget.DEFAULT_SECONDS,
) -> Iterator[Outputs]:
    """Like :func:`_ordered`, on a Dask cluster: each worker process loads the model once.

    Dask runs tasks in threads, where no time budget can be enforced (:mod:`kg.budget`).
    """
    client = _dask_client(scheduler)
    try:
        window = 2 * max(1, sum(client.nthreads().values()))
        pending: deque[Any] = deque()
        for batch in batches:
            actors, verbs = dictionary.active_path(), verb_dictionary.active_path()
            pending.append(
                client.submit(
                    process_batch,
                    batch,
                    model,
                    actors,
                    timeout,
                    verbs,
                    detect.active_mode(),
                    pure=False,
                )
            )
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        cluster = getattr(client, "_pekg_cluster", None)
        client.close()
        if cluster is not None:
            cluster.close()


class DaskError(Exception):
    """The Dask scheduler cannot be used; the message says why."""


class WorkerError(Exception):
    """A worker process died; what was built before is kept for the next run."""


# ---------------------------------------------------------------------------
# Writing the graph from the manifest
# ---------------------------------------------------------------------------


def _actors_turtle(lines: Iterable[str], chunk: int = 2000) -> Iterator[str]:
    """Actor lines (sorted, so grouped by subject) as Turtle chunks of about ``chunk`` lines."""
    buffer: list[str] = []
    for line in lines:
        # Cut only between subjects, so that a subject is written in one block.
        if len(buffer) >= chunk and not line.startswith(buffer[-1].split(" ", 1)[0] + " "):
            yield turtle_chunk(buffer)
            buffer = []
        buffer.append(line)
    if buffer:
        yield turtle_chunk(buffer)


def write_from_manifest(manifest: Manifest, handle: LineSink, fmt: str) -> happenings.Merges:
    """Write the whole graph in ``fmt`` (ttl, nt, nq, trig) from the manifest, streaming.

    People named by a bare surname are merged into the one full name of the build
    they stand for (:mod:`kg.identity`) as the triples are written.
    """
    if not formats.get(fmt).streamed:
        raise ValueError(f"cannot stream format {fmt!r}")
    lines = list(manifest.actor_lines())
    merges = identity.person_merges(identity.labels_from_lines(lines))
    actor_lines = identity.rewrite_actor_lines(lines, merges)

    def rows(column: str) -> Iterator[tuple[str, str]]:
        for article_id, text in manifest.rows(column):
            yield article_id, identity.rewrite_text(text, merges)

    # One node per happening (kg.happenings): found over every article first.
    same = happenings.find_merges(
        (article_id, happenings.article_date(nt), nt) for article_id, nt in rows("nt")
    )
    homes = same.by_article()

    def article_nt() -> Iterator[tuple[str, str]]:
        for article_id, nt in rows("nt"):
            if article_id in same.rewritten:
                nt = happenings.rewrite_nt(nt, same)
            yield article_id, nt + "".join(happenings.count_lines(homes[article_id], same))

    def article_ttl() -> Iterator[tuple[str, str]]:
        # Stored Turtle where nothing moved; an article with a merged event is rewritten.
        nts = rows("nt") if same.rewritten else iter(())
        for article_id, ttl in rows("ttl"):
            if article_id in same.rewritten:
                nt = next(text for key, text in nts if key == article_id)
                ttl = turtle_chunk(split_lines(happenings.rewrite_nt(nt, same)))
            counts = happenings.count_lines(homes[article_id], same)
            yield article_id, ttl + (turtle_chunk(counts) if counts else "")

    if fmt == "ttl":
        handle.write(prefix_header())
        for _, ttl in article_ttl():
            handle.write(ttl)
        for chunk in _actors_turtle(actor_lines):
            handle.write(chunk)
    elif fmt == "nt":
        for _, nt in article_nt():
            handle.write(nt)
        handle.writelines(actor_lines)
    elif fmt == "nq":
        for article_id, nt in article_nt():
            handle.writelines(quads(split_lines(nt), _article_graph(article_id)))
        handle.writelines(quads(actor_lines, ACTORS_GRAPH))
    else:
        handle.write(prefix_header())
        for article_id, ttl in article_ttl():
            handle.write(f"<{_article_graph(article_id)}> {{\n{ttl.rstrip()}\n}}\n\n")
        handle.write(f"<{ACTORS_GRAPH}> {{\n")
        for chunk in _actors_turtle(actor_lines):
            handle.write(chunk)
        handle.write("}\n")
    manifest.set_merged(same.merged_away)
    return same


def _article_graph(article_id: str) -> str:
    from kg.mint import BASE
    from kg.read import slug

    return f"{BASE}article/{slug(article_id)}"


def _write_jsonld(manifest: Manifest, path: Path) -> None:
    from kg.write import serialize, write_atomic

    graph = bind_prefixes(Graph())
    with io.StringIO() as text:
        write_from_manifest(manifest, text, "nt")  # the same merges as every other format
        graph.parse(data=text.getvalue(), format="nt")
    write_atomic(path, serialize(graph, "jsonld"))


def write_graph_file(manifest: Manifest, out_dir: Path, fmt: str) -> Path:
    """Write ``OUT/graph.<fmt>`` from the manifest, atomically (temp file, then rename)."""
    import tempfile

    from kg.write import _readable

    path = out_dir / formats.get(fmt).graph_file
    if not formats.get(fmt).streamed:
        _write_jsonld(manifest, path)
        return path
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=out_dir)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            write_from_manifest(manifest, handle, fmt)
        _readable(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def drop_other_graph_files(out_dir: Path, fmt: str) -> list[Path]:
    """Remove the graph files an earlier build wrote in another format, so a build
    directory holds only the current graph (``kg query OUT/`` reads what is current).

    Only the build's own names (``graph.<format>``) are touched; other files stay.
    """
    removed = []
    for other in formats.FORMATS.values():
        stale = out_dir / other.graph_file
        if other.name != fmt and stale.is_file():
            stale.unlink()
            removed.append(stale)
    return removed


# ---------------------------------------------------------------------------
# The build
# ---------------------------------------------------------------------------


@dataclass
class CorpusResult:
    """What a corpus build did.

    Attributes:
        path: The graph file written.
        built: Articles extracted in this run (new or changed).
        unchanged: Articles skipped because their digest was already in the manifest.
        pruned: Articles forgotten because ``prune`` was asked and they were not seen.
        total: Articles in the graph.
        problems: Inputs that could not be read, one line each.
        events: Events by class in the whole graph.
        quotes: Quotes in the whole graph.
        actors: Actors by class in the whole graph.
        model: The spaCy pipeline.
    """

    path: Path
    built: int = 0
    unchanged: int = 0
    pruned: int = 0
    total: int = 0
    problems: list[str] = field(default_factory=list)
    events: Counter[str] = field(default_factory=Counter)
    quotes: int = 0
    actors: Counter[str] = field(default_factory=Counter)
    model: str = ""

    def summary(self) -> str:
        """A one-screen summary for the terminal."""
        lines = [
            f"articles: {self.built} built, {self.unchanged} unchanged, "
            f"{len(self.problems)} skipped, {self.total} in the graph ({self.model})",
            "actors:   " + ", ".join(f"{k} {v}" for k, v in self.actors.items()),
            "events:   "
            + (", ".join(f"{k} {v}" for k, v in sorted(self.events.items())) or "none"),
            f"quotes:   {self.quotes}",
        ]
        if self.pruned:
            lines.append(f"pruned:   {self.pruned} articles no longer in the input")
        lines += [f"skipped:  {p}" for p in self.problems]
        return "\n".join(lines)


def _batches(
    items: Iterable[Article | ReadProblem],
    manifest: Manifest,
    run: int,
    model: str,
    result: CorpusResult,
    progress: Callable[[], None] | None,
) -> Iterator[list[tuple[Article, str]]]:
    batch: list[tuple[Article, str]] = []
    for item in items:
        if isinstance(item, ReadProblem):
            result.problems.append(str(item))
            manifest.skip(item.path, item.message, run)
            log.warning("%s", item)
            if progress:
                progress()
            continue
        digest = article_digest(item, model)
        if manifest.digest(item.id) == digest:
            manifest.touch(item.id, run)
            result.unchanged += 1
            if progress:
                progress()
            continue
        batch.append((item, digest))
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


class OutputError(Exception):
    """The output directory cannot be written (permissions, a full disk, another build)."""


_TEMP_GRAPH = re.compile(r"\.graph\.(ttl|nt|nq|trig|jsonld)\.[A-Za-z0-9_]{6,}\Z")


def output_error(err: OSError | sqlite3.Error, where: Path) -> OutputError:
    """A one-line :class:`OutputError` for a failed write under ``where``.

    Examples:
        >>> print(output_error(OSError(errno.ENOSPC, "No space left on device"), Path("out")))
        out: no space left on the device; free some and run the same command to resume
        >>> print(output_error(sqlite3.OperationalError("database or disk is full"), Path("o")))
        o: no space left on the device; free some and run the same command to resume
        >>> print(output_error(PermissionError(13, "Permission denied"), Path("o")))
        o: cannot write here (Permission denied)
    """
    if isinstance(err, OSError):
        code, text = err.errno, err.strerror or str(err)
    else:
        code, text = None, str(err)
    if code == errno.ENOSPC or "disk is full" in text or "database or disk" in text:
        return OutputError(
            f"{where}: no space left on the device; free some and run the same command to resume"
        )
    if (
        code in (errno.EACCES, errno.EPERM, errno.EROFS)
        or "readonly" in text
        or ("unable to open" in text)
    ):
        reason = text if code is not None else "read-only or not accessible"
        return OutputError(f"{where}: cannot write here ({reason})")
    return OutputError(f"{where}: cannot write ({text})")


@contextmanager
def build_lock(out: Path) -> Iterator[None]:
    """Hold a lock on the directory ``out`` for a build: a second build there is refused.

    The lock is the operating system's (``flock`` on the directory itself), so it
    leaves no file behind and goes with the process that holds it, however that
    process ends.

    Raises:
        OutputError: Another build holds the lock.
    """
    import fcntl

    fd = os.open(out, os.O_RDONLY | os.O_DIRECTORY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputError(
                f"{out}: another build is writing to this directory; wait for it to "
                "finish, or build into another directory"
            ) from None
        yield
    finally:
        os.close(fd)


def remove_stale_temporaries(out: Path) -> int:
    """Remove temporary graph files and half-loaded stores that an interrupted write left
    in ``out``; return how many.

    Called with the build lock held, so no other build is writing them.
    """
    removed = 0
    for path in out.iterdir():
        if _TEMP_GRAPH.match(path.name) and path.is_file():
            path.unlink(missing_ok=True)
            removed += 1
        elif path.name.startswith(".store-") and path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
            removed += 1
    return removed


def build_corpus(
    items: Iterable[Article | ReadProblem],
    out_dir: str | Path,
    fmt: str = formats.DEFAULT,
    workers: int = 1,
    model: str | None = None,
    fresh: bool = False,
    prune: bool = False,
    progress: Callable[[], None] | None = None,
    dask: str | None = None,
    actors: str | Path | None = None,
    article_timeout: float | None = budget.DEFAULT_SECONDS,
    verbs: str | Path | None = None,
    detector: str | None = None,
    keep_store: bool = False,
) -> CorpusResult:
    """Build articles into ``OUT/graph.<fmt>`` through the manifest (see the module docstring).

    One build at a time writes to a directory (``OUT/.lock``); temporary files of an
    interrupted write are removed first. An article that fails or runs over its
    time budget is skipped with a message, in the result and the manifest, and the
    others are built.

    Args:
        items: Articles and read problems, as :func:`kg.read.iter_articles` yields them.
        out_dir: The output directory (created).
        fmt: ``ttl``, ``nt``, ``nq``, ``trig`` or ``jsonld``.
        workers: Processes to parse with; 1 parses here.
        model: The spaCy pipeline (default: the small English model).
        fresh: Forget the manifest and rebuild everything.
        prune: Drop articles of earlier runs that are not in ``items``.
        progress: Called once per article done.
        dask: Run the parsing on a Dask cluster: a scheduler address
            (``tcp://host:8786``) or ``local`` for a cluster on this machine.
        actors: An actor dictionary in the PETRARCH format (:mod:`kg.dictionary`);
            on a cluster, every worker must see the file at the same path.
        article_timeout: Seconds one article may take to parse and extract
            (``None`` or 0: no limit; not enforced on Dask).
        verbs: A verb dictionary in the PETRARCH / CAMEO format (:mod:`kg.verbs`),
            read on top of the built-in triggers; on a cluster, at the same path.
        detector: How to use the learned event detector (:mod:`kg.detect`): ``off``,
            ``confidence``, ``events`` or ``only`` (None: the default, off).
        keep_store: Keep an Oxigraph store of the graph in ``OUT/store``, which
            ``kg query``, ``kg analyze`` and ``kg viz`` open instead of parsing the file
            (:func:`kg.query.write_store`); without it, any older store is removed.
            Off by default: the store opens at once, but Oxigraph answers queries on
            disk about 2.5 times slower than in memory (bench/results.md).

    Raises:
        kg.dictionary.DictionaryError: The actor dictionary cannot be read.
        kg.verbs.VerbDictionaryError: The verb dictionary cannot be read.
        OutputError: ``out_dir`` cannot be written, the disk is full, or another
            build is writing there.

    Returns:
        What was built; ``total`` is 0 when nothing could be built.
    """
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
        with build_lock(out):
            remove_stale_temporaries(out)
            return _build_locked(
                items,
                out,
                fmt,
                workers,
                model,
                fresh,
                prune,
                progress,
                dask,
                actors,
                article_timeout,
                verbs,
                detector,
                keep_store,
            )
    except (OSError, sqlite3.OperationalError) as err:
        raise output_error(err, out) from None


def _keep_store(manifest: Manifest, graph_file: Path, fmt: str, keep: bool) -> None:
    """Bring the store beside the graph file up to date (streamed from the manifest, as
    the file is, so memory stays flat), or remove it."""
    from kg import query

    chosen = formats.get(fmt)
    if not keep:
        query.drop_store(graph_file.parent)
    elif query.current_store([graph_file]) is None:
        if not chosen.streamed:  # JSON-LD is written in memory: load the file
            query.write_store(graph_file)
            return
        lines = "nq" if chosen.quads else "nt"

        def feed(sink: Any) -> None:
            write_from_manifest(manifest, sink, lines)

        query.write_store(graph_file, feed, quads=chosen.quads)


def _build_locked(
    items: Iterable[Article | ReadProblem],
    out: Path,
    fmt: str,
    workers: int,
    model: str | None,
    fresh: bool,
    prune: bool,
    progress: Callable[[], None] | None,
    dask: str | None,
    actors: str | Path | None,
    timeout: float | None,
    verbs: str | Path | None = None,
    detector: str | None = None,
    keep_store: bool = False,
) -> CorpusResult:
    from kg import nlp as nlp_stage

    # Name the pipeline here (without loading it: the workers do), so that digests
    # change with the pipeline actually used.
    dictionary.use(actors)
    model_label = nlp_stage.model_id(model)
    if actors is not None:  # a changed dictionary rebuilds every article
        model_label += f"+actors-{dictionary.active_digest()}"
    verb_dictionary.use(verbs)
    if verbs is not None:  # so does a changed verb dictionary
        model_label += f"+verbs-{verb_dictionary.active_digest()}"
    detect.use(detector)
    model_label += f"+{detect.label()}"  # another use of the detector, or another model
    if fresh:
        for suffix in ("", "-wal", "-shm"):
            (out / (MANIFEST + suffix)).unlink(missing_ok=True)
    created = not (out / MANIFEST).exists()
    manifest = Manifest(out / MANIFEST)
    result = CorpusResult(path=out / f"graph.{fmt}", model=model_label)
    try:
        run = manifest.next_run()
        batches = _batches(items, manifest, run, model_label, result, progress)
        results = (
            _ordered_dask(batches, dask, model, timeout)
            if dask
            else _ordered(batches, workers, model, timeout)
        )
        for outputs in results:
            manifest.store(outputs, run)
            for output in outputs:
                if isinstance(output, ArticleSkipped):
                    result.problems.append(str(output))
                    log.warning("%s", output)
                else:
                    result.built += 1
            if progress:
                for _ in outputs:
                    progress()
        manifest.db.commit()
        if prune:
            result.pruned = manifest.prune(run)
        result.total = manifest.count()
        if result.total:
            result.events, result.quotes = manifest.totals()
            result.actors = manifest.actor_counts()
            graph_file, state = out / f"graph.{fmt}", manifest.state()
            if manifest.written(fmt, graph_file, state):
                result.path = graph_file  # nothing changed: the file is already this graph
            else:
                result.path = write_graph_file(manifest, out, fmt)
                manifest.mark_written(fmt, result.path, state)
            result.events -= manifest.merged()  # one event per happening, as written
            drop_other_graph_files(out, fmt)
            _keep_store(manifest, result.path, fmt, keep_store)
    finally:
        empty = manifest.count() == 0
        manifest.close()
        if created and empty:
            # Nothing was built: leave no manifest behind.
            for suffix in ("", "-wal", "-shm"):
                (out / (MANIFEST + suffix)).unlink(missing_ok=True)
    return result
