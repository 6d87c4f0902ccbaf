"""The knowledge-base data shipped in newsgraph/actors/data: loads, valid codes, clean dates."""
from __future__ import annotations

import csv
import io
import re
from collections import Counter
from datetime import date
from importlib import resources

import pycountry
import pytest
import yaml

DATA = resources.files("newsgraph.actors") / "data"
ISO3 = frozenset(c.alpha_3 for c in pycountry.countries) | {"XKX"}
SECTORS = frozenset("GOV MIL DIP IGO JUD LEG SPY COP REB PRM PTY OPP REL JRN MED SOC BUS CRM UAF CVL EDU ELI".split())


def _yaml(name: str):
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def countries():
    return _yaml("countries.yaml")


@pytest.fixture(scope="module")
def organisations():
    return _yaml("organisations.yaml")


@pytest.fixture(scope="module")
def institutions():
    return _yaml("institutions.yaml")


@pytest.fixture(scope="module")
def titles():
    return _yaml("titles.yaml")


@pytest.fixture(scope="module")
def holders():
    return list(csv.DictReader(io.StringIO((DATA / "office_holders.csv").read_text(encoding="utf-8"))))


def _org_codes(organisations) -> set[str]:
    return {o["code"] for o in organisations}


def test_kb_data_countries_cover_every_iso_code_and_kosovo(countries):
    assert set(countries) == ISO3
    for code, c in countries.items():
        assert set(c) == {"name", "aliases", "demonyms", "capitals"}, code
        assert c["name"] and all(isinstance(x, str) and x for k in ("aliases", "demonyms", "capitals") for x in c[k])


@pytest.mark.parametrize("code, alias", [
    ("USA", "the U.S."), ("USA", "US"), ("USA", "America"), ("PRK", "DPRK"), ("GBR", "Britain"),
    ("GBR", "UK"), ("NLD", "Holland"), ("TUR", "Türkiye"), ("PSE", "Palestine"), ("RUS", "Russian Federation"),
])
def test_kb_data_countries_have_news_names(countries, code, alias):
    c = countries[code]
    assert alias in [c["name"], *c["aliases"]]


@pytest.mark.parametrize("code, demonym, capital", [
    ("RUS", "Russians", "Moscow"), ("USA", "Americans", "Washington"), ("PRK", "North Korean", "Pyongyang"),
    ("UKR", "Ukrainian", "Kyiv"), ("IRN", "Iranian", "Tehran"), ("KOR", "South Korean", "Seoul"),
    ("PSE", "Palestinians", "Ramallah"), ("NZL", "New Zealanders", "Wellington"),
])
def test_kb_data_countries_have_demonyms_and_capitals(countries, code, demonym, capital):
    assert demonym in countries[code]["demonyms"]
    assert capital in countries[code]["capitals"]


def test_kb_data_countries_have_no_lowercase_ambiguous_aliases(countries):
    # "us" and "chad" as lower-case words would match ordinary English.
    for code, c in countries.items():
        for alias in c["aliases"]:
            assert alias not in {"us", "uk", "chad", "jordan", "georgia"}, (code, alias)


def test_kb_data_each_demonym_and_capital_names_one_country(countries):
    owners = Counter(x for c in countries.values() for x in c["demonyms"] + c["capitals"])
    assert [x for x, n in owners.items() if n > 1] == []


def test_kb_data_organisations_have_valid_shape(organisations):
    for o in organisations:
        assert set(o) <= {"code", "name", "aliases", "kind", "sector", "parent", "country"}, o
        assert o["kind"] in ("organisation", "group"), o
        assert o["sector"] in SECTORS, o
        assert o.get("country") is None or o["country"] in ISO3, o
        assert re.fullmatch(r"[A-Z0-9_]{2,32}", o["code"]) or o["kind"] == "group", o


def test_kb_data_organisations_count_at_least_60_igos(organisations):
    igos = {o["code"] for o in organisations if o["kind"] == "organisation" and not o.get("country")}
    assert len(igos) >= 60


def test_kb_data_organisation_names_are_unique(organisations):
    names = Counter(o["name"] for o in organisations)
    assert [n for n, k in names.items() if k > 1] == []
    aliases = Counter(a for o in organisations for a in {x.lower() for x in (o["name"], *o["aliases"])})
    assert [a for a, k in aliases.items() if k > 1] == []


def test_kb_data_organisation_parents_exist(organisations):
    codes = _org_codes(organisations)
    for o in organisations:
        assert o.get("parent") is None or o["parent"] in codes, o


@pytest.mark.parametrize("name, code, parent", [
    ("UN Security Council", "UN", "UN"), ("European Commission", "EU", "EU"), ("Council of the European Union", "EU", "EU"),
    ("IAEA Board of Governors", "IAEA", "IAEA"), ("NATO", "NATO", None), ("Alliance of Sahel States", "AES", None),
])
def test_kb_data_organs_carry_their_parents_code(organisations, name, code, parent):
    o = next(o for o in organisations if o["name"] == name)
    assert (o["code"], o.get("parent")) == (code, parent)


@pytest.mark.parametrize("group", ["Hamas", "Hezbollah", "Houthis", "Taliban", "Islamic State", "al-Qaeda",
                                   "al-Shabaab", "Boko Haram", "Wagner Group", "PKK", "RSF", "M23", "HTS", "JNIM"])
def test_kb_data_main_armed_groups_are_present(organisations, group):
    o = next(o for o in organisations if o["code"] == group and o["kind"] == "group")
    assert o["sector"] in ("REB", "PRM")


def test_kb_data_institutions_are_state_bodies(institutions):
    names = Counter(i["name"] for i in institutions)
    assert [n for n, k in names.items() if k > 1] == []
    for i in institutions:
        assert set(i) == {"name", "aliases", "code", "sector", "kind"}, i
        assert i["code"] in ISO3 and i["sector"] in SECTORS and i["kind"] == "organisation", i


@pytest.mark.parametrize("name, code, sector", [
    ("Kremlin", "RUS", "GOV"), ("Pentagon", "USA", "MIL"), ("White House", "USA", "GOV"),
    ("Downing Street", "GBR", "GOV"), ("Elysee", "FRA", "GOV"), ("Knesset", "ISR", "LEG"),
    ("People's Liberation Army", "CHN", "MIL"), ("Bundestag", "DEU", "LEG"), ("State Duma", "RUS", "LEG"),
])
def test_kb_data_institutions_metonyms(institutions, name, code, sector):
    i = next(i for i in institutions if i["name"] == name)
    assert (i["code"], i["sector"]) == (code, sector)


def test_kb_data_titles_count_and_sectors(titles):
    assert len(titles) >= 60
    seen = Counter()
    for t in titles:
        assert set(t) == {"title", "sector", "aliases"} and t["sector"] in SECTORS, t
        for a in {t["title"].lower(), *(a.lower() for a in t["aliases"])}:
            seen[a] += 1
    assert [a for a, n in seen.items() if n > 1] == []
    words = {a for a in seen}
    assert {"president", "prime minister", "foreign minister", "secretary of state", "secretary-general",
            "spokesperson", "supreme leader", "crown prince", "national security adviser"} <= words


def test_kb_data_office_holders_header_and_count(holders):
    text = (DATA / "office_holders.csv").read_text(encoding="utf-8")
    assert text.splitlines()[0] == "name,aliases,role,code,country,sector,start,end"
    assert len(holders) >= 400


def test_kb_data_office_holders_codes_dates_and_no_duplicates(holders, organisations):
    codes = ISO3 | _org_codes(organisations)
    keys = Counter((h["name"], h["role"], h["start"]) for h in holders)
    assert [k for k, n in keys.items() if n > 1] == []
    for h in holders:
        assert h["name"] and h["role"], h
        assert h["code"] in codes, h
        assert h["country"] in ISO3, h
        assert h["sector"] in SECTORS, h
        start = date.fromisoformat(h["start"]) if h["start"] else None
        end = date.fromisoformat(h["end"]) if h["end"] else None
        assert start is not None or end is not None or h["role"], h
        if start and end:
            assert start <= end, h
        assert all(a.strip() == a and a for a in h["aliases"].split("|") if h["aliases"]), h


def test_kb_data_office_holders_serve_from_2020(holders):
    serving = [h for h in holders if not h["end"] or h["end"] >= "2020-01-01"]
    assert len(serving) >= 400


@pytest.mark.parametrize("name, start, end", [
    ("Jens Stoltenberg", "2014-10-01", "2024-10-01"),
    ("Mark Rutte", "2024-10-01", ""),
])
def test_kb_data_nato_secretaries_general(holders, name, start, end):
    row = next(h for h in holders if h["name"] == name and h["code"] == "NATO")
    assert (row["start"], row["end"], row["country"]) == (start, end, "NOR" if name.startswith("Jens") else "NLD")


def test_kb_data_person_code_is_the_body_served_and_country_the_nationality(holders):
    blinken = next(h for h in holders if h["name"] == "Antony Blinken")
    assert (blinken["code"], blinken["country"], blinken["role"]) == ("USA", "USA", "Secretary of State")
    guterres = next(h for h in holders if h["name"] == "Antonio Guterres")
    assert (guterres["code"], guterres["country"]) == ("UN", "PRT")


def test_kb_data_cameo_legacy_codes_are_not_iso_codes():
    table = _yaml("cameo_codes.yaml")
    assert not set(table["legacy_countries"]) & ISO3
    assert set(table["legacy_countries"].values()) <= ISO3


def test_kb_data_loads_into_the_knowledge_base():
    from newsgraph.actors.kb import KnowledgeBase

    kb = KnowledgeBase.load()
    states = {e.code for e in kb.entries if e.kind == "state"}
    assert {"RUS", "USA", "XKX", "TWN", "PSE"} <= states
    people = [e for e in kb.entries if e.kind == "person" and e.name == "Mark Rutte" and e.code == "NATO"]
    assert people and people[0].in_office(date(2025, 1, 1)) and not people[0].in_office(date(2024, 9, 30))
