"""Lists of actors the parser does not read as coordination, and events whose object is a mutual
event between others. Every sentence is synthetic, written for these tests (real states, no
dataset text); the list rules are pinned on hand-built parses (the misparses the small model
makes), the mutual-object rule also runs end to end.
"""
from __future__ import annotations

import pytest
from events_helpers import coded, index_names, parse

from newsgraph.events.arguments import ArgumentFinder, find_arguments
from newsgraph.events.lexicon import Trigger
from newsgraph.events.patterns import complete_arguments


def _finder(doc, names):
    idx, ids = index_names(doc, {n: (c, "state") for n, c in names.items()})
    return ArgumentFinder(idx, lambda t: None, lambda t: None), idx


def _codes(idx, actor_ids):
    return {idx.get(a).code for a in actor_ids}


# "Chad and the evil awful Mali welcomed talks ." -- "awful" read as a noun in a list with Chad,
# Chad hung on Mali as a modifier
MODIFIER_LIST = ("Chad/Chad/PROPN/NNP/nmod/5 and/and/CCONJ/CC/cc/0 the/the/DET/DT/det/4 "
                 "evil/evil/ADJ/JJ/amod/4 awful/awful/NOUN/NN/conj/0 Mali/Mali/PROPN/NNP/nsubj/6 "
                 "welcomed/welcome/VERB/VBD/ROOT/6 talks/talk/NOUN/NNS/dobj/6 ././PUNCT/./punct/6")
# "Chad , Niger and the awful Mali welcomed talks ." -- the coordinator hangs on the second member
MODIFIER_CHAIN = ("Chad/Chad/PROPN/NNP/nmod/7 ,/,/PUNCT/,/punct/0 Niger/Niger/PROPN/NNP/conj/0 "
                  "and/and/CCONJ/CC/cc/2 the/the/DET/DT/det/6 evil/evil/ADJ/JJ/amod/6 awful/awful/NOUN/NN/conj/2 "
                  "Mali/Mali/PROPN/NNP/nsubj/8 welcomed/welcome/VERB/VBD/ROOT/8 talks/talk/NOUN/NNS/dobj/8 "
                  "././PUNCT/./punct/8")
# "Chad , the awful Niger , and good Mali welcomed talks" -- Niger read as an apposition
APPOS_MEMBER = ("Chad/Chad/PROPN/NNP/nsubj/9 ,/,/PUNCT/,/punct/0 the/the/DET/DT/det/4 awful/awful/ADJ/JJ/amod/4 "
                "Niger/Niger/PROPN/NNP/appos/0 ,/,/PUNCT/,/punct/0 and/and/CCONJ/CC/cc/0 good/good/ADJ/JJ/amod/8 "
                "Mali/Mali/PROPN/NNP/conj/0 welcomed/welcome/VERB/VBD/ROOT/9 talks/talk/NOUN/NNS/dobj/9")
# "Chad , the Niger , Mali and Benin welcomed talks" -- the rest of the list hangs on the apposition
APPOS_OPENS_LIST = ("Chad/Chad/PROPN/NNP/nsubj/8 ,/,/PUNCT/,/punct/0 the/the/DET/DT/det/3 "
                    "Niger/Niger/PROPN/NNP/appos/0 ,/,/PUNCT/,/punct/3 Mali/Mali/PROPN/NNP/conj/3 "
                    "and/and/CCONJ/CC/cc/5 Benin/Benin/PROPN/NNP/conj/5 "
                    "welcomed/welcome/VERB/VBD/ROOT/8 talks/talk/NOUN/NNS/dobj/8")
# "Chad , Niger 's ally , and Mali welcomed talks" -- an apposition that is no name adds nothing
APPOS_NOT_A_NAME = ("Chad/Chad/PROPN/NNP/nsubj/8 ,/,/PUNCT/,/punct/0 Niger/Niger/PROPN/NNP/poss/4 "
                    "'s/'s/PART/POS/case/2 ally/ally/NOUN/NN/appos/0 ,/,/PUNCT/,/punct/0 and/and/CCONJ/CC/cc/0 "
                    "Mali/Mali/PROPN/NNP/conj/0 welcomed/welcome/VERB/VBD/ROOT/8 talks/talk/NOUN/NNS/dobj/8")
STATES = {"Chad": "TCD", "Niger": "NER", "Mali": "MLI", "Benin": "BEN"}


@pytest.mark.parametrize("spec, head, expected", [
    pytest.param(MODIFIER_LIST, 5, {"TCD", "MLI"}, id="first_member_hung_on_the_last_as_modifier"),
    pytest.param(MODIFIER_CHAIN, 7, {"TCD", "NER", "MLI"}, id="modifier_member_with_its_own_chain"),
    pytest.param(APPOS_MEMBER, 0, {"TCD", "NER", "MLI"}, id="apposition_in_a_list_is_a_member"),
    pytest.param(APPOS_OPENS_LIST, 0, {"TCD", "NER", "MLI", "BEN"}, id="apposition_opening_the_rest_of_the_list"),
    pytest.param(APPOS_NOT_A_NAME, 0, {"TCD", "MLI"}, id="apposition_that_is_no_name_adds_nothing"),
])
def test_events_compound_lists_members(nlp, spec, head, expected):
    doc = parse(nlp.vocab, spec)
    finder, idx = _finder(doc, STATES)
    assert _codes(idx, finder.np_actors(doc[head])) == expected


def test_events_compound_lists_single_apposition_of_a_name_is_not_a_member(nlp):
    # "Chad , Niger welcomed talks ." -- no coordination anywhere: an apposition names the same
    # thing, not a second party
    doc = parse(nlp.vocab, "Chad/Chad/PROPN/NNP/nsubj/4 ,/,/PUNCT/,/punct/0 Niger/Niger/PROPN/NNP/appos/0 "
                           ",/,/PUNCT/,/punct/0 welcomed/welcome/VERB/VBD/ROOT/4 talks/talk/NOUN/NNS/dobj/4")
    finder, idx = _finder(doc, STATES)
    assert _codes(idx, finder.np_actors(doc[0])) == {"TCD"}


def test_events_compound_lists_border_with_names_the_state_across(nlp):
    # "Chad closed the border with Niger ."
    doc = parse(nlp.vocab, "Chad/Chad/PROPN/NNP/nsubj/1 closed/close/VERB/VBD/ROOT/1 the/the/DET/DT/det/3 "
                           "border/border/NOUN/NN/dobj/1 with/with/ADP/IN/prep/3 Niger/Niger/PROPN/NNP/pobj/4 "
                           "././PUNCT/./punct/1")
    finder, idx = _finder(doc, STATES)
    assert _codes(idx, finder.np_actors(doc[3])) == {"NER"}


# "Chad and Mali welcomed the resumption of ties with Niger ."
MUTUAL_OBJECT = ("Chad/Chad/PROPN/NNP/nsubj/3 and/and/CCONJ/CC/cc/0 Mali/Mali/PROPN/NNP/conj/0 "
                 "welcomed/welcome/VERB/VBD/ROOT/3 the/the/DET/DT/det/5 resumption/resumption/NOUN/NN/dobj/3 "
                 "of/of/ADP/IN/prep/5 ties/tie/NOUN/NNS/pobj/6 with/with/ADP/IN/prep/7 "
                 "Niger/Niger/PROPN/NNP/pobj/8 ././PUNCT/./punct/3")


def test_events_compound_lists_mutual_type_verb_aims_at_its_object_events_parties(nlp):
    # a user's verb file may give a verb of approval a mutual type (CONSULT): the coordinated
    # subjects are not each other's counterparts when the object is a mutual event with Niger
    doc = parse(nlp.vocab, MUTUAL_OBJECT)
    idx, _ = index_names(doc, {n: (c, "state") for n, c in STATES.items()})
    resumption = Trigger(lemma="resumption", pos="noun", type="COOPERATE", cameo="064", frame="symmetric",
                         requires=("tie",), target=("with", "between"))
    finder = ArgumentFinder(idx, lambda t: None, lambda t: resumption if t.i == 5 else None)
    verb = Trigger(lemma="welcome", pos="verb", type="CONSULT", cameo="041", frame="agent", target=("dobj",))
    args = complete_arguments(doc[3], verb, finder, find_arguments(doc[3], verb, finder))
    assert not args.pairwise
    assert _codes(idx, args.sources) == {"TCD", "MLI"} and _codes(idx, args.targets) == {"NER"}


@pytest.mark.parametrize("text, event", [
    pytest.param("Russian and Chinese forces attacked Ukraine on Monday.",
                 (("CHN", "RUS"), "ASSAULT", ("UKR",)), id="two_demonyms_before_one_noun"),
    pytest.param("Russia massed troops near the border with Ukraine on Monday.",
                 (("RUS",), "MOBILIZE", ("UKR",)), id="troops_near_the_border_with"),
])
def test_events_compound_lists_sentences(extractor, text, event):
    assert event in coded(extractor, text)


# "Chad and Mali presented their credentials to Niger ."
OWN_OBJECT = ("Chad/Chad/PROPN/NNP/nsubj/3 and/and/CCONJ/CC/cc/0 Mali/Mali/PROPN/NNP/conj/0 "
              "presented/present/VERB/VBD/ROOT/3 their/their/PRON/PRP$/poss/5 credentials/credential/NOUN/NNS/dobj/3 "
              "to/to/ADP/IN/prep/3 Niger/Niger/PROPN/NNP/pobj/6 ././PUNCT/./punct/3")


def test_events_compound_lists_own_object_does_not_hide_the_next_target_position(nlp):
    # the object is the coordinated subjects' own ("their credentials"): the target is whom "to"
    # names, not nobody (and so not a pair of the two subjects)
    doc = parse(nlp.vocab, OWN_OBJECT)
    idx, _ = index_names(doc, {n: (c, "state") for n, c in STATES.items()})
    finder = ArgumentFinder(idx, lambda t: None, lambda t: None)
    verb = Trigger(lemma="present", pos="verb", type="AGREE", cameo="032", frame="agent", target=("dobj", "to"))
    args = find_arguments(doc[3], verb, finder)
    assert _codes(idx, args.sources) == {"TCD", "MLI"}
    assert _codes(idx, args.targets) == {"NER"}


def test_events_compound_lists_required_word_carries_the_target(nlp):
    # "Chad acted on a resolution against Niger ." -- an entry "act on resolution": the target
    # hangs on the entry's own word, reached through a preposition
    doc = parse(nlp.vocab, "Chad/Chad/PROPN/NNP/nsubj/1 acted/act/VERB/VBD/ROOT/1 on/on/ADP/IN/prep/1 "
                           "a/a/DET/DT/det/4 resolution/resolution/NOUN/NN/pobj/2 against/against/ADP/IN/prep/4 "
                           "Niger/Niger/PROPN/NNP/pobj/5 ././PUNCT/./punct/1")
    finder, idx = _finder(doc, STATES)
    verb = Trigger(lemma="act", pos="verb", type="REQUEST", cameo="102", requires=("on", "resolution"),
                   target=("dobj", "against", "with"))
    args = find_arguments(doc[1], verb, finder)
    assert _codes(idx, args.sources) == {"TCD"} and _codes(idx, args.targets) == {"NER"}


# "Chad believes Niger and Mali can cope ." / "Chad investigated whether Niger used drones ."
BELIEVES = ("Chad/Chad/PROPN/NNP/nsubj/1 believes/believe/VERB/VBZ/ROOT/1 Niger/Niger/PROPN/NNP/nsubj/6 "
            "and/and/CCONJ/CC/cc/2 Mali/Mali/PROPN/NNP/conj/2 can/can/AUX/MD/aux/6 cope/cope/VERB/VB/ccomp/1 "
            "././PUNCT/./punct/1")
WHETHER = ("Chad/Chad/PROPN/NNP/nsubj/1 investigated/investigate/VERB/VBD/ROOT/1 whether/whether/SCONJ/IN/mark/4 "
           "Niger/Niger/PROPN/NNP/nsubj/4 used/use/VERB/VBD/ccomp/1 drones/drone/NOUN/NNS/dobj/4 ././PUNCT/./punct/1")


@pytest.mark.parametrize("spec, verb, typ, expected", [
    pytest.param(BELIEVES, 1, "REQUEST", {"NER", "MLI"}, id="verbal_act_aimed_at_clause_subject"),
    pytest.param(BELIEVES, 1, "PROTEST", set(), id="material_act_is_not_aimed_at_clause_subject"),
    pytest.param(WHETHER, 1, "ACCUSE", set(), id="open_question_names_no_target"),
    pytest.param(BELIEVES.replace("believes/believe/", "says/say/"), 1, "REQUEST", set(),
                 id="report_is_not_aimed_at_its_content"),
])
def test_events_compound_lists_clause_subject_target(nlp, spec, verb, typ, expected):
    doc = parse(nlp.vocab, spec)
    finder, idx = _finder(doc, STATES)
    trig = Trigger(lemma=doc[verb].lemma_, pos="verb", type=typ, cameo="023", frame="agent", target=("dobj",))
    assert _codes(idx, find_arguments(doc[verb], trig, finder).targets) == expected
