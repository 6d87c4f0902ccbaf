"""Docs that fail the build when they fall behind: the CLI reference and the command list."""
from __future__ import annotations

import runpy
from pathlib import Path

import pytest

from newsgraph.cli import COMMANDS

REPO = Path(__file__).resolve().parents[1]


def test_docs_cli_reference_is_current():
    ns = runpy.run_path(str(REPO / "scripts" / "cli_reference.py"), run_name="cli_reference")
    assert (REPO / "docs" / "cli.md").read_text(encoding="utf-8") == ns["render"](), \
        "docs/cli.md is out of date: run .venv/bin/python scripts/cli_reference.py"


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_docs_every_command_loads_and_is_documented(command):
    from newsgraph.cli import main

    import click

    assert main.get_command(click.Context(main), command) is not None
    assert f"## newsgraph {command}\n" in (REPO / "docs" / "cli.md").read_text(encoding="utf-8")


def test_docs_registered_commands_snapshot():
    # Pinned so that adding or renaming a command is a deliberate change (docs, README, tests).
    assert sorted(COMMANDS) == ["actors", "articles", "blocs", "dyads", "eval", "events", "export", "extract",
                                "ingest", "network", "quotes", "serve", "summary", "timeline"]
