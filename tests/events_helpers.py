"""Helpers for the event-stage tests: hand-built parses and actor indexes (no model errors)."""
from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from newsgraph.actors.index import ActorIndex, ActorMention
from newsgraph.records import Actor, Article, Quote, Span


def parse(vocab, spec: str) -> Doc:
    """A Doc from "word/lemma/POS/TAG/dep/head ..." (head = absolute token index)."""
    rows = [tok.split("/") for tok in spec.split()]
    words = [r[0] for r in rows]
    return Doc(vocab, words=words, lemmas=[r[1] for r in rows], pos=[r[2] for r in rows],
               tags=[r[3] for r in rows], deps=[r[4] for r in rows], heads=[int(r[5]) for r in rows])


def index(doc, actors: dict[str, tuple[str, str]], spans: list[tuple[int, int, str]]) -> ActorIndex:
    """actors: id -> (name, code); spans: (start, end, id) token ranges."""
    idx = ActorIndex(actors=[Actor(id=k, name=n, kind="state", code=c) for k, (n, c) in actors.items()])
    for start, end, aid in spans:
        idx.add_mention(ActorMention(start, end, aid))
    return idx


def article(doc) -> Article:
    return Article(id="synthetic", text=doc.text, published=date(2024, 6, 20))


def quote_over(doc, start_tok: int, end_tok: int, speaker: str) -> Quote:
    s, e = doc[start_tok].idx, doc[end_tok - 1].idx + len(doc[end_tok - 1])
    return Quote(text=doc.text[s:e], start=s, end=e, direct=True, speaker=speaker,
                 cue=Span("said", 0, 4))


def triples(events, idx: ActorIndex) -> set[tuple[str, str, str]]:
    code = lambda i: idx.get(i).code  # noqa: E731
    return {(code(s), e.type, code(t)) for e in events for s in e.sources for t in e.targets}


def index_names(doc, names: dict[str, tuple[str | None, str]]) -> tuple[ActorIndex, dict[str, str]]:
    """An ActorIndex with one actor per name (code, kind), mentioned wherever the name occurs."""
    idx = ActorIndex()
    ids: dict[str, str] = {}
    for name, (code, kind) in names.items():
        ids[name] = f"a{len(ids) + 1}"
        idx.actors.append(Actor(id=ids[name], name=name, kind=kind, code=code))
        start = 0
        while (pos := doc.text.find(name, start)) >= 0:
            span = doc.char_span(pos, pos + len(name))
            if span is not None:
                idx.add_mention(ActorMention(span.start, span.end, ids[name]))
            start = pos + 1
    return idx, ids


def place_code(actor) -> str | None:
    """An actor's code, a place standing for its state."""
    return actor.code or actor.country


def event_codes(actor_of, events) -> set[tuple]:
    """(type, factuality, source codes, target codes) of each event, codes sorted; ``actor_of``
    maps an actor id to its actor (``ActorIndex.get``, ``Extraction.actor``)."""
    def codes(ids):
        return tuple(sorted(place_code(actor_of(i)) for i in ids))
    return {(e.type, e.factuality, codes(e.sources), codes(e.targets)) for e in events}


def coded(extractor, text: str) -> dict[tuple, str]:
    """(source codes, type, target codes) -> factuality of every event of a synthetic sentence,
    extracted end to end; a place stands for its state."""
    ex = extractor.extract(Article(id="synthetic", text=text))
    return {(s, t, g): f for t, f, s, g in event_codes(ex.actor, ex.events)}
