"""The trigger lexicon: words and phrases that signal a PLOVER event, indexed by head lemma.

Data lives in ``events/data/triggers.yaml`` (format documented at its top and in
docs/events.md); users add files in the same format, or PETRARCH/TABARI verb dictionaries
(``events.petrarch_verbs``). Entries are compiled once into a dict keyed by (head lemma, part
of speech), so matching a document costs one dict lookup per token whatever the size of the
lexicon; a head with many entries (a verb dictionary's "say") is matched through an index of
its required words, so its cost follows the words near the token, not the entries.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from ..errors import KnowledgeBaseError

FRAMES = ("agent", "transfer", "symmetric", "receive", "speech", "label")
# Second words that make a verb phrase "verb + particle/preposition" rather than "verb + object".
PARTICLES = frozenset(
    "on upon off up down out back in away over for to with into against from by at about around of".split()
)
DEFAULT_TARGETS = {"verb": ("dobj",), "noun": ("against", "on", "to", "for", "with")}


@dataclass(frozen=True)
class Trigger:
    """One lexicon entry: a head lemma (plus required dependents) and what it codes."""

    lemma: str
    pos: str  # "verb" | "noun"
    type: str
    cameo: str
    frame: str = "agent"
    mode: str | None = None
    requires: tuple[str, ...] = ()  # lemmas that must hang from the head (child or grandchild)
    target: tuple[str, ...] = ()
    source_file: str = "package"
    intransitive: bool = False  # the event stands without a target ("the rebels surrendered")
    # keyed by a word form, not a lemma ("left" in a verb dictionary that codes LEFT and LEAVE
    # apart): the matcher prefers it for that very word over the entries of its lemma
    surface: bool = False
    # PETRARCH/TABARI patterns (events.petrarch_verbs): words that must come before the head in
    # its sentence, in order ("SAID * HOSTAGES", "NOT *"), and the pattern's words after the head,
    # in order, inside the head's subtree (each word with its accepted forms) when it has more
    # than ``requires`` can hold
    before: tuple[str, ...] = ()
    after: tuple[tuple[str, ...], ...] = ()
    # "do not code": a null-coded pattern or one whose CAMEO code has no PLOVER type; when it is
    # the most specific entry that matches, the token triggers nothing (triggers.match_token)
    blocks: bool = False
    # from a PETRARCH/TABARI dictionary: PETRARCH codes only actors its actor dictionaries know,
    # so an event none of whose parties has an actor code ("Jane Roe said", "Jane Roe reported
    # that John Doe left") is not kept (events.extract._code_trigger)
    needs_coded_actor: bool = False
    # a TABARI pair code [A:B], B another code: (CAMEO, PLOVER type, mode) of B, coded for the
    # reverse direction (the targets as sources) by the same verb ("X arrived in Y": Y hosts X)
    reverse: tuple[str, str, str | None] | None = None
    # a pattern with '%' before the verb ("- % * [030:030]"): it applies only when the verb's
    # subject is a compound actor ("X and Y agree that ..."), coded among the members pairwise
    compound_subject: bool = False
    # forms a verb dictionary lists for the head ("BREAK {BROKE BROKEN}"): with the regular
    # inflections and the known irregular ones, the only words that take a dictionary's head
    forms: tuple[str, ...] = ()

    @property
    def weight(self) -> int:
        """How specific the entry is: the words it checks besides its head (a compound subject
        counts as one)."""
        return (len(self.requires) + len(self.before) + max(0, len(self.after) - len(self.requires))
                + self.compound_subject)

    @property
    def conditioned(self) -> bool:
        return bool(self.before or self.after or self.compound_subject)

    @property
    def phrase(self) -> str:
        return " ".join((self.lemma, *self.requires)) if self.pos == "verb" else " ".join((*self.requires, self.lemma))


# A head with more entries than this is matched through its word index, not entry by entry.
INDEXED_FROM = 12


@dataclass
class Lexicon:
    """Triggers indexed by (lemma, pos); most specific (most required words) first."""

    index: dict[tuple[str, str], list[Trigger]] = field(default_factory=dict)
    # (lemma, pos) -> required word -> [(rank, entry)], for heads with many entries (a verb
    # dictionary gives "say" hundreds of patterns): matching looks up the words near the token
    # instead of testing every entry
    _by_word: dict[tuple[str, str], dict[str, list[tuple[int, Trigger]]]] = field(default_factory=dict)
    surface: set[tuple[str, str]] = field(default_factory=set)  # heads holding surface-form entries
    # heads a verb dictionary decides: their pattern words are looked for anywhere after the verb
    # inside its subtree, in order, as PETRARCH reads a pattern, not only among its dependents;
    # and only the head's own forms take them (triggers._lexical_head), not any word the
    # lemmatizer maps to the head ("departes")
    ordered: set[tuple[str, str]] = field(default_factory=set)
    # PETRARCH discard phrases by first word (petrarch_verbs.Discard): their sentence, or article,
    # triggers nothing
    discards: dict[str, list] = field(default_factory=dict)
    # head lemma -> the forms a verb dictionary lists for it (Trigger.forms)
    listed_forms: dict[str, frozenset[str]] = field(default_factory=dict)
    # triggers._lexical_head answers by (pos, lemma, lower, tag) string ids; they depend on the
    # entries, so every change to them empties this
    heads_memo: dict = field(default_factory=dict, repr=False, compare=False)

    def add(self, trig: Trigger, replace: bool = False) -> None:
        key = (trig.lemma, trig.pos)
        self.heads_memo.clear()
        entries = self.index.setdefault(key, [])
        if replace:
            entries[:] = [e for e in entries if e.requires != trig.requires]
        elif any(e.requires == trig.requires and e.type == trig.type for e in entries):
            return
        entries.append(trig)
        entries.sort(key=lambda e: -e.weight)
        self._by_word.pop(key, None)
        self.ordered.discard(key)

    def add_many(self, trigs, replace: bool = False, whole_heads: bool = False) -> None:
        """``add`` for a whole file at once: one pass per head instead of one per entry.
        ``whole_heads``: the new entries replace every entry of their head (a verb dictionary
        decides all a verb codes), not just those with the same required words."""
        self.heads_memo.clear()
        grouped: dict[tuple[str, str], list[Trigger]] = {}
        for t in trigs:
            grouped.setdefault((t.lemma, t.pos), []).append(t)
        for key, new in grouped.items():
            entries = self.index.setdefault(key, [])
            if whole_heads:
                entries.clear()
                self.ordered.add(key)
            elif replace:
                replaced = {t.requires for t in new}
                entries[:] = [e for e in entries if e.requires not in replaced]
            else:
                have = {(e.requires, e.type) for e in entries}
                new = [t for t in new if (t.requires, t.type) not in have]
            if not whole_heads:
                self.ordered.discard(key)
            entries.extend(new)
            entries.sort(key=lambda e: -e.weight)
            self._by_word.pop(key, None)
            if any(t.surface for t in new):
                self.surface.add(key)
            listed = {f for t in new for f in t.forms}
            if listed:
                self.listed_forms[key[0]] = self.listed_forms.get(key[0], frozenset()) | listed

    def prepare(self) -> None:
        """Build the word indexes of large heads now (at load), not on the first document."""
        for key, entries in self.index.items():
            if len(entries) > INDEXED_FROM and key not in self._by_word:
                self._word_index(key)

    def _word_index(self, key: tuple[str, str]) -> dict[str, list[tuple[int, Trigger]]]:
        idx: dict[str, list[tuple[int, Trigger]]] = {}
        for rank, e in enumerate(self.index.get(key, ())):
            # an entry that requires no dependent but a preceding word ("SAID *") is indexed by
            # that word, marked "<", so that a head with thousands of them stays a lookup
            word = e.requires[0] if e.requires else ("<" + e.before[-1] if e.before else "")
            idx.setdefault(word, []).append((rank, e))
            if word.startswith("<"):
                idx.setdefault("<", [])  # the head has such entries: worth collecting preceding words
        self._by_word[key] = idx
        return idx

    def select(self, lemma: str, pos: str, near: Callable[[], set[str]],
               preceding: Callable[[], set[str]] | None = None) -> list[Trigger]:
        """Entries of a head whose required words are all in ``near()`` (the lemmas and words
        hanging from the token), most specific first; ``near`` is called only when needed.
        ``preceding()``: the words before the token, for entries indexed by a preceding word
        (their order is checked by the caller, ``triggers.match_token``)."""
        key = (lemma, pos)
        entries = self.index.get(key, [])
        if len(entries) <= INDEXED_FROM:
            words: set[str] | None = None
            out = []
            for e in entries:
                if e.requires:
                    if words is None:
                        words = near()
                    if not all(w in words for w in e.requires):
                        continue
                out.append(e)
            return out
        idx = self._by_word.get(key) or self._word_index(key)
        words = near()
        hits = list(idx.get("", ()))
        for w in words:
            for rank, e in idx.get(w, ()):
                if all(x in words for x in e.requires[1:]):
                    hits.append((rank, e))
        if preceding is not None and "<" in idx:
            for w in preceding():
                hits += idx.get("<" + w, ())
        return [e for _, e in sorted(hits, key=lambda h: h[0])]

    def candidates(self, lemma: str, pos: str) -> list[Trigger]:
        return self.index.get((lemma, pos), [])

    def __len__(self) -> int:
        return sum(len(v) for v in self.index.values())

    def __iter__(self):
        for entries in self.index.values():
            yield from entries


def _expand(item: str, pos: str) -> tuple[str, tuple[str, ...]]:
    words = item.lower().split()
    if pos == "verb":
        return words[0], tuple(words[1:])
    return words[-1], tuple(words[:-1])


def parse_groups(data: object, origin: str, known_types: set[str]) -> list[Trigger]:
    """Turn a loaded triggers YAML document into Trigger entries, validating every field."""
    if not isinstance(data, dict) or not isinstance(data.get("groups"), list):
        raise KnowledgeBaseError(f"{origin}: a trigger file needs a top-level 'groups' list")
    out: list[Trigger] = []
    for n, g in enumerate(data["groups"], 1):
        where = f"{origin}: group {n}"
        if not isinstance(g, dict):
            raise KnowledgeBaseError(f"{where}: expected a mapping, got {type(g).__name__}")
        typ = str(g.get("type", "")).upper()
        if typ not in known_types:
            raise KnowledgeBaseError(f"{where}: unknown PLOVER type {g.get('type')!r}")
        frame = g.get("frame", "agent")
        if frame not in FRAMES:
            raise KnowledgeBaseError(f"{where}: frame must be one of {', '.join(FRAMES)}, not {frame!r}")
        cameo = str(g.get("cameo", "")).strip()
        if not cameo.isdigit():
            raise KnowledgeBaseError(f"{where}: 'cameo' must be a CAMEO code such as \"190\", not {cameo!r}")
        # YAML 1.1 reads a bare on/off as a boolean: take it back as the preposition
        target = tuple({True: "on", False: "off"}.get(t, str(t)).lower() if isinstance(t, bool) else str(t).lower()
                       for t in g.get("target", ()) or ())
        for pos, key in (("verb", "verbs"), ("noun", "nouns")):
            for item in g.get(key, ()) or ():
                if not isinstance(item, str) or not item.strip():
                    raise KnowledgeBaseError(f"{where}: {key} entries must be non-empty strings")
                lemma, req = _expand(item, pos)
                out.append(Trigger(lemma=lemma, pos=pos, type=typ, cameo=cameo, frame=frame,
                                   mode=g.get("mode") or None, requires=req,
                                   target=target or DEFAULT_TARGETS[pos], source_file=origin,
                                   intransitive=bool(g.get("intransitive")), blocks=bool(g.get("blocks"))))
        if not g.get("verbs") and not g.get("nouns"):
            raise KnowledgeBaseError(f"{where}: a group needs 'verbs' or 'nouns'")
    return out


def read_trigger_file(path: Path | None, known_types: set[str]) -> list[Trigger]:
    """Read the packaged lexicon (path None) or a user's file."""
    if path is None:
        origin = "newsgraph/events/data/triggers.yaml"
        text = resources.files("newsgraph.events").joinpath("data/triggers.yaml").read_text("utf-8")
    else:
        origin = str(path)
        try:
            text = Path(path).read_text("utf-8")
        except OSError as exc:
            raise KnowledgeBaseError(f"{origin}: cannot read trigger file ({exc.strerror})") from exc
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise KnowledgeBaseError(f"{origin}: not valid YAML ({exc})") from exc
    return parse_groups(data, origin, known_types)


@lru_cache(maxsize=1)
def pejoratives() -> frozenset[str]:
    """Words that turn a characterisation ("described it as ...") into a condemnation."""
    text = resources.files("newsgraph.events").joinpath("data/pejoratives.txt").read_text("utf-8")
    return frozenset(w.strip().lower() for w in text.splitlines() if w.strip() and not w.startswith("#"))
