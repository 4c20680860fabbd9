"""How each model would run (vendor API, a host, your GPUs, users' devices) and what that costs at the profile's volume."""

from __future__ import annotations

from advisor.domain.costs import (
    CostEstimate,
    api_cost,
    break_even_tokens,
    self_host_cost,
    single_replica_cost,
    usd,
)
from advisor.domain.engine.assessment import Assessment
from advisor.domain.engine.evidence import model_risk
from advisor.domain.engine.model_rules import no_hardware_risk
from advisor.domain.findings import FindingKind
from advisor.domain.knowledge.schema import Gpu
from advisor.domain.profile.answers import Profile
from advisor.domain.wording import name_list

ROUTE_WORDS = {"api": "hosted API", "self_host": "self-hosted", "on_device": "on device"}


def choose_route(p: Profile, a: Assessment, gpus: list[Gpu]) -> None:
    m = a.model
    if m.weights == "open" and p.deployment == "on_device":
        a.cost = CostEstimate("on_device", 0.0, "runs on users' devices: no inference bill", None)
        return
    if "image_generation" in m.modalities and m.weights == "open":
        a.cost = single_replica_cost(m, gpus)
        if a.cost is None:
            a.add(no_hardware_risk(m))
        return
    api = api_cost(m, p.monthly_tokens)
    if m.weights == "closed":
        a.cost = api
        return
    own = self_host_cost(m, p.monthly_tokens, gpus)
    must_self_host = p.self_host_required or p.deployment == "on_prem"
    options = [c for c in (own, None if must_self_host else api) if c is not None]
    if not options:
        a.add(no_hardware_risk(m))
        return

    def preference(c: CostEstimate) -> tuple[bool, float, str]:
        if p.data_sensitivity == "regulated":
            avoid = c.route != "self_host"  # regulated data stays on infrastructure you control
        elif p.ml_team == "none":
            avoid = c.route != "api"  # nobody to run GPUs
        else:
            avoid = False
        return (avoid, c.monthly_usd, c.route)

    options.sort(key=preference)
    a.cost = options[0]
    a.alternatives = [f"{ROUTE_WORDS[c.route]}: {usd(c.monthly_usd)}/month — {c.basis}" for c in options[1:]]
    a.self_host_usd = own.monthly_usd if own is not None else None
    if api is not None and own is not None and not must_self_host:
        a.break_even = break_even_tokens(api, m, gpus, p.monthly_tokens)
    if a.cost.route == "api" and p.data_sensitivity in ("confidential", "regulated"):
        hosts = name_list(m.hosts) if m.hosts else "a hosted provider"
        a.add(
            model_risk(
                m,
                "hosts",
                FindingKind.HOSTED_OPEN_WEIGHTS_DATA,
                "high" if p.data_sensitivity == "regulated" else "medium",
                "Your data goes to a third-party host",
                f"The cheapest route serves the open weights through {hosts}; your {p.data_sensitivity} data leaves your infrastructure, under that host's terms (not in this knowledge base)."
                + (
                    " Where the host processes EU users' personal data outside the EU, that is an international transfer under the GDPR."
                    if p.has_eu_users
                    else ""
                ),
                fill=dict(
                    self_host_cost=f" (about {usd(a.self_host_usd)}/month)" if a.self_host_usd is not None else ""
                ),
            )
        )
    if p.deployment == "on_prem" and own is not None:
        a.cost = CostEstimate(
            "self_host", own.monthly_usd, own.basis + "; on the customer's hardware", own.source, own.plan
        )


def route_cost(a: Assessment, tokens: int, gpus: list[Gpu]) -> float:
    if a.cost is None or a.cost.route == "on_device":
        return 0.0
    estimate = api_cost(a.model, tokens) if a.cost.route == "api" else self_host_cost(a.model, tokens, gpus)
    return estimate.monthly_usd if estimate else 0.0
