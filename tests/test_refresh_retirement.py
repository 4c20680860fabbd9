"""Retirement dates as a founder meets them: graded by the time left, excluded once past, reported by revisit."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import msgspec
import pytest
import yaml

from advisor.domain.decision import Decision
from advisor.domain.engine import recommend
from advisor.domain.knowledge.loader import load
from advisor.domain.profile.answers import Profile, load_profile
from advisor.domain.report import render
from advisor.domain.revisit import revisit

from .conftest import FIXTURES

SMALL = FIXTURES / "kb_small"
PROFILE = FIXTURES / "profiles" / "small-eu.yaml"
TODAY = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)


def overlay(root: Path, model_id: str, **changes: Any) -> Path:
    """A layer over kb_small in which `model_id` carries `changes` (retires, replacement ...)."""
    entry = msgspec.to_builtins(load([SMALL], bundled=False).models[model_id])
    entry.update(changes)
    (root / "models").mkdir(parents=True, exist_ok=True)
    (root / "models" / f"{model_id}.yaml").write_text(yaml.safe_dump(entry), encoding="utf-8")
    return root


def decide(*layers: Path, now: dt.datetime = TODAY) -> Decision:
    return recommend(load_profile(PROFILE), load([SMALL, *layers], bundled=False), now)


def finding(decision: Decision, model: str) -> tuple[str, str, str, str]:
    [candidate] = [c for c in decision.considered if c.model == model]
    [risk] = [r for r in candidate.risks if r.clause == "model.retires"]
    return risk.id, risk.severity, risk.title, risk.mitigation


@pytest.mark.parametrize(
    ("retires", "severity"),
    [(dt.date(2026, 12, 11), "high"), (dt.date(2027, 3, 1), "medium"), (dt.date(2027, 9, 1), "low")],
)
def test_a_closed_model_retiring_is_graded_by_the_time_left(tmp_path: Path, retires: dt.date, severity: str) -> None:
    layer = overlay(tmp_path, "acme-pro", retires=retires.isoformat(), replacement="acme-8b")
    kind, found, title, mitigation = finding(decide(layer), "acme-pro")
    assert (kind, found) == ("retirement-scheduled", severity)
    assert title == f"Retires on {retires}, in {(retires - TODAY.date()).days} days; replacement: Acme 8B"
    assert f"Plan the move to Acme 8B before {retires}" in mitigation


def test_a_retired_closed_model_is_excluded_naming_the_replacement_and_source(tmp_path: Path) -> None:
    layer = overlay(
        tmp_path,
        "acme-pro",
        deprecated="2026-09-01",
        retires="2026-11-30",
        replacement="acme-8b",
        retirement_source="https://example.com/deprecations",
    )
    decision = decide(layer)
    [excluded] = [e for e in decision.excluded if e.model == "acme-pro"]
    [reason] = excluded.reasons
    assert (reason.id, reason.severity, reason.source) == ("retired", "blocker", "https://example.com/deprecations")
    assert reason.title == "Retired on 2026-11-30; replacement: Acme 8B"
    assert "(announced 2026-09-01)" in reason.detail and "Acme 8B as the replacement" in reason.detail
    assert reason.mitigation == "Use Acme 8B instead."


def test_open_weights_outlive_their_vendor_api(tmp_path: Path) -> None:
    layer = overlay(tmp_path, "open-12b", retires="2026-11-30")
    decision = decide(layer)
    assert "open-12b" not in {e.model for e in decision.excluded}
    kind, severity, title, _ = finding(decision, "open-12b")
    assert (kind, severity) == ("vendor-api-retirement", "low")
    assert "stopped serving it on 2026-11-30" in title


def test_revisit_calls_a_new_retirement_of_the_first_choice_material(tmp_path: Path) -> None:
    saved = decide(now=dt.datetime(2026, 11, 15, tzinfo=dt.UTC))
    first = saved.shortlist[0].model
    layer = overlay(tmp_path, first, retires="2027-04-01", replacement="acme-pro")
    result = revisit(saved, load([SMALL, layer], bundled=False), TODAY)
    [announced] = [c for c in result.changes if c.kind == "retirement-announced"]
    assert announced.subject == first and announced.after == "2027-04-01"
    assert "your first choice" in announced.title and "Acme Pro as the replacement" in announced.detail
    assert announced.severity == ("high" if saved.shortlist[0].weights == "closed" else "medium")


def test_revisit_calls_a_closed_first_choice_retiring_material(tmp_path: Path) -> None:
    saved = recommend(
        msgspec.convert({"use_case": "chat", "quality": "frontier"}, Profile),
        load([SMALL], bundled=False),
        dt.datetime(2026, 11, 15, tzinfo=dt.UTC),
    )
    assert saved.shortlist[0].model == "acme-pro"
    layer = overlay(tmp_path, "acme-pro", retires="2027-04-01")
    result = revisit(saved, load([SMALL, layer], bundled=False), TODAY)
    assert ("retirement-announced", "high") in {(c.kind, c.severity) for c in result.changes}
    assert result.material


def test_catalog_entries_are_listed_unassessed_and_never_ranked(tmp_path: Path) -> None:
    (tmp_path / "catalog").mkdir()
    entry = {
        "id": "acme-ultra",
        "name": "Acme Ultra",
        "vendor": "acme",
        "catalog": "litellm",
        "mode": "chat",
        "api_id": "acme-ultra",
        "source": "https://example.com/pricing",
        "as_of": "2026-12-01",
    }
    (tmp_path / "catalog" / "acme.yaml").write_text(yaml.safe_dump([entry]), encoding="utf-8")
    decision = decide(tmp_path)
    assert [(u.model, u.vendor, u.as_of) for u in decision.unassessed] == [("acme-ultra", "acme", "2026-12-01")]
    ranked = {c.model for c in decision.considered} | {e.model for e in decision.excluded}
    assert "acme-ultra" not in ranked
    report = render(decision, "md")
    assert "## Newer than this knowledge base, not assessed (1)" in report
    assert "[litellm, 2026-12-01](<https://example.com/pricing>)" in report
