"""Actors named after a state: a body named after the leader who heads it ("the Bush
administration") and an association named after the state it works in ("the Nigerian Union of
Teachers") act for that state.

Every sentence is synthetic, written for these tests; the people in them are fictional.
"""
from __future__ import annotations

import pytest

from actors_kb import actors_by_name

from newsgraph.records import Article


def actors(extractor, text: str) -> dict[str, tuple]:
    # no date: the two Bushes both count
    return actors_by_name(extractor, text, ("kind", "code"))


@pytest.mark.parametrize("text, name, code", [
    pytest.param("The Bush administration said on Tuesday that tariffs would rise.", "Bush administration", "USA",
                 id="surname_of_presidents_of_one_state"),
    pytest.param("The Netanyahu government rejected the proposal on Sunday.", "Netanyahu government", "ISR",
                 id="surname_of_a_prime_minister"),
])
def test_actors_state_named_leader_bodies(extractor, text, name, code):
    assert actors(extractor, text)[name] == ("organisation", code)


def test_actors_state_named_unknown_surname_makes_no_body(extractor):
    found = actors(extractor, "The Quillfeather administration rejected the proposal on Sunday.")
    assert not any(kind == "organisation" for kind, _ in found.values())


@pytest.mark.parametrize("text, name, code", [
    pytest.param("The Kenyan Union of Nurses (KUN) said on Monday that it had called off a strike.",
                 "Kenyan Union of Nurses", "KEN", id="demonym_with_acronym"),
    pytest.param("Officials of the Montenegro Association of Towns demanded money from the state.",
                 "Montenegro Association of Towns", "MNE", id="state_name_without_acronym"),
])
def test_actors_state_named_associations_act_for_the_state(extractor, text, name, code):
    found = actors(extractor, text)
    assert found[name] == ("organisation", code)
    assert sum(1 for n in found if n == name) == 1


def test_actors_state_named_acronym_is_the_same_actor(extractor):
    ex = extractor.extract(Article(id="synthetic", text=(
        "The Ghanaian Medical Association (GMA) warned the ministry. The GMA said it would strike.")))
    orgs = [a for a in ex.actors if a.kind == "organisation" and a.code == "GHA"]
    assert len(orgs) == 1 and len(orgs[0].mentions) >= 3


def test_actors_state_named_party_is_not_an_association(extractor):
    found = actors(extractor, "The Kenyan Progress Party rejected the results on Monday.")
    assert ("organisation", "KEN") not in found.values()
