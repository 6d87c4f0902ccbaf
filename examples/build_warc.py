"""Rebuild corpus/crawl/sample-crawl-2024.warc.gz from the pages in warc-pages/.

    .venv/bin/python examples/build_warc.py

The archive looks like a small web crawl: a warcinfo record, then for each page a request and
an HTML response, plus records newsgraph must skip (a robots.txt, a redirect, a 404). One page
is served as Windows-1252 with the charset in the HTTP header, as old sites still do. Record
ids and dates are derived from the content, so rebuilding gives the same bytes.
"""
from __future__ import annotations

import io
import re
import uuid
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).resolve().parent
PAGES = HERE / "warc-pages"
OUTPUT = HERE / "corpus" / "crawl" / "sample-crawl-2024.warc.gz"
CRAWL_DATE = "2024-06-21T03:00:00Z"

# page file → charset it is served in (the file itself is UTF-8)
SERVED_AS = {"atlantic-courier-russia-north-korea-treaty.html": "windows-1252"}

_CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')


def _headers(uri: str, kind: str, extra: dict[str, str] | None = None) -> dict[str, str]:
    record_id = uuid.uuid5(uuid.NAMESPACE_URL, f"{kind}:{uri}")
    return {"WARC-Date": CRAWL_DATE, "WARC-Record-ID": f"<urn:uuid:{record_id}>", **(extra or {})}


def _response(writer: WARCWriter, uri: str, status: str, content_type: str, body: bytes,
              extra_http: list[tuple[str, str]] = ()) -> None:
    writer.write_record(writer.create_warc_record(
        uri, "request", payload=io.BytesIO(f"GET {uri} HTTP/1.1\r\nUser-Agent: sample-crawler\r\n\r\n".encode()),
        warc_headers_dict=_headers(uri, "request"),
    ))
    http = StatusAndHeaders(status, [("Content-Type", content_type), *extra_http], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(
        uri, "response", payload=io.BytesIO(body), http_headers=http, warc_headers_dict=_headers(uri, "response"),
    ))


def build(output: Path = OUTPUT) -> Path:
    output.parent.mkdir(parents=True, exist_ok=True)
    with open(output, "wb") as f:
        writer = WARCWriter(f, gzip=True)
        writer.write_record(writer.create_warc_record(
            "", "warcinfo", payload=io.BytesIO(b"software: newsgraph examples/build_warc.py\r\n"
                                               b"description: synthetic sample crawl for the newsgraph corpus\r\n"),
            warc_content_type="application/warc-fields", warc_headers_dict=_headers(output.name, "warcinfo"),
        ))
        _response(writer, "https://pacific-observer.example/robots.txt", "200 OK", "text/plain",
                  b"User-agent: *\nDisallow: /search\n")
        for page in sorted(PAGES.glob("*.html")):
            html = page.read_text(encoding="utf-8")
            uri = _CANONICAL.search(html).group(1)
            charset = SERVED_AS.get(page.name, "utf-8")
            _response(writer, uri, "200 OK", f"text/html; charset={charset}", html.encode(charset))
        _response(writer, "https://atlantic-courier.example/news/old-story", "301 Moved Permanently", "text/html",
                  b"<html><body>Moved</body></html>",
                  [("Location", "https://atlantic-courier.example/news/russia-north-korea-defence-treaty")])
        _response(writer, "https://pacific-observer.example/world/missing-page", "404 Not Found",
                  "text/html; charset=utf-8", b"<html><body><h1>Page not found</h1></body></html>")
    return output


if __name__ == "__main__":
    print(build())
