"""Per-document facts every resolution rule needs: token keys, quotation regions, sentences.

Computed once per document in one pass over the tokens.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ..nlp import doc_ents, doc_tokens
from .kb import KnowledgeBase
from .lexicon import Lexicon, lexicon
from .normalise import fold

# "a U.S.-led push", "a U.N.- backed force": the tokenizer leaves an abbreviation's hyphen (and a
# lower-case participle) on it; the name is the abbreviation ("U.S.-China" is left alone)
_ABBREV_HYPHEN = re.compile(r"((?:[A-Za-z]\.){2,})-[a-z]*")


def _token_key(text: str) -> str:
    if "-" in text:
        m = _ABBREV_HYPHEN.fullmatch(text)
        if m:
            return fold(m.group(1))
    return fold(text)


_KEY_OF_ORTH: dict[int, str] = {}


def _keys(doc, tokens) -> list[str]:
    """Every token's key, looked up by its form's string id (a Token's text is built per access)."""
    from spacy.attrs import ORTH  # spaCy is imported lazily, as in nlp.py

    memo = _KEY_OF_ORTH
    if len(memo) > 200_000:
        memo.clear()  # a long ingest meets ever new words
    out = []
    for i, orth in enumerate(doc.to_array(ORTH).tolist()):
        key = memo.get(orth)
        if key is None:
            key = memo[orth] = _token_key(tokens[i].text)
        out.append(key)
    return out


_OPEN = {"\u201c": "\u201d", "\u00ab": "\u00bb"}
_CLOSE = {"\u201d", "\u00bb"}


@dataclass
class Cand:
    """A candidate mention: token range [start, end) and what it denotes."""

    start: int
    end: int
    kind: str  # person | state | organisation | group | location
    how: str  # name | kb | demonym | capital | institution | acronym | surname | body | title | pronoun
    code: str | None = None
    name: str = ""
    sector: str | None = None
    entry: object | None = None
    label: str | None = None  # the NER label, when the mention came from an entity

    @property
    def key(self) -> tuple[str, str | None, str]:
        return (self.kind, self.code, self.name)


@dataclass
class DocContext:
    doc: object
    kb: KnowledgeBase
    when: date | None
    lex: Lexicon = field(default_factory=lexicon)

    def __post_init__(self) -> None:
        doc = self.doc
        self.tokens = doc_tokens(doc)  # shared with the other stages: never modified
        self.keys: list[str] = _keys(doc, self.tokens)
        self.quoted: list[bool] = _quoted(self.tokens)
        self.sent_of: list[int] = [0] * len(doc)
        self.sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        for n, s in enumerate(self.sents):
            self.sent_of[s.start:s.end] = [n] * (s.end - s.start)
        self.ent_label: dict[int, str] = {}
        for e in doc_ents(doc):
            label = e.label_
            for i in range(e.start, e.end):
                self.ent_label[i] = label

    def cached(self, name: str, make):
        """A per-document value computed once (title phrases are asked for by several rules)."""
        cache = self.__dict__.setdefault("_cache", {})
        if name not in cache:
            cache[name] = make()
        return cache[name]

    def is_cap(self, i: int) -> bool:
        t = self.tokens[i].text
        return bool(t) and (t[0].isupper() or (t[0] in "'\"" and len(t) > 1 and t[1].isupper()))

    def sentence(self, i: int):
        return self.sents[self.sent_of[i]]


def _quoted(tokens) -> list[bool]:
    """True for tokens between quotation marks (curly pairs, or straight quotes toggled per line)."""
    flags = [False] * len(tokens)
    depth = 0
    straight = False
    for t in tokens:
        text = t.text
        if text in _OPEN:
            depth += 1
            continue
        if text in _CLOSE:
            depth = max(0, depth - 1)
            continue
        if text == '"' or text == "``" or text == "''":
            straight = not straight
            continue
        flags[t.i] = depth > 0 or straight
        if "\n" in text or "\n" in t.whitespace_:
            # a paragraph break closes any quotation left open by a typo
            depth = 0
            straight = False
    return flags
