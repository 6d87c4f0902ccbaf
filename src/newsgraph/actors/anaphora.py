"""Anaphora for states, organisations and groups, by rules over the parse.

Runs after every name is resolved (people's pronouns are ``coref.py``'s), so it reads the
ActorIndex and adds to it:

- "it"/"its"/"itself" stand for one state, organisation or group ("If China ..., it should
  stop"; "Hamas ... its fighters");
- "they"/"their"/"them" stand for a noun phrase of plural number: a coordination ("Niger, Mali
  and Burkina Faso said they": all three), a plural noun an actor modifies ("Chinese officials
  ... warned them": China), a group, or an earlier plural anaphor;
- "the country", "the bloc", "the group", "the militants": the nearest actor of that kind;
  "his country": the state of the person "his" stands for; "the two countries", "these states",
  "all three": the nearest coordination of actors (of that size); "the North": North Korea, in an
  article that names it.

Candidates are the noun phrases before the pronoun, in the same quotation when it is quoted (the
speaker's "they" is not someone the narrative named). Order:

- subject pronoun: the subject of the say/think verb whose complement it is ("X and Y said they");
  else the nearest earlier subject of the same number in the sentence; else (plural) the nearest
  plural noun phrase in the sentence; else the main subject of one of the two previous sentences;
- possessive, object or reflexive: (plural) the subject of its own clause when it comes first
  ("Top U.S. officials voiced concerns to their counterparts"); else the nearest noun phrase of
  the same number before it in the sentence ("the council imposed sanctions on North Korea over
  its tests"); else the previous sentences, nearest first.

A noun phrase of the same number that is no actor blocks: "mothers carried their children",
"negotiations were in their final stages" leave "their" unresolved. Singular nouns are
everywhere, so for "it"/"its" only a subject blocks ("The plan failed because it ...").
"""
from __future__ import annotations

from dataclasses import dataclass

from ..nlp import children
from ..records import Span
from .context import DocContext
from .index import ActorIndex
from .normalise import alias_key

_SUBJ = frozenset({"nsubj", "nsubjpass"})


def own_parties(t) -> set[int]:
    """Tokens of the phrases that do the act ``t`` is an argument of: the subjects of the verbs
    above it and the nouns their relative clauses modify, with their conjuncts. "X and Y, which
    are mediating between the two sides": the two sides are not X and Y."""
    out: set[int] = set()
    for anc in t.ancestors:
        heads = [c for c in children(anc) if c.dep_ in _SUBJ]
        if anc.dep_ == "relcl":
            heads.append(anc.head)
        for h in heads:
            out.add(h.i)
            out.update(c.i for c in h.conjuncts)
        if anc.dep_ == "relcl":
            break
    return out
_NOT_HEAD = frozenset({"conj", "compound", "amod", "nmod", "appos", "nummod", "quantmod", "npadvmod", "det"})
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
_MODIFIER = frozenset({"amod", "compound", "poss", "nmod"})
_COLLECTIVE_KINDS = frozenset({"state", "organisation", "group"})
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
_SENTENCES_BACK = 2
_NOUN_SENTENCES_BACK = 3
_GROUP_SENTENCES_BACK = 4


@dataclass
class NP:
    """A noun phrase as a candidate antecedent: its head, the actors it denotes, its number."""

    head: int
    ids: list[str]
    number: str  # sg | pl | any (a group: "Hamas ... it", "the Houthis ... they")


class Anaphora:
    def __init__(self, ctx: DocContext, index: ActorIndex):
        self.ctx = ctx
        self.index = index
        self.words = ctx.lex.anaphora
        self.kind = {a.id: a.kind for a in index.actors}
        self.code = {a.id: a.code for a in index.actors}
        self.res: dict[int, list[str]] = {}
        from ..quotes.lexicon import load_cues  # not at import: the quotes package pulls in spaCy

        self.cues = load_cues()
        # a capital named as a place ("Kyiv's hospital, the country's largest") still points to its state
        state_id = {a.code: a.id for a in index.actors if a.kind == "state"}
        self.capital_of: dict[str, str] = {}
        for a in index.actors:
            if a.kind == "location":
                hit = next((h for h in ctx.kb.hits(alias_key(a.name)) if h.how == "capital"), None)
                if hit is not None and hit.entry.code in state_id:
                    self.capital_of[a.id] = state_id[hit.entry.code]
        self.region = _quote_regions(ctx)

    # ---------------------------------------------------------------- entry point

    def run(self) -> dict[int, list[str]]:
        """Token → the actors it stands for, for every anaphor resolved (text order)."""
        ctx, w = self.ctx, self.words
        # _noun finds nothing for a word outside its word lists: most tokens are not asked
        noun_keys = w.noun_keys
        keys, taken = ctx.keys, self.index.token_actor
        for t in ctx.tokens:
            if t.i in taken:
                continue
            k = keys[t.i]
            ids: list[str] = []
            if k in w.singular_pronouns and t.pos_ == "PRON" or k == "its":
                ids = self._pronoun(t, "sg")
            elif k in w.plural_pronouns and (t.pos_ == "PRON" or k == "their"):
                ids = self._pronoun(t, "pl")
            elif k in noun_keys and t.dep_ not in ("compound", "amod"):
                ids = self._noun(t, k)
            if ids:
                self.res[t.i] = ids
        return self.res

    # ---------------------------------------------------------------- pronouns

    def _pronoun(self, p, want: str) -> list[str]:
        k = self.ctx.keys[p.i]
        subject = p.dep_ in _SUBJ
        if k == "it" and (not subject or p.head.lemma_.lower() in self.words.expletive_verbs):
            return []  # "calling it a ...", "it is time to": events and expletives, not actors
        if subject:
            found = self._say_subject(p, want)
            if found is not None:
                return found
            found = self._nearest(p, want, subjects_only=True)
            if found is None and want == "pl":
                found = self._nearest(p, want)
        else:
            found = None
            own = self._own_subject(p) if want == "pl" else None
            if own is not None:
                found = self._verdict(self._np(own), want, p)
            if found is None:
                found = self._nearest(p, want)
        if found is None:
            found = self._previous(p, want, subject)
        return found or []

    def _verdict(self, np: NP | None, want: str, p) -> list[str] | None:
        """The actors if ``np`` is a fitting antecedent, [] if it blocks, None to look further."""
        if np is None or np.number not in (want, "any"):
            return None
        if not np.ids:
            if want == "pl":
                return []
            tok = self.ctx.tokens[np.head]
            # a singular thing as a subject blocks "it": "the plan failed because it ..."
            return [] if tok.pos_ == "NOUN" and tok.dep_ in _SUBJ and p.dep_ in _SUBJ else None
        kinds = {self.kind.get(a) for a in np.ids}
        if "location" in kinds:
            return None
        if want == "sg" and not (len(np.ids) == 1 and kinds <= _COLLECTIVE_KINDS):
            return None  # a person is "he"/"she", never "it"
        return list(np.ids)

    def _say_subject(self, p, want: str) -> list[str] | None:
        """"X and Y said they ...": the subject of the say/think verb the pronoun's clause completes."""
        cues = self.cues
        cur = p.head
        for _ in range(3):
            if cur.dep_ == "ccomp" and cues.verb_kind(cur.head.lemma_) is not None:
                subj = next((c for c in children(cur.head) if c.dep_ in _SUBJ), None)
                if subj is not None and subj.i < p.i and self._same_region(subj.i, p.i):
                    return self._verdict(self._np(subj), want, p)
                return None
            if cur.head is cur:
                return None
            cur = cur.head
        return None

    def _own_subject(self, p):
        """The subject of the clause a possessive or object pronoun sits in, when it comes first."""
        v = p.head
        for _ in range(6):
            if v.pos_ in ("VERB", "AUX") or v.head is v:
                break
            v = v.head
        subj = next((c for c in children(v) if c.dep_ in _SUBJ), None)
        if subj is None or subj.i > p.i or subj.left_edge.i <= p.i <= subj.right_edge.i:
            return None
        return subj if self._same_region(subj.i, p.i) else None

    def _nearest(self, p, want: str, subjects_only: bool = False) -> list[str] | None:
        """The nearest fitting noun phrase before ``p`` in its sentence; [] when one blocks."""
        sent = self.ctx.sentence(p.i)
        for np, coord in reversed(self._phrases(sent.start, p.i)):
            tok = self.ctx.tokens[np.head]
            if not self._same_region(np.head, p.i):
                continue
            if coord is not None:
                # a member of "X and Y" is not "it", unless "it" is inside: "the US and its allies"
                if want != "sg" or not coord.left_edge.i <= p.i <= coord.right_edge.i:
                    continue
            if subjects_only and tok.dep_ not in _SUBJ:
                continue
            found = self._verdict(np, want, p)
            if found is not None:
                return found
        return None

    def _previous(self, p, want: str, subject: bool) -> list[str] | None:
        """The previous sentences: their main subject first for a subject pronoun, else the nearest phrase."""
        ctx = self.ctx
        n = ctx.sent_of[p.i]
        for back in range(1, _SENTENCES_BACK + 1):
            if n - back < 0:
                break
            sent = ctx.sents[n - back]
            if not self._same_region(sent.end - 1, p.i) and not self._same_region(sent.start, p.i):
                break
            main = next((c for c in children(sent.root) if c.dep_ in _SUBJ), None)
            order = []
            if subject and main is not None:
                order.append((self._np(main), main.i))
            if want == "pl" or not subject:
                order += [(np, np.head) for np, coord in reversed(self._phrases(sent.start, sent.end))
                          if coord is None]
            for np, i in order:
                if not self._same_region(i, p.i):
                    continue
                found = self._verdict(np, want, p)
                if found is not None:
                    return found
        return None

    # ---------------------------------------------------------------- noun phrases as antecedents

    def _phrases(self, start: int, end: int) -> list[tuple[NP, object]]:
        """Noun phrases with heads in [start, end), in text order; members of a coordination
        are listed too, with the coordination's head."""
        out: list[tuple[NP, object]] = []
        for t in self.ctx.tokens[start:end]:
            if t.pos_ not in _NOMINAL or t.dep_ in _NOT_HEAD:
                continue
            np = self._np(t)
            if np is None:
                continue
            out.append((np, None))
            if np.number == "pl":
                for c in _conjuncts(t) if len(_conjuncts(t)) > 1 else ():
                    one = self._single(c)
                    if one is not None and c.i < end:
                        out.append((one, t))
        return sorted(out, key=lambda x: x[0].head)

    def _np(self, t) -> NP | None:
        if t.i in self.res:
            ids = self.res[t.i]
            plural = self.ctx.keys[t.i] in self.words.plural_pronouns or t.tag_ in _PLURAL_TAGS or len(ids) > 1
            return NP(t.i, ids, "pl" if plural else "sg")
        conj = _conjuncts(t)
        if len(conj) == 1 and not self.index.all_at(t.i):
            # "three West African states Niger, Mali and Burkina Faso": the apposition names them
            app = next((c for c in children(t) if c.dep_ == "appos"), None)
            if app is not None and len(_conjuncts(app)) > 1:
                conj = _conjuncts(app)
        if len(conj) > 1:
            ids: list[str] = []
            for c in conj:
                one = self._single(c)
                for a in one.ids if one is not None else []:
                    if a not in ids:
                        ids.append(a)
            return NP(t.i, ids, "pl")
        return self._single(t)

    def _single(self, t) -> NP | None:
        k = self.ctx.keys[t.i]
        if t.i in self.res:
            return self._np(t)
        ids = self.index.all_at(t.i)
        if t.pos_ == "PRON" and not ids:
            return NP(t.i, [], "pl") if k in self.words.plural_pronouns else None
        if not ids and k in self.words.collective_nouns:
            # "Chinese officials", "U.S. forces": the actor modifying them
            for c in children(t):
                a = self.index.at(c.i) if c.dep_ in _MODIFIER else None
                if a is not None and self.kind.get(a) in _COLLECTIVE_KINDS:
                    ids = [a]
                    break
        if not ids:
            if t.pos_ == "PRON":
                return None
            return NP(t.i, [], "pl" if t.tag_ in _PLURAL_TAGS else "sg")
        kinds = {self.kind.get(a) for a in ids}
        if len(ids) > 1:
            return NP(t.i, ids, "pl")
        if t.pos_ == "NOUN" and t.tag_ in _PLURAL_TAGS:
            return NP(t.i, ids, "pl")
        return NP(t.i, ids, "any" if kinds == {"group"} else "sg")

    # ---------------------------------------------------------------- anaphoric nouns

    def _noun(self, t, k: str) -> list[str]:
        w = self.words
        if t.pos_ == "NUM" or k == "both":
            size = w.numbers.get(k)
            if size and t.dep_ in _SUBJ | {"dobj", "pobj"}:
                return self._group(t, "any", size)
            return []
        if t.pos_ not in ("NOUN", "PROPN"):
            return []
        dets = {self.ctx.keys[c.i] for c in children(t) if c.dep_ in ("det", "predet")}
        if k in w.compass_states and "the" in dets:
            state, needs = w.compass_states[k]
            have = {self.code[a.id]: a.id for a in self.index.actors if a.kind == "state"}
            return [have[state]] if all(n in have for n in needs) else []
        if t.pos_ != "NOUN":
            return []
        if k in w.home_state_nouns and t.tag_ == "NN":
            return self._home_state(t, dets)
        # "the states Niger, Mali and Burkina Faso", "the leaders of ...": named right there
        if k in w.group_nouns and not any(c.dep_ == "appos" or c.dep_ == "prep" and c.lower_ == "of"
                                          for c in children(t)):
            num = next((c for c in children(t) if c.dep_ == "nummod" and self.ctx.keys[c.i] in w.numbers), None)
            if num is not None or dets & w.group_determiners:
                return self._group(t, w.group_nouns[k], w.numbers[self.ctx.keys[num.i]] if num is not None else None)
            return []
        kind = w.singular_nouns.get(k) if t.tag_ == "NN" else w.plural_nouns.get(k)
        if kind is None or any(c.dep_ == "prep" and c.lower_ == "of" for c in children(t)):
            return []
        poss = next((c for c in children(t) if c.dep_ == "poss"), None)
        if poss is not None:
            # "his country": the state of the person "his" stands for
            owner = self.index.at(poss.i)
            if kind == "state" and owner is not None and self.kind.get(owner) == "person":
                code = self.code.get(owner)
                return [a.id for a in self.index.actors if a.kind == "state" and a.code == code][:1]
            return []
        if not dets & {"the", "this", "that"}:
            return []
        for c in children(t):
            # "the Chinese nation": named by its modifier, not by what came before
            a = self.index.at(c.i) if c.dep_ in _MODIFIER else None
            if a is not None or (c.dep_ in _MODIFIER and c.pos_ == "PROPN"):
                return [a] if a is not None and self.kind.get(a) == kind else []
        return self._recent(t, kind)

    def _home_state(self, t, dets: set[str]) -> list[str]:
        """"the government" with no state of its own ("the government of X", "the Thai
        government" are names): the state of the person or state body whose words it is in
        ("The President said the government has ..."), else the state the article is about,
        when one clearly dominates. Not inside a quotation: a speaker's own government is the
        quote stage's to judge."""
        ctx = self.ctx
        if dets != {"the"} or ctx.quoted[t.i] or any(
                c.dep_ in _MODIFIER or c.dep_ in ("appos", "relcl") or c.dep_ == "prep" and _names_a_place(c)
                for c in children(t)):
            return []
        states = {a.code: a.id for a in self.index.actors if a.kind == "state" and a.code}
        # only as part of what someone says: "Russia accused the government" is another state's
        below = t
        for v in t.ancestors:
            if below.dep_ in ("ccomp", "parataxis") and v.pos_ in ("VERB", "AUX"):
                subj = next((c for c in children(v) if c.dep_ in _SUBJ), None)
                aid = self.index.at(subj.i) if subj is not None else None
                if aid is not None and self.kind.get(aid) in ("person", "organisation", "state"):
                    code = self.code.get(aid)
                    return [states[code]] if code in states else []
                break
            below = v
        return self._dominant_state(states)

    def _dominant_state(self, states: dict[str, str]) -> list[str]:
        """The state named (itself, or by the people and bodies acting for it) at least three times
        and more than twice as often as any other."""
        if "dominant" not in self.__dict__:
            counts: dict[str, int] = {}
            for m in self.index.mentions:
                if m.how in ("pronoun", "anaphor"):
                    continue
                code = self.code.get(m.actor_id)
                if code in states and self.kind.get(m.actor_id) in ("state", "person", "organisation"):
                    counts[code] = counts.get(code, 0) + 1
            ranked = sorted(counts.items(), key=lambda kv: -kv[1])
            top = ranked[0] if ranked else None
            ok = top is not None and top[1] >= 3 and (len(ranked) == 1 or top[1] > 2 * ranked[1][1])
            self.__dict__["dominant"] = [states[top[0]]] if ok else []
        return self.__dict__["dominant"]

    def _recent(self, t, kind: str) -> list[str]:
        """The nearest actor of ``kind`` before ``t`` (an organisation: not a body of a state)."""
        ctx = self.ctx
        first = ctx.sents[max(0, ctx.sent_of[t.i] - _NOUN_SENTENCES_BACK)].start
        for j in range(t.i - 1, first - 1, -1):
            if ctx.tokens[j].dep_ == "amod" and j not in self.res:
                continue  # "a pro-Iran militia ... the country" is not Iran
            ids = self.res.get(j) or self.index.all_at(j)
            ids = [self.capital_of.get(a, a) if kind == "state" else a for a in ids]
            if not any(self.kind.get(a) == kind and not (kind == "organisation" and self.code.get(a) in ctx.kb.states)
                       for a in ids):
                if t.lower_ == "island" and any(self.kind.get(a) == "location" for a in ids):
                    return []  # "landed on Lampedusa from Libya ... the island": a place, not a state
                continue
            # after "Chile and Peru", "the country" could be either
            return [] if len(ids) > 1 or len(_conjuncts(_np_head(ctx.tokens[j]))) > 1 else ids
        return []

    def _group(self, t, kind: str, size: int | None) -> list[str]:
        """The nearest coordination of actors of ``kind`` (and ``size``) before ``t``."""
        ctx = self.ctx
        n = ctx.sent_of[t.i]
        own = own_parties(t)
        for back in range(0, _GROUP_SENTENCES_BACK + 1):
            if n - back < 0:
                break
            sent = ctx.sents[n - back]
            end = t.i if back == 0 else sent.end
            for np, coord in reversed(self._phrases(sent.start, end)):
                if coord is not None or len(np.ids) < 2 or np.head >= t.i or np.head in own:
                    continue
                if kind != "any" and any(self.kind.get(a) != kind for a in np.ids):
                    continue
                if size is None or len(np.ids) == size:
                    return list(np.ids)
        return []

    def _same_region(self, i: int, j: int) -> bool:
        return self.region[i] == self.region[j]


def _names_a_place(prep) -> bool:
    """"the government of Chad", "the government in Kabul": the phrase names whose it is (the
    parser also hangs "of fraud" on the noun in "accused the government of fraud")."""
    return prep.lower_ in ("of", "in") and any(g.dep_ == "pobj" and (g.pos_ == "PROPN" or g.ent_type_)
                                               for g in children(prep))


def _np_head(t):
    """The head of the noun phrase a name token is part of ("North" → "Korea")."""
    while t.dep_ in ("compound", "flat") and t.head is not t:
        t = t.head
    return t.head if t.dep_ == "conj" else t


def _conjuncts(t) -> list:
    """``t`` and the phrases coordinated with it ("Niger, Mali and Burkina Faso")."""
    if t.dep_ == "conj" or not any(c.dep_ == "conj" for c in children(t)):
        return [t]
    return sorted([t, *t.conjuncts], key=lambda x: x.i)


def _quote_regions(ctx: DocContext) -> list[int]:
    """0 outside quotations; each quotation (a run of quoted tokens) its own number.

    A fragment quoted inside a sentence of narrative, starting lower-case ('Ukraine and Russia
    will "present their vision"'), is part of the narrative: the writer's syntax, not a turn.
    """
    quoted = ctx.quoted
    out, n, start = [0] * len(quoted), 0, None
    for i, q in enumerate([*quoted, False]):
        if q and start is None:
            start = i
        elif not q and start is not None:
            first = next((t for t in ctx.tokens[start:i] if t.is_alpha), None)
            fragment = ctx.sent_of[start] == ctx.sent_of[i - 1] and first is not None and first.text[0].islower()
            if not fragment:
                n += 1
                out[start:i] = [n] * (i - start)
            start = None
    return out


def resolve_anaphora(ctx: DocContext, index: ActorIndex) -> None:
    """Add every resolved anaphor to the index (``all_at`` gives a plural one's actors)."""
    doc = ctx.doc
    by_id = {a.id: a for a in index.actors}
    for i, ids in Anaphora(ctx, index).run().items():
        index.add_group(i, i + 1, ids, "pronoun" if doc[i].pos_ == "PRON" or ctx.keys[i] == "its" else "anaphor")
        tok = doc[i]
        for a in ids:
            by_id[a].mentions.append(Span(text=tok.text, start=tok.idx, end=tok.idx + len(tok.text)))
    for a in index.actors:
        a.mentions.sort(key=lambda s: s.start)
    index.mentions.sort(key=lambda m: (m.start, m.end))
