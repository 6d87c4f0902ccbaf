"""Speaker rules pinned on hand-built parses (no model), so a parser change cannot hide a rule
change. Sentences are synthetic; the names are fictional."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from newsgraph.actors.index import ActorIndex, ActorMention
from newsgraph.quotes.lexicon import load_cues
from newsgraph.quotes.speakers import SpeakerRef, find_speaker, resolve


_VOCAB = spacy.blank("en").vocab  # a language's vocab, so lower-case forms are defined


def parse(rows):
    """rows: (word, head index, dep, pos, lemma)."""
    words = [r[0] for r in rows]
    return Doc(_VOCAB, words=words, heads=[r[1] for r in rows], deps=[r[2] for r in rows],
               pos=[r[3] for r in rows], lemmas=[r[4] for r in rows])


def speaker_text(doc, cue_i):
    ref = find_speaker(doc[cue_i], load_cues())
    return None if ref is None else doc[ref.start:ref.end].text


def test_quotes_speaker_subject_of_cue_verb():
    doc = parse([("He", 1, "nsubj", "PRON", "he"), ("warned", 1, "ROOT", "VERB", "warn"),
                 ("that", 4, "mark", "SCONJ", "that"), ("talks", 4, "nsubj", "NOUN", "talk"),
                 ("failed", 1, "ccomp", "VERB", "fail")])
    assert speaker_text(doc, 1) == "He"


def test_quotes_speaker_inverted_subject():
    doc = parse([("“", 1, "punct", "PUNCT", "“"), ("Go", 1, "ROOT", "VERB", "go"), (",", 1, "punct", "PUNCT", ","),
                 ("”", 1, "punct", "PUNCT", "”"), ("said", 1, "parataxis", "VERB", "say"),
                 ("Orla", 6, "compound", "PROPN", "Orla"), ("Brandt", 4, "nsubj", "PROPN", "Brandt")])
    assert speaker_text(doc, 4) == "Orla Brandt"


def test_quotes_speaker_inverted_name_misparsed_as_object():
    doc = parse([("“", 1, "punct", "PUNCT", "“"), ("Go", 1, "ROOT", "VERB", "go"), (",", 1, "punct", "PUNCT", ","),
                 ("”", 1, "punct", "PUNCT", "”"), ("said", 1, "parataxis", "VERB", "say"),
                 ("Brandt", 4, "dobj", "PROPN", "Brandt")])
    assert speaker_text(doc, 4) == "Brandt"


def test_quotes_speaker_agent_of_passive():
    doc = parse([("The", 1, "det", "DET", "the"), ("plan", 3, "nsubjpass", "NOUN", "plan"),
                 ("was", 3, "auxpass", "AUX", "be"), ("announced", 3, "ROOT", "VERB", "announce"),
                 ("by", 3, "agent", "ADP", "by"), ("Brandt", 4, "pobj", "PROPN", "Brandt")])
    assert speaker_text(doc, 3) == "Brandt"


def test_quotes_speaker_passive_quoted_subject():
    doc = parse([("Brandt", 2, "nsubjpass", "PROPN", "Brandt"), ("was", 2, "auxpass", "AUX", "be"),
                 ("quoted", 2, "ROOT", "VERB", "quote"), ("by", 2, "agent", "ADP", "by"),
                 ("Interfax", 3, "pobj", "PROPN", "Interfax")])
    assert speaker_text(doc, 2) == "Brandt"


def test_quotes_speaker_possessive_of_nominal_cue():
    doc = parse([("his", 1, "poss", "PRON", "his"), ("concern", 1, "ROOT", "NOUN", "concern"),
                 ("over", 1, "prep", "ADP", "over"), ("tests", 2, "pobj", "NOUN", "test")])
    assert speaker_text(doc, 1) == "his"


def test_quotes_speaker_participle_takes_governing_cue_speaker():
    # "Brandt said that security is global, stating ..." : "stating" hangs on "is"
    doc = parse([("Brandt", 1, "nsubj", "PROPN", "Brandt"), ("said", 1, "ROOT", "VERB", "say"),
                 ("that", 4, "mark", "SCONJ", "that"), ("security", 4, "nsubj", "NOUN", "security"),
                 ("is", 1, "ccomp", "AUX", "be"), ("global", 4, "acomp", "ADJ", "global"),
                 (",", 4, "punct", "PUNCT", ","), ("stating", 4, "advcl", "VERB", "state")])
    assert speaker_text(doc, 7) == "Brandt"


def test_quotes_speaker_shared_subject_of_conjoined_cue():
    doc = parse([("Brandt", 1, "nsubj", "PROPN", "Brandt"), ("warned", 1, "ROOT", "VERB", "warn"),
                 ("and", 1, "cc", "CCONJ", "and"), ("added", 1, "conj", "VERB", "add")])
    assert speaker_text(doc, 3) == "Brandt"


def test_quotes_speaker_relative_pronoun_resolves_to_antecedent():
    doc = parse([("Brandt", 0, "ROOT", "PROPN", "Brandt"), (",", 0, "punct", "PUNCT", ","),
                 ("who", 3, "nsubj", "PRON", "who"), ("said", 0, "relcl", "VERB", "say")])
    ref = find_speaker(doc[3], load_cues())
    idx = ActorIndex()
    idx.add_mention(ActorMention(0, 1, "a1"))
    assert doc[ref.start:ref.end].text == "who" and resolve(doc, ref, idx) == "a1"


@pytest.mark.parametrize("mentions,expected", [
    ([(0, 1, "a2"), (5, 7, "a1")], "a1"),   # apposition wins over a modifier's actor
    ([(0, 1, "a2")], "a2"),                  # else the nearest actor inside the span
    ([], None),
])
def test_quotes_speaker_actor_fallback_inside_span(mentions, expected):
    # "U.S. Secretary of State , Ann Vale" : head "Secretary", appos "Vale"
    doc = parse([("U.S.", 1, "compound", "PROPN", "U.S."), ("Secretary", 1, "ROOT", "PROPN", "Secretary"),
                 ("of", 1, "prep", "ADP", "of"), ("State", 2, "pobj", "PROPN", "State"),
                 (",", 1, "punct", "PUNCT", ","), ("Ann", 6, "compound", "PROPN", "Ann"),
                 ("Vale", 1, "appos", "PROPN", "Vale")])
    idx = ActorIndex()
    for s, e, a in mentions:
        idx.add_mention(ActorMention(s, e, a))
    assert resolve(doc, SpeakerRef(0, 7, 1), idx) == expected
