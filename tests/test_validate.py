"""kg.validate: the seed conforms; hand-broken graphs fail with readable messages."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, Dataset, Graph, Literal, URIRef
from rdflib.namespace import XSD

from kg.validate import validate
from kg.vocab import PEK, PEKR

SEED = Path(__file__).resolve().parent / "data" / "seed.golden.ttl"


@pytest.fixture()
def seed() -> Graph:
    return Graph().parse(SEED)


def test_seed_conforms(seed: Graph) -> None:
    report = validate(seed)
    assert report.conforms, str(report)
    assert str(report).startswith("conforms")


def _first(graph: Graph, cls: URIRef) -> URIRef:
    return sorted(graph.subjects(RDF.type, cls))[0]  # type: ignore[return-value]


def test_event_without_participants_or_class(seed: Graph) -> None:
    attack = _first(seed, PEK.Attack)
    seed.remove((attack, PEK.participant, None))
    seed.remove((attack, RDF.type, PEK.Attack))
    report = validate(seed)
    assert not report.conforms
    messages = {(v.path, v.message) for v in report.violations}
    assert ("pek:participant", "An event must have at least one pek:participant.") in messages
    assert ("", "An event needs an event class of the ontology, such as pek:Meeting.") in messages


def test_bad_ballot_date_and_quote(seed: Graph) -> None:
    ballot = _first(seed, PEK.Ballot)
    seed.set((ballot, PEK.choice, PEK.Meeting))
    event = _first(seed, PEK.Vote)
    seed.set((event, PEK.date, Literal("last Tuesday")))
    quote = _first(seed, PEK.Quote)
    seed.remove((quote, PEK.speaker, None))
    report = validate(seed)
    text = str(report)
    assert text.startswith("does not conform: 3 violations")
    assert "pek:choice: A ballot must have exactly one pek:choice" in text
    assert "(value: pek:Meeting)" in text
    assert "pek:date: An event has at most one pek:date, typed xsd:date." in text
    assert "pek:speaker: A quote must have at least one pek:speaker." in text


def test_dataset_is_validated_as_one_union(seed: Graph) -> None:
    # Actor descriptions in one named graph, events in another: valid together.
    ds = Dataset()
    actors = ds.graph(PEKR["graph/actors"])
    events = ds.graph(PEKR["graph/events"])
    for s, p, o in seed:
        (actors if (s, RDF.type, PEK.Actor) in seed else events).add((s, p, o))
    assert validate(ds).conforms


def test_wrong_datatype_is_named(seed: Graph) -> None:
    evidence = _first(seed, PEK.Evidence)
    seed.set((evidence, PEK.charStart, Literal("12", datatype=XSD.string)))
    report = validate(seed)
    assert any(v.path == "pek:charStart" for v in report.violations)
