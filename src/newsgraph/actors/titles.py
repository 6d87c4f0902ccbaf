"""What an article says about a person's office: titles before names and appositions.

"Russian President Vladimir Putin", "U.S. Secretary of State, Antony Blinken",
"Jens Stoltenberg, Secretary General of the North Atlantic Treaty Organization (NATO)",
"the head of the Ukrainian delegation, Defense Minister Rustem Umerov". A title phrase is
found through the titles file; the state or organisation it serves is the knowledge-base
name nearest it on its own side (before the title: "Russian President"; after it:
"Secretary General of NATO"). Title phrases that stand alone ("the minister", "the NATO
Secretary General") are collected for coreference.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .context import Cand, DocContext
from .normalise import fold

_STOP_KEYS = {",", ";", ":", ".", "!", "?", "--", "-", '"', "'", "\u201c", "\u201d", "(", ")"}
# nouns of membership: "a member of the Syrian parliament" acts for the body's state
MEMBER_NOUNS = frozenset({"member", "members"})
# adjectives and participles describing a title ("outspoken", "appointed", "serving")
_DESCRIBING_TAGS = frozenset({"JJ", "JJR", "JJS", "VBN", "VBG"})
_APPOS_STOP = {"who", "whose", "which", "that", "when", "where", "while", "as", "said", "says"}


@dataclass
class Role:
    """A person's office as one stretch of text states it."""

    role: str | None = None  # as the article writes it ("Treasury Secretary", "ambassador to the UN")
    code: str | None = None
    sector: str | None = None
    title: str | None = None  # the titles file's canonical title, for comparing roles ("Finance Minister")
    start: int = 0  # the phrase's tokens [start, end)
    end: int = 0
    gender: str | None = None  # from an honorific ("Ms. Yellen")
    spans: list[tuple[int, int, str]] = field(default_factory=list)  # phrases read: (start, end, how)

    def merge(self, other: "Role | None") -> "Role":
        if other is None:
            return self
        return Role(role=self.role or other.role, code=self.code or other.code,
                    sector=self.sector or other.sector, title=self.title if self.role else other.title,
                    start=self.start, end=self.end,
                    gender=self.gender or other.gender, spans=self.spans + other.spans)


def ref_code(c: Cand) -> str | None:
    """The code a knowledge-base mention contributes to a title ("Kyiv Mayor" → UKR)."""
    if c.code:
        return c.code
    entry = c.entry
    return getattr(entry, "code", None) if c.how == "capital" else None


def title_phrases(ctx: DocContext, start: int, end: int) -> list[tuple[int, int, str, str | None]]:
    """Longest title phrases in [start, end): (start, end, canonical title, sector)."""
    return [p for p in ctx.cached("titles", lambda: _all_titles(ctx)) if p[0] >= start and p[1] <= end]


def _all_titles(ctx: DocContext) -> list[tuple[int, int, str, str | None]]:
    kb, keys = ctx.kb, ctx.keys
    out = []
    i, n = 0, len(keys)
    while i < n:
        found = None
        for length in kb.title_lengths_from(keys[i]):
            if i + length <= n:
                t = kb.title(tuple(keys[i:i + length]))
                if t is not None:
                    found = (i, i + length, t.title, t.sector)
                    break
        if found is None and keys[i] in ctx.lex.generic_titles:
            found = (i, i + 1, keys[i], None)
        if found:
            out.append(found)
            i = found[1]
        else:
            i += 1
    return out


class TitleFinder:
    """Title phrases and the codes around them, over one document."""

    def __init__(self, ctx: DocContext, refs: dict[int, Cand], person_tokens: set[int]):
        self.ctx = ctx
        self.refs = refs  # token → non-person knowledge-base mention covering it
        self.person_tokens = person_tokens

    # ---------------------------------------------------------------- title phrases

    def titles_in(self, start: int, end: int) -> list[tuple[int, int, str, str | None]]:
        return title_phrases(self.ctx, start, end)

    def _title_tokens(self) -> set[int]:
        ctx = self.ctx
        return ctx.cached("title_tokens", lambda: {i for s, t, _, _ in title_phrases(ctx, 0, len(ctx.tokens))
                                                   for i in range(s, t)})

    def is_title_token(self, i: int) -> bool:
        k = self.ctx.keys[i]
        return self.ctx.kb.is_title_word(k) or k in self.ctx.lex.generic_titles

    # ---------------------------------------------------------------- around a name

    def role_for(self, start: int, end: int) -> Role | None:
        """The role and code stated next to the name at [start, end), or None."""
        role = None
        a = self._scan_left(start, strict=True)
        if a < start:
            role = self._read(a, start)
            if role is not None:
                role.spans.append((a, start, "title"))
        # "U.S. Secretary of State, Antony Blinken" / "the head of the delegation, Minister X"
        hops, edge = 0, a
        while hops < 2 and edge > 0 and self.ctx.keys[edge - 1] == "," and (role is None or role.code is None):
            b = self._scan_left(edge - 1, strict=False)
            if b >= edge - 1:
                break
            extra = self._read(b, edge - 1)
            if extra is not None:
                extra.spans.append((b, edge - 1, "apposition"))
            edge, hops = b, hops + 1
            if extra is None:
                continue  # "advisor to the dictator," names no office; the phrase before may
            role = extra if role is None else role.merge(extra)
        # "Jens Stoltenberg, Secretary General of NATO," / "X, the Iranian foreign minister"
        if (role is None or role.code is None or role.role is None) and end < len(self.ctx.doc) \
                and self.ctx.keys[end] == ",":
            z = self._scan_right(end + 1)
            if z > end + 1:
                after = self._read(end + 1, z, after_name=True)
                if after is not None and after.role is not None:
                    after.spans.append((end + 1, z, "apposition"))
                    role = after if role is None else role.merge(after)
        return role

    def _scan_left(self, s: int, strict: bool) -> int:
        """Start of the title phrase ending before token s (s itself when there is none)."""
        ctx, doc = self.ctx, self.ctx.doc
        j = s - 1
        while j >= 0:
            tok, k = doc[j], ctx.keys[j]
            if ctx.sent_of[j] != ctx.sent_of[s - 1 if s > 0 else 0] and j < ctx.sentence(s - 1).start:
                break
            if ctx.quoted[j] != ctx.quoted[max(s - 1, 0)] or j in self.person_tokens or tok.is_space:
                break
            if k in _STOP_KEYS:
                if k == "-" and (j in self._title_tokens() or strict and self._describes_title(j, s)):
                    j -= 1  # "Secretary-General", "long-serving minister": a hyphen inside does not end it
                    continue
                break
            ref = self.refs.get(j)
            if ref is not None:
                j = ref.start - 1
                continue
            if self.is_title_token(j) or k in ctx.lex.title_modifiers or k in ctx.lex.honorifics:
                j -= 1
                continue
            if strict and self._describes_title(j, s):
                j -= 1  # "Ukraine's outspoken foreign minister X", "Iran's awful and evil minister X"
                continue
            if strict:
                if ctx.is_cap(j) and tok.pos_ in ("PROPN", "NOUN", "ADJ") and not tok.is_sent_start:
                    j -= 1
                    continue
                if ctx.is_cap(j) and tok.is_sent_start and self.is_title_token(j):
                    j -= 1
                    continue
                break
            if tok.pos_ in ("NOUN", "PROPN", "ADJ", "DET", "NUM") or k in ("of", "to", "'s", "for", "and"):
                j -= 1
                continue
            break
        # a phrase never starts on a function word
        j += 1
        while j < s and ctx.keys[j] in ("of", "to", "and", "for", "'s", "'"):
            j += 1
        return j

    def _describes_title(self, j: int, s: int) -> bool:
        """A lower-case adjective (or participle) describing a title between it and the name
        at ``s``: "outspoken" in "Ukraine's outspoken foreign minister X", "evil" (joined to
        "awful") in "awful and evil minister X". It keeps the state before it in the phrase."""
        tok = self.ctx.tokens[j]
        hyphen = tok.text == "-" and not tok.whitespace_ and j > 0 and not self.ctx.tokens[j - 1].whitespace_
        if not (hyphen or tok.is_lower and (tok.pos_ in ("ADJ", "ADV") or tok.tag_ in _DESCRIBING_TAGS)):
            return False
        for _ in range(3):
            # "awful and evil": the second adjective hangs on the first; "newly appointed" and
            # "long-serving" on the participle
            if tok.dep_ in ("conj", "advmod", "punct") and tok.head.i != tok.i:
                tok = tok.head
                continue
            break
        head = tok.head.i
        return tok.dep_ in ("amod", "compound", "nmod") and (tok.pos_ == "ADJ" or tok.tag_ in _DESCRIBING_TAGS) \
            and j < head < s and self.is_title_token(head)

    def _scan_right(self, s: int) -> int:
        ctx, doc = self.ctx, self.ctx.doc
        sent_end = ctx.sentence(s).end if s < len(doc) else s
        j = s
        while j < min(sent_end, len(doc)):
            tok, k = doc[j], ctx.keys[j]
            if k in (",", ";", ":", ".", "!", "?", '"', "\u201c", "\u201d") or tok.is_space:
                break
            if j in self.person_tokens or k in _APPOS_STOP:
                break
            ref = self.refs.get(j)
            if ref is not None:
                j = ref.end
                continue
            if tok.pos_ in ("VERB", "AUX", "PRON") and not self.is_title_token(j) and k not in ("his", "her"):
                break
            j += 1
        return j

    def _read(self, a: int, b: int, after_name: bool = False) -> Role | None:
        """Role, code and gender stated in [a, b)."""
        if a >= b:
            return None
        ctx = self.ctx
        titles = self.titles_in(a, b)
        refs: list[Cand] = []
        seen: set[int] = set()
        for i in range(a, b):
            c = self.refs.get(i)
            if c is not None and id(c) not in seen and ref_code(c):
                seen.add(id(c))
                refs.append(c)
        gender = next((ctx.lex.honorifics[ctx.keys[i]] for i in range(a, b) if ctx.keys[i] in ctx.lex.honorifics),
                      None) or next((ctx.lex.gendered_words[ctx.keys[i]] for i in range(a, b)
                                     if ctx.keys[i] in ctx.lex.gendered_words), None)
        if not titles and not refs and gender is None:
            return None
        if not titles and gender is None:
            # a state next to a name is not a role ("Taiwan's Tsai Ing-wen" gives TWN below), but
            # membership of a state's body is ("a member of the Syrian parliament, X")
            return self._member_of(a, b, refs)
        role = sector = title = None
        code = None
        if titles:
            # the title nearest the name: the last before it, or the first after it
            t = titles[0] if after_name else titles[-1]
            title, sector = t[2], t[3]
            role, posted = self._written(t, b)
            before = [c for c in refs if c.start < t[0]]
            # "ambassador to the UN" is posted there; the state before the title sends them
            after = [c for c in refs if c.start >= t[1] and c.start not in posted]
            pick = before[0] if before else (after[0] if after else None)
            code = ref_code(pick) if pick else None
            if pick is not None and pick.kind in ("organisation", "group") and pick.how != "institution":
                sector = pick.sector or sector
        return Role(role=role, code=code, sector=sector, title=title, start=a, end=b, gender=gender)

    def _member_of(self, a: int, b: int, refs: list[Cand]) -> Role | None:
        """"a member of the Syrian parliament", "members of Egypt's army": a person of a body
        of a state acts for that state, in the body's sector."""
        ctx = self.ctx
        keys = ctx.keys
        for i in range(a, b - 2):
            if keys[i] not in MEMBER_NOUNS or keys[i + 1] != "of":
                continue
            heads = ctx.lex.body_heads
            for j in range(b - 1, i + 1, -1):
                sector = heads.get((keys[j],)) or (heads.get((keys[j - 1], keys[j])) if j > i + 2 else None)
                if sector is None:
                    continue
                states = [c for c in refs if i + 1 < c.start < j and c.kind in ("state", "location")]
                if states:
                    return Role(role=ctx.doc[i:j + 1].text, code=ref_code(states[0]), sector=sector,
                                start=a, end=b)
                return None
        return None

    def _written(self, t: tuple[int, int, str, str | None], b: int) -> tuple[str, set[int]]:
        """The title as the article writes it, with a posting ("Ambassador to the United Nations"),
        and the tokens of that posting. An all lower-case title that is the canonical one takes
        the canonical capitals ("foreign minister" → "Foreign Minister")."""
        ctx, doc = self.ctx, self.ctx.doc
        start, end = t[0], t[1]
        posted: set[int] = set()
        j = end + 1
        if j < b and ctx.keys[end] == "to":
            if ctx.keys[j] == "the":
                j += 1
            ref = self.refs.get(j)
            if ref is not None and ref.end <= b:
                posted = set(range(ref.start, ref.end))
                end = ref.end
        while start < t[1] - 1 and (c := self.refs.get(start)) is not None and c.kind == "state":
            start = c.end  # "U.S. Secretary of State": the state is the code, not part of the role
        while start < t[1] - 1 and ctx.keys[start] in ("'s", "'"):
            start += 1
        text = doc[start:end].text
        if (text.islower() or text.isupper()) and fold(text) == fold(t[2]):
            text = t[2]
        elif text.isupper():
            text = text.title()
        return text, posted

    def possessor_code(self, start: int) -> str | None:
        """"Taiwan's Tsai Ing-wen": a state in the possessive right before a name."""
        ctx = self.ctx
        if start >= 2 and ctx.keys[start - 1] in ("'s", "'"):
            c = self.refs.get(start - 2)
            if c is not None:
                return ref_code(c)
        return None

    # ---------------------------------------------------------------- standalone titles

    def standalone(self, taken: set[int]) -> list[tuple[int, int, Role]]:
        """Title phrases naming nobody explicitly ("the minister", "Iran's foreign minister")."""
        ctx, doc = self.ctx, self.ctx.doc
        out = []
        for ts, te, title, sector in self.titles_in(0, len(doc)):
            if any(i in taken for i in range(ts, te)):
                continue
            last = doc[te - 1]
            if last.tag_ in ("NNS", "NNPS"):
                continue  # "the leaders of ..." names several people
            nxt = te
            while nxt < len(doc) and ctx.keys[nxt] in (",",):
                nxt += 1
            if nxt < len(doc) and (nxt in self.person_tokens or ctx.ent_label.get(nxt) == "PERSON"):
                continue
            a = self._scan_left(ts, strict=True)
            det = any(ctx.keys[i] in ("the", "'s", "his", "her", "its") for i in range(max(0, a - 1), ts)) \
                or (a > 0 and ctx.keys[a - 1] in ("the", "'s"))
            # "the president of the United States"
            b = te
            if b + 1 < len(doc) and ctx.keys[b] == "of":
                j = b + 1
                if ctx.keys[j] == "the":
                    j += 1
                c = self.refs.get(j)
                if c is not None:
                    b = c.end
            role = self._read(a, b)
            if role is None:
                continue
            has_ref = role.code is not None
            if not (det or has_ref):
                continue
            role.role, role.title, role.sector = title, title, role.sector or sector
            out.append((a, b, role))
        return out
