"""Readers are registered the way a third-party plug-in registers one (entry points)."""
from __future__ import annotations

import importlib
import logging
import textwrap

import pytest

from newsgraph.errors import InputError, NewsgraphError
from newsgraph.ingest import Reader, load_registry, make_article, read_inputs
from newsgraph.ingest.registry import ENTRY_POINT_GROUP

STORY = "[Synthetic test article written for newsgraph.]\nFinland and Sweden held talks on Monday.\n"


def test_ingest_registry_builtin_readers_snapshot():
    registry = load_registry(plugins=False)
    assert {r.name: r.extensions for r in registry} == {
        "text": (".txt", ".text"),
        "jsonl": (".jsonl", ".ndjson"),
        "html": (".html", ".htm", ".xhtml"),
        "feed": (".rss", ".atom", ".xml"),
        "warc": (".warc", ".warc.gz"),
    }


@pytest.mark.parametrize("name, reader", [
    ("a.txt", "text"), ("A.HTML", "html"), ("x.warc.gz", "warc"), ("x.ndjson", "jsonl"), ("f.atom", "feed"),
    ("unknown.gz", None), ("README", None),
])
def test_ingest_registry_picks_reader_by_extension(name, reader):
    found = load_registry(plugins=False).for_extension(name.lower())
    assert (found.name if found else None) == reader


def _install_plugin(root, module: str, body: str, entry: str) -> None:
    """A real installed distribution: a module plus a dist-info with entry_points.txt."""
    (root / f"{module}.py").write_text(textwrap.dedent(body), encoding="utf-8")
    dist = root / f"{module}-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {module}\nVersion: 0.1\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text(f"[{ENTRY_POINT_GROUP}]\n{entry}\n", encoding="utf-8")


MARKDOWN_PLUGIN = """
    from newsgraph.ingest import Reader, make_article
    from newsgraph.ingest.decode import decode_bytes

    def read_markdown(source):
        text = decode_bytes(source.read_bytes(), source.ref)
        first, _, body = text.partition("\\n")
        title = first.lstrip("# ").strip() if first.startswith("#") else None
        yield make_article(body if title else text, ref=source.ref, title=title)

    def sniff(head):
        return head.startswith(b"# ")

    MARKDOWN_READER = Reader(name="markdown", read=read_markdown, extensions=(".md",), sniff=sniff)
"""


def test_ingest_registry_loads_a_plugin_reader_from_entry_points(tmp_path, monkeypatch):
    plugins = tmp_path / "site"
    plugins.mkdir()
    _install_plugin(plugins, "newsgraph_md_reader", MARKDOWN_PLUGIN, "markdown = newsgraph_md_reader:MARKDOWN_READER")
    monkeypatch.syspath_prepend(str(plugins))
    importlib.invalidate_caches()
    registry = load_registry()
    assert "markdown" in [r.name for r in registry]

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "note.md").write_text("# Talks in Helsinki\n" + STORY, encoding="utf-8")
    (docs / "piped").write_text("# Sniffed heading\n" + STORY, encoding="utf-8")
    by_ext, sniffed = read_inputs([str(docs / "note.md"), str(docs / "piped")], registry=registry)
    assert (by_ext.title, by_ext.text) == ("Talks in Helsinki", STORY)
    assert sniffed.title == "Sniffed heading"
    # directories pick up the plug-in's extension too
    assert [a.title for a in read_inputs([str(docs)], registry=registry)] == ["Talks in Helsinki"]


def test_ingest_registry_broken_plugin_is_skipped_with_a_warning(tmp_path, monkeypatch, caplog):
    plugins = tmp_path / "site"
    plugins.mkdir()
    _install_plugin(plugins, "newsgraph_broken_reader", "raise ImportError('missing dependency')\n",
                    "broken = newsgraph_broken_reader:READER")
    monkeypatch.syspath_prepend(str(plugins))
    importlib.invalidate_caches()
    with caplog.at_level(logging.WARNING, logger="newsgraph.ingest.registry"):
        registry = load_registry()
    assert "text" in [r.name for r in registry]
    assert "newsgraph_broken_reader:READER" in caplog.text and "missing dependency" in caplog.text


def test_ingest_registry_later_registration_wins_and_names_are_unique(tmp_path):
    registry = load_registry(plugins=False)

    def read_upper(source):
        yield make_article(source.read_bytes().decode().upper(), ref=source.ref)

    with pytest.raises(NewsgraphError, match="already registered"):
        registry.register(Reader(name="text", read=read_upper, extensions=(".txt",)))
    with pytest.raises(NewsgraphError, match="not a newsgraph.ingest.Reader"):
        registry.register(read_upper)
    registry.register(Reader(name="shout", read=read_upper, extensions=(".txt",)))
    path = tmp_path / "a.txt"
    path.write_text(STORY, encoding="utf-8")
    [article] = read_inputs([str(path)], registry=registry)
    assert not isinstance(article, InputError) and article.text == STORY.upper()
