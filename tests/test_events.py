"""kg.extract.events: sides found by position when the parse gives a verb no subject."""

from __future__ import annotations

from conftest import extract_text
from spacy.language import Language

from kg.extract.events import POSITION_CONFIDENCE


def events_of(nlp: Language, text: str) -> list[tuple[str, list[str], list[str], float]]:
    x = extract_text(nlp, text)
    return [(e.cls, e.agents, e.targets, e.confidence) for e in x.events if not e.modality]


def test_a_subject_cut_off_by_dashes_is_found_by_position(nlp: Language) -> None:
    found = events_of(
        nlp,
        "In a statement on Friday, North Korea — whose leader met Putin last year — "
        "accused South Korea of provocations.",
    )
    assert ("Accusation", ["country:PRK"], ["country:KOR"], POSITION_CONFIDENCE) in found


def test_the_fallback_skips_actors_inside_another_clause(nlp: Language) -> None:
    found = events_of(
        nlp,
        "In a statement on Friday, North Korea — whose leader met Putin last year — "
        "accused South Korea of provocations.",
    )
    assert all("person:putin" not in agents for _, agents, _, _ in found)


def test_a_parsed_subject_keeps_full_confidence(nlp: Language) -> None:
    found = events_of(nlp, "North Korea accused South Korea of provocations on Friday.")
    assert found and all(conf > POSITION_CONFIDENCE for *_, conf in found)


def test_no_side_is_taken_from_another_sentence(nlp: Language) -> None:
    # "The statement" names no actor: the first sentence's actors are not borrowed.
    found = events_of(nlp, "Russia met China on Monday. The statement condemned the attack.")
    assert [e for e in found if e[0] == "Accusation"] == []


def test_what_a_meeting_discusses_is_its_topic_not_a_participant(nlp: Language) -> None:
    x = extract_text(nlp, "Kerry and Lavrov held talks in Geneva on Thursday to discuss Syria.")
    meetings = [e for e in x.events if e.cls == "Meeting"]
    assert len(meetings) == 1  # the talks and the discussion are one meeting
    assert "country:SYR" not in meetings[0].participants
    assert meetings[0].about == ["country:SYR"]


def test_whom_a_meeting_verb_names_as_object_is_a_participant(nlp: Language) -> None:
    x = extract_text(nlp, "Kerry met Lavrov in Geneva on Thursday.")
    meeting = next(e for e in x.events if e.cls == "Meeting")
    assert meeting.participants == ["person:kerry", "person:lavrov"] and meeting.about == []
