"""The package's metadata: a licence that fits its dependencies, written as setuptools wants."""

from __future__ import annotations

import subprocess
import sys
from importlib import metadata
from pathlib import Path

import tomllib

ROOT = Path(__file__).resolve().parent.parent

#: Licences a dependency may have for an MIT project to ship with it unchanged.
PERMISSIVE = ("MIT", "BSD", "Apache", "PSF", "Python Software Foundation", "ISC", "Unlicense")


def _project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_the_licence_is_an_spdx_expression_with_its_file() -> None:
    project = _project()
    assert project["license"] == "MIT"
    assert project["license-files"] == ["LICENSE"]
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")


def test_metadata_builds_without_any_warning(tmp_path: Path) -> None:
    code = (
        "from setuptools import build_meta\n"
        f"print(build_meta.prepare_metadata_for_build_wheel({str(tmp_path)!r}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-W", "error", "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    info = (tmp_path / done.stdout.strip().splitlines()[-1] / "METADATA").read_text()
    assert "License-Expression: MIT" in info and "License-File: LICENSE" in info


def _licence(name: str) -> str:
    meta = metadata.metadata(name)
    found = meta.get("License-Expression") or meta.get("License") or ""
    classifiers = [c for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    return " ".join([found[:200], *classifiers])


def test_every_runtime_dependency_is_under_a_permissive_licence() -> None:
    for requirement in _project()["dependencies"]:
        name = requirement.split("==")[0]
        licence = _licence(name)
        assert any(word in licence for word in PERMISSIVE), (name, licence)


def _lowest(spec: str | None) -> tuple[int, ...]:
    """The lowest Python a ``Requires-Python`` allows: ``>=3.11`` → (3, 11)."""
    for part in (spec or "").split(","):
        part = part.strip()
        if part.startswith(">="):
            return tuple(int(x) for x in part[2:].split(".")[:2])
        if part.startswith(">"):
            return tuple(int(x) for x in part[1:].split(".")[:2])
    return (3, 0)


def test_the_python_the_readme_states_is_what_the_pinned_dependencies_need() -> None:
    stated = _lowest(_project()["requires-python"])
    needed = max(
        _lowest(metadata.metadata(r.split("==")[0]).get("Requires-Python"))
        for r in _project()["dependencies"]
    )
    assert stated == needed, (stated, needed)
    version = ".".join(map(str, stated))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"Python ≥ {version}" in readme
    assert sys.version_info[:2] >= stated
