"""Finding candidate mentions: knowledge-base names scanned directly, and spaCy entities.

The small model mislabels often ("Niger" as a person, "Stoltenberg" as a place), so a name
the knowledge base knows is taken from the knowledge base whatever its entity label, and
the entity label only decides names the knowledge base does not know.
"""
from __future__ import annotations

from .context import Cand, DocContext
from .kb import choose_by_date
from .normalise import fold

ENTITY_LABELS = ("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC")
_TRIM_LEFT = {"the", "a", "an", '"', "'", "(", "\u201c", "\u2018", "-", "--"}
_TRIM_RIGHT = {"'s", "'", '"', ")", ",", ".", "\u201d", "\u2019", "-", "--", ":", ";"}


def kb_scan(ctx: DocContext) -> list[Cand]:
    """Longest knowledge-base alias at each position, left to right, names capitalised."""
    kb, keys = ctx.kb, ctx.keys
    n = len(keys)
    out: list[Cand] = []
    i = 0
    while i < n:
        found = None
        for length in kb.lengths_from(keys[i]):
            if i + length > n:
                continue
            key = tuple(keys[i:i + length])
            hits = kb.hits(key)
            if key in kb.upper_only and not all(t.is_upper or not t.is_alpha for t in ctx.tokens[i:i + length]):
                continue
            if hits and _capitalised(ctx, i, i + length):
                found = (length, hits)
                break
        if found is None:
            i += 1
            continue
        length, hits = found
        cand = _cand_from_hits(ctx, i, i + length, hits)
        if cand is not None:
            out.append(cand)
        i += length
    return out


def _capitalised(ctx: DocContext, start: int, end: int) -> bool:
    """Names are written with capitals; "us" and "china" (porcelain) are not names."""
    toks = ctx.tokens[start:end]
    alpha = [t.text for t in toks if any(c.isalpha() for c in t.text)]
    return bool(alpha) and any(ctx.is_cap(t.i) for t in toks if t.text in alpha) and \
        not (len(alpha) == 1 and alpha[0].islower())


def _cand_from_hits(ctx: DocContext, start: int, end: int, hits) -> Cand | None:
    hits = [h for h in hits if (h.entry.sector or "").upper() not in ctx.lex.media_sectors]
    if not hits:
        return None  # news media are not actors
    best = hits[0]
    e = best.entry
    if e.kind == "person":
        entry = choose_by_date([h.entry for h in hits if h.entry.kind == "person"], ctx.when)
        return Cand(start, end, "person", "kb", code=entry.code, name=entry.name, sector=entry.sector, entry=entry)
    if e.kind == "state":
        how = {"demonym": "demonym", "capital": "capital"}.get(best.how, "name")
        cand = Cand(start, end, "state", how, code=e.code, name=e.name, entry=e)
        if how == "capital" and is_place(ctx, start, end):
            return Cand(start, end, "location", "capital", code=None, name=ctx.doc[start:end].text, entry=e)
        return cand
    if e.kind == "location":
        return Cand(start, end, "location", "kb", code=None, name=e.name, entry=e)
    code = e.code or e.name
    if code in ctx.kb.states and fold(e.name) in ctx.lex.state_metonyms:
        state = ctx.kb.states[code]
        return Cand(start, end, "state", "institution", code=code, name=state.name, entry=e)
    how = "institution" if code in ctx.kb.states else "name"
    if how == "institution" and _modifies_noun(ctx, end):
        # "German military bases", "Philippine military chief", "Russian forces": the state
        state = ctx.kb.states[code]
        return Cand(start, end, "state", "demonym", code=code, name=state.name, entry=state)
    return Cand(start, end, e.kind, how, code=code, name=e.name, sector=e.sector, entry=e)


def _modifies_noun(ctx: DocContext, end: int) -> bool:
    last = ctx.doc[end - 1]
    if ctx.keys[end - 1] in ctx.lex.force_nouns:
        return True
    if end < len(ctx.doc):
        nxt = ctx.doc[end]
        return nxt.pos_ in ("NOUN", "PROPN") and last.dep_ in ("compound", "amod", "nmod") and last.head.i >= end
    return False


def is_place(ctx: DocContext, start: int, end: int) -> bool:
    """Whether a capital serves as a place here ("in Moscow") rather than the state ("Moscow said")."""
    doc, lex = ctx.doc, ctx.lex
    head = doc[end - 1]
    nxt = doc[end] if end < len(doc) else None
    if nxt is not None and ctx.keys[end] in ("d.c.", "dc") or (nxt is not None and nxt.text == "," and end + 1 < len(doc)
                                                              and ctx.keys[end + 1] in ("d.c.", "dc")):
        return True
    if doc[start].is_upper and len(doc[start]) > 2 and (start == 0 or "\n" in doc[start - 1].text
                                                        or "\n" in doc[start - 1].whitespace_):
        return True  # a dateline: "KYIV, Ukraine"
    gov = head.head
    if head.dep_ == "pobj":
        prep = gov.lower_
        if prep in lex.locative_preps:
            return True
        if prep == "to" and (gov.head.lower_ in lex.motion_words or gov.head.lemma_.lower() in lex.motion_words):
            return True
    if head.dep_ in ("poss", "compound", "nmod"):
        if gov.lower_ in lex.place_nouns or ctx.ent_label.get(gov.i) in ("FAC", "ORG", "LOC", "GPE"):
            return True
        if head.dep_ in ("compound", "nmod") and gov.pos_ in ("PROPN",):
            return True
    if head.dep_ == "appos" and gov.dep_ == "pobj" and gov.head.lower_ in lex.locative_preps:
        return True
    return False


def entity_spans(ctx: DocContext) -> list[tuple[int, int, str]]:
    """spaCy entities of the kinds that can be actors, trimmed of articles, quotes and "'s"."""
    out = []
    for e in ctx.doc.ents:
        if e.label_ not in ENTITY_LABELS:
            continue
        s, t = e.start, e.end
        while s < t and ctx.keys[s] in _TRIM_LEFT:
            s += 1
        while t > s and (ctx.keys[t - 1] in _TRIM_RIGHT or ctx.doc[t - 1].is_space):
            t -= 1
        if s < t:
            out.append((s, t, e.label_))
    return out


def reconcile(ctx: DocContext, kb_cands: list[Cand], ents: list[tuple[int, int, str]]):
    """Decide between knowledge-base matches and overlapping entities.

    Returns (kb candidates kept, entities left for the rules that handle unknown names).
    A knowledge-base match covering an entity wins; a longer person or organisation name
    wins over a knowledge-base match inside it ("Georgia Meloni", "Chinese Foreign
    Ministry"); a place containing a state name stays a place ("the South China Sea").
    """
    by_token: dict[int, Cand] = {}
    for c in kb_cands:
        for i in range(c.start, c.end):
            by_token[i] = c
    dropped: set[int] = set()
    rest: list[tuple[int, int, str]] = []
    for s, t, label in ents:
        if label == "PERSON":
            # "Russian President Vladimir Putin" tagged whole: the name starts after the title
            while s < t and (by_token.get(s) is not None and by_token[s].kind != "person"
                             or ctx.kb.is_title_word(ctx.keys[s]) and not name_like(ctx, s, t)
                             or ctx.keys[s] in ctx.lex.honorifics):
                s += 1
            if s >= t:
                continue
        inside = {id(c): c for i in range(s, t) if (c := by_token.get(i)) is not None}
        if not inside:
            rest.append((s, t, label))
            continue
        cands = list(inside.values())
        if any(c.start <= s and c.end >= t for c in cands):
            continue  # the knowledge base names the entity
        if label == "PERSON":
            # "Kim Jong Un" is not the UN; "Jordan Peterson" is not Jordan
            dropped.update(id(c) for c in cands)
            rest.append((s, t, label))
        elif label in ("LOC", "FAC"):
            if all(c.kind in ("state", "location") for c in cands):
                dropped.update(id(c) for c in cands)
                rest.append((s, t, "LOC"))
        elif label == "ORG":
            rest.append((s, t, label))  # "Chinese Foreign Ministry": the state inside is kept too
    kept = [c for c in kb_cands if id(c) not in dropped]
    return kept, rest


def name_like(ctx: DocContext, s: int, t: int) -> bool:
    """"Amir" in "Amir Saeid Iravani" is a given name, though "Amir" is also a title."""
    return ctx.keys[s] in ctx.lex.name_like_titles and t - s >= 3
