"""Scoring against the PETRARCH2 unit-test records (``PETR.UnitTest.records.xml``).

The records are short, mostly stylised sentences about fictional states (Arnor, Gondor...)
whose actors exist only in the suite's own dictionaries; the evaluator therefore loads
``PETR.Validate.actors.txt`` and ``PETR.Validate.agents.txt`` into the knowledge base, the way
a user passes dictionaries with ``--kb``. Expected codings are CAMEO event codes; they are
compared at the PLOVER type level through the ontology's CAMEO map. Reported:

- **found**: share of expected codings (with a PLOVER equivalent) matched by an extracted
  event of that type whose sources match the expected source code and whose targets match
  the expected target code (``plover_gsr.actor_matches``; sector elements ignored);
- **type**: the same with actors ignored;
- **false alarms**: share of the ``noevents`` sentences that produce an event.

Two runs are reported. The first (the issue's criterion) loads only the suite's actor and agent
dictionaries: newsgraph's own trigger lexicon decides what the verbs code. The second also
loads the suite's verb dictionary ``PETR.Validate.verbs.txt`` (and its discard list) as trigger
files (``events.petrarch_verbs``), which is how PETRARCH itself runs its suite: many expected codes
exist only there ("welcomed ... ties" is 041 because WELCOME is 041 in that file, "warned of"
160), so the second figure measures reading the community's verb format, not general coding.

Codings marked ``error`` (tests of PETRARCH's own error handling) are not scored; codes with
no PLOVER equivalent are counted apart. CAMEO writes a symmetric event ("A and B met") as two
codings, A→B and B→A, with the same code; newsgraph stores it once (``extract._dedup``), so a
coding whose reverse is also expected is matched by an event in either direction. An expected
``---`` (no actor: "a senior official said", coded with no target) is matched by an event with
no actor on that side.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..records import Article, Extraction
from .plover_gsr import actor_matches

RECORDS_FILE = "PETR.UnitTest.records.xml"
DICTIONARIES = ("PETR.Validate.actors.txt", "PETR.Validate.agents.txt")
VERB_DICTIONARY = "PETR.Validate.verbs.txt"
DISCARDS = "PETR.Validate.discards.txt"


@dataclass
class Coding:
    source: str
    target: str
    cameo: str


@dataclass
class UnitSentence:
    id: str
    category: str
    text: str
    published: date | None
    codings: list[Coding] = field(default_factory=list)
    no_event: bool = False


@dataclass
class PetrarchReport:
    sentences: int = 0
    codings: int = 0  # expected codings with a PLOVER type
    unmapped: int = 0  # expected codings whose CAMEO code has no PLOVER type
    found: int = 0
    type_found: int = 0
    no_event_sentences: int = 0
    false_alarms: int = 0
    by_category: dict[str, list[int]] = field(default_factory=dict)  # category -> [found, codings]
    # the same suite run again with the suite's verb dictionary loaded as a trigger file
    with_verbs: "PetrarchReport | None" = None
    verb_dictionary: Any = None  # petrarch_verbs.VerbConversion of that file

    def share(self, n: int, d: int) -> float:
        return n / d if d else 0.0

    def to_json(self) -> dict[str, Any]:
        out = {
            "dictionaries": "actors+agents",
            "sentences": self.sentences, "codings": self.codings, "unmapped": self.unmapped,
            "found": round(self.share(self.found, self.codings), 4),
            "type_found": round(self.share(self.type_found, self.codings), 4),
            "no_event_sentences": self.no_event_sentences,
            "false_alarm_rate": round(self.share(self.false_alarms, self.no_event_sentences), 4),
            "by_category": {c: {"found": f, "codings": n} for c, (f, n) in sorted(self.by_category.items())},
        }
        if self.with_verbs is not None:
            out["with_verb_dictionary"] = {**self.with_verbs.to_json(), "dictionaries": "actors+agents+verbs"}
            if self.verb_dictionary is not None:
                out["with_verb_dictionary"]["verb_dictionary"] = self.verb_dictionary.to_json()
        return out

    def _figures(self) -> list[str]:
        return [
            f"  type with source and target  {self.share(self.found, self.codings):6.3f}"
            f"   ({self.found}/{self.codings})",
            f"  type alone                   {self.share(self.type_found, self.codings):6.3f}"
            f"   ({self.type_found}/{self.codings})",
            f"  no-event sentences coded     {self.share(self.false_alarms, self.no_event_sentences):6.3f}"
            f"   ({self.false_alarms}/{self.no_event_sentences})",
        ]

    def render(self) -> str:
        lines = [
            f"sentences: {self.sentences}, expected codings: {self.codings} "
            f"(+{self.unmapped} without a PLOVER type)",
            "actor and agent dictionaries only (newsgraph's own trigger lexicon codes the verbs):",
            *self._figures(),
        ]
        w = self.with_verbs
        if w is not None:
            lines += [
                f"with the suite's verb dictionary too ({VERB_DICTIONARY} and its discard list as trigger "
                "files, as PETRARCH runs its suite):",
                *w._figures(),
                f"  difference made by the verb dictionary: {w.found - self.found:+d} codings found",
            ]
            if self.verb_dictionary is not None:
                lines.append(f"  verb dictionary read: {self.verb_dictionary.render()}")
        lines.append("  by category (found/codings" + (", then with the verb dictionary):" if w else "):"))
        for c, (f, n) in sorted(self.by_category.items()):
            extra = f"   {w.by_category.get(c, [0, n])[0]}/{n}" if w is not None else ""
            lines.append(f"    {c:<10} {f}/{n}{extra}")
        return "\n".join(lines)


# --------------------------------------------------------------------------- reading

def read_records(path: Path) -> list[UnitSentence]:
    path = Path(path)
    if path.is_dir():
        path = path / RECORDS_FILE
    try:
        root = ET.parse(path).getroot()
    except OSError as exc:
        raise InputError(str(path), f"cannot read the PETRARCH unit tests: {exc.strerror or exc}") from exc
    except ET.ParseError as exc:
        raise InputError(str(path), f"not valid XML: {exc}") from exc
    out = []
    for s in root.iter("Sentence"):
        sid = s.get("id") or f"#{len(out) + 1}"
        text_el = s.find("Text")
        if text_el is None or not (text_el.text or "").strip():
            raise InputError(f"{path} ({sid})", "<Sentence> without <Text>")
        sent = UnitSentence(id=sid, category=s.get("category") or "", text=" ".join(text_el.text.split()),
                            published=_date(s.get("date"), path, sid))
        for c in s.findall("EventCoding"):
            if c.get("noevents", "").lower() == "true":
                sent.no_event = True
            elif c.get("eventcode"):
                sent.codings.append(Coding(c.get("sourcecode") or "---", c.get("targetcode") or "---",
                                           c.get("eventcode")))
        out.append(sent)
    return out


def _date(value: str | None, path: Path, sid: str) -> date | None:
    if not value:
        return None
    try:
        return date(int(value[:4]), int(value[4:6]), int(value[6:8]))
    except ValueError as exc:
        raise InputError(f"{path} ({sid})", f"invalid date {value!r} (expected YYYYMMDD)") from exc


# --------------------------------------------------------------------------- scoring

def score(sentences: Sequence[UnitSentence], extractions: Sequence[Extraction],
          cameo_to_plover: Callable[[str], Any]) -> PetrarchReport:
    """``cameo_to_plover(code)`` returns (type, mode, context) or None (``Ontology.cameo_to_plover``)."""
    if len(sentences) != len(extractions):
        raise ValueError(f"{len(sentences)} sentences but {len(extractions)} extractions")
    report = PetrarchReport(sentences=len(sentences))
    for sent, ex in zip(sentences, extractions):
        if sent.no_event:
            report.no_event_sentences += 1
            report.false_alarms += bool(ex.events)
        pairs = {(c.source, c.target, c.cameo) for c in sent.codings}
        for coding in sent.codings:
            mapped = cameo_to_plover(coding.cameo)
            if not mapped:
                report.unmapped += 1
                continue
            typ = mapped[0]
            report.codings += 1
            cat = report.by_category.setdefault(sent.category, [0, 0])
            cat[1] += 1
            same_type = [e for e in ex.events if e.type == typ]
            report.type_found += bool(same_type)
            symmetric = (coding.target, coding.source, coding.cameo) in pairs
            if any(_dyad_matches(ex, e, coding.source, coding.target)
                   or (symmetric and _dyad_matches(ex, e, coding.target, coding.source)) for e in same_type):
                report.found += 1
                cat[0] += 1
    return report


def _dyad_matches(ex: Extraction, event, source: str, target: str) -> bool:
    return _actors_match(ex, event.sources, source) and _actors_match(ex, event.targets, target)


def _actors_match(ex: Extraction, actor_ids: list[str], code: str) -> bool:
    if not code.strip("-"):
        # "---": CAMEO's "no actor" (a one-sided act, "a senior Bree official said"): matched by
        # an event without one, as newsgraph stores a missing target
        return not actor_ids
    return any(actor_matches(ex.actor(a), code) for a in actor_ids)


def articles_for(sentences: Sequence[UnitSentence]) -> list[Article]:
    from ..ingest.ids import article_id

    return [Article(id=article_id(s.text), text=s.text, ref=s.id, published=s.published) for s in sentences]


def evaluate(path: Path, extractor, settings=None, **_options) -> PetrarchReport:
    """Extract every unit-test sentence with the suite's dictionaries added to the KB."""
    from ..config import Settings
    from ..actors import PersonMemory
    from ..events import Ontology
    from ..pipeline import Extractor

    folder = Path(path) if Path(path).is_dir() else Path(path).parent
    dictionaries = [folder / name for name in DICTIONARIES]
    missing = [str(p) for p in dictionaries if not p.is_file()]
    if missing:
        raise InputError(str(folder), f"PETRARCH dictionaries not found: {', '.join(missing)}")
    settings = settings or Settings.from_env()
    with_dicts = replace(settings, kb_files=[*settings.kb_files, *dictionaries])
    sentences = read_records(path)
    articles = articles_for(sentences)
    base = Extractor.from_settings(with_dicts)
    report = score(sentences, list(base.extract_many(articles)), base.ontology.cameo_to_plover)
    verbs = folder / VERB_DICTIONARY
    if verbs.is_file():
        # same model and knowledge base; only the trigger lexicon (and PETRARCH's discard list,
        # when the suite has it) differs
        discards = [folder / DISCARDS] if (folder / DISCARDS).is_file() else []
        with_verbs = Extractor(nlp=base.nlp, kb=base.kb, memory=PersonMemory(),
                               ontology=Ontology.load([*settings.trigger_files, verbs, *discards]))
        report.with_verbs = score(sentences, list(with_verbs.extract_many(articles)),
                                  with_verbs.ontology.cameo_to_plover)
        report.verb_dictionary = with_verbs.ontology.verb_dictionaries[-1]
    return report
