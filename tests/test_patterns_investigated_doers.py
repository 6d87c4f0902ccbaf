"""An investigation targets whoever did what is investigated (events/patterns.py
``investigated_doers``). Synthetic sentences written for this test, run through the real model,
knowledge base and extractor."""
from __future__ import annotations

import pytest
from events_helpers import coded


@pytest.mark.parametrize("text", [
    pytest.param("Italy opened an investigation into abuses committed by Libyan guards.",
                 id="nominal_into_agent"),
    pytest.param("Italy investigated crimes committed by Libyan guards.", id="verb_object_agent"),
    pytest.param("Italy is investigating Libya's role in the smuggling.", id="possessor"),
])
def test_patterns_investigation_targets_doer(extractor, text):
    assert (("ITA",), "ACCUSE", ("LBY",)) in coded(extractor, text)


def test_patterns_investigators_sent_somewhere_investigate_it(extractor):
    events = coded(extractor, "The United Nations sent a team to Bosnia to investigate the massacre.")
    assert (("UN",), "ACCUSE", ("BIH",)) in events
