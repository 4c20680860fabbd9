"""Shared fixtures: the real knowledge base (loaded once) and paths to test data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import msgspec
import pytest
import yaml

from advisor.domain.decision import Decision
from advisor.domain.knowledge.base import KnowledgeBase
from advisor.domain.knowledge.loader import load

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load()


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Tests never touch the user's cache directory."""
    import os

    os.environ["ADVISOR_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))


def noncommercial_overlay(root: Path, license_id: str) -> tuple[Path, dict[str, Any]]:
    """A knowledge layer under `root` in which the bundled `license_id` turns non-commercial.

    Its commercial-use clause is reworded to match: a material change for `revisit`. Returns the
    layer's directory and the reworded clause.
    """
    entry = msgspec.to_builtins(load().licenses[license_id])
    grant: dict[str, Any] = next(c for c in entry["clauses"] if c["topic"] == "commercial_use")
    grant["quote"] = "The Work may be used for non-commercial purposes only."
    entry.update(commercial_use="forbidden", category="non-commercial")
    overlay = root / "overlay"
    (overlay / "licenses").mkdir(parents=True)
    (overlay / "licenses" / "changed.yaml").write_text(yaml.safe_dump(entry), encoding="utf-8")
    return overlay, grant


def risks_of(decision: Decision, model: str) -> dict[str, str]:
    """Risk id -> severity for a model, whether considered or excluded."""
    for c in decision.considered:
        if c.model == model:
            return {r.id: r.severity for r in c.risks}
    for e in decision.excluded:
        if e.model == model:
            return {r.id: r.severity for r in e.reasons}
    raise AssertionError(f"{model} is neither considered nor excluded")
