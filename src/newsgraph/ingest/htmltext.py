"""A safe HTML-fragment-to-text conversion for feed entries.

Feed entry bodies are short fragments; trafilatura's boilerplate model wants whole pages and
drops short ones. Here every text node counts except scripts, styles and embedded objects,
and block elements become line breaks.
"""
from __future__ import annotations

import re

import lxml.etree
import lxml.html

_DROP = {"script", "style", "noscript", "iframe", "object", "embed", "template", "svg", "math", "head"}
_BLOCK = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
    "section", "article", "header", "footer", "table", "tr", "dl", "dt", "dd", "figure", "figcaption", "hr",
}
_SPACES = re.compile(r"[ \t\f\v\u00a0]+")


def html_to_text(html: str) -> str:
    """Visible text of an HTML fragment, one line per block element."""
    if "<" not in html:
        return _tidy(html)
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return _tidy(html)
    parts: list[str] = []
    _collect(root, parts)
    return _tidy("".join(parts))


def _collect(element, parts: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    tag = tag.rsplit("}", 1)[-1].lower()
    if tag in _DROP or not isinstance(element.tag, str):
        if element.tail:
            parts.append(element.tail)
        return
    block = tag in _BLOCK
    if block:
        parts.append("\n")
    if element.text:
        parts.append(element.text)
    for child in element:
        _collect(child, parts)
    if block:
        parts.append("\n")
    if element.tail:
        parts.append(element.tail)


def _tidy(text: str) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in text.replace("\r", "\n").split("\n"))
    return "\n".join(line for line in lines if line)
