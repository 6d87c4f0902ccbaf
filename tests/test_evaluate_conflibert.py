"""ConfliBERT pentaclass derivation: how a sentence's class comes from the extraction.

Every sentence below is synthetic, written for these tests; quoted people are fictional.
The rules: an event's class is the CAMEO root grouping of its code (01-02 statement, 03-05
verbal cooperation, 06-08 material cooperation, 09-13 verbal conflict, 14-20 material
conflict), the main event is the one whose trigger is nearest the root of the parse, and a
sentence without events is a statement. The lexicon entries this relies on (appeals coded CAMEO
02, denials 016, concern 012, lifting economic sanctions 085, ceasefire violations 196) are
pinned through the real extractor.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokens import Doc

from newsgraph.errors import InputError
from newsgraph.evaluate import conflibert
from newsgraph.records import Article, Event, Extraction, Quote, Span


@pytest.fixture(scope="module")
def extractor():
    from newsgraph.config import Settings
    from newsgraph.pipeline import Extractor

    return Extractor.from_settings(Settings())


def _event(type_: str, cameo: str | None = None, trigger: tuple[int, int] | None = None) -> Event:
    span = Span("", *trigger) if trigger else None
    return Event(type=type_, sources=["a1"], targets=["a2"], evidence=Span("", 0, 0),
                 cameo=cameo, trigger=span)


# --------------------------------------------------------------------------- class of one event

@pytest.mark.parametrize("code,expected", [
    ("010", 0), ("0121", 0), ("020", 0), ("0233", 0),  # comments and appeals
    ("036", 1), ("042", 1), ("051", 1),                 # verbal cooperation
    ("061", 2), ("073", 2), ("081", 2), ("0871", 2),    # material cooperation, yielding included
    ("090", 3), ("100", 3), ("112", 3), ("138", 3),     # verbal conflict
    ("141", 4), ("154", 4), ("163", 4), ("190", 4), ("204", 4),
    (None, None), ("", None), ("abc", None), ("00", None), ("21", None),
])
def test_evaluate_conflibert_cameo_root_gives_the_pentaclass(code, expected):
    assert conflibert.cameo_class(code) == expected


@pytest.mark.parametrize("type_,cameo,expected", [
    ("REQUEST", "020", 0),     # an appeal ("urged", "called on") is a statement in CAMEO
    ("REQUEST", "100", 3),     # a demand is verbal conflict
    ("CONCEDE", "081", 2),     # PLOVER files it as verbal, CAMEO 08 is material cooperation
    ("REJECT", "016", 0),      # denying an accusation
    ("CONSULT", None, 1),      # no CAMEO code: the PLOVER quad
    ("ASSAULT", None, 4),
])
def test_evaluate_conflibert_event_class_prefers_the_cameo_code(onto, type_, cameo, expected):
    assert conflibert.event_class(_event(type_, cameo), onto.quad) == expected


# --------------------------------------------------------------------------- several events, none

def test_evaluate_conflibert_no_event_is_a_statement(onto):
    assert conflibert.classify([], onto.quad, onto.intensity) == 0


def test_evaluate_conflibert_main_event_is_nearest_the_root_not_the_strongest(onto):
    reject, release = _event("REJECT", "120"), _event("RETREAT", "0841")
    depth = {id(reject): 0, id(release): 3}
    ranked = conflibert.classify([release, reject], onto.quad, onto.intensity, lambda e: depth[id(e)])
    assert ranked == 3
    # without a parse every event is as central, and the strongest decides
    assert conflibert.classify([release, reject], onto.quad, onto.intensity) == 2


def test_evaluate_conflibert_equally_central_events_fall_to_the_strongest(onto):
    consult, assault = _event("CONSULT", "040"), _event("ASSAULT", "190")
    assert conflibert.classify([consult, assault], onto.quad, onto.intensity, lambda e: 1) == 4


def test_evaluate_conflibert_trigger_depth_counts_arcs_to_the_root(nlp):
    # hand-built parse: "Synthetic Freedonia rejected the call to release prisoners ."
    words = ["Synthetic", "Freedonia", "rejected", "the", "call", "to", "release", "prisoners", "."]
    heads = [1, 2, 2, 4, 2, 6, 4, 6, 2]
    deps = ["compound", "nsubj", "ROOT", "det", "dobj", "aux", "acl", "dobj", "punct"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps)
    depth = conflibert.trigger_depth(doc)
    at = lambda i: (doc[i].idx, doc[i].idx + len(doc[i]))  # noqa: E731
    assert depth(_event("REJECT", "120", at(2))) == 0
    assert depth(_event("REQUEST", "020", at(4))) == 1
    assert depth(_event("RETREAT", "0841", at(6))) == 2
    assert depth(_event("RETREAT", "0841")) > 100  # no trigger: ranks last


# --------------------------------------------------------------------------- reading, splits, report

def _dataset(tmp_path: Path) -> Path:
    folder = tmp_path / "conflibert-cameo" / "cameo_class"
    folder.mkdir(parents=True)
    (folder / "train.tsv").write_bytes(b"Synthetic: Freedonia urged calm.\t0\r\n")
    (folder / "test.tsv").write_bytes(b"Synthetic: Sylvania shelled a town.\t4\r\n"
                                      b"Synthetic: Sylvania met Freedonia.\t1\r\n")
    return folder.parent


def test_evaluate_conflibert_reads_the_chosen_split(tmp_path):
    root = _dataset(tmp_path)
    assert [s.label for s in conflibert.read_sentences(root, "train")] == [0]
    assert [s.label for s in conflibert.read_sentences(root)] == [4, 1]
    with pytest.raises(InputError, match="dev"):
        conflibert.read_sentences(root, "dev")


def test_evaluate_conflibert_report_names_split_and_counts_sentences_without_events(onto):
    sents = [conflibert.LabelledSentence("s", 0, 1), conflibert.LabelledSentence("s", 3, 2),
             conflibert.LabelledSentence("s", 4, 3)]
    art = Article(id="x", text="t")
    speech = Quote(text="t", start=0, end=1, direct=False, speaker="a1")
    exs = [Extraction(article=art, quotes=[speech]), Extraction(article=art),
           Extraction(article=art, events=[_event("ASSAULT", "190")])]
    report = conflibert.score(sents, exs, onto, split="train")
    assert (report.no_event_speech, report.no_event_nothing) == (1, 1)
    assert report.confusion[3] == [1, 0, 0, 0, 0] and report.confusion[4][4] == 1
    assert "train split" in report.render() and report.to_json()["split"] == "train"


def test_evaluate_conflibert_statement_codes_map_to_plover(onto):
    assert onto.cameo_to_plover("012") == ("ACCUSE", "disapprove", None)
    assert onto.cameo_to_plover("016") == ("REJECT", None, None)
    assert onto.cameo_to_plover("010") is None  # a bare comment is no PLOVER event


# --------------------------------------------------------------------------- the real extractor

def _classify(extractor, text: str) -> tuple[int, list[Event]]:
    art = Article(id="synthetic", text=text)
    ex = extractor.extract(art)
    rank = conflibert.trigger_depth(extractor.nlp(text))
    onto = extractor.ontology
    return conflibert.classify(ex.events, onto.quad, onto.intensity, rank), ex.events


@pytest.mark.parametrize("text,cls,type_,cameo", [
    ("Synthetic: Germany called on Russia to withdraw its troops from the border.", 0, "REQUEST", "02"),
    ("Synthetic: The French foreign minister urged Israel to allow aid into Gaza.", 0, "REQUEST", "02"),
    ("Synthetic: Poland demanded that Belarus release the journalist.", 3, "REQUEST", "10"),
    ("Synthetic: Iran's government denied accusations by Israel that it armed rebels.", 0, "REJECT", "016"),
    ("Synthetic: The German chancellor voiced concern to China about the arrests.", 0, "ACCUSE", "012"),
    ("Synthetic: Japan lifted sanctions on Iran on Friday.", 2, "RETREAT", "085"),
    ("Synthetic: The United States cut tariffs on Chinese goods.", 2, "RETREAT", "085"),
    ("Synthetic: Armenian forces violated the ceasefire with Azerbaijan.", 4, "ASSAULT", "196"),
    ("Synthetic: Indian troops remained on alert along the border with China.", 4, "MOBILIZE", "15"),
])
def test_evaluate_conflibert_real_extraction_classes(extractor, text, cls, type_, cameo):
    got, events = _classify(extractor, text)
    assert any(e.type == type_ and (e.cameo or "").startswith(cameo) for e in events), events
    assert got == cls


def test_evaluate_conflibert_rejection_of_a_call_is_a_rejection(extractor):
    text = "Synthetic: China rejected a call by the United States to release the activists."
    got, events = _classify(extractor, text)
    assert {"REJECT"} <= {e.type for e in events}
    assert got == 3


def test_evaluate_conflibert_call_on_a_weekday_is_no_appeal(extractor):
    text = "Synthetic: The Kenyan president called the Ugandan president on Tuesday."
    _, events = _classify(extractor, text)
    assert not [e for e in events if e.type == "REQUEST"]


def test_evaluate_conflibert_speech_alone_is_a_statement(extractor):
    text = "Synthetic: The Brazilian foreign minister said the talks were useful."
    got, events = _classify(extractor, text)
    assert not events and got == 0


def test_evaluate_conflibert_smoke_on_the_train_split(shared_dir, tmp_path, extractor):
    source = shared_dir / "datasets" / "conflibert-cameo"
    assert len(conflibert.read_sentences(source, "train")) == 1349
    folder = tmp_path / "cameo_class"
    folder.mkdir()
    lines = (source / "cameo_class" / "train.tsv").read_bytes().splitlines()[:12]
    (folder / "train.tsv").write_bytes(b"\r\n".join(lines))
    report = conflibert.evaluate(tmp_path, extractor, split="train")
    assert report.sentences == 12 and report.split == "train" and 0 <= report.macro_f1 <= 1
