"""Actors resolved through the article's context: "the government" with no state named, a
capital whose name a city of another state bears ("Tripoli" in Lebanon), peoples of one state
("Yoruba leaders"), and a president placed by the armed group they deal with only when the
article names no other state.

Every sentence is synthetic, written for these tests; the people in them are fictional.
"""
from __future__ import annotations

from newsgraph.records import Article


def extract(extractor, text: str):
    return extractor.extract(Article(id="synthetic", text=text))


def government_state(ex) -> str | None:
    """The code of the actor the word "government" stands for (the first such token)."""
    start = ex.article.text.index("the government") + len("the ")
    for a in ex.actors:
        if any(m.start == start for m in a.mentions):
            return a.code
    return None


def test_actors_home_context_government_of_the_speaker(extractor):
    ex = extract(extractor, "President Lorna Abad of the Philippines spoke on Monday. China sent ships. "
                            "The President said the government has talked with China every week.")
    assert government_state(ex) == "PHL"


def test_actors_home_context_government_of_the_dominant_state(extractor):
    ex = extract(extractor, "Kenya held elections on Sunday. Kenya's courts upheld them and Kenyan voters "
                            "celebrated. Observers from Uganda watched. Critics said the government had "
                            "cheated.")
    assert government_state(ex) == "KEN"


def test_actors_home_context_government_unresolved_when_states_balance(extractor):
    ex = extract(extractor, "Kenya and Uganda met on Sunday. Kenya and Uganda signed a deal. "
                            "Critics said the government had cheated.")
    assert government_state(ex) is None


def test_actors_home_context_capital_of_a_state_not_named(extractor):
    ex = extract(extractor, "Militias clashed in Tripoli on Monday as shells hit the north Lebanese port.")
    tripoli = next(a for a in ex.actors if a.name == "Tripoli")
    assert (tripoli.kind, tripoli.country) == ("location", "LBN")


def test_actors_home_context_capital_of_its_own_state_named(extractor):
    ex = extract(extractor, "Militias clashed in Tripoli, the Libyan capital, on Monday.")
    tripoli = next(a for a in ex.actors if a.name == "Tripoli")
    assert tripoli.country == "LBY"


def test_actors_home_context_people_of_one_state(extractor):
    ex = extract(extractor, "Yoruba leaders said on Monday they would back Nigerian President Ade Balogun.")
    found = {a.name: (a.kind, a.code) for a in ex.actors}
    assert found["Yoruba"] == ("group", "NGA")


def test_actors_home_context_people_needs_its_state_named(extractor):
    ex = extract(extractor, "Yoruba leaders met in a hall on Monday.")
    assert not any(a.code == "NGA" for a in ex.actors)


def test_actors_home_context_president_and_group_only_without_other_states(extractor):
    alone = extract(extractor, "President Tiago Mendes agreed to demands from UNITA on Monday.")
    elsewhere = extract(extractor, "President Rafael Sousa agreed to demands from UNITA on Monday. "
                                   "The talks were held in Portugal.")
    assert next(a for a in alone.actors if a.name == "Tiago Mendes").code == "AGO"
    assert next(a for a in elsewhere.actors if a.name == "Rafael Sousa").code is None


def test_actors_home_context_government_is_not_the_accuser(extractor):
    ex = extract(extractor, "Ukraine held elections on Sunday. Ukraine's courts upheld them and Ukrainian voters "
                            "celebrated. Russia accused the government of fraud.")
    assert government_state(ex) == "UKR"


def test_actors_home_context_government_named_with_its_state_is_not_guessed(extractor):
    ex = extract(extractor, "Ukraine held elections on Sunday. Ukraine's courts upheld them and Ukrainian voters "
                            "celebrated. Critics said the government of Moldova had helped.")
    assert government_state(ex) != "UKR"
