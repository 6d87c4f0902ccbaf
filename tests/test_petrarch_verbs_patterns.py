"""Verb-dictionary patterns beyond required dependents: words before the verb, three or more
words after it in order, and "do not code" entries; an untargeted act needs a coded doer.

The dictionary and sentences are synthetic (fictional speakers; real states).
"""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from newsgraph.events.lexicon import Lexicon, Trigger
from newsgraph.events.ontology import Ontology
from newsgraph.events.triggers import find_triggers

SYNTHETIC = """\
# synthetic verb dictionary for the newsgraph tests
--- SERENADE [051] ---
SERENADE
- SAID * [023]
- NOT * [111]
- * FIRST SECOND THIRD [112]
- * NOTHING [---]
- * GLOOM [345]
- * TRULY CALM [043]

--- HUSH [---] ---
HUSH
- * UP [172]
"""


@pytest.fixture(scope="module")
def onto_patterns(tmp_path_factory):
    path = tmp_path_factory.mktemp("verbs") / "synthetic.verbs.txt"
    path.write_text(SYNTHETIC, encoding="utf-8")
    return Ontology.load([path])


def _parse(nlp, words, heads, deps, pos, lemmas=None):
    tags = {"PROPN": "NNP", "VERB": "VBD", "PRON": "PRP", "AUX": "MD", "PART": "RB", "NOUN": "NN", "ADV": "RB",
            "ADJ": "JJ", "ADP": "RP",
            "CCONJ": "CC"}
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos,
               lemmas=lemmas or [w if p != "VERB" else "serenade" for w, p in zip(words, pos)],
               tags=[tags[p] for p in pos])


def _codes(doc, onto, i):
    return [[e.cameo for e in m.entries] for m in find_triggers(doc, onto.triggers) if m.token.i == i]


@pytest.mark.parametrize("words, heads, deps, pos, verb, codes", [
    # "SAID *": "said" anywhere before the verb in its sentence
    (["Norway", "said", "it", "would", "serenade", "Sweden"], [1, 1, 4, 4, 1, 4],
     ["nsubj", "ROOT", "nsubj", "aux", "ccomp", "dobj"], ["PROPN", "VERB", "PRON", "AUX", "VERB", "PROPN"],
     4, [["023", "051"]]),
    (["Norway", "will", "serenade", "Sweden"], [2, 2, 2, 2], ["nsubj", "aux", "ROOT", "dobj"],
     ["PROPN", "AUX", "VERB", "PROPN"], 2, [["051"]]),
    # "NOT *": "n't" is "not"
    (["Norway", "did", "n't", "serenade", "Sweden"], [3, 3, 3, 3, 3], ["nsubj", "aux", "neg", "ROOT", "dobj"],
     ["PROPN", "AUX", "PART", "VERB", "PROPN"], 3, [["111", "051"]]),
], ids=["said-before-the-verb", "no-preceding-word", "negation-before-the-verb"])
def test_petrarch_verbs_words_before_the_verb(nlp, onto_patterns, words, heads, deps, pos, verb, codes):
    lemmas = [{"said": "say", "did": "do", "n't": "not"}.get(w, w) for w in words]
    lemmas[verb] = "serenade"
    doc = _parse(nlp, words, heads, deps, pos, lemmas)
    assert _codes(doc, onto_patterns, verb) == codes


@pytest.mark.parametrize("order, codes", [
    (["first", "second", "third"], [["112", "051"]]),
    (["second", "first", "third"], [["051"]]),  # the same words hang from the verb, out of order
], ids=["in-order", "out-of-order"])
def test_petrarch_verbs_three_words_after_the_verb_in_order(nlp, onto_patterns, order, codes):
    doc = _parse(nlp, ["Norway", "serenaded", *order], [1, 1, 1, 2, 3], ["nsubj", "ROOT", "dobj", "conj", "conj"],
                 ["PROPN", "VERB", "NOUN", "NOUN", "NOUN"])
    assert _codes(doc, onto_patterns, 1) == codes


@pytest.mark.parametrize("modifiers, codes", [
    (["truly", "calm"], [["043", "051"]]),
    (["calm", "truly"], [["051"]]),
], ids=["in-order-deep-in-the-clause", "out-of-order"])
def test_petrarch_verbs_dictionary_words_anywhere_after_the_verb_in_its_subtree(nlp, onto_patterns, modifiers, codes):
    # "Norway serenaded that Sweden is a truly calm place": the words are four levels down
    words = ["Norway", "serenaded", "that", "Sweden", "is", "a", *modifiers, "place"]
    adv, adj = (6, 7) if modifiers[0] == "truly" else (7, 6)
    heads = [1, 1, 4, 4, 1, 8, 0, 0, 4]
    heads[adv], heads[adj] = adj, 8
    deps = ["nsubj", "ROOT", "mark", "nsubj", "ccomp", "det", "", "", "attr"]
    deps[adv], deps[adj] = "advmod", "amod"
    pos = ["PROPN", "VERB", "ADP", "PROPN", "AUX", "ADV", "", "", "NOUN"]
    pos[adv], pos[adj] = "ADV", "ADJ"
    lemmas = [w.lower() if w != "serenaded" else "serenade" for w in words]
    lemmas[4] = "be"
    doc = _parse(nlp, words, heads, deps, pos, lemmas)
    assert _codes(doc, onto_patterns, 1) == codes


@pytest.mark.parametrize("word, codes", [
    ("nothing", []),  # [---]
    ("gloom", []),  # a code PLOVER has no type for
    ("Sweden", [["051"]]),
], ids=["null-code", "code-without-plover-type", "bare-verb"])
def test_petrarch_verbs_do_not_code_patterns_suppress_the_verb(nlp, onto_patterns, word, codes):
    doc = _parse(nlp, ["Norway", "serenaded", word], [1, 1, 1], ["nsubj", "ROOT", "dobj"],
                 ["PROPN", "VERB", "NOUN"])
    assert _codes(doc, onto_patterns, 1) == codes


def test_petrarch_verbs_null_coded_verb_codes_only_its_patterns(nlp, onto_patterns):
    entries = onto_patterns.triggers.candidates("hush", "verb")
    assert [(e.requires, e.blocks) for e in entries] == [(("up",), False), ((), True)]
    bare = _parse(nlp, ["Norway", "hushed", "Sweden"], [1, 1, 1], ["nsubj", "ROOT", "dobj"],
                  ["PROPN", "VERB", "PROPN"], ["Norway", "hush", "Sweden"])
    assert _codes(bare, onto_patterns, 1) == []
    up = _parse(nlp, ["Norway", "hushed", "up", "Sweden"], [1, 1, 1, 1], ["nsubj", "ROOT", "prt", "dobj"],
                ["PROPN", "VERB", "ADP", "PROPN"], ["Norway", "hush", "up", "Sweden"])
    assert _codes(up, onto_patterns, 1) == [["172"]]


def test_petrarch_verbs_preceding_word_index_agrees_with_brute_force():
    lex = Lexicon()
    words = [f"word{i}" for i in range(40)]
    lex.add_many([Trigger("serenade", "verb", "SUPPORT", "051")]
                 + [Trigger("serenade", "verb", "AID", "070", before=(w,)) for w in words]
                 + [Trigger("serenade", "verb", "AID", "071", requires=("to",), before=(w,)) for w in words])
    lex.prepare()
    near, before = {"to", "x"}, {"word3", "word8", "y"}
    # select narrows by the indexed word; the order of preceding words is match_token's check
    got = [e for e in lex.select("serenade", "verb", lambda: near, lambda: before)
           if all(w in before for w in e.before)]
    brute = [e for e in lex.candidates("serenade", "verb")
             if all(w in near for w in e.requires) and all(w in before for w in e.before)]
    assert sorted(map(repr, got)) == sorted(map(repr, brute))
    assert [(e.cameo, e.weight) for e in got] == [("071", 2), ("071", 2), ("070", 1), ("070", 1), ("051", 0)]


@pytest.mark.parametrize("text, expected", [
    ("Synthetic test sentence. Norway serenaded on Monday.", [("SUPPORT", "051", ["NOR"], [])]),
    ("Synthetic test sentence. Jane Roe serenaded on Monday.", []),  # a fictional person with no code
], ids=["coded-doer", "uncoded-doer"])
def test_petrarch_verbs_untargeted_act_needs_a_coded_doer(nlp, onto_patterns, text, expected):
    from newsgraph.actors import KnowledgeBase, PersonMemory
    from newsgraph.pipeline import Extractor
    from newsgraph.records import Article

    ex = Extractor(nlp=nlp, kb=KnowledgeBase.load(), ontology=onto_patterns, memory=PersonMemory())
    extraction = ex.extract(Article(id="t", text=text))
    coded = [(e.type, e.cameo, [extraction.actor(a).code for a in e.sources], e.targets)
             for e in extraction.events]
    assert coded == expected


DISCARDS = """\
# synthetic discard list for the newsgraph tests
GLOBBALL
+GRAND_PRIX_
FIFTY YEARS LATER   # a chronology
"""


@pytest.fixture(scope="module")
def onto_discards(tmp_path_factory):
    folder = tmp_path_factory.mktemp("discards")
    (folder / "synthetic.verbs.txt").write_text(SYNTHETIC, encoding="utf-8")
    (folder / "synthetic.discards.txt").write_text(DISCARDS, encoding="utf-8")
    return Ontology.load([folder / "synthetic.verbs.txt", folder / "synthetic.discards.txt"])


@pytest.mark.parametrize("text, coded", [
    ("Norway serenaded Sweden. Sweden serenaded Norway.", [0, 1]),
    ("Norway serenaded Sweden at globballs. Sweden serenaded Norway.", [1]),  # a stem: the sentence
    ("Norway serenaded Sweden. Sweden serenaded Norway after the Grand Prix.", []),  # '+': the article
    ("Norway serenaded Sweden. Sweden serenaded Norway after the Grand Prixes.", [0, 1]),  # '_': whole word
    ("Fifty years later, Norway serenaded Sweden. Sweden serenaded Norway.", [1]),
], ids=["no-discard", "sentence-stem", "story-whole-word", "whole-word-not-a-stem", "several-words"])
def test_petrarch_verbs_discard_list_rules_out_sentences(nlp, onto_discards, text, coded):
    doc = nlp(text)
    sentences = [s.start for s in doc.sents]
    found = [m.token for m in find_triggers(doc, onto_discards.triggers) if m.token.lemma_ == "serenade"]
    assert sorted({sentences.index(t.sent.start) for t in found}) == coded


def test_petrarch_verbs_discard_list_is_read_by_first_word(tmp_path):
    from newsgraph.events.petrarch_verbs import Discard, read_discards

    path = tmp_path / "synthetic.discards.txt"
    path.write_text(DISCARDS, encoding="utf-8")
    assert read_discards(path) == {"globball": [Discard(("globball",), False, False)],
                                   "grand": [Discard(("grand", "prix"), True, True)],
                                   "fifty": [Discard(("fifty", "years", "later"), False, False)]}


def test_petrarch_verbs_passive_and_noun_targets_are_converted(tmp_path, onto):
    from newsgraph.events.petrarch_verbs import OBJECT_TARGETS, read_verb_dictionary, to_triggers

    path = tmp_path / "synthetic.verbs.txt"
    path.write_text("--- SERENADE [051] ---\nSERENADE\n- + WAS * [042]\n- * TOWARD MEETING + [043]\n"
                    "- + * ROCKET [044]\n", encoding="utf-8")
    trigs, report = to_triggers(read_verb_dictionary(path), onto.cameo_to_plover)
    by_code = {t.cameo: t for t in trigs}
    # "+ WAS *": a passive, whose subject the argument finder takes as the target
    assert (by_code["042"].before, by_code["042"].frame) == (("was",), "agent")
    # "* TOWARD MEETING +": the words are required, the target found where an object is
    assert by_code["043"].requires == ("toward", "meeting") and by_code["043"].target == OBJECT_TARGETS
    # an active verb with its target before it stays out
    assert "044" not in by_code and report.skipped == {"target before the verb": 1}


def test_petrarch_verbs_event_between_uncoded_parties_is_not_kept(nlp, onto_patterns):
    from newsgraph.actors import KnowledgeBase, PersonMemory
    from newsgraph.pipeline import Extractor
    from newsgraph.records import Article

    ex = Extractor(nlp=nlp, kb=KnowledgeBase.load(), ontology=onto_patterns, memory=PersonMemory())
    coded = ex.extract(Article(id="a", text="Synthetic test sentence. Norway serenaded John Doe on Monday."))
    assert [(e.cameo, [coded.actor(a).code for a in e.sources]) for e in coded.events] == [("051", ["NOR"])]
    uncoded = ex.extract(Article(id="b", text="Synthetic test sentence. Jane Roe serenaded John Doe on Monday."))
    assert uncoded.events == []


@pytest.mark.parametrize("subject, heads, deps, pos, codes", [
    (["Norway", "and", "Sweden"], [3, 0, 0], ["nsubj", "cc", "conj"], ["PROPN", "CCONJ", "PROPN"], []),
    (["Norway"], [1], ["nsubj"], ["PROPN"], [["051"]]),
], ids=["compound-subject-blocked", "single-subject-coded"])
def test_petrarch_verbs_compound_do_not_code_applies_to_compound_subjects_only(nlp, tmp_path, subject, heads,
                                                                                deps, pos, codes):
    path = tmp_path / "compound.verbs.txt"
    path.write_text("# synthetic\n--- SERENADE [051] ---\nSERENADE\n- % * [---]\n", encoding="utf-8")
    onto = Ontology.load([path])
    n = len(subject)
    doc = _parse(nlp, subject + ["serenaded", "Denmark"], heads + [n, n], deps + ["ROOT", "dobj"],
                 pos + ["VERB", "PROPN"])
    assert _codes(doc, onto, n) == codes
