"""Quote rules found on real news: a statement that goes on after an attribution set off inside
it, an inverted attribution whose comma the parser hangs on the cue, a participle describing
people, and quotes marked with two apostrophes (''…''). Synthetic sentences (fictional
speakers), parsed by the real model; actor indexes are built by hand so the tests pin the quote
stage's own decisions."""
from __future__ import annotations

import pytest

from newsgraph.quotes import find_quotes
from newsgraph.quotes.marks import find_marked_spans

from test_quotes_articles import direct, hand_actors, reported, run

PEOPLE = {"a1": ["Mara Velkov", "Velkov"], "a2": ["Tomas Ebbe", "Ebbe"]}


@pytest.mark.parametrize("text,expected", [
    ("Synthetic. She is leaning toward the governor, Velkov said, because she prizes stability.",
     "She is leaning toward the governor, Velkov said, because she prizes stability"),
    ("Synthetic. The mayor also lacks experience, said Velkov, but her record makes up for it.",
     "The mayor also lacks experience, said Velkov, but her record makes up for it"),
])
def test_quotes_news_precision_statement_goes_on_after_the_attribution(nlp, text, expected):
    assert reported(run(nlp, text, PEOPLE)) == [(expected, "a1")]


def test_quotes_news_precision_inverted_statement_goes_on_after_the_attribution(nlp):
    text = ("Synthetic. The inspector held two interviews, Velkov said, the first in the capital and "
            "the second at the port.")
    assert reported(run(nlp, text, PEOPLE)) == [
        ("The inspector held two interviews, Velkov said, the first in the capital and the second at "
         "the port", "a1")]


@pytest.mark.parametrize("text,expected", [
    # "as …" after the attribution is the writer's scene, not part of the statement
    ("Synthetic. The talks were continuing, Velkov said, as mediators arrived in the capital.",
     [("The talks were continuing", "a1")]),
    # a second speech act after "but" is a statement of its own, not a continuation
    ("Synthetic. The bridge will reopen soon, Velkov said, but she added that repairs would take a year.",
     [("The bridge will reopen soon", "a1"), ("repairs would take a year", "a1")]),
])
def test_quotes_news_precision_attribution_stops_before_the_writers_clause(nlp, text, expected):
    pronouns = {0: "a1"} if " she " in text else None
    assert reported(run(nlp, text, PEOPLE, pronouns)) == expected


def test_quotes_news_precision_two_apostrophes_are_a_double_mark():
    text = "Synthetic. ''The harbour stays open,'' Velkov said. Her rival's ''old model'' failed."
    assert [text[s.start:s.end] for s in find_marked_spans(text)] == ["The harbour stays open,", "old model"]


def test_quotes_news_precision_nested_single_quote_closes_before_two_apostrophes():
    text = "Synthetic. ''I told them, 'Do not sell the harbour,''' Velkov recalled."
    spans = find_marked_spans(text)
    assert [text[s.start:s.end] for s in spans] == ["I told them, 'Do not sell the harbour,'"]
    assert text[spans[0].outer_end:].startswith(" Velkov")


def test_quotes_news_precision_two_apostrophe_quote_takes_its_own_cue(nlp):
    text = ("Synthetic. Like other owners, Mara Velkov said she was building a new clubhouse. "
            "''Without these changes, the club would be in trouble,'' she said of the industry.")
    doc = nlp(text)
    quotes = find_quotes(doc, hand_actors(doc, PEOPLE, pronouns={0: "a1", 1: "a1"}))
    assert direct(quotes) == [("Without these changes, the club would be in trouble", "a1")]
    quote = next(q for q in quotes if q.direct)
    assert quote.speaker_span.text == "she" and quote.cue.start > quote.end


@pytest.mark.parametrize("text,speaker_span", [
    # people described by a participle of saying speak for themselves
    ("Synthetic. The union issued a statement that named staff members suggesting Velkov should resign.",
     "staff members"),
    # a statement noun speaks for whoever issued it
    ("Synthetic. Mara Velkov released a statement saying the port was closed.", "Mara Velkov"),
])
def test_quotes_news_precision_participle_on_a_noun_speaks_for_its_holder(nlp, text, speaker_span):
    doc = nlp(text)
    quotes = [q for q in find_quotes(doc, hand_actors(doc, PEOPLE)) if not q.direct]
    assert len(quotes) == 1 and quotes[0].speaker_span.text == speaker_span


@pytest.mark.parametrize("text,expected", [
    ('Synthetic. "Can the harbour reopen by May?" Velkov asked.', [("Can the harbour reopen by May?", "a1")]),
    ("Synthetic. ''Can the harbour reopen by May?'' Velkov asked. ''Nobody in the town knows.''",
     [("Can the harbour reopen by May?", "a1"), ("Nobody in the town knows.", "a1")]),
    # a sentence with its own object is an act, not the quote's attribution
    ('Synthetic. "Is the harbour open?" Velkov asked the mayor for the keys.', []),
])
def test_quotes_news_precision_attribution_after_a_closed_question(nlp, text, expected):
    assert direct(run(nlp, text, PEOPLE)) == expected
