"""Places as targets and one-sided events, on synthetic sentences through the real actor and
event stages (real model, real knowledge base). Every sentence here is synthetic."""
from __future__ import annotations

import pytest
from events_helpers import event_codes

from newsgraph.evaluate.plover_gsr import actor_matches
from newsgraph.records import Actor


def _coded(idx, events) -> set[tuple]:
    return {(t, s, g) for t, _, s, g in event_codes(idx.get, events)}


@pytest.mark.parametrize("text, name, country", [
    ("Synthetic: the talks were held in Cambodia on Monday.", "Cambodia", "KHM"),
    ("Synthetic: the envoy arrived in Amman on Monday.", "Amman", "JOR"),
], ids=["state_named_as_place", "capital_named_as_place"])
def test_events_places_location_keeps_its_state(actors_and_events, text, name, country):
    idx, _ = actors_and_events(text)
    place = next(a for a in idx.actors if a.name == name)
    assert place.kind == "location" and place.code is None
    assert place.country == country


def test_events_places_visit_targets_the_place_state(actors_and_events):
    idx, events = actors_and_events("Synthetic: the Iraqi foreign minister arrived in Amman on Tuesday for a two-day visit.")
    assert ("CONSULT", ("IRQ",), ("JOR",)) in _coded(idx, events)


def test_events_places_violence_in_a_place_targets_its_state(actors_and_events):
    idx, events = actors_and_events("Synthetic: Syrian troops attacked several villages in Lebanon on Sunday.")
    assert ("ASSAULT", ("SYR",), ("LBN",)) in _coded(idx, events)


def test_events_places_named_target_wins_over_place(actors_and_events):
    idx, events = actors_and_events("Synthetic: Syrian troops attacked Israeli soldiers in Lebanon on Sunday.")
    coded = _coded(idx, events)
    assert ("ASSAULT", ("SYR",), ("ISR",)) in coded
    assert ("ASSAULT", ("SYR",), ("LBN",)) not in coded


def test_events_places_one_sided_act_has_no_target(actors_and_events):
    idx, events = actors_and_events("Synthetic: Egypt accepted the offer on Friday.")
    assert ("AGREE", ("EGY",), ()) in _coded(idx, events)


def test_events_places_hypothetical_one_sided_act_is_not_coded(actors_and_events):
    idx, events = actors_and_events("Synthetic: Egypt might accept the offer.")
    assert not [e for e in events if e.type == "AGREE"]


@pytest.mark.parametrize("code, expected", [("JOR", True), ("JORGOV", True), ("IRQ", False)],
                         ids=["state", "state_sector", "other_state"])
def test_events_places_gold_code_matches_place_by_state(code, expected):
    place = Actor(id="a1", name="Amman", kind="location", code=None, country="JOR")
    assert actor_matches(place, code) is expected
