"""The recommendation: strategy and reasons, shortlist, risks, costs, exclusions, what would change it, what-if.

Each tab is a widget of its own (`advisor/tui/widgets/`); this screen works the decision out, hands it to
them, and runs the what-if bar, whose answers the wizard state holds until they are kept or reset.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Static, TabbedContent, TabPane

from advisor.domain.compare import decision_diff
from advisor.domain.decision import Decision
from advisor.domain.profile.form import Answer
from advisor.domain.profile.questions import BY_ID
from advisor.domain.profile.reading import format_answer
from advisor.tui.format import STRATEGY_LABEL, trade_off_line
from advisor.tui.screens.base import AdvisorScreen
from advisor.tui.widgets.costs import CostsView
from advisor.tui.widgets.footer import KeyFooter
from advisor.tui.widgets.model_preview import ModelPreview
from advisor.tui.widgets.model_tables import ExcludedTable, ShortlistTable
from advisor.tui.widgets.risk_list import RiskList
from advisor.tui.widgets.sensitivity_view import SensitivityView
from advisor.tui.widgets.title_bar import TitleBar
from advisor.tui.widgets.watch_list import WatchList
from advisor.tui.widgets.whatif import WhatIfBar

TABS = ("shortlist", "costs", "risks", "excluded", "watch")
TALL = 36
"""Screens at least this tall preview the highlighted model under the shortlist."""


class ResultsScreen(AdvisorScreen):
    """What the engine recommends for the answers (or for a what-if on them)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "export", "Export"),
        Binding("w", "whatif", "What-if"),
        Binding("k", "keep_whatif", "Keep", tooltip="Make the what-if answers your answers"),
        Binding("x", "reset_whatif", "Reset", tooltip="Back to your answers"),
        Binding("b", "browse", "All models", tooltip="Browse and filter every model of the knowledge base"),
        Binding("c", "compare", "Compare", tooltip="The highlighted model side by side with the first choice"),
        Binding("escape", "back", "Back"),
        *[Binding(str(i + 1), f"tab('{tab}')", f"Tab {tab}", show=False) for i, tab in enumerate(TABS)],
    ]

    def __init__(self) -> None:
        super().__init__()
        self.decision: Decision | None = None
        self.baseline: Decision | None = None
        self.exported: str | None = None

    @property
    def whatif(self) -> Mapping[str, Answer]:
        """The answers being tried (held by the wizard state; not the founder's answers until kept)."""
        return self.advisor.wizard.what_if

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="results"):
            with VerticalScroll(id="banner"):
                yield Static("Working out the recommendation…", id="summary")
            with TabbedContent(id="tabs"):
                with TabPane("1 Shortlist", id="shortlist"):
                    yield ShortlistTable(id="shortlist-table", cursor_type="row", zebra_stripes=True)
                    with VerticalScroll(id="preview-box"):
                        yield ModelPreview(id="preview")
                with TabPane("2 Costs", id="costs"):
                    yield CostsView()
                with TabPane("3 Risks", id="risks"):
                    yield RiskList(id="risk-list")
                with TabPane("4 Excluded", id="excluded"):
                    yield ExcludedTable(id="excluded-table", cursor_type="row", zebra_stripes=True)
                with TabPane("5 What would change it", id="watch"), VerticalScroll():
                    yield SensitivityView(id="sensitivity")
                    yield WatchList(id="watch-list")
            yield WhatIfBar(dict(self.advisor.wizard.answers), id="whatif")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#tabs").loading = True
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._refit())
        self.recompute()

    # --- computing ------------------------------------------------------------------------------

    @work(exclusive=True, group="decide")
    async def recompute(self) -> None:
        """Run the engine (in a thread, so typing stays smooth) on the answers plus any what-if."""
        wizard = self.advisor.wizard
        baseline = await asyncio.to_thread(self.advisor.decide, wizard.profile())
        decision = await asyncio.to_thread(self.advisor.decide, wizard.what_if_profile())
        self.baseline = baseline
        await self.show_decision(decision)

    async def show_decision(self, decision: Decision) -> None:
        """Show `decision` in the banner and every tab."""
        self.decision = decision
        width = self._table_width()
        with self.app.batch_update():
            self._banner(decision)
            self.query_one(ShortlistTable).show(decision, width)
            self.query_one(CostsView).show(decision)
            await self.query_one(RiskList).show(decision)
            self._excluded(decision, width)
            self.query_one(WatchList).show(decision)
            self.query_one(SensitivityView).show(decision, self.advisor.kb)
            self.query_one("#tabs").loading = False
        if self.focused is None or self.focused.id == "banner":
            self.query_one("#shortlist-table").focus()
        self.refresh_bindings()
        self.call_after_refresh(self._refit)

    # --- drawing --------------------------------------------------------------------------------

    def _banner(self, decision: Decision) -> None:
        chip = Content.styled(f" {STRATEGY_LABEL[decision.strategy]} ", "bold reverse $accent")
        lines: list[Content | str] = [Content.assemble(chip, " ", Content.styled(decision.summary, "bold"))]
        if self.whatif and self.baseline is not None:
            answers = self.advisor.wizard.answers
            changed = ", ".join(
                f"{BY_ID[k].short} {format_answer(BY_ID[k], answers.get(k))} → {format_answer(BY_ID[k], v)}"
                for k, v in self.whatif.items()
            )
            lines.append(
                Content.assemble(
                    Content.styled("What-if: ", "bold $text-warning"),
                    f"{changed}: {decision_diff(self.baseline, decision).summary()}. ",
                    Content.styled("k keeps it, x resets.", "$text-muted"),
                )
            )
        if self.exported:
            lines.append(Content.styled(f"Exported to {self.exported}", "$text-success"))
        if decision.trade_off is not None:
            lines.append(trade_off_line(decision.trade_off))
        lines.extend(Content.assemble("• ", reason) for reason in decision.rationale)
        self.query_one("#summary", Static).update(Content("\n").join(lines))

    def _excluded(self, decision: Decision, width: int) -> None:
        self.query_one(ExcludedTable).show(decision, width)
        pane = self.query_one(TabbedContent).get_tab("excluded")
        pane.label = f"4 Excluded ({len(decision.excluded)})"

    def _table_width(self) -> int:
        """The width a table gets inside a tab (hidden tabs have no size of their own)."""
        return max(0, self.query_one("#tabs").size.width - 2)

    def _refit(self) -> None:
        """Tables truncate their last column to the width available: fill them again for the new size."""
        if self.decision is not None:
            width = self._table_width()
            self.query_one(ShortlistTable).show(self.decision, width)
            self._excluded(self.decision, width)

    # --- what-if ----------------------------------------------------------------------------------

    @on(WhatIfBar.Changed)
    def _what_if(self, event: WhatIfBar.Changed) -> None:
        if self.advisor.wizard.try_what_if(event.question_id, event.value):
            self.recompute()

    @on(WhatIfBar.Left)
    def _leave_what_if(self) -> None:
        self.query_one("#shortlist-table").focus()

    def action_whatif(self) -> None:
        self.query_one(WhatIfBar).query("Input, Select").first().focus()

    def action_reset_whatif(self) -> None:
        self.advisor.wizard.reset_what_if()
        self.query_one(WhatIfBar).reset(dict(self.advisor.wizard.answers))
        self.recompute()

    def action_keep_whatif(self) -> None:
        self.advisor.keep_what_if()
        self.baseline = self.decision
        self.query_one(WhatIfBar).reset(dict(self.advisor.wizard.answers))
        if self.decision is not None:
            self._banner(self.decision)
        self.notify("The what-if answers are now your answers (autosaved).")
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("keep_whatif", "reset_whatif"):
            return bool(self.whatif)
        if action in ("export", "browse", "compare"):
            return self.decision is not None
        return True

    # --- elsewhere --------------------------------------------------------------------------------

    def action_tab(self, tab: str) -> None:
        """Show a tab and put the focus in it, so its keys (Enter on a model) work at once."""
        self.query_one(TabbedContent).active = tab
        pane = self.query_one(f"#{tab}", TabPane)
        target = pane.query("ModelTable, VerticalScroll").first()
        self.call_after_refresh(target.focus)

    def action_back(self) -> None:
        self.advisor.action_review()

    def action_browse(self) -> None:
        from advisor.tui.screens.browser import BrowserScreen

        if self.decision is not None:
            self.app.push_screen(BrowserScreen(self.decision))

    def action_compare(self) -> None:
        """The highlighted model against the first choice: on the Excluded tab the excluded model highlighted
        there, elsewhere the highlighted shortlist model (the first against the second on #1)."""
        from advisor.tui.screens.compare import CompareScreen

        decision = self.decision
        if decision is None or not decision.shortlist:
            return
        first = decision.shortlist[0].model
        excluded = self.query_one(ExcludedTable)
        if self.query_one(TabbedContent).active == "excluded" and excluded.row_count:
            other = excluded.coordinate_to_cell_key(excluded.cursor_coordinate).row_key.value
            if other is not None:
                self.app.push_screen(CompareScreen([first, other], decision))
            return
        if len(decision.shortlist) < 2:
            return
        table = self.query_one(ShortlistTable)
        row = min(max(table.cursor_row, 0), len(decision.shortlist) - 1)
        other = decision.shortlist[row].model if row > 0 else decision.shortlist[1].model
        self.app.push_screen(CompareScreen([first, other], decision))

    def action_export(self) -> None:
        """Ask where to write the report of the decision on screen; the app writes it."""
        from advisor.tui.screens.export import ExportRequest, ExportScreen

        decision = self.decision
        if decision is None:
            return

        async def write(request: ExportRequest) -> None:
            await self.advisor.export_report(decision, request)

        def exported(request: ExportRequest | None) -> None:
            if request is not None:
                self.exported = str(request.path)
                self.advisor.remember_export(request)
                self.notify(f"Report written to {request.path}", title="Exported", timeout=8)
                if self.app.is_web:  # `advisor serve`: the file is on the server; hand it to the browser too
                    self.app.deliver_binary(request.path, save_filename=request.path.name)
                if self.decision is not None:
                    self._banner(self.decision)

        habit = self.advisor.settings.export_habit()
        dialog = ExportScreen(
            habit.folder if habit else self.advisor.cwd,
            decision.generated_at.date().isoformat(),
            write,
            scenario=bool(self.whatif),
            fmt=habit.fmt if habit else "md",
        )
        self.app.push_screen(dialog, exported)

    @on(DataTable.RowHighlighted, "#shortlist-table")
    def _preview(self, event: DataTable.RowHighlighted) -> None:
        """On tall terminals, the highlighted model's cost, fit, duties and risks show under the table."""
        if self.decision is None or event.row_key.value is None:
            return
        candidate = next((c for c in self.decision.shortlist if c.model == event.row_key.value), None)
        if candidate is not None:
            self.query_one(ModelPreview).show(candidate)

    def on_resize(self) -> None:
        self.set_class(self.size.height >= TALL, "-tall")
        if self.decision is not None:
            self.call_after_refresh(self._refit)

    @on(DataTable.RowSelected)
    def _open_model(self, event: DataTable.RowSelected) -> None:
        from advisor.tui.screens.model_detail import ModelDetailScreen

        if self.decision is not None and event.row_key.value is not None:
            self.app.push_screen(ModelDetailScreen(event.row_key.value, self.decision))

    def palette_commands(self) -> Iterator[tuple[str, str, Any]]:
        """Actions of this screen for the command palette."""
        yield "Export report…", "Write the recommendation as Markdown, HTML or JSON", self.action_export
        yield "Browse all models", "Every model of the knowledge base, filtered and searched", self.action_browse
        yield "Compare with the first choice", "The highlighted model side by side with #1", self.action_compare
        yield "What-if: change an answer", "Try another answer and see the recommendation follow", self.action_whatif
        if self.whatif:
            yield "Reset what-if", "Back to your answers", self.action_reset_whatif
            yield "Keep what-if", "Make the what-if answers your answers", self.action_keep_whatif
        for tab, title in zip(TABS, ("Shortlist", "Costs", "Risks", "Excluded", "What would change it"), strict=True):
            yield f"Show: {title}", f"Open the {title.lower()} tab", lambda tab=tab: self.action_tab(tab)
