"""The detector beside the rules (kg.extract.learned), with scores fixed by a stand-in model."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import pytest
from conftest import extract_text
from spacy.language import Language

from kg import detect
from kg.extract import learned


class FixedScores:
    """A stand-in detector that gives every sentence the same probabilities."""

    def __init__(self, **probs: float) -> None:
        self.probs = {c: 0.0 for c in detect.CATEGORIES} | probs

    def scores(self, texts: Sequence[str]) -> list[dict[str, float]]:
        return [dict(self.probs) for _ in texts]


@pytest.fixture
def model(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    """Builds use the events mode with a stand-in model that :func:`scores` sets."""
    detect.use("events")
    yield monkeypatch
    detect.use(None)


def scores(monkeypatch: pytest.MonkeyPatch, **probs: float) -> None:
    monkeypatch.setattr(detect, "active", lambda: FixedScores(**probs))


UNLISTED = "Turkish diplomats broke bread with Iraqi officials in Baghdad on Monday."


def test_a_confident_category_no_rule_found_makes_a_model_event(
    nlp: Language, model: pytest.MonkeyPatch
) -> None:
    scores(model, CONSULT=0.95)
    events = [e for e in extract_text(nlp, UNLISTED).events if e.cls == "Meeting"]
    assert [(e.agents, e.targets, e.extractor) for e in events] == [
        (["group:tur-government"], ["group:irq-government"], "model")
    ]
    assert events[0].confidence < 0.7 and events[0].plover == "CONSULT"


def test_a_doubtful_category_makes_no_event(nlp: Language, model: pytest.MonkeyPatch) -> None:
    scores(model, CONSULT=learned.EVENT_THRESHOLD - 0.1)
    assert not [e for e in extract_text(nlp, UNLISTED).events if e.cls == "Meeting"]


def test_an_act_not_done_makes_no_model_event(nlp: Language, model: pytest.MonkeyPatch) -> None:
    scores(model, CONSULT=0.95)
    text = "Turkish diplomats will not break bread with Iraqi officials in Baghdad."
    assert not [e for e in extract_text(nlp, text).events if e.cls == "Meeting"]


def test_a_sentence_without_actors_makes_no_model_event(
    nlp: Language, model: pytest.MonkeyPatch
) -> None:
    scores(model, PROTEST=0.99)
    assert not extract_text(nlp, "It was a long and noisy day in the capital.").events


def test_the_confidence_mode_adds_no_event(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    detect.use("confidence")
    try:
        scores(monkeypatch, CONSULT=0.95)
        assert not [e for e in extract_text(nlp, UNLISTED).events if e.cls == "Meeting"]
    finally:
        detect.use(None)


RULED = "Zimbabwean police arrested 30 opposition activists on Saturday."


def rules_confidence(nlp: Language) -> float:
    """The confidence the rules alone give the arrest of :data:`RULED`."""
    mode = detect.active_mode()
    detect.use("off")
    try:
        return next(e.confidence for e in extract_text(nlp, RULED).events if e.cls == "Coerce")
    finally:
        detect.use(mode)


def test_a_rule_event_the_model_agrees_with_gains_confidence(
    nlp: Language, model: pytest.MonkeyPatch
) -> None:
    before = rules_confidence(nlp)
    scores(model, COERCE=0.9)
    after = [(e.confidence, e.extractor) for e in extract_text(nlp, RULED).events]
    assert after == [(learned.adjusted(before, 0.9), "rules")] and after[0][0] > before


def test_a_rule_event_the_model_doubts_loses_confidence(
    nlp: Language, model: pytest.MonkeyPatch
) -> None:
    before = rules_confidence(nlp)
    scores(model, COERCE=0.02, ASSAULT=0.99)
    after = [(e.cls, e.confidence) for e in extract_text(nlp, RULED).events]
    # and no second event: where the rules read an act, the model would only repeat it
    assert after == [("Coerce", learned.adjusted(before, 0.02))] and after[0][1] < before


def test_a_reporting_verb_yields_to_the_act_it_reports(nlp: Language) -> None:
    doc = nlp("Officials said Turkish diplomats broke bread with Iraqi officials.")
    assert learned.anchor_of(next(doc.sents)).lemma_ == "break"


def test_an_act_with_one_side_stands_when_the_model_reports_it(
    nlp: Language, model: pytest.MonkeyPatch
) -> None:
    scores(model, DISAPPROVE=0.9)
    events = extract_text(nlp, "Iran was sharply criticised on Monday.").events
    assert [(e.cls, e.agents, e.targets, e.extractor) for e in events] == [
        ("Accusation", [], ["country:IRN"], "model")
    ]


def test_an_act_with_one_side_falls_when_the_model_does_not_report_it(
    nlp: Language, model: pytest.MonkeyPatch
) -> None:
    scores(model, DISAPPROVE=0.2, SUPPORT=0.9)
    assert not extract_text(nlp, "Iran was sharply criticised on Monday.").events


def test_a_model_event_takes_no_place_as_a_side(nlp: Language, model: pytest.MonkeyPatch) -> None:
    scores(model, ASSAULT=0.95)
    assert not extract_text(nlp, "Houses in Aleppo were shelled on Tuesday.").events


def test_a_sentence_gets_one_model_event_at_most(nlp: Language, model: pytest.MonkeyPatch) -> None:
    scores(model, CONSULT=0.95, AGREE=0.9)
    events = [e for e in extract_text(nlp, UNLISTED).events if e.extractor == "model"]
    assert [e.cls for e in events] == ["Meeting"]


def test_events_mode_without_a_trained_model_is_the_rules_alone(
    nlp: Language, model: pytest.MonkeyPatch
) -> None:
    model.setattr(detect, "active", lambda: None)
    events = extract_text(nlp, RULED).events
    assert [(e.cls, e.extractor) for e in events] == [("Coerce", "rules")]
