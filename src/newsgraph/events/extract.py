"""The event stage: ``extract_events(doc, article, actors, quotes, ontology) -> list[Event]``.

    triggers (lexicon lookup per token) -> arguments (frame rules on the parse)
    -> factuality -> claims (quotes) -> speech acts -> date, place, evidence, confidence -> dedup

Confidence is a sum of simple features (documented in docs/events.md): a verbal trigger, a
multi-word entry, how the arguments were found, an asserted event; clamped to [0.05, 0.95].
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from ..actors.index import ActorIndex
from ..nlp import children
from ..records import Article, Event, Quote, Span
from .arguments import (ANAPHORIC_DETS, COUNTERPART_TYPES, SELF_PRONOUNS, ArgumentFinder, Arguments, counterpart_targets,
                        find_arguments, first_actors_after, in_complement, light_verb_of)
from .anaphora import clause_verb, speakers_government
from .dates import resolve_date
from .factuality import Factuality, factuality_of
from .lexicon import Trigger
from .ontology import Ontology
from .patterns import (AGENTLESS_TYPES, THREAT_ONLY_CUES, agentless_victims, complete_arguments,
                       domestic_pair, governing_lemma, is_promise, place_target, recode_intent, stands_alone,
                       takes_place_target)
from .places import dateline_tokens, find_location
from .speech import SAY_VERBS, QuoteLocator, demanded_subjects, reported_clauses, reporting_subject
from .triggers import find_triggers

SPEAKER_SOURCED_TYPES = frozenset({"REQUEST", "ACCUSE", "THREATEN", "REJECT"})
ACCUSABLE_TYPES = frozenset({"ASSAULT", "COERCE"})
# PLOVER: promised cooperation is AGREE; a future meeting is AGREE (manual, AGREE and CONSULT).
# "X is about to restore ties / meet Y" (factuality cue "about") is neither a promise nor an
# announced intention but an act reported as imminent: it keeps its own type, factuality future.
PROMISE_CUES = frozenset({"promise", "pledge", "vow", "offer", "agree", "commit"})
AGREE_CAMEO = {"CONSULT": "036", "AID": "033", "COOPERATE": "031", "SUPPORT": "032"}
MUTUAL_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE"})
WITHHELD_TYPES = frozenset({"AID", "SUPPORT", "COOPERATE"})
# "would" is a future cue only as a reported "will" ("said they would exchange prisoners")
ANNOUNCED_CUES = frozenset({"will", "'ll", "shall", "wo", "going", "would"})
BACKGROUND_MARKS = frozenset({"as", "while", "when", "since", "after", "before", "because"})
# a meeting announced as going to happen ("will meet"), not the purpose of another act ("met to discuss")
FUTURE_CUES = frozenset({"will", "'ll", "shall", "wo", "to be", "plan", "schedule", "set", "expect", "due",
                         "planned", "scheduled", "upcoming", "expected", "agree", "would like"})
# acts coded with a source and no target when the sentence names none; not meetings and
# cooperation, which need a counterpart ("left for meetings" says nothing about with whom)
UNTARGETED_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "AGREE", "REJECT", "CONCEDE", "RETREAT", "ACCUSE",
                              "THREATEN", "REQUEST", "SUPPORT", "AID", "SANCTION"})
# verbs of stance that take another act as their content ("refused to ...", "threatened to ...")
STANCE_TYPES = frozenset({"REJECT", "AGREE", "THREATEN", "PROTEST", "ACCUSE", "REQUEST", "CONCEDE"})
# harm one orders or calls for from one's own side ("ordered an attack on X") asks nothing of X
COMMANDED_HARM = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "SANCTION", "THREATEN"})
# acts rather than statements: a that-clause under them is not what they are aimed at
ACT_TYPES = frozenset({"PROTEST", "CONCEDE"})
# a denial answers an accuser, not the party of the act denied ("denied arming X")
DENIAL_LEMMAS = frozenset({"deny", "dismiss", "refute", "rebut", "disown"})
UNTARGETED_FACTS = frozenset({"asserted"})
# acts done in a place, whose place may stand for the state (see _part_acts_on_whole)
PLACE_ACT_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "SANCTION", "CONCEDE", "RETREAT"})
AGENTLESS_FACTS = frozenset({"asserted", "alleged"})
# stances on an act nobody is said to do that are aimed at where or to whom it would be done
# ("rejected a call for troops to be deployed in X", "threatened that troops would enter X"); not
# a condemnation or protest, aimed at its doer ("condemned the attack in X" accuses no one), nor a
# demand, aimed at whoever should act
UNDONE_ACT_STANCES = frozenset({"REJECT", "AGREE", "CONCEDE", "THREATEN"})
# acts whose target is the state where they are done even when no verb of violence says so (CAMEO 074)
PROTECTION = frozenset({("AID", "peacekeeping")})
ARRIVAL_VERBS = frozenset({"arrive", "land", "enter", "reach", "deploy", "start"})
# how patterns.complete_arguments names targets taken from the place of the act
PLACE_HOWS = frozenset({"place", "protest-place"})
DIRECT_HOWS = frozenset({"active", "passive", "transfer", "symmetric", "receive", "nominal"})


@dataclass
class _Draft:
    tok: object
    type: str
    mode: str | None
    cameo: str
    sources: list[str]
    targets: list[str]
    fact: Factuality
    claimed_by: str | None
    confidence: float
    # an act with no named doer kept only so that a stance on it can take its target ("rejected
    # a call for troops to be deployed in X"); never an event of its own
    inner_only: bool = False
    # targets that are only the state where the act happens: a party of the act's content wins
    from_place: bool = False
    # one direction of a pair code [A:B] (Trigger.reverse): not merged with the other direction
    directed: bool = False


def extract_events(doc, article: Article, actors: ActorIndex, quotes: list[Quote], ontology: Ontology) -> list[Event]:
    """All events in one parsed article, deduplicated by (source codes, type, target codes)."""
    actors = _without_datelines(doc, actors)
    matches = find_triggers(doc, ontology.triggers)
    noun_trig = {m.token.i: m.entries[0] for m in matches if m.entries[0].pos == "noun"}
    locator = QuoteLocator(quotes)
    finder = ArgumentFinder(actors, lambda t: locator.speaker_at(t.idx), lambda t: noun_trig.get(t.i))
    drafts: list[_Draft] = []
    for m in matches:
        drafts += _code_trigger(m.token, m.entries, finder, locator, actors, ontology)
    _complement_targets(drafts, actors)
    drafts = [d for d in drafts if not d.inner_only and not _protest_purpose(d, drafts)]
    drafts += _speech_acts(doc, quotes, finder, actors)
    drafts += _accusations(drafts, actors, locator)
    return _finish(doc, article, actors, _dedup(drafts, actors))


def _without_datelines(doc, actors: ActorIndex) -> ActorIndex:
    """The index without the names of a dateline ("KYIV, June 12 (Reuters) - Russian forces
    struck ..."), which the parser often takes for a subject of the first sentence."""
    skip = dateline_tokens(doc, actors.mentions)
    if not skip:
        return actors
    return replace(actors, mentions=[m for m in actors.mentions if m.start not in skip],
                   token_actor={i: a for i, a in actors.token_actor.items() if i not in skip},
                   token_actors={i: a for i, a in actors.token_actors.items() if i not in skip})


def _code_trigger(tok, entries: list[Trigger], finder: ArgumentFinder, locator: QuoteLocator,
                  actors: ActorIndex, ontology: Ontology) -> list[_Draft]:
    chosen: Trigger | None = None
    args: Arguments | None = None
    speaker = locator.speaker_at(tok.idx)
    partial: tuple[str, list[str]] | None = None
    undone: tuple[Trigger, list[str]] | None = None  # an entry that found targets and no doer
    for entry in entries:
        a = complete_arguments(tok, entry, finder, find_arguments(tok, entry, finder))
        if entry.needs_coded_actor and a.sources and not a.targets and not a.pairwise and a.how == "active":
            a.targets = first_actors_after(tok, finder, a.sources)
        if a.sources and not a.targets and (entry.type, entry.mode) in PROTECTION:
            a.targets = _protected_place(tok, finder, a.sources)
            a.from_place = bool(a.targets)
        if not a.sources and a.targets and undone is None and (tok.pos_ == "VERB" or not a.from_place):
            # not "the attack in X": a place names no party of a nominal act nobody is said to do
            undone = (entry, a.targets)
        if not a.sources and a.targets and speaker and entry.type in SPEAKER_SOURCED_TYPES:
            a.sources, a.how = [speaker], "speaker"
        if not a.sources and a.targets:
            gov = _speakers_government(tok, finder, speaker, actors)
            if gov is not None:
                a.sources, a.how = [gov], "speakers-government"
        a.sources, a.targets = _drop_self_loops(a.sources, a.targets, actors, tok, entry)
        if entry.type == "REQUEST" and a.targets and a.type_override is None:
            # (a call for sanctions against X accuses X: patterns.punished_parties)
            a.targets = _not_harmed(tok, finder, a.targets)
        if a.sources and (a.targets or (a.pairwise and len(a.sources) > 1) or stands_alone(entry)):
            chosen, args = entry, a
            break
        if a.sources and partial is None:
            partial = (entry.type, a.sources)
            partial_entry = entry
    # an entry that stands alone or none at all found a target: the thing's counterpart, if any
    bare = None
    if chosen is not None and args is not None and not args.targets and not args.pairwise:
        bare = (chosen, args.sources)
    elif chosen is None and partial is not None:
        bare = (partial_entry, partial[1])
    if bare is not None and bare[0].type in COUNTERPART_TYPES:
        _, tgts = _drop_self_loops(bare[1], counterpart_targets(tok, finder), actors, tok, bare[0])
        if tgts:
            chosen, args = bare[0], Arguments(sources=bare[1], targets=tgts, how="active")
    if chosen is None or args is None:
        if partial is not None:
            fact = factuality_of(tok)
            if fact.value in UNTARGETED_FACTS and partial[0] in UNTARGETED_TYPES and not _helps_do(tok):
                if partial_entry.needs_coded_actor and all(
                        getattr(actors.get(s), "code", None) is None for s in partial[1]):
                    return []  # a dictionary verb, no target, no coded doer (lexicon.Trigger)
                # a one-sided act ("X agreed to a ceasefire", "gunmen opened fire"): PLOVER codes it
                # with an empty target; pair-based scores skip it, counts by type keep it
                finder.memory.add(tok.i, *partial) if fact.value == "asserted" else None
                return [_Draft(tok, partial_entry.type, partial_entry.mode, partial_entry.cameo, partial[1], [],
                               fact, speaker or reporting_subject(tok, actors), 0.4)]
            threat = recode_intent(tok, partial_entry.type, partial_entry.mode, partial_entry.cameo, fact)
            # "will extend the curfew" with no place named: an announced coercion is a threat (not
            # when a verb of threat governs it: "threatened to ban ..." is coded on that verb)
            if threat[0] == "THREATEN" and fact.value == "future" and governing_lemma(tok) not in THREAT_ONLY_CUES:
                claimed = speaker or reporting_subject(tok, actors)
                return [_Draft(tok, *threat, partial[1], [], fact, claimed, 0.35)]
            promised = threat[0] == "AGREE" and is_promise(tok, fact)
            if threat[0] != partial[0] and (threat[0] == "REJECT" or promised) and partial[0] in UNTARGETED_TYPES:
                # "X will not accept any more refugees", "the UN will provide food aid": an announced
                # refusal or promise is made, recipient named or not (patterns.recode_intent)
                made = Factuality() if threat[0] == "REJECT" or fact.cue in ANNOUNCED_CUES else fact
                claimed = speaker or reporting_subject(tok, actors)
                return [_Draft(tok, *threat, partial[1], [], made, claimed, 0.35)]
            if fact.value == "asserted":
                finder.memory.add(tok.i, *partial)  # a later "the attack" may still refer to it
            if speaker and _is_complaint(partial[0], fact) and _is_claim(tok, locator):
                # "the Houthis have continued to carry out attacks in the Red Sea," X said
                srcs, tgts = _drop_self_loops([speaker], partial[1], actors, tok)
                if tgts:
                    return [_Draft(tok, "ACCUSE", "allege", "112", srcs, tgts, Factuality(), None, 0.35)]
            return []
        return _agentless(tok, entries, finder, speaker, actors) or _inner_act(tok, entries, undone, finder)
    if chosen.needs_coded_actor and all(getattr(actors.get(a), "code", None) is None
                                        for a in (*args.sources, *args.targets)):
        return []  # a dictionary verb between uncoded parties only (lexicon.Trigger)
    fact = factuality_of(tok)
    if args.how == "speaker":
        fact = Factuality()  # "X must be held accountable," she said: the accusation was made
    if fact.value == "asserted":
        # only what happened can be referred back to as "the attack", "it"
        finder.memory.add(tok.i, args.type_override or chosen.type, args.sources)
    typ = args.type_override or chosen.type
    mode = chosen.mode if typ == chosen.type else "disapprove"
    cameo = chosen.cameo if typ == chosen.type else ontology.default_cameo(typ, mode)
    if fact.value == "future" and typ in AGREE_CAMEO and (
            fact.cue in PROMISE_CUES or (typ == "CONSULT" and fact.cue in FUTURE_CUES)):
        typ, mode, cameo = "AGREE", None, AGREE_CAMEO[typ]
    typ, mode, cameo = recode_intent(tok, typ, mode, cameo, fact)
    if (typ == "AGREE" and fact.value == "future" and fact.cue in ANNOUNCED_CUES) or (
            typ == "REJECT" != chosen.type and fact.value == "negated") or typ == "MOBILIZE" != chosen.type:
        # "X and Y will exchange prisoners": announcing the agreed act is the agreement;
        # "X will not meet Y", "X prepared to attack Y" (recoded by patterns.recode_intent): the
        # refusal is made, the forces are made ready
        fact = Factuality()
    claimed = speaker or reporting_subject(tok, actors)
    conf = 0.45 + (0.15 if chosen.pos == "verb" else 0.05) + (0.1 if chosen.requires else 0.0)
    conf += 0.15 if args.how in DIRECT_HOWS else 0.05
    conf += 0.05 if fact.value == "asserted" else 0.0
    pairs = ([([a], [b]) for i, a in enumerate(args.sources) for b in args.sources[i + 1:]]
             if args.pairwise and not args.targets else [(args.sources, args.targets)])
    out = []
    from_place = args.from_place or args.how in PLACE_HOWS
    for srcs, tgts in pairs:
        srcs, tgts = _drop_self_loops(srcs, tgts, actors, tok, chosen)
        if srcs and (tgts or stands_alone(chosen)):
            directed = bool(tgts and chosen.reverse and typ == chosen.type)
            out.append(_Draft(tok, typ, mode, cameo, srcs, tgts, fact, claimed, conf, from_place=from_place,
                              directed=directed))
            if directed:
                # TABARI's [A:B]: the same verb codes B from the targets back to the sources
                out.append(_Draft(tok, chosen.reverse[1], chosen.reverse[2], chosen.reverse[0], tgts, srcs,
                                  fact, claimed, conf, directed=True))
    return out


def _speakers_government(tok, finder: ArgumentFinder, speaker: str | None, actors: ActorIndex) -> str | None:
    verb = clause_verb(tok)
    if verb is None:
        return None
    subjects = finder.clause_subject(verb)[0]
    if any(s.head.lemma_.lower() in SAY_VERBS for s in subjects):
        return None  # "the administration said (it) has been helping X": the speaker, not a government it names
    return speakers_government(subjects, speaker or reporting_subject(tok, actors), actors)


def _not_harmed(tok, finder: ArgumentFinder, targets: list[str]) -> list[str]:
    """"Putin ordered an attack on Ukraine", "called for strikes on X": the party named inside the
    harm ordered or called for is its victim, not the one asked."""
    harmed: set[str] = set()
    for o in children(tok):
        objs = [o] if o.dep_ in ("dobj", "obj") else [g for g in children(o) if g.dep_ == "pobj"] \
            if o.dep_ == "prep" and o.lower_ == "for" else []
        for g in objs:
            trig = finder.is_trigger_noun(g)
            if trig is not None and trig.type in COMMANDED_HARM:
                # the phrases after the noun ("on Ukraine"), not its modifiers ("a U.N. presence": the doer)
                harmed.update(a for p in children(g) if p.dep_ == "prep" for t in p.subtree
                              for a in finder.actors.all_at(t.i))
                harmed.update(finder.usable(a) for a in list(harmed))
    return [t for t in targets if t not in harmed]


def _helps_do(tok) -> bool:
    """"X helped broker the deal", "assisted in drafting": helping do something names that act,
    not aid given to anyone (that needs a recipient: "helped Russia arm itself")."""
    return tok.lemma_.lower() in ("help", "assist") and any(c.dep_ in ("xcomp", "ccomp") for c in children(tok)) \
        and not any(c.dep_ in ("dobj", "obj") for c in children(tok))


def _protest_purpose(d: _Draft, drafts: list[_Draft]) -> bool:
    """"Thousands rallied in X to protest against the government": the infinitive says what the
    rally was for; one protest, coded on the rally (which takes its target from it)."""
    if d.type not in ("ACCUSE", "PROTEST") or d.tok.dep_ not in ("advcl", "xcomp") or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in children(d.tok)):
        return False
    return any(o is not d and o.tok.i == d.tok.head.i and o.type == "PROTEST" and set(o.sources) == set(d.sources)
               for o in drafts)


def _protected_place(tok, finder: ArgumentFinder, sources: list[str]) -> list[str]:
    """Peacekeepers protect the state they are sent to: "contribute troops to a force in X",
    "NATO peacekeeping troops arrived in X"."""
    heads = [tok, *(c for c in children(tok) if c.dep_ in ("dobj", "obj"))]
    found = [a for h in heads for p in children(h) if p.dep_ in ("prep", "dative") and p.lower_ == "to"
             for g in children(p) if g.dep_ == "pobj" for a in finder.places_in(g) if a not in sources]
    return found or (place_target(tok, finder, sources) if _arrives(tok) else [])


def _arrives(tok) -> bool:
    """The noun phrase is the subject of a verb of arrival ("the first of the peacekeepers landed
    in X"), not background ("peacekeepers in X were attacked")."""
    t = tok
    for _ in range(4):
        if t.dep_ in ("nsubj", "nsubjpass"):
            return t.head.lemma_.lower() in ARRIVAL_VERBS
        if t.dep_ not in ("pobj", "prep", "compound") or t.head is t:
            return False
        t = t.head
    return False


def _complement_targets(drafts: list[_Draft], actors: ActorIndex) -> None:
    """A stance taken on another act is aimed at that act's party: "refused to negotiate with Y",
    "threatened to deliver blows to Y" (the act shares the subject: its target); "denounced Y's
    crackdown", "refused to let Y's planes land" (another actor's act: its doer). Only for events
    still without a target, or with only the place where it happened ("blocked a road in X to show
    their disapproval of Y"), from the closest coded act the governing verb's content holds."""
    for d in drafts:
        if (d.targets and not d.from_place) or not d.sources or d.type not in STANCE_TYPES \
                or d.tok.lemma_.lower() in DENIAL_LEMMAS:
            continue
        # what is demanded is still to happen: "insisting the transfer came before Y's war" is a claim
        inner = [c for c in drafts if c is not d
                 and (c.sources or (c.inner_only and d.type in UNDONE_ACT_STANCES))
                 and not (d.type == "REQUEST" and c.fact.value == "asserted")
                 and in_complement(c.tok, d.tok, that_clause=d.type not in ACT_TYPES)]
        # an act with a named doer first: "vetoed a push to impose UN sanctions on X" opposes the UN
        for c in sorted(inner, key=lambda c: (c.inner_only, abs(c.tok.i - d.tok.i))):
            own = set(d.sources)
            shared = bool(own & set(c.sources)) or {_code(actors, s) for s in d.sources} == {
                _code(actors, s) for s in c.sources}
            if shared and d.type == "REQUEST" and c.type in COMMANDED_HARM:
                # "Putin ordered an attack on Ukraine": a command to one's own forces; the attacked
                # party is the attack's target, not the one asked
                continue
            picked = c.targets if shared or not c.sources else c.sources
            _, tgts = _drop_self_loops(d.sources, [t for t in picked if t not in own], actors, d.tok)
            if tgts:
                d.targets, d.from_place = tgts, False
                break


def _inner_act(tok, entries: list[Trigger], undone: tuple[Trigger, list[str]] | None,
               finder: ArgumentFinder) -> list[_Draft]:
    """An act whose doer the clause does not name, kept for the stance that governs it
    (``_complement_targets``): "rejected an invitation to attend a meeting of X" (X), "rejected a
    call for troops to be deployed in Y" (Y, where the act would happen)."""
    if undone is None and tok.pos_ == "VERB":
        entry = next((e for e in entries if takes_place_target(e)), None)
        found = place_target(tok, finder, []) if entry is not None else []
        undone = (entry, found) if found else None
    if undone is None:
        return []
    entry, targets = undone
    return [_Draft(tok, entry.type, entry.mode, entry.cameo, [], targets, factuality_of(tok), None, 0.0,
                   inner_only=True)]


def _agentless(tok, entries: list[Trigger], finder: ArgumentFinder, speaker: str | None,
               actors: ActorIndex) -> list[_Draft]:
    """Violence or coercion with no named doer ("three soldiers were killed", "a bomb killed two
    students"): CAMEO codes it with an unknown source, an empty source list here. Only material
    acts on a named victim (see ``patterns.agentless_victims``)."""
    for entry in entries:
        if entry.type not in AGENTLESS_TYPES:
            continue
        victims = agentless_victims(tok, entry, finder)
        fact = factuality_of(tok) if victims else None
        # what happened or is said to have happened; an unattributed "if it is attacked" is no event
        if fact is not None and fact.value in AGENTLESS_FACTS:
            return [_Draft(tok, entry.type, entry.mode, entry.cameo, [], victims, fact,
                           speaker or reporting_subject(tok, actors), 0.35)]
    return []


def _code(actors: ActorIndex, actor_id: str) -> str:
    a = actors.get(actor_id)
    if a is None:
        return actor_id
    if a.kind == "location" and a.country:
        return a.country
    return a.code or a.name


def _drop_self_loops(srcs: list[str], tgts: list[str], actors: ActorIndex, tok=None,
                     trig: Trigger | None = None) -> tuple[list[str], list[str]]:
    """Targets that are the sources' own state, unless they are another party of it (see
    ``patterns.domestic_pair``; ``tok`` gives the sentence, ``trig`` the entry coded)."""
    src_codes = {_code(actors, s) for s in srcs}
    sent = tok.sent if tok is not None else None
    return list(dict.fromkeys(srcs)), [t for t in dict.fromkeys(tgts) if _code(actors, t) not in src_codes
                                       or domestic_pair(actors, srcs, t, sent, trig)
                                       or _part_acts_on_whole(actors, srcs, t, tok, trig)]


def _part_acts_on_whole(actors: ActorIndex, srcs: list[str], target: str, tok,
                        trig: Trigger | None) -> bool:
    """"Turkish authorities imposed a curfew in X", "an Argentine judge ordered Z to appear", "the
    Ivory Coast's Supreme Court allowed Z to run": a source state named before the trigger only as
    a modifier of a noun no actor owns stands for some of its officials or people, a party distinct
    from a place, person or body of that state, or, for an act done in a place, from the place the
    argument finder read as the state itself (CAMEO codes TURGOV -> TUR). Not a visit, and not a
    statement about the state ("Algerian officials praised Algeria")."""
    if tok is None or not srcs or (trig is not None and trig.type == "CONSULT" and trig.mode == "visit"):
        return False
    tgt = actors.get(target)
    if tgt is None or (tgt.kind == "state" and (trig is None or trig.type not in PLACE_ACT_TYPES)):
        return False
    return all(getattr(actors.get(s), "kind", None) == "state" and _named_as_owner(actors, s, tok)
               for s in srcs)


MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss"})


def _named_as_owner(actors: ActorIndex, state: str, tok) -> bool:
    """Every mention of ``state`` before ``tok`` in its sentence modifies a noun that no actor owns
    ("Turkish authorities", "the Ivory Coast's Supreme Court", "US troops"), and there is one."""
    doc, start = tok.doc, tok.sent.start
    mentions = [m for m in actors.mentions_of(state) if start <= m.start and m.end <= tok.i]
    for m in mentions:
        last = doc[m.end - 1]
        head = last.head
        if last.dep_ not in MODIFIER_DEPS or head is last or head.pos_ not in ("NOUN", "PROPN") \
                or actors.at(head.i) is not None:
            return False
    return bool(mentions)


def _speech_acts(doc, quotes: list[Quote], finder: ArgumentFinder, actors: ActorIndex) -> list[_Draft]:
    """REQUEST from a speaker to the actor the speaker says should or must act: inside a quote
    the quote's speaker; in "X and Y said that Z needed to ..." the say-verb's subjects."""
    out: list[_Draft] = []
    for q in quotes:
        if q.speaker is None:
            continue
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is not None:
            out += _requests([q.speaker], demanded_subjects(span), finder, actors)
    for verb, clause in reported_clauses(doc):
        srcs = finder.clause_actors(verb)
        if srcs:
            out += _requests(srcs, demanded_subjects(clause.subtree), finder, actors)
    return out


def _requests(sources: list[str], demanded, finder: ArgumentFinder, actors: ActorIndex) -> list[_Draft]:
    out = []
    for verb, subj in demanded:
        if (subj.lower_ in SELF_PRONOUNS and actors.at(subj.i) is None) or subj.dep_ == "nsubjpass":
            continue
        targets = finder.np_actors(subj, nested=False)
        srcs, tgts = _drop_self_loops(sources, targets, actors)
        if srcs and tgts:
            out.append(_Draft(verb, "REQUEST", None, "100", srcs, tgts, Factuality(), None, 0.5))
    return out


def _is_claim(tok, locator: QuoteLocator) -> bool:
    """The trigger is what a quote asserts: a clause or a core argument (not a background phrase
    such as "in support of Palestinians under attack"), in a direct quote or a report by a
    say-verb (not "vowed to ...")."""
    if tok.pos_ != "VERB" and tok.dep_ not in ("nsubj", "nsubjpass", "attr", "ROOT") and light_verb_of(tok) is None:
        # a nominal event is claimed when it is the clause's predicate ("carried out attacks") or
        # subject, not when it is presupposed ("struggle to sustain its assault")
        return False
    for anc in (tok, *tok.ancestors):
        if anc.lemma_.lower() in SAY_VERBS:
            break
        if anc.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS for c in children(anc)):
            return False  # "... as it carries out the war": background, not the claim
    q = locator.quote_at(tok.idx)
    if q is None:
        return True
    if q.direct:
        return True
    cue = tok.doc.char_span(q.cue.start, q.cue.end, alignment_mode="expand") if q.cue else None
    return cue is not None and any(t.lemma_.lower() in SAY_VERBS for t in cue)


def _is_complaint(typ: str, fact: Factuality) -> bool:
    """Asserting this accuses the doer: violence or coercion that happened, or help that an actor
    failed or refused to give ("the organisation failed to assist these states")."""
    if typ in ACCUSABLE_TYPES:
        return fact.value == "asserted"
    return typ in WITHHELD_TYPES and fact.value == "negated" and fact.cue in ("fail", "refuse")


def _accusations(drafts: list[_Draft], actors: ActorIndex, locator: QuoteLocator) -> list[_Draft]:
    """A speaker asserting that an actor used violence or coercion accuses that actor."""
    out = []
    for d in drafts:
        if d.claimed_by and _is_complaint(d.type, d.fact) and _is_claim(d.tok, locator) \
                and not _recalled(d, actors):
            srcs = [d.claimed_by]
            if d.type in WITHHELD_TYPES and _code(actors, d.claimed_by) in {_code(actors, t) for t in d.targets}:
                # "the organisation failed to assist these states", said by one of them: the states
                # denied the help make the complaint together
                srcs += [t for t in d.targets if _code(actors, t) != _code(actors, d.claimed_by)]
            srcs, tgts = _drop_self_loops(srcs, d.sources, actors)
            if tgts:
                out.append(_Draft(d.tok, "ACCUSE", "allege", "112", srcs, tgts, Factuality(), None, 0.35))
    return out


def _recalled(d: _Draft, actors: ActorIndex) -> bool:
    """"The Kremlin said the strikes targeted military sites": an event already reported, whose
    doer the sentence does not name, is described, not alleged (the doer came from memory)."""
    named_by = [d.tok] + [c for c in children(d.tok) if c.dep_ in ("nsubj", "nsubjpass")]
    if not any(t.pos_ == "NOUN" and actors.at(t.i) is None and any(
            c.dep_ == "det" and c.lower_ in ANAPHORIC_DETS for c in children(t)) for t in named_by):
        return False
    sent = d.tok.sent
    named = set(actors.in_range(sent.start, sent.end))
    return not any(s in named for s in d.sources)


def _dedup(drafts: list[_Draft], actors: ActorIndex) -> list[_Draft]:
    """One event per (source codes, type, target codes): the asserted, then the most confident."""
    best: dict[tuple, _Draft] = {}
    for d in drafts:
        src = tuple(sorted({_code(actors, s) for s in d.sources}))
        tgt = tuple(sorted({_code(actors, t) for t in d.targets}))
        if d.type in MUTUAL_TYPES and tgt < src and not d.directed:
            src, tgt = tgt, src  # "A met B" and "B met A" are one meeting
        key = (src, d.type, tgt)
        cur = best.get(key)
        rank = (d.fact.value == "asserted", d.confidence)
        if cur is None or rank > (cur.fact.value == "asserted", cur.confidence):
            best[key] = d
    return sorted(best.values(), key=lambda d: d.tok.i)


def _finish(doc, article: Article, actors: ActorIndex, drafts: list[_Draft]) -> list[Event]:
    events = []
    for d in drafts:
        sent = d.tok.sent
        ids = set(d.sources) | set(d.targets)
        exclude = {i for m in actors.mentions if m.actor_id in ids for i in range(m.start, m.end)}
        when, how = resolve_date(doc, sent, d.tok, article.published, future=d.fact.value == "future")
        events.append(Event(
            type=d.type, mode=d.mode, cameo=d.cameo, sources=d.sources, targets=d.targets,
            factuality=d.fact.value, claimed_by=d.claimed_by, date=when, date_resolution=how,
            location=find_location(doc, sent, d.tok, exclude_tokens=exclude),
            evidence=Span(sent.text, sent.start_char, sent.end_char),
            trigger=Span(d.tok.text, d.tok.idx, d.tok.idx + len(d.tok.text)),
            confidence=max(0.05, min(0.95, d.confidence)),
        ))
    return events
