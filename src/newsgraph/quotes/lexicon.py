"""The cue lexicon (``data/cues.yaml``): which words introduce speech, beliefs and statements.

Loaded once per process; lookups are set membership on lemmas, so the cost per token does
not grow with the size of the lexicon.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from ..errors import KnowledgeBaseError

KINDS = ("speech", "cognition", "nominal")
_SECTIONS = ("speech", "cognition", "nominal", "infinitive", "object", "stance", "topic", "passive_speaker",
             "media", "media_words", "publications", "bodies", "listing", "labelled")


@dataclass(frozen=True)
class CueLexicon:
    speech: frozenset[str]
    cognition: frozenset[str]
    nominal: frozenset[str]
    infinitive: frozenset[str]
    object: frozenset[str]
    stance: frozenset[str]
    topic: frozenset[str]
    passive_speaker: frozenset[str]
    media: frozenset[str]
    media_words: frozenset[str]
    publications: frozenset[str]
    bodies: frozenset[str]
    listing: frozenset[str]
    labelled: frozenset[str]

    def verb_kind(self, lemma: str) -> str | None:
        """``speech``, ``cognition`` or None for a verb lemma (speech wins when listed twice)."""
        lemma = lemma.lower()
        if lemma in self.speech:
            return "speech"
        if lemma in self.cognition:
            return "cognition"
        return None

    def is_nominal(self, lemma: str) -> bool:
        return lemma.lower() in self.nominal

    def is_media(self, name: str) -> bool:
        """True for a speaker span that names a news medium ("AFP", "state media")."""
        low = " ".join(name.lower().replace("’", "'").split())
        if low in self.media or low.removeprefix("the ") in self.media:
            return True
        words = low.split()
        return bool(words) and (words[-1] in self.media_words or "media" in words)


def parse_lexicon(data: object, origin: str) -> CueLexicon:
    """Validate the YAML structure; ``origin`` names the file in error messages."""
    if not isinstance(data, dict):
        raise KnowledgeBaseError(f"{origin}: expected a mapping of sections {', '.join(_SECTIONS)}")
    unknown = set(data) - set(_SECTIONS)
    if unknown:
        raise KnowledgeBaseError(f"{origin}: unknown section(s) {sorted(unknown)}; allowed: {', '.join(_SECTIONS)}")
    sets: dict[str, frozenset[str]] = {}
    for name in _SECTIONS:
        items = data.get(name) or []
        if not isinstance(items, list) or not all(isinstance(x, str) and x.strip() for x in items):
            raise KnowledgeBaseError(f"{origin}: section {name!r} must be a list of non-empty strings")
        sets[name] = frozenset(x.strip().lower() for x in items)
    stray = sets["infinitive"] - sets["speech"] - sets["cognition"]
    if stray:
        raise KnowledgeBaseError(f"{origin}: infinitive cues {sorted(stray)} are not listed under speech or cognition")
    stray = sets["labelled"] - sets["object"]
    if stray:
        raise KnowledgeBaseError(f"{origin}: labelled cues {sorted(stray)} are not listed under object")
    stray = sets["object"] - sets["speech"]
    if stray:
        raise KnowledgeBaseError(f"{origin}: object cues {sorted(stray)} are not listed under speech")
    return CueLexicon(**sets)


@lru_cache(maxsize=1)
def load_cues() -> CueLexicon:
    ref = resources.files("newsgraph.quotes").joinpath("data/cues.yaml")
    origin = "newsgraph/quotes/data/cues.yaml"
    try:
        data = yaml.safe_load(ref.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeBaseError(f"{origin}: cannot read the cue lexicon: {exc}") from exc
    return parse_lexicon(data, origin)
