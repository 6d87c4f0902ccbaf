"""Agent actors ("Ivory Coast rebels", "Irish nationalist guerrillas", "workers of the bus
company of Tehran"): their full name, and the state their wording attaches them to.

Every sentence is synthetic, written for these tests; the people in them are fictional.
"""
from __future__ import annotations

import pytest

from actors_kb import actors_by_name as actors


@pytest.mark.parametrize("text, name, code", [
    pytest.param("Ivory Coast rebels rejected the ceasefire on Friday.", "Ivory Coast rebels", "CIV",
                 id="two_word_state_name"),
    pytest.param("Sri Lankan rebels attacked a bus on Friday.", "Sri Lankan rebels", "LKA", id="two_word_demonym"),
    pytest.param("Irish nationalist guerrillas ambushed a patrol on Tuesday.", "Irish nationalist guerrillas", "GBR",
                 id="irish_nationalists_of_northern_ireland"),
    pytest.param("Police detained workers of the city bus company of Tehran on Monday.", "workers", "IRN",
                 id="workers_of_a_company_of_a_city"),
])
def test_actors_agent_names(extractor, text, name, code):
    assert actors(extractor, text)[name] == ("group", code, code)


def test_actors_agent_names_irish_alone_is_ireland(extractor):
    found = actors(extractor, "Irish farmers blocked roads in Dublin on Monday.")
    assert found["Ireland"][:2] == ("state", "IRL")
