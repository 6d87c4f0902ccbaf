"""Argument rules for CAMEO-style news sentences: measures taken in a place, threats aimed at
whoever a condition asks to act, nominal objects owned through "by", and the content clause of
a demand. Every sentence is synthetic, written for these tests (no dataset text), and runs
through the real model, knowledge base and extractor; the clause rules are also pinned on
hand-built parses so a parser change cannot hide them.
"""
from __future__ import annotations

import pytest
from events_helpers import coded, index_names, parse

from newsgraph.events.arguments import ArgumentFinder, find_arguments
from newsgraph.events.triggers import find_triggers


@pytest.mark.parametrize("text, event", [
    pytest.param("Ethiopia lifted the curfew in Somalia on Friday.", (("ETH",), "CONCEDE", ("SOM",)),
                 id="concession_in_a_place"),
    pytest.param("The World Food Programme suspended food deliveries in Yemen after the attack.",
                 (("WFP",), "SANCTION", ("YEM",)), id="suspension_in_a_place"),
    pytest.param("Chile threatened to recall its ambassador unless Peru apologised.",
                 (("CHL",), "THREATEN", ("PER",)), id="threat_unless_condition"),
    pytest.param("Chile threatened to leave the talks if Peru deployed more troops to the border.",
                 (("CHL",), "THREATEN", ("PER",)), id="threat_if_condition"),
    pytest.param("Norway rejected calls by Chile to reopen the talks.", (("NOR",), "REJECT", ("CHL",)),
                 id="rejected_call_by"),
    pytest.param("Angry activists from the Fatah movement staged rallies in Ramallah on Monday.",
                 (("Fatah",), "PROTEST", ("PSE",)), id="people_from_a_group"),
    pytest.param("Norway rejected a fresh offer from Chile for direct talks.", (("NOR",), "REJECT", ("CHL",)),
                 id="rejected_offer_from"),
    pytest.param("Norway demanded an immediate admission by Chile that its navy had entered the strait.",
                 (("NOR",), "REQUEST", ("CHL",)), id="demanded_admission_by"),
    pytest.param("The European Union repeated its demand that Israel ease restrictions on aid.",
                 (("EU",), "REQUEST", ("ISR",)), id="demand_content_clause"),
    pytest.param("The International Labour Organization reiterated its demand today that Israel ease restrictions.",
                 (("ILO",), "REQUEST", ("ISR",)), id="demand_clause_hung_on_the_verb"),
    pytest.param("Norway repeated its warning on Monday that Chile would face sanctions.",
                 (("NOR",), "THREATEN", ("CHL",)), id="warning_clause_after_time_phrase"),
    pytest.param("Farmers in France blocked roads near Lyon on Monday.", (("FRA",), "PROTEST", ("FRA",)),
                 id="blocked_roads_is_protest"),
    pytest.param("Italy announced a suspension of air links with Chile on Wednesday.",
                 (("ITA",), "SANCTION", ("CHL",)), id="suspended_thing_with_counterpart"),
    pytest.param("The United States suspended part of a military aid program for Bosnia on Friday.",
                 (("USA",), "SANCTION", ("BIH",)), id="suspended_part_of_thing_for_recipient"),
    pytest.param("Recent US drone attacks have killed at least eight al-Qaeda commanders since July.",
                 (("USA",), "ASSAULT", ("al-Qaeda",)), id="actor_modifies_the_modifier"),
    pytest.param("Norway is strongly opposed to the Chilean plan.", (("NOR",), "REJECT", ("CHL",)),
                 id="stance_opposed_to"),
    pytest.param("Israel is opposed to French mediation in the peace negotiations, an aide said.",
                 (("ISR",), "REJECT", ("FRA",)), id="stance_opposed_to_passive_parse"),
    pytest.param("Norway is committed to opening up its economy.", (("NOR",), "AGREE", ()),
                 id="stance_committed_to"),
    pytest.param("The plan was opposed by Chile.", (("CHL",), "REJECT", ()), id="real_passive_keeps_agent"),
])
def test_events_arguments_cameo_sentences(extractor, text, event):
    assert event in coded(extractor, text)


def test_events_arguments_cameo_participle_clause_is_not_content(extractor):
    # "saying that ..." is the subject's own statement, not the content of the accusation
    events = coded(extractor, "Norway rejected the accusation, saying that Chile had lied.")
    assert (("NOR",), "REJECT", ("CHL",)) not in events


def test_events_arguments_cameo_place_only_for_measures(extractor):
    # an accusation made in a capital is not aimed at the capital's state
    events = coded(extractor, "Chile criticised the ruling in Lima on Monday.")
    assert not any(t == ("PER",) for _, _, t in events)


def _threat_args(doc, onto, names):
    idx, ids = index_names(doc, names)
    trig = next(e for m in find_triggers(doc, onto.triggers) if m.token.i == 1 for e in m.entries
                if e.type == "THREATEN")
    return find_arguments(doc[1], trig, ArgumentFinder(idx, lambda t: None, lambda t: None)), ids


def test_events_arguments_cameo_condition_pinned(nlp, onto):
    # Chile threatened to leave unless Peru withdrew .
    doc = parse(nlp.vocab, "Chile/Chile/PROPN/NNP/nsubj/1 threatened/threaten/VERB/VBD/ROOT/1 to/to/PART/TO/aux/3 "
                           "leave/leave/VERB/VB/xcomp/1 unless/unless/SCONJ/IN/mark/6 Peru/Peru/PROPN/NNP/nsubj/6 "
                           "withdrew/withdraw/VERB/VBD/advcl/3 ././PUNCT/./punct/1")
    args, ids = _threat_args(doc, onto, {"Chile": ("CHL", "state"), "Peru": ("PER", "state")})
    assert args.sources == [ids["Chile"]] and args.targets == [ids["Peru"]]


def test_events_arguments_cameo_condition_not_from_other_speech(nlp, onto):
    # Chile threatened to leave , Peru said , if Bolivia asked . -- the condition hangs from
    # another speaker's say-verb, not from the threat
    doc = parse(nlp.vocab, "Chile/Chile/PROPN/NNP/nsubj/1 threatened/threaten/VERB/VBD/ccomp/6 to/to/PART/TO/aux/3 "
                           "leave/leave/VERB/VB/xcomp/1 ,/,/PUNCT/,/punct/6 Peru/Peru/PROPN/NNP/nsubj/6 "
                           "said/say/VERB/VBD/ROOT/6 if/if/SCONJ/IN/mark/9 Bolivia/Bolivia/PROPN/NNP/nsubj/9 "
                           "asked/ask/VERB/VBD/advcl/6 ././PUNCT/./punct/6")
    args, ids = _threat_args(doc, onto, {"Chile": ("CHL", "state"), "Peru": ("PER", "state"),
                                         "Bolivia": ("BOL", "state")})
    assert ids["Bolivia"] not in args.targets
