"""Organisations the knowledge base does not know, decided with care (precision matters).

- An acronym defined in the text ("the Coastal Defence League (CDL)") is learnt: both
  forms are one actor, coded by the acronym (or by the known actor either form names).
- A body of a state ("Taiwan's defence ministry", "the Israeli military", "the Biden
  administration") is an organisation with the state's code.
- An unknown ORG entity ending like a company ("Speedtech Energy") is a company, coded by its
  name; one with a group word ("... Liberation Front") is a non-state group.
- Everything else the model calls ORG (news media, buildings, events) is not an actor.
"""
from __future__ import annotations

from .context import Cand, DocContext
from .titles import ref_code


def learn_acronyms(ctx: DocContext, cands: list[Cand], ents: list[tuple[int, int, str]]) -> list[Cand]:
    """Acronyms in parentheses after a name, and every later use of them."""
    doc, keys = ctx.doc, ctx.keys
    by_end = {c.end: c for c in cands if c.kind in ("organisation", "group", "state")}
    ent_by_end = {t: (s, t, label) for s, t, label in ents if label == "ORG"}
    at = {i: c for c in cands for i in range(c.start, c.end)}
    learnt: dict[str, Cand] = {}
    out: list[Cand] = []
    for i in range(1, len(doc) - 2):
        if keys[i] != "(" or keys[i + 2] != ")":
            continue
        acr = doc[i + 1].text
        if not (acr.isupper() and acr.isalpha() and 2 <= len(acr) <= 8):
            continue
        known = at.get(i + 1)
        before = by_end.get(i)
        if before is not None and known is None:
            learnt[keys[i + 1]] = before
            out.append(_copy(before, i + 1, i + 2, "acronym"))
        elif i in ent_by_end and before is None:
            s, t, _ = ent_by_end[i]
            if known is not None:
                out.append(_copy(known, s, t, "name"))  # the long form of a known acronym
                continue
            state = _state_before(ctx, at, s) or named_after_state(ctx, at, s, t)
            name = doc[s:t].text
            if state is not None:
                new = Cand(s, t, "organisation", "body", code=state, name=name)
            else:
                new = Cand(s, t, "organisation", "acronym", code=acr, name=name)
            learnt[keys[i + 1]] = new
            out.extend([new, _copy(new, i + 1, i + 2, "acronym")])
    if learnt:
        taken = set(at) | {i for c in out for i in range(c.start, c.end)}
        for tok in doc:
            c = learnt.get(keys[tok.i])
            if c is not None and tok.i not in taken and tok.text.isupper():
                out.append(_copy(c, tok.i, tok.i + 1, "acronym"))
    return out


def _copy(c: Cand, start: int, end: int, how: str) -> Cand:
    how = c.how if c.how == "body" else how  # a body of a state stays one actor under both names
    return Cand(start, end, c.kind, how, code=c.code, name=c.name, sector=c.sector, entry=c.entry, label=c.label)


# last words of an association named after the state it works in ("the Nigerian Union of
# Teachers", "Montenegro Municipality Association"); parties and movements are groups of their own
STATE_NAMED_HEADS = frozenset({"association", "union", "council", "committee", "federation", "confederation",
                               "chamber", "society", "syndicate", "institute", "foundation", "league"})


def named_after_state(ctx: DocContext, at: dict[int, Cand], s: int, t: int) -> str | None:
    """The state an organisation the knowledge base does not know is named after: its name starts
    with the state's name or demonym and its head is an association word ("Nigerian Union of
    Teachers" acts for Nigeria, as CAMEO codes it NGA)."""
    c = at.get(s)
    if c is None or c.kind != "state" or c.start != s or not c.code or c.end >= t:
        return None
    heads = {ctx.keys[i] for i in range(c.end, t) if ctx.tokens[i].dep_ not in ("pobj", "compound")
             or ctx.tokens[i].head.i >= t or ctx.tokens[i].head.i < s}
    heads |= {ctx.keys[ctx.doc[s:t].root.i]}
    return c.code if heads & STATE_NAMED_HEADS else None


def _state_before(ctx: DocContext, at: dict[int, Cand], s: int) -> str | None:
    for j in (s - 1, s - 2):
        c = at.get(j)
        if c is not None and c.kind == "state":
            return c.code
        if j >= 0 and ctx.keys[j] not in ("'s", "the"):
            break
    return None


def state_bodies(ctx: DocContext, refs: dict[int, Cand], person_code: dict[int, str | None],
                 taken: set[int]) -> list[Cand]:
    """"Taiwan's defence ministry", "the Israeli military", "the Biden administration"."""
    doc, keys, lex = ctx.doc, ctx.keys, ctx.lex
    out = []
    longest = max((len(k) for k in lex.body_heads), default=1)
    firsts = {k[0] for k in lex.body_heads}
    doc = ctx.tokens
    for i, key in enumerate(keys):
        if key not in firsts:
            continue
        head = None
        for n in range(longest, 0, -1):
            if i + n <= len(doc) and tuple(keys[i:i + n]) in lex.body_heads:
                head = (i, i + n, lex.body_heads[tuple(keys[i:i + n])])
                break
        if head is None or any(j in taken for j in range(head[0], head[1])):
            continue
        last = doc[head[1] - 1]
        if last.dep_ in ("compound", "amod") or last.pos_ not in ("NOUN", "PROPN"):
            continue  # "military bases", "Foreign Ministry spokesman"
        if head[1] < len(doc) and doc[head[1]].pos_ in ("NOUN", "PROPN") and doc[head[1]].dep_ != "appos":
            continue
        code, j = None, head[0] - 1
        start = head[0]
        while j >= 0 and head[0] - j <= 4:
            k = keys[j]
            if j in refs and refs[j].kind in ("state", "location") and ref_code(refs[j]):
                code, start = ref_code(refs[j]), refs[j].start
                break
            if j in person_code and person_code[j]:
                code, start = person_code[j], j
                while start - 1 in person_code:
                    start -= 1
                break
            if j == head[0] - 1 and head[2] == "GOV" and keys[head[0]] in LEADER_BODIES:
                leader = _leader_state(ctx, j)
                if leader is not None:
                    code, start = leader, j
                    break
            if k in ("'s", "'") or doc[j].pos_ in ("ADJ", "NOUN", "PROPN"):
                j -= 1
                continue
            break
        if code is None:
            continue
        name = ctx.doc[start:head[1]].text
        out.append(Cand(start, head[1], "organisation", "body", code=code, name=name, sector=head[2]))
    return out


# bodies named after the leader who heads them: "the Bush administration", "the Sharon government"
LEADER_BODIES = frozenset({"administration", "government", "cabinet"})
LEADER_ROLES = frozenset({"president", "prime minister", "premier", "chancellor"})


def _leader_state(ctx: DocContext, j: int) -> str | None:
    """The state of a head of state or government named by surname alone right before a body
    ("Bush" in "the Bush administration", with no date to tell the two Bushes apart): every office
    holder of the knowledge base with that surname acts for the same state."""
    tok = ctx.tokens[j]
    if tok.pos_ != "PROPN" or not tok.is_title or (j > 0 and ctx.tokens[j - 1].pos_ == "PROPN"):
        return None
    found = {e.code for e in ctx.kb.persons_by_surname(tok.text, None)
             if (e.role or "").lower() in LEADER_ROLES and e.code in ctx.kb.states}
    return found.pop() if len(found) == 1 else None


def classify_unknown(ctx: DocContext, ents: list[tuple[int, int, str]], taken: set[int],
                     refs: dict[int, Cand] | None = None) -> list[Cand]:
    """The remaining entities: companies, groups, places, associations named after a state
    (``refs``: the known names, token -> candidate); everything else is dropped."""
    doc, keys, lex = ctx.doc, ctx.keys, ctx.lex
    out = []
    for s, t, label in ents:
        if label == "ORG" and refs and s in refs and not any(i in taken for i in range(refs[s].end, t)):
            state = named_after_state(ctx, refs, s, t)
            if state is not None:
                out.append(Cand(s, t, "organisation", "body", code=state, name=doc[s:t].text, label=label))
                continue
        if any(i in taken for i in range(s, t)):
            continue
        words = keys[s:t]
        text = doc[s:t].text
        if label == "ORG":
            if any(w in lex.media_words for w in words):
                continue
            if words[-1] in lex.company_suffixes and t - s >= 2:
                out.append(Cand(s, t, "organisation", "name", code=text, name=text, label=label))
            elif any(w in lex.group_words for w in words):
                out.append(Cand(s, t, "group", "name", code=text, name=text, label=label))
        elif label in ("GPE", "LOC", "FAC"):
            if t - s == 1 and words[0] in lex.not_places:
                continue
            if all(ctx.is_cap(i) or not any(ch.isalpha() for ch in doc[i].text) for i in range(s, t)) \
                    and not ctx.kb.is_title_word(words[-1]):
                out.append(Cand(s, t, "location", "name", code=None, name=text, label=label))
    return out
