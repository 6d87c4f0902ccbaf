"""Quotes and events: who claims an event, who "we" is, and speech acts read from quotes.

- ``QuoteLocator`` answers which quote (direct or reported) contains a character offset; the
  innermost one wins, so a direct quote inside a reported clause gives its own speaker.
- An event inside a quote is ``claimed_by`` the quote's speaker; outside any quote, an event in
  the complement of a say-verb ("X said that Y attacked Z") is claimed by the say-verb's subject.
- Speech acts: a quote in which the speaker tells an actor what it "should"/"must"/"needs to"
  do is a REQUEST from the speaker to that actor; a quote asserting that an actor committed
  violence or coercion is an ACCUSE from the speaker to it (both happened, so asserted).
"""
from __future__ import annotations

from bisect import bisect_right

from ..nlp import children, doc_tokens
from ..records import Quote

SAY_VERBS = frozenset(
    "say tell state add note announce stress emphasize emphasise insist claim declare acknowledge confirm "
    "report write argue explain reiterate assert allege warn affirm maintain contend".split()
)
DEMAND_MODALS = frozenset({"should", "must", "ought"})


class QuoteLocator:
    def __init__(self, quotes: list[Quote]):
        self.quotes = sorted(quotes, key=lambda q: (q.start, -q.end))
        self.starts = [q.start for q in self.quotes]

    def quote_at(self, char: int) -> Quote | None:
        best: Quote | None = None
        for q in self.quotes[: bisect_right(self.starts, char)]:
            if q.start <= char < q.end and (best is None or q.end - q.start < best.end - best.start):
                best = q
        return best

    def speaker_at(self, char: int) -> str | None:
        q = self.quote_at(char)
        return q.speaker if q else None


def reporting_subject(tok, actors) -> str | None:
    """The actor of a say-verb whose complement contains ``tok`` ("X said Y attacked Z" -> X)."""
    t = tok
    for _ in range(8):
        if t.dep_ == "ccomp" and t.head.lemma_.lower() in SAY_VERBS:
            for c in children(t.head):
                if c.dep_ == "nsubj":
                    a = actors.at(c.i)
                    if a is not None:
                        return a
            return None
        if t.head is t:
            return None
        t = t.head
    return None


def reported_clauses(doc):
    """(say-verb, complement clause head) for every "X said (that) ..." in the document."""
    for c in doc_tokens(doc):
        if c.dep_ == "ccomp":
            head = c.head
            if head.pos_ == "VERB" and head.lemma_.lower() in SAY_VERBS:
                yield head, c


def demanded_subjects(tokens):
    """(verb, subject token) pairs among ``tokens`` where the subject is told what it should do."""
    for tok in tokens:
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        modal = next((c for c in children(tok) if c.dep_ == "aux" and c.lower_ in DEMAND_MODALS), None)
        needs = tok.lemma_.lower() in ("need", "have") and any(
            c.dep_ == "xcomp" or (c.dep_ == "advcl" and _has_to(c)) for c in children(tok)
        ) and not any(c.dep_ == "neg" for c in children(tok))
        if modal is None and not needs:
            continue
        subj = next((c for c in children(tok) if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            yield tok, subj


def _has_to(v) -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in children(v))
