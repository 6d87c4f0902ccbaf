"""WARC archives written here with warcio: only 2xx HTML responses become articles."""
from __future__ import annotations

import io
from datetime import date

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.errors import EmptyInputError, InputError, MalformedInputError, TooLargeError
from newsgraph.ingest import read_inputs
from newsgraph.records import Article


def _page(n: int, extra: str = "") -> str:
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Crawled story {n}</title><meta property="og:site_name" content="Crawl Times">
<meta property="article:published_time" content="2024-0{n}-10T08:00:00Z">
<script>var CRAWL_SCRIPT_{n} = "SCRIPT-IN-WARC";</script></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Crawled story {n}</h1>
<p>[Synthetic test article written for newsgraph.]</p>
<p>Story {n}: Estonia and Finland agreed on Wednesday to protect undersea cables together, their governments said{extra}.</p>
<p>"We will patrol the Gulf of Finland jointly," said Kaisa Virtanen, a fictional Finnish spokesperson, after the talks.</p>
</article><aside><h2>Most Read</h2><ul><li><a href="/x">MOST-READ-IN-WARC</a></li></ul></aside></body></html>"""


def _write_warc(path, records, gzip: bool = True):
    """records: (uri, status, content_type, body bytes) for responses; a request precedes each."""
    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=gzip)
        writer.write_record(writer.create_warc_record("", "warcinfo", payload=io.BytesIO(b"software: test\r\n"),
                                                      warc_content_type="application/warc-fields"))
        for uri, status, content_type, body in records:
            writer.write_record(writer.create_warc_record(
                uri, "request", payload=io.BytesIO(f"GET {uri} HTTP/1.1\r\n\r\n".encode())))
            http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                          http_headers=http))
    return path


CRAWL = [
    ("https://crawl.example/robots.txt", "200 OK", "text/plain", b"User-agent: *\n"),
    ("https://crawl.example/story-1", "200 OK", "text/html; charset=utf-8", _page(1).encode()),
    ("https://crawl.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n\x00\x00"),
    ("https://crawl.example/gone", "404 Not Found", "text/html", _page(9).encode()),
    ("https://crawl.example/moved", "301 Moved Permanently", "text/html", b"<html>moved</html>"),
    ("https://crawl.example/story-2", "200 OK", "text/html; charset=windows-1252",
     _page(2, " at the caf\u00e9 \u201cNordic\u201d").replace('<meta charset="utf-8">', "").encode("cp1252")),
]


@pytest.mark.parametrize("name, gzip", [("crawl.warc.gz", True), ("crawl.warc", False)])
def test_ingest_warc_reads_only_html_2xx_responses(tmp_path, name, gzip):
    path = _write_warc(tmp_path / name, CRAWL, gzip=gzip)
    items = list(read_inputs([str(path)]))
    assert all(isinstance(i, Article) for i in items), items
    first, second = items
    assert first.url == "https://crawl.example/story-1"
    assert first.ref == f"{path}#record-5"  # warcinfo, request+response robots, request, response
    assert first.title == "Crawled story 1" and first.source == "Crawl Times"
    assert first.published == date(2024, 1, 10)
    assert "undersea cables" in first.text
    assert "SCRIPT-IN-WARC" not in first.text and "MOST-READ-IN-WARC" not in first.text
    assert second.url == "https://crawl.example/story-2"
    assert "at the café “Nordic”" in second.text  # charset taken from the HTTP header


def test_ingest_warc_is_sniffed_from_stdin(tmp_path):
    path = _write_warc(tmp_path / "crawl.bin", CRAWL)
    stdin = io.BufferedReader(io.BytesIO(path.read_bytes()))
    items = list(read_inputs(["-"], stdin=stdin))
    assert [a.url for a in items] == ["https://crawl.example/story-1", "https://crawl.example/story-2"]
    assert items[0].ref == "<stdin>#record-5"


@pytest.mark.parametrize("gzip", [True, False], ids=["gz", "plain"])
@pytest.mark.parametrize("cut_bytes", [20, 300, 700, 1500])
def test_ingest_truncated_warc_keeps_earlier_records_and_reports(tmp_path, cut_bytes, gzip):
    whole = _write_warc(tmp_path / "whole.warc", CRAWL, gzip=gzip).read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(whole[: len(whole) - cut_bytes])  # the last record (story 2) loses its end
    items = list(read_inputs([str(cut)]))
    assert isinstance(items[0], Article) and items[0].url == "https://crawl.example/story-1"
    assert len(items) == 2, items
    assert isinstance(items[-1], MalformedInputError), items
    assert items[-1].ref == str(cut) and "truncated or corrupt" in str(items[-1])


@pytest.mark.parametrize("data", [b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: x\r\n\r\n",
                                  b"this is not an archive at all, just words"],
                         ids=["bad_header", "not_warc"])
def test_ingest_malformed_warc_is_reported(tmp_path, data):
    path = tmp_path / "bad.warc"
    path.write_bytes(data)
    [item] = read_inputs([str(path)])
    assert isinstance(item, MalformedInputError) and item.ref == str(path)


def test_ingest_warc_without_html_responses_is_empty(tmp_path):
    path = _write_warc(tmp_path / "none.warc.gz", CRAWL[:1] + CRAWL[2:5])
    [item] = read_inputs([str(path)])
    assert isinstance(item, EmptyInputError)


def test_ingest_warc_record_over_the_limit_is_skipped(tmp_path):
    big = ("https://crawl.example/big", "200 OK", "text/html", _page(3, " and more" * 3000).encode())
    path = _write_warc(tmp_path / "mixed.warc.gz", [big, CRAWL[1]])
    items = list(read_inputs([str(path)], max_bytes=10_000))
    assert isinstance(items[0], TooLargeError) and items[0].ref == f"{path}#record-3"
    assert isinstance(items[1], Article) and items[1].url == "https://crawl.example/story-1"
    assert not any(isinstance(i, InputError) for i in items[1:])


def test_ingest_warc_decodes_chunked_gzip_payloads(tmp_path):
    import gzip as gz

    packed = gz.compress(_page(1).encode())
    chunked = b"".join(b"%x\r\n%s\r\n" % (len(packed[i:i + 300]), packed[i:i + 300])
                       for i in range(0, len(packed), 300)) + b"0\r\n\r\n"
    path = tmp_path / "chunked.warc.gz"
    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=True)
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), ("Content-Encoding", "gzip"),
                                           ("Transfer-Encoding", "chunked")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://crawl.example/chunked", "response",
                                                      payload=io.BytesIO(chunked), http_headers=http))
    [article] = read_inputs([str(path)])
    assert isinstance(article, Article), article
    assert "undersea cables" in article.text and article.url == "https://crawl.example/chunked"
