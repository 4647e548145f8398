"""kg.results: tables for people, SPARQL 1.1 CSV / TSV / JSON for programs."""

from __future__ import annotations

import csv
import io
import json

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from kg.query import Result
from kg.results import MAX_CELL, format_result, short

ROWS = Result(
    "select",
    ["who", "said", "when"],
    [
        (URIRef("https://w3id.org/pekg/id/person/ab"), Literal('He said "no",\nthen\tleft'), None),
        (BNode("b1"), Literal("oui", lang="fr"), Literal("2017-04-12", datatype=XSD.date)),
    ],
)


def test_table_is_aligned_and_cut() -> None:
    long = Result("select", ["x"], [(Literal("w " * 100),)])
    lines = format_result(long).splitlines()
    assert len(lines[2]) == MAX_CELL and lines[2].endswith("…")
    table = format_result(ROWS).splitlines()
    assert table[0].index("said") == table[2].index('He said "no", then left')
    assert table[-1] == "(2 rows)"
    assert "pekr:person/ab" in table[2] and "_:b1" in table[3]


def test_csv_round_trips_awkward_text() -> None:
    rows = list(csv.reader(io.StringIO(format_result(ROWS, "csv"))))
    assert rows[0] == ["who", "said", "when"]
    assert rows[1] == ["https://w3id.org/pekg/id/person/ab", 'He said "no",\nthen\tleft', ""]


def test_tsv_escapes_tabs_and_newlines() -> None:
    lines = format_result(ROWS, "tsv").splitlines()
    assert len(lines) == 3
    assert lines[1].split("\t")[0] == "<https://w3id.org/pekg/id/person/ab>"
    assert lines[2].split("\t")[1] == '"oui"@fr'


def test_json_results_format() -> None:
    data = json.loads(format_result(ROWS, "json"))
    first, second = data["results"]["bindings"]
    assert "when" not in first
    assert first["said"] == {"type": "literal", "value": 'He said "no",\nthen\tleft'}
    assert second["who"] == {"type": "bnode", "value": "b1"}
    assert second["said"]["xml:lang"] == "fr"
    assert second["when"]["datatype"] == str(XSD.date)
    ask = json.loads(format_result(Result("ask", boolean=False), "json"))
    assert ask == {"head": {}, "boolean": False}


def test_short_prefers_the_longest_namespace() -> None:
    assert short(URIRef("https://w3id.org/pekg/ontology#Veto")) == "pek:Veto"
    assert short(URIRef("http://example.org/x")) == "http://example.org/x"
    assert short(Literal("a\n b")) == "a b"
