"""The model browser: every model of the knowledge base, filtered and searched, each opening its detail.

`/` goes to the search and Enter there to the table; Enter in the table opens a model; space marks up to three
for comparison and `c` compares them (one marked model is compared with the first choice). Tab reaches the
filter chips: Left/Right pick one, Enter or Space toggles it or opens its choices. Ruled-out models are listed
too, with their reason.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Static

from advisor.domain.decision import Decision
from advisor.tui.screens.base import AdvisorScreen
from advisor.tui.widgets.chip_bar import ChipBar
from advisor.tui.widgets.footer import KeyFooter
from advisor.tui.widgets.line_table import LineTable
from advisor.tui.widgets.model_browser import BrowseFilters, BrowseTable, Filters, Listing, listings
from advisor.tui.widgets.title_bar import TitleBar

MAX_COMPARED = 3


class BrowserScreen(AdvisorScreen):
    """Every model, where it stands for the answers, and a way to compare a few."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("c", "compare", "Compare"),
        Binding("slash", "search", "Search", show=False),
    ]

    def __init__(self, decision: Decision, marked: list[str] | None = None) -> None:
        super().__init__()
        self.decision = decision
        self.items: list[Listing] = []
        self.marked: list[str] = list(marked or [])
        self.filters = Filters()
        self.width = 0
        """The width the table was last filled for."""

    def compose(self) -> ComposeResult:
        self.items = listings(self.advisor.kb, self.decision)
        yield TitleBar()
        with Vertical(id="browser"):
            yield BrowseFilters(self.items, id="browse-filters")
            yield Static("", id="browse-count", classes="hint")
            yield BrowseTable(id="browse-table")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(BrowseTable).focus()
        self._fit(self.app.size.width)  # before the first paint, at the width a full screen gets: painted once, full
        self.watch(self, "focused", self._count, init=False)  # the hint after the count follows the focus

    def shown(self) -> list[Listing]:
        budget = self.decision.profile.budget_usd_per_month
        return [item for item in self.items if self.filters.keep(item, budget)]

    def _fill(self) -> None:
        self.query_one(BrowseTable).list_models(self.shown(), self.marked, max(40, self.width - 4))
        self._count()

    def _count(self) -> None:
        """How many models are listed, and what the keys do where the focus is."""
        if isinstance(self.focused, ChipBar):
            hint = "← → pick a filter, Enter or Space changes it"
        elif self.marked:
            hint = f"marked to compare: {len(self.marked)} (c compares)"
        else:
            hint = "space marks a model to compare"
        listed = self.query_one(BrowseTable).row_count
        self.query_one("#browse-count", Static).update(f"{listed} of {len(self.items)} models · {hint}")

    @on(BrowseFilters.Changed)
    def _filtered(self, event: BrowseFilters.Changed) -> None:
        self.filters = event.filters
        self._fill()

    @on(BrowseTable.Marked)
    def _marked(self, event: BrowseTable.Marked) -> None:
        if event.model in self.marked:
            self.marked.remove(event.model)
        elif len(self.marked) < MAX_COMPARED:
            self.marked.append(event.model)
        else:
            self.notify(f"Up to {MAX_COMPARED} models side by side: unmark one first.", severity="warning")
        self._fill()

    @on(Input.Submitted, "#browse-search")
    def _searched(self) -> None:
        """Enter in the search goes to what it found."""
        self.query_one(BrowseTable).focus()

    @on(LineTable.Selected, "#browse-table")
    def _open(self, event: LineTable.Selected) -> None:
        from advisor.tui.screens.model_detail import ModelDetailScreen

        self.app.push_screen(ModelDetailScreen(event.key, self.decision))

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self.width:
            self._fit(event.size.width)

    def _fit(self, width: int) -> None:
        """Fill the table for `width` columns."""
        self.width = width
        self._fill()

    def on_key(self, event: events.Key) -> None:
        """Letters typed right after `/` reach the table (the app hands each key to the widget focused when it
        arrives); the search, focused by then, is given them."""
        search = self.query_one("#browse-search", Input)
        if self.focused is search and event.is_printable and event.character:
            search.insert_text_at_cursor(event.character)
            event.stop()

    def action_search(self) -> None:
        # At once, not on the next idle (`focus()`): the letters typed right after `/` are read by the search.
        self.set_focus(self.query_one("#browse-search"))

    def action_compare(self) -> None:
        from advisor.tui.screens.compare import CompareScreen

        models = list(self.marked)
        first = self.decision.shortlist[0].model if self.decision.shortlist else None
        if len(models) == 1 and first is not None and first not in models:
            models.insert(0, first)
        if len(models) < 2:
            self.notify("Mark two or three models with space (one is compared with the first choice).")
            return
        self.app.push_screen(CompareScreen(models, self.decision))
