"""PLOVER as data: types, quad categories, modes, scores, contexts, the CAMEO map, triggers.

Everything is read from ``events/data`` (plover.yaml, cameo_plover.tsv, triggers.yaml) through
importlib.resources, once per ``Ontology.load`` call; the pipeline loads one Ontology per
process. The store and the analysis layer take quad categories and scores from here.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from ..errors import KnowledgeBaseError
from .lexicon import Lexicon, parse_groups, read_trigger_file
from .petrarch_verbs import load_verb_triggers, looks_like_discard_list, looks_like_verb_dictionary, read_discards

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


@dataclass(frozen=True)
class EventType:
    name: str
    quad: int
    score: float
    definition: str
    cameo: str
    modes: dict[str, dict]


@lru_cache(maxsize=1)
def _packaged() -> tuple[dict, dict[str, tuple[str, str, str]]]:
    base = resources.files("newsgraph.events").joinpath("data")
    plover = yaml.safe_load(base.joinpath("plover.yaml").read_text("utf-8"))
    cameo: dict[str, tuple[str, str, str]] = {}
    for line in base.joinpath("cameo_plover.tsv").read_text("utf-8").splitlines():
        if not line or line.startswith("#") or line.startswith("cameo\t"):
            continue
        code, typ, mode, ctx = (line.split("\t") + ["", "", ""])[:4]
        cameo[code] = (typ, mode, ctx)
    for code, v in (plover.get("cameo_roots_extra") or {}).items():
        cameo.setdefault(str(code), (v["type"], v.get("mode", ""), v.get("context", "")))
    return plover, cameo


@dataclass
class Ontology:
    """The PLOVER ontology plus the trigger lexicon used to find events."""

    event_types: dict[str, EventType]
    contexts: dict[str, str]
    cameo_map: dict[str, tuple[str, str, str]]
    triggers: Lexicon = field(default_factory=Lexicon)
    # one account per PETRARCH/TABARI verb dictionary among the trigger files (petrarch_verbs)
    verb_dictionaries: list = field(default_factory=list)

    @classmethod
    def load(cls, extra_trigger_files=()) -> "Ontology":
        """The packaged ontology and lexicon, then the user's trigger files in order: our YAML
        format, a PETRARCH/TABARI verb dictionary (a ``.txt`` file or one that reads as such), or
        a PETRARCH discard list (``*.discards.txt``)."""
        plover, cameo = _packaged()
        types = {
            name: EventType(name=name, quad=int(t["quad"]), score=float(t["score"]),
                            definition=t["definition"], cameo=str(t["cameo"]), modes=t.get("modes") or {})
            for name, t in plover["types"].items()
        }
        onto = cls(event_types=types, contexts=dict(plover["contexts"]), cameo_map=dict(cameo))
        known = set(types)
        for trig in read_trigger_file(None, known):
            onto.triggers.add(trig)
        # the CAMEO verb categories written out (events/data/triggers_core.yaml), after the base lexicon
        core = resources.files("newsgraph.events").joinpath("data/triggers_core.yaml").read_text("utf-8")
        for trig in parse_groups(yaml.safe_load(core), "newsgraph/events/data/triggers_core.yaml", known):
            onto.triggers.add(trig)
        for path in extra_trigger_files or ():
            if looks_like_discard_list(path):
                for first, phrases in read_discards(path).items():
                    onto.triggers.discards.setdefault(first, []).extend(phrases)
            elif looks_like_verb_dictionary(path):
                trigs, account = load_verb_triggers(path, onto.cameo_to_plover, onto.triggers)
                onto.verb_dictionaries.append(account)
                # the dictionary decides everything a verb it lists codes, as in PETRARCH
                onto.triggers.add_many(trigs, whole_heads=True)
            else:
                onto.triggers.add_many(read_trigger_file(Path(path), known), replace=True)
        onto.triggers.prepare()
        return onto

    @property
    def types(self) -> tuple[str, ...]:
        return tuple(self.event_types)

    def _type(self, type_: str) -> EventType:
        try:
            return self.event_types[type_]
        except KeyError:
            raise KnowledgeBaseError(f"plover.yaml: unknown PLOVER type {type_!r}") from None

    def quad(self, type_: str) -> int:
        """1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict."""
        return self._type(type_).quad

    def intensity(self, type_: str, mode: str | None = None) -> float:
        """PLOVER conflict-cooperation score (-10..+10) of a type, or of its mode when scored."""
        t = self._type(type_)
        m = t.modes.get(mode or "") or {}
        return float(m.get("score", t.score))

    def modes(self, type_: str) -> tuple[str, ...]:
        return tuple(self._type(type_).modes)

    def definition(self, type_: str) -> str:
        return self._type(type_).definition

    def cameo_to_plover(self, code: str) -> tuple[str, str | None, str | None] | None:
        """(type, mode, context) of a CAMEO code; unlisted codes fall back to their parent."""
        code = str(code).strip()
        while code:
            hit = self.cameo_map.get(code)
            if hit:
                typ, mode, ctx = hit
                return typ, mode or None, ctx or None
            code = code[:-1] if len(code) > 3 else code[:2] if len(code) == 3 else ""
        return None

    def default_cameo(self, type_: str, mode: str | None = None) -> str:
        t = self._type(type_)
        m = t.modes.get(mode or "") or {}
        return str(m.get("cameo", t.cameo))
