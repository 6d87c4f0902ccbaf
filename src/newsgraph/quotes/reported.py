"""Reported speech: a cue word with the clause (or noun phrase) it attributes.

Patterns, each a dependency configuration around a cue from the lexicon:
  clausal complement  "stated that the U.S. would …", "said X was …", "warned that …"
                      (cognition verbs only with a finite clause: "believes that …")
  to-infinitive       "vowed to retaliate", "plans to visit" (cues flagged ``infinitive``)
  nominal object      "emphasized his concern over …" (object is a nominal cue)
  noun + that-clause  "the ministry's claim that …"
  inverted            "Talks were continuing, an official said."
  inserted            "The deal, she added, was not final." (the whole clause)
  going on            "A, she said, because B." / "A, said X, but B." (the whole sentence)
  leading             "The envoy said, it is time to act." (cue made a parenthetical)
  according to        "According to X, …" / "…, according to X."
  object + reason     "blamed the workers for the losses", "dismissed X as Y"
  stance              "the union endorsed X", "X was endorsed by the union" (``stance`` verbs)
  topic               "spoke of the war", "warned against hackers" (``topic`` verbs)
Cues inside a direct quote are skipped: only the outermost attribution counts. Cues inside an
indirect question or a condition state nothing, and so do "described X" without a label, an
object the speaker answers with ", saying …", and an object speech act set as background
("As she conceded X, the mayor insisted …").
Contents stop before the writer's additions (a second speech act, ", according to …", a
dateline, a gloss after an infinitive, a present-perfect relative clause on a thing named
after a preposition). A noun
phrase content that is only a direct quote ("calling it "…"") is left to the direct stage.
Each candidate's ``kind`` names its pattern.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, islice

import numpy
from spacy.attrs import LEMMA, LOWER, POS
from spacy.parts_of_speech import VERB
from spacy.tokens import Doc, Token

from ..nlp import dateline_end, doc_text, doc_tokens, sent_bounds, span_text
from .lexicon import CueLexicon
from .marks import token_paragraphs
from .speakers import SpeakerRef, _ref, cue_kind, cue_kinds, find_speaker, trim

_FINITE_SUBJECTS = ("nsubj", "nsubjpass", "expl", "csubj")
_NESTED_DEPS = ("advcl", "conj", "xcomp", "parataxis")
_OPEN_MARKS = "\"“«"
_CLOSE_MARKS = "\"”»"
_QUESTION_MARKS = ("whether", "if")
_DOUBLE_MARK_TOKENS = frozenset({'"', "“", "”", "''", "``", "«", "»"})
_TOPIC_PREPS = ("over", "about", "on", "regarding", "at", "of")
_FINITE_TAGS = ("VBD", "VBZ", "VBP")
# capitalised place name(s), optionally ", Region" and "(Agency)", then a dash
_REASON_PREPS = ("for", "as", "of")
_BACKGROUND_MARKS = ("as", "while")
_ABOUT_PREPS = ("about", "of", "on", "against", "over", "regarding")
_CLAUSAL = ("ccomp", "xcomp", "oprd", "dobj")
# a participle describing a noun ("a country wanting to …", sometimes parsed as a clausal
# subject) states a condition, not what anyone said or intends
_MODIFIER_DEPS = ("acl", "amod", "csubj")
_CUE_ADJUNCTS = ("prep", "npadvmod", "advmod")
_LEADING_CUES = ("say", "tell", "add", "state", "declare", "insist", "warn", "write", "note")
# "A, she said, because B" / "A, said X, but B": words that carry the statement on past an
# attribution set off inside it (a plain "and" or "as" after it is mostly the writer's)
_GOING_ON_MARKS = ("because", "since", "although", "though")
_GOING_ON_CC = ("but",)
_SCENE_MARKS = ("as", "while", "when", "after", "before", "until", "once", "whereas")


@dataclass
class ReportedCandidate:
    start: int  # content tokens [start, end)
    end: int
    cue: tuple[int, int]
    speaker: SpeakerRef | None
    kind: str  # clause | inserted | inverted | infinitive | noun-clause | nominal-object | naming
    #            | object | stance | topic | according | list


def find_reported(doc: Doc, lex: CueLexicon, in_quote: list[bool]) -> list[ReportedCandidate]:
    """Every reported statement outside direct quotes. ``in_quote[i]``: token i is quoted."""
    out: list[ReportedCandidate] = []
    seen: set[tuple[int, int]] = set()
    para = token_paragraphs(doc)
    toks = doc_tokens(doc)
    for i in _candidates(doc, lex):
        if in_quote[i]:
            continue
        tok = toks[i]
        found = _match(doc, tok, lex)
        if found is None or _in_question(tok):
            continue
        (start, end), cue, speaker, kind = found
        if speaker is not None and (in_quote[speaker.head] or para[speaker.head] != para[tok.i]):
            speaker = None
        start, end = _same_paragraph(doc, start, end, tok.i)
        start = _after_dateline(doc, start, end)
        start, end = _close_marks(doc, *trim(doc, start, end))
        if end - start < 2 or (start, end) in seen:
            continue
        if _only_quote(doc, start, end, in_quote, kind):
            continue  # the content is a direct quote: reported by the direct stage
        seen.add((start, end))
        out.append(ReportedCandidate(start, end, cue, speaker, kind))
    return _outermost(out)


def _candidates(doc: Doc, lex: CueLexicon) -> list[int]:
    """The tokens ``_match`` can answer for, in order: a cue word, "according", or a stance or
    topic verb. Read from the token arrays, so the other nine words in ten cost no Token."""
    kinds = cue_kinds(doc, lex)
    found = {i for i, kind in enumerate(kinds) if kind is not None}
    if kinds:
        strings = doc.vocab.strings
        rows = doc.to_array([POS, LEMMA, LOWER]).reshape(-1, 3)
        found.update(numpy.flatnonzero(rows[:, 2] == strings["according"]).tolist())
        at = numpy.flatnonzero(rows[:, 0] == VERB)
        lemmas, which = numpy.unique(rows[at, 1], return_inverse=True)
        memo = _stance_or_topic(lex)
        hits = []
        for h in lemmas.tolist():
            hit = memo.get(h)
            if hit is None:
                word = strings[h].lower()
                hit = memo[h] = word in lex.stance or word in lex.topic
            hits.append(hit)
        if any(hits):
            found.update(at[numpy.array(hits, dtype=bool)[which]].tolist())
    return sorted(found)


@lru_cache(maxsize=4)
def _stance_or_topic(lex: CueLexicon) -> dict[int, bool]:
    """Per lexicon, verb lemma hash → listed under ``stance`` or ``topic`` (filled as met)."""
    return {}


def _only_quote(doc: Doc, start: int, end: int, in_quote: list[bool], kind: str) -> bool:
    """The content is a direct quote, or (for a noun-phrase content) a direct quote with at
    most a pronoun or determiner outside it ("calling it "…""): the direct stage reports it,
    a second copy would be a duplicate. A clause wrapping a partial quote ("said the "harvest
    is …"") is a statement of its own."""
    extra = ("PRON", "DET") if kind != "clause" else ()
    return all(in_quote[i] or doc[i].is_punct or doc[i].pos_ in extra for i in range(start, end))


def _outermost(cands: list[ReportedCandidate]) -> list[ReportedCandidate]:
    """Only the outermost attribution counts; "according to X, Y said …" is Y's statement."""
    def holds_cue(c: ReportedCandidate, others: list[ReportedCandidate]) -> bool:
        return any(o is not c and c.start <= o.cue[0] < c.end for o in others)

    cands = [c for c in cands if not (c.kind == "according" and holds_cue(c, cands))]
    return [c for c in cands if not any(o is not c and o.start <= c.cue[0] < o.end for o in cands)]


def _after_dateline(doc: Doc, start: int, end: int) -> int:
    """Skip a dateline opening the paragraph ("WASHINGTON — …", "KYIV, Ukraine (AP) — …"):
    it is the writer's, never part of what was said."""
    stop = dateline_end(doc, start)
    if stop is None or stop <= doc[start].idx:
        return start
    k = start
    while k < end and doc[k].idx < stop:
        k += 1
    return k


def _same_paragraph(doc: Doc, start: int, end: int, cue: int) -> tuple[int, int]:
    """Clip the content to the cue's paragraph (the parser sometimes runs across lines)."""
    text = doc_text(doc)
    while start < min(cue, end) and "\n" in text[doc[start].idx:doc[cue].idx]:
        start += 1
    while end > max(cue + 1, start) and "\n" in text[doc[cue].idx:doc[end - 1].idx]:
        end -= 1
    return start, end


def _close_marks(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Take in the closing mark of a partial quote the clause ends inside ("… "final stages.")."""
    text = span_text(doc, start, end)
    if sum(text.count(m) for m in "“«") > sum(text.count(m) for m in "”»") or text.count('"') % 2:
        for k in range(end, min(end + 2, len(doc))):
            if doc[k].text in _CLOSE_MARKS or doc[k].text in ("''",):
                return start, k + 1
            if doc[k].text not in (".", "?", "!", ","):
                break
    return start, end


def _match(doc: Doc, tok: Token, lex: CueLexicon):
    if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
        return _according(doc, tok)
    kind = cue_kind(tok, lex)
    if kind is None:
        if tok.pos_ == "VERB" and tok.lemma_.lower() in lex.stance:
            return _stance(tok, lex)
        if tok.pos_ == "VERB" and tok.lemma_.lower() in lex.topic:
            found = _topic(tok, lex)
            if found is not None:
                return found, (tok.i, tok.i + 1), find_speaker(tok, lex), "topic"
        return None
    cue = (tok.i, tok.i + 1)
    if kind == "nominal":
        verb = tok.head.head
        if tok.dep_ == "pobj" and tok.head.lower_ == "in" and cue_kind(verb, lex) == "speech" \
                and _that_clause_misparsed(verb, lex) is not None:
            return None  # "said in a statement that …": the statement is the verb's content
        clause = next((c for c in tok.children if c.dep_ in ("acl", "ccomp")
                       and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
        if clause is None:
            return None
        return _content(clause, tok, lex), cue, find_speaker(tok, lex), "noun-clause"
    comp = next((c for c in list(tok.rights) + list(tok.lefts) if c.dep_ == "ccomp"), None)
    if comp is not None and any(m.dep_ == "mark" and m.lower_ in _QUESTION_MARKS for m in comp.children):
        return None  # "asked whether …" is a question, not a statement
    inserted = _inserted(doc, tok, lex)
    if inserted is not None:
        return inserted, cue, find_speaker(tok, lex), "inserted"
    if comp is not None and _subject_extracted(comp):
        return None  # "34 hostages the army says are dead": the clause's subject is outside it
    if comp is not None and (kind == "speech" or any(c.dep_ in _FINITE_SUBJECTS for c in comp.children)):
        start, end = _content(comp, tok, lex)
        before = _that_clause_misparsed(tok, lex)
        if before is not None and before[1] <= comp.left_edge.i:
            start = before[0]  # "said in a statement that A, however, B": B continues A
        if comp.i < tok.i:
            return (start, _goes_on(doc, tok, tok, end, lex)), cue, find_speaker(tok, lex), "clause"
        return (start, _second_conjunct(tok, end, lex)), cue, find_speaker(tok, lex), "clause"
    if comp is None:
        found = _that_clause_misparsed(tok, lex)
        if found is not None:
            return found, cue, find_speaker(tok, lex), "clause"
    if tok.lemma_.lower() in lex.infinitive and tok.dep_ not in _MODIFIER_DEPS:
        xcomp = next((c for c in tok.rights if c.dep_ == "xcomp"
                      and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
        if xcomp is not None:
            start, end = _content(xcomp, tok, lex)
            return (start, _infinitive_conjuncts(tok, xcomp, end)), cue, find_speaker(tok, lex), "infinitive"
    if kind == "speech":
        obj = next((c for c in tok.rights if c.dep_ == "dobj" and cue_kind(c, lex) == "nominal"), None)
        topical = obj is not None and any(
            c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in _TOPIC_PREPS) for c in obj.children)
        if topical and not any(c.dep_ in ("oprd", "xcomp", "ccomp") for c in tok.children):
            return _content(obj, tok, lex), cue, find_speaker(tok, lex), "nominal-object"
    oprd = next((c for c in tok.rights if c.dep_ == "oprd"), None)
    obj = next((c for c in tok.rights if c.dep_ == "dobj"), None)
    if kind == "speech" and oprd is not None and obj is not None and obj.i < oprd.i:
        # "called the visit a farce", "described X as Y": the object and what it is called
        return (obj.left_edge.i, oprd.right_edge.i + 1), cue, find_speaker(tok, lex), "naming"
    if tok.lemma_.lower() in lex.object and not any(c.dep_ in ("oprd", "xcomp", "ccomp") for c in tok.children):
        obj = _object(tok)
        if obj is not None:
            start, end = _content(obj, tok, lex)
            labelled = _reason(tok, obj, end)
            if labelled == end and (tok.lemma_.lower() in lex.labelled
                                    or _says_why(tok, lex) or _backgrounded(tok, lex)):
                # "described the chaos of the night": an account, not a position; "rejected the
                # audit, saying …": the participle's clause is what was said
                return None
            return (start, labelled), cue, find_speaker(tok, lex), "object"
    if tok.lemma_.lower() in lex.topic:
        found = _topic(tok, lex)
        if found is not None:
            return found, cue, find_speaker(tok, lex), "topic"
    if tok.pos_ == "VERB" and tok.lemma_.lower() in lex.stance:  # evidence: "the poll shows …"
        found = _stance(tok, lex)
        if found is not None:
            return found
    head = tok.head
    if _leads_clause(doc, tok):
        # "X said, it is time to …": the parser made the cue a parenthetical of the clause after it
        return (tok.i + 2, _before_final_punct(doc, tok.i + 2, head.right_edge.i + 1)), cue, \
            find_speaker(tok, lex), "clause"
    # the comma setting the attribution off is the cue's first child or the word before it
    lead = tok.left_edge.i + int(doc[tok.left_edge.i].text == ",")
    if (tok.dep_ in ("ccomp", "parataxis") and head.i < tok.i and head.pos_ in ("VERB", "AUX")
            and cue_kind(head, lex) is None and lead > 0 and doc[lead - 1].text == ","
            and any(c.dep_ == "nsubj" for c in tok.children)
            and not any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in tok.children)):
        # "Talks were continuing, an official said.": the clause is the head minus the cue
        start = head.left_edge.i
        end = lead - 1
        if end - start < 3 or not any(c.dep_ == "nsubj" and c.i < end for c in head.children):
            return None
        return (start, _inverted_end(doc, tok, head, end, lex)), cue, find_speaker(tok, lex), "inverted"
    return None


def _inserted(doc: Doc, tok: Token, lex: CueLexicon) -> tuple[int, int] | None:
    """"The deal, she added, was not final.": an attribution set off by commas inside the
    clause it attributes. The content is the whole clause, the inserted attribution included
    (a content is one stretch of text)."""
    if lex.verb_kind(tok.lemma_) != "speech":
        return None
    subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), None)
    if subj is None or subj.left_edge.i < 2 or doc[subj.left_edge.i - 1].text != ",":
        return None
    after = tok.i + 1
    while after < len(doc) and doc[after].head.i == tok.i and doc[after].dep_ in _CUE_ADJUNCTS:
        after = doc[after].right_edge.i + 1  # "Velkov said on Monday, …"
    if after + 1 >= len(doc) or doc[after].text != ",":
        return None
    sent_start = sent_bounds(doc)[tok.i][0]
    head = tok.head
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    if tok.dep_ == "parataxis" and head.i > after and subjects and all(
            c.i < subj.left_edge.i and c.tag_ != "VBG" for c in subjects):
        return head.left_edge.i, _before_final_punct(doc, head.left_edge.i, head.right_edge.i + 1)
    comp = next((c for c in tok.rights if c.dep_ == "ccomp" and c.i > after), None)
    if comp is not None and _subject_extracted(comp) and subj.left_edge.i - 1 > sent_start:
        return sent_start, _before_final_punct(doc, sent_start, comp.right_edge.i + 1)
    return None


def _goes_on(doc: Doc, cue: Token, owner: Token, end: int, lex: CueLexicon) -> int:
    """"She backs the governor, she said, because he prizes order.", "The mayor lacks
    experience, said Velkov, but her record makes up for it.": the statement before an
    attribution set off by commas goes on after it with a reason or a "but" clause hanging from
    the cue or from the statement's verb (``owner``); the content is then the whole sentence,
    the attribution inside it, as for an inserted attribution. ``end``: the content's end
    before the attribution."""
    set_off = (",",) + tuple(_CLOSE_MARKS)
    if end >= len(doc) or not (doc[end].text in set_off or doc[end - 1].text in set_off):
        return end
    for c in owner.rights:
        if c.i <= cue.i or c.dep_ not in ("advcl", "conj") or cue_kind(c, lex) is not None:
            continue
        first, before = doc[c.left_edge.i], doc[c.left_edge.i - 1]
        if c.dep_ == "advcl":
            going_on = first.dep_ == "mark" and first.lower_ in _GOING_ON_MARKS and before.text == ","
        else:  # ", but B" with B's own subject
            going_on = before.lower_ in _GOING_ON_CC and doc[before.i - 1].text == "," and any(
                k.dep_ in ("nsubj", "nsubjpass", "expl") for k in c.children)
        if going_on:
            return _before_final_punct(doc, end, c.right_edge.i + 1)
    return end


def _inverted_end(doc: Doc, cue: Token, head: Token, end: int, lex: CueLexicon) -> int:
    """"He had no ties to any party, the airline added, and had passed every check.": the
    statement's clause goes on after an attribution set off inside it, so the content is the
    whole clause, the attribution included (as for an inserted one); not when what follows is
    the writer's scene (", as mediators arrived") or a speech act of its own."""
    after = [c for c in head.rights if c.i > cue.right_edge.i and not c.is_punct]
    if not after:
        return end
    first = after[0]
    if first.dep_ == "cc" and len(after) > 1:
        first = after[1]
    if cue_kind(first, lex) is not None or any(
            c.dep_ == "mark" and c.lower_ in _SCENE_MARKS for c in first.children):
        return end
    return _before_final_punct(doc, end, head.right_edge.i + 1)


def _before_final_punct(doc: Doc, start: int, end: int) -> int:
    """End of [start, end) without a closing period or comma (a closing quote mark stays)."""
    while end > start + 1 and doc[end - 1].is_punct and doc[end - 1].text not in _CLOSE_MARKS + "'":
        end -= 1
    return end


def _leads_clause(doc: Doc, tok: Token) -> bool:
    """A speech verb with its own subject, then a comma or colon, then the clause the parser
    made its head: "The envoy said, it is time to act."."""
    head = tok.head
    after = tok.i + 1
    return (tok.dep_ == "parataxis" and head.i > after and tok.lemma_.lower() in _LEADING_CUES
            and doc[after].text in (",", ":") and tok.right_edge.i <= after
            and any(c.dep_ == "nsubj" for c in tok.children)
            and any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i > after for c in head.children))


def _in_question(tok: Token) -> bool:
    """The cue sits in an indirect question or a condition ("asked whether they would talk
    about …", "if the minister says …"): nothing was stated."""
    for t in islice(chain((tok,), tok.ancestors), 4):
        if any(c.dep_ == "mark" and c.lower_ in _QUESTION_MARKS for c in t.children):
            return True
    return False


def _subject_extracted(comp: Token) -> bool:
    """A finite clause without a subject of its own: its subject is a relative antecedent
    outside the clause, so the words after the cue are not a statement by themselves."""
    finite = comp.tag_ in _FINITE_TAGS or any(c.dep_ == "aux" and c.tag_ in _FINITE_TAGS + ("MD",)
                                              for c in comp.children)
    return finite and comp.i > comp.head.i and not any(
        c.dep_ in _FINITE_SUBJECTS + ("nsubjpass", "csubjpass") for c in comp.children)


def _second_conjunct(verb: Token, end: int, lex: CueLexicon) -> int:
    """"said that A and B": the parser sometimes hangs clause B on the cue verb. A conjunct with
    its own subject right after the content ("… and mediators were hopeful …") is taken in
    unless it is a statement of its own."""
    doc = verb.doc
    for c in verb.rights:
        if c.dep_ != "conj" or cue_kind(c, lex) is not None or c.i <= end:
            continue
        if not any(k.dep_ in ("nsubj", "nsubjpass") for k in c.children):
            return end
        cc = doc[c.left_edge.i - 1]
        if cc.dep_ == "cc" and cc.lower_ in ("and", "but") and cc.i <= end:
            return c.right_edge.i + 1
        return end
    return end


def _topic(verb: Token, lex: CueLexicon) -> tuple[int, int] | None:
    """"spoke of the legacy of the war", "complained about the referees", "warned against
    hackers": what a speech act is about, for verbs listed under ``topic``."""
    if verb.lemma_.lower() not in lex.topic or any(c.dep_ in _CLAUSAL for c in verb.children):
        return None
    for c in verb.rights:
        if c.dep_ == "prep" and c.lower_ in _ABOUT_PREPS and c.i <= verb.i + 2:
            pobj = next((p for p in c.children if p.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None:
                return _content(pobj, verb, lex)
    return None


def _stance(verb: Token, lex: CueLexicon):
    """A position taken on something, for verbs listed under ``stance`` ("the union endorsed
    the senator", "the senator was endorsed by the union"): the object, or the passive
    subject when an agent names who holds the position."""
    cue = (verb.i, verb.i + 1)
    if any(c.dep_ in ("ccomp", "xcomp", "oprd") for c in verb.children):
        return None
    passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if passive is not None:
        if not any(c.dep_ == "agent" for c in verb.children):
            return None
        return _content(passive, verb, lex), cue, find_speaker(verb, lex), "stance"
    obj = _object(verb)
    if obj is None:
        return None
    start, end = _content(obj, verb, lex)
    return (start, _reason(verb, obj, end)), cue, find_speaker(verb, lex), "stance"


def _says_why(verb: Token, lex: CueLexicon) -> bool:
    """The verb goes on with a participle of saying that has a clause of its own ("rejected the
    report, saying it was false")."""
    return any(c.dep_ in ("advcl", "conj", "xcomp") and c.tag_ == "VBG" and c.i > verb.i
               and lex.verb_kind(c.lemma_) == "speech" and any(k.dep_ == "ccomp" for k in c.children)
               for c in verb.children)


def _backgrounded(verb: Token, lex: CueLexicon) -> bool:
    """"As she conceded the delay, the mayor insisted …": a speech act set as the
    background of another by the same speaker (a pronoun subject: a report by someone else,
    "after a report revealed X", stays); the main clause carries the statement."""
    return verb.dep_ == "advcl" and cue_kind(verb.head, lex) == "speech" and any(
        c.dep_ == "mark" and c.lower_ in _BACKGROUND_MARKS for c in verb.children) and any(
        c.dep_ == "nsubj" and c.pos_ == "PRON" for c in verb.children)


def _infinitive_conjuncts(verb: Token, xcomp: Token, end: int) -> int:
    """"wants to cut X, grow Y and create Z": the parser hangs the later infinitives on the cue
    verb; bare infinitives right after the content belong to it."""
    for c in verb.rights:
        if c.dep_ == "conj" and c.tag_ == "VB" and c.i >= end and c.left_edge.i <= end + 2 \
                and not any(k.dep_ in _FINITE_SUBJECTS for k in c.children):
            end = c.right_edge.i + 1
    return end


def _reason(verb: Token, obj: Token, end: int) -> int:
    """"blamed the workers for the losses", "dismissed X as Y", "accused X of Y": the reason or
    label given right after the object is part of what was said about it."""
    for c in verb.rights:
        if c.dep_ == "prep" and c.lower_ in _REASON_PREPS and end <= c.i <= end + 1 and c.i > obj.i:
            return c.right_edge.i + 1
    return end


def _object(verb: Token) -> Token | None:
    """The noun-phrase object a speech act is about: "denied the report", "called for talks"."""
    for c in verb.rights:
        if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") and not c.is_stop:
            return c
        if c.dep_ == "prep" and c.lower_ == "for" and c.i == verb.i + 1 + int(verb.nbor(1).dep_ == "prt"):
            return next((p for p in c.children if p.dep_ in ("pobj", "pcomp")), None)
    return None


def _that_clause_misparsed(verb: Token, lex: CueLexicon) -> tuple[int, int] | None:
    """"said at a briefing that X …", "acknowledged for the first time that X …", "said in a
    statement that X …": the parser hangs the that-clause on the noun (as a relative clause,
    or as the statement noun's own clause); take what follows "that"."""
    for prep in verb.rights:
        if prep.dep_ != "prep":
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            for rc in pobj.rights:
                first = rc.doc[rc.left_edge.i]
                own = rc.dep_ in ("acl", "ccomp") and prep.lower_ == "in" and cue_kind(pobj, lex) == "nominal"
                if (rc.dep_ == "relcl" or own) and first.lower_ == "that" and any(
                        c.dep_ in ("nsubj", "nsubjpass") and c.i != first.i for c in rc.children):
                    return first.i + 1, pobj.right_edge.i + 1
    return None


def _content(root: Token, cue: Token, lex: CueLexicon) -> tuple[int, int]:
    """The complement's tokens, without the complementiser "that" and without any further
    attribution hanging from it ("…, stating …")."""
    doc = root.doc
    start, end = root.left_edge.i, root.right_edge.i + 1
    if start <= cue.i < end:
        if cue.i > root.i:
            end = cue.i
        else:
            start = cue.i + 1
    first = doc[start]
    if first.dep_ == "mark" and first.lower_ == "that":
        start += 1
    infinitive = root.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in root.children)
    for t in doc_tokens(doc)[root.i + 1:end]:
        if t.dep_ in _NESTED_DEPS and t.tag_ == "VBG" and cue_kind(t, lex) in ("speech", "cognition") \
                and not any(c.dep_ in _FINITE_SUBJECTS for c in t.children) \
                and not _inside_marks(doc, start, t.i):
            end = min(end, t.left_edge.i)
            break
        if t.dep_ == "conj" and start <= t.head.i < end and _second_statement(t, root, lex):
            end = min(end, t.left_edge.i)
            break
        if infinitive and t.head.i == root.i and t.dep_ == "advcl" and t.tag_ == "VBG" \
                and doc[t.left_edge.i - 1].text == ",":
            # "vowed to target ships in the strait, disrupting a trade route": the writer's gloss
            end = min(end, t.left_edge.i - 1)
            break
        if infinitive and t.dep_ == "appos" and t.right_edge.i == end - 1 \
                and doc[t.left_edge.i - 1].text == ",":
            # "vowed to repeal the act, a provision that …": the writer explains the act
            end = t.left_edge.i - 1
            break
    return start, _present_gloss(doc, root, start, _drop_tail(doc, start, end))


def _present_gloss(doc: Doc, root: Token, start: int, end: int) -> int:
    """"insisted the loan came before the flood that has since cut off the valley": a
    closing relative clause in the present perfect on a thing named after a preposition, inside
    a past-tense statement, is the writer's account of what has happened since."""
    if root.tag_ != "VBD":
        return end
    for t in doc[root.i + 1:end]:
        if t.dep_ == "relcl" and t.right_edge.i == end - 1 and t.head.dep_ == "pobj" \
                and doc[t.left_edge.i].lower_ in ("that", "which") and t.tag_ == "VBN" \
                and any(a.dep_ == "aux" and a.tag_ in ("VBZ", "VBP") for a in t.children) \
                and not _inside_marks(doc, start, t.i):
            return t.left_edge.i
    return end


def _inside_marks(doc: Doc, start: int, i: int) -> bool:
    """Token i sits inside a quotation opened within the content: the speaker's own words, so a
    participle there ("… 'knowing that …'") is not the writer's next attribution."""
    marks = sum(1 for t in doc[start:i] if t.text in _DOUBLE_MARK_TOKENS)
    return marks % 2 == 1


def _second_statement(conj: Token, root: Token, lex: CueLexicon) -> bool:
    """A conjunct that is not part of what was said: another speech act by the same speaker
    ("said he would order a review and warned against …"), or a finite verb joined to an
    infinitive ("vowed to cut taxes but are likely to face …")."""
    if conj.tag_ in _FINITE_TAGS and cue_kind(conj, lex) == "speech" \
            and not any(c.dep_ in _FINITE_SUBJECTS for c in conj.children):
        return True
    return root.tag_ == "VB" and conj.head.i == root.i and conj.tag_ in _FINITE_TAGS


def _drop_tail(doc: Doc, start: int, end: int) -> int:
    """Cut the writer's additions after a comma at the end of a content: a source
    ("…, according to a statement") or a dateline-like run-on is never what was said."""
    if "according" not in span_text(doc, start, end).lower():
        return end  # the usual case, without a look at every token
    toks = doc_tokens(doc)
    for k in range(start + 1, end - 1):
        if toks[k].text == "," and toks[k + 1].lower_ == "according" and k + 2 < end \
                and toks[k + 2].lower_ == "to":
            return k
    return end


def _according(doc: Doc, tok: Token):
    to = doc[tok.i + 1]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    speaker = _ref(pobj)
    sent_start, sent_end = sent_bounds(doc)[tok.i]
    phrase_start, phrase_end = tok.i, pobj.right_edge.i + 1
    if phrase_start - sent_start <= 1:
        start, end = phrase_end, sent_end
    else:
        start, end = sent_start, phrase_start
    while end > start and doc[end - 1].is_punct and doc[end - 1].text not in _CLOSE_MARKS:
        end -= 1
    return (start, end), (tok.i, tok.i + 2), speaker, "according"
