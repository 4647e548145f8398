"""kg.extract.events: event rules, each with a sentence where it fires and one where it must not."""

from __future__ import annotations

import pytest
from conftest import ARTICLE_DATE, extract_text
from spacy.language import Language

from kg.extract.events import POSITION_CONFIDENCE, TARGET_FINDERS, try_finder


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


def test_the_members_of_a_meeting_named_with_of_take_part(nlp: Language) -> None:
    x = extract_text(nlp, "Saudi Arabia hosted a meeting of Syrian rebels in Riyadh.")
    meeting = next(e for e in x.events if e.cls == "Meeting")
    assert {"country:SAU", "group:syr-rebels"} <= set(meeting.participants)


def test_a_meeting_of_no_named_side_adds_no_participant(nlp: Language) -> None:
    x = extract_text(nlp, "Saudi Arabia hosted a meeting of great importance in Riyadh.")
    assert [e.participants for e in x.events if e.cls == "Meeting"] in ([], [["country:SAU"]])
    assert all("group" not in k for e in x.events for k in e.participants)


def test_a_warning_about_one_s_own_act_targets_whom_the_act_is_on(nlp: Language) -> None:
    found = events_of(nlp, "North Korea warned that it would strike the United States.")
    assert ("Threaten", ["country:PRK"], ["country:USA"]) in [e[:3] for e in found]


def test_a_clause_whose_subject_is_another_side_keeps_that_side(nlp: Language) -> None:
    found = events_of(nlp, "France demanded that Syria withdraw its troops.")
    assert ("Demand", ["country:FRA"], ["country:SYR"]) in [e[:3] for e in found]


def classes_of(nlp: Language, text: str) -> list[tuple[str, float]]:
    """(class, confidence) of the realised events of a one-sentence article."""
    return [(e.cls, e.confidence) for e in extract_text(nlp, text).events if not e.modality]


def test_a_trigger_noun_modifying_a_noun_is_uncertain(nlp: Language) -> None:
    from kg.extract.events import UNCERTAIN_CONFIDENCE

    found = classes_of(nlp, "Chile sent riot police to the border with Peru on Monday.")
    assert all(conf <= UNCERTAIN_CONFIDENCE for cls, conf in found if cls == "Protest")


def test_a_trigger_noun_before_an_act_noun_keeps_its_confidence(nlp: Language) -> None:
    from kg.extract.events import UNCERTAIN_CONFIDENCE

    found = classes_of(nlp, "Qatar launched a mediation effort between Chad and Sudan on Monday.")
    assert any(cls == "Meeting" and conf > UNCERTAIN_CONFIDENCE for cls, conf in found)


def test_demands_given_in_to_are_not_an_event_of_their_own(nlp: Language) -> None:
    found = classes_of(nlp, "Chile gave in to demands from Peru on Monday.")
    assert "Concede" in [cls for cls, _ in found]
    assert "Demand" not in [cls for cls, _ in found]


def test_demands_made_remain_a_demand(nlp: Language) -> None:
    found = classes_of(nlp, "Peru made demands on Chile on Monday.")
    assert "Demand" in [cls for cls, _ in found]


def test_an_act_dated_to_a_past_year_is_uncertain(nlp: Language) -> None:
    from kg.extract.events import UNCERTAIN_CONFIDENCE

    found = classes_of(nlp, "Peru attacked Ecuador in 1995.")
    assert ("Attack", UNCERTAIN_CONFIDENCE) in found


def test_an_act_of_this_year_keeps_its_confidence(nlp: Language) -> None:
    from kg.extract.events import UNCERTAIN_CONFIDENCE

    found = classes_of(nlp, "Peru attacked Ecuador on Monday.")
    assert found and all(conf > UNCERTAIN_CONFIDENCE for _, conf in found)


def test_a_present_act_in_a_time_clause_is_still_to_come(nlp: Language) -> None:
    found = classes_of(nlp, "Chile will recall its ambassador after Peru meets Bolivia.")
    assert "Meeting" not in [cls for cls, _ in found]


def test_a_past_act_in_a_time_clause_is_reported(nlp: Language) -> None:
    found = classes_of(nlp, "Chile recalled its ambassador after Peru met Bolivia on Monday.")
    assert "Meeting" in [cls for cls, _ in found]


def test_a_present_relative_clause_describes_a_habit(nlp: Language) -> None:
    found = classes_of(nlp, "Chile arrested rebels who attack Peruvian convoys.")
    assert "Attack" not in [cls for cls, _ in found]


def test_a_past_relative_clause_reports_an_act(nlp: Language) -> None:
    found = classes_of(nlp, "Chile arrested rebels who attacked Peruvian convoys on Monday.")
    assert "Attack" in [cls for cls, _ in found]


def test_one_act_told_twice_in_a_sentence_is_one_event(nlp: Language) -> None:
    found = classes_of(
        nlp, "Chilean students demonstrated in Santiago on Monday in protest against Peru."
    )
    assert [cls for cls, _ in found].count("Protest") == 1


def test_attacks_by_other_sides_in_a_sentence_stay_two_events(nlp: Language) -> None:
    found = classes_of(nlp, "Peru shelled Ecuador and Chile bombed Bolivia on Monday.")
    assert [cls for cls, _ in found].count("Attack") == 2


def test_a_question_asked_is_an_uncertain_demand(nlp: Language) -> None:
    from kg.extract.events import UNCERTAIN_CONFIDENCE

    found = classes_of(nlp, "Chile asked whether Peru would pay on Monday.")
    assert all(conf <= UNCERTAIN_CONFIDENCE for cls, conf in found if cls == "Demand")


def test_a_demand_that_another_side_act_keeps_its_confidence(nlp: Language) -> None:
    from kg.extract.events import UNCERTAIN_CONFIDENCE

    found = classes_of(nlp, "Chile urged Peru to pay on Monday.")
    assert any(cls == "Demand" and conf > UNCERTAIN_CONFIDENCE for cls, conf in found)


def test_an_event_read_from_how_another_is_reported_has_less_confidence(nlp: Language) -> None:
    from kg.extract.events import DERIVED_CONFIDENCE

    found = classes_of(nlp, "Chile said on Monday that it will release the Peruvian prisoners.")
    assert ("Agree", DERIVED_CONFIDENCE) in found


def test_an_act_retold_without_its_agent_is_one_event(nlp: Language) -> None:
    found = classes_of(
        nlp, "Peruvian troops shelled Ecuador on Monday. Five Ecuadorian soldiers were killed."
    )
    assert [cls for cls, _ in found].count("Attack") == 1


def test_acts_of_other_sides_on_one_day_stay_apart(nlp: Language) -> None:
    found = classes_of(
        nlp, "Peruvian troops attacked Ecuador on Monday. Chilean troops attacked Bolivia."
    )
    assert [cls for cls, _ in found].count("Attack") == 2


def test_the_aim_of_an_act_is_not_an_act_of_its_own(nlp: Language) -> None:
    found = classes_of(nlp, "Chile sent troops to the border on Monday to support Peru.")
    assert "Mobilize" in [cls for cls, _ in found]
    assert "Support" not in [cls for cls, _ in found]


def test_a_demand_made_by_the_act_done_for_it_stays(nlp: Language) -> None:
    found = classes_of(
        nlp, "Chilean farmers blocked roads on Monday to demand aid from the government."
    )
    assert "Demand" in [cls for cls, _ in found]


def test_a_rejection_of_no_named_side_is_less_sure(nlp: Language) -> None:
    from kg.extract.events import TARGETLESS_CONFIDENCE

    found = classes_of(nlp, "Chile rejected the plan on Monday.")
    assert ("Reject", TARGETLESS_CONFIDENCE) in found


def test_a_rejection_of_a_named_side_keeps_its_confidence(nlp: Language) -> None:
    from kg.extract.events import TARGETLESS_CONFIDENCE

    found = classes_of(nlp, "Chile rejected the Peruvian plan on Monday.")
    assert any(cls == "Reject" and conf > TARGETLESS_CONFIDENCE for cls, conf in found)


def test_a_side_the_article_country_stands_for_is_less_certain(nlp: Language) -> None:
    from kg.extract.events import INFERRED_SIDE_CONFIDENCE

    text = "Sri Lanka said on Monday that troops attacked Tamil Tiger positions in the north."
    inferred = [e for e in extract_text(nlp, text).events if e.cls == "Attack"]
    named = [
        e
        for e in extract_text(nlp, "Sri Lankan troops attacked Indian positions on Monday.").events
        if e.cls == "Attack"
    ]
    assert inferred and all(e.confidence <= INFERRED_SIDE_CONFIDENCE for e in inferred)
    assert named and all(e.confidence > INFERRED_SIDE_CONFIDENCE for e in named)


def test_a_verb_with_its_particle_can_refuse_an_event(nlp: Language) -> None:
    x = extract_text(nlp, "Iran ruled out talks with the United States on Monday.")
    meetings = [e for e in x.events if e.cls == "Meeting"]
    assert meetings and all(e.modality == "refused" for e in meetings)


def test_talks_held_without_such_a_verb_stay_realised(nlp: Language) -> None:
    x = extract_text(nlp, "Iran held talks with the United States on Monday.")
    assert [e.modality for e in x.events if e.cls == "Meeting"] == [None]


def test_welcoming_a_leader_to_a_city_is_hosting_a_visit(nlp: Language) -> None:
    text = "Saudi King Salman welcomed Egyptian President Abdel Fattah el-Sisi to Riyadh."
    assert [e.cls for e in extract_text(nlp, text).events] == ["Meeting"]


def test_welcoming_a_decision_is_support(nlp: Language) -> None:
    assert [e.cls for e in extract_text(nlp, "Egypt welcomed the decision by Israel.").events] == [
        "Support"
    ]


# ------------------------------------------------ armed verbs, calls, partners


def _classes(nlp: Language, text: str) -> list[str]:
    return [e.cls for e in extract_text(nlp, text).events if e.modality is None]


def test_an_armed_subject_makes_hit_an_attack(nlp: Language) -> None:
    x = extract_text(nlp, "Russian jets pounded rebel positions near the border with Turkey.")
    assert [(e.cls, e.agents) for e in x.events] == [("Attack", ["group:rus-military"])]
    assert _classes(nlp, "Saudi-led coalition airstrikes hit a hospital in Yemen.") == ["Attack"]


def test_an_unarmed_subject_leaves_hit_alone(nlp: Language) -> None:
    assert _classes(nlp, "The economic crisis hit Greece hard.") == []
    assert _classes(nlp, "The new Chinese plan targets American exports.") == []


def test_calling_a_leader_is_a_phone_call(nlp: Language) -> None:
    text = "German Chancellor Angela Merkel called US President Barack Obama on Monday."
    (event,) = extract_text(nlp, text).events
    assert event.cls == "Meeting" and event.plover_mode == "phone"
    assert {"person:angela-merkel", "person:barack-obama"} <= set(event.participants)


def test_calling_something_a_name_or_calling_on_is_no_call(nlp: Language) -> None:
    text = "German Chancellor Angela Merkel called the French president a close friend."
    assert "Meeting" not in _classes(nlp, text)
    assert _classes(nlp, "Germany called on Russia to withdraw its troops.")[0] == "Demand"


def test_a_preposition_of_time_is_not_a_verb_particle(nlp: Language) -> None:
    x = extract_text(nlp, "Germany called Russia on Monday about the crisis.")
    assert [e.cls for e in x.events] == ["Meeting"]
    assert x.events[0].date_text == "Monday"


def test_speaking_with_a_leader_is_a_meeting(nlp: Language) -> None:
    text = "Russian President Vladimir Putin spoke with Turkish President Recep Tayyip Erdogan."
    (event,) = extract_text(nlp, text).events
    assert event.cls == "Meeting"
    assert set(event.participants) >= {"person:vladimir-putin", "person:recep-tayyip-erdogan"}


def test_speaking_to_reporters_is_no_meeting(nlp: Language) -> None:
    assert _classes(nlp, "Russian President Vladimir Putin spoke to reporters in Moscow.") == []


def test_yet_to_meet_is_negated(nlp: Language) -> None:
    text = "French President Francois Hollande has yet to meet Chinese President Xi Jinping."
    assert [(e.cls, e.modality) for e in extract_text(nlp, text).events] == [("Meeting", "negated")]
    text = "French President Francois Hollande met Chinese President Xi Jinping yet again."
    assert [(e.cls, e.modality) for e in extract_text(nlp, text).events] == [("Meeting", None)]


def test_partners_of_a_later_meeting_stay_with_it(nlp: Language) -> None:
    text = (
        "Putin spoke with Turkish President Recep Tayyip Erdogan after talks with"
        " Iranian President Hassan Rouhani."
    )
    speak = next(e for e in extract_text(nlp, text).events if e.trigger == "spoke")
    assert "person:hassan-rouhani" not in speak.participants


def test_a_meeting_with_an_unnamed_partner_is_kept_with_less_confidence(nlp: Language) -> None:
    x = extract_text(nlp, "US Secretary of State John Kerry met with rebel commanders on Tuesday.")
    assert [(e.cls, e.confidence) for e in x.events] == [("Meeting", 0.5)]


def test_a_meeting_with_no_one_named_is_not_kept(nlp: Language) -> None:
    text = "US Secretary of State John Kerry discussed the crisis on Tuesday."
    assert _classes(nlp, text) == []


def test_letters_and_conversations_are_consultations(nlp: Language) -> None:
    text = "US President Barack Obama wrote to Russian President Vladimir Putin last month."
    assert _classes(nlp, text) == ["Meeting"]
    text = "Putin and Obama had a brief conversation on the sidelines of the G20 summit."
    assert "Meeting" in _classes(nlp, text)


def test_due_to_meet_is_planned(nlp: Language) -> None:
    text = "US Secretary of State John Kerry is due to meet Russian Foreign Minister Sergei Lavrov."
    x = extract_text(nlp, text)
    # A planned meeting is also an intent to meet (CAMEO 036), which is realised.
    assert [(e.cls, e.modality) for e in x.events] == [("Meeting", "planned"), ("Agree", None)]


def test_unnamed_rebels_act_for_the_articles_country(nlp: Language) -> None:
    x = extract_text(nlp, "Rebels attacked a Syrian army base near Homs.")
    (event,) = x.events
    assert event.agents == ["group:syr-rebels"] and event.confidence == 0.6


def test_foreign_fighters_stand_for_no_country(nlp: Language) -> None:
    x = extract_text(nlp, "Foreign fighters attacked a Syrian army base near Homs.")
    attacks = [e for e in x.events if e.cls == "Attack"]
    assert attacks and all(not e.agents for e in attacks)


# ------------------------------------------------ promises and cooperation


def test_a_promise_to_help_is_an_agreement(nlp: Language) -> None:
    x = extract_text(nlp, "Saudi Arabia promised to send aid to Yemen.")
    assert [(e.cls, e.modality) for e in x.events] == [("Agree", None), ("Aid", "planned")]
    assert x.events[0].agents == ["country:SAU"] and x.events[0].targets == ["country:YEM"]


def test_a_promise_to_fight_is_a_threat_not_an_agreement(nlp: Language) -> None:
    x = extract_text(nlp, "Iran pledged to fight the Islamic State in Iraq.")
    assert [(e.cls, e.modality) for e in x.events] == [("Attack", "planned"), ("Threaten", None)]


def test_working_together_is_cooperation(nlp: Language) -> None:
    x = extract_text(nlp, "France and Germany worked together on the refugee plan.")
    assert [(e.cls, e.agents) for e in x.events] == [("Cooperate", ["country:FRA", "country:DEU"])]


def test_working_alone_or_late_is_no_cooperation(nlp: Language) -> None:
    assert extract_text(nlp, "French diplomats worked late on the refugee plan.").events == []


def test_joining_forces_is_cooperation(nlp: Language) -> None:
    x = extract_text(nlp, "Jordan and Egypt joined forces against the Islamic State.")
    assert [e.cls for e in x.events] == ["Cooperate"]


def test_separatists_act_for_the_articles_country(nlp: Language) -> None:
    x = extract_text(nlp, "Ukraine and the separatists reached an agreement on a prisoner swap.")
    assert [(e.cls, e.agents) for e in x.events] == [("Agree", ["country:UKR", "group:ukr-rebels"])]


# ------------------------------------------------ quotation styles, calls, warnings


def test_penn_treebank_quotation_marks_hold_a_quote(nlp: Language) -> None:
    x = extract_text(nlp, "`` We will respond , '' Russian President Vladimir Putin said .")
    assert [(q.text, q.speaker) for q in x.quotes] == [("We will respond", "person:vladimir-putin")]


def test_two_apostrophes_alone_hold_no_quote(nlp: Language) -> None:
    x = extract_text(nlp, "The rebels' and the soldiers' positions were shelled, Putin said.")
    assert x.quotes == []


def test_whom_a_leader_tells_in_a_call_took_part_in_it(nlp: Language) -> None:
    text = (
        "Russian President Vladimir Putin told Turkish President Recep Tayyip Erdogan"
        " in a phone call that Russia would respond."
    )
    (event,) = [e for e in extract_text(nlp, text).events if e.cls == "Meeting"]
    assert set(event.participants) == {"person:vladimir-putin", "person:recep-tayyip-erdogan"}


def test_a_call_in_which_no_one_is_addressed_has_no_partner(nlp: Language) -> None:
    text = "Russian President Vladimir Putin said in a phone call that Russia would respond."
    assert [e.cls for e in extract_text(nlp, text).events if e.cls == "Meeting"] == []


def test_an_act_warned_against_is_not_realised(nlp: Language) -> None:
    text = "China warned the United States against sending warships into the South China Sea."
    x = extract_text(nlp, text)
    assert [e.modality for e in x.events if e.cls == "Mobilize"] == ["hypothetical"]
    text = "China sent warships into the South China Sea."
    assert [e.modality for e in extract_text(nlp, text).events if e.cls == "Mobilize"] == [None]


# ------------------------------------------------ sides by role, participles


def test_opposite_attacks_of_one_day_stay_two_events(nlp: Language) -> None:
    text = (
        "Sri Lankan troops killed 33 members of the Liberation Tigers of Tamil Eelam."
        " The Tigers said they killed 20 Sri Lankan soldiers."
    )
    x = extract_text(nlp, text)
    sides_ = sorted((e.agents, e.targets) for e in x.events if e.cls == "Attack")
    assert sides_ == [
        (["group:lka-military"], ["org:ltte"]),
        (["org:ltte"], ["group:lka-military"]),
    ]


def test_a_bare_participle_sharing_a_passive_subject_is_passive(nlp: Language) -> None:
    text = (
        "Another 38 Tigers were wounded in the fighting and placed its losses at"
        " six soldiers wounded."
    )
    x = extract_text(nlp, "Sri Lankan troops fought the Tamil Tigers. " + text)
    assert all(e.agents != ["org:ltte"] for e in x.events if e.cls == "Attack")


def test_a_speakers_subject_is_not_the_subject_of_what_is_said(nlp: Language) -> None:
    text = "The Sri Lankan defence ministry said that six soldiers wounded."
    x = extract_text(nlp, text)
    assert all("group:lka-government" not in e.agents for e in x.events)


# ------------------------------------------------ attacks with no named side


def test_a_bomb_that_exploded_is_an_attack_without_sides(nlp: Language) -> None:
    text = "A bomb fixed to a motorcycle exploded in Karachi, killing at least 10 people."
    (event,) = extract_text(nlp, text).events
    assert (event.cls, event.agents, event.targets) == ("Attack", [], [])
    assert (event.instrument, event.deaths, event.confidence) == ("bomb", 10, 0.5)


def test_a_bomb_that_went_off_is_an_attack(nlp: Language) -> None:
    text = "A crudely made bomb went off in the election office of a party in Peshawar."
    assert [e.cls for e in extract_text(nlp, text).events] == ["Attack"]


def test_what_explodes_or_goes_off_unarmed_is_no_attack(nlp: Language) -> None:
    assert extract_text(nlp, "Pakistan's economy exploded after the reforms.").events == []
    assert extract_text(nlp, "The alarm went off at noon in Karachi.").events == []


def test_a_toll_alone_makes_an_attack(nlp: Language) -> None:
    x = extract_text(nlp, "A week of violence killed at least 612 people in Kenya.")
    assert [(e.cls, e.deaths, e.deaths_qualifier) for e in x.events] == [
        ("Attack", 612, "at least")
    ]


def test_a_killing_with_neither_weapon_nor_toll_nor_side_is_not_kept(nlp: Language) -> None:
    assert extract_text(nlp, "Someone killed the plan in committee.").events == []


def test_deaths_in_a_mishap_are_no_attack(nlp: Language) -> None:
    assert extract_text(nlp, "Two people were killed in a car accident near Kabul.").events == []
    assert extract_text(nlp, "The earthquake killed 300 people in Nepal.").events == []


def test_a_headline_event_joins_the_one_the_body_tells(nlp: Language) -> None:
    text = (
        "Bomb blast kills 12 in Pakistan\n\nAt least 10 people were killed when a bomb"
        " exploded in Karachi on Monday."
    )
    attacks = [e for e in extract_text(nlp, text).events if e.cls == "Attack"]
    assert [(a.deaths, a.place) for a in attacks] == [(10, "place:karachi")]


def test_a_headline_alone_keeps_its_event(nlp: Language) -> None:
    x = extract_text(nlp, "Bomb blast kills 12 in Pakistan\n\nThe president spoke on Monday.")
    assert [e.deaths for e in x.events if e.cls == "Attack"] == [12]


def test_a_dateline_parsed_as_a_subject_gives_way_to_the_real_one(nlp: Language) -> None:
    text = "GAZA CITY, Gaza Strip, (AP) - Israeli tanks raided the Gaza Strip on Tuesday."
    assert [e.agents for e in extract_text(nlp, text).events] == [["group:isr-military"]]


def test_two_subjects_without_a_dash_keep_the_first(nlp: Language) -> None:
    text = (
        "Members of the Association of African Jurists, a body linked to the African"
        " Union, investigated the welfare of 2,000 Libyans."
    )
    x = extract_text(nlp, text)
    assert [e.cls for e in x.events] == ["Investigate"]


# ------------------------------------------------ target finders, by name


def test_target_finders_have_unique_names() -> None:
    names = [name for name, _ in TARGET_FINDERS]
    assert len(names) == len(set(names)) == 6


def test_the_direct_object_finder_needs_an_actor_object(nlp: Language) -> None:
    assert try_finder("direct object", "Ethiopia shelled Eritrea.", "shelled") == ["country:ERI"]
    assert try_finder("direct object", "Ethiopia shelled the town.", "shelled") == []


def test_the_governed_clause_finder_reads_who_must_act(nlp: Language) -> None:
    text = "France demanded that Syria withdraw."
    assert try_finder("governed clause", text, "demanded") == ["country:SYR"]
    assert try_finder("governed clause", "France demanded a ceasefire.", "demanded") == []


def test_the_partner_of_object_finder_reads_the_nouns_partner(nlp: Language) -> None:
    text = "Peru signed an accord with Chile."
    assert try_finder("partner of object", text, "signed") == ["country:CHL"]
    assert try_finder("partner of object", "Peru signed an accord.", "signed") == []


def test_the_nested_finder_leaves_a_light_verbs_event_noun_alone(nlp: Language) -> None:
    text = "Ghana rejected calls by Togo for talks."
    assert try_finder("nested in objects", text, "rejected") == ["country:TGO"]
    text = "Ghana ordered strikes on Togo."
    assert try_finder("nested in objects", text, "ordered") == []


def test_trying_a_word_that_triggers_nothing_is_an_error(nlp: Language) -> None:
    with pytest.raises(ValueError, match="triggers no event"):
        try_finder("direct object", "Ethiopia praised the weather.", "weather")


def test_no_before_an_event_noun_negates_it(nlp: Language) -> None:
    x = extract_text(nlp, "Russia launched no attack on Georgia.")
    assert [(e.cls, e.modality) for e in x.events] == [("Attack", "negated")]
    x = extract_text(nlp, "France will have no more contact with Syria until Damascus acts.")
    assert ("Agree", None) not in [(e.cls, e.modality) for e in x.events]


def test_an_event_noun_without_no_stays_realised(nlp: Language) -> None:
    x = extract_text(nlp, "Russia launched an attack on Georgia.")
    assert [(e.cls, e.modality) for e in x.events] == [("Attack", None)]


def test_an_attack_clause_under_a_toll_keeps_its_attackers(nlp: Language) -> None:
    text = "Ten Syrian soldiers were killed on Monday when rebels attacked a village in Syria."
    attacks = [e for e in extract_text(nlp, text).events if e.cls == "Attack"]
    assert [(e.agents, e.deaths) for e in attacks] == [(["group:syr-rebels"], 10)]


def test_the_harm_clause_of_an_attack_makes_no_event_of_its_own(nlp: Language) -> None:
    attacks = [e for e in extract_text(nlp, "Ethiopia bombed Eritrea, killing 14 people.").events]
    assert [(e.agents, e.targets, e.deaths) for e in attacks] == [
        (["country:ETH"], ["country:ERI"], 14)
    ]


# ------------------------------------------------- kinds read on unseen news


def all_events(nlp: Language, text: str) -> list[tuple[str, list[str], list[str], str | None]]:
    x = extract_text(nlp, text)
    return [(e.cls, e.agents, e.targets, e.modality) for e in x.events]


def test_an_act_on_unnamed_people_keeps_its_doer(nlp: Language) -> None:
    found = events_of(nlp, "Police in Kabul arrested two men on Monday.")
    assert ("Coerce", ["group:afg-police"], [], 0.5) in found


def test_suspects_are_the_criminals_of_the_country_told_of(nlp: Language) -> None:
    found = events_of(nlp, "Police in Kabul arrested two suspects on Monday.")
    assert [(c, a, t) for c, a, t, _ in found] == [
        ("Coerce", ["group:afg-police"], ["group:afg-criminals"])
    ]


def test_a_town_before_a_group_noun_leaves_it_the_article_s(nlp: Language) -> None:
    found = events_of(nlp, "A Baltimore prosecutor accused a police detective of lying.")
    assert [(c, a, t) for c, a, t, _ in found] == [
        ("Accusation", ["group:usa-judiciary"], ["group:usa-police"])
    ]


def test_a_capital_before_a_group_noun_names_its_country(nlp: Language) -> None:
    found = events_of(nlp, "Pakistani officials said Kabul police arrested three men.")
    assert [a for c, a, _, _ in found if c == "Coerce"] == [["group:afg-police"]]


def test_its_troops_are_the_military_of_the_country_it_refers_to(nlp: Language) -> None:
    found = events_of(nlp, "Russia said its troops had killed 12 militants in Syria.")
    assert ("Attack", ["group:rus-military"], ["group:syr-rebels"]) in [
        (c, a, t) for c, a, t, _ in found
    ]


def test_its_jets_after_a_national_body_are_that_bodys(nlp: Language) -> None:
    found = events_of(nlp, "The Israeli military said its jets struck Hezbollah positions.")
    assert [(c, a) for c, a, _, _ in found] == [("Attack", ["group:isr-military"])]


def test_its_jets_after_a_body_of_no_country_are_no_ones(nlp: Language) -> None:
    found = events_of(nlp, "A military spokesman said its jets struck Hezbollah positions.")
    assert [(c, a) for c, a, _, _ in found] == [("Attack", [])]


def test_its_ambassador_as_an_object_leaves_the_target_to_the_from_phrase(nlp: Language) -> None:
    found = events_of(nlp, "Greece recalled its ambassador from Turkey.")
    assert [(a, t) for _, a, t, _ in found] == [(["country:GRC"], ["country:TUR"])]


def test_they_refers_back_to_the_last_plural_subject(nlp: Language) -> None:
    text = "Islamic State militants stormed the town on Friday. They killed 12 Iraqi soldiers."
    found = events_of(nlp, text)
    assert ("Attack", ["org:islamic-state"], ["group:irq-military"]) in [
        (c, a, t) for c, a, t, _ in found
    ]


def test_they_after_a_new_subject_is_not_the_earlier_group(nlp: Language) -> None:
    text = (
        "Sri Lankan troops killed 33 members of the Liberation Tigers of Tamil Eelam."
        " The Tigers said they killed 20 Sri Lankan soldiers."
    )
    agents = [a for c, a, _, _ in events_of(nlp, text) if c == "Attack"]
    assert ["org:ltte"] in agents and agents.count(["group:lka-military"]) == 1


def test_a_participle_on_a_noun_gives_the_noun_as_doer(nlp: Language) -> None:
    text = "Police arrested three men suspected of planning the attack, Turkish officials said."
    found = all_events(nlp, text)
    assert [c for c, *_ in found] == ["Coerce"]  # the men plan it, not the police


def test_an_act_on_something_that_is_no_one_is_no_event(nlp: Language) -> None:
    assert events_of(nlp, "Kenya condemned the weather on Monday.") == []


def test_sanctions_on_unnamed_officials_are_a_sanction(nlp: Language) -> None:
    found = events_of(nlp, "The United States imposed sanctions on seven officials.")
    assert ("Sanction", ["country:USA"], [], 0.5) in found


def test_a_court_in_a_capital_acts_for_its_country(nlp: Language) -> None:
    found = events_of(nlp, "The court in Cairo sentenced Ahmed Maher to three years in prison.")
    assert [(c, a) for c, a, _, _ in found] == [("Coerce", ["group:egy-judiciary"])]


def test_a_court_in_an_unknown_town_names_no_country(nlp: Language) -> None:
    found = events_of(nlp, "The court in Springfield sentenced Ahmed Maher to three years.")
    assert all("group:egy-judiciary" not in a for _, a, _, _ in found)


def test_an_investigation_needs_no_side_investigated(nlp: Language) -> None:
    found = events_of(
        nlp, "Brazilian police launched an investigation into corruption at Petrobras."
    )
    assert [(c, a) for c, a, _, _ in found] == [("Investigate", ["group:bra-police"])]


def test_an_investigation_with_no_one_investigating_is_no_event(nlp: Language) -> None:
    assert events_of(nlp, "The investigation into the crash continues.") == []


def test_a_planned_investigation_is_no_threat(nlp: Language) -> None:
    found = all_events(nlp, "Ban Ki-moon set up a board of inquiry to investigate the attack.")
    assert "Threaten" not in [c for c, *_ in found]


def test_goods_carried_by_what_is_sent_are_aid(nlp: Language) -> None:
    found = events_of(nlp, "Russia sent a convoy of trucks carrying aid to Ukraine.")
    assert ("Aid", ["country:RUS"], ["country:UKR"]) in [f[:3] for f in found]


def test_money_given_is_aid(nlp: Language) -> None:
    found = events_of(nlp, "Saudi Arabia gave Egypt $4 billion in loans and grants.")
    assert ("Aid", ["country:SAU"], ["country:EGY"]) in [f[:3] for f in found]


@pytest.mark.parametrize(
    "text", ["Kenya gave Uganda the documents.", "Russia sent troops to Syria."]
)
def test_what_is_given_or_sent_must_be_goods(nlp: Language, text: str) -> None:
    assert "Aid" not in [c for c, *_ in events_of(nlp, text)]


def test_two_who_spoke_by_telephone_met(nlp: Language) -> None:
    found = all_events(
        nlp, "Kerry and Lavrov have spoken several times by telephone in recent days."
    )
    assert [c for c, *_ in found] == ["Meeting"]


def test_speaking_about_something_is_no_meeting(nlp: Language) -> None:
    assert all_events(nlp, "Putin talked about the economy on Monday.") == []


def test_a_visit_and_talks_with_the_hosts_leader_are_one_meeting(nlp: Language) -> None:
    x = extract_text(
        nlp,
        "Merkel travelled to Ankara for talks with Turkish Prime Minister Ahmet Davutoglu.",
    )
    (meeting,) = [e for e in x.events if e.cls == "Meeting"]
    assert {"country:TUR", "person:ahmet-davutoglu"} <= set(meeting.participants)


def test_meetings_with_leaders_of_two_countries_stay_two(nlp: Language) -> None:
    x = extract_text(
        nlp,
        "Merkel met French President Francois Hollande and visited Spain on Monday.",
    )
    assert len([e for e in x.events if e.cls == "Meeting"]) == 2


def test_a_party_joined_to_the_subject_is_an_unnamed_partner(nlp: Language) -> None:
    x = extract_text(nlp, "Iran and six world powers resumed talks in Vienna on Monday.")
    (meeting,) = [e for e in x.events if e.cls == "Meeting"]
    assert (meeting.participants, meeting.confidence) == (["country:IRN"], 0.5)


def test_talks_with_no_partner_named_are_a_meeting_of_one_side(nlp: Language) -> None:
    x = extract_text(nlp, "Iran resumed talks in Vienna on Monday.")
    assert [(e.cls, e.participants) for e in x.events] == [("Meeting", ["country:IRN"])]


def test_talks_with_no_side_named_are_no_meeting(nlp: Language) -> None:
    assert all_events(nlp, "The talks resumed in Vienna on Monday.") == []


def test_a_clash_of_words_between_people_is_criticism_not_an_attack(nlp: Language) -> None:
    found = all_events(nlp, "Donald Trump attacked Ted Cruz over his record on Monday.")
    assert [(c, a, t) for c, a, t, *_ in found] == [
        ("Accusation", ["person:donald-trump"], ["person:ted-cruz"])
    ]


def test_a_fight_with_a_weapon_between_people_stays_an_attack(nlp: Language) -> None:
    found = all_events(nlp, "Donald Trump attacked Ted Cruz with a knife on Monday.")
    assert [c for c, *_ in found] == ["Attack"]


def test_an_attack_on_a_person_stays_one(nlp: Language) -> None:
    found = all_events(nlp, "Gunmen attacked Governor Smith in Lagos.")
    assert [c for c, *_ in found] == ["Attack"]


def test_speaking_at_a_rally_is_no_protest(nlp: Language) -> None:
    assert "Protest" not in [c for c, *_ in all_events(nlp, "Obama spoke at a rally in Ohio.")]


def test_holding_a_rally_is_a_protest(nlp: Language) -> None:
    found = all_events(nlp, "Ukrainian protesters held a rally in Kiev on Sunday.")
    assert "Protest" in [c for c, *_ in found]


def test_an_act_called_for_is_not_done(nlp: Language) -> None:
    found = all_events(nlp, "Protesters in Seoul chanted for President Park to step down.")
    assert all(m is not None for c, _, _, m in found if c == "Retreat")


def test_an_act_done_stays_realised(nlp: Language) -> None:
    found = all_events(nlp, "South Korean President Park stepped down on Friday.")
    assert ("Retreat", None) in [(c, m) for c, _, _, m in found]


def test_calls_to_resign_are_no_resignation(nlp: Language) -> None:
    x = extract_text(nlp, "President Park Geun-hye has resisted calls to resign.")
    assert all(e.modality for e in x.events if e.cls == "Retreat")


def test_the_motive_of_an_act_is_no_act_of_its_own(nlp: Language) -> None:
    found = all_events(nlp, "Russia expelled Turkish envoys in retaliation for the raid.")
    assert "Attack" not in [c for c, *_ in found]


def test_retaliation_carried_out_is_an_act(nlp: Language) -> None:
    found = all_events(nlp, "Israel retaliated against Hamas on Monday.")
    assert "Attack" in [c for c, *_ in found]


def test_the_one_shot_in_a_passive_clause_is_the_target(nlp: Language) -> None:
    x = extract_text(nlp, "Jo Cox died on Thursday after being shot and stabbed in the street.")
    (attack,) = [e for e in x.events if e.cls == "Attack"]
    assert (attack.agents, attack.targets) == ([], ["person:jo-cox"])


def test_the_one_who_shoots_is_the_agent(nlp: Language) -> None:
    found = events_of(nlp, "Jo Cox shot the intruder on Thursday.")
    assert [(c, a) for c, a, _, _ in found] == [("Attack", ["person:jo-cox"])]


def test_who_names_a_killing_did_not_kill(nlp: Language) -> None:
    x = extract_text(nlp, "Justin Trudeau called the killing an act of cold-blooded murder.")
    assert all("person:justin-trudeau" not in e.agents for e in x.events)


def test_a_gerund_object_shares_its_verbs_subject(nlp: Language) -> None:
    found = events_of(nlp, "Syria began shelling the town of Deraa.")
    assert [(c, a) for c, a, _, _ in found] == [("Attack", ["country:SYR"])]


def test_telling_someone_to_act_is_a_demand(nlp: Language) -> None:
    found = events_of(nlp, "Trump told his supporters to watch the polls closely.")
    assert [c for c, *_ in found] == ["Demand"]


def test_telling_someone_something_is_no_demand(nlp: Language) -> None:
    found = events_of(nlp, "Trump told reporters that he would win.")
    assert [c for c, *_ in found] == ["Statement"]  # said in public, asks nothing


def test_fighting_since_a_past_year_is_background(nlp: Language) -> None:
    x = extract_text(nlp, "The PKK has been fighting for Kurdish autonomy since 1984.")
    assert all(e.confidence <= 0.5 for e in x.events)


def test_fighting_since_a_recent_month_is_news(nlp: Language) -> None:
    x = extract_text(nlp, "The PKK has been fighting Turkish troops since May.")
    assert [e.confidence > 0.5 for e in x.events if e.cls == "Attack"] == [True]


def test_insisting_that_something_is_so_is_no_demand(nlp: Language) -> None:
    assert events_of(nlp, "Russia insisted the truce agreed in Minsk did not apply.") == []


def test_insisting_on_something_is_a_demand(nlp: Language) -> None:
    found = events_of(nlp, "Russia insisted on talks with Ukraine.")
    assert [c for c, *_ in found] == ["Demand"]


def test_another_incident_is_its_own_attack(nlp: Language) -> None:
    x = extract_text(
        nlp,
        "A bomb exploded in Karachi, killing ten people. "
        "In another incident, a bomb went off in the city of Peshawar, wounding one person.",
    )
    places = sorted(e.place or "" for e in x.events if e.cls == "Attack")
    assert places == ["place:karachi", "place:peshawar"]


def test_the_same_incident_told_again_is_one_attack(nlp: Language) -> None:
    x = extract_text(
        nlp, "A bomb exploded in Karachi, killing ten people. Police said the bomb went off."
    )
    assert len([e for e in x.events if e.cls == "Attack"]) == 1


def test_a_purpose_takes_place_where_its_doer_was(nlp: Language) -> None:
    x = extract_text(nlp, "Musharraf was in Karachi to meet officials from the government.")
    assert [e.place for e in x.events if e.cls == "Meeting"] == ["place:karachi"]


def test_aimed_fire_is_no_mishap(nlp: Language) -> None:
    found = events_of(nlp, "Palestinian sniper fire killed a volunteer at a farm in Israel.")
    assert [(c, a) for c, a, _, _ in found] == [("Attack", ["country:PSE"])]


def test_a_fire_is_a_mishap(nlp: Language) -> None:
    assert events_of(nlp, "Two people were killed in a fire at a market in Lagos.") == []


def test_a_body_electing_someone_it_does_not_name_is_a_vote(nlp: Language) -> None:
    x = extract_text(nlp, "Kenya's parliament elected the opposition's choice as its speaker.")
    assert [(e.cls, e.body) for e in x.events] == [("Vote", "org:ken-parliament")]


def test_electing_with_no_body_and_no_one_named_is_no_vote(nlp: Language) -> None:
    assert all_events(nlp, "They elected the opposition's choice as speaker.") == []


def test_an_election_told_by_its_body_and_its_winner_is_one_vote(nlp: Language) -> None:
    x = extract_text(
        nlp,
        "Kenya's parliament elected the opposition's choice as its speaker. "
        "Kenneth Marende was elected on the third vote.",
    )
    votes = [e for e in x.events if e.cls == "Vote"]
    assert [(v.body, v.targets) for v in votes] == [
        ("org:ken-parliament", ["person:kenneth-marende"])
    ]


def test_two_bodies_passing_measures_are_two_votes(nlp: Language) -> None:
    x = extract_text(
        nlp, "Kenya's parliament passed the budget. Uganda's parliament passed the bill."
    )
    assert len([e for e in x.events if e.cls == "Vote"]) == 2


def test_the_one_who_receives_a_visitor_meets_them(nlp: Language) -> None:
    x = extract_text(nlp, "Iranian President Hassan Rouhani was received by Pope Francis.")
    (meeting,) = [e for e in x.events if e.cls == "Meeting"]
    assert set(meeting.participants) >= {"person:hassan-rouhani", "person:pope-francis"}


def test_a_thing_received_is_no_meeting(nlp: Language) -> None:
    assert all_events(nlp, "The letter was received by Pope Francis.") == []


def test_reserving_the_right_to_respond_is_a_threat(nlp: Language) -> None:
    found = events_of(nlp, "India's military said on Monday it reserved the right to respond.")
    assert [(c, a) for c, a, _, _ in found] == [("Threaten", ["group:ind-military"])]


def test_reserving_a_seat_is_no_threat(nlp: Language) -> None:
    assert events_of(nlp, "India reserved a seat for the envoy.") == []


def test_asking_a_question_is_no_demand(nlp: Language) -> None:
    assert events_of(nlp, "Kenya asked what Uganda could expect in return.") == []


def test_asking_someone_to_act_is_a_demand(nlp: Language) -> None:
    assert [c for c, *_ in events_of(nlp, "Kenya asked Uganda to withdraw its troops.")] == [
        "Demand"
    ]


def test_the_one_asked_to_act_is_the_one_who_would(nlp: Language) -> None:
    found = all_events(nlp, "Kenya asked Uganda to withdraw its troops.")
    assert ("Retreat", ["country:UGA"]) in [(c, a) for c, a, _, _ in found]


def test_a_promise_to_someone_stays_the_promisers_act(nlp: Language) -> None:
    found = all_events(nlp, "Kenya promised Uganda to withdraw its troops.")
    assert all(a != ["country:UGA"] for c, a, _, _ in found if c == "Retreat")


def test_a_partner_misparsed_as_a_clause_subject_is_found(nlp: Language) -> None:
    x = extract_text(
        nlp,
        "Sarkozy spoke after talks in Cairo with Egyptian President Hosni Mubarak "
        "covering regional issues.",
    )
    (meeting,) = [e for e in x.events if e.cls == "Meeting"]
    assert "person:hosni-mubarak" in meeting.participants


def test_working_closely_together_is_cooperation(nlp: Language) -> None:
    found = events_of(nlp, "French and Belgian investigators had worked closely together.")
    assert [c for c, *_ in found] == ["Cooperate"]


def test_working_hard_alone_is_no_cooperation(nlp: Language) -> None:
    assert events_of(nlp, "French investigators had worked hard on the case.") == []


def test_a_noun_counting_an_act_passes_on_its_doer(nlp: Language) -> None:
    x = extract_text(nlp, "Chinese and Russian warships began eight days of joint exercises.")
    (event,) = [e for e in x.events if e.cls == "Cooperate"]
    assert {"country:CHN", "country:RUS"} <= set(event.participants)


def test_a_noun_counting_something_else_passes_on_nothing(nlp: Language) -> None:
    x = extract_text(nlp, "Chinese warships watched the end of joint exercises by Japan.")
    assert all("group:chn-military" not in e.actors() for e in x.events if e.cls == "Cooperate")


def test_branding_an_act_is_an_accusation_of_its_doer(nlp: Language) -> None:
    found = events_of(nlp, "Nicolas Maduro branded the US sanctions an act of aggression.")
    assert ("Accusation", ["person:nicolas-maduro"], ["country:USA"]) in [f[:3] for f in found]


def test_labelling_with_praise_is_support(nlp: Language) -> None:
    found = events_of(nlp, "Mahmoud Abbas called Israel's decision a historic step.")
    assert [(c, a, t) for c, a, t, _ in found] == [
        ("Support", ["person:mahmoud-abbas"], ["country:ISR"])
    ]


def test_a_label_that_names_no_side_judges_no_one(nlp: Language) -> None:
    assert events_of(nlp, "He described that as a dangerous state of affairs.") == []


def test_describing_without_judging_is_no_event(nlp: Language) -> None:
    assert events_of(nlp, "Condoleezza Rice described the weather as cold.") == []


def test_being_in_contact_with_someone_is_a_meeting(nlp: Language) -> None:
    x = extract_text(nlp, "Kerry has been in close contact with Lavrov over the past week.")
    assert [e.cls for e in x.events] == ["Meeting"]


def test_a_letter_sent_to_someone_is_a_meeting(nlp: Language) -> None:
    x = extract_text(nlp, "Mahmoud Abbas sent a letter to Benjamin Netanyahu.")
    assert [e.cls for e in x.events] == ["Meeting"]


def test_troops_sent_are_no_letter(nlp: Language) -> None:
    x = extract_text(nlp, "Kenya sent troops to Somalia.")
    assert "Meeting" not in [e.cls for e in x.events]


def test_talks_between_a_side_and_unnamed_powers_are_a_meeting(nlp: Language) -> None:
    x = extract_text(nlp, "The negotiations between Iran and the six powers resumed.")
    assert [(e.cls, e.participants, e.confidence) for e in x.events] == [
        ("Meeting", ["country:IRN"], 0.5)
    ]


def test_speaking_to_the_press_is_no_meeting(nlp: Language) -> None:
    assert all_events(nlp, "John Kerry spoke to reporters in Geneva.") == []


def test_a_purpose_of_a_planned_trip_is_planned(nlp: Language) -> None:
    x = extract_text(nlp, "Netanyahu will travel to Washington next month to meet with Trump.")
    assert all(e.modality for e in x.events if e.cls == "Meeting")


def test_receiving_votes_meets_no_one(nlp: Language) -> None:
    x = extract_text(nlp, "Kenneth Marende received 105 votes on Tuesday.")
    assert "Meeting" not in [e.cls for e in x.events]


def test_a_trip_made_for_talks_is_one_meeting_with_the_partner(nlp: Language) -> None:
    x = extract_text(nlp, "Petro Poroshenko flew to Brussels for talks with NATO leaders.")
    meetings = [e for e in x.events if e.cls == "Meeting"]
    assert len(meetings) == 1 and "org:nato" in meetings[0].participants


def test_a_trip_for_talks_with_no_one_named_is_still_a_visit(nlp: Language) -> None:
    x = extract_text(nlp, "Petro Poroshenko flew to Brussels for talks.")
    assert [e.cls for e in x.events] == ["Meeting"]


def test_the_purpose_of_a_trip_not_made_is_not_met(nlp: Language) -> None:
    x = extract_text(nlp, "John Kerry did not travel to Moscow to meet Putin.")
    assert [e.modality for e in x.events if e.cls == "Meeting"] == ["negated"]


def test_refusing_to_comment_or_answer_is_no_rejection(nlp: Language) -> None:
    for text in (
        "Angela Merkel refused to answer questions about the deal.",
        "The Kremlin declined to say whether Putin would attend.",
        "Barack Obama refused to take questions from reporters.",
    ):
        assert all_events(nlp, text) == [], text


def test_refusing_talks_with_a_named_side_is_a_rejection(nlp: Language) -> None:
    found = events_of(nlp, "Iran refused to talk to the United States.")
    assert ("Reject", ["country:IRN"], ["country:USA"]) in [f[:3] for f in found]


def test_a_threat_on_a_condition_is_aimed_at_who_must_meet_it(nlp: Language) -> None:
    assert try_finder("governed clause", "Shas threatened to leave if Israel agrees.", "threatened")
    found = events_of(nlp, "The Shas Party has threatened to leave if Israel agrees to a deal.")
    assert ("Threaten", ["org:shas-party"], ["country:ISR"]) in [f[:3] for f in found]


def test_a_question_is_no_condition(nlp: Language) -> None:
    found = events_of(nlp, "The Shas Party asked if Israel agrees to the deal.")
    assert all(t != ["country:ISR"] for c, _, t, _ in found if c == "Threaten")
    x = extract_text(nlp, "Iran asked if the United States would lift sanctions.")
    assert [e for e in x.events if not e.modality] == []  # asked about, neither done nor promised


def test_attacks_conjoined_to_a_habitual_clause_are_habitual(nlp: Language) -> None:
    x = extract_text(
        nlp, "Militants who shell towns in the south and attack convoys fled to Syria."
    )
    assert [e for e in x.events if e.cls == "Attack"] == []


def test_attacks_conjoined_to_a_reported_clause_are_reported(nlp: Language) -> None:
    x = extract_text(nlp, "Militants who shelled Israel and attacked convoys fled to Syria.")
    assert [e.cls for e in x.events].count("Attack") >= 1


def test_an_act_dated_last_year_or_in_a_past_war_is_background(nlp: Language) -> None:
    for text in (
        "Iranian guards in March last year seized 15 British sailors in Gulf waters.",
        "Israel captured east Jerusalem in the 1967 Mideast war.",
    ):
        x = extract_text(nlp, text)
        assert x.events and all(e.confidence <= 0.5 for e in x.events), text


def test_an_act_in_a_war_of_this_year_is_news(nlp: Language) -> None:
    x = extract_text(nlp, "Israel captured the town of Rafah in the Gaza war on Monday.")
    assert [e.confidence > 0.5 for e in x.events if e.cls == "Attack"] == [True]


def test_a_whose_clause_is_not_the_complement_it_is_parsed_as(nlp: Language) -> None:
    x = extract_text(
        nlp,
        "Shas threatened to leave if Israel agrees to a compromise over Jerusalem, "
        "whose eastern sector Israel captured in the Six Day War.",
    )
    assert [e.modality for e in x.events if e.trigger == "captured"] == [None]


def test_what_a_retreat_moves_is_the_doers_own(nlp: Language) -> None:
    found = events_of(
        nlp, "Avigdor Lieberman pulled his Yisrael Beiteinu faction out of Olmert's government."
    )
    assert ("Retreat", ["person:avigdor-lieberman"], ["person:olmert"]) in [f[:3] for f in found]
    found = events_of(nlp, "Russia pulled its forces out of Syria.")
    assert [f[:3] for f in found] == [("Retreat", ["country:RUS"], ["country:SYR"])]


def test_a_release_acts_on_whom_it_frees(nlp: Language) -> None:
    found = events_of(nlp, "Hamas released two Israeli soldiers.")
    assert [f[:2] for f in found] == [("Concede", ["org:hamas"])] and found[0][2]


def test_a_threat_to_withdraw_is_aimed_at_what_is_left(nlp: Language) -> None:
    found = events_of(
        nlp, "Avigdor Lieberman threatened to pull his faction out of Olmert's government."
    )
    assert ("Threaten", ["person:avigdor-lieberman"], ["person:olmert"]) in [f[:3] for f in found]


def test_the_city_is_the_last_city_named(nlp: Language) -> None:
    x = extract_text(
        nlp,
        "A bomb exploded in Karachi on Monday. Pervez Musharraf, who rarely leaves the "
        "capital Islamabad, was in the city to meet Asif Ali Zardari.",
    )
    assert [e.place for e in x.events if e.cls == "Meeting"] == ["place:karachi"]


def test_a_city_with_no_city_named_before_is_no_place(nlp: Language) -> None:
    x = extract_text(nlp, "Pervez Musharraf was in the city to meet Asif Ali Zardari.")
    assert [e.place for e in x.events if e.cls == "Meeting"] == [None]


def test_violence_no_one_is_named_for_happens_in_the_articles_country(nlp: Language) -> None:
    x = extract_text(
        nlp,
        "Kenya's parliament met on Tuesday. A week of violence after the vote killed at "
        "least 612 people, a government commission said.",
    )
    assert [e.place for e in x.events if e.cls == "Attack"] == ["country:KEN"]


def test_an_attack_with_a_side_named_takes_no_country_for_place(nlp: Language) -> None:
    x = extract_text(nlp, "Kenya's parliament met on Tuesday. Somali gunmen killed two people.")
    assert [e.place for e in x.events if e.cls == "Attack"] == [None]


def test_claiming_responsibility_makes_a_side_a_doer(nlp: Language) -> None:
    x = extract_text(
        nlp,
        "Palestinian sniper fire killed a volunteer from Ecuador at an Israeli farm. "
        "Hamas' military wing claimed responsibility.",
    )
    assert [e.agents for e in x.events if e.cls == "Attack"] == [["country:PSE", "org:hamas"]]
    x = extract_text(nlp, "The Taliban claimed responsibility for the attack, which killed 12.")
    assert [e.agents for e in x.events if e.cls == "Attack"] == [["org:taliban"]]


def test_denying_responsibility_makes_no_doer(nlp: Language) -> None:
    x = extract_text(nlp, "A bomb killed ten people in Kabul. The Taliban denied responsibility.")
    assert all("org:taliban" not in e.agents for e in x.events if e.cls == "Attack")


def test_a_killing_tells_the_attack_when_the_firing_names_no_weapon(nlp: Language) -> None:
    found = events_of(
        nlp, "A Palestinian sniper fired into Israel, killing a volunteer from Ecuador."
    )
    assert [(c, a) for c, a, *_ in found] == [("Attack", ["country:PSE"])]


def test_a_killing_after_a_told_attack_is_its_harm(nlp: Language) -> None:
    x = extract_text(nlp, "Israeli jets bombed Hamas positions, killing two Palestinians.")
    assert [e.cls for e in x.events] == ["Attack"]


def test_a_raid_on_a_place_acts_on_the_victims_it_names(nlp: Language) -> None:
    found = events_of(nlp, "Israeli tanks raided the Gaza Strip, killing ten Palestinians.")
    assert [(c, t) for c, _, t, _ in found] == [("Attack", ["country:PSE"])]


def test_an_attack_on_a_side_keeps_that_side_only(nlp: Language) -> None:
    found = events_of(nlp, "Israeli jets bombed Hamas positions, killing two Palestinians.")
    assert [t for _, _, t, _ in found] == [["org:hamas"]]


def test_victims_of_the_attackers_country_do_not_retell_its_attack(nlp: Language) -> None:
    x = extract_text(
        nlp,
        "Palestinian snipers killed an Israeli soldier on Tuesday. "
        "Later on Tuesday two Palestinian civilians were killed.",
    )
    attacks = [e for e in x.events if e.cls == "Attack"]
    assert len(attacks) == 2


def test_one_countrys_troops_and_rebels_fight_each_other(nlp: Language) -> None:
    x = extract_text(
        nlp,
        "Sri Lankan troops killed 33 Tamil Tigers on Sunday. "
        "On Sunday another 38 Tigers were wounded in the fighting in Mannar.",
    )
    attacks = [e for e in x.events if e.cls == "Attack"]
    assert len(attacks) == 1 and attacks[0].place == "place:mannar"


def test_an_act_on_a_named_side_with_its_doer_unnamed_is_kept(nlp: Language) -> None:
    found = events_of(nlp, "Two Russians were arrested in Kiev on Monday.")
    assert [(c, a, t, conf) for c, a, t, conf in found] == [("Coerce", [], ["country:RUS"], 0.5)]
    found = events_of(nlp, "Sanctions were imposed on Russia on Monday.")
    assert [(c, t) for c, _, t, _ in found] == [("Sanction", ["country:RUS"])]


def test_a_mere_mention_of_trade_is_no_event(nlp: Language) -> None:
    assert events_of(nlp, "An investigation of illegal arms sales to Croatia began.") == []


def test_people_of_no_side_named_are_an_unnamed_doer(nlp: Language) -> None:
    # the subject names people but no side: the act is news, its doer unplaced
    found = events_of(nlp, "Officials arrested two Russians on Monday.")
    assert [(c, a, conf) for c, a, _, conf in found] == [("Coerce", [], 0.5)]


def test_a_thing_is_no_unnamed_doer(nlp: Language) -> None:
    assert events_of(nlp, "The new law denies Russia any say in the matter.") == []


def test_a_passive_light_verb_takes_its_by_agent(nlp: Language) -> None:
    found = events_of(nlp, "New sanctions were imposed on Russia by the European Union.")
    assert [(c, a, t) for c, a, t, _ in found] == [
        ("Sanction", ["org:european-union"], ["country:RUS"])
    ]


def test_being_committed_to_an_act_is_the_subjects_promise(nlp: Language) -> None:
    found = events_of(nlp, "The minister said Vietnam is committed to opening up the economy.")
    assert [(c, a) for c, a, _, _ in found] == [("Agree", ["country:VNM"])]


def test_a_demand_made_in_the_first_person_in_a_quotation_is_the_speakers(nlp: Language) -> None:
    found = events_of(
        nlp, '"We demand the release of our soldiers by Israel," Hassan Nasrallah said.'
    )
    assert ("Demand", ["person:hassan-nasrallah"], ["country:ISR"]) in [f[:3] for f in found]


def test_acts_of_others_told_in_a_quotation_are_not_read(nlp: Language) -> None:
    found = events_of(nlp, '"Russia attacked our troops," Petro Poroshenko said.')
    assert [c for c, *_ in found if c != "Statement"] == []
    found = events_of(nlp, '"We do not demand anything from Israel," Hassan Nasrallah said.')
    assert [c for c, *_ in found if c == "Demand"] == []


def test_a_quotation_telling_of_an_act_between_named_sides_reports_it(nlp: Language) -> None:
    found = events_of(nlp, '"Russian jets bombed Turkish positions overnight," a monitor said.')
    assert [(c, conf) for c, _, t, conf in found if c == "Attack" and t] == [("Attack", 0.6)]


def test_a_quotation_naming_one_side_or_none_reports_no_act(nlp: Language) -> None:
    found = events_of(nlp, '"They used chlorine bombs to maim and kill," Nikki Haley said.')
    assert [c for c, *_ in found if c == "Attack"] == []


def test_seeking_peace_with_a_side_is_an_intent_to_settle(nlp: Language) -> None:
    found = events_of(nlp, "Israel seeks peace with the Palestinian government.")
    assert [(c, a) for c, a, _, _ in found] == [("Agree", ["country:ISR"])]


def test_seeking_something_from_a_side_is_a_demand(nlp: Language) -> None:
    found = events_of(nlp, "Russia sought compensation from Turkey.")
    assert [(c, a, t) for c, a, t, _ in found] == [("Demand", ["country:RUS"], ["country:TUR"])]


def test_a_visit_by_someone_to_a_country_is_a_meeting(nlp: Language) -> None:
    x = extract_text(nlp, "It was the first visit by an Indian premier to Pakistan in a decade.")
    meetings = [e for e in x.events if e.cls == "Meeting"]
    assert len(meetings) == 1 and "country:PAK" in meetings[0].participants
    assert "group:ind-government" in meetings[0].participants


def test_a_visit_by_no_one_named_to_a_country_is_no_meeting(nlp: Language) -> None:
    x = extract_text(nlp, "The visit to Pakistan was postponed by a week.")
    assert [e for e in x.events if e.cls == "Meeting" and not e.modality] == []


def test_flying_into_a_capital_is_a_visit(nlp: Language) -> None:
    x = extract_text(nlp, "Ashton Carter flew into Baghdad on Monday.")
    assert [(e.cls, sorted(e.participants)) for e in x.events] == [
        ("Meeting", ["country:IRQ", "person:ashton-carter"])
    ]


def test_sealing_or_striking_a_deal_is_an_agreement(nlp: Language) -> None:
    found = events_of(nlp, "Iran struck a deal with Russia on Monday.")
    assert [(c, a, t) for c, a, t, _ in found] == [("Agree", ["country:IRN"], ["country:RUS"])]


def test_striking_positions_is_still_an_attack(nlp: Language) -> None:
    found = events_of(nlp, "Russian jets struck rebel positions in Syria.")
    assert [c for c, *_ in found] == ["Attack"]


def test_measures_against_a_side_are_a_sanction(nlp: Language) -> None:
    found = events_of(nlp, "Russia imposed economic measures against Turkey.")
    assert [(c, a, t) for c, a, t, _ in found] == [("Sanction", ["country:RUS"], ["country:TUR"])]
    assert events_of(nlp, "The government announced economic measures to boost growth.") == []


def test_ordering_diplomats_out_is_an_expulsion(nlp: Language) -> None:
    found = events_of(nlp, "The United States ordered 35 Russian diplomats out of the country.")
    assert [c for c, *_ in found] == ["Sanction"]


def test_signing_a_decree_or_a_bill_into_law_is_no_agreement(nlp: Language) -> None:
    for text in (
        "Vladimir Putin signed a decree on Saturday.",
        "Barack Obama signed the bill into law on Friday.",
    ):
        assert [c for c, *_ in events_of(nlp, text) if c == "Agree"] == [], text


def test_signing_a_deal_with_a_side_is_an_agreement(nlp: Language) -> None:
    found = events_of(nlp, "Russia signed a deal with China.")
    assert [(c, a, t) for c, a, t, _ in found] == [("Agree", ["country:RUS"], ["country:CHN"])]
    found = events_of(nlp, "NATO accepted Montenegro into the alliance.")
    assert [c for c, *_ in found] == ["Agree"]  # "into" a body, not into law


def test_going_on_strike_is_a_protest(nlp: Language) -> None:
    found = classes_of(nlp, "Nigerian doctors have been on an indefinite strike since February.")
    assert [c for c, _ in found] == ["Protest"]


def test_an_air_strike_carried_out_stays_an_attack(nlp: Language) -> None:
    found = classes_of(nlp, "Russian jets carried out a strike on a convoy near Idlib.")
    assert [c for c, _ in found] == ["Attack"]


def test_staging_a_strike_is_a_protest_however_the_verb_is_lemmatised(nlp: Language) -> None:
    found = classes_of(nlp, "Kenyan teachers staged a strike over pay on Monday.")
    assert [c for c, _ in found] == ["Protest"]


def test_launching_a_strike_on_a_place_stays_an_attack(nlp: Language) -> None:
    found = classes_of(nlp, "Israeli aircraft launched a strike on Gaza on Monday.")
    assert [c for c, _ in found] == ["Attack"]


def test_teachers_of_a_country_are_its_civilians(nlp: Language) -> None:
    x = extract_text(nlp, "Teachers in Kenya went on strike on Monday.")
    assert [(e.cls, e.agents) for e in x.events] == [("Protest", ["group:ken-civilians"])]


def test_teachers_of_no_country_are_no_side(nlp: Language) -> None:
    assert not extract_text(nlp, "Teachers went on strike on Monday.").events


def test_a_collocation_is_read_from_the_verb_as_written_when_its_lemma_is_wrong(
    nlp: Language,
) -> None:
    from kg.extract.events import trigger_for

    doc = nlp("Kenyan teachers staged a strike over pay on Monday.")
    doc[2].lemma_ = "stag"  # as the small model lemmatises it
    trig = trigger_for(doc[2])
    assert trig is not None and (trig.word, trig.cls) == ("stage strike", "Protest")


def test_a_verb_lemmatised_wrongly_with_no_listed_collocation_triggers_nothing(
    nlp: Language,
) -> None:
    from kg.extract.events import trigger_for

    doc = nlp("Kenyan teachers staged a play over the holidays.")
    doc[2].lemma_ = "stag"
    assert trigger_for(doc[2]) is None


def meetings_of(nlp: Language, text: str) -> list[list[str]]:
    return [sorted(e.participants) for e in extract_text(nlp, text).events if e.cls == "Meeting"]


def test_a_main_verb_misread_as_a_participle_keeps_its_subject(nlp: Language) -> None:
    found = events_of(nlp, "The EU's top diplomat called on Israel to allow journalists into Gaza.")
    assert [(c, a, t) for c, a, t, _ in found] == [
        ("Demand", ["org:european-union"], ["country:ISR"])
    ]
    # a participle after a bare plural is what befell them, not what they did
    assert events_of(nlp, "Three soldiers killed in the ambush near Aleppo.") == []


def test_an_event_noun_misparsed_as_the_root_takes_its_doer_by_position(nlp: Language) -> None:
    found = events_of(nlp, "Greece extended congratulations to Cyprus on its anniversary.")
    assert [(c, a, t) for c, a, t, _ in found] == [("Support", ["country:GRC"], ["country:CYP"])]
    assert events_of(nlp, "Congratulations to Cyprus on its anniversary") == []  # no doer


def test_a_verb_misread_as_an_adjective_keeps_its_object(nlp: Language) -> None:
    assert {"country:SDN", "person:ruto"} <= set(
        meetings_of(
            nlp, "Kenya's Ruto phoned Sudan's army chief to press for a ceasefire, his aide said."
        )[0]
    )
    # a participle before its noun has no subject: "backed" takes no object of its own
    x = extract_text(nlp, "The US-backed government criticised Iran.")
    assert all("group:irn-government" not in e.actors() for e in x.events)


def test_a_headlines_comma_list_of_subjects_meet(nlp: Language) -> None:
    assert meetings_of(nlp, "Putin, Kim meet at cosmodrome in Russia's Far East") == [
        ["person:kim", "person:putin"]
    ]
    assert meetings_of(nlp, "Putin meets at cosmodrome in Russia's Far East") == [["person:putin"]]


def test_a_phone_call_from_a_leader_is_a_consultation(nlp: Language) -> None:
    assert meetings_of(
        nlp, "Erdogan received a phone call from Iranian President Hassan Rouhani."
    ) == [["person:erdogan", "person:hassan-rouhani"]]
    assert meetings_of(nlp, "Erdogan received a letter from Hassan Rouhani.") == []


def test_fighting_that_broke_out_between_sides_is_between_them(nlp: Language) -> None:
    for text in (
        "Clashes erupted between Kurdish Peshmerga and Iraqi forces near Kirkuk.",
        "Heavy fighting flared between Houthi rebels and Saudi forces on the border.",
    ):
        found = [e for e in extract_text(nlp, text).events if e.cls == "Attack"]
        assert len(found) == 1 and len(found[0].participants) >= 2, text
    assert [e for e in extract_text(nlp, "Clashes erupted in Kirkuk.").events] == []


def test_a_visit_during_which_an_act_happened_is_a_meeting_too(nlp: Language) -> None:
    x = extract_text(
        nlp, "Greece and Turkey signed a declaration during Erdogan's visit to Athens."
    )
    assert sorted(e.cls for e in x.events) == ["Agree", "Meeting"]
    x = extract_text(nlp, "Greece rejected a Turkish offer of a visit to Athens.")
    assert [e.cls for e in x.events if e.cls == "Meeting"] == []


def test_lashing_out_at_a_side_is_criticism(nlp: Language) -> None:
    found = events_of(nlp, "India lashed out at Canada over the claims.")
    assert [(c, a, t) for c, a, t, _ in found] == [("Accusation", ["country:IND"], ["country:CAN"])]
    assert events_of(nlp, "India looked out at Canada over the lake.") == []


def test_a_capital_the_recogniser_misses_stands_for_its_country(nlp: Language) -> None:
    found = events_of(nlp, "Kyiv recalled its ambassador from Budapest.")
    assert [(c, a, t) for c, a, t, _ in found] == [("Sanction", ["country:UKR"], ["country:HUN"])]
    assert events_of(nlp, "Kyiv recalled its summer in Budapest.") == []


def test_prisoners_families_act_for_the_prisoners_side(nlp: Language) -> None:
    found = events_of(nlp, "Palestinian prisoners' families asked the ICRC to resume visits.")
    assert [(c, a) for c, a, *_ in found] == [("Demand", ["group:pse-prisoners"])]
    # families of no side named: the request is news, its doer unplaced
    found = events_of(nlp, "The prisoners' families asked the ICRC to resume visits.")
    assert [(c, a) for c, a, *_ in found] == [("Demand", [])]


def test_a_common_noun_opening_a_sentence_is_no_place(nlp: Language) -> None:
    x = extract_text(nlp, "Gunmen in Nigeria kidnapped 20 students.")
    assert "place:gunmen" not in x.actors
    assert "country:NGA" in x.actors


def test_an_agreement_between_sides_is_made_by_both(nlp: Language) -> None:
    found = events_of(nlp, "The UN announced a ceasefire between Ukraine and Russia.")
    assert [(c, sorted(a), t) for c, a, t, _ in found] == [
        ("Agree", ["country:RUS", "country:UKR"], [])
    ]
    # a truce already in place that collapses is no new agreement
    found = events_of(nlp, "The ceasefire between Israel and Hamas collapsed on Friday.")
    assert "Agree" not in [c for c, *_ in found]


def test_a_capital_naming_an_agreement_is_no_party_to_it(nlp: Language) -> None:
    x = extract_text(nlp, "The Minsk agreement between Kiev and the rebels is faltering.")
    assert all("org:minsk" not in e.actors() for e in x.events)
    assert "org:minsk" not in x.actors


def test_a_collocation_is_read_through_the_objects_modifier(nlp: Language) -> None:
    found = classes_of(nlp, "Russia violated the ceasefire agreement in Ukraine on Sunday.")
    assert [c for c, _ in found] == ["Attack"]
    found = classes_of(nlp, "Russia violated the trade agreement in Ukraine on Sunday.")
    assert "Attack" not in [c for c, _ in found]


def test_an_act_a_law_allows_is_only_possible(nlp: Language) -> None:
    x = extract_text(nlp, "The law allows relatives in Iraq to sue Baath party members.")
    assert [e.modality for e in x.events if e.cls == "Accusation"] == ["hypothetical"]
    x = extract_text(nlp, "Relatives in Iraq sued Baath party members.")
    assert [e.modality for e in x.events if e.cls == "Accusation"] == [None]


def test_a_claimed_attack_no_rule_read_is_the_claimants(nlp: Language) -> None:
    found = events_of(nlp, "The Taliban claimed responsibility for the attack on the Kabul hotel.")
    assert [(c, a, t) for c, a, t, _ in found] == [("Attack", ["org:taliban"], ["country:AFG"])]
    assert (
        events_of(nlp, "No group claimed responsibility for the attack on the Kabul hotel.") == []
    )


def test_condolences_expressed_to_a_side_are_support(nlp: Language) -> None:
    found = events_of(nlp, "Egypt condemned the attack and expressed condolences to France.")
    assert ("Support", ["country:EGY"], ["country:FRA"]) in [(c, a, t) for c, a, t, _ in found]
    found = events_of(nlp, "Egypt expressed surprise at the decision of France.")
    assert "Support" not in [c for c, *_ in found]


def test_a_rejected_proposal_is_aimed_at_its_proposer(nlp: Language) -> None:
    found = events_of(nlp, "China rejected the plan that Japan proposed.")
    assert [(c, a, t) for c, a, t, _ in found] == [("Reject", ["country:CHN"], ["country:JPN"])]
    found = events_of(nlp, "China rejected the plan that Japan liked.")
    assert [t for c, _, t, _ in found if c == "Reject"] in ([], [[]])


def test_halting_a_sides_own_programme_is_no_sanction(nlp: Language) -> None:
    assert [c for c, *_ in events_of(nlp, "Russia halted gas exports to Ukraine.")] == ["Sanction"]
    assert events_of(nlp, "Iran halted a nuclear weapons programme.") == []


def test_retaliating_with_a_measure_is_that_measure(nlp: Language) -> None:
    found = events_of(nlp, "Ottawa retaliated with tariffs on American goods.")
    assert [(c, a, t) for c, a, t, _ in found] == [("Sanction", ["country:CAN"], ["country:USA"])]
    found = events_of(nlp, "Israel retaliated against Hamas on Monday.")
    assert [c for c, *_ in found] == ["Attack"]


def test_cutting_off_trade_with_a_side_sanctions_it(nlp: Language) -> None:
    found = events_of(nlp, "Turkey cut off all trade with Israel.")
    assert [(c, a, t) for c, a, t, _ in found] == [("Sanction", ["country:TUR"], ["country:ISR"])]
    assert events_of(nlp, "Turkey cut off the power to the stadium.") == []


def test_a_decision_to_act_is_its_owners_act(nlp: Language) -> None:
    x = extract_text(nlp, "Britain's decision to cut aid to Malawi came after a scandal.")
    assert [(e.agents, e.targets) for e in x.events if e.cls == "Sanction"] == [
        (["country:GBR"], ["country:MWI"])
    ]
    x = extract_text(nlp, "Britain's scandal to cut aid to Malawi came after a decision.")
    assert [e.agents for e in x.events if e.cls == "Sanction"] in ([], [[]])


def test_a_side_hit_by_a_measure_bears_it(nlp: Language) -> None:
    found = events_of(nlp, "Russia was hit by new EU sanctions.")
    assert [(c, a, t) for c, a, t, _ in found] == [
        ("Sanction", ["org:european-union"], ["country:RUS"])
    ]
    # "sanctions" only modifies the experts: no measure hit anyone
    assert events_of(nlp, "Russia was visited by EU sanctions experts.") == []


def test_any_or_no_act_is_not_a_reported_one(nlp: Language) -> None:
    x = extract_text(nlp, "Russia said it would respond to any NATO deployment in the Baltics.")
    assert [(e.cls, e.modality) for e in x.events if "org:nato" in e.actors()] == [
        ("Mobilize", "hypothetical")
    ]
    x = extract_text(nlp, "The NATO deployment in the Baltics angered Russia.")
    assert [(e.cls, e.modality) for e in x.events] == [("Mobilize", None)]


def test_an_arrest_takes_its_place_from_the_clause(nlp: Language) -> None:
    x = extract_text(nlp, "Police arrested 12 protesters in Kabul on Tuesday.")
    assert [e.place for e in x.events if e.cls == "Coerce"] == ["place:kabul"]


def test_a_place_said_of_the_doers_is_where_they_acted(nlp: Language) -> None:
    x = extract_text(nlp, "Police in Lagos arrested 12 protesters on Tuesday.")
    assert [e.place for e in x.events if e.cls == "Coerce"] == ["place:lagos"]
    x = extract_text(nlp, "The attack on a convoy near Mosul killed three Iraqi soldiers.")
    assert [e.place for e in x.events if e.cls == "Attack"] == ["place:mosul"]


def test_a_place_of_a_side_is_no_place_of_an_unlocated_act(nlp: Language) -> None:
    # a criticism is said, not done somewhere: the envoy's post is not its place
    x = extract_text(nlp, "The US ambassador in London criticised Russia on Monday.")
    assert [e.place for e in x.events if e.cls == "Accusation"] == [None]


def test_a_condemned_act_told_before_makes_its_doers_the_target(nlp: Language) -> None:
    x = extract_text(
        nlp, "Syrian rebels shelled a school in Aleppo on Monday. Turkey condemned the attack."
    )
    accusation = next(e for e in x.events if e.cls == "Accusation")
    assert accusation.agents == ["country:TUR"] and accusation.targets == ["group:syr-rebels"]
    x = extract_text(
        nlp, "Russia imposed sanctions on Turkey on Monday. Ankara condemned the move."
    )
    assert [e.targets for e in x.events if e.cls == "Accusation"] == [["country:RUS"]]


def test_a_condemned_act_of_another_kind_or_in_general_has_no_doer(nlp: Language) -> None:
    # the sanctions are no attack; "attacks on schools" refers to no act told before
    x = extract_text(
        nlp, "Russia imposed sanctions on Turkey on Monday. Ankara condemned the attack."
    )
    assert [e.targets for e in x.events if e.cls == "Accusation"] == [[]]
    x = extract_text(
        nlp,
        "Syrian rebels shelled a school in Aleppo on Monday. Turkey condemned attacks on schools.",
    )
    assert [e.targets for e in x.events if e.cls == "Accusation"] == [[]]


def test_an_act_blamed_on_a_side_is_not_aimed_at_it(nlp: Language) -> None:
    x = extract_text(
        nlp, "Rebels killed 12 Syrian soldiers. The government blamed the attack on Islamic State."
    )
    assert not [e for e in x.events if e.cls == "Attack" and "org:islamic-state" in e.targets]
    assert [e.targets for e in x.events if e.cls == "Accusation"] == [["org:islamic-state"]]
    # "an attack on" with no blaming verb keeps its target
    x = extract_text(nlp, "Islamic State claimed the attack on the Syrian army.")
    assert all("org:islamic-state" not in e.targets for e in x.events if e.cls == "Attack")


def test_an_act_said_to_happen_in_a_larger_act_takes_its_place(nlp: Language) -> None:
    x = extract_text(nlp, "Rebels killed 12 Syrian soldiers in an ambush near Aleppo.")
    assert [e.place for e in x.events if e.cls == "Attack"] == ["place:aleppo"]
    x = extract_text(nlp, "Rebels killed 12 Syrian soldiers in an ambush.")
    assert [e.place for e in x.events if e.cls == "Attack"] == [None]


def test_an_attack_on_a_groups_post_is_aimed_at_the_group(nlp: Language) -> None:
    x = extract_text(nlp, "Kenyan police said a mob attacked a police station in Nairobi.")
    assert [e.targets for e in x.events if e.cls == "Attack"] == [["group:ken-police"]]
    x = extract_text(nlp, "Syrian jets pounded rebel positions near Aleppo.")
    assert [e.targets for e in x.events if e.cls == "Attack"] == [["group:syr-rebels"]]


def test_a_place_open_to_all_names_no_owner(nlp: Language) -> None:
    x = extract_text(nlp, "In Kenya, a mob attacked a railway station in Nairobi.")
    assert [e.targets for e in x.events if e.cls == "Attack"] == [[]]
    # a side's own modifier on the post names the side, not the sector noun alone
    x = extract_text(nlp, "Rebels shelled a Syrian army base near Homs.")
    assert [e.targets for e in x.events if e.cls == "Attack"] == [["country:SYR"]]


def test_bandits_and_jihadists_act_for_the_country_told_of(nlp: Language) -> None:
    x = extract_text(nlp, "Bandits killed 12 villagers in Zamfara state, Nigerian police said.")
    assert [e.agents for e in x.events if e.cls == "Attack"] == [["group:nga-criminals"]]
    x = extract_text(
        nlp, "In Syria, jihadists attacked a checkpoint near Homs, killing four soldiers."
    )
    assert [e.agents for e in x.events if e.cls == "Attack"] == [["group:syr-rebels"]]


@pytest.mark.parametrize(
    ("text", "cls"),
    [
        ("Kenyan police questioned the suspect on Monday.", "Investigate"),
        ("Syrian rebels abandoned their positions near Aleppo.", "Retreat"),
        ("Colombian rebels laid down their arms on Friday.", "Retreat"),
        ("Russia ruled out talks with Ukraine.", "Reject"),
        ("Thousands of Kenyans joined a march in Nairobi on Monday.", "Protest"),
        ("Kenyan police took the Ugandan opposition leader into custody.", "Coerce"),
    ],
)
def test_codebook_phrases_signal_their_class(nlp: Language, text: str, cls: str) -> None:
    assert cls in {e.cls for e in extract_text(nlp, text).events}


@pytest.mark.parametrize(
    ("text", "cls"),
    [
        ("The Kenyan government questioned the decision.", "Investigate"),
        ("Syrian rebels abandoned their demand for a ceasefire.", "Retreat"),
        ("Kenyan police laid down new rules for protests.", "Retreat"),
        ("Kenyan police took the Ugandan opposition leader to the border.", "Coerce"),
    ],
)
def test_codebook_phrases_need_their_object(nlp: Language, text: str, cls: str) -> None:
    assert cls not in {e.cls for e in extract_text(nlp, text).events}


def test_an_act_an_appeal_asks_for_is_not_told_as_done(nlp: Language) -> None:
    x = extract_text(
        nlp, "Ivorian rebels dismissed an appeal from the president to lay down their arms."
    )
    assert [e.modality for e in x.events if e.cls == "Retreat"] in ([], ["hypothetical"])
    x = extract_text(nlp, "Ivorian rebels laid down their arms after an appeal from the president.")
    assert [e.modality for e in x.events if e.cls == "Retreat"] == [None]


def test_a_joint_act_takes_in_everyone_its_participle_names(nlp: Language) -> None:
    x = extract_text(
        nlp,
        "Joint naval drills involving the U.S., Japan and South Korea were staged on Thursday.",
    )
    (drills,) = [e for e in x.events if e.cls == "Cooperate"]
    assert {"country:USA", "country:JPN", "country:KOR"} <= set(drills.actors())


def test_an_attack_involving_a_weapon_is_not_a_joint_act(nlp: Language) -> None:
    x = extract_text(nlp, "Airstrikes involving Russian jets hit Aleppo on Monday.")
    assert all("country:RUS" not in e.agents for e in x.events if e.cls == "Cooperate")
    assert not [e for e in x.events if e.cls == "Cooperate"]


def test_the_place_of_an_act_protested_is_not_the_protests(nlp: Language) -> None:
    x = extract_text(nlp, "Pakistani lawyers protested the killing of a colleague in Quetta.")
    assert [e.place for e in x.events if e.cls == "Protest"] == [None]


def test_protesters_gathering_is_a_protest(nlp: Language) -> None:
    x = extract_text(nlp, "Protesters gathered in Jos to demand the payment of salaries.")
    assert [(e.cls, e.agents, e.place) for e in x.events if e.cls == "Protest"] == [
        ("Protest", ["group:nga-activists"], "place:jos")
    ]


def test_officials_gathering_is_no_protest(nlp: Language) -> None:
    x = extract_text(nlp, "Kenyan ministers gathered in Brussels on Monday.")
    assert not [e for e in x.events if e.cls == "Protest"]


def test_sides_that_blame_each_other_are_each_others_targets(nlp: Language) -> None:
    x = extract_text(nlp, "Armenia and Azerbaijan accused one another of violating the truce.")
    (accusation,) = [e for e in x.events if e.cls == "Accusation"]
    assert set(accusation.targets) == set(accusation.agents) == {"country:ARM", "country:AZE"}


def test_sides_that_blame_a_third_do_not_target_each_other(nlp: Language) -> None:
    x = extract_text(nlp, "Armenia and Azerbaijan accused Russia of violating the truce.")
    assert [e.targets for e in x.events if e.cls == "Accusation"] == [["country:RUS"]]


@pytest.mark.parametrize(
    ("text", "cls"),
    [
        ("Kenya's decision drew sharp criticism from Uganda.", "Accusation"),
        ("Kenya won praise from Uganda for its role.", "Support"),
        ("The Kenyan convoy came under attack from Somali rebels.", "Attack"),
    ],
)
def test_an_act_received_comes_from_its_from_phrase(nlp: Language, text: str, cls: str) -> None:
    x = extract_text(nlp, text)
    (event,) = [e for e in x.events if e.cls == cls]
    assert "country:KEN" in event.targets and "country:KEN" not in event.agents


def test_an_act_voiced_is_its_subjects(nlp: Language) -> None:
    x = extract_text(nlp, "Kenya voiced criticism of Uganda.")
    assert [(e.agents, e.targets) for e in x.events] == [(["country:KEN"], ["country:UGA"])]


def test_a_measure_granted_to_people_befalls_them(nlp: Language) -> None:
    x = extract_text(nlp, "Salvadoran President Nayib Bukele granted an amnesty to 400 prisoners.")
    assert [e.cls for e in x.events] == ["Concede"]
    x = extract_text(nlp, "Salvadoran President Nayib Bukele granted an amnesty to the plan.")
    assert [e.cls for e in x.events] == []


def test_killing_one_person_is_one_death(nlp: Language) -> None:
    x = extract_text(nlp, "Unidentified armed men killed a local chief in Dikwa.")
    assert [(e.cls, e.deaths, e.place) for e in x.events] == [("Attack", 1, "place:dikwa")]


def test_killing_a_measure_is_no_attack(nlp: Language) -> None:
    x = extract_text(nlp, "The Kenyan senate killed the bill on Tuesday.")
    assert not [e for e in x.events if e.cls == "Attack"]


def test_sides_acting_alongside_each_other_are_not_each_others_targets(nlp: Language) -> None:
    x = extract_text(nlp, "Kenyan and Ugandan troops fought alongside each other in Somalia.")
    assert all(not set(e.targets) & set(e.agents) for e in x.events)


def test_drawing_up_an_act_is_doing_it(nlp: Language) -> None:
    x = extract_text(nlp, "The European Union drew up new sanctions against Russia.")
    assert [(e.cls, e.agents, e.targets) for e in x.events] == [
        ("Sanction", ["org:european-union"], ["country:RUS"])
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Opposition supporters gathered at the party headquarters in Nairobi to await the results.",
        "Kenyan students took to social media to mock the president.",
        "Kenyan activists gathered signatures for a petition.",
    ],
)
def test_a_gathering_that_is_no_demonstration(nlp: Language, text: str) -> None:
    assert "Protest" not in {e.cls for e in extract_text(nlp, text).events}


def test_a_condemned_attack_is_the_first_one_told(nlp: Language) -> None:
    text = (
        "Boko Haram militants attacked a village in Borno state. The army said troops "
        "repelled the attack. Amnesty International condemned the attack."
    )
    x = extract_text(nlp, text)
    assert [e.targets for e in x.events if e.cls == "Accusation"] == [["org:boko-haram"]]


def test_welcoming_a_visitor_hosts_a_visit(nlp: Language) -> None:
    x = extract_text(nlp, "Egypt's president welcomed the Emir of Qatar in Cairo on Thursday.")
    meetings = [e for e in x.events if e.cls == "Meeting"]
    assert meetings and "country:QAT" in {
        k for k in meetings[0].participants for k in (k, x.actors[k].affiliation)
    }


def test_welcoming_a_decision_is_praise_not_a_visit(nlp: Language) -> None:
    x = extract_text(nlp, "Japan welcomed the agreement between Iran and world powers.")
    assert "Meeting" not in [e.cls for e in x.events]
    assert "Support" in [e.cls for e in x.events]


def test_a_call_in_which_something_was_said_took_place(nlp: Language) -> None:
    x = extract_text(
        nlp, "In a phone call with Vladimir Putin, Barack Obama urged Moscow to stop the strikes."
    )
    meetings = [e for e in x.events if e.cls == "Meeting" and not e.modality]
    assert len(meetings) == 1
    assert set(meetings[0].participants) == {"person:barack-obama", "person:vladimir-putin"}


def test_a_statement_in_which_something_was_said_is_no_meeting(nlp: Language) -> None:
    x = extract_text(
        nlp, "In a statement on Monday, Barack Obama urged Moscow to stop the strikes."
    )
    assert "Meeting" not in [e.cls for e in x.events]


def test_a_meeting_expected_on_a_weekday_is_dated_forward(nlp: Language) -> None:
    # ARTICLE_DATE is a Wednesday: "is expected to" looks ahead, "was expected to" back
    ahead = extract_text(nlp, "John Kerry is expected to meet Sergei Lavrov on Friday.")
    back = extract_text(nlp, "John Kerry was expected to meet Sergei Lavrov on Friday.")
    (later,) = [e.date for e in ahead.events if e.cls == "Meeting"]
    (earlier,) = [e.date for e in back.events if e.cls == "Meeting"]
    assert later is not None and earlier is not None
    assert earlier < ARTICLE_DATE < later


def test_a_hoped_for_visit_is_not_reported_as_made(nlp: Language) -> None:
    # the small model lemmatises "hopes" as "hop": the lexicon's "hope" is restored
    hoped = extract_text(nlp, "John Kerry hopes to visit Moscow next week.")
    made = extract_text(nlp, "John Kerry visited Moscow last week.")
    assert [e.modality for e in hoped.events if e.cls == "Meeting"] == ["hypothetical"]
    assert [e.modality for e in made.events if e.cls == "Meeting"] == [None]


def test_representatives_of_two_named_bodies_speak_for_both(nlp: Language) -> None:
    x = extract_text(
        nlp, "The Afghan government and Taliban representatives sat down for talks in Doha."
    )
    meetings = [e for e in x.events if e.cls == "Meeting"]
    assert meetings and {"group:afg-government", "org:taliban"} <= set(meetings[0].participants)


def test_representatives_of_one_body_meet_no_one(nlp: Language) -> None:
    x = extract_text(nlp, "The Afghan government representatives sat down in Doha.")
    assert [e for e in x.events if e.cls == "Meeting" and len(e.participants) > 1] == []


def test_an_act_on_an_unnamed_organisation_keeps_its_doer(nlp: Language) -> None:
    found = all_events(nlp, "Germany banned a neo-Nazi group on Tuesday.")
    assert [(c, a) for c, a, *_ in found] == [("Coerce", ["country:DEU"])]


def test_an_act_on_a_plan_is_still_no_event(nlp: Language) -> None:
    assert all_events(nlp, "Germany banned the plan on Tuesday.") == []


def test_prisoners_are_of_the_country_the_article_is_about(nlp: Language) -> None:
    found = all_events(nlp, "Prisoners rioted at a jail in Dili on Monday.")
    assert [(c, a) for c, a, *_ in found] == [("Protest", ["group:tls-prisoners"])]


def test_goods_handed_over_are_aid(nlp: Language) -> None:
    found = all_events(nlp, "Swiss doctors handed over 700 kg of medicine to the Red Crescent.")
    assert [(c, t) for c, _, t, _ in found] == [("Aid", ["org:red-crescent"])]


def test_prisoners_handed_over_are_a_release_not_aid(nlp: Language) -> None:
    found = all_events(nlp, "Iraq handed over two prisoners to Kuwait.")
    assert [(c, a, t) for c, a, t, _ in found] == [("Concede", ["country:IRQ"], ["country:KWT"])]


def test_withdrawing_observers_reduces_relations(nlp: Language) -> None:
    found = all_events(nlp, "The UN withdrew its observers from Syria on Friday.")
    assert [(c, a, t) for c, a, t, _ in found] == [
        ("Sanction", ["org:united-nations"], ["country:SYR"])
    ]


def test_withdrawing_troops_stays_a_retreat(nlp: Language) -> None:
    found = all_events(nlp, "Israel withdrew its troops from Gaza.")
    assert [c for c, *_ in found] == ["Retreat"]


def test_what_is_hailed_from_a_capital_is_that_country_s(nlp: Language) -> None:
    # the parser hangs "from Paris" on the verb, not on "line"
    found = all_events(nlp, "A Lebanese pro-government MP hailed the new tougher line from Paris.")
    assert [(c, t) for c, _, t, _ in found] == [("Support", ["country:FRA"])]


def test_where_rockets_are_fired_from_is_no_target(nlp: Language) -> None:
    found = all_events(nlp, "Hezbollah fired rockets from Lebanon.")
    assert [(c, t) for c, _, t, _ in found] == [("Attack", [])]


def test_aid_cut_off_stays_a_sanction(nlp: Language) -> None:
    found = all_events(nlp, "The United States cut off aid to Egypt.")
    assert [c for c, *_ in found] == ["Sanction"]


def test_its_refers_to_the_reporting_subject_only(nlp: Language) -> None:
    text = (
        "Russia imposed sanctions on Turkey. The coalition said its jets struck targets near Raqqa."
    )
    agents = [a for c, a, _, _ in all_events(nlp, text) if c == "Attack"]
    assert all("group:tur-military" not in a for a in agents)


def test_sides_told_together_in_a_clash_act_on_each_other(nlp: Language) -> None:
    x = extract_text(nlp, "Indian and Pakistani troops traded fire across the border on Monday.")
    ((agents, targets),) = [(e.agents, e.targets) for e in x.events if e.cls == "Attack"]
    assert set(agents) == set(targets) == {"group:ind-military", "group:pak-military"}


def test_one_side_in_a_clash_is_no_target_of_itself(nlp: Language) -> None:
    x = extract_text(nlp, "Indian troops clashed near the border on Monday.")
    assert all(not set(e.targets) & set(e.agents) for e in x.events)


def test_protest_with_no_named_doer_is_by_the_protesters_of_its_place(nlp: Language) -> None:
    x = extract_text(nlp, "Demonstrations against the government continued in Bujumbura.")
    ((agents, targets),) = [(e.agents, e.targets) for e in x.events if e.cls == "Protest"]
    assert agents == ["group:bdi-activists"] and targets == ["group:bdi-government"]


def test_blocked_roads_with_no_doer_are_no_protest(nlp: Language) -> None:
    x = extract_text(nlp, "Soldiers were deployed in Nairobi, and some roads were blocked off.")
    assert "Protest" not in [e.cls for e in x.events]


def test_gerund_subject_reads_as_its_noun(nlp: Language) -> None:
    x = extract_text(
        nlp, "Fighting between the army and rebels in eastern Congo has displaced thousands."
    )
    ((participants),) = [e.participants for e in x.events if e.cls == "Attack"]
    assert {"group:cod-military", "group:cod-rebels"} <= set(participants)


def test_gerund_with_an_object_stays_a_verb(nlp: Language) -> None:
    x = extract_text(nlp, "In Congo the army is fighting rebels near Goma.")
    ((agents, targets),) = [(e.agents, e.targets) for e in x.events if e.cls == "Attack"]
    assert agents == ["group:cod-military"] and targets == ["group:cod-rebels"]


def test_side_called_on_to_act_is_its_doer_and_the_act_is_not_done(nlp: Language) -> None:
    x = extract_text(nlp, "The EU called on Russia to withdraw its troops from eastern Ukraine.")
    ((agents, modality),) = [(e.agents, e.modality) for e in x.events if e.cls == "Retreat"]
    assert agents == ["country:RUS"] and modality == "hypothetical"


def test_warning_about_ones_own_country_targets_the_side_it_acts_on(nlp: Language) -> None:
    x = extract_text(
        nlp, "Russian President Vladimir Putin warned that Russia would retaliate against NATO."
    )
    ((targets),) = [e.targets for e in x.events if e.cls == "Threaten"]
    assert targets == ["org:nato"]


def test_criticising_ones_own_countrys_body_keeps_it_as_target(nlp: Language) -> None:
    x = extract_text(nlp, "Russian President Vladimir Putin criticised Russia's central bank.")
    ((targets),) = [e.targets for e in x.events if e.cls == "Accusation"]
    assert targets == ["country:RUS"]


@pytest.mark.parametrize(
    "text",
    [
        "Estonia declared a Russian diplomat persona non grata on Thursday.",
        "The Czech Republic sent home 18 Russian embassy staff.",
    ],
)
def test_expelling_diplomats_in_other_words_is_a_sanction(nlp: Language, text: str) -> None:
    x = extract_text(nlp, text)
    assert [(e.cls, e.targets) for e in x.events] == [("Sanction", ["group:rus-government"])]


def test_sending_pupils_home_is_no_sanction(nlp: Language) -> None:
    x = extract_text(nlp, "A school in Tallinn sent home 200 pupils after a gas leak.")
    assert "Sanction" not in [e.cls for e in x.events]


def test_trip_made_to_meet_someone_is_one_meeting(nlp: Language) -> None:
    x = extract_text(nlp, "Kerry flew to Moscow to meet Putin on Tuesday.")
    assert [e.cls for e in x.events] == ["Meeting"]


def test_names_a_headline_lists_before_its_subject_meet_too(nlp: Language) -> None:
    x = extract_text(nlp, "Kerry, Lavrov hold talks on Syria in Geneva.")
    ((participants),) = [e.participants for e in x.events if e.cls == "Meeting"]
    assert {"person:kerry", "person:lavrov"} <= set(participants)


def test_a_time_word_before_the_subject_is_no_participant(nlp: Language) -> None:
    x = extract_text(nlp, "On Monday, Lavrov held talks in Geneva.")
    assert all(len(e.participants) < 2 for e in x.events if e.cls == "Meeting")


@pytest.mark.parametrize(
    "text",
    [
        "Putin met on Tuesday with members of his security council.",
        "Kerry will hold talks in Geneva next week.",
    ],
)
def test_a_meeting_word_tells_a_meeting_with_one_side_named(nlp: Language, text: str) -> None:
    x = extract_text(nlp, text)
    ((participants, confidence),) = [
        (e.participants, e.confidence) for e in x.events if e.cls == "Meeting"
    ]
    assert len(participants) == 1 and confidence <= 0.5


@pytest.mark.parametrize(
    "text",
    [
        "Obama called the attack cowardly.",
        "Putin spoke to reporters in Moscow on Friday.",
        "Qatar hosted the World Cup.",
    ],
)
def test_a_word_that_meets_only_with_a_named_partner_tells_no_meeting_alone(
    nlp: Language, text: str
) -> None:
    x = extract_text(nlp, text)
    assert "Meeting" not in [e.cls for e in x.events]


@pytest.mark.parametrize(
    "text",
    [
        "The Russian ambassador contacted Michael Flynn several times.",
        "Rubio reached out to Cruz after the debate.",
        "Clinton emailed Sidney Blumenthal on Friday.",
    ],
)
def test_contacting_someone_is_a_meeting(nlp: Language, text: str) -> None:
    x = extract_text(nlp, text)
    ((participants),) = [e.participants for e in x.events if e.cls == "Meeting"]
    assert len(participants) >= 2


def test_reaching_a_place_is_no_meeting(nlp: Language) -> None:
    x = extract_text(nlp, "Rubio reached Miami on Monday after a long trip with Cruz.")
    assert "Meeting" not in [e.cls for e in x.events]


@pytest.mark.parametrize(
    "text",
    [
        "Obama was briefed on the bombing.",
        "Clinton emailed her aides about the attack.",
    ],
)
def test_who_tells_or_hears_of_an_act_did_not_do_it(nlp: Language, text: str) -> None:
    x = extract_text(nlp, text)
    assert not [e.agents for e in x.events if e.cls == "Attack" and e.agents]


def test_an_act_launched_on_a_side_keeps_its_doer(nlp: Language) -> None:
    x = extract_text(nlp, "Israel launched an attack on Hamas positions in Gaza.")
    assert [e.agents for e in x.events if e.cls == "Attack"] == [["country:ISR"]]


def test_calling_for_a_side_to_act_asks_that_side(nlp: Language) -> None:
    found = events_of(nlp, "The EU called for Russia to withdraw its troops.")
    assert ("Demand", ["org:european-union"], ["country:RUS"]) in [
        (c, a, t) for c, a, t, _ in found
    ]


def test_waiting_for_a_side_to_act_asks_nothing(nlp: Language) -> None:
    found = events_of(nlp, "The EU waited for Russia to withdraw its troops.")
    assert "Demand" not in [c for c, *_ in found]


@pytest.mark.parametrize(
    "text",
    ["It urged Russia to withdraw its troops.", "A letter urged Russia to withdraw its troops."],
)
def test_an_unnamed_speaker_or_a_text_asks_with_no_doer_made_up(nlp: Language, text: str) -> None:
    found = events_of(nlp, text)
    assert ("Demand", [], ["country:RUS"], 0.5) in found


def test_an_unnamed_thing_does_no_act(nlp: Language) -> None:
    assert events_of(nlp, "It hit Russia hard.") == []


def test_a_deal_told_with_its_partner_alone_is_an_agreement(nlp: Language) -> None:
    found = events_of(nlp, "The nuclear deal with Iran took effect in January.")
    assert found == [("Agree", [], ["country:IRN"], 0.5)]


@pytest.mark.parametrize(
    "text",
    [
        "Efforts continued toward reaching a peace deal with Iran.",
        "Hopes rose for a deal with Iran.",
        "The ceasefire between Israel and Hamas collapsed on Friday.",
    ],
)
def test_a_deal_aimed_at_or_in_place_is_no_agreement(nlp: Language, text: str) -> None:
    assert "Agree" not in [c for c, *_ in events_of(nlp, text)]


def test_harm_done_by_an_attack_told_by_its_noun_is_that_attack(nlp: Language) -> None:
    x = extract_text(nlp, "An airstrike by the Saudi-led coalition killed 20 civilians in Yemen.")
    attacks = [e for e in x.events if e.cls == "Attack"]
    assert [(e.agents, e.targets, e.deaths) for e in attacks] == [
        (["country:SAU"], ["group:yem-civilians"], 20)
    ]


def test_harm_done_by_others_after_an_attack_noun_stays_their_own(nlp: Language) -> None:
    x = extract_text(
        nlp, "After the airstrike by the Saudi-led coalition, Houthi gunmen killed 20 civilians."
    )
    assert len([e for e in x.events if e.cls == "Attack"]) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Putin told Russian television that the sanctions had failed.",
        "Kerry told reporters the talks had been useful.",
    ],
)
def test_telling_the_press_is_a_statement(nlp: Language, text: str) -> None:
    x = extract_text(nlp, text)
    assert [e.cls for e in x.events if e.cls == "Statement"] == ["Statement"]


def test_telling_a_leader_is_no_public_statement(nlp: Language) -> None:
    x = extract_text(nlp, "Putin told Erdogan that the sanctions had failed.")
    assert "Statement" not in [e.cls for e in x.events]


def test_a_group_the_article_country_stood_in_for_does_not_act_on_that_country(
    nlp: Language,
) -> None:
    x = extract_text(nlp, "In a Facebook post, the ministry condemned Israel.")
    assert [(e.cls, e.agents, e.targets) for e in x.events] == [("Accusation", [], ["country:ISR"])]


def test_groups_of_one_country_still_act_on_each_other(nlp: Language) -> None:
    x = extract_text(nlp, "Police in Cairo arrested dozens of protesters.")
    assert [(e.cls, e.agents) for e in x.events] == [("Coerce", ["group:egy-police"])]


def test_a_platform_is_no_actor_and_the_poster_does_what_the_post_says(nlp: Language) -> None:
    x = extract_text(nlp, "Trump posted a message on Twitter attacking Clinton.")
    assert not [k for k in x.actors if "twitter" in k]
    assert [(e.cls, e.agents, e.targets) for e in x.events] == [
        ("Accusation", ["person:trump"], ["person:clinton"])
    ]


def test_a_company_named_like_a_platform_still_acts(nlp: Language) -> None:
    x = extract_text(nlp, "Twitter suspended the accounts of Russian trolls.")
    assert [k for k in x.actors if "twitter" in k]


def test_a_listed_leaders_own_country_in_his_warning_is_no_target(nlp: Language) -> None:
    x = extract_text(nlp, "Erdogan warned that Turkey would respond to any attack by Russia.")
    assert [e.targets for e in x.events if e.cls == "Threaten"] == [["country:RUS"]]


def test_another_country_in_a_leaders_warning_is_the_target(nlp: Language) -> None:
    x = extract_text(nlp, "Erdogan warned that Russia would pay a price.")
    assert [e.targets for e in x.events if e.cls == "Threaten"] == [["country:RUS"]]


def test_a_visit_to_a_town_is_hosted_by_its_country(nlp: Language) -> None:
    x = extract_text(nlp, "Obama visited Hiroshima on Friday.")
    assert [sorted(e.participants) for e in x.events] == [["country:JPN", "person:obama"]]


def test_a_leaders_trip_at_home_is_no_visit(nlp: Language) -> None:
    x = extract_text(nlp, "Erdogan visited Istanbul on Monday.")
    assert "country:TUR" not in [k for e in x.events for k in e.participants]


def test_readiness_to_use_force_against_a_side_threatens_it(nlp: Language) -> None:
    x = extract_text(nlp, "Russia said it was ready to use force against Turkey.")
    assert ("Threaten", ["country:RUS"], ["country:TUR"]) in [
        (e.cls, e.agents, e.targets) for e in x.events
    ]


def test_the_noun_completing_a_trigger_is_no_side(nlp: Language) -> None:
    x = extract_text(nlp, "Russia used force against the protesters in Moscow.")
    assert [e.targets for e in x.events if e.cls == "Attack"] == [["group:rus-activists"]]


def test_using_a_tool_is_no_attack(nlp: Language) -> None:
    x = extract_text(nlp, "Russia used the summit to press Turkey on trade.")
    assert "Attack" not in [e.cls for e in x.events]


def test_praising_a_measure_passed_before_is_aimed_at_the_body_that_passed_it(
    nlp: Language,
) -> None:
    x = extract_text(
        nlp,
        "Iraq's parliament passed a law on Saturday easing curbs on former Baathists. "
        "Hours later, Bush hailed the legislation in Bahrain.",
    )
    assert [e.targets for e in x.events if e.cls == "Support"] == [["org:irq-parliament"]]


def test_where_a_measure_is_praised_is_no_target(nlp: Language) -> None:
    x = extract_text(nlp, "Bush hailed the legislation in Bahrain.")
    assert [e.targets for e in x.events if e.cls == "Support"] == [[]]


def test_a_measure_praised_in_a_country_is_praised_there(nlp: Language) -> None:
    x = extract_text(nlp, "Bush hailed the legislation in Bahrain.")
    assert [e.place for e in x.events if e.cls == "Support"] == ["country:BHR"]


def test_an_attack_condemned_keeps_its_place_to_itself(nlp: Language) -> None:
    x = extract_text(nlp, "Merkel condemned the attack in Paris.")
    assert [e.place for e in x.events if e.cls == "Accusation"] == [None]


def test_a_joint_acts_aim_is_no_partner(nlp: Language) -> None:
    x = extract_text(nlp, "They joined forces to fight al-Qaeda.")
    assert not [e for e in x.events if e.cls == "Cooperate" and "org:al-qaeda" in e.targets]


def test_joining_forces_with_a_side_makes_it_the_partner(nlp: Language) -> None:
    x = extract_text(nlp, "Iraq joined forces with Iran on Monday.")
    assert [(e.cls, e.agents, e.targets) for e in x.events] == [
        ("Cooperate", ["country:IRQ"], ["country:IRN"])
    ]


def test_a_warning_issued_to_a_side_threatens_it(nlp: Language) -> None:
    x = extract_text(nlp, "Iran issued a warning to the United States.")
    assert [(e.cls, e.agents, e.targets) for e in x.events] == [
        ("Threaten", ["country:IRN"], ["country:USA"])
    ]


def test_a_warning_to_no_side_threatens_no_one(nlp: Language) -> None:
    x = extract_text(nlp, "The weather service issued a warning to residents.")
    assert "Threaten" not in [e.cls for e in x.events]


def test_an_act_in_a_condition_is_hypothetical(nlp: Language) -> None:
    x = extract_text(nlp, "The United States warned of consequences if Russia annexed Crimea.")
    assert [e.modality for e in x.events if e.trigger == "annexed"] == ["hypothetical"]


def test_an_act_told_outright_is_no_condition(nlp: Language) -> None:
    x = extract_text(nlp, "Russia annexed Crimea in March.")
    assert [e.modality for e in x.events if e.trigger == "annexed"] == [None]


def test_an_attack_claimed_outright_is_the_claimants(nlp: Language) -> None:
    x = extract_text(nlp, "Islamic State claimed the bombing of a market in Baghdad.")
    assert [e.agents for e in x.events if e.cls == "Attack"] == [["org:islamic-state"]]


def test_a_claim_to_no_attack_owns_none(nlp: Language) -> None:
    assert [e for e in extract_text(nlp, "The blast claimed 20 lives in Baghdad.").events] == []
    assert extract_text(nlp, "Russia claimed victory in Syria.").events == []


def test_an_act_hung_on_a_closed_apposition_is_the_named_persons(nlp: Language) -> None:
    x = extract_text(nlp, "Alain Juppe, the French foreign minister, called Sergei Lavrov.")
    assert [(e.cls, sorted(e.participants)) for e in x.events] == [
        ("Meeting", ["person:alain-juppe", "person:sergei-lavrov"])
    ]


def test_a_participle_in_an_open_apposition_is_no_act(nlp: Language) -> None:
    x = extract_text(nlp, "Alain Juppe, a minister called the fixer, met Sergei Lavrov.")
    assert [(e.cls, e.trigger) for e in x.events] == [("Meeting", "met")]


def test_a_group_in_a_part_of_a_country_is_that_countrys(nlp: Language) -> None:
    x = extract_text(nlp, "French troops fought rebels in the north of Mali.")
    assert [e.targets for e in x.events] == [["group:mli-rebels"]]


def test_a_group_in_no_part_of_a_country_is_not_placed_there(nlp: Language) -> None:
    x = extract_text(nlp, "French troops fought rebels in the name of Mali.")
    assert "group:mli-rebels" not in [k for e in x.events for k in e.actors()]


def test_a_phrase_quoted_by_an_act_is_that_act_alone(nlp: Language) -> None:
    x = extract_text(nlp, "Iran warned Saudi Arabia of 'divine revenge' for the execution.")
    assert [e.cls for e in x.events] == ["Threaten"]
    assert [q.text for q in x.quotes] == ["divine revenge"]


def test_words_quoted_whole_by_an_act_stay_a_statement(nlp: Language) -> None:
    x = extract_text(nlp, '"We will respond to any attack," Iran warned Saudi Arabia.')
    assert sorted(e.cls for e in x.events) == ["Statement", "Threaten"]


def test_what_a_condition_brings_about_is_hypothetical(nlp: Language) -> None:
    text = "Nigeria will leave Chad unless President Goukouni Oueddei arranged a ceasefire"
    text += " with rebels."
    x = extract_text(nlp, text)
    assert [e.modality for e in x.events if e.trigger == "ceasefire"] == ["hypothetical"]


def test_a_planned_act_in_a_condition_is_no_ones_intent(nlp: Language) -> None:
    text = "Russia threatened to stop talks if the US goes ahead with the planned deployment."
    x = extract_text(nlp, text)
    assert not [e for e in x.events if e.trigger == "deployment" and not e.modality]
    x = extract_text(nlp, "The United States announced a planned deployment of troops to Poland.")
    assert [e for e in x.events if e.trigger == "deployment" and not e.modality]


def test_a_country_and_its_people_in_one_sentence_protest_once(nlp: Language) -> None:
    text = "Thousands of Nigerians were converging for a rally in Lagos to protest the law."
    assert [e.cls for e in extract_text(nlp, text).events] == ["Protest"]


def test_two_groups_of_one_country_act_apart(nlp: Language) -> None:
    text = "Syrian troops shelled Homs, and Syrian rebels fired rockets at Hama."
    assert len([e for e in extract_text(nlp, text).events if e.cls == "Attack"]) == 2


def test_a_description_in_apposition_names_no_second_doer(nlp: Language) -> None:
    x = extract_text(nlp, "Egypt, Israel's neighbour, condemned the attack on Gaza.")
    assert [e.agents for e in x.events if e.cls == "Accusation"] == [["country:EGY"]]


def test_a_name_in_apposition_to_a_title_is_the_doer(nlp: Language) -> None:
    x = extract_text(nlp, "The speaker, Arseniy Yatsenyuk, met Joe Biden.")
    assert [sorted(e.participants) for e in x.events] == [
        ["person:arseniy-yatsenyuk", "person:joe-biden"]
    ]


def test_an_act_a_proposal_is_for_is_hypothetical(nlp: Language) -> None:
    x = extract_text(nlp, "Bangladesh rejected an Indian proposal for signing a trade agreement.")
    assert [e.modality for e in x.events if e.trigger == "signing"] == ["hypothetical"]
    x = extract_text(nlp, "Bangladesh was criticised for signing a trade agreement with India.")
    assert [e.modality for e in x.events if e.trigger == "signing"] == [None]


def test_a_participles_by_phrase_does_the_act_its_noun_names(nlp: Language) -> None:
    x = extract_text(nlp, "Sanctions imposed by the EU on Russia will remain in place.")
    assert [(e.cls, e.agents, e.targets, e.modality) for e in x.events] == [
        ("Sanction", ["org:european-union"], ["country:RUS"], None)
    ]


def test_a_participle_without_a_by_phrase_names_no_doer(nlp: Language) -> None:
    x = extract_text(nlp, "The airstrikes reported in Raqqa killed 20 civilians.")
    assert [e.agents for e in x.events if e.cls == "Attack"] in ([], [[]])


def test_an_act_that_will_resume_is_planned(nlp: Language) -> None:
    x = extract_text(nlp, "Talks between Russia and Ukraine will resume on Monday.")
    assert [e.modality for e in x.events if e.cls == "Meeting"] == ["planned"]


def test_the_downing_of_an_aircraft_is_an_attack(nlp: Language) -> None:
    x = extract_text(nlp, "Turkey's downing of a Russian jet angered Moscow.")
    assert [(e.cls, e.agents) for e in x.events] == [("Attack", ["country:TUR"])]


def test_the_downing_of_trees_is_no_attack(nlp: Language) -> None:
    assert extract_text(nlp, "The downing of trees by the storm blocked roads.").events == []


def test_a_partner_hung_on_the_topic_discussed_takes_part(nlp: Language) -> None:
    x = extract_text(nlp, "Abe discussed trade with Turnbull.")
    assert [(e.cls, sorted(e.participants)) for e in x.events] == [
        ("Meeting", ["person:abe", "person:turnbull"])
    ]


def test_a_partner_of_an_act_discussed_is_no_partner_of_the_talk(nlp: Language) -> None:
    x = extract_text(nlp, "Obama discussed the nuclear deal with Iran in a speech.")
    assert "Meeting" not in [e.cls for e in x.events]


def test_a_complaint_a_summons_is_for_is_the_summoners(nlp: Language) -> None:
    text = "Nigeria summoned Niger's ambassador to complain of inaction over the gangs."
    x = extract_text(nlp, text)
    assert [(e.cls, e.agents) for e in x.events if e.cls == "Accusation"] == [
        ("Accusation", ["country:NGA"])
    ]


def test_one_summoned_to_explain_is_not_the_summoners_purpose(nlp: Language) -> None:
    from kg.extract.common import _summoned_to_hear

    doc = nlp("Nigeria summoned Niger's ambassador to explain the inaction over the gangs.")
    assert doc[6].text == "explain" and not _summoned_to_hear(doc[6])
    assert _summoned_to_hear(nlp("Nigeria summoned Niger's ambassador to protest.")[6])


def test_a_person_attacking_a_news_outlet_attacks_in_words(nlp: Language) -> None:
    x = extract_text(nlp, "Trump attacked CNN over its coverage.")
    assert [e.cls for e in x.events] == ["Accusation"]


def test_gunmen_attacking_a_newspapers_offices_attack(nlp: Language) -> None:
    x = extract_text(nlp, "Gunmen attacked the offices of Charlie Hebdo in Paris.")
    assert [e.cls for e in x.events] == ["Attack"]


def test_a_fate_promised_to_a_side_is_a_threat(nlp: Language) -> None:
    x = extract_text(nlp, "Iran said the United States would face consequences.")
    assert [(e.cls, e.agents, e.targets) for e in x.events] == [
        ("Threaten", ["country:IRN"], ["country:USA"])
    ]


def test_a_fate_told_as_past_or_taken_on_is_no_threat(nlp: Language) -> None:
    assert (
        extract_text(nlp, "Iran said the United States faced consequences last year.").events == []
    )
    assert extract_text(nlp, "Iran said it would pay the price for peace.").events == []
