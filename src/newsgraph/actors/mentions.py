"""Finding candidate mentions: knowledge-base names scanned directly, and spaCy entities.

The small model mislabels often ("Niger" as a person, "Stoltenberg" as a place), so a name
the knowledge base knows is taken from the knowledge base whatever its entity label, and
the entity label only decides names the knowledge base does not know.
"""
from __future__ import annotations

from .context import Cand, DocContext
from .epithets import epithet_end
from .gazetteer import place_country
from .index import ActorIndex
from .kb import choose_by_date, current_hits
from ..records import Actor, Span
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
        if found is None or _inside_unknown_name(ctx, i, found, out):
            i += 1
            continue
        length, hits = found
        cand = _cand_from_hits(ctx, i, i + length, hits)
        if cand is not None:
            out.append(cand)
        i += length
    return out


def _inside_unknown_name(ctx: DocContext, i: int, found, out: list[Cand]) -> bool:
    """A one-word dictionary name ending a longer capitalised name the knowledge base does
    not know ("Organization" in "Coastal Farmers Organization", "Tigers" in "Harbour Tigers
    Fan Club") is part of that name: PETRARCH dictionaries hold such generic synonyms."""
    length, hits = found
    if length != 1 or i == 0 or not all(h.entry.source.startswith("petrarch:") for h in hits):
        return False
    prev = ctx.tokens[i - 1]
    if out and out[-1].end == i:
        return False  # "Russian Senate": the word before is a known name itself
    # a title-case word only: "MSF Freedonia diplomat" is an agent before a name, not one name
    return prev.is_alpha and prev.is_title and not prev.is_stop and not prev.is_sent_start


def _capitalised(ctx: DocContext, start: int, end: int) -> bool:
    """Names are written with capitals; "us" and "china" (porcelain) are not names."""
    toks = ctx.tokens[start:end]
    alpha = [t.text for t in toks if any(c.isalpha() for c in t.text)]
    return bool(alpha) and any(ctx.is_cap(t.i) for t in toks if t.text in alpha) and \
        not (len(alpha) == 1 and alpha[0].islower())


def _cand_from_hits(ctx: DocContext, start: int, end: int, hits) -> Cand | None:
    media = ctx.lex.media_sectors
    hits = [h for h in current_hits(hits, ctx.when) if (h.entry.sector or "").upper() not in media]
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
        if locative(ctx, head):
            return True
        if prep == "to" and (gov.head.lower_ in lex.motion_words or gov.head.lemma_.lower() in lex.motion_words):
            return True
    if head.dep_ in ("poss", "compound", "nmod"):
        if gov.lower_ in lex.place_nouns or ctx.ent_label.get(gov.i) in ("FAC", "ORG", "LOC", "GPE"):
            return True
        if head.dep_ in ("compound", "nmod") and gov.pos_ in ("PROPN",):
            return True
    if head.dep_ == "appos" and locative(ctx, gov):
        return True
    return False


# "between" and "among" name the parties of a relation noun, not a place
_PARTY_PREPS = frozenset({"between", "among", "amongst"})


def locative(ctx: DocContext, head) -> bool:
    """Whether a name ending at ``head`` is where something happens ("talks in Cambodia"),
    not a party of a relation ("ties between Russia and China", "the war between Russia and
    Ukraine", "talks between Israel and Hamas")."""
    if head.dep_ != "pobj":
        return False
    prep = head.head
    if prep.lower_ not in ctx.lex.locative_preps:
        return False
    if prep.lower_ in _PARTY_PREPS:
        gov = prep.head
        nouns = ctx.lex.relation_nouns
        if gov.pos_ in ("NOUN", "PROPN") and (gov.lower_ in nouns or gov.lemma_.lower() in nouns):
            return False
    return True


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
    for s, t, label in _split_lists(ctx, ents, by_token):
        if label in ("PERSON", "ORG") and (c := by_token.get(s)) is not None and (
                label == "PERSON" and _name_after_title(ctx, c, s, t) or _office_in_apposition(ctx, c, s, t, by_token)):
            # "its minister X", "X, Chile's foreign minister," where a dictionary lists X as another
            # name of a state: a title names a person, so X is that person's name here, not the state
            dropped.add(id(c))
            rest.append((s, t, "PERSON"))
            continue
        if label == "PERSON" and (c := by_token.get(t - 1)) is not None and c.kind != "person" \
                and c.end == t and s < c.start and epithet_end(ctx, s, c.start):
            continue  # "Evil Mordor", "Embattled Ukraine": an adjective before the known name (epithets.py)
        if label == "PERSON":
            # "Russian President Vladimir Putin" tagged whole: the name starts after the title
            while s < t and (by_token.get(s) is not None and _before_name(ctx, by_token[s], t)
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
            # "Freedonia of the Duke of Sylvania": a place name holds one known name at most
            if len(cands) == 1 and all(c.kind in ("state", "location") for c in cands):
                dropped.update(id(c) for c in cands)
                rest.append((s, t, "LOC"))
        elif label == "ORG":
            rest.append((s, t, label))  # "Chinese Foreign Ministry": the state inside is kept too
        elif label == "GPE" and len(cands) == 1 and cands[0].kind == "state" and cands[0].how == "name" \
                and place_country(ctx.doc[s:t].text):
            # "Northern Ireland", "New Mexico": a place the gazetteer knows by its whole name is
            # not the state whose name it holds (one lookup, only for such entities); a capital
            # inside a name ("East Jerusalem") stays with the knowledge base
            dropped.update(id(c) for c in cands)
            rest.append((s, t, "LOC"))
    kept = [c for c in kb_cands if id(c) not in dropped]
    return kept, rest


def _name_after_title(ctx: DocContext, c: Cand, s: int, t: int) -> bool:
    """A state's name (not its demonym or capital) that is the whole PERSON entity right after a
    lower-case title noun ("minister X", "president X") or in apposition to a title ("the
    minister, X,"); not a state qualifying a title after it ("a senior X official": "senior" is
    no title noun, "official" follows the name)."""
    if c.kind != "state" or c.how != "name" or (c.start, c.end) != (s, t) or s == 0:
        return False
    prev = ctx.tokens[s - 1]
    if t < len(ctx.tokens) and (ctx.kb.is_title_word(ctx.keys[t]) or ctx.tokens[t].pos_ == "NOUN"):
        return False
    if prev.text == "," and s >= 2:
        # "the Chilean foreign minister, X, said": X in apposition to the title
        title = ctx.tokens[s - 2]
        name = ctx.tokens[t - 1]
        return ctx.kb.is_title_word(ctx.keys[s - 2]) and title.pos_ in ("NOUN", "PROPN") \
            and name.dep_ == "appos" and name.head.i == title.i
    return prev.is_lower and prev.pos_ == "NOUN" and ctx.kb.is_title_word(ctx.keys[s - 1])


_APPOSITION_STOP = frozenset({",", ";", ":", ".", "!", "?", "(", ")", '"', "\u201c", "\u201d", "who", "which", "that"})


def _office_in_apposition(ctx: DocContext, c: Cand, s: int, t: int, by_token: dict[int, Cand]) -> bool:
    """A state's name that is the whole PERSON entity followed by an apposition stating an
    office of another state ("X, Chile's foreign minister, said"): the text says who X is and
    whom they serve, which beats a dictionary listing X as another name of a state."""
    if c.kind != "state" or c.how != "name" or (c.start, c.end) != (s, t) \
            or t + 2 >= len(ctx.tokens) or ctx.keys[t] != ",":
        return False
    other = office = False
    for j in range(t + 1, min(len(ctx.tokens), t + 10)):
        tok = ctx.tokens[j]
        if ctx.keys[j] in (",", ")") and j > t + 1:
            # the apposition closes after its office ("..., Chile's foreign minister, said"); not
            # "France, Germany's president said, ...": a verb after the title ends the search
            return office
        if ctx.keys[j] in _APPOSITION_STOP or tok.pos_ in ("VERB", "AUX") or ctx.sent_of[j] != ctx.sent_of[s]:
            return False
        o = by_token.get(j)
        if o is not None and o.kind == "state" and o.code != c.code:
            other = True
        elif o is None and other and ctx.kb.is_title_word(ctx.keys[j]):
            office = True
    return False


def _before_name(ctx: DocContext, c: Cand, t: int) -> bool:
    """Whether a known name opening a PERSON entity qualifies the person ("Russian President
    X", "U.S. envoy X", "Kremlin aide X") rather than being the first word of the name
    ("Vladimir Medinsky", "Jordan Peterson": a city or state name followed by a surname)."""
    if c.kind == "person":
        return False
    if c.how == "demonym" or c.end >= t:
        return True
    return not (ctx.is_cap(c.end) and ctx.keys[c.end] not in ("'s", "’s")
                and not ctx.kb.is_title_word(ctx.keys[c.end]))


_LIST_WORDS = frozenset({"and", "or", "nor", ",", ";", "with", "versus", "vs", "vs."})


def _split_lists(ctx: DocContext, ents: list[tuple[int, int, str]], by_token: dict[int, Cand]):
    """An entity that strings known names together ("Freedonia and Sylvania", "Freedonia
    with Sylvania", the small model tags such runs as one FAC or PERSON) is cut at the words that
    join them; a joining word inside a known name ("Trinidad and Tobago") does not cut."""
    for s, t, label in ents:
        cuts = [i for i in range(s, t) if ctx.keys[i] in _LIST_WORDS and i not in by_token]
        if not cuts or not any(i in by_token for i in range(s, t)):
            yield s, t, label
            continue
        start = s
        for i in [*cuts, t]:
            j, k = start, i
            while j < k and ctx.keys[j] in _TRIM_LEFT:
                j += 1
            if j < k:
                yield j, k, label
            start = i + 1


def add_joint_actors(ctx: DocContext, index: ActorIndex) -> None:
    """A dictionary name with several codes ("PINKY_AND_FRIENDS [FRD/SYL]") stands for each of
    those actors, the way "they" stands for the states it refers to: its tokens answer
    ``all_at`` with one actor per code (the one already resolved first), so an event with it
    as a party has every one of them as a party. A place (a location actor) stays one place."""
    kb = ctx.kb
    if not kb.has_joint_names:
        return
    by_code = {(a.kind, a.code): a.id for a in index.actors if a.code}
    for m in list(index.mentions):
        key = tuple(ctx.keys[m.start:m.end])
        group = kb.joint(key[1:] if key[:1] == ("the",) else key, ctx.when)
        if not group:
            continue
        actor = index.get(m.actor_id)
        if actor is None or actor.kind == "location" or len(index.all_at(m.start)) > 1:
            continue
        codes = {e.code for e in group}
        if actor.code not in codes:
            continue  # the name was resolved as something else here
        ids = [actor.id]
        span = Span(text=ctx.doc[m.start:m.end].text, start=ctx.doc[m.start].idx,
                    end=ctx.doc[m.end - 1].idx + len(ctx.doc[m.end - 1].text))
        for e in group:
            if e.code == actor.code or e.kind == "person":
                continue
            aid = by_code.get((e.kind, e.code))
            if aid is None:
                aid = f"a{len(index.actors) + 1}"
                index.actors.append(_joint_actor(kb, e, aid))
                by_code[(e.kind, e.code)] = aid
            other = index.get(aid)
            if not any((sp.start, sp.end) == (span.start, span.end) for sp in other.mentions):
                other.mentions.append(span)
            ids.append(aid)
        if len(ids) > 1:
            index.add_joint(m.start, m.end, ids, m.how)
    index.mentions.sort(key=lambda m: (m.start, m.end))


def _joint_actor(kb, e, aid: str) -> Actor:
    if e.kind == "state":
        state = kb.state(e.code)
        return Actor(id=aid, name=state.name if state else e.name, kind="state", code=e.code)
    org = kb.org(e.code)
    return Actor(id=aid, name=org.name if org else e.name, kind=e.kind, code=e.code, sector=e.sector,
                 country=e.country)


def name_like(ctx: DocContext, s: int, t: int) -> bool:
    """"Amir" in "Amir Saeid Iravani" is a given name, though "Amir" is also a title."""
    return ctx.keys[s] in ctx.lex.name_like_titles and t - s >= 3
