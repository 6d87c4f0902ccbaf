"""Hand-built extractions for store, query and CLI tests (synthetic articles, fictional speakers).

Built as the pipeline's records, with offsets computed from the text, so the store sees exactly
what an extraction would hand it.
"""
from __future__ import annotations

from datetime import date

from newsgraph.records import Actor, Article, Event, Extraction, Quote, Span

TEXT_A = (
    "Synthetic article written for newsgraph tests. "
    "Foreign Minister Mara Velkova of Ukraine said: \"North Korea is shipping artillery shells to Russia.\" "
    "NATO accused Pyongyang of fuelling the war. "
    "The Lantern Brigade threatened to attack a depot. "
    "Russia may sanction Ukraine, officials said."
)
# A near-duplicate of TEXT_A: the same wire story with one more sentence.
TEXT_B = TEXT_A + " This copy of the story was updated later."
TEXT_C = (
    "Synthetic article written for newsgraph tests. "
    "Defence Minister Ivo Brand of Germany met his French counterpart in Paris. "
    "\"We will deliver more air defence to Ukraine,\" Brand said."
)


def span(text: str, part: str, after: int = 0) -> Span:
    start = text.index(part, after)
    return Span(part, start, start + len(part))


def _mentions(text: str, *parts: str) -> list[Span]:
    return [span(text, p) for p in parts if p in text]


def extraction_a(article_id: str = "art-a", text: str = TEXT_A, published: date | None = date(2024, 3, 5),
                 duplicate_of: str | None = None) -> Extraction:
    art = Article(id=article_id, text=text, ref=f"{article_id}.txt", title="Shells for Russia",
                  published=published, source="Synthetic Wire", duplicate_of=duplicate_of)
    actors = [
        Actor("a1", "Mara Velkova", "person", code="UKR", sector="GOV", role="Foreign Minister", country="UKR",
              mentions=_mentions(text, "Mara Velkova")),
        Actor("a2", "Russia", "state", code="RUS", mentions=_mentions(text, "Russia")),
        Actor("a3", "North Korea", "state", code="PRK", mentions=_mentions(text, "North Korea", "Pyongyang")),
        Actor("a4", "NATO", "organisation", code="NATO", sector="IGO", mentions=_mentions(text, "NATO")),
        Actor("a5", "Lantern Brigade", "group", mentions=_mentions(text, "Lantern Brigade")),
        Actor("a6", "Ukraine", "state", code="UKR", mentions=[]),
    ]
    q_text = "North Korea is shipping artillery shells to Russia."
    quote = Quote(text=q_text, start=text.index(q_text), end=text.index(q_text) + len(q_text), direct=True,
                  cue=span(text, "said"), speaker="a1", speaker_span=span(text, "Mara Velkova"))
    events = [
        Event("AID", ["a3"], ["a2"], evidence=span(text, q_text), mode="military", cameo="0712",
              claimed_by="a1", date=date(2024, 3, 4), date_resolution="relative",
              trigger=span(text, "shipping"), confidence=0.8),
        Event("ACCUSE", ["a4"], ["a3"], evidence=span(text, "NATO accused Pyongyang of fuelling the war."),
              cameo="112", date=None, date_resolution="unknown", trigger=span(text, "accused"), confidence=0.7),
        Event("THREATEN", ["a5"], [], evidence=span(text, "The Lantern Brigade threatened to attack a depot."),
              factuality="future", date=published, date_resolution="publication", confidence=0.6),
        Event("SANCTION", ["a2"], ["a6"], evidence=span(text, "Russia may sanction Ukraine, officials said."),
              factuality="hypothetical", date=published, date_resolution="publication", confidence=0.5),
    ]
    return Extraction(article=art, actors=actors, quotes=[quote], events=events)


def extraction_c(article_id: str = "art-c", published: date | None = date(2024, 4, 2)) -> Extraction:
    text = TEXT_C
    art = Article(id=article_id, text=text, ref=f"{article_id}.txt", title="Air defence",
                  published=published, source="Synthetic Daily")
    actors = [
        Actor("a1", "Ivo Brand", "person", code="DEU", sector="GOV", role="Defence Minister", country="DEU",
              mentions=_mentions(text, "Ivo Brand") + [span(text, "Brand said")]),
        Actor("a2", "France", "state", code="FRA", mentions=_mentions(text, "French", "Paris")),
        Actor("a3", "Ukraine", "state", code="UKR", mentions=_mentions(text, "Ukraine")),
        Actor("a4", "Germany", "state", code="DEU", mentions=_mentions(text, "Germany")),
    ]
    q_text = "We will deliver more air defence to Ukraine,"
    quote = Quote(text=q_text, start=text.index(q_text), end=text.index(q_text) + len(q_text), direct=True,
                  cue=span(text, "said"), speaker="a1", speaker_span=Span("Brand", text.rindex("Brand"),
                                                                         text.rindex("Brand") + 5))
    events = [
        Event("CONSULT", ["a1"], ["a2"], evidence=span(text, "Defence Minister Ivo Brand of Germany met his "
                                                              "French counterpart in Paris."),
              mode="visit", date=published, date_resolution="publication", location="Paris", confidence=0.9),
        Event("AID", ["a4"], ["a3"], evidence=span(text, q_text), mode="military", factuality="future",
              claimed_by="a1", date=published, date_resolution="publication", trigger=span(text, "deliver")),
    ]
    return Extraction(article=art, actors=actors, quotes=[quote], events=events)


# ----------------------------------------------------------------------------- a small corpus
# Synthetic articles for ingest tests (through the real pipeline). Every speaker is fictional;
# each article differs in every sentence so that none is a near-duplicate of another.
_PEOPLE = [("Foreign Minister", "Mara Velkova", "Ukraine"), ("Defence Minister", "Ivo Brand", "Germany"),
           ("Prime Minister", "Tomas Ferro", "Italy"), ("President", "Aleksa Noor", "Estonia"),
           ("Foreign Minister", "Lina Castel", "Spain"), ("Defence Minister", "Oren Pike", "Canada"),
           ("Prime Minister", "Sanna Reed", "Finland"), ("President", "Dario Lume", "Portugal"),
           ("Foreign Minister", "Hana Jiro", "Japan"), ("Defence Minister", "Karl Moen", "Norway"),
           ("Prime Minister", "Ada Quist", "Sweden"), ("President", "Milo Varga", "Hungary")]
_PAIRS = [("North Korea", "Russia"), ("Iran", "Russia"), ("China", "Pakistan"), ("Russia", "Syria"),
          ("Belarus", "Russia"), ("Turkey", "Azerbaijan"), ("India", "Armenia"), ("Israel", "Greece"),
          ("Egypt", "Sudan"), ("Brazil", "Bolivia"), ("Kenya", "Somalia"), ("Vietnam", "Laos")]
_CITIES = ["Vienna", "Geneva", "Oslo", "Doha", "Nairobi", "Lisbon", "Warsaw", "Prague", "Dublin",
           "Athens", "Riga", "Vilnius"]


def corpus_text(i: int) -> str:
    role, name, country = _PEOPLE[i % len(_PEOPLE)]
    src, tgt = _PAIRS[i % len(_PAIRS)]
    city = _CITIES[i % len(_CITIES)]
    other_src, other_tgt = _PAIRS[(i + 5) % len(_PAIRS)]
    surname = name.split()[-1]
    return (
        f"Synthetic article number {i} about {src} and {tgt}, written for newsgraph tests.\n\n"
        f"{role} {name} of {country} said on Tuesday that {src} is supplying weapons to {tgt}. "
        f"\"We condemn the transfer of weapons from {src},\" {surname} told reporters in {city}. "
        f"{other_src} and {other_tgt} signed a trade agreement in {city} on Monday. "
        f"The United Nations called on {src} to stop the deliveries to {tgt}."
    )


def corpus_jsonl(n: int, first_date: str = "2024-05-01") -> str:
    """``n`` synthetic articles as JSON Lines, one publication date per two articles."""
    import json
    from datetime import timedelta

    start = date.fromisoformat(first_date)
    lines = []
    for i in range(n):
        lines.append(json.dumps({"text": corpus_text(i), "title": f"Synthetic story {i}",
                                 "published": (start + timedelta(days=i // 2)).isoformat(),
                                 "source": "Synthetic Wire", "ref": f"story-{i}"}))
    return "\n".join(lines) + "\n"
