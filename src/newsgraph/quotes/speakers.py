"""From a cue to who is speaking: the speaker span as written, and the actor it names.

Rules, in order, for a verb cue:
  passive with an agent    "…, was stated by the ministry"          → the agent
  passive quote/cite       "X was quoted as saying"                  → X
  subject                  "He emphasized", "“…,” said Stoltenberg" → nsubj (pronouns included)
  inverted, mis-parsed     "“…,” said Smith" with Smith as object   → the noun right after the cue
  shared subject           "X warned … and said …"                  → the first conjunct's speaker
  participle               "…, stating …", "a statement saying …"   → the nearest cue ancestor's
                                                                       speaker, else the clause's subject
  participle on people     "staff members suggesting …"              → the people it describes
For a nominal cue ("his concern", "the ministry's statement that"): the possessor, else the
speaker of the verb the noun is the object of.
"""
from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass
from functools import lru_cache

import numpy
from spacy.attrs import DEP, LEMMA, LOWER, POS
from spacy.parts_of_speech import AUX, NOUN, PROPN, VERB
from spacy.tokens import Doc, Token

from ..actors.index import ActorIndex
from ..nlp import doc_tokens, span_text
from ..records import Actor
from .lexicon import CueLexicon

SUBJECTS = ("nsubj", "csubj")
PASSIVE_MARKERS = ("auxpass", "nsubjpass", "csubjpass")
RELATIVE = frozenset({"who", "which", "that", "whom"})
_NOMINAL_POS = ("NOUN", "PROPN")
_VERB_POS = ("VERB", "AUX")
_EDGE_PUNCT = set(",;:-—–()\"'“”‘’«»")


@dataclass
class SpeakerRef:
    """Speaker tokens [start, end) as written, and ``head``: the token whose actor is the speaker."""

    start: int
    end: int
    head: int


def cue_kind(tok: Token, lex: CueLexicon) -> str | None:
    """``speech``, ``cognition``, ``nominal`` or None for one token."""
    if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ != "aux"):
        return lex.verb_kind(tok.lemma_)
    if tok.pos_ in _NOMINAL_POS and lex.is_nominal(tok.lemma_ if tok.pos_ == "NOUN" else tok.lower_):
        return "nominal"
    return None


_KINDS_KEY = "newsgraph.cue_kinds"


def cue_kinds(doc: Doc, lex: CueLexicon) -> list[str | None]:
    """``cue_kind`` of every token, built once per Doc (and lexicon) from the token arrays: the
    stages that look for cues scan whole sentences and documents, and asking each Token for its
    part of speech and lemma cost more than the rest of the quote stage. Shared: read only."""
    cached = doc.user_data.get(_KINDS_KEY)
    if cached is not None and cached[0] is lex:
        return cached[1]
    kinds: list[str | None] = [None] * len(doc)
    if kinds:
        rows = doc.to_array([POS, DEP, LEMMA, LOWER]).reshape(-1, 4)
        pos = rows[:, 0]
        verbal = (pos == VERB) | ((pos == AUX) & (rows[:, 1] != doc.vocab.strings["aux"]))
        nominal = (pos == NOUN) | (pos == PROPN)
        key = numpy.where(pos == PROPN, rows[:, 3], rows[:, 2])  # proper nouns by their lower form
        verb_memo, noun_memo = _kind_memo(lex)
        for mask, memo, judge in ((verbal, verb_memo, lex.verb_kind),
                                  (nominal, noun_memo, _nominal_kind(lex))):
            at = numpy.flatnonzero(mask)
            # one lexicon look-up per distinct word, remembered across documents
            words, which = numpy.unique(key[at], return_inverse=True)
            answers = []
            for h in words.tolist():
                kind = memo.get(h, _UNSEEN)
                if kind is _UNSEEN:
                    kind = memo[h] = judge(doc.vocab.strings[h])
                answers.append(kind)
            hit = numpy.array([a is not None for a in answers], dtype=bool)
            if hit.any():
                listed = hit[which]
                for i, w in zip(at[listed].tolist(), which[listed].tolist()):
                    kinds[i] = answers[w]
    doc.user_data[_KINDS_KEY] = (lex, kinds)
    return kinds


_UNSEEN = object()


def _nominal_kind(lex: CueLexicon):
    return lambda word: "nominal" if lex.is_nominal(word) else None


@lru_cache(maxsize=4)
def _kind_memo(lex: CueLexicon) -> tuple[dict[int, str | None], dict[int, str | None]]:
    """Per lexicon, the answers already given by string hash: verb lemma → kind, noun lemma or
    proper-noun lower form → "nominal" or None."""
    return {}, {}


def trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop punctuation, white space and dangling conjunctions from both ends of a token range."""
    toks = doc_tokens(doc)
    while start < end and (toks[start].is_space or toks[start].text in _EDGE_PUNCT):
        start += 1
    while end > start and (toks[end - 1].is_space or toks[end - 1].text in _EDGE_PUNCT
                           or toks[end - 1].dep_ == "cc"):
        if toks[end - 1].text == ")" and "(" in span_text(doc, start, end - 1):
            break  # a balanced bracket belongs to the span: "Organization (NATO)"
        end -= 1
    return start, end


def _ref(tok: Token, verb: Token | None = None) -> SpeakerRef:
    start, end = trim(tok.doc, tok.left_edge.i, tok.right_edge.i + 1)
    if verb is not None and start <= verb.i < end:
        # the subject's subtree swallowed the cue (mis-parse): keep the part before it
        start, end = trim(tok.doc, start, verb.i)
    if end <= start:
        start, end = tok.i, tok.i + 1
    head = tok
    if tok.lower_ in RELATIVE and verb is not None and verb.dep_ == "relcl":
        head = verb.head  # "Smith, who said …": the actor is the antecedent
    return SpeakerRef(start, end, head.i)


def _child(tok: Token, deps: tuple[str, ...]) -> Token | None:
    for c in tok.children:
        if c.dep_ in deps:
            return c
    return None


def find_speaker(cue: Token, lex: CueLexicon, avoid: Container[int] = frozenset(),
                 para: list[int] | None = None) -> SpeakerRef | None:
    """The speaker of ``cue``. ``avoid``: tokens that cannot be speakers (quoted words);
    ``para``: paragraph of each token, so a speaker never comes from another paragraph."""
    ref = _nominal_speaker(cue, lex, 0) if cue.pos_ in _NOMINAL_POS else _verb_speaker(cue, lex, 0, avoid)
    if ref is None or ref.head in avoid or (para is not None and para[ref.head] != para[cue.i]):
        return None
    return ref


def _nominal_speaker(noun: Token, lex: CueLexicon, depth: int) -> SpeakerRef | None:
    poss = _child(noun, ("poss",))
    if poss is not None:
        return _ref(poss)
    prep = _child(noun, ("prep",))
    if prep is not None and prep.lower_ in ("by", "from"):
        pobj = _child(prep, ("pobj",))
        if pobj is not None:
            return _ref(pobj)
    if noun.dep_ in ("dobj", "nsubjpass", "attr") and noun.head.pos_ in _VERB_POS and depth < 4:
        return _verb_speaker(noun.head, lex, depth + 1)
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in _VERB_POS and depth < 4:
        # "In a statement, the ministry said" / "said in remarks": the verb's speaker
        return _verb_speaker(noun.head.head, lex, depth + 1)
    return None


def _verb_speaker(verb: Token, lex: CueLexicon, depth: int,
                  avoid: Container[int] = frozenset()) -> SpeakerRef | None:
    passive = any(c.dep_ in PASSIVE_MARKERS for c in verb.children)
    if passive:
        agent = _child(verb, ("agent",))
        pobj = _child(agent, ("pobj",)) if agent is not None else None
        if pobj is not None and not (verb.lemma_ in lex.passive_speaker and _child(verb, ("nsubjpass",))):
            return _ref(pobj, verb)
        subj = _child(verb, ("nsubjpass",))
        if subj is not None and verb.lemma_.lower() in lex.passive_speaker:
            return _ref(subj, verb)
        if subj is None or subj.lower_ == "it":
            return None
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS and c.i not in avoid]
    if subjects:
        # two subjects happen when a quote's own subject is hung on the cue: take the nearer
        return _ref(min(subjects, key=lambda c: abs(c.i - verb.i)), verb)
    inverted = _inverted_subject(verb)
    if inverted is not None:
        return _whose_statement(inverted, verb, lex) or _ref(inverted, verb)
    if depth >= 4:
        return None
    if verb.dep_ == "conj" and verb.head.pos_ in _VERB_POS:
        return _verb_speaker(verb.head, lex, depth + 1)
    holder = _participle_holder(verb, lex)
    if holder is not None:
        return _ref(holder, verb)
    if verb.dep_ in ("advcl", "xcomp", "acl", "pcomp", "relcl", "ccomp", "conj", "dep", "parataxis"):
        # a speech cue above wins over a belief verb in between ("X said the data shows …, stating")
        for wanted in (("speech", "nominal"), ("cognition",)):
            for anc in verb.ancestors:
                kind = cue_kind(anc, lex)
                if kind not in wanted:
                    continue
                ref = _nominal_speaker(anc, lex, depth + 1) if kind == "nominal" else \
                    _verb_speaker(anc, lex, depth + 1)
                if ref is not None:
                    return ref
        for anc in verb.ancestors:
            if anc.pos_ in _VERB_POS:
                subj = _child(anc, SUBJECTS)
                if subj is not None and subj.dep_ != "expl":
                    return _ref(subj, anc)
            elif anc.pos_ in _NOMINAL_POS and verb.dep_ == "acl":
                ref = _nominal_speaker(anc, lex, depth + 1)
                if ref is not None:
                    return ref
    return None


_HOLDER_ENTS = ("PERSON", "ORG", "NORP", "GPE")


def _participle_holder(verb: Token, lex: CueLexicon) -> Token | None:
    """"staff members suggesting someone should resign", "protesters chanting …": a participle
    describing people (a name, a named group, a plural noun) says what they say; "a statement
    saying …" (a noun that carries a statement) or "an item suggesting …" speak for whoever
    issued them, the speaker of the cue above."""
    noun = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or noun.pos_ not in _NOMINAL_POS or noun.i > verb.i:
        return None
    if lex.is_nominal(noun.lemma_) or noun.lemma_.lower() in lex.publications:
        return None
    return noun if (noun.pos_ == "PROPN" or noun.ent_type_ in _HOLDER_ENTS or noun.tag_ == "NNS") else None


def _whose_statement(noun: Token, verb: Token, lex: CueLexicon) -> SpeakerRef | None:
    """"“…,” read a statement from Velkov": the speaker is whose the statement is, also when the
    parser hung "from Velkov" on the verb."""
    if cue_kind(noun, lex) != "nominal":
        return None
    own = _nominal_speaker(noun, lex, 4)
    if own is not None:
        return own
    for c in verb.rights:
        if c.dep_ == "prep" and c.lower_ in ("from", "by") and c.i == noun.right_edge.i + 1:
            pobj = _child(c, ("pobj",))
            if pobj is not None:
                ref = _ref(pobj)
                return SpeakerRef(noun.left_edge.i, ref.end, ref.head)
    return None


def _inverted_subject(verb: Token) -> Token | None:
    """"“…,” said Smith" parsed with Smith as an object or modifier of the verb. Only a finite
    verb inverts: in "…, calling it “…”" the object is what is named, not who speaks."""
    if verb.i == 0 or verb.doc[verb.i - 1].text not in (",", "”", '"', "’", "'") or verb.tag_ == "VBG":
        return None
    for c in verb.rights:
        if c.dep_ in ("dobj", "attr", "npadvmod", "nsubj", "appos", "oprd", "dative") and (
            c.pos_ in ("PROPN", "PRON") or (c.pos_ == "NOUN" and c.i - verb.i <= 4)
        ):
            return c
        if c.dep_ not in ("advmod", "npadvmod", "prep"):
            break
    return None


def actor_for(ref: SpeakerRef, actors: ActorIndex) -> str | None:
    """The head's actor; else an apposition's ("U.S. Secretary of State, Antony Blinken");
    else the actor mentioned nearest to the head inside the span."""
    found = actors.at(ref.head)
    if found is not None:
        return found
    doc_head = ref.head
    best: tuple[int, str] | None = None
    for i in range(ref.start, ref.end):
        a = actors.at(i)
        if a is None:
            continue
        dist = abs(i - doc_head)
        if best is None or dist < best[0]:
            best = (dist, a)
    return best[1] if best else None


def appos_actor(doc: Doc, ref: SpeakerRef, actors: ActorIndex) -> str | None:
    """An actor named in an apposition to the speaker's head, if any."""
    for c in doc[ref.head].children:
        if c.dep_ == "appos":
            for t in c.subtree:
                a = actors.at(t.i)
                if a is not None:
                    return a
    return None


def resolve(doc: Doc, ref: SpeakerRef | None, actors: ActorIndex,
            bodies: frozenset[str] = frozenset()) -> str | None:
    if ref is None:
        return None
    return actors.at(ref.head) or appos_actor(doc, ref, actors) or body_actor(doc, ref, actors, bodies) \
        or actor_for(ref, actors) or named_body(doc, ref, actors, bodies)


def body_actor(doc: Doc, ref: SpeakerRef, actors: ActorIndex, bodies: frozenset[str]) -> str | None:
    """"his office said", "Velkov's ministry said": a body of a person's state speaks for that
    state, not for the person; the state (or organisation) the person acts for, when the
    article names it as an actor."""
    head = doc[ref.head]
    if head.pos_ != "NOUN" or head.lemma_.lower() not in bodies:
        return None
    poss = _child(head, ("poss",))
    person = actors.get(actors.at(poss.i)) if poss is not None else None
    if person is None or person.kind != "person":
        return None
    return _acts_for(person, actors)


def _acts_for(person: Actor, actors: ActorIndex) -> str | None:
    """The state (else organisation) actor whose code a person carries."""
    if not person.code:
        return None
    found = [a for a in actors.actors if a.kind in ("state", "organisation") and a.code == person.code]
    found.sort(key=lambda a: a.kind != "state")
    return found[0].id if found else None


def named_body(doc: Doc, ref: SpeakerRef, actors: ActorIndex, bodies: frozenset[str]) -> str | None:
    """"the army said" after "the Ruritanian army chief …": a bare definite body noun is
    the body named at its last earlier mention, which speaks for that mention's state (or for
    the state of the person it was part of)."""
    head = doc[ref.head]
    lemma = head.lemma_.lower()
    if head.pos_ != "NOUN" or lemma not in bodies or not any(
            c.dep_ == "det" and c.lower_ == "the" for c in head.children) or any(
            c.dep_ in ("poss", "compound", "amod", "prep") for c in head.children):
        return None
    for j in range(ref.start - 1, -1, -1):
        if doc[j].lemma_.lower() == lemma and doc[j].pos_ in ("NOUN", "ADJ"):
            earlier = actors.get(actors.at(j))
            if earlier is None:
                return None
            return earlier.id if earlier.kind in ("state", "organisation") else _acts_for(earlier, actors)
    return None


def resolve_all(doc: Doc, ref: SpeakerRef | None, actors: ActorIndex,
                bodies: frozenset[str] = frozenset()) -> list[str]:
    """Every actor of a joint speaker ("Scholz and Rutte", "Niger, Mali and Burkina Faso"):
    the head's, then each conjunct's, in text order, without repeats."""
    first = resolve(doc, ref, actors, bodies)
    out = [first] if first else []
    if ref is None:
        return out
    for t in doc[ref.head].subtree:
        if t.dep_ != "conj" or not ref.start <= t.i < ref.end:
            continue
        found = actors.at(t.i) or actor_for(SpeakerRef(t.left_edge.i, t.right_edge.i + 1, t.i), actors)
        if found and found not in out:
            out.append(found)
    return out


def from_media(doc: Doc, ref: SpeakerRef, lex: CueLexicon) -> bool:
    """A speaker that is a medium: named as one ("AFP", "state media"), or a published piece of
    one ("a Reuters report", "a report by Reuters"), or a definite piece whose earlier mention
    was ("… a story by the broadcaster Radio Nord. The story said …")."""
    toks = doc_tokens(doc)
    if lex.is_media(span_text(doc, ref.start, ref.end)):
        return True
    head = toks[ref.head]
    if head.pos_ != "NOUN" or head.lemma_.lower() not in lex.publications:
        return False
    if _owned_by_media(head, lex):
        return True
    if refers_back(doc, ref) is None:
        return False
    for j in range(ref.start - 1, -1, -1):
        earlier = toks[j]
        if earlier.pos_ == "NOUN" and earlier.lemma_.lower() == head.lemma_.lower():
            return _owned_by_media(earlier, lex)
    return False


def _owned_by_media(noun: Token, lex: CueLexicon) -> bool:
    """"a Reuters report", "the Daily Sentinel's story", "a report by/in/from the outlet Nordpost"."""
    owners = [c for c in noun.children if c.dep_ in ("poss", "compound")]
    owners += [p for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "in", "from")
               for p in c.children if p.dep_ == "pobj"]
    return any(lex.is_media(t.text) or lex.is_media(t.doc[t.left_edge.i:t.right_edge.i + 1].text)
               for o in owners for t in o.subtree)


def refers_back(doc: Doc, ref: SpeakerRef) -> str | None:
    """The noun of a definite speaker without a name ("the statement said"): the quote it
    continues is the one whose speaker was "Biden's statement"."""
    head = doc[ref.head]
    if head.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children):
        return None
    if any(c.dep_ in ("poss", "compound", "amod", "prep") for c in head.children):
        return None
    return head.lemma_.lower()


def noun_of(doc: Doc, ref: SpeakerRef) -> str | None:
    """The head noun's lemma of a speaker span naming whose it is ("Biden's statement")."""
    head = doc[ref.head]
    return head.lemma_.lower() if head.pos_ == "NOUN" else None
