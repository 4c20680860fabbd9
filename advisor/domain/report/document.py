"""A report as a neutral document (headings, paragraphs, lists, tables, quotes) built once from a decision.

`markdown.py` and `html.py` render the same document, so the two formats never drift apart. Text
from the knowledge base or the profile stays plain data here; each renderer escapes it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

InlineKind = Literal["text", "strong", "em", "code", "link"]


@dataclass(frozen=True)
class Inline:
    """A run of text with one style; `url` only for links."""

    kind: InlineKind
    text: str
    url: str | None = None


Inlines = list[Inline]


def t(text: str) -> Inline:
    return Inline("text", text)


def b(text: str) -> Inline:
    return Inline("strong", text)


def em(text: str) -> Inline:
    return Inline("em", text)


def code(text: str) -> Inline:
    return Inline("code", text)


def link(text: str, url: str) -> Inline:
    return Inline("link", text, url)


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    anchor: str | None = None


@dataclass(frozen=True)
class Paragraph:
    content: Inlines
    role: Literal["normal", "lead", "small", "notice", "keep"] = "normal"
    """`keep`: printed on the same page as what follows (a finding's title and its quoted clause)."""


@dataclass(frozen=True)
class Bullets:
    items: list[Inlines]


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[list[Inlines]]
    numeric: set[int] = field(default_factory=set)
    """Column indexes to right-align."""


@dataclass(frozen=True)
class Quote:
    content: Inlines


Block = Heading | Paragraph | Bullets | Table | Quote


@dataclass
class Document:
    title: str
    blocks: list[Block] = field(default_factory=list)
    footer: str = ""
    """Printed at the foot of every page of a PDF (the date and the knowledge it was made on)."""

    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)
