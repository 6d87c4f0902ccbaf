"""The PLOVER ontology data: types, quads, scores, the CAMEO map and the trigger lexicon."""
from __future__ import annotations

import pytest

from newsgraph.errors import KnowledgeBaseError
from newsgraph.events import Ontology

PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def test_events_ontology_has_the_sixteen_types(onto):
    assert set(onto.types) == PLOVER_TYPES


@pytest.mark.parametrize("typ,quad", [("AGREE", 1), ("CONSULT", 1), ("SUPPORT", 1), ("CONCEDE", 1),
                                      ("COOPERATE", 2), ("AID", 2), ("RETREAT", 2), ("REQUEST", 3),
                                      ("ACCUSE", 3), ("REJECT", 3), ("THREATEN", 3), ("PROTEST", 4),
                                      ("SANCTION", 4), ("MOBILIZE", 4), ("COERCE", 4), ("ASSAULT", 4)])
def test_events_ontology_quad_of_each_type(onto, typ, quad):
    assert onto.quad(typ) == quad


def test_events_ontology_intensity_uses_mode_score_then_type_score(onto):
    assert onto.intensity("CONSULT", "visit") == 4
    assert onto.intensity("CONSULT") == 2.5
    assert onto.intensity("ASSAULT", "unconventional") == -10
    assert onto.intensity("AID", "military") == 10  # mode without its own score
    assert all(onto.intensity(t) < 0 for t in ("ACCUSE", "THREATEN", "SANCTION", "COERCE"))


def test_events_ontology_unknown_type_raises(onto):
    with pytest.raises(KnowledgeBaseError):
        onto.quad("DISAPPROVE")


@pytest.mark.parametrize("code,expected", [("042", ("CONSULT", "visit", None)),
                                           ("0872", ("RETREAT", "withdraw", "military")),
                                           ("163", ("COERCE", "restrict", "diplomatic")),
                                           ("0211", ("REQUEST", None, None)),  # CAMEO 02 appeal, by prefix
                                           ("1731", ("COERCE", "arrest", "legal"))])  # unlisted child -> 173
def test_events_ontology_cameo_to_plover(onto, code, expected):
    assert onto.cameo_to_plover(code) == expected


def test_events_ontology_cameo_table_covers_every_root(onto):
    for root in range(3, 21):
        assert onto.cameo_to_plover(f"{root:02d}0") is not None


def test_events_ontology_default_cameo_for_every_type_and_mode(onto):
    for t in onto.types:
        assert onto.cameo_to_plover(onto.default_cameo(t)) is not None
        for m in onto.modes(t):
            assert onto.default_cameo(t, m).isdigit()


def test_events_ontology_lexicon_is_large_and_every_cameo_code_maps(onto):
    assert len(onto.triggers) >= 300
    for trig in onto.triggers:
        assert trig.type in PLOVER_TYPES
        assert onto.cameo_to_plover(trig.cameo) is not None, trig


def test_events_ontology_bare_on_in_yaml_is_the_preposition(onto):
    war = next(t for t in onto.triggers.candidates("war", "noun") if not t.requires)
    assert "on" in war.target and True not in war.target


def test_events_ontology_user_trigger_file_adds_and_replaces(tmp_path):
    f = tmp_path / "mine.yaml"
    f.write_text("groups:\n  - {type: COERCE, cameo: '171', frame: agent, target: [dobj], verbs: [kettle, 'slap fine']}\n"
                 "  - {type: ASSAULT, cameo: '190', verbs: [meet]}\n")
    onto = Ontology.load(extra_trigger_files=[f])
    (kettle,) = onto.triggers.candidates("kettle", "verb")
    assert kettle.type == "COERCE" and kettle.source_file == str(f)
    assert ("fine",) in [t.requires for t in onto.triggers.candidates("slap", "verb")]
    assert [t.type for t in onto.triggers.candidates("meet", "verb") if not t.requires] == ["ASSAULT"]


@pytest.mark.parametrize("body,problem", [("groups: 3", "groups"),
                                          ("groups:\n  - {type: FIGHT, cameo: '190', verbs: [x]}", "FIGHT"),
                                          ("groups:\n  - {type: AID, cameo: abc, verbs: [x]}", "cameo"),
                                          ("groups:\n  - {type: AID, cameo: '070', frame: sideways, verbs: [x]}", "frame"),
                                          ("groups:\n  - {type: AID, cameo: '070'}", "verbs"),
                                          ("groups: [", "YAML")])
def test_events_ontology_bad_trigger_file_names_file_and_problem(tmp_path, body, problem):
    f = tmp_path / "bad.yaml"
    f.write_text(body)
    with pytest.raises(KnowledgeBaseError) as err:
        Ontology.load(extra_trigger_files=[f])
    assert str(f) in str(err.value) and problem in str(err.value)


def test_events_ontology_missing_trigger_file_is_reported(tmp_path):
    with pytest.raises(KnowledgeBaseError, match="nope.yaml"):
        Ontology.load(extra_trigger_files=[tmp_path / "nope.yaml"])
