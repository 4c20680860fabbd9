"""What image generation costs, as the knowledge base records it: a price per image, and images a GPU makes an hour.

Image APIs bill per image (by size and quality), not per token, so a model entry of an image model carries
`image_price` (the vendor's own, or for open weights the main host's) and `image_prices` (other hosts, and
sources that disagree, each kept). Self-hosting an image model costs GPU-hours, so its `self_host` may carry
`images_per_hour`: a sourced throughput figure, or a stated estimate marked as one. The schema of these
fields lives here (one job: image costs); `schema.py` only names them. `image_problems` is what
`kb validate` checks of them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from typing import TYPE_CHECKING, Annotated

import msgspec

if TYPE_CHECKING:
    from advisor.domain.knowledge.schema import Model

UsdPerImage = Annotated[float, msgspec.Meta(ge=0, le=1_000)]
"""A price per generated image: not negative, below any real price list."""
ImagesPerHour = Annotated[float, msgspec.Meta(ge=0.1, le=10_000_000)]
"""Images one replica generates an hour: a floor as well as a ceiling, so no cost divides by zero."""


class ImagePrice(msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True):
    """A list price per generated image (standard tier, no batch discount)."""

    usd_per_image: UsdPerImage
    """US$ per image at `setting`."""
    setting: str
    """What the price is for: the size and quality it was read at (`1024x1024, medium quality`); a founder's
    images cost this only at that setting."""
    source: str
    """URL of the page the price was read in (a mirror is named as one in `note`)."""
    as_of: dt.date
    """The date the price was read."""
    host: str | None = None
    """Who sells at this price (`fal`, `together`, `bfl`); null for a closed model on its vendor's own API."""
    terms: str | None = None
    """The id of that host's API terms in the knowledge base: their data findings apply when used there."""
    note: str | None = None
    """Other sizes and qualities, promotions, and where the figure was read if not on the vendor's page."""


class HostImagePrice(ImagePrice, kw_only=True, frozen=True, forbid_unknown_fields=True):
    """Another host's price per image, or a source whose figure disagrees with `image_price` (each kept)."""

    host: str
    """Who charges it."""


class ImageThroughput(msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True):
    """How many images one replica of an open image model generates an hour on a named GPU."""

    images_per_hour: ImagesPerHour
    """Images an hour from one replica running flat out, at `setting`."""
    gpu: str
    """The id of the GPU the figure is for (`h100-80gb`, from `knowledge/hardware/`); on other GPUs the cost
    model scales it by the GPUs' relative throughput, and says so."""
    setting: str
    """Resolution, steps and precision the figure assumes (`1024x1024, 28 steps, bf16`)."""
    estimate: bool
    """True when the figure is worked out (steps × seconds a step, scaled from another GPU), not measured
    on `gpu`: the report marks it as an estimate. False needs a `source` that measured it."""
    source: str | None = None
    """URL of the benchmark the figure (or the measurement it is scaled from) comes from."""
    note: str | None = None
    """How the figure was reached."""


def image_problems(model: Model, gpu_ids: Collection[str]) -> list[tuple[list[str | int], str]]:
    """What is wrong with a model entry's image-cost fields: (path in the entry, message) pairs."""
    makes_images = "image_generation" in model.modalities
    throughput = model.self_host.images_per_hour if model.self_host is not None else None
    if not makes_images and model.image_price is None and throughput is None:
        return []  # a text model: nothing here to check (most entries)
    problems: list[tuple[list[str | int], str]] = []
    if model.image_price is not None and not makes_images:
        problems.append((["image_price"], "image_price on a model without the image_generation modality"))
    if model.image_price is not None and model.weights == "open" and model.image_price.host is None:
        problems.append(
            (["image_price", "host"], "image_price of open weights needs a host (who sells the images at that price)")
        )
    if makes_images and model.price is not None:
        problems.append(
            (["price"], "an image model is priced per image: use image_price (price is per million tokens)")
        )
    if throughput is not None:
        if not makes_images:
            problems.append(
                (["self_host", "images_per_hour"], "images_per_hour on a model without the image_generation modality")
            )
        if gpu_ids and throughput.gpu not in gpu_ids:
            problems.append(
                (
                    ["self_host", "images_per_hour", "gpu"],
                    f"images_per_hour names unknown GPU '{throughput.gpu}' (known: {', '.join(sorted(gpu_ids))})",
                )
            )
        if not throughput.estimate and throughput.source is None:
            problems.append(
                (
                    ["self_host", "images_per_hour", "source"],
                    "a measured images_per_hour needs the source that measured it (or estimate: true and a note)",
                )
            )
    return problems
