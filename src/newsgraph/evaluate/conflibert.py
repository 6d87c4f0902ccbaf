"""Scoring against ConfliBERT's CAMEO five-way sentence classification (``cameo_class``).

Each line of ``test.tsv`` is ``sentence<TAB>label`` with label 0 make a statement, 1 verbal
cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. newsgraph is an
extractor, not a classifier; a sentence gets the class of what it extracts: no event → 0,
otherwise the quad category (1-4, from the ontology) of its strongest event, the one with the
largest absolute PLOVER score (on a tie, the higher quad). PLOVER has no "statement" type, so
sentences where only speech is found fall to 0. Reported: macro F1 and per-class P/R/F1, next
to the published fine-tuned models (Hu et al. 2022, Table 3).
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

TEST_FILE = Path("cameo_class") / "test.tsv"
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
            "sentences": self.sentences, "macro_f1": round(self.macro_f1, 4),
            "accuracy": round(self.accuracy, 4),
            "per_class": {c: p.to_json() for c, p in zip(CLASSES, self.per_class)},
            "confusion": self.confusion, "published_macro_f1": PUBLISHED_MACRO_F1,
        }

    def render(self) -> str:
        lines = [f"sentences: {self.sentences}",
                 f"  macro F1 {100 * self.macro_f1:6.2f}   accuracy {100 * self.accuracy:6.2f}",
                 f"  {'class':<22} {'P':>6} {'R':>6} {'F1':>6}"]
        for c, p in zip(CLASSES, self.per_class):
            lines.append(f"  {c:<22} {p.precision:6.3f} {p.recall:6.3f} {p.f1:6.3f}")
        lines.append("  confusion (rows gold 0-4, columns predicted 0-4):")
        lines += ["    " + " ".join(f"{n:4d}" for n in row) for row in self.confusion]
        lines.append("  published macro F1 (fine-tuned on the train split): "
                     + ", ".join(f"{k} {v:.2f}" for k, v in PUBLISHED_MACRO_F1.items()))
        return "\n".join(lines)


def read_sentences(path: Path) -> list[LabelledSentence]:
    """``sentence<TAB>label`` lines (the dataset folder, or the TSV itself)."""
    path = Path(path)
    if path.is_dir():
        path = path / TEST_FILE
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


def classify(events: Sequence[Event], quad: Callable[[str], int],
             intensity: Callable[[str, str | None], float]) -> int:
    """0 without events, else the quad of the strongest event (largest |score|, then higher quad)."""
    if not events:
        return 0
    strongest = max(events, key=lambda e: (abs(intensity(e.type, e.mode)), quad(e.type)))
    return quad(strongest.type)


def score(sentences: Sequence[LabelledSentence], extractions: Sequence[Extraction], ontology) -> ConfliReport:
    if len(sentences) != len(extractions):
        raise ValueError(f"{len(sentences)} sentences but {len(extractions)} extractions")
    report = ConfliReport()
    for sent, ex in zip(sentences, extractions):
        predicted = classify(ex.events, ontology.quad, ontology.intensity)
        report.confusion[sent.label][predicted] += 1
    for c, prf in enumerate(report.per_class):
        prf.tp = report.confusion[c][c]
        prf.fn = sum(report.confusion[c]) - prf.tp
        prf.fp = sum(row[c] for row in report.confusion) - prf.tp
    return report


def evaluate(path: Path, extractor, **_options) -> ConfliReport:
    sentences = read_sentences(path)
    extractions = list(extractor.extract_many(articles_for(sentences)))
    return score(sentences, extractions, extractor.ontology)
