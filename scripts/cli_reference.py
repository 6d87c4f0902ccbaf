"""Writes docs/cli.md from the commands' own --help, so the reference cannot drift.

    .venv/bin/python scripts/cli_reference.py          # rewrite docs/cli.md
    .venv/bin/python scripts/cli_reference.py --check  # exit 1 if docs/cli.md is out of date

tests/test_docs_cli.py runs the check.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from newsgraph.cli import COMMANDS, main

DOC = Path(__file__).resolve().parents[1] / "docs" / "cli.md"

HEADER = """# Command-line reference

Generated from each command's `--help` by `scripts/cli_reference.py`; do not edit by hand.
Every command also takes `-h`/`--help`. Common settings can come from the environment
(`NEWSGRAPH_STORE`, `NEWSGRAPH_MODEL`, `NEWSGRAPH_KB`; see the README).
"""


def render() -> str:
    parts = [HEADER]
    # The same help option names as main()'s context settings: click caches each command's help
    # option, so the reference must render it exactly as a real invocation does.
    ctx = click.Context(main, info_name="newsgraph", terminal_width=100, max_content_width=100,
                        help_option_names=["-h", "--help"])
    parts.append("## newsgraph\n\n```text\n" + main.get_help(ctx) + "\n```\n")
    for name in sorted(COMMANDS):
        cmd = main.get_command(ctx, name)
        sub = click.Context(cmd, info_name=name, parent=ctx, terminal_width=100, max_content_width=100)
        parts.append(f"## newsgraph {name}\n\n```text\n{cmd.get_help(sub)}\n```\n")
    return "\n".join(parts)


def main_() -> int:
    text = render()
    if "--check" in sys.argv:
        if not DOC.exists() or DOC.read_text(encoding="utf-8") != text:
            print(f"{DOC} is out of date: run python scripts/cli_reference.py", file=sys.stderr)
            return 1
        return 0
    DOC.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main_())
