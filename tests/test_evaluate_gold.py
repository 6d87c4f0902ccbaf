"""The gold/1 scorer on hand-made extractions and gold records: the maths of GOLD_FORMAT.md."""
from __future__ import annotations

import json

import pytest

from newsgraph.evaluate.gold import load_gold_dir, score_extraction
from newsgraph.evaluate.normalise import normalise, quote_match, same_person, tokens
from newsgraph.records import Actor, Article, Event, Extraction, Quote, Span


def _ex(actors, quotes=(), events=()):
    return Extraction(article=Article(id="x", text=""), actors=list(actors), quotes=list(quotes), events=list(events))


@pytest.mark.parametrize("a,b,same", [
    ("Antony Blinken", "Blinken", True),
    ("Antony J. Blinken", "Antony Blinken", True),
    ("Ferdinand R. Marcos Jr.", "Ferdinand Marcos", True),
    ("Imee Marcos", "Ferdinand Marcos", False),
    ("José Álvarez", "Jose Alvarez", True),
    ("Blinken", "Lammy", False),
])
def test_normalise_person_names(a, b, same):
    assert same_person(a, b) is same


def test_normalise_folds_quotes_accents_punctuation():
    assert normalise("“Ça va,” he said — fine!") == "ca va he said fine"
    assert tokens("North Korea’s support") == ["north", "korea", "s", "support"]


def test_normalise_quote_match_needs_half_of_longer():
    assert quote_match(tokens("a b c d"), tokens("a b")) == 2
    assert quote_match(tokens("a b c d e"), tokens("a b")) == 0


GOLD = {
    "format": "gold/1",
    "article": {"file": "x.txt", "published": "2024-01-02"},
    "actors": [
        {"name": "Ana Ruiz", "type": "person", "code": "ESP"},
        {"name": "Spain", "type": "state", "code": "ESP"},
        {"name": "France", "type": "state", "code": "FRA"},
        {"name": "Mali", "type": "state", "code": "MLI", "optional": True},
    ],
    "quotes": [
        {"speaker": "Ana Ruiz", "direct": True, "text": "We will send more aid to France soon."},
        {"speaker": "Ana Ruiz", "direct": False, "text": "the talks had failed", "optional": True},
    ],
    "events": [
        {"source": "ESP", "type": "AID", "alt_types": ["SUPPORT"], "target": "FRA", "factual": False},
        {"source": "ESP", "type": "CONSULT", "target": "FRA", "symmetric": True, "factual": True},
        {"source": "ESP", "type": "ACCUSE", "target": "MLI", "optional": True},
    ],
}


def _prediction(speaker="a1"):
    actors = [Actor("a1", "Ana Ruiz", "person", "ESP"), Actor("a2", "Spain", "state", "ESP"),
              Actor("a3", "France", "state", "FRA"), Actor("a4", "Mali", "state", "MLI"),
              Actor("a5", "Chad", "state", "TCD")]
    ev = Span("e", 0, 1)
    events = [
        Event("SUPPORT", ["a1"], ["a3"], ev, factuality="future"),       # alt type, non-factual: right
        Event("CONSULT", ["a3"], ["a2"], ev),                             # symmetric, reversed: right
        Event("ACCUSE", ["a2"], ["a4"], ev),                              # optional: neutral
        Event("ASSAULT", ["a2"], ["a5"], ev),                             # false alarm
    ]
    quotes = [Quote("We will send more aid to France", 0, 10, True, speaker=speaker),
              Quote("the talks had failed", 20, 40, False, speaker="a1")]
    return _ex(actors, quotes, events)


def test_evaluate_gold_events_alt_types_symmetric_optional():
    s = score_extraction(_prediction(), GOLD, "x")
    assert (s.events.tp, s.events.fp, s.events.fn) == (2, 1, 0)
    assert (s.dyads.tp, s.dyads.fp, s.dyads.fn) == (2, 1, 0)
    assert s.factuality.hit == 2 and s.factuality.total == 2


def test_evaluate_gold_quotes_speaker_and_optional():
    s = score_extraction(_prediction(), GOLD, "x")
    assert (s.direct.spans.tp, s.direct.spans.fp, s.direct.spans.fn) == (1, 0, 0)
    assert s.direct.attribution.value == 1.0
    assert (s.reported.spans.tp, s.reported.spans.fp) == (0, 0)  # matched an optional gold quote
    wrong = score_extraction(_prediction(speaker="a2"), GOLD, "x")
    assert wrong.direct.attribution.value == 0.0 and wrong.direct.end_to_end.tp == 0


def test_evaluate_gold_actors_by_type():
    s = score_extraction(_prediction(), GOLD, "x")
    assert (s.actors["state"].tp, s.actors["state"].fp, s.actors["state"].fn) == (2, 1, 0)
    assert s.actors["person"].tp == 1 and s.person_codes.value == 1.0


def test_evaluate_gold_load_dir(tmp_path):
    (tmp_path / "x.txt").write_text("Synthetic text.", encoding="utf-8")
    (tmp_path / "x.gold.json").write_text(json.dumps(GOLD), encoding="utf-8")
    [g] = load_gold_dir(tmp_path)
    assert g.name == "x" and g.published.isoformat() == "2024-01-02"
