"""Readers for the knowledge-base file formats (package data and a user's own files).

Formats (docs/actors.md):

- countries: a YAML mapping ISO3 → {name, aliases, demonyms, capitals}
- organisations / institutions / people: a YAML list of {name, aliases, code, kind, sector,
  parent, country, role, start, end}
- titles: a YAML list of {title, sector, aliases}
- office holders: CSV with header ``name,aliases,role,code,country,sector,start,end``
  (aliases separated by "|", dates YYYY-MM-DD, empty end = still in office)
- PETRARCH/TABARI dictionaries (``*.actors.txt``, ``*.agents.txt``, other ``.txt``): read by
  ``petrarch_dict.read_dictionary``.

Every reader returns ``KBEntry``/``TitleEntry`` records and raises ``KnowledgeBaseError``
naming the file and the problem.
"""
from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from ..errors import KnowledgeBaseError
from .kb_records import KBEntry, TitleEntry

_ISO3 = re.compile(r"^[A-Z]{3}$")
_KINDS = ("person", "state", "organisation", "group", "location")
CSV_HEADER = ("name", "aliases", "role", "code", "country", "sector", "start", "end")


@dataclass
class Loaded:
    """What one or more files contributed."""

    entries: list[KBEntry] = field(default_factory=list)
    titles: list[TitleEntry] = field(default_factory=list)
    agents: list[Any] = field(default_factory=list)

    def extend(self, other: "Loaded") -> None:
        self.entries += other.entries
        self.titles += other.titles
        self.agents += other.agents


# libyaml's safe loader when PyYAML was built with it: the package data parses ~10x faster
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_text_file(ref: str, text: str, source: str) -> Loaded:
    """Parse one knowledge-base file given its name (for the format) and its text."""
    name = ref.lower()
    if name.endswith(".csv"):
        return Loaded(entries=read_office_holders(text, ref, source))
    if name.endswith((".yaml", ".yml")):
        try:
            data = yaml.load(text, Loader=_YAML_LOADER)
        except yaml.YAMLError as exc:
            raise KnowledgeBaseError(f"{ref}: not valid YAML: {exc}") from exc
        return read_yaml_data(data, ref, source)
    raise KnowledgeBaseError(f"{ref}: unknown knowledge-base file type (expected .yaml, .yml, .csv or a "
                             "PETRARCH dictionary .txt)")


def read_path(path: Path) -> Loaded:
    """A user's file: YAML/CSV in the package formats, or a PETRARCH dictionary."""
    if not path.is_file():
        raise KnowledgeBaseError(f"{path}: knowledge-base file not found")
    if path.name.lower().endswith(".txt"):
        return _read_petrarch(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise KnowledgeBaseError(f"{path}: cannot read knowledge-base file: {exc}") from exc
    if _looks_like_petrarch(text):
        return _read_petrarch(path)
    return read_text_file(str(path), text, str(path))


def _looks_like_petrarch(text: str) -> bool:
    """PETRARCH dictionaries are lines of UPPER_CASE_ phrases followed by [CODE] brackets."""
    lines = [ln for ln in text.splitlines()[:50] if ln.strip() and not ln.lstrip().startswith("#")]
    hits = sum(1 for ln in lines if re.match(r"^\s*\+?[A-Z0-9_'.-]+_?\s*(\[[^\]]*\])?\s*$", ln) and "_" in ln)
    return bool(lines) and hits >= max(1, len(lines) // 2)


def _read_petrarch(path: Path) -> Loaded:
    try:
        from .petrarch_dict import read_dictionary
    except ImportError as exc:
        raise KnowledgeBaseError(f"{path}: PETRARCH dictionaries need newsgraph.actors.petrarch_dict: {exc}") from exc
    out = Loaded()
    for rec in read_dictionary(path):
        if isinstance(rec, KBEntry):
            out.entries.append(rec)
        else:
            out.agents.append(rec)
    return out


def read_yaml_data(data: Any, ref: str, source: str) -> Loaded:
    """Dispatch on the shape: ISO3 mapping = countries; list of {title} = titles; list = entries."""
    if data is None:
        return Loaded()
    if isinstance(data, dict):
        sections = {k: v for k, v in data.items() if k in ("countries", "organisations", "institutions",
                                                             "people", "titles", "groups")}
        if sections:
            out = Loaded()
            for key, value in sections.items():
                out.extend(read_yaml_data(value, f"{ref}[{key}]", source) if key != "countries"
                           else Loaded(entries=read_countries(value, ref, source)))
            return out
        return Loaded(entries=read_countries(data, ref, source))
    if isinstance(data, list):
        out = Loaded()
        for i, item in enumerate(data):
            if not isinstance(item, dict):
                raise KnowledgeBaseError(f"{ref}: item {i + 1} is not a mapping")
            if "title" in item and "name" not in item:
                out.titles.append(_title(item, ref, i))
            else:
                out.entries.append(_entry(item, ref, i, source))
        return out
    raise KnowledgeBaseError(f"{ref}: expected a mapping of ISO3 codes or a list of entries")


def read_countries(data: Any, ref: str, source: str) -> list[KBEntry]:
    if not isinstance(data, dict):
        raise KnowledgeBaseError(f"{ref}: countries must be a mapping of ISO3 codes")
    out = []
    for code, item in data.items():
        code = str(code)
        if not _ISO3.match(code):
            raise KnowledgeBaseError(f"{ref}: {code!r} is not an ISO 3166-1 alpha-3 code")
        item = item or {}
        if not isinstance(item, dict):
            raise KnowledgeBaseError(f"{ref}: {code}: expected a mapping with name/aliases/demonyms/capitals")
        out.append(KBEntry(
            name=str(item.get("name") or ""), kind="state", code=code,
            aliases=_strings(item.get("aliases"), ref, code),
            demonyms=_strings(item.get("demonyms"), ref, code),
            capitals=_strings(item.get("capitals"), ref, code),
            sector=item.get("sector"), source=source,
        ))
    return out


def _entry(item: dict, ref: str, i: int, source: str) -> KBEntry:
    name = item.get("name")
    if not name:
        raise KnowledgeBaseError(f"{ref}: item {i + 1} has no name")
    kind = item.get("kind") or ("person" if item.get("role") else "organisation")
    if kind not in _KINDS:
        raise KnowledgeBaseError(f"{ref}: {name}: unknown kind {kind!r} (expected one of {', '.join(_KINDS)})")
    code = item.get("code")
    if kind == "group" and not code:
        code = str(name)
    return KBEntry(
        name=str(name), kind=kind, code=str(code) if code is not None else None,
        aliases=_strings(item.get("aliases"), ref, name), sector=item.get("sector"),
        role=item.get("role"), country=item.get("country"), parent=item.get("parent"),
        demonyms=_strings(item.get("demonyms"), ref, name), capitals=_strings(item.get("capitals"), ref, name),
        start=_date(item.get("start"), ref, name), end=_date(item.get("end"), ref, name), source=source,
    )


def _title(item: dict, ref: str, i: int) -> TitleEntry:
    return TitleEntry(title=str(item["title"]), sector=item.get("sector") or "GOV",
                      aliases=_strings(item.get("aliases"), ref, item["title"]))


def read_office_holders(text: str, ref: str, source: str) -> list[KBEntry]:
    reader = csv.DictReader(io.StringIO(text))
    header = tuple(h.strip() for h in (reader.fieldnames or ()))
    missing = [h for h in ("name", "role", "code") if h not in header]
    if missing:
        raise KnowledgeBaseError(f"{ref}: CSV header lacks {', '.join(missing)} (expected {','.join(CSV_HEADER)})")
    out = []
    for n, row in enumerate(reader, start=2):
        row = {k.strip(): (v or "").strip() for k, v in row.items() if k}
        if not row.get("name"):
            continue
        where = f"line {n}"
        out.append(KBEntry(
            name=row["name"], kind="person", code=row.get("code") or None,
            aliases=[a.strip() for a in row.get("aliases", "").split("|") if a.strip()],
            role=row.get("role") or None, country=row.get("country") or None, sector=row.get("sector") or None,
            start=_date(row.get("start"), ref, where), end=_date(row.get("end"), ref, where), source=source,
        ))
    return out


def _strings(value: Any, ref: str, owner: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, Iterable):
        return [str(v) for v in value if v is not None and str(v).strip()]
    raise KnowledgeBaseError(f"{ref}: {owner}: expected a list of names, got {value!r}")


def _date(value: Any, ref: str, owner: Any) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise KnowledgeBaseError(f"{ref}: {owner}: {value!r} is not a date (YYYY-MM-DD)") from exc
