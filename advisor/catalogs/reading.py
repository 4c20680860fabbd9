"""Reading a catalog file or response: within a size cap, as JSON, recognised by its content, through its importer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import msgspec

from advisor.catalogs import huggingface, litellm, models_dev, openrouter
from advisor.catalogs.offers import Catalog, Offer
from advisor.catalogs.values import CatalogError

MAX_CATALOG_BYTES = 64 * 1024 * 1024
"""LiteLLM's map is 3.5 MB and models.dev's api.json about 1 MB; nothing this large is a catalog."""

Importer = Callable[[Any, str], list[Offer]]
FORMATS: tuple[tuple[str, Callable[[Any], bool], Importer], ...] = (
    (litellm.NAME, litellm.recognises, litellm.offers),
    (openrouter.NAME, openrouter.recognises, openrouter.offers),
    (models_dev.NAME, models_dev.recognises_api, models_dev.api_offers),
    (models_dev.NAME, models_dev.recognises_models, models_dev.model_offers),
    (huggingface.NAME, huggingface.recognises, huggingface.offers),
)
"""Each format the refresh reads: its name, how it is recognised, its importer (first match wins)."""


def read_file(path: Path, as_of: dt.date) -> Catalog:
    """A catalog file; CatalogError naming it when it is unreadable, too large or not a catalog."""
    from advisor.domain.inputs.files import read_input_file
    from advisor.domain.inputs.problems import InputError, display_path

    where = display_path(path)
    try:
        size = path.stat().st_size
    except OSError:
        size = 0  # read_input_file says what is wrong with it
    if size > MAX_CATALOG_BYTES:
        raise CatalogError(
            where, f"is {size / 2**20:.0f} MiB; catalogs over {MAX_CATALOG_BYTES // 2**20} MiB are refused"
        )
    try:
        raw = read_input_file(path, limit=MAX_CATALOG_BYTES)
    except InputError as exc:
        raise CatalogError(where, exc.problems[0].message) from None
    return parse(raw, where, as_of)


def parse(raw: bytes, where: str, as_of: dt.date) -> Catalog:
    """The catalog in `raw` (read from `where`), recognised by its content."""
    if len(raw) > MAX_CATALOG_BYTES:
        raise CatalogError(where, f"is over {MAX_CATALOG_BYTES // 2**20} MiB; refused")
    try:
        data = msgspec.json.decode(raw.removeprefix(b"\xef\xbb\xbf"))
    except msgspec.DecodeError as exc:
        hint = " (the file looks truncated)" if "truncated" in str(exc) else ""
        raise CatalogError(where, f"not valid JSON: {exc}{hint}") from None
    for name, recognises, importer in FORMATS:
        if recognises(data):
            try:
                offers = importer(data, where)
            except (KeyError, TypeError, AttributeError) as exc:  # a field of the wrong shape deep inside
                raise CatalogError(
                    where, f"not a {name} catalog of the expected shape ({type(exc).__name__}: {exc})"
                ) from None
            return Catalog(name=name, where=where, as_of=as_of, entries=_size(data), offers=offers)
    raise CatalogError(
        where,
        "not a catalog this advisor reads: expected LiteLLM's price map, models.dev's api.json or models.json, "
        "OpenRouter's /api/v1/models or Hugging Face model info",
    )


def _size(data: Any) -> int:
    if isinstance(data, dict) and isinstance(data.get("data"), list):
        return len(data["data"])
    if isinstance(data, dict) and all(isinstance(v, dict) and isinstance(v.get("models"), dict) for v in data.values()):
        return sum(len(v["models"]) for v in data.values())
    return len(data) if isinstance(data, list | dict) else 1
