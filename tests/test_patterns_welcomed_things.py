""""Welcomed X's decision" approves of X; "welcomed X's delegation" hosts a visit
(events/patterns.py). Synthetic sentences written for this test, run through the real model,
knowledge base and extractor."""
from __future__ import annotations

import pytest
from events_helpers import coded


@pytest.mark.parametrize("text", [
    pytest.param("Germany welcomed France's decision to cut tariffs.", id="possessed_decision"),
    pytest.param("Germany welcomed the French statement.", id="demonym_statement"),
])
def test_patterns_welcomed_thing_is_support(extractor, text):
    events = coded(extractor, text)
    assert (("DEU",), "SUPPORT", ("FRA",)) in events
    assert not any(t == "CONSULT" for _, t, _ in events)


def test_patterns_welcomed_delegation_is_visit(extractor):
    assert (("DEU",), "CONSULT", ("FRA",)) in coded(extractor, "Germany welcomed the French delegation.")


def test_patterns_proposed_talks_ask_the_other_side(extractor):
    # proposing talks between one's own president and another's asks the other state, not oneself
    events = coded(extractor, "Chile invited direct talks between its president and the Peruvian president.")
    assert (("CHL",), "REQUEST", ("PER",)) in events
    assert not any(t == "REQUEST" and g == ("CHL",) for _, t, g in events)
