"""What a catalog says about one model on one provider (`Offer`), a catalog as read (`Catalog`), and the vendor tables."""

from __future__ import annotations

import datetime as dt

import msgspec


class Offer(msgspec.Struct, kw_only=True, frozen=True):
    """One entry of a public catalog: a model as one provider serves it, with the facts the advisor compares."""

    catalog: str
    """`litellm`, `models.dev`, `openrouter` or `huggingface`."""
    key: str
    """The entry's own key in the catalog (`gemini/gemini-2.5-pro`), for the review."""
    provider: str
    """The catalog's id of who serves it (`openai`, `azure`, `vertex_ai-language-models`, `huggingface`)."""
    model: str
    """The model's id on that provider (`gpt-4o`; `meta-llama/Llama-3.3-70B-Instruct` on a host of open weights)."""
    mode: str = "chat"
    """What it does (`chat`, `completion`, `responses`, `image_generation`, `embedding` ...)."""
    name: str | None = None
    input_usd_per_mtok: float | None = None
    output_usd_per_mtok: float | None = None
    context_tokens: int | None = None
    retires: dt.date | None = None
    """The shutdown date on this provider (LiteLLM's `deprecation_date`, despite its name)."""
    retirement_source: str | None = None
    replacement: str | None = None
    """The model the provider names as successor, as the catalog spells it."""
    hf_repo: str | None = None
    """The Hugging Face repo of the weights, where the catalog says so."""
    license_tag: str | None = None
    """The license the catalog names (Hugging Face tag or SPDX id), as it spells it."""
    released: dt.date | None = None
    source: str
    """URL the facts were read from: the page the catalog cites, or the catalog itself."""


class Catalog(msgspec.Struct, kw_only=True, frozen=True):
    """One catalog file or response, read and recognised."""

    name: str
    """Which catalog it is (`litellm` ...)."""
    where: str
    """The file or URL it was read from."""
    as_of: dt.date
    """The day it was read."""
    entries: int
    """How many entries it holds (before any are skipped)."""
    offers: list[Offer]


OWN_API: dict[str, frozenset[str]] = {
    "openai": frozenset({"openai"}),
    "anthropic": frozenset({"anthropic"}),
    "google": frozenset({"gemini", "google"}),
    "deepseek": frozenset({"deepseek"}),
    "mistral": frozenset({"mistral", "codestral", "text-completion-codestral"}),
    "cohere": frozenset({"cohere", "cohere_chat"}),
    "alibaba": frozenset({"dashscope", "alibaba"}),
    "meta": frozenset({"meta_llama", "llama"}),
}
"""Knowledge-base vendor -> the catalogs' ids of that vendor's own API (LiteLLM's `gemini/…` is the Gemini
API; its bare `gemini-…` keys are Vertex AI, a host with dates of its own)."""

VENDOR_OF_PROVIDER: dict[str, str] = {p: vendor for vendor, providers in OWN_API.items() for p in providers}

NEW_MODEL_MODES = frozenset({"chat", "completion", "responses", "image_generation"})
"""The kinds of model a refresh lists as new: what the advisor can recommend (`responses`: chat models
served only through OpenAI's Responses API)."""
