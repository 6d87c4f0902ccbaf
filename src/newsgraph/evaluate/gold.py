"""Scoring an extraction against a ``gold/1`` file, with exactly the rules of GOLD_FORMAT.md.

Counting conventions where the rules leave a choice (documented in docs/evaluation.md):
- An optional gold item is in the matching pool; a prediction matched to it is neither a hit
  nor a false alarm, and leaving it unmatched costs nothing.
- Greedy matching takes candidate pairs by largest overlap (quotes) or exact type before
  alt-type (events); each gold and each prediction is used at most once.
- A joint gold speaker ("A; B") is matched by a predicted speaker matching any of its parts.
- Precision and recall of the end-to-end quote score share the span score's denominators.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..records import Actor, Extraction
from .normalise import normalise, quote_match, same_person, tokens


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "PRF") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_json(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class Ratio:
    hit: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.hit / self.total if self.total else 0.0

    def add(self, other: "Ratio") -> None:
        self.hit += other.hit
        self.total += other.total

    def to_json(self) -> dict[str, Any]:
        return {"correct": self.hit, "total": self.total, "accuracy": round(self.value, 4)}


@dataclass
class QuoteScore:
    spans: PRF = field(default_factory=PRF)
    end_to_end: PRF = field(default_factory=PRF)
    attribution: Ratio = field(default_factory=Ratio)

    def add(self, other: "QuoteScore") -> None:
        self.spans.add(other.spans)
        self.end_to_end.add(other.end_to_end)
        self.attribution.add(other.attribution)

    def to_json(self) -> dict[str, Any]:
        return {"spans": self.spans.to_json(), "attribution": self.attribution.to_json(),
                "end_to_end": self.end_to_end.to_json()}


@dataclass
class Score:
    """Counts for one article or, summed, for many (micro-averaging)."""

    articles: int = 0
    direct: QuoteScore = field(default_factory=QuoteScore)
    reported: QuoteScore = field(default_factory=QuoteScore)
    actors: dict[str, PRF] = field(default_factory=dict)
    person_codes: Ratio = field(default_factory=Ratio)
    events: PRF = field(default_factory=PRF)
    dyads: PRF = field(default_factory=PRF)
    factuality: Ratio = field(default_factory=Ratio)
    details: list[str] = field(default_factory=list)

    def add(self, other: "Score") -> None:
        self.articles += other.articles
        self.direct.add(other.direct)
        self.reported.add(other.reported)
        for kind, prf in other.actors.items():
            self.actors.setdefault(kind, PRF()).add(prf)
        self.person_codes.add(other.person_codes)
        self.events.add(other.events)
        self.dyads.add(other.dyads)
        self.factuality.add(other.factuality)
        self.details.extend(other.details)

    def actors_all(self) -> PRF:
        """Persons, states, organisations and groups together. Locations are left out: gold
        files list places only when they also act, so a place is scored in its own row."""
        total = PRF()
        for kind, prf in self.actors.items():
            if kind != "location":
                total.add(prf)
        return total

    def to_json(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "quotes": {"direct": self.direct.to_json(), "reported": self.reported.to_json()},
            "actors": {"all": self.actors_all().to_json(),
                       **{k: v.to_json() for k, v in sorted(self.actors.items())},
                       "person_codes": self.person_codes.to_json()},
            "events": {"events": self.events.to_json(), "dyads": self.dyads.to_json(),
                       "factuality": self.factuality.to_json()},
        }


# ---------------------------------------------------------------- gold files

@dataclass
class GoldArticle:
    name: str
    text: str
    gold: dict[str, Any]

    @property
    def published(self) -> date | None:
        p = self.gold.get("article", {}).get("published")
        try:
            return date.fromisoformat(p) if p else None
        except ValueError:
            return None


def load_gold_dir(folder: Path) -> list[GoldArticle]:
    """Every ``NAME.gold.json`` in ``folder`` with its ``NAME.txt`` (or the file it names)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(str(folder), "is not a directory of NAME.txt + NAME.gold.json files")
    out = []
    for gold_path in sorted(folder.glob("*.gold.json")):
        try:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise InputError(str(gold_path), f"cannot read gold file: {exc}") from exc
        if gold.get("format") != "gold/1":
            raise InputError(str(gold_path), "is not in the gold/1 format")
        name = gold_path.name[: -len(".gold.json")]
        text_path = folder / (gold.get("article", {}).get("file") or f"{name}.txt")
        try:
            text = text_path.read_text(encoding="utf-8")
        except OSError as exc:
            raise InputError(str(text_path), f"article text for {gold_path.name} is missing") from exc
        out.append(GoldArticle(name=name, text=text, gold=gold))
    if not out:
        raise InputError(str(folder), "holds no *.gold.json files")
    return out


# ---------------------------------------------------------------- scoring

def _code(actor: Actor | None) -> str | None:
    if actor is None:
        return None
    if actor.kind == "location" and actor.country:
        return actor.country  # a place as a target stands for its state (PLOVER/CAMEO convention)
    return actor.code or actor.name


def _speaker_matches(pred: Actor | None, gold_speaker: str | None, gold_actors: list[dict]) -> bool:
    if pred is None or not gold_speaker:
        return False
    for part in (p.strip() for p in gold_speaker.split(";")):
        entry = next((a for a in gold_actors if normalise(a.get("name", "")) == normalise(part)), None)
        if entry is None or entry.get("type") == "person":
            if pred.kind == "person" and same_person(pred.name, part):
                return True
        elif pred.kind != "person" and entry.get("code") and pred.code == entry.get("code"):
            return True
    return False


def _score_quotes(ex: Extraction, gold: dict, direct: bool, name: str, details: list[str]) -> QuoteScore:
    score = QuoteScore()
    preds = [q for q in ex.quotes if q.direct == direct]
    golds = [q for q in gold.get("quotes", []) if bool(q.get("direct")) == direct]
    ptoks = [tokens(q.text) for q in preds]
    gtoks = [tokens(q.get("text", "")) for q in golds]
    pairs = sorted(((quote_match(p, g), i, j) for i, p in enumerate(ptoks) for j, g in enumerate(gtoks)),
                   reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    for ov, i, j in pairs:
        if ov <= 0 or i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        if golds[j].get("optional"):
            continue
        score.spans.tp += 1
        right = _speaker_matches(ex.actor(preds[i].speaker), golds[j].get("speaker"), gold.get("actors", []))
        score.attribution.total += 1
        if right:
            score.attribution.hit += 1
            score.end_to_end.tp += 1
        else:
            score.end_to_end.fp += 1
            score.end_to_end.fn += 1
            spk = ex.actor(preds[i].speaker)
            details.append(f"{name}: quote speaker {spk.name if spk else None!r} != {golds[j].get('speaker')!r}: "
                           f"{preds[i].text[:70]!r}")
    kind = "direct" if direct else "reported"
    for i, q in enumerate(preds):
        if i not in used_p:
            score.spans.fp += 1
            score.end_to_end.fp += 1
            details.append(f"{name}: {kind} quote false alarm: {q.text[:90]!r}")
    for j, g in enumerate(golds):
        if j not in used_g and not g.get("optional"):
            score.spans.fn += 1
            score.end_to_end.fn += 1
            details.append(f"{name}: {kind} quote missed ({g.get('speaker')}): {g.get('text', '')[:90]!r}")
    return score


def _score_actors(ex: Extraction, gold: dict, name: str, details: list[str], score: Score) -> None:
    golds = gold.get("actors", [])
    kinds = {a.get("type") for a in golds} | {a.kind for a in ex.actors}
    for kind in sorted(k for k in kinds if k):
        prf = PRF()
        g_k = [a for a in golds if a.get("type") == kind]
        p_k = [a for a in ex.actors if a.kind == kind]
        used_g: set[int] = set()
        if kind == "person":
            for p in p_k:
                j = next((j for j, g in enumerate(g_k) if j not in used_g and same_person(p.name, g.get("name"))),
                         None)
                if j is None:
                    prf.fp += 1
                    details.append(f"{name}: person false alarm: {p.name!r} ({p.code})")
                    continue
                used_g.add(j)
                if g_k[j].get("optional"):
                    continue
                prf.tp += 1
                score.person_codes.total += 1
                if (p.code or None) == (g_k[j].get("code") or None):
                    score.person_codes.hit += 1
                else:
                    details.append(f"{name}: person {p.name!r} code {p.code} != {g_k[j].get('code')}")
        else:
            seen: set[str] = set()
            for p in p_k:
                code = _code(p)
                key = normalise(code or "")
                if key in seen:
                    continue  # the same code twice is one prediction (organisations and states score by code)
                seen.add(key)
                j = next((j for j, g in enumerate(g_k)
                          if j not in used_g and normalise(g.get("code") or g.get("name") or "") == key), None)
                if j is None:
                    prf.fp += 1
                    details.append(f"{name}: {kind} false alarm: {p.name!r} ({code})")
                    continue
                used_g.add(j)
                if not g_k[j].get("optional"):
                    prf.tp += 1
        for j, g in enumerate(g_k):
            if j not in used_g and not g.get("optional"):
                prf.fn += 1
                details.append(f"{name}: {kind} missed: {g.get('name')!r} ({g.get('code')})")
        score.actors[kind] = prf


def predicted_triples(ex: Extraction) -> dict[tuple[str, str, str], bool]:
    """(source code, type, target code) -> factual, as a set; a factual copy wins over others."""
    out: dict[tuple[str, str, str], bool] = {}
    for ev in ex.events:
        for s in ev.sources:
            for t in ev.targets:
                sc, tc = _code(ex.actor(s)), _code(ex.actor(t))
                if not sc or not tc:
                    continue
                key = (sc, ev.type, tc)
                out[key] = out.get(key, False) or ev.factuality == "asserted"
    return out


def _event_matches(pred: tuple[str, str, str], g: dict, typed: bool) -> int:
    """0 no match; 2 exact type; 1 alt type (or any type when not ``typed``)."""
    s, t, tc = pred
    codes_ok = (s == g.get("source") and tc == g.get("target")) or (
        g.get("symmetric") and s == g.get("target") and tc == g.get("source"))
    if not codes_ok:
        return 0
    if t == g.get("type"):
        return 2
    if not typed or t in (g.get("alt_types") or []):
        return 1
    return 0


def _score_events(ex: Extraction, gold: dict, name: str, details: list[str], score: Score) -> None:
    preds = predicted_triples(ex)
    golds = gold.get("events", [])
    for typed, prf in ((True, score.events), (False, score.dyads)):
        cands = sorted(((_event_matches(p, g, typed), i, j) for i, p in enumerate(preds) for j, g in enumerate(golds)),
                       key=lambda c: (-c[0], golds[c[2]].get("optional", False), c[1], c[2]))
        used_p: set[int] = set()
        used_g: set[int] = set()
        plist = list(preds)
        for quality, i, j in cands:
            if quality == 0 or i in used_p or j in used_g:
                continue
            used_p.add(i)
            used_g.add(j)
            if golds[j].get("optional"):
                continue
            prf.tp += 1
            if typed:
                score.factuality.total += 1
                if preds[plist[i]] == bool(golds[j].get("factual", True)):
                    score.factuality.hit += 1
                else:
                    details.append(f"{name}: event {'/'.join(plist[i])} factual={preds[plist[i]]}, gold says "
                                   f"{golds[j].get('factual', True)}")
        for i, p in enumerate(plist):
            if i not in used_p:
                prf.fp += 1
                if typed:
                    details.append(f"{name}: event false alarm: {'/'.join(p)}")
        for j, g in enumerate(golds):
            if j not in used_g and not g.get("optional"):
                prf.fn += 1
                if typed:
                    details.append(f"{name}: event missed: {g.get('source')}/{g.get('type')}/{g.get('target')} "
                                   f"({(g.get('evidence') or '')[:70]!r})")


def score_extraction(ex: Extraction, gold: dict, name: str = "") -> Score:
    score = Score(articles=1)
    score.direct = _score_quotes(ex, gold, True, name, score.details)
    score.reported = _score_quotes(ex, gold, False, name, score.details)
    _score_actors(ex, gold, name, score.details, score)
    _score_events(ex, gold, name, score.details, score)
    return score
