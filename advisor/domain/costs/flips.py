"""Which cost assumptions would flip the comparison between the API and self-hosting, and at what value.

Computed, not written: each assumption is moved on its own, the rest held, until the cheaper route
changes (GPU utilisation, GPU prices, the API's price, the engineer's share, the volume). The report
prints them so a reader can see how much the answer leans on each.
"""

from __future__ import annotations

from collections.abc import Callable

import msgspec

from advisor.domain.costs.api import api_cost
from advisor.domain.costs.break_even import break_even_ranges
from advisor.domain.costs.self_host import self_host_cost
from advisor.domain.costs.workload import ENGINEER_USD_PER_MONTH, Workload
from advisor.domain.decision_entries import CostFlip
from advisor.domain.knowledge.hardware import Gpu
from advisor.domain.knowledge.schema import Model
from advisor.domain.wording import token_volume


def cost_flips(model: Model, w: Workload, gpus: list[Gpu]) -> list[CostFlip]:
    """The assumptions whose change would make the other route cheaper for `model` (empty without both routes)."""
    api, own = api_cost(model, w), self_host_cost(model, w, gpus)
    if api is None or own is None or api.monthly_usd <= 0:
        return []
    own_total = own.monthly_usd + own.customer_usd
    api_cheaper = api.monthly_usd < own_total
    effect = "self-hosting becomes cheaper" if api_cheaper else "the API becomes cheaper"
    flips: list[CostFlip] = []

    def self_host_at(change: Callable[[Workload], Workload]) -> float | None:
        estimate = self_host_cost(model, change(w), gpus)
        return None if estimate is None else estimate.monthly_usd + estimate.customer_usd

    def search(low: float, high: float, change: Callable[[float], Workload]) -> float | None:
        """The value in [low, high] where the cheaper route changes (None if it does not in that range)."""

        def flipped(value: float) -> bool:
            cost = self_host_at(lambda _: change(value))
            return cost is not None and (cost < api.monthly_usd) == api_cheaper

        if not flipped(high if api_cheaper else low) and not flipped(low if api_cheaper else high):
            return None
        lo, hi = low, high
        for _ in range(40):
            mid = (lo + hi) / 2
            if flipped(mid) == flipped(hi):
                hi = mid
            else:
                lo = mid
        return hi if flipped(hi) else lo

    utilization = search(0.05, 1.0, lambda u: msgspec.structs.replace(w, utilization=u))
    if utilization is not None:
        flips.append(_flip("GPU utilisation", f"{w.utilization:.0%}", f"{utilization:.0%}", effect))
    price = search(0.05, 20.0, lambda f: msgspec.structs.replace(w, gpu_price_factor=f))
    if price is not None:
        flips.append(_flip("GPU prices", "as listed", _times(price), effect))
    flips.append(_flip("The API's price", "as listed", _times(own_total / api.monthly_usd), effect))
    engineer = (api.monthly_usd - (own_total - w.engineering_usd)) / ENGINEER_USD_PER_MONTH
    if 0 <= engineer <= 2 and not w.customer_pays_hardware:
        flips.append(
            _flip(
                "Engineering time",
                f"{w.engineering_usd / ENGINEER_USD_PER_MONTH:.0%} of an engineer",
                f"{engineer:.0%} of an engineer",
                effect,
            )
        )
    ranges = break_even_ranges(api, model, gpus, w)
    today = token_volume(w.monthly_tokens)
    if ranges and api_cheaper:
        flips.append(_flip("Monthly volume", today, token_volume(ranges[0][0]), effect))
    winning = next((a for a, b in ranges if a <= w.monthly_tokens and (b is None or w.monthly_tokens <= b)), None)
    if winning is not None and not api_cheaper:
        flips.append(_flip("Monthly volume", today, f"below {token_volume(winning)}", effect))
    return flips


def _flip(assumption: str, today: str, flips_at: str, effect: str) -> CostFlip:
    return CostFlip(assumption=assumption, today=today, flips_at=flips_at, effect=effect)


def _times(factor: float) -> str:
    return f"×{factor:,.0f}" if factor >= 10 else f"×{factor:.2f}"
