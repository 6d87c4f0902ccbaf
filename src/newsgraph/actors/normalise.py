"""How names are compared: one normalisation for knowledge-base aliases and article tokens.

Aliases are tokenised with spaCy's English tokenizer (the same rules the model uses), so an
alias and a stretch of article text compare as tuples of token keys. A key is the token
lower-cased with curly quotes folded and accents removed; a leading "the" is not part of
an alias ("the U.S." and "U.S." are one alias).
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})


@lru_cache(maxsize=262144)
def fold(text: str) -> str:
    """Lower-case, straight quotes, no accents: the key a token or a name is compared by."""
    text = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def name_key(text: str) -> str:
    """A whole name as one comparable string ("the U.S." → "u.s.")."""
    return " ".join(alias_key(text))


@lru_cache(maxsize=1)
def _tokenizer():
    import spacy

    return spacy.blank("en").tokenizer


@lru_cache(maxsize=65536)
def alias_key(alias: str) -> tuple[str, ...]:
    """Token keys of an alias as the article's tokenizer would split it, without a leading "the"."""
    words = [fold(t.text) for t in _tokenizer()(alias.strip()) if not t.is_space]
    while words and words[0] == "the":
        words = words[1:]
    return tuple(words)


def token_key(token) -> str:
    """The key of one article token (spaCy Token), comparable with ``alias_key`` elements."""
    return fold(token.text)
