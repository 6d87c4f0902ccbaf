"""The language data of actor resolution (``actors/resolution.yaml``), read once."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

import yaml

from ..errors import KnowledgeBaseError
from .normalise import alias_key, fold


@dataclass(frozen=True)
class AnaphoraWords:
    """Words of ``anaphora:`` in resolution.yaml (see actors/anaphora.py)."""

    singular_pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    expletive_verbs: frozenset[str]
    singular_nouns: dict[str, str]
    plural_nouns: dict[str, str]
    group_nouns: dict[str, str]
    group_determiners: frozenset[str]
    numbers: dict[str, int]
    collective_nouns: frozenset[str]
    compass_states: dict[str, tuple[str, tuple[str, ...]]]
    home_state_nouns: frozenset[str] = frozenset()

    @cached_property
    def noun_keys(self) -> frozenset[str]:
        """Every word anaphora.Anaphora._noun can resolve: a number or a noun of one of its lists."""
        return frozenset().union(self.numbers, self.compass_states, self.home_state_nouns, self.group_nouns,
                                 self.singular_nouns, self.plural_nouns)


def _anaphora(raw: dict) -> AnaphoraWords:
    return AnaphoraWords(
        singular_pronouns=_set(raw, "singular_pronouns"),
        plural_pronouns=_set(raw, "plural_pronouns"),
        expletive_verbs=_set(raw, "expletive_verbs"),
        singular_nouns={fold(k): v for k, v in raw["singular_nouns"].items()},
        plural_nouns={fold(k): v for k, v in raw["plural_nouns"].items()},
        group_nouns={fold(k): v for k, v in raw["group_nouns"].items()},
        group_determiners=_set(raw, "group_determiners"),
        numbers={fold(str(k)): int(v) for k, v in raw["numbers"].items()},
        collective_nouns=_set(raw, "collective_nouns"),
        compass_states={fold(k): (v["state"], tuple(v.get("needs") or [v["state"]]))
                        for k, v in raw["compass_states"].items()},
        home_state_nouns=frozenset(fold(w) for w in raw.get("home_state_nouns") or ()),
    )


@dataclass(frozen=True)
class Lexicon:
    male: frozenset[str]
    female: frozenset[str]
    honorifics: dict[str, str | None]
    name_suffixes: frozenset[str]
    title_modifiers: frozenset[str]
    generic_titles: frozenset[str]
    body_heads: dict[tuple[str, ...], str]
    company_suffixes: frozenset[str]
    group_words: frozenset[str]
    media_words: frozenset[str]
    locative_preps: frozenset[str]
    motion_words: frozenset[str]
    place_nouns: frozenset[str]
    state_metonyms: frozenset[str]
    force_nouns: frozenset[str]
    not_places: frozenset[str]
    name_like_titles: frozenset[str]
    media_sectors: frozenset[str]
    org_words: frozenset[str]
    anaphora: AnaphoraWords
    gendered_words: dict[str, str]
    relational_titles: frozenset[str]
    place_verbs: frozenset[str] = frozenset()
    relation_nouns: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        object.__setattr__(self, "pronouns", self.male | self.female)


def _set(raw: dict, key: str) -> frozenset[str]:
    return frozenset(fold(str(w)) for w in raw.get(key) or [])


@lru_cache(maxsize=1)
def first_names() -> dict[str, str]:
    """Folded given name → "male"/"female" (``actors/first_names.yaml``); names in both lists are left out."""
    res = resources.files("newsgraph.actors") / "first_names.yaml"
    try:
        raw = yaml.load(res.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        male = {fold(str(n)) for n in raw["male"]}
        female = {fold(str(n)) for n in raw["female"]}
    except (OSError, KeyError, TypeError, yaml.YAMLError) as exc:
        raise KnowledgeBaseError(f"{res}: invalid first-names list: {exc}") from exc
    out = {n: "male" for n in male - female}
    out.update({n: "female" for n in female - male})
    return out


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    res = resources.files("newsgraph.actors") / "resolution.yaml"
    try:
        raw = yaml.safe_load(res.read_text(encoding="utf-8"))
        return Lexicon(
            male=frozenset(raw["pronouns"]["male"]),
            female=frozenset(raw["pronouns"]["female"]),
            honorifics={fold(k): v for k, v in raw["honorifics"].items()},
            name_suffixes=_set(raw, "name_suffixes"),
            title_modifiers=_set(raw, "title_modifiers"),
            generic_titles=_set(raw, "generic_titles"),
            body_heads={alias_key(k): v for k, v in raw["body_heads"].items()},
            company_suffixes=_set(raw, "company_suffixes"),
            group_words=_set(raw, "group_words"),
            media_words=_set(raw, "media_words"),
            locative_preps=_set(raw, "locative_preps"),
            motion_words=_set(raw, "motion_words"),
            place_nouns=_set(raw, "place_nouns"),
            state_metonyms=_set(raw, "state_metonyms"),
            force_nouns=_set(raw, "force_nouns"),
            not_places=_set(raw, "not_places"),
            name_like_titles=_set(raw, "name_like_titles"),
            org_words=_set(raw, "org_words"),
            media_sectors=frozenset(str(x).upper() for x in raw.get("media_sectors") or []),
            anaphora=_anaphora(raw["anaphora"]),
            gendered_words={fold(k): v for k, v in (raw.get("gendered_words") or {}).items()},
            relational_titles=_set(raw, "relational_titles"),
            place_verbs=_set(raw, "place_verbs"),
            relation_nouns=_set(raw, "relation_nouns"),
        )
    except (OSError, KeyError, TypeError, ValueError, AttributeError, yaml.YAMLError) as exc:
        raise KnowledgeBaseError(f"{res}: invalid actor-resolution lexicon: {exc}") from exc
