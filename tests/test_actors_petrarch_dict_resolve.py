"""PETRARCH/TABARI dictionaries in the actor stage: dates, several codes, places, name runs.

Synthetic dictionaries and sentences written for these tests (fictional states with
user-assigned Q codes, fictional people).
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from spacy.tokens import Doc

from newsgraph.actors import KnowledgeBase
from newsgraph.actors.normalise import alias_key
from newsgraph.actors.petrarch_dict import read_dictionary
from newsgraph.config import Settings
from newsgraph.pipeline import Extractor
from newsgraph.records import Article

from actors_kb import resolve_doc, run

ACTORS = """\
# synthetic dictionary written for newsgraph's tests
VALDORIA_  # the state changed its code in 1990
+PORT_ESKER_
\t[QVO <19900101]
\t[QVN]

MARCHMONT_
+MARCHMONTESE_
\t[QMA <20000101]
\t[QMAOCC 20000101-20051231]
\t[QMA >20060101]

THE_LOWLANDS_ [QLA/QLB]
THE_BORDER_MARCHES_ [FRA/QBR]
OSTRAVEN_ [QOS]
+KESTREL_
BRENNIA_ [QBR]
DUKE_OF_ASHFELL_ [QAS]
ASHFELL_ [QAS]

TOBIAS_WREN_ [QOS]
+PRESIDENT_TOBIAS_WREN_
+OSTRAVEN_PRESIDENT_TOBIAS_WREN_
\t[QOSGOV 20100101-20141231]

PORT_TARRAN [FRA]

OSTRAVEN_LIBERATION_ARMY_
\t[QOSREB 19900101-20051231]
\t[QOSMIL >20060101]
CRIMSON_BANNER_
\t[IMGMUSCRB >20130101]

HIGHLAND_LEAGUE_ [QHLREB]
+LEAGUE_
"""


@pytest.fixture(scope="module")
def dict_file(tmp_path_factory):
    p = tmp_path_factory.mktemp("dict") / "Synthetic.actors.txt"
    p.write_text(ACTORS, encoding="utf-8")
    return p


@pytest.fixture(scope="module")
def kb(dict_file):
    return KnowledgeBase.load([dict_file], package_data=False)


def _actors(idx):
    return {(a.kind, a.code, a.country) for a in idx.actors}


# --------------------------------------------------------------------------- reading

def test_actors_petrarch_dict_state_with_dated_sector_period_is_not_a_person(dict_file):
    entries = [e for e in read_dictionary(dict_file) if e.name == "Marchmont"]
    assert {(e.kind, e.code, e.sector, e.start, e.end) for e in entries} == {
        ("state", "QMA", None, None, date(2000, 1, 1)),
        ("organisation", "QMA", None, date(2000, 1, 1), date(2005, 12, 31)),
        ("state", "QMA", None, date(2006, 1, 1), None),
    }


def test_actors_petrarch_dict_office_holder_stays_a_person(dict_file):
    entries = [e for e in read_dictionary(dict_file) if e.name == "Tobias Wren"]
    assert entries and all(e.kind == "person" for e in entries)


@pytest.mark.parametrize("name, kinds", [
    ("Ostraven Liberation Army", {"group", "organisation"}),
    ("Crimson Banner", {"group"}),
])
def test_actors_petrarch_dict_dated_group_is_not_a_person(dict_file, name, kinds):
    entries = [e for e in read_dictionary(dict_file) if e.name == name]
    assert {e.kind for e in entries} == kinds


def test_actors_petrarch_dict_several_codes_are_joint_entries(dict_file):
    entries = [e for e in read_dictionary(dict_file) if e.name == "The Lowlands"]
    assert [e.code for e in entries] == ["QLA", "QLB"]
    assert all([j.code for j in e.joint] == ["QLA", "QLB"] for e in entries)


def test_actors_petrarch_dict_single_code_entry_has_no_joint(dict_file):
    [e] = [e for e in read_dictionary(dict_file) if e.name == "Ostraven"]
    assert e.joint == []


# --------------------------------------------------------------------------- knowledge base

def test_actors_petrarch_dict_name_does_not_rename_a_known_state(kb):
    france = kb.state("FRA")
    assert france.name == "France"
    assert "Port Tarran" in france.capitals


@pytest.mark.parametrize("text, kind", [
    ("Two soldiers were killed in Port Tarran on Monday.", "location"),
    ("Port Tarran protested against the new tariffs on Monday.", "state"),
])
def test_actors_petrarch_dict_other_name_of_known_state_is_place_or_state(nlp, kb, text, kind):
    doc, idx = run(nlp, kb, text)
    i = next(t.i for t in doc if t.text == "Tarran")
    actor = idx.get(idx.at(i))
    assert actor.kind == kind
    assert (actor.country if kind == "location" else actor.code) == "FRA"


@pytest.mark.parametrize("when, code", [
    (date(1985, 5, 1), "QVO"),
    (date(2001, 5, 1), "QVN"),
    (None, "QVN"),
])
def test_actors_petrarch_dict_dated_state_code_follows_the_date(kb, when, code):
    assert kb.lookup("Valdoria", when).code == code


def test_actors_petrarch_dict_undated_name_of_a_dated_code_counts_always(tmp_path):
    p = tmp_path / "Order.actors.txt"
    p.write_text("# synthetic\nNEWLAND_\n\t[QOL <19900101]\n\t[QNL]\nOLDLAND_ [QOL]\n", encoding="utf-8")
    kb = KnowledgeBase.load([p], package_data=False)
    assert kb.lookup("Oldland", date(2010, 1, 1)).code == "QOL"
    assert kb.lookup("Newland", date(2010, 1, 1)).code == "QNL"
    assert kb.state("QOL").name == "Oldland"


def test_actors_petrarch_dict_state_period_with_sector_is_a_body_of_the_state(kb):
    e = kb.lookup("Marchmont", date(2003, 1, 1))
    assert (e.kind, e.code, e.country) == ("organisation", "QMA", "QMA")
    assert kb.lookup("Marchmont", date(2010, 1, 1)).kind == "state"


def test_actors_petrarch_dict_titled_person_alias_left_to_the_title_rules(tmp_path):
    # with a title in the knowledge base, "Ostraven President Tobias Wren" is read as a state, a
    # role and a name, not swallowed whole by the dictionary's titled alias
    titles = tmp_path / "titles.yaml"
    titles.write_text("- {title: President, sector: GOV, aliases: [president]}\n", encoding="utf-8")
    p = tmp_path / "Titled.actors.txt"
    p.write_text(ACTORS, encoding="utf-8")
    kb = KnowledgeBase.load([titles, p], package_data=False)
    assert {h.entry.name for h in kb.hits(alias_key("Tobias Wren"))} == {"Tobias Wren"}
    assert kb.hits(alias_key("Ostraven President Tobias Wren")) == []
    assert kb.hits(alias_key("President Tobias Wren")) == []


def test_actors_petrarch_dict_joint_lookup_only_for_several_codes(kb):
    assert {e.code for e in kb.joint(alias_key("The Lowlands"))} == {"QLA", "QLB"}
    assert kb.joint(alias_key("Ostraven")) == []


def test_actors_petrarch_dict_joint_name_keeps_a_code_merged_into_a_known_state(kb):
    # FRA merges into France; the phrase still stands for France and QBR
    assert {e.code for e in kb.joint(alias_key("The Border Marches"))} == {"FRA", "QBR"}


# --------------------------------------------------------------------------- resolution

@pytest.mark.parametrize("when, code", [(date(1987, 3, 2), "QVO"), (date(2012, 3, 2), "QVN")])
def test_actors_petrarch_dict_article_date_picks_the_code(nlp, kb, when, code):
    _, idx = run(nlp, kb, "Valdoria recalled its ambassador from Ostraven on Monday.", when=when)
    assert ("state", code, None) in _actors(idx)


def test_actors_petrarch_dict_place_in_a_dictionary_state_carries_its_country(nlp, kb):
    text = "Ostraven said two soldiers were killed in Port Esker on Monday."
    _, idx = run(nlp, kb, text, when=date(2012, 1, 1))
    place = [a for a in idx.actors if a.name in ("Port Esker", "Valdoria")]
    assert place and place[0].kind == "location" and place[0].country == "QVN"


def test_actors_petrarch_dict_name_with_several_codes_is_several_actors(nlp, kb):
    doc, idx = run(nlp, kb, "The Lowlands signed a trade agreement with Ostraven on Monday.")
    i = next(t.i for t in doc if t.text == "Lowlands")
    codes = sorted(idx.get(a).code for a in idx.all_at(i))
    assert codes == ["QLA", "QLB"]
    assert idx.at(i) in idx.all_at(i)
    spans = {tuple((m.start, m.end) for m in idx.get(a).mentions) for a in idx.all_at(i)}
    assert len(spans) == 1  # each actor is mentioned by the same words


def test_actors_petrarch_dict_several_codes_are_parties_of_one_event(dict_file):
    settings = Settings.from_env()
    ex = Extractor.from_settings(replace(settings, kb_files=[*settings.kb_files, dict_file]))
    text = "The Lowlands signed a trade agreement with Ostraven on Monday."
    [x] = list(ex.extract_many([Article(id="t", text=text, published=date(2024, 6, 20))]))
    parties = [{x.actor(a).code for a in e.sources} for e in x.events if
               {x.actor(a).code for a in e.targets} == {"QOS"}]
    assert {"QLA", "QLB"} in parties


@pytest.mark.parametrize("text, found", [
    ("The League ambushed a convoy near Ostraven on Monday.", True),
    ("The Coastal Farmers League marched through Ostraven on Monday.", False),
])
def test_actors_petrarch_dict_generic_one_word_synonym_inside_unknown_name(nlp, kb, text, found):
    doc, idx = run(nlp, kb, text)
    i = next(t.i for t in doc if t.text == "League")
    actor = idx.get(idx.at(i))
    assert (actor is not None and actor.kind == "group" and actor.country == "QHL") is found


def _doc(nlp, words, ents, pos, tags, deps, heads):
    return Doc(nlp.vocab, words=words, pos=pos, tags=tags, deps=deps, heads=heads, ents=ents)


def test_actors_petrarch_dict_entity_listing_names_is_cut_at_and(nlp, kb):
    # the small model tags "Ostraven and Brennia" as one FAC: two states, not a place
    words = ["Officials", "restored", "ties", "with", "Ostraven", "and", "Brennia", "."]
    doc = _doc(nlp, words, ["O", "O", "O", "O", "B-FAC", "I-FAC", "I-FAC", "O"],
               ["NOUN", "VERB", "NOUN", "ADP", "PROPN", "CCONJ", "PROPN", "PUNCT"],
               ["NNS", "VBD", "NNS", "IN", "NNP", "CC", "NNP", "."],
               ["nsubj", "ROOT", "dobj", "prep", "pobj", "cc", "conj", "punct"],
               [1, 1, 1, 2, 3, 4, 4, 1])
    idx = resolve_doc(doc, kb)
    assert {("state", "QOS", None), ("state", "QBR", None)} <= _actors(idx)


def test_actors_petrarch_dict_entity_with_two_known_names_is_not_one_place(nlp, kb):
    # "Brennia of the Duke of Ashfell" tagged as one FAC holds two known names
    words = ["Ostraven", "warned", "Brennia", "of", "the", "Duke", "of", "Ashfell", "."]
    doc = _doc(nlp, words, ["O", "O", "B-FAC", "I-FAC", "I-FAC", "I-FAC", "I-FAC", "I-FAC", "O"],
               ["PROPN", "VERB", "PROPN", "ADP", "DET", "PROPN", "ADP", "PROPN", "PUNCT"],
               ["NNP", "VBD", "NNP", "IN", "DT", "NNP", "IN", "NNP", "."],
               ["nsubj", "ROOT", "dobj", "prep", "det", "pobj", "prep", "pobj", "punct"],
               [1, 1, 1, 2, 5, 3, 5, 6, 1])
    idx = resolve_doc(doc, kb)
    assert {("state", "QBR", None), ("state", "QAS", None)} <= _actors(idx)


def test_actors_petrarch_dict_place_name_around_one_state_stays_a_place(nlp, kb):
    # "the Brennia Gulf": a place named after a state is a place, not the state
    words = ["Ships", "sailed", "into", "the", "Brennia", "Gulf", "."]
    doc = _doc(nlp, words, ["O", "O", "O", "O", "B-LOC", "I-LOC", "O"],
               ["NOUN", "VERB", "ADP", "DET", "PROPN", "PROPN", "PUNCT"],
               ["NNS", "VBD", "IN", "DT", "NNP", "NNP", "."],
               ["nsubj", "ROOT", "prep", "det", "compound", "pobj", "punct"],
               [1, 1, 1, 5, 5, 2, 1])
    idx = resolve_doc(doc, kb)
    assert ("state", "QBR", None) not in _actors(idx)
    assert any(a.kind == "location" and a.name == "Brennia Gulf" for a in idx.actors)


def test_actors_petrarch_dict_city_name_opening_a_person_name_is_the_name(nlp, kb):
    # "Kestrel" is a city of Ostraven in the dictionary and a given name here
    words = ["Kestrel", "Amundsen", "arrived", "in", "Brennia", "."]
    doc = _doc(nlp, words, ["B-PERSON", "I-PERSON", "O", "O", "B-GPE", "O"],
               ["PROPN", "PROPN", "VERB", "ADP", "PROPN", "PUNCT"], ["NNP", "NNP", "VBD", "IN", "NNP", "."],
               ["compound", "nsubj", "ROOT", "prep", "pobj", "punct"], [1, 2, 2, 2, 3, 2])
    idx = resolve_doc(doc, kb)
    assert [a.name for a in idx.actors if a.kind == "person"] == ["Kestrel Amundsen"]
    assert not any(a.code == "QOS" or a.country == "QOS" for a in idx.actors)


def test_actors_petrarch_dict_joining_word_inside_a_known_name_does_not_cut(nlp, tmp_path):
    p = tmp_path / "Joined.actors.txt"
    p.write_text("# synthetic\nCASTOR_AND_POLLUX_ [QCP]\nCASTOR_ [QCA]\n", encoding="utf-8")
    kb = KnowledgeBase.load([p], package_data=False)
    words = ["Castor", "and", "Pollux", "protested", "."]
    doc = _doc(nlp, words, ["B-GPE", "I-GPE", "I-GPE", "O", "O"],
               ["PROPN", "CCONJ", "PROPN", "VERB", "PUNCT"], ["NNP", "CC", "NNP", "VBD", "."],
               ["nsubj", "cc", "conj", "ROOT", "punct"], [3, 0, 0, 3, 3])
    idx = resolve_doc(doc, kb)
    assert _actors(idx) == {("state", "QCP", None)}
