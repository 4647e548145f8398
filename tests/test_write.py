"""kg.write: N-Triples, Turtle, TriG and N-Quads that every parser reads back the same."""

from __future__ import annotations

import pyoxigraph
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import XSD

from kg.write import (
    SerializationError,
    nt_lines,
    nt_term,
    serialize,
    split_lines,
    turtle_chunk,
)

S, P = URIRef("https://w3id.org/pekg/id/article/a"), URIRef("http://purl.org/dc/terms/title")

#: Characters str.splitlines() takes for line breaks, and other controls.
LINE_BREAKS = ["\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\r", "\n"]
#: Values that broke a parser in the past: a long string ending in an escaped quote.
AWKWARD = [
    'one\ntwo\\"',
    'ends in a quote"',
    'a"""b',
    "back\\slash\\",
    "tab\there\x00nul\x7fdel",
    "\U0001f1fa\U0001f1f8 flags",
    "",
]
FORMATS = {
    "ttl": (pyoxigraph.RdfFormat.TURTLE, "turtle"),
    "nt": (pyoxigraph.RdfFormat.N_TRIPLES, "nt"),
    "nq": (pyoxigraph.RdfFormat.N_QUADS, "nquads"),
    "trig": (pyoxigraph.RdfFormat.TRIG, "trig"),
}


def graph_of(*values: str) -> Graph:
    g = Graph()
    for value in values:
        g.add((S, P, Literal(value)))
        g.add(
            (S, URIRef("https://w3id.org/pekg/ontology#text"), Literal(value, datatype=XSD.string))
        )
    g.add((S, URIRef("https://w3id.org/pekg/ontology#charEnd"), Literal(40)))
    return g


def oxigraph_values(text: str, fmt: pyoxigraph.RdfFormat) -> set[str]:
    return {
        q.object.value
        for q in pyoxigraph.parse(text, format=fmt)
        if isinstance(q.object, pyoxigraph.Literal)
    }


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("value", [f"a{c}b" for c in LINE_BREAKS] + AWKWARD)
def test_every_literal_reads_back_in_rdflib_and_oxigraph(fmt: str, value: str) -> None:
    g = graph_of(value)
    text = serialize(g, fmt)
    ox_format, rdflib_format = FORMATS[fmt]
    assert value in oxigraph_values(text, ox_format)
    back = Dataset(default_union=True)
    back.parse(data=text, format=rdflib_format)
    triples = Graph()
    for triple in back.triples((None, None, None)):
        triples.add(triple)
    assert isomorphic(triples, g)


def test_each_triple_is_one_line_whatever_it_holds() -> None:
    g = graph_of(*(f"x{c}y" for c in LINE_BREAKS))
    text = nt_lines(g)
    assert len(text.splitlines()) == len(split_lines(text)) == len(g)
    for line in split_lines(text):  # each line parses on its own, as the manifest keeps them
        assert len(Graph().parse(data=line, format="nt")) == 1


def test_turtle_chunk_groups_a_subject_and_abbreviates() -> None:
    chunk = turtle_chunk(split_lines(nt_lines(graph_of("x"))))
    assert chunk.startswith("<https://w3id.org/pekg/id/article/a> dcterms:title")
    assert "pek:charEnd 40" in chunk and chunk.count(" .\n") == 1


def test_output_is_stable() -> None:
    assert serialize(graph_of("b", "a"), "ttl") == serialize(graph_of("a", "b"), "ttl")


def test_unsafe_iri_characters_are_percent_encoded() -> None:
    assert nt_term(URIRef("http://x.org/a b<c>")) == "<http://x.org/a%20b%3Cc%3E>"


def test_a_lone_surrogate_is_an_error_not_a_broken_file() -> None:
    with pytest.raises(SerializationError, match="lone surrogate"):
        serialize(graph_of("bad \ud800"), "ttl")
