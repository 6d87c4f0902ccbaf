"""Argument patterns of real news sentences: a relation noun ("X's ally") names another party than
its possessor, a phrase shared by coordinated objects ("launched artillery, mortar and rocket fire
against X"), a refusal despite someone's pressure, a concession or agreement after talks with
someone, a measure on a thing "for" a party ("restrictions on its labour market for X"), an event
one takes part in ("took part in the attack on X", "were engaged in fighting against X") and a
group standing with a party ("militants loyal to X", "workers affiliated with Y"); the victim of
a condemned attack ("condemned the attack on X") is not whom the condemnation accuses.

Every sentence here is synthetic (written for these tests, no dataset text) and every named person
fictional; the sentences run through the real model, knowledge base and extractor. Each rule is
also pinned on a hand-built parse, so a change of the model's reading cannot hide a regression.
"""
from __future__ import annotations

import pytest
from events_helpers import article, coded, event_codes, parse

from newsgraph.actors.index import ActorIndex, ActorMention
from newsgraph.events import extract_events
from newsgraph.records import Actor


@pytest.mark.parametrize("text, event", [
    pytest.param("Synthetic: Syrian rebels attacked the headquarters of Russia's militia ally in "
                 "southern Lebanon on Sunday.",
                 (("SYR",), "ASSAULT", ("LBN",)), id="ally_in_a_place_is_of_that_place"),
    pytest.param("Synthetic: Vietnamese-led forces launched artillery, mortar, and rocket fire against "
                 "Cambodian guerrilla camps today.",
                 (("VNM",), "ASSAULT", ("KHM",)), id="shared_phrase_of_coordinated_objects"),
    pytest.param("Synthetic: Ghana called off its boycott after deliberations with Togo.",
                 (("GHA",), "CONCEDE", ("TGO",)), id="concession_after_talks_with_party"),
    pytest.param("Synthetic: Greece, like most other members, plans to impose restrictions on its labour "
                 "market for new EU members for at least two years.",
                 (("GRC",), "THREATEN", ("EU",)), id="measure_on_own_thing_for_party"),
    pytest.param("Synthetic: Serbian forces were engaged in fighting against Croatian troops.",
                 (("SRB",), "ASSAULT", ("HRV",)), id="engaged_in_event_does_it"),
    pytest.param("Synthetic: Peruvian rebels took part in the attack on Chilean soldiers.",
                 (("PER",), "ASSAULT", ("CHL",)), id="took_part_in_event_does_it"),
    pytest.param("Synthetic: Militants loyal to Hamas fired rockets at Israel on Monday.",
                 (("Hamas",), "ASSAULT", ("ISR",)), id="loyal_to_party_stands_for_it"),
    pytest.param("Synthetic: Workers affiliated with the Serbian Workers' Union staged a strike against "
                 "the Croatian government.",
                 (("SRB",), "PROTEST", ("HRV",)), id="affiliated_with_party_stands_for_it"),
])
def test_events_argument_patterns_found(extractor, text, event):
    assert event in coded(extractor, text)


@pytest.mark.parametrize("text, unwanted", [
    pytest.param("Synthetic: Syrian rebels attacked the headquarters of Russia's militia ally in "
                 "southern Lebanon on Sunday.",
                 (("SYR",), "ASSAULT", ("RUS",)), id="possessor_of_ally_is_not_attacked"),
    pytest.param("Synthetic: Peruvian troops attacked Chile's allies on Monday.",
                 (("PER",), "ASSAULT", ("CHL",)), id="allies_of_a_state_are_not_the_state"),
    pytest.param("Synthetic: Rebels backed by Hamas fired rockets at Israel on Monday.",
                 (("Hamas",), "ASSAULT", ("ISR",)), id="backed_by_party_is_not_the_party"),
    pytest.param("Synthetic: Chile criticized the sanctions against Peru.",
                 (("CHL",), "ACCUSE", ("PER",)), id="victim_of_criticised_measure_is_not_accused"),
    pytest.param("Synthetic: Greece plans to impose restrictions on its labour market for two years.",
                 (("GRC",), "THREATEN", ("GRC",)), id="measure_on_own_thing_is_no_self_target"),
])
def test_events_argument_patterns_not_found(extractor, text, unwanted):
    assert unwanted not in coded(extractor, text)


def _run(nlp, onto, spec: str, actors: list[Actor], spans: list[tuple[int, int, str]]):
    doc = parse(nlp.vocab, spec)
    idx = ActorIndex(actors=actors)
    for start, end, aid in spans:
        idx.add_mention(ActorMention(start, end, aid))
    return event_codes(idx.get, extract_events(doc, article(doc), idx, [], onto))


PERU = Actor(id="a1", name="Peru", kind="state", code="PER")
CHILE = Actor(id="a2", name="Chile", kind="state", code="CHL")
BOLIVIA = Actor(id="a3", name="Bolivia", kind="state", code="BOL")

# "Peru attacked Chile 's ally ."
ALLY = ("Peru/Peru/PROPN/NNP/nsubj/1 attacked/attack/VERB/VBD/ROOT/1 Chile/Chile/PROPN/NNP/poss/4 "
        "'s/'s/PART/POS/case/2 ally/ally/NOUN/NN/dobj/1 ././PUNCT/./punct/1")
# "Peru attacked Chile 's Bolivian ally ."
NAMED_ALLY = ("Peru/Peru/PROPN/NNP/nsubj/1 attacked/attack/VERB/VBD/ROOT/1 Chile/Chile/PROPN/NNP/poss/5 "
              "'s/'s/PART/POS/case/2 Bolivian/bolivian/ADJ/JJ/amod/5 ally/ally/NOUN/NN/dobj/1 "
              "././PUNCT/./punct/1")


def test_events_argument_patterns_possessor_of_relation_noun_is_no_target(nlp, onto):
    coded_events = _run(nlp, onto, ALLY, [PERU, CHILE], [(0, 1, "a1"), (2, 3, "a2")])
    assert not any(e[3] == ("CHL",) for e in coded_events)


def test_events_argument_patterns_demonym_names_the_related_party(nlp, onto):
    coded_events = _run(nlp, onto, NAMED_ALLY, [PERU, CHILE, BOLIVIA],
                        [(0, 1, "a1"), (2, 3, "a2"), (4, 5, "a3")])
    assert ("ASSAULT", "asserted", ("PER",), ("BOL",)) in coded_events
    assert not any(e[3] == ("CHL",) for e in coded_events)


# "Peru launched mortar and rocket fire against Chile ." (the phrase on the last conjunct)
COORDINATED = ("Peru/Peru/PROPN/NNP/nsubj/1 launched/launch/VERB/VBD/ROOT/1 mortar/mortar/NOUN/NN/dobj/1 "
               "and/and/CCONJ/CC/cc/2 rocket/rocket/NOUN/NN/compound/5 fire/fire/NOUN/NN/conj/2 "
               "against/against/ADP/IN/prep/5 Chile/Chile/PROPN/NNP/pobj/6 ././PUNCT/./punct/1")


def test_events_argument_patterns_phrase_on_last_conjunct_of_object(nlp, onto):
    coded_events = _run(nlp, onto, COORDINATED, [PERU, CHILE], [(0, 1, "a1"), (7, 8, "a2")])
    assert ("ASSAULT", "asserted", ("PER",), ("CHL",)) in coded_events


# "Peru declined to withdraw despite pressure by Chile ." / "... despite the storm by Chile ."
DESPITE = ("Peru/Peru/PROPN/NNP/nsubj/1 declined/decline/VERB/VBD/ROOT/1 to/to/PART/TO/aux/3 "
           "withdraw/withdraw/VERB/VB/xcomp/1 despite/despite/ADP/IN/prep/3 {noun}/{lemma}/NOUN/NN/pobj/4 "
           "by/by/ADP/IN/prep/5 Chile/Chile/PROPN/NNP/pobj/6 ././PUNCT/./punct/1")


def test_events_argument_patterns_refusal_despite_pressure_aims_at_presser(nlp, onto):
    spec = DESPITE.format(noun="pressure", lemma="pressure")
    coded_events = _run(nlp, onto, spec, [PERU, CHILE], [(0, 1, "a1"), (7, 8, "a2")])
    assert ("REJECT", "asserted", ("PER",), ("CHL",)) in coded_events


def test_events_argument_patterns_refusal_despite_other_event_names_no_target(nlp, onto):
    spec = DESPITE.format(noun="storm", lemma="storm")
    coded_events = _run(nlp, onto, spec, [PERU, CHILE], [(0, 1, "a1"), (7, 8, "a2")])
    assert not any(e[0] == "REJECT" and e[3] == ("CHL",) for e in coded_events)


# "Peru called off the strike after deliberations with Chile ." (no trigger of its own)
AFTER_TALKS = ("Peru/Peru/PROPN/NNP/nsubj/1 called/call/VERB/VBD/ROOT/1 off/off/ADP/RP/prt/1 "
               "the/the/DET/DT/det/4 strike/strike/NOUN/NN/dobj/1 after/after/ADP/IN/prep/1 "
               "deliberations/deliberation/NOUN/NNS/pobj/5 with/with/ADP/IN/prep/6 "
               "Chile/Chile/PROPN/NNP/pobj/7 "
               "././PUNCT/./punct/1")


def test_events_argument_patterns_concession_after_talks_with_party(nlp, onto):
    coded_events = _run(nlp, onto, AFTER_TALKS, [PERU, CHILE], [(0, 1, "a1"), (8, 9, "a2")])
    assert ("CONCEDE", "asserted", ("PER",), ("CHL",)) in coded_events



# "Peru was engaged in fighting against Chile ." (a stative passive: Peru fights)
ENGAGED = ("Peru/Peru/PROPN/NNP/nsubjpass/2 was/be/AUX/VBD/auxpass/2 engaged/engage/VERB/VBN/ROOT/2 "
           "in/in/ADP/IN/prep/2 fighting/fighting/NOUN/NN/pobj/3 against/against/ADP/IN/prep/4 "
           "Chile/Chile/PROPN/NNP/pobj/5 ././PUNCT/./punct/2")


def test_events_argument_patterns_participant_of_named_event(nlp, onto):
    coded_events = _run(nlp, onto, ENGAGED, [PERU, CHILE], [(0, 1, "a1"), (6, 7, "a2")])
    assert ("ASSAULT", "asserted", ("PER",), ("CHL",)) in coded_events


# "Gunmen loyal to Peru attacked Chile ." / "Gunmen hostile to Peru ..."
LOYAL = ("Gunmen/gunman/NOUN/NNS/nsubj/4 {adj}/{adj}/ADJ/JJ/amod/0 to/to/ADP/IN/prep/1 "
         "Peru/Peru/PROPN/NNP/pobj/2 attacked/attack/VERB/VBD/ROOT/4 Chile/Chile/PROPN/NNP/dobj/4 "
         "././PUNCT/./punct/4")


def test_events_argument_patterns_loyal_group_stands_for_its_party(nlp, onto):
    coded_events = _run(nlp, onto, LOYAL.format(adj="loyal"), [PERU, CHILE], [(3, 4, "a1"), (5, 6, "a2")])
    assert ("ASSAULT", "asserted", ("PER",), ("CHL",)) in coded_events


def test_events_argument_patterns_hostile_group_does_not_stand_for_party(nlp, onto):
    coded_events = _run(nlp, onto, LOYAL.format(adj="hostile"), [PERU, CHILE], [(3, 4, "a1"), (5, 6, "a2")])
    assert not any(e[2] == ("PER",) for e in coded_events)


# "Peru condemned the attack on Chile ." (no doer named)
CONDEMNED_ATTACK = ("Peru/Peru/PROPN/NNP/nsubj/1 condemned/condemn/VERB/VBD/ROOT/1 the/the/DET/DT/det/3 "
                    "attack/attack/NOUN/NN/dobj/1 on/on/ADP/IN/prep/3 Chile/Chile/PROPN/NNP/pobj/4 "
                    "././PUNCT/./punct/1")


def test_events_argument_patterns_victim_of_condemned_attack_is_not_accused(nlp, onto):
    coded_events = _run(nlp, onto, CONDEMNED_ATTACK, [PERU, CHILE], [(0, 1, "a1"), (5, 6, "a2")])
    assert not any(e[0] == "ACCUSE" and e[3] == ("CHL",) for e in coded_events)
