"""HTML pages: the article's main text without boilerplate, plus title, date, outlet and URL.

trafilatura finds the main text (navigation, "Most Read" lists, comments, link tables,
scripts and styles are left out); htmldate finds the publication date from markup (meta tags,
``<time>``, the URL), and trafilatura's broader metadata search is the fallback. Offsets in
later stages refer to the extracted text. Also used for each HTML response in a WARC file.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from urllib.parse import urlsplit

import htmldate
import trafilatura
from lxml.etree import LxmlError
from trafilatura.utils import load_html

from ..errors import EmptyInputError, MalformedInputError
from ..records import Article
from .article import make_article, parse_date
from .decode import declared_charset, decode_bytes, head_text
from .registry import Reader
from .source import Source

# Less text than this is a scrap of page furniture ("Home", "Page not found"), not an article.
# Counted in non-space characters, so that languages written without spaces are judged alike.
MIN_CHARS = 25

_HTML_START = re.compile(r"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>])", re.IGNORECASE | re.DOTALL)
_HTML_TAG = re.compile(r"<(html|head|body)[\s>]", re.IGNORECASE)
_XML_FEED = re.compile(r"<(rss|feed|rdf:rdf)[\s>]", re.IGNORECASE)


def looks_like_html(head: bytes) -> bool:
    text = head_text(head)
    if _HTML_START.match(text):
        return True
    return text.lstrip().startswith("<") and bool(_HTML_TAG.search(text)) and not _XML_FEED.search(text)


def html_article(data: bytes, ref: str, url: str | None = None, charset: str | None = None) -> Article:
    """One Article from an HTML document's bytes. ``charset`` is a transport-level declaration
    (the HTTP Content-Type of a WARC record); without it the page's own ``<meta>`` is used."""
    text = decode_bytes(data, ref, declared=charset or declared_charset(data))
    try:
        tree = load_html(text)
    except (LxmlError, ValueError) as exc:
        raise MalformedInputError(ref, f"is not parseable HTML: {exc}") from exc
    if tree is None:
        raise MalformedInputError(ref, "is not parseable HTML")
    markup_date = _markup_date(tree, url)
    try:
        doc = trafilatura.bare_extraction(
            tree, url=url, with_metadata=True, include_comments=False, include_tables=False,
            include_links=False, include_images=False, output_format="python",
        )
    except (LxmlError, ValueError) as exc:
        raise MalformedInputError(ref, f"main text could not be extracted: {exc}") from exc
    if doc is None or len("".join((doc.text or "").split())) < MIN_CHARS:
        raise EmptyInputError(ref, "has no article text that could be told apart from page furniture")
    page_url = url or doc.url
    return make_article(
        doc.text, ref=ref, title=doc.title, url=page_url,
        published=markup_date or _safe_date(doc.date, ref),
        source=doc.sitename or doc.hostname or _host(page_url),
        language=_language(tree),
    )


def read_html(source: Source) -> Iterator[Article]:
    yield html_article(source.read_bytes(), source.ref)


def _markup_date(tree, url: str | None) -> date | None:
    try:
        found = htmldate.find_date(tree, extensive_search=False, original_date=True, url=url)
    except (LxmlError, ValueError):  # htmldate gives up on odd markup; the fallback may not
        return None
    return date.fromisoformat(found) if found else None


def _safe_date(value: str | None, ref: str) -> date | None:
    try:
        return parse_date(value, ref)
    except MalformedInputError:
        return None


def _host(url: str | None) -> str | None:
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def _language(tree) -> str | None:
    lang = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    return lang.split("-")[0].lower() if lang else None


HTML_READER = Reader(name="html", read=read_html, extensions=(".html", ".htm", ".xhtml"), sniff=looks_like_html)
