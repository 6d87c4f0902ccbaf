"""Per-document caches in newsgraph.nlp that stand in for spaCy's per-access Token objects:
``children`` must give exactly ``Token.children`` (same tokens, same order) on real parses."""
from __future__ import annotations

import pytest

from newsgraph.nlp import children, doc_heads


@pytest.mark.parametrize("text", [
    pytest.param("", id="empty"),
    pytest.param("Sanctions.", id="one_sentence_one_word"),
    # synthetic sentences, fictional people
    pytest.param("The foreign minister of Freedonia, Ana Lutz, said on Monday that her government "
                 "would impose new sanctions on the rebels and their backers.\n\nTalks resumed.",
                 id="nested_clauses_and_paragraphs"),
])
def test_nlp_children_equal_spacy_children(nlp, text):
    doc = nlp(text)
    for tok in doc:
        assert list(children(tok)) == list(tok.children)
        assert all(c.head.i == tok.i and doc_heads(doc)[c.i] == tok.i for c in children(tok))
