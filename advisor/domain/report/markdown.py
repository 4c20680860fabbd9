"""Render a report document as Markdown (GitHub-flavoured: tables, links).

Text is escaped so it stays text: Markdown's special characters, line breaks of every kind (a `\r`
would start a line of its own, a fake heading) and control characters, in code spans too; only
http(s) URLs become links.
"""

from __future__ import annotations

import re

from advisor.domain.inputs.controls import escape_controls
from advisor.domain.report.document import Block, Bullets, Document, Heading, Inline, Paragraph, Quote, Table

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")
_LINE_BREAK = re.compile(r"\r\n?|\n")
_LINKABLE = re.compile(r"https?://[^\s<>\x00-\x1f\x7f-\x9f]+", re.ASCII)


def _one_line(text: str) -> str:
    """`text` on one line, its control characters shown escaped."""
    return escape_controls(_LINE_BREAK.sub(" ", text))


def _escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", _one_line(text))


def _wrap(marker: str, text: str) -> str:
    # CommonMark ignores emphasis whose inner text starts or ends with a space: keep spaces outside.
    core = text.strip()
    if not core:
        return text
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
    return f"{lead}{marker}{_escape(core)}{marker}{trail}"


def _inline(run: Inline) -> str:
    if run.kind == "strong":
        return _wrap("**", run.text)
    if run.kind == "em":
        return _wrap("*", run.text)
    if run.kind == "code":
        return "`" + _one_line(run.text).replace("`", "'") + "`"
    if run.kind == "link" and run.url and _LINKABLE.fullmatch(run.url):
        return f"[{_escape(run.text)}](<{run.url}>)"
    return _escape(run.text)


def _inlines(runs: list[Inline]) -> str:
    return "".join(_inline(r) for r in runs)


def _block(block: Block) -> str:
    if isinstance(block, Heading):
        return "#" * block.level + " " + _escape(block.text)
    if isinstance(block, Paragraph):
        text = _inlines(block.content)
        return f"> **Note:** {text}" if block.role == "notice" else text
    if isinstance(block, Bullets):
        return "\n".join(f"- {_inlines(item)}" for item in block.items)
    if isinstance(block, Quote):
        return "> " + _inlines(block.content)
    assert isinstance(block, Table)
    align = ["---:" if i in block.numeric else "---" for i in range(len(block.headers))]
    lines = ["| " + " | ".join(_escape(h) for h in block.headers) + " |", "| " + " | ".join(align) + " |"]
    lines.extend("| " + " | ".join(_inlines(cell) for cell in row) + " |" for row in block.rows)
    return "\n".join(lines)


def render_markdown(doc: Document) -> str:
    """The document as Markdown text."""
    parts = ["# " + _escape(doc.title)] + [_block(block) for block in doc.blocks]
    return "\n\n".join(parts) + "\n"
