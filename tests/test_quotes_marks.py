"""Quotation-mark spans and the cue lexicon (no model needed)."""
from __future__ import annotations

import pytest
import yaml

from newsgraph.errors import KnowledgeBaseError
from newsgraph.quotes.lexicon import load_cues, parse_lexicon
from newsgraph.quotes.marks import find_marked_spans


def inner(text):
    return [(text[s.start:s.end], s.continues) for s in find_marked_spans(text)]


@pytest.mark.parametrize("text,expected", [
    ('He said "yes" and "no".', ["yes", "no"]),
    ("He said “yes” and «no».", ["yes", "no"]),
    ("He said ‘yes’ today.", ["yes"]),
    ("He said 'yes, today' twice.", ["yes, today"]),
    ("He said “they call it ‘peace’ now”.", ["they call it ‘peace’ now"]),
    ("Russia’s leaders’ plan, don't stop, the '90s.", []),
    ('A 12" pipe burst.', []),
])
def test_quotes_marks_styles_nesting_and_apostrophes(text, expected):
    assert [t for t, _ in inner(text)] == expected


def test_quotes_marks_multi_paragraph_quote_continues_only_when_reopened():
    text = "He said: “First part\n“second part,” he added.\nA stray “mark here\nNo reopening."
    assert inner(text) == [("First part", False), ("second part,", True)]


def test_quotes_lexicon_has_at_least_120_cues_with_kinds():
    lex = load_cues()
    assert len(lex.speech | lex.cognition | lex.nominal) >= 120
    for verb in ("say", "tell", "add", "note", "announce", "acknowledge", "claim", "warn", "insist",
                 "emphasize", "emphasise", "stress", "reiterate", "vow", "pledge", "condemn", "urge", "deny",
                 "accuse"):
        assert lex.verb_kind(verb) == "speech"
    assert lex.verb_kind("believe") == "cognition"
    assert lex.is_nominal("statement") and lex.is_nominal("remarks") and lex.is_nominal("concern")


@pytest.mark.parametrize("name,media", [("AFP", True), ("the Washington Post", True), ("state media", True),
                                        ("the ministry", False), ("Ann Vale", False)])
def test_quotes_lexicon_media_speakers(name, media):
    assert load_cues().is_media(name) is media


@pytest.mark.parametrize("data,problem", [
    ([], "expected a mapping"),
    ({"speech": ["say"], "verbz": ["x"]}, "unknown section"),
    ({"speech": "say"}, "must be a list"),
    ({"speech": ["say"], "infinitive": ["vow"]}, "infinitive cues"),
])
def test_quotes_lexicon_invalid_files_are_reported(data, problem):
    with pytest.raises(KnowledgeBaseError, match=problem):
        parse_lexicon(yaml.safe_load(yaml.safe_dump(data)), "cues.yaml")
