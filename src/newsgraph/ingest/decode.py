"""Bytes → text: BOMs, a declared charset, UTF-8, then detection; binary junk is refused.

Order of trust: a byte-order mark, then valid UTF-8 (multi-byte UTF-8 is practically never an
accident), then the charset the document or the HTTP header declares, then charset-normalizer's
guess. Binary files (NUL bytes, control characters, no plausible encoding) raise
BinaryInputError rather than becoming articles full of mojibake.
"""
from __future__ import annotations

import codecs
import re

import charset_normalizer

from ..errors import BinaryInputError, EmptyInputError

_BOMS = (  # UTF-32 before UTF-16: the UTF-32-LE BOM starts with the UTF-16-LE one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Browsers (WHATWG Encoding) decode these labels with the superset codec; so do we, because
# pages labelled latin-1 routinely contain Windows-1252 curly quotes.
_SUPERSETS = {
    "latin_1": "cp1252", "iso8859_1": "cp1252", "ascii": "cp1252",
    "shift_jis": "cp932", "euc_kr": "cp949", "gb2312": "gb18030", "gbk": "gb18030",
}

_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_\-.]+)""", re.IGNORECASE)
_CONTENT_TYPE_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)

# Controls other than tab, newline, vertical tab, form feed and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_MAX_CONTROL_RATIO = 0.001
_PREFERRED = "cp1252"
_TIE = 0.1


def bom_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def codec_name(label: str | None) -> str | None:
    """A Python codec for a charset label (``ISO-8859-1`` → ``cp1252``), None if unknown."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    key = name.replace("-", "_")
    return _SUPERSETS.get(key, name)


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML ``<meta>`` or an XML declaration in the first 4 KB announces."""
    head = data[:4096]
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii") if match else None


def charset_from_content_type(value: str | None) -> str | None:
    match = _CONTENT_TYPE_CHARSET.search(value or "")
    return match.group(1) if match else None


def head_text(data: bytes) -> str:
    """Best-effort text of a file's first bytes, for sniffing the format only."""
    encoding = bom_encoding(data) or "utf-8"
    return data.decode(encoding, errors="replace").lstrip("\ufeff")


def decode_bytes(data: bytes, ref: str, declared: str | None = None) -> str:
    """Decode a whole document, raising EmptyInputError or BinaryInputError naming ``ref``."""
    if not data.strip():
        raise EmptyInputError(ref, "is empty (no bytes or whitespace only)")
    bom = bom_encoding(data)
    if bom:
        try:
            text = data.decode(bom)
        except UnicodeDecodeError as exc:
            raise BinaryInputError(ref, f"starts with a {bom} byte-order mark but is not valid {bom}") from exc
        return _checked(text.lstrip("\ufeff"), ref)
    if b"\x00" in data:
        raise BinaryInputError(ref, "contains NUL bytes: binary data, not text")
    for encoding in ("utf-8", codec_name(declared)):
        if encoding:
            try:
                return _checked(data.decode(encoding), ref)
            except UnicodeDecodeError:
                continue
    best = _detect(data)
    if best is None:
        raise BinaryInputError(ref, "cannot be decoded as text in any plausible encoding")
    return _checked(str(best), ref)


def _detect(data: bytes):
    """charset-normalizer's best guess, except that Windows-1252 wins a near tie: on a short
    Western text several Latin code pages look equally plausible, and for English-language news
    Windows-1252 is by far the likeliest."""
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        return None
    for match in matches:
        if match.encoding == _PREFERRED and match.chaos <= best.chaos + _TIE and match.coherence >= best.coherence - _TIE:
            return match
    return best


def _checked(text: str, ref: str) -> str:
    if not text.strip():
        raise EmptyInputError(ref, "is empty (whitespace only)")
    controls = len(_CONTROL.findall(text))
    if controls > max(2, _MAX_CONTROL_RATIO * len(text)):
        raise BinaryInputError(ref, f"contains {controls} control characters: binary data, not text")
    return text
