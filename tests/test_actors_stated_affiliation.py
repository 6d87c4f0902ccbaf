"""A person named with an explicit state affiliation and role in the same noun phrase acts for
that state, even when the knowledge base puts the name elsewhere: the text is fresher than any
dictionary. Synthetic sentences written for these tests: fictional people (Kestrel, Halvor
Brekke), real states, a synthetic dictionary with a user-assigned Q code. The rules are pinned
on hand-built parses with the entity labels the small model gives, plus real-model runs.
"""
from __future__ import annotations

import pytest

from newsgraph.actors import KnowledgeBase

from actors_kb import doc_from_rows, kinds_and_codes, resolve_doc, run

# synthetic dictionary written for newsgraph's tests: a fictional state with a second name
ACTORS = """\
# synthetic dictionary written for newsgraph's tests
OSTRAVEN_ [QOS]
+KESTREL_
"""
# a fictional office holder the knowledge base still has in an old post
HOLDERS = """\
name,aliases,role,code,country,sector,start,end
Halvor Brekke,,Defence Minister,RUS,RUS,GOV,2020-01-01,
"""


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    folder = tmp_path_factory.mktemp("affiliation")
    (folder / "Synthetic.actors.txt").write_text(ACTORS, encoding="utf-8")
    (folder / "office_holders.csv").write_text(HOLDERS, encoding="utf-8")
    # with the packaged titles and states: "minister" is a title, Chile a state
    return KnowledgeBase.load([folder / "Synthetic.actors.txt", folder / "office_holders.csv"])


def _person(idx, name):
    found = [a for a in idx.actors if a.kind == "person" and a.name == name]
    assert found, [(a.name, a.kind, a.code) for a in idx.actors]
    return found[0]


def test_actors_stated_affiliation_adjectives_between_state_and_title(nlp, kb):
    # "Chile 's outspoken and hawkish minister Kestrel spoke in Lima ." -- the adjectives belong
    # to the title phrase, so Chile is the minister's state; Lima (Peru) makes the sentence name
    # two states, so nothing but the phrase itself can tell
    doc = doc_from_rows(nlp, [("Chile", "PROPN", "poss", 5, "B-GPE"), ("'s", "PART", "case", 0, "O"),
                     ("outspoken", "ADJ", "amod", 5, "O"), ("and", "CCONJ", "cc", 2, "O"),
                     ("hawkish", "ADJ", "conj", 2, "O"), ("minister", "NOUN", "nsubj", 7, "O"),
                     ("Kestrel", "PROPN", "appos", 5, "B-PERSON"), ("spoke", "VERB", "ROOT", 7, "O"),
                     ("in", "ADP", "prep", 7, "O"), ("Lima", "PROPN", "pobj", 8, "B-GPE"),
                     (".", "PUNCT", "punct", 7, "O")])
    idx = resolve_doc(doc, kb)
    person = _person(idx, "Kestrel")
    assert (person.code, person.role) == ("CHL", "Minister")
    assert ("state", "QOS") not in kinds_and_codes(idx)


def test_actors_stated_affiliation_apposition_beats_dictionary_alias(nlp, kb):
    # "Kestrel , Chile 's foreign minister , spoke in Lima ." -- the model tags Kestrel ORG
    doc = doc_from_rows(nlp, [("Kestrel", "PROPN", "nsubj", 7, "B-ORG"), (",", "PUNCT", "punct", 0, "O"),
                     ("Chile", "PROPN", "poss", 5, "B-GPE"), ("'s", "PART", "case", 2, "O"),
                     ("foreign", "ADJ", "amod", 5, "O"), ("minister", "NOUN", "appos", 0, "O"),
                     (",", "PUNCT", "punct", 0, "O"), ("spoke", "VERB", "ROOT", 7, "O"),
                     ("in", "ADP", "prep", 7, "O"), ("Lima", "PROPN", "pobj", 8, "B-GPE"),
                     (".", "PUNCT", "punct", 7, "O")])
    idx = resolve_doc(doc, kb)
    assert _person(idx, "Kestrel").code == "CHL"
    assert ("state", "QOS") not in kinds_and_codes(idx)


def test_actors_stated_affiliation_name_in_apposition_to_title(nlp, kb):
    # "the Chilean foreign minister , Kestrel , spoke in Lima ."
    doc = doc_from_rows(nlp, [("the", "DET", "det", 3, "O"), ("Chilean", "ADJ", "amod", 3, "B-NORP"),
                     ("foreign", "ADJ", "amod", 3, "O"), ("minister", "NOUN", "nsubj", 7, "O"),
                     (",", "PUNCT", "punct", 3, "O"), ("Kestrel", "PROPN", "appos", 3, "B-PERSON"),
                     (",", "PUNCT", "punct", 3, "O"), ("spoke", "VERB", "ROOT", 7, "O"),
                     ("in", "ADP", "prep", 7, "O"), ("Lima", "PROPN", "pobj", 8, "B-GPE"),
                     (".", "PUNCT", "punct", 7, "O")])
    idx = resolve_doc(doc, kb)
    assert _person(idx, "Kestrel").code == "CHL"
    assert ("state", "QOS") not in kinds_and_codes(idx)


def test_actors_stated_affiliation_inserted_attribution_keeps_the_state(nlp, kb):
    # "Kestrel , Chile 's president said , will resist ." -- "Chile's president said" is an
    # inserted attribution, not an apposition naming Kestrel's office
    doc = doc_from_rows(nlp, [("Kestrel", "PROPN", "nsubj", 8, "B-PERSON"), (",", "PUNCT", "punct", 8, "O"),
                     ("Chile", "PROPN", "poss", 4, "B-GPE"), ("'s", "PART", "case", 2, "O"),
                     ("president", "NOUN", "nsubj", 5, "O"), ("said", "VERB", "parataxis", 8, "O"),
                     (",", "PUNCT", "punct", 8, "O"), ("will", "AUX", "aux", 8, "O"),
                     ("resist", "VERB", "ROOT", 8, "O"), (".", "PUNCT", "punct", 8, "O")])
    idx = resolve_doc(doc, kb)
    assert ("state", "QOS") in kinds_and_codes(idx)
    assert not any(a.kind == "person" and a.name == "Kestrel" for a in idx.actors)


def test_actors_stated_affiliation_list_of_states_keeps_the_alias(nlp, kb):
    # "Kestrel , Chile and Peru signed the pact ." -- a list of states, no office
    doc = doc_from_rows(nlp, [("Kestrel", "PROPN", "nsubj", 5, "B-PERSON"), (",", "PUNCT", "punct", 0, "O"),
                     ("Chile", "PROPN", "conj", 0, "B-GPE"), ("and", "CCONJ", "cc", 2, "O"),
                     ("Peru", "PROPN", "conj", 2, "B-GPE"), ("signed", "VERB", "ROOT", 5, "O"),
                     ("the", "DET", "det", 7, "O"), ("pact", "NOUN", "dobj", 5, "O"),
                     (".", "PUNCT", "punct", 5, "O")])
    idx = resolve_doc(doc, kb)
    assert {("state", "QOS"), ("state", "CHL"), ("state", "PER")} <= kinds_and_codes(idx)


def test_actors_stated_affiliation_beats_office_holder_entry(nlp, kb):
    # "Ukraine 's new and outspoken defence minister Halvor Brekke spoke in Lima ." -- the
    # knowledge base still lists him as Russia's defence minister; the text says Ukraine's
    doc = doc_from_rows(nlp, [("Ukraine", "PROPN", "poss", 6, "B-GPE"), ("'s", "PART", "case", 0, "O"),
                     ("new", "ADJ", "amod", 6, "O"), ("and", "CCONJ", "cc", 2, "O"),
                     ("outspoken", "ADJ", "conj", 2, "O"), ("defence", "NOUN", "compound", 6, "O"),
                     ("minister", "NOUN", "compound", 8, "O"), ("Halvor", "PROPN", "compound", 8, "B-PERSON"),
                     ("Brekke", "PROPN", "nsubj", 9, "I-PERSON"), ("spoke", "VERB", "ROOT", 9, "O"),
                     ("in", "ADP", "prep", 9, "O"), ("Lima", "PROPN", "pobj", 10, "B-GPE"),
                     (".", "PUNCT", "punct", 9, "O")])
    idx = resolve_doc(doc, kb)
    assert _person(idx, "Halvor Brekke").code == "UKR"


def test_actors_stated_affiliation_state_as_counterpart_keeps_the_entry(nlp, kb):
    # "Ukraine condemned the hawkish minister Halvor Brekke ." -- Ukraine is who condemns him,
    # not whom he serves: the knowledge base's post stands
    doc = doc_from_rows(nlp, [("Ukraine", "PROPN", "nsubj", 1, "B-GPE"), ("condemned", "VERB", "ROOT", 1, "O"),
                     ("the", "DET", "det", 4, "O"), ("hawkish", "ADJ", "amod", 4, "O"),
                     ("minister", "NOUN", "dobj", 1, "O"), ("Halvor", "PROPN", "compound", 6, "B-PERSON"),
                     ("Brekke", "PROPN", "appos", 4, "I-PERSON"), (".", "PUNCT", "punct", 1, "O")])
    idx = resolve_doc(doc, kb)
    assert _person(idx, "Halvor Brekke").code == "RUS"


@pytest.mark.parametrize("text", [
    "Chile's outspoken and hawkish minister Kestrel spoke in Lima on Monday.",
    "Kestrel, Chile's foreign minister, spoke in Lima on Monday.",
], ids=["adjectives_before_title", "apposition_after_name"])
def test_actors_stated_affiliation_real_parse(nlp, kb, text):
    _, idx = run(nlp, kb, text)
    assert _person(idx, "Kestrel").code == "CHL"
    assert ("state", "QOS") not in kinds_and_codes(idx)


@pytest.mark.parametrize("text, code", [
    ("Ukraine's long-serving defence minister Halvor Brekke spoke in Lima on Monday.", "UKR"),
    ("Peru's newly appointed defence minister Halvor Brekke spoke in Lima on Monday.", "PER"),
    ("Chile condemned the hawkish minister Halvor Brekke on Monday.", "RUS"),
], ids=["hyphenated_adjective", "adverb_and_participle", "state_as_counterpart"])
def test_actors_stated_affiliation_office_holder_real_parse(nlp, kb, text, code):
    _, idx = run(nlp, kb, text)
    assert _person(idx, "Halvor Brekke").code == code
