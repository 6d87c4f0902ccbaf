"""Places the model did not tag as places ("shelled Silopi", "in Malatya" tagged PERSON, "near the
town of Baqubah" tagged NORP): a capitalised name in a place's position that no actor owns is
looked up in the gazetteer.

A place's position: the object of "in"/"near"/"outside"... or of a verb whose object is a place
("shelled", "stormed"; ``place_verbs`` in resolution.yaml). Only such tokens cost a lookup, one
dict lookup each in the gazetteer table (gazetteer.py), so the work follows the few candidates,
not the size of the gazetteer.

A place named by a direction and a state or region ("Northern Iraq", "North Sinai") is in that
state (``compass_part``), for tagged places too.
"""
from __future__ import annotations

from .context import Cand, DocContext
from .gazetteer import place_country
from .lexicon import first_names
from .normalise import fold

# narrower than the lexicon's locative prepositions: "over X", "between X", "rallied around X"
# rarely hold a town
PLACE_PREPS = frozenset({"in", "near", "outside", "inside", "throughout", "across"})
# a name the model tags as an organisation, a date or a number is not a town it missed
_UNTAGGED_LABELS = frozenset({"", "PERSON", "NORP", "GPE", "LOC", "FAC"})


def untagged_places(ctx: DocContext, taken: set[int]) -> list[Cand]:
    """Location candidates for capitalised names in a place's position that the gazetteer knows."""
    doc, lex = ctx.doc, ctx.lex
    out: list[Cand] = []
    for tok in ctx.tokens:
        if tok.pos_ != "PROPN" or tok.i in taken or not ctx.is_cap(tok.i) or not _place_slot(tok, lex) \
                or ctx.ent_label.get(tok.i, "") not in _UNTAGGED_LABELS:
            continue
        start = tok.i
        # "Kafr Nabl": the name's other words hang on its last word
        while start > 0 and doc[start - 1].head.i == tok.i and doc[start - 1].dep_ == "compound" \
                and doc[start - 1].pos_ == "PROPN" and ctx.is_cap(start - 1) and start - 1 not in taken:
            start -= 1
        name = doc[start:tok.i + 1].text
        if start == tok.i and person_name(ctx.kb, tok.text, ctx.when):
            continue
        if place_country(name) is not None or compass_part(ctx.kb, name) is not None:
            out.append(Cand(start, tok.i + 1, "location", "name", code=None, name=name, label="GPE"))
    return out


# "the town of Baqubah", "the province of Kunar"
SETTLEMENT_NOUNS = frozenset({"town", "city", "village", "province", "region", "district", "port", "capital",
                              "outskirts", "suburbs", "streets", "centre", "center"})


def person_name(kb, word: str, when=None, given: bool = True) -> bool:
    """"faith in Obama", "a town near Mandela": many surnames and given names are also towns'
    names; one the knowledge base (or, with ``given``, the given-names list) knows as a
    person's is not a place."""
    key = fold(word)
    return bool(kb.persons_by_surname(key, when)) or (given and key in first_names())


def _place_slot(tok, lex) -> bool:
    if tok.dep_ == "conj" and tok.head.pos_ == "PROPN":
        tok = tok.head  # "shelled Silopi and Nusaybin"
    if tok.dep_ == "pobj":
        prep = tok.head
        if prep.lower_ == "of":
            return prep.head.lower_ in SETTLEMENT_NOUNS
        return prep.lower_ in PLACE_PREPS
    return tok.dep_ == "dobj" and tok.head.lemma_.lower() in lex.place_verbs


COMPASS = frozenset({"north", "northern", "south", "southern", "east", "eastern", "west", "western",
                     "central"})


def compass_part(kb, name: str) -> str | None:
    """"Northern Iraq", "Eastern Ukraine", "North Sinai": a part of a state or region named by
    its direction is in that state, unless a state bears the directed name ("Southern Sudan"
    may be South Sudan, "Northern Korea" North Korea): then nothing is said."""
    words = name.split()
    if len(words) < 2 or words[0].lower() not in COMPASS:
        return None
    rest = " ".join(words[1:])
    entry = kb.lookup(rest)
    code = entry.code if entry is not None and entry.kind == "state" else place_country(rest)
    if code is None:
        return None
    for direction in ("North", "South", "East", "West"):
        other = kb.lookup(f"{direction} {rest}")
        if other is not None and other.kind == "state" and other.code != code:
            return None
    return code
