"""Reads PETRARCH/TABARI actor and agent dictionaries into knowledge-base records.

The community's open CAMEO dictionaries (the Phoenix ``*.actors.txt`` and ``*.agents.txt``
files, the PETRARCH validation dictionaries) are plain text, one phrase per line::

    AFGHANISTAN_  [AFG]            primary phrase with its default code
    +AFGHAN_                       synonym of the phrase above
    HAMID_KARZAI_                  a person whose code depends on the date:
        [AFGGOV 011222-141029]     code between two dates (YYYYMMDD or YYMMDD)
        [AFGELI >141029]           after / ``<`` before a date; a bare [CODE] is the default
    POLICE {} [~COP]               agent: sector code, ``{plural}`` (``{}`` = none)

This module turns them into the records every knowledge-base file loads into: one
``KBEntry`` per (phrase group, code, period) for actors, one ``AgentEntry`` per agent. CAMEO
codes are split into newsgraph's fields: ``USAGOV`` → code USA, sector GOV;
``IGOWSTNAT`` → code NATO (through ``data/cameo_codes.yaml``), sector IGO; ``PSEREBHMS``
→ a group named by its phrase, country PSE, sector REB. See docs/knowledge-base.md.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from ..errors import KnowledgeBaseError
from .kb_records import AgentEntry, KBEntry
from .lexicon import lexicon

log = logging.getLogger(__name__)

# CAMEO writes "no code" as a run of punctuation: --- null actor, ### discard, +++ isolate.
_NULL_CODE = re.compile(r"^[-#+*]+$")
_CODE = re.compile(r"^[A-Za-z0-9~!/.\-]+$")
_DATE = re.compile(r"^\d{6,}$")
_BRACKET = re.compile(r"\[([^\[\]]*)\]")
_AGENT_CLOSE = re.compile(r"[\]}]")
_LOWER_WORDS = frozenset(
    "of the and for in on at to by with de del della la le les du des da di do dos das al el "
    "bin ibn van von der den y e".split()
)
_GROUP_WORDS = frozenset({"army", "armies", "forces", "faction", "organization", "organisation"})
_FAR_PAST = date.min
_FAR_FUTURE = date.max


# --------------------------------------------------------------------------- code tables

@dataclass(frozen=True)
class CameoCodes:
    """How CAMEO's 3-letter code elements map to newsgraph codes (``data/cameo_codes.yaml``)."""

    legacy_countries: dict[str, str]
    igo: dict[str, str]
    sectors: frozenset[str]
    rebel_sectors: frozenset[str]
    nonstate: frozenset[str]
    acronyms: frozenset[str]

    def country(self, code: str) -> str:
        """ISO 3166-1 alpha-3 for a CAMEO country code (``JAP`` → JPN); others unchanged."""
        return self.legacy_countries.get(code.upper(), code.upper())


@lru_cache(maxsize=1)
def cameo_codes() -> CameoCodes:
    path = resources.files("newsgraph.actors") / "data" / "cameo_codes.yaml"
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:  # pragma: no cover - packaging error
        raise KnowledgeBaseError(f"{path}: cannot read the CAMEO code table: {exc}") from exc
    return CameoCodes(
        legacy_countries={k.upper(): v for k, v in raw["legacy_countries"].items()},
        igo={k.upper(): v for k, v in raw["igo"].items()},
        sectors=frozenset(raw["sectors"]),
        rebel_sectors=frozenset(raw["rebel_sectors"]),
        nonstate=frozenset(raw["nonstate"]),
        acronyms=frozenset(raw["acronyms"]),
    )


# --------------------------------------------------------------------------- reading

def read_dictionary(path: str | Path, kind: str | None = None) -> list[KBEntry | AgentEntry]:
    """Read one PETRARCH/TABARI dictionary.

    ``kind`` is ``"actors"`` or ``"agents"``; by default it comes from the file name
    (``*.agents.txt`` → agents, anything else → actors). Raises ``KnowledgeBaseError`` naming
    the file and line for input that cannot be read (an unclosed bracket, an invalid date, a
    synonym before any entry, an unknown substitution marker, an unterminated comment).
    """
    path = Path(path)
    if kind is None:
        kind = "agents" if ".agents" in path.name.lower() else "actors"
    if kind not in ("actors", "agents"):
        raise KnowledgeBaseError(f"{path}: unknown dictionary kind {kind!r} (expected actors or agents)")
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise KnowledgeBaseError(f"{path}: cannot read dictionary: {exc.strerror or exc}") from exc
    lines = content_lines(text, str(path))
    source = f"petrarch:{path.name}"
    if kind == "agents":
        return list(_read_agents(lines, str(path), source))
    return list(_read_actors(lines, str(path), source))


def content_lines(text: str, ref: str, error=None) -> list[tuple[int, str]]:
    """(line number, content) with comments removed and blank lines dropped.

    Comments are ``#`` to the end of a line and ``<!-- ... -->`` (possibly over several
    lines); a line starting ``<!`` is a comment whatever follows, as in PETRARCH. ``error(where,
    problem)`` builds the exception for an unterminated comment (the verb reader raises its own).
    """
    out: list[tuple[int, str]] = []
    open_comment_at = 0
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw
        if open_comment_at:
            end = line.find("-->")
            if end < 0:
                continue
            line = line[end + 3:]
            open_comment_at = 0
        while "<!--" in line:
            pre, _, rest = line.partition("<!--")
            end = rest.find("-->")
            if end < 0:
                open_comment_at = n
                line = pre
                break
            line = pre + rest[end + 3:]
        if line.lstrip().startswith("<!"):
            if "-->" not in line and "<!--" in raw:
                open_comment_at = n
            continue
        hash_at = line.find("#")
        if hash_at >= 0:
            line = line[:hash_at]
        if line.strip():
            out.append((n, line.rstrip()))
    if open_comment_at:
        where, problem = f"{ref}:{open_comment_at}", "comment '<!--' is never closed with '-->'"
        raise error(where, problem) if error else KnowledgeBaseError(f"{where}: {problem}")
    return out


# --------------------------------------------------------------------------- actors

@dataclass
class _Restriction:
    code: str | None  # None = null code
    start: date | None
    end: date | None


@dataclass
class _Record:
    line: int
    phrases: list[str]
    default: list[str | None]  # codes from a bare [CODE]; [None] = explicit null
    restrictions: list[_Restriction]


def _read_actors(lines: list[tuple[int, str]], ref: str, source: str):
    record: _Record | None = None
    for n, line in lines:
        stripped = line.strip()
        if stripped.startswith("["):
            if record is None:
                raise KnowledgeBaseError(f"{ref}:{n}: code {stripped!r} comes before any actor phrase")
            _add_codes(record, stripped, ref, n)
        elif stripped.startswith("+"):
            if record is None:
                raise KnowledgeBaseError(f"{ref}:{n}: synonym {stripped!r} comes before any actor phrase")
            phrase, codes = _split_codes(stripped[1:], ref, n)
            if phrase:
                record.phrases.append(phrase)
            if codes:
                _add_codes(record, codes, ref, n)
        else:
            if record is not None:
                yield from _entries(record, ref, source)
            phrase, codes = _split_codes(stripped, ref, n)
            if not phrase:
                raise KnowledgeBaseError(f"{ref}:{n}: an actor line needs a phrase before its code")
            record = _Record(line=n, phrases=[phrase], default=[], restrictions=[])
            if codes:
                _add_codes(record, codes, ref, n)
    if record is not None:
        yield from _entries(record, ref, source)


def _split_codes(line: str, ref: str, n: int) -> tuple[str, str]:
    """(phrase with spaces, the bracketed tail) of an actor line."""
    if "[" not in line and "]" in line:
        # A stray ']' in a phrase (Phoenix has one): PETRARCH reads it as part of the phrase.
        log.warning("%s:%d: stray ']' in phrase %r ignored", ref, n, line.strip())
        line = line.replace("]", "")
    if line.count("[") != line.count("]"):
        raise KnowledgeBaseError(f"{ref}:{n}: unbalanced '[' ']' in {line.strip()!r}")
    at = line.find("[")
    phrase, codes = (line, "") if at < 0 else (line[:at], line[at:])
    # Some dictionaries end a line with a TABARI ';' remark.
    phrase = phrase.split(";", 1)[0]
    return " ".join(phrase.replace("_", " ").split()), codes.split(";", 1)[0]


def _add_codes(record: _Record, text: str, ref: str, n: int) -> None:
    text = text.split(";", 1)[0].strip()
    found = _BRACKET.findall(text)
    if not found:
        raise KnowledgeBaseError(f"{ref}:{n}: expected '[CODE]' or '[CODE dates]', got {text!r}")
    if _BRACKET.sub("", text).strip():
        log.warning("%s:%d: text outside the [code] brackets ignored: %r", ref, n, text)
    for inner in found:
        parts = inner.split(None, 1)
        if not parts:
            raise KnowledgeBaseError(f"{ref}:{n}: empty code '[]'")
        code = parts[0]
        if not (_CODE.match(code) or _NULL_CODE.match(code)):
            raise KnowledgeBaseError(f"{ref}:{n}: invalid code {code!r}")
        codes: list[str | None] = [None if _NULL_CODE.match(c) else c.upper() for c in code.split("/") if c]
        if len(parts) == 1:
            record.default.extend(codes)
            continue
        start, end = _parse_period(parts[1], ref, n)
        if start is not None and end is not None and start > end:
            log.warning("%s:%d: period %s ends before it starts; restriction skipped", ref, n, parts[1])
            continue
        record.restrictions.extend(_Restriction(c, start, end) for c in codes)


def _parse_period(text: str, ref: str, n: int) -> tuple[date | None, date | None]:
    """``<d`` (up to d), ``>d`` or a bare ``d`` (from d), ``d1-d2``; limits are inclusive."""
    t = text.replace(" ", "")
    if t.startswith("<"):
        return None, _parse_date(t[1:], ref, n)
    if t.startswith(">"):
        return _parse_date(t[1:], ref, n), None
    if "-" in t:
        a, _, b = t.partition("-")
        return _parse_date(a, ref, n), _parse_date(b, ref, n)
    if _DATE.match(t):
        # A bare date (a few Phoenix lines): the office began then, as with '>date'.
        return _parse_date(t, ref, n), None
    raise KnowledgeBaseError(f"{ref}:{n}: date restriction {text!r} is not '<date', '>date' or 'date-date'")


def _parse_date(s: str, ref: str, n: int) -> date:
    """YYYYMMDD (digits past the eighth ignored), or YYMMDD with 00-30 read as 20YY: TABARI's rules."""
    if not _DATE.match(s):
        raise KnowledgeBaseError(f"{ref}:{n}: invalid date {s!r} (expected YYYYMMDD or YYMMDD)")
    try:
        if len(s) > 7:
            return date(int(s[:4]), int(s[4:6]), int(s[6:8]))
        yy = int(s[:2])
        return date(2000 + yy if yy <= 30 else 1900 + yy, int(s[2:4]), int(s[4:6]))
    except ValueError as exc:
        raise KnowledgeBaseError(f"{ref}:{n}: invalid date {s!r}: {exc}") from exc


def _default_periods(restrictions: list[_Restriction]) -> list[tuple[date | None, date | None]]:
    """The stretches of time no restriction covers: where the default code applies."""
    if not restrictions:
        return [(None, None)]
    spans = sorted((r.start or _FAR_PAST, r.end or _FAR_FUTURE) for r in restrictions)
    gaps: list[tuple[date | None, date | None]] = []
    cursor = _FAR_PAST
    for start, end in spans:
        if start > cursor:
            gap_end = start - timedelta(days=1)
            gaps.append((None if cursor == _FAR_PAST else cursor, gap_end))
        if end == _FAR_FUTURE:
            return gaps
        cursor = max(cursor, end + timedelta(days=1))
    gaps.append((None if cursor == _FAR_PAST else cursor, None))
    return gaps


def _entries(record: _Record, ref: str, source: str):
    names = _dedupe(record.phrases)
    if not record.default and not record.restrictions:
        log.warning("%s:%d: actor %r has no code; skipped", ref, record.line, names[0])
        return
    # Dated codes with a sector element (USAGOV 20090120-...) mark an office holder; a dated
    # bare country code marks a state whose code or status changed (RHO <790606, then ZWE;
    # IRQ, IRQOCC 2003-2006, IRQ), and such a record stays a state even when some of its
    # periods carry a sector: only people hold offices for a while and never "are" a state.
    # Nor does a group: a dated code of a group without a state (IMGMUSISI >2013) or a phrase
    # with a group word ("... Liberation Army", coded rebel, then the new state's military).
    person = any(r.code and len(r.code) > 3 for r in record.restrictions) and not any(
        r.code and (split_cameo_code(r.code).kind == "state"
                    or split_cameo_code(r.code).kind == "group" and split_cameo_code(r.code).country is None)
        for r in record.restrictions) and not _names_a_group(names[0])
    periods: list[tuple[str | None, date | None, date | None]] = [
        (r.code, r.start, r.end) for r in record.restrictions
    ]
    for code in _dedupe(record.default):
        periods.extend((code, s, e) for s, e in _default_periods(record.restrictions))
    entries: dict[tuple[date | None, date | None], list[KBEntry]] = {}
    for code, start, end in dict.fromkeys(periods):
        if code is None:
            continue
        entries.setdefault((start, end), []).append(_entry(names, code, start, end, person, source))
    for together in entries.values():
        if len(together) > 1 and not person:
            # one phrase, several codes at once ("PINKY_AND_FRIENDS [FRD/SYL]"): the phrase names
            # all of them, as PETRARCH codes one event per code; the resolver makes one actor each
            for e in together:
                e.joint = list(together)
        yield from together


def _names_a_group(phrase: str) -> bool:
    words = set(phrase.lower().replace("-", " ").split())
    return bool(words & _GROUP_WORDS) or bool(words & lexicon().group_words)


@dataclass(frozen=True)
class CameoActor:
    """A CAMEO actor code read in newsgraph's terms (see ``split_cameo_code``)."""

    kind: str  # state | organisation | group | unknown
    code: str | None  # ISO3, organisation acronym, or None (a group: named by its phrase)
    sector: str | None
    country: str | None
    parent: str | None = None


@lru_cache(maxsize=1 << 14)
def split_cameo_code(code: str) -> CameoActor:
    """``USAGOV`` → state body of USA, sector GOV; ``IGOUNOIAE`` → IAEA (parent UN);
    ``PSEREBHMS`` → a group of PSE, sector REB; ``JAP`` → state JPN; ``---GOV`` → no code."""
    table = cameo_codes()
    code = code.upper()
    segs = [code[i:i + 3] for i in range(0, len(code), 3)]
    head = segs[0]
    if head in ("UNO", "EUR"):  # PLOVER writes the UN and the EU as "countries"
        segs, head = ["IGO"] + segs, "IGO"
    sector = next((s for s in segs[1:] if s in table.sectors), None)
    if head == "IGO":
        own = next((s for s in reversed(segs[1:]) if s not in table.sectors), None)
        org = table.igo.get(own, code) if own else None
        parent = "UN" if "UNO" in segs[1:] and org not in ("UN", None) else None
        return CameoActor("organisation", org, "IGO", None, parent)
    if head in table.nonstate:
        return CameoActor("group" if head == "IMG" else "organisation", None if head == "IMG" else code,
                          sector or head, None)
    if _NULL_CODE.match(head) or head in table.sectors:
        return CameoActor("unknown", None, sector or (head if head in table.sectors else None), None)
    country = table.country(head)
    if any(s in table.rebel_sectors for s in segs[1:]):
        return CameoActor("group", None, "UAF" if sector == "UAF" else "REB", country)
    if len(segs) == 1:
        return CameoActor("state", country, None, None)
    return CameoActor("organisation", country, sector, country)


def _entry(names: list[str], code: str, start, end, person: bool, source: str) -> KBEntry:
    c = split_cameo_code(code)
    kind = "person" if person else ("organisation" if c.kind == "unknown" else c.kind)
    code_out = c.code
    if kind == "group":
        code_out = _display(names[0], short_upper=True)
    country = c.country
    if kind == "person" and c.kind == "state":
        country = c.code
    return _make(names, kind, code_out, c.sector, country, c.parent, start, end, source)


def _make(names, kind, code, sector, country, parent, start, end, source) -> KBEntry:
    short_upper = kind in ("organisation", "group")
    display = [_display(p, short_upper=short_upper) for p in names]
    aliases = _dedupe(display[1:] + [p for p in names if _looks_like_acronym(p)])
    aliases = [a for a in aliases if a != display[0]]
    return KBEntry(name=display[0], kind=kind, code=code, aliases=aliases, sector=sector,
                   country=country, parent=parent, start=start, end=end, source=source)


def _looks_like_acronym(phrase: str) -> bool:
    """Single short upper-case words keep their dictionary spelling as an alias (IMF, UNESCO)."""
    return " " not in phrase and len(phrase.replace(".", "")) <= 6 and phrase.isupper()


@lru_cache(maxsize=1)
def _acronyms() -> frozenset[str]:
    return frozenset(cameo_codes().igo.values()) | frozenset(cameo_codes().acronyms)


@lru_cache(maxsize=1 << 16)
def _display(phrase: str, short_upper: bool = False) -> str:
    """Dictionary spelling (upper case) → news spelling: "AL-QAEDA" → "Al-Qaeda"."""
    if short_upper and _looks_like_acronym(phrase) and (len(phrase) <= 4 or phrase in _acronyms()):
        return phrase
    words = phrase.split()
    out = []
    for i, w in enumerate(words):
        if ("." in w and len(w.replace(".", "")) <= 3) or w in _acronyms():
            out.append(w.upper())
        elif i > 0 and w.lower() in _LOWER_WORDS:
            out.append(w.lower())
        else:
            out.append("-".join(_cap(p) for p in w.split("-")))
    return " ".join(out)


def _cap(word: str) -> str:
    if word.isalpha():
        return word.capitalize()
    low = word.lower()
    if len(low) > 2 and low[1] == "'":  # O'Brien, D'Alema
        return low[0].upper() + "'" + low[2].upper() + low[3:]
    for i, c in enumerate(low):
        if c.isalpha():
            return low[:i] + c.upper() + low[i + 1:]
    return low


def _dedupe(items: list[str]) -> list[str]:
    return list(dict.fromkeys(i for i in items if i))


# --------------------------------------------------------------------------- agents

def _read_agents(lines: list[tuple[int, str]], ref: str, source: str):
    markers: dict[str, list[str]] = {}
    for n, line in lines:
        if "!" in line and "=" in line and "[" not in line:
            name, _, items = line.partition("=")
            name = name.strip()
            if not (name.startswith("!") and name.endswith("!") and len(name) > 2):
                raise KnowledgeBaseError(f"{ref}:{n}: substitution marker must look like '!NAME! = A, B'")
            markers[name] = [i.strip() for i in items.split(",") if i.strip()]
            continue
        if "[" not in line:
            # PETRARCH skips agents without a code with a warning; so do we.
            log.warning("%s:%d: agent %r has no [code]; skipped", ref, n, line.strip())
            continue
        head, _, rest = line.partition("[")
        close = _AGENT_CLOSE.search(rest)
        if "[" in rest or close is None:
            raise KnowledgeBaseError(f"{ref}:{n}: expected 'PHRASE {{plural}} [~CODE]', got {line.strip()!r}")
        if close.group(0) == "}":
            # '[~LEG}' occurs in the dictionaries (and their documentation); read it as ']'.
            log.warning("%s:%d: agent code closed with '}' instead of ']'", ref, n)
        raw_code = rest[:close.start()].strip()
        if not raw_code or " " in raw_code or "~" not in raw_code:
            raise KnowledgeBaseError(f"{ref}:{n}: agent code {raw_code!r} must be '~CODE' or 'CODE~'")
        before = raw_code.endswith("~") and not raw_code.startswith("~")
        code = raw_code.strip("~").upper()
        if not _CODE.match(code):
            raise KnowledgeBaseError(f"{ref}:{n}: invalid agent code {raw_code!r}")
        plural: str | None = None
        if "{" in head:
            if "}" not in head:
                raise KnowledgeBaseError(f"{ref}:{n}: missing '}}' in {line.strip()!r}")
            plural = head[head.find("{") + 1:head.find("}")].strip()
            head = head[:head.find("{")]
        phrase = head.strip()
        if not phrase:
            raise KnowledgeBaseError(f"{ref}:{n}: agent line has no phrase")
        if "!" in phrase:
            for form in _substitute(phrase, markers, ref, n):
                yield _agent(form, [], code, before, source)
            continue
        forms = [plural] if plural else ([] if plural == "" else [_plural(phrase)])
        yield _agent(phrase, forms, code, before, source)


def _substitute(phrase: str, markers: dict[str, list[str]], ref: str, n: int) -> list[str]:
    m = re.search(r"![A-Za-z0-9]+!", phrase)
    if m is None:
        raise KnowledgeBaseError(f"{ref}:{n}: substitution marker in {phrase!r} is not closed with '!'")
    if m.group(0) not in markers:
        raise KnowledgeBaseError(
            f"{ref}:{n}: substitution marker {m.group(0)} is not defined above this line")
    return [phrase[:m.start()] + item + phrase[m.end():] for item in markers[m.group(0)]]


def _plural(phrase: str) -> str:
    """PETRARCH's regular plural on the last word: -y → -ies (after a consonant), -s → -ses."""
    if phrase[-1] in "Yy" and len(phrase) > 1 and phrase[-2].lower() not in "aeiou":
        return phrase[:-1] + "IES"
    if phrase[-1] in "Ss":
        return phrase + "ES"
    return phrase + "S"


def _agent(phrase: str, plurals: list[str], code: str, before: bool, source: str) -> AgentEntry:
    def spell(p: str) -> str:
        return " ".join(p.replace("_", " ").split()).lower()

    name = spell(phrase)
    return AgentEntry(phrase=name, code=code, sector=code[:3] if len(code) >= 3 else code,
                      aliases=[a for a in _dedupe([spell(p) for p in plurals]) if a != name],
                      before=before, source=source)
