"""How the PLOVER gold-record scorer matches an extracted event to a record, following the
records' own convention (dataset SOURCE.md): a reciprocal record marks every party
``(SRC/TAR: ...)``, so the event must hold them all; a bare ``IGO`` is an intergovernmental
organisation (or someone acting for one), not an armed group. Records and extractions are
hand-built and synthetic.
"""
from __future__ import annotations

import pytest

from newsgraph.evaluate import plover_gsr
from newsgraph.records import Actor, Article, Event, Extraction, Span


def extraction(actors: list[tuple[str, str, str | None]], events: list[tuple[str, list, list]]) -> Extraction:
    text = "Synthetic sentence."
    return Extraction(
        article=Article(id="x", text=text),
        actors=[Actor(id=i, name=i, kind=k, code=c) for i, k, c in actors],
        events=[Event(type=t, sources=s, targets=r, evidence=Span(text, 0, len(text))) for t, s, r in events],
    )


def record(sources, targets=(), reciprocal=False, typ="AGREE"):
    return plover_gsr.GsrRecord(id="R", text="Synthetic sentence.", type=typ, sources=list(sources),
                                targets=list(targets), reciprocal=reciprocal)


@pytest.mark.parametrize("actors, events, expected", [
    pytest.param([("a1", "state", "NOR"), ("a2", "state", "CHL")], [("AGREE", ["a1"], ["a2"])], True,
                 id="both_parties_either_direction"),
    pytest.param([("a1", "state", "NOR"), ("a2", "state", "CHL")], [("AGREE", ["a2"], ["a1"])], True,
                 id="both_parties_reversed"),
    pytest.param([("a1", "state", "NOR")], [("AGREE", ["a1"], [])], False, id="one_party_alone_is_not_enough"),
    pytest.param([("a1", "state", "NOR"), ("a3", "state", "PER")], [("AGREE", ["a1"], ["a3"])], False,
                 id="wrong_second_party"),
])
def test_evaluate_plover_gsr_matching_reciprocal(actors, events, expected):
    rec = record(["NOR", "CHL"], reciprocal=True)
    ex = extraction(actors, events)
    assert plover_gsr.event_matches(ex, ex.events[0], rec) is expected


def test_evaluate_plover_gsr_matching_reciprocal_same_code_needs_two_actors():
    # a government and a rebel movement of the same state: one actor cannot stand for both
    rec = record(["NOR", "NOR"], reciprocal=True)
    one = extraction([("a1", "state", "NOR")], [("AGREE", ["a1"], [])])
    two = extraction([("a1", "organisation", "NOR"), ("a2", "group", "NOR")], [("AGREE", ["a1"], ["a2"])])
    assert not plover_gsr.event_matches(one, one.events[0], rec)
    assert plover_gsr.event_matches(two, two.events[0], rec)


@pytest.mark.parametrize("actor, code, expected", [
    pytest.param(Actor("a", "UN", "organisation", "UN"), "IGO", True, id="igo_organisation"),
    pytest.param(Actor("a", "Envoy", "person", "UN"), "IGO", True, id="person_acting_for_igo"),
    pytest.param(Actor("a", "Minister", "person", "NOR"), "IGO", False, id="person_acting_for_a_state"),
    pytest.param(Actor("a", "Minister", "person", None), "IGO", False, id="person_without_code"),
    pytest.param(Actor("a", "Hamas", "group", "Hamas", country="PSE"), "IGO", False, id="armed_group_is_not_igo"),
    pytest.param(Actor("a", "Rights group", "organisation", "HRW"), "NGO", True, id="ngo_organisation"),
    pytest.param(Actor("a", "al-Qaeda", "group", "al-Qaeda"), "IMG", True, id="img_group"),
])
def test_evaluate_plover_gsr_matching_organisation_codes(actor, code, expected):
    assert plover_gsr.actor_matches(actor, code) is expected
