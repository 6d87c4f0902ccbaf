"""Whom a demand is put to (events/patterns.py ``complete_arguments``): the object of "order X to
...", not what the ordered act is aimed at. Synthetic sentences written for this test, run
through the real model, knowledge base and extractor."""
from __future__ import annotations

from events_helpers import coded


def test_patterns_order_to_own_army_asks_no_foreign_state(extractor):
    events = coded(extractor, "Russia ordered the army to attack Ukraine.")
    assert not any(t == "REQUEST" and g == ("UKR",) for _, t, g in events)


def test_patterns_named_addressee_is_asked(extractor):
    assert (("GHA",), "REQUEST", ("NGA",)) in coded(extractor, "Ghana urged Nigeria to impose sanctions on Togo.")


def test_patterns_asking_to_meet_targets_the_other_party(extractor):
    assert (("GHA",), "REQUEST", ("TGO",)) in coded(extractor, "Ghana demanded to meet Togo.")


def test_patterns_seeking_to_act_is_no_request(extractor):
    # "sought to" is an attempt; "sought help from" is a request
    events = coded(extractor, "Russia seeks to expand ties with China.")
    assert not any(t == "REQUEST" for _, t, _ in events)
    assert (("UKR",), "REQUEST", ("POL",)) in coded(extractor, "Ukraine sought help from Poland.")
