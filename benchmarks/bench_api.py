"""Query latency of the dashboard's queries through the real HTTP server over a 1M-event store.

    .venv/bin/python benchmarks/bench_api.py [--events 1000000] [--actors 10000] [--store DIR] [--runs 40]
        [--only network]

Builds (or reuses, with --store pointing at an earlier build) a store of synthetic events
written straight into the store's tables with executemany in large transactions: actors
drawn with Zipf-like weights (a few hubs, a long tail), dates over two years, PLOVER types with
the ontology's quad and intensity, 85% asserted; the aggregate tables are filled in one pass
after the load, as opening an older store fills them. Then starts ``newsgraph serve`` on a loopback
port and prints p50/p95 latency of each dashboard query, the server's CPU time per cold request,
and the store's size on disk.
Figures only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import bisect
import hashlib
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from itertools import accumulate
from pathlib import Path

import httpx

from newsgraph.events.ontology import Ontology
from newsgraph.records import FACTUALITIES
from newsgraph.store import DB_NAME, Store
from newsgraph.store.sqlite import fill_aggregates

FIRST_DAY = date(2023, 1, 1)
DAYS = 730
EVENTS_PER_ARTICLE = 8
WORDS = (
    "ammunition missiles sanctions talks ceasefire drones border summit aid grain energy "
    "shipments envoy troops nuclear exercise pipeline embargo treaty visit"
).split()


def _hid(*parts) -> str:
    return hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:20]


def build(path: Path, n_events: int, n_actors: int, seed: int = 7) -> float:
    """Write the synthetic store; returns seconds taken."""
    t0 = time.perf_counter()
    rng = random.Random(seed)
    onto = Ontology.load()
    types = list(onto.types)
    scored = {(t, None): (onto.quad(t), onto.intensity(t)) for t in types}
    other_facts = [f for f in FACTUALITIES if f != "asserted"]
    Store.open(path).close()  # schema and indexes, exactly as the store makes them
    import sqlite3

    conn = sqlite3.connect(path / DB_NAME, isolation_level=None)
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA cache_size=-400000")
    # Bulk load without the secondary indexes, then create them as the schema defines them.
    indexes = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
    ).fetchall()
    for name, _ in indexes:
        conn.execute(f'DROP INDEX "{name}"')
    # The aggregates' trigger too: they are filled in one pass at the end, as an upgrade fills them.
    triggers = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'event_dyads'"
    ).fetchall()
    for name, _ in triggers:
        conn.execute(f'DROP TRIGGER "{name}"')

    kinds = ["state"] * 2 + ["organisation", "group", "person"]
    actors = []
    for i in range(n_actors):
        kind = "state" if i < 250 else rng.choice(kinds)
        code = f"C{i:05d}"
        key = code if kind in ("state", "organisation") else f"{kind}:Synthetic Actor {i}"
        actors.append(
            (
                key,
                f"Synthetic Actor {i}",
                kind,
                code if kind != "group" else None,
                None,
                None,
                None,
                FIRST_DAY.isoformat(),
                (FIRST_DAY + timedelta(days=DAYS - 1)).isoformat(),
            )
        )
    dyad_code = [a[3] or a[1] for a in actors]
    weights = list(accumulate(1.0 / (r + 1) ** 0.9 for r in range(n_actors)))
    total_w = weights[-1]

    def pick() -> int:
        return bisect.bisect_left(weights, rng.random() * total_w)

    article_count = [0] * n_actors

    n_articles = n_events // EVENTS_PER_ARTICLE
    batch = {
        "articles": [],
        "article_actors": [],
        "quotes": [],
        "events": [],
        "event_mentions": [],
        "event_dyads": [],
    }
    sql = {
        "articles": "INSERT INTO articles (id, ref, title, url, published, source, language, text, "
        "duplicate_of, "
        "minhash, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        "article_actors": "INSERT OR IGNORE INTO article_actors VALUES (?,?,?)",
        "quotes": 'INSERT INTO quotes (id, article_id, text, start, "end", direct, cue, speaker_key, '
        "speaker_name, "
        "speaker_code, published) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        "events": "INSERT OR IGNORE INTO events (id, type, mode, cameo, quad, intensity, factuality, date, "
        "date_resolution, location, sources, targets, first_article, mention_count) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        "event_mentions": "INSERT INTO event_mentions (event_id, article_id, seq, evidence, evidence_start, "
        "evidence_end, confidence) VALUES (?,?,?,?,?,?,?)",
        "event_dyads": "INSERT OR IGNORE INTO event_dyads VALUES (?,?,?,?,?,?,?,?)",
    }

    def flush():
        conn.execute("BEGIN")
        for table, rows in batch.items():
            conn.executemany(sql[table], rows)
            rows.clear()
        conn.execute("COMMIT")

    ingested = "2025-01-01T00:00:00+00:00"
    for a in range(n_articles):
        day = (FIRST_DAY + timedelta(days=rng.randrange(DAYS))).isoformat()
        aid = _hid("article", a)
        sentences, offset = [], 0
        for k in range(EVENTS_PER_ARTICLE):
            s, t = pick(), pick()
            while t == s:
                t = pick()
            typ = rng.choice(types)
            quad, intensity = scored[(typ, None)]
            fact = "asserted" if rng.random() < 0.85 else rng.choice(other_facts)
            sentence = f"Synthetic Actor {s} and Synthetic Actor {t} discussed {rng.choice(WORDS)}."
            eid = _hid(typ, dyad_code[s], dyad_code[t], fact, day, a, k)
            batch["events"].append(
                (
                    eid,
                    typ,
                    None,
                    onto.default_cameo(typ),
                    quad,
                    intensity,
                    fact,
                    day,
                    "exact",
                    None,
                    json.dumps([actors[s][0]]),
                    json.dumps([actors[t][0]]),
                    aid,
                    1,
                )
            )
            batch["event_mentions"].append((eid, aid, k, sentence, offset, offset + len(sentence), 0.8))
            batch["event_dyads"].append((eid, dyad_code[s], dyad_code[t], typ, quad, intensity, fact, day))
            batch["article_actors"].append((aid, f"a{2 * k + 1}", actors[s][0]))
            batch["article_actors"].append((aid, f"a{2 * k + 2}", actors[t][0]))
            article_count[s] += 1
            article_count[t] += 1
            sentences.append(sentence)
            offset += len(sentence) + 1
        text = " ".join(sentences)
        batch["articles"].append(
            (
                aid,
                f"synthetic-{a}",
                f"Synthetic story {a}",
                f"https://example.org/{a}",
                day,
                "Synthetic Wire",
                "en",
                text,
                None,
                None,
                ingested,
            )
        )
        speaker = pick()
        quote = (
            f"We are watching the {rng.choice(WORDS)} and the {rng.choice(WORDS)} closely, said an official."
        )
        batch["quotes"].append(
            (
                f"{aid}:q1",
                aid,
                quote,
                0,
                len(quote),
                1,
                "said",
                actors[speaker][0],
                actors[speaker][1],
                actors[speaker][3],
                day,
            )
        )
        if len(batch["events"]) >= 100_000:
            flush()
            print(f"  {a * EVENTS_PER_ARTICLE:>9,} events written", file=sys.stderr)
    flush()
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO actors (key, name, kind, code, sector, role, country, first_seen, last_seen, "
        "article_count) VALUES (?,?,?,?,?,?,?,?,?,?)",
        [(*a, n) for a, n in zip(actors, article_count)],
    )
    conn.execute("COMMIT")
    print("  creating indexes", file=sys.stderr)
    for _, create in indexes:
        conn.execute(create)
    print("  filling the aggregates", file=sys.stderr)
    conn.execute("BEGIN")
    fill_aggregates(conn)
    for _, create in triggers:
        conn.execute(create)
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return time.perf_counter() - t0


def size_on_disk(path: Path) -> int:
    return sum(f.stat().st_size for f in path.iterdir() if f.is_file())


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_cpu(pid: int) -> float | None:
    """CPU seconds the server process has used (Linux /proc; None elsewhere): a figure that other
    processes on a shared machine inflate much less than wall-clock latency."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--actors", type=int, default=10_000)
    ap.add_argument("--store", type=Path, default=Path("artifacts/bench-api-store"))
    ap.add_argument(
        "--runs", type=int, default=24,
        help="distinct requests per query (each asked twice); the network has 24 distinct months, "
        "so above 24 its first pass repeats months (answered from the cache)",
    )
    ap.add_argument(
        "--only", action="append", default=[], metavar="TEXT",
        help="time only the queries whose name contains TEXT (repeatable), e.g. --only network",
    )
    args = ap.parse_args()

    if not (args.store / DB_NAME).is_file():
        print(
            f"building {args.events:,} events over {args.actors:,} actors in {args.store} ...",
            file=sys.stderr,
        )
        partial = args.store.with_name(args.store.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        secs = build(partial, args.events, args.actors)
        partial.rename(args.store)  # only a finished build is ever reused
        print(f"built in {secs:.0f} s", file=sys.stderr)
    conn = __import__("sqlite3").connect(args.store / DB_NAME)
    n_events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    top = [
        r[0]
        for r in conn.execute(
            "SELECT source FROM event_dyads WHERE date BETWEEN '2024-06-01' AND "
            "'2024-06-30' GROUP BY source ORDER BY count(*) DESC LIMIT 50"
        )
    ]
    conn.close()

    port = free_port()
    env = dict(os.environ, NEWSGRAPH_INGEST_TOKEN="")
    server = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from newsgraph.cli import main; main()",
            "serve",
            "--store",
            str(args.store),
            "--port",
            str(port),
        ],
        env=env,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=60) as client:
            for _ in range(200):
                try:
                    if client.get("/api/status").status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(0.1)
            # Each query gets `runs` distinct parameter sets: the first pass is cold (computed),
            # the second asks the same again (answered from the server's cache until data changes).
            months = [(date(2023 + m // 12, m % 12 + 1, 1)) for m in range(24)]

            def month(i):
                first = months[i % 24]
                last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
                return {"start": first.isoformat(), "end": last.isoformat()}

            queries = {
                "dyad (one year)": lambda i: (
                    "/api/dyads",
                    {
                        "source": top[i % 20],
                        "target": top[20 + i % 30],
                        "start": "2024-01-01",
                        "end": "2024-12-31",
                    },
                ),
                # as the dashboard asks: it draws the 1000 strongest edges
                "network (one month)": lambda i: ("/api/network", {**month(i), "max_edges": 1000}),
                "actor timeline (weekly, 2 years)": lambda i: (
                    "/api/timeline",
                    {"actor": top[i % 50], "resolution": "week"},
                ),
                "actor page": lambda i: (f"/api/actors/{top[i % 50]}", {}),
                "quote search": lambda i: (
                    "/api/quotes",
                    {"q": f"{WORDS[i % 20]} {WORDS[(i * 7 + 3) % 20]}"},
                ),
                "events of a dyad (page)": lambda i: ("/api/events", {"pair": f"{top[0]},{top[1 + i % 49]}"}),
                "status": lambda i: ("/api/status", {}),
            }
            if args.only:
                queries = {k: v for k, v in queries.items() if any(t in k for t in args.only)}
            if args.runs > 24 and any("network" in k for k in queries):
                print("note: --runs above 24 repeats the network's months: its cold figures mix in "
                      "cached answers", file=sys.stderr)
            print(
                f"\nstore: {n_events:,} events, {size_on_disk(args.store) / 1e6:,.0f} MB on disk "
                f"({args.store})"
            )
            print(
                f"{'query':34} {'cold p50':>9} {'cold p95':>9} {'cached p50':>10} {'cached p95':>10} "
                f"{'cold cpu/req':>12}  ms, n={args.runs} each, real server on loopback"
            )
            client.get("/api/network", params=month(5))  # warms the page cache and the actor labels
            for name, make in queries.items():
                passes = []
                cpu = server_cpu(server.pid)
                for _ in range(2):
                    times = []
                    for i in range(args.runs):
                        path, params = make(i)
                        t = time.perf_counter()
                        r = client.get(path, params=params)
                        times.append((time.perf_counter() - t) * 1000)
                        if r.status_code != 200:
                            raise SystemExit(f"{name}: HTTP {r.status_code}: {r.text[:300]}")
                    passes.append(times)
                    if cpu is not None and len(passes) == 1:
                        cpu = (server_cpu(server.pid) - cpu) / args.runs * 1000
                cold, warm = passes
                print(
                    f"{name:34} {statistics.median(cold):9.1f} {percentile(cold, 95):9.1f} "
                    f"{statistics.median(warm):10.1f} {percentile(warm, 95):10.1f} "
                    f"{'' if cpu is None else f'{cpu:12.1f}'}"
                )
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
