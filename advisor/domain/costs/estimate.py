"""`CostEstimate`: the monthly cost of one way of running a model, how it was reached, and who pays what."""

from __future__ import annotations

import msgspec

from advisor.domain.costs.serving import ServingPlan
from advisor.domain.decision_entries import Route


class CostEstimate(msgspec.Struct, frozen=True):
    """The monthly cost of one way of running a model, and how it was reached."""

    route: Route
    monthly_usd: float
    """What the founder pays a month (hardware a customer buys is not in it)."""
    basis: str
    source: str | None
    plan: ServingPlan | None = None
    customer_usd: float = 0.0
    """What the customer pays a month for hardware on its premises, when it does."""
