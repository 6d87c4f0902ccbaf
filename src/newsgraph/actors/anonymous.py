"""Anonymous sources: "an Israeli source familiar with the talks said", "a senior U.S. official".

The gold format keeps such a speaker as a person ("unnamed Israeli source", code ISR), not the
state: the state did not speak, one unnamed person acting for it did, and the quote stage must
attribute the quote to that person. Only a singular noun with an indefinite determiner counts
("the official" is a bare title for coreference; "officials" are many people, left to the agent
rules), and only when a state is named in its own noun phrase, so nothing is guessed.

Runs after the index is built; a handful of attribute checks per noun token.
"""
from __future__ import annotations

from ..nlp import doc_tokens
from ..records import ANONYMOUS_ROLE, Actor, Span
from .index import ActorIndex, ActorMention

# nouns news uses for a person it does not name; the sector says what the person does
SOURCE_NOUNS = {"source": None, "official": "GOV", "diplomat": "GOV", "negotiator": "GOV"}
INDEFINITE = frozenset({"a", "an", "one", "another"})
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})


def add_anonymous_sources(doc, index: ActorIndex) -> None:
    """Add a person actor for each anonymous source whose state is named with it."""
    for tok in doc_tokens(doc):
        if tok.tag_ != "NN" or tok.lower_ not in SOURCE_NOUNS or index.at(tok.i) is not None:
            continue
        if not any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in tok.children):
            continue
        state, mod = _state_modifier(tok, index)
        if state is None:
            continue
        ids = {m.actor_id for m in index.mentions if mod.start <= m.start and m.end <= mod.end}
        if ids != {state.id}:
            continue
        start = mod.start
        name = f"unnamed {doc[start:mod.end].text} {tok.text}"
        span = doc[start:tok.i + 1]
        mention_span = Span(text=span.text, start=span.start_char, end=span.end_char)
        # "an Israeli source ... another Israeli source": one unnamed person as far as anyone can tell
        same = next((a for a in index.actors if a.kind == "person" and a.name == name), None)
        if same is not None:
            aid = same.id
            same.mentions.append(mention_span)
        else:
            aid = f"a{len(index.actors) + 1}"
            index.actors.append(Actor(id=aid, name=name, kind="person", code=state.code,
                                      sector=SOURCE_NOUNS[tok.lower_], role=ANONYMOUS_ROLE, country=state.code,
                                      mentions=[mention_span]))
        # the demonym belongs to the person, as "Russian" does in "Russian President X"
        index.mentions.remove(mod)
        state.mentions = [s for s in state.mentions
                          if not (s.start == doc[mod.start].idx and s.end == doc[mod.end - 1].idx + len(doc[mod.end - 1]))]
        for i in range(start, tok.i + 1):
            index.token_actor[i] = aid
        index.mentions.append(ActorMention(start, tok.i + 1, aid, "anonymous"))
        if not any(m.actor_id == state.id for m in index.mentions):
            index.actors.remove(state)  # named only as the source's state
    index.mentions.sort(key=lambda m: (m.start, m.end))


def _state_modifier(tok, index: ActorIndex):
    """The state named as a modifier of the noun ("Israeli", "U.S." in "a senior U.S. official")
    and its mention; (None, None) when there is none or more than one."""
    found = []
    for c in tok.children:
        if c.dep_ not in MODIFIER_DEPS or c.i > tok.i:
            continue
        aid = index.at(c.i)
        actor = index.get(aid)
        if actor is None or actor.kind != "state" or not actor.code:
            continue
        mention = next((m for m in index.mentions if m.actor_id == aid and m.start <= c.i < m.end), None)
        if mention is not None and mention.how not in ("pronoun", "anaphor"):
            found.append((actor, mention))
    return found[0] if len(found) == 1 else (None, None)
