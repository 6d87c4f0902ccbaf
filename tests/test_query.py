"""The listing query layer over a real store built from hand-written extractions."""
from __future__ import annotations

import pytest
from store_samples import TEXT_B, extraction_a, extraction_c

from newsgraph import query
from newsgraph.errors import QueryError
from newsgraph.store import Store


@pytest.fixture
def conn(tmp_path):
    with Store.open(tmp_path / "store") as store:
        store.write([extraction_a("art-a"), extraction_a("art-b", text=TEXT_B, duplicate_of="art-a")])
        store.write([extraction_c("art-c")])
        c = store.connect()
        yield c
        c.close()


def test_query_articles_newest_first_with_counts(conn):
    rows = query.list_articles(conn).rows
    assert [r["id"] for r in rows] == ["art-c", "art-a", "art-b"]
    assert rows[0]["quotes"] == 1 and rows[0]["events"] == 2
    assert [r["id"] for r in query.list_articles(conn, duplicates=False).rows] == ["art-c", "art-a"]
    assert [r["id"] for r in query.list_articles(conn, actor="Lantern Brigade").rows] == ["art-a", "art-b"]
    assert [r["id"] for r in query.list_articles(conn, since="2024-04-01").rows] == ["art-c"]


def test_query_paging(conn):
    first = query.list_articles(conn, limit=2)
    assert len(first.rows) == 2 and first.next_offset == 2
    rest = query.list_articles(conn, limit="2", offset="2")
    assert [r["id"] for r in rest.rows] == ["art-b"] and rest.next_offset is None


def test_query_actors_by_reach_and_filters(conn):
    rows = query.list_actors(conn).rows
    assert rows[0]["key"] == "UKR" and rows[0]["articles"] == 3
    assert [r["key"] for r in query.list_actors(conn, kind="person").rows] == ["person:Mara Velkova",
                                                                               "person:Ivo Brand"]
    velkova = query.list_actors(conn, name="velk").rows
    assert [(r["key"], r["quotes"], r["role"]) for r in velkova] == [("person:Mara Velkova", 2, "Foreign Minister")]
    assert {r["key"] for r in query.list_actors(conn, code="deu").rows} == {"DEU", "person:Ivo Brand"}
    assert {r["key"] for r in query.list_actors(conn, since="2024-04-01").rows} == {
        "DEU", "FRA", "UKR", "person:Ivo Brand"}


def test_query_quotes_filters_and_full_text(conn):
    assert len(query.list_quotes(conn).rows) == 3
    by_speaker = query.list_quotes(conn, speaker="Brand").rows
    assert [r["speaker"] for r in by_speaker] == ["Ivo Brand"] and by_speaker[0]["direct"] is True
    assert {r["article_id"] for r in query.list_quotes(conn, code="UKR").rows} == {"art-a", "art-b"}
    assert [r["id"] for r in query.list_quotes(conn, text="air defence").rows] == ["art-c:q1"]
    assert [r["id"] for r in query.list_quotes(conn, text="artiller*", article="art-a").rows] == ["art-a:q1"]
    # Punctuation that is FTS syntax in plain words does not break a search.
    assert query.list_quotes(conn, text="Korea's shells.").rows == []
    assert query.list_quotes(conn, until="2024-03-31", code="DEU").rows == []


def test_query_events_with_evidence_and_actor_names(conn):
    rows = query.list_events(conn, type="AID").rows
    assert len(rows) == 2
    shells = next(r for r in rows if r["source_codes"] == ["PRK"])
    assert shells["targets"] == ["Russia"] and shells["mention_count"] == 2
    assert shells["article_id"] == "art-a"  # the evidence of the first report
    assert shells["evidence"].startswith("North Korea is shipping")
    assert shells["claimed_by_name"] == "Mara Velkova" and shells["quote_id"] == "art-a:q1"


@pytest.mark.parametrize("params, expected", [
    ({"actor": "RUS"}, {"AID", "SANCTION"}),
    ({"source": "RUS"}, {"SANCTION"}),
    ({"target": "russia"}, {"AID"}),
    ({"source": "DEU"}, {"CONSULT", "AID"}),  # Brand acts for Germany
    ({"source": "person:Ivo Brand"}, {"CONSULT"}),
    ({"actor": "Lantern Brigade"}, {"THREATEN"}),
    ({"factuality": "future,hypothetical"}, {"THREATEN", "SANCTION", "AID"}),
    ({"quad": "4"}, {"SANCTION"}),
    ({"since": "2024-04-01", "until": "2024-04-30"}, {"CONSULT", "AID"}),
    ({"article": "art-c", "type": "consult"}, {"CONSULT"}),
    ({"pair": "RUS,PRK"}, {"AID"}),
    ({"pair": "russia,North Korea"}, {"AID"}),
    ({"source": "DEU", "target": "FRA"}, {"CONSULT"}),
], ids=["actor-either-side", "source-only", "target-by-name", "source-code-covers-persons", "source-by-key",
        "actor-without-code", "factuality-list", "quad", "date-window", "article-and-type",
        "pair-of-codes-either-direction", "pair-by-names", "source-and-target-codes"])
def test_query_events_filters(conn, params, expected):
    assert {r["type"] for r in query.list_events(conn, **params).rows} == expected


@pytest.mark.parametrize("call, param", [
    (lambda c: query.list_events(c, since="2024-13-01"), "since"),
    (lambda c: query.list_events(c, since="2024-05-01", until="2024-04-01"), "since"),
    (lambda c: query.list_events(c, factuality="maybe"), "factuality"),
    (lambda c: query.list_events(c, type="INVADE"), "type"),
    (lambda c: query.list_events(c, quad="5"), "quad"),
    (lambda c: query.list_events(c, limit=query.MAX_LIMIT + 1), "limit"),
    (lambda c: query.list_quotes(c, limit="ten"), "limit"),
    (lambda c: query.list_quotes(c, offset=-1), "offset"),
    (lambda c: query.list_quotes(c, text="x" * 600), "text"),
    (lambda c: query.list_actors(c, kind="company"), "kind"),
    (lambda c: query.get_article(c, "nope"), "id"),
], ids=["bad-date", "inverted-window", "unknown-factuality", "unknown-type", "bad-quad", "limit-over-maximum",
        "limit-not-a-number", "negative-offset", "text-too-long", "unknown-kind", "unknown-article"])
def test_query_validation_errors(conn, call, param):
    with pytest.raises(QueryError) as err:
        call(conn)
    assert err.value.param == param
    assert param in str(err.value)


def test_query_bad_fts_syntax_is_a_query_error(conn):
    with pytest.raises(QueryError, match="full-text"):
        query.list_quotes(conn, text='"unbalanced')


def test_query_parameters_are_bound_not_interpolated(conn):
    hostile = "x' OR '1'='1"
    with pytest.raises(QueryError, match="unknown actor") as err:  # a typo must not look like silence
        query.list_events(conn, actor=hostile)
    assert err.value.param == "actor"
    assert query.list_quotes(conn, speaker=hostile).rows == []
    assert query.list_articles(conn, source=hostile).rows == []


def test_query_summary_strongest_pairs(conn):
    s = query.summary(conn)
    assert s["counts"] == {"articles": 3, "duplicates": 1, "actors": 9, "quotes": 3, "events": 6,
                           "event_reports": 10}
    assert s["published"] == {"first": "2024-03-05", "last": "2024-04-02"}
    pairs = {(p["source"], p["target"]): p for p in s["pairs"]}
    assert pairs[("PRK", "RUS")]["types"] == {"AID": 1}
    assert pairs[("PRK", "RUS")]["source_name"] == "North Korea"
    assert pairs[("RUS", "UKR")]["asserted"] == 0  # only a hypothetical sanction
    assert len(s["pairs"]) == 5
    assert len(query.summary(conn, pairs=2)["pairs"]) == 2
