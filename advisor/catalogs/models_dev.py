"""models.dev (MIT, repo anomalyco/models.dev): `api.json` (providers and what they serve) and `models.json` (model facts, licenses)."""

from __future__ import annotations

from typing import Any

from advisor.catalogs.offers import Offer
from advisor.catalogs.values import CatalogError, count, day, optional_text, per_mtok, text, web_url

NAME = "models.dev"
API = "https://models.dev/api.json"
MODELS = "https://models.dev/models.json"
HF = "https://huggingface.co/"


def recognises_api(data: Any) -> bool:
    """Providers by id, each with its `models` by id (`{"openai": {"id": "openai", "models": {...}}}`)."""
    if not isinstance(data, dict) or not data:
        return False
    sample = [v for _, v in zip(range(10), data.values(), strict=False)]
    return all(isinstance(v, dict) and isinstance(v.get("models"), dict) for v in sample)


def recognises_models(data: Any) -> bool:
    """Model facts by `lab/model` id (`{"meta/llama-3.3-70b-instruct": {"name": ..., "open_weights": true}}`)."""
    if not isinstance(data, dict) or not data:
        return False
    sample = list(zip(range(10), data.items(), strict=False))
    return all(isinstance(v, dict) and "/" in k and "open_weights" in v for _, (k, v) in sample)


def _mode(model: dict[str, Any]) -> str:
    outputs = (model.get("modalities") or {}).get("output") or ["text"]
    return "image_generation" if "image" in outputs and "text" not in outputs else "chat"


def api_offers(data: dict[str, Any], where: str) -> list[Offer]:
    """What each provider serves, at its price; models.dev gives no shutdown dates."""
    found: list[Offer] = []
    for provider_id, provider in data.items():
        text(provider_id, where, "a provider id")
        doc = web_url(provider.get("doc"), where, f"{provider_id}: doc")
        for model_id, model in provider["models"].items():
            if not isinstance(model, dict):
                raise CatalogError(
                    where, f"{provider_id}/{text(model_id, where, 'a model id')[:60]}: should be an object"
                )
            what = f"{provider_id}/{model_id}"
            cost = model.get("cost") or {}
            limit = model.get("limit") or {}
            if not isinstance(cost, dict) or not isinstance(limit, dict):
                raise CatalogError(where, f"{what}: cost and limit should be objects")
            found.append(
                Offer(
                    catalog=NAME,
                    key=what,
                    provider=provider_id,
                    model=text(model_id, where, "a model id"),
                    mode=_mode(model),
                    name=optional_text(model.get("name"), where, f"{what}: name"),
                    input_usd_per_mtok=per_mtok(cost.get("input"), 1.0, where, f"{what}: cost.input"),
                    output_usd_per_mtok=per_mtok(cost.get("output"), 1.0, where, f"{what}: cost.output"),
                    context_tokens=count(limit.get("context"), where, f"{what}: limit.context"),
                    released=day(model.get("release_date"), where, f"{what}: release_date"),
                    source=doc or API,
                )
            )
    return found


def model_offers(data: dict[str, Any], where: str) -> list[Offer]:
    """Open-weights models with their Hugging Face repo (from `weights`) and the license models.dev records."""
    found: list[Offer] = []
    for model_id, model in data.items():
        text(model_id, where, "a model id")
        if model.get("open_weights") is not True:
            continue
        repos = [
            url.removeprefix(HF)
            for url in (web_url(w.get("url"), where, f"{model_id}: weights url") for w in model.get("weights") or [])
            if url and url.startswith(HF) and url.count("/") == 4
        ]
        if not repos:
            continue
        found.append(
            Offer(
                catalog=NAME,
                key=model_id,
                provider="huggingface",
                model=repos[0],
                mode=_mode(model),
                name=optional_text(model.get("name"), where, f"{model_id}: name"),
                hf_repo=repos[0],
                license_tag=optional_text(model.get("license"), where, f"{model_id}: license"),
                released=day(model.get("release_date"), where, f"{model_id}: release_date"),
                context_tokens=count((model.get("limit") or {}).get("context"), where, f"{model_id}: limit.context"),
                source=MODELS,
            )
        )
    return found
