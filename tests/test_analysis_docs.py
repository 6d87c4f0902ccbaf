"""docs/analysis.md and docs/api.md keep up with the commands, exporters and methods they describe."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph import export
from newsgraph.analysis.corpus import Corpus

DOCS = Path(__file__).resolve().parents[1] / "docs"


@pytest.mark.parametrize("command", ["dyads", "network", "blocs", "timeline", "export"])
def test_analysis_docs_show_every_command(command):
    assert f"$ newsgraph {command}" in (DOCS / "analysis.md").read_text("utf-8")


def test_analysis_docs_list_every_builtin_exporter():
    text = (DOCS / "analysis.md").read_text("utf-8")
    for name in export.registry.BUILTINS:
        assert f"`{name}`" in text


def test_analysis_docs_show_every_python_api_method():
    text = (DOCS / "analysis.md").read_text("utf-8")
    public = [m for m in vars(Corpus) if not m.startswith("_") and callable(getattr(Corpus, m))]
    for method in public:
        if method == "close":
            continue
        assert f"ng.{method}(" in text, method


def test_api_docs_mention_serve_options():
    text = (DOCS / "api.md").read_text("utf-8")
    assert "newsgraph serve [--store DIR] [--host 127.0.0.1] [--port 8000]" in text
