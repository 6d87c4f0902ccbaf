"""News trigger groups added for recall on ordinary news (events/data/triggers_core.yaml, section
"news recall") and the blocking entries that keep a common verb from coding what it does not mean.
Every sentence is synthetic, written for this test; the people named are fictional. Run through
the real model, knowledge base and extractor."""
from __future__ import annotations

import pytest
from events_helpers import place_code

from newsgraph.records import Article


def _events(extractor, text: str) -> set[tuple]:
    """(source codes, type, target codes, CAMEO code) of every event of one synthetic sentence; a
    place stands for its state."""
    ex = extractor.extract(Article(id="synthetic", text=text))
    code = lambda i: place_code(ex.actor(i))  # noqa: E731
    return {(tuple(sorted(filter(None, map(code, e.sources)))), e.type,
             tuple(sorted(filter(None, map(code, e.targets)))), e.cameo) for e in ex.events}


@pytest.mark.parametrize("text, expected", [
    # handing evidence to another state is sharing information (CAMEO 064)
    pytest.param("Greek prosecutors shared evidence with Turkey about the smuggling ring.",
                 (("GRC",), "COOPERATE", ("TUR",), "064"), id="share_evidence_cooperate"),
    # spaCy splits "cease-fire" into three tokens: the noun is still a ceasefire
    pytest.param("Chad announced a cease-fire with Sudan on Monday.",
                 (("TCD",), "AGREE", ("SDN",), "0871"), id="hyphenated_ceasefire_agree"),
    # a lawsuit or infringement case brought against a government (CAMEO 115)
    pytest.param("The European Commission launched legal action against the Hungarian government.",
                 (("EU",), "ACCUSE", ("HUN",), "115"), id="legal_action_accuse"),
    pytest.param("Sudan declared a cessation of hostilities with the rebels.",
                 (("SDN",), "AGREE", (), "0871"), id="cessation_of_hostilities_ceasefire"),
    pytest.param("Russia launched cyber warfare against Estonia.",
                 (("RUS",), "COERCE", ("EST",), "170"), id="cyber_warfare_coerce"),
    # stolen goods given back to their state (CAMEO 0842 return, release property)
    pytest.param("Italy returned looted artifacts to Egypt.",
                 (("ITA",), "RETREAT", ("EGY",), "0842"), id="return_artifacts_retreat"),
    pytest.param("The United States returned two stolen paintings to the government of Peru.",
                 (("USA",), "RETREAT", ("PER",), "0842"), id="return_paintings_retreat"),
    # a warning handed to a state is a threat, not a gift
    pytest.param("Finland gave Russia a stern warning over the airspace violations.",
                 (("FIN",), "THREATEN", ("RUS",), "130"), id="gave_warning_threaten"),
    # a deadline handed to a state demands that it act (CAMEO 10)
    pytest.param("Prime Minister Jane Roe gave Russia a midnight deadline over the attack.",
                 ((), "REQUEST", ("RUS",), "100"), id="gave_deadline_demand"),
    # the guest of a dinner is received by its host (CAMEO 043)
    pytest.param("The Indian prime minister hosted a dinner for the president of Ghana.",
                 (("IND",), "CONSULT", ("GHA",), "043"), id="hosted_dinner_for"),
    pytest.param("Azerbaijani troops take part in peacekeeping operations in Iraq.",
                 (("AZE",), "AID", ("IRQ",), "074"), id="peacekeeping_operations_aid"),
    pytest.param("NATO's military intervention in Libya toppled the government.",
                 (("NATO",), "ASSAULT", ("LBY",), "190"), id="military_intervention_assault"),
    pytest.param("Serbian nationalists burned the Albanian flag in Belgrade.",
                 (("SRB",), "PROTEST", ("ALB",), "141"), id="burned_flag_protest"),
    pytest.param("Japan sent rescue teams to Turkey after the earthquake.",
                 (("JPN",), "AID", ("TUR",), "073"), id="rescue_teams_aid"),
    pytest.param("China dispatched a medical team to Nepal.", (("CHN",), "AID", ("NPL",), "073"), id="medical_team_aid"),
    # the parser reads a sentence-initial acronym it does not know as an adverb: it is still the doer
    pytest.param("USAID provided shelter materials to families in Haiti.",
                 (("USA",), "AID", (), "070"), id="sentence_initial_acronym_doer"),
    pytest.param("Ukrainian troops returned fire on Russian positions.",
                 (("UKR",), "ASSAULT", ("RUS",), "190"), id="returned_fire_assault"),
])
def test_events_news_recall_trigger(extractor, text, expected):
    assert expected in _events(extractor, text)


@pytest.mark.parametrize("text, not_type", [
    # CAMEO 011 decline comment: a comment, which PLOVER does not code, not a rejection
    pytest.param("The German government declined to comment on the report.", "REJECT", id="declined_comment"),
    pytest.param("Kenya's foreign ministry refused to comment on the arrests.", "REJECT", id="refused_comment"),
    # a published statement or report is not a released captive
    pytest.param("The Canadian foreign ministry released a statement on the elections in Peru.", "RETREAT",
                 id="released_statement"),
    pytest.param("Brazil's health ministry released new figures on the outbreak.", "RETREAT",
                 id="released_figures"),
    # a message of condolence is no material aid
    pytest.param("Japan sent a condolence message to the government of Turkey.", "AID", id="sent_condolences"),
    pytest.param("Finance minister Jane Roe sent a letter to the World Health Organization.", "AID",
                 id="sent_letter"),
    # only a cessation of hostilities that is declared is a ceasefire
    pytest.param("Israel announced the cessation of aid deliveries to Gaza.", "AGREE", id="cessation_of_aid"),
    # coming back from a trip returns nothing to anyone
    pytest.param("The Ghanaian president returned to Accra from Nigeria on Monday.", "RETREAT",
                 id="returned_home"),
])
def test_events_news_recall_blocked_reading(extractor, text, not_type):
    assert not any(t == not_type for _, t, _, _ in _events(extractor, text))


@pytest.mark.parametrize("text, expected", [
    # the blocking entries take only their own phrases: the bare verbs still code their acts
    pytest.param("The German government declined to meet the Russian envoy.",
                 (("DEU",), "REJECT", ("RUS",), "120"), id="declined_meeting_rejects"),
    pytest.param("Japan sent food aid to North Korea.", (("JPN",), "AID", ("PRK",), "070"), id="sent_aid"),
])
def test_events_news_recall_bare_verb_still_codes(extractor, text, expected):
    assert expected in _events(extractor, text)


def test_events_news_recall_blocks_read_from_yaml(onto):
    """A group with ``blocks: true`` loads as do-not-code entries, and the bare verb keeps its own."""
    from newsgraph.events.lexicon import parse_groups

    entries = parse_groups({"groups": [{"type": "REJECT", "cameo": "120", "blocks": True,
                                        "verbs": ["decline comment"]}]}, "test", {"REJECT"})
    assert [(e.lemma, e.requires, e.blocks) for e in entries] == [("decline", ("comment",), True)]
    packaged = [e for e in onto.triggers.candidates("decline", "verb") if e.requires == ("comment",)]
    assert packaged and all(e.blocks for e in packaged)


@pytest.mark.parametrize("text", [
    pytest.param("US troops arrived in Poland on Monday.", id="troops_arrived"),
    pytest.param("A contingent of Kenyan soldiers arrived in Haiti.", id="contingent_of_soldiers"),
    pytest.param("Hundreds of British troops have arrived in Mali to join the mission there.", id="hundreds_of_troops"),
])
def test_events_news_recall_armed_arrival_is_no_visit(extractor, text):
    # soldiers come to deploy: a diplomatic visit (CAMEO 042) would be the wrong kind
    assert not any(t == "CONSULT" for _, t, _, _ in _events(extractor, text))


def test_events_news_recall_leader_arrival_stays_a_visit(extractor):
    assert (("FRA",), "CONSULT", ("MLI",), "042") in _events(
        extractor, "The French president arrived in Mali on Monday.")


def test_events_news_recall_peacekeepers_arriving_are_peacekeeping(extractor):
    events = _events(extractor, "Chinese peacekeepers arrived in South Sudan on Thursday.")
    assert (("CHN",), "AID", ("SSD",), "074") in events
    assert not any(t == "CONSULT" for _, t, _, _ in events)


@pytest.mark.parametrize("text, expected", [
    pytest.param("The Lord's Resistance Army is responsible for mass killings in Uganda.",
                 (("LRA",), "ASSAULT", ("UGA",)), id="is_responsible_for_killings"),
    pytest.param("The Russian unit responsible for the attack on Ukrainian civilians was disbanded.",
                 (("RUS",), "ASSAULT", ("UKR",)), id="unit_responsible_for_attack"),
])
def test_events_news_recall_responsible_for_violence(extractor, text, expected):
    assert expected in {e[:3] for e in _events(extractor, text)}


@pytest.mark.parametrize("text, factuality", [
    pytest.param("Boko Haram is not responsible for the bombings in Nigeria.", "negated", id="denied"),
    pytest.param("Boko Haram may be responsible for the bombings in Nigeria.", "hypothetical", id="hedged"),
])
def test_events_news_recall_responsible_denied_or_hedged_is_not_asserted(extractor, text, factuality):
    # the group is still the one the sentence is about; the denial or hedge is the factuality
    ex = extractor.extract(Article(id="synthetic", text=text))
    got = {(tuple(ex.actor(a).code for a in e.sources), e.factuality) for e in ex.events if e.type == "ASSAULT"}
    assert got == {(("Boko Haram",), factuality)}


@pytest.mark.parametrize("text, expected", [
    pytest.param("The missiles fired by the Israeli military struck an arms depot of the Syrian army.",
                 (("ISR",), "ASSAULT", ("SYR",)), id="missiles_fired_by"),
    pytest.param("Rockets launched by Hamas hit the Israeli city of Sderot.",
                 (("Hamas",), "ASSAULT", ("ISR",)), id="rockets_launched_by"),
])
def test_events_news_recall_weapon_user_is_the_attacker(extractor, text, expected):
    assert expected in {e[:3] for e in _events(extractor, text)}


def test_events_news_recall_weapon_from_a_place_names_no_attacker(extractor):
    # "fired from Syria" says where, not who: no doer is made up
    events = _events(extractor, "Shells fired from Syria struck the Turkish town of Akcakale.")
    assert not any(src for src, t, _, _ in events if t == "ASSAULT")


@pytest.mark.parametrize("text, expected", [
    pytest.param("Chile joined Peru for talks on the border.", (("CHL",), "CONSULT", ("PER",)), id="joined_for_talks"),
    pytest.param("The Kenyan president joined the Ugandan army for joint exercises.",
                 (("KEN",), "COOPERATE", ("UGA",)), id="joined_for_exercises"),
    # a meeting still to come is agreed to (the manual, AGREE and CONSULT)
    pytest.param("The Ghanaian president will join the prime minister of Togo for talks over dinner.",
                 (("GHA",), "AGREE", ("TGO",)), id="will_join_for_talks"),
])
def test_events_news_recall_joined_for_a_meeting(extractor, text, expected):
    assert expected in {e[:3] for e in _events(extractor, text)}


def test_events_news_recall_joined_alliance_names_no_partner(extractor):
    # joining a body for its cooperation meets no named party
    assert not any(t == "CONSULT" for _, t, _, _ in _events(extractor, "Chile joined the alliance for its cooperation."))


@pytest.mark.parametrize("text", [
    pytest.param("Kenya said it cannot accept any more refugees from Somalia.", id="cannot_accept"),
    pytest.param("Kenya can't send more troops to Somalia.", id="cant_send"),
])
def test_events_news_recall_cannot_is_a_refusal(extractor, text):
    # "cannot" said of one's own act refuses it (CAMEO 12), as "will not" does
    ex = extractor.extract(Article(id="synthetic", text=text))
    assert any(e.type == "REJECT" and e.factuality == "asserted" and ex.actor(e.sources[0]).code == "KEN"
               for e in ex.events)


@pytest.mark.parametrize("text, fact", [
    # an event that is the subject of "fail" or "aim" took place: only its complement is undone
    pytest.param("Russia's offensive against Ukraine failed.", "asserted", id="offensive_failed"),
    pytest.param("Chile's talks with Peru aim to end the dispute.", "asserted", id="talks_aim"),
    # a passive "planned" still announces the act
    pytest.param("Russia's planned offensive against Ukraine was postponed.", "future", id="planned_offensive"),
])
def test_events_news_recall_event_subject_factuality(extractor, text, fact):
    ex = extractor.extract(Article(id="synthetic", text=text))
    assert [e.factuality for e in ex.events if e.type in ("ASSAULT", "CONSULT")] == [fact]


@pytest.mark.parametrize("text", [
    pytest.param("President Jane Roe of Chile called Peruvian President John Doe on Thursday.", id="called_on_a_day"),
    pytest.param("The French president called the Russian president to discuss the war in Ukraine.",
                 id="called_to_discuss"),
    # "on Wednesday" and the complement's "on" do not make it "call on" (an appeal)
    pytest.param("The Chilean president called the Peruvian president on Wednesday to congratulate him on his victory.",
                 id="called_to_congratulate_on"),
])
def test_events_news_recall_call_to_a_leader_is_a_phone_call(extractor, text):
    ex = extractor.extract(Article(id="synthetic", text=text))
    assert any(e.type == "CONSULT" and e.cameo == "041" and e.targets for e in ex.events)
    assert not any(e.type == "REQUEST" for e in ex.events)


@pytest.mark.parametrize("text", [
    pytest.param("Iran's ambassador called the allegations totally unfounded.", id="called_allegations_unfounded"),
    pytest.param("The Chilean president called the Peruvian president a friend.", id="called_a_friend"),
    pytest.param("The opposition called Russia's bluff.", id="called_bluff"),
    pytest.param("The Kenyan president called elections for June.", id="called_elections"),
    pytest.param("Germany called a meeting of NATO allies.", id="called_a_meeting"),
])
def test_events_news_recall_naming_call_is_no_phone_call(extractor, text):
    ex = extractor.extract(Article(id="synthetic", text=text))
    assert not any(e.type == "CONSULT" for e in ex.events)
