"""Helpers for the dashboard's browser tests (tests/test_dashboard_*.py).

A real ``newsgraph serve`` on a loopback port over a real store, and Debian's Chromium driven
by Playwright. The browser tests skip, saying why, only when /usr/bin/chromium is absent
(CI installs it: ``apt-get install -y chromium``).
"""
from __future__ import annotations

import contextlib
import json
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples" / "corpus"
SCREENSHOTS = REPO / "docs" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
VIEWPORT = {"width": 1366, "height": 800}  # a laptop screen

# Runs before any page script (Playwright injects it outside the CSP): records CSP violations
# and uncaught errors so that tests can assert the page never hit either.
WATCH_SCRIPT = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sourceFile || '') + ':' + e.lineNumber);
});
"""


def newsgraph_cmd(*args: str) -> list[str]:
    """The ``newsgraph`` command line run by this interpreter (no reliance on PATH)."""
    return [sys.executable, "-c", "from newsgraph.cli import main; main()", *args]


def ingest(store: Path, *paths: Path | str) -> None:
    proc = subprocess.run(newsgraph_cmd("ingest", *map(str, paths), "--store", str(store), "--no-progress"),
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, f"newsgraph ingest failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get_json(url: str, timeout: float = 30.0):
    with urllib.request.urlopen(url, timeout=timeout) as r:  # noqa: S310 - loopback only
        return json.loads(r.read())


@contextlib.contextmanager
def serve(store: Path):
    """``newsgraph serve --store STORE`` on a free loopback port; yields its base URL."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen(newsgraph_cmd("serve", "--store", str(store), "--host", "127.0.0.1", "--port", str(port)),
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                raise AssertionError(f"newsgraph serve exited with {proc.returncode}:\n{proc.stdout.read()}")
            try:
                get_json(base + "/api/status", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise AssertionError("newsgraph serve did not answer /api/status within 60 s") from None
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def require_chromium() -> None:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is absent: install Debian's chromium (apt-get install -y chromium) "
                    "to run the dashboard's browser tests")


@contextlib.contextmanager
def browser():
    """Headless Debian Chromium under Playwright (never a downloaded browser build)."""
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


class Watched:
    """A page with its console errors, uncaught exceptions and dialogs (alert()) recorded."""

    def __init__(self, br, base: str):
        self.base = base
        self.context = br.new_context(viewport=VIEWPORT)
        self.context.add_init_script(WATCH_SCRIPT)
        self.page = self.context.new_page()
        self.page.set_default_timeout(20_000)
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        self.page.on("console", lambda m: self.errors.append(f"console.{m.type}: {m.text}")
                     if m.type == "error" else None)

        def on_dialog(d):
            self.dialogs.append(d.message)
            d.dismiss()

        self.page.on("dialog", on_dialog)

    def goto(self, route: str = "#/map"):
        """Open a route; a map already shown is marked stale first, so wait_map() waits for the new one."""
        if self.page.url.startswith(self.base):
            self.page.evaluate("document.body.dataset.mapState = 'stale'")
        self.page.goto(f"{self.base}/{route}")
        return self.page

    def wait_map(self):
        # a selector, not a JavaScript string: Playwright evaluates strings with eval(), which
        # the page's CSP rightly forbids (and which would count as a violation)
        self.page.wait_for_selector("body[data-map-state=ready]", state="attached")

    def csp_violations(self) -> list[str]:
        return self.page.evaluate("window.__cspViolations || []")

    def assert_clean(self):
        assert self.csp_violations() == [], "the page broke its Content-Security-Policy"
        assert self.errors == [], "the page logged errors"
        assert self.dialogs == [], "the page opened dialogs"

    def screenshot(self, name: str) -> None:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SCREENSHOTS / name))

    def close(self):
        self.context.close()


def map_elements(page) -> dict:
    """What the map shows, read from Cytoscape itself: node ids and edges as (source, target, dashed)."""
    return page.evaluate("""() => {
      const cy = window.newsgraphDashboard.cy();
      return {
        nodes: cy.nodes().map((n) => n.id()).sort(),
        edges: cy.edges().map((e) => [e.data('source'), e.data('target'), e.hasClass('uncertain')]),
      };
    }""")


def click_edge(page, source: str, target: str) -> None:
    """Click the middle of the edge between two nodes on the canvas, as a person would."""
    point = page.evaluate("""([s, t]) => {
      const cy = window.newsgraphDashboard.cy();
      const edge = cy.edges().filter((e) => e.data('source') === s && e.data('target') === t && !e.hasClass('uncertain'))[0];
      cy.fit(edge.union(edge.connectedNodes()), 80);
      const p = edge.renderedMidpoint();
      const box = cy.container().getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    }""", [source, target])
    page.wait_for_timeout(100)
    page.mouse.click(point["x"], point["y"])
