"""The records a knowledge base is made of, whatever file they come from.

Package data (``actors/data/*``), a user's own YAML/CSV file and PETRARCH/TABARI
dictionaries all load into these, so the resolver sees one shape.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass
class KBEntry:
    """One actor the knowledge base can recognise by any of its names.

    - state: ``code`` ISO 3166-1 alpha-3; ``aliases`` short names ("North Korea", "the U.S."),
      ``demonyms`` ("Russian", "Russians"), ``capitals`` used as metonyms ("Moscow").
    - organisation: ``code`` the acronym (NATO, UN); an organ ("UN Security Council") carries
      its parent's code and ``parent``; a body of a state (a ministry, "the Kremlin") carries the
      state's code and ``country``.
    - person: office holder, ``role`` and ``code`` of the state/organisation served, ``country``
      their nationality, and the period of office (``start``/``end``; None = open).
    - group: non-state armed or political group; ``code`` is its canonical name.
    """

    name: str
    kind: str
    code: str | None = None
    aliases: list[str] = field(default_factory=list)
    sector: str | None = None
    role: str | None = None
    country: str | None = None
    parent: str | None = None
    demonyms: list[str] = field(default_factory=list)
    capitals: list[str] = field(default_factory=list)
    start: date | None = None
    end: date | None = None
    source: str = "package"  # which file it came from: "package", a user path, "petrarch:<file>"
    # Every entry one name stands for at once, this one included: a PETRARCH phrase with
    # several codes ("[FRO/BIL/SAM]") names several actors. Empty for ordinary entries.
    joint: list["KBEntry"] = field(default_factory=list, repr=False, compare=False)

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def in_office(self, when: date | None) -> bool:
        """True when ``when`` falls in the period of office (always True without a date)."""
        if when is None:
            return True
        if self.start is not None and when < self.start:
            return False
        if self.end is not None and when > self.end:
            return False
        return True


@dataclass
class TitleEntry:
    """A role word or phrase that marks a person's office ("Secretary of State", "President")."""

    title: str
    sector: str = "GOV"
    aliases: list[str] = field(default_factory=list)


@dataclass
class AgentEntry:
    """A common noun that gives an actor its sector, from a PETRARCH ``.agents`` dictionary.

    "police" → ``COP``, "foreign minister" → ``GOVFRM``: the agent names no one, it qualifies
    the actor it is attached to ("Russian police" → RUS + COP). ``code`` is the agent code
    without its ``~``; ``before`` is True for codes written ``NGO~`` (prefixed to the actor's
    code, used for kinds of organisation); ``sector`` is the code's first three letters.
    """

    phrase: str
    code: str
    sector: str | None = None
    aliases: list[str] = field(default_factory=list)
    before: bool = False
    source: str = "package"
