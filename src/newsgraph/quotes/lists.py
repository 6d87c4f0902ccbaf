"""Bulleted statements: "The envoy listed three demands:" followed by list items.

Each item paragraph (opening with a bullet, arrow or "1." / "2)") after a paragraph that ends
with a colon is reported speech of that paragraph's speaker, when its last sentence is a cue
verb (``speech`` or ``listing`` in the lexicon: said, named, listed, outlined …) with a
subject. The list ends at the first paragraph without a bullet. Items that are wholly a
direct quote are left to the direct stage.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from ..nlp import doc_text
from .lexicon import CueLexicon
from .marks import paragraphs
from .reported import ReportedCandidate
from .speakers import find_speaker

_BULLET = re.compile(r"(?:[→•▪▸►·*‣⁃–—-]|\d{1,2}[.)])[ \t]+")
_ITEM_END = ";,."


def list_statements(doc: Doc, lex: CueLexicon, in_quote: list[bool]) -> list[ReportedCandidate]:
    text = doc_text(doc)
    paras = paragraphs(text)
    out: list[ReportedCandidate] = []
    for n, (lo, hi) in enumerate(paras):
        if not text[lo:hi].endswith(":") or n + 1 >= len(paras):
            continue
        colon = doc.char_span(hi - 1, hi, alignment_mode="expand")
        if colon is None:
            continue
        verb = colon[0].sent.root
        lemma = verb.lemma_.lower()
        if (lemma not in lex.speech and lemma not in lex.listing) or not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            continue
        speaker = find_speaker(verb, lex)
        if speaker is None:
            continue
        for item_lo, item_hi in paras[n + 1:]:
            m = _BULLET.match(text, item_lo, item_hi)
            if m is None:
                break
            found = _item(doc, text, m.end(), item_hi, in_quote)
            if found is not None:
                out.append(ReportedCandidate(*found, (verb.i, verb.i + 1), speaker, "list"))
    return out


def _item(doc: Doc, text: str, lo: int, hi: int, in_quote: list[bool]) -> tuple[int, int] | None:
    """Token range of one item without its closing ";" or "."."""
    while hi > lo and text[hi - 1] in _ITEM_END:
        hi -= 1
    span = doc.char_span(lo, hi, alignment_mode="contract")
    if span is None or len(span) < 2 or all(in_quote[t.i] or t.is_punct for t in span):
        return None
    return span.start, span.end
