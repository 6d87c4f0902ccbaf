"""PolNeAR (political news attribution relations) as a yardstick for the quote stage.

Two protocols, chosen by the folder given to ``newsgraph eval --polnear DIR``:

* **exact** (``polnear-cofenet-bio/``, the table of Wang et al., COLING 2022): each line is a
  tokenised sentence with BIO labels for source, cue and content. The sentences of one
  annotation file are joined into a text (one line each), the pipeline runs on it, and the
  predicted speaker, cue and quote spans are mapped back to token labels. Spans score only when
  their type and token boundaries are exactly the gold ones. Two convention adapters, because
  PolNeAR's content spans differ from newsgraph's: a direct quote's content takes in its
  quotation marks (and a comma inside them), a reported clause takes in a preceding "that".
* **lenient** (``polnear/``, BRAT standoff over the raw articles of ``data/<split>/``): every
  Content span of an attribution is a gold quote, its Source the gold speaker. A predicted quote
  matches a gold content when the shared tokens (GOLD_FORMAT.md normalisation) are at least half
  of the longer, greedy by overlap; speaker accuracy is over matched quotes whose gold relation
  has a source: the predicted speaker span must overlap it. Articles annotated by several
  annotators are scored once, with the first annotator file in name order.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..records import Article, Quote
from .gold import PRF, Ratio
from .normalise import quote_match, tokens

PUBLISHED = {
    "rule baseline": {"source": 10.7, "cue": 22.8, "content": 5.6},
    "BERT-CofeNet": {"source": 83.2, "cue": 75.3, "content": 72.9},
}
SPAN_TYPES = ("source", "cue", "content")
_BIO_SPLITS = {"test": "test.txt", "dev": "valid.txt", "valid": "valid.txt"}
_PTB = {"``": "“", "''": "”", "`": "‘", "-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]",
        "-LCB-": "{", "-RCB-": "}"}
_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "”", "%", "...", "n't", "'s", "'S", "'d",
                    "'ll", "'m", "'re", "'ve", "’"}
_NO_SPACE_AFTER = {"(", "[", "{", "“", "‘", "$"}


# ---------------------------------------------------------------- exact protocol (BIO)

@dataclass
class BioSentence:
    tokens: list[str]
    labels: list[str]
    id: str


@dataclass
class BioArticle:
    """Sentences of one annotation file joined into a text; ``offsets[s][t]`` = token's chars."""

    id: str
    text: str
    sentences: list[BioSentence]
    offsets: list[list[tuple[int, int]]]


def read_bio(path: Path) -> list[BioSentence]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                d = json.loads(line)
                out.append(BioSentence(list(d["tokens"]), list(d["labels"]), str(d["id"])))
            except (ValueError, KeyError, TypeError) as exc:
                raise InputError(f"{path}:{n}", f"not a CofeNet BIO line (tokens, labels, id): {exc}") from exc
            if len(out[-1].tokens) != len(out[-1].labels):
                raise InputError(f"{path}:{n}", "tokens and labels differ in length")
    return out


def _surface(tok: str, prev: str | None) -> str:
    if tok in _PTB:
        return _PTB[tok]
    if tok == "'":
        return "’" if prev is not None and prev not in _NO_SPACE_AFTER else "‘"
    return tok


def detokenize(sentences: list[BioSentence]) -> tuple[str, list[list[tuple[int, int]]]]:
    """Readable text (one sentence per line, PTB quotes turned into typographic ones) and the
    character range of every token."""
    parts: list[str] = []
    offsets: list[list[tuple[int, int]]] = []
    pos = 0
    for s_i, sent in enumerate(sentences):
        if s_i:
            parts.append("\n")
            pos += 1
        sent_offsets = []
        prev: str | None = None
        for tok in sent.tokens:
            surf = _surface(tok, prev)
            if prev is not None and surf not in _NO_SPACE_BEFORE and prev not in _NO_SPACE_AFTER \
                    and not (surf == "’" and tok == "'"):
                parts.append(" ")
                pos += 1
            sent_offsets.append((pos, pos + len(surf)))
            parts.append(surf)
            pos += len(surf)
            prev = surf
        offsets.append(sent_offsets)
    return "".join(parts), offsets


def group_bio(sentences: Iterable[BioSentence]) -> list[BioArticle]:
    by_id: dict[str, list[BioSentence]] = {}
    for s in sentences:
        by_id.setdefault(s.id, []).append(s)
    out = []
    for aid, sents in by_id.items():
        text, offsets = detokenize(sents)
        out.append(BioArticle(aid, text, sents, offsets))
    return out


def bio_spans(labels: list[str]) -> set[tuple[str, int, int]]:
    """(type, start, end) token spans of a BIO sequence; an I- without a B- starts a span."""
    spans = set()
    cur: tuple[str, int] | None = None
    for i, lab in enumerate(labels + ["O"]):
        kind = lab[2:] if lab != "O" else None
        if cur is not None and (lab == "O" or lab.startswith("B-") or kind != cur[0]):
            spans.add((cur[0], cur[1], i))
            cur = None
        if kind is not None and cur is None:
            cur = (kind, i)
    return spans


def _content_range(text: str, q: Quote) -> tuple[int, int]:
    """PolNeAR's content boundaries for a newsgraph quote (see the module docstring)."""
    start, end = q.start, q.end
    if q.direct:
        while end < len(text) and text[end] in ",.?!":
            end += 1
        if end < len(text) and text[end] in "”\"’»":
            end += 1
        if start > 0 and text[start - 1] in "“\"‘«":
            start -= 1
    else:
        before = text[:start].rstrip()
        if before.lower().endswith(" that") or before.lower() == "that":
            start = len(before) - 4
    return start, end


def predicted_labels(article: BioArticle, quotes: list[Quote]) -> list[list[str]]:
    """BIO labels per sentence from predicted quotes: content, then cue and source on top."""
    labels = [["O"] * len(s.tokens) for s in article.sentences]
    ranges: list[tuple[str, int, int]] = []
    for q in quotes:
        ranges.append(("content", *_content_range(article.text, q)))
    for q in quotes:
        if q.cue is not None:
            ranges.append(("cue", q.cue.start, q.cue.end))
        if q.speaker_span is not None:
            ranges.append(("source", q.speaker_span.start, q.speaker_span.end))
    for kind, start, end in ranges:
        for s_i, offs in enumerate(article.offsets):
            inside = [t for t, (a, b) in enumerate(offs) if a >= start and b <= end]
            for k, t in enumerate(inside):
                prev_inside = k > 0 and inside[k - 1] == t - 1
                labels[s_i][t] = ("I-" if prev_inside else "B-") + kind
    return labels


@dataclass
class ExactReport:
    scores: dict[str, PRF] = field(default_factory=lambda: {k: PRF() for k in SPAN_TYPES})
    sentences: int = 0
    articles: int = 0

    def add_sentence(self, gold: list[str], pred: list[str]) -> None:
        g, p = bio_spans(gold), bio_spans(pred)
        for kind in SPAN_TYPES:
            gk = {s for s in g if s[0] == kind}
            pk = {s for s in p if s[0] == kind}
            self.scores[kind].tp += len(gk & pk)
            self.scores[kind].fp += len(pk - gk)
            self.scores[kind].fn += len(gk - pk)
        self.sentences += 1

    def to_json(self) -> dict[str, Any]:
        return {"protocol": "exact (CofeNet BIO, token-level exact match)", "articles": self.articles,
                "sentences": self.sentences, "scores": {k: v.to_json() for k, v in self.scores.items()},
                "published_f1": PUBLISHED}

    def render(self) -> str:
        lines = [f"PolNeAR exact protocol: {self.articles} annotation files, {self.sentences} sentences",
                 f"{'':10}{'P':>7}{'R':>7}{'F1':>7}   rule F1  CofeNet F1"]
        for k in SPAN_TYPES:
            s = self.scores[k]
            lines.append(f"{k:10}{100 * s.precision:7.1f}{100 * s.recall:7.1f}{100 * s.f1:7.1f}"
                         f"   {PUBLISHED['rule baseline'][k]:7.1f}  {PUBLISHED['BERT-CofeNet'][k]:10.1f}")
        return "\n".join(lines)


def score_exact(articles: list[BioArticle], predictions: list[list[Quote]]) -> ExactReport:
    report = ExactReport(articles=len(articles))
    for art, quotes in zip(articles, predictions):
        for sent, pred in zip(art.sentences, predicted_labels(art, quotes)):
            report.add_sentence(sent.labels, pred)
    return report


# ---------------------------------------------------------------- lenient protocol (BRAT)

@dataclass
class GoldAttribution:
    content: list[tuple[int, int]]
    text: str
    source: list[tuple[int, int]]


def _ranges(spec: str) -> list[tuple[int, int]]:
    out = []
    for part in spec.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return out


def read_ann(path: Path, text: str) -> list[GoldAttribution]:
    """One gold item per Content role of every attribution relation."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    relations: list[dict[str, list[str]]] = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 2:
                continue  # the rest of a span text that holds a line break (a train file has one)
            try:
                if parts[0].startswith("T"):
                    kind, spec = parts[1].split(" ", 1)
                    spans[parts[0]] = (kind, _ranges(spec))
                elif parts[0].startswith("E"):
                    roles: dict[str, list[str]] = {}
                    for arg in parts[1].split():
                        role, ref = arg.split(":")
                        roles.setdefault(role.rstrip("0123456789"), []).append(ref)
                    relations.append(roles)
            except (IndexError, ValueError) as exc:
                raise InputError(f"{path}:{n}", f"not a BRAT standoff line: {exc}") from exc
    out = []
    for roles in relations:
        source = [r for ref in roles.get("Source", []) if ref in spans for r in spans[ref][1]]
        for ref in roles.get("Content", []):
            if ref not in spans:
                continue
            rngs = spans[ref][1]
            out.append(GoldAttribution(rngs, " ".join(text[a:b] for a, b in rngs), source))
    return out


@dataclass
class LenientReport:
    content: PRF = field(default_factory=PRF)
    speaker: Ratio = field(default_factory=Ratio)
    direct: PRF = field(default_factory=PRF)
    articles: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"protocol": "lenient (BRAT, half-token overlap, greedy)", "articles": self.articles,
                "content": self.content.to_json(), "speaker": self.speaker.to_json(),
                "direct_quotes_predicted": {"matched": self.direct.tp, "unmatched": self.direct.fp}}

    def render(self) -> str:
        c, s = self.content, self.speaker
        return (f"PolNeAR lenient protocol: {self.articles} articles\n"
                f"content  P {c.precision:.3f}  R {c.recall:.3f}  F1 {c.f1:.3f}  "
                f"(tp {c.tp}, fp {c.fp}, fn {c.fn})\n"
                f"speaker accuracy over matched quotes {s.value:.3f} ({s.hit}/{s.total})")


def _overlaps(a: tuple[int, int], ranges: list[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in ranges)


def score_lenient_article(gold: list[GoldAttribution], quotes: list[Quote], report: LenientReport) -> None:
    g_toks = [tokens(g.text) for g in gold]
    p_toks = [tokens(q.text) for q in quotes]
    pairs = sorted(((m, i, j) for i, pt in enumerate(p_toks) for j, gt in enumerate(g_toks)
                    if (m := quote_match(pt, gt))), key=lambda x: -x[0])
    used_p: set[int] = set()
    used_g: set[int] = set()
    for _, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        q, g = quotes[i], gold[j]
        if g.source:
            span = q.speaker_span
            report.speaker.total += 1
            report.speaker.hit += int(span is not None and _overlaps((span.start, span.end), g.source))
    report.content.tp += len(used_p)
    report.content.fp += len(quotes) - len(used_p)
    report.content.fn += len(gold) - len(used_g)
    report.direct.tp += sum(1 for i in used_p if quotes[i].direct)
    report.direct.fp += sum(1 for i, q in enumerate(quotes) if q.direct and i not in used_p)
    report.articles += 1


def brat_files(folder: Path, split: str) -> list[tuple[Path, Path]]:
    """(text, annotation) pairs of a split, one annotation per article."""
    base = folder / "data" / split
    if not (base / "text").is_dir():
        raise InputError(str(base), "no text/ folder: expected the PolNeAR data layout data/<split>/text")
    out = []
    for txt in sorted((base / "text").glob("*.txt")):
        anns = sorted((base / "attributions").glob(f"{txt.stem}_*.ann"))
        if anns:
            out.append((txt, anns[0]))
    if not out:
        raise InputError(str(base), "no article has an annotation file")
    return out


# ---------------------------------------------------------------- running the pipeline

def outermost(quotes: list[Quote]) -> list[Quote]:
    """PolNeAR annotates only the outermost attribution: a partial quote inside a reported
    clause is part of that clause's content, not an item of its own."""
    return [q for q in quotes if not any(o is not q and o.start <= q.start and q.end <= o.end
                                         and (o.end - o.start) > (q.end - q.start) for o in quotes)]


def relations(quotes: list[Quote]) -> list[Quote]:
    """PolNeAR's unit is an attribution relation: one cue, one or more content spans (a split
    quote "A," she said, "B." is one relation whose content is A and B). Quotes that share a
    cue span are joined into one item, parts in text order, for the lenient protocol (direct
    quotes only: a reported clause and a quote under one verb are separate contents)."""
    groups: dict[tuple[int, int] | int, list[Quote]] = {}
    for n, q in enumerate(sorted(quotes, key=lambda q: q.start)):
        groups.setdefault((q.cue.start, q.cue.end) if q.cue is not None and q.direct else n, []).append(q)
    out = []
    for parts in groups.values():
        if len(parts) == 1:
            out.append(parts[0])
            continue
        first = parts[0]
        out.append(Quote(text=" ".join(p.text for p in parts), start=first.start, end=parts[-1].end,
                         direct=any(p.direct for p in parts), cue=first.cue, speaker=first.speaker,
                         speaker_span=next((p.speaker_span for p in parts if p.speaker_span), None)))
    return out


def _quotes_for(texts: list[tuple[str, str]], extractor) -> list[list[Quote]]:
    articles = [Article(id=aid, text=text, ref=aid) for aid, text in texts]
    return [outermost(ex.quotes) for ex in extractor.extract_many(articles)]


def evaluate(path: Path, extractor, settings=None, split: str = "test", limit: int | None = None):
    """Score ``extractor`` on PolNeAR. ``path``: the ``polnear/`` folder (lenient protocol) or
    the ``polnear-cofenet-bio/`` folder or one of its files (exact protocol)."""
    path = Path(path)
    bio = path if path.is_file() else path / _BIO_SPLITS.get(split, f"{split}.txt")
    if path.is_file() or (bio.is_file() and not (path / "data").is_dir()):
        articles = group_bio(read_bio(bio))[:limit]
        return score_exact(articles, _quotes_for([(a.id, a.text) for a in articles], extractor))
    files = brat_files(path, split)[:limit]
    texts = [(t.stem, t.read_text(encoding="utf-8")) for t, _ in files]
    report = LenientReport()
    for (txt, ann), (_, text), quotes in zip(files, texts, _quotes_for(texts, extractor)):
        score_lenient_article(read_ann(ann, text), relations(quotes), report)
    return report
