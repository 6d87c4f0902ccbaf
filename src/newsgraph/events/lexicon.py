"""The trigger lexicon: words and phrases that signal a PLOVER event, indexed by head lemma.

Data lives in ``events/data/triggers.yaml`` (format documented at its top and in
docs/events.md); users add files in the same format. Entries are compiled once into a dict
keyed by (head lemma, part of speech), so matching a document costs one dict lookup per token
whatever the size of the lexicon.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from ..errors import KnowledgeBaseError

FRAMES = ("agent", "transfer", "symmetric", "receive", "speech", "label")
# Second words that make a verb phrase "verb + particle/preposition" rather than "verb + object".
PARTICLES = frozenset(
    "on upon off up down out back in away over for to with into against from by at about around of".split()
)
DEFAULT_TARGETS = {"verb": ("dobj",), "noun": ("against", "on", "to", "for", "with")}


@dataclass(frozen=True)
class Trigger:
    """One lexicon entry: a head lemma (plus required dependents) and what it codes."""

    lemma: str
    pos: str  # "verb" | "noun"
    type: str
    cameo: str
    frame: str = "agent"
    mode: str | None = None
    requires: tuple[str, ...] = ()  # lemmas that must hang from the head (child or grandchild)
    target: tuple[str, ...] = ()
    source_file: str = "package"
    intransitive: bool = False  # the event stands without a target ("the rebels surrendered")

    @property
    def phrase(self) -> str:
        return " ".join((self.lemma, *self.requires)) if self.pos == "verb" else " ".join((*self.requires, self.lemma))


@dataclass
class Lexicon:
    """Triggers indexed by (lemma, pos); most specific (most required words) first."""

    index: dict[tuple[str, str], list[Trigger]] = field(default_factory=dict)

    def add(self, trig: Trigger, replace: bool = False) -> None:
        key = (trig.lemma, trig.pos)
        entries = self.index.setdefault(key, [])
        if replace:
            entries[:] = [e for e in entries if e.requires != trig.requires]
        elif any(e.requires == trig.requires and e.type == trig.type for e in entries):
            return
        entries.append(trig)
        entries.sort(key=lambda e: -len(e.requires))

    def candidates(self, lemma: str, pos: str) -> list[Trigger]:
        return self.index.get((lemma, pos), [])

    def __len__(self) -> int:
        return sum(len(v) for v in self.index.values())

    def __iter__(self):
        for entries in self.index.values():
            yield from entries


def _expand(item: str, pos: str) -> tuple[str, tuple[str, ...]]:
    words = item.lower().split()
    if pos == "verb":
        return words[0], tuple(words[1:])
    return words[-1], tuple(words[:-1])


def parse_groups(data: object, origin: str, known_types: set[str]) -> list[Trigger]:
    """Turn a loaded triggers YAML document into Trigger entries, validating every field."""
    if not isinstance(data, dict) or not isinstance(data.get("groups"), list):
        raise KnowledgeBaseError(f"{origin}: a trigger file needs a top-level 'groups' list")
    out: list[Trigger] = []
    for n, g in enumerate(data["groups"], 1):
        where = f"{origin}: group {n}"
        if not isinstance(g, dict):
            raise KnowledgeBaseError(f"{where}: expected a mapping, got {type(g).__name__}")
        typ = str(g.get("type", "")).upper()
        if typ not in known_types:
            raise KnowledgeBaseError(f"{where}: unknown PLOVER type {g.get('type')!r}")
        frame = g.get("frame", "agent")
        if frame not in FRAMES:
            raise KnowledgeBaseError(f"{where}: frame must be one of {', '.join(FRAMES)}, not {frame!r}")
        cameo = str(g.get("cameo", "")).strip()
        if not cameo.isdigit():
            raise KnowledgeBaseError(f"{where}: 'cameo' must be a CAMEO code such as \"190\", not {cameo!r}")
        # YAML 1.1 reads a bare on/off as a boolean: take it back as the preposition
        target = tuple({True: "on", False: "off"}.get(t, str(t)).lower() if isinstance(t, bool) else str(t).lower()
                       for t in g.get("target", ()) or ())
        for pos, key in (("verb", "verbs"), ("noun", "nouns")):
            for item in g.get(key, ()) or ():
                if not isinstance(item, str) or not item.strip():
                    raise KnowledgeBaseError(f"{where}: {key} entries must be non-empty strings")
                lemma, req = _expand(item, pos)
                out.append(Trigger(lemma=lemma, pos=pos, type=typ, cameo=cameo, frame=frame,
                                   mode=g.get("mode") or None, requires=req,
                                   target=target or DEFAULT_TARGETS[pos], source_file=origin,
                                   intransitive=bool(g.get("intransitive"))))
        if not g.get("verbs") and not g.get("nouns"):
            raise KnowledgeBaseError(f"{where}: a group needs 'verbs' or 'nouns'")
    return out


def read_trigger_file(path: Path | None, known_types: set[str]) -> list[Trigger]:
    """Read the packaged lexicon (path None) or a user's file."""
    if path is None:
        origin = "newsgraph/events/data/triggers.yaml"
        text = resources.files("newsgraph.events").joinpath("data/triggers.yaml").read_text("utf-8")
    else:
        origin = str(path)
        try:
            text = Path(path).read_text("utf-8")
        except OSError as exc:
            raise KnowledgeBaseError(f"{origin}: cannot read trigger file ({exc.strerror})") from exc
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise KnowledgeBaseError(f"{origin}: not valid YAML ({exc})") from exc
    return parse_groups(data, origin, known_types)


@lru_cache(maxsize=1)
def pejoratives() -> frozenset[str]:
    """Words that turn a characterisation ("described it as ...") into a condemnation."""
    text = resources.files("newsgraph.events").joinpath("data/pejoratives.txt").read_text("utf-8")
    return frozenset(w.strip().lower() for w in text.splitlines() if w.strip() and not w.startswith("#"))
