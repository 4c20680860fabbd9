"""What a model costs per month at the founder's volume: through an API, or self-hosted on rented GPUs.

The figures are estimates from list prices and stated assumptions (`ASSUMPTIONS`), good for comparing
options and seeing where the break-even lies, not for a budget to the dollar. Every estimate says
how it was reached.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

from advisor.domain.decision import Route
from advisor.domain.knowledge.schema import Gpu, Model, Price, SelfHost
from advisor.domain.wording import vendor_name

INPUT_SHARE = 0.75
"""Share of tokens that are input (prompt, retrieved context); the rest is generated output."""
PREFILL_SPEEDUP = 8.0
"""Reading an input token costs a GPU about 1/8 of generating an output token (batched prefill)."""
UTILIZATION = 0.5
"""Self-hosted GPUs run at about half their peak throughput on average (traffic has peaks)."""
HOURS_PER_MONTH = 730.0
"""Self-hosted replicas run around the clock."""
GPU_COUNTS = (1, 2, 4, 8)
"""A replica uses one node's worth of identical GPUs."""

ASSUMPTIONS = [
    f"{INPUT_SHARE:.0%} of tokens are input and {1 - INPUT_SHARE:.0%} output.",
    "API costs use the vendor's list price per million tokens, without batch or cache discounts.",
    f"Self-hosted GPUs are rented on demand around the clock ({HOURS_PER_MONTH:.0f} h/month) and average "
    f"{UTILIZATION:.0%} of peak throughput; an input token costs 1/{PREFILL_SPEEDUP:g} of an output token to serve.",
    "A mixture-of-experts model is served at the cost of a dense model the geometric mean of its active and total size.",
    "Self-hosting cost excludes engineering time, storage and networking.",
]
"""The cost model's assumptions, as sentences for reports."""


@dataclass(frozen=True)
class HostingPlan:
    """Enough rented GPUs to serve a model at a volume."""

    gpu: Gpu
    gpus_per_replica: int
    replicas: int
    monthly_usd: float

    def describe(self) -> str:
        count = self.gpus_per_replica * self.replicas
        replicas = f" ({self.replicas} replicas)" if self.replicas > 1 else ""
        return f"{count}× {self.gpu.name}{replicas} at ${self.gpu.usd_per_hour:g}/h"


@dataclass(frozen=True)
class CostEstimate:
    """The monthly cost of one way of running a model, and how it was reached."""

    route: Route
    monthly_usd: float
    basis: str
    source: str | None
    plan: HostingPlan | None = None


def api_cost(model: Model, monthly_tokens: int) -> CostEstimate | None:
    """Monthly cost at list price, or None when the model has no price."""
    if model.price is None:
        return None
    return price_cost(model.price, model, monthly_tokens)


def price_cost(price: Price, model: Model, monthly_tokens: int) -> CostEstimate:
    """Monthly cost of `model` at one host's list price (the model's own `price`, or one of its `prices`)."""
    if model.weights == "closed" or price.host == model.vendor:
        provider = "the vendor's API"
    else:
        provider = vendor_name(price.host) if price.host else "a hosted provider"
    return _api_cost(price, provider, monthly_tokens)


@functools.lru_cache(maxsize=65536)
def _api_cost(price: Price, provider: str, monthly_tokens: int) -> CostEstimate:
    # Cached: providers serving the same weights often list the same price.
    per_mtok = INPUT_SHARE * price.input_usd_per_mtok + (1 - INPUT_SHARE) * price.output_usd_per_mtok
    monthly = monthly_tokens / 1_000_000 * per_mtok
    basis = (
        f"{monthly_tokens / 1e6:,.0f}M tokens × ${per_mtok:.3g}/M blended "
        f"(${price.input_usd_per_mtok:g} in, ${price.output_usd_per_mtok:g} out; "
        f"{provider}, list price as of {price.as_of})"
    )
    return CostEstimate("api", round(monthly, 2), basis, price.source)


def _serving_size(model: Model) -> float:
    """The size that sets serving cost, in billions: a mixture-of-experts model reads more than its active
    experts once requests are batched, so it counts as the geometric mean of active and total size."""
    total = model.params_b or 1.0
    active = model.active_params_b
    size = (active * total) ** 0.5 if active else total
    return max(size, 0.5)


def _tokens_per_second(gpu: Gpu, gpus: int, size_b: float) -> float:
    return gpu.tokens_per_second_per_b * gpus / size_b


@functools.lru_cache(maxsize=4096)
def _setups(need_gb: float, size_b: float, gpus: tuple[Gpu, ...]) -> tuple[tuple[Gpu, int, float, float], ...]:
    """Per GPU type that fits the model: (gpu, GPUs per replica, replica US$/month, replica output tokens/month).

    More GPUs of a type than the fewest that fit only add cost, so each type appears once. Cached:
    catalogs repeat the same sizes many times, and the answer depends on nothing else.
    """
    setups = []
    for gpu in gpus:
        count = next((n for n in GPU_COUNTS if gpu.memory_gb * n >= need_gb), None)
        if count is None:
            continue
        replica_usd = count * gpu.usd_per_hour * HOURS_PER_MONTH
        capacity = _tokens_per_second(gpu, count, size_b) * 3600 * HOURS_PER_MONTH * UTILIZATION
        setups.append((gpu, count, replica_usd, capacity))
    return tuple(setups)


@functools.lru_cache(maxsize=4096)
def _cheapest_plan(need_gb: float, size_b: float, monthly_tokens: int, gpus: tuple[Gpu, ...]) -> HostingPlan | None:
    work = monthly_tokens * (1 - INPUT_SHARE) + monthly_tokens * INPUT_SHARE / PREFILL_SPEEDUP
    best: HostingPlan | None = None
    for gpu, count, replica_usd, capacity in _setups(need_gb, size_b, gpus):
        replicas = max(1, math.ceil(work / capacity)) if capacity > 0 else 1
        monthly = round(replicas * replica_usd, 2)
        if best is None or (monthly, gpu.id) < (best.monthly_usd, best.gpu.id):
            best = HostingPlan(gpu, count, replicas, monthly)
    return best


def _plan_estimate(plan: HostingPlan | None, what: str) -> CostEstimate | None:
    """A self-hosting estimate from a plan, its basis saying what the plan covers."""
    if plan is None:
        return None
    basis = f"{plan.describe()}, around the clock: {what} (GPU price as of {plan.gpu.as_of})"
    return CostEstimate("self_host", plan.monthly_usd, basis, plan.gpu.source, plan)


def self_host_cost(model: Model, monthly_tokens: int, gpus: list[Gpu]) -> CostEstimate | None:
    """Monthly cost of renting GPUs to serve the model, or None when no known GPU setup fits it."""
    if model.self_host is None or not gpus:
        return None
    return _self_host_cost(model.self_host, _serving_size(model), monthly_tokens, tuple(gpus))


@functools.lru_cache(maxsize=65536)
def _self_host_cost(need: SelfHost, size_b: float, monthly_tokens: int, gpus: tuple[Gpu, ...]) -> CostEstimate | None:
    # Cached: a catalog repeats the same sizes many times, and nothing else enters the estimate.
    plan = _cheapest_plan(need.min_gpu_memory_gb, size_b, monthly_tokens, gpus)
    return _plan_estimate(plan, f"needs {need.min_gpu_memory_gb:g} GB at {need.precision}")


def single_replica_cost(model: Model, gpus: list[Gpu]) -> CostEstimate | None:
    """One always-on GPU setup that fits the model: for image models, whose throughput is not in tokens."""
    if model.self_host is None or not gpus:
        return None
    plan = _cheapest_plan(model.self_host.min_gpu_memory_gb, _serving_size(model), 0, tuple(gpus))
    return _plan_estimate(plan, "one replica; image throughput is not modelled, so add replicas for your peak load")


def break_even_tokens(api: CostEstimate, model: Model, gpus: list[Gpu], monthly_tokens: int) -> int | None:
    """Monthly tokens above which self-hosting `model` costs less than `api` (None if it never does).

    For one GPU setup, self-hosting costs r × F for r replicas (F = one replica's monthly price), and
    each replica serves up to C tokens; the API costs a × T for T tokens. Self-hosting wins first at
    T just above F / a, provided one replica can serve that much (F / a < C); with more replicas the
    condition is the same. So the break-even is the smallest F / a over the setups where F / a < C.
    """
    if monthly_tokens <= 0 or api.monthly_usd <= 0 or model.self_host is None:
        return None
    return _break_even(
        api.monthly_usd / monthly_tokens, model.self_host.min_gpu_memory_gb, _serving_size(model), tuple(gpus)
    )


def _break_even(api_per_token: float, need_gb: float, size_b: float, gpus: tuple[Gpu, ...]) -> int | None:
    work_per_token = (1 - INPUT_SHARE) + INPUT_SHARE / PREFILL_SPEEDUP
    best: int | None = None
    for _, _, replica_usd, capacity in _setups(need_gb, size_b, gpus):
        tokens = math.floor(replica_usd / api_per_token) + 1
        if tokens <= capacity / work_per_token and (best is None or tokens < best):
            best = tokens
    return best


MAX_REPLICA_STEPS = 1_000
"""Replica counts examined one by one before the ranges where self-hosting wins are taken to run on."""


def break_even_ranges(
    api: CostEstimate, model: Model, gpus: list[Gpu], monthly_tokens: int
) -> list[tuple[int, int | None]]:
    """The monthly token volumes at which self-hosting `model` costs less than `api`, as [first, last] ranges.

    Self-hosting is bought in whole replicas, so its cost climbs in steps while the API's climbs
    smoothly: with r replicas of a setup (F a month each, serving up to C tokens each) self-hosting
    wins for T in (max((r-1)·C, r·F/a), r·C], and loses in the gap just after each step. The gaps
    shrink as r grows (when F/a < C) and close for good at some r; from there self-hosting wins for
    every larger volume, so the last range is open (`None`). Ranges of all GPU setups are merged.
    """
    if monthly_tokens <= 0 or api.monthly_usd <= 0 or model.self_host is None:
        return []
    return list(
        _break_even_ranges(
            api.monthly_usd / monthly_tokens, model.self_host.min_gpu_memory_gb, _serving_size(model), tuple(gpus)
        )
    )


@functools.lru_cache(maxsize=4096)
def _break_even_ranges(
    api_per_token: float, need_gb: float, size_b: float, gpus: tuple[Gpu, ...]
) -> tuple[tuple[int, int | None], ...]:
    work_per_token = (1 - INPUT_SHARE) + INPUT_SHARE / PREFILL_SPEEDUP
    ranges: list[tuple[int, int | None]] = []
    for _, _, replica_usd, capacity in _setups(need_gb, size_b, gpus):
        step = capacity / work_per_token  # tokens one replica serves
        pays_off = replica_usd / api_per_token  # tokens at which one replica's price equals the API bill
        if pays_off >= step:
            continue  # one replica never serves enough to beat the API, and neither do more
        for r in range(1, MAX_REPLICA_STEPS + 1):
            first = max(math.floor((r - 1) * step) + 1, math.floor(r * pays_off) + 1)
            if r * pays_off <= (r - 1) * step or r == MAX_REPLICA_STEPS:
                ranges.append((first, None))  # the gaps have closed: self-hosting wins from here on
                break
            ranges.append((first, math.floor(r * step)))
    return tuple(_merged(ranges))


def _merged(ranges: list[tuple[int, int | None]]) -> list[tuple[int, int | None]]:
    """Overlapping or touching ranges as one (None: no upper end)."""
    merged: list[tuple[int, int | None]] = []
    for first, last in sorted(ranges, key=lambda r: r[0]):
        if merged:
            previous_first, previous_last = merged[-1]
            if previous_last is None:
                break
            if first <= previous_last + 1:
                merged[-1] = (previous_first, None if last is None else max(previous_last, last))
                continue
        merged.append((first, last))
    return merged


FINE_TUNE_TOKENS = 100_000_000
"""Training tokens assumed for redoing a fine-tune (a LoRA or full tune on a mid-size data set)."""
GPU_FLOPS_PER_HOUR = 0.4 * 989e12 * 3600
"""One H100 at 40% of its dense BF16 peak, per hour."""
FINE_TUNE_GPU_USD_PER_HOUR = 3.0
"""Rough on-demand H100 price used for the fine-tune estimate."""


def fine_tune_redo_cost(model: Model) -> str:
    """A rough estimate of redoing a fine-tune on a new base, with its assumptions."""
    return _fine_tune_redo_cost(model.params_b, "image_generation" in model.modalities)


@functools.lru_cache(maxsize=1024)
def _fine_tune_redo_cost(params_b: float | None, image_model: bool) -> str:
    if image_model:
        return "GPU time that depends on your image set, plus one to two engineer-weeks to retrain and re-check outputs"
    params = (params_b or 8.0) * 1e9
    gpu_hours = 6 * params * FINE_TUNE_TOKENS / GPU_FLOPS_PER_HOUR
    compute = gpu_hours * FINE_TUNE_GPU_USD_PER_HOUR
    return (
        f"about ${max(compute, 10):,.0f} of GPU time (6·N·D FLOPs for {FINE_TUNE_TOKENS / 1e6:.0f}M training tokens "
        f"on H100s at 40% utilization) plus one to two engineer-weeks to rebuild the data pipeline and re-run your evaluations"
    )
