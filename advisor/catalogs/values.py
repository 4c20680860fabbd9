"""Reading a catalog's values defensively: `CatalogError` names the file, and no control character or non-web URL gets through."""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
"""C0 controls, DEL and bidirectional overrides: nothing a model name or a URL has a use for."""


class CatalogError(Exception):
    """A catalog that cannot be used as it is: one message, naming the file or URL."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: {message}")


def text(value: Any, where: str, what: str) -> str:
    """A catalog string, refused when it is not one or hides control characters."""
    if not isinstance(value, str):
        raise CatalogError(where, f"{what} should be text, got {type(value).__name__}")
    if CONTROL.search(value):
        raise CatalogError(where, f"{what} {value[:60]!r} contains control characters; refusing the file")
    return value


def optional_text(value: Any, where: str, what: str) -> str | None:
    return None if value is None or value == "" else text(value, where, what)


SCHEME = re.compile(r"\s*[a-zA-Z][a-zA-Z0-9+.-]*:")


def web_url(value: Any, where: str, what: str) -> str | None:
    """An http(s) URL, or None when absent or prose (LiteLLM writes notes there); another scheme refuses the file."""
    url = optional_text(value, where, what)
    if url is None or url.startswith(("https://", "http://")):
        return url
    if SCHEME.match(url):
        raise CatalogError(where, f"{what} {url[:60]!r} is not an http(s) URL; refusing the file")
    return None


def per_mtok(value: Any, scale: float, where: str, what: str) -> float | None:
    """A price as US$ per million tokens (`scale` converts the catalog's unit), or None when absent."""
    if value is None or value == "":
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise CatalogError(where, f"{what} should be a number, got {value!r}"[:200]) from None
    if not math.isfinite(number) or number < 0:
        raise CatalogError(where, f"{what} should be a price, got {value!r}")
    return round(number * scale, 6)


def count(value: Any, where: str, what: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value < 10**10:
        raise CatalogError(where, f"{what} should be a positive whole number, got {value!r}"[:200])
    return int(value)


def day(value: Any, where: str, what: str) -> dt.date | None:
    """A `YYYY-MM-DD` date (a longer timestamp is cut to its day), or None when absent."""
    raw = optional_text(value, where, what)
    if raw is None:
        return None
    try:
        return dt.date.fromisoformat(raw[:10])
    except ValueError:
        raise CatalogError(where, f"{what} should be a date (YYYY-MM-DD), got {raw[:40]!r}") from None
