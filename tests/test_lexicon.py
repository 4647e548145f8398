"""The word lists: well-formed, and every class they name exists in the ontology."""

from __future__ import annotations

import re

from rdflib import RDF, Graph
from rdflib.namespace import OWL

from kg import lexicon
from kg.vocab import PEK, ontology_path

PLOVER_CATEGORIES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "INVESTIGATE",
    "DEMAND",
    "DISAPPROVE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "MOBILIZE",
    "SANCTION",
    "COERCE",
    "ASSAULT",
    "FIGHT",
)


def test_every_trigger_names_an_ontology_event_class() -> None:
    ontology = Graph().parse(ontology_path())
    classes = set(ontology.subjects(RDF.type, OWL.Class))
    for (word, pos), trig in lexicon.triggers().items():
        assert pos in ("VERB", "NOUN"), word
        assert PEK[trig.cls] in classes, f"{word}: {trig.cls} is not an ontology class"
        assert trig.frame.partition(":")[0] in {
            "svo",
            "sv",
            "prep",
            "meet",
            "armed",
            "weapon",
            "goods",
            "bid",
            "crowd",
            "vote",
            "ballot",
            "anaphor",
        }
        if trig.frame.startswith("ballot:"):
            assert trig.frame.partition(":")[2] in ("Yes", "No", "Abstain", "Veto")
        if trig.goldstein is not None:
            assert -10 <= trig.goldstein <= 10
        if trig.cameo is not None:
            assert trig.cameo.isdigit() and 2 <= len(trig.cameo) <= 4
        if trig.cls != "Vote":
            assert trig.plover in PLOVER_CATEGORIES, f"{word}: plover {trig.plover!r}"
            assert trig.cameo and trig.goldstein is not None, word
        if trig.mode is not None:
            assert re.fullmatch(r"[a-z][a-z-]*", trig.mode), f"{word}: mode {trig.mode!r}"


def test_every_plover_category_has_a_class_and_triggers() -> None:
    found = {trig.plover for trig in lexicon.triggers().values()}
    assert set(PLOVER_CATEGORIES) <= found
    assert set(lexicon.EVENT_CLASSES) - {"Vote", "Statement"} <= {
        t.cls for t in lexicon.triggers().values()
    }


def test_modalities_are_the_contract_values() -> None:
    table = lexicon.modalities()
    assert set(table.values()) <= set(lexicon.MODALITIES)
    assert lexicon.irrealis() == frozenset(table)
    assert table["will"] == "planned" and table["refuse"] == "refused"


def test_country_tables_use_iso3_codes_the_converter_knows() -> None:
    known = set(lexicon.country_names().values())
    for adjective, iso3 in lexicon.demonyms().items():
        assert iso3 in known, f"{adjective}: {iso3}"
    for name, iso3 in lexicon.country_aliases().items():
        assert iso3 in known, f"{name}: {iso3}"
    assert lexicon.country_label("RUS") == "Russia"


def test_titles_and_outlets() -> None:
    titles = lexicon.titles()
    assert titles["secretary of state"].default_iso3 == "USA"
    assert titles["commander-in-chief"].canonical == "President"
    assert lexicon.outlets()["bbc news"] == "GBR"
    assert "say" in lexicon.speech_verbs()
    assert "missile" in lexicon.weapons()


# ------------------------------------------------------- the CAMEO vocabulary


def test_cameo_codes_map_by_their_longest_prefix() -> None:
    assert lexicon.cameo_class("0871").cls == "Agree"  # a ceasefire, not a retreat
    assert lexicon.cameo_class("0874").plover == "RETREAT"
    assert lexicon.cameo_class("1822").plover == "ASSAULT"
    assert lexicon.cameo_class("010") is None  # public statements make no trigger
    for code, row in lexicon.cameo_classes().items():
        assert code.isdigit() and 2 <= len(code) <= 4
        assert row.plover in PLOVER_CATEGORIES, code
        assert row.sides in (1, 2), code


def test_the_vocabulary_is_large_and_covers_every_plover_category() -> None:
    listed = lexicon._listed_triggers()
    vocabulary = {k: t for k, t in listed.items() if k not in lexicon._triggers_tsv()}
    assert len(vocabulary) > 1200
    assert len(lexicon.builtin_triggers()) > 4000  # with spellings and inflected forms
    assert {t.plover for t in vocabulary.values()} >= set(PLOVER_CATEGORIES)
    for (word, pos), trig in vocabulary.items():
        assert len(word.split()) <= 2 and "-" not in word, word
        assert trig.cameo and lexicon.cameo_class(trig.cameo) is not None, word
        assert pos == "VERB" or trig.two_sided, f"{word}: a noun of the vocabulary needs two sides"


def test_the_lexicon_wins_over_the_vocabulary() -> None:
    assert lexicon.triggers()[("visit", "VERB")].mode == "visit"  # listed in both
    assert not lexicon.triggers()[("visit", "VERB")].two_sided


def test_spellings_and_inflections_are_added() -> None:
    table = lexicon.triggers()
    assert table[("demobilised", "VERB")].cls == "Retreat"  # a form the parser may keep
    assert table[("sympathise", "VERB")].cls == table[("sympathize", "VERB")].cls == "Support"
    assert table[("normalisation", "NOUN")].cls == "Support"
    assert ("rallying", "VERB") in table and ("marched", "VERB") in table
    assert ("see", "VERB") not in table and ("take", "VERB") not in table
    assert ("hold", "VERB") not in table and ("get", "VERB") not in table


def test_extra_triggers_go_on_top_and_are_removed() -> None:
    extra = lexicon.Trigger("zorble", "VERB", "Attack", "svo", (), "190", -10.0, "FIGHT")
    visit = lexicon.Trigger("visit", "VERB", "Attack", "svo", (), "190", -10.0, "FIGHT")
    try:
        assert "zorble" not in lexicon.verb_lemmas()
        lexicon.use_extra_triggers({("zorble", "VERB"): extra, ("visit", "VERB"): visit})
        assert lexicon.triggers()[("zorble", "VERB")] is extra
        assert lexicon.triggers()[("visit", "VERB")].cls == "Meeting"
        assert "zorble" in lexicon.verb_lemmas()  # the lemma repair knows the new verb
    finally:
        lexicon.use_extra_triggers({})
    assert ("zorble", "VERB") not in lexicon.triggers()
    assert "zorble" not in lexicon.verb_lemmas()


def test_every_class_behaviour_names_an_ontology_class_and_a_known_behaviour() -> None:
    ontology = Graph().parse(ontology_path())
    classes = set(ontology.subjects(RDF.type, OWL.Class))
    known = {
        "located",
        "located-target",
        "no-intent",
        "refusable",
        "content-taker",
        "content-noun",
        "aimed",
        "own-object",
        "doer-optional",
        "crowd-doer",
        "partner-noun",
        "spoken",
        "written",
        "judging",
        "backing",
        "joint",
        "occasion",
    }
    table = lexicon.class_behaviours()
    assert "Attack" in table and "located" in table["Attack"]
    for cls, behaviours in table.items():
        assert PEK[cls] in classes, cls
        assert behaviours <= known, (cls, behaviours - known)


def test_every_sector_behaviour_is_known_and_every_sector_has_its_nouns() -> None:
    table = lexicon.sector_behaviours()
    known = {"located", "followed", "armed", "organised"}
    assert all(found <= known for found in table.values())
    used = set(lexicon.group_nouns().values()) - {""}
    assert used <= set(table), used - set(table)
