"""Anonymous sources ("an Israeli source said", "a senior U.S. official") are person actors
named "unnamed <state> <noun>" and coded for their state, as the gold format keeps them.

Every sentence is synthetic, written for these tests; the people in them are fictional.
"""
from __future__ import annotations

import pytest

from newsgraph.records import Article


def extract(extractor, text: str):
    return extractor.extract(Article(id="synthetic", text=text))


@pytest.mark.parametrize("text, name, code", [
    pytest.param("An Israeli source familiar with the talks said that negotiators met in Doha on Friday.",
                 "unnamed Israeli source", "ISR", id="demonym_source"),
    pytest.param("The talks stalled, a senior U.S. official told reporters on Monday.",
                 "unnamed U.S. official", "USA", id="abbreviated_state_with_adjective"),
    pytest.param("A Qatari diplomat said the mediators were hopeful.", "unnamed Qatari diplomat", "QAT",
                 id="diplomat"),
])
def test_actors_anonymous_sources_are_persons_of_their_state(extractor, text, name, code):
    ex = extract(extractor, text)
    found = {a.name: a for a in ex.actors}
    assert found[name].kind == "person"
    assert found[name].code == code


def test_actors_anonymous_sources_speak_for_themselves(extractor):
    ex = extract(extractor, "An Egyptian source close to the mediators said that a deal was near.")
    speakers = {ex.actor(q.speaker).name for q in ex.quotes if q.speaker}
    assert speakers == {"unnamed Egyptian source"}


@pytest.mark.parametrize("text", [
    pytest.param("Israeli officials said that negotiators met in Doha on Friday.", id="plural_is_not_one_person"),
    pytest.param("A source familiar with the talks said that negotiators met on Friday.", id="no_state_named"),
    pytest.param("Jordan named Sami Haddad envoy. The official said that talks would resume.", id="definite_is_coref"),
])
def test_actors_anonymous_sources_need_one_indefinite_source_of_a_state(extractor, text):
    ex = extract(extractor, text)
    assert not any(a.name.startswith("unnamed") for a in ex.actors)


def test_actors_anonymous_sources_of_one_state_are_one_person(extractor):
    ex = extract(extractor, "A Turkish official said the border was open. Another Turkish official said trucks "
                            "were waiting.")
    assert [a.name for a in ex.actors if a.kind == "person"] == ["unnamed Turkish official"]


def test_actors_anonymous_sources_stay_apart_across_articles_in_the_store(extractor, tmp_path):
    from newsgraph.store import Store

    texts = ["Synthetic report. An Israeli source said that the talks had stalled on Monday.",
             "Synthetic report. An Israeli source said that a new round would open in Cairo."]
    with Store.open(tmp_path / "store") as store:
        store.write([extractor.extract(Article(id=f"art-{n}", text=t)) for n, t in enumerate(texts)])
        conn = store.connect()
        try:
            keys = [k for (k,) in conn.execute("SELECT key FROM actors WHERE kind = 'person'")]
        finally:
            conn.close()
    # one named person is one row everywhere; two unnamed sources are not known to be one
    assert sorted(keys) == ["person:unnamed Israeli source@art-0", "person:unnamed Israeli source@art-1"]
