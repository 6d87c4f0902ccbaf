"""Non-UTF-8 inputs decode to the right text: BOMs, declared charsets, detection."""
from __future__ import annotations

import pytest

from newsgraph.errors import InputError
from newsgraph.ingest import read_inputs

WESTERN = ("[Synthetic test article written for newsgraph.]\n"
           "The French délégation met the Belgian envoy at the café on Thursday; "
           "the talks were “productive”, said Hélène Marchetti, a fictional spokesperson.\n")
LATIN1 = WESTERN.replace("“", '"').replace("”", '"')
POLISH = ("[Synthetyczny artykuł testowy dla newsgraph.]\n"
          "Minister spraw zagranicznych powiedział, że rozmowy były bardzo trudne, a źródła wskazują, "
          "że Łódź i Gdańsk też są zaniepokojone.\n")
JAPANESE = ("[合成記事：newsgraph のテスト用に作成] 外務省の報道官である田中花子（架空の人物）は、"
            "日本と韓国の会談が生産的だったと述べた。両国は来月、ソウルで再び協議する予定だ。")


def _one(path):
    items = list(read_inputs([str(path)]))
    assert len(items) == 1 and not isinstance(items[0], InputError), items
    return items[0]


@pytest.mark.parametrize("encoding, text", [
    ("cp1252", WESTERN),
    ("latin-1", LATIN1),
    ("utf-8-sig", WESTERN),
    ("utf-16", WESTERN),          # Python writes a BOM for "utf-16"
    ("utf-16-be", None),          # written with an explicit BOM below
    ("utf-32", WESTERN),
    ("cp1250", POLISH),
], ids=["cp1252", "latin1", "utf8_bom", "utf16_le_bom", "utf16_be_bom", "utf32_bom", "cp1250_polish"])
def test_ingest_text_encoding_is_detected(tmp_path, encoding, text):
    path = tmp_path / "story.txt"
    if text is None:
        text = WESTERN
        path.write_bytes(b"\xfe\xff" + text.encode(encoding))
    else:
        path.write_bytes(text.encode(encoding))
    assert _one(path).text == text


def test_ingest_html_meta_charset_shift_jis(tmp_path):
    body = "".join(f"<p>{JAPANESE}</p>" for _ in range(4))
    page = (f'<!DOCTYPE html><html lang="ja"><head><meta charset="Shift_JIS"><title>日韓協議</title></head>'
            f"<body><nav><a href='/'>ホーム</a></nav><article><h1>日韓協議</h1>{body}</article></body></html>")
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("shift_jis"))
    article = _one(path)
    assert JAPANESE in article.text
    assert article.title == "日韓協議"
    assert article.language == "ja"


def test_ingest_html_http_equiv_latin1_is_read_as_windows_1252(tmp_path):
    # Pages labelled ISO-8859-1 routinely carry Windows-1252 curly quotes (0x93/0x94).
    paragraph = WESTERN.replace("\n", " ")
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
            f"<title>Talks</title></head><body><article><p>{paragraph}</p><p>{paragraph}</p></article></body></html>")
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("cp1252"))
    assert "the talks were “productive”" in _one(path).text


def test_ingest_html_utf8_bytes_win_over_a_wrong_declaration(tmp_path):
    paragraph = WESTERN.replace("\n", " ")
    page = ('<html><head><meta charset="iso-8859-1"><title>Talks</title></head>'
            f"<body><article><p>{paragraph}</p><p>{paragraph}</p></article></body></html>")
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("utf-8"))
    assert "délégation" in _one(path).text


def test_ingest_jsonl_with_utf8_bom_is_accepted(tmp_path):
    path = tmp_path / "lines.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + b'{"text": "[Synthetic test article.] Norway and Sweden held talks."}\n')
    assert _one(path).text == "[Synthetic test article.] Norway and Sweden held talks."
