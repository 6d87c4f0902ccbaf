"""What "they", "all three", "the two leaders", "its" and "the strikes" stand for, for the event stage.

The actor index maps one token to one actor, so a plural pronoun or a numeral noun phrase that
stands for several coordinated actors ("Niger, Mali and Burkina Faso ... they", "All three were
suspended") cannot be stored there; the event stage resolves those itself, only when the
actor stage left the token unresolved (or resolved it to one member of the group):

- a plural pronoun in the complement of a say-verb is the say-verb's subject ("X and Y said
  they had discussed ..."); otherwise the nearest earlier group of two or more actors, subjects
  of main clauses first, in the same or the two previous sentences;
- "all three", "the two leaders", "both" is the nearest earlier group of exactly that size;
- an unresolved "its"/"it" (not the expletive "it is ...") is the nearest earlier state or
  organisation in the same sentence ("helping Russia restock its arsenal as it ..."), or, for a
  sentence-opening "It", the previous sentence's main subject.

Events are anaphoric too: "the strikes were carried out with ...", "condemned the attack",
"described it as a horrific attack" refer to an event already reported. ``EventMemory`` keeps
the sources of every event found so far, in text order, so such a mention can take them.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..actors.anaphora import own_parties
from ..nlp import children

PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
NEUTER_PRONOUNS = frozenset({"it", "its", "itself"})
NUMBERS = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7}
DEFINITE_DETS = frozenset({"the", "these", "those", "all", "both"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
COLLECTIVE_KINDS = frozenset({"state", "organisation", "group"})
SENTENCES_BACK = 2
LIST_GLUE = frozenset({",", "and", "or", "&"})
NUMERAL_SENTENCES_BACK = 4


def _sentences_back(tok, n: int) -> list:
    """The token's sentence and up to ``n`` sentences before it, nearest first."""
    doc = tok.doc
    out = [tok.sent]
    while len(out) <= n and out[-1].start > 0:
        out.append(doc[out[-1].start - 1].sent)
    return out


def numeral_size(t) -> int | None:
    """N when ``t`` heads "all three", "the three nations", "both", "the two leaders"."""
    low = t.lower_
    if t.pos_ == "NUM" and low in NUMBERS and t.dep_ != "nummod":
        return NUMBERS[low]
    if low == "both" and t.dep_ in SUBJECT_DEPS | {"dobj", "pobj"}:
        return 2
    if t.pos_ in ("NOUN", "PROPN") and t.tag_ in ("NNS", "NNPS"):
        num = next((c for c in children(t) if c.dep_ == "nummod" and c.lower_ in NUMBERS), None)
        if num is not None and any(c.lower_ in DEFINITE_DETS and c.dep_ in ("det", "predet") for c in children(t)):
            return NUMBERS[num.lower_]
    return None


class Anaphora:
    """Group and pronoun antecedents; ``resolve(tok)`` gives a noun phrase's actors without anaphora."""

    def __init__(self, resolve: Callable[[object], list[str]], code_of: Callable[[str], str],
                 kind_of: Callable[[str], str | None], clause_subjects: Callable[[object], list],
                 say_verbs: frozenset[str], mentions: list[tuple[int, int, str]] = ()):
        self.resolve = resolve
        self.mentions = sorted(mentions)
        self.code_of = code_of
        self.kind_of = kind_of
        self.clause_subjects = clause_subjects
        self.say_verbs = say_verbs
        self._groups: dict[int, list[tuple[tuple, list[str]]]] = {}

    def _distinct(self, ids: list[str]) -> list[str]:
        seen: set[str] = set()
        out = []
        for a in ids:
            c = self.code_of(a)
            if c not in seen:
                seen.add(c)
                out.append(a)
        return out

    def _sentence_groups(self, sent) -> list[tuple[tuple, list[str]]]:
        """(rank, actors) of every group of two or more actors in a sentence, best rank first."""
        if sent.start in self._groups:
            return self._groups[sent.start]
        out = []
        for t in sent:
            size = numeral_size(t)
            if size is None and not any(c.dep_ in ("conj", "appos") for c in children(t)):
                continue
            if t.dep_ in ("conj", "appos"):
                continue
            ids = self.numeral(t, size) if size else self._distinct(self.resolve(t))
            if len(ids) < 2:
                continue
            main = t.dep_ in SUBJECT_DEPS and (t.head.dep_ == "ROOT" or (
                t.head.dep_ == "conj" and t.head.head.dep_ == "ROOT"))
            out.append(((main, t.dep_ in SUBJECT_DEPS, t.i), ids))
        out.sort(key=lambda g: g[0], reverse=True)
        self._groups[sent.start] = out
        return out

    def plural(self, t) -> list[str]:
        """Antecedent group of "they"/"their"/"them"."""
        cur = t
        for _ in range(8):
            head = cur.head
            if head is cur:
                break
            if cur.dep_ == "ccomp" and head.lemma_.lower() in self.say_verbs:
                ids: list[str] = []
                for s in self.clause_subjects(head):
                    ids += self.resolve(s)
                if ids:
                    return self._distinct(ids)
                break
            cur = head
        for n, sent in enumerate(_sentences_back(t, SENTENCES_BACK)):
            for (_, _, i), ids in self._sentence_groups(sent):
                if n == 0 and i >= t.i:
                    continue
                return ids
        return []

    def surface_lists(self, sent) -> list[tuple[int, list[str]]]:
        """(end token, actors) of every written list "A, B and C" in a sentence: mentions separated
        only by commas and "and"/"or" (robust to coordination the parser attached elsewhere)."""
        out: list[tuple[int, list[str]]] = []
        run: list[str] = []
        last_end = -1
        doc = sent.doc
        for start, end, aid in self.mentions:
            if start < sent.start or end > sent.end:
                continue
            gap = doc[last_end:start] if last_end >= 0 else None
            if gap is not None and len(gap) <= 3 and all(g.lower_ in LIST_GLUE for g in gap) and run:
                run.append(aid)
            else:
                if len(self._distinct(run)) >= 2:
                    out.append((last_end - 1, self._distinct(run)))
                run = [aid]
            last_end = end
        if len(self._distinct(run)) >= 2:
            out.append((last_end - 1, self._distinct(run)))
        return out

    def numeral(self, t, size: int | None = None) -> list[str]:
        """Antecedent group of "all three", "the two leaders": the nearest group of that size."""
        size = size or numeral_size(t)
        if not size:
            return []
        own = own_parties(t)
        for n, sent in enumerate(_sentences_back(t, NUMERAL_SENTENCES_BACK)):
            best: tuple[int, list[str]] | None = None
            for tok in sent:
                if n == 0 and tok.i >= t.i:
                    break
                if tok.dep_ in ("conj", "appos") or not any(c.dep_ in ("conj", "appos") for c in children(tok)):
                    continue
                if tok.i in own or any(c.i in own for c in children(tok) if c.dep_ == "conj"):
                    continue
                ids = self._distinct(self.resolve(tok))
                if len(ids) == size and (best is None or tok.i > best[0]):
                    best = (tok.i, ids)
            for end, ids in self.surface_lists(sent):
                if end in own:
                    continue
                if (n > 0 or end < t.i) and len(ids) == size and (best is None or end > best[0]):
                    best = (end, ids)
            if best:
                return best[1]
        return []

    def neuter(self, t, at: Callable[[int], str | None]) -> list[str]:
        """"its"/"it": the nearest earlier state or organisation in the sentence, else the previous
        sentence's main subject."""
        if t.lower_ == "it" and (_expletive(t) or t.dep_ not in ("nsubj", "nsubjpass", "dobj")):
            return []
        for tok in reversed(t.sent[: t.i - t.sent.start]):
            a = at(tok.i)
            if a is not None and self.kind_of(a) in COLLECTIVE_KINDS:
                return [a]
        if t.sent.start > 0 and t.dep_ in SUBJECT_DEPS:
            # a sentence opening with "It": the previous sentence's main subject
            prev = t.doc[t.sent.start - 1].sent
            for tok in prev:
                if tok.dep_ in SUBJECT_DEPS and tok.head.dep_ == "ROOT":
                    a = next((at(x.i) for x in (tok, *tok.subtree) if at(x.i) is not None), None)
                    if a is not None and self.kind_of(a) in COLLECTIVE_KINDS:
                        return [a]
        return []


# adjectives whose subject is the one who acts: "it is willing to withdraw" (not "it is important to")
AGENTIVE_ADJECTIVES = frozenset("willing unwilling ready prepared determined able unable eager keen "
                                "reluctant poised resolved intent".split())


def _expletive(t) -> bool:
    """"It is important to ...", "it is time": "it" stands for nothing; but in "Syria says it is
    willing to withdraw" it is the one willing."""
    return t.head.lemma_ == "be" and not any(
        c.dep_ == "acomp" and c.lemma_.lower() in AGENTIVE_ADJECTIVES for c in children(t.head))


@dataclass
class EventMemory:
    """Sources of the events found so far, in text order (token index, type, sources)."""

    entries: list[tuple[int, str, list[str]]] = field(default_factory=list)
    window: int = 400  # tokens: an anaphoric event mention refers to something recent

    def add(self, i: int, type_: str, sources: list[str]) -> None:
        if sources:
            self.entries.append((i, type_, list(sources)))

    def recall(self, before: int, types: frozenset[str] | set[str] | None = None) -> list[str]:
        for i, typ, srcs in reversed(self.entries):
            if i >= before:
                continue
            if before - i > self.window:
                break
            if types is None or typ in types:
                return srcs
        return []


# "the government", "our government": unnamed, in what a speaker says, the speaker's own
GOVERNMENT_NOUNS = frozenset({"government", "administration", "cabinet", "authorities"})
OWN_DETERMINERS = frozenset({"the", "our"})
# from a nominal event up to the verb whose subject does it ("has been in contact with X")
NOMINAL_CLIMB = frozenset({"dobj", "obj", "pobj", "prep", "attr"})


def clause_verb(tok):
    """The verb whose clause holds ``tok``: itself, or the verb a nominal event hangs from."""
    t = tok
    for _ in range(4):
        if t.pos_ in ("VERB", "AUX") or t.dep_ not in NOMINAL_CLIMB or t.head is t:
            break
        t = t.head
    return t if t.pos_ in ("VERB", "AUX") else None


def speakers_government(subjects, speaker: str | None, actors) -> str | None:
    """"The President said the government has been in contact with X": an unnamed government in
    a speaker's words is the speaker's state's (the state's actor, when the article names it).
    Not "the Chinese government", "the government of X" (named there), nor a speaker with no state."""
    if speaker is None or len(subjects) != 1:
        return None
    subj = subjects[0]
    if subj.lemma_.lower() not in GOVERNMENT_NOUNS or actors.at(subj.i) is not None:
        return None
    if not any(c.dep_ in ("det", "poss") and c.lower_ in OWN_DETERMINERS for c in children(subj)) or any(
            c.dep_ in ("amod", "compound", "prep", "appos") for c in children(subj)):
        return None
    owner = actors.get(speaker)
    code = getattr(owner, "code", None)
    if owner is None or not code:
        return None
    if owner.kind == "state":
        return owner.id
    return next((a.id for a in actors.actors if a.kind == "state" and a.code == code), None)


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def finite_after_infinitive(v) -> bool:
    """A finite verb the parser coordinated with an infinitive ("called on X to release prisoners
    and threatened to ..."): it cannot share the "to", so it is coordinated with the verb that
    governs the infinitive, whose subject and status it shares."""
    head = v.head
    return v.dep_ == "conj" and v.tag_ in FINITE_TAGS and head.tag_ == "VB" and head.dep_ in ("xcomp", "advcl") \
        and any(c.dep_ == "aux" and c.tag_ == "TO" for c in children(head)) and head.head is not head


def object_gap(v) -> bool:
    """A relative clause with no relative pronoun whose object is the noun it modifies ("the
    officials it accused of ...", "the drones Iran supplied"): it has its own subject, no object."""
    if v.dep_ != "relcl" or v.head is v or v.head.pos_ not in ("NOUN", "PROPN"):
        return False
    subj = [c for c in children(v) if c.dep_ in ("nsubj", "nsubjpass")]
    # not "Ukraine, where X is supporting and encouraging Y": a relative adverb, or an object
    # shared with a coordinated verb
    return len(subj) == 1 and subj[0].dep_ == "nsubj" and subj[0].tag_ not in ("WDT", "WP") \
        and not any(c.dep_ in ("dobj", "obj", "ccomp", "xcomp", "conj", "advcl")
                    or c.tag_ == "WRB" for c in children(v))
