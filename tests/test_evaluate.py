"""Tests for kg.evaluate: hand-made gold dicts against hand-built graphs."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from kg.evaluate import (
    ArticleScore,
    Scores,
    check_gold,
    diagnose,
    evaluate,
    format_table,
    load_gold,
    micro_average,
    normalise,
    normalise_quote,
    score_article,
)

PEK = Namespace("https://w3id.org/pekg/ontology#")
PEKR = Namespace("https://w3id.org/pekg/id/")
XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")

GOLD: dict[str, Any] = {
    "article": "a.txt",
    "date": "2017-04-12",
    "entities": [
        {
            "key": "trump",
            "type": "Person",
            "name": "Donald Trump",
            "aliases": ["Trump"],
            "roles": [{"title": "President", "of": "us"}],
        },
        {"key": "us", "type": "Country", "name": "United States", "aliases": ["US"]},
        {"key": "russia", "type": "Country", "name": "Russia"},
        {"key": "china", "type": "Country", "name": "China"},
        {
            "key": "putin",
            "type": "Person",
            "name": "Vladimir Putin",
            "aliases": ["Putin"],
            "roles": [{"title": "leader|President", "of": "russia"}],
        },
        {"key": "unsc", "type": "Organization", "name": "UN Security Council"},
        {"key": "kremlin", "type": "Place", "name": "Kremlin", "aliases": ["the Kremlin"]},
        {"key": "air_base", "type": "Place", "name": "air base", "optional": True},
    ],
    "events": [
        {
            "id": "e1",
            "type": "Meeting",
            "participants": ["trump", "putin"],
            "place": "kremlin",
            "date": "2017-04-12",
        },
        {
            "id": "e2",
            "type": "Attack",
            "agent": ["us|trump"],
            "target": ["russia|air_base"],
            "instrument": "cruise missiles",
            "quantity": 59,
            "deaths": 87,
            "deaths_qualifier": "at least",
            "date": "2017-04-07",
        },
        {
            "id": "e3",
            "type": "Vote",
            "body": "unsc",
            "ballots": [
                {"voter": "china", "choice": "Abstain"},
                {"voter": "russia", "choice": "Veto"},
            ],
        },
        {
            "id": "e4",
            "type": "Statement",
            "agent": ["trump"],
            "about": ["russia"],
            "quote_contains": "all-time low",
        },
        {
            "id": "e5",
            "type": "Accusation",
            "agent": ["putin"],
            "target": ["us"],
            "optional": True,
        },
    ],
    "quotes": [
        {"speaker": "trump", "equals": "may be at an all-time low"},
        {"speaker": "putin", "contains": "level of trust"},
    ],
}

SUPER = {
    "Person": "Actor",
    "Country": "Actor",
    "Organization": "Actor",
    "Meeting": "Event",
    "Attack": "Event",
    "Vote": "Event",
    "Statement": "Event",
    "Accusation": "Event",
    "Support": "Event",
}


def typed(g: Graph, name: str, *types: str) -> URIRef:
    node = PEKR[name]
    for t in types:
        g.add((node, RDF.type, PEK[t]))
        if t in SUPER:
            g.add((node, RDF.type, PEK[SUPER[t]]))
    return node


def entity(g: Graph, name: str, kind: str, label: str, *alts: str) -> URIRef:
    node = typed(g, name, kind)
    g.add((node, RDFS.label, Literal(label)))
    for alt in alts:
        g.add((node, SKOS.altLabel, Literal(alt)))
    return node


def role(g: Graph, person: URIRef, name: str, title: str, of: URIRef) -> URIRef:
    node = typed(g, name, "Role")
    g.add((person, PEK.holdsRole, node))
    g.add((node, PEK.title, Literal(title)))
    g.add((node, PEK.roleOf, of))
    return node


def event(g: Graph, name: str, kind: str, date: str | None = None, **slots: Any) -> URIRef:
    node = typed(g, name, kind)
    if date:
        g.add((node, PEK.date, Literal(date, datatype=XSD_DATE)))
    for slot, actors in slots.items():
        for actor in actors:
            g.add((node, PEK[slot], actor))
            if slot in ("agent", "target"):
                g.add((node, PEK.participant, actor))
    return node


def quote(
    g: Graph, name: str, text: str, speaker: URIRef, statement: URIRef | None = None
) -> URIRef:
    node = typed(g, name, "Quote")
    g.add((node, PEK.text, Literal(text)))
    g.add((node, PEK.speaker, speaker))
    if statement is not None:
        g.add((statement, PEK.quote, node))
    return node


def perfect_graph() -> Graph:
    """A graph that gets every required part of GOLD right."""
    g = Graph()
    trump = entity(g, "trump", "Person", "Donald Trump", "Trump", "President Trump")
    us = entity(g, "usa", "Country", "United States", "US", "the United States")
    russia = entity(g, "rus", "Country", "Russia", "Russia's")
    china = entity(g, "chn", "Country", "China")
    putin = entity(g, "putin", "Person", "Vladimir Putin", "Putin")
    unsc = entity(g, "unsc", "Organization", "UN Security Council")
    kremlin = entity(g, "kremlin", "Place", "The Kremlin")
    role(g, trump, "role-trump", "President", us)
    role(g, putin, "role-putin", "President", russia)

    meeting = event(g, "ev-meeting", "Meeting", "2017-04-12", participant=[trump, putin])
    g.add((meeting, PEK.place, kremlin))

    attack = event(g, "ev-attack", "Attack", "2017-04-07", agent=[us], target=[russia])
    g.add((attack, PEK.instrument, Literal("59 Tomahawk cruise missiles")))
    g.add((attack, PEK.quantity, Literal(59)))
    g.add((attack, PEK.deaths, Literal(87)))
    g.add((attack, PEK.deathsQualifier, Literal("At least")))

    vote = event(g, "ev-vote", "Vote", body=[unsc])
    for voter, choice, name in ((china, "Abstain", "b1"), (russia, "Veto", "b2")):
        ballot = typed(g, name, "Ballot")
        g.add((vote, PEK.ballot, ballot))
        g.add((ballot, PEK.voter, voter))
        g.add((ballot, PEK.choice, PEK[choice]))

    statement = event(g, "ev-statement", "Statement", agent=[trump])
    g.add((statement, PEK.about, russia))
    quote(g, "q1", "\u201cmay be at an all-time low.\u201d", trump, statement)
    quote(g, "q2", "It can be said that the level of trust is low", putin)
    return g


def node(name: str) -> URIRef:
    return PEKR[name]


# --------------------------------------------------------------------------- normalise


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("The Kremlin", "kremlin"),
        ("the  United   States", "united states"),
        ("Russia's", "russia"),
        ("Russia\u2019s", "russia"),
        ("\u2018Ndrangheta", "'ndrangheta"),
        ("  NATO\n", "nato"),
        ("Theresa May", "theresa may"),
    ],
)
def test_normalise(name: str, expected: str) -> None:
    assert normalise(name) == expected


def test_normalise_quote_folds_and_strips() -> None:
    assert (
        normalise_quote("\u201cWe\u2019re  not\ngetting along.\u201d") == "we're not getting along"
    )


# --------------------------------------------------------------------------- scoring


def test_perfect_graph_scores_one_everywhere() -> None:
    result = score_article(perfect_graph(), GOLD)
    for part in (result.entities, result.events, result.quotes):
        assert (part.precision, part.recall, part.f1) == (1.0, 1.0, 1.0)
    assert (result.entities.tp, result.entities.fp, result.entities.fn) == (7, 0, 0)
    assert (result.events.tp, result.events.fp, result.events.fn) == (4, 0, 0)
    overall = result.arguments_overall
    # e1: date, place; e2: date, instrument, quantity, deaths, qualifier; e3: 2 ballots; e4: quote
    assert (overall.correct, overall.total) == (10, 10)
    assert result.arguments["ballot"].total == 2
    assert (result.dates.correct, result.dates.total) == (2, 2)
    assert (result.roles.correct, result.roles.total) == (2, 2)
    assert (result.quotes.tp, result.quotes.fp, result.quotes.right) == (2, 0, 2)
    assert result.counts["gold_events_optional"] == 1
    assert result.counts["optional_events_matched"] == 0
    assert diagnose(perfect_graph(), GOLD) == []


def test_duplicate_unmerged_node_costs_entity_precision() -> None:
    g = perfect_graph()
    entity(g, "trump-2", "Person", "Trump")
    result = score_article(g, GOLD)
    assert (result.entities.tp, result.entities.fp, result.entities.fn) == (7, 1, 0)
    assert result.entities.precision == pytest.approx(7 / 8)
    assert result.entities.recall == 1.0
    # The node labelled with the full gold name is the one matched: roles still hold.
    assert result.roles.correct == 2
    assert any("duplicate of trump" in m for m in diagnose(g, GOLD))


def test_type_mismatch_is_fp_and_fn() -> None:
    g = perfect_graph()
    g.remove((node("chn"), None, None))
    entity(g, "chn-person", "Person", "China")
    result = score_article(g, GOLD)
    assert (result.entities.tp, result.entities.fp, result.entities.fn) == (6, 1, 1)


def test_optional_entity_counts_neither_way() -> None:
    g = perfect_graph()
    entity(g, "base", "Place", "Air base")
    entity(g, "base-2", "Place", "the air base")
    result = score_article(g, GOLD)
    assert (result.entities.tp, result.entities.fp, result.entities.fn) == (7, 0, 0)
    # and leaving it out costs no recall either (perfect_graph has no air base)
    assert score_article(perfect_graph(), GOLD).entities.recall == 1.0


def test_country_also_typed_place_counts_once() -> None:
    g = perfect_graph()
    g.add((node("rus"), RDF.type, PEK.Place))
    result = score_article(g, GOLD)
    assert (result.entities.tp, result.entities.fp, result.entities.fn) == (7, 0, 0)


def test_unmatched_extra_entity_is_fp() -> None:
    g = perfect_graph()
    entity(g, "syria", "Country", "Syria")
    result = score_article(g, GOLD)
    assert (result.entities.tp, result.entities.fp) == (7, 1)
    assert result.entities.precision == pytest.approx(7 / 8)


def test_either_or_slots() -> None:
    # agent "us|trump": Trump instead of the US satisfies it
    g = perfect_graph()
    attack = node("ev-attack")
    g.remove((attack, PEK.agent, node("usa")))
    g.remove((attack, PEK.participant, node("usa")))
    g.add((attack, PEK.agent, node("trump")))
    # target "russia|air_base": the optional air base satisfies it too
    base = entity(g, "base", "Place", "air base")
    g.remove((attack, PEK.target, node("rus")))
    g.remove((attack, PEK.participant, node("rus")))
    g.add((attack, PEK.target, base))
    result = score_article(g, GOLD)
    assert (result.events.tp, result.events.fp, result.events.fn) == (4, 0, 0)

    # China satisfies neither alternative: the attack no longer matches
    g.remove((attack, PEK.agent, node("trump")))
    g.add((attack, PEK.agent, node("chn")))
    result = score_article(g, GOLD)
    assert (result.events.tp, result.events.fp, result.events.fn) == (3, 1, 1)
    assert result.events.precision == 0.75
    messages = diagnose(g, GOLD)
    assert any(m.startswith("event missing: e2 Attack") for m in messages)
    assert any(m.startswith("event false positive: Attack") for m in messages)


def test_event_needs_same_class() -> None:
    g = perfect_graph()
    g.remove((node("ev-meeting"), RDF.type, PEK.Meeting))
    g.add((node("ev-meeting"), RDF.type, PEK.Support))
    result = score_article(g, GOLD)
    assert (result.events.tp, result.events.fp, result.events.fn) == (3, 1, 1)


def test_actor_fallback_by_label() -> None:
    # An actor node that is not an entity node (no type) still counts by its label.
    g = perfect_graph()
    loose = PEKR["loose-putin"]
    g.add((loose, RDFS.label, Literal("Putin")))
    meeting = node("ev-meeting")
    g.remove((meeting, PEK.participant, node("putin")))
    g.add((meeting, PEK.participant, loose))
    result = score_article(g, GOLD)
    assert result.events.tp == 4


def test_optional_event_absorbs_match() -> None:
    g = perfect_graph()
    event(g, "ev-accuse", "Accusation", agent=[node("putin")], target=[node("usa")])
    result = score_article(g, GOLD)
    assert (result.events.tp, result.events.fp, result.events.fn) == (4, 0, 0)
    assert result.counts["optional_events_matched"] == 1
    assert result.counts["system_events"] == 5
    # a second such accusation has nothing left to absorb it
    event(g, "ev-accuse-2", "Accusation", agent=[node("putin")], target=[node("usa")])
    result = score_article(g, GOLD)
    assert (result.events.tp, result.events.fp, result.events.fn) == (4, 1, 0)


def test_required_event_wins_over_optional() -> None:
    gold = copy.deepcopy(GOLD)
    gold["events"].append({"id": "e6", "type": "Accusation", "agent": ["putin"]})
    g = perfect_graph()
    event(g, "ev-accuse", "Accusation", agent=[node("putin")], target=[node("usa")])
    result = score_article(g, gold)
    assert (result.events.tp, result.events.fp, result.events.fn) == (5, 0, 0)
    assert result.counts["optional_events_matched"] == 0


def test_wrong_date_shows_in_arguments() -> None:
    g = perfect_graph()
    meeting = node("ev-meeting")
    g.remove((meeting, PEK.date, None))
    g.add((meeting, PEK.date, Literal("2017-04-11", datatype=XSD_DATE)))
    result = score_article(g, GOLD)
    assert result.events.tp == 4  # the event still matches
    assert (result.dates.correct, result.dates.total) == (1, 2)
    assert (result.arguments["date"].correct, result.arguments["date"].total) == (1, 2)
    assert (result.arguments_overall.correct, result.arguments_overall.total) == (9, 10)
    assert "argument wrong: e1 date: expected 2017-04-12, got ['2017-04-11']" in diagnose(g, GOLD)


def test_one_to_one_prefers_event_with_right_arguments() -> None:
    g = perfect_graph()
    # sorts before the right meeting, so only the argument score can reject it
    other = event(g, "ev-a-meeting", "Meeting", "2017-01-01", participant=[node("trump")])
    g.add((other, PEK.participant, node("putin")))
    result = score_article(g, GOLD)
    assert (result.events.tp, result.events.fp) == (4, 1)
    assert result.dates.correct == 2
    assert any(str(other) in m for m in diagnose(g, GOLD))


def test_wrong_arguments_on_attack_and_vote() -> None:
    g = perfect_graph()
    attack = node("ev-attack")
    g.set((attack, PEK.instrument, Literal("chemical weapons")))
    g.set((attack, PEK.quantity, Literal(58)))
    g.set((attack, PEK.deathsQualifier, Literal("more than")))
    g.set((PEKR["b1"], PEK.choice, PEK.Yes))
    result = score_article(g, GOLD)
    args = result.arguments
    assert (args["instrument"].correct, args["quantity"].correct) == (0, 0)
    assert (args["deaths"].correct, args["deaths_qualifier"].correct) == (1, 0)
    assert (args["ballot"].correct, args["ballot"].total) == (1, 2)
    assert result.arguments_overall.correct == 6
    assert result.events.tp == 4


def test_missing_role() -> None:
    g = perfect_graph()
    g.remove((node("putin"), PEK.holdsRole, None))
    result = score_article(g, GOLD)
    assert (result.roles.correct, result.roles.total) == (1, 2)
    assert "role missing: putin 'leader|President' of russia" in diagnose(g, GOLD)


def test_role_of_wrong_country_does_not_hold() -> None:
    g = perfect_graph()
    g.set((node("role-trump"), PEK.roleOf, node("rus")))
    g.set((node("role-putin"), PEK.title, Literal("Supreme Leader")))  # "leader" alternative
    result = score_article(g, GOLD)
    assert (result.roles.correct, result.roles.total) == (1, 2)


def test_quote_with_wrong_speaker_is_false_positive() -> None:
    g = perfect_graph()
    g.set((node("q2"), PEK.speaker, node("trump")))
    result = score_article(g, GOLD)
    assert (result.quotes.tp, result.quotes.fn) == (1, 1)
    assert (result.quotes.right, result.quotes.fp) == (1, 1)
    assert result.quotes.precision == 0.5
    assert result.quotes.recall == 0.5
    assert result.quotes.f1 == 0.5
    assert any(m.startswith("quote false positive") for m in diagnose(g, GOLD))
    assert "quote missing: putin contains 'level of trust'" in diagnose(g, GOLD)


def test_quote_equals_needs_whole_text() -> None:
    g = perfect_graph()
    g.set((node("q1"), PEK.text, Literal("relations may be at an all-time low")))
    result = score_article(g, GOLD)
    assert (result.quotes.tp, result.quotes.fp) == (1, 1)
    # the statement's quote_contains still holds
    assert result.arguments["quote"].correct == 1


def test_entity_missing_is_fn() -> None:
    g = perfect_graph()
    g.remove((node("kremlin"), None, None))
    result = score_article(g, GOLD)
    assert (result.entities.tp, result.entities.fp, result.entities.fn) == (6, 0, 1)
    assert (result.arguments["place"].correct, result.arguments["place"].total) == (0, 1)


# --------------------------------------------------------------------------- reporting


def test_scores_to_dict_and_micro_average() -> None:
    a = ArticleScore("a", entities=Scores(tp=2, fp=2, fn=0))
    b = ArticleScore("b", entities=Scores(tp=2, fp=0, fn=4))
    total = micro_average([a, b])
    assert total.entities.to_dict()["precision"] == pytest.approx(4 / 6, abs=1e-4)
    assert total.entities.recall == pytest.approx(0.5)
    data = score_article(perfect_graph(), GOLD).to_dict()
    json.dumps(data)
    assert data["events"]["f1"] == 1.0
    assert data["arguments"]["overall"] == {"correct": 10, "total": 10, "ratio": 1.0}
    assert data["dates"]["total"] == 2


def test_format_table_rows_and_total() -> None:
    result = score_article(perfect_graph(), GOLD)
    one = format_table([result])
    rows = {line.split()[0] for line in one.splitlines()[3:] if line and line[0] != " "}
    assert {"entities", "events", "arguments", "roles", "quotes", "dates"} <= rows
    assert "TOTAL" not in one
    assert "entities                 7     0     0   1.000   1.000   1.000" in one
    two = format_table([result, result])
    assert "TOTAL (micro-average over 2 articles)" in two
    assert "entities                14     0     0   1.000   1.000   1.000" in two


# --------------------------------------------------------------------------- gold files


def test_check_gold_flags_unknown_keys() -> None:
    gold = copy.deepcopy(GOLD)
    gold["events"][0]["participants"] = ["trump", "puttin"]
    gold["quotes"].append({"speaker": "trump"})
    problems = check_gold(gold)
    assert "events[e1]: unknown entity 'puttin' in participants" in problems
    assert "quotes[2]: needs exactly one of 'contains' or 'equals'" in problems
    assert check_gold(GOLD) == []


def test_load_gold_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.gold.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.gold\.json: malformed JSON"):
        load_gold(bad)
    missing = tmp_path / "missing.gold.json"
    missing.write_text(json.dumps({"article": "a.txt", "entities": []}), encoding="utf-8")
    with pytest.raises(ValueError, match=r"missing\.gold\.json: missing key 'events'"):
        load_gold(missing)
    with pytest.raises(ValueError, match="cannot read"):
        load_gold(tmp_path / "nowhere.gold.json")


def test_real_gold_file_is_valid() -> None:
    path = Path(__file__).parent / "data" / "2017-04-12-trump-us-russia-relations.gold.json"
    if not path.exists():
        pytest.skip("sample gold file not present")
    gold = load_gold(path)
    assert gold["article"] == "2017-04-12-trump-us-russia-relations.txt"
    result = score_article(Graph(), gold)
    assert (result.entities.fn, result.events.fn, result.quotes.fn) == (17, 12, 16)


def test_evaluate_builds_each_article(tmp_path: Path) -> None:
    gold_dir = tmp_path / "gold"
    articles = tmp_path / "articles"
    gold_dir.mkdir()
    articles.mkdir()
    for name in ("b", "a"):
        gold = dict(GOLD, article=f"{name}.txt")
        (gold_dir / f"{name}.gold.json").write_text(json.dumps(gold), encoding="utf-8")
        (articles / f"{name}.txt").write_text("text", encoding="utf-8")
    built: list[str] = []

    def build(path: Path) -> Graph:
        built.append(path.name)
        return perfect_graph()

    results = evaluate([gold_dir], articles, build)
    assert built == ["a.txt", "b.txt"]
    assert [r.article for r in results] == ["a.txt", "b.txt"]
    assert results[0].gold_path == str(gold_dir / "a.gold.json")
    assert all(r.events.f1 == 1.0 for r in results)

    (articles / "b.txt").unlink()
    with pytest.raises(ValueError, match=r"b\.gold\.json: article file not found"):
        evaluate([gold_dir / "b.gold.json"], articles, build)


def test_precision_is_reported_per_confidence_band() -> None:
    from decimal import Decimal

    g = perfect_graph()
    for node in list(g.subjects(RDF.type, PEK.Event)):
        g.add((node, PEK.confidence, Literal(Decimal("0.8"))))
    china, russia = PEKR["chn"], PEKR["rus"]
    extra = event(g, "ev-extra", "Accusation", agent=[china], target=[russia])
    g.add((extra, PEK.confidence, Literal(Decimal("0.5"))))
    result = score_article(g, GOLD)
    assert result.bands["0.0-0.6"].to_dict() == {"correct": 0, "total": 1, "ratio": 0.0}
    assert result.bands["0.8-0.9"].correct == result.bands["0.8-0.9"].total > 0
    table = format_table([result])
    row = next(line for line in table.splitlines() if "events @0.0-0.6" in line)
    assert row.split() == ["events", "@0.0-0.6", "0", "-", "1", "-", "0.000", "-"]
    assert result.to_dict()["confidence_bands"]["0.0-0.6"]["total"] == 1
