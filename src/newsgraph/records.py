"""The vocabulary every stage speaks: Article, Actor, Quote, Event, Extraction.

Records are plain dataclasses. Each stage takes and returns them; nothing here touches
spaCy, the store or the network. ``Extraction.to_json()`` produces exactly the
``newsgraph extract --json`` contract (see docs/extract-format.md): fields may be added,
none renamed or removed without bumping ``EXTRACT_VERSION``.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal

EXTRACT_VERSION = 1
# The role of a person the article does not name ("an Israeli source"): two such persons in two
# articles are not known to be one, so the store keeps them apart.
ANONYMOUS_ROLE = "anonymous source"

ActorKind = Literal["person", "state", "organisation", "group", "location"]
Factuality = Literal["asserted", "negated", "hypothetical", "future", "demanded", "alleged"]
DateResolution = Literal["exact", "relative", "publication", "unknown"]

FACTUALITIES: tuple[str, ...] = ("asserted", "negated", "hypothetical", "future", "demanded", "alleged")
ACTOR_KINDS: tuple[str, ...] = ("person", "state", "organisation", "group", "location")


@dataclass
class Article:
    """One news article as read from a source, before any NLP.

    ``id`` is a stable hash of the normalised text (see ``ingest.ids``), so the same story
    re-ingested is the same article. ``ref`` says where it came from (a path, ``path:line``
    for JSON Lines, a URL for WARC records, or the input's own ``ref`` field).
    """

    id: str
    text: str
    ref: str | None = None
    title: str | None = None
    url: str | None = None
    published: date | None = None
    source: str | None = None
    language: str = "en"
    duplicate_of: str | None = None

    def meta_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "ref": self.ref,
            "title": self.title,
            "url": self.url,
            "published": self.published.isoformat() if self.published else None,
            "source": self.source,
            "language": self.language,
            "duplicate_of": self.duplicate_of,
        }


@dataclass
class Span:
    """A stretch of the article text: character offsets into ``Article.text``."""

    text: str
    start: int
    end: int


@dataclass
class Actor:
    """A resolved actor within one article.

    ``id`` is local to the article (``a1``, ``a2``, ...). ``code`` is ISO 3166-1 alpha-3 for
    a state, the acronym for an IGO, the code of the state/organisation a person or body acts
    for, or None (the name stands).
    """

    id: str
    name: str
    kind: str
    code: str | None = None
    sector: str | None = None
    role: str | None = None
    country: str | None = None
    mentions: list[Span] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["mentions"] = [asdict(m) for m in self.mentions]
        return d


@dataclass
class Quote:
    """Direct or reported speech with its cue and speaker (an actor id or None)."""

    text: str
    start: int
    end: int
    direct: bool
    cue: Span | None = None
    speaker: str | None = None
    speaker_span: Span | None = None
    # every actor of a joint speaker ("Scholz and Rutte said"), ``speaker`` first
    speakers: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "direct": self.direct,
            "cue": asdict(self.cue) if self.cue else None,
            "speaker": self.speaker,
            "speaker_span": asdict(self.speaker_span) if self.speaker_span else None,
            "speakers": list(self.speakers),
        }


@dataclass
class Event:
    """One PLOVER event: who did what to whom, how sure the text is, and on what evidence."""

    type: str
    sources: list[str]
    targets: list[str]
    evidence: Span
    mode: str | None = None
    cameo: str | None = None
    factuality: str = "asserted"
    claimed_by: str | None = None
    date: date | None = None
    date_resolution: str = "unknown"
    location: str | None = None
    trigger: Span | None = None
    confidence: float = 0.5

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "mode": self.mode,
            "cameo": self.cameo,
            "sources": list(self.sources),
            "targets": list(self.targets),
            "factuality": self.factuality,
            "claimed_by": self.claimed_by,
            "date": self.date.isoformat() if self.date else None,
            "date_resolution": self.date_resolution,
            "location": self.location,
            "evidence": asdict(self.evidence),
            "trigger": asdict(self.trigger) if self.trigger else None,
            "confidence": round(float(self.confidence), 3),
        }


@dataclass
class Extraction:
    """Everything extracted from one article: the unit the store writes atomically."""

    article: Article
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def actor(self, actor_id: str | None) -> Actor | None:
        if actor_id is None:
            return None
        for a in self.actors:
            if a.id == actor_id:
                return a
        return None

    def to_json(self) -> dict[str, Any]:
        return {
            "version": EXTRACT_VERSION,
            "article": self.article.meta_json(),
            "actors": [a.to_json() for a in self.actors],
            "quotes": [q.to_json() for q in self.quotes],
            "events": [e.to_json() for e in self.events],
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> "Extraction":
        """Inverse of ``to_json`` (used by the distributed driver and by tests)."""
        a = d["article"]
        article = Article(
            id=a["id"], text=d.get("text", a.get("text", "")), ref=a.get("ref"), title=a.get("title"),
            url=a.get("url"), published=date.fromisoformat(a["published"]) if a.get("published") else None,
            source=a.get("source"), language=a.get("language") or "en", duplicate_of=a.get("duplicate_of"),
        )
        actors = [Actor(**{**x, "mentions": [Span(**m) for m in x.get("mentions", [])]}) for x in d.get("actors", [])]
        quotes = [
            Quote(text=q["text"], start=q["start"], end=q["end"], direct=q["direct"],
                  cue=Span(**q["cue"]) if q.get("cue") else None, speaker=q.get("speaker"),
                  speaker_span=Span(**q["speaker_span"]) if q.get("speaker_span") else None,
                  speakers=list(q.get("speakers", [])))
            for q in d.get("quotes", [])
        ]
        events = [
            Event(type=e["type"], sources=e["sources"], targets=e["targets"], evidence=Span(**e["evidence"]),
                  mode=e.get("mode"), cameo=e.get("cameo"), factuality=e.get("factuality", "asserted"),
                  claimed_by=e.get("claimed_by"),
                  date=date.fromisoformat(e["date"]) if e.get("date") else None,
                  date_resolution=e.get("date_resolution", "unknown"), location=e.get("location"),
                  trigger=Span(**e["trigger"]) if e.get("trigger") else None,
                  confidence=e.get("confidence", 0.5))
            for e in d.get("events", [])
        ]
        return cls(article=article, actors=actors, quotes=quotes, events=events)
