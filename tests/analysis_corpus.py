"""A synthetic corpus whose dyads, signs, blocs and timelines are known by construction.

Written for newsgraph's analysis, export and API tests. Every article is synthetic and every
speaker a fictional person; states and organisations are real. Extractions are built by hand
as the pipeline's records (offsets computed from the text) and written with ``Store.write``,
so the analysis reads exactly what an ingest would have stored.

Two camps: RUS, PRK, IRN, CHN cooperate among themselves; USA, NATO, JPN, KOR, AUS (and UKR,
which the US aids) among themselves; the camps only quarrel. June 2024 is the main window,
May 2024 its baseline.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from newsgraph.records import Actor, Article, Event, Extraction, Quote, Span

# name -> (kind, code, sector, role)
ACTORS = {
    "Russia": ("state", "RUS", None, None),
    "North Korea": ("state", "PRK", None, None),
    "Iran": ("state", "IRN", None, None),
    "China": ("state", "CHN", None, None),
    "the United States": ("state", "USA", None, None),
    "Japan": ("state", "JPN", None, None),
    "South Korea": ("state", "KOR", None, None),
    "Australia": ("state", "AUS", None, None),
    "Ukraine": ("state", "UKR", None, None),
    "NATO": ("organisation", "NATO", "IGO", None),
    "Mara Ellison": ("person", "NATO", "IGO", "spokesperson"),
    "Tomas Reyes": ("person", "USA", "GOV", "Deputy Secretary of State"),
}


@dataclass
class E:
    """One event sentence: ``text`` holds the source and target names verbatim."""

    text: str
    source: str
    type: str
    target: str
    day: date
    mode: str | None = None
    factuality: str = "asserted"
    speaker: str | None = None  # a quote: the sentence is spoken by this person


D = date
ARTICLES: list[tuple[str, date, str, list[E]]] = [
    (
        "syn-01",
        D(2024, 6, 10),
        "Synthetic Wire",
        [
            E(
                "North Korea shipped artillery shells to Russia.",
                "North Korea",
                "AID",
                "Russia",
                D(2024, 6, 10),
                "military",
            ),
            E("Iran delivered drones to Russia.", "Iran", "AID", "Russia", D(2024, 6, 10), "military"),
            E("China praised Russia.", "China", "SUPPORT", "Russia", D(2024, 6, 10)),
        ],
    ),
    (
        "syn-02",
        D(2024, 6, 10),
        "Synthetic Daily",
        [
            # the same shipment as syn-01 reported again: one event, two mentions
            E(
                "Officials confirmed that North Korea sent shells to Russia.",
                "North Korea",
                "AID",
                "Russia",
                D(2024, 6, 10),
                "military",
            ),
            E(
                "Russia agreed to work with North Korea on defence.",
                "Russia",
                "COOPERATE",
                "North Korea",
                D(2024, 6, 10),
            ),
        ],
    ),
    (
        "syn-03",
        D(2024, 6, 12),
        "Synthetic Wire",
        [
            E("China held talks with Iran.", "China", "CONSULT", "Iran", D(2024, 6, 12)),
            E("Russia praised Iran.", "Russia", "SUPPORT", "Iran", D(2024, 6, 12)),
            E("North Korea visited China.", "North Korea", "CONSULT", "China", D(2024, 6, 12)),
        ],
    ),
    (
        "syn-04",
        D(2024, 6, 18),
        "Synthetic Daily",
        [
            E("the United States met NATO.", "the United States", "CONSULT", "NATO", D(2024, 6, 18)),
            E("NATO praised the United States.", "NATO", "SUPPORT", "the United States", D(2024, 6, 18)),
            E(
                "the United States signed an accord with Japan.",
                "the United States",
                "AGREE",
                "Japan",
                D(2024, 6, 18),
            ),
            E(
                "Japan worked with South Korea on defence.",
                "Japan",
                "COOPERATE",
                "South Korea",
                D(2024, 6, 18),
            ),
            E(
                "the United States sent aid to South Korea.",
                "the United States",
                "AID",
                "South Korea",
                D(2024, 6, 18),
            ),
            E(
                "Australia met the United States.",
                "Australia",
                "CONSULT",
                "the United States",
                D(2024, 6, 18),
            ),
            E("Australia worked with Japan.", "Australia", "COOPERATE", "Japan", D(2024, 6, 18)),
        ],
    ),
    (
        "syn-05",
        D(2024, 6, 20),
        "Synthetic Wire",
        [
            E(
                "the United States sanctioned Russia.",
                "the United States",
                "SANCTION",
                "Russia",
                D(2024, 6, 20),
            ),
            E("NATO accused Russia.", "NATO", "ACCUSE", "Russia", D(2024, 6, 20)),
            E(
                "the United States threatened North Korea.",
                "the United States",
                "THREATEN",
                "North Korea",
                D(2024, 6, 20),
            ),
            E("Japan accused China.", "Japan", "ACCUSE", "China", D(2024, 6, 20)),
            E("Russia attacked Ukraine.", "Russia", "ASSAULT", "Ukraine", D(2024, 6, 20)),
            E(
                "the United States sent aid to Ukraine.",
                "the United States",
                "AID",
                "Ukraine",
                D(2024, 6, 20),
            ),
            E("Australia accused Iran.", "Australia", "ACCUSE", "Iran", D(2024, 6, 20)),
        ],
    ),
    (
        "syn-06",
        D(2024, 6, 21),
        "Synthetic Daily",
        [
            E(
                "Russia is receiving missiles from Iran.",
                "Iran",
                "AID",
                "Russia",
                D(2024, 6, 21),
                "military",
                factuality="alleged",
                speaker="Mara Ellison",
            ),
            E(
                "the United States will sanction Russia again.",
                "the United States",
                "SANCTION",
                "Russia",
                D(2024, 6, 21),
                factuality="future",
                speaker="Tomas Reyes",
            ),
            E(
                "China may supply weapons to Russia.",
                "China",
                "AID",
                "Russia",
                D(2024, 6, 21),
                "military",
                factuality="hypothetical",
            ),
        ],
    ),
    (
        "syn-07",
        D(2024, 5, 15),
        "Synthetic Wire",
        [
            E("the United States met NATO.", "the United States", "CONSULT", "NATO", D(2024, 5, 15)),
            E("NATO accused Russia.", "NATO", "ACCUSE", "Russia", D(2024, 5, 15)),
        ],
    ),
    (
        "syn-08",
        D(2024, 6, 25),
        "Synthetic Daily",
        [
            E(
                "NATO hosted the United States.",
                "the United States",
                "CONSULT",
                "NATO",
                D(2024, 6, 25),
                "visit",
            ),
        ],
    ),
]

JUNE = ("2024-06-01", "2024-06-30")
MAY = ("2024-05-01", "2024-05-31")
CAMP_EAST = {"RUS", "PRK", "IRN", "CHN"}
CAMP_WEST = {"USA", "NATO", "JPN", "KOR", "AUS", "UKR"}


def _span(text: str, part: str, after: int = 0) -> Span:
    start = text.index(part, after)
    return Span(part, start, start + len(part))


def extraction(article_id: str, published: date, outlet: str, items: list[E]) -> Extraction:
    text = "Synthetic article written for newsgraph tests."
    placed: list[tuple[E, Span, Quote | None]] = []
    quotes: list[Quote] = []
    for item in items:
        if item.speaker:
            text += " " + f'{item.speaker} said: "'
            start = len(text)
            text += item.text
            q = Quote(
                item.text,
                start,
                start + len(item.text),
                True,
                cue=_span(text, "said", start - 12),
                speaker=None,
                speaker_span=Span(item.speaker, start - len(item.speaker) - 8, start - 8),
            )
            text += '"'
            quotes.append(q)
            placed.append((item, Span(item.text, start, start + len(item.text)), q))
        else:
            text += " " + item.text[0].upper() + item.text[1:]
            start = len(text) - len(item.text)
            placed.append((item, Span(text[start:], start, len(text)), None))
    names = sorted({n for it, _, _ in placed for n in (it.source, it.target, it.speaker) if n})
    actors: list[Actor] = []
    ids: dict[str, str] = {}
    for i, name in enumerate(names, start=1):
        kind, code, sector, role = ACTORS[name]
        mentions, pos = [], 0
        lowered = text.lower()
        while (k := lowered.find(name.lower(), pos)) >= 0:
            mentions.append(Span(text[k : k + len(name)], k, k + len(name)))
            pos = k + len(name)
        ids[name] = f"a{i}"
        actors.append(
            Actor(
                f"a{i}",
                name.removeprefix("the "),
                kind,
                code=code,
                sector=sector,
                role=role,
                mentions=mentions,
            )
        )
    for q in quotes:
        speaker = next(it.speaker for it, _, qq in placed if qq is q)
        q.speaker = ids[speaker]
    events = [
        Event(
            it.type,
            [ids[it.source]],
            [ids[it.target]],
            evidence=ev,
            mode=it.mode,
            factuality=it.factuality,
            claimed_by=ids[it.speaker] if it.speaker else None,
            date=it.day,
            date_resolution="exact",
            confidence=0.9,
        )
        for it, ev, _ in placed
    ]
    art = Article(
        id=article_id,
        text=text,
        ref=f"{article_id}.txt",
        title=f"Synthetic story {article_id}",
        url=f"https://example.org/{article_id}",
        published=published,
        source=outlet,
    )
    return Extraction(article=art, actors=actors, quotes=quotes, events=events)


def build(path: Path) -> Path:
    """Write the corpus into a new store at ``path``; returns ``path``."""
    from newsgraph.store import Store

    with Store.open(path) as store:
        store.write([extraction(*a) for a in ARTICLES])
    return path


def code(name: str) -> str:
    return ACTORS[name][1]


def distinct_events(
    factualities=("asserted",), start: str | None = None, end: str | None = None
) -> list[tuple]:
    """The corpus's distinct events as (source code, target code, type, mode, day, factuality), computed
    from the definitions above (not from the store): the expectation the store's answers are held to."""
    seen = {}
    for _, _, _, items in ARTICLES:
        for it in items:
            if factualities is not None and it.factuality not in factualities:
                continue
            if (start and it.day.isoformat() < start) or (end and it.day.isoformat() > end):
                continue
            key = (code(it.source), code(it.target), it.type, it.factuality, it.day)
            seen.setdefault(key, (code(it.source), code(it.target), it.type, it.mode, it.day, it.factuality))
    return list(seen.values())


def reports(source: str, target: str, type_: str, day: date) -> int:
    """How many articles report the event (source, target, type, day)."""
    return sum(
        1
        for _, _, _, items in ARTICLES
        for it in items
        if (code(it.source), code(it.target), it.type, it.day) == (source, target, type_, day)
    )
