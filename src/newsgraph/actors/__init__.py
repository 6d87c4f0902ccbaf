"""The actor stage: knowledge base, resolution of names to actors, coreference.

Entry points used by the pipeline:

- ``KnowledgeBase.load(extra_files)``: states (pycountry), organisations, institutions,
  office holders and titles from the package data, plus the user's files;
- ``PersonMemory``: what earlier articles said about people;
- ``resolve_actors(doc, article, kb, memory) -> ActorIndex``.

See docs/actors.md.
"""
from __future__ import annotations

from .index import ActorIndex, ActorMention
from .kb import KnowledgeBase
from .memory import PersonFact, PersonMemory
from .resolve import resolve_actors

__all__ = ["ActorIndex", "ActorMention", "KnowledgeBase", "PersonFact", "PersonMemory", "resolve_actors"]
