"""Find trigger tokens in a parsed document: one dict lookup per content token.

A token triggers when its (lemma, pos) is in the lexicon and the entry's required words
("call on", "impose sanction", "military aid") hang from it as children or grandchildren. The
most specific matching entry comes first; the arguments stage picks the first whose frame
yields a complete dyad.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..nlp import doc_tokens
from .lexicon import Lexicon, Trigger

_POS = {"VERB": "verb", "NOUN": "noun", "PROPN": "noun"}


@dataclass
class TriggerMatch:
    token: object  # spacy Token
    entries: list[Trigger]


def _near_lemmas(tok) -> set[str]:
    out: set[str] = set()
    for c in tok.children:
        if c.dep_ == "prep" and any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in c.children):
            continue  # "called X on Tuesday" is a phone call, not "call on"
        out.add(c.lemma_.lower())
        out.add(c.lower_)
        for g in c.children:
            out.add(g.lemma_.lower())
            out.add(g.lower_)
    return out


def _verb_stems(tok) -> tuple[str, ...]:
    """Base forms of an inflected verb the lemmatizer got wrong ("cordoned" -> "cordone"):
    the regular -ed/-ing/-s endings taken off, with and without a final e."""
    low = tok.lower_
    for suffix, tags in (("ed", ("VBD", "VBN")), ("ing", ("VBG",)), ("s", ("VBZ",))):
        if tok.tag_ in tags and low.endswith(suffix) and len(low) > len(suffix) + 2:
            base = low[:-len(suffix)]
            return (base, base + "e") if suffix != "s" else (base,)
    return ()


def match_token(tok, lexicon: Lexicon) -> list[Trigger]:
    pos = _POS.get(tok.pos_)
    if pos is None:
        return []
    found = lexicon.candidates(tok.lemma_.lower(), pos)
    if not found and tok.lower_ != tok.lemma_.lower():
        found = lexicon.candidates(tok.lower_, pos)
    if not found and pos == "verb":
        for stem in _verb_stems(tok):
            found = lexicon.candidates(stem, pos)
            if found:
                break
    if not found:
        return []
    near: set[str] | None = None
    out: list[Trigger] = []
    for entry in found:
        if entry.requires:
            if near is None:
                near = _near_lemmas(tok)
            if not all(w in near for w in entry.requires):
                continue
        out.append(entry)
    return out


def find_triggers(doc, lexicon: Lexicon) -> list[TriggerMatch]:
    out = []
    for tok in doc_tokens(doc):
        entries = match_token(tok, lexicon)
        if entries:
            out.append(TriggerMatch(tok, entries))
    return out
