"""kg.corpus: streaming, parallel and incremental builds through the manifest."""

from __future__ import annotations

import datetime as dt
import sqlite3
import sys
from pathlib import Path

import pytest
from conftest import read_articles as articles
from rdflib import RDF, Dataset, Graph, URIRef
from rdflib.compare import isomorphic

from kg import corpus
from kg.model import Article
from kg.pipeline import build_articles
from kg.read import iter_articles, read_text
from kg.vocab import PEK

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "data" / "articles"

TEXTS = {
    "meet": "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi "
    "on Monday. The two leaders discussed trade and security.",
    "vote": "Russia vetoed the resolution on Wednesday, while China abstained.",
    "attack": "Israeli warplanes struck Gaza on Sunday, killing at least 12 people.",
}


def union(path: Path, fmt: str) -> Graph:
    ds = Dataset(default_union=True)
    ds.parse(path, format=fmt)
    g = Graph()
    for t in ds.triples((None, None, None)):
        g.add(t)
    return g


@pytest.mark.parametrize(
    ("fmt", "parser"), [("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")]
)
def test_streamed_graph_equals_the_in_memory_build(tmp_path: Path, fmt: str, parser: str) -> None:
    result = corpus.build_corpus(iter_articles([ARTICLES]), tmp_path, fmt=fmt)
    assert (result.built, result.total, result.path) == (1, 1, tmp_path / f"graph.{fmt}")
    expected = build_articles(iter_articles([ARTICLES])).graph
    assert isomorphic(Graph().parse(result.path, format=parser), expected)


@pytest.mark.parametrize(("fmt", "parser"), [("nq", "nquads"), ("trig", "trig")])
def test_named_graph_per_article(tmp_path: Path, fmt: str, parser: str) -> None:
    result = corpus.build_corpus(articles(**TEXTS), tmp_path, fmt=fmt)
    ds = Dataset()
    ds.parse(result.path, format=parser)
    names = {str(g.identifier) for g in ds.graphs() if len(g)}
    assert names == {f"https://w3id.org/pekg/id/article/{k}" for k in TEXTS} | {corpus.ACTORS_GRAPH}
    actors = ds.graph(URIRef(corpus.ACTORS_GRAPH))
    russia = URIRef("https://w3id.org/pekg/id/country/RUS")
    assert (russia, None, None) in actors
    vote = ds.graph(URIRef("https://w3id.org/pekg/id/article/vote"))
    assert (russia, None, None) not in vote  # descriptions live in the actors graph only
    expected = build_articles(articles(**TEXTS)).graph
    assert isomorphic(union(result.path, parser), expected)


def test_rerun_skips_unchanged_and_grows(tmp_path: Path) -> None:
    first = corpus.build_corpus(articles(meet=TEXTS["meet"], vote=TEXTS["vote"]), tmp_path)
    assert (first.built, first.unchanged, first.total) == (2, 0, 2)
    before = (tmp_path / "graph.ttl").read_bytes()
    again = corpus.build_corpus(articles(meet=TEXTS["meet"], vote=TEXTS["vote"]), tmp_path)
    assert (again.built, again.unchanged, again.total) == (0, 2, 2)
    assert (tmp_path / "graph.ttl").read_bytes() == before
    grown = corpus.build_corpus(articles(**TEXTS), tmp_path)
    assert (grown.built, grown.unchanged, grown.total) == (1, 2, 3)
    assert grown.events["Attack"] == 1


def test_a_rerun_with_nothing_changed_leaves_the_graph_file_alone(tmp_path: Path) -> None:
    corpus.build_corpus(articles(vote=TEXTS["vote"]), tmp_path)
    graph = tmp_path / "graph.ttl"
    stamp = graph.stat().st_mtime_ns
    corpus.build_corpus(articles(vote=TEXTS["vote"]), tmp_path)
    assert graph.stat().st_mtime_ns == stamp  # not written again (nor merged again)


def test_a_graph_file_deleted_or_edited_is_written_again(tmp_path: Path) -> None:
    corpus.build_corpus(articles(vote=TEXTS["vote"]), tmp_path)
    graph = tmp_path / "graph.ttl"
    expected = graph.read_bytes()
    graph.unlink()
    corpus.build_corpus(articles(vote=TEXTS["vote"]), tmp_path)
    assert graph.read_bytes() == expected
    graph.write_text("edited by hand\n")
    corpus.build_corpus(articles(vote=TEXTS["vote"]), tmp_path)
    assert graph.read_bytes() == expected
    corpus.build_corpus(articles(vote=TEXTS["vote"]), tmp_path, fmt="nt")
    assert (tmp_path / "graph.nt").is_file()  # another format is its own file


def test_changed_article_replaces_its_triples(tmp_path: Path) -> None:
    corpus.build_corpus(articles(vote=TEXTS["vote"]), tmp_path)
    changed = "Germany and France met in Berlin on Monday to discuss energy."
    result = corpus.build_corpus(articles(vote=changed), tmp_path)
    assert (result.built, result.total) == (1, 1)
    g = Graph().parse(tmp_path / "graph.ttl")
    pek = "https://w3id.org/pekg/ontology#"
    assert not list(g.subjects(None, URIRef(pek + "Vote")))
    # The actors only the old version named are gone too.
    assert (URIRef("https://w3id.org/pekg/id/country/RUS"), None, None) not in g
    assert (URIRef("https://w3id.org/pekg/id/country/DEU"), None, None) in g
    assert isomorphic(g, build_articles(articles(vote=changed)).graph)


def test_prune_drops_articles_no_longer_given(tmp_path: Path) -> None:
    corpus.build_corpus(articles(**TEXTS), tmp_path)
    kept = corpus.build_corpus(articles(vote=TEXTS["vote"]), tmp_path)
    assert kept.total == 3  # without --prune nothing given earlier is lost
    pruned = corpus.build_corpus(articles(vote=TEXTS["vote"]), tmp_path, prune=True)
    assert (pruned.pruned, pruned.total) == (2, 1)
    assert isomorphic(
        Graph().parse(tmp_path / "graph.ttl"), build_articles(articles(vote=TEXTS["vote"])).graph
    )


def test_interrupted_build_resumes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(corpus, "BATCH", 1)
    done = []

    def stop_after_two() -> None:
        done.append(1)
        if len(done) == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        corpus.build_corpus(articles(**TEXTS), tmp_path, progress=stop_after_two)
    assert not (tmp_path / "graph.ttl").exists()
    resumed = corpus.build_corpus(articles(**TEXTS), tmp_path)
    assert resumed.unchanged >= 1 and resumed.built + resumed.unchanged == 3
    assert isomorphic(
        Graph().parse(tmp_path / "graph.ttl"), build_articles(articles(**TEXTS)).graph
    )


def test_two_workers_write_the_same_bytes(tmp_path: Path) -> None:
    one = corpus.build_corpus(articles(**TEXTS), tmp_path / "one", workers=1)
    two = corpus.build_corpus(articles(**TEXTS), tmp_path / "two", workers=2)
    assert one.path.read_bytes() == two.path.read_bytes()


def test_nothing_built_leaves_nothing_behind(tmp_path: Path) -> None:
    result = corpus.build_corpus(
        [read_text("   ", where="x.txt")],
        tmp_path,  # type: ignore[list-item]
    )
    assert result.total == 0 and result.problems == ["x.txt: empty text"]
    assert list(tmp_path.iterdir()) == []


def test_fresh_rebuilds_everything(tmp_path: Path) -> None:
    corpus.build_corpus(articles(vote=TEXTS["vote"]), tmp_path)
    again = corpus.build_corpus(articles(vote=TEXTS["vote"]), tmp_path, fresh=True)
    assert (again.built, again.unchanged) == (1, 0)


def test_foreign_manifest_is_one_error(tmp_path: Path) -> None:
    (tmp_path / corpus.MANIFEST).write_text("not a database")
    with pytest.raises(corpus.ManifestError, match="manifest.sqlite"):
        corpus.build_corpus(articles(vote=TEXTS["vote"]), tmp_path)
    db = sqlite3.connect(tmp_path / "other.sqlite")
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    db.execute("INSERT INTO meta VALUES ('schema', '99')")
    db.commit()
    db.close()
    (tmp_path / "other.sqlite").replace(tmp_path / corpus.MANIFEST)
    with pytest.raises(corpus.ManifestError, match="another version"):
        corpus.build_corpus(articles(vote=TEXTS["vote"]), tmp_path)


def test_digest_follows_text_metadata_and_model() -> None:
    a = Article(id="a", text="Talks began.")
    b = Article(id="a", text="Talks began.", title="New title")
    assert corpus.article_digest(a, "m") != corpus.article_digest(b, "m")
    assert corpus.article_digest(a, "m") != corpus.article_digest(a, "m2")


def test_dask_cluster_build_equals_the_single_process_one(tmp_path: Path) -> None:
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
    ) as cluster:
        assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
        on_dask = corpus.build_corpus(
            articles(**TEXTS), tmp_path / "dask", dask=cluster.scheduler_address
        )
    here = corpus.build_corpus(articles(**TEXTS), tmp_path / "here")
    assert on_dask.built == 3
    assert on_dask.path.read_bytes() == here.path.read_bytes()


def _dated(**texts: str) -> list:
    import datetime as dt

    out = []
    for i, (key, text) in enumerate(sorted(texts.items())):
        item = read_text(text, id=key, date=dt.date(2021, 5, 10 + i))
        assert not isinstance(item, str)
        out.append(item)
    return out


def test_dask_builds_merge_one_happening_as_local_ones_do(tmp_path: Path) -> None:
    from distributed import LocalCluster

    texts = {
        "wire-a": "Israeli warplanes struck Gaza on Sunday, killing at least 12 people.",
        "wire-b": "Israeli jets struck Gaza on Sunday, killing at least 12 people, medics said.",
    }
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        on_dask = corpus.build_corpus(
            _dated(**texts), tmp_path / "dask", dask=cluster.scheduler_address
        )
    here = corpus.build_corpus(_dated(**texts), tmp_path / "here")
    assert on_dask.path.read_bytes() == here.path.read_bytes()
    graph = Graph().parse(here.path)
    attacks = list(graph.subjects(RDF.type, PEK.Attack))
    assert len(attacks) == 1
    assert int(graph.value(attacks[0], PEK.articleCount)) == 2  # type: ignore[arg-type]


def test_unreachable_scheduler_is_one_error(tmp_path: Path) -> None:
    import socket

    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(corpus.DaskError, match=f"tcp://127.0.0.1:{port}"):
        corpus.build_corpus(articles(**TEXTS), tmp_path, dask=f"tcp://127.0.0.1:{port}")


def _die(batch: object, *args: object) -> None:
    import os

    os._exit(9)  # a worker killed in the middle of a batch


def test_killed_worker_is_one_error_and_the_build_resumes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus.build_corpus(articles(vote=TEXTS["vote"]), tmp_path, workers=1)
    monkeypatch.setattr(corpus, "process_batch", _die)
    with pytest.raises(corpus.WorkerError, match="run the same command again"):
        corpus.build_corpus(articles(**TEXTS), tmp_path, workers=2)
    monkeypatch.undo()
    resumed = corpus.build_corpus(articles(**TEXTS), tmp_path, workers=1)
    assert (resumed.built, resumed.unchanged, resumed.total) == (2, 1, 3)


# ---------------------------------------------------------------------------
# Faults: odd input, failing articles, locks, temporary files, full disks
# ---------------------------------------------------------------------------

ACCUSE = "Russia accused China of lying on Monday."


def write_txt(folder: Path, name: str, text: str, **meta: str) -> Path:
    import json

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    if meta:
        (folder / f"{name}.json").write_text(json.dumps(meta), encoding="utf-8")
    return path


def parses_everywhere(path: Path) -> Graph:
    """The graph file read by rdflib and by Oxigraph; rdflib's graph is returned."""
    import pyoxigraph

    formats = {".ttl": pyoxigraph.RdfFormat.TURTLE, ".nt": pyoxigraph.RdfFormat.N_TRIPLES}
    assert list(pyoxigraph.parse(path=str(path), format=formats[path.suffix]))
    return Graph().parse(path, format="turtle" if path.suffix == ".ttl" else "nt")


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c", "\x1e"])
@pytest.mark.parametrize("fmt", ["ttl", "nt"])
def test_line_separators_in_a_title_give_a_graph_that_parses(
    tmp_path: Path, char: str, fmt: str
) -> None:
    src = write_txt(tmp_path / "in", "a", ACCUSE, title=f"a{char}b", date="2017-04-12")
    out = tmp_path / "out"
    result = corpus.build_corpus(iter_articles([src]), out, fmt=fmt)
    assert result.built == 1
    g = parses_everywhere(result.path)
    titles = [str(o) for o in g.objects(None, URIRef("http://purl.org/dc/terms/title"))]
    assert titles == [f"a{char}b"]
    # The manifest keeps whole lines: a rebuild from it writes the same parseable file.
    first = result.path.read_bytes()
    result.path.unlink()
    corpus.write_graph_file(corpus.Manifest(out / corpus.MANIFEST), out, fmt)
    assert result.path.read_bytes() == first
    db = sqlite3.connect(out / corpus.MANIFEST)
    for (blob,) in db.execute("SELECT nt FROM articles"):
        for line in corpus._unpack(blob).split("\n"):
            if line:
                assert len(Graph().parse(data=line, format="nt")) == 1


def test_a_long_literal_ending_in_an_escaped_quote_parses_in_oxigraph(tmp_path: Path) -> None:
    src = write_txt(tmp_path / "in", "a", ACCUSE, title='one\ntwo\\"', date="2017-04-12")
    result = corpus.build_corpus(iter_articles([src]), tmp_path / "out")
    g = parses_everywhere(result.path)
    assert 'one\ntwo\\"' in {str(o) for o in g.objects()}


@pytest.mark.parametrize("date", ["0001-01-01", "0001-01-02", "9999-12-31", "9999-12-30"])
def test_dates_at_the_ends_of_the_calendar_build(tmp_path: Path, date: str) -> None:
    text = (
        "Russia accused China of lying yesterday. China criticised Russia on Sunday. "
        "Iran condemned Israel on December 30. Egypt and Jordan met a day earlier."
    )
    src = write_txt(tmp_path / "in", "a", text, date=date)
    result = corpus.build_corpus(iter_articles([src]), tmp_path / "out")
    assert (result.built, result.problems) == (1, [])
    parses_everywhere(result.path)


def test_a_lone_surrogate_skips_its_line_and_keeps_the_rest(tmp_path: Path) -> None:
    import json

    src = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": "good", "text": ACCUSE}),
        '{"id": "bad", "text": "Russia met China \\ud800 on Monday."}',
        json.dumps({"id": "title", "text": ACCUSE + " Again.", "title": "x\udc00"}),
    ]
    src.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
    result = corpus.build_corpus(iter_articles([src]), tmp_path / "out")
    assert result.built == 1
    assert [p.split(": ", 1)[0] for p in result.problems] == [f"{src}:2", f"{src}:3"]
    assert all("lone surrogate" in p for p in result.problems)
    parses_everywhere(result.path)


def test_an_article_that_fails_is_skipped_and_recorded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = corpus.article_output

    def failing(nlp, article, doc, digest):  # type: ignore[no-untyped-def]
        if article.id == "vote":
            raise RuntimeError("boom\nsecond line")
        return real(nlp, article, doc, digest)

    monkeypatch.setattr(corpus, "article_output", failing)
    result = corpus.build_corpus(articles(**TEXTS), tmp_path)
    assert (result.built, result.total) == (2, 2)
    assert result.problems == ["vote: could not be built (RuntimeError: boom)"]
    assert "skipped:  vote: could not be built" in result.summary()
    manifest = corpus.Manifest(tmp_path / corpus.MANIFEST)
    assert manifest.skipped() == [("vote", "could not be built (RuntimeError: boom)")]
    # Fixed, it builds on the next run and leaves the list of skipped inputs.
    monkeypatch.setattr(corpus, "article_output", real)
    again = corpus.build_corpus(articles(**TEXTS), tmp_path)
    assert (again.built, again.total, again.problems) == (1, 3, [])
    assert corpus.Manifest(tmp_path / corpus.MANIFEST).skipped() == []


def test_an_article_over_its_time_budget_is_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    real = corpus.article_output

    def slow(nlp, article, doc, digest):  # type: ignore[no-untyped-def]
        if article.id == "attack":
            time.sleep(30)
        return real(nlp, article, doc, digest)

    monkeypatch.setattr(corpus, "article_output", slow)
    started = time.monotonic()
    result = corpus.build_corpus(articles(**TEXTS), tmp_path, article_timeout=1)
    assert time.monotonic() - started < 25
    assert result.built == 2
    assert result.problems == [
        "attack: skipped: took longer than 1 s to build (see --article-timeout)"
    ]


def test_a_changed_article_that_fails_drops_its_old_triples(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus.build_corpus(articles(**TEXTS), tmp_path)

    def failing(*args: object) -> None:
        raise ValueError("bad")

    monkeypatch.setattr(corpus, "article_output", failing)
    result = corpus.build_corpus(articles(vote="Germany met France on Monday."), tmp_path)
    assert result.total == 2 and result.problems
    g = Graph().parse(tmp_path / "graph.ttl")
    assert (URIRef("https://w3id.org/pekg/id/article/vote"), None, None) not in g


def test_a_second_build_into_the_same_directory_is_refused(tmp_path: Path) -> None:
    with corpus.build_lock(tmp_path):
        with pytest.raises(corpus.OutputError, match="another build is writing"):
            corpus.build_corpus(articles(vote=TEXTS["vote"]), tmp_path)
    assert corpus.build_corpus(articles(vote=TEXTS["vote"]), tmp_path).total == 1


def test_temporary_files_of_an_interrupted_write_are_removed(tmp_path: Path) -> None:
    stale = [tmp_path / ".graph.ttl.k2j4_9xq", tmp_path / ".graph.nt.abcdefgh"]
    for path in stale:
        path.write_text("half a graph", encoding="utf-8")
    kept = tmp_path / ".graph.ttl.notes"
    kept.write_text("mine", encoding="utf-8")
    corpus.build_corpus(articles(vote=TEXTS["vote"]), tmp_path)
    assert not any(path.exists() for path in stale)
    assert kept.exists()


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (sqlite3.OperationalError("database or disk is full"), "no space left on the device"),
        (OSError(28, "No space left on device"), "no space left on the device"),
        (sqlite3.OperationalError("attempt to write a readonly database"), "cannot write here"),
        (PermissionError(13, "Permission denied"), r"cannot write here \(Permission denied\)"),
    ],
)
def test_a_full_disk_or_read_only_directory_is_one_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: Exception, message: str
) -> None:
    corpus.build_corpus(articles(vote=TEXTS["vote"]), tmp_path)
    before = (tmp_path / "graph.ttl").read_bytes()

    def fail(*args: object, **kwargs: object) -> None:
        raise error

    monkeypatch.setattr(corpus, "write_from_manifest", fail)
    with pytest.raises(corpus.OutputError, match=message) as info:
        corpus.build_corpus(articles(**TEXTS), tmp_path)
    assert str(info.value).startswith(f"{tmp_path}: ") and "\n" not in str(info.value)
    assert (tmp_path / "graph.ttl").read_bytes() == before  # the old graph is intact
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".graph.")]


def _rows(store: object, name: str) -> list[tuple[str, ...]]:
    from kg import query

    result = query.run_oxigraph(store, query.library()[name].text)
    return sorted(tuple(str(v) for v in row) for row in result.rows)


@pytest.mark.parametrize("fmt", ["ttl", "nq", "jsonld"])
def test_a_build_keeps_a_store_that_answers_as_the_graph_file(tmp_path: Path, fmt: str) -> None:
    import pyoxigraph

    from kg import formats, query

    corpus.build_corpus(
        articles(meet=TEXTS["meet"], vote=TEXTS["vote"]), tmp_path, fmt=fmt, keep_store=True
    )
    graph = tmp_path / f"graph.{fmt}"
    assert query.current_store([graph]) == tmp_path / query.STORE_DIR
    opened = query.load_store([tmp_path])
    parsed = pyoxigraph.Store()
    ox_format = getattr(pyoxigraph.RdfFormat, formats.get(fmt).oxigraph)
    parsed.bulk_load(path=str(graph), format=ox_format)
    assert set(map(str, opened)) == set(map(str, parsed)) and len(parsed) > 0  # graphs too
    for name in ("meetings", "votes", "actors"):
        assert _rows(opened, name) == _rows(parsed, name)


def test_a_graph_file_edited_after_the_build_is_read_not_its_stale_store(tmp_path: Path) -> None:
    from kg import query

    corpus.build_corpus(articles(vote=TEXTS["vote"]), tmp_path, keep_store=True)
    graph = tmp_path / "graph.ttl"
    graph.write_text("<http://e/a> <http://e/p> <http://e/b> .\n", encoding="utf-8")
    assert query.current_store([graph]) is None
    assert len(query.load_store([graph])) == 1  # the file as edited, not the store
    corpus.build_corpus(articles(vote=TEXTS["vote"]), tmp_path, keep_store=True)  # both again
    assert query.current_store([graph]) is not None


def test_the_store_is_removed_when_not_asked_for_and_not_used_beside_other_files(
    tmp_path: Path,
) -> None:
    from kg import query

    corpus.build_corpus(articles(vote=TEXTS["vote"]), tmp_path, keep_store=True)
    (tmp_path / "analysis.ttl").write_text("<http://e/a> <http://e/p> 1 .\n", encoding="utf-8")
    files = query.rdf_files([tmp_path])
    assert len(files) == 2 and query.current_store(files) is None
    corpus.build_corpus(articles(vote=TEXTS["vote"]), tmp_path, keep_store=False)
    assert not (tmp_path / query.STORE_DIR).exists()
    assert not (tmp_path / query.STORE_STAMP).exists()


def test_a_half_loaded_store_of_an_interrupted_build_is_removed(tmp_path: Path) -> None:
    half = tmp_path / ".store-x1y2z3"
    half.mkdir()
    (half / "000001.sst").write_bytes(b"\0")
    corpus.build_corpus(articles(vote=TEXTS["vote"]), tmp_path)
    assert not half.exists()


def test_workers_fork_only_while_this_process_runs_one_thread(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import threading

    monkeypatch.setattr(threading, "active_count", lambda: 1)
    monkeypatch.setattr(corpus, "os_threads", lambda: 1)
    linux = sys.platform.startswith("linux")
    assert corpus.worker_context().get_start_method() == ("fork" if linux else "spawn")
    monkeypatch.setattr(threading, "active_count", lambda: 2)  # a thread could hold a lock
    assert corpus.worker_context().get_start_method() == "spawn"
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    monkeypatch.setattr(corpus, "os_threads", lambda: 3)  # a math library's threads
    assert corpus.worker_context().get_start_method() == "spawn"
    monkeypatch.setattr(corpus, "os_threads", lambda: 1)
    monkeypatch.setattr(sys, "platform", "darwin")
    assert corpus.worker_context().get_start_method() == "spawn"


def many_articles(n: int) -> list[Article]:
    """``n`` articles (more than one batch each worker), the test texts in turn."""
    texts = list(TEXTS.values())
    return [Article(f"a{i:03}", texts[i % len(texts)], date=dt.date(2024, 5, 6)) for i in range(n)]


@pytest.mark.parametrize("threads", [1, 2], ids=["forked", "spawned"])
def test_workers_build_what_one_process_builds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, threads: int
) -> None:
    import threading

    n = 3 * corpus.BATCH  # both workers get batches
    with monkeypatch.context() as patched:
        patched.setattr(threading, "active_count", lambda: threads)
        patched.setattr(corpus, "os_threads", lambda: 1)
        two = corpus.build_corpus(many_articles(n), tmp_path / "two", workers=2)
    one = corpus.build_corpus(many_articles(n), tmp_path / "one", workers=1)
    assert one.path.read_bytes() == two.path.read_bytes()
    assert (two.built, two.problems) == (n, [])


def test_a_rerun_with_nothing_to_build_starts_no_worker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus.build_corpus(articles(**TEXTS), tmp_path, workers=1)

    def no(*args: object, **kwargs: object) -> None:
        raise AssertionError("nothing changed: no model load, no worker")

    monkeypatch.setattr(corpus, "preload", no)
    monkeypatch.setattr(corpus, "worker_context", no)
    again = corpus.build_corpus(articles(**TEXTS), tmp_path, workers=2)
    assert (again.built, again.unchanged, again.total) == (0, 3, 3)
