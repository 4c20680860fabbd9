"""Two or three models side by side: standing, cost today and at 24 months, license terms that differ, risks, quality."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType

from advisor.domain.decision import Decision
from advisor.domain.report.side_by_side import side_by_side
from advisor.tui.screens.base import AdvisorScreen
from advisor.tui.widgets.footer import KeyFooter
from advisor.tui.widgets.side_by_side_view import SideBySideView
from advisor.tui.widgets.title_bar import TitleBar


class CompareScreen(AdvisorScreen):
    """The side-by-side table of a few models of a decision; rows that differ are marked."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "app.pop_screen", "Back")]

    def __init__(self, models: list[str], decision: Decision) -> None:
        super().__init__()
        self.models = models
        self.decision = decision

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield SideBySideView(side_by_side(self.decision, self.models, self.advisor.kb), id="compare")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(SideBySideView).focus()
