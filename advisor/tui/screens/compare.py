"""Two or three models side by side: standing, cost today and at 24 months, license terms that differ, risks, quality."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Header, Static

from advisor.domain.decision import Decision
from advisor.domain.report.side_by_side import SideBySide, side_by_side
from advisor.tui.format import cell
from advisor.tui.screens.base import AdvisorScreen
from advisor.tui.widgets.footer import KeyFooter

LABEL_WIDTH = 22
MAX_ROW_HEIGHT = 8
"""A long cell (many risks) is cut here; the model's detail has the rest."""


class CompareScreen(AdvisorScreen):
    """The side-by-side table of a few models of a decision; rows that differ are marked."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "app.pop_screen", "Back")]

    def __init__(self, models: list[str], decision: Decision) -> None:
        super().__init__()
        self.models = models
        self.decision = decision
        self.table: SideBySide | None = None
        self.width = 0
        """The width the table was last filled for."""

    def compose(self) -> ComposeResult:
        self.table = side_by_side(self.decision, self.models, self.advisor.kb)
        yield Header()
        with VerticalScroll(id="compare"):
            yield Static(
                Content.styled("Side by side: " + " · ".join(self.table.names), "bold $text-accent"), id="compare-title"
            )
            yield DataTable(id="compare-table", cursor_type="row", zebra_stripes=True, show_cursor=False)
            same = self.table.same_terms
            yield Static(
                f"{same} license term(s) the same for all: see each model's detail." if same else "", classes="hint"
            )
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#compare-table").focus()
        self._fill(self.app.size.width)  # before the first paint, at the width a full screen gets: painted once, full

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self.width:
            self._fill(event.size.width)

    def _fill(self, width: int) -> None:
        """Fill the table for a screen `width` columns wide."""
        assert self.table is not None
        self.width = width
        grid = self.query_one("#compare-table", DataTable)
        column = max(14, (width - LABEL_WIDTH - 6 - 2 * len(self.models)) // max(1, len(self.models)))
        grid.clear(columns=True)
        grid.add_column("", key="label", width=LABEL_WIDTH)
        for model, name in zip(self.table.models, self.table.names, strict=True):
            grid.add_column(Content(name).truncate(column, ellipsis=True).plain, key=model, width=column)
        variables = self.app.theme_variables
        section = ""
        for row in self.table.rows:
            if row.section != section:
                section = row.section
                grid.add_row(cell(Content.styled(section, "bold $text-accent"), variables), *["" for _ in row.values])
            label = Content.styled(row.label, "bold $text-warning" if row.differs else "")
            height = max(len(Content(value).wrap(column)) for value in row.values)
            grid.add_row(cell(label, variables), *row.values, height=max(1, min(height, MAX_ROW_HEIGHT)))
