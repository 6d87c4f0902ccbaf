"""CAMEO/PLOVER coverage rules (events/triggers_core.yaml, events/patterns.py, actors/agents.py),
each pinned on a synthetic sentence written for this test (no dataset text) and run through the
real model, knowledge base and extractor."""
from __future__ import annotations

import pytest
from events_helpers import coded

from newsgraph.records import Article


@pytest.mark.parametrize("text, expected", [
    pytest.param("Norway resumed diplomatic ties with Chile.", (("NOR",), "COOPERATE", ("CHL",)), id="restore_ties_cooperate"),
    pytest.param("Peru upgraded its diplomatic relations with Ghana.", (("PER",), "SUPPORT", ("GHA",)), id="upgrade_relations_support"),
    pytest.param("Chile lifted restrictions on Bolivian imports.", (("CHL",), "CONCEDE", ("BOL",)), id="ease_restrictions_concede"),
    pytest.param("Mexico complained to Canada about the tariffs.", (("MEX",), "ACCUSE", ("CAN",)), id="complain_disapprove"),
    pytest.param("Italy launched an investigation into the Libyan coast guard.", (("ITA",), "ACCUSE", ("LBY",)),
                 id="investigation_accuse"),
    pytest.param("Vietnam issued an ultimatum to Laos.", (("VNM",), "THREATEN", ("LAO",)), id="ultimatum_threaten"),
    pytest.param("Chile imposed a curfew on Peruvian migrants.", (("CHL",), "COERCE", ("PER",)), id="curfew_coerce"),
])
def test_events_coverage_lexicon_category(extractor, text, expected):
    assert expected in coded(extractor, text)


@pytest.mark.parametrize("text, expected", [
    pytest.param("Brazil threatened to cut off electricity to Paraguay.", (("BRA",), "THREATEN", ("PRY",)),
                 id="threat_takes_complement_target"),
    pytest.param("Spain refused to send troops to Morocco.", (("ESP",), "REJECT", ("MAR",)),
                 id="refusal_takes_complement_target"),
])
def test_events_coverage_complement_target(extractor, text, expected):
    assert expected in coded(extractor, text)


def test_events_coverage_reciprocal_subjects_pairwise(extractor):
    events = coded(extractor, "Kenya and Tanzania agreed to a ceasefire.")
    assert any(t == "AGREE" and set(s + g) == {"KEN", "TZA"} for s, t, g in events)


@pytest.mark.parametrize("text, expected", [
    pytest.param("Chile will impose sanctions on Peru.", (("CHL",), "THREATEN", ("PER",)), id="future_sanction_is_threat"),
    pytest.param("Finland will give Tanzania a loan.", (("FIN",), "AGREE", ("TZA",)), id="future_aid_is_agree"),
])
def test_events_coverage_announced_intent(extractor, text, expected):
    events = coded(extractor, text)
    assert expected in events
    # the announced act is not also coded as done
    assert not any(t in ("SANCTION", "AID") for _, t, _ in events)


def test_events_coverage_us_is_not_we(extractor):
    assert (("EGY",), "REQUEST", ("USA",)) in coded(extractor, "Egypt demanded that the US withdraw its request.")


@pytest.mark.parametrize("text, expected", [
    pytest.param("Ugandan rebels surrendered on Monday.", (("UGA",), "RETREAT", ()), id="surrender"),
    pytest.param("Ghana's prime minister resigned on Sunday.", (("GHA",), "RETREAT", ()), id="resignation"),
])
def test_events_coverage_event_without_target(extractor, text, expected):
    assert expected in coded(extractor, text)


def test_events_coverage_domestic_agents_are_two_parties(extractor):
    text = "The Kenyan government arrested Kenyan opposition activists."
    ex = extractor.extract(Article(id="synthetic", text=text))
    agents = [a for a in ex.actors if a.kind == "group" and a.sector == "OPP"]
    assert [a.code for a in agents] == ["KEN"]
    assert any(e.type == "COERCE" and e.targets == [agents[0].id] for e in ex.events)


def test_events_coverage_protest_against_own_state(extractor):
    assert (("KEN",), "PROTEST", ("KEN",)) in coded(extractor, "Kenyan students demonstrated on Friday.")


def test_events_coverage_no_event_without_trigger(extractor):
    assert not coded(extractor, "Kenyan students played football in Nairobi on Friday.")
