"""The dashboard end to end: headless Chromium against `newsgraph serve` over the sample corpus.

The session ingests examples/ with `newsgraph ingest` into a temporary store and serves it on a
loopback port. Every test checks what the page shows against what the API answers for the same
question, and that the page neither broke its Content-Security-Policy nor logged an error.
Screenshots of each view go to docs/screenshots/ (linked from docs/dashboard.md).
"""
from __future__ import annotations

import re
import urllib.parse

import pytest

from dashboard_harness import (EXAMPLES, Watched, browser, click_edge, get_json, ingest, map_elements,
                               require_chromium, serve)

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="session")
def examples_store(tmp_path_factory):
    require_chromium()
    store = tmp_path_factory.mktemp("dashboard") / "store"
    ingest(store, EXAMPLES)
    return store


@pytest.fixture(scope="session")
def server(examples_store):
    with serve(examples_store) as base:
        yield base


@pytest.fixture(scope="module")  # one Playwright at a time: each module starts and stops its own
def chromium():
    with browser() as b:
        yield b


@pytest.fixture
def web(chromium, server):
    w = Watched(chromium, server)
    yield w
    w.close()


# The map leaves out places acting on their own (mostly datelines) unless asked: its default kinds.
MAP_KINDS = "state,organisation,group,person"


def api(base: str, path: str, **params):
    query = urllib.parse.urlencode({k: v for k, v in params.items() if v is not None})
    return get_json(f"{base}/api/{path}" + (f"?{query}" if query else ""))


def edge_set(network: dict, uncertain: bool = False) -> set:
    return {(e["source"], e["target"], uncertain) for e in network["edges"]}


def shown_edges(els: dict) -> set:
    return {tuple(e) for e in els["edges"]}


def test_dashboard_map_renders_network(web, server):
    page = web.goto("#/map")
    web.wait_map()
    expected = api(server, "network", kind=MAP_KINDS, factuality="asserted")
    els = map_elements(page)
    assert els["nodes"] == sorted(n["id"] for n in expected["nodes"])
    assert shown_edges(els) == edge_set(expected)
    # the sample corpus is about Russia's suppliers and the West's answer
    assert {"RUS", "UKR"} <= set(els["nodes"])
    assert len(els["edges"]) >= 5
    # labels carry name and code; the keyboard list offers the strongest relations
    label = page.evaluate("window.newsgraphDashboard.cy().getElementById('RUS').data('display')")
    assert label == "Russia\nRUS"
    assert page.locator(".relation-list .relation").count() == min(12, len(expected["edges"]))
    assert page.locator(".map-summary").inner_text().startswith(f"{len(expected['nodes'])} actors")
    web.screenshot("map.png")
    web.assert_clean()


def test_dashboard_map_filters_change_network(web, server):
    page = web.goto("#/map")
    web.wait_map()
    before = shown_edges(map_elements(page))

    # only cooperation: uncheck both conflict categories
    page.locator("input[name=quad][value='3']").uncheck()
    web.wait_map()
    page.locator("input[name=quad][value='4']").uncheck()
    page.wait_for_function("() => location.hash.includes('quad=1%2C2') || location.hash.includes('quad=1,2')")
    web.wait_map()
    coop = api(server, "network", kind=MAP_KINDS, factuality="asserted", quad="1,2")
    after = map_elements(page)
    assert shown_edges(after) == edge_set(coop)
    assert shown_edges(after) != before
    assert all(e["sign"] >= 0 for e in coop["edges"])

    # the filters are in the URL: a reload shows the same map
    page.reload()
    web.wait_map()
    assert shown_edges(map_elements(page)) == edge_set(coop)

    # claimed, intended and feared events are drawn dashed when switched on
    for value in ("alleged", "future", "hypothetical"):
        page.locator(f"input[name=also][value='{value}']").check()
        web.wait_map()
    other = api(server, "network", kind=MAP_KINDS, factuality="alleged,future,hypothetical", quad="1,2")
    assert other["edges"], "the sample corpus has claimed or intended cooperation"
    shown = shown_edges(map_elements(page))
    assert {e for e in shown if e[2]} == edge_set(other, uncertain=True)
    assert page.evaluate("window.newsgraphDashboard.cy().edges('.uncertain').style('line-style')") == "dashed"
    web.screenshot("map-filtered.png")

    # minimum evidence drops the thin edges
    web.goto("#/map")
    web.wait_map()
    page.fill("#f-min", "2")
    page.press("#f-min", "Enter")
    page.wait_for_function("() => location.hash.includes('min_events=2')")
    web.wait_map()
    strong = api(server, "network", kind=MAP_KINDS, factuality="asserted", min_events=2)
    assert shown_edges(map_elements(page)) == edge_set(strong)
    assert len(strong["edges"]) < len(before)

    # places acting on their own are left out unless asked for
    page.locator("input[name=kind][value=location]").check()
    page.wait_for_function("() => location.hash.includes('kind=')")
    web.wait_map()
    every_kind = api(server, "network", kind=MAP_KINDS + ",location", factuality="asserted", min_events=2)
    assert map_elements(page)["nodes"] == sorted(n["id"] for n in every_kind["nodes"])
    web.assert_clean()


def _edge_with_quote(server) -> tuple[dict, dict]:
    """An edge of the default map one of whose events was claimed in a quote, and that event."""
    network = api(server, "network", kind=MAP_KINDS, factuality="asserted")
    for edge in sorted(network["edges"], key=lambda e: -e["weight"]):
        events = api(server, "events", **{**edge["events_query"], "limit": 25})
        for ev in events["items"]:
            if any(x.get("quote") for x in ev["evidence"]):
                return edge, events
    pytest.fail("no edge of the sample corpus carries an event claimed in a quote")


def test_dashboard_edge_click_shows_evidence(web, server):
    edge, events = _edge_with_quote(server)
    page = web.goto("#/map")
    web.wait_map()
    click_edge(page, edge["source"], edge["target"])
    page.wait_for_selector("#detail .event")
    detail = page.locator("#detail")
    names = {n["id"]: n["label"] for n in api(server, "network", kind=MAP_KINDS)["nodes"]}
    assert names[edge["source"]] in detail.locator("h2").inner_text()
    # one item per event, newest first, each with its sentence, outlet and reader link
    items = detail.locator("li.event")
    assert items.count() == len(events["items"])
    first = events["items"][0]
    assert items.first.locator(".sentence").first.inner_text() == first["evidence"][0]["sentence"]
    assert items.first.locator(".outlet").first.inner_text() == (first["evidence"][0]["article"]["source"] or "unknown outlet")
    assert detail.locator(".sentence .m-actor").count() >= 1
    # the quote the claimed event came from, with its speaker
    quoted = [x["quote"] for ev in events["items"] for x in ev["evidence"] if x.get("quote")]
    assert detail.locator(".quote-from").count() >= len(quoted)
    shown_quotes = " ".join(detail.locator(".quote-from").all_inner_texts())
    assert quoted[0]["speaker_name"] in shown_quotes
    assert quoted[0]["text"][:40] in shown_quotes
    page.evaluate("window.newsgraphDashboard.cy().fit(undefined, 30)")
    web.screenshot("evidence.png")

    # the reader link opens the stored article with the sentence marked
    sentence = first["evidence"][0]["sentence"]
    items.first.locator("a.reader-link").first.click()
    page.wait_for_selector("#article-text")
    marked = "".join(page.locator("#article-text .m-hl").all_inner_texts())
    assert marked == sentence
    web.assert_clean()


def test_dashboard_keyboard_opens_and_closes_evidence(web, server):
    page = web.goto("#/map")
    web.wait_map()
    page.focus(".relation-list .relation")
    page.keyboard.press("Enter")
    page.wait_for_selector("#detail .event")
    page.keyboard.press("Escape")
    page.wait_for_selector("#detail", state="hidden")
    # find an actor by name: Enter picks it, the map spotlights it and shows its panel
    page.fill("#actor-search", "Russia")
    page.press("#actor-search", "Enter")
    page.wait_for_selector("#detail h2")
    assert page.locator("#detail h2").inner_text().startswith("Russia")
    assert page.evaluate("window.newsgraphDashboard.cy().getElementById('RUS').hasClass('match')")
    assert "focus=RUS" in page.evaluate("location.hash")
    web.assert_clean()


def test_dashboard_actor_page(web, server):
    expected = api(server, "actors/RUS")
    page = web.goto("#/actor/RUS")
    page.wait_for_selector(".actor-page")
    assert page.locator("h1").inner_text().startswith(expected["actor"]["name"])
    periods = expected["timeline"]["periods"]
    assert periods, "Russia has dated events in the sample corpus"
    assert page.locator("svg.chart g.bar").count() == len(periods)
    # partners and adversaries as the API ranks them
    partner_rows = page.locator(".relations.coop tbody tr")
    assert partner_rows.count() == len(expected["partners"])
    if expected["partners"]:
        assert expected["partners"][0]["name"] in partner_rows.first.inner_text()
    assert page.locator(".relations.conflict tbody tr").count() == len(expected["adversaries"])
    assert expected["adversaries"] or expected["partners"]
    # what it said and what others said about it
    cards = page.locator(".actor-page ol.quotes")
    said = len(expected["quotes_by"]) + len(expected["quotes_about"])
    assert page.locator(".actor-page .quote-card").count() == said
    assert said == 0 or cards.count() >= 1
    web.screenshot("actor.png")

    # a bar of the timeline lists that period's events
    busiest = max(periods, key=lambda p: p["events"])
    index = periods.index(busiest)
    page.locator("svg.chart g.bar").nth(index).click()
    page.wait_for_function("(d) => document.querySelector('#actor-events-title').textContent.startsWith('Events ' + d)",
                           arg=busiest["start"] or busiest["period"])
    page.wait_for_selector("#actor-events li.event")
    in_period = api(server, "events", **{**busiest["events_query"], "limit": 50})
    assert page.locator("#actor-events li.event").count() == len(in_period["items"])
    for date in page.locator("#actor-events li.event time").all_inner_texts():
        assert busiest["start"] <= date <= busiest["end"]
    web.assert_clean()


def speaker_name(q: dict) -> str:
    return q.get("speaker_name") or q.get("speaker") or q["speaker_text"]


def _distinctive_word(text: str) -> str:
    words = re.findall(r"[A-Za-z]{6,}", text)
    assert words, text
    return max(words, key=len)


def test_dashboard_quote_search(web, server):
    quotes = api(server, "quotes", limit=50)["items"]
    assert quotes, "the sample corpus has quotes"
    target = next(q for q in quotes if q.get("speaker_key"))
    word = _distinctive_word(target["text"])
    page = web.goto("#/quotes")
    page.wait_for_selector(".quote-card")
    # full text
    page.fill("#q-text", word)
    page.press("#q-text", "Enter")
    page.wait_for_function("(w) => location.hash.includes('q=' + w)", arg=word)
    page.wait_for_selector(".quote-card")
    expected = api(server, "quotes", q=word, limit=25)["items"]
    cards = page.locator(".quote-card blockquote")
    page.wait_for_function("(n) => document.querySelectorAll('.quote-card').length === n", arg=len(expected))
    assert target["text"] in cards.all_inner_texts()
    web.screenshot("quotes.png")

    # by speaker (typed by name)
    page.fill("#q-text", "")
    page.fill("#q-speaker", speaker_name(target))
    page.press("#q-speaker", "Enter")
    page.wait_for_function("() => document.querySelector('#quote-count') && document.querySelector('#quote-count').textContent.includes('by ')")
    by_speaker = api(server, "quotes", speaker=target["speaker_key"], limit=25)["items"]
    speakers = set(page.locator(".quote-card .speaker").all_inner_texts())
    assert len(by_speaker) == page.locator(".quote-card").count()
    assert speakers == {speaker_name(q) for q in by_speaker}

    # by date: a window before the corpus finds nothing and says so
    page.fill("#q-speaker", "")
    page.fill("#q-start", "1990-01-01")
    page.fill("#q-end", "1990-12-31")
    page.press("#q-text", "Enter")
    page.wait_for_selector(".results .empty")
    assert "No quotes match" in page.locator(".results").inner_text()

    # each result links to its article, with the quote marked
    web.goto(f"#/quotes?q={word}")
    page.wait_for_selector(".quote-card a.reader-link")
    card = page.locator(".quote-card", has_text=target["text"]).first
    card.locator("a.reader-link").click()
    page.wait_for_selector("#article-text .m-quote")
    assert "".join(page.locator("#article-text .m-hl").all_inner_texts()) == target["text"]
    web.assert_clean()


def test_dashboard_articles_and_reader(web, server):
    listing = api(server, "articles", limit=50)["items"]
    page = web.goto("#/articles")
    page.wait_for_selector("table.articles tbody tr")
    assert page.locator("table.articles tbody tr").count() == len(listing)
    web.screenshot("articles.png")
    busiest = max(listing, key=lambda a: a.get("events", a.get("n_events", 0)))
    page.locator(f"table.articles a.reader-link[href='#/article/{busiest['id']}']").click()
    page.wait_for_selector("#article-text")
    detail = api(server, f"articles/{busiest['id']}")
    art = detail["article"]
    shown_title = art["title"] or (re.split(r"[\\/]", art["ref"])[-1] if art.get("ref") else "(untitled)")
    assert page.locator(".reader h1").inner_text() == shown_title
    # the text is the stored text, exactly, with the marks as elements around parts of it
    assert page.locator("#article-text").inner_text() == detail["article"]["text"]
    mentions = {(m["start"], m["end"]) for a in detail["actors"] for m in a["mentions"]}
    assert page.locator("#article-text .m-actor").count() >= len(mentions) > 0
    first = min(mentions)
    first_text = detail["article"]["text"][first[0]:first[1]]
    assert first_text in page.locator("#article-text .m-actor").all_inner_texts()
    assert page.locator("#article-text .m-event").count() >= len(detail["events"]) > 0
    assert page.locator("#article-text .m-quote").count() >= len(detail["quotes"])
    web.screenshot("reader.png")
    # jumping to an event from the side list marks its evidence
    page.locator(".reader-side ol.plain .link-button").last.click()
    page.wait_for_selector("#article-text .flash")
    web.assert_clean()


def test_dashboard_progress_shows_and_escape_cancels(web, server):
    held = []
    web.page.route("**/api/network*", lambda route: held.append(route))
    page = web.goto("#/map")
    page.wait_for_selector("#progress:not([hidden])")
    assert "Loading network" in page.locator("#progress").inner_text()
    page.keyboard.press("Escape")
    page.wait_for_selector("#progress", state="hidden")
    web.page.unroute("**/api/network*")
    for route in held:
        try:
            route.continue_()
        except Exception:  # noqa: BLE001 - the page aborted it already: that is the point
            pass
    # Apply runs the query again, now answered
    page.click("#map-filters button[type=submit]")
    web.wait_map()
    assert int(page.evaluate("document.body.dataset.mapNodes")) > 0
    assert web.csp_violations() == []


def test_dashboard_live_update_from_empty_store(chromium, tmp_path):
    store = tmp_path / "live"
    with serve(store) as base:
        w = Watched(chromium, base)
        page = w.goto("#/map")
        w.wait_map()
        empty = page.locator(".map-overlay").inner_text()
        assert "No events yet" in empty and "newsgraph ingest examples/corpus" in empty
        assert page.locator("#status").inner_text().startswith("0 articles")
        w.screenshot("empty.png")
        # an ingest while the page is open: the page notices by itself
        ingest(store, EXAMPLES / "text")
        page.wait_for_function("() => Number(document.body.dataset.refreshes || 0) >= 1", timeout=30_000)
        page.wait_for_function("() => Number(document.body.dataset.mapNodes || 0) > 0", timeout=30_000)
        assert page.locator(".map-overlay").is_hidden()
        status = get_json(base + "/api/status")
        assert page.locator("#status").inner_text().startswith(f"{status['articles']} articles")
        w.assert_clean()
        w.close()
