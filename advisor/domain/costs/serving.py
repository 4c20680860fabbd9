"""Serving open weights yourself: the memory a replica needs, the GPUs that hold it, and what that costs a month.

A replica must hold the weights at their precision, the KV cache of the requests in flight at the
profile's context length, and runtime headroom; one whose memory is filled by the weights alone cannot
serve a long request. Replicas are added for throughput and kept for redundancy. On the customer's
premises the hardware is bought per site, not rented.
"""

from __future__ import annotations

import functools
import math
from typing import NamedTuple

import msgspec

from advisor.domain.costs.workload import HARDWARE_LIFETIME_MONTHS, HOURS_PER_MONTH, Workload, requests_in_flight
from advisor.domain.knowledge.hardware import Gpu
from advisor.domain.knowledge.schema import Model, SelfHost

BYTES_PER_PARAM = {"fp32": 4.0, "bf16": 2.0, "fp16": 2.0, "fp8": 1.0, "int8": 1.0, "mxfp4": 0.53, "int4": 0.55}
"""Weight storage per parameter (4-bit formats carry scales)."""
RUNTIME_OVERHEAD = 0.1
"""Activations, CUDA graphs and fragmentation, as a share of the weights ..."""
RUNTIME_FIXED_GB = 2.0
"""... plus a fixed amount per replica."""
KV_KB_PER_TOKEN_AT_1B = 45.0
"""KV cache per token of context for a 1B-parameter model; it grows as size^0.45 (fitted to Llama 3.1 8B's
128 KB and 70B's 320 KB, grouped-query attention), on the active size of a mixture of experts."""
GPU_COUNTS = (1, 2, 4, 8)
TENSOR_PARALLEL_EFFICIENCY = {"nvlink": 0.9, "pcie": 0.6}
"""Throughput per GPU when a replica spans several: NVLink loses little, PCIe much."""
MAX_PCIE_GPUS = 2


class Memory(msgspec.Struct, frozen=True):
    """What one replica must hold, in GB."""

    weights: float
    kv_cache: float
    overhead: float
    precision: str

    @property
    def total(self) -> float:
        return self.weights + self.kv_cache + self.overhead


class ServingPlan(msgspec.Struct, frozen=True):
    """Enough GPUs to serve a model at a workload: per replica, and how many replicas."""

    gpu: Gpu
    gpus_per_replica: int
    replicas: int
    memory: Memory
    monthly_usd: float
    """Rent around the clock, or (on-prem) the hardware written off per month."""
    bought: bool
    """On-prem hardware bought (its purchase price known), rather than a rent-equivalent."""

    def describe(self) -> str:
        count = self.gpus_per_replica * self.replicas
        replicas = f" ({self.replicas} replicas of {self.gpus_per_replica})" if self.replicas > 1 else ""
        if self.bought:
            price = f"${self.gpu.purchase_usd:,.0f} each over {HARDWARE_LIFETIME_MONTHS} months"
        else:
            price = f"${self.gpu.usd_per_hour:g}/h"
        return f"{count}× {self.gpu.name}{replicas} at {price}"


ServingKey = tuple[float | None, float | None, SelfHost | None, bool]
"""`ServingFacts` as a plain tuple: what the caches are keyed on (a named tuple takes longer to build than to look up)."""


def serving_key(model: Model) -> ServingKey:
    """The facts of `model` that serving it depends on: models alike in these cost the same to serve."""
    return (model.params_b, model.active_params_b, model.self_host, "image_generation" in model.modalities)


class ServingFacts(NamedTuple):
    """The facts of a model entry that serving depends on (`serving_key`, with names)."""

    params_b: float | None
    active_params_b: float | None
    self_host: SelfHost | None
    image_model: bool

    @staticmethod
    def of(model: Model) -> ServingFacts:
        return ServingFacts(*serving_key(model))

    @property
    def size(self) -> float:
        """The size that sets serving speed, in billions (see `serving_size`)."""
        total = self.params_b or 1.0
        active = self.active_params_b
        return max((active * total) ** 0.5 if active else total, 0.5)


def serving_size(model: Model) -> float:
    """The size that sets serving speed, in billions: a mixture-of-experts model reads more than its active
    experts once requests are batched, so it counts as the geometric mean of active and total size."""
    return ServingFacts.of(model).size


def memory(model: Model, requests: int, context_tokens: int) -> Memory | None:
    """What a replica serving `requests` at once at `context_tokens` each must hold (None: no serving facts)."""
    return _memory(ServingFacts.of(model), requests, context_tokens)


def _memory(facts: ServingFacts, requests: int, context_tokens: int) -> Memory | None:
    need = facts.self_host
    if need is None:
        return None
    if facts.params_b is None:  # the entry's own figure, which already includes a modest cache
        return Memory(need.min_gpu_memory_gb, 0.0, RUNTIME_FIXED_GB, need.precision)
    weights = facts.params_b * BYTES_PER_PARAM[need.precision]
    if facts.image_model:  # a diffusion model keeps no cache per request
        requests = 0
    kv_per_token_kb = (
        need.kv_cache_kb_per_token or KV_KB_PER_TOKEN_AT_1B * (facts.active_params_b or facts.params_b) ** 0.45
    )
    kv = requests * context_tokens * kv_per_token_kb / 1e6
    return Memory(
        round(weights, 1), round(kv, 1), round(weights * RUNTIME_OVERHEAD + RUNTIME_FIXED_GB, 1), need.precision
    )


def _capacity(gpu: Gpu, count: int, size_b: float, utilization: float) -> float:
    """Output-token equivalents one replica of `count` GPUs serves a month."""
    efficiency = 1.0 if count == 1 else TENSOR_PARALLEL_EFFICIENCY[gpu.interconnect]
    per_second = gpu.tokens_per_second_per_b * count * efficiency / size_b
    return per_second * 3600 * HOURS_PER_MONTH * utilization


def _requests_at(capacity: float, w: Workload) -> int:
    """Requests in flight at the busy hour when a replica runs at its capacity: the cache it must hold.

    Sizing each replica for what it can serve (not for today's traffic) keeps its memory, and so the
    GPUs it needs, the same at every volume: growth adds replicas, not bigger ones.
    """
    return requests_in_flight(capacity / w.work_per_token, w.context_tokens)


def _monthly(gpu: Gpu, count: int, replicas: int, w: Workload) -> tuple[float, bool]:
    gpus = count * replicas * w.gpu_price_factor
    if w.on_prem and gpu.purchase_usd is not None:
        return round(gpus * gpu.purchase_usd / HARDWARE_LIFETIME_MONTHS, 2), True
    return round(gpus * gpu.usd_per_hour * HOURS_PER_MONTH, 2), False


def plan(model: Model, w: Workload, gpus: tuple[Gpu, ...]) -> ServingPlan | None:
    """The cheapest GPU setup that serves `w` with headroom and redundancy (None when none fits one server)."""
    return plan_for(ServingFacts.of(model), w, gpus)


@functools.lru_cache(maxsize=65536)
def plan_for(facts: ServingFacts, w: Workload, gpus: tuple[Gpu, ...]) -> ServingPlan | None:
    """`plan` for a model with these serving facts (cached: a catalog repeats the same sizes many times, and a
    decision costs each model several times)."""
    best: ServingPlan | None = None
    for gpu, count, capacity, need in _fitting(facts, _volume_free(w), gpus):
        replicas = max(w.min_replicas, math.ceil(w.output_work / capacity) if capacity > 0 else 1)
        monthly, bought = _monthly(gpu, count, replicas, w)
        if best is None or (monthly, gpu.id) < (best.monthly_usd, best.gpu.id):
            best = ServingPlan(gpu, count, replicas, need, monthly, bought)
    return best


def replica_economics(model: Model, w: Workload, gpus: tuple[Gpu, ...]) -> tuple[tuple[float, float], ...]:
    """Per GPU setup that fits a replica: (one replica's monthly price, tokens one replica serves a month).

    For the break-even: self-hosting's cost climbs a replica at a time while the API's climbs per token.
    """
    return _economics(serving_key(model), _volume_free(w), gpus)


@functools.lru_cache(maxsize=256)
def _volume_free(w: Workload) -> Workload:
    """`w` without its volume, the key the replica setups are cached on."""
    return w.with_tokens(0)


@functools.lru_cache(maxsize=65536)
def _economics(key: ServingKey, w: Workload, gpus: tuple[Gpu, ...]) -> tuple[tuple[float, float], ...]:
    work_per_token = w.work_per_token
    return tuple(
        (_monthly(gpu, count, 1, w)[0], capacity / work_per_token)
        for gpu, count, capacity, _ in _fitting(ServingFacts(*key), w, gpus)
    )


@functools.lru_cache(maxsize=65536)
def _fitting(facts: ServingFacts, w: Workload, gpus: tuple[Gpu, ...]) -> tuple[tuple[Gpu, int, float, Memory], ...]:
    """Per kind of GPU, the fewest that hold one replica: (GPU, how many, what the replica serves a month, what it
    holds). Sized for what a replica can serve, not for the volume (`_requests_at`), so `w` carries none: the plan
    and the break-even share them."""
    size = facts.size
    found = []
    for gpu in gpus:
        for count in GPU_COUNTS:
            if gpu.interconnect == "pcie" and count > MAX_PCIE_GPUS:
                break
            capacity = _capacity(gpu, count, size, w.utilization)
            need = _memory(facts, _requests_at(capacity, w), w.context_tokens)
            if need is None or need.total > gpu.memory_gb * count:
                continue
            found.append((gpu, count, capacity, need))
            break  # more GPUs of this kind than the fewest that fit only add cost
    return tuple(found)
