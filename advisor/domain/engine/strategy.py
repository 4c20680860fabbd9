"""Open, closed or hybrid, and the plan that routes traffic between the chosen models with a fallback."""

from __future__ import annotations

import math

from advisor.domain.costs import usd
from advisor.domain.decision import Split, Strategy
from advisor.domain.engine.assessment import Assessment
from advisor.domain.engine.costing import route_cost
from advisor.domain.engine.model_rules import use_case_fit
from advisor.domain.engine.scoring import TIER
from advisor.domain.knowledge.base import KnowledgeBase
from advisor.domain.knowledge.schema import Gpu
from advisor.domain.profile.answers import Profile

HYBRID_MARGIN = 0.05
"""Scores closer than this make the best open and best closed options a toss-up: use both."""
HYBRID_PRIMARY_SHARE = 0.8
"""In a hybrid split, the model carrying the bulk (the cheaper one, or the open one for sensitive data) takes this share."""


def choose_strategy(
    p: Profile, opens: list[Assessment], closeds: list[Assessment], kb: KnowledgeBase
) -> tuple[Strategy, list[str]]:
    """Open, closed or hybrid, from the best-ranked open-weights and closed candidates."""
    reasons: list[str] = []
    any_closed_fits = any(m.weights == "closed" and use_case_fit(p.use_case, m)[0] for m in kb.models.values())
    no_closed = (
        "No closed model passes your constraints."
        if any_closed_fits
        else f"The knowledge base has no closed models for {p.use_case.replace('_', ' ')}."
    )
    if p.self_host_required:
        reasons.append(
            "Your data may not leave your infrastructure, so only open-weights models you run yourself qualify."
        )
    if p.deployment in ("on_prem", "on_device") or p.distribute_weights:
        reasons.append("The model must run outside the vendor's cloud, which only open weights allow.")
    if not opens and not closeds:
        return ("open" if reasons else "closed"), [
            *reasons,
            "No model in the knowledge base passes every constraint; see the excluded list for what rules each out.",
        ]
    if not closeds:
        return "open", reasons or [no_closed]
    if not opens:
        return "closed", reasons or ["No open-weights model passes your constraints."]
    best_open, best_closed = opens[0], closeds[0]
    diff = best_open.score - best_closed.score
    sensitive = p.data_sensitivity in ("confidential", "regulated")
    over_budget = (
        p.budget_usd_per_month is not None
        and best_closed.cost is not None
        and best_open.cost is not None
        and best_closed.cost.monthly_usd > p.budget_usd_per_month >= best_open.cost.monthly_usd
    )
    comparison = (
        f"The best open-weights option, {best_open.model.name}, scores {best_open.score:.2f}; "
        f"the best closed one, {best_closed.model.name}, scores {best_closed.score:.2f}."
    )
    if abs(diff) < HYBRID_MARGIN:
        return "hybrid", [
            comparison,
            "They are close enough that using both buys resilience: each is the other's fallback.",
        ]
    if diff < 0 and sensitive and TIER[best_open.model.quality] >= TIER[p.quality] - 1:
        return "hybrid", [
            comparison,
            f"Your data is {p.data_sensitivity}: keep it on the open model you control and send only non-sensitive, hardest work to the API.",
        ]
    if diff < 0 and over_budget:
        return "hybrid", [
            comparison,
            "The closed model is over budget at your volume; the open model carries the bulk and the API handles what needs it.",
        ]
    if diff > 0:
        return "open", [comparison]
    return "closed", [comparison]


def plan_split(
    p: Profile,
    strategy: Strategy,
    considered: list[Assessment],
    opens: list[Assessment],
    closeds: list[Assessment],
    gpus: list[Gpu],
) -> Split | None:
    if not considered:
        return None

    def fallback_for(primary: Assessment, pool: list[Assessment]) -> Assessment | None:
        for a in pool:
            if a is not primary and a.model.vendor != primary.model.vendor:
                return a
        for a in pool:
            if a is not primary and a.model.family != primary.model.family:
                return a
        return None

    if strategy == "hybrid" and opens and closeds:
        sensitive = p.data_sensitivity in ("confidential", "regulated")
        open_part, closed_part = opens[0], closeds[0]
        if sensitive:  # the bulk, sensitive data included, stays on the open model; the API gets the rest
            bulk_model, rest_model = open_part, closed_part
        else:  # the cheaper model carries the bulk
            bulk_model, rest_model = sorted(
                (open_part, closed_part), key=lambda a: (a.cost.monthly_usd if a.cost else math.inf, a.model.id)
            )
        bulk = int(p.monthly_tokens * HYBRID_PRIMARY_SHARE)
        rest = p.monthly_tokens - bulk
        cost = route_cost(bulk_model, bulk, gpus) + route_cost(rest_model, rest, gpus)
        own_infra = open_part.cost is not None and open_part.cost.route == "self_host"
        keeps_sensitive = sensitive and bulk_model is open_part and own_infra
        routing = (
            f"Send {HYBRID_PRIMARY_SHARE:.0%} of traffic — routine requests"
            + (" and everything containing sensitive data" if keeps_sensitive else "")
            + f" — to {bulk_model.model.name}; send the hardest {1 - HYBRID_PRIMARY_SHARE:.0%}"
            + (" (only non-sensitive requests)" if keeps_sensitive and rest_model is closed_part else "")
            + f" to {rest_model.model.name}."
            + (_hosted_sensitive_note(open_part) if sensitive and not own_infra else "")
        )
        return Split(
            primary=bulk_model.model.id,
            primary_share=HYBRID_PRIMARY_SHARE,
            secondary=rest_model.model.id,
            routing=routing,
            fallback=rest_model.model.id,
            fallback_plan=f"Keep one prompt format and evaluation set for both: if either becomes unavailable (outage, retirement, license change), route all traffic to the other ({open_part.model.name} keeps working whatever {closed_part.model.vendor.capitalize()} decides).",
            monthly_cost_usd=round(cost, 2),
        )
    pool = opens if strategy == "open" else closeds
    primary = pool[0] if pool else considered[0]
    backup = fallback_for(primary, pool) or fallback_for(primary, considered)
    plan = (
        f"Keep {backup.model.name} tested against the same evaluation set; switch to it if {primary.model.name} is retired, repriced or relicensed."
        if backup
        else "No independent fallback passes your constraints; keep your prompts and data portable."
    )
    return Split(
        primary=primary.model.id,
        primary_share=1.0,
        secondary=None,
        routing=f"All traffic to {primary.model.name}.",
        fallback=backup.model.id if backup else None,
        fallback_plan=plan,
        monthly_cost_usd=primary.cost.monthly_usd if primary.cost else 0.0,
    )


def _hosted_sensitive_note(a: Assessment) -> str:
    """What to do about sensitive data when the open part of a plan runs at a third-party host."""
    if a.self_host_usd is None:
        return (
            f" {a.model.name} runs through a hosted provider and no single-node GPU setup in the knowledge base"
            " serves it: keep sensitive data off it, or sign the host's data processing agreement."
        )
    return (
        f" {a.model.name} runs through a hosted provider at this volume: self-host it (about"
        f" {usd(a.self_host_usd)}/month) if sensitive data must stay on your infrastructure."
    )
