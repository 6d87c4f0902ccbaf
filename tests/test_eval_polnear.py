"""PolNeAR evaluator: the scoring maths on tiny synthetic BIO and BRAT files, and a smoke run
of the real pipeline on the real files (skipped without ../shared)."""
from __future__ import annotations

import json

import pytest

from newsgraph.evaluate.polnear import (GoldAttribution, LenientReport, bio_spans, brat_files, detokenize,
                                        group_bio, outermost, predicted_labels, read_ann, read_bio, relations,
                                        score_exact, score_lenient_article)
from newsgraph.records import Quote, Span

SENTENCES = [  # synthetic: "Vale said the plan failed ." / "`` It is over , '' Brandt said ."
    {"tokens": ["Vale", "said", "the", "plan", "failed", "."],
     "labels": ["B-source", "B-cue", "B-content", "I-content", "I-content", "O"], "id": "doc_x"},
    {"tokens": ["``", "It", "is", "over", ",", "''", "Brandt", "said", "."],
     "labels": ["B-content", "I-content", "I-content", "I-content", "I-content", "I-content", "B-source",
                "B-cue", "O"], "id": "doc_x"},
]


@pytest.fixture
def bio_file(tmp_path):
    path = tmp_path / "test.txt"
    path.write_text("\n".join(json.dumps(s) for s in SENTENCES) + "\n", encoding="utf-8")
    return path


def test_eval_polnear_bio_spans_read_begin_inside_outside():
    assert bio_spans(["B-source", "I-source", "O", "I-cue", "B-content", "B-content"]) == {
        ("source", 0, 2), ("cue", 3, 4), ("content", 4, 5), ("content", 5, 6)}


def test_eval_polnear_detokenize_restores_typographic_quotes(bio_file):
    text, offsets = detokenize(read_bio(bio_file))
    assert text == "Vale said the plan failed.\n“It is over,” Brandt said."
    assert text[slice(*offsets[1][6])] == "Brandt"


def _quote(text, body, direct, cue, speaker):
    s = text.index(body)
    c = text.index(cue, s + len(body) if direct else 0)
    p = text.index(speaker)
    return Quote(body, s, s + len(body), direct, Span(cue, c, c + len(cue)), None,
                 Span(speaker, p, p + len(speaker)))


def test_eval_polnear_exact_protocol_counts_exact_spans(bio_file):
    [article] = group_bio(read_bio(bio_file))
    text = article.text
    quotes = [
        _quote(text, "the plan failed", False, "said", "Vale"),
        _quote(text, "It is over", True, "said", "Brandt"),
    ]
    labels = predicted_labels(article, quotes)
    assert labels == [s["labels"] for s in SENTENCES]
    report = score_exact([article], [quotes])
    assert {k: (v.tp, v.fp, v.fn) for k, v in report.scores.items()} == {
        "source": (2, 0, 0), "cue": (2, 0, 0), "content": (2, 0, 0)}
    # a content one token short is a miss and a false alarm under exact match
    short = [_quote(text, "the plan", False, "said", "Vale")]
    report = score_exact([article], [short])
    assert (report.scores["content"].tp, report.scores["content"].fp, report.scores["content"].fn) == (0, 1, 2)
    assert report.scores["source"].tp == 1 and report.scores["source"].fn == 1


ARTICLE = "Synthetic. Vale said the plan failed badly. “We lost,” Brandt said. The weather was fine."
ANN = ("T1\tSource 11 15\tVale\nT2\tCue 16 20\tsaid\nT3\tContent 21 42\tthe plan failed badly\n"
       "T4\tAttribution 16 20\tsaid\nE1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n"
       "T5\tContent 44 54\t“We lost,”\nT6\tSource 55 61\tBrandt\nT7\tCue 62 66\tsaid\n"
       "T8\tAttribution 62 66\tsaid\nE2\tAttribution:T8 Source:T6 Cue:T7 Content:T5\n")


def test_eval_polnear_lenient_half_overlap_greedy_and_speaker(tmp_path):
    ann = tmp_path / "a_x.ann"
    ann.write_text(ANN, encoding="utf-8")
    assert ARTICLE[44:54] == "“We lost,”" and ARTICLE[55:61] == "Brandt"
    gold = read_ann(ann, ARTICLE)
    assert [g.text for g in gold] == ["the plan failed badly", "“We lost,”"]
    preds = [
        _quote(ARTICLE, "the plan failed", False, "said", "Vale"),        # 3 of 4 tokens: match
        _quote(ARTICLE, "We lost", True, "said", "Vale"),                  # match, wrong speaker
        _quote(ARTICLE, "The weather was fine", False, "said", "Vale"),   # false alarm
    ]
    report = LenientReport()
    score_lenient_article(gold, preds, report)
    assert (report.content.tp, report.content.fp, report.content.fn) == (2, 1, 0)
    assert (report.speaker.hit, report.speaker.total) == (1, 2)
    # under half of the longer: no match
    report = LenientReport()
    score_lenient_article(gold, [_quote(ARTICLE, "plan", False, "said", "Vale")], report)
    assert (report.content.tp, report.content.fn) == (0, 2)


def test_eval_polnear_outermost_drops_partial_quotes_inside_clauses():
    outer = Quote("a b “c” d", 0, 9, False)
    inner = Quote("c", 5, 6, True)
    assert outermost([outer, inner]) == [outer]


def test_eval_polnear_one_annotation_per_article(tmp_path):
    base = tmp_path / "data" / "test"
    (base / "text").mkdir(parents=True)
    (base / "attributions").mkdir()
    (base / "text" / "pub_2016_a.txt").write_text(ARTICLE, encoding="utf-8")
    for annotator in ("ef2d", "4b22"):
        (base / "attributions" / f"pub_2016_a_{annotator}.ann").write_text(ANN, encoding="utf-8")
    assert [a.name for _, a in brat_files(tmp_path, "test")] == ["pub_2016_a_4b22.ann"]


@pytest.mark.slow
@pytest.mark.parametrize("folder", ["polnear", "polnear-cofenet-bio"])
def test_eval_polnear_smoke_on_real_files(shared_dir, folder):
    from newsgraph.evaluate.polnear import evaluate
    from newsgraph.pipeline import Extractor

    path = shared_dir / "datasets" / folder
    if not path.exists():
        pytest.skip(f"{path} is not present")
    report = evaluate(path, Extractor.from_settings(), split="test", limit=2)
    data = report.to_json()
    assert data["articles"] == 2
    assert report.render().startswith("PolNeAR")


SPLIT = "Synthetic. “The plan failed,” Vale said, “and we all know why it failed.” Brandt said “no.”"


def test_eval_polnear_relations_join_parts_that_share_a_cue():
    said, vale = Span("said", 35, 39), Span("Vale", 30, 34)
    assert SPLIT[35:39] == "said" and SPLIT[30:34] == "Vale" and SPLIT[81:85] == "said"
    first = Quote("The plan failed", 12, 27, True, cue=said, speaker_span=vale)
    second = Quote("and we all know why it failed.", 42, 72, True, cue=said, speaker_span=vale)
    other = Quote("no.", 87, 90, True, cue=Span("said", 81, 85))
    assert SPLIT[12:27] == first.text and SPLIT[42:72] == second.text and SPLIT[87:90] == other.text
    joined = relations([second, other, first])
    assert [q.text for q in joined] == ["The plan failed and we all know why it failed.", "no."]
    # a discontinuous gold content is one item: the joined parts match it once, no false alarm
    gold = [GoldAttribution([(11, 29), (41, 73)], SPLIT[11:29] + " " + SPLIT[41:73], [(30, 34)])]
    report = LenientReport()
    score_lenient_article(gold, joined[:1], report)
    assert (report.content.tp, report.content.fp, report.content.fn) == (1, 0, 0)
    assert (report.speaker.hit, report.speaker.total) == (1, 1)
