"""Scoring against the PLOVER gold-standard records (``PLOVER_GSR_CAMEO.json``).

Each record is one sentence from the CAMEO manual with one human-coded event: a type, the
source actors and the target actors as CAMEO codes. The records use PLOVER v0.5b1 type names;
``LEGACY_TYPES`` maps them to the current manual's sixteen types, and legacy country codes
(JAP, ITL, VTN) are read through ``actors/data/cameo_codes.yaml``.

For each record the real extractor runs on the sentence, and the report gives:

- **full**: the share of records with an extracted event of the gold type whose sources
  include an actor matching a gold source and, when the record names targets, whose targets
  include an actor matching a gold target (for reciprocal ``SRC/TAR`` records the event must
  hold every party, each by an actor of its own, in either role);
- **type**: the share of records with an extracted event of the gold type, actors ignored;
- per type, precision and recall over records: a record predicts every type it extracted.
  A sentence often holds more events than the one coded, so precision is a lower bound.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..actors.petrarch_dict import split_cameo_code
from ..errors import InputError
from ..records import Actor, Article, Event, Extraction
from .gold import PRF

GSR_FILE = "PLOVER_GSR_CAMEO.json"

# PLOVER v0.5b1 names → the current manual (SOURCE.md of the dataset, PLOVER manual 2021).
LEGACY_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


@dataclass
class GsrRecord:
    id: str
    text: str
    type: str  # current PLOVER name
    sources: list[str]
    targets: list[str]
    reciprocal: bool = False


@dataclass
class RecordResult:
    id: str
    type: str
    predicted: list[str]
    type_found: bool
    full_found: bool

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "type": self.type, "predicted": self.predicted,
                "type_found": self.type_found, "full_found": self.full_found}


@dataclass
class GsrReport:
    results: list[RecordResult] = field(default_factory=list)
    per_type: dict[str, PRF] = field(default_factory=dict)

    @property
    def records(self) -> int:
        return len(self.results)

    @property
    def type_found(self) -> float:
        return sum(r.type_found for r in self.results) / self.records if self.records else 0.0

    @property
    def full_found(self) -> float:
        return sum(r.full_found for r in self.results) / self.records if self.records else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "records": self.records,
            "full_found": round(self.full_found, 4),
            "type_found": round(self.type_found, 4),
            "per_type": {t: p.to_json() for t, p in sorted(self.per_type.items())},
        }

    def render(self) -> str:
        return "\n".join([
            f"records: {self.records}",
            f"  type with source and target  {self.full_found:6.3f}",
            f"  type alone                   {self.type_found:6.3f}",
            render_per_type(self.per_type),
        ])


def render_per_type(per_type: dict[str, PRF]) -> str:
    lines = [f"  {'type':<12} {'P':>6} {'R':>6} {'F1':>6}   tp/fp/fn"]
    for t, p in sorted(per_type.items()):
        lines.append(f"  {t:<12} {p.precision:6.3f} {p.recall:6.3f} {p.f1:6.3f}   {p.tp}/{p.fp}/{p.fn}")
    return "\n".join(lines)


# --------------------------------------------------------------------------- reading

def read_records(path: Path) -> list[GsrRecord]:
    """The event records of a GSR file (the ``DOCUMENT`` header is skipped)."""
    path = Path(path)
    if path.is_dir():
        path = path / GSR_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(str(path), f"cannot read the PLOVER gold-standard records: {exc.strerror or exc}") \
            from exc
    except json.JSONDecodeError as exc:
        raise InputError(str(path), f"not valid JSON: {exc}") from exc
    if not isinstance(data, list):
        raise InputError(str(path), "expected a JSON array of records")
    out = []
    for i, rec in enumerate(data):
        ref = f"{path}[{i}]"
        if not isinstance(rec, dict) or "event" not in rec:
            raise InputError(ref, "record without an 'event' field")
        if rec["event"] == "DOCUMENT":
            continue
        if not isinstance(rec.get("text"), str) or not rec["text"].strip():
            raise InputError(f"{ref} ({rec.get('id')})", "record without text")
        typ = str(rec["event"]).upper()
        info = rec.get("textInfo")
        # One record carries its markup as a bare string instead of {"markup": ...}.
        markup = info if isinstance(info, str) else (info or {}).get("markup") or ""
        out.append(GsrRecord(
            id=str(rec.get("id") or i), text=rec["text"], type=LEGACY_TYPES.get(typ, typ),
            sources=_codes(rec.get("source"), ref), targets=_codes(rec.get("target"), ref),
            reciprocal="SRC/TAR" in markup,
        ))
    return out


def _codes(value: Any, ref: str) -> list[str]:
    """Actor codes of a source/target field: a list of {code}, or empty ("", null)."""
    if not isinstance(value, list):
        return []
    codes = []
    for a in value:
        if not isinstance(a, dict) or not a.get("code"):
            raise InputError(ref, f"actor without a code: {a!r}")
        codes.append(str(a["code"]).strip().upper())
    return codes


# --------------------------------------------------------------------------- matching

def actor_matches(actor: Actor | None, code: str, states: frozenset[str] | None = None) -> bool:
    """Whether an extracted actor is the one a CAMEO actor code names.

    ``USA``/``USAGOV`` → the actor acts for the USA (state, person, body); ``IGOUNOIAE`` →
    the IAEA; a bare ``IGO``/``NGO`` → any organisation that does not act for a state;
    ``PSEREB`` → a group of (or actor coded) PSE; ``---GOV`` (no country) → any actor without
    a code. Sector elements are not compared.
    """
    if actor is None:
        return False
    want = split_cameo_code(code)
    if actor.kind == "location":
        # CAMEO codes a place by its state ("attacked in Baghdad" → IRQ)
        return actor.country is not None and actor.country in (want.code, want.country)
    states = states if states is not None else _states()
    if want.kind == "unknown":
        return actor.code is None
    if want.kind == "group":
        if want.country is None:
            return actor.kind == "group"
        return actor.code == want.country or (actor.kind == "group" and actor.country == want.country)
    if want.kind == "organisation" and (want.code is None or (want.code == code and want.code not in states)):
        # a bare IGO/NGO: an organisation, or a person acting for one ("U.N. mediator X"), that
        # does not act for a state; an armed or political group is not an IGO
        if actor.kind == "person":
            return actor.code is not None and actor.code not in states
        return actor.kind == "organisation" and actor.code not in states
    if want.code is None:
        return actor.kind in ("organisation", "group") and actor.code not in states
    if actor.code == want.code:
        return True
    return want.kind == "state" and actor.kind == "group" and actor.country == want.code


def _states() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries) | {"XKX"}


def event_matches(ex: Extraction, event: Event, rec: GsrRecord) -> bool:
    """Right type, a gold source among the sources, a gold target among the targets."""
    if event.type != rec.type:
        return False
    states = _states()
    sources = [ex.actor(a) for a in event.sources]
    targets = [ex.actor(a) for a in event.targets]

    def hit(actors: Sequence[Actor | None], codes: Iterable[str]) -> bool:
        return any(actor_matches(a, c, states) for a in actors for c in codes)

    if rec.reciprocal:
        # (SRC/TAR: A) ... (SRC/TAR: B): each party is source and target of the other, so the
        # event must hold every party, each by an actor of its own, in either role
        return _all_parties(sources + targets, rec.sources + rec.targets, states)
    if rec.sources and not hit(sources, rec.sources):
        return False
    return not rec.targets or hit(targets, rec.targets)


def _all_parties(actors: Sequence[Actor | None], codes: Sequence[str], states: frozenset[str]) -> bool:
    """Whether distinct actors match every code (a small bipartite matching by search)."""
    actors = list({a.id: a for a in actors if a is not None}.values())
    if len(actors) < len(codes):
        return False

    def assign(i: int, used: frozenset[int]) -> bool:
        if i == len(codes):
            return True
        return any(j not in used and actor_matches(a, codes[i], states) and assign(i + 1, used | {j})
                   for j, a in enumerate(actors))

    return assign(0, frozenset())


# --------------------------------------------------------------------------- scoring

def score(records: Sequence[GsrRecord], extractions: Sequence[Extraction]) -> GsrReport:
    """Score extractions made from ``records`` (same order)."""
    if len(records) != len(extractions):
        raise ValueError(f"{len(records)} records but {len(extractions)} extractions")
    report = GsrReport()
    types = {r.type for r in records}
    for rec, ex in zip(records, extractions):
        predicted = sorted({e.type for e in ex.events})
        report.results.append(RecordResult(
            id=rec.id, type=rec.type, predicted=predicted, type_found=rec.type in predicted,
            full_found=any(event_matches(ex, e, rec) for e in ex.events),
        ))
        for t in types | set(predicted):
            prf = report.per_type.setdefault(t, PRF())
            if t == rec.type and t in predicted:
                prf.tp += 1
            elif t == rec.type:
                prf.fn += 1
            elif t in predicted:
                prf.fp += 1
    return report


def articles_for(records: Sequence[Any]) -> list[Article]:
    """One article per record text (ids from the text, as the ingest stage makes them)."""
    from ..ingest.ids import article_id

    return [Article(id=article_id(r.text), text=r.text, ref=r.id) for r in records]


def evaluate(path: Path, extractor, **_options) -> GsrReport:
    """Run ``extractor`` on every gold record under ``path`` and score it."""
    records = read_records(path)
    extractions = list(extractor.extract_many(articles_for(records)))
    return score(records, extractions)
