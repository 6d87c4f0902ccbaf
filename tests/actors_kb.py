"""A small knowledge base and a runner shared by the actor-resolution tests.

Written for the tests: fictional people with real roles, states and organisations.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from newsgraph.actors import KnowledgeBase, PersonMemory, resolve_actors
from newsgraph.records import Article

COUNTRIES = """\
RUS: {name: Russia, demonyms: [Russian, Russians], capitals: [Moscow]}
USA: {name: United States, aliases: [U.S., US, America], demonyms: [American, Americans], capitals: [Washington]}
CHN: {name: China, demonyms: [Chinese], capitals: [Beijing]}
IRN: {name: Iran, demonyms: [Iranian, Iranians], capitals: [Tehran]}
CHL: {name: Chile, demonyms: [Chilean, Chileans], capitals: [Santiago]}
PRK: {name: North Korea, aliases: [DPRK], demonyms: [North Korean], capitals: [Pyongyang]}
"""
ORGS = """\
- {code: NATO, name: North Atlantic Treaty Organization, aliases: [NATO], kind: organisation, sector: IGO}
- {code: UN, name: United Nations, aliases: [UN, U.N.], kind: organisation, sector: IGO}
- {code: Reuters, name: Reuters, kind: organisation, sector: JRN}
"""
INSTITUTIONS = """\
- {name: Kremlin, aliases: [the Kremlin], code: RUS, sector: GOV, kind: organisation}
- {name: State Department, aliases: [the State Department], code: USA, sector: GOV, kind: organisation}
"""
HOLDERS = """\
name,aliases,role,code,country,sector,start,end
Halvard Lindqvist,,Secretary General,NATO,NOR,IGO,2014-10-01,2024-09-30
Pieter van Aalst,,Secretary General,NATO,NLD,IGO,2024-10-01,
"""
TITLES = """\
- {title: President, sector: GOV, aliases: [president]}
- {title: Secretary General, sector: IGO, aliases: [secretary general, Secretary-General]}
- {title: Secretary of State, sector: GOV, aliases: []}
- {title: Foreign Minister, sector: GOV, aliases: [foreign minister, Minister of Foreign Affairs]}
- {title: Defence Minister, sector: MIL, aliases: [Defense Minister, defence minister]}
- {title: Minister, sector: GOV, aliases: [minister]}
- {title: spokesperson, sector: GOV, aliases: [spokesman, spokeswoman]}
- {title: Ambassador, sector: GOV, aliases: [ambassador, envoy]}
"""
USER_FILE = """\
- {name: Red Dune Brigade, aliases: [Red Dune], kind: group, sector: REB}
"""

PUBLISHED = date(2024, 6, 20)


def write_kb(folder: Path) -> list[Path]:
    out = []
    for name, text in [("countries.yaml", COUNTRIES), ("organisations.yaml", ORGS),
                       ("institutions.yaml", INSTITUTIONS), ("office_holders.csv", HOLDERS),
                       ("titles.yaml", TITLES)]:
        (folder / name).write_text(text, encoding="utf-8")
        out.append(folder / name)
    return out


def run(nlp, kb, text, when=PUBLISHED, memory=None):
    """Parse ``text`` with the real model and resolve its actors."""
    memory = memory if memory is not None else PersonMemory()
    doc = nlp(text)
    return doc, resolve_actors(doc, Article(id="t", text=text, published=when), kb, memory)


def resolve_doc(doc, kb, when=PUBLISHED):
    """Resolve the actors of an already built (e.g. hand-built) Doc."""
    return resolve_actors(doc, Article(id="t", text=doc.text, published=when), kb, PersonMemory())


def load_small_kb(files: list[Path]) -> KnowledgeBase:
    return KnowledgeBase.load(files, package_data=False)


def actors_by_name(extractor, text: str, fields=("kind", "code", "country")) -> dict[str, tuple]:
    """name -> the chosen fields of every actor of a synthetic text, extracted end to end."""
    ex = extractor.extract(Article(id="synthetic", text=text))
    return {a.name: tuple(getattr(a, f) for f in fields) for a in ex.actors}


def doc_from_rows(nlp, rows):
    """A hand-built parse from (word, pos, dep, head, ent IOB) rows, so a rule is pinned on the
    parse it is written for, not on what the model makes of the sentence."""
    from spacy.tokens import Doc

    words, pos, deps, heads, ents = zip(*rows)
    return Doc(nlp.vocab, words=list(words), pos=list(pos), deps=list(deps), heads=list(heads), ents=list(ents))


def kinds_and_codes(idx) -> set[tuple]:
    return {(a.kind, a.code) for a in idx.actors}
