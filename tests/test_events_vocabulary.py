"""General news vocabulary in events/data/triggers_core.yaml (CAMEO codes per the CAMEO-to-PLOVER
table), each entry pinned on a synthetic sentence written for this test and run through the real
model, knowledge base and extractor."""
from __future__ import annotations

import pytest

from newsgraph.records import Article


def typed(extractor, text: str) -> set[tuple[tuple, str, str, tuple]]:
    """(source codes, type, CAMEO code, target codes) of every event of a sentence."""
    ex = extractor.extract(Article(id="synthetic", text=text))

    def code(actor_id: str):
        a = ex.actor(actor_id)
        return a.code or a.country

    return {(tuple(sorted(code(s) for s in e.sources)), e.type, e.cameo, tuple(sorted(code(t) for t in e.targets)))
            for e in ex.events}


@pytest.mark.parametrize("text, expected", [
    pytest.param("Chilean soldiers demolished Peruvian farmhouses near the border.",
                 (("CHL",), "COERCE", "171", ("PER",)), id="demolish_damages_property"),
    pytest.param("Bolivian settlers set fire to the offices of Peruvian traders.",
                 (("BOL",), "COERCE", "171", ("PER",)), id="arson_damages_property"),
    pytest.param("Guatemalan police sexually abused Honduran migrants, a rights group said.",
                 (("GTM",), "ASSAULT", "1821", ("HND",)), id="sexual_abuse_is_assault"),
    pytest.param("Nigerien soldiers tortured Malian prisoners.", (("NER",), "ASSAULT", "1822", ("MLI",)),
                 id="torture_is_assault_not_restriction"),
    pytest.param("Laotian youths threw stones at Thai police.", (("LAO",), "ASSAULT", "180", ("THA",)),
                 id="stone_throwing_is_primitive_violence"),
    pytest.param("The Chadian army was holding Sudanese civilians as human shields.",
                 (("TCD",), "ASSAULT", "184", ("SDN",)), id="human_shields"),
    pytest.param("Fiji forced the Tongan envoy out of the country.", (("FJI",), "SANCTION", "166", ("TON",)),
                 id="force_out_expels"),
    pytest.param("Norway reimposed restrictions on Swedish trucks.", (("NOR",), "COERCE", "191", ("SWE",)),
                 id="reimpose_restrictions"),
    pytest.param("Peruvian police prevented a demonstration by students in Lima.", (("PER",), "COERCE", "172", ("PER",)),
                 id="preventing_a_protest_restricts"),
    pytest.param("Chile lodged an official protest with Peru on Monday.", (("CHL",), "ACCUSE", "111", ("PER",)),
                 id="protest_lodged_with_a_state"),
    pytest.param("Chad lifted a state of emergency in Niger on Monday.", (("TCD",), "CONCEDE", "080", ("NER",)),
                 id="lifting_a_state_of_emergency"),
    pytest.param("Chadian troops launched artillery fire against Libyan positions.", (("TCD",), "ASSAULT", "190", ("LBY",)),
                 id="artillery_fire"),
    # a domestic protest names no target; the event stage codes it against the workers' own state
    pytest.param("Kenyan workers shunned work on Monday.", (("KEN",), "PROTEST", "143", ("KEN",)), id="stay_away_strike"),
])
def test_events_vocabulary_entry(extractor, text, expected):
    assert expected in typed(extractor, text)
