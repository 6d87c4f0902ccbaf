"""Stable article ids: the same story re-ingested from any format gets the same id.

The id hashes a normalised form of the text, so differences that do not change the story
(Unicode compatibility forms, curly versus straight quotes, dashes, case, line wrapping)
do not change the id. Near-duplicates (light edits) are ``dedup``'s job, not this one's.
"""
from __future__ import annotations

import hashlib
import unicodedata

ID_LENGTH = 16

# Typographic variants that outlets and CMSs swap freely for the same wire copy.
_FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2039": "'", "\u203a": "'",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u00ad": None, "\u200b": None, "\u200c": None, "\u200d": None, "\ufeff": None,
})


def normalise_text(text: str) -> str:
    """NFKC, quotes and dashes folded, casefolded, whitespace collapsed to single spaces."""
    folded = unicodedata.normalize("NFKC", text).translate(_FOLD).casefold()
    return " ".join(folded.split())


def article_id(text: str) -> str:
    """First 16 hex digits of the SHA-256 of ``normalise_text(text)``."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:ID_LENGTH]
