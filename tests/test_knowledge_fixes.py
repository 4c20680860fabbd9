"""The advice that the license audit's fixes to the knowledge (issue 18) change, one test per fix."""

from __future__ import annotations

import datetime as dt

import msgspec

from advisor.domain.decision import Decision
from advisor.domain.engine import recommend
from advisor.domain.knowledge.base import KnowledgeBase
from advisor.domain.profile.answers import Profile

NOW = dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.UTC)


def decide(kb: KnowledgeBase, **answers: object) -> Decision:
    return recommend(msgspec.convert({"use_case": "chat", **answers}, Profile), kb, NOW)


def risks_of(decision: Decision, model: str) -> dict[str, str]:
    for c in decision.considered:
        if c.model == model:
            return {r.id: r.severity for r in c.risks}
    for e in decision.excluded:
        if e.model == model:
            return {r.id: r.severity for r in e.reasons}
    raise AssertionError(f"{model} is neither considered nor excluded")


def test_an_eu_startup_with_personal_data_is_warned_about_claude_and_openai_processing(kb: KnowledgeBase) -> None:
    eu = decide(kb, established_in="EU", user_regions=["EU"], data_sensitivity="confidential")
    for model in ("claude-sonnet-5", "gpt-5.5"):  # no self-serve EU-only processing on either API
        assert risks_of(eu, model)["data-leaves-eu"] == "medium"
    assert "data-leaves-eu" not in risks_of(eu, "mistral-medium-3.1")  # served from the EU


def test_falcon3_findings_rest_on_an_unread_license_and_say_so(kb: KnowledgeBase) -> None:
    falcon3 = next(c for c in decide(kb).considered if c.model == "falcon3-7b-instruct")
    assert "model.license" in falcon3.unverified
    assert falcon3.risks and all(not r.verified for r in falcon3.risks if r.license == "falcon-llm-license")
