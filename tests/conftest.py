"""Shared fixtures: the real knowledge base (loaded once) and paths to test data."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.domain.knowledge import KnowledgeBase, load

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load()


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Tests never touch the user's cache directory."""
    import os

    os.environ["ADVISOR_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
