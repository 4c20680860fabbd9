"""Revisit: each kind of knowledge change is reported exactly, with the right exit code."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import msgspec
import pytest
from click.testing import CliRunner

from advisor.cli import main
from advisor.domain.decision import Decision
from advisor.domain.engine import recommend
from advisor.domain.knowledge.loader import load
from advisor.domain.profile.answers import Profile, load_profile
from advisor.domain.revisit import Revisit, revisit

from .conftest import FIXTURES, noncommercial_overlay

SMALL = FIXTURES / "kb_small"
OVERLAYS = FIXTURES / "overlays"
DECIDED = dt.datetime(2026, 11, 15, 9, 0, tzinfo=dt.UTC)
NOW = dt.datetime(2026, 11, 22, 10, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def saved() -> Decision:
    return recommend(load_profile(FIXTURES / "profiles" / "small-eu.yaml"), load([SMALL], bundled=False), DECIDED)


def again(saved: Decision, overlay: str | None) -> Revisit:
    layers = [SMALL] + ([OVERLAYS / overlay] if overlay else [])
    return revisit(saved, load(layers, bundled=False), NOW)


def kinds(result: Revisit) -> list[tuple[str, str, str]]:
    return [(c.kind, c.severity, c.subject) for c in result.changes]


def test_the_saved_choice_is_the_permissive_model(saved: Decision) -> None:
    assert saved.shortlist[0].model == "open-12b"


def test_unchanged_knowledge_means_the_decision_holds(saved: Decision) -> None:
    result = again(saved, None)
    assert not result.material
    assert result.changes == []
    assert "still holds" in result.summary


def test_license_turned_non_commercial_excludes_the_choice_and_names_the_clause(saved: Decision) -> None:
    result = again(saved, "noncommercial")
    assert result.material
    [excluded] = [c for c in result.changes if c.kind == "now-excluded"]
    assert (excluded.severity, excluded.subject, excluded.license, excluded.clause) == (
        "blocker",
        "open-12b",
        "open-permissive",
        "grant",
    )
    assert excluded.source == "https://example.com/licenses/permissive"
    assert "non-commercial purposes only" in excluded.detail
    assert ("top-choice-changed", "high", "decision") in kinds(result)
    assert result.changes[0].severity == "blocker", "most important first"


def test_a_newer_version_lists_license_differences_clause_by_clause(saved: Decision) -> None:
    result = again(saved, "newversion")
    [newer] = [c for c in result.changes if c.kind == "newer-version"]
    assert (newer.severity, newer.before, newer.after) == ("high", "open-12b", "open-13b")
    assert "fine-tune costs about $" in newer.detail
    differences = {c.title: (c.clause, c.source) for c in result.changes if c.kind == "license-difference"}
    assert differences == {
        "Commercial use: allowed → conditional": ("grant", "https://example.com/licenses/permissive-2"),
        "User threshold: none → 50,000,000": ("mau-threshold", "https://example.com/licenses/permissive-2"),
    }
    assert result.material


def test_retirement_excludes_the_model(saved: Decision) -> None:
    result = again(saved, "retired")
    [excluded] = [c for c in result.changes if c.kind == "now-excluded"]
    assert (excluded.subject, excluded.clause, excluded.source) == (
        "acme-pro",
        "model.retires",
        "https://example.com/deprecations",
    )
    assert "Retired on 2026-11-01" in excluded.title
    assert "Acme 8B as the replacement" in excluded.detail
    assert result.material


def test_price_change_is_reported_with_before_and_after(saved: Decision) -> None:
    result = again(saved, "pricier")
    [price] = [c for c in result.changes if c.kind == "price-changed" and c.subject == "open-12b"]
    assert (price.severity, price.before, price.after) == ("medium", "25.00", "75.00")
    assert price.source == "https://example.com/hosted"


def test_a_corrected_fact_is_reported_as_unverified(saved: Decision) -> None:
    result = again(saved, "corrected")
    assert [(c.kind, c.subject, c.clause) for c in result.changes if c.kind == "fact-unverified"] == [
        ("fact-unverified", "acme-8b", "mau-threshold")
    ]
    assert not result.material


def test_an_older_knowledge_fingerprint_alone_is_not_material(kb: object) -> None:
    bundled = load()
    profile = load_profile(Path(__file__).parent.parent / "examples" / "no-ml-team-prototype.yaml")
    decision = recommend(profile, bundled, DECIDED)
    old = msgspec.structs.replace(
        decision, knowledge=msgspec.structs.replace(decision.knowledge, fingerprint="sha256:" + "0" * 64, models=120)
    )
    result = revisit(old, bundled, NOW)
    assert [c.kind for c in result.changes] == ["knowledge-updated"]
    assert "120 → " in result.changes[0].detail
    assert not result.material


def test_cli_exit_0_when_unchanged_and_1_naming_the_clause_when_the_top_license_turns_non_commercial(
    tmp_path: Path,
) -> None:
    runner = CliRunner()
    record = tmp_path / "decision.json"
    profile = Path(__file__).parent.parent / "examples" / "eu-consumer-chat.yaml"
    made = runner.invoke(main, ["recommend", "--profile", str(profile), "--format", "json", "-o", str(record)])
    assert made.exit_code == 0, made.output
    saved = json.loads(record.read_text(encoding="utf-8"))

    unchanged = runner.invoke(main, ["revisit", str(record)])
    assert unchanged.exit_code == 0, unchanged.output
    assert "Still holds" in unchanged.output

    top = saved["shortlist"][0]
    overlay, grant = noncommercial_overlay(tmp_path, top["license"])

    changed = runner.invoke(main, ["revisit", str(record), "--kb", str(overlay), "--format", "json"])
    assert changed.exit_code == 1, changed.output
    payload = json.loads(changed.output)
    [excluded] = [c for c in payload["changes"] if c["kind"] == "now-excluded" and c["subject"] == top["model"]]
    assert (excluded["license"], excluded["clause"], excluded["source"]) == (
        top["license"],
        grant["id"],
        grant["source"],
    )
    assert "non-commercial purposes only" in excluded["detail"]


def test_cli_rejects_a_file_that_is_not_a_decision(tmp_path: Path) -> None:
    bad = tmp_path / "decision.json"
    bad.write_text('{"schema": 1, "strategy": "maybe"}', encoding="utf-8")
    result = CliRunner().invoke(main, ["revisit", str(bad)])
    assert result.exit_code == 2
    assert "decision.json: not a decision record" in result.output


@pytest.mark.parametrize(("established_in", "severity"), [("DE", "high"), ("US", "low")])
def test_a_multimodal_successor_brings_the_regional_exclusion_with_it(established_in: str, severity: str) -> None:
    small = load([SMALL], bundled=False)
    profile = msgspec.convert(
        {"use_case": "chat", "established_in": established_in, "quality": "standard", "budget_usd_per_month": 100},
        Profile,
    )
    saved = recommend(profile, small, DECIDED)
    assert "acme-8b" in [c.model for c in saved.shortlist]
    result = revisit(saved, load([SMALL, OVERLAYS / "multimodal-successor"], bundled=False), NOW)
    [scope] = [c for c in result.changes if c.title.startswith("Regional exclusion for this model")]
    assert (scope.severity, scope.before, scope.after, scope.clause) == (severity, "none", "EU", "eu-multimodal")


def test_load_decision_names_the_file_when_it_cannot_be_read(tmp_path: Path) -> None:
    from advisor.domain.decision_io import load_decision
    from advisor.domain.inputs.problems import InputError

    with pytest.raises(InputError) as info:
        load_decision(tmp_path / "missing.json")
    assert str(info.value).endswith("missing.json: no such file")
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_decision(tmp_path / "bad.json")
    assert "bad.json: not valid JSON" in str(info.value)
