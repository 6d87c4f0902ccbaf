"""Reads PETRARCH/TABARI verb dictionaries into trigger-lexicon entries (a user extension).

The event-data community writes its verb knowledge in one plain-text format (the open Phoenix
``CAMEO.2.0.txt``, the older PETRARCH-1 ``*.verbs.txt`` files)::

    &TIETYPES                          a synonym set: '+' lines, used in patterns as &TIETYPES
    +MILITARY
    --- MEET  [031:031] ---            a verb block and the code of its bare verbs
    MEET                               the verbs of the block (regular forms are implied)
    BREAK {BROKE BROKEN}               irregular forms in {...}; a verb's own code in [...]
    +CORDON_OFF                        several words: '+' marks the verb
    - * &TIETYPES TIES  [064]          a pattern: '*' is the verb, words after it hang from it
    - % * [030:030]                    '%' a compound actor, '$' the source, '+' the target,
    - + * FROM $  [066]                '^' any noun phrase, '(PREP NOUN)' and '{NOUN PHRASE}'
    ~ a (a b ATTACK) SAY = a b 015     a verb-on-verb transformation (PETRARCH-2)

This module turns that into :class:`~newsgraph.events.lexicon.Trigger` entries the matcher
already understands: a verb lemma, the words that must hang from it (a particle or
preposition, an object word, at most two pattern words), the PLOVER type of the CAMEO code
(through the ontology's CAMEO map), and a frame and target positions deduced from where ``$``,
``+`` and ``%`` sit. PETRARCH reads a pattern's words in order after the verb: an entry keeps
them (``Trigger.after``) and the matcher checks them inside the verb's subtree, which also
covers patterns of three or more words. PETRARCH-1 words before the verb ("SAID *", "NOT *",
"HAS * BAN") become words that must precede the verb in its sentence (``Trigger.before``);
factuality still reads the negation or modal from the sentence. A null code (``[---]``), a
code PLOVER has no type for, or only a reverse code (``[:B]``) becomes a *do-not-code* entry
(``Trigger.blocks``): when it is the most specific pattern that fits, the verb codes nothing.
What the matcher cannot express is counted and skipped, never guessed: a source after the verb
other than "from"/"by", a target before an active verb, transformations (``~``), malformed
lines. :class:`VerbConversion` reports the share and the kinds converted.

A pair code ``[A:B]`` codes both directions, as in TABARI: A from the sources to the targets and,
when B is another code with a PLOVER type, B from the targets back to the sources
(``Trigger.reverse``: "X arrived in Y" under ``[032:033]`` is X 032 Y and Y 033 X); ``[A:A]`` is
one symmetric event. A pattern with '%' before the verb ("- % * [030:030]", "- % HAVE * [191]",
"- % * TALKS [031]") applies only when the verb's subject is a compound actor ("X and Y agree
that ..."; ``Trigger.compound_subject``), where it outranks the same pattern without '%', and
codes the members pairwise. As in PETRARCH, a dictionary's verb takes only its own forms: the
verb, its regular inflections, the known irregular ones and those listed in ``{...}``
(``is_verb_form``), not any word the lemmatizer maps to it ("departes").
Entries for a verb already in the packaged lexicon replace the packaged entries of that verb
(the dictionary decides all a listed verb codes) and keep the packaged target positions when
the dictionary gives none.

The file is read once, when the ontology is built (``Settings.trigger_files``,
``NEWSGRAPH_TRIGGERS``, ``--triggers FILE``: a ``.txt`` file, or any file that reads as a verb
dictionary, goes through this reader). Matching stays a dict lookup per token: the lexicon
indexes the required words (``Lexicon.select``).
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import product
from pathlib import Path

from ..actors.petrarch_dict import content_lines
from ..errors import InputError, KnowledgeBaseError
from .lexicon import PARTICLES, Lexicon, Trigger

MARKS = frozenset("$+%^")
# Words a pattern writes before the head noun that carry nothing the matcher checks.
DETERMINERS = frozenset("the a an their its his her our my your this these those".split())
# Where the target of a dictionary verb sits, in the order tried: PETRARCH takes the first actor
# after the verb, the object or a prepositional object ("acted toward X"). Not "from" or "of":
# the argument search also looks inside the subject ("soldiers from X", "the people of X"), so
# "departed from X" is left without a target.
OBJECT_TARGETS = ("dobj", "dative", "to", "against", "on", "with", "at", "into", "for", "over",
                  "toward", "towards")
# Words before '*' that are not a subject noun or an adverb of the verb.
NOT_SUBJECT_WORDS = frozenset(
    "not no never neither nor n't has have had having was were is are am be been being will would may "
    "might must should shall can could did does do to in on at by of for from with and or so if despite "
    "that which who it also still yet already just then now ever even only".split())
PASSIVE_AUXILIARIES = frozenset({"was", "were", "is", "are", "been", "being", "be"})
MAX_WORDS = 2  # words an entry requires among the verb's dependents; longer patterns check the rest in order
MAX_EXPANSION = 2000  # entries one pattern may yield through its synonym sets
_CODE_DIGITS = re.compile(r"^(\d{2,4})[A-Za-z!?]?$")
_NULL = re.compile(r"^-+$")
_HEADER_CODE = re.compile(r"\[([^\[\]]*)\]")
_SPLIT = re.compile(r"[\s_]+")


class VerbDictionaryError(InputError, KnowledgeBaseError):
    """A verb dictionary line that cannot be read; ``ref`` is ``file:line``."""


# --------------------------------------------------------------------------- parsed form

@dataclass
class Verb:
    line: int
    words: list[str]  # lower case; words[at] is the verb
    at: int
    code: str | None  # its own [code], else the block's
    irregular: bool  # forms were listed in {...}: the first word is the base form
    forms: tuple[str, ...] = ()  # the forms listed in {...}, lower case


@dataclass
class Pattern:
    line: int
    before: list[str]  # tokens before '*' (words, marks, &SYNSETS)
    after: list[str]
    code: str
    problem: str | None = None  # why the line is not a readable pattern


@dataclass
class Block:
    line: int
    name: str
    code: str | None
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)


@dataclass
class VerbDictionary:
    path: str
    blocks: list[Block] = field(default_factory=list)
    synsets: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    transformations: int = 0


@dataclass
class VerbConversion:
    """What became of a verb dictionary: counts by outcome and skip reason."""

    path: str
    blocks: int = 0
    verbs: int = 0
    verbs_converted: int = 0
    patterns: int = 0
    patterns_converted: int = 0  # every synonym-set combination became an entry
    transformations: int = 0
    entries: int = 0
    skipped: Counter = field(default_factory=Counter)  # reason -> patterns (or verbs)
    # kind -> patterns converted ("words after the verb", "words before the verb", "do not code" ...)
    converted: Counter = field(default_factory=Counter)
    verbs_blocking: int = 0  # verbs listed with a null code or one without a PLOVER type
    both_ways: int = 0  # patterns and verbs with a pair code [A:B], B another code: B coded in reverse
    one_way: int = 0  # the same whose B has no PLOVER type: only A is coded

    @property
    def share(self) -> float:
        return self.patterns_converted / self.patterns if self.patterns else 0.0

    def to_json(self) -> dict:
        return {"file": self.path, "blocks": self.blocks, "verbs": self.verbs,
                "verbs_converted": self.verbs_converted, "patterns": self.patterns,
                "patterns_converted": self.patterns_converted,
                "share_converted": round(self.share, 4), "transformations_skipped": self.transformations,
                "entries": self.entries, "converted_by_kind": dict(self.converted.most_common()),
                "verbs_blocking": self.verbs_blocking, "pair_codes_coded_both_ways": self.both_ways,
                "pair_codes_coded_one_way": self.one_way,
                "skipped": dict(self.skipped.most_common())}

    def render(self) -> str:
        one_way = f" ({self.one_way} one way: no PLOVER type for the reverse code)" if self.one_way else ""
        head = (f"{self.path}: {self.blocks} verb blocks, "
                f"{self.verbs_converted}/{self.verbs} verbs coded alone ({self.verbs_blocking} not coded), "
                f"patterns converted {self.patterns_converted}/{self.patterns} ({self.share:.1%}), "
                f"{self.entries} trigger entries, {self.both_ways} pair codes coded both ways"
                f"{one_way}, "
                f"{self.transformations} transformations skipped")
        kinds = "; ".join(f"{k} {n}" for k, n in self.converted.most_common())
        reasons = "; ".join(f"{r} {n}" for r, n in self.skipped.most_common())
        return head + (f"\n  converted: {kinds}" if kinds else "") + (f"\n  skipped: {reasons}" if reasons else "")


# --------------------------------------------------------------------------- reading

def looks_like_verb_dictionary(path: str | Path) -> bool:
    """A ``.txt`` file, or one with a ``--- VERB [code] ---`` header or a ``- * ... [code]`` pattern."""
    path = Path(path)
    if path.suffix.lower() == ".txt":
        return True
    if path.suffix.lower() in (".yaml", ".yml"):
        return False
    try:
        with path.open(encoding="utf-8", errors="replace") as fh:
            head = [next(fh, "") for _ in range(400)]
    except OSError:
        return False
    header = re.compile(r"^---\s+[A-Za-z].*\[[^\]]*\]")
    pattern = re.compile(r"^-\s.*\*.*\[[^\]]*\]\s*(#.*)?$")
    return any(header.match(x) or pattern.match(x) for x in head)


def read_verb_dictionary(path: str | Path) -> VerbDictionary:
    """Parse a verb dictionary; raises :class:`VerbDictionaryError` (an ``InputError``) naming
    the file and line for what PETRARCH could not read either."""
    path = Path(path)
    ref = str(path)
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise VerbDictionaryError(ref, f"cannot read verb dictionary: {exc.strerror or exc}") from exc
    out = VerbDictionary(path=ref)
    block: Block | None = None
    synset: list[tuple[str, ...]] | None = None
    for n, line in content_lines(text, ref, error=VerbDictionaryError):
        s = line.strip()
        where = f"{ref}:{n}"
        if s.startswith("---"):
            block, synset = _header(s, n, where), None
            out.blocks.append(block)
        elif s.startswith("&"):
            label = _label(s.split()[0])
            if not label:
                raise VerbDictionaryError(where, f"synonym set without a name: {s!r}")
            synset = out.synsets.setdefault(label, [])
        elif s.startswith("~"):
            out.transformations += 1
        elif s.startswith("-"):
            if block is None:
                raise VerbDictionaryError(where, "pattern before any '--- VERB ---' block header")
            block.patterns.append(_pattern(s[1:], n))
            synset = None
        elif s.startswith("+") and synset is not None:
            synset.extend(_member(s[1:], out.synsets, where))
        else:
            if block is None:
                raise VerbDictionaryError(where, f"verb {s!r} before any '--- VERB ---' block header")
            block.verbs.append(_verb(s, n, where))
            synset = None
    return out


def _label(token: str) -> str:
    """"&TIETYPES_" -> "TIETYPES" (a final '_' only switches plurals off in PETRARCH)."""
    return token.lstrip("&").rstrip("_").upper()


def _header(s: str, n: int, where: str) -> Block:
    body = s.strip("-").strip()
    m = _HEADER_CODE.search(body)
    if body.count("[") != body.count("]"):
        raise VerbDictionaryError(where, f"unbalanced '[' ']' in block header {s!r}")
    name = (body[:m.start()] if m else body).strip(" -_")
    if not name:
        raise VerbDictionaryError(where, f"block header without a verb name: {s!r}")
    return Block(line=n, name=name, code=m.group(1).strip() if m else None)


def _member(text: str, synsets: dict[str, list[tuple[str, ...]]], where: str) -> list[tuple[str, ...]]:
    text = text.strip()
    if text.startswith("&"):
        # an embedded set must be defined above; PETRARCH ignores what is not
        return list(synsets.get(_label(text.split()[0]), []))
    words = tuple(w.lower() for w in _SPLIT.split(text) if w)
    if not words:
        raise VerbDictionaryError(where, "empty synonym-set member '+'")
    return [words]


def _verb(s: str, n: int, where: str) -> Verb:
    code = None
    if s.count("[") != s.count("]") or s.count("{") != s.count("}"):
        raise VerbDictionaryError(where, f"unbalanced brackets in verb line {s!r}")
    m = _HEADER_CODE.search(s)
    if m:
        code = m.group(1).strip()
        s = s[:m.start()]
    irregular = "{" in s
    s, _, listed = s.partition("{")
    raw = [w for w in _SPLIT.split(s.strip()) if w]
    if not raw:
        raise VerbDictionaryError(where, "verb line without a verb")
    marked = [i for i, w in enumerate(raw) if w.startswith("+")]
    if len(marked) > 1:
        raise VerbDictionaryError(where, f"more than one '+' verb in {s.strip()!r}")
    words = [w.lstrip("+").lower() for w in raw]
    if not all(words):
        raise VerbDictionaryError(where, f"'+' without a word in {s.strip()!r}")
    at = marked[0] if marked else 0
    # "CARRY_OUT {CARRIED_OUT}": the form of the verb word itself
    forms = tuple(dict.fromkeys(
        parts[min(at, len(parts) - 1)].lstrip("+").lower()
        for f in listed.split("}", 1)[0].split() if (parts := [w for w in f.split("_") if w])))
    return Verb(line=n, words=words, at=at, code=code, irregular=irregular, forms=forms)


def _pattern(body: str, n: int) -> Pattern:
    at = body.rfind("[")
    if at < 0 or "]" not in body[at:]:
        # "[###]" loses its code to the '#' comment rule; PETRARCH passes over such a line too
        code, text = "", body[:at] if at >= 0 else body
    else:
        code, text = body[at + 1:body.index("]", at)].strip(), body[:at]
    # Malformed patterns (Phoenix has a few: "(WITH VISIT) VISIT)") are skipped and counted,
    # as PETRARCH runs with them; only a file it could not read at all is an error.
    if any(text.count(a) != text.count(b) for a, b in ("()", "{}")):
        return Pattern(line=n, before=[], after=[], code=code, problem="unbalanced brackets")
    for ch in "(){}*":
        text = text.replace(ch, " * " if ch == "*" else " ")  # "*SCEPTICAL" occurs
    tokens: list[str] = []
    for chunk in text.split():
        # "IN_*", "*_OUT", "SUGGESTED_+": underscores join words and the markers to them
        tokens += [t for t in chunk.split("_") if t]
    stars = [i for i, t in enumerate(tokens) if t == "*"]
    if len(stars) != 1:
        return Pattern(line=n, before=[], after=[], code=code, problem="not exactly one '*'")
    return Pattern(line=n, before=tokens[:stars[0]], after=tokens[stars[0] + 1:], code=code)


# --------------------------------------------------------------------------- discard lists

@dataclass(frozen=True)
class Discard:
    """A PETRARCH discard phrase: a sentence (``story``: the whole article) holding it is not
    coded, as for sports results and chronologies."""

    words: tuple[str, ...]  # lower case
    story: bool  # written with a leading '+'
    whole: bool  # written with a final '_': the last word matches whole, else as a stem


def looks_like_discard_list(path: str | Path) -> bool:
    """PETRARCH keeps discards in their own ``*.discards.txt`` file."""
    return "discard" in Path(path).name.lower()


def read_discards(path: str | Path) -> dict[str, list[Discard]]:
    """Discard phrases indexed by their first word (matching is a lookup per token)."""
    ref = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise VerbDictionaryError(ref, f"cannot read discard list: {exc.strerror or exc}") from exc
    out: dict[str, list[Discard]] = {}
    for n, line in content_lines(text, ref, error=VerbDictionaryError):
        s = line.strip()
        story = s.startswith("+")
        body = s.lstrip("+").strip()
        whole = body.endswith("_")
        words = tuple(w.lower() for w in _SPLIT.split(body) if w)
        if not words:
            raise VerbDictionaryError(f"{ref}:{n}", f"discard line without words: {s!r}")
        out.setdefault(words[0], []).append(Discard(words, story, whole))
    return out


# --------------------------------------------------------------------------- verb forms

@lru_cache(maxsize=1)
def _irregular_table() -> list[tuple[str, list[str]]]:
    text = resources.files("newsgraph.events").joinpath("data/irregular_verbs.tsv").read_text("utf-8")
    return [(base, forms.split()) for base, _, forms in
            (line.partition("\t") for line in text.splitlines() if line and not line.startswith("#"))]


@lru_cache(maxsize=1)
def irregular_bases() -> dict[str, str]:
    """Irregular form -> base form (``events/data/irregular_verbs.tsv``)."""
    out: dict[str, str] = {}
    for base, forms in _irregular_table():
        for form in forms:
            out.setdefault(form, base)
    return out


@lru_cache(maxsize=1)
def _irregular_of() -> dict[str, frozenset[str]]:
    """Irregular form -> every base it is a form of ("found": find; "lay": lie and lay)."""
    out: dict[str, set[str]] = {}
    for base, forms in _irregular_table():
        for form in forms:
            out.setdefault(form, set()).add(base)
    return {form: frozenset(bases) for form, bases in out.items()}


def is_verb_form(form: str, lemma: str, listed: frozenset[str] | tuple[str, ...] = ()) -> bool:
    """Whether ``form`` is the verb ``lemma`` itself, a regular inflection of it, a known
    irregular form (also after a prefix: "withdrew", "upheld") or one the dictionary lists.
    PETRARCH matches only these; the lemmatizer also maps non-words to a lemma ("departes")."""
    if form == lemma or form in listed or form.startswith("'"):
        return True  # a clitic ("'s", "'ve") is the lemmatizer's business
    irregular = _irregular_of()
    if lemma in irregular.get(form, ()):
        return True
    for i in range(1, min(len(form), len(lemma)) - 1):
        if form[i - 1] != lemma[i - 1]:
            break
        if lemma[i:] in irregular.get(form[i:], ()):
            return True
    return form in regular_forms(lemma)


@lru_cache(maxsize=1 << 14)
def regular_forms(b: str) -> frozenset[str]:
    """The -s, -ed and -ing forms of a verb by the spelling rules, doubling a final consonant
    or not ("targeted", "cancelled": both spellings occur)."""
    if not b:
        return frozenset()
    vowels = "aeiou"
    consonant_y = b.endswith("y") and len(b) > 1 and b[-2] not in vowels
    out = {b + "ing"}
    if b.endswith(("s", "x", "z", "ch", "sh", "o")):
        out |= {b + "es", b + "s"} if b.endswith("o") else {b + "es", b + b[-1] + "es"}
    elif consonant_y:
        out.add(b[:-1] + "ies")
    else:
        out.add(b + "s")
    if b.endswith("e"):
        out |= {b + "d", b[:-1] + "ing"}
        if b.endswith("ie"):
            out.add(b[:-2] + "ying")
    elif consonant_y:
        out.add(b[:-1] + "ied")
    else:
        out.add(b + "ed")
    if len(b) > 2 and b[-1] not in vowels + "wxy" and b[-2] in vowels and b[-3] not in vowels:
        # a final consonant after one vowel: doubled in one syllable ("stopped", not "stoped"),
        # either way in longer verbs ("targeted", "travelled")
        out |= {b + b[-1] + "ed", b + b[-1] + "ing"}
        if sum(1 for i, c in enumerate(b) if c in vowels and (i == 0 or b[i - 1] not in vowels)) == 1:
            out -= {b + "ed", b + "ing"}
    if b.endswith("c"):
        out |= {b + "ked", b + "king"}  # "panicked"
    return frozenset(out)


def verb_keys(word: str, base_given: bool) -> list[tuple[str, bool]]:
    """(key, surface?) under which a dictionary verb is indexed. PETRARCH-1 dictionaries list
    inflected forms ("SAID", "LEFT", "URGING") where newsgraph looks triggers up by lemma: such a
    form is kept as a surface key (the matcher prefers it for that very word: LEFT and LEAVE
    code differently) and its base forms are added as lemma keys; a wrong guess is a key no
    lemma ever hits."""
    if word in irregular_bases():
        bases = [irregular_bases()[word]]
    else:
        bases = [] if base_given else regular_bases(word)
    return [(word, bool(bases)), *((b, False) for b in bases if b != word)]


def regular_bases(w: str) -> list[str]:
    """Base forms an inflected verb may have by the spelling rules ("repelled": repell, repelle,
    repel; "cordoned": cordon, cordone); wrong guesses are keys no lemma ever hits."""
    if len(w) > 4 and (w.endswith("ied") or w.endswith("ies")):
        return [w[:-3] + "y"]
    for suffix, minimum in (("ing", 6), ("ed", 5)):
        if w.endswith(suffix) and len(w) >= minimum:
            stem = w[:-len(suffix)]
            out = [stem, stem + "e"]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                out.append(stem[:-1])  # "repelled" -> "repel"
            return out
    if len(w) > 4 and w.endswith("es") and w[-3] in "sxz" or w.endswith("shes") or w.endswith("ches"):
        return [w[:-2]]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return [w[:-1]]
    return []


@lru_cache(maxsize=1 << 14)
def _requires_sets(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    return [tuple(dict.fromkeys(c)) for c in product(*(_noun_forms(w) for w in words))]


@lru_cache(maxsize=1 << 14)
def _noun_forms(word: str) -> tuple[str, ...]:
    """The word and its singular guess: the matcher compares with a dependent's lemma and text."""
    w = word
    if len(w) > 4 and w.endswith("ies"):
        return (w, w[:-3] + "y")
    if w.endswith(("sses", "shes", "ches", "xes")):
        return (w, w[:-2])
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")) and w not in PARTICLES:
        return (w, w[:-1])
    return (w,)


# --------------------------------------------------------------------------- conversion

@dataclass(frozen=True)
class _Shape:
    """What a pattern says besides its words: frame and where the target sits."""

    frame: str
    target: tuple[str, ...] | None  # None: decide from the words


def _subject_words(p: Pattern, synsets: dict[str, list[tuple[str, ...]]]) -> bool:
    """Whether the words before '*' are the subject's head or the verb's adverb ("POLICE *",
    "&AIRCRAFT *", "HEAVILY *": PETRARCH-2's pre-verb nouns hang from the verb), not the
    auxiliaries, negations and governing verbs of PETRARCH-1 ("SAID *", "NOT *", "HAS *"),
    which are matched as words preceding the verb in its sentence (``Trigger.before``)."""
    words: list[str] = []
    for t in p.before:
        if t in MARKS:
            continue
        if t.startswith("&"):
            words += [w for member in synsets.get(_label(t), [("?",)]) for w in member]
        else:
            words.append(t.lower())
    return all(w.isalpha() or "-" in w for w in words) and not any(
        w in NOT_SUBJECT_WORDS or w in irregular_bases() or w.endswith("ed") for w in words)


def _shape(p: Pattern, subject: bool) -> _Shape | str:
    """The frame of a pattern, or the reason the matcher cannot express it. ``subject``: the
    words before the verb are its subject's head (they hang from the verb)."""
    if subject and ("+" in p.before or "%" in p.before):
        return "words and a target or compound actor before the verb"
    after = [t for t in p.after if t != "^" and t.lower() not in DETERMINERS]
    before = set(p.before)
    if "%" in before and ("$" in after or "+" in after):
        return "compound actor with a source or target"
    if "+" in before:
        # "+ * FROM $": the subject receives from the source
        if "$" not in after:
            if PASSIVE_AUXILIARIES & {t.lower() for t in p.before}:
                # "+ WAS *": the passive subject is the target, as the argument finder reads it
                return _Shape("agent", None)
            return "target before the verb"
        i = after.index("$")
        if i == 0 or after[i - 1].lower() not in ("from", "by") or "+" in after:
            return "source after the verb"
        return _Shape("receive", ("from",))
    if "$" in after:
        return "source after the verb"
    if "%" in before:
        return _Shape("symmetric", ("with", "between", "dobj"))
    for mark in ("%", "+"):
        if mark in after:
            i = after.index(mark)
            prev = after[i - 1].lower() if i else "*"
            if prev == "*":
                return _Shape("agent", ("dobj",)) if mark == "+" else "compound actor as object"
            if prev not in PARTICLES:
                # "* TOWARD MEETING +", "* &DISPUTE +": the words as required words, the target
                # where the argument finder looks for an object
                return _Shape("symmetric" if mark == "%" else "agent", None)
            return _Shape("symmetric" if mark == "%" else "agent", (prev,))
    return _Shape("agent", None)


# Codes that say "do not code this construction": PETRARCH's null code, and, for newsgraph, a
# CAMEO code PLOVER has no type for (a statement, 010) or only the reverse direction's code.
BLOCKING = frozenset({"null code", "CAMEO code without a PLOVER type", "only a reverse-direction code"})
_BLOCK = ("", "", None, False, None)
Reverse = tuple[str, str, str | None]  # (CAMEO digits, PLOVER type, mode) of a pair code's B


def _code(raw: str, cameo_to_plover: Callable) -> tuple[str, str, str | None, bool, Reverse | None] | str:
    """(CAMEO digits, PLOVER type, mode, symmetric, reverse) of a ``[code]``, or why it has none.
    ``[A:A]`` is symmetric; ``[A:B]`` with B another code is coded both ways: A from source to
    target, B from target to source (reverse), when B has a PLOVER type."""
    if not raw.strip():
        return "pattern without a [code]"
    first, _, second = raw.partition(":")
    first = first.strip()
    if not first:
        return "only a reverse-direction code"
    if _NULL.match(first):
        return "null code"
    m = _CODE_DIGITS.match(first)
    if not m:
        return "not a CAMEO code"
    mapped = cameo_to_plover(m.group(1))
    if not mapped:
        return "CAMEO code without a PLOVER type"
    m2 = _CODE_DIGITS.match(second.strip())
    symmetric = bool(m2 and m2.group(1) == m.group(1))
    back = cameo_to_plover(m2.group(1)) if m2 and not symmetric else None
    reverse = (m2.group(1), back[0], back[1]) if back else None
    return m.group(1), mapped[0], mapped[1], symmetric, reverse


def _pair_code(raw: str) -> bool:
    """``[A:B]`` with B a code other than A (a pair code, coded both ways when B has a PLOVER
    type: ``_code``)."""
    first, colon, second = raw.partition(":")
    m1, m2 = _CODE_DIGITS.match(first.strip()), _CODE_DIGITS.match(second.strip())
    return bool(colon and m2 and not (m1 and m1.group(1) == m2.group(1)))


def _word_sets(tokens: list[str], synsets: dict[str, list[tuple[str, ...]]]) -> list[tuple[str, ...]] | str:
    """Every combination of the pattern words (synonym sets expanded), marks left out."""
    slots: list[list[tuple[str, ...]]] = []
    for t in tokens:
        if t in MARKS or t.lower() in DETERMINERS:
            continue
        if t.startswith("&"):
            members = synsets.get(_label(t))
            if not members:
                return "undefined synonym set"
            slots.append(members)
        else:
            slots.append([(t.lower(),)])
    combos = 1
    for s in slots:
        combos *= len(s)
    if combos > MAX_EXPANSION:
        return "synonym sets too large to expand"
    return [tuple(w for part in combo for w in part if w not in DETERMINERS) for combo in product(*slots)]


def _target(words: tuple[str, ...], shape: _Shape, inherited: tuple[str, ...] | None) -> tuple[str, ...]:
    if shape.target is not None:
        return shape.target
    if not words:
        return inherited or OBJECT_TARGETS
    if words[-1] in PARTICLES:
        # "CALLED *_ON", "* DOWN (FROM)": the last preposition introduces the target
        return (words[-1], "dobj")
    return OBJECT_TARGETS


@dataclass(frozen=True)
class _Words:
    """The words one expansion of a pattern checks."""

    requires: tuple[str, ...]  # hang from the verb (at most MAX_WORDS)
    before: tuple[str, ...] = ()  # precede the verb in its sentence, in order
    after: tuple[str, ...] = ()  # all words after the verb, when more than MAX_WORDS: in order


def _pattern_words(p: Pattern, subject: bool, synsets, compound: bool = False
                   ) -> tuple[list[_Words], str] | str:
    """The expansions of a pattern and the kind of conversion, or why there are none.
    ``compound``: '%' stands before the verb, a condition of its own ("- % * [030:030]")."""
    pre = [t for t in p.before if t not in MARKS]
    hanging = _word_sets((pre if subject else []) + p.after, synsets)
    before = _word_sets([] if subject else pre, synsets)
    after = _word_sets(p.after, synsets)
    for x in (hanging, before, after):
        if isinstance(x, str):
            return x
    if len(hanging) * len(before) > MAX_EXPANSION:
        return "synonym sets too large to expand"
    out: list[_Words] = []
    long = False
    for b in before:
        for i, h in enumerate(hanging):
            if len(h) <= MAX_WORDS:
                # the words after the verb follow it in order ("* REALLY_PLEASANT" in "allowed
                # that X is a really pleasant place"); a subject word only hangs from it
                out.append(_Words(h, b, after[i % len(after)] if after[0] else ()))
            else:
                # "* SUPPORT FOR &GENINT CONVENTIONS": the first words hang from the verb, all of
                # them follow it in its subtree in order (matched in triggers._Around.follows)
                long = True
                # (product() varies the last slots fastest: the after-verb part is i % len(after))
                out.append(_Words(h[:MAX_WORDS], b, after[i % len(after)]))
    if out == [_Words(())] and not compound:
        return "no words beyond the bare verb"
    kind = ("compound actor before the verb" if compound else
            "words before the verb" if any(w.before for w in out) else
            "three or more words after the verb, in order" if long else "words after the verb")
    return out, kind


def to_triggers(vd: VerbDictionary, cameo_to_plover: Callable, base: Lexicon | None = None
                ) -> tuple[list[Trigger], VerbConversion]:
    """Trigger entries for every verb and pattern the matcher can express, and the account."""
    report = VerbConversion(path=vd.path, blocks=len(vd.blocks), transformations=vd.transformations)
    out: dict[tuple, tuple[int, Trigger]] = {}

    def emit(heads: list[tuple[str, tuple[str, ...], bool | None, tuple[str, ...]]], words: _Words, code,
             shape: _Shape, compound: bool = False) -> None:
        digits, typ, mode, symmetric, reverse = code
        frame = "symmetric" if symmetric and shape.frame == "agent" else shape.frame
        requires_sets = _requires_sets(words.requires)
        target = _target(words.requires, shape, None)
        after = tuple(_noun_forms(w) for w in words.after)
        for lemma, particles, surface, forms in heads:
            frame_used, target_used = frame, target
            if not words.requires and shape.target is None and typ:
                inherited = _inherit(base, lemma, particles, typ)
                if inherited:
                    target_used = tuple(dict.fromkeys((*inherited[0], *OBJECT_TARGETS)))
                    frame_used = inherited[1] if frame == "agent" else frame
            for req in requires_sets:
                requires = tuple(dict.fromkeys(particles + req)) if particles else req
                key = (lemma, requires, words.before, after, compound)
                # the first definition of a phrase wins, but a verb's own block beats a base form
                # guessed from another block's inflected verb ("LEFT" gives "leave" too)
                rank = 1 if surface is None else 0
                if key not in out or rank < out[key][0]:
                    out[key] = (rank, Trigger(lemma=lemma, pos="verb", type=typ, cameo=digits,
                                              frame=frame_used, mode=mode, requires=requires,
                                              target=target_used, source_file=vd.path, surface=bool(surface),
                                              before=words.before, after=after, blocks=not typ,
                                              needs_coded_actor=True, reverse=reverse,
                                              compound_subject=compound, forms=forms))

    for block in vd.blocks:
        verbs: list[tuple] = []  # (lemma, particles, surface, listed forms) of every verb of the block
        for verb in block.verbs:
            report.verbs += 1
            if verb.at > 0:
                report.skipped["verb with words before it"] += 1
                continue
            keys = verb_keys(verb.words[0], verb.irregular)
            inflected = keys[0][1]
            # surface: True for the form as written when inflected, None for a guessed base form
            heads = [(k, tuple(verb.words[1:]), True if surf else (None if inflected else False),
                      verb.forms if k == verb.words[0] else ()) for k, surf in keys]
            verbs += heads
            raw = verb.code if verb.code is not None else block.code
            code = _code(raw, cameo_to_plover) if raw is not None else "null code"
            if code in BLOCKING:
                # listed, so the dictionary decides: alone it codes nothing (not the packaged entry)
                emit(heads, _Words(()), _BLOCK, _Shape("agent", None))
                report.verbs_blocking += 1
                continue
            if isinstance(code, str):
                report.skipped[f"verb alone: {code}"] += 1
                continue
            emit(heads, _Words(()), code, _Shape("agent", None))
            report.verbs_converted += 1
            _count_pair(report, raw, code)
        verbs = list(dict.fromkeys(verbs))
        for p in block.patterns:
            report.patterns += 1
            if p.problem:
                report.skipped[f"malformed pattern: {p.problem}"] += 1
                continue
            subject = any(t not in MARKS for t in p.before) and _subject_words(p, vd.synsets)
            shape = _shape(p, subject)
            # '%' before the verb: the subject must be a compound actor (TABARI)
            compound = "%" in p.before and not subject
            code = _code(p.code, cameo_to_plover) if not isinstance(shape, str) else shape
            blocking = code in BLOCKING
            if blocking:
                code = _BLOCK
            words = _pattern_words(p, subject, vd.synsets, compound) if not isinstance(code, str) else code
            if isinstance(shape, str) or isinstance(code, str) or isinstance(words, str):
                report.skipped[next(x for x in (shape, code, words) if isinstance(x, str))] += 1
                continue
            if not verbs:
                report.skipped["block without a usable verb"] += 1
                continue
            expansions, kind = words
            for w in expansions:
                emit(verbs, w, code, shape, compound)
            report.patterns_converted += 1
            report.converted["do not code" if blocking else kind] += 1
            if not blocking:
                _count_pair(report, p.code, code)
    report.entries = len(out)
    return [t for _, t in out.values()], report


def _count_pair(report: VerbConversion, raw: str, code: tuple) -> None:
    if code[4] is not None:
        report.both_ways += 1
    elif _pair_code(raw):
        report.one_way += 1


def _inherit(base: Lexicon | None, lemma: str, requires: tuple[str, ...], typ: str
             ) -> tuple[tuple[str, ...], str] | None:
    """Target positions (and the frame, when the type agrees) of the packaged entry for the
    same phrase: the dictionary says what a bare verb codes, the lexicon knows its arguments."""
    if base is None:
        return None
    same = [e for e in base.candidates(lemma, "verb") if e.requires == requires]
    if not same:
        return None
    agreeing = [e for e in same if e.type == typ]
    entry = (agreeing or same)[0]
    return entry.target, entry.frame if agreeing else "agent"


def load_verb_triggers(path: str | Path, cameo_to_plover: Callable, base: Lexicon | None = None
                       ) -> tuple[list[Trigger], VerbConversion]:
    """Read and convert one verb dictionary (``Ontology.load`` calls this once per file)."""
    return to_triggers(read_verb_dictionary(path), cameo_to_plover, base)
