#!/usr/bin/env bash
# newsgraph's two-command quick start (see README.md):
#   ./dev.sh demo   set up .venv, install newsgraph and its spaCy model, ingest the sample corpus
#   ./dev.sh test   set up .venv with the test extras (and Chromium for the dashboard tests), run the tests
set -euo pipefail
cd "$(dirname "$0")"

PYTHON=${PYTHON:-python3}
VENV=.venv

setup() {
  local extras=$1
  if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV"
    "$VENV/bin/pip" install -q --upgrade pip
  fi
  "$VENV/bin/pip" install -q -e ".${extras}"
}

browser() {
  # Dashboard tests drive Debian's Chromium; Playwright's own browser download does not work offline.
  if [ ! -x /usr/bin/chromium ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null \
      || echo "dev.sh: could not install chromium; browser tests will be skipped" >&2
  fi
}

frontend() {
  # With Node present, the test that the committed dashboard bundle is what frontend/ builds to runs too.
  if command -v npm >/dev/null && [ ! -d frontend/node_modules ]; then
    npm ci --prefix frontend --no-audit --no-fund --loglevel=error >/dev/null \
      || echo "dev.sh: npm ci failed; the bundle check will be skipped" >&2
  fi
}

case "${1:-}" in
  demo)
    setup ""
    store=${NEWSGRAPH_STORE:-newsgraph-data}
    "$VENV/bin/newsgraph" ingest examples/corpus --store "$store"
    echo
    echo "Explore: $VENV/bin/newsgraph events --store $store"
    echo "Dashboard: $VENV/bin/newsgraph serve --store $store   (then open http://127.0.0.1:8000/)"
    ;;
  test)
    setup "[test]"
    browser
    frontend
    shift
    "$VENV/bin/python" -m pytest -q "$@"
    ;;
  *)
    echo "usage: ./dev.sh demo | ./dev.sh test [pytest args]" >&2
    exit 64
    ;;
esac
