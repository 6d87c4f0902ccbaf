"""Each input format through the front door: read_inputs on files written here."""
from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

from newsgraph.errors import InputError
from newsgraph.ingest import read_inputs
from newsgraph.ingest.ids import article_id
from newsgraph.records import Article

REPO = Path(__file__).resolve().parents[1]

STORY = (
    "[Synthetic test article written for newsgraph.]\n"
    "Lithuania and Latvia held talks in Vilnius on Tuesday about air defence.\n"
    "\"We will buy the systems together,\" said Deputy Defence Minister Rasa Vilkaite, a fictional official.\n"
)

BOILERPLATE_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Baltic states agree joint air defence purchase | Test Gazette</title>
<link rel="canonical" href="https://test-gazette.example/2024/05/07/baltic-air-defence">
<meta property="og:site_name" content="Test Gazette">
<meta property="article:published_time" content="2024-05-07T09:00:00Z">
<script>var SECRET_TRACKER = "TRACKER-TOKEN-IN-SCRIPT";</script>
<style>.x{color:red} STYLE-RULE-TEXT</style>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">NAVIGATION-LINK-TEXT</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Baltic states agree joint air defence purchase</h1>
<p>[Synthetic test article written for newsgraph.]</p>
<p>VILNIUS — Lithuania, Latvia and Estonia agreed on Tuesday to buy medium-range air defence systems together, their defence ministries said in a joint statement after talks in Vilnius.</p>
<p>"We will not wait for the next attack to close the gaps in our skies," Deputy Defence Minister Rasa Vilkaite of Lithuania, a fictional official, told reporters. "Buying together is faster and cheaper for all three of us."</p>
<p>The ministers said that the first batteries should arrive next year and that Poland and Finland had been invited to join the programme. Russia's embassy in Vilnius called the purchase a provocation.</p>
<p>Officials said that the systems would be integrated into NATO's air defence network over the following months.</p>
</article>
<aside class="most-read"><h2>Most Read</h2><ol><li><a href="/a">MOST-READ-HEADLINE about a football transfer</a></li><li><a href="/b">Weather turns cold again</a></li></ol></aside>
<section class="comments"><h2>Comments</h2><div class="comment"><p>READER-COMMENT-TEXT this is outrageous</p></div></section>
<footer><p>FOOTER-COPYRIGHT-TEXT 2024 Test Gazette</p></footer>
<script>console.log("SECOND-SCRIPT-TEXT");</script>
</body></html>
"""


def _articles(items) -> list[Article]:
    items = list(items)
    errors = [i for i in items if isinstance(i, InputError)]
    assert not errors, errors
    return items


def test_ingest_plain_text_is_read_as_is(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes(STORY.replace("\n", "\r\n").encode("utf-8"))
    [article] = _articles(read_inputs([str(path)]))
    assert article.text == STORY
    assert article.title is None
    assert article.ref == str(path)
    assert article.id == article_id(STORY)


def test_ingest_plain_text_takes_the_date_in_its_file_name(tmp_path):
    path = tmp_path / "2024-03-12-talks.txt"
    path.write_text(STORY, encoding="utf-8")
    [article] = _articles(read_inputs([str(path)], published=date(2020, 1, 1)))
    assert article.published == date(2024, 3, 12)


def test_ingest_published_argument_fills_only_missing_dates(tmp_path):
    (tmp_path / "undated.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "page.html").write_text(BOILERPLATE_PAGE, encoding="utf-8")
    page, undated = _articles(read_inputs([str(tmp_path)], published=date(2024, 6, 1)))
    assert undated.published == date(2024, 6, 1)
    assert page.published == date(2024, 5, 7)


def test_ingest_html_drops_boilerplate_and_scripts(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(BOILERPLATE_PAGE, encoding="utf-8")
    [article] = _articles(read_inputs([str(path)]))
    assert "agreed on Tuesday to buy medium-range air defence systems" in article.text
    assert "Buying together is faster and cheaper for all three of us." in article.text
    for furniture in ("TRACKER-TOKEN-IN-SCRIPT", "SECOND-SCRIPT-TEXT", "STYLE-RULE-TEXT", "NAVIGATION-LINK-TEXT",
                      "MOST-READ-HEADLINE", "Most Read", "READER-COMMENT-TEXT", "FOOTER-COPYRIGHT-TEXT"):
        assert furniture not in article.text
    assert article.title == "Baltic states agree joint air defence purchase"
    assert article.url == "https://test-gazette.example/2024/05/07/baltic-air-defence"
    assert article.source == "Test Gazette"
    assert article.published == date(2024, 5, 7)


def test_ingest_html_outlet_falls_back_to_the_canonical_domain(tmp_path):
    page = BOILERPLATE_PAGE.replace('<meta property="og:site_name" content="Test Gazette">', "")
    page = page.replace("| Test Gazette", "").replace("Test Gazette</p>", "</p>")
    (tmp_path / "page.htm").write_text(page, encoding="utf-8")
    [article] = _articles(read_inputs([str(tmp_path / "page.htm")]))
    assert article.source == "test-gazette.example"


def _jsonl_line(**fields) -> str:
    return json.dumps(fields, ensure_ascii=False)


def test_ingest_jsonl_reads_every_field_and_defaults_ref(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join([
        _jsonl_line(text=STORY, title="Talks in Vilnius", url="https://x.example/1", published="2024-02-03",
                    source="Wire (synthetic)", ref="wire:1"),
        "",
        _jsonl_line(text=STORY + "Second story, only text given.\n"),
    ]) + "\n", encoding="utf-8")
    first, second = _articles(read_inputs([str(path)]))
    assert (first.title, first.url, first.published, first.source, first.ref) == (
        "Talks in Vilnius", "https://x.example/1", date(2024, 2, 3), "Wire (synthetic)", "wire:1")
    assert first.text == STORY
    assert second.ref == f"{path}:3"
    assert second.title is None and second.published is None


FEED_RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Synthetic Test Feed</title><link>https://feed.example/</link><description>test</description>
<item><title>Latvia sanctions shipping firm</title><link>https://feed.example/a</link>
<pubDate>Mon, 15 Apr 2024 10:00:00 +0000</pubDate>
<content:encoded><![CDATA[<p>[Synthetic test article written for newsgraph.]</p><p>Latvia imposed sanctions on Monday on a shipping firm.</p><script>FEED-SCRIPT-TEXT</script><p>"It broke the embargo," said Ilze Kalnina, a fictional spokesperson.</p>]]></content:encoded>
</item>
<item><title>Summary only</title><link>https://feed.example/b</link>
<description>[Synthetic test article.] Estonia and Finland held talks on Friday about undersea cables.</description>
</item>
</channel></rss>
"""

FEED_ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Synthetic Atom Feed</title><id>urn:x</id>
<updated>2024-04-20T00:00:00Z</updated>
<entry><title>Norway condemns cyber attack</title><id>urn:x:1</id>
<link href="https://atom.example/1"/><updated>2024-04-19T08:00:00Z</updated>
<content type="html">&lt;p&gt;[Synthetic test article.]&lt;/p&gt;&lt;p&gt;Norway condemned a cyber attack on Thursday.&lt;/p&gt;</content>
</entry></feed>
"""


def test_ingest_rss_entry_per_article_with_feed_title_as_source(tmp_path):
    path = tmp_path / "news.rss"
    path.write_text(FEED_RSS, encoding="utf-8")
    full, summary = _articles(read_inputs([str(path)]))
    assert full.text == ("[Synthetic test article written for newsgraph.]\n"
                         "Latvia imposed sanctions on Monday on a shipping firm.\n"
                         "\"It broke the embargo,\" said Ilze Kalnina, a fictional spokesperson.")
    assert (full.title, full.url, full.published, full.source, full.ref) == (
        "Latvia sanctions shipping firm", "https://feed.example/a", date(2024, 4, 15), "Synthetic Test Feed",
        f"{path}#entry-1")
    assert summary.text.endswith("Estonia and Finland held talks on Friday about undersea cables.")
    assert summary.published is None


def test_ingest_atom_entry_uses_updated_date_when_no_published(tmp_path):
    path = tmp_path / "news.atom"
    path.write_text(FEED_ATOM, encoding="utf-8")
    [entry] = _articles(read_inputs([str(path)]))
    assert entry.text == "[Synthetic test article.]\nNorway condemned a cyber attack on Thursday."
    assert entry.published == date(2024, 4, 19)
    assert entry.source == "Synthetic Atom Feed"


@pytest.mark.parametrize("name, content, expected_start", [
    ("feed_without_extension", FEED_ATOM, "[Synthetic test article.]\nNorway"),
    ("page_without_extension", BOILERPLATE_PAGE, None),
    ("lines_without_extension", _jsonl_line(text=STORY) + "\n", STORY),
    ("text_without_extension", STORY, STORY),
])
def test_ingest_sniffs_format_of_unknown_extension(tmp_path, name, content, expected_start):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    [article] = _articles(read_inputs([str(path)]))
    if expected_start is None:
        assert "TRACKER-TOKEN-IN-SCRIPT" not in article.text and article.source == "Test Gazette"
    else:
        assert article.text.startswith(expected_start)


@pytest.mark.parametrize("content, check", [
    (STORY, lambda a: a.text == STORY and a.ref == "<stdin>"),
    (BOILERPLATE_PAGE, lambda a: "MOST-READ-HEADLINE" not in a.text and a.title.startswith("Baltic")),
    (FEED_RSS, lambda a: a.source == "Synthetic Test Feed"),
    (_jsonl_line(text=STORY, ref="piped-1") + "\n", lambda a: a.ref == "piped-1"),
], ids=["text", "html", "rss", "jsonl"])
def test_ingest_stdin_sniffs_format(content, check):
    stdin = io.BufferedReader(io.BytesIO(content.encode("utf-8")))
    items = _articles(read_inputs(["-"], stdin=stdin))
    assert items and check(items[0])


def test_ingest_stdin_longer_than_the_sniffed_head_is_read_whole():
    lines = [_jsonl_line(text=f"[Synthetic test article {i}.] Poland and Lithuania held talks.") for i in range(400)]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    assert len(data) > 20_000
    items = _articles(read_inputs(["-"], stdin=io.BufferedReader(io.BytesIO(data))))
    assert [a.ref for a in items] == [f"<stdin>:{i + 1}" for i in range(400)]


def test_ingest_stdin_jsonl_with_a_first_line_longer_than_the_sniffed_head():
    long_text = "[Synthetic test article.] " + "Estonia and Latvia held talks about rail links. " * 400
    data = (_jsonl_line(text=long_text) + "\n" + _jsonl_line(text=STORY) + "\n").encode("utf-8")
    assert data.index(b"\n") > 8192
    first, second = _articles(read_inputs(["-"], stdin=io.BufferedReader(io.BytesIO(data))))
    assert first.text == long_text and second.text == STORY


def test_ingest_directory_is_recursive_sorted_and_skips_hidden_and_unknown(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deeper").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "b" / "2.txt").write_text(STORY + "two\n", encoding="utf-8")
    (tmp_path / "a" / "deeper" / "1.txt").write_text(STORY + "one\n", encoding="utf-8")
    (tmp_path / "a" / "0.jsonl").write_text(_jsonl_line(text=STORY + "zero\n") + "\n", encoding="utf-8")
    (tmp_path / ".secret.txt").write_text(STORY + "hidden file\n", encoding="utf-8")
    (tmp_path / ".hidden" / "x.txt").write_text(STORY + "hidden dir\n", encoding="utf-8")
    (tmp_path / "notes.py").write_text("print('not an article')\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text(STORY + "three\n", encoding="utf-8")
    items = _articles(read_inputs([str(tmp_path)]))
    assert [a.text.rsplit("\n", 2)[-2] for a in items] == ["zero", "one", "two", "three"]


def test_ingest_keeps_input_order_across_paths_and_reports_missing(tmp_path):
    (tmp_path / "x.txt").write_text(STORY + "x\n", encoding="utf-8")
    (tmp_path / "y.txt").write_text(STORY + "y\n", encoding="utf-8")
    items = list(read_inputs([str(tmp_path / "y.txt"), str(tmp_path / "nope.txt"), str(tmp_path / "x.txt")]))
    assert isinstance(items[0], Article) and items[0].text.endswith("y\n")
    assert isinstance(items[1], InputError) and "nope.txt" in str(items[1]) and "does not exist" in str(items[1])
    assert isinstance(items[2], Article) and items[2].text.endswith("x\n")


def test_ingest_example_corpus_reads_cleanly():
    items = list(read_inputs([str(REPO / "examples" / "corpus")]))
    assert not [i for i in items if isinstance(i, InputError)]
    assert len(items) >= 14
    assert all(a.text.startswith("[Synthetic article written for the newsgraph sample corpus.]")
               or "\n[Synthetic article written for the newsgraph sample corpus.]\n" in a.text for a in items)
    assert all(a.published and a.published.year == 2024 for a in items)
    assert all(150 <= len(a.text.split()) <= 400 for a in items)
    kinds = {Path(a.ref.split("#")[0].split(":")[0]).suffix for a in items if a.ref.startswith(str(REPO))}
    assert {".txt", ".html", ".rss", ".atom", ".gz"} <= kinds
    assert any(a.ref.startswith("wire-digest:") for a in items)
