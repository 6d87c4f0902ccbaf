"""Charges and refusals: who does the gerund, and whether it happened (real model, synthetic sentences)."""
from __future__ import annotations

import pytest

from newsgraph.pipeline import Extractor
from newsgraph.records import Article


@pytest.fixture(scope="module")
def extractor():
    return Extractor.from_settings()


def _events(extractor, text):
    ex = extractor.extract(Article(id="t", text="[Synthetic test sentence.] " + text))
    code = {a.id: a.code or a.name for a in ex.actors}
    return {(e.type, code[s], code[t], e.factuality) for e in ex.events for s in e.sources for t in e.targets}


@pytest.mark.parametrize("text,expected", [
    pytest.param("Canada sanctioned three Iranian companies that it accuses of supplying drones to Russia.",
                 ("AID", "IRN", "RUS", "alleged"), id="relative_object_of_accuse"),
    pytest.param("Belarus was accused of supplying fuel to Russia.",
                 ("AID", "BLR", "RUS", "alleged"), id="passive_accused_of"),
    pytest.param("Canada sanctioned Iran for supplying drones to Russia.",
                 ("AID", "IRN", "RUS", "asserted"), id="sanctioned_for"),
])
def test_events_charges_gerund_subject_is_the_charged(extractor, text, expected):
    assert expected in _events(extractor, text)


def test_events_charges_refrained_is_negated(extractor):
    found = _events(extractor, "Iran refrained from attacking Israel.")
    assert ("ASSAULT", "IRN", "ISR", "asserted") not in found
