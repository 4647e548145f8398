"""kg.verbs: PETRARCH / CAMEO verb dictionaries, read on top of the built-in triggers."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph

from kg import lexicon, verbs
from kg.model import Article
from kg.pipeline import build_articles
from kg.verbs import VerbDictionaryError, load, parse
from kg.vocab import PEK

ROOT = Path(__file__).resolve().parent.parent

DICTIONARY = """\
<!-- a made-up verb dictionary -->
--- EXCOMMUNICATE   [111] ---
EXCOMMUNICATE {EXCOMMUNICATED}
+ANATHEMATIZE
- * + FROM  [166]
- $ * + FOR HERESY AND SCHISM  [1121]   # too complex: ignored
--- DECLARE   [---] ---
DECLARE
- * WAR  [190]
--- REMARK   [010] ---
REMARK
"""


def test_verbs_synonyms_and_forms_take_the_class_of_their_code() -> None:
    found = parse(DICTIONARY)
    for word in ("excommunicate", "excommunicated", "anathematize"):
        trig = found.entries[(word, "VERB")]
        assert (trig.cls, trig.plover, trig.cameo) == ("Accusation", "DISAPPROVE", "111")
    assert found.entries[("excommunicate from", "VERB")].cls == "Sanction"
    assert found.entries[("anathematize from", "VERB")].cameo == "166"
    assert found.entries[("declare war", "VERB")].plover == "FIGHT"


def test_no_code_or_a_statement_code_makes_no_entry_and_complex_patterns_are_counted() -> None:
    found = parse(DICTIONARY)
    assert ("declare", "VERB") not in found.entries
    assert ("remark", "VERB") not in found.entries
    assert found.unmapped == 1
    assert found.ignored == 1


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("EXCOMMUNICATE\n", "line 1: a verb before any '--- GROUP [code] ---'"),
        ("--- A [111] ---\nA\n- * B\n", "line 3: a pattern without a [code]"),
        ("--- A [111] ---\nA\n- * B [12x]\n", "line 3: not a CAMEO code: [12x]"),
        ("--- A [111]\nA\n", "line 1: not a '--- GROUP [code] ---' line"),
        ("- * B [111]\n", "line 1: a pattern before any '--- GROUP [code] ---'"),
        ("<!-- two\nlines -->\n--- A [111] ---\nA {B\n", "line 4: not a verb line"),
    ],
)
def test_malformed_lines_are_named_with_file_and_line(text: str, message: str) -> None:
    with pytest.raises(VerbDictionaryError, match=message.replace("[", r"\[").replace("]", r"\]")):
        parse(text, "my.verbs")
    with pytest.raises(VerbDictionaryError, match="^my.verbs: line"):
        parse(text, "my.verbs")


def test_missing_empty_or_binary_files(tmp_path: Path) -> None:
    with pytest.raises(VerbDictionaryError, match="no such file"):
        load(tmp_path / "none.txt")
    empty = tmp_path / "empty.txt"
    empty.write_text("--- REMARK [010] ---\nREMARK\n")
    with pytest.raises(VerbDictionaryError, match="no verb with an event code"):
        load(empty)
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(VerbDictionaryError, match="UTF-8"):
        load(binary)


def _events(tmp_path: Path, text: str, with_verbs: bool) -> set[tuple[str, str]]:
    path = tmp_path / "my.verbs"
    path.write_text(DICTIONARY)
    article = Article(id="a", text=text, date=dt.date(2020, 3, 11))
    try:
        g = build_articles([article], verbs=path if with_verbs else None).graph
    finally:
        verbs.use(None)
    return {(str(g.value(e, PEK.cameoCode)), str(g.value(e, PEK.trigger))) for e in _all(g)}


def _all(g: Graph) -> list:
    return sorted({s for s in g.subjects(PEK.cameoCode, None)})


def test_in_memory_build_reads_the_verbs_and_forgets_them(tmp_path: Path) -> None:
    text = "France excommunicated Italy on Monday. Russia declared war on Ukraine."
    found = _events(tmp_path, text, True)
    assert ("111", "excommunicated") in found and ("190", "declared") in found
    assert _events(tmp_path, text, False) == set()
    assert ("excommunicate", "VERB") not in lexicon.triggers()


def test_a_verb_file_does_not_make_events_of_ordinary_sentences(tmp_path: Path) -> None:
    assert _events(tmp_path, "Russia declared a holiday on Monday.", True) == set()


def _kg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg.cli", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )


def test_cli_build_with_verbs_in_worker_processes_and_rebuild_on_change(tmp_path: Path) -> None:
    path = tmp_path / "my.verbs"
    path.write_text(DICTIONARY)
    docs = tmp_path / "docs"
    docs.mkdir()
    for n in range(2):
        (docs / f"a{n}.txt").write_text(f"France excommunicated Italy in letter {n}.\n")
    out = tmp_path / "out"
    args = ("build", str(docs), "-o", str(out), "--workers", "2")
    result = _kg(*args, "--verbs", str(path))
    assert result.returncode == 0, result.stderr
    assert "111" in {str(o) for o in Graph().parse(out / "graph.ttl").objects(None, PEK.cameoCode)}
    assert "0 built" in _kg(*args, "--verbs", str(path)).stdout  # unchanged: nothing to do
    path.write_text(DICTIONARY.replace("[111]", "[112]"))
    assert "2 built" in _kg(*args, "--verbs", str(path)).stdout  # changed: every article
    codes = {str(o) for o in Graph().parse(out / "graph.ttl").objects(None, PEK.cameoCode)}
    assert "112" in codes and "111" not in codes


def test_cli_bad_verb_file_is_one_line_and_builds_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.verbs"
    bad.write_text("--- A [111] ---\nA\n- * B [1x1]\n")
    out = tmp_path / "out"
    result = _kg("build", "data/articles", "-o", str(out), "--verbs", str(bad))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [f"kg: {bad}: line 3: not a CAMEO code: [1x1]"]
    assert not (out / "graph.ttl").exists()
