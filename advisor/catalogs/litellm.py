"""LiteLLM's price map (`model_prices_and_context_window.json`, MIT): prices per token, context, shutdown dates, successors."""

from __future__ import annotations

from typing import Any

from advisor.catalogs.offers import Offer
from advisor.catalogs.values import CatalogError, count, day, optional_text, per_mtok, text, web_url

NAME = "litellm"
HOME = "https://github.com/BerriAI/litellm/blob/main/model_prices_and_context_window.json"


def recognises(data: Any) -> bool:
    """A mapping of model keys to entries that name a `litellm_provider` (its `sample_spec` documents the shape)."""
    if not isinstance(data, dict):
        return False
    if isinstance(data.get("sample_spec"), dict):
        return True
    sample = [v for _, v in zip(range(20), data.values(), strict=False)]
    return bool(sample) and all(isinstance(v, dict) and "litellm_provider" in v for v in sample)


def offers(data: dict[str, Any], where: str) -> list[Offer]:
    """Every entry but the `sample_spec`; LiteLLM's `deprecation_date` is the shutdown date despite its name."""
    found: list[Offer] = []
    for key, entry in data.items():
        if key == "sample_spec":
            continue
        if not isinstance(entry, dict):
            raise CatalogError(where, f"entry {text(key, where, 'a key')[:60]!r} should be an object")
        text(key, where, "a model key")
        provider = optional_text(entry.get("litellm_provider"), where, f"{key}: litellm_provider")
        if provider is None:
            continue
        model = key.removeprefix(f"{provider}/")
        successor = optional_text(entry.get("successor_model"), where, f"{key}: successor_model")
        source = web_url(entry.get("source"), where, f"{key}: source")
        found.append(
            Offer(
                catalog=NAME,
                key=key,
                provider=provider,
                model=model,
                mode=optional_text(entry.get("mode"), where, f"{key}: mode") or "chat",
                input_usd_per_mtok=per_mtok(
                    entry.get("input_cost_per_token"), 1e6, where, f"{key}: input_cost_per_token"
                ),
                output_usd_per_mtok=per_mtok(
                    entry.get("output_cost_per_token"), 1e6, where, f"{key}: output_cost_per_token"
                ),
                context_tokens=count(
                    entry.get("max_input_tokens") or entry.get("max_tokens"), where, f"{key}: max_input_tokens"
                ),
                retires=day(entry.get("deprecation_date"), where, f"{key}: deprecation_date"),
                retirement_source=web_url(entry.get("deprecation_source"), where, f"{key}: deprecation_source"),
                replacement=successor.removeprefix(f"{provider}/") if successor else None,
                source=source or HOME,
            )
        )
    return found
