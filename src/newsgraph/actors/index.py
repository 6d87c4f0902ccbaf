"""ActorIndex: what the actor stage hands to the quote and event stages.

The contract between stages. The actor stage resolves every mention it can (named
entities, knowledge-base names, demonyms, capitals as metonyms, titles, surnames and
pronouns through coreference) and records, for each token it covers, the local actor id
(``a1``...). Quote and event stages never resolve names themselves: they ask this index.

A plural anaphor ("they" after "Niger, Mali and Burkina Faso") stands for several actors:
``all_at(i)`` gives all of them (``token_actors``); ``at(i)`` keeps answering with one id,
the first antecedent, so code that expects one actor per token keeps working.
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
    token_actors: dict[int, list[str]] = field(default_factory=dict)  # only tokens standing for several

    def add_mention(self, mention: ActorMention) -> None:
        self.mentions.append(mention)
        for i in range(mention.start, mention.end):
            self.token_actor.setdefault(i, mention.actor_id)

    def add_group(self, start: int, end: int, actor_ids: list[str], how: str = "pronoun") -> None:
        """Tokens [start, end) stand for all of ``actor_ids`` ("they", "the three nations")."""
        for a in actor_ids:
            self.mentions.append(ActorMention(start, end, a, how))
        for i in range(start, end):
            self.token_actor.setdefault(i, actor_ids[0])
            if len(actor_ids) > 1:
                self.token_actors.setdefault(i, list(actor_ids))

    def add_joint(self, start: int, end: int, actor_ids: list[str], how: str = "kb") -> None:
        """Tokens [start, end), already a mention of ``actor_ids[0]``, stand for all of
        ``actor_ids`` (a dictionary name with several codes): mentions for the others."""
        for a in actor_ids[1:]:
            self.mentions.append(ActorMention(start, end, a, how))
        for i in range(start, end):
            self.token_actor.setdefault(i, actor_ids[0])
            self.token_actors.setdefault(i, list(actor_ids))

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

    def all_at(self, token_i: int) -> list[str]:
        """Every actor a token stands for: several for a plural anaphor, else ``[at(i)]`` or []."""
        many = self.token_actors.get(token_i)
        if many is not None:
            return list(many)
        one = self.token_actor.get(token_i)
        return [one] if one is not None else []

    def in_range(self, start: int, end: int) -> list[str]:
        """Distinct actor ids mentioned in the token range [start, end), in text order."""
        seen: list[str] = []
        for i in range(start, end):
            for a in self.all_at(i):
                if a not in seen:
                    seen.append(a)
        return seen

    def mentions_of(self, actor_id: str) -> list[ActorMention]:
        return [m for m in self.mentions if m.actor_id == actor_id]
