"""What a model costs through an API at its list price: the vendor's own, or a host's."""

from __future__ import annotations

import functools

from advisor.domain.costs.estimate import CostEstimate
from advisor.domain.costs.workload import Workload
from advisor.domain.knowledge.schema import Model, Price
from advisor.domain.wording import token_volume, vendor_name


def api_cost(model: Model, w: Workload) -> CostEstimate | None:
    """Monthly cost at the model's list price, or None when it has no price."""
    if model.price is None:
        return None
    return price_cost(model.price, model, w)


def price_cost(price: Price, model: Model, w: Workload) -> CostEstimate:
    """Monthly cost of `model` at one host's list price (the model's own `price`, or one of its `prices`)."""
    if model.weights == "closed" or price.host == model.vendor:
        provider = "the vendor's API"
    else:
        provider = vendor_name(price.host) if price.host else "a hosted provider"
    return _api_cost(price, provider, w.monthly_tokens, w.input_share)


def api_monthly_usd(price: Price, w: Workload) -> float:
    """What `price_cost` comes to a month, without the words of how (the same route at another volume)."""
    return round(w.monthly_tokens / 1_000_000 * _blended(price, w.input_share), 2)


def _blended(price: Price, input_share: float) -> float:
    """Per million tokens at the workload's mix of input and output."""
    return input_share * price.input_usd_per_mtok + (1 - input_share) * price.output_usd_per_mtok


@functools.lru_cache(maxsize=65536)
def _api_cost(price: Price, provider: str, monthly_tokens: int, input_share: float) -> CostEstimate:
    # Cached: providers serving the same weights often list the same price.
    per_mtok = _blended(price, input_share)
    monthly = monthly_tokens / 1_000_000 * per_mtok
    basis = (
        f"{_volume_words(monthly_tokens)} tokens × ${per_mtok:.3g}/M blended "
        f"(${price.input_usd_per_mtok:g} in, ${price.output_usd_per_mtok:g} out; "
        f"{provider}, list price as of {price.as_of.isoformat()})"
    )
    return CostEstimate("api", round(monthly, 2), basis, price.source)


@functools.lru_cache(maxsize=256)
def _volume_words(monthly_tokens: int) -> str:
    # Every model of a decision is priced at the same volume: worded once.
    return token_volume(monthly_tokens)
