"""The event table (kg.table, ``kg export events``, ``KnowledgeGraph.events``)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import kg
from kg import table

ROOT = Path(__file__).resolve().parent.parent
KG = [sys.executable, "-m", "kg.cli"]

ARTICLES = [
    {
        "id": "talks",
        "title": "Ministers meet in Geneva",
        "date": "2021-06-15",
        "url": "https://example.org/talks",
        "source": "Example Wire",
        "text": "Russian troops shelled Ukrainian positions near Donetsk on Monday, "
        "killing three soldiers. Russia did not attack Poland. "
        "Germany will impose sanctions on Belarus next month.",
    },
    {
        "id": "accuse",
        "date": "2021-06-16",
        "text": "France accused Iran of violating the nuclear deal on Tuesday.",
    },
]


@pytest.fixture(scope="module")
def graph() -> kg.KnowledgeGraph:
    return kg.build(ARTICLES)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, graph: kg.KnowledgeGraph) -> Path:
    out = tmp_path_factory.mktemp("build")
    return graph.serialize(out / "graph.ttl")


def kg_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*KG, *args], capture_output=True, text=True, cwd=ROOT, timeout=300)


def by_class(rows: list[dict], cls: str) -> list[dict]:
    return [r for r in rows if r["event_class"] == cls]


def test_directed_sides_codes_and_arguments(graph: kg.KnowledgeGraph) -> None:
    rows = table.from_graph(graph.graph)
    [attack] = by_class(rows, "Attack")
    assert (attack["source_iso3"], attack["target_iso3"]) == ("RUS", "UKR")
    assert (attack["source_kind"], attack["source_sector"]) == ("Group", "military")
    assert attack["source_iri"] == "https://w3id.org/pekg/id/group/rus-military"
    assert attack["date"] == "2021-06-14"  # "on Monday" before the article's Tuesday
    assert attack["deaths"] == 3
    assert attack["place_name"] == "Donetsk"
    assert attack["cameo_code"] and attack["goldstein"] < 0 and attack["modality"] == "realised"
    assert attack["article_count"] == 1
    assert (attack["article_id"], attack["article_url"]) == ("talks", "https://example.org/talks")
    assert (attack["article_title"], attack["article_source"]) == (
        "Ministers meet in Geneva",
        "Example Wire",
    )
    text = ARTICLES[0]["text"]
    assert text[attack["char_start"] : attack["char_end"]] == attack["sentence"]
    [accusation] = by_class(rows, "Accusation")
    assert (accusation["source_name"], accusation["target_name"]) == ("France", "Iran")


def test_a_place_gives_its_country() -> None:
    from rdflib import Graph

    g = Graph().parse(
        format="turtle",
        data="""
        @prefix pek: <https://w3id.org/pekg/ontology#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @base <https://w3id.org/pekg/id/> .
        <event/x/1> a pek:Event, pek:Meeting ; pek:place <place/geneva> ;
            pek:participant <country/USA>, <country/RUS> .
        <event/x/2> a pek:Event, pek:Attack ; pek:place <country/SYR> .
        <place/geneva> a pek:Place ; rdfs:label "Geneva" ; pek:affiliation <country/CHE> .
        <country/SYR> a pek:Country, pek:Place ; rdfs:label "Syria" ; pek:iso3 "SYR" .
        <country/USA> a pek:Country ; rdfs:label "United States" ; pek:iso3 "USA" .
        <country/RUS> a pek:Country ; rdfs:label "Russia" ; pek:iso3 "RUS" .
        """,
    )
    meeting, attack = table.from_graph(g)
    assert (meeting["place_name"], meeting["place_iso3"]) == ("Geneva", "CHE")
    assert meeting["participants"] == "Russia; United States"
    assert meeting["source_name"] is None and meeting["target_name"] is None
    assert (attack["place_name"], attack["place_iso3"]) == ("Syria", "SYR")
    assert meeting["article_count"] == 0 and meeting["sentence"] is None


def test_only_realised_events_unless_all(graph: kg.KnowledgeGraph) -> None:
    realised = table.from_graph(graph.graph)
    every = table.from_graph(graph.graph, include_all=True)
    assert {r["modality"] for r in realised} == {"realised"}
    others = {r["modality"] for r in every} - {"realised"}
    assert {"negated", "planned"} <= others
    assert len(every) == len(realised) + sum(r["modality"] != "realised" for r in every)


def test_rows_are_sorted_and_complete(graph: kg.KnowledgeGraph) -> None:
    rows = table.from_graph(graph.graph, include_all=True)
    keys = [(r["date"] or "9999", r["event_id"]) for r in rows]
    assert keys == sorted(keys)
    assert all(list(r) == [c.name for c in table.COLUMNS] for r in rows)


def test_several_sides_keep_their_order_in_every_column() -> None:
    g = kg.build(["Chinese police and Russia attacked Ukrainian protesters."], date="2021-01-01")
    [row] = table.from_graph(g.graph)
    names = row["source_name"].split("; ")
    assert len(names) == 2
    kinds = row["source_kind"].split("; ")
    sectors = row["source_sector"].split("; ")
    iris = row["source_iri"].split("; ")
    assert len(kinds) == len(sectors) == len(iris) == 2
    assert dict(zip(names, sectors, strict=True)) == {"Chinese police": "police", "Russia": ""}


def test_api_frame_has_proper_dtypes(graph: kg.KnowledgeGraph) -> None:
    df = graph.events()
    assert list(df.columns) == [c.name for c in table.COLUMNS]
    assert str(df["date"].dtype) == "datetime64[ns]"
    assert str(df["article_date"].dtype) == "datetime64[ns]"
    assert str(df["deaths"].dtype) == "Int64" and str(df["article_count"].dtype) == "Int64"
    assert isinstance(df["event_class"].dtype, pd.CategoricalDtype)
    assert str(df["goldstein"].dtype) == "Float64"
    assert len(graph.events(all=True)) > len(df)


def test_the_cli_writes_each_format_the_same_table(built: Path, tmp_path: Path) -> None:
    expected = table.from_paths([built])
    csv_file, parquet_file, jsonl_file = (tmp_path / f"events.{s}" for s in table.TABLE_FORMATS)
    for path in (csv_file, parquet_file, jsonl_file):
        done = kg_cli("export", "events", str(built), "-o", str(path))
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip() == f"wrote {path} ({len(expected)} realised events)"
    from_csv = pd.read_csv(csv_file, dtype=str, keep_default_na=False)
    assert list(from_csv["event_id"]) == [r["event_id"] for r in expected]
    assert list(from_csv.columns) == [c.name for c in table.COLUMNS]
    from_parquet = pd.read_parquet(parquet_file)
    assert str(from_parquet["date"].dtype).startswith("datetime64")
    assert list(from_parquet["event_id"]) == [r["event_id"] for r in expected]
    lines = [json.loads(line) for line in jsonl_file.read_text().splitlines()]
    assert lines == expected


def test_the_cli_output_is_byte_identical_across_runs(built: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    for path in (first, second):
        assert (
            kg_cli("export", "events", str(built.parent), "-o", str(path), "--all").returncode == 0
        )
    assert first.read_bytes() == second.read_bytes()


def test_bad_requests_get_one_line_and_leave_no_file(built: Path, tmp_path: Path) -> None:
    bad_suffix = kg_cli("export", "events", str(built), "-o", str(tmp_path / "events.xls"))
    assert bad_suffix.returncode == 2
    assert re.fullmatch(
        r"kg: \S+events\.xls: unknown table format 'xls'; use .*\n", bad_suffix.stderr
    )
    missing = kg_cli("export", "events", str(tmp_path / "none.ttl"), "-o", str(tmp_path / "e.csv"))
    assert missing.returncode == 1 and missing.stderr.count("\n") == 1
    assert "none.ttl" in missing.stderr and "Traceback" not in missing.stderr
    broken = tmp_path / "broken.ttl"
    broken.write_text("<a> <b> .\n")
    invalid = kg_cli("export", "events", str(broken), "-o", str(tmp_path / "e.csv"))
    assert invalid.returncode == 1 and "broken.ttl" in invalid.stderr
    no_dir = kg_cli("export", "events", str(built), "-o", str(tmp_path / "nodir" / "e.csv"))
    assert no_dir.returncode == 1 and "does not exist" in no_dir.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.ttl"]


def test_an_existing_table_is_kept_when_writing_fails(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    path.write_text("old\n")
    with pytest.raises(TypeError):  # a value JSON cannot hold, halfway through
        table.write_table([{"event_id": "a"}, {"event_id": object()}], path)
    assert path.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.jsonl"]


def test_the_readme_documents_every_column() -> None:
    readme = (ROOT / "README.md").read_text()
    for column in table.COLUMNS:
        assert f"| `{column.name}` |" in readme, column.name


def test_the_command_line_offers_every_table_format() -> None:
    """``kg export --format`` lists the formats the table writer knows, no more, no less."""
    import argparse

    from kg import cli

    sub = next(a for a in cli.parser()._actions if isinstance(a, argparse._SubParsersAction))
    export = sub.choices["export"]
    fmt = next(a for a in export._actions if a.dest == "format")
    assert tuple(fmt.choices or ()) == table.TABLE_FORMATS
