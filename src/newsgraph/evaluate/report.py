"""Rendering of a gold/1 Score as a plain-text table."""
from __future__ import annotations

from .gold import PRF, Score


def _row(label: str, prf: PRF) -> str:
    return (f"  {label:<28} P {prf.precision:6.3f}  R {prf.recall:6.3f}  F1 {prf.f1:6.3f}"
            f"   (tp {prf.tp}, fp {prf.fp}, fn {prf.fn})")


def render_score(score: Score, details: bool = False) -> str:
    lines = [f"articles: {score.articles}", "quotes"]
    for label, q in (("direct", score.direct), ("reported", score.reported)):
        lines.append(_row(f"{label} spans", q.spans))
        lines.append(f"  {label + ' attribution':<28} {q.attribution.value:6.3f}"
                     f"   ({q.attribution.hit}/{q.attribution.total} matched quotes)")
        lines.append(_row(f"{label} end-to-end", q.end_to_end))
    lines.append("actors")
    lines.append(_row("all", score.actors_all()))
    for kind, prf in sorted(score.actors.items()):
        lines.append(_row(kind, prf))
    lines.append(f"  {'person codes':<28} {score.person_codes.value:6.3f}"
                 f"   ({score.person_codes.hit}/{score.person_codes.total} matched persons)")
    lines.append("events")
    lines.append(_row("events (source, type, target)", score.events))
    lines.append(_row("dyads (types ignored)", score.dyads))
    lines.append(f"  {'factuality':<28} {score.factuality.value:6.3f}"
                 f"   ({score.factuality.hit}/{score.factuality.total} matched events)")
    if details and score.details:
        lines.append("details")
        lines.extend(f"  {d}" for d in score.details)
    return "\n".join(lines)
