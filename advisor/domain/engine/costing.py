"""How each model would run (vendor API, a host, your GPUs, users' devices) and what that costs at the profile's volume."""

from __future__ import annotations

from advisor.domain.costs.api import api_cost, price_cost
from advisor.domain.costs.break_even import break_even_ranges
from advisor.domain.costs.estimate import CostEstimate
from advisor.domain.costs.self_host import self_host_cost
from advisor.domain.costs.workload import Workload
from advisor.domain.decision import Risk
from advisor.domain.decision_entries import Alternative
from advisor.domain.engine.assessment import Assessment
from advisor.domain.engine.evidence import model_risk
from advisor.domain.engine.model_rules import no_hardware_risk
from advisor.domain.findings import FindingKind
from advisor.domain.knowledge.hardware import Gpu
from advisor.domain.knowledge.schema import Model
from advisor.domain.profile.answers import Profile
from advisor.domain.wording import name_list, usd, vendor_name


def host_of(p: Profile, model: Model, estimate: CostEstimate) -> str:
    """Who serves the model on this route, named as a founder would look them up."""
    if estimate.route == "on_device":
        return "your users' devices"
    if estimate.route == "self_host":
        return "the customer's hardware" if p.deployment == "on_prem" else "your own GPUs (rented)"
    if model.weights == "closed":
        return f"{vendor_name(model.vendor)}'s API"
    host = model.price.host if model.price is not None else None
    if host is None:
        return "a hosted provider"
    return f"{vendor_name(host)}'s API" if host == model.vendor else vendor_name(host)


def _route_reason(p: Profile, chosen: CostEstimate, others: list[CostEstimate], must_self_host: bool) -> str | None:
    """Why the answers put the model on this route, when a cheaper one was on offer (None when it is the cheapest)."""
    cheaper = [c for c in others if c.monthly_usd < chosen.monthly_usd]
    if must_self_host:
        return (
            "the model runs on the customer's premises"
            if p.deployment == "on_prem"
            else "your data may not leave your infrastructure"
        )
    if not cheaper:
        return None
    if p.data_sensitivity == "regulated" and chosen.route == "self_host":
        return "regulated data stays on infrastructure you control"
    if p.ml_team == "none" and chosen.route == "api":
        return "with no ML team, a hosted API spares you running GPUs"
    return None


def _other_hosts(model: Model, w: Workload) -> list[Alternative]:
    """The model at other hosts' known prices (a neutral host beside the vendor's own API, say)."""
    chosen = model.price.host if model.price is not None else None
    offers = []
    for price in model.prices:
        if price.host == chosen:
            continue  # the same seller: a disagreeing figure, kept in the knowledge, not another route
        estimate = price_cost(price, model, w)
        offers.append(
            Alternative(
                route="api", host=vendor_name(price.host), monthly_usd=estimate.monthly_usd, basis=estimate.basis
            )
        )
    return offers


def choose_route(p: Profile, a: Assessment, gpus: list[Gpu], w: Workload) -> None:
    """Cost every route the answers allow, pick one for the model, and keep the others as alternatives."""
    m = a.model
    if m.weights == "open" and p.deployment == "on_device":
        a.cost = CostEstimate("on_device", 0.0, "runs on users' devices: no inference bill", None)
        a.host = host_of(p, m, a.cost)
        return
    if "image_generation" in m.modalities and m.weights == "open":
        a.cost = self_host_cost(m, w.with_tokens(0), gpus)
        if a.cost is None:
            a.add(no_hardware_risk(m))
        else:
            a.host = host_of(p, m, a.cost)
        return
    api = api_cost(m, w)
    if m.weights == "closed":
        a.cost = api
        if api is not None:
            a.host = host_of(p, m, api)
        return
    own = self_host_cost(m, w, gpus)
    must_self_host = p.self_host_required or p.deployment == "on_prem"
    options = [c for c in (own, api) if c is not None]
    allowed = [c for c in options if not (must_self_host and c.route == "api")]
    if not allowed:
        a.add(no_hardware_risk(m))
        return

    def preference(c: CostEstimate) -> tuple[bool, float, str]:
        if p.data_sensitivity == "regulated":
            avoid = c.route != "self_host"  # regulated data stays on infrastructure you control
        elif p.ml_team == "none":
            avoid = c.route != "api"  # nobody to run GPUs
        else:
            avoid = False
        return (avoid, c.monthly_usd + c.customer_usd, c.route)

    allowed.sort(key=preference)
    a.cost = allowed[0]
    a.host = host_of(p, m, a.cost)
    others = [c for c in options if c is not a.cost]
    a.alternatives = [
        Alternative(route=c.route, host=host_of(p, m, c), monthly_usd=c.monthly_usd, basis=c.basis) for c in others
    ] + _other_hosts(m, w)
    a.route_reason = _route_reason(p, a.cost, others, must_self_host)
    a.self_host_usd = own.monthly_usd if own is not None else None
    if api is not None and own is not None and not must_self_host:
        a.break_even_ranges = break_even_ranges(api, m, gpus, w)
        a.break_even = a.break_even_ranges[0][0] if a.break_even_ranges else None
    known_terms = m.price is not None and m.price.terms is not None  # then the host's own data findings apply
    if a.cost.route == "api" and p.data_sensitivity in ("confidential", "regulated") and not known_terms:
        a.add(_third_party_host_risk(p, a))


def _third_party_host_risk(p: Profile, a: Assessment) -> Risk:
    """Open weights served by a host whose data terms the knowledge base does not hold."""
    m = a.model
    other_hosts = [h for h in m.hosts if m.price is None or h != m.price.host]
    if a.host == "a hosted provider":  # the price's host is not recorded: name who serves the weights
        hosts = name_list(m.hosts) if m.hosts else a.host
    else:
        hosts = a.host + (f" (also served by {name_list(other_hosts)})" if other_hosts else "")
    return model_risk(
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
        fill=dict(self_host_cost=f" (about {usd(a.self_host_usd)}/month)" if a.self_host_usd is not None else ""),
    )


def route_estimate(a: Assessment, w: Workload, gpus: list[Gpu]) -> CostEstimate | None:
    """The model on its chosen route at another workload (a share of the traffic, the 24-month volume)."""
    if a.cost is None:
        return None
    if a.cost.route == "on_device":
        return a.cost
    if a.cost.route == "api":
        return api_cost(a.model, w) if a.model.price is not None else None
    if "image_generation" in a.model.modalities:
        return a.cost  # image serving is sized for redundancy, not volume
    return self_host_cost(a.model, w, gpus)


def route_cost(a: Assessment, w: Workload, gpus: list[Gpu]) -> float:
    """The model's monthly cost on its chosen route at workload `w` (0 on users' devices)."""
    estimate = route_estimate(a, w, gpus)
    return estimate.monthly_usd if estimate else 0.0
