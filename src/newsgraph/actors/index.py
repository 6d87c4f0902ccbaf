"""ActorIndex: what the actor stage hands to the quote and event stages.

The contract between stages. The actor stage resolves every mention it can (named
entities, knowledge-base names, demonyms, capitals as metonyms, titles, surnames and
pronouns through coreference) and records, for each token it covers, the local actor id
(``a1``...). Quote and event stages never resolve names themselves: they ask this index.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..records import Actor


@dataclass
class ActorMention:
    """One mention of an actor: token range [start, end) in the Doc, and how it was found."""

    start: int
    end: int
    actor_id: str
    how: str = "name"  # name | kb | demonym | capital | title | surname | pronoun | acronym | apposition


@dataclass
class ActorIndex:
    actors: list[Actor] = field(default_factory=list)
    mentions: list[ActorMention] = field(default_factory=list)
    token_actor: dict[int, str] = field(default_factory=dict)

    def add_mention(self, mention: ActorMention) -> None:
        self.mentions.append(mention)
        for i in range(mention.start, mention.end):
            self.token_actor.setdefault(i, mention.actor_id)

    def get(self, actor_id: str | None) -> Actor | None:
        if actor_id is None:
            return None
        for a in self.actors:
            if a.id == actor_id:
                return a
        return None

    def at(self, token_i: int) -> str | None:
        """The actor a token belongs to, or None."""
        return self.token_actor.get(token_i)

    def in_range(self, start: int, end: int) -> list[str]:
        """Distinct actor ids mentioned in the token range [start, end), in text order."""
        seen: list[str] = []
        for i in range(start, end):
            a = self.token_actor.get(i)
            if a is not None and a not in seen:
                seen.append(a)
        return seen

    def mentions_of(self, actor_id: str) -> list[ActorMention]:
        return [m for m in self.mentions if m.actor_id == actor_id]
