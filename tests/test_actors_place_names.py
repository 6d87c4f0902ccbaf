"""Places the knowledge base would misread or the model does not tag: a place whose whole name
holds a state's name ("Northern Ireland" is in the United Kingdom, not Ireland), and capitalised
names in a place's position that the model tagged as a person or not at all ("shelled Silopi",
"in the town of Baqubah"), looked up in the gazetteer.

Every sentence is synthetic, written for these tests; the people in them are fictional.
"""
from __future__ import annotations

import pytest

from actors_kb import actors_by_name as actors


@pytest.mark.parametrize("text, name, country, absent", [
    pytest.param("Police detained three men in Northern Ireland on Friday.", "Northern Ireland", "GBR", "Ireland",
                 id="region_of_another_state"),
    pytest.param("Wildfires forced evacuations in New Mexico on Monday.", "New Mexico", "USA", "Mexico",
                 id="us_state_named_after_a_country"),
])
def test_actors_place_names_whole_name_wins(extractor, text, name, country, absent):
    found = actors(extractor, text)
    assert found[name] == ("location", None, country)
    assert absent not in found


def test_actors_place_names_state_itself_unchanged(extractor):
    found = actors(extractor, "Ireland and Mexico signed a trade deal on Monday.")
    assert found["Ireland"][:2] == ("state", "IRL")
    assert found["Mexico"][:2] == ("state", "MEX")


@pytest.mark.parametrize("text, name, country", [
    # the small model tags these towns PERSON or nothing at all in these sentences
    pytest.param("Troops shelled Silopi overnight.", "Silopi", "TUR", id="object_of_shelling"),
    pytest.param("Troops shelled Tikrit overnight.", "Tikrit", "IRQ", id="untagged_object"),
    pytest.param("Troops shelled Tatvan and Silopi overnight.", "Silopi", "TUR", id="coordinated_object"),
    pytest.param("A bomb exploded near the town of Khanaqin on Sunday.", "Khanaqin", "IRQ", id="town_of"),
    pytest.param("Students rallied in Nusaybin on Tuesday.", "Nusaybin", "TUR", id="in_a_town"),
])
def test_actors_place_names_untagged_places_from_the_gazetteer(extractor, text, name, country):
    assert actors(extractor, text)[name] == ("location", None, country)


def test_actors_place_names_only_in_a_place_position(extractor):
    # a name the gazetteer knows, but as the one spoken with, is not made a place
    found = actors(extractor, "The minister spoke with Nusaybin about the budget.")
    assert "Nusaybin" not in found


def test_actors_place_names_unknown_names_stay_unknown(extractor):
    found = actors(extractor, "Rebels shelled Kovrenja overnight.")
    assert "Kovrenja" not in found


@pytest.mark.parametrize("text, name, country", [
    pytest.param("Jets struck targets in Northern Iraq on Monday.", "Northern Iraq", "IRQ", id="part_of_a_state"),
    pytest.param("Shelling resumed in Eastern Ukraine on Monday.", "Eastern Ukraine", "UKR", id="eastern_part"),
    pytest.param("Troops entered North Sinai on Monday.", "North Sinai", "EGY", id="part_of_a_region"),
    # a state bears the directed name: the phrase may be that state, so no state is said
    pytest.param("Rebels attacked a town in Southern Sudan.", "Southern Sudan", None, id="ambiguous_with_a_state"),
])
def test_actors_place_names_compass_parts(extractor, text, name, country):
    assert actors(extractor, text)[name] == ("location", None, country)


def test_actors_place_names_lower_case_direction_keeps_the_state(extractor):
    found = actors(extractor, "Fighting spread in southern Sudan on Monday.")
    assert found["Sudan"][2] == "SDN"
    assert "South Sudan" not in found
