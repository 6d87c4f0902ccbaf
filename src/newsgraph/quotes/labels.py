"""Speaker labels: transcript and interview lines such as "PENCE: Well, look, ..." or
"Q: ...". The words after the label are the speaker's own, so they count as a direct quote
(cue: the colon) although they carry no quotation marks.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from ..nlp import doc_text
from .marks import paragraphs
from .speakers import SpeakerRef

_LABEL = re.compile(r"([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):[ \t]+(\S)")
_NOT_SPEAKERS = frozenset({
    "update", "note", "editor's note", "editor’s note", "watch", "read more", "related", "photos", "photo",
    "video", "source", "sources", "correction", "clarification", "breaking", "live", "warning", "caption",
    "credit", "listen", "subscribe", "advertisement", "tags", "share", "image",
})
_MIN_WORDS = 4


def speaker_label_quotes(doc: Doc) -> list[tuple[int, int, tuple[int, int], SpeakerRef]]:
    """(start, end, cue tokens, speaker) for every paragraph opening with a speaker label."""
    text = doc_text(doc)
    out = []
    for lo, hi in paragraphs(text):
        m = _LABEL.match(text, lo, hi)
        if m is None or m.group(1).lower() in _NOT_SPEAKERS:
            continue
        start = m.start(2)
        if len(text[start:hi].split()) < _MIN_WORDS:
            continue
        label = doc.char_span(lo, m.end(1), alignment_mode="expand")
        colon = doc.char_span(m.end(1), m.end(1) + 1, alignment_mode="expand")
        if label is None or colon is None or not all(t.pos_ == "PROPN" or t.is_upper for t in label):
            continue
        head = max(label, key=lambda t: (t.pos_ == "PROPN", t.i)).i
        out.append((start, hi, (colon.start, colon.end), SpeakerRef(label.start, label.end, head)))
    return out
