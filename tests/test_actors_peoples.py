"""Actors as CAMEO codes them in older and regional news: peoples named with the state they live
in ("Bosnian Serbs" are a group of Bosnia, not Serbia), described or counted peoples ("young
Algerians", "thousands of Nigerians") as their state, titled people whose country
is not the state they act on, and long-running organisations the knowledge base must know.

Every sentence is synthetic, written for these tests; the people in them are fictional.
"""
from __future__ import annotations

import pytest

from actors_kb import actors_by_name


def actors(extractor, text: str) -> dict[str, tuple]:
    return actors_by_name(extractor, text, ("kind", "code", "country", "sector"))


@pytest.mark.parametrize("text, name, kind, code", [
    pytest.param("Bosnian Serbs demanded new elections on Sunday.", "Bosnian Serbs", "group", "BIH",
                 id="demonym_before_people"),
    pytest.param("Kosovo Albanians protested on Monday.", "Kosovo Albanians", "group", "XKX",
                 id="place_name_before_people"),
    pytest.param("The Albanians of southern Serbia demanded autonomy.", "Albanians", "group", "SRB",
                 id="people_of_a_state"),
])
def test_actors_peoples_groups(extractor, text, name, kind, code):
    found = actors(extractor, text)
    assert found[name][:2] == (kind, code)


def test_actors_peoples_nation_of_immigrants_keeps_its_state(extractor):
    found = actors(extractor, "Chinese Americans protested in Chicago on Saturday.")
    assert found["United States"][:2] == ("state", "USA")
    assert not any(kind == "group" and code == "CHN" for kind, code, _, _ in found.values())


def test_actors_peoples_bare_plural_stays_the_state(extractor):
    found = actors(extractor, "The Palestinians rejected the plan on Monday.")
    assert found["Palestine"][:2] == ("state", "PSE")


@pytest.mark.parametrize("text", ["Thousands of Nigerians marched in Abuja.",
                                  "Young Nigerians blocked roads on Sunday."])
def test_actors_peoples_described_people_are_their_state(extractor, text):
    # the gold format keeps "group" for armed or political groups; a people is its state
    found = actors(extractor, text)
    assert found["Nigeria"][:2] == ("state", "NGA")
    assert not any(kind == "group" for kind, _, _, _ in found.values())


@pytest.mark.parametrize("text, name, code", [
    # the only state named is the one acted on: no country can be read from it
    pytest.param("President Ilse Varga threatened further action against Russia on Monday.", "Ilse Varga", None,
                 id="counterpart_is_not_the_country"),
    # another person's title names that person's country, not this one's
    pytest.param("President Lena Morrow gave a warm welcome to South African leader Sipho Dube on Thursday.",
                 "Lena Morrow", None, id="other_persons_title"),
    pytest.param("President Lena Morrow gave a warm welcome to South African leader Sipho Dube on Thursday.",
                 "Sipho Dube", "ZAF", id="own_title_demonym"),
    # the place a person speaks in or goes back to is still read as their country
    pytest.param("Speaking in Nairobi, Minister Otieno Wekesa said the plan would work.", "Otieno Wekesa", "KEN",
                 id="setting_gives_the_country"),
    pytest.param("Ousted President Ilse Varga agreed to step down without returning to Austria.", "Ilse Varga",
                 "AUT", id="returning_to_is_a_setting"),
    # an organisation inside the person's own title
    pytest.param("Chile welcomed remarks by Tomas Arvello, UN secretary-general, on Friday.", "Tomas Arvello", "UN",
                 id="organisation_in_own_title"),
])
def test_actors_peoples_person_codes(extractor, text, name, code):
    assert actors(extractor, text)[name][1] == code


@pytest.mark.parametrize("text, name, code, country", [
    pytest.param("The European Community gave Chile new aid.", "European Community", "EEC", None,
                 id="european_community"),
    pytest.param("The Tamil Tigers attacked an army camp in Sri Lanka.", "Liberation Tigers of Tamil Eelam", "LTTE",
                 "LKA", id="armed_group_with_its_state"),
])
def test_actors_peoples_known_organisations(extractor, text, name, code, country):
    found = actors(extractor, text)
    assert found[name][1:3] == (code, country)
