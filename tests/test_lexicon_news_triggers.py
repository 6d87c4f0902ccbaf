"""Trigger entries for ordinary news (events/data/triggers.yaml, triggers_core.yaml): each pinned
on a synthetic sentence written for this test and run through the real model, knowledge base and
extractor."""
from __future__ import annotations

import pytest
from events_helpers import coded


@pytest.mark.parametrize("text, expected, not_types", [
    # the manual: signing or ratifying an agreement is SUPPORT; a promise to sign is AGREE
    pytest.param("Chile and Peru signed a treaty of friendship.", (("CHL",), "SUPPORT", ("PER",)), {"AGREE"},
                 id="signed_treaty_support"),
    # carrying the wounded out is humanitarian aid, not a military withdrawal
    pytest.param("Kenyan helicopters evacuated the injured from Somalia.", (("KEN",), "AID", ("SOM",)),
                 {"RETREAT"}, id="evacuate_wounded_aid"),
    # inspectors sent to a place investigate it; they are not troops
    pytest.param("The IAEA dispatched inspectors to Iran.", (("IAEA",), "ACCUSE", ("IRN",)), {"MOBILIZE"},
                 id="dispatch_inspectors_investigate"),
    # a visit called off reduces contact with the host
    pytest.param("The French minister cancelled a planned visit to Mali.", (("FRA",), "SANCTION", ("MLI",)),
                 {"REJECT"}, id="cancelled_visit_sanction"),
    # ending one's own strike yields; it is not a new strike
    pytest.param("Nigerian doctors called off their strike.", (("NGA",), "CONCEDE", ()), {"PROTEST"},
                 id="called_off_strike_concede"),
    # support "to" a party, as news writes it as often as support "for"
    pytest.param("Officials condemned Iran's support to Russia.", (("IRN",), "SUPPORT", ("RUS",)), set(),
                 id="support_to_party"),
])
def test_lexicon_news_trigger(extractor, text, expected, not_types):
    events = coded(extractor, text)
    assert expected in events
    assert not any(t in not_types for _, t, _ in events)


def test_lexicon_bomb_explosion_is_an_agentless_cause(extractor):
    # a bomb explosion that kills is violence with an unknown doer
    assert ((), "ASSAULT", ("IRQ",)) in coded(extractor, "A bomb explosion killed three Iraqi soldiers.")


def test_lexicon_accidental_explosion_is_no_assault(extractor):
    events = coded(extractor, "A gas explosion killed three Chinese miners.")
    assert not any(t == "ASSAULT" for _, t, _ in events)


def test_lexicon_cancelled_meeting_stays_reject(extractor):
    events = coded(extractor, "Chile cancelled its meeting with Peru.")
    assert (("CHL",), "REJECT", ("PER",)) in events


def test_lexicon_committed_crimes_are_no_agreement(extractor):
    # "commit" alone is not a promise: abuses are committed too
    events = coded(extractor, "Italy opened an investigation into abuses committed by Libyan guards.")
    assert not any(t == "AGREE" for _, t, _ in events)


def test_lexicon_committed_to_is_agreement(extractor):
    assert any(t == "AGREE" and s == ("GHA",) for s, t, _ in
               coded(extractor, "Ghana committed itself to the peace plan with Togo."))


def test_lexicon_driven_from_homes_is_assault(extractor):
    # mass expulsion (CAMEO 201) is violence, not the expulsion of a diplomat
    events = coded(extractor, "Serbian forces drove thousands of Albanians from their homes in Kosovo.")
    assert any(s == ("SRB",) and t == "ASSAULT" for s, t, _ in events)
    assert not any(t == "SANCTION" for _, t, _ in events)


def test_lexicon_captured_city_is_assault_on_its_state(extractor):
    # taking a city in fighting is military force against the state it belongs to, not a seizure
    events = coded(extractor, "Russian forces captured the Ukrainian city of Avdiivka.")
    assert (("RUS",), "ASSAULT", ("UKR",)) in events
    assert not any(t == "COERCE" for _, t, _ in events)


def test_lexicon_discussed_topic_is_no_party(extractor):
    # what is discussed is the topic: "discuss Croatia's advance" is no meeting with Croatia
    events = coded(extractor, "Serbia demanded a meeting of the Security Council to discuss Croatia's advance.")
    assert not any(t == "CONSULT" and g == ("HRV",) for _, t, g in events)
    assert (("RUS",), "CONSULT", ("CHN",)) in coded(extractor, "Putin discussed Ukraine with Xi.")
