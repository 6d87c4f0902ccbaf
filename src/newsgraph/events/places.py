"""The place an event happened: a location named in the trigger's clause.

"After meeting with Blinken at the State Department in Washington D.C." → "Washington D.C.":
a GPE/LOC/FAC entity that is the object of a locative preposition (in, at, near, ...) in the
subtree of the trigger or of the clause head it hangs from. Cities and regions win over
facilities; entities that are the event's own actors are skipped.
"""
from __future__ import annotations

from ..nlp import dateline_end, doc_tokens, sent_ents

LOCATIVE_PREPS = {"in", "at", "near", "inside", "outside", "off", "across", "over", "within", "around"}
_RANK = {"GPE": 0, "LOC": 1, "FAC": 2}


def _clause_tokens(trigger):
    head = trigger
    # Nominal triggers ("meeting", "visit") and infinitives take their place from the governing verb.
    while head.dep_ in ("pobj", "pcomp", "dobj", "xcomp", "acl", "advcl", "nsubj", "nsubjpass") and head.head is not head:
        if head.dep_ in ("advcl", "acl") and head.pos_ == "VERB":
            break
        head = head.head
    return {t.i for t in trigger.subtree} | {t.i for t in head.subtree if t.dep_ in ("prep", "pobj") or t.head.i == head.i}


def find_location(doc, sent, trigger, exclude_tokens: set[int] | frozenset[int] = frozenset()) -> str | None:
    """Text of the best location entity for the event, or None."""
    candidates = []
    scope = _clause_tokens(trigger)
    for ent in sent_ents(sent):
        if ent.label_ not in _RANK:
            continue
        if any(t.i in exclude_tokens for t in ent):
            continue
        root = ent.root
        prep = root.head if root.dep_ == "pobj" else None
        # "at the State Department in Washington": the city hangs from the facility.
        while prep is not None and prep.dep_ == "prep" and prep.lower_ not in LOCATIVE_PREPS and prep.head.dep_ == "pobj":
            prep = prep.head.head
        if prep is None or prep.lower_ not in LOCATIVE_PREPS:
            continue
        if prep.i not in scope and root.i not in scope:
            continue
        candidates.append((_RANK[ent.label_], abs(root.i - trigger.i), ent.text))
    if not candidates:
        # The small model misses many place names ("in Kyiv"): a proper noun after a locative
        # preposition in the clause is the next best evidence.
        for tok in sent:
            if (tok.dep_ == "pobj" and tok.pos_ == "PROPN" and not tok.ent_type_ and tok.i not in exclude_tokens
                    and tok.head.lower_ in LOCATIVE_PREPS and (tok.head.i in scope or tok.i in scope)):
                left = min([tok.i] + [c.i for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"])
                candidates.append((3, abs(tok.i - trigger.i), doc[left: tok.i + 1].text))
    if not candidates:
        return None
    return min(candidates)[2]


def dateline_tokens(doc, mentions) -> set[int]:
    """Tokens of actor names inside a dateline ("KYIV, June 12 (Reuters) -", ``nlp.dateline_end``):
    the place a report was filed from takes no part in the events of the sentence it opens.
    Only actor mentions are looked at, so the cost is per mention, not per token."""
    tokens = doc_tokens(doc)
    out: set[int] = set()
    for m in mentions:
        stop = dateline_end(doc, m.start)
        if stop is not None and tokens[m.start].idx < stop:
            out.update(range(m.start, m.end))
    return out
