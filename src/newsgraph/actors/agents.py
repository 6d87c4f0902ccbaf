"""Agents: actors named by a common noun attached to a state ("Ugandan rebels", "rebels in the
Ivory Coast", "Iraq's Kurds", "Turkish students").

CAMEO codes such an actor as the state plus an agent sector (UGAREB, CIVREB, TUREDU). Without
it, "Ugandan rebels" reads as Uganda itself, and "the government arrested Ugandan rebels"
looks like a state acting on itself. ``add_agents`` runs after the index is built and adds:

- a **group** (non-state sector: rebels, opposition, civilians, students, refugees ...) for the
  state attached to the noun, with ``code`` and ``country`` the state's code;
- a **body** (government, military, police ... sectors) only when the noun phrase would not
  otherwise read as the state: the state is named as a place ("security forces in Guinea") or
  attached by "in"/"from" ("soldiers from Chad").

A modifier ("Romanian refugees in Hungary": Romanian) says whose the agents are before a place
does; coordinated states ("lawmakers in France and Germany") give one agent per state, the noun
standing for all of them.

The nouns and their sectors are data (``actors/data/agents_core.yaml``) plus the agents of any
PETRARCH ``.agents`` dictionary in the knowledge base. A dictionary agent written ``NGO~`` (a
kind of organisation) right before a state name makes one organisation of the phrase ("MSF
Spain": the NGO's section in Spain, country ESP, not Spain itself). A few dict lookups per noun
token (one per phrase length); only tokens no other actor owns are considered.
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
# "X of Y" already reads as Y to the event stage (arguments.np_actors); "in"/"from" do not
PLACE_PREPS = frozenset({"in", "from"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
# CAMEO sectors of the state itself besides those named in agents_core.yaml (SPY intelligence)
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})


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


@lru_cache(maxsize=8)
def agent_table(kb) -> tuple[dict[tuple[str, ...], str], int]:
    """(words -> sector, longest phrase) from the package nouns plus the knowledge base's
    PETRARCH agent dictionaries ("cleric" → REL, "main opposition group" → MOP, "border police"
    → COP); built once per knowledge base. Agents written ``NGO~`` name kinds of organisation,
    not sectors of a state, and are left out."""
    nouns, _ = agent_nouns()
    table = dict(nouns)
    for a in getattr(kb, "agents", ()) or ():
        if getattr(a, "before", False) or not a.sector:
            continue
        for phrase in (a.phrase, *a.aliases):
            table.setdefault(tuple(phrase.lower().split()), a.sector)
    return table, max((len(k) for k in table), default=1)


@lru_cache(maxsize=8)
def organisation_prefixes(kb) -> dict[tuple[str, ...], str]:
    """Agents written ``NGO~`` (``MSF {} [NGO~]``): a kind of organisation named before a state,
    "MSF Spain" = the organisation's section in that state, not the state."""
    out: dict[tuple[str, ...], str] = {}
    for a in getattr(kb, "agents", ()) or ():
        if getattr(a, "before", False) and a.sector:
            for phrase in (a.phrase, *a.aliases):
                out.setdefault(tuple(phrase.lower().split()), a.sector)
    return out


def _sector(tok, lowers: list[str], table: dict[tuple[str, ...], str], longest: int) -> tuple[str | None, int]:
    """The agent sector of the phrase ending at ``tok`` ("riot police" before "police") and the
    phrase start; the phrase must be ``tok`` with words of its own noun phrase before it.
    ``lowers`` is the document's lower-cased words, built once (slicing the Doc per noun is slow)."""
    end = tok.i + 1
    for n in range(min(longest, end), 0, -1):
        start = end - n
        hit = table.get(tuple(lowers[start:end]))
        if hit and (n == 1 or tok.left_edge.i <= start):
            return hit, start
    return None, tok.i


def _with_conjuncts(toks) -> list:
    out = []
    for t in toks:
        out.append(t)
        out += [c for c in t.conjuncts if c.i > t.i]
    return out


def _attached_states(tok, index: ActorIndex, kb) -> list[tuple[str, bool, bool]]:
    """(code, named as a place?, attached by a preposition?) of each state attached to an agent
    noun: a modifier ("Ugandan", "Iraq's", "Chile" in "Chile cleric") or a phrase ("in France and
    Germany", "from Chad")."""
    found: dict[str, tuple[bool, bool]] = {}
    mods = _with_conjuncts([c for c in tok.children if c.dep_ in ATTACH_DEPS])
    preps = [(g, p.lower_ in PLACE_PREPS) for p in tok.children
             if p.dep_ == "prep" and p.lower_ in ATTACH_PREPS
             for g in _with_conjuncts([g for g in p.children if g.dep_ == "pobj"])]
    if preps:
        # "lawmakers in France and Germany" parsed as "lawmakers ... and Germany": a bare name
        # right after the place, joined by "and", is another place of the same phrase
        last = max(g.right_edge.i for g, _ in preps)
        preps += [(c, preps[-1][1]) for c in tok.children if c.dep_ == "conj" and c.pos_ == "PROPN"
                  and c.i == last + 2 and c.doc[last + 1].dep_ == "cc"]
    for group in ([(m, False) for m in mods], preps):
        for c, via_prep in group:
            aid = index.at(c.i)
            actor = index.get(aid) if aid else None
            if actor is None:
                continue
            if actor.kind == "state" and actor.code:
                found.setdefault(actor.code, (False, via_prep))
            elif actor.kind == "location":
                entry = kb.lookup(actor.name)
                if entry is not None and entry.kind == "state" and entry.code:
                    found.setdefault(entry.code, (True, via_prep))
        if found:
            break  # "Romanian refugees in Hungary": the modifier says whose they are
    return [(code, place, prep) for code, (place, prep) in found.items()]


def _state_sections(doc, index: ActorIndex, kb) -> None:
    """"MSF Spain": an organisation prefix from the dictionaries right before a state name makes
    the whole phrase one organisation of that country (its tokens no longer read as the state)."""
    prefixes = organisation_prefixes(kb)
    if not prefixes:
        return
    longest = max(len(k) for k in prefixes)
    for m in list(index.mentions):
        state = index.get(m.actor_id)
        if state is None or state.kind != "state" or not state.code or m.start == 0:
            continue
        for n in range(min(longest, m.start), 0, -1):
            start = m.start - n
            sector = prefixes.get(tuple(t.lower_ for t in doc[start:m.start]))
            if sector and doc[m.start - 1].head.i in range(m.start, m.end) and all(
                    index.at(i) is None for i in range(start, m.start)):
                span = doc[start:m.end]
                aid = f"a{len(index.actors) + 1}"
                index.actors.append(Actor(
                    id=aid, name=span.text, kind="organisation", code=None, sector=sector, country=state.code,
                    mentions=[Span(text=span.text, start=span.start_char, end=span.end_char)]))
                index.mentions.remove(m)
                for i in range(start, m.end):
                    index.token_actor[i] = aid
                index.mentions.append(ActorMention(start, m.end, aid, "agent"))
                if not any(o.actor_id == state.id for o in index.mentions):
                    index.actors.remove(state)  # named only inside the organisation's name
                break


def add_agents(doc, index: ActorIndex, kb) -> None:
    """Add agent actors to ``index`` in place (see the module docstring)."""
    _state_sections(doc, index, kb)
    nouns, group_sectors = agent_nouns()
    state_sectors = STATE_SECTORS | (set(nouns.values()) - group_sectors)
    table, longest = agent_table(kb)
    lowers = [t.lower_ for t in doc]
    for tok in doc:
        if tok.pos_ not in NOUN_POS or index.at(tok.i) is not None:
            continue
        sector, start = _sector(tok, lowers, table, longest)
        if sector is None:
            continue
        head = doc[start:tok.i + 1].root
        states = _attached_states(head, index, kb)
        # a dictionary's own sectors (MOP main opposition, HRI rights groups) are not state bodies
        is_group = sector not in state_sectors
        # "Iranian officials" already reads as Iran; "officials in Iran" does not
        states = [s for s in states if is_group or s[1] or s[2]]
        if not states:
            continue
        start = min([start] + [c.i for c in head.children if c.dep_ in ATTACH_DEPS and c.i < head.i])
        span = doc[start:tok.i + 1]
        owned = [i for i in range(start, tok.i + 1) if index.at(i) is None]
        ids = []
        for code, _, _ in states:
            aid = f"a{len(index.actors) + 1}"
            index.actors.append(Actor(
                id=aid, name=span.text, kind="group" if is_group else "organisation", code=code,
                sector=sector, country=code, mentions=[Span(text=span.text, start=span.start_char, end=span.end_char)]))
            ids.append(aid)
        if len(ids) == 1:
            index.add_mention(ActorMention(min(owned), max(owned) + 1, ids[0], "agent"))
        else:
            # "lawmakers in France and Germany": one phrase, one agent of each state
            index.add_group(min(owned), max(owned) + 1, ids, "agent")
    index.mentions.sort(key=lambda m: (m.start, m.end))


def is_agent(actor: Actor | None) -> bool:
    """An actor added here as a non-state group of a state (code = its country)."""
    return actor is not None and actor.kind == "group" and actor.code is not None and actor.code == actor.country \
        and fold(actor.name) != fold(actor.code)
