"""The compare screen's table, drawn line by line: the title and the models' names stay on top, the rows scroll.

A DataTable drew these rows before: every cell through Rich, all cells measured again when idle and
the table laid out anew (the screen took ~110 ms longer to open than one holding a single Static; with
this view it opens about as fast as that one). Here the lines are laid out once per width (each cell
wrapped to its column, at most `MAX_ROW_HEIGHT` lines, the last cut with "…") and styled once per
style change; `render_line` only crops the lines on screen. Rows whose values differ have their label
in bold warning colour, and the rows alternate in colour, as the table's did.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.actions import SkipAction
from textual.content import Content
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from advisor.domain.report.side_by_side import SideBySide
from advisor.tui.widgets.line_table import PADDING, cut

LABEL_WIDTH = 22
MIN_LABEL_WIDTH = 10
MIN_COLUMN_WIDTH = 14
"""Below this a model's column takes room from the labels (three models at 60 columns), never the screen's edge."""
SPARE = 2
"""Columns left free at the right, for the scrollbar."""
MAX_ROW_HEIGHT = 8
"""A long cell (many risks) is cut here; the model's detail has the rest."""
ELLIPSIS = "…"


@dataclass(frozen=True)
class Line:
    """One screen line before styling: its pieces, each with how it is drawn, on its background.

    A piece is drawn as "section" or "differs" (bold, in the accent or warning colour, on the line's
    background), as "title", "header" or "hint" (in that style of its own), or plain (""). The background
    is "even" or "odd" (a row of the table: they alternate) or "title", "header", "hint".
    """

    pieces: list[tuple[str, str]]
    background: str


@dataclass(frozen=True)
class Layout:
    """The lines for one width: those fixed at the top, those that scroll, and the rows as shown."""

    width: int
    fixed: list[Line]
    body: list[Line]
    rows: list[list[str]]


@dataclass(frozen=True)
class Drawn:
    """A layout's lines styled, each with the style that fills it out to the view's width."""

    fixed: list[tuple[Strip, Style]]
    body: list[tuple[Strip, Style]]
    blank: Style
    """Below the last line."""


def column_widths(width: int, models: int) -> tuple[int, int]:
    """The label column's and each model's column's width (without padding) on a view `width` columns wide."""
    room = width - SPARE - 2 * PADDING * (models + 1)
    label = LABEL_WIDTH
    column = (room - label) // models
    if column < MIN_COLUMN_WIDTH:
        label = max(MIN_LABEL_WIDTH, room - models * MIN_COLUMN_WIDTH)
        column = max(1, (room - label) // models)
    return label, column


def fit(text: str, width: int, height: int = MAX_ROW_HEIGHT) -> list[str]:
    """`text` wrapped to `width` columns, in at most `height` lines, the last cut with "…" when there was more."""
    if cell_len(text) <= width and "\n" not in text:
        return [text]  # most cells: no wrapping to do
    lines = [line.plain.rstrip() for line in Content(text).wrap(width)] or [""]
    if len(lines) <= height:
        return lines
    last = Content(lines[height - 1] + ELLIPSIS)
    if last.cell_length > width:
        last = Content(lines[height - 1]).truncate(width - 1) + ELLIPSIS
    return [*lines[: height - 1], last.plain]


def pad(text: str, width: int) -> str:
    """`text` in a cell of `width` columns with its padding (cut with "…" if it is wider)."""
    return " " * PADDING + cut(text, width) + " " * PADDING


def lay_out(table: SideBySide, width: int) -> Layout:
    """The lines of `table` on a view `width` columns wide."""
    label_width, column = column_widths(width, len(table.models))
    title = "Side by side: " + " · ".join(table.names)
    fixed = [Line([(line, "title")], "title") for line in fit(title, max(1, width), height=len(title))]
    names = [(pad(name, column), "header") for name in table.names]
    fixed.append(Line([(pad("", label_width), "header"), *names], "header"))

    body: list[Line] = []
    rows: list[list[str]] = []
    section = ""
    for row in table.rows:
        if row.section != section:
            section = row.section
            background = "even" if len(rows) % 2 == 0 else "odd"
            body.append(Line([(pad(section, label_width), "section")], background))
            rows.append([section, *["" for _ in row.values]])
        background = "even" if len(rows) % 2 == 0 else "odd"
        label = fit(row.label, label_width)
        cells = [fit(value, column) for value in row.values]
        height = max(len(label), *(len(lines) for lines in cells))
        for y in range(height):
            pieces = [(pad(label[y] if y < len(label) else "", label_width), "differs" if row.differs else "")]
            pieces += [(pad(lines[y] if y < len(lines) else "", column), "") for lines in cells]
            body.append(Line(pieces, background))
        rows.append(["\n".join(label), *("\n".join(lines) for lines in cells)])
    if table.same_terms:
        hint = f"{table.same_terms} license term(s) the same for all: see each model's detail."
        body += [Line([(" " * PADDING + line, "hint")], "hint") for line in fit(hint, max(1, width - 2), len(hint))]
    return Layout(width, fixed, body, rows)


class SideBySideView(ScrollView, can_focus=True):
    """Models side by side, a row per term, in sections; scrolls by keyboard and mouse wheel."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "side-by-side--title",
        "side-by-side--header",
        "side-by-side--section",
        "side-by-side--differs",
        "side-by-side--even-row",
        "side-by-side--hint",
    }

    DEFAULT_CSS = """
    SideBySideView {
        height: 1fr;
        overflow-x: hidden;
        background: $surface;
        color: $foreground;
        &:focus {
            background-tint: $foreground 5%;
            & > .side-by-side--header { background-tint: $foreground 5%; }
        }
        & > .side-by-side--title { background: $background; color: $text-accent; text-style: bold; }
        & > .side-by-side--header { background: $panel; color: $foreground; text-style: bold; }
        & > .side-by-side--section { color: $text-accent; text-style: bold; }
        & > .side-by-side--differs { color: $text-warning; text-style: bold; }
        & > .side-by-side--even-row { background: $surface-lighten-1 50%; }
        &:dark > .side-by-side--even-row { background: $surface-darken-1 40%; }
        & > .side-by-side--hint { background: $background; color: $text-muted; }
    }
    """

    def __init__(self, table: SideBySide, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.table = table
        self._layout: Layout | None = None
        self._drawn: Drawn | None = None
        """The layout styled: dropped when the styles change (the theme, the focus)."""

    def rows(self) -> list[list[str]]:
        """Each row as shown (a section is a row of its own): the label, then each model's cell, lines joined by newlines."""
        return [list(row) for row in self._laid_out().rows]

    def on_mount(self) -> None:
        # The view spans the screen: laid out for its width now, before the first paint, so that paint is the
        # full one with its scrollbar; a resize re-lays it out if the guess was wrong.
        self._lay_out(self.app.size.width)

    def on_resize(self, event: events.Resize) -> None:
        if self._layout is None or event.size.width != self._layout.width:
            self._lay_out(event.size.width)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._drawn = None

    def _lay_out(self, width: int) -> None:
        self._layout = lay_out(self.table, width)
        self._drawn = None
        self.virtual_size = Size(0, len(self._layout.fixed) + len(self._layout.body))
        self.refresh()

    def _laid_out(self) -> Layout:
        if self._layout is None:
            self._lay_out(self.size.width or self.app.size.width)
        assert self._layout is not None
        return self._layout

    def _styled(self) -> Drawn:
        if self._drawn is not None:
            return self._drawn
        layout = self._laid_out()
        backgrounds = {
            "odd": self.rich_style,
            "even": self.get_component_rich_style("side-by-side--even-row"),
            "title": self.get_component_rich_style("side-by-side--title"),
            "header": self.get_component_rich_style("side-by-side--header"),
            "hint": self.get_component_rich_style("side-by-side--hint"),
        }
        marks = {
            "section": self.get_component_rich_style("side-by-side--section", partial=True),
            "differs": self.get_component_rich_style("side-by-side--differs", partial=True),
        }

        def styled(line: Line) -> tuple[Strip, Style]:
            background = backgrounds[line.background]
            segments = [
                Segment(text, backgrounds[role] if role in backgrounds else background + marks.get(role, Style()))
                for text, role in line.pieces
            ]
            return Strip(segments), background

        fixed, body = [styled(line) for line in layout.fixed], [styled(line) for line in layout.body]
        self._drawn = Drawn(fixed, body, blank=backgrounds["hint"])
        return self._drawn

    def render_line(self, y: int) -> Strip:
        drawn = self._styled()
        width = self.scrollable_content_region.width
        if y < len(drawn.fixed):
            strip, fill = drawn.fixed[y]
        else:
            index = y - len(drawn.fixed) + self.scroll_offset.y
            strip, fill = drawn.body[index] if index < len(drawn.body) else (Strip.blank(0), drawn.blank)
        return strip.crop_extend(0, width, fill)

    def _page(self) -> int:
        """The rows a page key moves: those in view below the fixed lines."""
        return max(1, self.scrollable_content_region.height - len(self._laid_out().fixed))

    def action_page_down(self) -> None:
        if not self.allow_vertical_scroll:
            raise SkipAction()
        self.scroll_to(y=self.scroll_y + self._page(), animate=False)

    def action_page_up(self) -> None:
        if not self.allow_vertical_scroll:
            raise SkipAction()
        self.scroll_to(y=self.scroll_y - self._page(), animate=False)
