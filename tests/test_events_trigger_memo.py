"""find_triggers answers the lexicon part of a match once per (part of speech, lemma, form, tag)
and keeps the answer on the lexicon: adding entries afterwards must be seen by the next document,
and the answers must equal match_token's on every token. Synthetic sentences; the names are
invented."""
from __future__ import annotations

from newsgraph.events.lexicon import Lexicon, Trigger
from newsgraph.events.triggers import find_triggers, match_token


def test_events_trigger_memo_sees_entries_added_later(nlp):
    lex = Lexicon()
    lex.add(Trigger("condemn", "verb", "ACCUSE", "111"))
    doc = nlp("Officials condemned the raid and praised the police.")
    assert [m.token.lower_ for m in find_triggers(doc, lex)] == ["condemned"]
    lex.add_many([Trigger("praise", "verb", "SUPPORT", "051")])
    assert [m.token.lower_ for m in find_triggers(doc, lex)] == ["condemned", "praised"]


def test_events_trigger_memo_equals_match_token(nlp, onto):
    lex = onto.triggers
    doc = nlp("The army shelled the town on Tuesday, and the government imposed sanctions on the "
              "rebels.\nGarvin Holt called on both sides to talk; the ministers met in Vellmar.")
    expected = [(t.i, match_token(t, lex)) for t in doc if match_token(t, lex)]
    assert expected  # the sentence has triggers of the packaged lexicon
    for _ in range(2):  # the second pass answers from the memo
        assert [(m.token.i, m.entries) for m in find_triggers(doc, lex)] == expected
