"""Agents placed by a place phrase (actors/agents.py): "students throughout X", and for the
participants of a clause, the clause's own place ("demonstrators marched in X"). Every sentence
is synthetic, written for this test, and run through the real model and knowledge base."""
from __future__ import annotations

import pytest

from newsgraph.records import Article


def agents(extractor, text: str) -> dict[str, tuple[str | None, str | None]]:
    """Agent noun phrase -> (code, sector) for the agents the actor stage made."""
    ex = extractor.extract(Article(id="synthetic", text=text))
    return {a.name: (a.code, a.sector) for a in ex.actors if a.kind in ("group", "organisation") and a.sector
            and a.code == a.country}


@pytest.mark.parametrize("text, name, expected", [
    pytest.param("Thousands of students throughout Kenya boycotted their lectures on Friday.", "students",
                 ("KEN", "EDU"), id="throughout_places_the_noun"),
    pytest.param("Farmers across Bolivia blocked roads on Tuesday.", "Farmers", ("BOL", "CVL"), id="across_places_the_noun"),
    pytest.param("Police in Nairobi detained two reporters.", "Police", ("KEN", "COP"), id="in_a_capital_places_the_noun"),
    pytest.param("Doctors from two Chilean aid groups visited the camp.", "Doctors", ("CHL", "HLH"),
                 id="from_a_body_of_a_state"),
])
def test_actors_agents_places_preposition(extractor, text, name, expected):
    assert agents(extractor, text).get(name) == expected


@pytest.mark.parametrize("text, name, expected", [
    pytest.param("Demonstrators marched in Lima on Sunday.", "Demonstrators", ("PER", "CVL"), id="subject_of_the_verb"),
    pytest.param("Riot police dispersed demonstrators protesting the vote count in Quito.", "demonstrators",
                 ("ECU", "CVL"), id="subject_of_a_clause_modifying_it"),
    pytest.param("Teachers went on strike in Ghana last week.", "Teachers", ("GHA", "EDU"), id="place_of_a_strike"),
    pytest.param("Hundreds of thousands of people blocked streets in Lima.", "people", ("PER", "CVL"),
                 id="quantity_of_people_takes_the_subject_role"),
    pytest.param("A group of farmers marched in Quito on Monday.", "farmers", ("ECU", "CVL"), id="group_of_agents"),
    pytest.param("Prisoners rioted at a jail in Nairobi on Monday.", "Prisoners", ("KEN", "CVL"), id="spot_in_a_place"),
    pytest.param("Demonstrators marched in Chile's capital on Monday.", "Demonstrators", ("CHL", "CVL"),
                 id="possessor_of_the_place"),
])
def test_actors_agents_places_clause(extractor, text, name, expected):
    assert agents(extractor, text).get(name) == expected


def test_actors_agents_places_modifier_beats_the_place(extractor):
    # whose they are (the modifier) says more than where they are
    found = agents(extractor, "Romanian refugees in Hungary staged a protest on Monday.")
    assert found.get("Romanian refugees") == ("ROU", "REF")


@pytest.mark.parametrize("text", [
    pytest.param("Troops withdrew from Lebanon on Monday.", id="from_is_not_a_clause_place"),
    pytest.param("Refugees arrived in Hungary on Monday.", id="refugees_are_not_of_where_they_arrive"),
    pytest.param("Soldiers patrolled in Mali on Monday.", id="troops_are_not_of_where_they_act"),
])
def test_actors_agents_places_clause_place_does_not_apply(extractor, text):
    assert agents(extractor, text) == {}


def test_actors_agents_places_clause_place_not_when_attached_to_a_group(extractor):
    # activists of a movement are the movement's, not the clause place's state
    found = agents(extractor, "Young activists from the Fatah movement marched in Ramallah on Monday.")
    assert "activists" not in found and "Young activists" not in found


@pytest.mark.parametrize("text", [
    pytest.param("The minister said the people of Chile deserve better schools.", id="people_of_a_state_is_the_nation"),
    pytest.param("The minister said the Chilean people deserve better schools.", id="a_states_people_is_the_nation"),
])
def test_actors_agents_places_people_only_placed_by_a_place(extractor, text):
    assert "people" not in " ".join(agents(extractor, text))


def test_actors_agents_places_a_spot_names_no_nationality(extractor):
    # protesting at an embassy says nothing about whose the protesters are
    assert "Students" not in agents(extractor, "Students protested at the Peruvian embassy on Monday.")
