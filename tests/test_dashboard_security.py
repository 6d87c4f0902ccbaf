"""The dashboard shows hostile article data as text and never runs it.

Articles written for this test carry script payloads in the title, text, URL, outlet and quoted
speaker. Each payload, if it ever ran, would set window.__pwned, change document.title or open a
dialog. The test ingests them with `newsgraph ingest`, serves the store, opens every view in
headless Chromium and asserts that nothing ran, that the page never tripped its
Content-Security-Policy (which an injected inline script or handler would), that no element
from the data exists (no <img>, no extra <script>), that every link is http(s) or in-app, and
that the payloads are displayed literally.
"""
from __future__ import annotations

import json
import urllib.parse

import pytest

from dashboard_harness import Watched, browser, get_json, ingest, require_chromium, serve

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SET = "window.__pwned='{0}';document.title='PWNED'"
TITLE = f"Drone strikes <script>{SET.format('title-script')}</script><img src=x onerror=\"{SET.format('title-img')}\">"
SOURCE = f"Hostile Wire <img src=x onerror=\"{SET.format('source')}\">"
SPEAKER = f"Olena <script>{SET.format('speaker')}</script> Marchenko"
TEXT = (
    "[Synthetic article written for newsgraph's dashboard security test; all people are fictional.]\n"
    f"Russia attacked Ukraine with drones on Tuesday <script>{SET.format('text-script')}</script>, "
    "Ukrainian officials said.\n\n"
    f"\"Russia is shipping weapons to Belarus <img src=x onerror=\"{SET.format('quote-img')}\">,\" said "
    f"Foreign Minister {SPEAKER} of Ukraine.\n\n"
    f"The United States will sanction Russia <a href=\"javascript:{SET.format('anchor')}\">now</a>, "
    "officials in Washington said."
)
ARTICLES = [
    {"title": TITLE, "url": f"javascript:{SET.format('url')}", "source": SOURCE, "published": "2024-05-07",
     "text": TEXT},
    {"title": "Second <svg onload=\"" + SET.format("svg") + "\">", "published": "2024-05-08",
     "url": "data:text/html,<script>" + SET.format("data-url") + "</script>", "source": "Plain Wire",
     "text": "[Synthetic article written for newsgraph's dashboard security test.]\n"
             "China and Russia agreed on Wednesday to expand military cooperation "
             f"<iframe src=\"javascript:{SET.format('iframe')}\"></iframe>, the two governments said."},
    {"title": "Third", "published": "2024-05-09", "source": "Plain Wire",
     "url": f"https://news.example/story?x=\"><script>{SET.format('https-url')}</script>",
     "text": "[Synthetic article written for newsgraph's dashboard security test.]\n"
             "Germany sent air defence systems to Ukraine on Thursday, the German government said. "
             f"{{{{constructor.constructor('{SET.format('template')}')()}}}}"},
]

NOTHING_RAN = """() => ({
  pwned: window.__pwned === undefined ? null : String(window.__pwned),
  title: document.title,
  csp: window.__cspViolations,
  images: document.querySelectorAll('img, iframe, svg image, object, embed').length,
  scripts: [...document.querySelectorAll('script')].map((s) => s.getAttribute('src')),
  badLinks: [...document.querySelectorAll('a[href]')]
    .map((a) => a.href)
    .filter((h) => !(h.startsWith('http://') || h.startsWith('https://'))),
  handlers: [...document.querySelectorAll('*')].flatMap((el) =>
    [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => el.tagName + ' ' + a.name)),
})"""


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    require_chromium()
    root = tmp_path_factory.mktemp("hostile")
    corpus = root / "hostile.jsonl"
    corpus.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    store = root / "store"
    ingest(store, corpus)
    with serve(store) as base:
        yield base


@pytest.fixture(scope="module")  # one Playwright at a time: each module starts and stops its own
def chromium():
    with browser() as b:
        yield b


def assert_nothing_ran(w: Watched, where: str) -> None:
    state = w.page.evaluate(NOTHING_RAN)
    assert state["pwned"] is None, f"{where}: a payload ran ({state['pwned']})"
    assert state["title"] != "PWNED", where  # a literal title may contain the payload's text
    assert state["csp"] == [], f"{where}: CSP violations {state['csp']}"
    assert state["images"] == 0, f"{where}: an element from the data was created"
    assert state["scripts"] == ["/static/app.js"], f"{where}: scripts {state['scripts']}"
    assert state["badLinks"] == [], f"{where}: links that are not http(s): {state['badLinks']}"
    assert state["handlers"] == [], f"{where}: inline event handlers {state['handlers']}"
    assert w.dialogs == [], f"{where}: dialogs {w.dialogs}"
    assert [e for e in w.errors if "pageerror" in e] == [], where


def test_dashboard_security_hostile_data_is_text(chromium, hostile_server):
    base = hostile_server
    w = Watched(chromium, base)
    page = w.page
    articles = get_json(f"{base}/api/articles?limit=50")["items"]
    assert len(articles) == len(ARTICLES)

    # the articles list shows the hostile titles literally
    w.goto("#/articles")
    page.wait_for_selector("table.articles tbody tr")
    assert TITLE in page.locator("table.articles").inner_text()
    assert_nothing_ran(w, "articles list")

    # each reader view: title and text literally, the javascript: URL as plain text
    for art in articles:
        page.goto(f"{base}/#/article/{art['id']}")
        page.wait_for_selector("#article-text")
        stored = get_json(f"{base}/api/articles/{art['id']}")
        assert page.locator(".reader h1").inner_text() == stored["article"]["title"]
        assert page.locator("#article-text").inner_text() == stored["article"]["text"]
        assert_nothing_ran(w, f"reader {art['title']!r}")
        if stored["article"]["title"] == TITLE:
            assert page.locator(".reader .unsafe-url").inner_text().startswith("javascript:")
            assert SOURCE in page.locator(".reader header").inner_text()
            assert "<script>" in page.locator("#article-text").inner_text()
    w.screenshot("security-reader.png")

    # the map and every relation's evidence
    w.goto("#/map?also=alleged,future,hypothetical,demanded,negated")
    w.wait_map()
    relations = page.locator(".relation-list .relation")
    assert relations.count() >= 1, "the hostile articles produce events"
    shown_sentences = []
    for i in range(relations.count()):
        relations.nth(i).click()
        page.wait_for_selector("#detail .event, #detail .empty")
        shown_sentences += page.locator("#detail .sentence").all_inner_texts()
        assert_nothing_ran(w, f"evidence {i}")
    assert any("<script>" in s or "<img" in s or "<iframe" in s for s in shown_sentences), \
        "an evidence sentence with a payload is shown literally"

    # quotes: the list, a search for the payload itself, the speaker's actor page
    w.goto("#/quotes")
    page.wait_for_selector(".quote-card, .results .empty")
    quotes = get_json(f"{base}/api/quotes?limit=50")["items"]
    assert quotes, "the hostile article's quote is found"
    assert any("<img src=x" in q["text"] for q in quotes)
    assert any("<img src=x" in t for t in page.locator(".quote-card blockquote").all_inner_texts())
    assert_nothing_ran(w, "quotes")
    page.fill("#q-text", "<script>window.__pwned</script> \" OR 1=1 --")
    page.press("#q-text", "Enter")
    page.wait_for_selector(".quote-card, .results .empty, .results .error")
    assert_nothing_ran(w, "quote search with a payload")

    for actor in get_json(f"{base}/api/actors?limit=50")["items"]:
        page.goto(f"{base}/#/actor/{urllib.parse.quote(actor['key'], safe='')}")
        page.wait_for_selector(".actor-page, .page .empty")
        assert_nothing_ran(w, f"actor page {actor['key']!r}")
    w.close()
