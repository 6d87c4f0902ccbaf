"""Epithets before a known name: "Evil Mordor", "Embattled Ukraine", "Oil-rich Kuwait".

At the start of a sentence or of a list item an adjective is capitalised, and the small model
then often tags "Embattled Ukraine" as one PERSON. Such an entity is the state (or organisation)
the knowledge base knows when every word before the name is an English adjective (or a
participle: "Beleaguered", "Neighbouring") and none is a given name ("Georgia Smith", "Chidi
Jordan" stay people).

Which words are adjectives comes from the English word lists spaCy's English models ship for
their rule lemmatizer (the ``lemma_index`` table: WordNet's adjectives and verbs), read once
from the installed model package; without one the rule is off rather than guessing.
"""
from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

from .lexicon import first_names

# words that open a list item: what comes right after them is capitalised only if it is a name,
# unless it opens the sentence
_ITEM_OPENERS = frozenset({",", ";", ":", "and", "or", "nor", "(", '"', "\u201c", "'", "\u2018", "-", "--",
                           "\u2013", "\u2014"})


# English spaCy packages whose rule lemmatizer ships the word lists; the lists are the same in
# each, so the first one installed serves whichever model parses the text
_ENGLISH_MODELS = ("en_core_web_sm", "en_core_web_md", "en_core_web_lg", "en_core_web_trf")


@lru_cache(maxsize=1)
def english_words() -> tuple[frozenset[str], frozenset[str]]:
    """(adjectives, verbs) of an installed English model's lemmatizer tables (read once, about
    0.1 s); empty when none is installed."""
    from ..config import DEFAULT_MODEL

    for model in (DEFAULT_MODEL, *_ENGLISH_MODELS):
        for folder in _lookup_folders(model):
            try:
                from spacy.lookups import Lookups

                index = Lookups().from_disk(folder).get_table("lemma_index")
                return frozenset(index.get("adj", ())), frozenset(index.get("verb", ()))
            except (OSError, KeyError, ValueError):
                continue
    return frozenset(), frozenset()


def _lookup_folders(package: str) -> list[Path]:
    """Where an installed model package keeps its lemmatizer tables."""
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        spec = None
    roots = [Path(p) for p in spec.submodule_search_locations] if spec and spec.submodule_search_locations else []
    out = []
    for root in roots:
        out += [p for p in [root / "lemmatizer" / "lookups", *root.glob("*/lemmatizer/lookups")] if p.is_dir()]
    return out


def is_epithet(word: str) -> bool:
    """"evil", "embattled", "neighbouring", "oil-rich": an adjective or participle, not a given name."""
    w = word.lower()
    if not w.isalpha() and "-" not in w:
        return False
    if w in first_names():
        return False
    if "-" in w:
        # "oil-rich", "war-torn", "cash-strapped": the last part decides
        return is_epithet(w.rsplit("-", 1)[1]) if w.rsplit("-", 1)[1] else False
    adjectives, verbs = english_words()
    for form in _spellings(w):
        if form in adjectives:
            return True
        for suffix in ("ed", "ing"):
            if form.endswith(suffix) and len(form) > len(suffix) + 2 and _verb(form[:-len(suffix)], verbs):
                return True  # "beleaguered", "neighbouring"
    return False


def _spellings(w: str) -> tuple[str, ...]:
    """British forms also in the American spelling of the word lists ("neighbouring")."""
    return (w, w.replace("our", "or")) if "our" in w else (w,)


def _verb(stem: str, verbs: frozenset[str]) -> bool:
    return stem in verbs or stem + "e" in verbs or (len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in verbs)


def epithet_end(ctx, s: int, name_start: int) -> bool:
    """Whether tokens [s, name_start) are epithets of the name starting at ``name_start``,
    capitalised only because they open a sentence or a list item."""
    if name_start <= s:
        return False
    toks = ctx.tokens
    if not (s == ctx.sentence(s).start or ctx.keys[s - 1] in _ITEM_OPENERS):
        return False
    words: list[str] = []
    i = s
    while i < name_start:
        # "Oil-rich" is three tokens: join hyphenated parts into one word
        word = toks[i].text
        while i + 2 < name_start and toks[i + 1].text == "-" and not toks[i].whitespace_ \
                and not toks[i + 1].whitespace_:
            word += "-" + toks[i + 2].text
            i += 2
        words.append(word)
        i += 1
    return all(is_epithet(w) for w in words)
