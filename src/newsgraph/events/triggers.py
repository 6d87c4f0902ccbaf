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
    head = tok.lemma_.lower()
    if tok.lower_ != head and (tok.lower_, pos) in lexicon.surface:
        head = tok.lower_  # a dictionary that codes this very form apart from its lemma
    found = lexicon.candidates(head, pos)
    if not found and tok.lower_ != head:
        head = tok.lower_
        found = lexicon.candidates(head, pos)
    if not found and pos == "verb":
        for stem in _verb_stems(tok):
            found = lexicon.candidates(stem, pos)
            if found:
                head = stem
                break
    if not found:
        return []
    return lexicon.select(head, pos, lambda: _near_lemmas(tok))


def find_triggers(doc, lexicon: Lexicon) -> list[TriggerMatch]:
    out = []
    for tok in doc_tokens(doc):
        entries = match_token(tok, lexicon)
        if entries:
            out.append(TriggerMatch(tok, entries))
    return out
