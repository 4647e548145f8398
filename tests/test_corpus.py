"""kg.corpus: streaming, parallel and incremental builds through the manifest."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from conftest import read_articles as articles
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic

from kg import corpus
from kg.model import Article
from kg.pipeline import build_articles
from kg.read import iter_articles, read_text

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


def test_unreachable_scheduler_is_one_error(tmp_path: Path) -> None:
    import socket

    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(corpus.DaskError, match=f"tcp://127.0.0.1:{port}"):
        corpus.build_corpus(articles(**TEXTS), tmp_path, dask=f"tcp://127.0.0.1:{port}")


def _die(batch: object, model: object = None) -> None:
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
