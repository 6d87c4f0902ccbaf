"""A force demobilized or disarmed with no one named as doing it has stood down (RETREAT by the
force itself, events/patterns.py). Synthetic sentences written for this test, run through the
real model, knowledge base and extractor."""
from __future__ import annotations

import pytest
from events_helpers import coded


@pytest.mark.parametrize("text, source", [
    pytest.param("Hundreds of Albanian guerrillas have been demobilized since the accord.", ("ALB",),
                 id="demobilized"),
    pytest.param("Syrian rebels were disarmed.", ("SYR",), id="disarmed"),
])
def test_patterns_agentless_demobilization_is_own_retreat(extractor, text, source):
    assert (source, "RETREAT", ()) in coded(extractor, text)
