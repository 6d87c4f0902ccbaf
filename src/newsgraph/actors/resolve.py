"""The actor stage: every state, organisation, group, person and place an article mentions,
resolved to one actor each, with every token of every mention indexed for later stages.

    knowledge-base names + spaCy entities   (mentions.py)
      → acronyms defined in the text         (orgs.py)
      → people, their roles and codes        (persons.py, titles.py)
      → pronouns and bare titles             (coref.py)
      → bodies of states, companies, places  (orgs.py)
      → ActorIndex                           (here)
      → "it", "they", "the country"          (anaphora.py)
"""
from __future__ import annotations

from ..nlp import span_text
from ..records import Actor, Article, Span
from .agents import MINORITY_WORDS, add_agents, clause_places, home_peoples
from .anaphora import resolve_anaphora
from .anonymous import add_anonymous_sources
from .context import Cand, DocContext
from .coref import Coref
from .gazetteer import city_states, place_country
from .index import ActorIndex, ActorMention
from .kb import KnowledgeBase
from .memory import PersonMemory
from .mentions import add_joint_actors, entity_spans, kb_scan, locative, reconcile
from .normalise import fold
from .orgs import classify_unknown, learn_acronyms, state_bodies
from .persons import Person, PersonBuilder
from .places import compass_part, person_name, untagged_places
from .titles import title_phrases

# Which actor a token belongs to when mentions overlap: a person's title phrase owns
# "Russian" in "Russian President Vladimir Putin"; a ministry owns "Taiwan" in "Taiwan's
# defence ministry".
_PRIORITY = {"person": 0, "body": 1, "organisation": 2, "group": 2, "state": 3, "location": 4}


def resolve_actors(doc, article: Article, kb: KnowledgeBase, memory: PersonMemory) -> ActorIndex:
    """Find and resolve the actors of one parsed article; teach ``memory`` what it states."""
    ctx = DocContext(doc, kb, article.published)
    kb_cands, rest = reconcile(ctx, kb_scan(ctx), entity_spans(ctx))
    others = [c for c in kb_cands if c.kind != "person"]
    acronyms = learn_acronyms(ctx, others, rest)
    acr_tokens = {i for c in acronyms for i in range(c.start, c.end)}
    others += acronyms
    # "State" in "Secretary of State", "House" in "House Speaker": parts of titles, not names
    in_titles = {i for s, t, _, _ in title_phrases(ctx, 0, len(doc)) for i in range(s, t)}
    rest = [e for e in rest if not any(i in acr_tokens for i in range(e[0], e[1]))
            and not all(i in in_titles for i in range(e[0], e[1]))]
    refs = {i: c for c in others for i in range(c.start, c.end)}

    builder = PersonBuilder(ctx, refs, memory)
    leftover = builder.build([c for c in kb_cands if c.kind == "person"], rest)
    persons = builder.persons
    taken = set(builder.person_tokens)
    for p in persons:
        for s, t, how in p.mentions:
            taken.update(range(s, t))
    Coref(ctx, persons).run(builder.finder.standalone(taken))

    person_code = {i: p.code for p in persons for s, t, how in p.mentions if how in ("name", "surname")
                   for i in range(s, t)}
    org_tokens = {i for c in others if c.kind in ("organisation", "group") for i in range(c.start, c.end)}
    bodies = state_bodies(ctx, refs, person_code, org_tokens)
    all_taken = taken | set(refs) | {i for c in bodies for i in range(c.start, c.end)}
    unknown = classify_unknown(ctx, leftover, all_taken, refs)
    unknown += untagged_places(ctx, all_taken | {i for c in unknown for i in range(c.start, c.end)})

    # "the Biden administration": Biden is named only as part of the body
    body_tokens = {i for c in bodies for i in range(c.start, c.end)}
    persons[:] = [p for p in persons if not _inside_only(p, body_tokens)]
    others = _ethnic_groups(ctx, _rival_capitals(ctx, _places_only(ctx, others)), unknown)
    others, unknown = _home_peoples(ctx, others, unknown, taken | {i for c in bodies for i in range(c.start, c.end)})
    index = _build_index(ctx, persons, others + bodies + unknown)
    add_joint_actors(ctx, index)  # a dictionary name coded [FRD/SYL] is two actors (mentions.py)
    add_agents(doc, index, kb)  # "Ugandan rebels", "students in Serbia" (agents.py)
    add_anonymous_sources(doc, index)  # "an Israeli source said" (anonymous.py)
    resolve_anaphora(ctx, index)
    for p in persons:
        if p.stated and p.code:
            memory.learn(p.name, p.role, p.code, p.country, article.published)
    return index


def _inside_only(p: Person, tokens: set[int]) -> bool:
    names = [(s, t) for s, t, how in p.mentions if how in ("name", "surname")]
    return bool(names) and all(all(i in tokens for i in range(s, t)) for s, t in names)


def _places_only(ctx: DocContext, cands: list[Cand]) -> list[Cand]:
    """A state named only as where something happens ("talks in Cambodia") is a location."""
    by_code: dict[str, list[Cand]] = {}
    for c in cands:
        if c.kind == "state":
            by_code.setdefault(c.code, []).append(c)
    out = []
    for c in cands:
        group = by_code.get(c.code) if c.kind == "state" else None
        if group and all(m.how == "name" and _locative(ctx, m) for m in group):
            out.append(Cand(c.start, c.end, "location", "name", code=None, name=c.name, entry=c.entry))
        else:
            out.append(c)
    return out


def _home_peoples(ctx: DocContext, cands: list[Cand], places: list[Cand],
                  taken: set[int]) -> tuple[list[Cand], list[Cand]]:
    """"Yoruba leaders", "Ibo elders", "Jewish settlers": a people of one state (``home_peoples``)
    is a group of that state in an article that names the state; the model's guess that the
    name is a place is dropped. One dict probe per token and phrase length."""
    table, longest = home_peoples()
    named = {c.code for c in cands if c.kind == "state" and c.code}
    if not named & set(table.values()):
        return cands, places
    keys, doc = ctx.keys, ctx.doc
    at = {i: c for c in cands for i in range(c.start, c.end)}
    found: list[Cand] = []
    i = 0
    while i < len(keys):
        for n in range(min(longest, len(keys) - i), 0, -1):
            code = table.get(tuple(keys[i:i + n]))
            if code in named and ctx.is_cap(i) and not any(j in at or j in taken for j in range(i, i + n)):
                found.append(Cand(i, i + n, "group", "ethnic", code=code, name=doc[i:i + n].text, sector="ETH"))
                i += n - 1
                break
        i += 1
    if not found:
        return cands, places
    covered = {j for c in found for j in range(c.start, c.end)}
    places = [c for c in places if not any(j in covered for j in range(c.start, c.end))]
    return cands + found, places


def _rival_capitals(ctx: DocContext, cands: list[Cand]) -> list[Cand]:
    """"Tripoli" in an article about Lebanon is the Lebanese city, not Libya's capital: a capital
    whose own state the article never names otherwise, when another state with a large city of
    that name is named, is a place of that other state."""
    capitals = {id(c) for c in cands if c.how == "capital" and c.kind in ("state", "location")}
    if not capitals:
        return cands
    named = {c.code for c in cands if c.kind == "state" and c.how != "capital" and c.code}
    out = []
    for c in cands:
        entry = c.entry
        own = entry.code if entry is not None and getattr(entry, "kind", None) == "state" else c.code
        if id(c) in capitals and own and own not in named:
            rivals = (city_states(c.name) - {own}) & named
            state = ctx.kb.state(next(iter(rivals))) if len(rivals) == 1 else None
            if state is not None:
                c = Cand(c.start, c.end, "location", "name", code=None, name=c.name, entry=state, label=c.label)
        out.append(c)
    return out


PEOPLE_TAGS = frozenset({"NNPS", "NNS", "NNP", "JJ"})
# Nations of immigrants: "Chinese Americans" are Americans, whereas "Bosnian Serbs" live in Bosnia.
NATIONAL_PEOPLES = frozenset({"americans", "canadians", "australians", "britons", "brazilians", "argentines",
                              "argentinians"})


def _ethnic_groups(ctx: DocContext, cands: list[Cand], places: list[Cand] = ()) -> list[Cand]:
    """A people named with the state it lives in ("Bosnian Serbs", "Croatian Serb refugees",
    "the Albanians of southern Serbia") is a group of that state, as CAMEO codes it, not the
    state its name comes from. A people of its own state ("young Algerians", "thousands of
    Nigerians") stays the state: the gold format keeps "group" for armed or political groups.
    A people named as a minority ("ethnic Albanians") lives outside the state its name comes
    from: the sentence says where (``_residence``). ``places`` are the places the knowledge
    base does not know (their state comes from the gazetteer)."""
    at = {i: c for c in cands for i in range(c.start, c.end)}
    place_at = {i: c for c in places if c.kind == "location" for i in range(c.start, c.end)}
    doc = ctx.doc
    replaced: dict[int, Cand] = {}
    dropped: set[int] = set()
    for c in cands:
        if c.kind != "state" or c.how != "demonym" or c.end - c.start != 1 or doc[c.start].tag_ not in PEOPLE_TAGS:
            continue
        head = doc[c.start]
        prev = at.get(c.start - 1)
        home: Cand | None = None
        if head.lower_ in NATIONAL_PEOPLES:
            pass
        elif prev is not None and (_state_code(ctx, prev) or c.code) != c.code \
                and prev.end == c.start and doc[prev.end - 1].dep_ in ("amod", "compound", "nmod"):
            home = prev
        elif head.tag_ in ("NNPS", "NNS"):
            for p in head.children:
                if p.dep_ == "prep" and p.lower_ in ("in", "of"):
                    for g in p.children:
                        h = at.get(g.i)
                        if g.dep_ == "pobj" and h is not None and (_state_code(ctx, h) or c.code) != c.code:
                            home = h
        code = _state_code(ctx, home) if home is not None else None
        minority = _minority(head)
        if code is None and minority:
            code = _residence(ctx, head, at, place_at, c.code)
        if code is None:
            continue
        start = c.start - 1 if minority else c.start  # "ethnic" is part of the group's name
        if home is not None and home is prev:
            start = prev.start
            dropped.add(id(prev))  # "Bosnian" is part of the group's name
        replaced[id(c)] = Cand(start, c.end, "group", "ethnic", code=code, name=doc[start:c.end].text)
    return [replaced.get(id(c), c) for c in cands if id(c) not in dropped]


# "sent them back to Bulgaria", "fled from Serbia": where a people goes or comes from is not
# where it lives
_DIRECTION_PREPS = frozenset({"to", "from", "into", "toward", "towards"})


def _minority(head) -> bool:
    """"ethnic Albanians": the people itself, not a modifier ("ethnic Serb civilians")."""
    prev = head.doc[head.i - 1] if head.i > 0 else None
    return prev is not None and prev.lower_ in MINORITY_WORDS and prev.head.i == head.i \
        and head.dep_ not in ("amod", "compound")


def _residence(ctx: DocContext, head, at: dict[int, Cand], place_at: dict[int, Cand], kin: str) -> str | None:
    """The state a minority lives in: a place of its clause ("demonstrated on Tuesday in
    Serbia", "were killed in a gunbattle in southern Serbia"); else the one state of the
    sentence named as a possessor ("protest against Sweden's decision"); else the one state of
    the sentence not named as a destination or origin. Its kin state never counts."""
    for g in clause_places(head):
        code = _place_code(ctx, at.get(g.i) or place_at.get(g.i))
        if code and code != kin:
            return code
    sent = ctx.sentence(head.i)
    owners: set[str] = set()
    others: set[str] = set()
    for i in range(sent.start, sent.end):
        c = at.get(i) or place_at.get(i)
        if c is None or i != c.end - 1 or ctx.quoted[i]:
            continue
        code = _place_code(ctx, c)
        if not code or code == kin:
            continue
        last = ctx.doc[i]
        if last.dep_ == "poss":
            owners.add(code)
        if not (last.dep_ == "pobj" and last.head.lower_ in _DIRECTION_PREPS):
            others.add(code)
    for found in (owners, others):
        if len(found) == 1:
            return found.pop()
    return None


def _place_code(ctx: DocContext, c: Cand | None) -> str | None:
    """The state of a state or place mention: a state, a capital, or a place the gazetteer knows."""
    if c is None:
        return None
    code = _state_code(ctx, c)
    if code is None and c.kind == "location":
        code = _place_country(ctx.kb, c, ctx.doc)
    return code


def _state_code(ctx: DocContext, c: Cand) -> str | None:
    if c.kind == "state":
        return c.code
    entry = c.entry
    if c.kind == "location" and entry is not None and getattr(entry, "kind", None) == "state":
        return entry.code
    return None


def _locative(ctx: DocContext, c: Cand) -> bool:
    return locative(ctx, ctx.doc[c.end - 1])


def _identity(c: Cand) -> tuple:
    if c.kind == "state":
        return ("state", c.code)
    if c.kind == "organisation" and c.how in ("body", "institution"):
        return ("body", c.code, fold(c.name))
    if c.how == "ethnic":
        return ("ethnic", c.code, fold(c.name))
    if c.kind in ("organisation", "group"):
        return (c.kind, c.code)
    return ("location", fold(c.name))


def _build_index(ctx: DocContext, persons: list[Person], cands: list[Cand]) -> ActorIndex:
    doc, kb = ctx.doc, ctx.kb
    toks = ctx.tokens
    groups: dict[object, list[tuple[int, int, str]]] = {}
    info: dict[object, tuple[str, Cand | Person]] = {}
    for p in persons:
        if p.mentions:
            groups[id(p)] = sorted(set(p.mentions))
            info[id(p)] = ("person", p)
    for c in cands:
        key = _identity(c)
        groups.setdefault(key, []).append((c.start, c.end, c.how))
        if key not in info or (c.how == "name" and info[key][1].how != "name"):
            info[key] = ("body" if key[0] == "body" else c.kind, c)
    order = sorted(groups, key=lambda k: min(m[0] for m in groups[k]))
    index = ActorIndex()
    ids: dict[object, str] = {}
    for n, key in enumerate(order, start=1):
        kind, obj = info[key]
        aid = f"a{n}"
        ids[key] = aid
        mentions = sorted(set(groups[key]))
        spans = [Span(text=span_text(doc, s, t), start=toks[s].idx, end=toks[t - 1].idx + len(toks[t - 1].text))
                 for s, t, _ in mentions]
        if kind == "person":
            actor = Actor(id=aid, name=obj.name, kind="person", code=obj.code, sector=obj.sector, role=obj.role,
                          country=obj.country, mentions=spans)
        elif kind == "state":
            state = kb.state(obj.code)
            actor = Actor(id=aid, name=state.name if state else obj.name, kind="state", code=obj.code,
                          mentions=spans)
        elif kind == "body":
            actor = Actor(id=aid, name=_body_name(obj), kind="organisation", code=obj.code,
                          sector=obj.sector, country=obj.code if obj.code in kb.states else None, mentions=spans)
        elif kind in ("organisation", "group"):
            org = kb.org(obj.code)
            actor = Actor(id=aid, name=org.name if org else obj.name, kind=kind, code=obj.code,
                          sector=(org.sector if org else obj.sector),
                          country=(org.country if org else (obj.code if obj.code in kb.states else None)),
                          mentions=spans)
        else:
            # a place keeps no code of its own, but its state is known when it is a state or a
            # capital: PLOVER/CAMEO code violence or a visit "in X" with X's state as the target
            actor = Actor(id=aid, name=obj.name, kind="location", code=None, country=_place_country(kb, obj, doc),
                          mentions=spans)
        index.actors.append(actor)
    adds = []
    for key in order:
        kind = info[key][0]
        for s, t, how in groups[key]:
            adds.append((_PRIORITY.get(kind, 5), s, ActorMention(s, t, ids[key], how)))
    for _, _, m in sorted(adds, key=lambda x: (x[0], x[1])):
        index.add_mention(m)
    index.mentions.sort(key=lambda m: (m.start, m.end))
    return index


def _place_country(kb: KnowledgeBase, c: Cand, doc=None) -> str | None:
    """The state a place belongs to: the state itself, the state of a capital, or (for a place
    the model tags GPE/LOC/FAC that the knowledge base does not know) the gazetteer's state."""
    entry = c.entry  # a knowledge-base match
    if entry is not None and getattr(entry, "kind", None) == "state" and entry.code in kb.states:
        return entry.code
    if entry is None and c.label in ("GPE", "LOC", "FAC") and not (doc is not None and _after_name(doc, c.start)):
        if " " not in c.name and person_name(kb, c.name, given=False):
            # "lost faith in Obama" tagged GPE: a Japanese town is a leader's surname here too;
            # given names stay places when tagged so ("Santiago", "Virginia")
            return None
        code = place_country(c.name) or compass_part(kb, c.name)  # dict lookups (gazetteer.py)
        return code if code in kb.states else None
    return None


def _after_name(doc, start: int) -> bool:
    """"Kenzo Oshima": a place name right after a given name is the rest of a person's name."""
    prev = doc[start - 1] if start > 0 else None
    return prev is not None and prev.pos_ == "PROPN" and prev.is_title and prev.ent_type_ in ("", "PERSON")


def _body_name(c: Cand) -> str:
    name = c.name
    return name[4:] if name.lower().startswith("the ") else name
