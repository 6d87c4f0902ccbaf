"""Sources and targets of a trigger, read from the dependency parse.

Every rule here works on spaCy tokens and an ActorIndex (token -> local actor id) and never
looks at words' identities beyond small closed classes (pronouns, light verbs, control verbs),
so it can be pinned on hand-built parses. Patterns covered (docs/events.md has examples):
active and passive clauses, coordination of subjects/objects, subjects inherited through
``conj``/``xcomp``/relative clauses/participles, prepositional targets, inverted roles
(receive ... from), transfer verbs (the object is the thing, the target the recipient),
symmetric events (pairwise among coordinated participants), nominal events (possessive,
"by", compound/demonym sources, light verbs: "X held talks with Y", "X imposed sanctions on Y"),
lists of examples ("countries like X and Y"), and events named as the object of another
("block the support provided by X" -> target X). CAMEO-style targets when the frame finds none:
the owner of a nominal object ("rejected calls by X"), the counterpart of the thing acted on
("suspended air links with X"), the subject of a demand's content clause ("its demand that X
..."), whoever a threat's condition asks to act ("... unless X withdraws"), the state where
a measure applies ("lifted the curfew in X", "the curfew imposed in X", "fired at targets in X",
"... when they blew themselves up in X"), the counterpart of the act a thing proposes ("rejected
an invitation to attend a meeting of X"), the leader of an "X-led" war, the enemy of a war forces
are mobilised for, and whoever issued a defied rule ("violated a ban by X"). "X is
opposed/committed to Y" is a stance of X. Lists the parser misreads still name every member
("X and the evil awful Y": X hung on Y as a modifier; "X, the Z, and Y": Z as an apposition), "the
border with X" stands for X, and an object that names only coordinated subjects' own ("X and Y
presented their credentials to Z") leaves the target to the next position, not to a pair of them.
An agent-frame verbal act with no target is aimed at its complement clause's subject ("X believes
Y can cope"). A relation noun names another party than its possessor ("X's ally in Y" is of Y, not
X); a phrase shared by coordinated objects hangs on the last ("launched artillery and rocket fire
against X"); a refusal "despite pressure by X" is aimed at X, a concession "after talks with X" is
made to X, and a measure on one's own thing "for X" ("restrictions on its market for X") aims at X.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..actors.agents import agent_nouns
from ..actors.index import ActorIndex
from ..nlp import children
from .anaphora import (NEUTER_PRONOUNS, PLURAL_PRONOUNS, Anaphora, EventMemory, finite_after_infinitive,
                       numeral_size, object_gap)
from .lexicon import Trigger, pejoratives
from .speech import SAY_VERBS

SELF_PRONOUNS = frozenset({"we", "i", "us", "our", "my", "me", "ours", "ourselves"})
# Verbs that only carry a nominal event ("hold talks", "impose sanctions", "launch strikes").
LIGHT_VERBS = frozenset(
    "hold conduct launch carry stage impose make pay give offer announce step intensify begin start resume "
    "wage mount unleash order approve extend express voice lodge file issue level slap undertake perform lead "
    "initiate reach strike seal conclude continue escalate expand tighten announce unveil have engage "
    "deepen strengthen boost".split()
)
# Verbs whose object is the subject of their infinitive ("urged X to ...").
# "accuse X of supplying", "sanction X for arming", "charge X with smuggling": X does the gerund.
CHARGE_VERBS = frozenset(
    "accuse suspect charge blame convict indict sanction punish penalize penalise fine condemn criticize "
    "criticise denounce praise thank credit commend reward target".split()
)
OBJECT_CONTROL = frozenset(
    "urge ask call force allow help invite press encourage tell order persuade compel pressure enable "
    "permit instruct push require beg implore".split()
)
EXAMPLE_PREPS = frozenset({"like", "including"})
# places that stand for the people they house: "a camp for Congolese refugees was attacked"
SHELTER_NOUNS = frozenset({"camp", "shelter", "settlement", "school", "hospital", "clinic", "home", "hostel"})
ACTOR_MODIFIER_DEPS = frozenset({"poss", "compound", "amod", "nmod", "npadvmod"})
PATIENT_OF_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "ACCUSE", "REJECT", "MOBILIZE", "THREATEN"})
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
CLAUSE_VERB_POS = frozenset({"VERB", "AUX"})


@dataclass
class Arguments:
    sources: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    pairwise: bool = False  # symmetric with no explicit target: code every pair of sources
    how: str = ""  # which rule found them (feeds confidence and debugging)
    type_override: str | None = None
    from_place: bool = False  # the targets are only the state where the act happens


class ArgumentFinder:
    """Resolves noun phrases to actors; ``nested`` answers "who does the event named by this noun"."""

    def __init__(self, actors: ActorIndex, speaker_at: Callable[[object], str | None],
                 is_trigger_noun: Callable[[object], Trigger | None]):
        self.actors = actors
        self.speaker_at = speaker_at
        self.is_trigger_noun = is_trigger_noun
        self.memory = EventMemory()
        self._by_id = {a.id: a for a in actors.actors}
        # a place is not an actor; a place with a known country stands for that country's state
        # (not for a body or group that shares its code: "the government imposed a curfew in Y")
        self._by_code = {a.code: a.id for a in actors.actors if a.kind == "state" and a.code}
        self.anaphora = Anaphora(
            resolve=lambda t: self.np_actors(t, nested=False, anaphora=False),
            code_of=self.code_of, kind_of=lambda a: getattr(self._by_id.get(a), "kind", None),
            clause_subjects=lambda v: self.clause_subject(v)[0], say_verbs=SAY_VERBS,
            mentions=[(m.start, m.end, u) for m in actors.mentions
                      if (u := self.usable(m.actor_id)) and len(actors.all_at(m.start)) < 2])

    def code_of(self, actor_id: str) -> str:
        a = self._by_id.get(actor_id)
        if a is not None and a.kind == "location" and a.country:
            return a.country
        return (a.code or a.name) if a is not None else actor_id

    def usable(self, actor_id: str | None) -> str | None:
        a = self._by_id.get(actor_id) if actor_id else None
        if a is None or a.kind != "location":
            return actor_id
        if not a.country:
            return None
        # the state's own actor when the article names it, else the place stands for its state
        return self._by_code.get(a.country, actor_id)

    # ---------- noun phrases -> actors ----------
    def np_actors(self, tok, nested: bool = True, _depth: int = 0, anaphora: bool = True) -> list[str]:
        """Actors a noun phrase headed by ``tok`` denotes, following coordination."""
        out: list[str] = []
        for t in _coordinated(tok):
            for a in self._head_actors(t, nested, _depth, anaphora):
                if a not in out:
                    out.append(a)
        return out

    def _head_actors(self, t, nested: bool, depth: int, anaphora: bool = True) -> list[str]:
        found = self.actors.all_at(t.i)
        a = found[0] if found else None
        low = t.lower_
        if len(found) > 1:
            # the actor stage resolved a group ("they", "the three nations")
            return [u for u in dict.fromkeys(self.usable(x) for x in found) if u]
        if anaphora and low in PLURAL_PRONOUNS:
            group = self.anaphora.plural(t)
            if group and (a is None or a in group):
                return group
        if a is not None:
            a = self.usable(a)
            return ([a] if a else []) + [x for x in _list_members(t, self, depth, anaphora) if x != a]
        if low in SELF_PRONOUNS:
            sp = self.speaker_at(t)
            return [sp] if sp else []
        if anaphora and low in NEUTER_PRONOUNS:
            return self.anaphora.neuter(t, self.actors.at)
        if t.tag_ in ("WDT", "WP"):
            # "China, which he accused of ...", "China, which X says has been helping ...":
            # the relative pronoun is its antecedent
            h = t.head
            for _ in range(3):
                if h.dep_ != "ccomp":
                    break
                h = h.head
            if h.dep_ == "relcl" and h.head is not t:
                return self.np_actors(h.head, nested, depth + 1, anaphora)
        if depth > 3:
            return []
        out: list[str] = []
        for c in children(t):
            if c.dep_ == "appos":
                out += self.np_actors(c, nested, depth + 1, anaphora)
            elif c.dep_ == "prep" and (c.lower_ in EXAMPLE_PREPS or (
                    c.lower_ == "as" and any(g.lower_ == "such" for g in children(c)))):
                for g in children(c):
                    if g.dep_ == "pobj":
                        out += self.np_actors(g, nested, depth + 1, anaphora)
        if out:
            return out
        if t.pos_ == "NOUN" and t.lemma_.lower() in RELATION_NOUNS:
            return self._related_actors(t)
        if anaphora and numeral_size(t):
            return self.anaphora.numeral(t)
        if nested and t.pos_ in ("NOUN", "PROPN"):
            trig = self.is_trigger_noun(t)
            if trig is not None:
                srcs, _ = self.nominal_sources(t, trig, depth + 1)
                if srcs:
                    return srcs
        for c in children(t):
            if c.dep_ in ACTOR_MODIFIER_DEPS:
                if anaphora and c.dep_ == "poss" and c.lower_ in PLURAL_PRONOUNS | NEUTER_PRONOUNS:
                    out += self.np_actors(c, False, depth + 1, anaphora)
                    continue
                ca = self.usable(self.actors.at(c.i))
                if ca is not None:
                    out += [ca] + [x for x in self.np_actors(c, False, depth + 1, anaphora) if x != ca]
                elif c.dep_ == "compound":
                    # "US drone strikes", "Israeli army bulldozers": the actor modifies the modifier
                    out += _modifier_actors(c, self)
                else:
                    out += _leader_actors(c, self) or self._affiliation_actors(c, depth, anaphora)
        if not out and t.pos_ == "NOUN":
            for c in children(t):
                if c.dep_ == "acl" and c.i > t.i:
                    out += self._affiliation_actors(c, depth, anaphora)
        if out:
            return out
        # "rejected calls by X", "demanded an admission by X": whoever made or is to make it;
        # "activists from X", "an offer from X": where they come from. Not things: "drones from
        # X" are X's drones, not X ("Russia received drones from X" is aid, not a visit).
        if t.pos_ == "NOUN":
            out = self.prep_actors(t, ("by",), nested=False)
            if not out and _from_names_owner(t):
                out = self.prep_actors(t, ("from",), nested=False)
            if not out and t.lemma_.lower() in BOUNDARY_NOUNS:
                # "closed the border with X", "massed troops near the frontier with X": the
                # state across it
                out = self.prep_actors(t, ("with",), nested=False)
        if out:
            return out
        for c in children(t):
            if c.dep_ == "prep" and (c.lower_ == "of" or (c.lower_ == "for" and t.lemma_.lower() in SHELTER_NOUNS)):
                for g in children(c):
                    if g.dep_ == "pobj":
                        out += self.np_actors(g, nested, depth + 1, anaphora)
            elif c.dep_ == "amod" and c.lemma_.lower() == "responsible":
                # "those responsible for X's war": whoever did that event
                for p in children(c):
                    if p.dep_ == "prep" and p.lower_ == "for":
                        out += [x for g in children(p) if g.dep_ == "pobj"
                                for x in self.np_actors(g, True, depth + 1, anaphora)]
        return out

    def _affiliation_actors(self, c, depth: int, anaphora: bool) -> list[str]:
        """"militants loyal to X", "workers affiliated with Y", "forces allied to Z": a group
        that stands with a party is coded as that party (not "X-backed rebels": backing is
        another party's act)."""
        if c.i < c.head.i or c.lemma_.lower() not in AFFILIATION_WORDS:
            return []
        return [a for p in children(c) if p.dep_ == "prep" and p.lower_ in ("to", "with")
                for g in children(p) if g.dep_ == "pobj"
                for a in self.np_actors(g, False, depth + 1, anaphora)]

    def _related_actors(self, t) -> list[str]:
        """"X's ally", "the allies of X", "Y's rival" name another party than X: only a demonym
        or name modifying the noun ("its Syrian ally", "his Chinese counterpart") or the place
        the party is in ("X's militia ally in southern Y") says who it is."""
        out: list[str] = []
        for c in children(t):
            if c.dep_ in ("compound", "amod", "nmod") and c.i < t.i:
                ca = self.usable(self.actors.at(c.i))
                if ca is not None and ca not in out:
                    out.append(ca)
        return out or self.place_targets([t])

    def prep_actors(self, tok, names, nested: bool = True) -> list[str]:
        out: list[str] = []
        for c in children(tok):
            if c.dep_ in ("prep", "agent", "dative") and c.lower_ in names:
                for g in children(c):
                    if g.dep_ in ("pobj", "pcomp"):
                        out += self.np_actors(g, nested)
        return out

    def dep_actors(self, tok, deps, nested: bool = True) -> list[str]:
        out: list[str] = []
        for c in children(tok):
            if c.dep_ in deps:
                out += self.np_actors(c, nested)
        return out

    def targets_by_spec(self, tok, spec, extra_heads=(), nested=True) -> list[str]:
        """First non-empty target list, trying the entry's target positions in order."""
        return self.targets_and_position(tok, spec, extra_heads, nested)[0]

    def targets_and_position(self, tok, spec, extra_heads=(), nested=True, exclude=()) -> tuple[list[str], str | None]:
        """``targets_by_spec`` and the position that named them. A position naming only actors
        in ``exclude`` (the subject's own: "presented their credentials to X") names none."""
        for name in spec:
            if name == "dobj":
                found = self.dep_actors(tok, ("dobj", "obj"), nested) or [
                    a for o in _counted_objects(tok) for a in self.np_actors(o, nested)] or (
                    self.np_actors(tok.head, nested) if object_gap(tok) else [])
            elif name in ("iobj", "dative"):
                found = self.dep_actors(tok, ("dative", "iobj"), nested)
            else:
                found = self.prep_actors(tok, (name,), nested)
                if not found:
                    for h in extra_heads:
                        found = self.prep_actors(h, (name,), nested)
                        if found:
                            break
            found = [a for a in found if a not in exclude]
            if found:
                return found, name
        return [], None

    # ---------- clauses ----------
    def clause_subject(self, v, _depth: int = 0) -> tuple[list, bool]:
        """(subject tokens, passive?) of a verb, inheriting through conj/xcomp/relcl/participles."""
        for c in children(v):
            if c.dep_ in SUBJECT_DEPS:
                if c.tag_ in ("WDT", "WP") and v.dep_ == "relcl":
                    return [v.head], False
                # "Old rivals X and Y have renewed ties": the parser may give the verb two subjects
                return [x for x in children(v) if x.dep_ == "nsubj"] or [c], False
            if c.dep_ == "nsubjpass":
                if c.tag_ in ("WDT", "WP") and v.dep_ == "relcl":
                    return [v.head], True
                return [c], True
        if _depth > 4:
            return [], False
        dep, head = v.dep_, v.head
        if dep == "conj" and head.pos_ in CLAUSE_VERB_POS:
            if finite_after_infinitive(v):
                # "called on X to release ... and threatened to ...": coordinated with the main verb
                return self.clause_subject(head.head, _depth + 1)
            return self.clause_subject(head, _depth + 1)
        if dep == "acomp" and head.pos_ in CLAUSE_VERB_POS:
            # "X is ready to ...", "X is about to ...": the copula holds the subject
            return self.clause_subject(head, _depth + 1)
        if dep in ("xcomp", "advcl", "ccomp") and _has_to(v) or dep == "xcomp":
            if head.lemma_.lower() in OBJECT_CONTROL:
                objs = [c for c in children(head) if c.dep_ in ("dobj", "obj")]
                if not objs:
                    objs = [g for c in children(head) if c.dep_ == "prep" and c.lower_ in ("on", "upon")
                            for g in children(c) if g.dep_ == "pobj"]
                if objs:
                    return objs, False
            if head.pos_ in CLAUSE_VERB_POS or head.pos_ == "ADJ":
                subj, passive = self.clause_subject(head, _depth + 1)
                # "X is said to be about to restore ties", "X was forced to withdraw": X does the
                # infinitive; the governing verb's passive is not its own
                return subj, passive and dep != "xcomp"
        if dep == "relcl":
            return [head], False
        if dep == "acl":
            if v.tag_ == "VBN":
                return [head], True
            if _has_to(v) and head.pos_ in ("NOUN", "PROPN") and self.actors.at(head.i) is None:
                # "showed flexibility to get a deal", "its decision to leave": the noun's holder
                poss = [c for c in children(head) if c.dep_ == "poss"]
                if poss:
                    return poss, False
                gov = head.head
                if head.dep_ in ("dobj", "obj") and gov.pos_ in CLAUSE_VERB_POS and (
                        gov.lemma_.lower() in LIGHT_VERBS | HOLDER_VERBS):
                    # not "vetoed a push to impose ...": the push is someone else's
                    return self.clause_subject(gov, _depth + 1)
            return [head], False
        if dep == "advcl" and v.tag_ == "VBG" and head.pos_ in CLAUSE_VERB_POS:
            return self.clause_subject(head, _depth + 1)
        if dep == "pcomp" and v.tag_ == "VBG":
            # "in ending the war", "by supplying drones": the governing clause's subject acts
            prep = head
            gov = prep.head
            if prep.lower_ in ("of", "for", "with") and gov.lemma_.lower() in CHARGE_VERBS:
                charged = [c for c in children(gov) if c.dep_ in ("dobj", "obj", "nsubjpass")]
                if charged:
                    if charged[0].tag_ in ("WDT", "WP") and gov.dep_ == "relcl":
                        return [gov.head], False  # "firms that they accuse of supplying"
                    return charged[:1], False
                if object_gap(gov):
                    return [gov.head], False  # "officials it accused of supplying": the officials
            if gov.pos_ in CLAUSE_VERB_POS or gov.pos_ == "ADJ":
                return self.clause_subject(gov, _depth + 1)
        return [], False

    def place_targets(self, heads, preps: frozenset[str] | None = None) -> list[str]:
        """States where an act is done ("lifted the curfew in X", "attacks in the capital of X"):
        PLOVER/CAMEO code the place's state as the target of acts done to a place."""
        for h in heads:
            for c in children(h):
                if c.dep_ == "prep" and c.lower_ in (preps or PLACE_PREPS):
                    found = [a for g in children(c) if g.dep_ == "pobj" for a in self._places(g, 0)
                             if self._coded_place(a)]
                    if found:
                        return list(dict.fromkeys(found))
        return []

    def places_in(self, t) -> list[str]:
        """Coded places named by a phrase, also inside it ("a jail in X", "the town of X")."""
        return [a for a in self._places(t, 0) if self._coded_place(a)]

    def is_place(self, actor_id: str) -> bool:
        """A state or a place (a place the finder may have read as its state)."""
        return getattr(self._by_id.get(actor_id), "kind", None) in ("state", "location")

    def _coded_place(self, actor_id: str) -> bool:
        """A place the knowledge base puts in a state (a town it does not know codes nothing)."""
        a = self._by_id.get(actor_id)
        return a is not None and bool(a.code or a.country)

    def _places(self, t, depth: int) -> list[str]:
        if self.is_trigger_noun(t) is not None:
            return []  # "in the Palestinian uprising", "in the Iraqi war" name no place
        out = [a for a in self.np_actors(t, nested=False, anaphora=False)
               if getattr(self._by_id.get(a), "kind", None) in ("state", "location")]
        if out or depth > 1:
            return out
        # "the town of X in Y", "the capital city of X": the place named inside the phrase
        for c in children(t):
            if c.dep_ == "prep" and c.lower_ in PLACE_PREPS | {"of"}:
                out += [a for g in children(c) if g.dep_ == "pobj" for a in self._places(g, depth + 1)]
        return out

    def agent_actors(self, v) -> list[str]:
        return self.prep_actors(v, ("by",), nested=False)

    # ---------- nominal events ----------
    def nominal_sources(self, n, trig: Trigger, depth: int = 0) -> tuple[list[str], object | None]:
        """Sources of an event noun, and the light verb carrying it (or None)."""
        out: list[str] = []
        for c in children(n):
            if c.dep_ == "poss":
                out += self.np_actors(c, nested=False)
        if not out:
            out = self.prep_actors(n, ("by",), nested=False)
        if not out:
            for c in children(n):
                if c.dep_ == "acl" and c.tag_ == "VBN":
                    out = self.prep_actors(c, ("by",), nested=False)
                    if out:
                        break
        if not out and trig.type in ("SUPPORT", "AID", "COOPERATE", "AGREE", "REQUEST", "CONSULT"):
            out = self.prep_actors(n, ("from",), nested=False)
            if not out and self.prep_actors(n, ("for", "to"), nested=False):
                out = self.prep_actors(n, ("of",), nested=False)
        if not out:
            for c in children(n):
                if c.dep_ in ("compound", "amod", "nmod") and c.i < n.i:
                    ca = self.actors.at(c.i)
                    if ca is not None and ca not in out:
                        out.append(ca)
                        out += [x for x in self.np_actors(c, False) if x not in out]
                    elif ca is None and c.dep_ == "compound":
                        out += [x for x in _modifier_actors(c, self) if x not in out]
                    elif ca is None:
                        out += [x for x in _leader_actors(c, self) if x not in out]
        light = light_verb_of(n)
        if light is not None and trig.type in RECEIVED_TYPES and light.lemma_.lower() in HAVE_VERBS:
            # "Ukraine has the backing of France": the haver is the recipient, "of" the giver
            return out or self.prep_actors(n, ("of",), nested=False), light
        if not out and light is not None and depth < 3:
            subj, passive = self.clause_subject(light)
            if passive:
                out = self.agent_actors(light)
            else:
                for s in subj:
                    if s.i != n.i:
                        out += self.np_actors(s, nested=False)
        part = participation_verb_of(n) if not out and light is None and depth < 3 else None
        if part is not None:
            # "X took part in the attack on Y", "X was engaged in fighting against Y": the
            # subject (of an active or a stative passive) does the event
            out = [a for s in self.clause_subject(part)[0] if s.i != n.i
                   for a in self.np_actors(s, nested=False)]
        if not out and trig.frame == "symmetric" and depth < 3:
            # "said in a phone call", "at the opening of the meeting with X": the clause's
            # subject took part
            gov = _governing_clause(n)
            if gov is not None:
                out = self.clause_actors(gov, depth + 1)
        if not out and depth < 3 and any(c.dep_ == "det" and c.lower_ in ANAPHORIC_DETS for c in children(n)):
            # "the strikes were carried out ...": the strikes already reported
            out = [a for a in self.memory.recall(n.i, {trig.type})]
        return out, light

    def clause_actors(self, v, depth: int = 0) -> list[str]:
        """Who acts in a clause: its subject, or in a passive its agent or, when the subject is
        itself an event ("the strikes were carried out"), that event's sources."""
        subj, passive = self.clause_subject(v)
        if passive or _is_passive(v):
            out = self.agent_actors(v)
            if out:
                return out
            for s in subj:
                trig = self.is_trigger_noun(s) if s.pos_ in ("NOUN", "PROPN") else None
                if trig is not None:
                    out += self.nominal_sources(s, trig, depth + 1)[0]
            return out
        out = []
        for s in subj:
            out += self.np_actors(s, nested=False)
        return out


ANAPHORIC_DETS = frozenset({"the", "this", "these", "those", "that"})
# Measures taken in a place ("lifted the curfew in X", "suspended deliveries in X", "threatened
# to ban voting in X"): their target may be the state where they apply. Violence, coercion,
# deployments and protests in a place are left to patterns.place_target, which runs later.
# acts done to a place when no one is named: "lifted the curfew in X", "imposed a curfew in the
# town of Y in X", "bombs exploded in X" (CAMEO codes the place's state as the target)
PLACE_TARGET_TYPES = frozenset({"CONCEDE", "SANCTION", "RETREAT", "THREATEN", "COERCE", "ASSAULT"})
PLACE_PREPS = frozenset({"in", "into", "inside", "throughout", "across"})
# Prepositions through which a meeting or a call names the circumstances of a clause.
CIRCUMSTANCE_PREPS = frozenset({"in", "at", "during", "after", "following", "before", "through", "via", "over", "on"})


# Nouns whose "from X" is the party itself: people sent or coming from X, and what X said or
# proposed. Agent nouns of the knowledge base (activists, officials, troops ...) count too.
FROM_OWNER_NOUNS = frozenset("""offer proposal proposals call calls request requests message messages letter
    demand demands appeal appeals invitation plea pledge promise assurance assurances warning warnings
    delegation delegations envoy envoys representative representatives team teams mission emissary
    people""".split())


BOUNDARY_NOUNS = frozenset({"border", "frontier", "boundary"})
# Words by which a group stands with a party ("loyal to X", "affiliated with Y")
AFFILIATION_WORDS = frozenset({"loyal", "affiliate", "affiliated", "ally", "allied", "align", "aligned",
                               "belong", "belonging"})
# Nouns of a relation between parties: "X's ally", "the rivals of X" are not X (a proxy acts for
# its principal: "X's proxies" stay X).
RELATION_NOUNS = frozenset("ally partner rival enemy foe adversary opponent neighbour neighbor "
                           "counterpart critic backer sponsor".split())


def _from_names_owner(t) -> bool:
    low = t.lower_
    return low in FROM_OWNER_NOUNS or t.lemma_.lower() in FROM_OWNER_NOUNS or (low,) in agent_nouns()[0]


LIST_MODIFIER_DEPS = frozenset({"nmod", "compound", "amod"})


def _list_members(t, f: ArgumentFinder, depth: int, anaphora: bool) -> list[str]:
    """Members of a list the parser did not read as coordination, for a name heading it:
    a name before it with its own coordinator ("X and the evil awful Y", "X, Z and the Y": the
    first members hang on the last as a modifier; "US and Israeli forces") and, when the name
    has coordinated members, a name of the same kind set beside it ("X, the awful Z, and Y":
    Z read as an apposition of X), or a name opening the rest of the list ("X, the Z, W and V").
    An apposition that is no name ("X, Y's ally") adds nothing."""
    if depth > 3:
        return []
    kind = getattr(f._by_id.get(f.actors.at(t.i)), "kind", None)
    listed = any(c.dep_ == "conj" for c in children(t))
    out: list[str] = []
    for c in children(t):
        ca = f.actors.at(c.i)
        if ca is None or ca == f.actors.at(t.i):
            continue
        member = (c.dep_ in LIST_MODIFIER_DEPS and c.i < t.i
                  and any(g.dep_ == "cc" for x in _coordinated(c) for g in children(x))) or (
            c.dep_ == "appos" and (listed and getattr(f._by_id.get(ca), "kind", None) == kind
                                   or any(g.dep_ == "conj" for g in children(c))))
        if member:
            out += f.np_actors(c, False, depth + 1, anaphora)
    return out


def _modifier_actors(tok, f: ArgumentFinder) -> list[str]:
    """Actors among the words that modify a modifier ("US" in "US Predator attacks")."""
    return [u for c in children(tok) if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i
            if (u := f.usable(f.actors.at(c.i))) is not None]


# "the US-led war", "a Saudi-led coalition": the modifier's actor leads what the noun names
LEADER_PARTICIPLES = frozenset({"lead"})


def _leader_actors(tok, f: ArgumentFinder) -> list[str]:
    """The leader named in an "X-led" modifier."""
    if tok.dep_ != "amod" or tok.lemma_.lower() not in LEADER_PARTICIPLES:
        return []
    return [u for c in children(tok) if c.dep_ in ("npadvmod", "compound", "nmod", "amod") and c.i < tok.i
            if (u := f.usable(f.actors.at(c.i))) is not None]


def _governing_clause(n):
    """The verb a noun hangs from through "in/at/during ..." (and "the opening of ..."), or None."""
    t = n
    for _ in range(3):
        if t.dep_ != "pobj":
            return None
        prep = t.head
        gov = prep.head
        if gov.pos_ in ("VERB", "AUX") and prep.lower_ in CIRCUMSTANCE_PREPS:
            return gov
        if gov.pos_ in ("NOUN", "PROPN") and prep.lower_ == "of":
            t = gov
            continue
        return None
    return None


def _is_passive(v) -> bool:
    return v.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in children(v))


def _coordinated(tok) -> list:
    out = [tok]
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in children(t):
            if c.dep_ == "conj" and c not in out:
                out.append(c)
                stack.append(c)
    return out


def _has_to(v) -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in children(v))


# Participles that, after "be", state the subject's own stance ("is opposed to", "is committed to").
STATIVE_PARTICIPLES = frozenset("oppose commit determine dedicate devote resolve".split())
# Verbs whose subject holds the noun an infinitive hangs from ("showed flexibility to ...").
HOLDER_VERBS = frozenset("show take have make redouble renew need lack demonstrate signal".split())
# Verbs whose subject receives a nominal event ("has the backing of", "won support").
HAVE_VERBS = frozenset("have enjoy win gain secure receive get earn".split())
RECEIVED_TYPES = frozenset({"SUPPORT", "AID"})
QUANTITY_HEADS = frozenset("series wave round number barrage spate string volley salvo set pair couple dozens".split())


# Verbs whose "in" phrase names an event their subject takes part in.
PARTICIPATION_VERBS = frozenset({"engage", "participate", "partake", "involve"})


def participation_verb_of(n):
    """The verb of "took part in ...", "participated in ...", "was engaged in ..." when ``n`` is
    the event it names, else None."""
    if n.dep_ != "pobj" or n.head.lower_ != "in":
        return None
    gov = n.head.head
    if gov.lemma_.lower() == "part" and gov.dep_ in ("dobj", "obj") and gov.head.lemma_.lower() == "take":
        return gov.head
    if gov.pos_ not in CLAUSE_VERB_POS:
        return None
    low = gov.lemma_.lower()
    if low in PARTICIPATION_VERBS or (low == "take" and any(
            c.dep_ in ("dobj", "obj") and c.lower_ == "part" for c in children(gov))):
        return gov
    return None


def light_verb_of(n):
    """The light verb a nominal event is the object (or passive subject) of, if any."""
    # "launched a series of strikes": the quantity noun stands between the verb and the event
    if n.dep_ == "pobj" and n.head.lower_ == "of" and n.head.head.lemma_.lower() in QUANTITY_HEADS:
        n = n.head.head
    h = n.head
    if n.dep_ in ("dobj", "obj", "nsubjpass") and h.lemma_.lower() in LIGHT_VERBS and h.pos_ in CLAUSE_VERB_POS:
        return h
    return None


def required_tokens(tok, trig: Trigger) -> list:
    """The tokens that matched an entry's required words ("ties" in "resumption of full ties")."""
    out = []
    for c in children(tok):
        for t in (c, *children(c)):
            if t.lemma_.lower() in trig.requires or t.lower_ in trig.requires:
                out.append(t)
    return out


def find_arguments(tok, trig: Trigger, finder: ArgumentFinder) -> Arguments:
    """Apply the entry's frame to the trigger token."""
    if trig.pos == "noun":
        return _nominal(tok, trig, finder)
    return _verbal(tok, trig, finder)


def _verbal(v, trig: Trigger, f: ArgumentFinder) -> Arguments:
    subj, passive = f.clause_subject(v)
    # "Russia cannot ... and must be held accountable": the subject is inherited, the voice is not
    passive = passive or _is_passive(v)
    stative = (passive or v.dep_ == "acomp") and v.tag_ == "VBN" and v.lemma_.lower() in STATIVE_PARTICIPLES \
        and not f.agent_actors(v)
    if stative:
        # "X is opposed to Y", "X is committed to ...": a stance the subject holds, not a passive
        passive = False
    if trig.frame == "label":
        return _label(v, trig, f, subj)
    subj_actors: list[str] = []
    for s in subj:
        subj_actors += f.np_actors(s)
    arg_heads = [c for c in children(v) if c.dep_ in ("dobj", "agent", "nsubj", "nsubjpass")]
    arg_heads += [g for c in arg_heads for g in children(c) if g.dep_ == "pobj"]
    # "launched artillery, mortar and rocket fire against X": a phrase shared by coordinated
    # objects hangs on the last of them
    arg_heads += [x for c in children(v) if c.dep_ in ("dobj", "obj") for x in _coordinated(c)[1:]]
    # "acted on a resolution against X", "act on programs with X": the entry's own words carry
    # the target as much as the object does
    arg_heads += [t for t in required_tokens(v, trig) if t not in arg_heads]
    if trig.type == "ACCUSE":
        # "condemned the attack on X", "denounced sanctions against Y": the phrase names the
        # victim of the act condemned, not whom the condemnation is aimed at
        arg_heads = [h for h in arg_heads if not _hostile_event(h, f)]
    frame = trig.frame
    # pairs only among the clause's own (possibly inherited) subjects, not among the objects of a
    # control verb ("invited X and Y to discuss")
    own_subject = bool(subj) and all(s.dep_ in SUBJECT_DEPS | {"nsubjpass"} for s in subj)
    if frame == "receive":
        # subject (or the noun a participle modifies) receives; "from"/"by" gives
        sources = f.prep_actors(v, ("from",), nested=False)
        if not sources:
            for h in arg_heads:
                sources = f.prep_actors(h, ("from",), nested=False)
                if sources:
                    break
        if not sources:
            sources = f.agent_actors(v) if not passive else []
        return Arguments(sources=sources, targets=[] if passive else subj_actors, how="receive")
    if passive:
        sources = f.agent_actors(v)
        if not sources and trig.type == "SANCTION":
            # "were suspended from ECOWAS": the body one is suspended from did it
            sources = f.prep_actors(v, ("from",), nested=False)
        if frame == "transfer":
            # "support provided by X to Y": the participle's noun is the thing given
            recipient = [] if v.dep_ == "acl" else subj_actors
            targets = recipient or f.targets_by_spec(v, ("dative", "to", "for"), arg_heads + [v.head])
        elif "dobj" in trig.target or frame == "symmetric":
            targets = subj_actors
        else:
            targets = f.targets_by_spec(v, trig.target, arg_heads)
        return Arguments(sources=sources, targets=targets, how="passive")
    sources = subj_actors
    if frame == "transfer":
        has_with = any(c.dep_ == "prep" and c.lower_ == "with" for c in children(v))
        direct = f.dep_actors(v, ("dobj", "obj"), nested=False)
        targets = f.targets_by_spec(v, ("dative", "to", "for"), arg_heads, nested=False)
        if not targets and (has_with or direct):
            targets = direct
        if not targets and trig.target and trig.target != ("dobj",):
            targets = f.targets_by_spec(v, trig.target, arg_heads)
        if not targets:
            # "helping Russia arm itself": the one helped is the complement's subject
            targets = [a for c in children(v) if c.dep_ in ("ccomp", "xcomp")
                       for s in children(c) if s.dep_ == "nsubj" for a in f.np_actors(s, nested=False)]
        return Arguments(sources=sources, targets=targets, how="transfer")
    if frame == "symmetric":
        # "discussed the deal": what is discussed is not a participant
        targets = f.targets_by_spec(v, trig.target or ("dobj", "with"), arg_heads, nested=False)
        if targets and set(targets) <= set(sources):
            # "X and Y delayed their meeting": the object names the subjects themselves
            targets = []
        if not targets and len(sources) >= 2 and own_subject:
            # "X and Y met": every pair; not when the subject is inherited ("invited X and Y to discuss")
            return Arguments(sources=sources, targets=[], pairwise=True, how="symmetric-pairs")
        return Arguments(sources=sources, targets=targets, how="symmetric")
    spec = trig.target
    if stative and "dobj" in spec and "to" not in spec:
        spec = (*spec, "to")  # what the subject is opposed or committed to
    required = [c for c in children(v) if c.dep_ in ("dobj", "obj") and c.lemma_.lower() in trig.requires]
    if required:
        # "impose sanctions on X": the object is part of the trigger, not its target
        spec = tuple(x for x in spec if x != "dobj")
    # "killed 23 people as well as themselves": the subject is no target of its own act
    # several subjects whose own thing is the object ("X and Y presented their credentials to Z"):
    # the next position names the target, else they would be paired with each other
    targets, position = f.targets_and_position(v, spec, arg_heads, exclude=sources if len(sources) > 1 else ())
    targets = [t for t in targets if t not in sources]
    # "demonstrators in X blocked a road": where they act, not whom they act on
    from_place = position in PLACE_PREPS and all(f.is_place(t) for t in targets)
    if not targets and required and trig.type in DEFIANCE_TYPES:
        # "violated a ban by X", "defied X's order": defiance is aimed at whoever issued the rule
        targets = [a for c in required for a in f.np_actors(c)]
    if not targets and trig.type in THING_TARGET_TYPES:
        targets = [a for a in _thing_targets([c for c in children(v) if c.dep_ in ("dobj", "obj")], f)
                   if a not in sources]
    if not targets and required and trig.type in MEASURE_TYPES:
        # "imposed restrictions on its labour market for new EU members", "imposed visa
        # restrictions for X's citizens": whom the measure is for, when "on" names a thing
        things = [g for h in [v, *required] for p in children(h) if p.dep_ == "prep" and p.lower_ == "on"
                  for g in children(p) if g.dep_ == "pobj"]
        targets = [a for a in f.targets_by_spec(v, ("for",), [*required, *things]) if a not in sources]
    if not targets and trig.type == "MOBILIZE":
        targets = _purpose_targets(v, f)
    if not targets and trig.type == "REQUEST":
        targets = _for_subjects(v, f)
    if not targets and trig.type == "THREATEN":
        targets = _condition_targets(v, f)
    if not targets and trig.type in DEFIANCE_TYPES:
        targets = [a for a in _pressing_parties(v, f) if a not in sources]
    if not targets and trig.type in NEGOTIATED_TYPES:
        targets = [a for a in _negotiating_parties(v, f) if a not in sources]
    if not targets and trig.type in PLACE_TARGET_TYPES:
        targets = f.place_targets(_act_heads(v), _place_preps(trig))
        from_place = bool(targets)
    type_override = None
    if not targets and trig.type == "ACCUSE":
        # "condemned it": the event just reported
        for c in children(v):
            if c.dep_ in ("dobj", "obj") and c.lower_ in EVENT_PRONOUNS and f.actors.at(c.i) is None:
                targets = f.memory.recall(v.i, HOSTILE_TYPES)
    if targets and frame == "speech" and trig.type == "THREATEN" and _states_wrongdoing(v):
        # "warned Japan that it was violating ...": criticism, not a threat
        type_override = "ACCUSE"
    if trig.lemma == "dismiss" and targets and _pejorative_as(v, f) is not None:
        type_override = "ACCUSE"  # "dismissed the visit as a farce" condemns it
    if not targets and frame == "speech":
        # "warned that the U.S. is violating ...": the complement's subject is the target; also
        # of a participle on the object ("issued a declaration demanding that X free ...")
        clauses = list(children(v)) + [g for o in children(v) if o.dep_ in ("dobj", "obj") for a in children(o)
                                      if a.dep_ == "acl" and a.pos_ == "VERB" for g in children(a)]
        for c in clauses:
            if c.dep_ in ("ccomp", "xcomp") and c.pos_ in CLAUSE_VERB_POS:
                targets += _clause_subject_actors(c, f)
                if targets and trig.type == "THREATEN" and c.dep_ == "ccomp" and not _is_future_threat(c):
                    type_override = "ACCUSE"
                break
    if not targets and frame == "agent" and trig.type in CLAUSE_TARGET_TYPES and v.lemma_.lower() not in SAY_VERBS:
        # "X believes (that) Y can cope", "X allowed that Y is ...": a verbal act whose entry
        # names no clause position is aimed at its complement clause's subject (CAMEO's reading);
        # not an open question ("investigate whether Y used ...": nothing is said of Y yet), nor
        # a material act ("the visit demonstrates that Y ..." shows, it is no protest), nor a
        # report ("X said Y is about to ...": the content is coded on its own)
        targets = next((found for c in children(v) if c.dep_ == "ccomp" and c.pos_ in CLAUSE_VERB_POS
                        and not any(m.dep_ == "mark" and m.lower_ in QUESTION_MARKS for m in children(c))
                        if (found := [a for a in _clause_subject_actors(c, f) if a not in sources])), [])
    return Arguments(sources=sources, targets=targets, how="active", type_override=type_override,
                     from_place=from_place)


def _hostile_event(n, f: ArgumentFinder) -> bool:
    trig = f.is_trigger_noun(n) if n.pos_ == "NOUN" and f.actors.at(n.i) is None else None
    return trig is not None and trig.type in HOSTILE_TYPES


def first_actors_after(v, f: ArgumentFinder, sources: list[str]) -> list[str]:
    """PETRARCH's target for a dictionary verb whose pattern names no position and that the
    frame rules left without one: the first actor with a code after the verb in its own phrase
    ("departed from X", "marched close to the border with X", with the actors coordinated with
    it), not in a clause of its own below it nor in a time phrase."""
    for t in v.subtree:
        if t.i <= v.i:
            continue
        actor = f.actors.at(t.i)
        if actor is None or actor in sources or _below_own_clause(t, v):
            continue
        found = [a for a in dict.fromkeys([actor, *f.np_actors(t)]) if a not in sources and _coded(f, a)]
        if found:
            # PETRARCH finds only actors its dictionaries code
            return found
    return []


def _coded(f: ArgumentFinder, actor_id: str) -> bool:
    known = f.actors.get(actor_id)
    return known is not None and bool(known.code or known.country)


def _below_own_clause(t, v) -> bool:
    """Whether ``t`` hangs on the verb through another verb (a clause of its own: "said X
    fired ...", "after crowds in Y trashed it") or a time phrase ("five years after ...")."""
    t = t.head
    while t.i != v.i and t.head.i != t.i:
        if t.pos_ in CLAUSE_VERB_POS or t.dep_ == "npadvmod":
            return True
        t = t.head
    return False


QUESTION_MARKS = frozenset({"if", "whether"})
CLAUSE_TARGET_TYPES = frozenset({"AGREE", "SUPPORT", "CONCEDE", "REQUEST", "REJECT", "ACCUSE", "THREATEN"})


def _clause_subject_actors(c, f: ArgumentFinder) -> list[str]:
    """Actors of a complement clause's active subject ("the US" is not "us": a token the actor
    stage resolved is a name)."""
    cs, cpass = f.clause_subject(c)
    if cpass:
        return []
    return [a for s in cs if s.lower_ not in SELF_PRONOUNS or f.actors.at(s.i) is not None
            for a in f.np_actors(s)]


HOSTILE_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "THREATEN", "SANCTION"})
DEFIANCE_TYPES = frozenset({"REJECT"})
EVENT_PRONOUNS = frozenset({"it", "this", "that"})


def _predicates(v) -> list:
    """What a characterisation says something is: "as X", an object predicate, "called it X"."""
    out = []
    heads = [v] + [c for c in children(v) if c.dep_ in ("dobj", "obj")]
    for h in heads:
        for c in children(h):
            if c.dep_ == "prep" and c.lower_ == "as":
                out += [g for g in children(c) if g.dep_ == "pobj"]
            elif h is v and c.dep_ in ("oprd", "attr"):
                out.append(c)
    for c in children(v):
        if c.dep_ == "ccomp":
            out += [g for g in children(c) if g.dep_ in ("attr", "oprd", "acomp")]
    return out


def _is_pejorative(pred, f: ArgumentFinder) -> bool:
    words = pejoratives()
    for t in pred.subtree:
        if t.lemma_.lower() in words or t.lower_ in words:
            return True
        trig = f.is_trigger_noun(t) if t.pos_ in ("NOUN", "PROPN") else None
        if trig is not None and trig.type in HOSTILE_TYPES:
            return True
    return False


def _pejorative_as(v, f: ArgumentFinder):
    return next((p for p in _predicates(v) if _is_pejorative(p, f)), None)


def _label(v, trig: Trigger, f: ArgumentFinder, subj: list) -> Arguments:
    """"described it as a horrific attack", "called the visit a farce": ACCUSE the doer."""
    pred = _pejorative_as(v, f)
    if pred is None:
        return Arguments()
    sources = [a for s in subj for a in f.np_actors(s, nested=False)]
    objs = [c for c in children(v) if c.dep_ in ("dobj", "obj") and c is not pred]
    objs += [g for c in children(v) if c.dep_ == "ccomp" for g in children(c) if g.dep_ in SUBJECT_DEPS | {"nsubjpass"}]
    targets: list[str] = []
    for o in objs:
        if o.lower_ in EVENT_PRONOUNS and f.actors.at(o.i) is None:
            # "it" is the event talked about: the latest of the kind named, else any hostile one
            named = {t.type for t in (f.is_trigger_noun(x) for x in pred.subtree if x.pos_ == "NOUN") if t}
            targets = f.memory.recall(v.i, named & HOSTILE_TYPES or HOSTILE_TYPES)
        else:
            targets = f.np_actors(o)
        if targets:
            break
    return Arguments(sources=sources, targets=targets, how="active")


def _states_wrongdoing(v) -> bool:
    """A say-type verb whose complement clause reports a present or past act, not a future one."""
    clause = next((c for c in children(v) if c.dep_ == "ccomp" and c.pos_ in CLAUSE_VERB_POS), None)
    return clause is not None and not _is_future_threat(clause)


def _is_future_threat(clause) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll", "could") for c in children(clause))


def _quantity_head(n):
    """"a series of drills" -> series (phrases of the event often attach to it)."""
    if n.dep_ == "pobj" and n.head.lower_ == "of" and n.head.head.lemma_.lower() in QUANTITY_HEADS:
        return n.head.head
    return None


def _trailing_preps(n) -> list:
    """The verb a nominal object hangs from, when a preposition right after the noun phrase was
    attached to that verb ("followed her trip last month to China")."""
    h = n.head
    if n.dep_ not in ("dobj", "obj") or h.pos_ not in CLAUSE_VERB_POS:
        return []
    end = n.right_edge.i
    for c in children(h):
        if c.dep_ == "prep" and c.i > end and all(
                t.dep_ in ("npadvmod", "amod", "advmod") or t.head.dep_ == "npadvmod"
                for t in n.doc[end + 1:c.i]):
            return [h]
    return []


def _nominal(n, trig: Trigger, f: ArgumentFinder) -> Arguments:
    sources, light = f.nominal_sources(n, trig)
    extra = [light] if light is not None else []
    q = _quantity_head(n)
    if q is not None:
        extra.append(q)
    spec = list(trig.target)
    if trig.type in PATIENT_OF_TYPES and "of" not in spec:
        spec.append("of")
    if trig.frame == "symmetric":
        between = f.prep_actors(n, ("between", "among"), nested=False)
        if len(between) >= 2 and not sources:
            return Arguments(sources=between, pairwise=True, how="nominal-between")
        if len(sources) >= 2 and not f.targets_by_spec(n, spec, extra, nested=False) and (
                light is None or any(c.dep_ in SUBJECT_DEPS for c in children(light))):
            return Arguments(sources=sources, pairwise=True, how="nominal-pairs")
    targets = f.targets_by_spec(n, spec, extra, nested=False)
    if not targets and light is None and q is None:
        targets = f.targets_by_spec(n, spec, _trailing_preps(n), nested=False)
    # participle carrying the nominal's recipient: "support provided by X to Y"
    if not targets:
        for c in children(n):
            if c.dep_ == "acl":
                targets = f.targets_by_spec(c, ("to", "for", "against", "on"), [
                    g for a in children(c) if a.dep_ == "agent" for g in children(a)], nested=False)
                if targets:
                    break
    # "with support from X": the recipient is whoever acts in the clause the phrase modifies
    if not targets and n.dep_ == "pobj" and n.head.lower_ == "with":
        gov = n.head.head
        if gov.pos_ in CLAUSE_VERB_POS:
            targets = f.clause_actors(gov)
    # "Moscow has his full backing", "Kyiv won the support of NATO": the haver receives
    if not targets and trig.type in RECEIVED_TYPES and n.dep_ in ("dobj", "obj") and \
            n.head.lemma_.lower() in HAVE_VERBS:
        subj, passive = f.clause_subject(n.head)
        if not passive:
            targets = [a for s in subj for a in f.np_actors(s, nested=False)]
        if targets and not sources:
            sources = f.prep_actors(n, ("of",), nested=False)
    if not targets and trig.type in THING_TARGET_TYPES:
        targets = _thing_targets([g for c in children(n) if c.dep_ == "prep" and c.lower_ == "of"
                                  for g in children(c) if g.dep_ == "pobj"], f)
    if not targets and trig.frame == "speech":
        targets = _content_subjects(n, f)
    from_place = False
    if not targets and trig.type in PLACE_TARGET_TYPES:
        targets = f.place_targets([n] + extra + _participles(n), _place_preps(trig))
        from_place = bool(targets)
    how = "nominal-light" if light is not None else "nominal"
    return Arguments(sources=sources, targets=targets, how=how, from_place=from_place)


CONDITION_MARKS = frozenset({"unless", "if"})
# Acts on a thing that links to someone: "suspended air links with X", "cut part of the aid
# programme for X", "the suspension of flights to X" -- the thing's counterpart is the target.
THING_TARGET_TYPES = frozenset({"SANCTION", "AID", "CONCEDE", "RETREAT"})
THING_PREPS = frozenset({"with", "to", "for", "on", "against"})
# measures named by the verb and its object ("impose restrictions", "impose sanctions")
MEASURE_TYPES = frozenset({"SANCTION", "COERCE"})
# a demanded, refused, agreed or ended thing names a counterpart by "with" ("aid for X" is no
# party) or whose act it is by "of" ("the withdrawal of X's forces", "the proposal of X")
COUNTERPART_TYPES = frozenset({"REQUEST", "REJECT", "AGREE", "CONCEDE", "RETREAT"})


def counterpart_targets(v, f: ArgumentFinder, depth: int = 0) -> list[str]:
    """"demanded a truce with X", "rejected talks with X": the other party of the thing demanded,
    refused or agreed. A last resort: another reading of the verb that names a target comes first
    ("boycott contact with X" is a cut in relations with X)."""
    if v.pos_ not in CLAUSE_VERB_POS:
        return []
    things = [c for c in children(v) if c.dep_ in ("dobj", "obj")]
    found = _thing_targets(things, f, preps=("with",))
    # "would allow the return of X's inspectors", "rejected the proposal of X": whose act it is
    found = found or [a for t in things if t.pos_ == "NOUN" and f.actors.at(t.i) is None
                      for p in children(t) if p.dep_ == "prep" and p.lower_ == "of"
                      for g in children(p) if g.dep_ == "pobj" for a in f.np_actors(g)]
    if found or depth > 0:
        return found
    # "rejected an invitation to attend a meeting of X", "accepted a formula for ending its
    # dispute with X": the act the thing proposes names the counterpart
    for t in things:
        if t.pos_ != "NOUN" or f.actors.at(t.i) is not None:
            continue
        for c in children(t):
            acts = [c] if c.dep_ == "acl" and _has_to(c) else [
                g for g in children(c) if g.dep_ == "pcomp" and g.tag_ == "VBG"] if (
                c.dep_ == "prep" and c.lower_ == "for") else []
            for act in acts:
                found = counterpart_targets(act, f, depth + 1)
                if found:
                    return found
    return []


def _thing_targets(things, f: ArgumentFinder, depth: int = 0, preps=THING_PREPS) -> list[str]:
    for t in things:
        if t.pos_ not in ("NOUN", "PROPN") or f.actors.at(t.i) is not None:
            continue
        for c in children(t):
            if c.dep_ == "prep" and c.lower_ in preps:
                out = [a for g in children(c) if g.dep_ == "pobj" for a in f.np_actors(g, nested=False)
                       or _origin(g, f)]
                if out:
                    return out
        if depth < 2:
            # "part of a programme for X", "a halt to deliveries of aid to X"
            out = _thing_targets([g for c in children(t) if c.dep_ == "prep" and c.lower_ == "of"
                                  for g in children(c) if g.dep_ == "pobj"], f, depth + 1, preps)
            if out:
                return out
    return []


def _origin(g, f: ArgumentFinder) -> list[str]:
    """"sanctions against gold from X", "a ban on imports from X": goods stand for where they come from."""
    if g.pos_ != "NOUN" or f.actors.at(g.i) is not None:
        return []
    return f.prep_actors(g, ("from",), nested=False)


def _content_subjects(n, f: ArgumentFinder) -> list[str]:
    """"its demand that X ease ...", "the accusation that X armed ...": a speech noun's content
    clause names whom the demand or charge is aimed at, by its own subject."""
    clauses = [c for c in children(n) if c.dep_ in ("acl", "ccomp")]
    if n.dep_ in ("dobj", "obj"):
        # "reiterated its demand today that X ...": the parser hangs the clause on the verb
        end = n.right_edge.i
        clauses += [c for c in children(n.head) if c.dep_ == "ccomp" and c.i > end
                    and any(m.dep_ == "mark" and m.lower_ == "that" for m in children(c))
                    and not any(t.pos_ in CLAUSE_VERB_POS or t.is_punct for t in n.doc[end + 1:c.left_edge.i])]
    for c in clauses:
        if c.pos_ not in CLAUSE_VERB_POS:
            continue
        subj = [s for s in children(c) if s.dep_ in SUBJECT_DEPS]
        if subj and subj[0].tag_ not in ("WDT", "WP") and subj[0].lower_ not in SELF_PRONOUNS:
            out = [a for s in subj for a in f.np_actors(s, nested=False)]
            if out:
                return out
    return []


# what presses someone to act: "refused to resign despite pressure by X", "despite calls from Y"
PRESSURE_NOUNS = frozenset("pressure call demand appeal plea request urging protest objection criticism "
                           "warning ultimatum insistence".split())
# a concession or agreement reached in talks is made to the other side of the talks
NEGOTIATED_TYPES = frozenset({"CONCEDE", "RETREAT", "AGREE"})
NEGOTIATION_NOUNS = frozenset(
    "talk talks negotiation deliberation consultation discussion dialogue meeting".split())
AFTER_PREPS = frozenset({"after", "following"})


def _clause_heads(v) -> list:
    """The verb and the infinitives it governs ("declined to resign despite ...")."""
    return [v] + [c for c in children(v) if c.dep_ == "xcomp" and c.pos_ in CLAUSE_VERB_POS]


def _pressing_parties(v, f: ArgumentFinder) -> list[str]:
    """"declined to resign despite growing pressure by X", "rejected the plan despite Y's
    objections": a refusal in the face of pressure is aimed at whoever applies it."""
    for h in _clause_heads(v):
        for p in children(h):
            if p.dep_ != "prep" or p.lower_ != "despite":
                continue
            for n in children(p):
                if n.dep_ != "pobj" or n.pos_ != "NOUN" or n.lemma_.lower() not in PRESSURE_NOUNS:
                    continue
                out = [a for c in children(n) if c.dep_ == "poss" for a in f.np_actors(c, nested=False)]
                out = out or f.prep_actors(n, ("by", "from"), nested=False) or [
                    a for c in children(n) if c.dep_ in ("compound", "amod", "nmod") and c.i < n.i
                    if (a := f.usable(f.actors.at(c.i))) is not None]
                if out:
                    return out
    return []


def _negotiating_parties(v, f: ArgumentFinder) -> list[str]:
    """"called off the strike after talks with X", "agreed to ... following negotiations with Y":
    what is yielded or agreed at the end of talks is yielded to the other side of them."""
    for h in _clause_heads(v):
        for p in children(h):
            if p.dep_ != "prep" or p.lower_ not in AFTER_PREPS:
                continue
            for n in children(p):
                if n.dep_ == "pobj" and n.pos_ == "NOUN" and (
                        n.lemma_.lower() in NEGOTIATION_NOUNS or n.lower_ in NEGOTIATION_NOUNS):
                    out = f.prep_actors(n, ("with",), nested=False)
                    if out:
                        return out
    return []


def _condition_targets(v, f: ArgumentFinder) -> list[str]:
    """"threatened to strike unless X withdraws", "... if X goes ahead": a threat is aimed at
    whoever the condition asks to act."""
    for t in v.subtree:
        if t.dep_ != "advcl" or not any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in children(t)):
            continue
        h = t.head
        while h.i != v.i and h.dep_ in ("xcomp", "advcl", "conj", "dobj", "acl", "pobj", "prep", "relcl"):
            h = h.head
        if h.i != v.i:
            continue  # a condition inside someone else's reported speech
        subj, passive = f.clause_subject(t)
        if not passive:
            out = [a for s in subj for a in f.np_actors(s, nested=False)]
            if out:
                return out
    return []


def _for_subjects(v, f: ArgumentFinder) -> list[str]:
    """"pushed for X to support the plan", "is pressing for X to release ...": a demand is aimed at
    whoever the "for ... to" clause asks to act."""
    for c in children(v):
        if c.dep_ in ("advcl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "for" for m in children(c)):
            out = [a for s in children(c) if s.dep_ == "nsubj" for a in f.np_actors(s, nested=False)]
            if out:
                return out
    # the parser may hang "for X" on the verb and the infinitive after it
    starts = {c.left_edge.i for c in children(v) if c.dep_ in ("advcl", "xcomp") and _has_to(c)}
    for p in children(v):
        if p.dep_ == "prep" and p.lower_ == "for":
            for g in children(p):
                if g.dep_ == "pobj" and g.right_edge.i + 1 in starts:
                    out = f.np_actors(g, nested=False)
                    if out:
                        return out
    return []


def _purpose_targets(v, f: ArgumentFinder) -> list[str]:
    """"mobilized reservists for a war against X", "massed troops for an offensive on Y": forces
    gathered for a hostile act are aimed at that act's target."""
    for h in [v] + [c for c in children(v) if c.dep_ in ("dobj", "obj")]:
        for p in children(h):
            if p.dep_ != "prep" or p.lower_ != "for":
                continue
            for g in children(p):
                trig = f.is_trigger_noun(g) if g.dep_ == "pobj" and g.pos_ == "NOUN" else None
                if trig is not None and trig.type in HOSTILE_TYPES:
                    found = _nominal(g, trig, f).targets
                    if found:
                        return found
    return []


def _act_heads(v) -> list:
    """The verb, its object, and the acts it announces ("threatened to ban voting in X"); a
    participle on the object places the measure acted on ("lifted the curfew imposed in X")."""
    objs = [c for c in children(v) if c.dep_ in ("dobj", "obj")]
    heads = [v] + objs + [a for o in objs for a in _participles(o)]
    for c in children(v):
        if c.dep_ == "xcomp" and c.pos_ == "VERB":
            heads += [c] + [g for g in children(c) if g.dep_ in ("dobj", "obj")]
        elif c.dep_ == "advcl" and (c.tag_ == "VBG" or any(
                m.dep_ in ("advmod", "mark") and m.lower_ == "when" for m in children(c))):
            # "killed 23 people when they blew themselves up in X", "opened fire, killing two in Y"
            heads.append(c)
    # "declared a state of siege in X, suspending ... and arresting opponents": a participle
    # clause happens where its governing clause does
    t = v.head if v.dep_ == "conj" and v.head.dep_ == "advcl" and v.head.tag_ == "VBG" else v
    if t.dep_ == "advcl" and t.tag_ == "VBG" and t.head.pos_ in CLAUSE_VERB_POS:
        heads += [t.head] + [c for c in children(t.head) if c.dep_ in ("dobj", "obj")]
    return heads


def _counted_objects(v) -> list:
    """"kidnapped up to 16 Russian engineers": the parser may read "up" as the verb's particle and
    "to 16 ..." as a phrase of the verb; the counted noun is the object."""
    ups = [c for c in children(v) if c.dep_ == "prt" and c.lower_ == "up"]
    if not ups:
        return []
    # "to" hangs from the verb or from the particle
    return [g for h in (v, *ups) for p in children(h) if p.dep_ == "prep" and p.lower_ == "to"
            for g in children(p) if g.dep_ == "pobj" and any(n.dep_ == "nummod" for n in children(g))]


def _participles(n) -> list:
    """Past participles on a noun: "the curfew imposed in X", "restrictions introduced in X"."""
    return [a for a in children(n) if a.dep_ == "acl" and a.tag_ == "VBN"]


def _place_preps(trig: Trigger) -> frozenset[str]:
    """Violence and force aimed "at" a place hit it ("fired at targets in X", "shot at a crowd
    in Y"); a statement made at a place is not aimed at it ("threatened at a rally in Z")."""
    return MATERIAL_PLACE_PREPS if trig.type in MATERIAL_TYPES else PLACE_PREPS


MATERIAL_TYPES = frozenset({"ASSAULT", "COERCE"})
MATERIAL_PLACE_PREPS = PLACE_PREPS | {"at"}


# links by which a clause or noun phrase is the content of the verb above it ("refused to allow X
# to ...", "threatened to strike unless ...", "denounced X's suppression of ..."); not coordination
# or background clauses attached to the governing verb itself ("rejected the plan and attacked Y")
COMPLEMENT_LINKS = frozenset({"xcomp", "ccomp", "advcl", "dobj", "obj", "pobj", "prep", "acl", "conj",
                              "relcl", "appos", "pcomp"})
BACKGROUND_CLAUSE_MARKS = frozenset({"as", "while", "when", "since", "after", "before", "because", "though",
                                     "although", "whereas"})


def in_complement(tok, gov, max_steps: int = 5, that_clause: bool = True) -> bool:
    """Whether ``tok`` lies in the content (complement, purpose or object) of the verb ``gov``;
    ``that_clause=False`` for verbs whose that-clause is no stance ("demonstrates that" shows)."""
    t, steps = tok, 0
    while t.i != gov.i and steps < max_steps:
        if t.dep_ not in COMPLEMENT_LINKS or t.head.i == t.i:
            return False
        on_gov = t.head.i == gov.i
        if on_gov and (t.dep_ in ("conj", "relcl", "acl") or (t.dep_ == "ccomp" and not that_clause)):
            return False  # a second act of the same subject, or a clause on the verb itself
        if t.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in BACKGROUND_CLAUSE_MARKS
                                     for m in children(t)):
            return False
        t, steps = t.head, steps + 1
    return t.i == gov.i and tok.i != gov.i
