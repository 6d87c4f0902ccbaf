"""PersonMemory: what earlier articles said about people, for articles that say nothing.

"Jens Stoltenberg, Secretary General of NATO" in one article lets a later "Stoltenberg
said" be coded NATO. Only facts an article states itself (titles, appositions) are learnt,
never facts that were themselves guessed from memory. Rows match the store's
``person_facts`` table (name, role, code, country, seen) so the store can persist them.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from .kb import surname_of
from .normalise import name_key


@dataclass
class PersonFact:
    name: str
    role: str | None = None
    code: str | None = None
    country: str | None = None
    seen: str | None = None  # ISO date of the article that taught it


class PersonMemory:
    """Name → the latest fact learnt about that person; also reachable by a unique surname."""

    def __init__(self, facts: list[PersonFact] | None = None):
        self._facts: dict[str, PersonFact] = {}
        for f in facts or []:
            self._facts[name_key(f.name)] = f

    def __len__(self) -> int:
        return len(self._facts)

    def recall(self, name: str) -> PersonFact | None:
        """The fact for a full name, or for a bare surname when only one remembered person has it."""
        fact = self._facts.get(name_key(name))
        if fact is not None:
            return fact
        if " " in name.strip():
            return None
        key = name_key(name)
        found = [f for f in self._facts.values() if surname_of(f.name) == key]
        return found[0] if len(found) == 1 else None

    def learn(self, name: str, role: str | None, code: str | None, country: str | None = None,
              seen: date | None = None) -> None:
        """Remember what an article said; a later article's facts replace an earlier one's."""
        if code is None and role is None:
            return
        key = name_key(name)
        old = self._facts.get(key)
        iso = seen.isoformat() if seen else None
        if old is not None and old.seen and iso and iso < old.seen:
            return
        self._facts[key] = PersonFact(name=name, role=role or (old.role if old else None),
                                      code=code or (old.code if old else None),
                                      country=country or (old.country if old else None), seen=iso)

    def to_rows(self) -> list[dict[str, Any]]:
        return [asdict(f) for f in self._facts.values()]

    @classmethod
    def from_rows(cls, rows: list[dict[str, Any]]) -> "PersonMemory":
        return cls([PersonFact(name=r["name"], role=r.get("role"), code=r.get("code"),
                               country=r.get("country"), seen=r.get("seen")) for r in rows])
