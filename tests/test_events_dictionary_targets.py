"""Where a verb dictionary's event finds its target, and objects that name the subjects again.

The dictionary and sentences are synthetic, written for these tests (real states, no people).
"""
from __future__ import annotations

import pytest

from newsgraph.events.ontology import Ontology

SYNTHETIC = """\
# synthetic verb dictionary for the newsgraph tests
--- DEPART [032] ---
DEPART

--- MARCH [181] ---
MARCH

--- POSTPONE [120] ---
POSTPONE
- % HAVE * [191]
"""


@pytest.fixture(scope="module")
def extractor(nlp, tmp_path_factory):
    from newsgraph.actors import KnowledgeBase, PersonMemory
    from newsgraph.pipeline import Extractor

    path = tmp_path_factory.mktemp("verbs") / "synthetic.verbs.txt"
    path.write_text(SYNTHETIC, encoding="utf-8")
    return Extractor(nlp=nlp, kb=KnowledgeBase.load(), ontology=Ontology.load([path]), memory=PersonMemory())


def _coded(extractor, sentence: str) -> list[tuple]:
    from newsgraph.records import Article

    ex = extractor.extract(Article(id="t", text="Synthetic test sentence. " + sentence))
    code = lambda ids: [ex.actor(a).code or ex.actor(a).country for a in ids]  # noqa: E731
    return [(e.cameo, code(e.sources), code(e.targets)) for e in ex.events]


@pytest.mark.parametrize("sentence, expected", [
    ("Chile departed from Peru on Monday.", ("032", ["CHL"], ["PER"])),
    ("Chile has marched very close to the border with Peru.", ("181", ["CHL"], ["PER"])),
], ids=["through-a-preposition", "deep-in-the-phrase"])
def test_events_dictionary_verb_takes_the_first_coded_actor_after_it(extractor, sentence, expected):
    assert expected in _coded(extractor, sentence)


@pytest.mark.parametrize("sentence", [
    "Chile departed quietly, five years after crowds from Peru burned its embassy.",
    "Chile departed on the day that Peru voted.",
], ids=["time-phrase", "clause-of-its-own"])
def test_events_dictionary_verb_target_not_from_a_clause_below_it(extractor, sentence):
    # the only state after the verb hangs on it through another verb: no target, so no event
    # (a bare DEPART with nobody departed from is not coded)
    assert not [c for c in _coded(extractor, sentence) if c[0] == "032" and c[2]]


def test_events_symmetric_object_naming_the_subjects_pairs_them(extractor):
    # "their meeting": the object is the subjects' own, so the compound subject is coded pairwise
    got = _coded(extractor, "Chile and Peru have postponed their meeting.")
    assert ("191", ["CHL"], ["PER"]) in got
