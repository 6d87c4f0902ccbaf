"""POST /api/ingest: refused without the configured token, the real pipeline and store write with it."""

from __future__ import annotations

import pytest

from conftest import ASGIClient
from newsgraph.api.app import create_app
from newsgraph.config import Settings

TOKEN = "test-token-1f2e3d"
ARTICLES = [
    {
        "text": "Synthetic article written for newsgraph tests. "
        "North Korea supplied artillery shells to Russia "
        "on Monday, Foreign Minister Dara Quill of Japan said. NATO condemned Russia.",
        "title": "Synthetic shells story",
        "url": "https://example.org/synthetic-1",
        "published": "2024-06-18",
        "source": "Synthetic Wire",
    },
    {
        "text": "Synthetic article written for newsgraph tests. The United States imposed sanctions on Iran "
        "on Tuesday.",
        "published": "2024-06-19",
    },
]


@pytest.fixture()
def open_api(tmp_path):
    return ASGIClient(create_app(tmp_path / "store", Settings(store=tmp_path / "store")))


@pytest.fixture()
def token_api(tmp_path):
    settings = Settings(store=tmp_path / "store", ingest_token=TOKEN)
    return ASGIClient(create_app(settings.store, settings))


def test_api_ingest_disabled_without_configured_token(open_api):
    r = open_api.post("/api/ingest", json=ARTICLES, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 403 and "disabled" in r.json()["error"]["message"]
    assert open_api.get("/api/status").json()["articles"] == 0


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}, {"Authorization": f"Basic {TOKEN}"}],
)
def test_api_ingest_refuses_missing_or_wrong_token(token_api, headers):
    r = token_api.post("/api/ingest", json=ARTICLES, headers=headers)
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
    assert token_api.get("/api/status").json()["articles"] == 0


@pytest.mark.parametrize("body", [{"text": "not a list"}, [{"title": "no text"}], [{"text": ""}], "junk"])
def test_api_ingest_rejects_malformed_body(token_api, body):
    r = token_api.post("/api/ingest", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 422 and r.json()["error"]["message"]


def test_api_ingest_runs_the_pipeline_and_writes_the_store(token_api):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    r = token_api.post("/api/ingest", json=ARTICLES, headers=auth)
    assert r.status_code == 200, r.text
    report = r.json()
    assert report["written"] == 2 and report["events"] >= 1 and report["failed"] == 0
    status = token_api.get("/api/status").json()
    assert status["articles"] == 2 and status["events"] >= 1 and status["ingest_enabled"] is True
    titles = {a["title"] for a in token_api.get("/api/articles").json()["items"]}
    assert "Synthetic shells story" in titles
    events = token_api.get("/api/events", params={"actor": "RUS"}).json()["items"]
    assert events and all(ev["evidence"] for ev in events)
    again = token_api.post("/api/ingest", json=ARTICLES, headers=auth).json()
    assert again["written"] == 0 and again["already_stored"] == 2


def test_api_ingest_reports_a_bad_date_without_failing_the_batch(token_api):
    r = token_api.post(
        "/api/ingest",
        json=[{"text": "Synthetic article. Iran met Iraq.", "published": "June"}, ARTICLES[1]],
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert r.status_code == 200
    body = r.json()
    assert body["failed"] == 1 and body["written"] == 1
    assert "June" in body["failures"][0] and "/tmp" not in body["failures"][0]
