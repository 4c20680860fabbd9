"""Shared fixtures: the real knowledge base (loaded once) and paths to test data."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.domain.knowledge import KnowledgeBase, load

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load()
