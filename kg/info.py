"""What this installation has: versions, the spaCy pipeline, lexicon sizes, tools found.

``kg info`` prints it for a bug report or a check that set-up worked; nothing here loads
the spaCy pipeline or starts a program, so it answers in about a second.

Example:
    >>> facts = collect()
    >>> facts["packages"]["pekg"] == facts["pekg"]
    True
    >>> facts["lexicon"]["trigger words"] > 1000
    True
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import platform
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from kg import lexicon

__all__ = ["PACKAGES", "collect", "format_info"]

#: The libraries whose versions decide what a build gives, in the order shown.
PACKAGES = (
    "pekg",
    "spacy",
    "rdflib",
    "networkx",
    "pyvis",
    "pyoxigraph",
    "pandas",
    "pyarrow",
    "pyshacl",
    "dask",
    "lingua-language-detector",
    "trafilatura",
)


def _version(name: str) -> str | None:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return None


def _pipeline(name: str | None) -> dict[str, Any]:
    """The spaCy pipeline a build would load, its version and where it is installed."""
    from kg import nlp

    candidates = (name,) if name else nlp.DEFAULT_MODELS
    for candidate in candidates:
        try:
            spec = importlib.util.find_spec(candidate)
        except (ImportError, ValueError):  # "a.b", ".x": no such pipeline
            spec = None
        if spec is not None:
            origin = spec.submodule_search_locations or [spec.origin or ""]
            return {
                "name": candidate,
                "version": _version(candidate) or _version(candidate.replace("_", "-")),
                "path": str(Path(list(origin)[0])),
                "installed": True,
            }
    return {"name": " or ".join(candidates), "version": None, "path": None, "installed": False}


def _tool(find: Any) -> str | None:
    try:
        return str(find())
    except Exception:  # noqa: BLE001 - each finder raises its own "not found" error
        return None


def _lexicon_sizes() -> dict[str, int]:
    return {
        "trigger words": len(lexicon.triggers()),
        "CAMEO codes": len(lexicon.cameo_classes()),
        "country names": len(lexicon.country_names()),
        "organisations": len(lexicon.organizations()),
        "titles": len(lexicon.titles()),
        "news outlets": len(lexicon.outlets()),
        "towns and cities": len(lexicon.cities()),
        "lexicon files": sum(1 for _ in lexicon.LEXICON_DIR.glob("*.t[sx][vt]")),
    }


def collect(model: str | None = None) -> dict[str, Any]:
    """Everything ``kg info`` shows, as plain data (``kg info --json`` prints it)."""
    from kg import detect
    from kg.browser import find_chromium
    from kg.store import oxigraph_executable

    return {
        "pekg": _version("pekg"),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "executable": sys.executable,
        "packages": {name: _version(name) for name in PACKAGES},
        "spacy pipeline": _pipeline(model),
        "event detector": str(detect.MODEL_DIR) if detect.available() else None,
        "lexicon": _lexicon_sizes(),
        "chromium": _tool(find_chromium),
        "oxigraph server": _tool(oxigraph_executable),
    }


def format_info(facts: Mapping[str, Any]) -> str:
    """The facts as aligned lines of text.

    >>> print(format_info({"pekg": "1.0", "python": "CPython 3.11.7", "executable": "/py",
    ...     "packages": {"spacy": "3.8.0", "dask": None},
    ...     "spacy pipeline": {"name": "en_x", "version": "3.8.0", "path": "/m",
    ...                        "installed": True},
    ...     "event detector": None, "lexicon": {"titles": 100},
    ...     "chromium": None, "oxigraph server": "/bin/oxigraph"}))
    pekg              1.0
    python            CPython 3.11.7 (/py)
    spacy pipeline    en_x 3.8.0 (/m)
    event detector    not found
    chromium          not found (needed only for screenshots and the browser tests)
    oxigraph server   /bin/oxigraph
    <BLANKLINE>
    packages
      spacy           3.8.0
      dask            not installed
    <BLANKLINE>
    lexicon
      titles          100
    """
    pipeline = facts["spacy pipeline"]
    if pipeline["installed"]:
        version = f" {pipeline['version']}" if pipeline["version"] else ""
        used = f"{pipeline['name']}{version} ({pipeline['path']})"
    else:
        used = f"{pipeline['name']}: not installed"
    chromium = facts["chromium"] or "not found (needed only for screenshots and the browser tests)"
    rows = [
        ("pekg", facts["pekg"] or "unknown"),
        ("python", f"{facts['python']} ({facts['executable']})"),
        ("spacy pipeline", used),
        ("event detector", facts["event detector"] or "not found"),
        ("chromium", chromium),
        ("oxigraph server", facts["oxigraph server"] or "not found (pip install oxigraph)"),
    ]
    width = max(len(k) + 2 for k in [*facts["packages"], *facts["lexicon"], "oxigraph server"])
    lines = [f"{key:<{width}} {value}" for key, value in rows]
    lines += ["", "packages"]
    packages = facts["packages"].items()
    lines += [f"  {k:<{width - 2}} {v or 'not installed'}" for k, v in packages]
    lines += ["", "lexicon"]
    lines += [f"  {k:<{width - 2}} {v:,}" for k, v in facts["lexicon"].items()]
    return "\n".join(lines)
