"""Event extraction: who did what to whom, in PLOVER, with factuality, claims and evidence.

    ontology.py     PLOVER types, quads, scores, CAMEO map, trigger lexicon (data in data/)
    lexicon.py      trigger entries indexed by head lemma
    triggers.py     finding trigger tokens in a parsed document
    arguments.py    sources and targets from the dependency parse
    factuality.py   asserted / negated / hypothetical / future / demanded / alleged
    speech.py       quotes: who claims an event, and speech acts coded from quote content
    extract.py      the stage entry point: extract_events(...)
"""
from .extract import extract_events
from .ontology import Ontology

__all__ = ["Ontology", "extract_events"]
