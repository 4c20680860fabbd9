"""The workload a cost is computed for: volume today and in 24 months, request shape, redundancy, who pays.

Every figure the cost model assumes about the traffic lives here, stated once, and `assumptions()`
says them in sentences for the report.
"""

from __future__ import annotations

import math

import msgspec

from advisor.domain.profile.answers import Profile
from advisor.domain.profile.questions import BY_ID
from advisor.domain.profile.reading import choice_words
from advisor.domain.wording import token_volume

HOURS_PER_MONTH = 730.0
"""Self-hosted replicas run around the clock."""
UTILIZATION = 0.5
"""Self-hosted GPUs average half their peak throughput (traffic has peaks)."""
PREFILL_SPEEDUP = 8.0
"""Reading an input token costs a GPU about 1/8 of generating an output token (batched prefill)."""
INPUT_SHARE: dict[str, float] = {
    "chat": 0.75,
    "code": 0.8,
    "rag": 0.9,
    "agents": 0.85,
    "extraction": 0.85,
    "vision": 0.85,
}
"""Share of tokens that are input, by use case: retrieval and agents send long contexts for short answers.
Estimates, not measurements; other use cases take 0.75."""
OUTPUT_TOKENS_PER_REQUEST = 500
"""A typical answer's length, for the request rate and how long a request holds its KV cache."""
DECODE_TOKENS_PER_SECOND = 30.0
"""How fast one request's answer is generated on a loaded server."""
PEAK_FACTOR = 3.0
"""Busy-hour traffic against the monthly average."""
ENGINEER_USD_PER_MONTH = 15_000.0
"""A machine-learning engineer's loaded monthly cost."""
ENGINEER_SHARE: dict[str, float] = {"none": 0.5, "some": 0.25, "strong": 0.1}
"""Share of an engineer's time running self-hosted models takes, by the team's experience."""
HARDWARE_LIFETIME_MONTHS = 36
"""On-prem GPUs are written off over three years."""


class Workload(msgspec.Struct, frozen=True, cache_hash=True):
    """What one month of traffic looks like, for costing any model on any route.

    Every cost cache keys on the workload, several times per model: its hash is computed once (`cache_hash`).
    """

    monthly_tokens: int
    """Input plus output tokens a month."""
    input_share: float
    context_tokens: int
    """A typical request's context (prompt plus documents)."""
    min_replicas: int
    """Replicas a self-hosted deployment keeps for redundancy, whatever the volume."""
    on_prem: bool
    """Served on the customer's premises: hardware is bought per site, not rented."""
    customer_pays_hardware: bool
    engineering_usd: float
    """The monthly share of an engineer that self-hosting takes."""
    utilization: float = UTILIZATION
    """Average share of peak throughput self-hosted GPUs run at (varied by the cost sensitivity)."""
    gpu_price_factor: float = 1.0
    """GPU prices as a multiple of the hardware table's (varied by the cost sensitivity)."""
    monthly_images: int = 0
    """Images generated a month (image generation: what image APIs bill and image GPUs must keep up with)."""

    @property
    def output_work(self) -> float:
        """Output-token equivalents a month: what sets a GPU's load."""
        return self.monthly_tokens * ((1 - self.input_share) + self.input_share / PREFILL_SPEEDUP)

    @property
    def peak_requests(self) -> int:
        """Requests in flight at the busy hour: rate × how long each holds the server (at least one)."""
        return requests_in_flight(self.monthly_tokens, self.context_tokens)

    @property
    def work_per_token(self) -> float:
        """Output-token equivalents per token of traffic."""
        return (1 - self.input_share) + self.input_share / PREFILL_SPEEDUP

    def with_tokens(self, tokens: int) -> Workload:
        """The same workload at another token volume (a share of the traffic, or the 24-month figure)."""
        return msgspec.structs.replace(self, monthly_tokens=tokens)

    def with_volume(self, tokens: int, images: int) -> Workload:
        """The same workload at another token and image volume (the 24-month figures, a hybrid plan's share)."""
        return msgspec.structs.replace(self, monthly_tokens=tokens, monthly_images=images)


def requests_in_flight(monthly_tokens: float, context_tokens: int) -> int:
    """Requests in flight at the busy hour for a monthly volume: rate × how long each holds the server (at least one)."""
    per_request = context_tokens + OUTPUT_TOKENS_PER_REQUEST
    rate = monthly_tokens / per_request / (HOURS_PER_MONTH * 3600)
    seconds = OUTPUT_TOKENS_PER_REQUEST / DECODE_TOKENS_PER_SECOND
    return max(1, math.ceil(rate * seconds * PEAK_FACTOR))


def workload(p: Profile) -> Workload:
    """The profile's traffic today."""
    default_replicas = 1 if p.deployment in ("internal", "on_device") else 2
    return Workload(
        monthly_tokens=p.monthly_tokens,
        input_share=INPUT_SHARE.get(p.use_case, 0.75),
        context_tokens=p.context_tokens,
        min_replicas=p.replicas if p.replicas is not None else default_replicas,
        on_prem=p.deployment == "on_prem",
        customer_pays_hardware=p.deployment == "on_prem" and p.on_prem_hardware_paid_by == "customer",
        engineering_usd=ENGINEER_USD_PER_MONTH * ENGINEER_SHARE[p.ml_team],
        monthly_images=p.monthly_images,
    )


def tokens_in_24_months(p: Profile) -> int:
    """Monthly tokens at the 24-month user count: tokens per user today times users then.

    With no users today there is nothing to scale from, and the volume stays as given.
    """
    if p.monthly_active_users <= 0:
        return p.monthly_tokens
    return round(p.monthly_tokens * p.users_24m / p.monthly_active_users)


def images_in_24_months(p: Profile) -> int:
    """Monthly images at the 24-month user count, scaled like tokens (as given when there are no users today)."""
    if p.monthly_active_users <= 0:
        return p.monthly_images
    return round(p.monthly_images * p.users_24m / p.monthly_active_users)


def assumptions(p: Profile) -> list[str]:
    """The cost model's assumptions for this profile, as sentences for the report."""
    w = workload(p)
    growth = (
        f"Volume grows with users: {token_volume(tokens_in_24_months(p))} tokens a month at the 24-month user count."
        if p.monthly_active_users > 0
        else "With no users today there is nothing to scale from: the 24-month volume stays at today's."
    )
    if p.use_case == "image_generation":
        return _image_assumptions(p, w)
    return [
        f"{w.input_share:.0%} of tokens are input and {1 - w.input_share:.0%} output (an estimate for "
        f"{choice_words(BY_ID['use_case'], p.use_case)}).",
        "API costs use the list price per million tokens, without batch or cache discounts.",
        f"Self-hosted GPUs are rented on demand around the clock ({HOURS_PER_MONTH:.0f} h/month) and average "
        f"{UTILIZATION:.0%} of peak throughput; an input token costs 1/{PREFILL_SPEEDUP:g} of an output token to serve.",
        f"Serving memory is the weights at their precision, the KV cache for {w.peak_requests:,} requests in flight "
        f"at {w.context_tokens:,} tokens of context (busy hour: {PEAK_FACTOR:g}× the average rate, "
        f"{OUTPUT_TOKENS_PER_REQUEST} tokens an answer at {DECODE_TOKENS_PER_SECOND:g} tokens/s), and runtime headroom.",
        f"Self-hosted deployments keep at least {w.min_replicas} replica{'s' if w.min_replicas != 1 else ''}; "
        "tensor parallelism spans up to eight NVLink GPUs or two PCIe cards.",
        f"Self-hosting takes {ENGINEER_SHARE[p.ml_team]:.0%} of an engineer (US${ENGINEER_USD_PER_MONTH:,.0f} a "
        "month loaded), counted in its cost and in the break-even.",
        "On-prem hardware is bought per site and written off over "
        f"{HARDWARE_LIFETIME_MONTHS} months; power, cooling and the server around the GPUs are not included.",
        "A mixture-of-experts model is served at the speed of a dense model the geometric mean of its active and total size.",
        growth,
    ]


def _image_assumptions(p: Profile, w: Workload) -> list[str]:
    """The assumptions of an image workload: per-image prices and images per GPU-hour, not tokens."""
    growth = (
        f"Volume grows with users: {images_in_24_months(p):,} images a month at the 24-month user count."
        if p.monthly_active_users > 0
        else "With no users today there is nothing to scale from: the 24-month volume stays at today's."
    )
    return [
        f"{p.monthly_images:,} images a month; image APIs cost their list price per image at the size and quality "
        "stated beside each price (larger or higher-quality images cost more), without batch discounts.",
        f"Self-hosted image models run on GPUs rented around the clock ({HOURS_PER_MONTH:.0f} h/month) at "
        f"{UTILIZATION:.0%} of their peak images per hour; that figure is the entry's own (sourced, or marked as an "
        "estimate) and is scaled by the GPUs' relative throughput on other GPUs.",
        f"Self-hosted deployments keep at least {w.min_replicas} replica{'s' if w.min_replicas != 1 else ''}, "
        "more when the volume needs them.",
        f"Self-hosting takes {ENGINEER_SHARE[p.ml_team]:.0%} of an engineer (US${ENGINEER_USD_PER_MONTH:,.0f} a "
        "month loaded), counted in its cost.",
        "On-prem hardware is bought per site and written off over "
        f"{HARDWARE_LIFETIME_MONTHS} months; power, cooling and the server around the GPUs are not included.",
        growth,
    ]
