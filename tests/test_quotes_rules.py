"""Reported-speech boundaries, broad attributions and speaker follow-ups, one synthetic
sentence per rule (fictional speakers), parsed by the real model. The actor index is built by
hand (``hand_actors``) so the tests pin the quote stage's own decisions."""
from __future__ import annotations

import pytest

from test_quotes_articles import direct, reported, run

PEOPLE = {"a1": ["Mara Velkov", "Velkov"], "a2": ["Tomas Ebbe", "Ebbe"], "a3": ["Ines Dural", "Dural"]}


@pytest.mark.parametrize("text,expected", [
    ("Synthetic. Mara Velkov said she would order a full review of the border posts and warned "
     "against smugglers from abroad.", "she would order a full review of the border posts"),
    ("Synthetic. Mara Velkov said both sides needed to show flexibility, according to a statement "
     "from her office.", "both sides needed to show flexibility"),
])
def test_quotes_reported_content_stops_before_writer_additions(nlp, text, expected):
    assert (expected, "a1") in reported(run(nlp, text, PEOPLE))


def test_quotes_reported_infinitive_keeps_its_conjuncts(nlp):
    text = "Synthetic. Mara Velkov wants to triple the size of the program, grow the reserve and create a new corps."
    assert reported(run(nlp, text, PEOPLE)) == [
        ("to triple the size of the program, grow the reserve and create a new corps", "a1")]


def test_quotes_reported_that_clause_keeps_its_second_conjunct(nlp):
    text = ('Synthetic. Spokesman Tomas Ebbe said Tuesday that the talks were in their "final stages" '
            'and mediators were hopeful they would end "very soon."')
    got = reported(run(nlp, text, PEOPLE))
    assert got == [('the talks were in their "final stages" and mediators were hopeful they would end "very soon."',
                    "a2")]


@pytest.mark.parametrize("text,expected", [
    ("Synthetic. Mara Velkov blasted the national broadcaster for being dishonest.",
     "the national broadcaster for being dishonest"),
    ("Synthetic. Mara Velkov dismissed the proposal as a stunt.", "the proposal as a stunt"),
    ("Synthetic. Mara Velkov accused the governor of lying about the budget.",
     "the governor of lying about the budget"),
])
def test_quotes_reported_object_with_its_reason(nlp, text, expected):
    assert reported(run(nlp, text, PEOPLE)) == [(expected, "a1")]


@pytest.mark.parametrize("text,expected", [
    ("Synthetic. The farmers union endorsed Mara Velkov on Monday.", "Mara Velkov"),
    ("Synthetic. Mara Velkov was endorsed by the farmers union on Monday.", "Mara Velkov"),
])
def test_quotes_reported_stance_object_or_passive_subject(nlp, text, expected):
    got = run(nlp, text, {**PEOPLE, "u1": ["the farmers union", "The farmers union"]})
    assert reported(got) == [(expected, "u1")]


@pytest.mark.parametrize("text,expected", [
    ("Synthetic. Mara Velkov spoke of the legacy of the civil war.", "the legacy of the civil war"),
    ("Synthetic. Mara Velkov complained about the new tariffs on grain.", "the new tariffs on grain"),
    ("Synthetic. Mara Velkov called for cutting the fuel tax.", "cutting the fuel tax"),
])
def test_quotes_reported_what_a_statement_is_about(nlp, text, expected):
    assert reported(run(nlp, text, PEOPLE)) == [(expected, "a1")]


def test_quotes_reported_question_clause_holds_no_statement(nlp):
    text = ("Synthetic. When asked whether the two leaders would talk about grain exports, "
            "Mara Velkov said they would discuss all issues.")
    assert reported(run(nlp, text, PEOPLE)) == [("they would discuss all issues", "a1")]


def test_quotes_reported_clause_without_its_subject_is_dropped(nlp):
    text = "Synthetic. The raid left 40 people missing, including 12 the army says are dead."
    assert reported(run(nlp, text, {"x1": ["the army"]})) == []


@pytest.mark.parametrize("text,expected", [
    ("Synthetic.\nWASHINGTON — The United States on Tuesday approved a new arms package, the Pentagon said.",
     "The United States on Tuesday approved a new arms package"),
    ("Synthetic.\nKYIV, Ukraine (AP) — The talks will resume next week, the Pentagon said.",
     "The talks will resume next week"),
])
def test_quotes_reported_dateline_is_never_content(nlp, text, expected):
    got = reported(run(nlp, text, {"p1": ["the Pentagon"]}))
    assert got == [(expected, "p1")]


def test_quotes_joint_speakers_are_all_kept(nlp):
    text = "Synthetic. Mara Velkov and Tomas Ebbe said they had discussed military support for the region."
    quotes = run(nlp, text, PEOPLE)
    assert [(q.speaker, q.speakers) for q in quotes] == [("a1", ["a1", "a2"])]
    assert quotes[0].to_json()["speakers"] == ["a1", "a2"]


def test_quotes_definite_statement_refers_back_to_its_holder(nlp):
    text = ("Synthetic. Mara Velkov's statement noted that the strikes were carried out with two allies.\n"
            "“These strikes are a clear message,” the statement said.")
    quotes = run(nlp, text, PEOPLE)
    assert direct(quotes) == [("These strikes are a clear message", "a1")]


def test_quotes_split_quote_parts_share_the_cue(nlp):
    text = "Synthetic. “The sanctions will stay,” Ebbe said, “until the troops have left the region.”"
    quotes = [q for q in run(nlp, text, PEOPLE) if q.direct]
    assert len(quotes) == 2 and quotes[0].cue is not None and quotes[0].cue == quotes[1].cue


def test_quotes_reported_evidence_verb_object(nlp):
    text = "Synthetic. A new poll by the Dural institute shows a tightening race in the north."
    got = reported(run(nlp, text, {"i1": ["the Dural institute"]}))
    assert got == [("a tightening race in the north", "i1")]
