"""People in one article: names grouped into persons, each with the role and code it acts for.

A full name starts a person; a bare surname ("Blinken"), or a family name given first
("Kim" for Kim Jong Un), joins the person with that name whatever label the model gave it.
A lone name the article never gives in full is kept only when something vouches for it:
the knowledge base, a title or honorific, or what earlier articles taught (PersonMemory).
The code comes from the article first (title, apposition), then the knowledge base (the
entry in office on the publication date), then memory.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from functools import lru_cache

from ..nlp import span_text
from .context import Cand, DocContext
from .lexicon import first_names
from .memory import PersonMemory
from .mentions import name_like
from .normalise import fold
from .titles import Role, TitleFinder, ref_code, title_phrases


@dataclass
class Person:
    mentions: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, how)
    names: list[str] = field(default_factory=list)
    entry: object | None = None
    role: str | None = None  # as the article writes it
    title: str | None = None  # canonical, for comparing roles (coreference of "the minister")
    code: str | None = None
    sector: str | None = None
    country: str | None = None
    gender: str | None = None
    stated: bool = False  # role or code came from this article's own text

    @property
    def first(self) -> int:
        return min(m[0] for m in self.mentions)

    @property
    def name(self) -> str:
        # asked for every person at every short mention; names only grow (append), so the
        # longest is kept until the list changes length
        names = self.names
        memo = self.__dict__.get("_name_memo")
        if memo is None or memo[0] is not names or memo[1] != len(names):
            memo = self.__dict__["_name_memo"] = (
                names, len(names), max(names, key=lambda n: (len(n.split()), len(n))))
        return memo[2]

    def surname(self) -> str:
        return _words(self.name)[-1]


_SUFFIX = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}


def _family_first(words: tuple[str, ...]) -> bool:
    """"Wang Yi", "Tsai Ing-wen": two-word names whose family name comes first are short."""
    return len(words[-1]) <= 3 or "-" in words[-1]


@lru_cache(maxsize=65536)
def _words_cached(name: str) -> tuple[str, ...]:
    words = [fold(w).strip(",") for w in name.split()]
    words = [w for w in words if w]
    while len(words) > 1 and words[-1] in _SUFFIX:
        words.pop()
    return tuple(words)


def _words(name: str) -> tuple[str, ...]:
    return _words_cached(name)


# a lone surname names an office holder only around their time in office: "Bush" in 2003 is
# George W. Bush, and "Brown" in 1990 or 2024 is not Gordon Brown
_SURNAME_AFTER_OFFICE = timedelta(days=5 * 366)


def _near_office(entry, when) -> bool:
    if when is None or entry.in_office(when):
        return True
    return entry.end is not None and entry.end <= when <= entry.end + _SURNAME_AFTER_OFFICE


def _compatible(a: list[str], b: list[str]) -> bool:
    """Same last name; first names, where both are given, begin with the same letter."""
    if a[-1] != b[-1]:
        return False
    if len(a) > 1 and len(b) > 1:
        return a[0][0] == b[0][0]
    return True


class PersonBuilder:
    def __init__(self, ctx: DocContext, refs: dict[int, Cand], memory: PersonMemory):
        self.ctx = ctx
        self.refs = refs
        self.memory = memory
        self.persons: list[Person] = []
        self._states_named: set[str] | None = None

    def build(self, kb_persons: list[Cand], ents: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """Group person names; returns the entities that turned out not to be people."""
        ctx = self.ctx
        spans = [(c.start, c.end, c) for c in kb_persons]
        singles: list[tuple[int, int, str]] = []
        others: list[tuple[int, int, str]] = []
        for s, t, label in ents:
            if label != "PERSON" and self._person_named_as_org(s, t, ents):
                label = "PERSON"
            if label == "PERSON" and not self._not_a_person(s, t):
                if t - s >= 2 and not self._single_name(s, t):
                    spans.append((s, t, None))
                else:
                    singles.append((s, t, label))
            else:
                others.append((s, t, label))
        for s, t, cand in sorted(spans, key=lambda x: x[0]):
            t = self._with_suffix(t)
            while t - s > 1 and (ctx.kb.is_title_word(ctx.keys[s]) and not name_like(ctx, s, t)):
                s += 1  # "President Putin" is a knowledge-base alias; the name is "Putin"
            self._add_full(s, t, cand)
        self.person_tokens = {i for p in self.persons for s, t, _ in p.mentions for i in range(s, t)}
        self.finder = TitleFinder(ctx, self.refs, self.person_tokens)

        # lone names: surnames of people named in full, else vouched for
        leftover: list[tuple[int, int, str]] = []
        for s, t, label in singles + others:
            p = self._match_short(s, t)
            if p is not None:
                p.mentions.append((s, t, "surname"))
                continue
            if label == "PERSON" or (label in ("ORG", "GPE", "NORP") and self._titled(s)):
                if self._vouched(s, t):
                    continue
            if label != "PERSON":
                leftover.append((s, t, label))
        self._untagged_surnames()
        self.person_tokens = {i for p in self.persons for s, t, _ in p.mentions for i in range(s, t)}
        self.finder.person_tokens = self.person_tokens
        for p in self.persons:
            self._resolve(p)
        for p in self.persons:
            # after every person's title is known: "welcomed South African leader X" names X's country
            self._fallback_code(p)
        return leftover

    # ---------------------------------------------------------------- names

    def _not_a_person(self, s: int, t: int) -> bool:
        ctx, doc = self.ctx, self.ctx.doc
        if t - s == 1 and ctx.kb.is_title_word(ctx.keys[s]):
            return True  # "Councilor" on its own
        if s > 0 and ctx.keys[s - 1] == "by" and (s == 1 or doc[s - 2].is_space or "\n" in doc[s - 2].whitespace_):
            return True  # a byline
        if s > 0 and ctx.keys[s - 1] == "by" and ctx.sentence(s).start == s - 1:
            return True
        # "Dnipro, Kryvyi Rih, Slovyansk, and Kramatorsk": one of a list of places
        head = doc[t - 1]
        linked = [x for x in (head.head, *head.children) if x.dep_ == "conj" or head.dep_ == "conj"]
        places = sum(1 for x in linked if ctx.ent_label.get(x.i) in ("GPE", "LOC", "FAC")
                     or (self.refs.get(x.i) is not None and self.refs[x.i].kind in ("location", "state")))
        persons = sum(1 for x in linked if ctx.ent_label.get(x.i) == "PERSON")
        return places > 0 and places > persons

    def _person_named_as_org(self, s: int, t: int, ents) -> bool:
        """"Halvor Brekke" tagged ORG: a two- or three-word title-case name with no organisation
        word, whose surname recurs on its own or which carries a title ("Chancellor X")."""
        ctx, doc = self.ctx, self.ctx.doc
        if not 2 <= t - s <= 3 or not all(doc[i].is_title and doc[i].pos_ == "PROPN" for i in range(s, t)):
            return False
        words = ctx.keys[s:t]
        lex = ctx.lex
        if any(w in lex.org_words or w in lex.company_suffixes or w in lex.group_words or w in lex.media_words
               for w in words) or any(i in self.refs for i in range(s, t)):
            return False
        if self._titled(s):
            return True
        last = words[-1]
        return any(ctx.keys[i] == last and ctx.is_cap(i) and not s <= i < t for i in range(len(doc)))

    def _single_name(self, s: int, t: int) -> bool:
        return len(_words(self.ctx.doc[s:t].text)) < 2

    def _with_suffix(self, t: int) -> int:
        """Extend "Ferdinand R. Marcos" over ", Jr." / "Jr."."""
        keys = self.ctx.keys
        if t < len(keys) and keys[t] in _SUFFIX:
            return t + 1
        if t + 1 < len(keys) and keys[t] == "," and keys[t + 1] in _SUFFIX:
            return t + 2
        return t

    def _text(self, s: int, t: int) -> str:
        """The name as written, without an honorific or a trailing possessive."""
        ctx = self.ctx
        while s < t and ctx.keys[s] in ctx.lex.honorifics:
            s += 1
        while t > s and ctx.keys[t - 1] in ("'s", "'", ","):
            t -= 1
        return span_text(ctx.doc, s, t).replace(", Jr.", " Jr.").replace(", Sr.", " Sr.") if s < t else ""

    def _add_full(self, s: int, t: int, cand: Cand | None) -> Person:
        name = self._text(s, t)
        words = _words(name)
        entry = cand.entry if cand is not None else None
        for p in self.persons:
            same_entry = entry is not None and p.entry is not None and p.entry.name == entry.name
            if same_entry or _compatible(_words(p.name), words):
                p.mentions.append((s, t, "name"))
                p.names.append(name)
                if cand is not None and p.entry is None:
                    p.entry = cand.entry
                return p
        p = Person(mentions=[(s, t, "name")], names=[name], entry=cand.entry if cand else None)
        self.persons.append(p)
        return p

    def _match_short(self, s: int, t: int) -> Person | None:
        words = _words(self._text(s, t))
        if not words:
            return None
        # each person's name words once per mention, not once per test (Person.name is a max)
        named = [(p, _words(p.name)) for p in self.persons]
        if len(words) > 1:
            full = [p for p, pw in named if _compatible(pw, words)]
            return full[0] if len(full) == 1 else None
        w = words[0]
        last = [p for p, pw in named if pw[-1] == w]
        if len(last) == 1:
            return last[0]
        if not last:
            first = [p for p, pw in named if len(pw) > 2 and pw[0] == w
                     or len(pw) == 2 and pw[0] == w and _family_first(pw)]
            if len(first) == 1:
                return first[0]
        return None

    def _titled(self, s: int) -> bool:
        """A title phrase or an honorific right before the name ("President X", "Mr. X")."""
        ctx = self.ctx
        if s == 0:
            return False
        if ctx.keys[s - 1] in ctx.lex.honorifics:
            return True
        return any(te == s for _, te, _, _ in title_phrases(ctx, max(0, s - ctx.kb.max_title_len), s))

    def _office_after(self, s: int, t: int) -> bool:
        """An apposition stating the office and whom it serves ("X, Chile's foreign minister,")."""
        if t >= len(self.ctx.keys) or self.ctx.keys[t] != ",":
            return False
        role = self.finder.role_for(s, t)
        return role is not None and role.role is not None and role.code is not None

    def _vouched(self, s: int, t: int) -> bool:
        """A lone name: keep it if the knowledge base, a title or memory says who it is."""
        ctx = self.ctx
        text = self._text(s, t)
        words = _words(text)
        if not words:
            return False
        entry = None
        if len(words) == 1:
            found = [e for e in ctx.kb.persons_by_surname(words[0], ctx.when) if _near_office(e, ctx.when)]
            if len(found) == 1:
                entry = found[0]
        if entry is None and not self._titled(s) and self.memory.recall(text) is None \
                and not self._office_after(s, t):
            return False
        for p in self.persons:
            if (entry is not None and p.entry is not None and p.entry.name == entry.name) or \
                    _compatible(_words(p.name), words):
                p.mentions.append((s, t, "surname" if len(words) == 1 else "name"))
                p.names.append(text)
                return True
        p = Person(mentions=[(s, t, "name")], names=[text], entry=entry)
        self.persons.append(p)
        return True

    def _untagged_surnames(self) -> None:
        """Surnames the model did not tag at all ("Blinken responded")."""
        ctx = self.ctx
        taken = {i for p in self.persons for s, t, _ in p.mentions for i in range(s, t)}
        by_surname = {}
        for p in self.persons:
            by_surname.setdefault(_words(p.name)[-1], []).append(p)
        for tok in ctx.tokens:
            if ctx.keys[tok.i] not in by_surname:
                continue
            if tok.i in taken or tok.i in self.refs or not ctx.is_cap(tok.i) or tok.pos_ not in ("PROPN", "NOUN", "ADJ"):
                continue
            ps = by_surname.get(ctx.keys[tok.i])
            if ps and len(ps) == 1 and len(ps[0].names[0].split()) > 1:
                ps[0].mentions.append((tok.i, tok.i + 1, "surname"))

    # ---------------------------------------------------------------- roles and codes

    def _resolve(self, p: Person) -> None:
        ctx = self.ctx
        p.mentions.sort()
        role: Role | None = None
        for s, t, how in list(p.mentions):
            if how not in ("name", "surname"):
                continue
            r = self.finder.role_for(s, t)
            if r is not None:
                p.mentions.extend(r.spans)
                role = r if role is None else role.merge(r)
        if role is not None and role.code is None:
            for s, _, _ in p.mentions:
                code = self.finder.possessor_code(s)
                if code:
                    role.code = code
                    break
        if role is None:
            for s, _, _ in p.mentions:
                code = self.finder.possessor_code(s)
                if code:
                    role = Role(code=code)
                    break
        if p.entry is None:
            for n in sorted(p.names, key=len, reverse=True):
                e = ctx.kb.person(n, ctx.when)
                if e is not None:
                    p.entry = e
                    break
        elif p.entry is not None:
            p.entry = ctx.kb.person(p.entry.name, ctx.when) or p.entry
        if p.entry is None:
            # "Ferdinand R. Marcos Jr." against the knowledge base's "Ferdinand Marcos Jr.": the
            # surname, with a compatible first name
            words = _words(p.name)
            found = [e for e in ctx.kb.persons_by_surname(words[-1], ctx.when) if _compatible(_words(e.name), words)]
            if len(found) == 1:
                p.entry = found[0]
        if role is not None:
            p.role, p.title, p.code, p.sector, p.gender = role.role, role.title, role.code, role.sector, role.gender
            p.stated = role.role is not None or role.code is not None
        if p.gender is None:
            # "her" is not Ivan: a given name the names list knows tells the gender
            p.gender = first_names().get(_words(p.name)[0]) if len(_words(p.name)) > 1 else None
        e = p.entry
        if e is not None:
            in_office = e.in_office(ctx.when)
            kb_code = e.code if in_office else (e.country or (e.code if e.code in ctx.kb.states else None))
            if p.code is None:
                p.code = kb_code
                p.sector = p.sector or (e.sector if in_office else None)
            if in_office and p.code == e.code and (p.role is None or self._relational(p)):
                p.role, p.title = e.role, e.role  # "his Egyptian counterpart X" names no office
            p.country = e.country
        if p.code is None:
            fact = None
            for n in sorted(p.names, key=len, reverse=True):
                fact = self.memory.recall(n)
                if fact:
                    break
            if fact is not None:
                p.code = fact.code or fact.country
                if p.role is None:
                    p.role = p.title = fact.role
                p.country = p.country or fact.country
        self._set_country(p)

    def _fallback_code(self, p: Person) -> None:
        if p.code is None and p.role is not None:
            p.code = self._title_org(p) or self._sentence_state(p)
            self._set_country(p)

    def _set_country(self, p: Person) -> None:
        ctx = self.ctx
        if p.code is not None and p.country is None and p.code in ctx.kb.states:
            p.country = p.code
        if p.sector is None and p.code is not None and p.code not in ctx.kb.states:
            org = ctx.kb.org(p.code)
            p.sector = org.sector if org else None

    def _relational(self, p: Person) -> bool:
        """A role that names a relation, not an office ("counterpart")."""
        return fold(p.title or p.role or "") in self.ctx.lex.relational_titles

    def _title_org(self, p: Person) -> str | None:
        """"Kofi Annan, UN secretary-general": an organisation inside the person's own title."""
        for s, t, how in p.mentions:
            if how in ("name", "surname"):
                continue
            for i in range(s, t):
                c = self.refs.get(i)
                if c is not None and c.kind == "organisation" and c.code and c.code not in self.ctx.kb.states:
                    return c.code
        return None

    def _sentence_state(self, p: Person) -> str | None:
        """A titled person without a code, in a sentence that names exactly one state as a
        setting ("in Nairobi", "Kenyan"), not as a counterpart ("threatened action against
        Russia", "met the Moroccan envoy") nor inside another person's title."""
        ctx = self.ctx
        s = p.mentions[0][0]
        sent = ctx.sentence(s)
        others = {i for q in self.persons if q is not p for a, b, _ in q.mentions for i in range(a, b)}
        refs = [c for i in range(sent.start, sent.end) if (c := self.refs.get(i)) is not None
                and not ctx.quoted[i] and i not in others]
        places = [c for c in refs if c.kind in ("state", "location") and ref_code(c)]
        codes = {ref_code(c) for c in places if not _counterpart(ctx, ctx.doc[c.end - 1])}
        if not places and p.title in LEADER_TITLES:
            # "President X conceded to demands from UNITA": with no state named, the armed or
            # political group of one state that a head of government deals with is of their state
            codes = {c.entry.country for c in refs if c.kind == "group" and getattr(c.entry, "country", None)}
            # ... but only when the article names no other state: a president of a state named
            # elsewhere may well be the outsider who deals with the group
            if not self._article_states() <= codes:
                return None
        return codes.pop() if len(codes) == 1 else None

    def _article_states(self) -> set[str]:
        """Codes of the states (and capitals, places of a state) the article names anywhere."""
        if self._states_named is None:
            self._states_named = {code for c in self.refs.values()
                                  if c.kind in ("state", "location") and (code := ref_code(c))}
        return self._states_named


# Heads of state and government (canonical titles of titles.yaml): a domestic group they deal
# with tells their state; an envoy, a minister or a UN official is often the outsider who deals
# with it, and the knowledge base knows most leaders in office, so this only fills gaps
LEADER_TITLES = frozenset({"President", "Vice President", "Prime Minister", "Deputy Prime Minister",
                           "Head of State", "Head of Government", "King", "Emir", "Supreme Leader"})

# Where a state named in a sentence is the other party of what a person does, not their country.
COUNTERPART_PREPS = frozenset({"against", "with", "to", "toward", "towards", "on", "at", "into", "from", "for", "over",
                               "by", "between", "among"})


def _counterpart(ctx: DocContext, head) -> bool:
    if head.dep_ in ("dobj", "obj", "dative", "iobj"):
        return True
    if head.dep_ != "pobj" or head.head.lower_ not in COUNTERPART_PREPS:
        return False
    gov = head.head.head
    # "returning to Kyrgyzstan" is a place, "sent a letter to Russia" a counterpart
    return not (head.head.lower_ == "to" and (gov.lower_ in ctx.lex.motion_words
                                              or gov.lemma_.lower() in ctx.lex.motion_words))

