"""How per-article records become corpus-wide keys.

An extraction names actors locally (``a1``, ``a2``); the store needs names that mean the same
thing in every article. Two are derived here, once, so the writer and the query layer agree:

- the **actor key** (``actors.key``): one row per real-world actor. States and
  intergovernmental organisations are their code (``RUS``, ``NATO``), so every article's Russia
  is one row; persons are ``person:<name>``; anything else ``<kind>:<name>``, so that the
  Russian defence ministry (code ``RUS``) does not merge into Russia itself. An anonymous
  person ("unnamed Israeli source") is one row per article: nothing says two articles' unnamed
  sources are one person.
- the **dyad code**: what an analyst counts by in a dyad or a network: the actor's code, or its
  name when it has none (a company, a rebel group). Putin and Russia are both ``RUS`` here.

The **event id** makes the same event reported by several articles one row: it hashes what
the event is (type, who, to whom, how factual) and when; an event with no date is tied to the
article's near-duplicate cluster instead, so copies of one wire story collapse but two
unrelated undated reports do not.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import date
from functools import lru_cache

from ..records import ANONYMOUS_ROLE, Actor


@lru_cache(maxsize=1)
def _state_codes() -> frozenset[str]:
    import pycountry

    # Codes the knowledge base uses for states that ISO 3166 does not list (yet).
    return frozenset(c.alpha_3 for c in pycountry.countries) | {"XKX"}


def is_igo(actor: Actor) -> bool:
    """An organisation that is its own coded actor (NATO, UN), not a body of a state."""
    if actor.kind != "organisation" or not actor.code:
        return False
    return actor.sector == "IGO" or actor.code not in _state_codes()


def actor_key(actor: Actor, article_id: str | None = None) -> str:
    if actor.kind == "state" and actor.code:
        return actor.code
    if is_igo(actor):
        return actor.code  # type: ignore[return-value]
    if actor.role == ANONYMOUS_ROLE and article_id:
        return f"{actor.kind}:{actor.name}@{article_id}"
    return f"{actor.kind}:{actor.name}"


def dyad_code(actor: Actor) -> str:
    return actor.code or actor.name


def event_id(type_: str, sources: Iterable[str], targets: Iterable[str], factuality: str,
             when: date | None, cluster: str) -> str:
    """Stable id of one event; ``sources``/``targets`` are dyad codes, ``cluster`` the id of the
    first copy of the article's near-duplicate cluster (used only when ``when`` is None)."""
    anchor = when.isoformat() if when else f"cluster:{cluster}"
    payload = json.dumps([type_, sorted(set(sources)), sorted(set(targets)), factuality, anchor],
                         ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha1(payload.encode("utf-8")).hexdigest()[:20]
