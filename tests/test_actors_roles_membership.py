"""A person's state read from what the sentence says about them: membership of a state's body
("a member of the Kenyan parliament, X"), and a head of government dealing with one state's
armed group when no state is named ("President X agreed to demands from UNITA").

Every sentence is synthetic, written for these tests; the people in them are fictional.
"""
from __future__ import annotations

import pytest

from actors_kb import actors_by_name as actors


@pytest.mark.parametrize("text, name, code", [
    pytest.param("A member of the Kenyan parliament, Otieno Barasa, began a hunger strike on Monday.",
                 "Otieno Barasa", "KEN", id="apposition_before_the_name"),
    pytest.param("Lena Vos, a member of the Dutch parliament, criticised the plan.", "Lena Vos", "NLD",
                 id="apposition_after_the_name"),
    pytest.param("Omar Dari, a member of the band, said the tour was over.", "Omar Dari", None,
                 id="member_of_no_state_body"),
])
def test_actors_roles_membership_of_a_state_body(extractor, text, name, code):
    assert actors(extractor, text)[name][1] == code


@pytest.mark.parametrize("text, name, code", [
    pytest.param("President Tomas Belo accepted demands from UNITA to reform the courts.", "Tomas Belo", "AGO",
                 id="head_of_government_and_a_domestic_group"),
    pytest.param("Envoy Rui Campos met UNITA leaders on Monday.", "Rui Campos", None,
                 id="envoy_is_often_the_outsider"),
    pytest.param("Minister Tomas Vale said Hamas must disarm.", "Tomas Vale", None,
                 id="minister_is_often_the_outsider"),
    pytest.param("President Jonas Mwale of Zambia met UNITA leaders on Monday.", "Jonas Mwale", "ZMB",
                 id="a_named_state_wins"),
])
def test_actors_roles_membership_group_gives_the_state(extractor, text, name, code):
    # each case names its own person: the extractor remembers what earlier texts stated
    assert actors(extractor, text)[name][1] == code


@pytest.mark.parametrize("text, name, code", [
    pytest.param("Arab League Secretary-General Karim Haddad urged restraint.", "Karim Haddad", "LAS",
                 id="hyphenated_title_after_the_organisation"),
    pytest.param("The UN Under-Secretary-General Lars Dahl said aid would arrive.", "Lars Dahl", "UN",
                 id="doubly_hyphenated_title"),
])
def test_actors_roles_membership_hyphenated_titles(extractor, text, name, code):
    assert actors(extractor, text)[name][1] == code
