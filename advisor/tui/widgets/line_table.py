"""A table drawn line by line: only the rows on screen are rendered (Textual's line API), for long lists.

The model browser lists every model of the knowledge base (160 bundled, thousands in a big one). A
DataTable renders each cell through Rich and measures every cell of the rows it is given, which was
most of the ~0.5 s the browser took to open; this table keeps its rows as plain text cut to their
column and turns the few dozen lines on screen into strips when they are painted.

Up/Down, Page Up/Down and Home/End move the cursor; Enter, or a click on the highlighted row, posts
`Selected`. The header line stays on top while the rows scroll under it.
"""

from __future__ import annotations

from typing import ClassVar, NamedTuple

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

PADDING = 1
"""Blank cells on each side of a column's text."""


class Column(NamedTuple):
    label: str
    width: int


class Row(NamedTuple):
    """One row: the key it is selected by, its cells (cut to their column when drawn), and its emphasis."""

    key: str
    cells: tuple[str, ...]
    emphasis: str | tuple[str, ...] = ""
    """For the whole row or per cell: empty (plain), "bold" or "dim"."""


def cut(text: str, width: int) -> str:
    """`text` in exactly `width` cells: padded, or cut with an ellipsis."""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, max(0, width - 1)) + "…" if width else ""


EMPHASIS = {"": Style(), "bold": Style(bold=True), "dim": Style(dim=True)}


class LineTable(ScrollView, can_focus=True):
    """Rows of text under a fixed header; a cursor row; Enter or a click on it posts `Selected`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Details"),
        Binding("up", "cursor(-1)", "Up", show=False),
        Binding("down", "cursor(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "cursor(-1_000_000)", "First", show=False),
        Binding("end", "cursor(1_000_000)", "Last", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "line-table--header",
        "line-table--cursor",
        "line-table--even-row",
    }

    DEFAULT_CSS = """
    LineTable {
        height: 1fr;
        background: $surface;
        color: $foreground;
        & > .line-table--header { text-style: bold; background: $panel; color: $foreground; }
        & > .line-table--even-row { background: $surface-lighten-1 50%; }
        & > .line-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        &:dark > .line-table--even-row { background: $surface-darken-1 40%; }
        &:focus {
            background-tint: $foreground 5%;
            & > .line-table--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
        }
    }
    """

    class Selected(Message):
        """Enter, or a click on the highlighted row: the row `key` was chosen."""

        def __init__(self, table: LineTable, key: str) -> None:
            self.table = table
            self.key = key
            super().__init__()

        @property
        def control(self) -> LineTable:
            return self.table

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.columns: list[Column] = []
        self.rows: list[Row] = []
        self.cursor = 0
        """Index of the highlighted row."""

    # What it shows

    def show(self, columns: list[Column], rows: list[Row]) -> None:
        """Show `rows` under `columns`; the cursor stays on its row's key where that row is still shown."""
        current = self.highlighted
        self.columns = columns
        self.rows = rows
        keys = [row.key for row in rows]
        self.cursor = keys.index(current) if current in keys else 0
        width = sum(column.width + 2 * PADDING for column in columns)
        self.virtual_size = Size(width, len(rows) + 1)
        self._keep_cursor_in_view()
        self.refresh()

    @property
    def row_count(self) -> int:
        return len(self.rows)

    @property
    def highlighted(self) -> str | None:
        """The key of the highlighted row (None when there are no rows)."""
        return self.rows[self.cursor].key if self.rows else None

    def shown_text(self) -> list[dict[str, str]]:
        """Each row as drawn, column label -> its text cut to the column (without padding): what a reader sees."""
        return [
            {
                column.label: cut(text, column.width).rstrip()
                for text, column in zip(row.cells, self.columns, strict=False)
            }
            for row in self.rows
        ]

    # Drawing

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.size.width
        if y == 0:
            style = self.get_component_rich_style("line-table--header")
            strip = self._strip([column.label for column in self.columns], style)
        else:
            index = scroll_y + y - 1
            if index >= len(self.rows):
                return Strip.blank(width, self.rich_style)
            row = self.rows[index]
            if index == self.cursor:
                style = self.get_component_rich_style("line-table--cursor")
            elif index % 2:
                style = self.get_component_rich_style("line-table--even-row")
            else:
                style = Style()
            strip = self._strip(row.cells, style, row.emphasis)
        return strip.crop_extend(scroll_x, scroll_x + width, None)

    def _strip(self, cells: tuple[str, ...] | list[str], style: Style, emphasis: str | tuple[str, ...] = "") -> Strip:
        """One line of `cells`, each fitted to its column, extended to the widget's width in `style`."""
        base = self.rich_style + style
        each = (emphasis,) * len(cells) if isinstance(emphasis, str) else emphasis
        gap = " " * PADDING
        segments = [
            Segment(gap + cut(text, column.width) + gap, base + EMPHASIS[kind] if kind else base)
            for text, column, kind in zip(cells, self.columns, each, strict=False)
        ]
        drawn = sum(column.width + 2 * PADDING for column in self.columns)
        room = max(self.size.width, self.virtual_size.width) - drawn
        if room > 0:
            segments.append(Segment(" " * room, base))
        return Strip(segments, drawn + max(room, 0))

    # Moving and choosing

    def _keep_cursor_in_view(self) -> None:
        visible = max(1, self.size.height - 1)
        top = self.scroll_offset.y
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + visible:
            self.scroll_to(y=self.cursor - visible + 1, animate=False, immediate=True)

    def move_to(self, index: int) -> None:
        """Highlight row `index` (kept within the rows) and scroll it into view."""
        if not self.rows:
            return
        self.cursor = max(0, min(len(self.rows) - 1, index))
        self._keep_cursor_in_view()
        self.refresh()

    def action_cursor(self, by: int) -> None:
        self.move_to(self.cursor + by)

    def action_page(self, pages: int) -> None:
        self.move_to(self.cursor + pages * max(1, self.size.height - 2))

    def action_select(self) -> None:
        if self.rows:
            self.post_message(self.Selected(self, self.rows[self.cursor].key))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y == 0:  # the header, or the scrollbar
            return
        index = self.scroll_offset.y + offset.y - 1
        if index >= len(self.rows):
            return
        if index == self.cursor:
            self.action_select()
        else:
            self.move_to(index)

    def on_resize(self) -> None:
        self._keep_cursor_in_view()

    def on_focus(self) -> None:
        self.refresh()  # the cursor's colour follows the focus

    def on_blur(self) -> None:
        self.refresh()
