"""How each model would run (vendor API, a host, your GPUs, users' devices) and what that costs at the profile's volume."""

from __future__ import annotations

import msgspec

from advisor.domain.costs.api import api_cost, api_monthly_usd, price_cost
from advisor.domain.costs.break_even import break_even_ranges
from advisor.domain.costs.estimate import CostEstimate
from advisor.domain.costs.images import image_api_cost, image_price_cost, image_self_host_cost, makes_images
from advisor.domain.costs.self_host import self_host_cost
from advisor.domain.costs.workload import Workload
from advisor.domain.decision import Risk
from advisor.domain.decision_entries import Alternative
from advisor.domain.engine.assessment import Assessment
from advisor.domain.engine.evidence import model_risk
from advisor.domain.engine.model_rules import no_hardware_risk
from advisor.domain.findings import FindingKind
from advisor.domain.knowledge.hardware import Gpu
from advisor.domain.knowledge.image_pricing import ImagePrice
from advisor.domain.knowledge.schema import Model, Price
from advisor.domain.profile.answers import Profile
from advisor.domain.wording import name_list, usd, vendor_name


def host_of(p: Profile, model: Model, route: str, listed: Price | ImagePrice | None) -> str:
    """Who serves the model on `route`, named as a founder would look them up (`listed`: its `list_price`)."""
    if route == "on_device":
        return "your users' devices"
    if route == "self_host":
        return "the customer's hardware" if p.deployment == "on_prem" else "your own GPUs (rented)"
    if model.weights == "closed":
        return f"{vendor_name(model.vendor)}'s API"
    host = listed.host if listed is not None else None
    if host is None:
        return "a hosted provider"
    return f"{vendor_name(host)}'s API" if host == model.vendor else vendor_name(host)


def list_price(model: Model) -> Price | ImagePrice | None:
    """The model's own list price: per image for an image model, per token for the rest."""
    return model.image_price if makes_images(model) else model.price


def _api(model: Model, w: Workload, image: bool) -> CostEstimate | None:
    """The model on its vendor's (or main host's) API; `image`: whether it makes images (`makes_images`)."""
    return image_api_cost(model, w) if image else api_cost(model, w)


def _own(model: Model, w: Workload, gpus: list[Gpu], image: bool) -> CostEstimate | None:
    """The model on GPUs you run; `image` as for `_api`."""
    return image_self_host_cost(model, w, gpus) if image else self_host_cost(model, w, gpus)


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


def _other_hosts(model: Model, w: Workload, listed: Price | ImagePrice | None, image: bool) -> list[Alternative]:
    """The model at other hosts' known prices (a neutral host beside the vendor's own API, say)."""
    chosen = listed.host if listed is not None else None
    offers = []
    for price in model.image_prices if image else model.prices:
        if price.host == chosen:
            continue  # the same seller: a disagreeing figure, kept in the knowledge, not another route
        estimate = image_price_cost(price, model, w) if isinstance(price, ImagePrice) else price_cost(price, model, w)
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
        a.host = host_of(p, m, "on_device", None)
        return
    image = makes_images(m)
    listed = list_price(m)
    api = _api(m, w, image)
    if m.weights == "closed":
        a.cost = api
        if api is not None:
            a.host = host_of(p, m, "api", listed)
        return
    own = _own(m, w, gpus, image)
    must_self_host = p.self_host_required or p.deployment == "on_prem"
    options = [c for c in (own, api) if c is not None]
    allowed = [c for c in options if not (must_self_host and c.route == "api")]
    if not allowed:
        a.add(no_hardware_risk(m))
        return
    if p.data_sensitivity == "regulated":
        preferred: str | None = "self_host"  # regulated data stays on infrastructure you control
    elif p.ml_team == "none":
        preferred = "api"  # nobody to run GPUs
    else:
        preferred = None

    def preference(c: CostEstimate) -> tuple[bool, float, str]:
        return (preferred is not None and c.route != preferred, c.monthly_usd + c.customer_usd, c.route)

    a.cost = chosen = min(allowed, key=preference) if len(allowed) > 1 else allowed[0]
    a.host = host_of(p, m, chosen.route, listed)
    others = [c for c in options if c is not chosen]
    a.alternatives = [
        Alternative(route=c.route, host=host_of(p, m, c.route, listed), monthly_usd=c.monthly_usd, basis=c.basis)
        for c in others
    ]
    if m.prices or m.image_prices:  # other hosts' prices
        a.alternatives += _other_hosts(m, w, listed, image)
    a.route_reason = _route_reason(p, chosen, others, must_self_host)
    a.self_host_usd = own.monthly_usd if own is not None else None
    if api is not None and own is not None and not must_self_host and not image:  # token volumes
        a.break_even_ranges = break_even_ranges(api, m, gpus, w)
        a.break_even = a.break_even_ranges[0][0] if a.break_even_ranges else None
    known_terms = listed is not None and listed.terms is not None  # then the host's own data findings apply
    if a.cost.route == "api" and p.data_sensitivity in ("confidential", "regulated") and not known_terms:
        a.add(_third_party_host_risk(p, a))


def _third_party_host_risk(p: Profile, a: Assessment) -> Risk:
    """Open weights served by a host whose data terms the knowledge base does not hold."""
    m = a.model
    other_hosts = [h for h in m.hosts if m.price is None or h != m.price.host]
    if a.host == "a hosted provider":  # the price's host is not recorded: name who serves the weights
        hosts = name_list([vendor_name(h) for h in m.hosts]) if m.hosts else a.host
    else:
        others = name_list([vendor_name(h) for h in other_hosts])
        hosts = a.host + (f" (also served by {others})" if other_hosts else "")
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
        return _api(a.model, w, makes_images(a.model))
    return _own(a.model, w, gpus, makes_images(a.model))


def route_monthly_usd(a: Assessment, w: Workload, gpus: list[Gpu]) -> float | None:
    """`route_estimate(a, w, gpus).monthly_usd`, without the words of how it was reached (the 24-month figure)."""
    if a.cost is None:
        return None
    if a.cost.route == "on_device":
        return a.cost.monthly_usd
    if a.cost.route == "api" and not makes_images(a.model):
        return api_monthly_usd(a.model.price, w) if a.model.price is not None else None
    estimate = route_estimate(a, w, gpus)
    return estimate.monthly_usd if estimate is not None else None


def route_cost(a: Assessment, w: Workload, gpus: list[Gpu]) -> float:
    """The model's monthly cost on its chosen route at workload `w` (0 on users' devices)."""
    estimate = route_estimate(a, w, gpus)
    return estimate.monthly_usd if estimate else 0.0


def license_fee(p: Profile, a: Assessment) -> None:
    """Add a published paid license's fee to the model's cost, where the profile is past its free threshold.

    Stability's Enterprise License, say, has no published price: then nothing is added and the finding says
    "price on request" (`license_rules`); a vendor that publishes one gets it in every cost the record shows.
    """
    paid, limit = a.lic.paid_license, a.lic.revenue_limit_usd
    if paid is None or paid.usd_per_year is None or limit is None or p.annual_revenue_usd <= limit:
        return
    fee = paid.usd_per_year / 12
    words = f"; plus {paid.name} at {paid.price_words}"
    if a.cost is not None:
        a.cost = msgspec.structs.replace(
            a.cost, monthly_usd=round(a.cost.monthly_usd + fee, 2), basis=a.cost.basis + words
        )
    if a.monthly_usd_24m is not None:
        a.monthly_usd_24m = round(a.monthly_usd_24m + fee, 2)
