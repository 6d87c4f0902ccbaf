"""The Ray driver writes the same rows as the default ingest (skipped when Ray is not installed)."""
from __future__ import annotations

import pytest
from store_samples import corpus_jsonl

from newsgraph.config import Settings
from newsgraph.ingest_run import ingest
from newsgraph.store import Store

ray = pytest.importorskip("ray", reason="Ray is an optional extra (newsgraph[scale])")
pytestmark = pytest.mark.slow


def rows(store_dir) -> dict[str, list]:
    with Store.open(store_dir, readonly=True) as store:
        conn = store.connect()
        try:
            return {
                "articles": conn.execute("SELECT id, duplicate_of, minhash FROM articles ORDER BY id").fetchall(),
                "events": conn.execute("SELECT id, type, sources, targets, mention_count FROM events "
                                       "ORDER BY id").fetchall(),
                "event_mentions": conn.execute("SELECT event_id, article_id, seq, evidence FROM event_mentions "
                                               "ORDER BY article_id, seq").fetchall(),
                "quotes": conn.execute("SELECT id, text, speaker_key FROM quotes ORDER BY id").fetchall(),
                "actors": conn.execute("SELECT key, name, first_seen, last_seen FROM actors ORDER BY key").fetchall(),
            }
        finally:
            conn.close()


def test_store_ray_driver_matches_default_ingest_and_resumes(tmp_path):
    from newsgraph.scale.ray_driver import ingest_ray

    inputs = tmp_path / "stories.jsonl"
    inputs.write_text(corpus_jsonl(4), encoding="utf-8")
    local, distributed = tmp_path / "local", tmp_path / "ray"
    assert ingest([inputs], Settings.from_env(store=local), progress=False).written == 4
    try:
        report = ingest_ray([inputs], Settings.from_env(store=distributed), workers=1, progress=False,
                            batch_size=2, chunk=3)
        assert (report.written, report.failed) == (4, 0)
        as_rows = [tuple(map(tuple, v)) for v in rows(distributed).values()]
        assert as_rows == [tuple(map(tuple, v)) for v in rows(local).values()]
        again = ingest_ray([inputs], Settings.from_env(store=distributed), workers=1, progress=False)
        assert (again.written, again.already_stored) == (0, 4)
    finally:
        ray.shutdown()
