"""OpenRouter's `/api/v1/models`: read live only (no license covers its data), never shipped; OpenRouter is a host."""

from __future__ import annotations

from typing import Any

from advisor.catalogs.offers import Offer
from advisor.catalogs.values import CatalogError, count, day, optional_text, per_mtok, text

NAME = "openrouter"
URL = "https://openrouter.ai/api/v1/models"


def recognises(data: Any) -> bool:
    """`{"data": [{"id": "openai/gpt-4o", "pricing": {...}, ...}]}`."""
    if not isinstance(data, dict) or not isinstance(data.get("data"), list):
        return False
    sample = data["data"][:10]
    return all(isinstance(m, dict) and "id" in m and "pricing" in m for m in sample)


def offers(data: dict[str, Any], where: str) -> list[Offer]:
    """Each model at OpenRouter's price; `expiration_date` is OpenRouter's own, not the vendor's."""
    found: list[Offer] = []
    for entry in data["data"]:
        if not isinstance(entry, dict) or not isinstance(entry.get("pricing"), dict):
            raise CatalogError(where, "each entry of data should be an object with pricing")
        model_id = text(entry.get("id"), where, "a model id")
        pricing = entry["pricing"]
        outputs = (entry.get("architecture") or {}).get("output_modalities") or ["text"]
        found.append(
            Offer(
                catalog=NAME,
                key=model_id,
                provider=NAME,
                model=model_id,
                mode="image_generation" if "image" in outputs and "text" not in outputs else "chat",
                name=optional_text(entry.get("name"), where, f"{model_id}: name"),
                input_usd_per_mtok=per_mtok(pricing.get("prompt"), 1e6, where, f"{model_id}: pricing.prompt"),
                output_usd_per_mtok=per_mtok(pricing.get("completion"), 1e6, where, f"{model_id}: pricing.completion"),
                context_tokens=count(entry.get("context_length"), where, f"{model_id}: context_length"),
                hf_repo=optional_text(entry.get("hugging_face_id"), where, f"{model_id}: hugging_face_id"),
                released=None,
                retires=day(entry.get("expiration_date"), where, f"{model_id}: expiration_date"),
                source=URL,
            )
        )
    return found
