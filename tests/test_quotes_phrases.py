"""Phrase contents of reported speech (objects, labels) that are not statements of their own:
a noun phrase labelled with a direct quote, an account rather than a position ("described the
night"), an object answered by a participle of saying, a speech act set as the background of
another; a present-perfect gloss closing a statement. Also the
speaker "the army said" resolved through the body's earlier mention. Synthetic sentences
(fictional speakers), parsed by the real model; actor indexes are built by hand so the tests
pin the quote stage's own decisions."""
from __future__ import annotations

import re

import pytest

from newsgraph.actors.index import ActorIndex, ActorMention
from newsgraph.quotes import find_quotes
from newsgraph.records import Actor

from test_quotes_articles import direct, reported, run

PEOPLE = {"a1": ["Mara Velkov", "Velkov"], "a2": ["Tomas Ebbe", "Ebbe"]}


@pytest.mark.parametrize("text, quoted", [
    ('Synthetic. Mara Velkov called the accusations "utterly baseless."', "utterly baseless."),
    ('Synthetic. Mara Velkov dismissed the visit as a "staged show."', "staged show."),
    ('Synthetic. Mara Velkov announced fines for two shipping firms that "ignored every warning."',
     "ignored every warning."),
])
def test_quotes_phrases_label_in_quotes_is_the_direct_quote(nlp, text, quoted):
    quotes = run(nlp, text, PEOPLE)
    assert reported(quotes) == []
    assert direct(quotes) == [(quoted, "a1")]


@pytest.mark.parametrize("text, content", [
    ('Synthetic. Mara Velkov decried the spread of "paper companies."', 'the spread of "paper companies."'),
    ('Synthetic. Mara Velkov promised to "act swiftly" on the complaints.', 'to "act swiftly" on the complaints'),
    ("Synthetic. Mara Velkov dismissed the report as a clumsy fabrication.",
     "the report as a clumsy fabrication"),
    ("Synthetic. Mara Velkov described the new tariff as a betrayal of the farmers.",
     "the new tariff as a betrayal of the farmers"),
    ('Synthetic. Mara Velkov said the "harvest is now safe from the floods."',
     'the "harvest is now safe from the floods."'),
])
def test_quotes_phrases_unquoted_label_and_clauses_stay_reported(nlp, text, content):
    assert reported(run(nlp, text, PEOPLE)) == [(content, "a1")]


def test_quotes_phrases_plain_infinitive_stays_reported(nlp):
    quotes = run(nlp, "Synthetic. Mara Velkov promised to reopen the harbour before the winter.", PEOPLE)
    assert reported(quotes) == [("to reopen the harbour before the winter", "a1")]


def test_quotes_phrases_describing_an_experience_is_not_a_statement(nlp):
    text = "Synthetic. Mara Velkov, whose shop burned down last year, described the chaos of the night."
    assert reported(run(nlp, text, PEOPLE)) == []


def test_quotes_phrases_object_answered_by_saying_clause(nlp):
    text = "Synthetic. Mara Velkov rejected the auditors' findings, saying the figures were out of date."
    assert reported(run(nlp, text, PEOPLE)) == [("the figures were out of date", "a1")]


def test_quotes_phrases_backgrounded_speech_act_gives_way_to_the_main_one(nlp):
    text = "Synthetic. As she acknowledged the delay, Mara Velkov insisted that the bridge would open in May."
    assert reported(run(nlp, text, PEOPLE, pronouns={0: "a1"})) == [("the bridge would open in May", "a1")]


def _state_actors(doc, forms: dict[str, tuple[Actor, str]]) -> ActorIndex:
    idx = ActorIndex(actors=[actor for actor, _ in forms.values()])
    for actor, form in forms.values():
        for m in re.finditer(re.escape(form), doc.text):
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            idx.add_mention(ActorMention(span.start, span.end, actor.id))
    return idx


@pytest.mark.parametrize("earlier, speaker", [
    ("Ruritanian army chief Tomas Ebbe toured the border post on Monday.", "a2"),
    ("Tomas Ebbe toured the border post on Monday.", None),
])
def test_quotes_phrases_the_army_speaks_for_the_state_of_its_earlier_mention(nlp, earlier, speaker):
    text = f"Synthetic. {earlier} A guard was hurt when a patrol boat struck a mine, the army said."
    doc = nlp(text)
    actors = _state_actors(doc, {
        "a1": (Actor(id="a1", name="Tomas Ebbe", kind="person", code="RUR"), "army chief Tomas Ebbe"),
        "a2": (Actor(id="a2", name="Ruritania", kind="state", code="RUR"), "Ruritanian"),
    })
    quotes = [q for q in find_quotes(doc, actors) if not q.direct]
    assert [(q.text, q.speaker) for q in quotes] == [
        ("A guard was hurt when a patrol boat struck a mine", speaker)]


def test_quotes_phrases_present_relative_clause_is_the_writers_gloss(nlp):
    text = ("Synthetic. Mara Velkov insisted the loan came before the flood that has since left "
            "the valley without power.")
    assert reported(run(nlp, text, PEOPLE)) == [("the loan came before the flood", "a1")]


def test_quotes_phrases_past_relative_clause_stays_in_the_statement(nlp):
    text = "Synthetic. Mara Velkov said the loan went to a firm that had already failed twice."
    assert reported(run(nlp, text, PEOPLE)) == [
        ("the loan went to a firm that had already failed twice", "a1")]


def test_quotes_phrases_labelled_cue_must_be_an_object_cue():
    from newsgraph.errors import KnowledgeBaseError
    from newsgraph.quotes.lexicon import parse_lexicon

    with pytest.raises(KnowledgeBaseError, match="labelled cues"):
        parse_lexicon({"speech": ["describe"], "labelled": ["describe"]}, "cues.yaml")


def test_quotes_phrases_an_inference_is_not_a_belief(nlp):
    text = "Synthetic. The losses at the shipyard mean that Mara Velkov may have to sell the fleet."
    assert reported(run(nlp, text, PEOPLE)) == []


def test_quotes_phrases_holding_to_account_is_not_a_belief(nlp):
    text = "Synthetic. Mara Velkov holds the shipping firm accountable for the spill."
    assert reported(run(nlp, text, PEOPLE)) == []
