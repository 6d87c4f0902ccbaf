"""Knowledge-base loading and lookup, on small files written for the tests."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from newsgraph.actors import KnowledgeBase, PersonMemory
from newsgraph.errors import KnowledgeBaseError

COUNTRIES = """\
RUS: {name: Russia, aliases: [Russian Federation], demonyms: [Russian, Russians], capitals: [Moscow]}
USA: {name: United States, aliases: [U.S., America], demonyms: [American], capitals: [Washington]}
"""
ORGS = """\
- {code: NATO, name: North Atlantic Treaty Organization, aliases: [NATO], kind: organisation, sector: IGO}
- {code: Red Dune Brigade, name: Red Dune Brigade, aliases: [the Brigade], kind: group, sector: REB}
"""
HOLDERS = """\
name,aliases,role,code,country,sector,start,end
Halvard Lindqvist,,Secretary General,NATO,NOR,IGO,2014-10-01,2024-09-30
Pieter van Aalst,,Secretary General,NATO,NLD,IGO,2024-10-01,
Pieter van Aalst,,Prime Minister,NLD,NLD,GOV,2010-10-14,2024-07-02
"""
TITLES = """\
- {title: Secretary General, sector: IGO, aliases: [secretary-general]}
- {title: Prime Minister, sector: GOV, aliases: [premier]}
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


@pytest.fixture
def small_kb(tmp_path) -> KnowledgeBase:
    files = [write(tmp_path, "countries.yaml", COUNTRIES), write(tmp_path, "orgs.yaml", ORGS),
             write(tmp_path, "holders.csv", HOLDERS), write(tmp_path, "titles.yaml", TITLES)]
    return KnowledgeBase.load(files, package_data=False)


def test_actors_kb_every_iso_state_from_pycountry(small_kb):
    assert small_kb.lookup("Burkina Faso").code == "BFA"
    assert small_kb.lookup("Democratic People's Republic of Korea").code == "PRK"
    assert len(small_kb.states) >= 249


def test_actors_kb_user_names_add_to_pycountry(small_kb):
    assert small_kb.lookup("the U.S.").code == "USA"
    assert small_kb.lookup("US").code == "USA"  # the dotless form of an abbreviation
    assert small_kb.lookup("America").code == "USA"
    russia = small_kb.states["RUS"]
    assert russia.name == "Russia" and "Moscow" in russia.capitals and "Russian" in russia.demonyms


def test_actors_kb_groups_coded_by_name(small_kb):
    e = small_kb.lookup("Red Dune Brigade")
    assert (e.kind, e.code) == ("group", "Red Dune Brigade")


@pytest.mark.parametrize("when, expected", [
    (date(2020, 5, 1), "Halvard Lindqvist"),
    (date(2025, 3, 1), "Pieter van Aalst"),
])
def test_actors_kb_office_holder_chosen_by_date(small_kb, when, expected):
    assert small_kb.holder("Secretary General", "NATO", when).name == expected
    assert small_kb.holder("secretary-general", "NATO", when).name == expected  # a title alias


@pytest.mark.parametrize("when, code, role", [
    (date(2023, 3, 1), "NLD", "Prime Minister"),
    (date(2025, 3, 1), "NATO", "Secretary General"),
])
def test_actors_kb_person_entry_for_the_date(small_kb, when, code, role):
    e = small_kb.person("Pieter van Aalst", when)
    assert (e.code, e.role) == (code, role)


def test_actors_kb_surname_lookup(small_kb):
    found = small_kb.persons_by_surname("Lindqvist", date(2020, 1, 1))
    assert [e.name for e in found] == ["Halvard Lindqvist"]


@pytest.mark.parametrize("name, text, problem", [
    ("bad.yaml", "- {name: X, kind: spaceship}\n", "unknown kind"),
    ("bad2.yaml", "a: [unclosed\n", "not valid YAML"),
    ("dates.csv", "name,aliases,role,code,country,sector,start,end\nA B,,President,USA,USA,GOV,2020-13-01,\n",
     "not a date"),
    ("header.csv", "who,what\nA,B\n", "CSV header lacks"),
    ("codes.yaml", "Russia: {name: Russia}\n", "not an ISO 3166-1 alpha-3 code"),
    ("kb.json", "{}", "unknown knowledge-base file type"),
])
def test_actors_kb_invalid_files_name_file_and_problem(tmp_path, name, text, problem):
    path = write(tmp_path, name, text)
    with pytest.raises(KnowledgeBaseError) as err:
        KnowledgeBase.load([path], package_data=False)
    assert name in str(err.value) and problem in str(err.value)


def test_actors_kb_missing_user_file(tmp_path):
    with pytest.raises(KnowledgeBaseError, match="not found"):
        KnowledgeBase.load([tmp_path / "nope.yaml"], package_data=False)


def test_actors_kb_petrarch_dictionary_extends(tmp_path):
    pytest.importorskip("newsgraph.actors.petrarch_dict")
    path = write(tmp_path, "extra.actors.txt", "SALT_MARSH_COUNCIL_ [SMC]\n+SALT_COUNCIL_\n")
    kb = KnowledgeBase.load([path], package_data=False)
    e = kb.lookup("Salt Marsh Council")
    assert e is not None and kb.lookup("Salt Council") is e


def test_actors_kb_package_data_loads():
    kb = KnowledgeBase.load()
    assert kb.lookup("NATO").code == "NATO"
    assert kb.lookup("the Kremlin").code == "RUS"
    assert kb.lookup("North Korea").code == "PRK"
    assert kb.titles, "the package titles file gives titles"


def test_actors_memory_rows_round_trip():
    mem = PersonMemory()
    mem.learn("Elena Vasquez", "Foreign Minister", "CHL", "CHL", date(2024, 1, 2))
    mem.learn("Tomas Reyes", None, None)  # nothing stated: nothing learnt
    again = PersonMemory.from_rows(mem.to_rows())
    assert len(again) == 1
    fact = again.recall("Vasquez")
    assert (fact.name, fact.code, fact.role, fact.seen) == ("Elena Vasquez", "CHL", "Foreign Minister", "2024-01-02")


def test_actors_memory_older_article_does_not_overwrite():
    mem = PersonMemory()
    mem.learn("Elena Vasquez", "Foreign Minister", "CHL", seen=date(2024, 5, 1))
    mem.learn("Elena Vasquez", "Ambassador", "ARG", seen=date(2020, 1, 1))
    assert mem.recall("Elena Vasquez").code == "CHL"


# ---------------------------------------------------------------- alias tokens cached between processes

def test_actors_kb_alias_cache_round_trip(tmp_path, monkeypatch):
    import spacy

    from newsgraph.actors import normalise

    monkeypatch.setenv("NEWSGRAPH_CACHE_DIR", str(tmp_path))
    first = normalise._TokenCache()
    alias = "Côte d'Ivoire's Jean-Noël Barrot Jr. (U.S.)"
    expected = [t.text for t in spacy.blank("en").tokenizer(alias)]
    assert first.split(alias) == expected
    first.save()
    again = normalise._TokenCache()
    assert again.tokens[alias] == expected  # read back, not tokenised again
    assert again.split(alias) == expected and not again.dirty


def test_actors_kb_alias_cache_damaged_file_is_rebuilt(tmp_path, monkeypatch):
    from newsgraph.actors import normalise

    monkeypatch.setenv("NEWSGRAPH_CACHE_DIR", str(tmp_path))
    path = normalise._cache_path()
    path.write_text("{not json", encoding="utf-8")
    cache = normalise._TokenCache()
    assert cache.split("North Korea") == ["North", "Korea"]
    cache.save()
    assert json.loads(path.read_text(encoding="utf-8")) == {"North Korea": ["North", "Korea"]}


def test_actors_kb_alias_cache_off(monkeypatch):
    from newsgraph.actors import normalise

    monkeypatch.setenv("NEWSGRAPH_CACHE_DIR", "off")
    assert normalise._cache_path() is None


def test_actors_kb_warm_cache_load_needs_no_spacy(tmp_path):
    # a fresh process with a warm cache builds the package knowledge base without importing spaCy
    script = ("import sys\nfrom newsgraph.actors import KnowledgeBase\nkb = KnowledgeBase.load()\n"
              "assert kb.lookup('North Korea').code == 'PRK'\nprint('spacy' in sys.modules)\n")
    env = {**os.environ, "NEWSGRAPH_CACHE_DIR": str(tmp_path)}
    cold = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    warm = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    assert cold.stdout.strip() == "True"  # the first load tokenises every alias with spaCy
    assert warm.stdout.strip() == "False"
