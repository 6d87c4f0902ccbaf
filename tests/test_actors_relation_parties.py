""""between X and Y" after a relation noun ("ties", "talks", "the war", "the border") names the
parties of the relation, which stay states; a state named only as where something happens
("talks in Peru", "the road between two capitals") is a place. Synthetic sentences written for
these tests (real states), pinned on hand-built parses and run through the real model.
"""
from __future__ import annotations

import pytest

from newsgraph.actors import KnowledgeBase

from actors_kb import doc_from_rows, resolve_doc, run


@pytest.fixture(scope="module")
def kb():
    return KnowledgeBase.load()


def _kind(idx, name):
    return {a.name: a.kind for a in idx.actors}.get(name)


def _between(nlp, noun):
    # "Chile welcomed <noun> between Peru and Bolivia ."
    return doc_from_rows(nlp, [("Chile", "PROPN", "nsubj", 1, "B-GPE"), ("welcomed", "VERB", "ROOT", 1, "O"),
                      (noun, "NOUN", "dobj", 1, "O"), ("between", "ADP", "prep", 2, "O"),
                      ("Peru", "PROPN", "pobj", 3, "B-GPE"), ("and", "CCONJ", "cc", 4, "O"),
                      ("Bolivia", "PROPN", "conj", 4, "B-GPE"), (".", "PUNCT", "punct", 1, "O")])


@pytest.mark.parametrize("noun", ["ties", "talks", "reconciliation", "war"])
def test_actors_relation_parties_between_after_relation_noun_are_states(nlp, kb, noun):
    idx = resolve_doc(_between(nlp, noun), kb)
    assert _kind(idx, "Peru") == "state"
    assert _kind(idx, "Bolivia") == "state"


def test_actors_relation_parties_between_after_other_noun_is_a_place(nlp, kb):
    # "Chile welcomed flights between Peru and Bolivia ." -- a route runs between places
    idx = resolve_doc(_between(nlp, "flights"), kb)
    assert _kind(idx, "Peru") == "location"


def test_actors_relation_parties_capitals_between_relation_noun_act_for_states(nlp, kb):
    # "Talks between Lima and La Paz resumed ." -- capitals standing for their states
    doc = doc_from_rows(nlp, [("Talks", "NOUN", "nsubj", 6, "O"), ("between", "ADP", "prep", 0, "O"),
                     ("Lima", "PROPN", "pobj", 1, "B-GPE"), ("and", "CCONJ", "cc", 2, "O"),
                     ("La", "PROPN", "compound", 5, "B-GPE"), ("Paz", "PROPN", "conj", 2, "I-GPE"),
                     ("resumed", "VERB", "ROOT", 6, "O"), (".", "PUNCT", "punct", 6, "O")])
    idx = resolve_doc(doc, kb)
    assert ("state", "PER") in {(a.kind, a.code) for a in idx.actors}


@pytest.mark.parametrize("text, states, places", [
    ("Qatar welcomed the resumption of diplomatic ties between Chile and Peru.", {"Chile", "Peru"}, set()),
    ("The war between Russia and Ukraine entered its third year.", {"Russia", "Ukraine"}, set()),
    ("Chile held talks with Bolivia in Peru.", {"Chile", "Bolivia"}, {"Peru"}),
], ids=["ties_between", "war_between", "talks_in_a_place"])
def test_actors_relation_parties_real_parse(nlp, kb, text, states, places):
    _, idx = run(nlp, kb, text)
    kinds = {a.name: a.kind for a in idx.actors}
    assert {n for n in states | places if kinds.get(n) == "state"} == states
    assert {n for n in states | places if kinds.get(n) == "location"} == places
