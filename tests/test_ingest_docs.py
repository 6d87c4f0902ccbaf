"""The ingest documentation keeps up with the code and the sample corpus."""
from __future__ import annotations

from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.ingest import load_registry, read_inputs

REPO = Path(__file__).resolve().parents[1]


def test_ingest_docs_name_every_builtin_reader_and_extension():
    doc = (REPO / "docs" / "ingest.md").read_text(encoding="utf-8")
    for reader in load_registry(plugins=False):
        assert f"`{reader.name}`" in doc
        for ext in reader.extensions:
            assert f"`{ext}`" in doc, ext


def test_ingest_docs_name_every_input_error():
    doc = (REPO / "docs" / "ingest.md").read_text(encoding="utf-8")
    from newsgraph import errors

    for name in dir(errors):
        obj = getattr(errors, name)
        if isinstance(obj, type) and issubclass(obj, InputError):
            assert f"`{name}`" in doc, name


def test_ingest_docs_example_readme_lists_every_corpus_file_and_count():
    readme = (REPO / "examples" / "README.md").read_text(encoding="utf-8")
    corpus = REPO / "examples" / "corpus"
    for path in corpus.rglob("*"):
        if path.is_file():
            assert path.name in readme, path.name
    count = sum(1 for _ in read_inputs([str(corpus)]))
    assert readme.count("\n| 2024-") == count
