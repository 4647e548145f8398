"""Triples → files, atomically (temp file, then rename) and byte-for-byte reproducibly."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from rdflib import Dataset, Graph

#: --format value → (rdflib format, file suffix)
FORMATS = {
    "ttl": ("turtle", "ttl"),
    "nt": ("nt", "nt"),
    "trig": ("trig", "trig"),
    "jsonld": ("json-ld", "jsonld"),
}


def serialize(graph: Graph, fmt: str = "ttl") -> str:
    """The graph as text in a stable order, so two builds of the same input diff cleanly."""
    rdf_format, _ = FORMATS[fmt]
    if fmt == "trig":
        # A plain graph would be written under its random identifier: use the default graph.
        dataset = Dataset()
        for prefix, namespace in graph.namespaces():
            dataset.bind(prefix, namespace, replace=True)
        for triple in graph:
            dataset.add(triple)
        return dataset.serialize(format=rdf_format)
    text = graph.serialize(format=rdf_format)
    if fmt == "nt":
        lines = sorted(line for line in text.splitlines() if line.strip())
        return "\n".join(lines) + "\n"
    if fmt == "jsonld":
        data = json.loads(text)
        if isinstance(data, list):
            data.sort(key=lambda node: str(node.get("@id", "")))
        return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    return text


def _readable(path: str) -> None:
    """Give a temporary file the mode a plain ``open`` would (mkstemp makes it 0600)."""
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(path, 0o666 & ~mask)


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename: never half written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        _readable(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_graph(graph: Graph, out_dir: Path, fmt: str = "ttl") -> Path:
    """Write ``graph`` to ``out_dir/graph.<suffix>`` and return the path."""
    _, suffix = FORMATS[fmt]
    path = out_dir / f"graph.{suffix}"
    write_atomic(path, serialize(graph, fmt))
    return path
