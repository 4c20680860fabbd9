"""Turning assessments into the record's entries: candidates with their costs and risks, the decision-wide risk list, the unassessed."""

from __future__ import annotations

import functools

import msgspec

from advisor.domain.costs.serving import ServingPlan
from advisor.domain.decision import Candidate, Excluded, KnowledgeInfo, Risk, Unassessed
from advisor.domain.decision_entries import Cost, QualityRating, QualityResult, Serving
from advisor.domain.engine.assessment import Assessment
from advisor.domain.engine.evidence import sorted_risks
from advisor.domain.findings import fact_clause
from advisor.domain.knowledge.base import KnowledgeBase
from advisor.domain.knowledge.quality import Basis, Placed
from advisor.domain.knowledge.vocabulary import Quality, UseCase


def _cost_record(a: Assessment) -> Cost | None:
    if a.cost is None:
        return None
    return Cost(
        route=a.cost.route,
        monthly_usd=a.cost.monthly_usd,
        basis=a.cost.basis,
        source=a.cost.source,
        host=a.host,
        alternatives=a.alternatives,
        reason=a.route_reason,
        break_even_tokens=a.break_even,
        break_even_ranges=a.break_even_ranges,
        monthly_usd_24m=a.monthly_usd_24m,
        customer_monthly_usd=a.cost.customer_usd,
        serving=_serving(a.cost.plan),
    )


def _serving(plan: ServingPlan | None) -> Serving | None:
    return _serving_of(plan) if plan is not None else None


@functools.lru_cache(maxsize=4096)
def _serving_of(plan: ServingPlan) -> Serving:
    # One record per plan: the plans are shared by every model of the same size (`serving.plan_for`), and a
    # frozen Serving can be too.
    return Serving(
        gpu=plan.gpu.name,
        gpus_per_replica=plan.gpus_per_replica,
        replicas=plan.replicas,
        precision=plan.memory.precision,
        memory_needed_gb=round(plan.memory.total, 1),
        gpu_memory_gb=plan.gpu.memory_gb,
        weights_gb=plan.memory.weights,
        kv_cache_gb=plan.memory.kv_cache,
    )


def to_candidate(a: Assessment) -> Candidate:
    return Candidate(
        model=a.model.id,
        license=a.lic.id,
        weights=a.model.weights,
        score=a.score,
        monthly_cost_usd=a.cost.monthly_usd if a.cost else 0.0,
        obligations=a.obligations,
        risks=sorted_risks(a.risks),
        name=a.model.name,
        vendor=a.model.vendor,
        cost=_cost_record(a),
        fit=a.fit,
        unverified=_unverified(a),
        score_parts=a.parts,
        fine_tune=a.fine_tune,
        quality=_quality_record(a),
    )


def _quality_record(a: Assessment) -> QualityRating | None:
    r = a.rating
    if r is None:
        return None
    if not r.deciding and not r.context:  # unrated for the use, or a hand-set tier: shared by many models
        return _without_results(r.use_case, r.tier, r.basis, r.agree)
    results = [_result(p, deciding=True) for p in r.deciding] + [_result(p, deciding=False) for p in r.context]
    return QualityRating(use_case=r.use_case, tier=r.tier, basis=r.basis, agree=r.agree, results=results)


@functools.lru_cache(maxsize=256)
def _without_results(use_case: UseCase, tier: Quality | None, basis: Basis, agree: int) -> QualityRating:
    # A rating no result decided reads the same for every model with it: one (frozen) record, shared.
    return QualityRating(use_case=use_case, tier=tier, basis=basis, agree=agree, results=[])


def _result(p: Placed, *, deciding: bool) -> QualityResult:
    e = p.evidence
    return QualityResult(
        benchmark=p.benchmark.id,
        name=p.benchmark.name,
        score=e.score,
        unit=p.benchmark.unit,
        tier=p.tier,
        self_reported=e.self_reported,
        as_of=e.as_of,
        source=e.source,
        setting=e.setting,
        deciding=deciding,
    )


def _unverified(a: Assessment) -> list[str]:
    """The facts a candidate rests on that are not confirmed from a primary source (usually none).

    Clause findings all come from the license (model findings cite `model.<field>`, listed here
    through the model's own `unverified`).
    """
    shaky = a.license_findings.unconfirmed if a.license_findings else frozenset()
    if not shaky and not a.model.unverified:
        return []
    facts = {fact_clause(name) for name in a.model.unverified}
    return sorted(facts | shaky)


def decision_risks(candidates: list[Candidate]) -> list[Risk]:
    """The shortlist's risks, each once, with the models it applies to.

    A clause finding is the same finding for every model under that license; a finding about a
    model's own entry (its hosts, its retirement) is merged by kind, keeping the first model's detail.
    """
    merged: dict[tuple[str, str], Risk] = {}
    for c in candidates:
        for r in c.risks:
            key = r.identity
            known = merged.get(key)
            if known is None:
                merged[key] = msgspec.structs.replace(r, models=[c.model])
            else:
                merged[key] = msgspec.structs.replace(known, models=[*known.models, c.model])
    return sorted_risks(merged.values())


def to_excluded(a: Assessment) -> Excluded:
    """A ruled-out model, with the blockers that rule it out."""
    return Excluded(
        model=a.model.id,
        license=a.lic.id,
        reasons=sorted_risks(r for r in a.risks if r.severity == "blocker"),
        name=a.model.name,
        vendor=a.model.vendor,
    )


def knowledge_info(kb: KnowledgeBase) -> KnowledgeInfo:
    """Which knowledge the decision was made on: its fingerprint, size and verification dates."""
    return KnowledgeInfo(
        fingerprint=kb.fingerprint,
        models=len(kb.models),
        licenses=len(kb.licenses),
        verified_through=kb.verified_through.isoformat() if kb.verified_through else None,
        oldest_verification=kb.oldest_verification.isoformat() if kb.oldest_verification else None,
        layers=kb.layers,
    )


def unassessed(kb: KnowledgeBase) -> list[Unassessed]:
    """The catalog entries a refresh overlay brought: listed for the reader, never ranked."""
    return [
        Unassessed(
            model=c.id,
            vendor=c.vendor,
            source=c.source,
            as_of=c.as_of.isoformat(),
            name=c.name,
            catalog=c.catalog,
            mode=c.mode,
        )
        for c in kb.catalog.values()
    ]


def with_ties(shortlist: list[Candidate]) -> list[Candidate]:
    """The shortlist with each entry's ties declared: the other shortlist models with the same score."""
    return [
        msgspec.structs.replace(c, tie_with=[o.model for o in shortlist if o is not c and o.score == c.score])
        for c in shortlist
    ]
