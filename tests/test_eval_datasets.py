"""Dataset evaluators: readers and scoring maths on tiny synthetic files, then the real thing.

The synthetic inputs below are written for these tests (fictional sentences); the smoke tests
run the real extractor over the first records of the public datasets in ../shared.
"""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from datetime import date

import pytest

from newsgraph.errors import InputError
from newsgraph.evaluate import conflibert, petrarch, plover_gsr
from newsgraph.events.ontology import Ontology
from newsgraph.records import Actor, Article, Event, Extraction, Span


def _extraction(text: str, actors: list[tuple[str, str, str | None]], events: list[tuple[str, list, list]]):
    """A hand-built extraction: actors (id, kind, code), events (type, source ids, target ids)."""
    return Extraction(
        article=Article(id="x", text=text),
        actors=[Actor(id=i, name=i, kind=k, code=c) for i, k, c in actors],
        events=[Event(type=t, sources=s, targets=r, evidence=Span(text, 0, len(text))) for t, s, r in events],
    )


# --------------------------------------------------------------------------- PLOVER GSR

GSR = [
    {"id": "DOC", "event": "DOCUMENT", "comment": "synthetic file for tests"},
    {"id": "R1", "event": "DEMAND", "text": "Synthetic: Freedonia demanded that Sylvania withdraw.",
     "source": [{"actorText": "Freedonia", "code": "USA"}], "target": [{"actorText": "Sylvania", "code": "JAP"}],
     "textInfo": {"markup": "(SRC: Freedonia) (EVT: demanded) (TAR: Sylvania)"}},
    {"id": "R2", "event": "FIGHT", "text": "Synthetic: rebels clashed with the army.",
     "source": [{"code": "IGO"}], "target": ""},
    {"id": "R3", "event": "AGREE", "text": "Synthetic: the two sides agreed.", "textInfo": "(SRC/TAR: A) and (SRC/TAR: B)",
     "source": [{"code": "RUS"}, {"code": "UKR"}]},
]


@pytest.fixture
def gsr_file(tmp_path):
    p = tmp_path / plover_gsr.GSR_FILE
    p.write_text(json.dumps(GSR), encoding="utf-8")
    return p


def test_plover_gsr_reads_records_and_maps_legacy_types(gsr_file):
    recs = plover_gsr.read_records(gsr_file.parent)
    assert [(r.id, r.type, r.sources, r.targets, r.reciprocal) for r in recs] == [
        ("R1", "REQUEST", ["USA"], ["JAP"], False),
        ("R2", "ASSAULT", ["IGO"], [], False),
        ("R3", "AGREE", ["RUS", "UKR"], [], True),
    ]


def test_plover_gsr_rejects_malformed_files(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="bad.json"):
        plover_gsr.read_records(bad)
    bad.write_text(json.dumps([{"id": "X", "event": "AGREE"}]), encoding="utf-8")
    with pytest.raises(InputError, match="without text"):
        plover_gsr.read_records(bad)


@pytest.mark.parametrize("actor, code, expected", [
    (Actor("a", "US", "state", "USA"), "USA", True),
    (Actor("a", "Blinken", "person", "USA"), "USAGOV", True),
    (Actor("a", "Tokyo", "state", "JPN"), "JAP", True),
    (Actor("a", "NATO", "organisation", "NATO"), "IGO", True),
    (Actor("a", "Kremlin", "organisation", "RUS"), "IGO", False),
    (Actor("a", "IAEA", "organisation", "IAEA"), "IGOUNOIAE", True),
    (Actor("a", "UN", "organisation", "UN"), "IGOUNOIAE", False),
    (Actor("a", "Hamas", "group", "Hamas"), "PSE", False),
    (Actor("a", "Hamas", "group", "Hamas", country="PSE"), "PSEREB", True),
    (Actor("a", "France", "state", "FRA"), "USA", False),
    (None, "USA", False),
])
def test_plover_gsr_actor_matching(actor, code, expected):
    assert plover_gsr.actor_matches(actor, code) is expected


def test_plover_gsr_scores_full_type_and_per_type(gsr_file):
    recs = plover_gsr.read_records(gsr_file)
    exs = [
        # R1: right type, right source, target JPN written JAP in the record → full hit
        _extraction("t", [("a1", "state", "USA"), ("a2", "state", "JPN")], [("REQUEST", ["a1"], ["a2"])]),
        # R2: type right but source is a state where an IGO is expected; plus a spurious ACCUSE
        _extraction("t", [("a1", "state", "FRA")], [("ASSAULT", ["a1"], []), ("ACCUSE", ["a1"], [])]),
        # R3: reciprocal: one party as source, the other as target still counts
        _extraction("t", [("a1", "state", "UKR"), ("a2", "state", "RUS")], [("AGREE", ["a1"], ["a2"])]),
    ]
    report = plover_gsr.score(recs, exs)
    assert [(r.type_found, r.full_found) for r in report.results] == [(True, True), (True, False), (True, True)]
    assert report.type_found == 1.0 and report.full_found == pytest.approx(2 / 3)
    assert (report.per_type["ACCUSE"].tp, report.per_type["ACCUSE"].fp) == (0, 1)
    assert report.per_type["REQUEST"].precision == 1.0 and report.per_type["REQUEST"].recall == 1.0
    assert report.to_json()["records"] == 3 and "type alone" in report.render()


def test_plover_gsr_missing_event_is_a_miss(gsr_file):
    recs = plover_gsr.read_records(gsr_file)[:1]
    report = plover_gsr.score(recs, [_extraction("t", [], [])])
    assert report.full_found == 0 and report.per_type["REQUEST"].fn == 1


# --------------------------------------------------------------------------- PETRARCH

UNIT_XML = """<Validation>
<!-- synthetic unit-test records written for newsgraph's tests -->
<Sentences>
<Sentence date="19950101" id="T-01" category="DEMO" sentence="true">
<EventCoding sourcecode="FRD" targetcode="SYLGOV" eventcode="041"></EventCoding>
<EventCoding sourcecode="FRD" targetcode="SYL" eventcode="903"></EventCoding>
<Text>
Freedonia telephoned the Sylvanian government.
</Text>
</Sentence>
<Sentence date="19950102" id="T-02" category="VERB" sentence="true">
<EventCoding noevents="True"></EventCoding>
<Text>Nothing happened in Freedonia.</Text>
</Sentence>
<Sentence date="19950103" id="T-03" category="VERB" sentence="true">
<EventCoding error="True"></EventCoding>
<EventCoding sourcecode="SYL" targetcode="FRD" eventcode="190"></EventCoding>
<Text>Sylvania attacked Freedonia.</Text>
</Sentence>
</Sentences>
</Validation>
"""


@pytest.fixture
def unit_file(tmp_path):
    p = tmp_path / petrarch.RECORDS_FILE
    p.write_text(UNIT_XML, encoding="utf-8")
    return p


def test_petrarch_reads_unit_records(unit_file):
    sents = petrarch.read_records(unit_file.parent)
    assert [(s.id, s.category, s.published, s.no_event, len(s.codings)) for s in sents] == [
        ("T-01", "DEMO", date(1995, 1, 1), False, 2), ("T-02", "VERB", date(1995, 1, 2), True, 0),
        ("T-03", "VERB", date(1995, 1, 3), False, 1),
    ]
    assert sents[0].text == "Freedonia telephoned the Sylvanian government."


def test_petrarch_rejects_bad_xml(tmp_path):
    p = tmp_path / "bad.xml"
    p.write_text("<Validation><Sentence>", encoding="utf-8")
    with pytest.raises(InputError, match="bad.xml"):
        petrarch.read_records(p)


def test_petrarch_scores_codings_at_plover_level(unit_file):
    sents = petrarch.read_records(unit_file)
    exs = [
        _extraction("t", [("a1", "state", "FRD"), ("a2", "organisation", "SYL")], [("CONSULT", ["a1"], ["a2"])]),
        _extraction("t", [("a1", "state", "FRD")], [("SANCTION", ["a1"], [])]),  # a false alarm
        _extraction("t", [("a1", "state", "SYL"), ("a2", "state", "FRD")], [("ASSAULT", ["a2"], ["a1"])]),
    ]
    report = petrarch.score(sents, exs, Ontology.load().cameo_to_plover)
    # 041 → CONSULT matched with actors; 903 has no PLOVER type; 190 → ASSAULT with the actors reversed
    assert (report.codings, report.unmapped, report.found, report.type_found) == (2, 1, 1, 2)
    assert (report.no_event_sentences, report.false_alarms) == (1, 1)
    assert report.by_category == {"DEMO": [1, 1], "VERB": [0, 1]}
    assert report.to_json()["false_alarm_rate"] == 1.0


# --------------------------------------------------------------------------- ConfliBERT

def test_conflibert_reads_tsv_with_crlf(tmp_path):
    p = tmp_path / "test.tsv"
    p.write_bytes(b"Synthetic: Freedonia praised Sylvania.\t1\r\nSynthetic: Sylvania shelled a town.\t4\r\n")
    sents = conflibert.read_sentences(p)
    assert [(s.text, s.label, s.line) for s in sents] == [
        ("Synthetic: Freedonia praised Sylvania.", 1, 1), ("Synthetic: Sylvania shelled a town.", 4, 2)]


def test_conflibert_rejects_bad_labels(tmp_path):
    p = tmp_path / "test.tsv"
    p.write_text("A sentence\t7\n", encoding="utf-8")
    with pytest.raises(InputError, match="test.tsv:1"):
        conflibert.read_sentences(p)


def test_conflibert_classifies_by_strongest_event():
    onto = Ontology.load()
    ev = lambda t: Event(type=t, sources=[], targets=[], evidence=Span("", 0, 0))  # noqa: E731
    assert conflibert.classify([], onto.quad, onto.intensity) == 0
    assert conflibert.classify([ev("CONSULT")], onto.quad, onto.intensity) == 1
    assert conflibert.classify([ev("CONSULT"), ev("ASSAULT")], onto.quad, onto.intensity) == 4
    assert conflibert.classify([ev("AID")], onto.quad, onto.intensity) == 2


def test_conflibert_macro_f1_maths(tmp_path):
    p = tmp_path / "test.tsv"
    p.write_text("s1\t0\ns2\t1\ns3\t4\ns4\t4\n", encoding="utf-8")
    sents = conflibert.read_sentences(p)
    exs = [_extraction("t", [], []), _extraction("t", [], [("CONSULT", [], [])]),
           _extraction("t", [], [("ASSAULT", [], [])]), _extraction("t", [], [])]
    report = conflibert.score(sents, exs, Ontology.load())
    assert report.confusion[4] == [1, 0, 0, 0, 1]
    # class 0: P 1/2 R 1 F1 2/3; class 1: F1 1; class 4: P 1 R 1/2 F1 2/3; classes 2, 3: 0
    assert report.macro_f1 == pytest.approx((2 / 3 + 1 + 0 + 0 + 2 / 3) / 5)
    assert report.accuracy == pytest.approx(3 / 4)
    assert "86.44" in report.render()


# --------------------------------------------------------------------------- real files, real extractor

@pytest.fixture(scope="module")
def extractor():
    from newsgraph.config import Settings
    from newsgraph.pipeline import Extractor

    return Extractor.from_settings(Settings.from_env())


def test_eval_datasets_plover_gsr_smoke(shared_dir, tmp_path, extractor):
    source = shared_dir / "datasets" / "plover-gsr" / plover_gsr.GSR_FILE
    assert len(plover_gsr.read_records(source)) == 322
    head = json.loads(source.read_text(encoding="utf-8"))[:13]
    (tmp_path / plover_gsr.GSR_FILE).write_text(json.dumps(head), encoding="utf-8")
    report = plover_gsr.evaluate(tmp_path, extractor)
    assert report.records == 12 and 0 <= report.full_found <= report.type_found <= 1


def test_eval_datasets_petrarch_smoke(shared_dir, tmp_path, extractor):
    folder = shared_dir / "datasets" / "petrarch2-unittest"
    sents = petrarch.read_records(folder)
    assert len(sents) == 284 and sum(s.no_event for s in sents) == 19
    root = ET.parse(folder / petrarch.RECORDS_FILE).getroot()
    trimmed = ET.Element("Validation")
    box = ET.SubElement(trimmed, "Sentences")
    box.extend(list(root.iter("Sentence"))[:6])
    ET.ElementTree(trimmed).write(tmp_path / petrarch.RECORDS_FILE, encoding="utf-8")
    for name in petrarch.DICTIONARIES:
        (tmp_path / name).write_bytes((folder / name).read_bytes())
    report = petrarch.evaluate(tmp_path, extractor)
    assert report.sentences == 6 and report.codings > 0 and 0 <= report.found <= report.type_found


def test_eval_datasets_conflibert_smoke(shared_dir, tmp_path, extractor):
    source = shared_dir / "datasets" / "conflibert-cameo" / "cameo_class" / "test.tsv"
    sents = conflibert.read_sentences(source)
    assert len(sents) == 451
    (tmp_path / "test.tsv").write_bytes(b"\r\n".join(source.read_bytes().splitlines()[:10]))
    report = conflibert.evaluate(tmp_path / "test.tsv", extractor)
    assert report.sentences == 10 and 0 <= report.macro_f1 <= 1
