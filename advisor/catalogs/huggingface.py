"""Hugging Face model info (`huggingface_hub.model_info`, the Hub's `/api/models/{repo}`): the license a repo declares."""

from __future__ import annotations

from typing import Any

from advisor.catalogs.offers import Offer
from advisor.catalogs.values import CatalogError, day, optional_text, text

NAME = "huggingface"
API = "https://huggingface.co/api/models/"


def recognises(data: Any) -> bool:
    """One model info object (`id` with `tags`, `cardData` or `siblings`), or a list of them."""
    items = data if isinstance(data, list) else [data]
    return bool(items) and all(
        isinstance(i, dict) and "id" in i and any(k in i for k in ("cardData", "tags", "siblings")) for i in items
    )


def _license(info: dict[str, Any], where: str, repo: str) -> str | None:
    """The declared license: the card's `license` (its `license_name` when that is `other`), else a `license:` tag."""
    card = info.get("cardData") or {}
    if not isinstance(card, dict):
        raise CatalogError(where, f"{repo}: cardData should be an object")
    declared = card.get("license")
    if isinstance(declared, list):
        declared = declared[0] if declared else None
    tag = optional_text(declared, where, f"{repo}: cardData.license")
    if tag == "other":
        tag = optional_text(card.get("license_name"), where, f"{repo}: cardData.license_name") or tag
    if tag is None:
        tags = [text(t, where, f"{repo}: a tag") for t in info.get("tags") or []]
        tag = next((t.removeprefix("license:") for t in tags if t.startswith("license:")), None)
    return tag.lower() if tag else None


def offers(data: Any, where: str) -> list[Offer]:
    found: list[Offer] = []
    for info in data if isinstance(data, list) else [data]:
        repo = text(info["id"], where, "a repo id")
        if repo.count("/") != 1:
            raise CatalogError(where, f"{repo[:60]!r} is not a Hugging Face repo id (owner/name)")
        pipeline = optional_text(info.get("pipeline_tag"), where, f"{repo}: pipeline_tag")
        found.append(
            Offer(
                catalog=NAME,
                key=repo,
                provider=NAME,
                model=repo,
                mode="image_generation" if pipeline == "text-to-image" else "chat",
                hf_repo=repo,
                license_tag=_license(info, where, repo),
                released=day(info.get("createdAt"), where, f"{repo}: createdAt"),
                source=f"https://huggingface.co/{repo}",
            )
        )
    return found
