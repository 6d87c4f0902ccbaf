"""Stable article ids and near-duplicate detection."""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from newsgraph.errors import InputError
from newsgraph.ingest import read_inputs
from newsgraph.ingest.dedup import Deduplicator
from newsgraph.ingest.ids import article_id
from newsgraph.records import Article

REPO = Path(__file__).resolve().parents[1]

WIRE = (
    "[Synthetic test article written for newsgraph.]\n"
    "OSLO — Norway and Denmark agreed on Thursday to deliver two more air defence systems to Ukraine, "
    "the two defence ministries said, after talks in Oslo that also covered ammunition production. "
    "\"Our support will continue for as long as it is needed,\" said Ingrid Haugen, a fictional Norwegian "
    "spokesperson, adding that the first system would arrive before winter. Russia's embassy in Oslo "
    "condemned the decision and warned that the deliveries would prolong the war. Denmark said it would "
    "also finance the training of Ukrainian crews in Germany next month, while Sweden and Finland said "
    "that they were studying similar steps. Officials said the package was worth about 300 million euros "
    "and would be paid for from national budgets rather than European funds."
)


def _article(text: str, ref: str) -> Article:
    return Article(id=article_id(text), text=text, ref=ref)


@pytest.mark.parametrize("variant", [
    WIRE.replace("\"", "\u201c", 1).replace("\"", "\u201d", 1),
    WIRE.upper(),
    WIRE.replace(" ", "  ").replace("\n", "\r\n"),
    "  " + WIRE + "\n\n",
    WIRE.replace("—", "-"),
    WIRE.replace("Oslo", "Ｏｓｌｏ"),  # full-width letters fold under NFKC
], ids=["curly_quotes", "upper_case", "spacing", "surrounding_blank", "dash", "full_width"])
def test_ingest_ids_ignore_presentation_differences(variant):
    assert article_id(variant) == article_id(WIRE)


def test_ingest_ids_differ_for_different_stories():
    assert article_id(WIRE) != article_id(WIRE.replace("two more", "three more"))
    assert len(article_id(WIRE)) == 16 and int(article_id(WIRE), 16) >= 0


def test_ingest_ids_are_the_same_whatever_the_format(tmp_path):
    (tmp_path / "story.txt").write_text(WIRE, encoding="utf-16")
    (tmp_path / "story.jsonl").write_text(json.dumps({"text": WIRE}) + "\n", encoding="utf-8")
    ids = {a.id for a in read_inputs([str(tmp_path)])}
    assert ids == {article_id(WIRE)}


LIGHT_EDIT = (WIRE.replace("[Synthetic test article written for newsgraph.]\n",
                           "[Synthetic test article written for newsgraph.]\nBy Northern Wire staff\n")
              .replace("said, after talks", "said after talks"))
OTHER = ("[Synthetic test article written for newsgraph.]\n"
         "SEOUL — South Korea and Japan held talks on Monday about sharing missile warning data in real time. "
         "\"This is a step we should have taken long ago,\" said Min-ji Seo, a fictional South Korean official.")
SAME_TOPIC = WIRE.replace("agreed on Thursday to deliver two more air defence systems to Ukraine",
                          "refused on Thursday to send fighter jets to Ukraine").replace(
    "Officials said the package was worth about 300 million euros and would be paid for from national budgets "
    "rather than European funds.", "Both governments said jets could be discussed again next year.")


def test_ingest_dedup_marks_near_duplicates_with_the_first_copy():
    first, copy, other, same_topic = (_article(WIRE, "a"), _article(LIGHT_EDIT, "b"), _article(OTHER, "c"),
                                      _article(SAME_TOPIC, "d"))
    assert copy.id != first.id
    marked = list(Deduplicator().mark([first, copy, other, same_topic]))
    assert [a.duplicate_of for a in marked] == [None, first.id, None, None]


def test_ingest_dedup_recognises_exact_repeats_by_id():
    first, again = _article(WIRE, "a"), _article(WIRE.replace("\"", "\u201c"), "b")
    marked = list(Deduplicator().mark([first, again]))
    assert [a.duplicate_of for a in marked] == [None, first.id]


def test_ingest_dedup_third_copy_points_at_the_first_not_the_second():
    third = LIGHT_EDIT.replace("next month", "in the coming weeks")
    a, b, c = (_article(t, r) for t, r in [(WIRE, "a"), (LIGHT_EDIT, "b"), (third, "c")])
    marked = list(Deduplicator().mark([a, b, c]))
    assert [x.duplicate_of for x in marked] == [None, a.id, a.id]


def test_ingest_dedup_signatures_survive_a_round_trip_through_bytes():
    """The store persists signatures and rebuilds the index on the next run."""
    first_run = Deduplicator()
    signature = first_run.signature(WIRE)
    assert isinstance(signature, bytes) and signature == Deduplicator().signature(WIRE)
    stored = bytes(bytearray(signature))  # as it comes back from a BLOB column
    next_run = Deduplicator()
    next_run.add("stored-id", stored)
    assert next_run.find(next_run.signature(LIGHT_EDIT)) == "stored-id"
    assert next_run.find(next_run.signature(OTHER)) is None
    assert "stored-id" in next_run and len(next_run) == 1


def test_ingest_dedup_finds_the_example_wire_story_pair():
    items = [a for a in read_inputs([str(REPO / "examples" / "corpus")]) if not isinstance(a, InputError)]
    marked = list(Deduplicator().mark(items))
    duplicates = [(a.ref, a.duplicate_of) for a in marked if a.duplicate_of]
    by_id = {a.id: a for a in marked}
    assert len(duplicates) == 1
    copy_ref, original_id = duplicates[0]
    assert copy_ref.endswith("northern-daily-un-veto.html")
    assert by_id[original_id].ref.endswith("harbor-times-un-veto.html")


def test_ingest_dedup_is_fast_enough_for_a_stream():
    texts = [f"{WIRE} Story number {i} adds its own closing sentence about item {i * 7}." for i in range(300)]
    dedup = Deduplicator()
    started = time.perf_counter()
    for i, text in enumerate(texts):
        signature = dedup.signature(text)
        if dedup.find(signature) is None:
            dedup.add(str(i), signature)
    per_article_ms = (time.perf_counter() - started) * 1000 / len(texts)
    assert per_article_ms < 5, per_article_ms
