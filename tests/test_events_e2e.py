"""The event stage on synthetic articles parsed by the real model (actors indexed by hand)."""
from __future__ import annotations

from datetime import date

import pytest
from events_helpers import index_names

from newsgraph.actors.index import ActorIndex
from newsgraph.events import Ontology, extract_events
from newsgraph.records import Article, Quote

# Synthetic article written for this test; the quoted speaker is fictional.
TEXT = (
    "SYNTHETIC TEST ARTICLE. Iran, North Korea and China are supporting Russia. "
    "Russia is receiving military support from North Korea. "
    "The foreign ministers of Japan and Australia held talks in Canberra on Monday. "
    "France imposed sanctions on Iran. "
    "Germany did not send tanks to Ukraine. "
    "Mara Velt, a NATO spokeswoman, said: \"We will continue to block the support provided by Iran to Russia.\""
)
NAMES = {"Iran": ("IRN", "state"), "North Korea": ("PRK", "state"), "China": ("CHN", "state"),
         "Russia": ("RUS", "state"), "Japan": ("JPN", "state"), "Australia": ("AUS", "state"),
         "France": ("FRA", "state"), "Germany": ("DEU", "state"), "Ukraine": ("UKR", "state"),
         "Mara Velt": ("NATO", "person")}


def _index(doc) -> ActorIndex:
    return index_names(doc, NAMES)[0]


@pytest.fixture(scope="module")
def result(nlp):
    doc = nlp(TEXT)
    idx = _index(doc)
    qs = TEXT.index("We will")
    quote = Quote(text=TEXT[qs:-1], start=qs, end=len(TEXT) - 1, direct=True, speaker="a10")
    art = Article(id="synthetic", text=TEXT, published=date(2024, 6, 20))
    events = extract_events(doc, art, idx, [quote], Ontology.load())
    code = {a.id: a.code for a in idx.actors}
    return {(code[s], e.type, code[t]): e for e in events for s in e.sources for t in e.targets}


@pytest.mark.parametrize("triple,factuality", [
    (("IRN", "SUPPORT", "RUS"), "asserted"),
    (("PRK", "SUPPORT", "RUS"), "asserted"),
    (("CHN", "SUPPORT", "RUS"), "asserted"),
    (("PRK", "AID", "RUS"), "asserted"),
    (("FRA", "SANCTION", "IRN"), "asserted"),
    (("DEU", "AID", "UKR"), "negated"),
])
def test_events_e2e_finds_event_with_factuality(result, triple, factuality):
    assert triple in result
    assert result[triple].factuality == factuality


def test_events_e2e_symmetric_talks_between_coordinated_owners(result):
    assert ("JPN", "CONSULT", "AUS") in result or ("AUS", "CONSULT", "JPN") in result


def test_events_e2e_quote_speaker_blocks_and_claims(result):
    block = [e for (s, _, t), e in result.items() if s == "NATO" and t == "IRN"]
    assert block and block[0].factuality == "future"
    assert result[("IRN", "AID", "RUS")].claimed_by == "a10"


def test_events_e2e_every_event_has_evidence_inside_the_text(result):
    for e in result.values():
        assert TEXT[e.evidence.start:e.evidence.end] == e.evidence.text
        assert TEXT[e.trigger.start:e.trigger.end] == e.trigger.text
        assert e.cameo and e.cameo.isdigit()
        assert e.date_resolution in ("exact", "relative", "publication", "unknown")


def test_events_e2e_nothing_between_unrelated_actors(result):
    assert not any(s == "JPN" and t in ("RUS", "IRN") for s, _, t in result)
