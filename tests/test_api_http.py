"""The HTTP API in-process (httpx.ASGITransport) and on a real uvicorn server on loopback."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest

from analysis_corpus import CAMP_EAST, JUNE

DOCS = Path(__file__).resolve().parents[1] / "docs" / "api.md"


def test_api_status_counts(api, analysis_store):
    r = api.get("/api/status")
    assert r.status_code == 200
    body = r.json()
    assert body["articles"] == 8 and body["events"] > 0 and body["last_ingest"]
    assert body["ingest_enabled"] is False


@pytest.mark.parametrize(
    "path,params,keys",
    [
        ("/api/articles", {}, {"items", "limit", "offset", "next_offset"}),
        ("/api/actors", {"kind": "state"}, {"items"}),
        ("/api/quotes", {"q": "missiles"}, {"items"}),
        ("/api/events", {"pair": "RUS,PRK"}, {"items", "total"}),
        ("/api/search", {"q": "Russia"}, {"actors", "quotes", "articles"}),
        (
            "/api/dyads",
            {"source": "RUS", "target": "PRK", "include_other": "true", "normalize": "1", "evidence": "3"},
            {"forward", "reverse", "total", "other_factualities", "normalized", "events", "events_query"},
        ),
        (
            "/api/network",
            {"start": JUNE[0], "end": JUNE[1], "type": ["AID", "SUPPORT"]},
            {"nodes", "edges", "params"},
        ),
        ("/api/blocs", {}, {"blocs", "membership", "frustration", "modularity"}),
        ("/api/changes", {"start": JUNE[0], "end": JUNE[1]}, {"window", "baseline", "edges"}),
        ("/api/timeline", {"actor": "RUS", "resolution": "month"}, {"periods", "resolution"}),
        (
            "/api/actors/RUS",
            {},
            {"actor", "counts", "timeline", "partners", "adversaries", "quotes_by", "quotes_about"},
        ),
        ("/api/articles/syn-06", {}, {"article", "actors", "quotes", "events"}),
    ],
)
def test_api_routes_answer_documented_shapes(api, path, params, keys):
    r = api.get(path, params=params)
    assert r.status_code == 200, r.text
    assert keys <= set(r.json())


def test_api_events_carry_evidence_article_and_quote(api):
    r = api.get("/api/events", params={"claimed_by": "person:Mara Ellison"})
    (event,) = r.json()["items"]
    (ev,) = event["evidence"]
    assert ev["quote"]["speaker_name"] == "Mara Ellison"
    assert ev["article"]["url"] == "https://example.org/syn-06"
    one = api.get(f"/api/events/{event['id']}").json()
    assert one["id"] == event["id"] and one["evidence"] == event["evidence"]


def test_api_article_offsets_point_into_the_text(api):
    body = api.get("/api/articles/syn-06").json()
    text = body["article"]["text"]
    for a in body["actors"]:
        for m in a["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]
    for e in body["events"]:
        for ev in e["evidence"]:
            assert text[ev["start"] : ev["end"]] == ev["sentence"]


def test_api_actor_page(api):
    body = api.get("/api/actors/RUS").json()
    assert {p["code"] for p in body["partners"]} <= CAMP_EAST
    assert body["adversaries"][0]["net"] < 0
    assert any(q["speaker"] == "Mara Ellison" for q in body["quotes_about"])
    nato = api.get("/api/actors/NATO").json()
    assert [q["speaker"] for q in nato["quotes_by"]] == ["Mara Ellison"]
    person = api.get("/api/actors/person:Mara Ellison").json()
    assert person["actor"]["kind"] == "person"


def test_api_network_bloc_labels(api):
    nodes = {n["id"]: n for n in api.get("/api/network", params={"start": JUNE[0]}).json()["nodes"]}
    assert len({nodes[c]["bloc"] for c in CAMP_EAST}) == 1
    assert nodes["USA"]["bloc"] != nodes["RUS"]["bloc"]


@pytest.mark.parametrize(
    "path,params,param",
    [
        ("/api/dyads", {"source": "RUS", "target": "PRK", "start": "2024-13-45"}, "start"),
        ("/api/dyads", {"source": "RUS", "target": "ZZZ"}, "target"),
        ("/api/dyads", {"source": "RUS' OR '1'='1", "target": "PRK"}, "source"),
        ("/api/dyads", {"source": "RUS", "target": "PRK", "type": "HUG"}, "type"),
        ("/api/events", {"limit": str(10**9)}, "limit"),
        ("/api/events", {"offset": "-1"}, "offset"),
        ("/api/events", {"limit": "ten"}, "limit"),
        ("/api/events", {"actor": "x'); DROP TABLE events; --"}, "actor"),
        ("/api/events", {"pair": "RUS"}, "pair"),
        ("/api/events", {"quad": "9"}, "quad"),
        ("/api/events", {"factuality": "rumour"}, "factuality"),
        ("/api/articles", {"limit": str(10**9)}, "limit"),
        ("/api/articles", {"start": "yesterday"}, "start"),
        ("/api/actors", {"kind": "planet"}, "kind"),
        ("/api/quotes", {"q": '"unbalanced'}, "q"),
        ("/api/quotes", {"limit": "100000"}, "limit"),
        ("/api/network", {"max_nodes": str(10**9)}, "max_nodes"),
        ("/api/network", {"end": "2024-06-01", "start": "2024-07-01"}, "start"),
        ("/api/blocs", {"resolution": "NaN"}, "resolution"),
        ("/api/changes", {}, "start"),
        ("/api/timeline", {"actor": "RUS", "resolution": "fortnight"}, "resolution"),
        ("/api/timeline", {}, "actor"),
        ("/api/search", {}, "q"),
        ("/api/search", {"q": "x" * 1000}, "q"),
    ],
)
def test_api_invalid_parameters_give_400_with_a_message(api, path, params, param):
    r = api.get(path, params=params)
    assert r.status_code == 400, r.text
    err = r.json()["error"]
    assert err["status"] == 400 and err["param"] == param and err["message"]
    assert api.get("/api/status").json()["events"] > 0  # nothing was dropped


@pytest.mark.parametrize("path", ["/api/articles/nope", "/api/actors/ATLANTIS", "/api/events/0000"])
def test_api_unknown_ids_give_404(api, path):
    r = api.get(path)
    assert r.status_code == 404 and r.json()["error"]["message"]


@pytest.mark.parametrize(
    "path", ["/api/status", "/api/nothing-here", "/api/dyads?source=RUS", "/openapi.json"]
)
def test_api_security_headers_on_every_response(api, path):
    r = api.get(path)
    csp = r.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "object-src 'none'" in csp
    assert "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"


def test_api_dashboard_served_when_built(api):
    from newsgraph.api.app import static_dir

    if static_dir() is None:
        pytest.skip("no dashboard build in newsgraph/api/static")
    r = api.get("/")
    assert r.status_code == 200 and "text/html" in r.headers["content-type"]
    assert "<script>" not in r.text  # no inline script: the CSP would block it
    for asset in re.findall(r'(?:src|href)="(/static/[^"]+)"', r.text):
        assert api.get(asset).status_code == 200


def test_api_openapi_and_docs_list_every_route(api):
    spec = api.get("/openapi.json").json()
    documented = DOCS.read_text("utf-8")
    for path, ops in spec["paths"].items():
        for method in ops:
            route = re.sub(r"\{(\w+)(:path)?\}", lambda m: "{" + m.group(1) + "}", path)
            assert f"`{method.upper()} {route}`" in documented, (
                f"{method.upper()} {route} missing from docs/api.md"
            )


def test_api_read_only_methods(api):
    assert api.request("DELETE", "/api/events").status_code == 405
    assert api.post("/api/dyads").status_code == 405


# ------------------------------------------------------------------ the real server on loopback


def test_api_server_answers_over_tcp(server):
    with httpx.Client(base_url=server, timeout=10) as client:
        status = client.get("/api/status")
        assert status.status_code == 200 and status.json()["articles"] == 8
        d = client.get("/api/dyads", params={"source": "PRK", "target": "RUS"}).json()
        assert d["forward"]["mentions"] == 2
        assert status.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize(
    "params",
    [
        {"source": "RUS", "target": "PRK", "start": "not-a-date"},
        {"source": "RUS", "target": "NOPE"},
        {"source": "RUS", "target": "PRK", "limit": str(10**9), "evidence": str(10**9)},
        {"source": "1; SELECT * FROM articles", "target": "PRK"},
    ],
)
def test_api_server_invalid_parameters_never_500(server, params):
    with httpx.Client(base_url=server, timeout=10) as client:
        r = client.get("/api/dyads", params=params)
    assert 400 <= r.status_code < 500
    assert r.json()["error"]["message"]


def test_api_server_network_max_edges_keeps_the_strongest(server):
    with httpx.Client(base_url=server, timeout=10) as client:
        full = client.get("/api/network").json()
        total = len(full["edges"])
        assert full["edges_total"] == total > 3
        strongest = sorted(
            full["edges"], key=lambda e: (-e["weight"], -e["events"], e["source"], e["target"])
        )
        for n in (1, 3, total - 1, total, total + 5):
            r = client.get("/api/network", params={"max_edges": str(n)})
            assert r.status_code == 200, r.text
            top = r.json()
            assert top["edges_total"] == total and len(top["edges"]) == min(n, total)
            # the strongest n, in the answer's usual order (most events first)
            assert top["edges"] == [e for e in full["edges"] if e in strongest[:n]]
            assert top["nodes"] == full["nodes"]  # degree and bloc count every edge
            assert top["params"]["max_edges"] == n
        spec = client.get("/openapi.json").json()
        names = {p["name"] for p in spec["paths"]["/api/network"]["get"]["parameters"]}
        assert "max_edges" in names


@pytest.mark.parametrize("value", ["0", "-3", "ten", "2.5", str(10**9), "1e3"])
def test_api_server_network_bad_max_edges_is_400(server, value):
    with httpx.Client(base_url=server, timeout=10) as client:
        r = client.get("/api/network", params={"max_edges": value})
    assert r.status_code == 400, r.text
    err = r.json()["error"]
    assert err["param"] == "max_edges" and "max_edges" in err["message"]


def test_api_cached_answers_follow_new_data(tmp_path):
    from analysis_corpus import ARTICLES, extraction

    from conftest import ASGIClient
    from newsgraph.api.app import create_app
    from newsgraph.config import Settings
    from newsgraph.store import Store

    with Store.open(tmp_path) as store:
        store.write([extraction(*a) for a in ARTICLES if a[0] != "syn-05"])
    api = ASGIClient(create_app(tmp_path, Settings(store=tmp_path)))
    before = api.get("/api/network", params={"start": JUNE[0]}).json()
    assert api.get("/api/network", params={"start": JUNE[0]}).json() == before
    assert all(e["sign"] > 0 for e in before["edges"])
    with Store.open(tmp_path) as store:  # an ingest commits the quarrels of syn-05
        store.write([extraction(*a) for a in ARTICLES if a[0] == "syn-05"])
    after = api.get("/api/network", params={"start": JUNE[0]}).json()
    assert any(e["sign"] < 0 for e in after["edges"])
