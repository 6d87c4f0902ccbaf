"""Reported-speech precision rules: what is not a statement, duplicates of direct quotes,
contents cut to what was said, speakers that are media or bodies of a state, and bulleted
statements. Synthetic sentences (fictional speakers), parsed by the real model; actor
indexes are built by hand so the tests pin the quote stage's own decisions."""
from __future__ import annotations

import pytest

from newsgraph.quotes import find_quotes
from newsgraph.quotes.lexicon import load_cues

from test_quotes_articles import direct, hand_actors, reported, run

PEOPLE = {"a1": ["Mara Velkov", "Velkov"], "a2": ["Tomas Ebbe", "Ebbe"]}


@pytest.mark.parametrize("text", [
    "Synthetic. Mara Velkov condemned the strike on the port.",
    "Synthetic. The vote of Mara Velkov reflects the anger of the farmers.",
])
def test_quotes_precision_acts_and_evidence_are_not_statements(nlp, text):
    assert reported(run(nlp, text, PEOPLE)) == []


def test_quotes_precision_lexicon_drops_condemn_object_and_reflect():
    lex = load_cues()
    assert "condemn" in lex.speech and "condemn" not in lex.object
    assert "reflect" not in lex.stance


def test_quotes_precision_naming_a_direct_quote_is_not_repeated(nlp):
    text = 'Synthetic. Mara Velkov spoke at the harbour, calling it "the heart of the town."'
    quotes = run(nlp, text, PEOPLE)
    assert reported(quotes) == []
    assert direct(quotes) == [("the heart of the town.", "a1")]


def test_quotes_precision_clause_wrapping_a_partial_quote_is_kept(nlp):
    text = 'Synthetic. Mara Velkov said the "harvest is now safe from the floods."'
    assert reported(run(nlp, text, PEOPLE)) == [('the "harvest is now safe from the floods."', "a1")]


def test_quotes_precision_said_in_a_statement_is_one_content(nlp):
    text = ("Synthetic. Mara Velkov said in a statement that damage to the bridge is being surveyed, "
            'however, first reports show "the crossing can reopen soon."')
    assert reported(run(nlp, text, PEOPLE)) == [
        ('damage to the bridge is being surveyed, however, first reports show '
         '"the crossing can reopen soon."', "a1")]


def test_quotes_precision_participle_describing_a_noun_states_nothing(nlp):
    text = ("Synthetic. Under the treaty, any farmer wanting to sell grain abroad must first register "
            "with Velkov.")
    assert reported(run(nlp, text, PEOPLE)) == []


def test_quotes_precision_cue_then_comma_then_clause(nlp):
    text = ("Synthetic. Pointing to the empty benches, the envoy Mara Velkov said, the session should be "
            "postponed until spring.")
    assert reported(run(nlp, text, PEOPLE)) == [("the session should be postponed until spring", "a1")]


@pytest.mark.parametrize("text,expected", [
    ("Synthetic. The Karst rebels have vowed to seize all boats in the bay, disrupting a key fishing trade.",
     "to seize all boats in the bay"),
    ("Synthetic. The Karst rebels vowed to repeal the Fenwick Act, a decades-old law that limits farm "
     "subsidies.",
     "to repeal the Fenwick Act"),
])
def test_quotes_precision_infinitive_stops_before_the_writers_gloss(nlp, text, expected):
    assert reported(run(nlp, text, {"g1": ["The Karst rebels"]})) == [(expected, "g1")]


@pytest.mark.parametrize("text,expected", [
    ("Synthetic. The deal, Mara Velkov added, was not final.", "The deal, Mara Velkov added, was not final"),
    ("Synthetic. Talks with the rebels, Velkov said on Monday, were continuing in the capital.",
     "Talks with the rebels, Velkov said on Monday, were continuing in the capital"),
])
def test_quotes_precision_attribution_inserted_in_its_clause(nlp, text, expected):
    assert reported(run(nlp, text, PEOPLE)) == [(expected, "a1")]


@pytest.mark.parametrize("text", [
    "Synthetic. Velkov would not comment on a story by the broadcaster Radio Nord.\n"
    "The story said the army had left the town.",
    "Synthetic. A Reuters report said the army had left the town.",
])
def test_quotes_precision_published_pieces_of_media_are_not_speakers(nlp, text):
    assert [q for q in reported(run(nlp, text, PEOPLE)) if "army" in q[0]] == []


def test_quotes_precision_report_of_a_non_medium_still_speaks(nlp):
    text = "Synthetic. The ministry published a report on the floods.\nThe report said the dams had failed."
    assert ("the dams had failed", None) in reported(run(nlp, text, PEOPLE))


def test_quotes_precision_office_of_a_person_speaks_for_the_state(nlp):
    text = ("Synthetic. Mara Velkov flew to the coast on Friday to inspect the flood defences, "
            "her office said.")
    doc = nlp(text)
    actors = hand_actors(doc, {"a1": ["Mara Velkov"], "s1": ["Norland"]}, pronouns={0: "a1"})
    actors.actors[0].code = "NRL"
    actors.actors[1].kind, actors.actors[1].code = "state", "NRL"
    got = [(q.text, q.speaker) for q in find_quotes(doc, actors) if not q.direct]
    assert got == [("Mara Velkov flew to the coast on Friday to inspect the flood defences", "s1")]


def test_quotes_precision_bulleted_points_after_a_colon(nlp):
    text = ("Synthetic. The envoy Mara Velkov listed three demands:\n\n"
            "→ the border crossings must reopen before winter;\n\n"
            "→ fishing quotas will be set by a joint board.\n\n"
            "The talks lasted two hours.")
    assert reported(run(nlp, text, PEOPLE)) == [
        ("the border crossings must reopen before winter", "a1"),
        ("fishing quotas will be set by a joint board", "a1"),
    ]


def test_quotes_precision_list_without_a_speaker_is_not_speech(nlp):
    text = ("Synthetic. Three demands of the union:\n\n"
            "→ the border crossings must reopen before winter;\n\n"
            "→ fishing quotas will be set by a joint board.")
    assert reported(run(nlp, text, PEOPLE)) == []


def test_quotes_precision_participle_inside_a_partial_quote_stays(nlp):
    text = ('Synthetic. Mara Velkov said the farmers had fought "for their land, knowing that nobody '
            'would help them."')
    assert reported(run(nlp, text, PEOPLE)) == [
        ('the farmers had fought "for their land, knowing that nobody would help them."', "a1")]


def test_quotes_precision_partial_quote_in_a_bulleted_point_is_the_speakers(nlp):
    text = ("Synthetic. The envoy Mara Velkov listed two demands:\n\n"
            '→ the border crossings must reopen "before winter";\n\n'
            "→ fishing quotas will be set by a joint board.")
    assert direct(run(nlp, text, PEOPLE)) == [("before winter", "a1")]


def test_quotes_precision_quote_under_an_evidence_verb_is_the_statements(nlp):
    text = ('Synthetic. Mara Velkov said in a statement that first reports show "the crossing can reopen '
            'soon."')
    assert direct(run(nlp, text, PEOPLE)) == [("the crossing can reopen soon.", "a1")]


def test_quotes_precision_statement_read_out(nlp):
    text = 'Synthetic. "We will rebuild every bridge by the spring," read a statement from Mara Velkov.'
    assert direct(run(nlp, text, PEOPLE)) == [("We will rebuild every bridge by the spring", "a1")]


def test_quotes_precision_quote_after_a_reported_statement_continues_it(nlp):
    text = ('Synthetic. Mara Velkov said the raid on the depot was not an attack. '
            '"Nobody fired a single shot at the guards."')
    assert direct(run(nlp, text, PEOPLE)) == [("Nobody fired a single shot at the guards.", "a1")]
