"""Quotes: direct and reported speech, each with its cue and speaker.

    find_quotes(doc, actors) → list[Quote]

Flow: quotation marks → spans (``marks``); spans → cue and speaker through the parse
(``direct``); cue words with complements outside quotes → reported speech (``reported``),
bulleted points after "X listed three demands:" → reported speech (``lists``); spans left
without a cue inherit the speaker of the quote they continue (split quotes, multi-paragraph
quotes, bare quote paragraphs, a quote after or inside a reported statement) or are dropped as
scare quotes; statements attributed to news media (or to a medium's report) are dropped, and so
are phrase contents whose statement is a direct quote (a noun phrase and its quoted label,
"called the claims "baseless""): the quote stands alone.
Speaker spans are found here; which actor a span names is the actor stage's answer
(``ActorIndex.at``). The cue lexicon is ``data/cues.yaml``.
"""
from __future__ import annotations

from spacy.tokens import Doc

from ..nlp import doc_text, doc_tokens
from ..actors.index import ActorIndex
from ..records import Quote, Span
from .direct import DirectCandidate, attribute_spans
from .labels import speaker_label_quotes
from .lexicon import CueLexicon, load_cues
from .lists import list_statements
from .marks import MarkedSpan, find_marked_spans, paragraphs
from .reported import ReportedCandidate, find_reported
from .speakers import SpeakerRef, from_media, noun_of, refers_back, resolve, resolve_all

__all__ = ["find_quotes"]

_BARE_PARAGRAPH_SHARE = 0.8
_PHRASE_KINDS = frozenset({"object", "naming", "infinitive", "nominal-object", "stance", "topic"})
# words between a noun phrase and the quoted label that says what it is
_LABEL_LINKS = frozenset({"as", "a", "an", "that", "who", "which"})


def find_quotes(doc: Doc, actors: ActorIndex) -> list[Quote]:
    lex = load_cues()
    spans = find_marked_spans(doc_text(doc))
    directs = attribute_spans(doc, spans, lex)
    in_quote = _quoted_tokens(doc, spans)
    items = list_statements(doc, lex, in_quote)
    reported = [r for r in find_reported(doc, lex, in_quote)
                if not any(i.start <= r.cue[0] < i.end for i in items)] + items
    _inherit(doc, directs, reported)
    _inside_statements(doc, directs, reported, actors, lex)
    reported = [r for r in reported if not _wraps_quote(doc, r, directs)]
    made: list[tuple[Quote, SpeakerRef | None]] = []
    for d in directs:
        if d.cue is None and d.speaker is None:
            continue
        made.append(_make(doc, d.text_start, d.text_end, True, d.cue or d.shared_cue, d.speaker, actors, lex))
    marked = [(d.span.outer_start, d.span.outer_end) for d in directs]
    for start, end, cue, ref in speaker_label_quotes(doc):
        if not any(s < end and start < e for s, e in marked):
            made.append(_make(doc, start, end, True, cue, ref, actors, lex))
    for r in reported:
        if r.speaker is None:
            continue
        start, end = doc[r.start].idx, doc[r.end - 1].idx + len(doc[r.end - 1])
        made.append(_make(doc, start, end, False, r.cue, r.speaker, actors, lex))
    made = [(q, ref) for q, ref in made if q is not None]
    made.sort(key=lambda m: (m[0].start, not m[0].direct))
    _refer_back(doc, made)
    return [q for q, _ in made]


def _refer_back(doc: Doc, made: list[tuple[Quote, SpeakerRef | None]]) -> None:
    """"Biden's statement noted …. The statement said …": a definite speaker noun without an
    actor is the one last attributed to a named holder of the same noun."""
    holder: dict[str, tuple[str, list[str]]] = {}
    for q, ref in made:
        if ref is None:
            continue
        noun = noun_of(doc, ref)
        if q.speaker is not None:
            if noun is not None:
                holder[noun] = (q.speaker, q.speakers)
            continue
        back = refers_back(doc, ref)
        if back in holder:
            q.speaker, q.speakers = holder[back][0], list(holder[back][1])


def _quoted_tokens(doc: Doc, spans: list[MarkedSpan]) -> list[bool]:
    flags = [False] * len(doc)
    for sp in spans:
        lo, hi = sp.outer_start, sp.outer_end
        found = doc.char_span(lo, hi, alignment_mode="expand")
        if found is not None:
            for i in range(found.start, found.end):
                flags[i] = True
    return flags


def _char_range(doc: Doc, start: int, end: int) -> tuple[int, int]:
    toks = doc_tokens(doc)
    return toks[start].idx, toks[end - 1].idx + len(toks[end - 1])


def _make(doc: Doc, start: int, end: int, direct: bool, cue: tuple[int, int] | None,
          ref: SpeakerRef | None, actors: ActorIndex, lex: CueLexicon) -> tuple[Quote | None, SpeakerRef | None]:
    speaker_span = None
    if ref is not None:
        s, e = _char_range(doc, ref.start, ref.end)
        speaker_span = Span(doc_text(doc)[s:e], s, e)
        if from_media(doc, ref, lex):
            return None, ref
    cue_span = None
    if cue is not None:
        s, e = _char_range(doc, *cue)
        cue_span = Span(doc_text(doc)[s:e], s, e)
    speakers = resolve_all(doc, ref, actors, lex.bodies)
    return Quote(text=doc_text(doc)[start:end], start=start, end=end, direct=direct, cue=cue_span,
                 speaker=speakers[0] if speakers else None, speaker_span=speaker_span,
                 speakers=speakers), ref


def _inherit(doc: Doc, directs: list[DirectCandidate], reported: list[ReportedCandidate]) -> None:
    """Give cue-less spans the speaker of the quote they continue."""
    # multi-paragraph quotes: a continuation shares its chain's attribution, either way round
    chains: list[list[DirectCandidate]] = []
    for d in directs:
        if d.span.continues and chains:
            chains[-1].append(d)
        else:
            chains.append([d])
    for chain in chains:
        source = next((d for d in chain if d.cue is not None), None)
        if source is not None:
            for d in chain:
                if d.cue is None:
                    d.speaker, d.how, d.shared_cue = source.speaker, "continues", source.cue
    # split quotes and further quotes in a paragraph: the paragraph's attributed quote
    by_para: dict[int, list[DirectCandidate]] = {}
    for d in directs:
        by_para.setdefault(d.span.para, []).append(d)
    paras = paragraphs(doc_text(doc))
    for items in by_para.values():
        for d in items:
            if d.cue is not None or d.speaker is not None or not _clause_like(doc, d):
                continue
            source, between = _nearest_attributed(d, items)
            if source is not None:
                d.speaker, d.how = source.speaker, "split"
                if between:  # "A," she said, "B.": one statement, one cue
                    d.shared_cue = source.cue
                continue
            # "The leader said X. “…”": the quote goes on with the paragraph's reported speaker
            lo = paras[d.span.para][0]
            before = [r for r in reported if r.speaker is not None and lo <= doc[r.start].idx
                      and r.end <= d.tok_start]
            if before:
                last = max(before, key=lambda r: r.start)
                d.speaker, d.how, d.shared_cue = last.speaker, "after-reported", last.cue
    # a paragraph that is all quote continues the previous paragraph's speaker
    timeline = sorted(
        [(d.text_start, d.speaker) for d in directs if d.speaker is not None]
        + [(doc[r.start].idx, r.speaker) for r in reported if r.speaker is not None],
        key=lambda x: x[0],
    )
    for d in directs:
        if d.speaker is not None or not _clause_like(doc, d):
            continue
        lo, hi = paras[d.span.para]
        if (d.span.outer_end - d.span.outer_start) < _BARE_PARAGRAPH_SHARE * (hi - lo) or d.span.para == 0:
            continue
        prev_lo = paras[d.span.para - 1][0]
        before = [sp for pos, sp in timeline if prev_lo <= pos < lo]
        if before:
            d.speaker, d.how = before[-1], "paragraph"


def _inside_statements(doc: Doc, directs: list[DirectCandidate], reported: list[ReportedCandidate],
                       actors: ActorIndex, lex: CueLexicon) -> None:
    """A partial quote inside a reported statement is that speaker's words: a quote with no cue
    of its own (a bulleted point's "…"), or one whose only cue is an evidence or belief verb
    with no actor ("X said early indications show "…"")."""
    for d in directs:
        outer = next((r for r in reported if r.speaker is not None and r.start <= d.tok_start
                      and d.tok_end <= r.end), None)
        if outer is None or resolve(doc, outer.speaker, actors) is None:
            continue
        if d.cue is None and d.speaker is None:
            d.speaker, d.how, d.shared_cue = outer.speaker, "inside", outer.cue
        elif d.cue is not None and d.speaker is not None and _belief_cue(doc, d.cue, lex) \
                and resolve(doc, d.speaker, actors) is None:
            d.speaker, d.how = outer.speaker, "inside"


def _wraps_quote(doc: Doc, r: ReportedCandidate, directs: list[DirectCandidate]) -> bool:
    """A phrase content that is a noun phrase and then a direct quote saying what it is ("called
    the claims "baseless"", "dismissed the plan as a "stunt"", "fines for firms that "ignored
    every warning""): the quoted label is the statement, the noun phrase is the writer's reference
    to what it is about, and the direct stage reports the quote. Clauses stay statements of their
    own ("said the harvest was "the worst in years""), and so do phrases that only contain a
    quote ("vowed to "act" soon", "decried the issue of "waste"")."""
    if r.kind not in _PHRASE_KINDS:
        return False
    last = next((d for d in directs
                 if d.speaker is not None and r.start < d.tok_start < r.end <= d.tok_end + 2), None)
    if last is None or not all(doc[i].is_punct or doc[i].is_space for i in range(last.tok_end, r.end)):
        return False
    k = last.tok_start - 1
    while k > r.start and (doc[k].is_punct or doc[k].lower_ in _LABEL_LINKS):
        k -= 1  # the opening mark, "as a"
    # the noun before the label must be the object itself ("the visit"), or sit in a phrase
    # hanging from it ("fines for two firms"), not in a clause of its own ("…, calling the deal")
    noun = doc[k]
    if noun.pos_ not in ("NOUN", "PROPN", "PRON"):
        return False  # "decried the spread of "paper companies"": a phrase, not a label
    while r.start <= noun.head.i < r.end and noun.dep_ in ("pobj", "prep"):
        noun = noun.head
    return (noun.pos_ in ("NOUN", "PROPN") or noun.tag_ == "PRP") and not r.start <= noun.head.i < r.end


def _belief_cue(doc: Doc, cue: tuple[int, int], lex: CueLexicon) -> bool:
    return lex.verb_kind(doc[cue[0]].lemma_) == "cognition"


def _clause_like(doc: Doc, d: DirectCandidate) -> bool:
    return d.tok_end - d.tok_start >= 4


def _nearest_attributed(d: DirectCandidate, items: list[DirectCandidate]) -> tuple[DirectCandidate | None, bool]:
    """The attributed quote whose cue sits between it and this one (True), else the closest
    before it (False)."""
    best: DirectCandidate | None = None
    for other in items:
        if other is d or other.cue is None or other.speaker is None:
            continue
        lo, hi = sorted((other.tok_end, d.tok_start)) if other.tok_start < d.tok_start else (d.tok_end, other.tok_start)
        if lo <= other.cue[0] < hi:
            return other, True
        if other.tok_start < d.tok_start:
            best = other
    return best, False
