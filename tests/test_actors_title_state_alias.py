"""A name a dictionary lists as another name of a state, written right after a person's title,
is that person's name ("its minister Kestrel"), not the state. Synthetic dictionary and sentences
written for these tests (a fictional state with a user-assigned Q code, fictional people); the
rule is pinned on hand-built parses with the entity labels the small model gives.
"""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from newsgraph.actors import KnowledgeBase

from actors_kb import resolve_doc

ACTORS = """\
# synthetic dictionary written for newsgraph's tests
OSTRAVEN_ [QOS]
+KESTREL_
"""


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    p = tmp_path_factory.mktemp("dict") / "Synthetic.actors.txt"
    p.write_text(ACTORS, encoding="utf-8")
    return KnowledgeBase.load([p])  # with the packaged titles: "minister" is a title


def _doc(nlp, words, ents, pos, deps, heads):
    return Doc(nlp.vocab, words=words, pos=pos, deps=deps, heads=heads, ents=ents)


def _codes(idx):
    return {(a.kind, a.code) for a in idx.actors}


def test_actors_title_state_alias_after_title_is_a_person(nlp, kb):
    # "Chile 's minister Kestrel warned Peru ."
    words = ["Chile", "'s", "minister", "Kestrel", "warned", "Peru", "."]
    doc = _doc(nlp, words, ["B-GPE", "O", "O", "B-PERSON", "O", "B-GPE", "O"],
               ["PROPN", "PART", "NOUN", "PROPN", "VERB", "PROPN", "PUNCT"],
               ["poss", "case", "nsubj", "appos", "ROOT", "dobj", "punct"],
               [2, 0, 4, 2, 4, 4, 4])
    idx = resolve_doc(doc, kb)
    assert ("state", "QOS") not in _codes(idx)
    assert any(a.kind == "person" and a.name == "Kestrel" for a in idx.actors)


def test_actors_title_state_alias_without_title_stays_the_state(nlp, kb):
    # "Kestrel warned Peru ." -- the dictionary's other name of the state, used as such
    words = ["Kestrel", "warned", "Peru", "."]
    doc = _doc(nlp, words, ["B-PERSON", "O", "B-GPE", "O"], ["PROPN", "VERB", "PROPN", "PUNCT"],
               ["nsubj", "ROOT", "dobj", "punct"], [1, 1, 1, 1])
    idx = resolve_doc(doc, kb)
    assert ("state", "QOS") in _codes(idx)


def test_actors_title_state_alias_qualifying_a_title_stays_the_state(nlp, kb):
    # "a senior Kestrel official said ." -- the state qualifies the title after it
    words = ["a", "senior", "Kestrel", "official", "said", "."]
    doc = _doc(nlp, words, ["O", "O", "B-PERSON", "O", "O", "O"],
               ["DET", "ADJ", "PROPN", "NOUN", "VERB", "PUNCT"],
               ["det", "amod", "compound", "nsubj", "ROOT", "punct"], [3, 3, 3, 4, 4, 4])
    idx = resolve_doc(doc, kb)
    assert ("state", "QOS") in _codes(idx)
