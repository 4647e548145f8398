"""Resolution rules, through the whole extraction: actors, person merging, roles, coreference.

Every rule has a sentence where it must fire and one where it must not.
"""

from __future__ import annotations

import pytest
from conftest import extract_text, sides

from kg.model import Event, Extraction


def roles_of(x: Extraction, person: str) -> set[tuple[str, str | None]]:
    """(title, of) pairs held by ``person``."""
    return {(r.title, r.of) for r in x.roles if r.person == person}


def events(x: Extraction, cls: str) -> list[Event]:
    return [e for e in x.events if e.cls == cls]


def persons(x: Extraction) -> set[str]:
    return {k for k, a in x.actors.items() if a.kind == "Person"}


# ----------------------------------------------------------------- countries


def test_country_names_resolve_to_iso3_keys(nlp):
    x = extract_text(nlp, "Germany and France signed a trade deal in Berlin.")
    assert x.actors["country:DEU"].kind == "Country"
    assert x.actors["country:DEU"].iso3 == "DEU"
    assert x.actors["country:DEU"].label == "Germany"
    assert x.actors["country:FRA"].iso3 == "FRA"


def test_city_is_a_place_not_its_country(nlp):
    x = extract_text(nlp, "Trade ministers gathered in Berlin on Monday.")
    assert x.actors["place:berlin"].kind == "Place"
    assert "country:DEU" not in x.actors


def test_country_adjective_names_the_country(nlp):
    x = extract_text(nlp, "Japanese officials criticized the plan on Tuesday.")
    japan = x.actors["country:JPN"]
    assert (japan.kind, japan.label, japan.iso3) == ("Country", "Japan", "JPN")
    # The adjective is not recorded as a name of the country.
    assert "Japanese" not in japan.aliases


def test_no_country_without_a_country_word(nlp):
    x = extract_text(nlp, "Officials criticized the plan on Tuesday.")
    assert not [k for k in x.actors if k.startswith("country:")]


# ------------------------------------------------------------- organisations


def test_gazetteer_organisations(nlp):
    x = extract_text(nlp, "NATO and the African Union backed the EU proposal.")
    assert x.actors["org:nato"].kind == "Organization"
    assert x.actors["org:nato"].label == "NATO"
    assert x.actors["org:african-union"].label == "African Union"
    assert x.actors["org:european-union"].label == "European Union"
    assert "EU" in x.actors["org:european-union"].aliases


def test_gazetteer_alias_maps_to_canonical_organisation(nlp):
    x = extract_text(nlp, "Japanese officials met with AU envoys in Addis Ababa.")
    assert "org:african-union" in x.actors
    assert "AU" in x.actors["org:african-union"].aliases


def test_unknown_organisation_is_not_merged_into_a_gazetteer_one(nlp):
    x = extract_text(nlp, "The East African Community praised Kenya.")
    assert x.actors["org:east-african-community"].kind == "Organization"
    assert "org:african-union" not in x.actors


def test_org_inside_a_title_is_not_an_organisation(nlp):
    x = extract_text(
        nlp,
        "Secretary of State Marco Rubio met with Kenyan President William Ruto. "
        "Secretary of the Treasury Janet Yellen visited Tokyo.",
    )
    orgs = {k for k, a in x.actors.items() if a.kind == "Organization"}
    assert orgs == set()
    assert ("Secretary of State", "country:USA") in roles_of(x, "person:marco-rubio")
    assert ("Treasury Secretary", "country:USA") in roles_of(x, "person:janet-yellen")


def test_org_outside_a_title_is_kept(nlp):
    x = extract_text(nlp, "The State Department praised Kenya.")
    assert x.actors["org:state-department"].kind == "Organization"


# ------------------------------------------------------------------- persons


def test_surname_merges_with_full_name(nlp):
    x = extract_text(
        nlp,
        "Prime Minister Narendra Modi arrived in Nairobi on Monday. "
        "Later, Modi praised Kenya for its hospitality.",
    )
    assert persons(x) == {"person:narendra-modi"}
    assert "Modi" in x.actors["person:narendra-modi"].aliases
    (support,) = events(x, "Support")
    assert support.agents == ["person:narendra-modi"]


def test_sentence_initial_surname_merges_with_full_name(nlp):
    x = extract_text(
        nlp,
        "Prime Minister Narendra Modi arrived in Nairobi on Monday. "
        "Modi said the visit was important.",
    )
    assert "Modi" in x.actors["person:narendra-modi"].aliases


def test_particle_surname_mislabelled_org_is_still_the_person(nlp):
    # the model tags 'Sisi' ORG; a listed leader's name is a person's
    x = extract_text(
        nlp,
        "Egyptian President Abdel Fattah al-Sisi arrived in Nairobi on Monday. "
        "Sisi said Egypt would back Kenya.",
    )
    assert "org:sisi" not in x.actors
    assert "Sisi" in x.actors["person:abdel-fattah-al-sisi"].aliases


def test_people_sharing_a_surname_stay_apart(nlp):
    x = extract_text(
        nlp,
        "Rahul Gandhi criticized Sonia Gandhi on Monday. Gandhi said the party would recover.",
    )
    assert {"person:rahul-gandhi", "person:sonia-gandhi"} <= persons(x)
    # An ambiguous bare surname joins neither of them.
    assert "Gandhi" not in x.actors["person:rahul-gandhi"].aliases
    assert "Gandhi" not in x.actors["person:sonia-gandhi"].aliases
    (accusation,) = events(x, "Accusation")
    assert accusation.agents == ["person:rahul-gandhi"]
    assert accusation.targets == ["person:sonia-gandhi"]


# --------------------------------------------------------------------- roles


def test_role_from_country_adjective_before_title(nlp):
    x = extract_text(
        nlp,
        "German Chancellor Angela Merkel met with Indian Prime Minister Narendra Modi in Berlin.",
    )
    assert roles_of(x, "person:angela-merkel") == {("Chancellor", "country:DEU")}
    assert roles_of(x, "person:narendra-modi") == {("Prime Minister", "country:IND")}
    assert "Chancellor Angela Merkel" in x.actors["person:angela-merkel"].aliases


def test_role_from_country_adjective_scholz(nlp):
    x = extract_text(
        nlp, "German Chancellor Olaf Scholz met with French President Emmanuel Macron in Paris."
    )
    assert roles_of(x, "person:olaf-scholz") == {("Chancellor", "country:DEU")}


def test_role_from_possessive_country_before_title(nlp):
    x = extract_text(nlp, "Kenya's President William Ruto criticized Ethiopia on Tuesday.")
    assert roles_of(x, "person:william-ruto") == {("President", "country:KEN")}


def test_role_from_organisation_before_title(nlp):
    x = extract_text(
        nlp,
        "African Union Chairman Moussa Faki praised Kenya. "
        "NATO Secretary-General Jens Stoltenberg condemned the attack.",
    )
    assert roles_of(x, "person:moussa-faki") == {("Chairman", "org:african-union")}
    assert roles_of(x, "person:jens-stoltenberg") == {("Secretary-General", "org:nato")}


def test_lowercase_descriptor_needs_a_country(nlp):
    x = extract_text(
        nlp, "The leader Peter Kamau arrived in Nairobi. The spokesman Raila Mwangi praised Japan."
    )
    assert x.roles == []


def test_lowercase_descriptor_with_a_country_makes_a_role(nlp):
    x = extract_text(nlp, "Kenyan leader Peter Kamau arrived in Nairobi.")
    assert roles_of(x, "person:peter-kamau") == {("leader", "country:KEN")}


def test_role_from_appositive(nlp):
    x = extract_text(nlp, "Raila Mwangi, Kenya's foreign minister, condemned the strike.")
    assert roles_of(x, "person:raila-mwangi") == {("Foreign Minister", "country:KEN")}


def test_role_from_appositive_with_of(nlp):
    x = extract_text(nlp, "Raila Mwangi, the foreign minister of Kenya, condemned the strike.")
    assert roles_of(x, "person:raila-mwangi") == {("Foreign Minister", "country:KEN")}


def test_appositive_without_title_makes_no_role(nlp):
    x = extract_text(nlp, "Raila Mwangi, a veteran diplomat from Kenya, condemned the strike.")
    assert "person:raila-mwangi" in x.actors
    assert x.roles == []


# --------------------------------------------------------------- home country


def test_unqualified_title_takes_outlet_home_country(nlp):
    x = extract_text(
        nlp,
        "Prime Minister Keir Starmer met Kenyan President William Ruto in London.",
        source="BBC News",
    )
    assert roles_of(x, "person:keir-starmer") == {("Prime Minister", "country:GBR")}
    # A named country beats the home country.
    assert roles_of(x, "person:william-ruto") == {("President", "country:KEN")}


def test_home_country_of_another_outlet(nlp):
    x = extract_text(nlp, "Chancellor Angela Merkel praised France.", source="Deutsche Welle")
    assert roles_of(x, "person:angela-merkel") == {("Chancellor", "country:DEU")}


def test_unqualified_title_without_known_outlet_has_no_country(nlp):
    # A name the built-in leaders list does not hold.
    text = "Prime Minister Keir Stanton met Kenyan President William Ruto in London."
    for source in (None, "Example Gazette"):
        x = extract_text(nlp, text, source=source)
        assert roles_of(x, "person:keir-stanton") == {("Prime Minister", None)}


def test_title_default_country_beats_outlet_home(nlp):
    x = extract_text(nlp, "Secretary of State Marco Rubio praised Kenya.", source="BBC News")
    assert roles_of(x, "person:marco-rubio") == {("Secretary of State", "country:USA")}


# --------------------------------------------------------------- coreference


def test_pronoun_speaker_is_the_previous_person(nlp):
    x = extract_text(
        nlp,
        "Kenyan President William Ruto arrived in Tokyo on Monday. "
        "“Japan is a trusted partner of Kenya,” he said.",
    )
    (quote,) = x.quotes
    assert quote.speaker == "person:william-ruto"
    (statement,) = events(x, "Statement")
    assert statement.agents == ["person:william-ruto"]
    assert set(statement.about) == {"country:JPN", "country:KEN"}


def test_pronoun_subject_of_event(nlp):
    x = extract_text(
        nlp,
        "Kenyan President William Ruto arrived in Tokyo on Monday. "
        "He praised Japan for its support.",
    )
    (support,) = events(x, "Support")
    assert support.agents == ["person:william-ruto"]
    assert support.targets == ["country:JPN"]


def test_pronoun_without_antecedent_attributes_nothing(nlp):
    x = extract_text(nlp, "“The talks were productive and we will return soon,” he said.")
    assert x.quotes == []
    assert x.events == []


def test_definite_description_names_the_speaker(nlp):
    x = extract_text(
        nlp,
        "French President Emmanuel Macron arrived in Nairobi on Monday. "
        "“Africa and Europe must trade as equals,” the French president said.",
    )
    (quote,) = x.quotes
    assert quote.speaker == "person:emmanuel-macron"


@pytest.mark.parametrize(
    ("adjective", "speaker"),
    [("Indian", "person:narendra-modi"), ("Japanese", "person:fumio-kishida")],
)
def test_definite_description_picks_the_named_country(nlp, adjective, speaker):
    x = extract_text(
        nlp,
        "Indian Prime Minister Narendra Modi met with Japanese Prime Minister Fumio Kishida "
        f"in Tokyo. “Our two countries share a common vision,” the {adjective} prime "
        "minister said.",
    )
    (quote,) = x.quotes
    assert quote.speaker == speaker


def test_definite_description_uses_home_country(nlp):
    x = extract_text(
        nlp,
        "Prime Minister Keir Starmer met Kenyan President William Ruto in London. "
        "“Trade between our countries will double,” the prime minister said.",
        source="The Guardian",
    )
    (quote,) = x.quotes
    assert quote.speaker == "person:keir-starmer"


def test_definite_description_of_another_country_is_not_resolved(nlp):
    x = extract_text(
        nlp,
        "Kenyan President William Ruto arrived in Paris. "
        "“Africa and Europe must trade as equals,” the French president said.",
    )
    # Not Ruto: the unnamed French president speaks for France.
    (quote,) = x.quotes
    assert quote.speaker == "country:FRA"
    assert [e.agents for e in events(x, "Statement")] == [["country:FRA"]]


# --------------------------------------------------------------- credit line


@pytest.mark.parametrize("credit", ["With Reuters and AFP", "Additional reporting by Reuters"])
def test_credit_line_makes_no_organisation(nlp, credit):
    x = extract_text(nlp, f"Kenya and Ethiopia held talks in Nairobi on Friday.\n{credit}")
    assert "org:reuters" not in x.actors
    assert "org:afp" not in x.actors
    assert set(x.actors) == {"country:KEN", "country:ETH", "place:nairobi"}


def test_wire_agency_named_in_the_news_is_no_actor(nlp):
    x = extract_text(
        nlp, "Kenya and Ethiopia held talks in Nairobi on Friday, Reuters and AFP reported."
    )
    assert "org:reuters" not in x.actors and "org:afp" not in x.actors


def test_wire_agency_of_a_dateline_is_no_side(nlp):
    x = extract_text(nlp, "NAIROBI (Reuters) - Kenya accused Somalia of harbouring militants.")
    assert sides(x, "Accusation") == [(["country:KEN"], ["country:SOM"])]


def test_other_organisation_named_in_the_news_stays_one(nlp):
    x = extract_text(nlp, "Kenya and Ethiopia held talks in Nairobi, the African Union said.")
    assert x.actors["org:african-union"].kind == "Organization"


# ------------------------------------------------------- sides named indirectly


def test_plural_nationality_is_its_country(nlp):
    x = extract_text(nlp, "Iraqis blamed Jordan for the closure of the border.")
    assert sides(x, "Accusation") == [(["country:IRQ"], ["country:JOR"])]


def test_plural_of_a_word_that_is_no_nationality_is_no_country(nlp):
    x = extract_text(nlp, "Presidents blamed Jordan for the closure of the border.")
    assert sides(x, "Accusation") == [([], ["country:JOR"])]  # no doer made up
    assert not any(a.kind == "Country" and a.key != "country:JOR" for a in x.actors.values())


def test_capital_in_an_actors_slot_is_its_country(nlp):
    x = extract_text(nlp, "Ottawa rejected the proposal from Mexico City.")
    ((agents, targets),) = sides(x, "Reject")
    assert agents == ["country:CAN"] and targets == ["country:MEX"]


def test_capital_as_a_place_stays_a_place(nlp):
    x = extract_text(nlp, "Canada and Mexico held talks in Ottawa.")
    (meeting,) = [e for e in x.events if e.cls == "Meeting"]
    assert set(meeting.participants) == {"country:CAN", "country:MEX"}
    assert meeting.place == "place:ottawa"


def test_seat_of_government_as_a_modifier_is_not_its_country(nlp):
    x = extract_text(
        nlp, "Donald Trump spoke at a White House news conference with Jens Stoltenberg."
    )
    for event in x.events:
        assert "country:USA" not in event.actors()


def test_nationality_and_group_noun_is_that_countrys_sector(nlp):
    x = extract_text(nlp, "Chilean officials accused Peruvian troops of crossing the border.")
    ((agents, targets),) = sides(x, "Accusation")
    assert agents == ["group:chl-government"] and targets == ["group:per-military"]
    group = x.actors["group:chl-government"]
    assert group.kind == "Group"
    assert group.label == "Chilean government"
    assert group.affiliation == "country:CHL"
    assert "country:CHL" in x.actors  # the country it acts for is described too


def test_group_noun_without_a_side_names_no_actor(nlp):
    x = extract_text(nlp, "Officials accused the troops of crossing the border.")
    assert not sides(x, "Accusation")
    assert not any(a.kind == "Group" for a in x.actors.values())


def test_group_noun_takes_the_side_of_its_prepositional_phrase(nlp):
    x = extract_text(nlp, "Security forces in Guinea arrested dozens of Liberian refugees.")
    ((agents, targets),) = sides(x, "Coerce")
    assert agents == ["group:gin-police"] and targets == ["group:lbr-refugees"]


def test_group_of_no_sector_stands_for_what_it_groups(nlp):
    x = extract_text(nlp, "A delegation of Japanese diplomats met Chinese officials in Beijing.")
    (meeting,) = [e for e in x.events if e.cls == "Meeting"]
    groups = {"group:jpn-government", "group:chn-government"}
    assert set(meeting.participants) == groups | {"country:JPN", "country:CHN"}


def test_common_noun_with_an_of_phrase_is_no_side(nlp):
    x = extract_text(nlp, "The price of Japanese cars rose in Korea.")
    assert not any(a.kind == "Group" for a in x.actors.values())


def test_conjoined_nationalities_give_every_side(nlp):
    x = extract_text(nlp, "Senior Hungarian and Romanian officials signed a treaty on Monday.")
    ((agents, _),) = sides(x, "Agree")
    assert agents == ["group:hun-government", "group:rou-government"]


def test_led_modifier_names_the_leading_country(nlp):
    x = extract_text(nlp, "Saudi-led forces bombed rebel positions in Yemen.")
    ((agents, _),) = sides(x, "Attack")
    assert agents == ["group:sau-military"]


def test_led_modifier_without_a_country_names_none(nlp):
    x = extract_text(nlp, "Well-led forces bombed rebel positions in Yemen.")
    assert sides(x, "Attack") == [([], ["group:yem-rebels"])]


def test_pronoun_of_a_reported_clause_is_its_reporter(nlp):
    x = extract_text(nlp, "Switzerland said it had expelled two Russian diplomats.")
    ((agents, targets),) = sides(x, "Sanction")
    assert agents == ["country:CHE"] and targets == ["group:rus-government"]


def test_pronoun_of_a_reported_clause_needs_an_actor_reporting(nlp):
    x = extract_text(nlp, "The report said it had expelled two Russian diplomats.")
    assert not sides(x, "Sanction")


def test_words_between_a_country_and_its_title_qualify_the_title(nlp):
    x = extract_text(nlp, "Nigerian junior foreign minister Dubem Oniya met the envoy.")
    assert ("Foreign Minister", "country:NGA") in roles_of(x, "person:dubem-oniya")


def test_title_without_a_country_before_it_has_none(nlp):
    x = extract_text(nlp, "The junior foreign minister Dubem Oniya met the envoy.")
    assert all(of is None for _, of in roles_of(x, "person:dubem-oniya"))


def test_organisation_named_after_a_country_acts_for_it(nlp):
    x = extract_text(nlp, "The Nigerian Union of Teachers called off its strike.")
    (union,) = [a for a in x.actors.values() if a.kind == "Organization"]
    assert union.affiliation == "country:NGA"
    assert x.actors["country:NGA"].iso3 == "NGA"


def test_international_body_acts_for_no_country(nlp):
    x = extract_text(nlp, "The Organization of African Unity met in Addis Ababa.")
    assert all(a.affiliation is None for a in x.actors.values())


def test_listed_group_acts_for_its_country(nlp):
    x = extract_text(nlp, "Hezbollah fired rockets at Israel.")
    assert x.actors["org:hezbollah"].affiliation == "country:LBN"


def test_qualified_nationality_is_the_nationality(nlp):
    x = extract_text(nlp, "Radical French farmers blocked the roads to Paris.")
    assert ["group:fra-civilians"] in [e.agents for e in x.events if e.cls == "Protest"]


def test_organisation_ending_in_no_nationality_keeps_its_name(nlp):
    x = extract_text(nlp, "The Free Syrian Army blocked the roads to Aleppo.")
    assert not any(k.startswith("org:syr-") for k in x.actors)


def test_country_after_a_titled_name_qualifies_the_title(nlp):
    x = extract_text(nlp, "King Hassan of Morocco met Israeli Prime Minister Shimon Peres.")
    assert ("King", "country:MAR") in roles_of(x, "person:hassan")


def test_place_after_a_titled_name_is_no_qualifier(nlp):
    x = extract_text(nlp, "King Hassan of Fez met Israeli Prime Minister Shimon Peres.")
    assert roles_of(x, "person:hassan") == {("King", None)}


def test_nationality_read_into_an_organisation_before_a_title_is_the_country(nlp):
    x = extract_text(nlp, "British Defence Secretary Tom King visited Mozambique.")
    assert ("Defence Secretary", "country:GBR") in roles_of(x, "person:tom-king")
    assert not any(a.kind == "Organization" for a in x.actors.values())


def test_organisation_before_a_title_stays_an_organisation(nlp):
    x = extract_text(nlp, "The Acme Corporation Secretary John Doe visited Mozambique.")
    assert not any(a.kind == "Country" and a.key != "country:MOZ" for a in x.actors.values())


def test_group_loyal_to_a_side_acts_for_it(nlp):
    x = extract_text(nlp, "Militias loyal to Iran attacked a Saudi tanker.")
    ((agents, _),) = sides(x, "Attack")
    assert agents == ["group:irn-rebels"]


def test_group_described_by_another_adjective_is_no_side(nlp):
    x = extract_text(nlp, "Militias angry at the tax attacked a Saudi tanker.")
    assert all(agents == [] for agents, _ in sides(x, "Attack"))
    assert not any(a.kind == "Group" for a in x.actors.values())


def test_many_quote_marks_are_paired_in_linear_time():
    from kg.budget import time_limit
    from kg.resolve import quote_spans

    text = 'He said "yes" and ' + '"' * 60_000
    with time_limit(20):  # pairing by scanning every earlier span takes hours here
        spans = quote_spans(text)
    assert spans[0] == (8, 13) and len(spans) == 30_001


def test_a_token_in_overlapping_quotations_is_in_a_quote(nlp):
    from kg.resolve import Resolution

    doc = nlp('He said “a long "one” and then" more.')
    res = Resolution(doc=doc, quotes=[(8, 31), (17, 22)])
    inside = [t.text for t in doc if res.in_quote(t)]
    assert "then" in inside and "more" not in inside and "He" not in inside


def test_national_military_hardware_acts_for_its_country(nlp):
    x = extract_text(nlp, "Thai F-16 jets bombed Cambodian positions on Monday.")
    assert not [k for k, a in x.actors.items() if a.kind == "Organization"]
    attack = next(e for e in x.events if e.cls == "Attack")
    assert "country:THA" in attack.actors() and attack.targets == ["country:KHM"]


def test_hardware_words_never_make_an_organisation(nlp):
    x = extract_text(nlp, "Russian Su-24 bombers struck rebel positions in Idlib.")
    assert "country:RUS" in x.actors
    assert not [k for k, a in x.actors.items() if a.kind == "Organization"]


def test_a_national_organisation_is_not_hardware(nlp):
    x = extract_text(nlp, "The Thai Defence Ministry condemned Cambodia on Monday.")
    assert any(a.kind == "Organization" for a in x.actors.values())


# ------------------------------------------------ roles: appositions and datelines


def test_a_title_the_name_is_in_apposition_to(nlp):
    x = extract_text(nlp, "The speaker of Ukraine, Arseniy Yatsenyuk, said parliament would meet.")
    assert roles_of(x, "person:arseniy-yatsenyuk") == {("Speaker", "country:UKR")}


def test_a_plain_apposition_gives_no_title(nlp):
    x = extract_text(nlp, "The man in Ukraine, Arseniy Yatsenyuk, said parliament would meet.")
    assert roles_of(x, "person:arseniy-yatsenyuk") == set()


@pytest.mark.parametrize(
    "dateline",
    ["KIEV: ", "KIEV (Reuters) - ", "LVIV, Ukraine, March 3 (AP) -- ", "Headline\n\nKIEV: "],
)
def test_an_unqualified_title_takes_the_datelines_country(nlp, dateline):
    x = extract_text(nlp, dateline + "The speaker, Arseniy Yatsenyuk, said parliament would meet.")
    # The speaker of the dateline country's parliament, and so a person of that country.
    assert roles_of(x, "person:arseniy-yatsenyuk") == {("Speaker", "org:ukr-parliament")}
    assert x.actors["org:ukr-parliament"].affiliation == "country:UKR"
    assert x.actors["person:arseniy-yatsenyuk"].affiliation == "country:UKR"


def test_without_dateline_or_main_country_a_title_has_no_country(nlp):
    # A name the built-in leaders list does not hold, so no country comes from there.
    x = extract_text(nlp, "AT noon - The speaker, Arseniy Kovalenko, said parliament would meet.")
    assert roles_of(x, "person:arseniy-kovalenko") == {("Speaker", None)}


def test_an_unqualified_title_takes_the_articles_main_country(nlp):
    text = (
        "Kenya's parliament met in Nairobi on Tuesday. President Mwai Kibaki opened the "
        "session, and Kenya's opposition walked out. Uganda sent observers."
    )
    assert roles_of(extract_text(nlp, text), "person:mwai-kibaki") == {("President", "country:KEN")}


def test_no_main_country_when_two_lead_equally(nlp):
    text = "Kenya and Uganda met. President Mwai Kamau opened the session."
    assert roles_of(extract_text(nlp, text), "person:mwai-kamau") == {("President", None)}


def test_the_leaders_list_gives_a_visiting_leader_their_own_country(nlp):
    text = "CAIRO (AFP) - President Nicolas Sarkozy said on Sunday that Syria must act."
    x = extract_text(nlp, text)
    assert roles_of(x, "person:nicolas-sarkozy") == {("President", "country:FRA")}
    text = "CAIRO (AFP) - President Nicolas Moreau said on Sunday that Syria must act."
    assert roles_of(extract_text(nlp, text), "person:nicolas-moreau") == {
        ("President", "country:EGY")
    }


def test_opposition_leader_is_a_title(nlp):
    x = extract_text(nlp, "Kenyan opposition leader Raila Odinga rejected the result.")
    assert roles_of(x, "person:raila-odinga") == {("opposition leader", "country:KEN")}


def test_a_title_of_an_organisation_in_apposition(nlp):
    text = "The chairman of the Central Election Commission, Mykhailo Okhendovsky, spoke."
    ((title, of),) = roles_of(extract_text(nlp, text), "person:mykhailo-okhendovsky")
    assert title == "Chairman" and of is not None and of.startswith("org:")


# ------------------------------------------------------ sides of the article's country


def test_unqualified_troops_act_for_the_datelines_country(nlp):
    text = "COLOMBO, Sri Lanka (AP) -\n\nTroops killed 20 rebels in the north on Sunday."
    x = extract_text(nlp, text)
    assert any("group:lka-military" in agents for agents, _ in sides(x, "Attack"))
    assert x.actors["group:lka-military"].inferred


def test_qualified_or_foreign_troops_do_not_take_the_datelines_country(nlp):
    text = "COLOMBO, Sri Lanka (AP) -\n\nForeign troops killed 20 rebels on Sunday."
    assert "group:lka-military" not in extract_text(nlp, text).actors
    named = extract_text(nlp, "COLOMBO, Sri Lanka (AP) -\n\nIndian troops killed 20 rebels.")
    assert "group:lka-military" not in named.actors


def test_troops_without_a_country_of_the_article_have_no_side(nlp):
    x = extract_text(nlp, "Troops killed 20 rebels in the north on Sunday.")
    assert not any(a.kind == "Group" for a in x.actors.values())


def test_rebels_take_the_datelines_country_as_cameo_codes_them(nlp):
    # Domestic rebels are coded with their country (lexicons/local_groups.txt), even
    # where the parser reads the capitalised plural opening the sentence as a name.
    text = "COLOMBO, Sri Lanka (AP) -\n\nRebels attacked an army camp on Sunday."
    assert extract_text(nlp, text).actors["group:lka-rebels"].inferred


def test_a_group_named_outright_is_not_inferred(nlp):
    text = "COLOMBO, Sri Lanka (AP) -\n\nSri Lankan troops shelled a camp. Troops later withdrew."
    x = extract_text(nlp, text)
    assert not x.actors["group:lka-military"].inferred


# ------------------------------------------------------------ persons the model misses


def test_an_untagged_surname_of_a_named_person_is_that_person(nlp):
    text = (
        "Prime Minister Narendra Modi arrived in Tokyo on Sunday. "
        "Modi, who is on a three-nation tour, met Emperor Akihito."
    )
    x = extract_text(nlp, text)
    assert any(
        "person:narendra-modi" in e.actors() and "person:akihito" in e.actors()
        for e in events(x, "Meeting")
    )


def test_a_courtesy_word_is_not_part_of_the_name(nlp):
    text = (
        "Chinese Premier Wen Jiabao met Japanese Prime Minister Yasuo Fukuda in Beijing. "
        "Mr Wen praised the talks."
    )
    x = extract_text(nlp, text)
    assert "person:wen-jiabao" in persons(x)
    assert not any(k.startswith(("person:mr", "org:mr")) for k in x.actors)


def test_a_titled_name_tagged_as_an_organisation_is_a_person(nlp):
    x = extract_text(nlp, "Spokesman Shapoval said the vote was valid.")
    assert "person:shapoval" in persons(x)
    assert not any(k.startswith("org:") for k in x.actors)


def test_an_organisation_after_a_title_keeps_its_organisation_word(nlp):
    x = extract_text(nlp, "Prime Minister Nawaz Sharif said the Finance Ministry would pay.")
    assert any(a.kind == "Organization" and "Ministry" in a.label for a in x.actors.values())


def test_troops_act_for_the_only_country_the_article_names(nlp):
    x = extract_text(nlp, "Troops killed 20 rebels in northern Mali on Sunday.")
    assert any("group:mli-military" in agents for agents, _ in sides(x, "Attack"))


def test_troops_take_no_country_when_the_article_names_two(nlp):
    x = extract_text(nlp, "Troops killed 20 rebels on the border of Mali and Niger.")
    assert not any(a.kind == "Group" for a in x.actors.values())


# ------------------------------------------------ places and outlets the recogniser mistook


def kind_of(x: Extraction, label: str) -> set[str]:
    return {a.kind for a in x.actors.values() if a.label == label}


def test_a_name_after_a_locative_preposition_on_a_verb_is_a_place(nlp):
    # The recogniser takes "Ein Hashlosha" for a person's name.
    x = extract_text(nlp, "A bomb exploded near Ein Hashlosha on Monday.")
    assert kind_of(x, "Ein Hashlosha") == {"Place"}


def test_a_person_one_has_confidence_in_stays_a_person(nlp):
    x = extract_text(nlp, "Israeli voters have lost confidence in Ehud Olmert after the war.")
    assert kind_of(x, "Ehud Olmert") == {"Person"}


def test_a_name_after_a_place_noun_and_of_is_a_place_everywhere(nlp):
    x = extract_text(nlp, "Police said a bomb went off in the town of Hub, which borders Karachi.")
    assert kind_of(x, "Hub") == {"Place"}
    x = extract_text(nlp, "A bomb exploded in Karachi on Monday. Karachi is a port.")
    assert kind_of(x, "Karachi") == {"Place"}


def test_an_organisation_word_keeps_an_organisation(nlp):
    x = extract_text(nlp, "A bomb exploded in the Interior Ministry on Monday.")
    assert "Place" not in kind_of(x, "Interior Ministry")


def test_a_dateline_in_capitals_is_a_place(nlp):
    x = extract_text(nlp, "CAIRO (AFP) - French President Nicolas Sarkozy arrived on Sunday.")
    assert "Organization" not in kind_of(x, "CAIRO") | kind_of(x, "Cairo")


def test_news_outlets_are_not_actors(nlp):
    x = extract_text(nlp, "The commander told the Mehr news agency that the ships had left.")
    assert kind_of(x, "Mehr") == set()
    x = extract_text(nlp, "Livni spoke to the Ynet website on Monday.")
    assert kind_of(x, "Ynet") == set()
    x = extract_text(nlp, "A lawmaker told Xinhua that the bill had passed.")
    assert kind_of(x, "Xinhua") == set()


def test_a_section_line_is_no_actor(nlp):
    x = extract_text(nlp, "World News\n\nIran denied that its boats had threatened US warships.")
    assert kind_of(x, "World News") == set()
    assert "country:IRN" in x.actors


def test_a_name_then_a_country_ending_the_phrase_is_a_place(nlp):
    x = extract_text(nlp, "Militants fired rockets at Sderot, Israel, on Monday.")
    assert kind_of(x, "Sderot") <= {"Place"}
    x = extract_text(nlp, "Raila Mwangi, Kenya's foreign minister, condemned the strike.")
    assert kind_of(x, "Raila Mwangi") == {"Person"}


# ------------------------------------------------ names the recogniser cut or mislabelled


def test_a_name_particle_joins_a_persons_name(nlp):
    x = extract_text(nlp, "The president's candidate, Francis ole Kaparo, lost the vote.")
    assert "person:francis-ole-kaparo" in x.actors
    assert "person:francis" not in x.actors


def test_a_capitalised_word_after_a_name_is_no_particle(nlp):
    x = extract_text(nlp, "Kenyan President Mwai Kibaki met Raila Odinga on Monday.")
    assert {"person:mwai-kibaki", "person:raila-odinga"} <= persons(x)


def test_a_place_noun_of_a_name_is_one_place(nlp):
    x = extract_text(nlp, "The Strait of Hormuz is a vital conduit for oil.")
    assert kind_of(x, "Strait of Hormuz") == {"Place"}
    assert kind_of(x, "Hormuz") == set()


def test_a_facility_or_faction_noun_tells_what_a_name_is(nlp):
    x = extract_text(nlp, "At the morgue at Shifa Hospital, Hamas leader Mahmoud Zahar wept.")
    assert kind_of(x, "Shifa Hospital") == {"Place"}
    text = "Avigdor Lieberman threatened to pull his Yisrael Beiteinu faction out of the coalition."
    assert kind_of(extract_text(nlp, text), "Yisrael Beiteinu") <= {"Organization"}


def test_a_person_named_before_a_common_noun_stays_a_person(nlp):
    x = extract_text(nlp, "The Obama administration imposed sanctions on Iran.")
    assert "Place" not in kind_of(x, "Obama")


def test_short_forms_of_a_listed_organisation_are_one_organisation(nlp):
    text = (
        "Troops killed 33 members of the Liberation Tigers of Tamil Eelam (LTTE)."
        " The Tigers said they killed 20 soldiers. Tamil Tiger fighters fled."
    )
    x = extract_text(nlp, text)
    orgs = {k for k, a in x.actors.items() if a.kind == "Organization"}
    assert orgs == {"org:ltte"}
    assert not persons(x)


def test_a_nationality_before_an_organisations_name_names_the_same_one(nlp):
    text = (
        "The National Dialogue Front rejected the law. The Iraqi National Dialogue Front"
        " said it would appeal."
    )
    orgs = {k for k, a in extract_text(nlp, text).actors.items() if a.kind == "Organization"}
    assert orgs == {"org:national-dialogue-front"}


def test_different_organisations_sharing_a_common_head_stay_apart(nlp):
    text = "The National Dialogue Front and the Popular Front met. The Front said nothing."
    orgs = {k for k, a in extract_text(nlp, text).actors.items() if a.kind == "Organization"}
    assert {"org:national-dialogue-front", "org:popular-front"} <= orgs


# ------------------------------------------------ roles: counterparts, copulas, seats, regions


def test_a_counterpart_holds_the_possessors_title_for_its_country(nlp):
    text = (
        "Japanese Prime Minister Yasuo Fukuda played catch with his Chinese counterpart Wen Jiabao."
    )
    assert roles_of(extract_text(nlp, text), "person:wen-jiabao") == {
        ("Prime Minister", "country:CHN")
    }


def test_a_counterpart_of_someone_with_no_title_has_no_role(nlp):
    text = "The activist Yoko Sato met her Chinese counterpart Li Wei in Tokyo."
    assert roles_of(extract_text(nlp, text), "person:li-wei") == set()


def test_a_copula_gives_its_subject_a_title(nlp):
    text = "Relations were frosty when Junichiro Koizumi was prime minister of Japan."
    assert roles_of(extract_text(nlp, text), "person:junichiro-koizumi") == {
        ("Prime Minister", "country:JPN")
    }


def test_a_title_after_another_verb_is_no_role(nlp):
    text = "Junichiro Koizumi met the prime minister of Japan on Monday."
    assert roles_of(extract_text(nlp, text), "person:junichiro-koizumi") == set()


def test_a_seat_of_government_before_a_title_is_its_country(nlp):
    text = '"It was reckless," White House spokeswoman Dana Perino said.'
    assert roles_of(extract_text(nlp, text), "person:dana-perino") == {
        ("Spokeswoman", "country:USA")
    }


def test_head_of_an_organisation_is_a_role(nlp):
    text = "Salih al-Mutlak, head of the National Dialogue Front, rejected the law."
    assert ("head", "org:national-dialogue-front") in roles_of(
        extract_text(nlp, text), "person:salih-al-mutlak"
    )


def test_head_without_a_named_body_is_no_role(nlp):
    x = extract_text(nlp, "Salih al-Mutlak, head of the delegation, rejected the law.")
    assert roles_of(x, "person:salih-al-mutlak") == set()


def test_a_regional_office_is_a_role_of_its_region(nlp):
    text = "Akhtar Zamin, the home minister for Sindh province, said the toll was 10."
    x = extract_text(nlp, text)
    ((title, of),) = roles_of(x, "person:akhtar-zamin")
    assert title == "Home Minister" and x.actors[of].kind == "Place"


def test_the_modifier_nearest_a_noun_names_its_side(nlp):
    text = "Osama bin Laden's al-Qaeda network threatened the United States."
    (event,) = [e for e in extract_text(nlp, text).events if e.cls == "Threaten"]
    assert event.agents == ["org:al-qaeda"]


def test_a_possessive_country_stays_a_side_beside_a_nearer_name(nlp):
    text = "Iraq's Al-Qaeda frontman Abu Musab al-Zarqawi threatened the United States."
    (event,) = [e for e in extract_text(nlp, text).events if e.cls == "Threaten"]
    assert "org:al-qaeda" in event.agents
    assert "country:IRQ" in event.actors()


def test_a_facility_is_a_place_not_an_organisation(nlp):
    text = "The IAEA sent inspectors to the Esfahan Uranium Conversion Facilities in Iran."
    x = extract_text(nlp, text)
    assert "Organization" not in kind_of(x, "Esfahan Uranium Conversion Facilities")


# ------------------------------------------------ resolution finishes before extraction


@pytest.mark.parametrize(
    "text",
    [
        "KARACHI, Pakistan (AFP) - A bomb exploded, killing 10 people. Police said troops fired.",
        "Russian jets pounded rebel positions. The Kremlin said Moscow would respond.",
        "MOSCOW - Russian troops and Ukrainian forces clashed; the government condemned it.",
        "Iraqi lawmakers voted to oust the speaker. Protesters gathered outside parliament.",
        "German Chancellor Angela Merkel called US President Barack Obama on Monday.",
    ],
)
def test_extraction_creates_no_actor(nlp, text):
    from kg.extract.common import timeline
    from kg.extract.events import extract_events
    from kg.model import Article
    from kg.resolve import resolve

    res = resolve(nlp(text), Article(id="t", text=text))
    settled = dict(res.actors)
    extract_events(res, timeline(res, None))
    assert res.actors.keys() == settled.keys()


def test_the_two_leaders_are_the_last_two_people_named(nlp):
    text = (
        "Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan."
        " Later the two leaders signed a trade pact."
    )
    agree = [e for e in extract_text(nlp, text).events if e.cls == "Agree"]
    assert [e.agents for e in agree] == [["person:vladimir-putin", "person:recep-tayyip-erdogan"]]


def test_both_countries_are_the_last_two_countries_named(nlp):
    x = extract_text(nlp, "Iran and Iraq fought a long war. Both countries agreed to a truce.")
    assert [e.agents for e in x.events if e.cls == "Agree"] == [["country:IRN", "country:IRQ"]]


def test_two_leaders_with_one_named_before_refer_to_no_one(nlp):
    text = "Putin spoke on Monday. The two leaders signed a trade pact."
    assert [e for e in extract_text(nlp, text).events if e.cls == "Agree"] == []


# ------------------------------------------------ speakers the recogniser mistook


def test_a_surname_after_an_honorific_is_the_person(nlp):
    text = (
        "Japanese Prime Minister Yasuo Fukuda met Wen.\n\n"
        '"I have asked him to play catch with me," officials quoted Mr Fukuda as saying.'
    )
    assert [q.speaker for q in extract_text(nlp, text).quotes] == ["person:yasuo-fukuda"]


def test_a_surname_after_an_honorific_is_taken_but_not_inside_another_name():
    import spacy
    from spacy.tokens import Doc

    from kg.resolve import _untagged_surnames

    words = ["Mr", "Fukuda", "met", "Fukuda", "Motors", "."]
    pos = ["PROPN", "PROPN", "VERB", "PROPN", "PROPN", "PUNCT"]
    doc = Doc(spacy.blank("en").vocab, words=words, pos=pos)
    found = _untagged_surnames(doc, [], {"Fukuda"})
    assert [(span.start, span.text) for span in found] == [(1, "Fukuda")]


def test_a_name_that_speaks_is_a_person(nlp):
    text = (
        '"The death toll has risen to 10," Akhtar Zamin, the home minister for Sindh'
        " province, said."
    )
    x = extract_text(nlp, text)
    assert [q.speaker for q in x.quotes] == ["person:akhtar-zamin"]


def test_a_title_of_a_work_that_is_quoted_stays_no_person(nlp):
    x = extract_text(nlp, 'The Guardian reviewed "War and Peace" on Monday.')
    assert persons(x) == set()


def test_a_subject_named_in_apposition_is_the_next_he(nlp):
    text = (
        '"It is a right step," Mahmoud Othman said.\n\n'
        "A Shiite lawmaker, Hassan al-Senied, said the law would help.\n\n"
        '"This law will have a dramatic impact," he said.'
    )
    speakers = [q.speaker for q in extract_text(nlp, text).quotes]
    assert speakers == ["person:mahmoud-othman", "person:hassan-al-senied"]


# ------------------------------------------------- names and sides on unseen news


def test_a_leader_the_recogniser_missed_is_a_person(nlp):
    x = extract_text(nlp, "Merkel travelled to Ankara on Monday.")
    assert x.actors["person:merkel"].kind == "Person"


def test_a_listed_surname_alone_is_a_person(nlp):
    x = extract_text(nlp, "Trump talked with Taiwan's president by phone on Friday.")
    assert x.actors["person:trump"].kind == "Person"


def test_a_capitalised_word_not_listed_is_no_person(nlp):
    x = extract_text(nlp, "Maple travelled to Ankara on Monday.")
    assert not any(a.kind == "Person" for a in x.actors.values())


def test_an_unnamed_title_acts_for_its_countrys_government(nlp):
    x = extract_text(nlp, "Trump talked with Taiwan's president by phone on Friday.")
    (meeting,) = [e for e in x.events if e.cls == "Meeting"]
    assert "group:twn-government" in meeting.participants


def test_a_title_in_apposition_is_the_persons_role_not_a_side(nlp):
    x = extract_text(nlp, "Alain Juppe, the French foreign minister, met Kerry in Paris.")
    (meeting,) = [e for e in x.events if e.cls == "Meeting"]
    assert "group:fra-government" not in meeting.participants


def test_a_party_named_by_its_members_is_the_party(nlp):
    x = extract_text(nlp, "Republicans threatened to block the nomination on Monday.")
    assert x.actors["org:republican-party"].affiliation == "country:USA"


def test_the_adjective_republican_is_no_party(nlp):
    x = extract_text(nlp, "Kenya adopted a republican constitution in 1964.")
    assert "org:republican-party" not in x.actors


def test_a_bureau_dateline_gives_way_to_the_country_the_news_is_about(nlp):
    x = extract_text(
        nlp,
        "BEIRUT (Reuters) - Troops shelled the Syrian town of Kobani. "
        "The Syrian army said the town would fall soon.",
    )
    (attack,) = [e for e in x.events if e.cls == "Attack"]
    assert attack.agents == ["group:syr-military"] and attack.place == "place:kobani"


def test_a_dateline_whose_country_is_named_stays_the_articles(nlp):
    x = extract_text(
        nlp,
        "BEIRUT (Reuters) - Troops shelled a Lebanese village near the Syrian border. "
        "Lebanon said Syria had fired first.",
    )
    (attack,) = [e for e in x.events if e.cls == "Attack"]
    assert attack.agents == ["group:lbn-military"]


def test_a_countrys_parliament_is_an_organisation(nlp):
    x = extract_text(nlp, "NAIROBI (Reuters) - Kenya's parliament elected Kenneth Marende speaker.")
    assert x.actors["org:ken-parliament"].kind == "Organization"
    assert x.actors["org:ken-parliament"].affiliation == "country:KEN"


def test_its_troops_stay_a_group(nlp):
    x = extract_text(nlp, "Kenyan troops shelled the town on Monday.")
    assert x.actors["group:ken-military"].kind == "Group"


def test_an_unqualified_lawmaker_sits_in_the_articles_parliament(nlp):
    x = extract_text(
        nlp,
        "BAGHDAD (Reuters) - Iraq's parliament passed a law on Saturday. "
        "Mahmoud Othman, a lawmaker from the Kurdish area, said the law was good.",
    )
    assert roles_of(x, "person:mahmoud-othman") == {("lawmaker", "org:irq-parliament")}


def test_an_unqualified_descriptor_of_no_body_is_no_role(nlp):
    x = extract_text(
        nlp,
        "BAGHDAD (Reuters) - Iraq's parliament passed a law on Saturday. "
        "Mahmoud Othman, a leader from the Kurdish area, said the law was good.",
    )
    assert roles_of(x, "person:mahmoud-othman") == set()


def test_a_spokesman_keeps_the_title_as_written(nlp):
    text = '"It was reckless," Israeli government spokesman Mark Regev said.'
    assert ("Spokesman", "country:ISR") in roles_of(extract_text(nlp, text), "person:mark-regev")


def test_opposition_parties_are_their_countrys_opposition(nlp):
    x = extract_text(nlp, "French opposition parties accused the government of lying.")
    assert x.actors["group:fra-opposition"].affiliation == "country:FRA"


def test_a_dateline_run_into_a_name_is_cut_off(nlp):
    x = extract_text(nlp, "BRUSSELS - European Union foreign ministers urged Turkey to act.")
    assert "org:european-union" in x.actors
    assert not any("BRUSSELS" in a.label for a in x.actors.values())


def test_a_name_with_a_dash_of_its_own_is_kept_whole(nlp):
    x = extract_text(nlp, "Guinea-Bissau and Kenya met in Nairobi on Monday.")
    assert "country:GNB" in x.actors


def test_an_object_pronoun_is_never_its_clauses_subject(nlp):
    x = extract_text(
        nlp,
        "Benjamin Netanyahu accused Mahmoud Abbas of incitement and called on him "
        "to condemn the attacks.",
    )
    demands = [e for e in x.events if e.cls == "Demand"]
    assert [(e.agents, e.targets) for e in demands] == [
        (["person:benjamin-netanyahu"], ["person:mahmoud-abbas"])
    ]


def test_a_subject_pronoun_still_takes_the_last_subject(nlp):
    x = extract_text(nlp, "Benjamin Netanyahu met Mahmoud Abbas. He accused Iran of lying.")
    accusations = [e for e in x.events if e.cls == "Accusation"]
    assert [e.agents for e in accusations] == [["person:benjamin-netanyahu"]]


def test_a_persons_office_speaks_as_a_body_of_its_own(nlp):
    x = extract_text(
        nlp,
        'Kofi Annan was expected in Nairobi, but he fell ill with "severe flu," '
        "his office in Geneva said.",
    )
    assert [q.speaker for q in x.quotes] == ["org:kofi-annan-office"]
    assert x.actors["org:kofi-annan-office"].label == "Kofi Annan's office"


def test_an_office_of_no_one_named_is_no_body(nlp):
    x = extract_text(nlp, 'The talks will resume, "soon," the office said.')
    assert not any(k.endswith("-office") for k in x.actors)


def test_an_office_held_is_no_body(nlp):
    x = extract_text(nlp, "French parties accused Nicolas Sarkozy of compromising his office.")
    assert not any(k.endswith("-office") for k in x.actors)


def test_a_common_noun_opening_a_sentence_is_no_person(nlp):
    x = extract_text(nlp, "Riot police were stationed along nearby roads. Gunfire was heard.")
    assert [a.label for a in x.actors.values() if a.kind == "Person"] == []


def test_a_surname_opening_a_sentence_is_still_a_person(nlp):
    x = extract_text(nlp, "Merkel arrived in Paris. Putin left Moscow.")
    assert {"Merkel", "Putin"} <= {a.label for a in x.actors.values() if a.kind == "Person"}


def test_bare_troops_are_of_the_last_country_whose_troops_were_named(nlp):
    x = extract_text(
        nlp,
        "GAZA CITY, Gaza Strip (AP) - Israeli tanks raided Gaza on Tuesday. Palestinians "
        "protested. The army said troops fired at militants near the fence.",
    )
    sides = {k for e in x.events if e.cls == "Attack" for k in e.agents}
    assert sides == {"group:isr-military"}  # not the Palestinian military


def test_bare_civilians_are_not_of_the_last_civilians_named(nlp):
    x = extract_text(
        nlp,
        "GAZA CITY, Gaza Strip (AP) - Snipers killed a volunteer from Ecuador. "
        "Palestinians protested. Two civilians were killed in Gaza.",
    )
    assert "group:ecu-civilians" not in [k for e in x.events[1:] for k in e.actors()]


def test_a_group_noun_after_a_dateline_dash_is_no_name(nlp):
    x = extract_text(nlp, "KABUL - Troops killed ten Taliban fighters on Monday.")
    assert "org:troops" not in x.actors
    assert x.events[0].agents == ["group:afg-military"]


def test_a_person_from_a_country_is_of_it_when_the_parser_hangs_from_on_the_verb(nlp):
    x = extract_text(nlp, "Gunmen killed a volunteer from Ecuador.")
    assert "group:ecu-civilians" in x.events[0].targets


def test_suicide_bombers_and_attackers_are_the_articles_armed_non_state_side(nlp):
    x = extract_text(
        nlp,
        "SANAA (Reuters) - Suicide bombers blew themselves up in two mosques in Yemen's "
        "capital, killing at least 137 worshippers.",
    )
    assert [e.agents for e in x.events if e.cls == "Attack"] == [["group:yem-rebels"]]


def test_bombers_alone_are_aircraft(nlp):
    x = extract_text(nlp, "Russian bombers struck targets in Syria on Monday.")
    assert [e.agents for e in x.events if e.cls == "Attack"] == [["group:rus-military"]]


def test_a_listed_bodys_agency_is_no_news_outlet(nlp):
    x = extract_text(nlp, "The U.N. refugee agency condemned the attack on Israel.")
    assert "org:united-nations" in x.actors
    x = extract_text(nlp, "The Mehr news agency reported that Iran condemned Israel.")
    assert not [a for a in x.actors.values() if a.label.startswith("Mehr")]


def test_a_region_in_the_dateline_gives_the_articles_country(nlp):
    x = extract_text(
        nlp,
        "BATON ROUGE, Louisiana (Reuters) - Police arrested more than 100 protesters overnight.",
    )
    assert [e.agents for e in x.events if e.cls == "Coerce"] == [["group:usa-police"]]


def test_a_city_the_recogniser_took_for_a_nationality_is_a_place_in_its_country(nlp):
    x = extract_text(nlp, "Police in Aleppo arrested ten men on Monday.")
    assert [e.agents for e in x.events if e.cls == "Coerce"] == [["group:syr-police"]]


def test_a_city_names_no_actor_of_its_own(nlp):
    x = extract_text(nlp, "Russian jets bombed Aleppo on Monday.")
    assert all("country:SYR" not in e.agents for e in x.events)


def test_police_in_gear_are_the_articles_police(nlp):
    x = extract_text(nlp, "Police in riot gear arrested 100 protesters in Karachi.")
    assert [e.agents for e in x.events if e.cls == "Coerce"] == [["group:pak-police"]]


def test_police_in_a_named_country_are_that_countrys(nlp):
    x = extract_text(nlp, "KABUL (Reuters) - Police in Pakistan arrested ten men.")
    assert [e.agents for e in x.events if e.cls == "Coerce"] == [["group:pak-police"]]


def test_an_unqualified_ministry_is_the_articles_government(nlp):
    x = extract_text(
        nlp, "MOSCOW (Reuters) - The foreign ministry condemned the attack on Ukraine."
    )
    assert [e.agents for e in x.events if e.cls == "Accusation"] == [["group:rus-government"]]


def test_a_ministry_spokesman_speaks_for_the_articles_government(nlp):
    x = extract_text(nlp, "MOSCOW (Reuters) - A defence ministry spokesman rejected the report.")
    assert [e.agents for e in x.events if e.cls == "Reject"] == [["group:rus-government"]]


def test_a_ministry_of_a_named_country_is_that_countrys(nlp):
    x = extract_text(nlp, "MOSCOW (Reuters) - The Ukrainian foreign ministry condemned the attack.")
    assert [e.agents for e in x.events if e.cls == "Accusation"] == [["group:ukr-government"]]


def test_a_noun_naming_a_thing_by_a_group_stays_no_side(nlp):
    x = extract_text(nlp, "MOSCOW (Reuters) - Police stations were attacked.")
    assert x.events == []


def test_it_in_a_relative_clause_is_the_sentences_doer(nlp):
    x = extract_text(
        nlp, "Cuba has freed the 53 prisoners it agreed to release under the deal with Spain."
    )
    assert [e.agents for e in x.events if e.cls == "Agree"] == [["country:CUB"]]


def test_it_far_from_the_last_doer_is_not_resolved(nlp):
    x = extract_text(
        nlp,
        "Russia met China on Monday. The weather was poor. Markets fell. Prices rose. "
        "It later banned imports of Turkish fruit.",
    )
    assert all("country:RUS" not in e.agents for e in x.events if e.cls != "Meeting")


def test_the_same_noun_refers_back_to_its_own_country_first(nlp):
    x = extract_text(
        nlp,
        "Germany's foreign ministry summoned the Russian ambassador. "
        "The ministry accused Russia of spying.",
    )
    found = [a for a, _ in sides(x, "Accusation")]
    assert ["group:deu-government"] in found and ["group:rus-government"] not in found


def test_the_kingdom_as_a_subject_is_the_last_doer_country(nlp):
    x = extract_text(
        nlp, "Saudi Arabia cut ties with Iran on Sunday. The kingdom accused Iran of meddling."
    )
    assert sides(x, "Accusation") == [(["country:SAU"], ["country:IRN"])]
    # the kingdom is the last monarchy named, not the last doer
    x = extract_text(
        nlp, "Iran accused Saudi Arabia of funding terrorism. The kingdom rejected the charge."
    )
    assert [a for a, _ in sides(x, "Reject")] == [["country:SAU"]]


def test_the_group_refers_back_to_the_side_of_a_group_noun_subject(nlp):
    x = extract_text(
        nlp,
        "Islamic State fighters seized the town. The group also attacked a Kurdish checkpoint.",
    )
    assert all(e.agents == ["org:islamic-state"] for e in x.events if e.cls == "Attack")
    x = extract_text(nlp, "Fighters seized the town. The group also attacked a checkpoint.")
    assert [e for e in x.events if "org:islamic-state" in e.agents] == []


def test_national_institutions_act_for_their_country(nlp):
    x = extract_text(nlp, "The Pentagon accused Russia of recklessness.")
    assert sides(x, "Accusation") == [(["org:pentagon"], ["country:RUS"])]
    assert x.actors["org:pentagon"].affiliation == "country:USA"
    x = extract_text(nlp, "Russia accused the Pentagon of lying.")
    assert sides(x, "Accusation") == [(["country:RUS"], ["org:pentagon"])]


def test_a_capital_is_the_country_of_an_article_naming_no_other(nlp):
    x = extract_text(nlp, "Police fired tear gas at protesters in Kabul on Monday.")
    assert [e.agents for e in x.events if e.cls == "Attack"] == [["group:afg-police"]]
    x = extract_text(nlp, "Police fired tear gas at protesters in Kabul and Islamabad.")
    assert [e.agents for e in x.events if e.cls == "Attack"] in ([], [[]])  # two countries


def test_a_doers_own_country_is_no_located_target(nlp):
    x = extract_text(nlp, "The Revolutionary Guards released the sailors in Tehran.")
    assert [e.targets for e in x.events if e.cls == "Concede"] in ([], [[]])
    x = extract_text(nlp, "The Revolutionary Guards released the sailors in Baghdad.")
    assert [e.targets for e in x.events if e.cls == "Concede"] == [["country:IRQ"]]


def test_critics_and_journalists_of_a_country_are_its_sectors(nlp):
    x = extract_text(nlp, "Critics in Turkey accused Erdogan of authoritarianism.")
    assert [e.agents for e in x.events if e.cls == "Accusation"] == [["group:tur-opposition"]]
    x = extract_text(nlp, "Afghan journalists condemned the Taliban.")
    assert [e.agents for e in x.events if e.cls == "Accusation"] == [["group:afg-media"]]
    x = extract_text(nlp, "Critics accused Erdogan of authoritarianism.")
    assert [e.agents for e in x.events if e.cls == "Accusation"] == [[]]  # no country


def test_a_described_group_still_acts_for_the_articles_country(nlp):
    x = extract_text(nlp, "Ukrainian forces and pro-Russian separatists clashed near Donetsk.")
    attacks = [e for e in x.events if e.cls == "Attack"]
    assert attacks and "group:ukr-rebels" in attacks[0].actors()
    x = extract_text(nlp, "Foreign troops clashed with Afghan forces in Kunduz.")
    assert all("group:afg-military" not in e.agents for e in x.events)


def test_an_unqualified_title_acts_for_the_country_it_implies(nlp):
    x = extract_text(nlp, "The Pope met Cuban leader Raul Castro.")
    (meeting,) = [e for e in x.events if e.cls == "Meeting"]
    assert "group:vat-government" in meeting.participants
    x = extract_text(nlp, "The president met Cuban leader Raul Castro.")
    assert [
        e for e in x.events if e.cls == "Meeting" and "group:vat-government" in e.actors()
    ] == []


def test_unnamed_people_belong_where_the_sentence_puts_them(nlp):
    x = extract_text(
        nlp, "Three Iraqi soldiers died on Monday. Police arrested 12 protesters in Kabul."
    )
    assert sides(x, "Coerce") == [(["group:afg-police"], ["group:afg-activists"])]


def test_a_national_body_is_not_of_the_place_its_sentence_names(nlp):
    # the government is the article's; only the people arrested in Kabul are Afghans
    x = extract_text(
        nlp,
        "Iraqi troops shelled the city of Mosul. The government criticised protesters in Kabul.",
    )
    assert sides(x, "Accusation") == [(["country:IRQ"], ["group:afg-activists"])]


def test_leaders_of_a_body_belong_to_its_sector(nlp):
    x = extract_text(nlp, "Kerry met Syrian opposition leaders in Geneva.")
    assert "group:syr-opposition" in x.events[0].participants
    assert "group:syr-government" not in x.events[0].participants
    # government troops stay soldiers: the head noun has a sector of its own
    x = extract_text(nlp, "Syrian government troops shelled the town.")
    assert sides(x, "Attack") == [(["group:syr-military"], [])]


def test_a_listed_leader_tagged_a_place_is_a_person(nlp):
    x = extract_text(nlp, "Merkel held talks with Erdogan in Ankara.")
    assert x.actors["person:erdogan"].kind == "Person"
    assert "place:erdogan" not in x.actors
    # a listed region stays a place
    assert x.actors["place:ankara"].kind == "Place"


def test_people_in_a_place_of_no_known_country_are_the_articles(nlp):
    x = extract_text(nlp, "Bandits killed 12 villagers in Zamfara state, Nigerian police said.")
    assert sides(x, "Attack") == [(["group:nga-criminals"], ["group:nga-civilians"])]
    # a place whose country is listed still names their side
    x = extract_text(nlp, "Nigerian troops killed 12 militants in Aleppo.")
    assert sides(x, "Attack") == [(["group:nga-military"], ["group:syr-rebels"])]


def test_people_across_a_country_are_its_people(nlp):
    x = extract_text(nlp, "Protesters across Kenya blocked roads on Monday.")
    assert sides(x, "Protest") == [(["group:ken-activists"], [])]
    # a side named by a nationality still wins over "across"
    x = extract_text(nlp, "Ugandan protesters across Kenya blocked roads on Monday.")
    assert sides(x, "Protest") == [(["group:uga-activists"], [])]


def test_a_town_tells_the_country_of_a_text_that_names_none(nlp):
    x = extract_text(nlp, "Rioters burned down a police station in Kasese on Monday.")
    assert sides(x, "Attack") == [(["group:uga-activists"], ["group:uga-police"])]
    # a town two countries share a name with tells none
    x = extract_text(nlp, "Rioters burned down a police station in Laval on Monday.")
    assert sides(x, "Attack") == []


def test_a_capitals_ministry_is_its_countrys(nlp):
    x = extract_text(
        nlp, "Seoul's unification ministry denounced North Korea's demolition of the office."
    )
    assert sides(x, "Accusation") == [(["group:kor-government"], ["country:PRK"])]
    # a town that is no seat of government names no side
    x = extract_text(nlp, "Aleppo's unification ministry denounced North Korea.")
    assert "group:syr-government" not in {k for a, _ in sides(x, "Accusation") for k in a}


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("Protesters marched in Perth, Scotland, against the closure of a hospital.", "AUS"),
        ("Workers at Nokia protested against job cuts in India.", "FIN"),
        ("NIGERIA - Militants blew up an oil pipeline in Delta on Friday.", "CAN"),
    ],
)
def test_towns_never_outweigh_a_country_the_text_names(nlp, text, wrong):
    x = extract_text(nlp, text)
    assert all(wrong.lower() not in k for e in x.events for k in e.actors())


def test_commanders_of_rebels_are_rebels(nlp):
    x = extract_text(nlp, "Syrian rebel commanders rejected the peace deal.")
    assert [a for a, _ in sides(x, "Reject")] == [["group:syr-rebels"]]


def test_a_region_named_with_a_place_noun_is_in_the_region_s_country(nlp):
    x = extract_text(nlp, "Police in Idlib province arrested 12 protesters.")
    assert "group:syr-police" in x.actors


def test_group_described_by_an_adjective_acts_for_the_article_country(nlp):
    x = extract_text(
        nlp, "QUITO, Ecuador - Hooded gunmen stormed a television studio in Guayaquil."
    )
    ((agents, _),) = sides(x, "Attack")
    assert agents == ["group:ecu-rebels"]


def test_group_described_by_a_common_noun_acts_for_the_article_country(nlp):
    x = extract_text(
        nlp, "Rights activists in Kenya said opposition activists criticised the police."
    )
    assert any(a == ["group:ken-activists"] for a, _ in sides(x, "Accusation"))


def test_group_described_as_foreign_is_not_the_article_country(nlp):
    x = extract_text(nlp, "KABUL, Afghanistan - Foreign troops left the city of Kandahar.")
    assert not any(a.key == "group:afg-military" for a in x.actors.values())


def test_group_modified_by_a_name_is_not_the_article_country(nlp):
    x = extract_text(nlp, "KABUL, Afghanistan - Hamas gunmen attacked a checkpoint.")
    assert not any(a.key == "group:afg-rebels" for a in x.actors.values())


def test_religious_or_ideological_modifier_only_describes_a_group(nlp):
    x = extract_text(nlp, "Suspected Islamist gunmen attacked a church in Kenya's Garissa county.")
    ((agents, _),) = sides(x, "Attack")
    assert agents == ["group:ken-rebels"]


def test_country_of_the_only_office_named_is_the_articles(nlp):
    x = extract_text(nlp, "Protesters demanded the resignation of Prime Minister Nawaz Sharif.")
    assert any(a == ["group:pak-activists"] for a, _ in sides(x, "Demand"))


def test_offices_of_two_countries_give_the_article_no_country(nlp):
    x = extract_text(
        nlp,
        "Protesters demanded the resignation of Prime Minister Nawaz Sharif"
        " and President Barack Obama.",
    )
    assert not any(a.kind == "Group" for a in x.actors.values())


def test_unions_act_for_their_country(nlp):
    x = extract_text(nlp, "Unions in Nigeria called a general strike over fuel prices.")
    assert any(a == ["group:nga-labour"] for a, _ in sides(x, "Protest"))


def test_named_council_is_no_group(nlp):
    x = extract_text(nlp, "The UN Security Council condemned the attack in Mali.")
    assert not any(a.kind == "Group" for a in x.actors.values())


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Trump met Angela Merkel in Berlin on Monday.",
            "Trump",
        ),  # a listed surname, tagged a noun
        ("Pelosi said on Monday that the bill would pass.", "Pelosi"),  # no English word
        ("Juncker said on Monday that Greece must reform.", "Juncker"),  # tagged an organisation
    ],
)
def test_a_lone_surname_opening_a_sentence_is_a_person(nlp, text, name):
    x = extract_text(nlp, text)
    assert name in {a.label for a in x.actors.values() if a.kind == "Person"}


@pytest.mark.parametrize(
    "text",
    [
        "Witnesses said on Monday that the bridge had collapsed.",
        "Lawmakers said on Monday that the bridge had collapsed.",
        "NATO said on Monday that its jets had intercepted the plane.",
    ],
)
def test_an_english_word_or_acronym_opening_a_sentence_is_no_person(nlp, text):
    x = extract_text(nlp, text)
    assert not [a.label for a in x.actors.values() if a.kind == "Person"]


def test_a_lowercase_word_tagged_a_body_is_no_organisation(nlp):
    x = extract_text(nlp, "Iran said its navy seized a British tanker.")
    assert "org:navy" not in x.actors
    assert [e.agents for e in x.events] == [["group:irn-military"]]
    x = extract_text(nlp, "Iran said the Islamic Revolutionary Guard Corps seized a tanker.")
    assert [a.kind for a in x.actors.values() if "Guard" in a.label] == ["Organization"]


@pytest.mark.parametrize(
    "text, iso3",
    [
        ("A Russian court sentenced Ukrainian pilot Nadia Savchenko.", "UKR"),
        ("James Foley, an American journalist, was killed.", "USA"),
    ],
)
def test_a_nationality_before_a_descriptor_is_the_persons(nlp, text, iso3):
    x = extract_text(nlp, text)
    people = [a for a in x.actors.values() if a.kind == "Person"]
    assert [p.affiliation for p in people] == [f"country:{iso3}"]


@pytest.mark.parametrize(
    "text",
    [
        "Iran released British-Iranian aid worker Nazanin Zaghari-Ratcliffe.",
        "John Smith, a journalist for the French newspaper Le Monde, was arrested.",
    ],
)
def test_two_nationalities_or_an_employers_give_the_person_none(nlp, text):
    x = extract_text(nlp, text)
    assert [a.affiliation for a in x.actors.values() if a.kind == "Person"] == [None]


def test_a_news_outlet_acted_on_is_a_side_of_its_country(nlp):
    x = extract_text(nlp, "Erdogan accused the BBC of bias.")
    bbc = [a for a in x.actors.values() if a.label == "BBC"]
    assert [a.affiliation for a in bbc] == ["country:GBR"]
    assert [e.targets for e in x.events] == [[bbc[0].key]]


@pytest.mark.parametrize(
    "text",
    [
        "Erdogan told the BBC that Turkey would respond.",
        "Russia attacked Ukraine, the BBC reported.",
    ],
)
def test_a_news_outlet_that_reports_or_hears_is_no_side(nlp, text):
    x = extract_text(nlp, text)
    assert not [a for a in x.actors.values() if a.label == "BBC"]
