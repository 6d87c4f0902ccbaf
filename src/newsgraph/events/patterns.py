"""Argument and coding rules for CAMEO-style sentences, applied after the frame rules.

``complete_arguments`` runs after ``arguments.find_arguments`` and only fills what the frame
left empty:

- **complement targets**: a verb of intent, refusal or speech with no target of its own takes
  the actors its infinitive complement acts on ("threatened to cut off power to X", "refused to
  deploy troops in X", "agreed to reopen its border to X");
- **reciprocal subjects**: coordinated subjects of a cooperative or mutual act with no target
  are coded pairwise ("X and Y agreed ...", "X and Y failed to reach agreement").

``recode_intent`` applies PLOVER's coding of announced acts: a future or conditional
conflictual act ("will impose a curfew", "threatened to break relations", "will withdraw ...
unless") is a THREATEN; a future cooperative act announced with "will", "ready to", "willing
to" is an AGREE (the manual: intent to cooperate is AGREE, intent to harm is THREATEN). A
threatened cut of relations ("will break relations with X") is CAMEO 1313. "Is about to" is
not a cue of intent: an imminent act keeps its type (see extract.py).

``recode_intent`` also codes an announced refusal of a cooperative act ("will not accept
refugees", "would not meet X") as REJECT, and an attack the doer is preparing ("the army
prepared to resume shelling X") as MOBILIZE; an offer in conditional form ("would meet X if
...", "would be ready to host ...") is an AGREE, a standing stance ("will always support X")
stays SUPPORT.

Further target rules: an envoy required as an entry's object is its target ("summoned X's
ambassador"); a call for sanctions aimed at someone accuses them ("called for sanctions
against X"); an investigation targets the doer of what is investigated or the place the
investigators are sent to; a proposal of talks between one's own side and another asks the
other side; a welcomed thing, not a visitor, is approval ("welcomed X's decision"); a force
demobilized or disarmed by nobody named has stood down itself.

Sources the frame rules miss in news wording: the user of a weapon that is the subject
("missiles fired by X struck Y"), whoever "is responsible for" a violent act ("X is responsible
for mass killings", "the unit responsible for the attack"), the parties of "X joined Y for
talks", and a sentence-initial actor the parser read as an adverb ("USAID provided ..."). A
call to a named party is a telephone call ("called X on Monday to discuss ..."), unless the
object is described ("called the vote a farce") or the "on"/"for" is not the verb's own. Armed
units arriving somewhere ("US troops arrived in Poland") are no diplomatic visit; "cannot
accept" is an announced refusal like "will not accept".

``agentless_victims``: violence or coercion reported without its doer ("two soldiers were
wounded", "an explosion killed three villagers") is coded with an unknown (empty) source.

``welcomed_event_parties``: a verb of approval whose object is a mutual event between others
("welcomed the resumption of ties between X and Y") targets that event's parties.
"""
from __future__ import annotations

from ..actors.agents import is_agent
from ..actors.normalise import fold
from ..nlp import children
from .arguments import CONDITION_MARKS, SELF_PRONOUNS, Arguments, ArgumentFinder, required_tokens
from .factuality import Factuality
from .lexicon import Trigger

COMPLEMENT_TYPES = frozenset({"AGREE", "REJECT", "THREATEN", "REQUEST", "CONCEDE", "SUPPORT", "ACCUSE"})
RECIPROCAL_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE"})
# verbs of approval or proposal whose object may be an event between others ("welcomed the talks
# between X and Y", "invited negotiations between its president and Y's")
WELCOMING_TYPES = frozenset({"SUPPORT", "REQUEST"})
COMPLEMENT_PREPS = frozenset("to with against on from in into at for over toward towards".split())
CONFLICT_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"})
# "denied arming X" denies an accusation: X is not what is refused
NOT_COMPLEMENT_LEMMAS = frozenset({"deny"})
COOPERATIVE_TYPES = frozenset({"SUPPORT", "AID", "COOPERATE", "CONSULT", "CONCEDE", "RETREAT"})
# cues (factuality cues or governing lemmas) that announce an act the speaker intends; "would" is
# a cue only as the reported "will" of a past statement (factuality._backshifted)
INTENT_CUES = frozenset("will 'll shall wo would plan intend prepare prepared ready willing determined poised set "
                        "vow pledge promise threaten warn swear decide commit".split()) | {"to be"}
THREAT_ONLY_CUES = frozenset({"threaten", "warn", "swear"})
# "will always support X", "will continue to back X": a standing stance restated, not a promise
ONGOING_WORDS = frozenset("always still forever continue remain keep".split())
# "would be ready to host talks", "would be willing to meet": an offer, though worded as a hypothesis
OFFER_CUES = frozenset("ready willing prepared".split())
FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "would"})
PROMISE_WORDS = FUTURE_AUX | OFFER_CUES | frozenset("promise pledge vow offer commit".split())
# "cannot accept", "can't allow": a present refusal said of one's own act ("ca" is spaCy's "can't")
REFUSAL_AUX = FUTURE_AUX | {"can", "ca"}
# verbs whose refusal is a REJECT when announced ("will not accept refugees", "would not meet X")
REFUSABLE_TYPES = COOPERATIVE_TYPES | {"AGREE"}
THREAT_CAMEO = {"ASSAULT": ("violence", "138"), "COERCE": (None, "137"), "SANCTION": ("restrict", "1312"),
                "MOBILIZE": ("violence", "138")}
AGREE_CAMEO = {"SUPPORT": "032", "AID": "033", "COOPERATE": "031", "CONSULT": "036", "CONCEDE": "035",
               "RETREAT": "0356"}
# people a host welcomes on a visit ("welcomed the French delegation"), as opposed to what they say or do
VISITOR_NOUNS = frozenset(
    "delegation delegate mission team envoy counterpart guest visitor official minister president leader "
    "premier king queen prince princess chancellor ambassador diplomat commander chief head secretary "
    "representative dignitary emperor pope monarch troop soldier force sailor crew lawmaker senator governor "
    "mayor".split())
# armed units whose arrival somewhere is a deployment, not a visit ("US troops arrived in Poland")
ARMED_UNITS = frozenset(
    "troop soldier force peacekeeper marine paratrooper commando warship battalion brigade regiment contingent "
    "army navy militant fighter rebel insurgent tank convoy".split())
# the visit verbs that only say someone came somewhere (a warship's port "visit" is still a visit)
ARRIVAL_LEMMAS = frozenset("arrive travel fly land head leave depart".split())
# "X and Y offered to mediate", "pledged aid": each makes the offer, not an agreement with the other
ONE_SIDED_LEMMAS = frozenset("offer pledge promise vow commit propose".split())
# "demonstrates that X", "demonstrated its resolve": shows something, no street protest
SHOW_LEMMAS = frozenset({"demonstrate"})
# verbs of request that mean "try" before an infinitive ("sought to expand ties with X")
ATTEMPT_LEMMAS = frozenset({"seek"})
# a force that is demobilized or disarmed with no one named as doing it has stood down itself
LAID_DOWN_ARMS = frozenset("demobilize demobilise disarm disband".split())
# the diplomats an entry may require as its object ("summon ambassador", "expel diplomat")
ENVOY_WORDS = frozenset("ambassador envoy diplomat diplomats charge chargé consul".split())
# what a reduction of relations acts on (CAMEO 160-161); threatened, it is CAMEO 1313
RELATION_WORDS = frozenset("relation relationship tie ambassador embassy diplomat contact".split())
PLACE_TARGET_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST"})
PLACE_PREPS = frozenset({"in", "at", "inside", "throughout", "across", "into"})
OBJECT_PLACE_PREPS = frozenset({"into", "to", "toward", "towards", "of", "near"})
# particles the parser reads as prepositions of a phrasal verb ("cordoned off the roads")
PARTICLE_PREPS = frozenset({"off", "up", "down"})
# from a nominal trigger up to the verb that carries it ("launched an attack in X", "arrived on a visit")
PLACE_CLIMB_DEPS = frozenset({"dobj", "pobj", "prep", "nsubj", "nsubjpass", "attr", "compound"})
# events that stand without a target: protests, resignations, surrenders, unilateral ceasefires
STANDALONE_MODES = {"RETREAT": frozenset({"withdraw", "resign", "ceasefire", "disarm"})}


def stands_alone(trig: Trigger) -> bool:
    """Whether an event of this entry is coded with a source and no target."""
    return trig.intransitive or trig.type == "PROTEST" or trig.mode in STANDALONE_MODES.get(trig.type, ())


def complete_arguments(tok, trig: Trigger, finder: ArgumentFinder, args: Arguments) -> Arguments:
    """Fill targets the frame rules left empty (see the module docstring)."""
    if trig.type == "REQUEST" and not trig.requires and trig.lemma in ATTEMPT_LEMMAS and any(
            c.dep_ == "xcomp" for c in children(tok)):
        return Arguments(sources=[], targets=[], how="attempt")  # "sought to ease tensions": tried, asked no one
    if trig.type == "PROTEST" and trig.pos == "verb" and tok.lemma_.lower() in SHOW_LEMMAS and any(
            c.dep_ in ("ccomp", "dobj", "obj") for c in children(tok)):
        return Arguments(sources=[], targets=[], how="shows")  # "the visit demonstrates that ...": shows
    if trig.pos == "verb" and trig.lemma in CALL_LEMMAS and trig.requires and trig.requires[0] in CALL_PARTICLES \
            and not any(c.lower_ == trig.requires[0] and not any(
                g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in children(c)) for c in children(tok)):
        # "called X on Monday to congratulate him on ...": neither "on" makes it "call on"
        return Arguments(sources=[], targets=[], how="not-call-on")
    if trig.type == "CONSULT" and trig.mode == "phone" and trig.pos == "verb" and trig.lemma in CALL_LEMMAS:
        callee = _callee(tok, finder)
        if callee is None:
            return Arguments(sources=[], targets=[], how="not-a-call")
        if not args.targets:
            args.targets = [a for a in finder.np_actors(callee, nested=False) if a not in args.sources]
    if trig.pos == "verb" and not args.sources and tok.pos_ == "VERB":
        misread = misread_subject(tok, finder)
        if misread:
            args = Arguments(sources=misread, targets=[t for t in args.targets if t not in misread],
                             how="misread-subject", type_override=args.type_override)
    if trig.pos == "verb" and not args.sources and trig.type in CONFLICT_TYPES:
        users = weapon_users(tok, finder)
        if users:
            args = Arguments(sources=users, targets=[t for t in args.targets if t not in users], how="weapon-user",
                             type_override=args.type_override)
    if trig.pos == "noun" and not args.sources and trig.type in RECIPROCAL_TYPES:
        joiner, joined = joined_for(tok, finder)
        if joiner and joined:
            args = Arguments(sources=joiner, targets=joined, how="joined-for", type_override=args.type_override)
    if trig.pos == "noun" and not args.sources and trig.type in CONFLICT_TYPES:
        doers = responsible_doers(tok, finder)
        if doers:
            args = Arguments(sources=doers, targets=[t for t in args.targets if t not in doers], how="responsible",
                             type_override=args.type_override)
    if trig.pos == "noun" and trig.requires and not args.targets:
        args = _through_required_words(tok, trig, finder, args)
    if trig.pos == "verb" and trig.type == "CONSULT" and trig.mode == "visit" and (
            _event_object(tok, finder) or _welcomed_thing(tok, finder)):
        # "welcomed X's offer", "received the deployment of Y's troops": approval, not a visit;
        # "hosted talks with X" / "between X and Y": the host meets the parties
        parties = welcomed_event_parties(tok, finder) if tok.lemma_.lower() == "host" else []
        return Arguments(sources=args.sources, targets=[a for a in parties if a not in args.sources],
                         how="hosted-event" if parties else "not-a-visit")
    if trig.pos == "verb" and trig.type == "CONSULT" and trig.mode == "visit" and _armed_arrival(tok):
        return Arguments(sources=[], targets=[], how="armed-arrival")
    if trig.type == "RETREAT" and trig.lemma in LAID_DOWN_ARMS and args.how == "passive" and not args.sources:
        # "the guerrillas were demobilized": no one named did it to them; they stood down
        return Arguments(sources=args.targets, targets=[], how="passive-retreat")
    if trig.pos == "verb" and trig.requires and args.sources:
        envoys = envoy_targets(tok, trig, finder, args.sources)
        if envoys:
            return Arguments(sources=args.sources, targets=envoys, how="envoy",
                             type_override=args.type_override)
    if args.targets or args.pairwise:
        return args
    if trig.pos == "verb" and trig.requires and trig.type in PLACE_TARGET_TYPES and args.sources:
        # "captured the Ukrainian city of X", "seized a village in X": the place taken is the target
        taken = [a for r in required_tokens(tok, trig) if r.dep_ in ("dobj", "obj") for a in finder.np_actors(r)
                 if a not in args.sources and getattr(finder.actors.get(a), "kind", None) in ("location", "state")]
        if taken:
            return Arguments(sources=args.sources, targets=list(dict.fromkeys(taken)), how="place-taken",
                             type_override=args.type_override)
    if trig.type == "ACCUSE" and trig.mode == "investigate" and args.sources:
        doers = investigated_doers(tok, trig, finder, args.sources)
        if doers:
            # "opened an investigation into abuses committed by X": X is investigated
            return Arguments(sources=args.sources, targets=doers, how="investigated-doer",
                             type_override=args.type_override)
    if trig.type == "REQUEST" and trig.pos == "verb" and args.sources:
        punished = punished_parties(tok, finder, args.sources)
        if punished:
            # "called for sanctions against X": a demand addressed to nobody named, aimed at X
            return Arguments(sources=args.sources, targets=punished, how="demanded-punishment",
                             type_override="ACCUSE")
    # "X and Y agreed/welcomed (a verb dictionary's 041) the resumption of ties with Z": a verb of
    # a mutual type whose object is a mutual event is aimed at that event's parties, not a pair
    if (trig.type in WELCOMING_TYPES or trig.type in RECIPROCAL_TYPES and trig.frame == "agent") \
            and trig.pos == "verb" and args.sources:
        found = [a for a in welcomed_event_parties(tok, finder) if a not in args.sources]
        if trig.type == "REQUEST":
            # proposing talks between one's own leader and another's asks the other side
            own = {_state_of(finder, s) for s in args.sources} - {None}
            found = [a for a in found if _state_of(finder, a) not in own]
        if found:
            args.targets, args.how = found, "event-object"
            return args
    if trig.pos != "verb":
        if args.sources and takes_place_target(trig):
            args.targets = place_target(tok, finder, args.sources)
            args.how = "place" if args.targets else args.how
        return args
    if trig.type in COMPLEMENT_TYPES and trig.frame in ("agent", "speech") and trig.lemma not in NOT_COMPLEMENT_LEMMAS \
            and not (trig.type == "REQUEST" and _addressed(tok)):
        found = [a for a in complement_targets(tok, finder) if a not in args.sources]
        if found:
            args.targets, args.how = found, "complement"
            return args
    # not when a coordinated verb holds the object ("X and Y are backing and arming Z")
    shared_object = any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for c in children(tok)) or tok.dep_ == "conj"
    # not visits and hosting: "X and Y welcomed the decision" is not X hosting Y
    if trig.type in RECIPROCAL_TYPES and trig.mode != "visit" and len(args.sources) > 1 \
            and _own_subject(tok) and not shared_object and not _one_sided(tok, trig):
        args.pairwise, args.how = True, "reciprocal"
    elif trig.type == "PROTEST" and args.sources:
        args.targets = protest_target(tok, finder, args.sources)
        args.how = "protest-place" if args.targets else args.how
    elif args.sources and takes_place_target(trig):
        args.targets = place_target(tok, finder, args.sources)
        args.how = "place" if args.targets else args.how
    return args


CALL_LEMMAS = frozenset({"call"})
CALL_PARTICLES = frozenset({"on", "upon", "for", "off"})
# what follows "called X" when X is named something, not telephoned ("called the vote a farce")
NAMING_DEPS = frozenset({"oprd", "attr", "acomp", "ccomp", "xcomp"})


def _callee(v, finder: ArgumentFinder):
    """Whom "called" telephoned: "called Xi on Thursday", "called Y to discuss ..." (the parser
    may read a lone name as the verb's predicate); None when the object is described, not rung
    ("called X a liar", "called X's remarks unfounded", "called elections")."""
    objs = [c for c in children(v) if c.dep_ in ("dobj", "obj")]
    named = [c for c in children(v) if c.dep_ in NAMING_DEPS and c.pos_ not in ("VERB", "AUX")]
    if not objs and len(named) == 1 and named[0].dep_ == "oprd" and named[0].pos_ == "PROPN":
        objs, named = named, []  # "called Chinese President Xi Jinping": one name, no predicate
    if len(objs) != 1 or named:
        return None
    obj = objs[0]
    if v.dep_ == "ROOT" and any(c.dep_ == "auxpass" for c in children(v)):
        return None
    if any(c.dep_ in ("appos", "oprd", "acl", "relcl") or c.lower_ in ("a", "an") for c in children(obj)) \
            or finder.is_trigger_noun(obj) is not None or not finder.np_actors(obj, nested=False):
        return None  # not "called a meeting of X", "called a strike"
    return obj


# what the parser makes of a sentence-initial acronym it does not know ("USAID provided ...")
MISREAD_SUBJECT_DEPS = frozenset({"advmod", "npadvmod", "nmod", "dep"})


def misread_subject(v, finder: ArgumentFinder) -> list[str]:
    """"USAID provided shelter to ...", parsed with USAID as an adverb: a main verb with no subject
    whose only word before it, starting the sentence, names an actor that is no place."""
    if v.dep_ != "ROOT" or any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in children(v)):
        return []
    left = [c for c in children(v) if c.i < v.i and c.dep_ not in ("aux", "auxpass", "neg", "punct")]
    if len(left) != 1 or left[0].dep_ not in MISREAD_SUBJECT_DEPS or left[0].left_edge.i != v.sent.start:
        return []
    found = [a for a in finder.np_actors(left[0], nested=False)
             if getattr(finder.actors.get(a), "kind", None) != "location"]
    return list(dict.fromkeys(found))


JOIN_LEMMAS = frozenset({"join"})


def joined_for(tok, finder: ArgumentFinder) -> tuple[list[str], list[str]]:
    """"X joined Y for talks", "X will join Y and Z for a meeting": X meets those it joins."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "for" or tok.head.head.lemma_.lower() not in JOIN_LEMMAS:
        return [], []
    verb = tok.head.head
    holder = verb.head if verb.dep_ in ("xcomp", "conj") and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in children(verb)) else verb
    joiner = [a for c in children(holder) if c.dep_ == "nsubj" for a in finder.np_actors(c)]
    joined = [a for c in children(verb) if c.dep_ in ("dobj", "obj") for a in finder.np_actors(c) if a not in joiner]
    return list(dict.fromkeys(joiner)), list(dict.fromkeys(joined))


# what is fired, dropped or launched at someone: its user does what it does ("missiles fired by X hit Y")
WEAPON_NOUNS = frozenset(
    "missile rocket shell mortar bomb drone grenade bullet projectile torpedo munition airstrike strike jet "
    "warplane aircraft helicopter artillery".split())


def weapon_users(v, finder: ArgumentFinder) -> list[str]:
    """"The missiles fired by the Israeli military struck a depot": the subject is a weapon whose
    participle names who used it."""
    for subj in children(v):
        if subj.dep_ != "nsubj" or not {subj.lemma_.lower(), subj.lower_.removesuffix("s")} & WEAPON_NOUNS:
            continue
        for acl in children(subj):
            if acl.dep_ != "acl" or acl.tag_ != "VBN":
                continue
            doers = [p for a in children(acl) if a.dep_ == "agent" for p in children(a) if p.dep_ == "pobj"]
            found = [x for p in doers for x in finder.np_actors(p)]
            if found:
                return list(dict.fromkeys(found))
    return []


RESPONSIBLE_WORDS = frozenset({"responsible"})
COPULAS = frozenset({"be", "remain"})


def responsible_doers(tok, finder: ArgumentFinder) -> list[str]:
    """"X is responsible for mass killings", "the group responsible for the bombings": X did them.
    A denial or a hedge ("X is not / may be responsible") is the event's factuality, read by
    factuality.py as for any clause; "held responsible" is an accusation, coded on its own verb."""
    while tok.dep_ == "conj":
        tok = tok.head  # "responsible for killings, rapes and abductions"
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "for" or prep.head.lemma_.lower() not in RESPONSIBLE_WORDS:
        return []
    adj = prep.head
    if adj.dep_ == "amod" or (adj.dep_ == "acl" and adj.head.pos_ in ("NOUN", "PROPN")):
        holders = [adj.head]
    elif adj.dep_ == "acomp" and adj.head.lemma_.lower() in COPULAS:
        holders = [c for c in children(adj.head) if c.dep_ in ("nsubj", "nsubjpass")]
    else:
        return []
    if any(c.dep_ == "neg" for c in children(adj)):
        return []
    return list(dict.fromkeys(a for h in holders for a in finder.np_actors(h)))


def _armed_arrival(v) -> bool:
    """"Hundreds of British troops arrived in Mali": soldiers come to deploy, not to visit."""
    if v.lemma_.lower() not in ARRIVAL_LEMMAS:
        return False
    holder = v.head if v.dep_ == "conj" else v
    for s in children(holder):
        if s.dep_ not in ("nsubj", "nsubjpass"):
            continue
        # "hundreds of troops", "a contingent of soldiers": the unit is the noun after "of"
        heads = [s, *(g for c in children(s) if c.dep_ == "prep" and c.lower_ == "of" for g in children(c)
                      if g.dep_ == "pobj")]
        return any(h.lemma_.lower() in ARMED_UNITS for h in heads)
    return False


def _one_sided(tok, trig: Trigger) -> bool:
    """"X and Y offered to mediate", "pledged to talk": each offers; mediators mediate between others."""
    return tok.lemma_.lower() in ONE_SIDED_LEMMAS or governing_lemma(tok) in ONE_SIDED_LEMMAS \
        or trig.cameo.startswith("045")


INVESTIGATED_PREPS = frozenset({"into", "of", "on"})
SENT_TO_PREPS = frozenset({"to", "into", "in"})


def investigated_doers(v, trig: Trigger, finder: ArgumentFinder, sources: list[str]) -> list[str]:
    """Who did what is investigated: the "by" agent or possessor of the thing looked into
    ("an investigation into abuses committed by X", "investigated X's role in ...")."""
    heads = [v, *required_tokens(v, trig)]
    things = [c for h in heads for c in children(h)
              if c.dep_ in ("dobj", "obj") and c.lemma_.lower() not in trig.requires]
    things += [g for h in heads for p in children(h) if p.dep_ == "prep" and p.lower_ in INVESTIGATED_PREPS
               for g in children(p) if g.dep_ == "pobj"]
    out: list[str] = []
    for t in things:
        for c in children(t):
            if c.dep_ == "poss":
                out += finder.np_actors(c, nested=False)
            elif c.dep_ in ("acl", "relcl"):
                out += [a for ag in children(c) if ag.dep_ == "agent" for g in children(ag) if g.dep_ == "pobj"
                        for a in finder.np_actors(g, nested=False)]
    out = [a for a in dict.fromkeys(out) if a not in sources]
    if not out and v.dep_ in ("advcl", "xcomp") and v.head.pos_ == "VERB":
        # "sent a team to X to investigate ...": the place the investigators are sent to
        out = _place_after(v.head, SENT_TO_PREPS, finder, sources)
    return out


def punished_parties(v, finder: ArgumentFinder, sources: list[str]) -> list[str]:
    """Whom the sanctions a verb of demand asks for are aimed at: "called for sanctions against
    X", "demanded an embargo on X" (the object, or the object of "for")."""
    objs = [c for c in children(v) if c.dep_ in ("dobj", "obj")]
    objs += [g for p in children(v) if p.dep_ == "prep" and p.lower_ == "for"
             for g in children(p) if g.dep_ == "pobj"]
    out: list[str] = []
    for o in objs:
        event = finder.is_trigger_noun(o)
        if event is not None and event.type == "SANCTION":
            out += [a for a in finder.prep_actors(o, ("against", "on"), nested=False) if a not in sources]
    return list(dict.fromkeys(out))


def envoy_targets(v, trig: Trigger, finder: ArgumentFinder, sources: list[str]) -> list[str]:
    """"Summoned X's ambassador Y", "expelled the envoy of X": the envoy named as the entry's
    required object is its target, and through the envoy the state sending them."""
    out: list[str] = []
    for o in children(v):
        low = o.lemma_.lower()
        if o.dep_ in ("dobj", "obj") and low in ENVOY_WORDS and low in trig.requires:
            out += [a for a in finder.np_actors(o, nested=False) if a not in sources]
            for c in children(o):
                if c.dep_ in ("poss", "appos") or (c.dep_ == "prep" and c.lower_ == "of"):
                    heads = [g for g in children(c) if g.dep_ == "pobj"] if c.dep_ == "prep" else [c]
                    out += [a for h in heads for a in finder.np_actors(h, nested=False) if a not in sources]
    return list(dict.fromkeys(out))


def _addressed(v) -> bool:
    """"Ordered the army to attack X", "urged the council to sanction X": the demand is put to its
    object, whom the infinitive's act is asked of; X is what that act is aimed at, not who is asked."""
    return any(c.dep_ in ("dobj", "obj") for c in children(v)) and any(c.dep_ == "xcomp" for c in children(v))


def _through_required_words(tok, trig: Trigger, finder: ArgumentFinder, args: Arguments) -> Arguments:
    """A nominal event's phrases may hang from its required word: "the resumption of ties with
    X" (target X, not the coordinated holders paired with each other), "a restoration of ties
    between X and Y" (X and Y, pairwise)."""
    heads = required_tokens(tok, trig)
    if not heads:
        return args
    targets = [a for h in heads for a in finder.targets_by_spec(h, [p for p in trig.target if p != "dobj"],
                                                                  nested=False) if a not in args.sources]
    if targets and args.sources:
        return Arguments(sources=args.sources, targets=targets, how="nominal-required",
                         type_override=args.type_override)
    if not args.sources and trig.frame == "symmetric":
        between = [a for h in heads for a in finder.prep_actors(h, ("between", "among"), nested=False)]
        if len(between) >= 2:
            return Arguments(sources=between, pairwise=True, how="nominal-between")
    return args


def _event_object(v, finder: ArgumentFinder) -> bool:
    return any(o.dep_ in ("dobj", "obj") and o.pos_ in ("NOUN", "PROPN") and finder.actors.at(o.i) is None
               and finder.is_trigger_noun(o) is not None for o in children(v))


def _state_of(finder: ArgumentFinder, actor_id: str) -> str | None:
    a = finder.actors.get(actor_id)
    if a is None:
        return None
    return a.country if a.kind == "location" else (a.code or getattr(a, "country", None))


def _welcomed_thing(v, finder: ArgumentFinder) -> bool:
    """"Welcomed France's decision", "welcomed the French statement": a thing said or done is
    welcomed, not a visitor (the object is no actor and no word for people who visit)."""
    return v.lemma_.lower() == "welcome" and any(
        o.dep_ in ("dobj", "obj") and o.pos_ == "NOUN" and finder.actors.at(o.i) is None
        and o.lemma_.lower() not in VISITOR_NOUNS for o in children(v))


def welcomed_event_parties(v, finder: ArgumentFinder) -> list[str]:
    """The parties of a mutual event that a verb of approval takes as its object: "welcomed the
    resumption of ties between X and Y" (X and Y), "hailed the talks with X" (X). Approving an
    act by unnamed parties is approving of them; the object's own doer, when named ("welcomed
    X's decision"), is already the target through the frame rules."""
    out: list[str] = []
    for o in children(v):
        if o.dep_ not in ("dobj", "obj") or o.pos_ not in ("NOUN", "PROPN"):
            continue
        event = finder.is_trigger_noun(o)
        mutual = event is not None and (event.frame == "symmetric" or (
            event.requires and event.type in RECIPROCAL_TYPES))
        if not mutual:
            continue
        for h in (o, *required_tokens(o, event)):
            out += finder.prep_actors(h, ("between", "among", "with"), nested=False)
    return list(dict.fromkeys(out))


def takes_place_target(trig: Trigger) -> bool:
    """PLOVER/CAMEO code the state where violence, coercion, a deployment or a protest happens,
    and the state visited, as the target when the sentence names no other."""
    return trig.type in PLACE_TARGET_TYPES or (trig.type == "CONSULT" and trig.mode == "visit")


def place_target(tok, finder: ArgumentFinder, sources: list[str]) -> list[str]:
    """The place of the trigger's clause ("killed ... in Baghdad", "arrived in Amman on a visit",
    "carried out an attack in X"): a location or state after a locative preposition on the
    trigger or, for a nominal trigger, on the verbs governing it."""
    heads = [tok]
    h = tok
    while h.pos_ not in ("VERB", "AUX") and h.dep_ in PLACE_CLIMB_DEPS and h.head is not h and len(heads) < 4:
        h = h.head
        heads.append(h)
    for head in heads:
        found = _place_after(head, PLACE_PREPS, finder, sources)
        if found:
            return found
    # "blockaded the roads into X", "cordoned off the border crossings leading to X": the place
    # the acted-on thing belongs to or leads to
    objs = [c for c in children(tok) if c.dep_ in ("dobj", "obj") and finder.actors.at(c.i) is None]
    objs += [g for p in children(tok) if p.dep_ == "prep" and p.lower_ in PARTICLE_PREPS
             for g in children(p) if g.dep_ == "pobj" and finder.actors.at(g.i) is None]
    for o in objs:
        for h in (o, *[c for c in children(o) if c.dep_ == "acl"]):
            found = _place_after(h, PLACE_PREPS | OBJECT_PLACE_PREPS, finder, sources)
            if found:
                return found
    return []


def _place_after(head, preps, finder: ArgumentFinder, sources: list[str]) -> list[str]:
    for p in children(head):
        if p.dep_ != "prep" or p.lower_ not in preps:
            continue
        for g in children(p):
            if g.dep_ != "pobj":
                continue
            found = [a for a in finder.np_actors(g, nested=False) if a not in sources
                     and getattr(finder.actors.get(a), "kind", None) in ("location", "state")]
            if found:
                return found
    return []


def protest_target(v, finder: ArgumentFinder, sources: list[str]) -> list[str]:
    """A protest with no named target is against the authorities where it happens ("demonstrated
    in Serbia") or, for a state's own citizens, against their state ("Egyptian students rallied")."""
    for p in children(v):
        if p.dep_ == "prep" and p.lower_ in ("in", "at", "throughout", "across"):
            for g in children(p):
                if g.dep_ == "pobj":
                    found = [a for a in finder.np_actors(g, nested=False) if a not in sources]
                    if found:
                        return found
    # "rioted at a jail in northern X": the state of the place named inside the phrase
    for p in children(v):
        if p.dep_ == "prep" and p.lower_ in ("in", "at", "outside", "near"):
            found = [a for g in children(p) if g.dep_ == "pobj"
                     for a in finder.places_in(g) if a not in sources]
            if found:
                return found
    for s in sources:
        agent = finder.actors.get(s)
        if is_agent(agent):
            own = [a.id for a in finder.actors.actors if a.kind == "state" and a.code == agent.code]
            if own:
                return own[:1]
    return []


def complement_targets(v, finder: ArgumentFinder, depth: int = 0) -> list[str]:
    """Actors the infinitive complement of ``v`` acts on: its object, then its prepositions."""
    for c in children(v):
        if c.dep_ != "xcomp" or c.pos_ not in ("VERB", "AUX"):
            continue
        out = [a for d in children(c) if d.dep_ in ("dobj", "obj", "dative") and d.pos_ != "ADP"
               for a in _np(d, finder)]
        if not out:
            for p in children(c):
                # "send troops to X": spaCy labels that "to" dative or prep
                if p.dep_ in ("prep", "dative") and p.lower_ in COMPLEMENT_PREPS:
                    for g in children(p):
                        if g.dep_ == "pobj":
                            out += _np(g, finder)
        if not out and depth < 2:
            out = complement_targets(c, finder, depth + 1)
        return out
    return []


def _np(tok, finder: ArgumentFinder) -> list[str]:
    if tok.lower_ in SELF_PRONOUNS and finder.actors.at(tok.i) is None:
        return []
    found = finder.np_actors(tok, nested=False)
    if found:
        return found
    # "restrictions on X", "assistance to X": the thing's own recipient
    for p in children(tok):
        if p.dep_ == "prep" and p.lower_ in COMPLEMENT_PREPS:
            for g in children(p):
                if g.dep_ == "pobj":
                    found += finder.np_actors(g, nested=False)
    return found


def _own_subject(v) -> bool:
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in children(v)):
        return True
    # "X and Y have agreed to undertake ...": the control verb's subject is the actors'
    return v.dep_ == "xcomp" and any(c.dep_ == "nsubj" for c in children(v.head))


def governing_lemma(tok) -> str | None:
    """The verb or adjective whose infinitive complement ``tok`` is ("ready to ...", "vowed to ...")."""
    t = tok
    for _ in range(3):
        if t.dep_ == "xcomp" and t.head is not t:  # not a say-verb governing reported speech
            return t.head.lemma_.lower()
        if t.dep_ == "conj" and t.head is not t:
            t = t.head
            continue
        if t.dep_ in ("dobj", "pobj", "prep") and t.pos_ in ("NOUN", "PROPN", "ADP"):
            t = t.head  # a nominal event carried by a light verb ("impose a curfew")
            continue
        return None
    return None


def _names_relations(tok) -> bool:
    """"break relations", "break off ties with", "recall its ambassador": relations are cut."""
    objs = [c for c in children(tok) if c.dep_ in ("dobj", "obj")]
    objs += [g for p in children(tok) if p.dep_ in ("prep", "prt") for g in children(p) if g.dep_ == "pobj"]
    return any(o.lemma_.lower() in RELATION_WORDS for o in objs)


def _conditional(tok, marks: frozenset[str] = CONDITION_MARKS) -> bool:
    """A clause with an "unless"/"if" condition attached: "will withdraw ... unless ..."."""
    t = tok
    for _ in range(3):
        for c in children(t):
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in children(c)):
                return True
        if t.dep_ not in ("dobj", "pobj", "prep", "conj") or t.head is t:
            return False
        t = t.head
    return False


def _ongoing(tok, gov: str | None) -> bool:
    """"will always support", "will continue to back": the stance is restated, not promised."""
    return gov in ONGOING_WORDS or any(c.dep_ == "advmod" and c.lower_ in ONGOING_WORDS for c in children(tok))


def _announced_refusal(tok, fact: Factuality) -> bool:
    """"will not accept", "would not meet", "won't send", "cannot accept": a negated act announced
    with a future auxiliary (or "can") on its own verb is a refusal (CAMEO 12), not merely an act
    that did not happen."""
    return fact.value == "negated" and fact.cue in ("not", "n't", "never") and tok.pos_ in ("VERB", "AUX") \
        and any(c.dep_ == "aux" and c.lower_ in REFUSAL_AUX for c in children(tok))


def _readied_by(tok) -> bool:
    """Whether the act is the complement of the verb "prepare" used of the doer's own action
    ("prepared to attack", "are preparing to storm"), not the adjective of willingness ("is
    prepared to impose martial law": an announced intention, a threat)."""
    t = tok
    for _ in range(3):
        if t.dep_ not in ("xcomp", "conj") or t.head is t:
            return False
        t = t.head
        if t.lemma_.lower() == "prepare":
            return t.pos_ == "VERB" and t.dep_ != "acomp" and not any(
                c.dep_ in ("auxpass", "cop") or (c.dep_ == "aux" and c.lemma_ == "be" and t.tag_ == "VBN")
                for c in children(t))
    return False


def is_promise(tok, fact: Factuality) -> bool:
    """A verbal act announced as a commitment ("will provide", "is ready to send", "pledged to
    give"), strong enough to stand as an AGREE without a named recipient; "decided to", "plans
    to" and purposes ("to finance") are not."""
    return tok.pos_ == "VERB" and fact.value == "future" and (
        fact.cue in PROMISE_WORDS or governing_lemma(tok) in PROMISE_WORDS)


def recode_intent(tok, typ: str, mode: str | None, cameo: str, fact: Factuality) -> tuple[str, str | None, str]:
    """THREATEN for an announced conflictual act, AGREE for an announced cooperative one,
    REJECT for an announced refusal of a cooperative one."""
    if typ in REFUSABLE_TYPES and _announced_refusal(tok, fact):
        return "REJECT", None, "120"
    if fact.value not in ("future", "hypothetical"):
        return typ, mode, cameo
    gov = governing_lemma(tok)
    if fact.value == "hypothetical" and fact.cue == "would" and gov in OFFER_CUES:
        fact = Factuality("future", gov)  # "said he would be ready to host a meeting": an offer
    cues = {fact.cue or "", gov or ""}
    if typ == "ASSAULT" and fact.value == "future" and _readied_by(tok):
        # "the army prepared to resume shelling X": forces made ready, a show of force (CAMEO 150)
        return "MOBILIZE", None, "150"
    if typ in CONFLICT_TYPES:
        threat = bool(cues & THREAT_ONLY_CUES) or (fact.value == "future" and (
            bool(cues & INTENT_CUES) or _conditional(tok)))
        if threat:
            tmode, tcameo = THREAT_CAMEO[typ]
            if typ == "SANCTION" and _names_relations(tok):
                tmode, tcameo = "relations", "1313"  # "will break relations": a threat to cut relations
            return "THREATEN", tmode, tcameo
    elif typ == "RETREAT" and fact.value == "future" and _conditional(tok, frozenset({"unless"})):
        # "will withdraw its force from X unless X ...": the withdrawal is held over X
        return "THREATEN", None, "130"
    elif typ in COOPERATIVE_TYPES and fact.value == "future" and cues & INTENT_CUES and not (
            typ == "SUPPORT" and _ongoing(tok, gov)) and not (
            typ == "CONSULT" and fact.cue == "would" and not _conditional(tok)):
        # a reported "they would discuss ..." is mostly the agenda of talks under way, not a
        # promise; "would meet X if ..." is an offer on a condition
        return "AGREE", None, AGREE_CAMEO[typ]
    return typ, mode, cameo


# actors that act for a state without being it: its officials, ministries, courts, forces
ORGAN_KINDS = frozenset({"person", "organisation"})
ADJECTIVAL_DEPS = frozenset({"amod", "compound", "nmod"})


def domestic_pair(actors, sources: list[str], target: str, sent=None, trig: Trigger | None = None) -> bool:
    """Two parties of one state, though both carry its code, when they are distinct actors in
    the text (CAMEO codes them by sector: UGAGOV -> UGAREB, TURCOP -> TUR):

    - a state's own rebels, students or opposition against it or its organs ("the government
      arrested Ugandan rebels");
    - a person or body of the state acting on a place of it ("the governor imposed a curfew in
      Y"), except a visit (a leader touring their own country is not an interaction); the
      state itself counts as such a place for violence, coercion, deployments and protests
      ("the police cracked down in X": an argument finder reads a place as its state);
    - a person or body acting on another person, body or group of the same state ("the court
      sentenced the former minister", "the president dismissed the army chief");
    - a person or body acting on the state named only by a demonym of a common noun ("Zambian
      farmers", "Chilean officials" in ``sent``): that is a part of the state, not the state.

    The state itself against its own organs ("X and its army"), and a person or body against
    their own state by name otherwise ("the president of X visited X", "the minister praised
    X"), stay self-loops. ``trig`` is the entry coded (None: any type)."""
    if target in sources:
        return False
    tgt = actors.get(target)
    srcs = [actors.get(s) for s in sources]
    if is_agent(tgt) or any(is_agent(s) for s in srcs):
        return True
    organs = [s for s in srcs if s is not None and s.kind in ORGAN_KINDS]
    if tgt is None or not organs:
        return False
    visit = trig is not None and trig.type == "CONSULT" and trig.mode == "visit"
    if tgt.kind == "location":
        return not visit
    if tgt.kind in ORGAN_KINDS or tgt.kind == "group":
        return all(fold(s.name) != fold(tgt.name) for s in organs)
    if tgt.kind != "state":
        return False
    if trig is not None and trig.type in PLACE_TARGET_TYPES and not visit:
        return True
    return sent is not None and _names_part_of(actors, target, sent)


def _names_part_of(actors, state: str, sent) -> bool:
    """Whether every mention of ``state`` in the sentence is a demonym modifying a common noun
    that no actor owns ("Zambian farmers"), so the phrase names some of its people or bodies."""
    mentions = [m for m in actors.mentions_of(state) if sent.start <= m.start < sent.end]
    if not mentions:
        return False
    doc = sent.doc
    for m in mentions:
        tok = doc[m.end - 1]
        head = tok.head
        if m.how != "demonym" or tok.dep_ not in ADJECTIVAL_DEPS or head is tok or head.pos_ != "NOUN" \
                or actors.at(head.i) is not None:
            return False
    return True


# material acts that are coded even when nobody is named as their doer (CAMEO's unknown source)
AGENTLESS_TYPES = frozenset({"ASSAULT", "COERCE"})


def agentless_victims(tok, trig: Trigger, finder: ArgumentFinder) -> list[str]:
    """The named victims of a violent or coercive act whose doer the clause does not name as an
    actor: the subject of a passive verb with no actor in its "by" phrase ("a journalist was
    killed in X", "five students were arrested", "were killed by unknown gunmen"), or the object
    of a verb whose subject is the act or weapon itself ("a car bomb killed two officers")."""
    if trig.pos != "verb" or trig.type not in AGENTLESS_TYPES or tok.pos_ != "VERB":
        return []
    deps = {c.dep_ for c in children(tok)}
    if "nsubjpass" in deps and "auxpass" in deps:
        doers = [g for a in children(tok) if a.dep_ == "agent" for g in children(a) if g.dep_ == "pobj"]
        if any(finder.np_actors(g, nested=False) or _natural_force(g) for g in doers):
            return []  # a named doer codes it otherwise; "forced from their homes by high seas" is no attack
        victims = [v for s in children(tok) if s.dep_ == "nsubjpass" for v in _np(s, finder)]
    else:
        subjects = [s for s in children(tok) if s.dep_ == "nsubj"]
        if len(subjects) != 1 or not _is_inanimate_cause(subjects[0], finder):
            return []
        victims = [v for o in children(tok) if o.dep_ in ("dobj", "obj") for v in _np(o, finder)]
    return [v for v in dict.fromkeys(victims) if not _only_stance_modifier(v, tok, finder)]


# forces of nature: what they kill, flood or drive from home was not attacked by anyone
NATURAL_FORCES = frozenset(
    "sea seas wave waves tide tides surge flood floods flooding floodwater floodwaters storm storms cyclone "
    "hurricane typhoon tornado earthquake quake tremor tsunami landslide landslides mudslide avalanche "
    "wildfire wildfires bushfire blaze rain rains rainfall downpour wind winds gale heat heatwave drought "
    "lava eruption volcano lightning snow snowstorm blizzard ice erosion disease virus outbreak "
    "epidemic famine".split())


def _natural_force(g) -> bool:
    return g.lower_ in NATURAL_FORCES or (g.pos_ == "NOUN" and g.lemma_.lower() in NATURAL_FORCES)


# "an anti-war journalist", "pro-government militia": the state named is what they are for or against
STANCE_PREFIXES = frozenset({"anti", "pro"})


def _only_stance_modifier(actor_id: str, tok, finder: ArgumentFinder) -> bool:
    sent = tok.sent
    mentions = [m for m in finder.actors.mentions_of(actor_id) if sent.start <= m.start < sent.end]
    doc = tok.doc
    return bool(mentions) and all(
        m.start >= 2 and doc[m.start - 1].text == "-" and doc[m.start - 2].lower_ in STANCE_PREFIXES
        for m in mentions)


def _is_inanimate_cause(subj, finder: ArgumentFinder) -> bool:
    """"A blast", "the bombing", "an air strike": a subject that is itself a violent act, not an
    actor."""
    if subj.pos_ not in ("NOUN", "PROPN") or finder.np_actors(subj, nested=False):
        return False
    event = finder.is_trigger_noun(subj)
    return event is not None and event.type == "ASSAULT"
