"""What an image workload costs a month: images × the price per image on an API, GPU-hours when self-hosted.

An image API bills per image at a size and quality, so its monthly cost is the profile's `monthly_images`
times the entry's `image_price`. Self-hosting an image model costs the GPUs that keep up with that volume:
the fewest GPUs that hold the model (`serving.plan`), replicated until their images per hour (the entry's
`self_host.images_per_hour`, scaled by the GPUs' relative throughput when it was given for another GPU)
cover the month at the assumed utilisation. An entry without a throughput figure is sized for redundancy
only, and its basis says so.
"""

from __future__ import annotations

import math

import msgspec

from advisor.domain.costs.estimate import CostEstimate
from advisor.domain.costs.self_host import plan_cost, self_host_cost
from advisor.domain.costs.serving import ServingPlan, plan
from advisor.domain.costs.workload import HOURS_PER_MONTH, Workload
from advisor.domain.knowledge.hardware import Gpu
from advisor.domain.knowledge.image_pricing import ImagePrice, ImageThroughput
from advisor.domain.knowledge.schema import Model
from advisor.domain.wording import vendor_name


def makes_images(model: Model) -> bool:
    """Whether the model is costed per image rather than per token."""
    return "image_generation" in model.modalities


def image_api_cost(model: Model, w: Workload) -> CostEstimate | None:
    """Monthly cost at the model's per-image list price, or None when it has none."""
    if model.image_price is None:
        return None
    return image_price_cost(model.image_price, model, w)


def image_price_cost(price: ImagePrice, model: Model, w: Workload) -> CostEstimate:
    """Monthly cost of `w.monthly_images` images at one host's price per image."""
    if model.weights == "closed" or price.host in (None, model.vendor):
        provider = "the vendor's API"
    else:
        provider = vendor_name(price.host)
    monthly = w.monthly_images * price.usd_per_image
    basis = (
        f"{w.monthly_images:,} images × ${price.usd_per_image:g} an image ({price.setting}; {provider}, "
        f"list price as of {price.as_of})"
    )
    return CostEstimate("api", round(monthly, 2), basis, price.source)


def image_self_host_cost(model: Model, w: Workload, gpus: list[Gpu]) -> CostEstimate | None:
    """Monthly cost of generating `w.monthly_images` on your own (or the customer's) GPUs; None when none fits."""
    throughput = model.self_host.images_per_hour if model.self_host is not None else None
    if throughput is None or not gpus:
        return self_host_cost(model, w.with_tokens(0), gpus)  # sized for redundancy, and says so
    reference = next((g for g in gpus if g.id == throughput.gpu), None)
    idle = w.with_tokens(0)
    best: tuple[ServingPlan, float] | None = None
    for gpu in gpus:
        fitted = plan(model, idle, (gpu,))  # the fewest of these GPUs that hold the model, kept for redundancy
        if fitted is None:
            continue
        rate = _rate(throughput, reference, gpu)
        capacity = rate * HOURS_PER_MONTH * w.utilization
        replicas = max(fitted.replicas, math.ceil(w.monthly_images / capacity))
        monthly = round(fitted.monthly_usd / fitted.replicas * replicas, 2)
        sized = msgspec.structs.replace(fitted, replicas=replicas, monthly_usd=monthly)
        if best is None or (monthly, gpu.id) < (best[0].monthly_usd, best[0].gpu.id):
            best = (sized, rate)
    if best is None:
        return None
    chosen, rate = best
    return plan_cost(chosen, w, _throughput_words(throughput, reference, chosen.gpu, rate, w))


def _rate(throughput: ImageThroughput, reference: Gpu | None, gpu: Gpu) -> float:
    """Images an hour one replica makes on `gpu`: the entry's figure, scaled from the GPU it was given for."""
    if reference is None or reference.id == gpu.id:
        return throughput.images_per_hour
    return throughput.images_per_hour * gpu.tokens_per_second_per_b / reference.tokens_per_second_per_b


def _throughput_words(throughput: ImageThroughput, reference: Gpu | None, gpu: Gpu, rate: float, w: Workload) -> str:
    scaled = reference is not None and reference.id != gpu.id
    marks = []
    if throughput.estimate:
        marks.append("an estimate")
    if scaled:
        marks.append(f"scaled from {reference.name if reference else throughput.gpu} by relative GPU throughput")
    if reference is None:
        marks.append(f"given for {throughput.gpu}, a GPU not priced here, and used unscaled")
    mark = f" ({'; '.join(marks)})" if marks else ""
    return (
        f"{w.monthly_images:,} images a month at {rate:,.0f} images/h a replica{mark}, {throughput.setting}, "
        f"{w.utilization:.0%} utilisation"
    )
