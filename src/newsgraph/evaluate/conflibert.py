"""Scoring against ConfliBERT's CAMEO five-way sentence classification (``cameo_class``).

Each line of ``train.tsv`` / ``test.tsv`` is ``sentence<TAB>label`` with label 0 make a statement
(CAMEO 01 comments and 02 appeals), 1 verbal cooperation, 2 material cooperation, 3 verbal
conflict, 4 material conflict. newsgraph is an extractor, not a classifier; a sentence gets the
class of what it extracts:

- **an event's class** is the group of its CAMEO code's root (01-02 statement, 03-05 verbal
  cooperation, 06-08 material cooperation, 09-13 verbal conflict, 14-20 material conflict),
  and the quad category of its PLOVER type when it has no code. The code is where CAMEO and
  PLOVER part: appeals ("called on", "urged", "asked") are PLOVER REQUEST with CAMEO 02x, a few
  comments aimed at an actor ("voiced concern to" 012, "denied the accusation" 016) are ACCUSE
  and REJECT, and easing restrictions is a verbal CONCEDE in PLOVER but CAMEO 08 yielding;
- **the sentence's main event** decides when there are several: the event whose trigger is
  nearest the root of the dependency parse ("X rejected the call to release the prisoners" is a
  rejection, not a release); among events equally near, the strongest (largest absolute PLOVER
  score, then the higher quad);
- **no event** → 0. PLOVER has no statement type (the manual drops CAMEO 01 and 02), so a
  sentence where the quote stage finds only speech by an actor ("X said ...") is a statement;
  a sentence where nothing at all is found also falls to 0, the least committal class. The
  report counts both so a reader can tell a found statement from a default.

Tune on ``train.tsv`` (``--split train``), report ``test.tsv`` (the default): 257 of the test
sentences are CAMEO-manual examples, the train split is news. Reported: macro F1 and per-class
P/R/F1 with the confusion matrix, next to the published fine-tuned models (Hu et al. 2022,
Table 3), which were trained on the train split.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..records import Event, Extraction
from .gold import PRF
from .plover_gsr import articles_for

SPLITS = {"train": Path("cameo_class") / "train.tsv", "test": Path("cameo_class") / "test.tsv"}
TEST_FILE = SPLITS["test"]
# CAMEO's five-way grouping of its root codes (the dataset's labels): the last root of each class.
# 01-02 statements and appeals, 03-05 verbal cooperation, 06-08 material cooperation, 09-13 verbal
# conflict, 14-20 material conflict (the four quad classes of GDELT/Phoenix, statements split off).
PENTACLASS_LAST_ROOT = (2, 5, 8, 13, 20)
CLASSES = ("statement", "verbal cooperation", "material cooperation", "verbal conflict", "material conflict")
# Macro F1 of the fine-tuned models, ConfliBERT paper Table 3 (as reported in the dataset's SOURCE.md).
PUBLISHED_MACRO_F1 = {
    "BERT-uncased": 86.44, "BERT-cased": 85.85, "ConfliBERT-Cont-uncased": 87.88,
    "ConfliBERT-Cont-cased": 86.12, "ConfliBERT-SCR-uncased": 87.64, "ConfliBERT-SCR-cased": 87.83,
}


@dataclass
class LabelledSentence:
    text: str
    label: int
    line: int

    @property
    def id(self) -> str:
        return f"line {self.line}"


@dataclass
class ConfliReport:
    per_class: list[PRF] = field(default_factory=lambda: [PRF() for _ in CLASSES])
    confusion: list[list[int]] = field(default_factory=lambda: [[0] * len(CLASSES) for _ in CLASSES])
    split: str = "test"
    # how the sentences predicted 0 without an event got there: speech found, or nothing found
    no_event_speech: int = 0
    no_event_nothing: int = 0

    @property
    def sentences(self) -> int:
        return sum(map(sum, self.confusion))

    @property
    def macro_f1(self) -> float:
        return sum(p.f1 for p in self.per_class) / len(self.per_class)

    @property
    def accuracy(self) -> float:
        n = self.sentences
        return sum(self.confusion[i][i] for i in range(len(CLASSES))) / n if n else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "split": self.split, "sentences": self.sentences, "macro_f1": round(self.macro_f1, 4),
            "accuracy": round(self.accuracy, 4),
            "per_class": {c: p.to_json() for c, p in zip(CLASSES, self.per_class)},
            "confusion": self.confusion, "published_macro_f1": PUBLISHED_MACRO_F1,
            "no_event": {"speech": self.no_event_speech, "nothing": self.no_event_nothing},
        }

    def render(self) -> str:
        lines = [f"sentences: {self.sentences} ({self.split} split)",
                 f"  macro F1 {100 * self.macro_f1:6.2f}   accuracy {100 * self.accuracy:6.2f}",
                 f"  {'class':<22} {'P':>6} {'R':>6} {'F1':>6}"]
        for c, p in zip(CLASSES, self.per_class):
            lines.append(f"  {c:<22} {p.precision:6.3f} {p.recall:6.3f} {p.f1:6.3f}")
        lines.append("  confusion (rows gold 0-4, columns predicted 0-4):")
        lines += ["    " + " ".join(f"{n:4d}" for n in row) for row in self.confusion]
        lines.append(f"  no event found: {self.no_event_speech} with speech by an actor (statement), "
                     f"{self.no_event_nothing} with nothing (class 0 by default)")
        lines.append("  published macro F1 (fine-tuned on the train split): "
                     + ", ".join(f"{k} {v:.2f}" for k, v in PUBLISHED_MACRO_F1.items()))
        return "\n".join(lines)


def read_sentences(path: Path, split: str = "test") -> list[LabelledSentence]:
    """``sentence<TAB>label`` lines (the dataset folder and a split, or the TSV itself)."""
    path = Path(path)
    if path.is_dir():
        if split not in SPLITS:
            raise InputError(str(path), f"unknown ConfliBERT split {split!r}: choose {' or '.join(SPLITS)}")
        path = path / SPLITS[split]
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(str(path), f"cannot read the ConfliBERT CAMEO file: {exc.strerror or exc}") from exc
    out = []
    for n, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        text, sep, label = line.rpartition("\t")
        if not sep or label.strip() not in {"0", "1", "2", "3", "4"} or not text.strip():
            raise InputError(f"{path}:{n}", "expected 'sentence<TAB>label' with a label 0-4")
        out.append(LabelledSentence(text=text.strip(), label=int(label), line=n))
    return out


def cameo_class(code: str | None) -> int | None:
    """The pentaclass of a CAMEO code by its root, or None when it has no valid root."""
    root = code[:2] if code and code[:2].isdigit() else ""
    if not root or not 1 <= int(root) <= 20:
        return None
    return next(c for c, last in enumerate(PENTACLASS_LAST_ROOT) if int(root) <= last)


def event_class(event: Event, quad: Callable[[str], int]) -> int:
    """The pentaclass of the event's CAMEO code, else the quad of its PLOVER type."""
    by_code = cameo_class(event.cameo)
    return quad(event.type) if by_code is None else by_code


def classify(events: Sequence[Event], quad: Callable[[str], int],
             intensity: Callable[[str, str | None], float],
             prominence: Callable[[Event], int] | None = None) -> int:
    """0 without events, else the class of the main event.

    ``prominence`` ranks events by how central their trigger is (0 = the root of the parse); the
    most central events are kept, and among them the strongest (largest |score|, then higher
    quad) decides. Without it every event is equally central.
    """
    if not events:
        return 0
    if prominence is not None:
        best = min(prominence(e) for e in events)
        events = [e for e in events if prominence(e) == best]
    main = max(events, key=lambda e: (abs(intensity(e.type, e.mode)), quad(e.type)))
    return event_class(main, quad)


def trigger_depth(doc) -> Callable[[Event], int]:
    """Event -> number of dependency arcs from its trigger's head word to the root of its sentence.

    Events without a trigger, or whose trigger does not lie in ``doc``, rank last.
    """
    def depth(event: Event) -> int:
        t = event.trigger
        span = doc.char_span(t.start, t.end, alignment_mode="expand") if t else None
        if span is None or not len(span):
            return 1_000
        tok, n = span.root, 0
        while tok.head.i != tok.i:
            tok, n = tok.head, n + 1
        return n

    return depth


def score(sentences: Sequence[LabelledSentence], extractions: Sequence[Extraction], ontology,
          docs: Sequence[Any] | None = None, split: str = "test") -> ConfliReport:
    """Confusion and per-class scores; ``docs`` (the parses) choose the main event when given."""
    if len(sentences) != len(extractions) or (docs is not None and len(docs) != len(sentences)):
        raise ValueError(f"{len(sentences)} sentences but {len(extractions)} extractions")
    report = ConfliReport(split=split)
    for n, (sent, ex) in enumerate(zip(sentences, extractions)):
        rank = trigger_depth(docs[n]) if docs is not None else None
        predicted = classify(ex.events, ontology.quad, ontology.intensity, rank)
        if not ex.events:
            if any(q.speaker for q in ex.quotes):
                report.no_event_speech += 1
            else:
                report.no_event_nothing += 1
        report.confusion[sent.label][predicted] += 1
    for c, prf in enumerate(report.per_class):
        prf.tp = report.confusion[c][c]
        prf.fn = sum(report.confusion[c]) - prf.tp
        prf.fp = sum(row[c] for row in report.confusion) - prf.tp
    return report


def evaluate(path: Path, extractor, split: str = "test", **_options) -> ConfliReport:
    sentences = read_sentences(path, split)
    articles = articles_for(sentences)
    extractions = list(extractor.extract_many(articles))
    # the extractor keeps no parse; the model is deterministic, so parsing again gives the same trees
    docs = list(extractor.nlp.pipe([a.text for a in articles], batch_size=64))
    return score(sentences, extractions, extractor.ontology, docs, split=split)
