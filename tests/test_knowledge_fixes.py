"""The advice that the license audit's fixes to the knowledge (issue 18) change, one test per fix."""

from __future__ import annotations

import datetime as dt

import msgspec

from advisor.domain.decision import Decision
from advisor.domain.engine import recommend
from advisor.domain.knowledge.base import KnowledgeBase
from advisor.domain.profile.answers import Profile

from .conftest import risks_of

NOW = dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.UTC)


def decide(kb: KnowledgeBase, **answers: object) -> Decision:
    return recommend(msgspec.convert({"use_case": "chat", **answers}, Profile), kb, NOW)


def test_an_eu_startup_with_personal_data_is_warned_about_claude_and_openai_processing(kb: KnowledgeBase) -> None:
    eu = decide(kb, established_in="EU", user_regions=["EU"], data_sensitivity="confidential")
    for model in ("claude-sonnet-5", "gpt-5.5"):  # no self-serve EU-only processing on either API
        assert risks_of(eu, model)["data-leaves-eu"] == "medium"
    assert "data-leaves-eu" not in risks_of(eu, "mistral-medium-3.1")  # served from the EU


def test_falcon3_findings_rest_on_an_unread_license_and_say_so(kb: KnowledgeBase) -> None:
    falcon3 = next(c for c in decide(kb).considered if c.model == "falcon3-7b-instruct")
    assert "model.license" in falcon3.unverified
    assert falcon3.risks and all(not r.verified for r in falcon3.risks if r.license == "falcon-llm-license")


def test_api_terms_that_bind_end_users_say_so_alike(kb: KnowledgeBase) -> None:
    for terms in ("openai-api-terms", "anthropic-api-terms", "mistral-api-terms", "gemini-api-terms"):
        assert kb.licenses[terms].use_restrictions_flow_down, terms


def test_mistrals_current_terms_limit_training_on_outputs_only_as_written(kb: KnowledgeBase) -> None:
    mistral = kb.licenses["mistral-api-terms"]
    assert mistral.url == "https://legal.mistral.ai/terms/commercial-terms-of-service"
    assert mistral.output_training == "conditional"
    first = next(c for c in mistral.clauses if c.topic == "output_training")
    assert "image Outputs" in first.quote  # the only 'competing' ban is on image outputs
    assert not any("discontinuation of the Model" in c.quote for c in mistral.clauses)  # the old six-month promise
    codestral = next(c for c in decide(kb, train_on_outputs=True).considered if c.model == "codestral-2508")
    finding = next(r for r in codestral.risks if r.id.startswith("output-training"))
    assert finding.clause == "image-outputs-competing"


def test_conditional_commercial_use_always_names_its_gate(kb: KnowledgeBase) -> None:
    for lic in kb.licenses.values():
        gated = lic.mau_limit is not None or lic.revenue_limit_usd is not None or bool(lic.commercial_conditions)
        assert (lic.commercial_use == "conditional") == gated or lic.commercial_use == "forbidden", lic.id
    assert kb.licenses["deepseek"].commercial_use == kb.licenses["gemma"].commercial_use == "allowed"
