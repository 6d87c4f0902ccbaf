"""The knowledge base: every actor newsgraph can recognise by name, built once per process.

Sources, in order (later ones add names and may add entries; nothing is removed):

1. pycountry: every ISO 3166 state with its official and common names;
2. the package data in ``newsgraph/actors/data/`` (countries.yaml, organisations.yaml,
   institutions.yaml, office_holders.csv, titles.yaml), read through importlib.resources;
3. the user's files (``NEWSGRAPH_KB``, ``--kb``): the same formats, or PETRARCH dictionaries.

Lookup structures are built at construction: an index from alias token tuples to entries
(scanned over a document with one dict probe per token and alias length, so the cost per
document does not grow with the size of the knowledge base), surnames of office holders,
title phrases, and office holders by (title, code) for "the NATO Secretary General".
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import KnowledgeBaseError
from .kb_records import KBEntry, TitleEntry
from .loaders import Loaded, read_path, read_text_file
from .normalise import alias_key, fold, save_alias_cache

PACKAGE_FILES = ("countries.yaml", "organisations.yaml", "institutions.yaml", "office_holders.csv", "titles.yaml")

# When one alias names several entries, the kind that wins (a state name over a person's).
_KIND_RANK = {"state": 0, "organisation": 1, "group": 2, "person": 3, "location": 4}
_HOW_RANK = {"name": 0, "alias": 0, "demonym": 1, "capital": 2, "surname": 3}
_FUNCTION_WORDS = {"of", "the", "and", "for", "to", "in", "on", "at", "a", "an", "'s", "-", "&"}
_NAME_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}


@dataclass(frozen=True)
class AliasHit:
    """An entry reachable through one alias, and what sort of alias it is."""

    entry: KBEntry
    how: str  # name | alias | demonym | capital | surname


class KnowledgeBase:
    """States, organisations, groups, institutions, office holders and titles, indexed."""

    def __init__(self, entries: Iterable[KBEntry], titles: Iterable[TitleEntry] = (), agents: Sequence = ()):
        self.entries: list[KBEntry] = []
        self.states: dict[str, KBEntry] = {}
        self.titles: list[TitleEntry] = list(titles)
        self.agents = list(agents)
        self._merge(entries)
        self._build_indexes()

    # ------------------------------------------------------------------ construction

    @classmethod
    def load(cls, extra_files: Sequence[Path] = (), package_data: bool = True) -> "KnowledgeBase":
        """pycountry + the package data files + the user's files, indexed.

        ``package_data=False`` leaves out ``actors/data`` (tests that bring their own small files).
        """
        loaded = Loaded(entries=list(_pycountry_states()))
        if package_data:
            loaded.extend(_package_data())
        for path in extra_files:
            loaded.extend(read_path(Path(path)))
        kb = cls(loaded.entries, loaded.titles, loaded.agents)
        save_alias_cache()
        return kb

    def _merge(self, entries: Iterable[KBEntry]) -> None:
        """States merge by code (names from every file add up); other entries are kept as given.

        A dated state entry (a PETRARCH code in force for a while: "ZIMBABWE [RHO <790606]")
        is kept apart so that its names count only in its period (``in_force``); a dictionary
        name never renames a known state ("SAINT_BARTHELEMY [FRA]" is another name of France,
        not France's name): new names are kept as places standing for it (``_as_places``).
        """
        self._canonical: dict[int, KBEntry] = {}
        joints: list[tuple[list[str], list[KBEntry]]] = []
        for e in entries:
            if e.joint and e is e.joint[0]:
                joints.append(([e.name, *e.aliases], e.joint))  # its names before any merge
            if e.kind == "state" and e.code:
                known = self.states.get(e.code)
                if known is not None and not known.dated and e.source.startswith("petrarch:"):
                    _as_places(e, known)
                if known is None:
                    if not e.name:
                        e.name = e.aliases[0] if e.aliases else e.code
                    self.states[e.code] = e
                    self.entries.append(e)
                    continue
                if e.dated or known.dated:
                    if known.dated and not e.dated:
                        self.states[e.code] = e  # the undated entry names the state
                    self.entries.append(e)
                    continue
                self._canonical[id(e)] = known
                if e.name and e.source != "pycountry" and not e.source.startswith("petrarch:"):
                    if known.name and known.name != e.name:
                        known.aliases.append(known.name)
                    known.name = e.name
                known.aliases.extend(a for a in e.aliases if a not in known.aliases)
                for attr in ("demonyms", "capitals"):
                    have = getattr(known, attr)
                    have.extend(a for a in getattr(e, attr) if a not in have)
                continue
            if e.kind == "organisation" and e.country is None and e.code in self.states:
                e.country = e.code
            self.entries.append(e)
        self._joints = [(names, [self._canonical.get(id(m), m) for m in group]) for names, group in joints]

    def _build_indexes(self) -> None:
        alias: dict[tuple[str, ...], list[AliasHit]] = defaultdict(list)
        surnames: dict[str, list[KBEntry]] = defaultdict(list)

        mixed: set[tuple[str, ...]] = set()
        upper: set[tuple[str, ...]] = set()

        def add(name: str, entry: KBEntry, how: str) -> None:
            for variant in _variants(name):
                key = alias_key(variant)
                letters = [c for c in variant.removeprefix("the ") if c.isalpha()]
                (upper if letters and all(c.isupper() for c in letters) else mixed).add(key)
                if key and not any(h.entry is entry and h.how == how for h in alias[key]):
                    alias[key].append(AliasHit(entry, how))

        # function words inside titles ("Secretary of State") do not make a word a title
        self._title_words = {w for t in self.titles for name in [t.title, *t.aliases]
                             for w in alias_key(name) if w not in _FUNCTION_WORDS and any(c.isalpha() for c in w)}
        for e in self.entries:
            how_name = "name"
            add(e.name, e, how_name)
            for a in e.aliases:
                if e.kind == "person" and e.source.startswith("petrarch:") and self._titled(a):
                    # "RUSSIAN_PRESIDENT_VLADIMIR_PUTIN": the title and the state are read by the
                    # title rules (a role, a mention of Russia); the name alone finds the person
                    continue
                add(a, e, "alias")
            for d in e.demonyms:
                add(d, e, "demonym")
            for c in e.capitals:
                add(c, e, "capital")
            if e.kind == "person":
                for n in [e.name, *e.aliases]:
                    s = surname_of(n)
                    if s and e not in surnames[s]:
                        surnames[s].append(e)
        for hits in alias.values():
            hits.sort(key=lambda h: (_HOW_RANK[h.how], _KIND_RANK.get(h.entry.kind, 9)))
        self._alias = dict(alias)
        joint: dict[tuple[str, ...], list[KBEntry]] = {}
        for names, group in self._joints:
            for name in names:
                for variant in _variants(name):
                    key = alias_key(variant)
                    if key:
                        have = joint.setdefault(key, [])
                        have.extend(m for m in group if m not in have)
        self._joint = joint
        # "UN", "US": an alias written only in capitals matches only capitals ("Un", "us" do not)
        self.upper_only = frozenset(upper - mixed)
        self._surnames = dict(surnames)
        self.max_alias_len = max((len(k) for k in self._alias), default=1)
        self._first_lengths: dict[str, tuple[int, ...]] = {}
        lengths: dict[str, set[int]] = defaultdict(set)
        for k in self._alias:
            lengths[k[0]].add(len(k))
        self._first_lengths = {k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()}

        self._titles: dict[tuple[str, ...], TitleEntry] = {}
        for t in self.titles:
            for name in [t.title, *t.aliases]:
                key = alias_key(name)
                if key:
                    self._titles.setdefault(key, t)
        self.max_title_len = max((len(k) for k in self._titles), default=1)
        title_lengths: dict[str, set[int]] = defaultdict(set)
        for k in self._titles:
            title_lengths[k[0]].add(len(k))
        self._title_lengths = {k: tuple(sorted(v, reverse=True)) for k, v in title_lengths.items()}

        self._orgs: dict[str, KBEntry] = {}
        for e in self.entries:
            if e.kind in ("organisation", "group") and e.code and e.code not in self.states:
                known = self._orgs.get(e.code)
                if known is None or (known.parent and not e.parent):
                    self._orgs[e.code] = e

        holders: dict[tuple[str, str | None], list[KBEntry]] = defaultdict(list)
        for e in self.entries:
            if e.kind == "person" and e.role:
                holders[(self.canonical_title(e.role), e.code)].append(e)
        self._holders = dict(holders)

    def _titled(self, name: str) -> bool:
        """Whether a person's alias carries a title before the name ("President Firefly")."""
        return any(w in self._title_words for w in alias_key(name)[:-1])

    # ------------------------------------------------------------------ lookups

    def hits(self, key: tuple[str, ...]) -> list[AliasHit]:
        """Every entry an alias (as token keys) names, best first."""
        return self._alias.get(key, [])

    @property
    def has_joint_names(self) -> bool:
        """Whether any name stands for several actors at once (dictionaries with "[A/B]")."""
        return bool(self._joint)

    def joint(self, key: tuple[str, ...], when: date | None = None) -> list[KBEntry]:
        """Every actor a name stands for at once (a dictionary phrase with several codes), in
        force on ``when``; [] for a name that stands for one actor."""
        group = [e for e in self._joint.get(key, ()) if in_force(e, when)]
        return group if len(group) > 1 else []

    def lengths_from(self, first_key: str) -> tuple[int, ...]:
        """Alias lengths (in tokens, longest first) that start with this token key."""
        return self._first_lengths.get(first_key, ())

    def lookup(self, name: str, when: date | None = None) -> KBEntry | None:
        """The entry a name denotes; a person's entry is the one in office on ``when``."""
        hits = current_hits(self.hits(alias_key(name)), when)
        if not hits:
            return None
        persons = [h.entry for h in hits if h.entry.kind == "person"]
        others = [h.entry for h in hits if h.entry.kind != "person"]
        if others:
            return others[0]
        return choose_by_date(persons, when)

    def persons_by_surname(self, surname: str, when: date | None = None) -> list[KBEntry]:
        """Office holders with this surname (one per person, the entry for ``when``)."""
        by_name: dict[str, list[KBEntry]] = defaultdict(list)
        for e in self._surnames.get(fold(surname), []):
            by_name[e.name].append(e)
        return [choose_by_date(v, when) for v in by_name.values()]

    def person(self, name: str, when: date | None = None) -> KBEntry | None:
        """An office holder by full name or alias, the entry for ``when``."""
        persons = [h.entry for h in self.hits(alias_key(name)) if h.entry.kind == "person"]
        return choose_by_date(persons, when) if persons else None

    def title_lengths_from(self, first_key: str) -> tuple[int, ...]:
        """Title lengths (in tokens, longest first) that start with this token key."""
        return self._title_lengths.get(first_key, ())

    def title(self, key: tuple[str, ...]) -> TitleEntry | None:
        return self._titles.get(key)

    def is_title_word(self, key: str) -> bool:
        return key in self._title_words

    def canonical_title(self, role: str) -> str:
        """The canonical form of a role ("foreign minister" → the titles file's own title)."""
        t = self._titles.get(alias_key(role))
        return fold(t.title) if t else fold(role)

    def holder(self, role: str, code: str | None, when: date | None = None) -> KBEntry | None:
        """Who held ``role`` for ``code`` on ``when`` ("Secretary General", "NATO", 2025 → Rutte)."""
        entries = self._holders.get((self.canonical_title(role), code), [])
        current = [e for e in entries if e.in_office(when)]
        return current[0] if len(current) == 1 else None

    def state(self, code: str | None) -> KBEntry | None:
        return self.states.get(code) if code else None

    def org(self, code: str | None) -> KBEntry | None:
        """The organisation a code stands for (the organisation itself, not one of its organs)."""
        return self._orgs.get(code) if code else None


def _as_places(e: KBEntry, known: KBEntry) -> None:
    """A dictionary's other names for a known state are mostly its cities and regions
    (Phoenix lists a country's cities as synonyms of its record): like a capital, such a name
    is the state where it acts ("Basra said") and a place where it is one ("fighting in
    Basra"). Names the state
    already has keep their standing; the entry's own name is the state's when it is one of them."""
    names = {alias_key(n) for n in [known.name, *known.aliases]}
    demonyms = {alias_key(n) for n in known.demonyms}
    given = [n for n in [e.name, *e.aliases] if n]
    e.demonyms = _dedupe_keys([*e.demonyms, *(n for n in given if alias_key(n) in demonyms)])
    e.capitals = _dedupe_keys([*e.capitals, *(n for n in given if alias_key(n) not in names | demonyms)])
    e.aliases = [n for n in e.aliases if alias_key(n) in names]
    if e.name and alias_key(e.name) not in names:
        e.name = known.name


def _dedupe_keys(names) -> list[str]:
    seen: dict[tuple[str, ...], str] = {}
    for n in names:
        seen.setdefault(alias_key(n), n)
    return list(seen.values())


def in_force(entry: KBEntry, when: date | None) -> bool:
    """Whether an entry counts on ``when``; without a date, entries that have not ended do."""
    return entry.end is None if when is None else entry.in_office(when)


def current_hits(hits: list[AliasHit], when: date | None) -> list[AliasHit]:
    """The hits in force on ``when`` (all of them when none is), best first; of two entries
    of one kind, a dated one in force beats an undated one ("Zimbabwe" in 1978 is RHO)."""
    if not any(h.entry.dated for h in hits):
        return hits
    keep = [h for h in hits if in_force(h.entry, when)] or hits
    return sorted(keep, key=lambda h: (_HOW_RANK[h.how], _KIND_RANK.get(h.entry.kind, 9), not h.entry.dated))


def choose_by_date(entries: list[KBEntry], when: date | None) -> KBEntry:
    """The entry in office on ``when``; else the latest one that ended before it; else the first."""
    if when is None or len(entries) == 1:
        return entries[0]
    current = [e for e in entries if e.in_office(when)]
    if current:
        return current[0]
    past = [e for e in entries if e.end is not None and e.end < when]
    if past:
        return max(past, key=lambda e: e.end)
    return min(entries, key=lambda e: e.start or date.max)


def surname_of(name: str) -> str | None:
    """The last name token, suffixes such as Jr. dropped ("Ferdinand R. Marcos Jr." → "marcos")."""
    words = [w for w in alias_key(name) if w not in (",", ".")]
    while words and words[-1] in _NAME_SUFFIXES:
        words.pop()
    if len(words) < 2:
        return None
    return words[-1]


def _variants(name: str) -> list[str]:
    """An alias as written, and without the dots of an abbreviation ("U.S." → "US")."""
    if not name:
        return []
    out = [name]
    if "." in name:
        bare = name.replace(".", "")
        letters = [c for c in bare if c.isalpha()]
        if letters and all(c.isupper() for c in letters):
            out.append(bare)
    return out


def _pycountry_states() -> list[KBEntry]:
    return [KBEntry(name=e.name, kind="state", code=e.code, aliases=list(e.aliases), source="pycountry")
            for e in _pycountry_cached()]


@lru_cache(maxsize=1)
def _pycountry_cached() -> tuple[KBEntry, ...]:
    import pycountry

    out = []
    for c in pycountry.countries:
        names = [getattr(c, "common_name", None), c.name, getattr(c, "official_name", None)]
        names = [n for n in names if n and "," not in n]
        if not names:
            # "Congo, The Democratic Republic of the": only the comma form exists
            head, _, tail = c.name.partition(",")
            names = [f"{tail.strip()} {head.strip()}".replace("The ", "the ", 1).strip()]
        out.append(KBEntry(name=names[0], kind="state", code=c.alpha_3, aliases=names[1:], source="pycountry"))
    return tuple(out)


@lru_cache(maxsize=1)
def _package_data() -> Loaded:
    folder = resources.files("newsgraph.actors") / "data"
    out = Loaded()
    missing = []
    for name in PACKAGE_FILES:
        res = folder / name
        if not res.is_file():
            missing.append(name)
            continue
        try:
            text = res.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise KnowledgeBaseError(f"{res}: cannot read package knowledge-base file: {exc}") from exc
        out.extend(read_text_file(str(res), text, "package"))
    if missing:
        raise KnowledgeBaseError(
            f"{folder}: package knowledge-base files missing: {', '.join(missing)} (reinstall newsgraph)")
    return out


__all__ = ["KnowledgeBase", "AliasHit", "choose_by_date", "current_hits", "in_force", "surname_of",
           "PACKAGE_FILES"]
