"""PETRARCH/TABARI dictionary reader: synthetic dictionaries written here, real files when present."""
from __future__ import annotations

import time
from datetime import date

import pytest

from newsgraph.actors.kb_records import AgentEntry, KBEntry
from newsgraph.actors.petrarch_dict import read_dictionary, split_cameo_code
from newsgraph.errors import KnowledgeBaseError

ACTORS = """\
# synthetic dictionary written for newsgraph's tests
<!-- a one-line comment -->
<!-- a comment
     over two lines -->
FREEDONIA_  [FRD]   # default code
+FREEDONIAN_
+FREEDONIANS_

RUFUS_T._FIREFLY_
+PRESIDENT_FIREFLY_
\t[FRDGOV 19330101-19451231]
\t[FRDELI >19460101]

AMBASSADOR_TRENTINO  [SYLGOV]

SYLVANIA_INFANTRY  [SYLMIL]
SYLVANIAN_LIBERATION_FRONT  [SYLREBSLF]
BLUE_BERETS_   [IGOUNOPKO]
WORLD_HEALTH_BODY_ [IGOUNOWHO]

CHICOLINI
\t[--- <19300101]
\t[SYL]

PINKY_AND_FRIENDS [FRD/SYL]
OLD_NAME_PLACE [JAP]
BORDER_GANG_ [IMGCRM]
"""

AGENTS = """\
<!-- synthetic agents dictionary -->
!PERSON! = MAN, MEN, WOMAN, WOMEN
POLICE {} [~COP]   # no plural
FOREIGN_MINISTER [~GOVFRM]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]
MILITIA [~PRM]
CONGRESS!PERSON! [~LEG]
AID_GROUP [NGO~]
"""


@pytest.fixture
def actors(tmp_path):
    p = tmp_path / "Test.actors.txt"
    p.write_text(ACTORS, encoding="utf-8")
    return read_dictionary(p)


@pytest.fixture
def agents(tmp_path):
    p = tmp_path / "Test.agents.txt"
    p.write_text(AGENTS, encoding="utf-8")
    return read_dictionary(p)


def _by_name(entries, name):
    return [e for e in entries if isinstance(e, KBEntry) and e.name == name]


def test_petrarch_dict_reads_state_with_synonyms(actors):
    [e] = _by_name(actors, "Freedonia")
    assert (e.kind, e.code, e.sector) == ("state", "FRD", None)
    assert {"Freedonian", "Freedonians"} <= set(e.aliases)
    assert e.source == "petrarch:Test.actors.txt"


def test_petrarch_dict_date_restrictions_make_office_periods(actors):
    periods = sorted((e.start or date.min, e.end, e.code, e.sector) for e in _by_name(actors, "Rufus T. Firefly"))
    assert periods == [(date(1933, 1, 1), date(1945, 12, 31), "FRD", "GOV"), (date(1946, 1, 1), None, "FRD", "ELI")]
    e = _by_name(actors, "Rufus T. Firefly")[0]
    assert e.kind == "person" and "President Firefly" in e.aliases and e.country == "FRD"


def test_petrarch_dict_default_code_fills_the_gaps_between_restrictions(actors):
    [e] = _by_name(actors, "Chicolini")  # null code before 1930, SYL after
    assert (e.code, e.start, e.end) == ("SYL", date(1930, 1, 2), None)


@pytest.mark.parametrize("name, kind, code, sector, country, parent", [
    ("Ambassador Trentino", "organisation", "SYL", "GOV", "SYL", None),
    ("Sylvania Infantry", "organisation", "SYL", "MIL", "SYL", None),
    ("Sylvanian Liberation Front", "group", "Sylvanian Liberation Front", "REB", "SYL", None),
    ("World Health Body", "organisation", "WHO", "IGO", None, "UN"),
    ("Old Name Place", "state", "JPN", None, None, None),
    ("Border Gang", "group", "Border Gang", "CRM", None, None),
])
def test_petrarch_dict_splits_cameo_codes(actors, name, kind, code, sector, country, parent):
    [e] = _by_name(actors, name)
    assert (e.kind, e.code, e.sector, e.country, e.parent) == (kind, code, sector, country, parent)


def test_petrarch_dict_unknown_igo_keeps_its_full_code(actors):
    [e] = _by_name(actors, "Blue Berets")
    assert (e.kind, e.code, e.parent) == ("organisation", "IGOUNOPKO", "UN")


def test_petrarch_dict_slash_codes_give_one_entry_per_actor(actors):
    assert sorted(e.code for e in _by_name(actors, "Pinky and Friends")) == ["FRD", "SYL"]


def test_petrarch_dict_reads_agents(agents):
    assert all(isinstance(a, AgentEntry) for a in agents)
    by = {a.phrase: a for a in agents}
    assert (by["police"].code, by["police"].aliases) == ("COP", [])
    assert (by["foreign minister"].code, by["foreign minister"].sector) == ("GOVFRM", "GOV")
    assert by["foreign minister"].aliases == ["foreign ministers"]
    assert by["attorney general"].aliases == ["attorneys general"]
    assert by["militia"].aliases == ["militias"]
    assert {"congressman", "congressmen", "congresswoman", "congresswomen"} <= set(by)
    assert by["aid group"].before and by["aid group"].code == "NGO"


@pytest.mark.parametrize("text, problem", [
    ("FREEDONIA [FRD\n", "unbalanced"),
    ("+FREEDONIAN\n", "synonym"),
    ("\t[FRD]\n", "before any actor"),
    ("FIREFLY\n\t[FRDGOV 19331301-19451231]\n", "invalid date"),
    ("FIREFLY\n\t[FRDGOV 1933x]\n", "date restriction"),
    ("FIREFLY\n\t[FRDGOV ~1933]\n", "date restriction"),
    ("FREEDONIA [FRD]\n<!-- never closed\nSYLVANIA [SYL]\n", "never closed"),
])
def test_petrarch_dict_malformed_actor_files_name_file_and_line(tmp_path, text, problem):
    p = tmp_path / "Bad.actors.txt"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=problem) as err:
        read_dictionary(p)
    assert str(p) in str(err.value) and ":" in str(err.value).replace(str(p), "", 1)


@pytest.mark.parametrize("text, problem", [
    ("POLICE {} [COP]\n", "must be"),
    ("CONGRESS!PERSON! [~LEG]\n", "not defined"),
    ("POLICE {[~COP]\n", "missing"),
])
def test_petrarch_dict_malformed_agent_files_raise(tmp_path, text, problem):
    p = tmp_path / "Bad.agents.txt"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=problem):
        read_dictionary(p)


def test_petrarch_dict_missing_file_raises(tmp_path):
    with pytest.raises(KnowledgeBaseError, match="cannot read"):
        read_dictionary(tmp_path / "Nope.actors.txt")


@pytest.mark.parametrize("code, expected", [
    ("USAGOV", ("organisation", "USA", "GOV", "USA", None)),
    ("IGOWSTNAT", ("organisation", "NATO", "IGO", None, None)),
    ("IGOUNOIAE", ("organisation", "IAEA", "IGO", None, "UN")),
    ("UNO", ("organisation", "UN", "IGO", None, None)),
    ("PSEREBHMS", ("group", None, "REB", "PSE", None)),
    ("ITL", ("state", "ITA", None, None, None)),
    ("---GOV", ("unknown", None, "GOV", None, None)),
    ("IGO", ("organisation", None, "IGO", None, None)),
])
def test_petrarch_dict_split_cameo_code(code, expected):
    c = split_cameo_code(code)
    assert (c.kind, c.code, c.sector, c.country, c.parent) == expected


def test_petrarch_dict_reads_the_validation_dictionaries(shared_dir):
    folder = shared_dir / "datasets" / "petrarch2-unittest"
    actors = read_dictionary(folder / "PETR.Validate.actors.txt")
    agents = read_dictionary(folder / "PETR.Validate.agents.txt")
    gollum = sorted((e.start or date.min, e.sector) for e in actors if e.name == "Gollum")
    assert gollum == [(date.min, None), (date(1995, 6, 1), "GOV"), (date(1999, 8, 16), "REB")]
    assert any(a.phrase == "police" and a.code == "COP" for a in agents)


def test_petrarch_dict_reads_the_full_phoenix_dictionaries_quickly(shared_dir):
    folder = shared_dir / "datasets" / "phoenix-dictionaries"
    t0 = time.perf_counter()
    counts = {p.name: len(read_dictionary(p)) for p in sorted(folder.glob("Phoenix.*.txt"))}
    elapsed = time.perf_counter() - t0
    assert counts["Phoenix.Countries.actors.txt"] > 25000
    assert counts["Phoenix.agents.txt"] > 3000
    assert elapsed < 20, elapsed
