"""The seed article (../shared/seed) with the package knowledge base: the actors the gold lists.

Skipped when ../shared is absent. Nothing of the article is copied here: it is read from
../shared at test time.
"""
from __future__ import annotations

import json
from datetime import date

import pytest

from newsgraph.actors import KnowledgeBase, PersonMemory, resolve_actors
from newsgraph.records import Article


@pytest.fixture(scope="module")
def seed(shared_dir):
    folder = shared_dir / "seed"
    txt = sorted(folder.glob("*.txt"))
    if not txt:
        pytest.skip("no seed article")
    gold = json.loads(txt[0].with_suffix("").with_suffix(".gold.json").read_text(encoding="utf-8"))
    return txt[0].read_text(encoding="utf-8"), gold


def test_actors_seed_states_organisations_and_persons(nlp, seed):
    text, gold = seed
    published = date.fromisoformat(gold["article"]["published"])
    doc = nlp(text)
    index = resolve_actors(doc, Article(id="seed", text=text, published=published), KnowledgeBase.load(),
                           PersonMemory())
    for kind in ("state", "organisation"):
        required = {a["code"] for a in gold["actors"] if a["type"] == kind and not a.get("optional")}
        allowed = {a["code"] for a in gold["actors"] if a["type"] == kind}
        predicted = {a.code for a in index.actors if a.kind == kind}
        assert required <= predicted, f"{kind}: missed {required - predicted}"
        assert predicted <= allowed, f"{kind}: junk {predicted - allowed}"
    persons = {a.name: a.code for a in index.actors if a.kind == "person"}
    assert persons == {a["name"]: a["code"] for a in gold["actors"] if a["type"] == "person"}
