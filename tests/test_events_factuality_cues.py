"""Every factuality cue of the events issue, end to end with the real model.

The sentences are synthetic, written for these tests (real states, a fictional minister). Each
names the event that carries the cue and the factuality it must get; the rules are also pinned
on hand-built parses in test_events_rules.py.
"""
from __future__ import annotations

import pytest

CASES = [
    ("Chile did not attack Peru on Monday.", "ASSAULT", "negated"),
    ("Chile refrained from attacking Peru.", "ASSAULT", "negated"),
    ("Chile may attack Peru next week.", "ASSAULT", "hypothetical"),
    ("Chile could attack Peru next week.", "ASSAULT", "hypothetical"),
    ("Chile would attack Peru if the talks failed.", "ASSAULT", "hypothetical"),
    ("If Chile attacks Peru, the region will suffer.", "ASSAULT", "hypothetical"),
    ("Diplomats discussed the possibility of Chile attacking Peru.", "ASSAULT", "hypothetical"),
    # a fear is no plan: "about" here is a preposition, not "about to"
    ("Diplomats are concerned about Chile supplying weapons to Peru.", "AID", "hypothetical"),
    ("Chile will attack Peru next week.", "THREATEN", "future"),
    ("Chile plans to send troops to Peru.", "AGREE", "future"),
    ("Chile vowed to attack Peru.", "THREATEN", "future"),
    ("Argentina will do everything possible to block the military support provided by Chile to Peru.",
     "REJECT", "future"),
    ("Argentina urged Chile to attack Peru.", "ASSAULT", "demanded"),
    ("The minister said Chile should impose sanctions on Peru.", "SANCTION", "demanded"),
    ("Chile allegedly attacked Peru on Monday.", "ASSAULT", "alleged"),
    ("Chile reportedly attacked Peru on Monday.", "ASSAULT", "alleged"),
    # what is blocked, watched or asked to stop is under way
    ("Argentina will do everything possible to block the military support provided by Chile to Peru.",
     "AID", "asserted"),
    ('"We are watching how much support Peru is receiving from Chile," the Argentine minister Tomas '
     "Ferro said.", "AID", "asserted"),
    ("Chile should stop attacking Peru, the minister said.", "ASSAULT", "asserted"),
    ("Chile stopped attacking Peru on Monday.", "ASSAULT", "asserted"),
]


@pytest.mark.parametrize("sentence, typ, factuality", CASES,
                         ids=[f"{c[2]}-{i}" for i, c in enumerate(CASES)])
def test_events_factuality_cue(extractor, sentence, typ, factuality):
    from newsgraph.records import Article

    ex = extractor.extract(Article(id="t", text="Synthetic test sentence. " + sentence))
    got = {(e.type, e.factuality) for e in ex.events}
    assert (typ, factuality) in got, got
