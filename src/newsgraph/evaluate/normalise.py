"""Text and name normalisation exactly as GOLD_FORMAT.md's scoring rules define it."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

_FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
                       "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
                       "\u00ab": '"', "\u00bb": '"'})
_PUNCT = re.compile(r"[^\w\s]|_", re.UNICODE)
_SPACE = re.compile(r"\s+")
_NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def normalise(text: str) -> str:
    """NFKC, accents removed, quotes folded, lower-cased, punctuation removed, spaces collapsed."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = text.translate(_FOLD).lower()
    text = _PUNCT.sub(" ", text)
    return _SPACE.sub(" ", text).strip()


def tokens(text: str) -> list[str]:
    return normalise(text).split()


def overlap(a: list[str], b: list[str]) -> int:
    """Size of the multiset intersection of two token lists."""
    return sum((Counter(a) & Counter(b)).values())


def quote_match(pred: list[str], gold: list[str]) -> int:
    """The overlap if it is at least half of the longer token list, else 0."""
    if not pred or not gold:
        return 0
    shared = overlap(pred, gold)
    return shared if 2 * shared >= max(len(pred), len(gold)) else 0


def _name_tokens(name: str) -> list[str]:
    toks = tokens(name)
    while toks and toks[-1] in _NAME_SUFFIXES:
        toks.pop()
    return toks


def same_person(a: str | None, b: str | None) -> bool:
    """Last tokens equal and, where both give a first name, first names share the first letter."""
    if not a or not b:
        return False
    ta, tb = _name_tokens(a), _name_tokens(b)
    if not ta or not tb or ta[-1] != tb[-1]:
        return False
    if len(ta) > 1 and len(tb) > 1:
        return ta[0][0] == tb[0][0]
    return True
