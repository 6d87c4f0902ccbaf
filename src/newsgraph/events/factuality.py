"""Factuality of an event: asserted, negated, hypothetical, future, demanded or alleged.

The trigger's clause and the clauses that govern it are read innermost first; the first cue
decides. A clause governs the trigger through xcomp/ccomp/advcl/conj/acl/pcomp links and, for a
nominal trigger, through the preposition of a cue noun ("the possibility of ...") or a light
verb ("will hold talks"). An event named as the object of an ordinary verb is presupposed
("block the support provided by X": the support is real), so the climb stops there; the
governing verb's own lemma may still be a cue ("fear an attack", "proposed talks").
Cue words are closed classes kept in this module, documented in docs/events.md.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..nlp import children
from .anaphora import finite_after_infinitive
from .arguments import LIGHT_VERBS
from .speech import SAY_VERBS

NEGATORS = frozenset({"not", "n't", "never", "no", "nt", "neither", "nor", "without"})
MODAL = {
    "will": "future", "'ll": "future", "shall": "future", "wo": "future",
    "would": "hypothetical", "could": "hypothetical", "might": "hypothetical", "may": "hypothetical",
    "should": "demanded", "must": "demanded", "ought": "demanded",
}
# lemma of a governing verb/adjective/noun -> factuality of what it governs
GOVERNOR = {
    **dict.fromkeys("plan intend aim vow promise pledge prepare schedule expect agree decide hope want "
                    "propose seek offer commit threaten set poise due plot mull".split(), "future"),
    # "is about to restore ties": imminent, not yet done; the act keeps its type (see extract.py)
    "about": "future",
    **dict.fromkeys("ready willing eager keen determined".split(), "future"),
    **dict.fromkeys("refuse decline fail deny reject avoid halt stop cease refrain abstain desist "
                    "unable".split(), "negated"),
    # "is able to strike": a capacity, not an act
    **dict.fromkeys("able capable".split(), "hypothetical"),
    **dict.fromkeys("fear worry concern concerned afraid consider weigh try attempt possible "
                    "possibility prospect risk danger chance likelihood question wonder "
                    "ponder explore unclear unlikely likely potential could".split(), "hypothetical"),
    **dict.fromkeys("urge demand ask call press require need appeal request "
                    "order push implore beg".split(), "demanded"),
    **dict.fromkeys("claim allege accuse suspect rumor rumour".split(), "alleged"),
}
# Governors that announce only an infinitive ("is set to attack", "is poised to sign"): "set fire
# ... after attacking", "set up a panel following the killing" announce nothing.
INFINITIVE_GOVERNORS = frozenset({"set", "poise", "due", "about"})  # "concerned about X supplying ..." is no plan
# Verbs of stopping whose gerund is an act under way ("should stop attacking X", "halted shelling
# X"): the act happened, whatever is said of the stopping.
STOPPING = frozenset({"stop", "halt", "cease", "quit"})
# Nouns that frame what follows them ("the possibility of ...", "plans to ...").
GOVERNOR_NOUNS = {
    **dict.fromkeys("plan plans intention intent proposal bid pledge promise prospect schedule "
                    "agenda offer".split(), "future"),
    **dict.fromkeys("possibility risk danger fear fears concern concerns chance likelihood threat "
                    "option scenario question".split(), "hypothetical"),
    **dict.fromkeys("call calls demand demands request appeal".split(), "demanded"),
    **dict.fromkeys("allegation allegations claim claims accusation accusations report reports "
                    "suspicion".split(), "alleged"),
    **dict.fromkeys("denial refusal".split(), "negated"),
}
ADVERBS = {
    **dict.fromkeys("allegedly reportedly purportedly supposedly apparently".split(), "alleged"),
    **dict.fromkeys("possibly perhaps maybe potentially probably".split(), "hypothetical"),
}
ADJ_MODIFIERS = {
    **dict.fromkeys("planned proposed upcoming future forthcoming scheduled expected intended".split(), "future"),
    **dict.fromkeys("possible potential hypothetical feared threatened".split(), "hypothetical"),
    **dict.fromkeys("alleged suspected purported reported".split(), "alleged"),
    **dict.fromkeys("demanded requested".split(), "demanded"),
}
CONDITION_MARKS = frozenset({"if", "unless", "whether", "lest", "once"})
# tenses of a report whose "would" is a backshifted "will" ("said", "has said")
PAST_TAGS = frozenset({"VBD", "VBN"})
SUBJECT_NEGATORS = frozenset({"none", "neither", "nobody", "noone"})
# Passive verbs of report or belief raising their infinitive's subject ("X is said to ..."):
# what follows is hearsay
HEARSAY = frozenset("say report believe think know understand rumor rumour allege suppose".split())
# Governors that pass their complement's status through unchanged ("continue to support").
TRANSPARENT = frozenset("continue keep begin start resume manage go help be have get use remain".split())
# Light verbs that presuppose their event is already happening.
PRESUPPOSING = frozenset("continue escalate intensify step expand resume deepen strengthen".split())
CLIMB_DEPS = frozenset({"xcomp", "ccomp", "advcl", "conj", "acl", "pcomp", "prep", "pobj", "acomp", "relcl"})


@dataclass
class Factuality:
    value: str = "asserted"
    cue: str | None = None


def _clause_cue(v) -> Factuality | None:
    """Cues sitting on one clause head: negation, modals, conditions, hedging adverbs.

    Negation wins over a modal on the same head: "will not meet" is a refusal, not a plan.
    """
    for c in children(v):
        low = c.lower_
        if c.dep_ == "neg" or (c.dep_ in ("det", "advmod") and low in ("no", "never")):
            return Factuality("negated", low)
        if c.dep_ in ("nsubj", "nsubjpass") and v.pos_ in ("VERB", "AUX") and _negative_subject(c):
            return Factuality("negated", c.lower_ if c.lower_ in SUBJECT_NEGATORS else "neither")
    for c in children(v):
        low = c.lower_
        if c.dep_ == "aux" and low in MODAL:
            if low == "would" and _has_child_lemma(v, "like"):
                return Factuality("future", "would like")
            if low == "would" and _backshifted(v):
                return Factuality("future", "would")
            return Factuality(MODAL[low], low)
        if c.dep_ == "mark" and low in CONDITION_MARKS:
            return Factuality("hypothetical", low)
        if c.dep_ == "advmod" and low in ADVERBS:
            return Factuality(ADVERBS[low], low)
        if c.dep_ in ("amod", "compound") and low in ADJ_MODIFIERS and v.pos_ in ("NOUN", "PROPN"):
            return Factuality(ADJ_MODIFIERS[low], low)
        if c.dep_ == "aux" and low == "going" or (c.dep_ == "auxpass" and low == "be" and _has_to(v)):
            return Factuality("future", "to be")
    return None


# Prepositions that set an event as the background of a clause, which takes it as given.
BACKGROUND_PREPS = frozenset("during amid amidst before after since despite following throughout".split())


def _is_background(noun, prep) -> bool:
    p = prep.lower_
    if p in BACKGROUND_PREPS:
        return True
    # "in its war", "in the war": a known event, not one being planned
    return p == "in" and any(c.dep_ in ("poss", "det") and c.lower_ not in ("a", "an", "any", "no")
                             for c in children(noun))


def _negative_subject(subj) -> bool:
    """"Neither X nor Y attacked", "no country sent troops", "none of them voted": nobody did it."""
    if subj.lower_ in SUBJECT_NEGATORS:
        return True
    return any(c.dep_ in ("det", "preconj") and c.lower_ in ("neither", "no") for c in children(subj))


def _has_child_lemma(v, lemma: str) -> bool:
    return any(c.lemma_.lower() == lemma for c in children(v))


def _backshifted(v) -> bool:
    """"X said it would boycott the talks": the reported "will" of a past statement, not a
    hypothetical ("would have boycotted" stays one)."""
    if any(c.dep_ == "aux" and c.lower_ == "have" for c in children(v)):
        return False
    while v.dep_ == "conj" and v.head is not v:
        v = v.head
    head = v.head
    return v.dep_ == "ccomp" and head.lemma_.lower() in SAY_VERBS and head.tag_ in PAST_TAGS


def _has_to(v) -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in children(v))


def factuality_of(trigger) -> Factuality:
    """Walk from the trigger up through the clauses that govern it; the first cue wins."""
    t = trigger
    for _ in range(12):
        cue = _clause_cue(t)
        if cue is not None:
            return cue
        dep, head = t.dep_, t.head
        if head is t:
            break
        hl = head.lemma_.lower()
        if t.pos_ in ("NOUN", "PROPN") and dep in ("dobj", "obj", "nsubjpass", "nsubj", "attr"):
            if dep == "nsubj" and head.pos_ == "VERB" and hl not in LIGHT_VERBS:
                break  # "the offensive failed", "the talks aim to ...": the event acting is under way
            if hl in GOVERNOR and head.pos_ in ("VERB", "ADJ"):
                return Factuality(GOVERNOR[hl], hl)
            if hl in PRESUPPOSING:
                break  # "continue its war", "stepped up attacks": the event is under way
            if hl in LIGHT_VERBS:
                t = head
                continue
            break  # a named event is presupposed by an ordinary governing verb
        if dep == "pobj" and head.dep_ == "prep":
            gov = head.head
            gl = gov.lemma_.lower()
            if t.pos_ in ("NOUN", "PROPN") and _is_background(t, head):
                break  # "before Moscow's war on Ukraine", "arming Russia in its war": presupposed
            if gov.pos_ in ("NOUN", "PROPN") and gov.lower_ in GOVERNOR_NOUNS:
                return Factuality(GOVERNOR_NOUNS[gov.lower_], gov.lower_)
            if gov.pos_ == "ADJ" and gl in GOVERNOR:
                return Factuality(GOVERNOR[gl], gl)
            if gov.pos_ in ("NOUN", "PROPN"):
                break
            t = gov
            continue
        if dep == "prep" and head.pos_ in ("NOUN", "PROPN"):
            if head.lower_ in GOVERNOR_NOUNS:
                return Factuality(GOVERNOR_NOUNS[head.lower_], head.lower_)
            break  # a phrase modifying an ordinary noun
        if dep == "xcomp" and hl in HEARSAY and any(c.dep_ == "auxpass" for c in children(head)):
            return Factuality("alleged", hl)  # "X is said to have attacked", "is believed to hold"
        if dep == "xcomp" and hl in STOPPING and t.tag_ == "VBG":
            break
        if dep in ("xcomp", "ccomp", "advcl", "acl", "pcomp", "relcl") and hl in GOVERNOR and not (
                dep == "relcl") and not (hl in INFINITIVE_GOVERNORS and not _has_to(t)):
            if head.dep_ == "acomp" and head.pos_ == "ADJ":
                # "is not ready to", "must be willing to": the copula's own cue comes first
                outer = _clause_cue(head.head)
                if outer is not None:
                    return outer
            return Factuality(GOVERNOR[hl], hl)
        if dep == "pcomp" and head.dep_ == "prep" and head.head.lemma_.lower() in GOVERNOR and (
                head.head.pos_ in ("VERB", "ADJ")) and head.head.lemma_.lower() not in INFINITIVE_GOVERNORS:
            # "accused X of supplying", "suspected of smuggling": the gerund is the charge
            gl = head.head.lemma_.lower()
            return Factuality(GOVERNOR[gl], gl)
        if head.pos_ in ("NOUN", "PROPN") and dep in ("acl", "pcomp") and head.lower_ in GOVERNOR_NOUNS:
            return Factuality(GOVERNOR_NOUNS[head.lower_], head.lower_)
        if dep in ("xcomp", "advcl", "acl") and _has_to(t) and hl not in TRANSPARENT and dep != "acl":
            # an infinitive governed by an unlisted verb: intended, not yet done
            if head.pos_ in ("VERB", "AUX", "ADJ"):
                inner = factuality_of(head)
                return inner if inner.value != "asserted" else Factuality("future", "to")
        if dep == "acl" and _has_to(t):
            return Factuality("future", "to")
        if dep == "ccomp":
            break  # reported content: the report verb's own modality does not transfer
        if dep in ("relcl",):
            break
        if dep not in CLIMB_DEPS:
            break
        if dep == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in children(t)):
            break
        if finite_after_infinitive(t):
            t = head.head  # "called on X to release ... and threatened to ...": not what was called for
            continue
        t = head
    return Factuality()
