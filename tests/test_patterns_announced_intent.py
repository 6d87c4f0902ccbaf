"""Announced acts coded as PLOVER codes intentions (events/patterns.py ``recode_intent``) and
the argument rules for envoys and demanded punishments. Every sentence is synthetic, written for
this test, and runs through the real model, knowledge base and extractor."""
from __future__ import annotations

import pytest
from events_helpers import coded


@pytest.mark.parametrize("text, expected", [
    # the manual: cooperative acts reported in the future tense are AGREE
    pytest.param("Norway will support Chile's bid for membership of the alliance.",
                 (("NOR",), "AGREE", ("CHL",)), id="future_support_is_agree"),
    # a meeting offered on a condition is an offer, not the agenda of talks under way
    pytest.param("Somalia said it would meet Kenya if the talks were held in Addis Ababa.",
                 (("SOM",), "AGREE", ("KEN",)), id="conditional_meeting_is_offer"),
    # "would be ready to host": a hypothesis in form, an offer in substance
    pytest.param("Kenya would be ready to host talks between Sudan and Chad.",
                 (("KEN",), "AGREE", ("SDN", "TCD")), id="ready_to_host_is_offer"),
    pytest.param("Chile and Peru will sign a trade agreement.", (("CHL",), "AGREE", ("PER",)),
                 id="future_signing_is_agree"),
])
def test_patterns_future_cooperation_is_agree(extractor, text, expected):
    events = coded(extractor, text)
    assert expected in events
    assert not any(t in ("SUPPORT", "CONSULT") and s == expected[0] for s, t, _ in events)


@pytest.mark.parametrize("text", [
    pytest.param("Norway will always support Chile.", id="always"),
    pytest.param("Norway will continue to support Chile.", id="continue"),
])
def test_patterns_standing_support_stays_support(extractor, text):
    events = coded(extractor, text)
    assert (("NOR",), "SUPPORT", ("CHL",)) in events
    assert not any(t == "AGREE" for _, t, _ in events)


@pytest.mark.parametrize("text, expected", [
    pytest.param("Syria will not accept any more refugees.", (("SYR",), "REJECT", ()), id="no_recipient"),
    pytest.param("Peru said it would not meet Chile's demands.", (("PER",), "REJECT", ("CHL",)),
                 id="demands"),
])
def test_patterns_announced_refusal_is_reject(extractor, text, expected):
    events = coded(extractor, text)
    # the refusal is made: asserted, not a negated act
    assert events.get(expected) == "asserted"
    assert not any(t in ("AID", "CONCEDE") for _, t, _ in events)


def test_patterns_promise_without_recipient_is_agree(extractor):
    assert (("UN",), "AGREE", ()) in coded(extractor, "The United Nations will provide food aid.")


def test_patterns_decision_without_recipient_is_not_a_promise(extractor):
    # "decided to approve" is neither a promise nor an offer: no target-less AGREE
    events = coded(extractor, "Norway's cabinet decided to approve the budget.")
    assert not any(t == "AGREE" for _, t, _ in events)


def test_patterns_preparing_an_attack_is_mobilize(extractor):
    events = coded(extractor, "Serbia's army prepared to attack Kosovo.")
    assert events.get((("SRB",), "MOBILIZE", ("XKX",))) == "asserted"
    assert not any(t in ("THREATEN", "ASSAULT") for _, t, _ in events)


def test_patterns_prepared_adjective_stays_threat(extractor):
    events = coded(extractor, "Chile is prepared to attack Peru if Peru closes the border.")
    assert (("CHL",), "THREATEN", ("PER",)) in events
    assert not any(t == "MOBILIZE" for _, t, _ in events)


def test_patterns_summoned_envoy_is_target(extractor):
    events = coded(extractor, "Ghana summoned Togo's ambassador.")
    assert (("GHA",), "ACCUSE", ("TGO",)) in events


def test_patterns_call_for_sanctions_accuses_their_target(extractor):
    events = coded(extractor, "Ghana called for sanctions against Togo.")
    assert (("GHA",), "ACCUSE", ("TGO",)) in events


def test_patterns_call_on_someone_to_sanction_stays_request(extractor):
    events = coded(extractor, "Ghana urged Nigeria to impose sanctions on Togo.")
    assert (("GHA",), "REQUEST", ("NGA",)) in events
    assert not any(t == "ACCUSE" and s == ("GHA",) for s, t, _ in events)


def test_patterns_set_announces_only_an_infinitive(extractor):
    # "is set to attack" announces an attack; "set up a commission after attacking" reports one
    assert (("SRB",), "THREATEN", ("XKX",)) in coded(extractor, "Serbia is set to attack Kosovo.")
    events = coded(extractor, "Serbia set up a commission after attacking Kosovo.")
    assert events.get((("SRB",), "ASSAULT", ("XKX",))) == "asserted"
    assert not any(t == "THREATEN" for _, t, _ in events)
