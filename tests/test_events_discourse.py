"""Event rules that reach across clauses and sentences (groups, anaphora, characterisations,
reported speech acts), run on synthetic sentences parsed by the real model; actors are indexed
by hand from a fixed name list, so only the event stage is under test. Every sentence here is
synthetic; the named people are fictional."""
from __future__ import annotations

from datetime import date

import pytest
from events_helpers import index_names

from newsgraph.events import extract_events
from newsgraph.records import Article, Quote, Span

NAMES = {
    "Russia": ("RUS", "state"), "Ukraine": ("UKR", "state"), "Iran": ("IRN", "state"), "China": ("CHN", "state"),
    "Japan": ("JPN", "state"), "France": ("FRA", "state"), "Chad": ("TCD", "state"), "Niger": ("NER", "state"),
    "Mali": ("MLI", "state"), "Ghana": ("GHA", "state"), "Egypt": ("EGY", "state"), "Qatar": ("QAT", "state"),
    "Israel": ("ISR", "state"), "Hamas": ("Hamas", "group"), "Houthis": ("Houthis", "group"),
    "ECOWAS": ("ECOWAS", "organisation"), "Security Council": ("UN", "organisation"),
    "Kyiv": (None, "location"), "Lake Town": (None, "location"),
    "Jane Roe": ("NATO", "person"), "Tom Doe": ("FRA", "person"), "Ali Musa": ("TCD", "person"),
}


def run(nlp, onto, text: str, quotes: tuple[tuple[str, str, str], ...] = ()) -> dict[tuple[str, str, str], str]:
    """Triples -> factuality; quotes are (text, speaker, cue): cue "said" makes a direct quote."""
    doc = nlp(text)
    idx, ids = index_names(doc, NAMES)
    qs = []
    for qtext, speaker, cue in quotes:
        s, c = text.index(qtext), text.index(cue)
        qs.append(Quote(text=qtext, start=s, end=s + len(qtext), direct=cue == "said", speaker=ids[speaker],
                        cue=Span(cue, c, c + len(cue))))
    events = extract_events(doc, Article(id="synthetic", text=text, published=date(2024, 6, 20)), idx, qs, onto)
    code = {a.id: a.code or a.name for a in idx.actors}
    return {(code[s], e.type, code[t]): e.factuality for e in events for s in e.sources for t in e.targets}


@pytest.mark.parametrize("text,expected", [
    pytest.param("Chad and France said they had discussed their military cooperation.",
                 {("TCD", "COOPERATE", "FRA"), ("TCD", "CONSULT", "FRA")}, id="their_is_the_say_verbs_subjects"),
    pytest.param("Three states Niger, Mali and Ghana said on Sunday they are leaving ECOWAS.",
                 {("NER", "REJECT", "ECOWAS"), ("MLI", "REJECT", "ECOWAS"), ("GHA", "REJECT", "ECOWAS")},
                 id="apposition_list_and_they"),
    pytest.param("Niger, Mali and Ghana held a summit in Lake Town. All three were suspended from ECOWAS on Monday.",
                 {("NER", "CONSULT", "MLI"), ("NER", "CONSULT", "GHA"), ("MLI", "CONSULT", "GHA"),
                  ("ECOWAS", "SANCTION", "NER"), ("ECOWAS", "SANCTION", "MLI"), ("ECOWAS", "SANCTION", "GHA")},
                 id="all_three_and_suspended_from_the_body"),
    pytest.param("Russia launched a series of strikes against Ukraine. The strikes were carried out with support from China.",
                 {("RUS", "ASSAULT", "UKR"), ("CHN", "SUPPORT", "RUS")}, id="the_strikes_take_earlier_sources"),
    pytest.param("Russia launched a series of strikes against Ukraine. The strikes were carried out in conjunction with Iran.",
                 {("RUS", "ASSAULT", "UKR"), ("RUS", "COOPERATE", "IRN")}, id="in_conjunction_with"),
    pytest.param("Russia launched a missile strike on Kyiv. Tom Doe described it as a horrific attack on civilians.",
                 {("FRA", "ACCUSE", "RUS")}, id="described_it_as_pejorative"),
    pytest.param("Tom Doe dismissed Japan's visit as a complete farce.", {("FRA", "ACCUSE", "JPN")},
                 id="dismissed_as_farce_is_accuse"),
    pytest.param("Egypt and Qatar said in a phone call on Tuesday that both Israel and Hamas needed to show flexibility.",
                 {("EGY", "CONSULT", "QAT"), ("EGY", "REQUEST", "ISR"), ("EGY", "REQUEST", "Hamas"),
                  ("QAT", "REQUEST", "ISR"), ("QAT", "REQUEST", "Hamas")}, id="phone_call_and_reported_demand"),
    pytest.param("At the opening of the meeting with Jane Roe, Ali Musa said the talks were useful.",
                 {("TCD", "CONSULT", "NATO")}, id="meeting_in_a_phrase_of_the_clause"),
    pytest.param("Tom Doe criticised China, which he accused of blocking a supply mission.",
                 {("FRA", "ACCUSE", "CHN")}, id="relative_pronoun_is_its_antecedent"),
    pytest.param("China, which Japan says has been helping Russia arm itself, denied the report.",
                 {("CHN", "AID", "RUS")}, id="helping_x_do_y"),
    pytest.param("Ukraine has the full backing of France.", {("FRA", "SUPPORT", "UKR")}, id="has_the_backing_of"),
    pytest.param("Japan warned China that it was violating the treaty.", {("JPN", "ACCUSE", "CHN")},
                 id="warned_that_it_was_doing_is_criticism"),
    pytest.param("Japan warned China that it would face penalties.", {("JPN", "THREATEN", "CHN")},
                 id="warned_that_it_would_is_a_threat"),
    pytest.param("The sanctions follow Japan's trip last month to China.", {("JPN", "CONSULT", "CHN")},
                 id="preposition_attached_past_the_noun"),
    pytest.param("Japan met China in Lake Town. China met Japan again on Friday.", {("JPN", "CONSULT", "CHN")},
                 id="one_meeting_either_direction"),
    pytest.param("The Security Council imposed sanctions on Iran in 2010. It tightened sanctions on Iran in 2017.",
                 {("UN", "SANCTION", "IRN")}, id="sentence_initial_it"),
])
def test_events_discourse_triples(nlp, onto, text, expected):
    assert set(run(nlp, onto, text)) == expected


@pytest.mark.parametrize("text", [
    pytest.param("Russia launched a missile strike on Kyiv. Tom Doe described it as a success.", id="not_pejorative"),
    pytest.param("Russia attacked Kyiv on Monday.", id="a_place_is_not_a_target"),
])
def test_events_discourse_no_accusation_or_place(nlp, onto, text):
    found = run(nlp, onto, text)
    assert not any(t == "ACCUSE" for _, t, _ in found) and not any(c is None for k in found for c in k)
    assert ("RUS", "ASSAULT", "Kyiv") not in found


def test_events_discourse_background_war_is_asserted(nlp, onto):
    found = run(nlp, onto, "Iran had denied arming Russia in its war on Ukraine.")
    assert found[("IRN", "AID", "RUS")] == "negated"
    assert found[("RUS", "ASSAULT", "UKR")] == "asserted"


@pytest.mark.parametrize("text,quote,speaker,expected", [
    pytest.param('"Russia cannot deny its crimes and must be held fully accountable," Jane Roe said.',
                 "Russia cannot deny its crimes and must be held fully accountable", "Jane Roe",
                 ("NATO", "ACCUSE", "RUS"), id="held_accountable_passive"),
    pytest.param('"Despite the warnings, the Houthis have continued to carry out attacks in Lake Town," Jane Roe said.',
                 "Despite the warnings, the Houthis have continued to carry out attacks in Lake Town", "Jane Roe",
                 ("NATO", "ACCUSE", "Houthis"), id="quoted_attacks_without_target"),
    pytest.param('"ECOWAS failed to assist these states in their fight against terrorism," Ali Musa said.',
                 "ECOWAS failed to assist these states in their fight against terrorism", "Ali Musa",
                 ("TCD", "ACCUSE", "ECOWAS"), id="failed_to_assist_is_a_complaint"),
])
def test_events_discourse_quoted_accusations(nlp, onto, text, quote, speaker, expected):
    found = run(nlp, onto, text, ((quote, speaker, "said"),))
    assert found.get(expected) == "asserted"


def test_events_discourse_background_clause_in_vow_is_no_accusation(nlp, onto):
    text = "The Houthis vowed to target ships, in support of Palestinians under attack by Israel."
    found = run(nlp, onto, text, (("to target ships, in support of Palestinians under attack by Israel", "Houthis", "vowed"),))
    assert ("Houthis", "ACCUSE", "ISR") not in found
