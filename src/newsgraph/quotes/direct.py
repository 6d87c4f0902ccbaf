"""Direct quotes: quoted spans (see ``marks``) tied to a cue and a speaker.

A span's cue is looked for, strongest link first:
  1. governing cue    the span hangs below a cue in the parse: `he said, "…"`, `"…," said X`,
                      partial quotes `called the visit a "farce"`, `accused X of "…"`
  2. cue child        the parse made the cue a child of the quote: `"…," he said.`
  3. nearby cue       a cue verb with a subject elsewhere in the same sentence(s); only for
                      clause-like spans, so scare quotes are not attributed by accident
  4. punctuation      `Blinken: "…"`, `X — "…"`, `"…" — X` (the colon or dash is the cue)
  5. according to     `"…," according to X`
Spans without a cue are settled later (``__init__``): a split quote or a quote paragraph
continuing the previous speaker inherits it; anything else is an unattributed scare quote or a
name in quotation marks and is dropped.
"""
from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..nlp import doc_heads, doc_text, doc_tokens, sent_bounds
from .lexicon import CueLexicon
from .marks import MarkedSpan, token_paragraphs
from .speakers import SpeakerRef, cue_kinds, find_speaker, trim

_DASHES = ("—", "–", "―", "-", "--")
_CLAUSE_TOKENS = 4
_MAX_CLIMB = 12


@dataclass
class DirectCandidate:
    span: MarkedSpan
    text_start: int
    text_end: int
    tok_start: int
    tok_end: int
    cue: tuple[int, int] | None = None  # token range
    speaker: SpeakerRef | None = None
    how: str = "none"
    # the cue of the quote this one continues (split and multi-paragraph quotes): one
    # attribution, one cue, several quoted parts
    shared_cue: tuple[int, int] | None = None
    group: list["DirectCandidate"] = field(default_factory=list, repr=False)

    @property
    def attributed(self) -> bool:
        return self.cue is not None


def quote_text_range(text: str, span: MarkedSpan) -> tuple[int, int]:
    """The quote's own words: white space and a trailing comma dropped, final . or ? kept."""
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _tokens(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    sp = doc.char_span(start, end, alignment_mode="expand")
    if sp is None or len(sp) == 0:
        return None
    return sp.start, sp.end


def _is_title_case_name(doc: Doc, a: int, b: int) -> bool:
    words = [t for t in doc_tokens(doc)[a:b] if t.is_alpha]
    if not words or len(words) > 6:
        return False
    content = [t for t in words if not t.is_stop]
    return bool(content) and words[0].text[0].isupper() and all(t.text[0].isupper() for t in content)


def _governing_cue(doc: Doc, a: int, b: int, lex: CueLexicon, blocked: Container[int]) -> Token | None:
    # on token indices: the climb from every quoted word would otherwise make a Token per step
    heads, kinds = doc_heads(doc), cue_kinds(doc, lex)
    best: tuple[int, int] | None = None
    for i in range(a, b):
        if a <= heads[i] < b and heads[i] != i:
            continue
        anc, steps = i, 0
        while heads[anc] != anc and steps < _MAX_CLIMB:
            anc = heads[anc]
            steps += 1
            if a <= anc < b:
                break
            if anc not in blocked and kinds[anc] is not None:
                if best is None or steps < best[0]:
                    best = (steps, anc)
                break
    return doc_tokens(doc)[best[1]] if best else None


def _sentence_range(doc: Doc, a: int, b: int) -> tuple[int, int]:
    bounds = sent_bounds(doc)
    return bounds[a][0], bounds[b - 1][1]


def _child_cue(doc: Doc, a: int, b: int, lex: CueLexicon, blocked: Container[int]) -> Token | None:
    s, e = _sentence_range(doc, a, b)
    heads, kinds, toks = doc_heads(doc), cue_kinds(doc, lex), doc_tokens(doc)
    found = [toks[i] for i in range(s, e) if kinds[i] in ("speech", "cognition") and not a <= i < b
             and a <= heads[i] < b and i not in blocked
             and toks[i].dep_ in ("parataxis", "ccomp", "advcl", "conj", "dep", "relcl")]
    return min(found, key=lambda t: min(abs(t.i - a), abs(t.i - b))) if found else None


def _nearby_cue(doc: Doc, a: int, b: int, lex: CueLexicon, blocked: Container[int]) -> Token | None:
    s, e = _sentence_range(doc, a, b)
    if s == a and s > 0 and doc[s - 1].text == ":":
        s = sent_bounds(doc)[s - 1][0]  # `X said:` closing the previous sentence
    kinds, toks = cue_kinds(doc, lex), doc_tokens(doc)
    found = [toks[i] for i in range(s, e) if kinds[i] == "speech" and not a <= i < b and i not in blocked
             and any(c.dep_ in ("nsubj", "nsubjpass") for c in toks[i].children)]
    return min(found, key=lambda t: min(abs(t.i - a), abs(t.i - b))) if found else None


_TRAILING_TOKENS = 12
_OWN_CONTENT = ("ccomp", "xcomp", "dobj")


def _trailing_cue(doc: Doc, a: int, b: int, lex: CueLexicon, blocked: Container[int]) -> Token | None:
    """`"…?" Velkov asked.` / `"…," he said of the plan.`: the parser ended the sentence inside
    the quote, so the attribution right after the closing mark is a short sentence of its own
    whose root is a speech verb with a subject and no content of its own."""
    bounds, toks = sent_bounds(doc), doc_tokens(doc)
    k = b
    while k < len(doc) and k < b + 2 and toks[k].is_punct:
        k += 1
    if k >= len(doc) or bounds[k][0] <= a or bounds[k][0] < b - 1:
        return None
    s, e = bounds[k]
    if e - s > _TRAILING_TOKENS:
        return None
    root = next((t for t in toks[s:e] if t.head.i == t.i), None)
    if root is None or root.i in blocked or cue_kinds(doc, lex)[root.i] != "speech" or root.i > k + 4:
        return None
    children = list(root.children)
    if not any(c.dep_ == "nsubj" for c in children) or any(
            c.dep_ in _OWN_CONTENT and c.i > root.i and c.pos_ not in ("PROPN",) for c in children):
        return None
    return root


def _punct_cue(doc: Doc, a: int, b: int) -> tuple[int, SpeakerRef] | None:
    """`Blinken: "…"` / `Blinken — "…"` (speaker before) or `"…" — Blinken` (after)."""
    i = a - 1
    while i >= 0 and doc[i].is_punct and doc[i].text not in (":",) + _DASHES:
        i -= 1  # skip the opening mark
    if i >= 1 and doc[i].text in (":",) + _DASHES:
        s = doc[i].sent.start
        j = i - 1
        while j >= s and (doc[j].pos_ in ("PROPN", "NOUN", "PRON") or doc[j].dep_ in ("compound", "amod", "det", "poss", "case")
                          or doc[j].text in (".", "'s", "’s")):
            j -= 1
        if j + 1 < i and (j < s or doc[j].is_punct or doc[j].is_sent_start):
            head = max(range(j + 1, i), key=lambda k: doc[k].pos_ == "PROPN")
            return i, SpeakerRef(j + 1, i, head)
    k = b
    while k < len(doc) and doc[k].is_punct and doc[k].text not in _DASHES:
        k += 1
    if k + 1 < len(doc) and doc[k].text in _DASHES and doc[k + 1].pos_ == "PROPN":
        end = k + 1
        while end < len(doc) and doc[end].pos_ == "PROPN":
            end += 1
        return k, SpeakerRef(k + 1, end, end - 1)
    return None


def _according_to(doc: Doc, a: int, b: int) -> tuple[int, SpeakerRef] | None:
    s, e = _sentence_range(doc, a, b)
    toks = doc_tokens(doc)
    for t in toks[s:e - 1]:
        if t.lower_ == "according" and toks[t.i + 1].lower_ == "to" and not a <= t.i < b:
            pobj = next((c for c in doc[t.i + 1].children if c.dep_ == "pobj"), None)
            if pobj is not None:
                start, end = trim(doc, pobj.left_edge.i, pobj.right_edge.i + 1)
                return t.i, SpeakerRef(start, end, pobj.i)
    return None


def attribute_spans(doc: Doc, spans: list[MarkedSpan], lex: CueLexicon) -> list[DirectCandidate]:
    """A candidate per span, with a cue and speaker where one is linked to it."""
    text = doc_text(doc)
    out: list[DirectCandidate] = []
    inside: set[int] = set()
    ranges: list[tuple[int, int]] = []
    for sp in spans:
        cs, ce = quote_text_range(text, sp)
        toks = _tokens(doc, cs, ce) if ce > cs else None
        if toks is None:
            continue
        ranges.append(toks)
        inside.update(range(*toks))
        out.append(DirectCandidate(sp, cs, ce, toks[0], toks[1]))
    para = token_paragraphs(doc)
    for cand in out:
        _attribute(doc, cand, lex, inside, para)
    return out


def _attribute(doc: Doc, cand: DirectCandidate, lex: CueLexicon, inside: set[int], para: list[int]) -> None:
    a, b = cand.tok_start, cand.tok_end
    # cues and speakers from other paragraphs are parser run-ons, except `X said:` on its own line
    own = {para[a], para[b - 1]}
    if a > 0 and doc[a - 1].text == ":" or (a > 1 and doc[a - 2].text == ":"):
        own.add(para[a] - 1)
    blocked = _Blocked(inside, para, own) if len(own) < 3 else inside
    clause_like = (b - a) >= _CLAUSE_TOKENS or any(t.pos_ in ("VERB", "AUX") for t in doc[a:b])
    name_like = _is_title_case_name(doc, a, b)
    cue = _governing_cue(doc, a, b, lex, blocked)
    how = "governs"
    if cue is None:
        cue, how = _child_cue(doc, a, b, lex, blocked), "child"
    if cue is None and clause_like and not name_like:
        cue, how = _nearby_cue(doc, a, b, lex, blocked), "nearby"
    if cue is None and clause_like and not name_like:
        cue, how = _trailing_cue(doc, a, b, lex, blocked), "trailing"
    if cue is not None:
        cand.cue = (cue.i, cue.i + 1 + _particle(cue))
        cand.speaker = find_speaker(cue, lex, avoid=blocked)
        cand.how = how
        return
    if name_like:
        return
    found = _punct_cue(doc, a, b) if clause_like else None
    how = "punct"
    if found is None:
        found, how = _according_to(doc, a, b), "according"
    if found is not None:
        i, ref = found
        cand.cue = (i, i + (2 if how == "according" else 1))
        cand.speaker = ref
        cand.how = how


class _Blocked:
    """Tokens that cannot be a quote's cue or speaker: quoted words, and words of paragraphs
    other than ``own``. A membership test, not a set: building the set cost a pass over the
    whole document for every quote."""

    __slots__ = ("inside", "para", "own")

    def __init__(self, inside: set[int], para: list[int], own: set[int]) -> None:
        self.inside, self.para, self.own = inside, para, own

    def __contains__(self, i: int) -> bool:
        return i in self.inside or (0 <= i < len(self.para) and self.para[i] not in self.own)


def _particle(verb: Token) -> int:
    """1 when the verb's particle follows it directly ("pointed out", "called for")."""
    nxt = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
    return int(nxt is not None and nxt.dep_ == "prt" and nxt.head.i == verb.i)
