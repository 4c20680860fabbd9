"""The registry of finding kinds, typed evidence and watch triggers: what every face relies on to name a finding."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import msgspec
import pytest

from advisor.domain.changes import Change, ChangeKind
from advisor.domain.decision import Decision, Risk
from advisor.domain.engine import recommend
from advisor.domain.engine.triggers import established_in, flag, from_date, tokens_above, users_above
from advisor.domain.findings import KINDS, ClauseRef, FindingKind, ModelFact, clause_text, evidence_of, kind_of
from advisor.domain.knowledge.base import KnowledgeBase
from advisor.domain.profile.answers import Profile, load_profile

EXAMPLES = Path(__file__).parent.parent / "examples"
NOW = dt.datetime(2026, 11, 22, 10, 0, tzinfo=dt.UTC)

# Answers that between them raise nearly every kind of finding on the bundled knowledge.
PROFILES = [
    {"use_case": "chat", "monthly_active_users": 800_000_000, "annual_revenue_usd": 5_000_000},
    {"use_case": "vision", "established_in": "DE", "user_regions": ["EU"], "data_sensitivity": "regulated"},
    {"use_case": "code", "train_on_outputs": True, "customization": "fine_tune", "ml_team": "none"},
    {"use_case": "chat", "deployment": "on_device", "distribute_weights": True, "budget_usd_per_month": 1},
    {"use_case": "extraction", "commercial": False, "data_sensitivity": "confidential", "established_in": "CN"},
    {"use_case": "chat", "monthly_active_users": 2_000_000, "monthly_active_users_24m": 300_000_000},
]


def decisions(kb: KnowledgeBase) -> list[Decision]:
    found = [recommend(load_profile(path), kb, NOW) for path in sorted(EXAMPLES.glob("*.yaml"))]
    return found + [recommend(msgspec.convert(answers, Profile), kb, NOW) for answers in PROFILES]


def every_risk(decision: Decision) -> list[Risk]:
    return [r for c in decision.considered for r in c.risks] + [r for e in decision.excluded for r in e.reasons]


def test_every_kind_is_registered_with_what_to_do_about_it() -> None:
    assert set(KINDS) == set(FindingKind)
    assert all(info.about and info.mitigation for info in KINDS.values())


def test_every_finding_the_engine_makes_has_a_registered_kind_and_its_mitigation(kb: KnowledgeBase) -> None:
    seen: set[FindingKind] = set()
    for decision in decisions(kb):
        for risk in every_risk(decision):
            kind = risk.kind
            assert kind is not None, f"unregistered finding id {risk.id!r}"
            seen.add(kind)
            if "{" not in KINDS[kind].mitigation:
                assert risk.mitigation == KINDS[kind].mitigation
    # the sample above is meant to exercise the registry, not three kinds of it
    assert len(seen) >= 30, sorted(set(FindingKind) - seen)


def test_a_qualified_id_names_its_kind_and_an_unknown_id_names_none() -> None:
    assert kind_of("commercial-condition-hosting-license") is FindingKind.COMMERCIAL_CONDITION
    assert kind_of("mau-threshold-24m") is FindingKind.MAU_THRESHOLD_24M
    assert kind_of("a-kind-from-a-newer-advisor") is None


@pytest.mark.parametrize(
    ("license_id", "clause", "evidence"),
    [
        ("llama3.2", "eu-multimodal-exclusion", ClauseRef("llama3.2", "eu-multimodal-exclusion")),
        ("apache-2.0", "license.commercial_use", ClauseRef("apache-2.0", "license.commercial_use")),
        ("openai-api-terms", "model.deprecated", ModelFact("openai-api-terms", "deprecated")),
    ],
)
def test_evidence_is_read_from_and_written_to_the_record_one_way(
    license_id: str, clause: str, evidence: ClauseRef | ModelFact
) -> None:
    assert evidence_of(license_id, clause) == evidence
    assert clause_text(evidence) == clause


def test_a_fact_of_a_model_entry_is_one_finding_across_models_and_a_clause_one_per_license(kb: KnowledgeBase) -> None:
    for decision in decisions(kb):
        identities = [r.identity for r in decision.risks]
        assert len(identities) == len(set(identities))
        for risk in decision.risks:
            holders = [c for c in decision.shortlist if c.model in risk.models]
            assert holders and all(any(r.identity == risk.identity for r in c.risks) for c in holders)


def test_a_change_kind_outside_the_closed_set_is_not_a_change() -> None:
    data = {"kind": "retired", "severity": "high", "subject": "gpt-5", "title": "t", "detail": "d"}
    with pytest.raises(msgspec.ValidationError):
        msgspec.convert(data, Change)
    assert msgspec.convert({**data, "kind": "model-removed"}, Change).kind is ChangeKind.MODEL_REMOVED


def test_watch_triggers_are_data_that_read_as_expressions_and_sort_by_their_numbers() -> None:
    assert users_above(700_000_000).expr == "monthly_active_users > 700000000"
    assert established_in(["EU"]).expr == "established_in == EU"
    assert established_in(["EU", "CN"]).expr == "established_in in [EU, CN]"
    assert flag("commercial", "The product earns money").expr == "commercial == true"
    assert from_date(dt.date(2026, 12, 11)).expr == "date >= 2026-12-11"
    triggers = [tokens_above(10_000_000_000), tokens_above(2_500_000_000), users_above(100_000_000)]
    assert [t.value for t in sorted(triggers, key=lambda t: t.order())] == [100_000_000, 2_500_000_000, 10_000_000_000]
