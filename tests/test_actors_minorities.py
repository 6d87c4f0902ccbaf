"""A people named as a minority ("ethnic Albanians") lives outside the state its name comes
from: it is a group of the state the sentence places it in, never its kin state.

Every sentence is synthetic, written for these tests; the people in them are fictional.
"""
from __future__ import annotations

import pytest

from actors_kb import actors_by_name as actors


@pytest.mark.parametrize("text, name, code", [
    pytest.param("About 300 ethnic Albanians demonstrated on Friday in Serbia, a local radio station said.",
                 "ethnic Albanians", "SRB", id="clause_place"),
    pytest.param("Gunmen wounded four ethnic Albanians in a shootout in northern Serbia on Monday.",
                 "ethnic Albanians", "SRB", id="place_of_the_occasion"),
    pytest.param("Ethnic Hungarians rallied in Cluj on Sunday.", "Ethnic Hungarians", "ROU",
                 id="city_from_the_gazetteer"),
    pytest.param("Some 500 ethnic Turks began a sit-in to protest against Norway's plan to deport them to Bulgaria.",
                 "ethnic Turks", "NOR", id="possessor_state_not_the_destination"),
])
def test_actors_minorities_live_where_the_sentence_places_them(extractor, text, name, code):
    found = actors(extractor, text)
    assert found[name][:2] == ("group", code)


def test_actors_minorities_never_their_kin_state(extractor):
    found = actors(extractor, "Ethnic Serbs in Croatia protested against the Serbian embassy on Monday.")
    assert found["Ethnic Serbs"][:2] == ("group", "HRV")


def test_actors_minorities_without_a_place_stay_unplaced(extractor):
    # nothing in the sentence says where they live: no group is invented
    found = actors(extractor, "Ethnic Albanians marched on Tuesday.")
    assert not any(kind == "group" for kind, _, _ in found.values())


def test_actors_minorities_plain_people_unchanged(extractor):
    found = actors(extractor, "Thousands of Serbs protested in Serbia on Sunday.")
    assert not any(kind == "group" for kind, _, _ in found.values())


@pytest.mark.parametrize("text, name, code", [
    pytest.param("Thousands of Turkish Kurds marched in Diyarbakir on Sunday.", "Turkish Kurds", "TUR",
                 id="demonym_before_people"),
    pytest.param("Tamils in Sri Lanka boycotted the vote.", "Tamils", "LKA", id="people_in_a_state"),
    pytest.param("Syria's Kurds rejected the new constitution.", "Syria's Kurds", "SYR", id="possessive_state"),
])
def test_actors_minorities_stateless_peoples_are_groups_of_their_state(extractor, text, name, code):
    # a people without a state of its own is a group of the state it lives in, not that state
    found = actors(extractor, text)
    assert found[name][:2] == ("group", code)


@pytest.mark.parametrize("text, name, code", [
    pytest.param("Ethnic Albanian rebels operating in Macedonia handed in their rifles.", "Ethnic Albanian rebels",
                 "MKD", id="clause_place_of_armed_minority"),
    pytest.param("Police said ethnic Serb civilians in Kosovo were attacked on Monday.", "ethnic Serb civilians",
                 "XKX", id="place_phrase_of_minority_civilians"),
    # no place said: the kin state is all the sentence tells
    pytest.param("Gunmen attacked ethnic Serb civilians on Monday.", "ethnic Serb civilians", "SRB",
                 id="kin_state_when_nothing_else"),
    pytest.param("Serbian rebels in Croatia fired on a patrol.", "Serbian rebels", "SRB", id="not_a_minority_phrase"),
])
def test_actors_minorities_agents_of_a_minority(extractor, text, name, code):
    assert actors(extractor, text)[name][:2] == ("group", code)
