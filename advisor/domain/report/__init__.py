"""Reports of a decision: Markdown and HTML documents, and the JSON decision record.

`render(decision, fmt)` is what the wizard's export dialog calls; the CLI streams with `write_report`.
"""

from __future__ import annotations

from typing import BinaryIO, Literal

from advisor.domain.decision import Decision, decision_json, write_decision_json
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


def write_report(decision: Decision, fmt: Format, out: BinaryIO) -> None:
    """Write the decision in the given format to a binary stream, as UTF-8 (JSON is streamed as it is encoded)."""
    if fmt == "json":
        write_decision_json(decision, out)
    else:
        out.write(render(decision, fmt).encode("utf-8"))
