"""Reports of a decision: Markdown and HTML documents, and the JSON decision record.

`render(decision, fmt)` is what both the CLI and the wizard's export dialog call.
"""

from __future__ import annotations

from typing import Literal

from advisor.domain.decision import Decision, decision_json, decision_json_bytes
from advisor.domain.report.build import build_document
from advisor.domain.report.html import render_html
from advisor.domain.report.markdown import render_markdown

Format = Literal["md", "html", "json"]
FORMATS: tuple[Format, ...] = ("md", "html", "json")
EXTENSIONS: dict[str, str] = {"md": ".md", "html": ".html", "json": ".json"}


def render(decision: Decision, fmt: Format) -> str:
    """The decision in the given format, as text."""
    if fmt == "json":
        return decision_json(decision)
    doc = build_document(decision)
    return render_markdown(doc) if fmt == "md" else render_html(doc)


def render_bytes(decision: Decision, fmt: Format) -> bytes | bytearray:
    """The decision in the given format, as UTF-8 bytes (JSON skips the intermediate str)."""
    return decision_json_bytes(decision) if fmt == "json" else render(decision, fmt).encode("utf-8")
