"""How long the dashboard takes to show one month's network map, in headless Chromium.

    python benchmarks/bench_dashboard.py --store STORE [--start YYYY-MM-DD --end YYYY-MM-DD] [--repeat 3]

Starts `newsgraph serve` over STORE on a loopback port (or uses --server URL), then opens
`/#/map?start=...&end=...` in a fresh browser context each time and measures, from navigation
start, until the first frame that shows the laid-out map (the page's `newsgraph:map-drawn` mark),
with the moments its data arrived and its layout was done.
The month defaults to the last 30 days of data in the store. Also prints the time of the
/api/network request alone, so the browser's share is visible. Target: under 2 s. A large store
to try it on is the one benchmarks/bench_api.py builds. Prints figures; asserts nothing.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from datetime import date, timedelta
from pathlib import Path

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
TARGET_S = 2.0


def get_json(url: str, timeout: float = 120.0):
    with urllib.request.urlopen(url, timeout=timeout) as r:  # noqa: S310 - loopback only
        return json.loads(r.read())


@contextlib.contextmanager
def newsgraph_serve(store: Path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    cmd = [sys.executable, "-c", "from newsgraph.cli import main; main()", "serve", "--store", str(store),
           "--host", "127.0.0.1", "--port", str(port)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            if proc.poll() is not None:
                sys.exit(f"newsgraph serve exited: {proc.stderr.read()}")
            try:
                get_json(base + "/api/status", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline:
                    sys.exit("newsgraph serve did not start within 120 s")
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def month_of(base: str, start: str | None, end: str | None) -> tuple[str, str]:
    if start and end:
        return start, end
    status = get_json(base + "/api/status")
    last = status.get("last_date")
    if not last:
        sys.exit("the store has no dated events: ingest some articles first")
    last_day = date.fromisoformat(last)
    return (start or (last_day - timedelta(days=29)).isoformat()), (end or last)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--store", type=Path, help="store directory to serve")
    ap.add_argument("--server", help="use a running server at this URL instead of starting one")
    ap.add_argument("--start", help="first day of the month shown (default: 30 days before the last date)")
    ap.add_argument("--end", help="last day (default: the store's last date)")
    ap.add_argument("--repeat", type=int, default=3, help="page loads to time (default 3)")
    ap.add_argument("--chromium", default="/usr/bin/chromium", help="Chromium executable")
    ap.add_argument("--screenshot", type=Path, help="save a screenshot of the last load here")
    args = ap.parse_args()
    if not args.store and not args.server:
        ap.error("give --store (or --server)")

    from playwright.sync_api import sync_playwright

    with contextlib.ExitStack() as stack:
        base = args.server.rstrip("/") if args.server else stack.enter_context(newsgraph_serve(args.store))
        start, end = month_of(base, args.start, args.end)
        status = get_json(base + "/api/status")
        print(f"store: {status.get('store')}: {status.get('articles')} articles, {status.get('events')} events")
        print(f"window: {start} .. {end}")
        # the map's own request: its default actor kinds leave out places acting on their own
        query = urllib.parse.urlencode({"start": start, "end": end, "factuality": "asserted", "min_events": 1,
                                        "max_nodes": 200, "kind": "state,organisation,group,person"})
        t = time.perf_counter()
        network = get_json(f"{base}/api/network?{query}")
        api_s = time.perf_counter() - t
        print(f"/api/network alone: {api_s:.3f} s ({len(network['nodes'])} nodes, {len(network['edges'])} edges)")

        browser = stack.enter_context(sync_playwright()).chromium.launch(executable_path=args.chromium,
                                                                         args=CHROMIUM_ARGS)
        times = []
        for i in range(args.repeat):
            context = browser.new_context(viewport={"width": 1366, "height": 800})
            page = context.new_page()
            page.goto(f"{base}/#/map?start={start}&end={end}")
            page.wait_for_function("() => ['ready', 'error'].includes(document.body.dataset.mapState)", timeout=120_000)
            state = page.evaluate("document.body.dataset.mapState")
            # the page marks when its data arrived, when the layout was done and the first frame
            # that shows the map (performance.mark, milliseconds since navigation start)
            marks = page.evaluate("Object.fromEntries(performance.getEntriesByType('mark')"
                                  ".map((m) => [m.name, m.startTime]))")
            elapsed = marks.get("newsgraph:map-drawn", page.evaluate("performance.now()")) / 1000
            steps = ", ".join(f"{name.split(':')[1]} {marks[name] / 1000:.2f}" for name in
                              ("newsgraph:network-received", "newsgraph:layout-done") if name in marks)
            nodes = page.evaluate("document.body.dataset.mapNodes")
            edges = page.evaluate("document.body.dataset.mapEdges")
            times.append(elapsed)
            print(f"load {i + 1}: map {state} after {elapsed:.3f} s ({nodes} nodes, {edges} edges drawn; {steps})")
            if args.screenshot and i == args.repeat - 1:
                page.screenshot(path=str(args.screenshot))
            context.close()
        median = statistics.median(times)
        verdict = "within" if median < TARGET_S else "OVER"
        print(f"median time to a rendered one-month map: {median:.3f} s ({verdict} the {TARGET_S:.0f} s target)")


if __name__ == "__main__":
    main()
