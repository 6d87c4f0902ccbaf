"""The spaCy model is configurable: a package name, a package with load(), or a path."""
from __future__ import annotations

import pytest

from newsgraph.config import Settings
from newsgraph.errors import ModelError
from newsgraph.nlp import load_pipeline


def test_nlp_loads_package_with_load_function(nlp):
    assert {"parser", "ner"} <= set(nlp.pipe_names)


def test_nlp_loads_model_directory(nlp, tmp_path):
    nlp.to_disk(tmp_path / "model")
    again = load_pipeline(str(tmp_path / "model"))
    assert again.pipe_names == nlp.pipe_names


def test_nlp_unknown_model_names_the_fix():
    with pytest.raises(ModelError, match="NEWSGRAPH_MODEL"):
        load_pipeline("no_such_model_xyz")


def test_nlp_model_from_environment(monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_MODEL", "en_core_web_md")
    assert Settings.from_env().model == "en_core_web_md"
    assert Settings.from_env(model="custom").model == "custom"
