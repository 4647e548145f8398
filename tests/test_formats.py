"""Tests for kg.formats: one registry that the writers, loaders, API and CLI all follow."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg import formats
from kg.api import KnowledgeGraph, load
from kg.cli import parser
from kg.query import rdf_files
from kg.write import serialize

GRAPH = Graph()
GRAPH.add((URIRef("https://example.org/a"), URIRef("https://example.org/p"), Literal("x")))


@pytest.mark.parametrize("name", formats.names())
def test_every_format_is_written_and_read_back_by_both_engines(name: str, tmp_path: Path) -> None:
    fmt = formats.get(name)
    path = KnowledgeGraph(GRAPH).serialize(tmp_path / fmt.graph_file)
    assert path.suffix == fmt.suffix
    assert rdf_files([tmp_path]) == [path]
    assert isomorphic(load(path).graph, GRAPH)
    ox_format = getattr(pyoxigraph.RdfFormat, fmt.oxigraph)
    assert len(list(pyoxigraph.parse(path=str(path), format=ox_format))) == 1


def test_the_command_line_offers_every_format_and_defaults_to_the_first() -> None:
    build = ["build", "articles", "-o", "out"]
    assert parser().parse_args(build).format == formats.DEFAULT == formats.names()[0]
    for name in formats.names():
        assert parser().parse_args([*build, "--format", name]).format == name
    with pytest.raises(SystemExit):
        parser().parse_args([*build, "--format", "rdfxml"])


def test_an_unknown_format_is_refused_with_the_choices() -> None:
    with pytest.raises(ValueError, match="choose from ttl, nt, nq, trig, jsonld"):
        serialize(GRAPH, "rdfxml")
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        KnowledgeGraph(GRAPH).serialize("out.ttl", format="xml")


def test_quad_formats_and_preference_cover_the_registry() -> None:
    assert sorted(formats.PREFERENCE) == sorted(formats.FORMATS)
    assert {f.name for f in formats.FORMATS.values() if f.quads} == {"nq", "trig"}
    assert formats.of_path("graph.rdf") is None
