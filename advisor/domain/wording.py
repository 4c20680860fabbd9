"""How the advisor words numbers and names in prose: user counts, lists and vendor names.

One place, so that a threshold reads "700M" in a finding, a watch trigger and the license summary alike.
"""

from __future__ import annotations

VENDOR_NAMES = {
    "openai": "OpenAI",
    "deepseek": "DeepSeek",
    "tii": "TII",
    "bigscience": "BigScience",
    "stability": "Stability AI",
    "mistral": "Mistral AI",
    "ai2": "Ai2",
}
"""Vendor ids whose names are not the id capitalized."""


def user_count(n: int) -> str:
    """A count of users (or dollars) as a threshold reads: `700M`, `1.5M`, `100k`, `12`."""
    for size, suffix in ((1_000_000_000, "B"), (1_000_000, "M"), (1_000, "k")):
        if n >= size:
            value = n / size
            return f"{value:,.0f}{suffix}" if value >= 10 or value == int(value) else f"{value:.1f}{suffix}"
    return str(n)


def name_list(items: list[str], most: int = 4) -> str:
    """`a, b, c and 5 more`: short enough for a sentence."""
    shown = ", ".join(items[:most])
    return shown + (f" and {len(items) - most} more" if len(items) > most else "")


def vendor_name(vendor: str | None, unknown: str = "the licensor") -> str:
    """A vendor id as a name: `openai` -> `OpenAI`, `meta` -> `Meta`."""
    vendor = vendor or unknown
    return VENDOR_NAMES.get(vendor, vendor[:1].upper() + vendor[1:])
