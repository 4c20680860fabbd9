"""The wizard under test: a frozen fixture knowledge base, a fixed clock, autosave in a temporary folder."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from advisor.domain.knowledge.base import KnowledgeBase
from advisor.domain.knowledge.loader import load
from advisor.tui.app import AdvisorApp

FIXTURE_KB = Path(__file__).parent / "fixtures" / "kb"
NOW = dt.datetime(2026, 11, 22, 10, 0, tzinfo=dt.UTC)
"""The wizard's clock in every test, so decisions (and snapshots) do not move."""


@pytest.fixture(scope="session")
def fixture_kb() -> KnowledgeBase:
    """A small slice of the knowledge, frozen: results and snapshots do not change as the bundled one grows."""
    return load([FIXTURE_KB], bundled=False)


@pytest.fixture
def make_app(fixture_kb: KnowledgeBase, tmp_path: Path) -> Callable[..., AdvisorApp]:
    """An AdvisorApp on the fixture knowledge, autosaving under `tmp_path/data`, dialogs starting in `tmp_path`."""

    def make(**options: Any) -> AdvisorApp:
        options.setdefault("now", NOW)
        options.setdefault("data_dir", tmp_path / "data")
        options.setdefault("cwd", tmp_path)
        app = AdvisorApp(kb=options.pop("kb", fixture_kb), **options)
        app.animation_level = "none"
        return app

    return make
