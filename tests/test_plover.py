"""kg.plover: records files, matching rules on hand-built graphs, and the sample end to end."""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path
from typing import Any

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import PROV, SKOS

from kg.model import Article
from kg.pipeline import build_articles
from kg.plover import (
    CodedActor,
    PloverReport,
    Record,
    RecordResult,
    actor_matches,
    category_class,
    dyad_right,
    format_report,
    load_records,
    score,
)
from kg.read import ReadProblem
from kg.vocab import PEK, PEKR

SAMPLE = Path(__file__).resolve().parent / "data" / "plover-sample.json"

# --------------------------------------------------------------------------- graphs


def _country(g: Graph, code: str, label: str) -> URIRef:
    node = PEKR[f"country/{code}"]
    for t in [
        (node, RDF.type, PEK.Country),
        (node, RDF.type, PEK.Actor),
        (node, PEK.iso3, Literal(code)),
        (node, RDFS.label, Literal(label)),
    ]:
        g.add(t)
    return node


def _person(g: Graph, slug: str, label: str, country: URIRef | None = None) -> URIRef:
    node = PEKR[f"person/{slug}"]
    g.add((node, RDF.type, PEK.Person))
    g.add((node, RDFS.label, Literal(label)))
    if country is not None:
        g.add((node, PEK.affiliation, country))
    return node


def _event(g: Graph, article: str, cls: URIRef, name: str = "e", **roles: list[URIRef]) -> URIRef:
    """An event of ``cls`` in article ``article``; ``roles`` maps agent/target/participant."""
    node = PEKR[f"event/{article}/{name}"]
    g.add((node, RDF.type, cls))
    g.add((node, RDF.type, PEK.Event))
    g.add((node, PROV.wasDerivedFrom, PEKR[f"article/{article}"]))
    for prop, actors in roles.items():
        for actor in actors:
            g.add((node, PEK[prop], actor))
            g.add((node, PEK.participant, actor))
    return node


def _record(
    event: str,
    source: list[tuple[str, str]],
    target: list[tuple[str, str]] | None = None,
    n: int = 1,
) -> Record:
    return Record(
        n=n,
        id=f"r{n}",
        text="An invented sentence.",
        event=event,
        date=None,
        source=tuple(CodedActor(t, c) for t, c in source),
        target=tuple(CodedActor(t, c) for t, c in target or []),
    )


@pytest.fixture()
def g() -> Graph:
    return Graph()


# --------------------------------------------------------------------------- matching


def test_actor_matches_by_own_iso3(g: Graph) -> None:
    usa = _country(g, "USA", "United States")
    assert actor_matches(g, usa, CodedActor("Washington", "USA"))
    assert not actor_matches(g, usa, CodedActor("Washington", "CAN"))


def test_actor_matches_by_iso3_of_affiliated_country(g: Graph) -> None:
    fra = _country(g, "FRA", "France")
    deu = _country(g, "DEU", "Germany")
    person = _person(g, "marie-dupont", "Marie Dupont", fra)
    assert actor_matches(g, person, CodedActor("French envoy", "FRA"))
    assert not actor_matches(g, person, CodedActor("German envoy", "DEU"))
    assert not actor_matches(g, deu, CodedActor("French envoy", "FRA"))


def test_actor_matches_by_iso3_through_a_role(g: Graph) -> None:
    ken = _country(g, "KEN", "Kenya")
    person = _person(g, "jane-doe", "Jane Doe")
    role = PEKR["role/jane-doe/president"]
    g.add((person, PEK.holdsRole, role))
    g.add((role, PEK.roleOf, ken))
    assert actor_matches(g, person, CodedActor("Kenyan President", "KEN"))
    assert not actor_matches(g, person, CodedActor("Ugandan President", "UGA"))


def test_actor_matches_by_label_case_insensitive(g: Graph) -> None:
    org = PEKR["org/amnesty-international"]
    g.add((org, RDFS.label, Literal("Amnesty International")))
    g.add((org, SKOS.altLabel, Literal("Amnesty")))
    assert actor_matches(g, org, CodedActor("amnesty international", "NGO"))
    assert actor_matches(g, org, CodedActor("AMNESTY", "NGO"))
    assert not actor_matches(g, org, CodedActor("Amnesty International USA", "NGO"))
    assert not actor_matches(g, org, CodedActor("", "NGO"))


def test_an_unaffiliated_person_matches_no_code(g: Graph) -> None:
    person = _person(g, "john-roe", "John Roe")
    assert not actor_matches(g, person, CodedActor("British official", "GBR"))


def test_dyad_needs_agent_as_source_and_target_as_target(g: Graph) -> None:
    isr, lbn = _country(g, "ISR", "Israel"), _country(g, "LBN", "Lebanon")
    rec = _record("ASSAULT", [("Israel", "ISR")], [("Lebanon", "LBN")])
    assert dyad_right(g, {isr: {"agent"}, lbn: {"target"}}, rec)
    assert not dyad_right(g, {lbn: {"agent"}, isr: {"target"}}, rec)  # the wrong way round
    assert not dyad_right(g, {isr: {"agent"}}, rec)  # the target is missing


def test_dyad_with_empty_target_needs_only_the_source(g: Graph) -> None:
    bra = _country(g, "BRA", "Brazil")
    rec = _record("AGREE", [("Brazil", "BRA"), ("Argentina", "ARG")])
    assert rec.target == ()
    assert dyad_right(g, {bra: {"agent"}}, rec)
    assert not dyad_right(g, {_country(g, "CHL", "Chile"): {"agent"}}, rec)


def test_dyad_without_source_needs_only_the_target(g: Graph) -> None:
    irq = _country(g, "IRQ", "Iraq")
    rec = _record("ASSAULT", [], [("Iraqi civilians", "IRQ")])
    assert dyad_right(g, {irq: {"target"}}, rec)
    assert not dyad_right(g, {irq: {"agent"}}, rec)


def test_dyad_participants_stand_for_an_empty_side(g: Graph) -> None:
    fra, deu = _country(g, "FRA", "France"), _country(g, "DEU", "Germany")
    rec = _record("CONSULT", [("France", "FRA")], [("Germany", "DEU")])
    assert dyad_right(g, {fra: {"participant"}, deu: {"participant"}}, rec)
    # one actor cannot be both sides of the dyad
    assert not dyad_right(
        g, {fra: {"participant"}}, _record("CONSULT", [("", "FRA")], [("", "FRA")])
    )
    # an event that has an agent does not let a participant act as the source
    assert not dyad_right(g, {deu: {"agent"}, fra: {"participant"}}, rec)


# --------------------------------------------------------------------------- scoring a graph


def test_category_class_table() -> None:
    assert [
        category_class(c) for c in ("CONSULT", "ASSAULT", "FIGHT", "DISAPPROVE", "SUPPORT")
    ] == [
        "Meeting",
        "Attack",
        "Attack",
        "Accusation",
        "Support",
    ]
    assert category_class(" threaten ") == "Threaten"


def test_score_a_hand_built_graph(g: Graph) -> None:
    usa, rus = _country(g, "USA", "United States"), _country(g, "RUS", "Russia")
    _event(g, "plover-1", PEK.Accusation, agent=[usa], target=[rus])
    _event(g, "plover-1", PEK.Statement, "quote", agent=[usa])
    _event(g, "plover-2", PEK.Meeting, participant=[usa, rus])
    # an event of the right class, but in another record's article
    _event(g, "plover-9", PEK.Attack, agent=[usa], target=[rus])
    records = [
        _record("DISAPPROVE", [("US", "USA")], [("Russia", "RUS")], n=1),
        _record("ASSAULT", [("US", "USA")], [("Russia", "RUS")], n=2),
        _record("SUPPORT", [("US", "USA")], n=3),
    ]
    report = score(records, g)
    first, second, third = report.results
    assert (first.typed, first.dyad, first.found, first.extra) == (
        True,
        True,
        ("Accusation", "Statement"),
        1,
    )
    assert (second.typed, second.dyad, second.found, second.extra) == (
        False,
        False,
        ("Meeting",),
        1,
    )
    assert (third.typed, third.found, third.extra) == (False, (), 0)
    assert report.counts() == (3, 1, 1)
    assert report.extra_per_sentence == pytest.approx(2 / 3)
    assert report.confusion()["SUPPORT"] == {"none": 1}
    assert report.confusion()["DISAPPROVE"] == {"Accusation": 1, "Statement": 1}


def test_a_class_added_later_just_works(g: Graph) -> None:
    prk, kor = _country(g, "PRK", "North Korea"), _country(g, "KOR", "South Korea")
    threaten = URIRef(str(PEK.Event).replace("Event", "Threaten"))  # not in the vocabulary yet
    _event(g, "plover-1", threaten, agent=[prk], target=[kor])
    report = score([_record("THREATEN", [("North Korea", "PRK")], [("South Korea", "KOR")])], g)
    assert report.results[0].typed and report.results[0].dyad


def test_score_calls_a_builder_with_one_article_a_record(g: Graph) -> None:
    seen: list[Article | ReadProblem] = []

    def builder(articles: list[Article | ReadProblem]) -> Graph:
        seen.extend(articles)
        return g

    score([_record("CONSULT", [("", "FRA")], n=1), _record("FIGHT", [("", "DEU")], n=2)], builder)
    assert [a.id for a in seen if isinstance(a, Article)] == ["plover-1", "plover-2"]


def test_format_and_json() -> None:
    report = PloverReport(
        [
            RecordResult(1, "a", "CONSULT", "Meeting", True, True, ("Meeting",), 1),
            RecordResult(2, "b", "THREATEN", "Threaten", False, False, (), 0),
        ],
        defined=frozenset({"Meeting"}),
    )
    text = format_report(report)
    rows = [line.split() for line in text.splitlines()]
    assert ["CONSULT", "Meeting", "1", "1.000", "1.000"] in rows
    assert ["THREATEN", "Threaten*", "1", "0.000", "0.000"] in rows
    assert ["overall", "2", "0.500", "0.500"] in rows
    assert ["defined", "classes", "1", "1.000", "1.000"] in rows
    assert len({len(line) for line in text.splitlines()[:6]}) == 1  # aligned
    data = json.loads(json.dumps(report.to_dict()))
    assert data["overall"] == {"n": 2, "typed": 1, "dyad": 1, "typed_rate": 0.5, "dyad_rate": 0.5}
    assert data["categories"]["THREATEN"]["defined"] is False
    assert data["confusion"] == {"CONSULT": {"Meeting": 1}, "THREATEN": {"none": 1}}
    assert format_report(PloverReport()) == "(no records scored)"


# --------------------------------------------------------------------------- files


def _write(tmp_path: Path, content: Any, name: str = "records.json") -> Path:
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return path


RECORD = {
    "id": "X-1",
    "date": "20240102",
    "event": "consult",
    "text": "Two invented ministers met.",
    "source": [{"actorText": "Ruritania", "code": "rur", "sector": "GOV"}],
    "target": {"actorText": "Freedonia", "code": "FRE"},
}


def test_load_the_sample() -> None:
    records = load_records(SAMPLE)
    assert 20 <= len(records) <= 30
    assert [r.n for r in records] == list(range(1, len(records) + 1))
    by_id = {r.id: r for r in records}
    assert by_id["SAMPLE-FIGHT-0001"].date == dt.date(2023, 4, 12)  # YYYYMMDD
    assert by_id["SAMPLE-DEMAND-0001"].date is None  # unreadable date
    assert by_id["SAMPLE-AGREE-0001"].target == ()  # "" target
    assert by_id["SAMPLE-CONSULT-0002"].target == () and by_id["SAMPLE-CONSULT-0002"].date is None


@pytest.mark.parametrize(
    "shape",
    [
        [RECORD],
        {"records": [RECORD]},
        {"meta": {"n": 1}, "whatever": [RECORD]},
        RECORD,
        json.dumps(RECORD) + "\n" + json.dumps(RECORD) + "\n",
    ],
    ids=["list", "records-key", "only-list", "one-object", "jsonl"],
)
def test_load_records_shapes(tmp_path: Path, shape: Any) -> None:
    records = load_records(_write(tmp_path, shape))
    first = records[0]
    assert (first.event, first.date, first.source, first.target) == (
        "CONSULT",
        dt.date(2024, 1, 2),
        (CodedActor("Ruritania", "RUR", "GOV"),),
        (CodedActor("Freedonia", "FRE", ""),),
    )


def test_a_string_target_is_read_as_none_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="kg.plover"):
        (record,) = load_records(_write(tmp_path, [{**RECORD, "target": "diplomatic"}]))
    assert record.target == ()
    assert "record 1: target is a string" in caplog.text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[{", "not JSON"),
        ("", "not JSON"),
        ("[]", "no records"),
        ("42", "not a list of records"),
        ({"a": [], "b": []}, "not holding one list"),
        ([RECORD, {**RECORD, "text": "  "}], "record 2: no `text`"),
        ([{k: v for k, v in RECORD.items() if k != "event"}], "record 1: no `event`"),
        (["a sentence"], "record 1: not an object"),
        ([{**RECORD, "source": ["USA"]}], "record 1: `source[0]` is not an object"),
        ([{**RECORD, "source": 7}], "record 1: `source` is not a list of actors"),
        ([{**RECORD, "target": [{"sector": "GOV"}]}], "neither `actorText` nor `code`"),
    ],
)
def test_bad_files_give_one_line_naming_the_file(
    tmp_path: Path, content: Any, message: str
) -> None:
    path = _write(tmp_path, content)
    with pytest.raises(ValueError) as err:
        load_records(path)
    text = str(err.value)
    assert text.startswith(str(path)) and message in text and "\n" not in text


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="cannot read"):
        load_records(tmp_path / "nope.json")


# --------------------------------------------------------------------------- end to end


@pytest.fixture(scope="module")
def sample_run() -> tuple[PloverReport, list[Article | ReadProblem]]:
    articles: list[Article | ReadProblem] = []

    def builder(items: list[Article | ReadProblem]) -> Graph:
        articles.extend(items)
        return build_articles(items).graph

    return score(load_records(SAMPLE), builder), articles


def test_sample_articles_carry_the_record_dates(
    sample_run: tuple[PloverReport, list[Article | ReadProblem]],
) -> None:
    _, articles = sample_run
    dates = {a.id: a.date for a in articles if isinstance(a, Article)}
    assert dates["plover-1"] == dt.date(2023, 5, 16)
    assert dates["plover-8"] == dt.date(2023, 4, 12)
    assert dates["plover-10"] is None


def test_sample_meets_the_floors(
    sample_run: tuple[PloverReport, list[Article | ReadProblem]],
) -> None:
    report, _ = sample_run
    assert not report.problems
    n, typed, dyad = report.counts()
    assert n == 26
    assert typed >= 22 and dyad >= 20  # floors below the current 26 and 24, raised as quality grows
    _, typed_defined, dyad_defined = report.counts(defined_only=True)
    assert typed_defined >= 22 and dyad_defined >= 20
    assert report.extra_per_sentence <= 0.25
    by_id = {r.id: r for r in report.results}
    for rid in (
        "SAMPLE-CONSULT-0001",  # participants of a meeting, people affiliated by their titles
        "SAMPLE-ASSAULT-0001",
        "SAMPLE-DISAPPROVE-0001",
        "SAMPLE-DISAPPROVE-0002",  # source matched by label (code NGO)
        "SAMPLE-SUPPORT-0001",
        "SAMPLE-COOPERATE-0001",  # a nationality and a group noun: that country's police
        "SAMPLE-AID-0001",  # "sent medicine to": goods make the act aid
        "SAMPLE-AGREE-0002",  # a promised act is an agreement
        "SAMPLE-THREATEN-0002",  # an act announced on a condition is a threat
        "SAMPLE-DEMAND-0002",  # "said X must"
        "SAMPLE-FIGHT-0002",  # both sides of one country, kept apart by their sectors
    ):
        assert by_id[rid].dyad, rid
    text = format_report(report)
    assert text.splitlines()[0].split() == ["category", "class", "n", "typed", "dyad"]
    assert "extra events per sentence" in text
