"""The dashboard's built files: shipped in the package, free of inline code, current with the
sources, served under the API's Content-Security-Policy; and the offset arithmetic the reader
view relies on (run under Node, the same code the browser runs)."""
from __future__ import annotations

import asyncio
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path

import httpx
import pytest

REPO = Path(__file__).resolve().parents[1]
FRONTEND = REPO / "frontend"
STATIC = Path(str(resources.files("newsgraph.api").joinpath("static")))
BUILT = ("index.html", "app.js", "app.css")


def test_dashboard_static_bundle_is_in_the_package():
    for name in BUILT:
        assert (STATIC / name).is_file(), f"{name} missing: run `npm run build` in frontend/"
    index = (STATIC / "index.html").read_text("utf-8")
    assert 'src="/static/app.js"' in index and 'href="/static/app.css"' in index


class _InlineFinder(HTMLParser):
    def __init__(self):
        super().__init__()
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        names = dict(attrs)
        if tag == "script" and not names.get("src"):
            self.problems.append("inline <script>")
        if tag == "style":
            self.problems.append("<style> element")
        for name, value in attrs:
            if name == "style" or name.startswith("on"):
                self.problems.append(f"{tag} {name}=")
            if name in ("href", "src") and value and value.strip().lower().startswith("javascript:"):
                self.problems.append(f"{tag} {name}=javascript:")


def test_dashboard_static_index_has_no_inline_code():
    finder = _InlineFinder()
    finder.feed((STATIC / "index.html").read_text("utf-8"))
    assert finder.problems == []


@pytest.mark.parametrize("pattern", [
    r"\.innerHTML\b", r"\.outerHTML\b", r"insertAdjacentHTML", r"document\.write", r"\beval\(", r"new Function\(",
    r"setAttribute\(\s*['\"]style", r"createContextualFragment",
])
def test_dashboard_static_sources_never_insert_html(pattern):
    hits = [f"{p.relative_to(REPO)}:{i}" for p in sorted((FRONTEND / "src").rglob("*.js"))
            for i, line in enumerate(p.read_text("utf-8").splitlines(), 1) if re.search(pattern, line)]
    assert hits == []


def test_dashboard_static_bundle_matches_sources(tmp_path):
    node = shutil.which("node")
    if not node or not (FRONTEND / "node_modules" / "esbuild").is_dir():
        pytest.skip("node or frontend/node_modules absent: run `npm ci` in frontend/ to check the bundle")
    out = tmp_path / "static"
    proc = subprocess.run([node, "build.mjs", "--outdir", str(out)], cwd=FRONTEND, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    for name in ("app.js", "app.js.LEGAL.txt"):
        assert (out / name).read_bytes() == (STATIC / name).read_bytes(), \
            f"{name} is stale: run `npm run build` in frontend/ and commit src/newsgraph/api/static/"


def test_dashboard_static_served_under_csp(tmp_path):
    from newsgraph.api.app import create_app

    app = create_app(tmp_path / "store")

    async def fetch():
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as client:
            return [await client.get(p) for p in ("/", "/static/app.js", "/static/app.css")]

    index, js, css = asyncio.run(fetch())
    assert index.status_code == 200 and "<main id=\"main\"" in index.text
    csp = index.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp
    assert js.status_code == 200 and "javascript" in js.headers["content-type"]
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")


MARKS_CHECK = """
import { segments, offsetMapper, nameSpans } from './src/lib/marks.js';
const cases = JSON.parse(process.argv[1]);
const out = {};
out.segments = segments(cases.length, cases.spans).map((s) => [s.start, s.end, s.spans.map((x) => x.kind)]);
const at = offsetMapper(cases.astral);
out.astral = cases.astral.slice(at(cases.cp[0]), at(cases.cp[1]));
out.names = nameSpans(cases.sentence, cases.names).map((s) => cases.sentence.slice(s.start, s.end));
console.log(JSON.stringify(out));
"""


def test_dashboard_static_marks_offsets_under_node():
    node = shutil.which("node")
    if not node:
        pytest.skip("node is absent")
    astral = "Flags 🇺🇦 and 🙂 then Kyiv said so."
    cases = {
        "length": 10,
        # nested and overlapping spans, one empty, one out of range
        "spans": [{"start": 0, "end": 6, "kind": "quote"}, {"start": 2, "end": 4, "kind": "actor"},
                  {"start": 5, "end": 8, "kind": "event"}, {"start": 7, "end": 7, "kind": "empty"},
                  {"start": 9, "end": 99, "kind": "tail"}],
        "astral": astral,
        # Python (code point) offsets of "Kyiv"
        "cp": [astral.index("Kyiv"), astral.index("Kyiv") + 4],
        "sentence": "The US and Russian officials told us that RUSSIA and the U.S. met the USA delegation.",
        "names": ["Russia", "US", "USA"],
    }
    proc = subprocess.run([node, "--input-type=module", "-e", MARKS_CHECK, json.dumps(cases)], cwd=FRONTEND,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["segments"] == [[0, 2, ["quote"]], [2, 4, ["quote", "actor"]], [4, 5, ["quote"]],
                               [5, 6, ["quote", "event"]], [6, 8, ["event"]], [8, 9, []], [9, 10, ["tail"]]]
    assert out["astral"] == "Kyiv"
    # names match word starts in any case; codes only whole, same-case words
    assert out["names"] == ["Russian", "RUSSIA", "US", "USA"]
