"""Coreference within one article, by rules over the parse: pronouns and bare titles.

Pronouns (he/him/his, she/her) resolve, in this order, to:
1. the subject of the main clause when the pronoun sits in a clause before it
   ("As he acknowledged the shipment, Amirabdollahian claimed ...");
2. a person earlier in the same sentence, the main clause's subject first
   ("Kim said Moscow has his full backing");
3. the person who is the subject of the nearest earlier sentence that has one, outside
   quotation marks ("Stoltenberg stated, '...' He emphasized ..." — a name inside the quote is
   not a candidate);
4. the most recent person mentioned outside quotation marks.
Gender is respected when known (an honorific, an earlier pronoun). "We"/"our" inside a
quote belong to the quote stage, which knows the speaker.

A title standing alone ("the minister", "the Philippine leader", "the NATO Secretary
General") is the most recent person with a matching role and code; failing that, the
knowledge base's holder of that office on the publication date.
"""
from __future__ import annotations

from .context import DocContext
from .normalise import fold
from .persons import Person, _compatible, _words
from .titles import Role

_SUBJ = ("nsubj", "nsubjpass")
_BACK = 5  # how many sentences back a pronoun looks for a subject


class Coref:
    def __init__(self, ctx: DocContext, persons: list[Person]):
        self.ctx = ctx
        self.persons = persons
        self.owner: dict[int, Person] = {}
        for p in persons:
            for s, t, _ in p.mentions:
                for i in range(s, t):
                    self.owner.setdefault(i, p)

    def run(self, titles: list[tuple[int, int, Role]]) -> None:
        ctx = self.ctx
        items: list[tuple[int, str, object]] = []
        pronouns = ctx.lex.pronouns
        for i, k in enumerate(ctx.keys):
            if k in pronouns and i not in self.owner and (k in ("his", "her") or ctx.tokens[i].pos_ == "PRON"):
                items.append((i, "pronoun", None))
        for a, b, role in titles:
            if not any(i in self.owner for i in range(a, b)):
                items.append((a, "title", (b, role)))
        for i, what, extra in sorted(items, key=lambda x: x[0]):
            if what == "pronoun":
                p = self._pronoun(i)
                if p is not None:
                    self._add(p, i, i + 1, "pronoun")
                    if p.gender is None:
                        p.gender = "male" if ctx.keys[i] in ctx.lex.male else "female"
            else:
                b, role = extra
                p = self._title(i, b, role)
                if p is not None:
                    self._add(p, i, b, "title")

    def _add(self, p: Person, s: int, t: int, how: str) -> None:
        p.mentions.append((s, t, how))
        for i in range(s, t):
            self.owner.setdefault(i, p)

    # ---------------------------------------------------------------- pronouns

    def _fits(self, p: Person, i: int) -> bool:
        k = self.ctx.keys[i]
        want = "male" if k in self.ctx.lex.male else "female"
        return p.gender is None or p.gender == want

    def _pronoun(self, i: int) -> Person | None:
        ctx, doc = self.ctx, self.ctx.doc
        sent = ctx.sentence(i)
        quoted = ctx.quoted[i]
        root = sent.root
        # 1. a clause before the main one: the main clause's subject, even though it comes later
        subj = self._subject_of(root)
        if subj is not None and subj.i > i and not ctx.quoted[subj.i]:
            anc = doc[i]
            in_advcl = any(a.dep_ in ("advcl",) and a.head == root for a in anc.ancestors)
            p = self.owner.get(subj.i)
            if in_advcl and p is not None and self._fits(p, i):
                return p
        # 2. the same sentence, before the pronoun
        before = [(j, p) for j in range(sent.start, i) if (p := self.owner.get(j)) is not None
                  and ctx.quoted[j] == quoted and self._fits(p, i)]
        if before:
            if subj is not None and subj.i < i and (p := self.owner.get(subj.i)) is not None and self._fits(p, i) \
                    and ctx.quoted[subj.i] == quoted:
                return p
            subjects = [(j, p) for j, p in before if doc[j].dep_ in _SUBJ]
            return (subjects or before)[-1][1]
        # 3. the subject of an earlier sentence
        n = ctx.sent_of[i]
        for back in range(1, _BACK + 1):
            if n - back < 0:
                break
            s = ctx.sents[n - back]
            p = self._sentence_subject(s, i)
            if p is not None:
                return p
        # 4. the most recent person outside quotes
        for j in range(i - 1, -1, -1):
            p = self.owner.get(j)
            if p is not None and not ctx.quoted[j] and self._fits(p, i):
                return p
        return None

    def _subject_of(self, verb):
        for c in verb.children:
            if c.dep_ in _SUBJ:
                return c
        return None

    def _sentence_subject(self, sent, i: int) -> Person | None:
        ctx = self.ctx
        subj = self._subject_of(sent.root)
        cands = []
        if subj is not None:
            cands.append(subj)
        cands += [t for t in sent if t.dep_ in _SUBJ and t is not subj]
        for t in cands:
            for j in (t.i, *[c.i for c in t.subtree]):
                p = self.owner.get(j)
                if p is not None and not ctx.quoted[j] and self._fits(p, i):
                    return p
        return None

    # ---------------------------------------------------------------- titles

    def _title(self, a: int, b: int, role: Role) -> Person | None:
        ctx = self.ctx
        title = fold(role.role or "")
        generic = title in ctx.lex.generic_titles
        seen: list[Person] = []
        for j in range(a - 1, -1, -1):
            p = self.owner.get(j)
            if p is None or p in seen:
                continue
            seen.append(p)
            if role.code is not None and p.code != role.code:
                continue
            if generic or _role_matches(ctx, title, p.title or p.role):
                return p
        if role.code is None or role.role is None:
            return None
        # "Iran's foreign minister ... Iranian Foreign Minister Hossein X": named later
        later = sorted((min(m[0] for m in p.mentions if m[2] in ("name", "surname")), n, p)
                       for n, p in enumerate(self.persons)
                       if any(m[2] in ("name", "surname") and m[0] > b for m in p.mentions))
        for _, _, p in later:
            if p.code == role.code and _role_matches(ctx, title, p.title or p.role):
                return p
        entry = ctx.kb.holder(role.role, role.code, ctx.when)
        if entry is None:
            return None
        words = _words(entry.name)
        for p in self.persons:
            if (p.entry is not None and p.entry.name == entry.name) or _compatible(_words(p.name), words):
                return p
        p = Person(mentions=[], names=[entry.name], entry=entry, role=entry.role, title=entry.role, code=role.code,
                   sector=entry.sector or role.sector, country=entry.country, stated=False)
        self.persons.append(p)
        return p


def _role_matches(ctx: DocContext, title: str, role: str | None) -> bool:
    if not role:
        return False
    have = fold(role)
    if ctx.kb.canonical_title(have) == ctx.kb.canonical_title(title):
        return True
    return have.split()[-1] == title.split()[-1]
