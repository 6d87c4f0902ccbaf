"""Event dates resolved against the publication date, and event places from the clause."""
from __future__ import annotations

from datetime import date

import pytest

from newsgraph.events.dates import parse_date_expression, resolve_date
from newsgraph.events.places import find_location

PUB = date(2024, 6, 20)  # a Thursday


@pytest.mark.parametrize("text,future,expected,how", [
    ("June 18", False, date(2024, 6, 18), "exact"),
    ("18 June 2023", False, date(2023, 6, 18), "exact"),
    ("2024-05-01", False, date(2024, 5, 1), "exact"),
    ("Dec. 3", False, date(2023, 12, 3), "exact"),        # past event: last December
    ("Dec. 3", True, date(2024, 12, 3), "exact"),         # planned event: next December
    ("on Tuesday", False, date(2024, 6, 18), "relative"),
    ("on Tuesday", True, date(2024, 6, 25), "relative"),
    ("last Thursday", False, date(2024, 6, 13), "relative"),
    ("yesterday", False, date(2024, 6, 19), "relative"),
    ("last week", False, date(2024, 6, 13), "relative"),
    ("mid-July", True, date(2024, 7, 15), "relative"),
    ("the end of September", False, date(2023, 9, 28), "relative"),
    ("a long time", False, None, "unknown"),
])
def test_dates_parse_expression(text, future, expected, how):
    assert parse_date_expression(text, PUB, future) == (expected, how)


def test_dates_without_publication_only_absolute():
    assert parse_date_expression("on Tuesday", None) == (None, "unknown")
    assert parse_date_expression("March 3, 2022", None) == (date(2022, 3, 3), "exact")


def test_dates_resolve_from_sentence_and_fallback(nlp):
    doc = nlp("The ministers met in Geneva last week. The envoys met again.")
    first, second = list(doc.sents)
    met1 = next(t for t in first if t.lemma_ == "meet")
    met2 = next(t for t in second if t.lemma_ == "meet")
    assert resolve_date(doc, first, met1, PUB) == (date(2024, 6, 13), "relative")
    assert resolve_date(doc, second, met2, PUB) == (PUB, "publication")
    assert resolve_date(doc, second, met2, None) == (None, "unknown")


def test_places_locative_entity(nlp):
    doc = nlp("After meeting with the envoy at the State Department in Washington, the minister spoke to reporters.")
    sent = next(iter(doc.sents))
    meeting = next(t for t in doc if t.text == "meeting")
    assert find_location(doc, sent, meeting) == "Washington"


def test_places_ignores_actor_tokens_and_non_locative(nlp):
    doc = nlp("France condemned Russia on Monday.")
    sent = next(iter(doc.sents))
    verb = next(t for t in doc if t.lemma_ == "condemn")
    assert find_location(doc, sent, verb) is None
