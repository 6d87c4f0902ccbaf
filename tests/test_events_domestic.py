"""Two parties of one state (patterns.domestic_pair): kept when distinct actors in the text act on
each other, dropped when an actor acts on itself or its own state by name. Every sentence here is
synthetic and every named person fictional."""
from __future__ import annotations

import pytest
from events_helpers import event_codes

from newsgraph.actors.index import ActorIndex
from newsgraph.events.lexicon import Trigger
from newsgraph.events.patterns import domestic_pair
from newsgraph.records import Actor


@pytest.mark.parametrize("text, expected", [
    ("Synthetic: the Algerian government imposed a curfew in Algiers on Monday.",
     ("COERCE", "asserted", ("DZA",), ("DZA",))),
    ("Synthetic: Governor Omar Tandja imposed a curfew in Algiers on Monday.",
     ("COERCE", "asserted", ("DZA",), ("DZA",))),
    ("Synthetic: Judge Maria Ostrava opened fraud investigations against 12 Chilean government officials.",
     ("ACCUSE", "asserted", ("CHL",), ("CHL",))),
], ids=["government_on_own_city", "governor_on_own_city", "judge_on_demonym_officials"])
def test_events_domestic_pair_kept(actors_and_events, text, expected):
    idx, events = actors_and_events(text)
    assert expected in event_codes(idx.get, events)


@pytest.mark.parametrize("text", [
    "Synthetic: President Karim Oudane of Algeria visited Algiers on Monday.",
    "Synthetic: The Algerian president praised Algeria on Monday.",
], ids=["visit_to_own_city", "praise_of_own_state_by_name"])
def test_events_domestic_self_loop_dropped(actors_and_events, text):
    idx, events = actors_and_events(text)
    assert not [e for e in events if e.targets and {idx.get(t).code or idx.get(t).country for t in e.targets}
                & {idx.get(s).code for s in e.sources}]


def _actors(*specs) -> ActorIndex:
    return ActorIndex(actors=[Actor(id=i, name=n, kind=k, code=c, country=c) for i, n, k, c in specs])


COERCE = Trigger(lemma="arrest", pos="verb", type="COERCE", mode="arrest", cameo="173")


@pytest.mark.parametrize("specs, sources, target, trig, kept", [
    ([("a1", "Ruritania", "state", "RUR"), ("a2", "Ruritanian army", "organisation", "RUR")],
     ["a1"], "a2", COERCE, False),
    ([("a1", "Ruritanian army", "organisation", "RUR"), ("a2", "Ruritania", "state", "RUR")],
     ["a1"], "a2", None, False),
    ([("a1", "Ruritanian court", "organisation", "RUR"), ("a2", "Jan Novak", "person", "RUR")],
     ["a1"], "a2", COERCE, True),
    ([("a1", "Ruritanian police", "organisation", "RUR"), ("a2", "Ruritania", "state", "RUR")],
     ["a1"], "a2", COERCE, True),
    ([("a1", "Jan Novak", "person", "RUR")], ["a1"], "a1", COERCE, False),
], ids=["state_on_its_army", "body_on_own_state_by_name", "court_on_official",
        "police_in_own_state_for_coercion", "same_actor"])
def test_events_domestic_pair_rules(specs, sources, target, trig, kept):
    assert domestic_pair(_actors(*specs), sources, target, None, trig) is kept


@pytest.mark.parametrize("text, expected", [
    ("Synthetic: Governor Omar Tandja said that he will extend the curfew in Algiers.",
     ("THREATEN", "future", ("DZA",), ("DZA",))),
    ("Synthetic: The Algerian government said that it will extend the night curfew.",
     ("THREATEN", "future", ("DZA",), ())),
], ids=["announced_curfew_in_own_city", "announced_curfew_without_place"])
def test_events_domestic_announced_coercion_is_threat(actors_and_events, text, expected):
    idx, events = actors_and_events(text)
    assert expected in event_codes(idx.get, events)
    assert not [e for e in events if e.type == "COERCE"]


def test_events_domestic_threat_verb_not_doubled(actors_and_events):
    """"threatened to ban ...": the threat verb is the event; its complement adds no second one."""
    _, events = actors_and_events("Synthetic report. Egypt threatened to ban the opposition weekly.")
    assert [e.trigger.text for e in events if e.type == "THREATEN"] == ["threatened"]


# --- recoding of announced acts reported in the past ("said they would ...")

@pytest.mark.parametrize("text, expected", [
    ("Synthetic report. Egyptian officials said they would cut off all contact with Sudan.",
     ("THREATEN", "future", ("EGY",), ("SDN",))),
    ("Synthetic report. Kenya announced that it will withdraw its peacekeepers from Somalia unless the "
     "fighting stops.", ("THREATEN", "future", ("KEN",), ("SOM",))),
    ("Synthetic report. Kenya announced that it will withdraw its troops from Somalia if the ceasefire holds.",
     ("AGREE", "asserted", ("KEN",), ("SOM",))),
    ("Synthetic report. Egypt said it would discuss trade with Sudan.",
     ("CONSULT", "future", ("EGY",), ("SDN",))),
], ids=["reported_would_of_conflict_is_threat", "withdrawal_unless_is_threat", "withdrawal_if_is_offer",
        "reported_talks_agenda_stays_consult"])
def test_events_domestic_reported_intent_recoded(actors_and_events, text, expected):
    idx, events = actors_and_events(text)
    assert expected in event_codes(idx.get, events)


@pytest.mark.parametrize("text, factuality", [
    ("Synthetic report. Egypt said it would attack the rebel bases.", "future"),
    ("Synthetic report. Egypt would attack the rebel bases if provoked.", "hypothetical"),
    ("Synthetic report. Egypt said it would have attacked the rebel bases.", "hypothetical"),
], ids=["backshifted_will", "plain_conditional", "counterfactual_perfect"])
def test_events_domestic_would_factuality(nlp, text, factuality):
    from newsgraph.events.factuality import factuality_of

    doc = nlp(text)
    attack = next(t for t in doc if t.lemma_ == "attack")
    assert factuality_of(attack).value == factuality
