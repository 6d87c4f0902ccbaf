"""Find trigger tokens in a parsed document: one dict lookup per content token.

A token triggers when its (lemma, pos) is in the lexicon and the entry's required words
("call on", "impose sanction", "military aid") hang from it as children or grandchildren. The
most specific matching entry comes first; the arguments stage picks the first whose frame
yields a complete dyad. Entries of a PETRARCH/TABARI verb dictionary also check their pattern's
words before and after the verb and a compound subject ('%'), and take only the verb's own
forms (``petrarch_verbs.is_verb_form``).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..nlp import children, doc_tokens
from .lexicon import Lexicon, Trigger
from .petrarch_verbs import is_verb_form, regular_bases

_POS = {"VERB": "verb", "NOUN": "noun", "PROPN": "noun"}


@dataclass
class TriggerMatch:
    token: object  # spacy Token
    entries: list[Trigger]


def _near_lemmas(tok) -> set[str]:
    out: set[str] = set()
    for c in children(tok):
        if c.dep_ == "prep" and any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in children(c)):
            continue  # "called X on Tuesday" is a phone call, not "call on"
        out.add(c.lemma_.lower())
        out.add(c.lower_)
        for g in children(c):
            out.add(g.lemma_.lower())
            out.add(g.lower_)
    return out


# tags of an inflected verb form whose base forms are guessed when the lemmatizer missed them
INFLECTED_TAGS = frozenset({"VBD", "VBN", "VBG", "VBZ"})


def _lexical_head(pos_: str, lemma_: str, lower: str, tag: str, lexicon: Lexicon) -> tuple[str, str] | None:
    """The (head, pos) under which the lexicon holds entries for a word, from its part of speech,
    lemma, form and tag alone (no context), or None."""
    pos = _POS.get(pos_)
    if pos is None:
        return None
    lemma = lemma_.lower()
    # a dictionary that codes this very form apart from its lemma, the lemma, the form itself,
    # then base forms the lemmatizer missed ("cordoned" -> "cordone")
    heads = [lower] if lower != lemma and (lower, pos) in lexicon.surface else []
    heads += [lemma, lower]
    if pos == "verb":
        heads += regular_bases(lower) if tag in INFLECTED_TAGS else []
    for head in dict.fromkeys(heads):
        if not lexicon.candidates(head, pos):
            continue
        if pos == "verb" and (head, pos) in lexicon.ordered and not is_verb_form(
                lower, head, lexicon.listed_forms.get(head, ())):
            continue  # a verb dictionary's head takes only its own forms, as in PETRARCH ("departes")
        return head, pos
    return None


def match_token(tok, lexicon: Lexicon) -> list[Trigger]:
    found = _lexical_head(tok.pos_, tok.lemma_, tok.lower_, tok.tag_, lexicon)
    if found is None:
        return []
    return _match_head(tok, found[0], found[1], lexicon)


def _match_head(tok, head: str, pos: str, lexicon: Lexicon) -> list[Trigger]:
    """The entries of the token's lexicon head whose context words are around it."""
    around = _Around(tok)
    near = (lambda: _near_lemmas(tok) | around.following_words()) if (head, pos) in lexicon.ordered else (
        lambda: _near_lemmas(tok))
    entries = lexicon.select(head, pos, near, around.preceding_words)
    if not any(e.conditioned or e.blocks for e in entries):
        return entries  # the packaged lexicon: no pattern conditions
    out = []
    for e in entries:
        if e.conditioned and not (around.precedes(e.before) and around.follows(e.after)
                                  and (not e.compound_subject or around.compound_subject())):
            continue
        if e.blocks:
            break  # the most specific pattern that fits says "do not code"
        out.append(e)
    return out


# How far a pattern's words are looked for: PETRARCH matches them within the verb's phrase.
BEFORE_WINDOW = 12
AFTER_WINDOW = 15


def _forms(t) -> tuple[str, str]:
    low = "not" if t.lower_ == "n't" else t.lower_
    return low, t.lemma_.lower()


class _Around:
    """The words before a trigger token (in its sentence) and after it (in its subtree), read
    once per token and only when an entry of its head has pattern words to check."""

    __slots__ = ("tok", "_before", "_after", "_compound")

    def __init__(self, tok):
        self.tok, self._before, self._after, self._compound = tok, None, None, None

    def compound_subject(self) -> bool:
        if self._compound is None:
            self._compound = _compound_subject(self.tok)
        return self._compound

    def before(self) -> list[tuple[str, str]]:
        """Forms of the preceding words, nearest first."""
        if self._before is None:
            tok = self.tok
            start = max(tok.sent.start, tok.i - BEFORE_WINDOW)
            self._before = [_forms(t) for t in reversed(tok.doc[start:tok.i])]
        return self._before

    def after(self) -> list[tuple[str, str]]:
        """Forms of the following words inside the token's subtree (contiguous in a projective
        parse: up to its right edge)."""
        if self._after is None:
            tok = self.tok
            end = min(tok.right_edge.i, tok.i + AFTER_WINDOW)
            self._after = [_forms(t) for t in tok.doc[tok.i + 1:end + 1]]
        return self._after

    def preceding_words(self) -> set[str]:
        return {f for pair in self.before() for f in pair}

    def following_words(self) -> set[str]:
        return {f for pair in self.after() for f in pair}

    def precedes(self, words: tuple[str, ...]) -> bool:
        """The words come before the token, in order, other words between allowed."""
        if not words:
            return True
        k = len(words) - 1
        for pair in self.before():
            if words[k] in pair:
                k -= 1
                if k < 0:
                    return True
        return False

    def follows(self, words: tuple[tuple[str, ...], ...]) -> bool:
        """Each word (any of its forms) comes after the token, in order."""
        if not words:
            return True
        k = 0
        for low, lemma in self.after():
            if low in words[k] or lemma in words[k]:
                k += 1
                if k == len(words):
                    return True
        return False


SUBJECT_DEPS = ("nsubj", "nsubjpass")
# a clause whose subject is one of these, or none, has the subject of the clause it depends on
# ("X and Y said they would begin talks", "X and Y met and agreed")
INHERITING_DEPS = ("conj", "xcomp", "ccomp")
PLURAL_PRONOUNS = frozenset({"they", "we"})


def _compound_subject(tok, depth: int = 0) -> bool:
    """The verb's subject is a compound actor, TABARI's '%': coordinated noun phrases ("X and Y
    agree"), a conj under the subject."""
    subjects = [c for c in children(tok) if c.dep_ in SUBJECT_DEPS]
    if any(c.dep_ == "conj" for s in subjects for c in children(s)):
        return True
    if depth < 2 and tok.dep_ in INHERITING_DEPS and tok.head is not tok and all(
            s.lower_ in PLURAL_PRONOUNS for s in subjects):
        return _compound_subject(tok.head, depth + 1)
    return False


def _discarded(doc, discards: dict) -> set[int] | None:
    """Tokens of the sentences a discard phrase rules out; None when one rules out the article."""
    out: set[int] = set()
    for tok in doc_tokens(doc):
        low, lemma = tok.lower_, tok.lemma_.lower()
        for d in discards.get(low, ()) or discards.get(lemma, ()):
            end = tok.i + len(d.words)
            if end > len(doc) or any(doc[tok.i + k].lower_ != d.words[k] for k in range(1, len(d.words) - 1)):
                continue
            last = doc[end - 1]
            if last.lower_ == d.words[-1] or last.lemma_.lower() == d.words[-1] or (
                    not d.whole and last.lower_.startswith(d.words[-1])):
                if d.story:
                    return None
                sent = tok.sent
                out.update(range(sent.start, sent.end))
                break
    return out


def find_triggers(doc, lexicon: Lexicon) -> list[TriggerMatch]:
    skip: set[int] | None = set()
    if lexicon.discards:
        skip = _discarded(doc, lexicon.discards)
        if skip is None:
            return []
    import numpy  # with spaCy, imported lazily as in nlp.py
    from spacy.attrs import LEMMA, LOWER, POS, TAG
    from spacy.symbols import NOUN, PROPN, VERB

    # the lexicon part of a match depends on these four attributes only: read them as one array
    # and answer each combination once per lexicon (a few thousand words trigger in 60k)
    memo = lexicon.heads_memo
    if len(memo) > MEMO_LIMIT:
        memo.clear()  # a long ingest meets ever new words
    rows = doc.to_array([POS, LEMMA, LOWER, TAG])
    at = numpy.flatnonzero(numpy.isin(rows[:, 0], (NOUN, PROPN, VERB)))  # the parts of speech in _POS
    toks = doc_tokens(doc)
    out = []
    for i, row in zip(at.tolist(), rows[at].tolist()):
        key = tuple(row)
        found = memo.get(key, _UNSEEN)
        if found is _UNSEEN:
            tok = toks[i]
            found = memo[key] = _lexical_head(tok.pos_, tok.lemma_, tok.lower_, tok.tag_, lexicon)
        if found is None or (skip and i in skip):
            continue
        tok = toks[i]
        entries = _match_head(tok, found[0], found[1], lexicon)
        if entries:
            out.append(TriggerMatch(tok, entries))
    return out


_UNSEEN = object()
MEMO_LIMIT = 200_000
