"""The ``kg`` command as a user runs it: subprocesses, exit codes, one-line errors."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "data" / "articles"
DATA = Path(__file__).resolve().parent / "data"
GOOD = "Kenyan President William Ruto met with Ethiopian Prime Minister Abiy Ahmed in Nairobi."


def kg(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        timeout=300,
    )


def test_every_command_has_help() -> None:
    for command in ("build", "eval"):
        result = kg(command, "--help")
        assert result.returncode == 0
        assert "usage: kg " + command in result.stdout
        assert "Example" in result.stdout


def test_build_writes_graph_and_summary(tmp_path: Path) -> None:
    result = kg("build", str(ARTICLES), "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "articles: 1 built, 0 skipped" in result.stdout
    assert "Vote 1" in result.stdout
    graph = Graph().parse(tmp_path / "graph.ttl")
    assert len(graph) > 300
    assert result.stderr == ""


def test_one_bad_article_does_not_stop_the_others(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD, encoding="utf-8")
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    (corpus / "latin1.txt").write_bytes("Caf\xe9 na\xefve".encode("latin-1"))
    result = kg("build", str(corpus), "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert "1 built, 3 skipped" in result.stdout
    assert "empty.txt: empty file" in result.stdout
    assert "binary.txt: binary file" in result.stdout
    assert "latin1.txt: not valid UTF-8" in result.stdout
    assert (tmp_path / "out" / "graph.ttl").exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"  \n", "empty file"),
        ("binary.txt", b"\x89PNG\x00\x00\x00", "binary file"),
        ("bytes.txt", b"\xff\xfe\xfa broken", "not valid UTF-8"),
        (
            "german.txt",
            (
                "Die Bundesregierung hat am Mittwoch beschlossen, dass die neuen Regeln "
                "für die Einfuhr von Waren aus dem Ausland ab dem nächsten Monat gelten "
                "sollen, wie ein Sprecher des Ministeriums in Berlin mitteilte und dabei "
                "betonte, dass die Wirtschaft sich darauf einstellen müsse."
            ).encode(),
            "not English",
        ),
    ],
)
def test_bad_input_gives_one_line_and_no_output(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    out = tmp_path / "out"
    result = kg("build", str(path), "-o", str(out))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"{name}: {message}" in result.stderr
    assert "nothing could be built" in result.stderr
    assert not (out / "graph.ttl").exists()


def test_huge_file_is_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    result = kg("build", str(path), "-o", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "huge.txt: file too large" in result.stderr
    assert "Traceback" not in result.stderr


def test_directory_without_articles(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("nothing here", encoding="utf-8")
    result = kg("build", str(tmp_path), "-o", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "no articles found" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_missing_path_and_bad_date(tmp_path: Path) -> None:
    result = kg("build", str(tmp_path / "nope"), "-o", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "nope: no such file or directory" in result.stderr
    result = kg("build", str(ARTICLES), "-o", str(tmp_path), "--date", "12/04/2017")
    assert result.returncode == 2
    assert "not a date" in result.stderr


def test_unknown_model_is_one_line(tmp_path: Path) -> None:
    result = kg("build", str(ARTICLES), "-o", str(tmp_path), "--model", "xx_no_such_model")
    assert result.returncode == 1
    assert "xx_no_such_model is not installed" in result.stderr
    assert "Traceback" not in result.stderr


def test_date_flag_fills_missing_metadata(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.txt").write_text(GOOD.replace(".", " on Tuesday."), encoding="utf-8")
    result = kg("build", str(corpus), "-o", str(tmp_path / "out"), "--date", "2024-05-02")
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
    assert '"2024-04-30"^^xsd:date' in text


def test_formats(tmp_path: Path) -> None:
    for fmt, suffix in (("nt", "nt"), ("jsonld", "jsonld"), ("trig", "trig")):
        result = kg("build", str(ARTICLES), "-o", str(tmp_path), "--format", fmt)
        assert result.returncode == 0, result.stderr
        assert (tmp_path / f"graph.{suffix}").stat().st_size > 1000


def test_eval_table_and_json(tmp_path: Path) -> None:
    result = kg("eval", str(DATA), "--articles", str(ARTICLES))
    assert result.returncode == 0, result.stderr
    assert "entities" in result.stdout and "quotes" in result.stdout
    result = kg(
        "eval",
        str(DATA / "2017-04-12-trump-us-russia-relations.gold.json"),
        "--articles",
        str(ARTICLES),
        "--json",
    )
    data = json.loads(result.stdout)
    assert data[0]["events"]["recall"] >= 0.8


def test_eval_missing_article_is_one_line(tmp_path: Path) -> None:
    shutil.copy(DATA / "2017-04-12-trump-us-russia-relations.gold.json", tmp_path)
    result = kg("eval", str(tmp_path), "--articles", str(tmp_path))
    assert result.returncode == 1
    assert "article file not found" in result.stderr
    assert "Traceback" not in result.stderr
