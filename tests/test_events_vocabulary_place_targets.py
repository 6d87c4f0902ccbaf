"""Coercion and assault done in a place, with no one named as the target, are coded against the
place's state (events/arguments.py PLACE_TARGET_TYPES), as CAMEO does; a town the knowledge base
cannot place codes nothing. Sentences are synthetic, written for this test."""
from __future__ import annotations

import pytest
from events_helpers import coded


@pytest.mark.parametrize("text, expected", [
    pytest.param("Kenyan police detained dozens of young men in Bangui.", (("KEN",), "COERCE", ("CAF",)),
                 id="arrests_in_a_capital"),
    pytest.param("Chadian soldiers raided several houses in Bangui.", (("TCD",), "COERCE", ("CAF",)),
                 id="raid_in_a_capital"),
])
def test_events_vocabulary_place_targets_place_is_the_target(extractor, text, expected):
    assert expected in coded(extractor, text)


def test_events_vocabulary_place_targets_unplaced_town_codes_nothing(extractor):
    found = coded(extractor, "Kenyan police detained dozens of young men in Zorbatown.")
    assert (("KEN",), "COERCE", ()) in found


def test_events_vocabulary_place_targets_shelter_stands_for_its_people(extractor):
    found = coded(extractor, "A camp for Congolese refugees was attacked by Burundian militiamen.")
    assert (("BDI",), "ASSAULT", ("COD",)) in found
