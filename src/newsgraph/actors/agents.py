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
from ..nlp import children, doc_tokens
from ..records import Actor, Span
from .index import ActorIndex, ActorMention
from .normalise import fold

ATTACH_DEPS = frozenset({"amod", "compound", "nmod", "poss"})
ATTACH_PREPS = frozenset({"in", "of", "from", "throughout", "across"})
# "X of Y" already reads as Y to the event stage (arguments.np_actors); the others do not
PLACE_PREPS = frozenset({"in", "from", "throughout", "across"})
# "Demonstrators marched in Monrovia": a place of the clause places its unnamed participants;
# "from" is left out ("troops withdrew from Lebanon" are not Lebanon's)
CLAUSE_PREPS = frozenset({"in", "throughout", "across"})
# "rioted at a jail in Dili": a spot of the clause places its participants only through the place
# it is in ("protested at the US embassy" does not make them American)
SPOT_PREPS = frozenset({"at", "near", "outside"})
CLAUSE_ROLES = frozenset({"nsubj", "nsubjpass", "dobj"})
# sectors placed by the clause: people of the place itself (not refugees, migrants, or
# troops, who are often foreign where they act)
CLAUSE_SECTORS = frozenset({"OPP", "CVL", "EDU", "LAB", "REL", "MED", "BUS", "COP"})
# bodies whose members an agent noun can be: "doctors from two American aid groups"
BODY_NOUNS = frozenset("""group organisation organization agency charity company firm unit battalion brigade
    regiment division team contingent delegation mission association union""".split())
BODY_PLACE_PREPS = frozenset({"of", "in"})
# words naming a people as a minority outside its kin state ("ethnic Albanians")
MINORITY_WORDS = frozenset({"ethnic"})
# "the Syrian people", "the people of Ukraine" name the nation (the state itself); only a place
# makes residents of them ("people in Hong Kong", "people blocked streets in Lima")
PLACE_ONLY_NOUNS = frozenset({"people"})
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


@lru_cache(maxsize=1)
def home_peoples() -> tuple[dict[tuple[str, ...], str], int]:
    """(folded words -> state code, longest phrase) of ``home_peoples`` in agents_core.yaml."""
    origin = "newsgraph/actors/data/agents_core.yaml"
    raw = yaml.safe_load(resources.files("newsgraph.actors").joinpath("data/agents_core.yaml").read_text("utf-8"))
    table: dict[tuple[str, ...], str] = {}
    for code, names in (raw.get("home_peoples") or {}).items():
        if not isinstance(names, list):
            raise KnowledgeBaseError(f"{origin}: home_peoples {code!r} needs a list of names")
        for name in names:
            table[tuple(fold(w) for w in str(name).split())] = str(code)
    return table, max((len(k) for k in table), default=1)


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


def _pobjs(t, preps: frozenset[str]) -> list:
    return [g for p in children(t) if p.dep_ == "prep" and p.lower_ in preps
            for g in _with_conjuncts([g for g in children(p) if g.dep_ == "pobj"])]


def _place_words(g) -> list:
    """A place phrase and the names inside it: "the capital Kabul", "East Timor's capital"."""
    return [g] + [c for c in children(g) if c.dep_ in ("poss", "appos")]


def clause_places(tok) -> list:
    """Places of the clause an agent noun takes part in: "in X" on the verb it is the subject
    or object of ("Demonstrators marched in Monrovia"), on the verb of a clause modifying it
    ("demonstrators protesting in Monrovia"), or, since the parser often hangs a verb's place
    on its object, on that verb's object ("protesting election results in Monrovia"). An
    occasion of the clause places it through the place it is in ("killed in a gunbattle in
    southern Serbia")."""
    verbs = [c for c in children(tok) if c.dep_ in ("acl", "relcl") and c.pos_ in ("VERB", "AUX")]
    role = tok
    for _ in range(3):
        # "thousands of students", "a group of refugees": the quantity takes the clause role
        if role.dep_ == "pobj" and role.head.lower_ == "of" and role.head.head.pos_ in ("NOUN", "NUM"):
            role = role.head.head
    if role.dep_ in CLAUSE_ROLES and role.head.pos_ in ("VERB", "AUX"):
        verbs.append(role.head)
    out = []
    for v in verbs:
        heads = [v] + [o for o in children(v) if o.dep_ == "dobj" and o.i != role.i]
        for h in heads:
            for g in _pobjs(h, CLAUSE_PREPS):
                out += _place_words(g)
                if g.pos_ == "NOUN":
                    out += [w for p in _pobjs(g, CLAUSE_PREPS) for w in _place_words(p)]
            for g in _pobjs(h, SPOT_PREPS):
                out += [w for p in _pobjs(g, CLAUSE_PREPS) for w in _place_words(p)]
    return out


def _attached_states(tok, index: ActorIndex, kb, by_clause: bool = False,
                     place_only: bool = False) -> list[tuple[str, bool, bool]]:
    """(code, named as a place?, attached by a preposition?) of each state attached to an agent
    noun: a modifier ("Ugandan", "Iraq's", "Chile" in "Chile cleric"), a phrase ("in France and
    Germany", "from Chad", "throughout Indonesia"), or, with ``by_clause`` and nothing else
    attached, a place of its clause (``clause_places``). With ``place_only``, only places count."""
    found: dict[str, tuple[bool, bool]] = {}
    mods = [] if place_only else _with_conjuncts([c for c in children(tok) if c.dep_ in ATTACH_DEPS])
    preps = [(g, p.lower_ in PLACE_PREPS) for p in children(tok)
             if p.dep_ == "prep" and p.lower_ in (PLACE_PREPS if place_only else ATTACH_PREPS)
             for g in _with_conjuncts([g for g in children(p) if g.dep_ == "pobj"])]
    # "doctors from two American aid groups", "soldiers from Nigerian units", "workers of the
    # bus company of Tehran": whose the group is
    preps += [(m, True) for g, place in list(preps)
              if (place or g.head.lower_ == "of") and index.at(g.i) is None and g.lemma_.lower() in BODY_NOUNS
              for m in [*(m for m in children(g) if m.dep_ in ("amod", "compound") and m.i < g.i),
                        *_pobjs(g, BODY_PLACE_PREPS)]]
    if preps:
        # "lawmakers in France and Germany" parsed as "lawmakers ... and Germany": a bare name
        # right after the place, joined by "and", is another place of the same phrase
        last = max(g.right_edge.i for g, _ in preps)
        preps += [(c, preps[-1][1]) for c in children(tok) if c.dep_ == "conj" and c.pos_ == "PROPN"
                  and c.i == last + 2 and c.doc[last + 1].dep_ == "cc"]
    # "ethnic Albanian guerrillas operating in Macedonia": a minority's kin state says whose they
    # are only when no place does
    kin = [m for m in mods if _minority_mod(m)]
    groups = [[(m, False) for m in mods if m not in kin], preps]
    # "activists from the Fatah movement" belong to what they are attached to, whatever it is
    if (by_clause or kin) and not any(index.at(i) for c, _ in groups[0] + groups[1]
                                      for i in range(c.left_edge.i, c.i + 1)):
        groups.append([(g, True) for g in clause_places(tok)])
    groups.append([(m, False) for m in kin])
    for group in groups:
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
                elif actor.country and kb.state(actor.country) is not None:
                    found.setdefault(actor.country, (True, via_prep))  # a city the actor stage placed
        if found:
            break  # "Romanian refugees in Hungary": the modifier says whose they are
    return [(code, place, prep) for code, (place, prep) in found.items()]


def _minority_mod(m) -> bool:
    """"ethnic Albanian" before an agent noun: a people named as a minority (resolve.py reads
    "ethnic Albanians" itself)."""
    return m.i > 0 and m.doc[m.i - 1].lower_ in MINORITY_WORDS


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
    from spacy.attrs import POS  # spaCy is imported lazily, as in nlp.py
    from spacy.symbols import NOUN, PROPN

    toks = doc_tokens(doc)
    lowers = [t.lower_ for t in toks]
    nouns_pos = {NOUN, PROPN}  # as part-of-speech ids: most tokens are skipped unread
    for i, pos in enumerate(doc.to_array(POS).tolist()):
        if pos not in nouns_pos or index.at(i) is not None:
            continue
        tok = toks[i]
        sector, start = _sector(tok, lowers, table, longest)
        if sector is None:
            continue
        head = doc[start:tok.i + 1].root
        states = _attached_states(head, index, kb, by_clause=sector in CLAUSE_SECTORS,
                                  place_only=start == tok.i and tok.lower_ in PLACE_ONLY_NOUNS)
        # a dictionary's own sectors (MOP main opposition, HRI rights groups) are not state bodies
        is_group = sector not in state_sectors
        # "Iranian officials" already reads as Iran; "officials in Iran" does not
        states = [s for s in states if is_group or s[1] or s[2]]
        if not states:
            continue
        mods = [c for c in children(head) if c.dep_ in ATTACH_DEPS and c.i < head.i]
        start = min([start] + [_name_start(index, c) for c in mods])
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


def _name_start(index: ActorIndex, tok) -> int:
    """Where the modifier's name begins: "Ivory Coast rebels" starts at "Ivory", though the
    parser hangs only "Coast" on the noun."""
    aid = index.at(tok.i)
    start = tok.i
    while aid is not None and start > tok.left_edge.i and index.at(start - 1) == aid:
        start -= 1
    if start > 0 and tok.doc[start - 1].lower_ in MINORITY_WORDS:
        start -= 1  # "ethnic Albanian guerrillas"
    return start


def is_agent(actor: Actor | None) -> bool:
    """An actor added here as a non-state group of a state (code = its country)."""
    return actor is not None and actor.kind == "group" and actor.code is not None and actor.code == actor.country \
        and fold(actor.name) != fold(actor.code)
