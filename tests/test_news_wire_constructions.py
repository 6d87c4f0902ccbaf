"""Constructions of ordinary wire reports, end to end (actors, quotes, events) on synthetic
sentences: every text here is synthetic and every named person fictional; states are real."""
from __future__ import annotations

import pytest
from events_helpers import coded


def pairs(extractor, text: str) -> dict[tuple[str, str, str], str]:
    """(source code, type, target code) -> factuality, one entry per source-target pair."""
    out = {}
    for (srcs, typ, tgts), fact in coded(extractor, text).items():
        for s in srcs or ("",):
            for t in tgts or ("",):
                out[(s, typ, t)] = fact
    return out


@pytest.mark.parametrize("text, expected", [
    ("Synthetic report. China and Russia vetoed a U.S.- led push to impose more sanctions on North Korea.",
     ("RUS", "REJECT", "USA")),
    ("Synthetic report. Russia vetoed a U.N.-backed plan for Syria.", ("RUS", "REJECT", "UN")),
    ("Synthetic report. Chinese forces held drills around the Taiwan island as a US senator, Mark Dalton, "
     "made his controversial visit to the self-ruled island.", ("USA", "CONSULT", "TWN")),
    ("Synthetic report. Philippine President Ana Reyes said the government has been in constant communication "
     "with China over the incidents.", ("PHL", "CONSULT", "CHN")),
    ('Synthetic report. Niger, Mali and Burkina Faso said on Sunday they were leaving ECOWAS.\n\n'
     '"The organisation failed to assist these states in their fight against terrorism," '
     "Niger's spokesman Amadou Kone said.", ("MLI", "ACCUSE", "ECOWAS")),
    ("KYIV, June 12 (Wire) - Russian forces struck the Ukrainian city of Kharkiv with missiles overnight.",
     ("RUS", "ASSAULT", "UKR")),
    ("Synthetic report. The European Union called on Caracas to release political prisoners and threatened "
     "to extend sanctions on Venezuelan officials.", ("EU", "THREATEN", "VEN")),
    ("Synthetic report. The United States imposed sanctions on three Iranian officials it accused of "
     "supplying drones to Russia.", ("USA", "ACCUSE", "IRN")),
    ("Synthetic report. Israel and Hamas agreed to a truce. Qatar and Egypt mediated between the two sides.",
     ("EGY", "CONSULT", "ISR")),
], ids=["abbreviation_hyphen_led", "abbreviation_hyphen_backed", "nominal_visit_to_described_island",
        "unnamed_government_is_the_speakers", "withheld_help_complained_of_by_its_recipients",
        "dateline_place_is_no_party", "finite_verb_coordinated_after_infinitive",
        "relative_clause_object_gap", "mediators_between_the_sides_named_before"])
def test_news_wire_event_found(extractor, text, expected):
    found = pairs(extractor, text)
    assert expected in found
    assert found[expected] == "asserted"


@pytest.mark.parametrize("text, absent", [
    ("Synthetic report. Villagers in Fiji have been forced from their homes by high seas.", ("", "ASSAULT", "FJI")),
    ("Synthetic report. Putin ordered an attack on Ukraine.", ("RUS", "REQUEST", "UKR")),
    ("Synthetic report. Brazil and Colombia offered to mediate between the government and the opposition.",
     ("BRA", "AGREE", "COL")),
    ("Synthetic report. Kenya's former president, Daniel Mwangi, helped broker the deal.", ("KEN", "AID", "")),
    ("Synthetic report. Russian forces struck Kharkiv overnight. Ukraine's air force said it shot down "
     "11 drones. The Kremlin said the strikes targeted military sites.", ("RUS", "ACCUSE", "UKR")),
    ("Synthetic report. The Biden administration announced sanctions on suppliers that the administration "
     "said have been helping Russia sustain its war in Ukraine.", ("USA", "AID", "RUS")),
    ("KYIV, June 12 (Wire) - Russian forces struck the Ukrainian city of Kharkiv with missiles overnight.",
     ("UKR", "ASSAULT", "")),
    ("Synthetic report. Saudi Arabia and the United States, which are mediating between the two sides, "
     "called for a ceasefire.", ("USA", "CONSULT", "SAU")),
    ("Synthetic report. Ethnic Albanians in south Serbia are demanding a U.N. military presence.",
     ("SRB", "REQUEST", "")),
    ('Synthetic report. Mark Dalton said, "Putin\'s visit to North Korea demonstrates that Russia is aligned '
     'with authoritarian states."', ("RUS", "PROTEST", "")),
], ids=["natural_force_is_no_attack", "ordered_attack_asks_nothing_of_the_attacked",
        "joint_offer_is_no_mutual_agreement", "helping_do_is_no_aid", "recalled_event_described_not_alleged",
        "speaker_is_not_a_government_it_names", "dateline_place_is_no_source",
        "mediators_are_not_the_sides", "doer_of_demanded_deployment_is_asked", "demonstrates_that_is_no_protest"])
def test_news_wire_false_event_avoided(extractor, text, absent):
    assert absent not in pairs(extractor, text)


def test_news_wire_rally_purpose_is_one_protest(extractor):
    found = pairs(extractor, "Synthetic report. Hundreds of French farmers rallied in Paris on Monday "
                             "to protest against the EU trade deal.")
    assert ("FRA", "PROTEST", "EU") in found
    assert not [k for k in found if k[1] == "ACCUSE"]


def test_news_wire_tear_gas_is_crowd_control(extractor):
    ex = extractor.extract(__import__("newsgraph.records", fromlist=["Article"]).Article(
        id="synthetic", text="Synthetic report. Serbian police fired tear gas at protesters in Belgrade."))
    assert [(e.type, e.mode, e.cameo) for e in ex.events if e.trigger.text == "fired"] == [
        ("ASSAULT", "crowd-control", "175")]
