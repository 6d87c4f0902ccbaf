"""Agents: actors named by a common noun attached to a state ("Ugandan rebels", "rebels in the
Ivory Coast", "Iraq's Kurds", "Turkish students").

CAMEO codes such an actor as the state plus an agent sector (UGAREB, CIVREB, TUREDU). Without
it, "Ugandan rebels" reads as Uganda itself, and "the government arrested Ugandan rebels"
looks like a state acting on itself. ``add_agents`` runs after the index is built and adds:

- a **group** (non-state sector: rebels, opposition, civilians, students, refugees ...) whenever
  exactly one state is attached to the noun, with ``code`` and ``country`` the state's code;
- a **body** (government, military, police ... sectors) only when the attached state was
  named as a place ("security forces in Guinea"), so its code came from nowhere else.

The nouns and their sectors are data (``actors/data/agents_core.yaml``). One dict lookup per
noun token; only tokens no other actor owns are considered.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml

from ..errors import KnowledgeBaseError
from ..records import Actor, Span
from .index import ActorIndex, ActorMention
from .normalise import fold

ATTACH_DEPS = frozenset({"amod", "compound", "nmod", "poss"})
ATTACH_PREPS = frozenset({"in", "of", "from"})
NOUN_POS = frozenset({"NOUN", "PROPN"})


@lru_cache(maxsize=1)
def agent_nouns() -> tuple[dict[tuple[str, ...], str], frozenset[str]]:
    """(words -> sector, sectors that are non-state groups), keyed by the lower-cased phrase."""
    origin = "newsgraph/actors/data/agents_core.yaml"
    try:
        raw = yaml.safe_load(resources.files("newsgraph.actors").joinpath("data/agents_core.yaml").read_text("utf-8"))
    except yaml.YAMLError as exc:
        raise KnowledgeBaseError(f"{origin}: not valid YAML ({exc})") from exc
    if not isinstance(raw, dict) or not isinstance(raw.get("agents"), dict):
        raise KnowledgeBaseError(f"{origin}: needs an 'agents' mapping of sector -> nouns")
    nouns: dict[tuple[str, ...], str] = {}
    for sector, words in raw["agents"].items():
        if not isinstance(words, list):
            raise KnowledgeBaseError(f"{origin}: sector {sector!r} needs a list of nouns")
        for w in words:
            nouns[tuple(str(w).lower().split())] = str(sector)
    return nouns, frozenset(raw.get("group_sectors") or ())


def _sector(tok, nouns: dict[tuple[str, ...], str]) -> tuple[str | None, int]:
    """The agent sector of a noun head (checking "riot police" before "police"), and the phrase start."""
    prev = [c for c in tok.children if c.dep_ in ("compound", "amod") and c.i == tok.i - 1]
    if prev:
        hit = nouns.get((prev[0].lower_, tok.lower_))
        if hit:
            return hit, prev[0].i
    return nouns.get((tok.lower_,)), tok.i


def _attached_state(tok, index: ActorIndex, kb) -> tuple[str | None, bool]:
    """(code, named as a place?) of the one state attached to an agent noun, else (None, False)."""
    found: dict[str, bool] = {}
    cands = [c for c in tok.children if c.dep_ in ATTACH_DEPS]
    cands += [g for p in tok.children if p.dep_ == "prep" and p.lower_ in ATTACH_PREPS
              for g in p.children if g.dep_ == "pobj"]
    for c in cands:
        aid = index.at(c.i)
        actor = index.get(aid) if aid else None
        if actor is None:
            continue
        if actor.kind == "state" and actor.code:
            found.setdefault(actor.code, False)
        elif actor.kind == "location":
            entry = kb.lookup(actor.name)
            if entry is not None and entry.kind == "state" and entry.code:
                found.setdefault(entry.code, True)
    if len(found) != 1:
        return None, False
    code, as_place = next(iter(found.items()))
    return code, as_place


def add_agents(doc, index: ActorIndex, kb) -> None:
    """Add agent actors to ``index`` in place (see the module docstring)."""
    nouns, group_sectors = agent_nouns()
    for tok in doc:
        if tok.pos_ not in NOUN_POS or index.at(tok.i) is not None:
            continue
        sector, start = _sector(tok, nouns)
        if sector is None:
            continue
        code, as_place = _attached_state(tok, index, kb)
        if code is None:
            continue
        is_group = sector in group_sectors
        if not is_group and not as_place:
            continue  # "Iranian officials" already reads as Iran; nothing to add
        start = min([start] + [c.i for c in tok.children if c.dep_ in ATTACH_DEPS and c.i < tok.i])
        span = doc[start:tok.i + 1]
        aid = f"a{len(index.actors) + 1}"
        index.actors.append(Actor(
            id=aid, name=span.text, kind="group" if is_group else "organisation", code=code, sector=sector,
            country=code, mentions=[Span(text=span.text, start=span.start_char, end=span.end_char)]))
        owned = [i for i in range(start, tok.i + 1) if index.at(i) is None]
        index.add_mention(ActorMention(min(owned), max(owned) + 1, aid, "agent"))
    index.mentions.sort(key=lambda m: (m.start, m.end))


def is_agent(actor: Actor | None) -> bool:
    """An actor added here as a non-state group of a state (code = its country)."""
    return actor is not None and actor.kind == "group" and actor.code is not None and actor.code == actor.country \
        and fold(actor.name) != fold(actor.code)
