"""An adjective capitalised at the start of a sentence or list item and glued by the model to a
known name ("Embattled Chile" tagged PERSON) does not hide the state; a given name before a
state's name ("Chidi Jordan") still makes a person. Synthetic sentences written for these tests
(fictional people, real states), pinned on hand-built parses with the labels the small model
gives, plus real-model runs.
"""
from __future__ import annotations

import pytest

from newsgraph.actors import KnowledgeBase
from newsgraph.actors.epithets import english_words, is_epithet

from actors_kb import doc_from_rows, kinds_and_codes, resolve_doc, run


@pytest.fixture(scope="module")
def kb():
    return KnowledgeBase.load()


@pytest.fixture(scope="module", autouse=True)
def _word_lists(nlp):
    if not english_words()[0]:
        pytest.skip("the configured spaCy model ships no lemmatizer word lists")


@pytest.mark.parametrize("word", ["Evil", "Embattled", "Neighbouring", "Oil-rich", "Beleaguered", "Tiny",
                                  "Cash-strapped"])
def test_actors_epithets_adjectives_and_participles(word):
    assert is_epithet(word)


@pytest.mark.parametrize("word", ["Georgia", "Jordan", "Michael", "Chidi", "Frank", "Ahmed"])
def test_actors_epithets_given_names_are_not_epithets(word):
    assert not is_epithet(word)


def test_actors_epithets_list_of_states_with_adjectives(nlp, kb):
    # "Embattled Chile , tiny Peru and Bolivia welcomed the deal ." -- "Embattled Chile" tagged PERSON
    doc = doc_from_rows(nlp, [("Embattled", "PROPN", "compound", 1, "B-PERSON"), ("Chile", "PROPN", "nsubj", 7, "I-PERSON"),
                     (",", "PUNCT", "punct", 1, "O"), ("tiny", "ADJ", "amod", 4, "O"),
                     ("Peru", "PROPN", "conj", 1, "B-GPE"), ("and", "CCONJ", "cc", 4, "O"),
                     ("Bolivia", "PROPN", "conj", 4, "B-GPE"), ("welcomed", "VERB", "ROOT", 7, "O"),
                     ("the", "DET", "det", 9, "O"), ("deal", "NOUN", "dobj", 7, "O"),
                     (".", "PUNCT", "punct", 7, "O")])
    idx = resolve_doc(doc, kb)
    assert {("state", "CHL"), ("state", "PER"), ("state", "BOL")} <= kinds_and_codes(idx)
    assert not any(a.kind == "person" for a in idx.actors)


def test_actors_epithets_list_item_after_comma(nlp, kb):
    # "Peru , Wealthy Chile and Bolivia signed ." -- a capitalised adjective opening a list item
    doc = doc_from_rows(nlp, [("Peru", "PROPN", "nsubj", 6, "B-GPE"), (",", "PUNCT", "punct", 0, "O"),
                     ("Wealthy", "PROPN", "compound", 3, "B-PERSON"), ("Chile", "PROPN", "conj", 0, "I-PERSON"),
                     ("and", "CCONJ", "cc", 3, "O"), ("Bolivia", "PROPN", "conj", 3, "B-GPE"),
                     ("signed", "VERB", "ROOT", 6, "O"), (".", "PUNCT", "punct", 6, "O")])
    idx = resolve_doc(doc, kb)
    assert ("state", "CHL") in kinds_and_codes(idx)


def test_actors_epithets_given_name_before_state_name_stays_a_person(nlp, kb):
    # "Chidi Jordan said the ruling was unfair ." -- a person whose surname is a state's name
    doc = doc_from_rows(nlp, [("Chidi", "PROPN", "compound", 1, "B-PERSON"), ("Jordan", "PROPN", "nsubj", 2, "I-PERSON"),
                     ("said", "VERB", "ROOT", 2, "O"), ("the", "DET", "det", 4, "O"),
                     ("ruling", "NOUN", "nsubj", 5, "O"), ("was", "AUX", "ccomp", 2, "O"),
                     ("unfair", "ADJ", "acomp", 5, "O"), (".", "PUNCT", "punct", 2, "O")])
    idx = resolve_doc(doc, kb)
    assert ("state", "JOR") not in kinds_and_codes(idx)
    assert any(a.kind == "person" and a.name == "Chidi Jordan" for a in idx.actors)


def test_actors_epithets_only_where_a_capital_is_expected(nlp, kb):
    # "Officials praised Tiny Jordan ." -- mid-sentence, a capitalised word is part of the name
    doc = doc_from_rows(nlp, [("Officials", "NOUN", "nsubj", 1, "O"), ("praised", "VERB", "ROOT", 1, "O"),
                     ("Tiny", "PROPN", "compound", 3, "B-PERSON"), ("Jordan", "PROPN", "dobj", 1, "I-PERSON"),
                     (".", "PUNCT", "punct", 1, "O")])
    idx = resolve_doc(doc, kb)
    assert ("state", "JOR") not in kinds_and_codes(idx)


@pytest.mark.parametrize("text, code", [
    ("Impoverished Haiti asked for help on Monday.", "HTI"),
    ("Tiny Qatar, wealthy Kuwait and neighbouring Iran signed the pact.", "QAT"),
], ids=["sentence_start", "list_start"])
def test_actors_epithets_real_parse(nlp, kb, text, code):
    _, idx = run(nlp, kb, text)
    assert ("state", code) in kinds_and_codes(idx)
    assert not any(a.kind == "person" for a in idx.actors)
