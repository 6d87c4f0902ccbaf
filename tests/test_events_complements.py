"""A stance taken on another act is aimed at that act's party: the target of a refusal, threat,
protest or condemnation that names none comes from the act in its complement ("refused to allow X
to ...", "threatened to launch attacks on X", "staged a strike to protest against X", "denounced
X's crackdown"); a demanded, refused, agreed or ended thing names its counterpart by "with" or
"of"; a statement demanding that X act is aimed at X; a protest at a place, at the place's state.

Every sentence here is synthetic, written for these tests (no dataset text), and run through the
real model, knowledge base and extractor; the clause rule is also pinned on hand-built parses.
"""
from __future__ import annotations

import pytest
from events_helpers import coded, parse

from newsgraph.events.arguments import in_complement


@pytest.mark.parametrize("text, event", [
    pytest.param("Sudan threatened to launch attacks on Chad.", (("SDN",), "THREATEN", ("TCD",)),
                 id="threat_takes_target_of_shared_subject_act"),
    pytest.param("Peru refused to allow Ecuador to evacuate its citizens.", (("PER",), "REJECT", ("ECU",)),
                 id="refusal_aimed_at_doer_of_other_actors_act"),
    pytest.param("Albania on Friday denounced as a crime Serbia's crackdown on the protesters.",
                 (("ALB",), "ACCUSE", ("SRB",)), id="condemnation_of_possessed_act_through_apposition"),
    pytest.param("Hundreds of workers in Ghana staged a hunger strike to protest against Togo.",
                 (("GHA",), "PROTEST", ("TGO",)), id="protest_purpose_clause_gives_target"),
    pytest.param("Norway demanded a truce with Chile.", (("NOR",), "REQUEST", ("CHL",)),
                 id="demanded_thing_with_counterpart"),
    pytest.param("Norway rejected talks with Chile.", (("NOR",), "REJECT", ("CHL",)),
                 id="rejected_thing_with_counterpart"),
    pytest.param("Chadian prisoners rioted on Monday at a jail in northern Sudan.",
                 (("TCD",), "PROTEST", ("SDN",)), id="protest_at_place_inside_phrase_targets_its_state"),
    pytest.param("Norway issued a statement demanding that Chile release the prisoners.",
                 (("NOR",), "REQUEST", ("CHL",)), id="demand_in_participle_on_object_aims_at_clause_subject"),
    pytest.param("Norway said it would allow the return of Chilean inspectors.",
                 (("NOR",), "AGREE", ("CHL",)), id="allowed_act_of_counterpart"),
    pytest.param("Norway rejected the proposal of Chile.", (("NOR",), "REJECT", ("CHL",)),
                 id="rejected_thing_of_counterpart"),
])
def test_events_complements_target_from_complement(extractor, text, event):
    assert event in coded(extractor, text)


@pytest.mark.parametrize("text, unwanted", [
    pytest.param("Norway rejected the plan and attacked Chile.", (("NOR",), "REJECT", ("CHL",)),
                 id="coordinated_second_act_is_not_content"),
    pytest.param("Norway rejected the plan after Chile attacked Peru.", (("NOR",), "REJECT", ("CHL",)),
                 id="background_clause_is_not_content"),
    pytest.param("Iran denied arming Russia.", (("IRN",), "REJECT", ("RUS",)),
                 id="denial_not_aimed_at_party_of_denied_act"),
    pytest.param("Peru insisted that the transfer came before Chile's attack on Bolivia.",
                 (("PER",), "REQUEST", ("CHL",)), id="insisting_on_a_fact_is_no_demand_on_its_doer"),
    pytest.param("The Russian president's visit demonstrates that Russia is cooperating with Iran.",
                 (("RUS",), "PROTEST", ("IRN",)), id="that_clause_of_an_act_verb_is_not_its_target"),
    pytest.param("Egypt said it would boycott all contact with Israel.", (("EGY",), "REJECT", ("ISR",)),
                 id="counterpart_is_last_resort_after_other_readings"),
])
def test_events_complements_not_content(extractor, text, unwanted):
    assert unwanted not in coded(extractor, text)


# "Norway refused to negotiate with Chile and attacked Peru ."
REFUSED = ("Norway/Norway/PROPN/NNP/nsubj/1 refused/refuse/VERB/VBD/ROOT/1 to/to/PART/TO/aux/3 "
           "negotiate/negotiate/VERB/VB/xcomp/1 with/with/ADP/IN/prep/3 Chile/Chile/PROPN/NNP/pobj/4 "
           "and/and/CCONJ/CC/cc/1 attacked/attack/VERB/VBD/conj/1 Peru/Peru/PROPN/NNP/dobj/7 "
           "././PUNCT/./punct/1")
# "Peru rejected it because Chile attacked ."
BECAUSE = ("Peru/Peru/PROPN/NNP/nsubj/1 rejected/reject/VERB/VBD/ROOT/1 it/it/PRON/PRP/dobj/1 "
           "because/because/SCONJ/IN/mark/5 Chile/Chile/PROPN/NNP/nsubj/5 attacked/attack/VERB/VBD/advcl/1 "
           "././PUNCT/./punct/1")
# "Peru vowed to strike unless Chile withdraws ."
UNLESS = ("Peru/Peru/PROPN/NNP/nsubj/1 vowed/vow/VERB/VBD/ROOT/1 to/to/PART/TO/aux/3 "
          "strike/strike/VERB/VB/xcomp/1 unless/unless/SCONJ/IN/mark/6 Chile/Chile/PROPN/NNP/nsubj/6 "
          "withdraws/withdraw/VERB/VBZ/advcl/3 "
          "././PUNCT/./punct/1")
# "Peru demonstrates that Chile attacked ."
THAT = ("Peru/Peru/PROPN/NNP/nsubj/1 demonstrates/demonstrate/VERB/VBZ/ROOT/1 that/that/SCONJ/IN/mark/4 "
        "Chile/Chile/PROPN/NNP/nsubj/4 attacked/attack/VERB/VBD/ccomp/1 ././PUNCT/./punct/1")


@pytest.mark.parametrize("spec, tok, gov, that_clause, expected", [
    pytest.param(REFUSED, 3, 1, True, True, id="control_complement"),
    pytest.param(REFUSED, 7, 1, True, False, id="coordinated_verb"),
    pytest.param(REFUSED, 1, 1, True, False, id="not_itself"),
    pytest.param(BECAUSE, 5, 1, True, False, id="background_clause"),
    pytest.param(UNLESS, 6, 1, True, True, id="condition_inside_complement"),
    pytest.param(THAT, 4, 1, True, True, id="that_clause_of_statement"),
    pytest.param(THAT, 4, 1, False, False, id="that_clause_excluded_for_acts"),
])
def test_events_complements_clause_links(nlp, spec, tok, gov, that_clause, expected):
    doc = parse(nlp.vocab, spec)
    assert in_complement(doc[tok], doc[gov], that_clause=that_clause) is expected
