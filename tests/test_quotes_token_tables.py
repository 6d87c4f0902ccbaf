"""Per-document token tables the rule stages read instead of spaCy Token attributes: each must
give exactly what the Token-level rule or spaCy itself gives, on a real parse."""
from __future__ import annotations

import pytest

from newsgraph.nlp import doc_heads, doc_text, sent_bounds, sent_ents, span_text
from newsgraph.quotes.lexicon import load_cues
from newsgraph.quotes.marks import token_paragraphs
from newsgraph.quotes.reported import find_reported
from newsgraph.quotes.speakers import cue_kind, cue_kinds

# Synthetic article; the speakers are fictional.
ARTICLE = (
    "Synthetic test article: ministers trade warnings over the border\n"
    "\n"
    "BRUSSELS — Foreign Minister Alda Varga said on Monday that talks with Serbia would resume, "
    "according to a statement. The Ministry's claim that the deal was final drew criticism.\n"
    "“We will not accept threats,” Varga told reporters in Brussels. The union endorsed the plan.\n"
    "  \n"
    "Officials in Hungary believe the vote was fair, an aide added.   NATO's Said Rahimi spoke of "
    "the war and vowed to visit Kyiv.\n"
    "According to the mayor, the bridge will reopen in May.\n"
)


@pytest.fixture(scope="module")
def doc(nlp):
    return nlp(ARTICLE)


def test_quotes_cue_kinds_match_the_token_rule(doc):
    lex = load_cues()
    kinds = cue_kinds(doc, lex)
    assert kinds == [cue_kind(t, lex) for t in doc]
    assert {"speech", "nominal"} <= set(kinds)


def test_quotes_token_paragraphs_number_the_lines(doc):
    text = doc_text(doc)
    lines = [n for n, line in enumerate(text.split("\n")) if line.strip()]
    para = token_paragraphs(doc)
    for tok in doc:
        if tok.is_space:
            continue
        line = text.count("\n", 0, tok.idx)
        assert para[tok.i] == lines.index(line), tok.text
    assert token_paragraphs(doc) is para  # built once


def test_quotes_reported_candidates_keep_every_statement(doc):
    found = find_reported(doc, load_cues(), [False] * len(doc))
    kinds = {r.kind for r in found}
    assert {"clause", "according", "stance", "topic", "infinitive"} <= kinds


def test_nlp_token_tables_match_spacy(doc):
    assert doc_text(doc) == doc.text
    assert doc_heads(doc) == [t.head.i for t in doc]
    assert sent_bounds(doc) == [(t.sent.start, t.sent.end) for t in doc]
    for start, end in [(0, 0), (0, 1), (3, 9), (5, 4), (len(doc) - 3, len(doc))]:
        assert span_text(doc, start, end) == doc[start:end].text
    for sent in doc.sents:
        assert sent_ents(sent) == [e for e in doc.ents if e.start >= sent.start and e.end <= sent.end]
    assert any(sent_ents(s) for s in doc.sents)
