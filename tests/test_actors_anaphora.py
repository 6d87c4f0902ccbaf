"""Pronouns and anaphoric noun phrases for states, organisations and groups (actors/anaphora.py).

Every article here was written for these tests; the people in them are fictional (real states
and organisations). Rules are pinned twice: on the real model's parse, and on hand-built parses
where a model error would hide the rule.
"""
from __future__ import annotations


import pytest
from spacy.tokens import Doc

from actors_kb import USER_FILE, load_small_kb, resolve_doc, run, write_kb
from newsgraph.actors import KnowledgeBase


@pytest.fixture(scope="module")
def kb(tmp_path_factory) -> KnowledgeBase:
    folder = tmp_path_factory.mktemp("kb")
    user = folder / "groups.yaml"
    user.write_text(USER_FILE, encoding="utf-8")
    return load_small_kb([*write_kb(folder), user])


def codes_at(doc, index, text, nth=0) -> list[str | None]:
    """Codes of every actor the nth token with this text stands for."""
    i = [t.i for t in doc if t.text == text][nth]
    return [index.get(a).code for a in index.all_at(i)]


# ---------------------------------------------------------------- the real model

@pytest.mark.parametrize("text, word, expected", [
    pytest.param("Synthetic article. Chile, Peru and Bolivia said on Monday they would leave the pact.",
                 "they", ["CHL", "PER", "BOL"], id="they_after_say_is_every_coordinated_subject"),
    pytest.param("Synthetic article. Chile and Peru signed the accord, and their ministers left early.",
                 "their", ["CHL", "PER"], id="their_is_the_coordinated_subject"),
    pytest.param("Synthetic article. Laura Whitcombe met Chinese officials in Beijing on Monday. "
                 "She warned them about the sanctions.", "them", ["CHN"], id="them_is_an_actor_modified_plural"),
    pytest.param("Synthetic article. The council imposed new sanctions on Iran over its missile tests.",
                 "its", ["IRN"], id="its_is_the_nearest_state"),
    pytest.param("Synthetic article. Ana Ruiz, a fictional analyst, said: \u201cIf China wants calm in the region, "
                 "it should stop the drills.\u201d", "it", ["CHN"], id="it_is_the_earlier_subject_in_a_quote"),
    pytest.param("Synthetic article. The United States and its allies met in Brussels.", "its", ["USA"],
                 id="its_inside_a_coordination_is_its_first_member"),
    pytest.param("Synthetic article. The Red Dune Brigade said its fighters had withdrawn from the town.",
                 "its", ["Red Dune Brigade"], id="its_for_a_group"),
    pytest.param("Synthetic article. Moscow said on Friday that it would retaliate.", "it", ["RUS"],
                 id="it_for_a_capital_acting_as_the_state"),
    pytest.param("Synthetic article. North Korea fired two missiles on Monday. Officials in Seoul said the North "
                 "would fire more.", "North", ["PRK"], id="the_north_is_north_korea_when_named"),
    pytest.param("Synthetic article. Iran launched drones on Sunday. The country said the drones were defensive.",
                 "country", ["IRN"], id="the_country_is_the_last_state"),
    pytest.param("Synthetic article. Darius Farahani, the Iranian foreign minister, said his country had "
                 "acted within the law.", "country", ["IRN"], id="his_country_is_the_persons_state"),
    pytest.param("Synthetic article. Chile, Peru and Bolivia left the pact in May. All three were warned by "
                 "the council.", "three", ["CHL", "PER", "BOL"], id="all_three_is_the_group_of_three"),
    pytest.param("Synthetic article. The Red Dune Brigade attacked a depot on Sunday. The militants said the raid "
                 "was a warning.", "militants", ["Red Dune Brigade"], id="the_militants_is_the_last_group"),
    pytest.param("Synthetic article. NATO ministers met in Brussels on Monday. The alliance said it would send "
                 "more ships.", "it", ["NATO"], id="it_after_the_alliance_is_the_organisation"),
    pytest.param("Synthetic article. Chile and Peru will \u201cpresent their plans\u201d next week, officials said.",
                 "their", ["CHL", "PER"], id="a_quoted_fragment_is_narrative"),
])
def test_actors_anaphora_resolves(nlp, kb, text, word, expected):
    doc, index = run(nlp, kb, text)
    assert codes_at(doc, index, word) == expected


@pytest.mark.parametrize("text, word", [
    pytest.param("Synthetic article. Russia condemned the strike, as rescuers searched the rubble and mothers "
                 "carried their children away.", "their", id="a_plural_non_actor_blocks"),
    pytest.param("Synthetic article. Chile and Peru met on Monday. Ana Ruiz, a fictional trader, said: "
                 "\u201cThey will regret the deal.\u201d", "They", id="no_resolution_into_a_quote"),
    pytest.param("Synthetic article. Laura Whitcombe said it had failed.", "it", id="it_is_never_a_person"),
    pytest.param("Synthetic article. Chile said on Monday that it is time to act.", "it",
                 id="expletive_it_is_not_resolved"),
    pytest.param("Synthetic article. The president of Chile described it as a grave attack.", "it",
                 id="object_it_is_an_event_not_an_actor"),
    pytest.param("Synthetic article. Chile said the North was flooded.", "North",
                 id="the_north_needs_north_korea_named"),
])
def test_actors_anaphora_leaves_unresolved(nlp, kb, text, word):
    doc, index = run(nlp, kb, text)
    assert codes_at(doc, index, word) == []


def test_actors_anaphora_adds_no_actors(nlp, kb):
    text = "Synthetic article. Chile and Peru said they would talk. The country said it agreed."
    doc, index = run(nlp, kb, text)
    assert sorted(a.code for a in index.actors) == ["CHL", "PER"]
    chile = next(a for a in index.actors if a.code == "CHL")
    assert [m.text for m in chile.mentions] == ["Chile", "they"]
    assert codes_at(doc, index, "country") == []  # after "Chile and Peru", either could be meant
    for a in index.actors:
        for m in a.mentions:
            assert text[m.start:m.end] == m.text


# ---------------------------------------------------------------- hand-built parses

def test_actors_anaphora_index_all_at_keeps_at_working(nlp, kb):
    # "Peru and Chile said they would leave ."
    words = ["Peru", "and", "Chile", "said", "they", "would", "leave", "."]
    heads = [3, 0, 0, 3, 6, 6, 3, 3]
    deps = ["nsubj", "cc", "conj", "ROOT", "nsubj", "aux", "ccomp", "punct"]
    pos = ["PROPN", "CCONJ", "PROPN", "VERB", "PRON", "AUX", "VERB", "PUNCT"]
    ents = ["B-GPE", "O", "B-GPE", "O", "O", "O", "O", "O"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, ents=ents)
    index = resolve_doc(doc, kb)
    peru, chile = index.at(0), index.at(2)
    assert index.all_at(4) == [peru, chile]
    assert index.at(4) == peru  # one id for code that reads one actor per token
    assert index.in_range(3, 8) == [peru, chile]
    assert index.all_at(5) == []


def test_actors_anaphora_subject_of_own_clause_wins_over_nearer_plural(nlp, kb):
    # "Chinese officials voiced concerns to their counterparts ." : not the nearer "concerns"
    words = ["Chinese", "officials", "voiced", "concerns", "to", "their", "counterparts", "."]
    heads = [1, 2, 2, 2, 2, 6, 4, 2]
    deps = ["amod", "nsubj", "ROOT", "dobj", "prep", "poss", "pobj", "punct"]
    pos = ["ADJ", "NOUN", "VERB", "NOUN", "ADP", "PRON", "NOUN", "PUNCT"]
    tags = ["JJ", "NNS", "VBD", "NNS", "IN", "PRP$", "NNS", "."]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags,
              ents=["B-NORP", "O", "O", "O", "O", "O", "O", "O"])
    index = resolve_doc(doc, kb)
    assert [index.get(a).code for a in index.all_at(5)] == ["CHN"]


def test_actors_anaphora_plural_non_actor_subject_blocks(nlp, kb):
    # "Negotiators from Peru said their talks would continue ." : "their" is the negotiators, not Peru
    words = ["Negotiators", "from", "Peru", "said", "their", "talks", "would", "continue", "."]
    heads = [3, 0, 1, 3, 5, 7, 7, 3, 3]
    deps = ["nsubj", "prep", "pobj", "ROOT", "poss", "nsubj", "aux", "ccomp", "punct"]
    pos = ["NOUN", "ADP", "PROPN", "VERB", "PRON", "NOUN", "AUX", "VERB", "PUNCT"]
    tags = ["NNS", "IN", "NNP", "VBD", "PRP$", "NNS", "MD", "VB", "."]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags,
              ents=["O", "O", "B-GPE", "O", "O", "O", "O", "O", "O"])
    index = resolve_doc(doc, kb)
    # the negotiators are Peru's agents (actors/agents.py), never the state itself
    found = [(index.get(a).name, index.get(a).kind) for a in index.all_at(4)]
    assert found in ([], [("Negotiators", "organisation")])


def test_actors_anaphora_singular_it_skips_a_coordination_it_is_not_in(nlp, kb):
    # "Chile and Peru met . It said ..." : "it" is neither of the two
    words = ["Chile", "and", "Peru", "met", ".", "It", "said", "nothing", "."]
    heads = [3, 0, 0, 3, 3, 6, 6, 6, 6]
    deps = ["nsubj", "cc", "conj", "ROOT", "punct", "nsubj", "ROOT", "dobj", "punct"]
    pos = ["PROPN", "CCONJ", "PROPN", "VERB", "PUNCT", "PRON", "VERB", "PRON", "PUNCT"]
    sent_starts = [True, False, False, False, False, True, False, False, False]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, sent_starts=sent_starts,
              ents=["B-GPE", "O", "B-GPE", "O", "O", "O", "O", "O", "O"])
    index = resolve_doc(doc, kb)
    assert index.all_at(5) == []
