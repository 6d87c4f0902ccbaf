"""Every kind of bad input becomes one InputError naming the file (and line), and the run goes on."""
from __future__ import annotations

import io
import json
import os
import random
import time

import pytest

from newsgraph.errors import BinaryInputError, EmptyInputError, InputError, MalformedInputError, TooLargeError
from newsgraph.ingest import read_inputs
from newsgraph.records import Article

STORY = ("[Synthetic test article written for newsgraph.]\n"
         "Denmark and Norway signed a defence agreement on Friday, said Mette Lund, a fictional spokesperson.\n")


def _only(path, **kwargs):
    items = list(read_inputs([str(path)], **kwargs))
    assert len(items) == 1, items
    return items[0]


def _junk_without_nul(n: int) -> bytes:
    rng = random.Random(7)
    return bytes(rng.randrange(1, 256) for _ in range(n))


@pytest.mark.parametrize("name, data, error", [
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, BinaryInputError),
    ("random.txt", _junk_without_nul(4000), BinaryInputError),
    ("controls.txt", b"[Synthetic] " + b"\x01\x02\x03\x04\x05\x06" * 50, BinaryInputError),
    ("bad-bom.txt", b"\xff\xfe" + b"\x00\xd8" * 3, BinaryInputError),
    ("page.html", b"\x00\x01\x02<html>" + bytes(range(256)), BinaryInputError),
    ("empty.txt", b"", EmptyInputError),
    ("blank.txt", b" \n\t\r\n  ", EmptyInputError),
    ("empty.html", b"", EmptyInputError),
    ("furniture.html", b"<html><body><nav><a href='/'>Home</a></nav><footer></footer></body></html>",
     EmptyInputError),
    ("empty.jsonl", b"\n\n", EmptyInputError),
    ("empty.rss", b"   ", EmptyInputError),
    ("broken.rss", b"<?xml version='1.0'?><rss><channel><item", MalformedInputError),
    ("notxml.xml", b"this is not { xml ]", MalformedInputError),
    ("noentries.atom", b"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><title>t</title></feed>",
     EmptyInputError),
    ("binary.jsonl", b"\x00\x00\x00\x01junk", BinaryInputError),
], ids=lambda v: v if isinstance(v, str) else None)
def test_ingest_bad_file_yields_one_error_naming_it(tmp_path, name, data, error):
    path = tmp_path / name
    path.write_bytes(data)
    item = _only(path)
    assert type(item) is error, item
    assert str(path) in str(item) and item.ref == str(path)


def test_ingest_bad_file_does_not_stop_the_run(tmp_path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "c.txt").write_text(STORY + "More.\n", encoding="utf-8")
    kinds = [type(i) for i in read_inputs([str(tmp_path)])]
    assert kinds == [Article, BinaryInputError, Article]


@pytest.mark.parametrize("name, data", [
    ("big.txt", STORY * 20),
    ("big.html", "<html><body><article><p>" + STORY * 20 + "</p></article></body></html>"),
    ("big.rss", "<rss><channel><title>t</title><item><description>" + STORY * 20 + "</description></item></channel></rss>"),
])
def test_ingest_file_over_the_limit_is_too_large(tmp_path, name, data):
    path = tmp_path / name
    path.write_text(data, encoding="utf-8")
    item = _only(path, max_bytes=1000)
    assert isinstance(item, TooLargeError)
    assert f"{path.stat().st_size} bytes" in str(item) and "limit is 1000 bytes" in str(item)


def test_ingest_truncated_feed_keeps_recovered_entries_and_reports_the_damage(tmp_path):
    path = tmp_path / "cut.rss"
    path.write_text("<?xml version='1.0'?><rss><channel><title>Synthetic</title>"
                    f"<item><title>Full</title><description>{STORY}</description></item>"
                    "<item><title>Cut off</title><description>Denmark and Nor", encoding="utf-8")
    items = list(read_inputs([str(path)]))
    assert isinstance(items[0], Article) and items[0].title == "Full"
    assert isinstance(items[-1], MalformedInputError) and items[-1].ref == str(path)
    assert "not well-formed XML" in str(items[-1])


def test_ingest_stdin_over_the_limit_is_too_large():
    stdin = io.BufferedReader(io.BytesIO((STORY * 50).encode("utf-8")))
    [item] = read_inputs(["-"], max_bytes=500, stdin=stdin)
    assert isinstance(item, TooLargeError) and item.ref == "<stdin>"


@pytest.mark.parametrize("name", ["huge.txt", "huge.html", "huge.warc.gz-not", "huge"])
def test_ingest_size_limit_is_checked_without_reading_the_file(tmp_path, name):
    # A 64 GiB sparse file: reading it would take minutes, so a quick answer proves the size
    # was judged from the file system (sniffing an unknown extension reads only the first KBs).
    path = tmp_path / name
    with open(path, "wb") as f:
        f.write(b"[Synthetic] Poland and Lithuania held talks. ")
        f.truncate(64 * 1024**3)
    started = time.perf_counter()
    item = _only(path)
    assert isinstance(item, TooLargeError), item
    assert time.perf_counter() - started < 2.0


def test_ingest_jsonl_bad_lines_are_reported_and_others_kept(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"text": STORY}),
        '{"text": "unterminated',
        json.dumps(["not", "an", "object"]),
        json.dumps({"title": "no text"}),
        json.dumps({"text": STORY + "dated badly", "published": "12/03/2024"}),
        json.dumps({"text": "   "}),
        json.dumps({"text": STORY, "title": 42}),
        json.dumps({"text": STORY + "last good line"}),
    ]
    path.write_bytes(("\n".join(lines) + "\n").encode("utf-8") + b'{"text": "caf\xe9"}\n')
    items = list(read_inputs([str(path)]))
    summary = [(type(i).__name__, i.ref) for i in items]
    assert summary == [
        ("Article", f"{path}:1"),
        ("MalformedInputError", f"{path}:2"),
        ("MalformedInputError", f"{path}:3"),
        ("MalformedInputError", f"{path}:4"),
        ("MalformedInputError", f"{path}:5"),
        ("EmptyInputError", f"{path}:6"),
        ("MalformedInputError", f"{path}:7"),
        ("Article", f"{path}:8"),
        ("MalformedInputError", f"{path}:9"),
    ]
    assert "invalid JSON" in str(items[1]) or "not valid JSON" in str(items[1])
    assert isinstance(items[1].__cause__, json.JSONDecodeError)
    assert '"text"' in str(items[3]) and "12/03/2024" in str(items[4]) and "UTF-8" in str(items[8])


def test_ingest_jsonl_line_over_the_limit_is_skipped_without_losing_the_next(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join([
        json.dumps({"text": STORY}),
        json.dumps({"text": STORY * 40}),
        json.dumps({"text": STORY + "after the long line"}),
    ]) + "\n", encoding="utf-8")
    first, big, last = read_inputs([str(path)], max_bytes=1000)
    assert isinstance(first, Article) and isinstance(last, Article)
    assert isinstance(big, TooLargeError) and big.ref == f"{path}:2"
    assert last.text.endswith("after the long line") and last.ref == f"{path}:3"


def test_ingest_missing_path_is_an_input_error(tmp_path):
    item = _only(tmp_path / "nowhere.txt")
    assert type(item) is InputError and "does not exist" in str(item)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads files without permission")
def test_ingest_unreadable_file_is_an_input_error(tmp_path):
    path = tmp_path / "locked.txt"
    path.write_text(STORY, encoding="utf-8")
    path.chmod(0)
    try:
        item = _only(path)
    finally:
        path.chmod(0o644)
    assert type(item) is InputError and "cannot be read" in str(item)
    assert isinstance(item.__cause__, PermissionError)


def test_ingest_directory_given_as_a_file_name_is_an_input_error(tmp_path):
    # Opening a directory fails even for root: the reader's OSError becomes an InputError.
    from newsgraph.ingest import read_source
    from newsgraph.ingest.source import Source

    [item] = read_source(Source.from_path(tmp_path, max_bytes=1000))
    assert isinstance(item, InputError) and str(tmp_path) in str(item)
    assert isinstance(item.__cause__, OSError)
