"""Revisit a saved decision: does it still hold on today's knowledge, and if not, what moved?"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Static

from advisor.domain.decision import Decision, stamp
from advisor.domain.inputs.problems import InputError
from advisor.tui.format import cell, link, severity_badge
from advisor.tui.screens.base import AdvisorScreen
from advisor.tui.widgets.footer import KeyFooter
from advisor.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from advisor.domain.changes import Change
    from advisor.domain.revisit import Revisit


def change_detail(change: Change) -> Content:
    """One change in full: what, before → after, the clause and the source."""
    parts: list[Content | str] = [severity_badge(change.severity), " ", Content.styled(change.title, "bold")]
    if change.detail:
        parts += ["\n", change.detail]
    if change.before is not None or change.after is not None:
        parts += ["\n", Content.styled("Before: ", "bold"), change.before or "—"]
        parts += ["\n", Content.styled("Now: ", "bold"), change.after or "—"]
    if change.license or change.clause:
        evidence = " · ".join(x for x in (change.license, change.clause) if x)
        parts += ["\n", Content.styled("Clause: ", "bold"), Content.styled(evidence, "$text-accent")]
    if change.source:
        parts += ["\n", Content.styled("Source: ", "bold"), link(change.source)]
    return Content.assemble(*parts)


class RevisitScreen(AdvisorScreen):
    """The saved decision against today's knowledge: the verdict, the changes, and one key to answer again."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "again", "Re-run wizard"),
        Binding("r", "today", "Today's results"),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self, old: Decision) -> None:
        super().__init__()
        self.old = old
        self.result: Revisit | None = None

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="revisit"):
            yield Static(f"Revisiting the decision of {stamp(self.old.generated_at)} …", id="verdict")
            yield DataTable[str | Text](id="changes", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="change-box"):
                yield Static("", id="change-detail")
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one("#changes", DataTable)
        table.loading = True
        self.evaluate()

    @work(exclusive=True)
    async def evaluate(self) -> None:
        from advisor.domain.revisit import revisit

        try:
            result = await asyncio.to_thread(revisit, self.old, self.advisor.kb, self.advisor.now())
        except InputError as exc:
            self.query_one("#verdict", Static).update(
                Content.styled("This record cannot be revisited: " + "; ".join(map(str, exc.problems)), "$text-error")
            )
            self.query_one("#changes", DataTable).loading = False
            return
        self.result = result
        self.show(result)

    def show(self, result: Revisit) -> None:
        chip = (
            Content.styled(" NEEDS A SECOND LOOK ", "bold reverse $error")
            if result.material
            else Content.styled(" STILL HOLDS ", "bold reverse $success")
        )
        self.query_one("#verdict", Static).update(
            Content.assemble(
                chip,
                " ",
                Content.styled(result.summary, "bold"),
                "\n",
                Content.styled("Saved: ", "$text-muted"),
                self.old.summary or self.old.strategy,
                "\n",
                Content.styled("Today: ", "$text-muted"),
                result.decision.summary,
            )
        )
        table = self.query_one("#changes", DataTable)
        table.loading = False
        self._fill(result)
        self.call_after_refresh(self._fill, result)
        if result.changes:
            table.focus()
            self._detail(0)
        else:
            self.query_one("#change-detail", Static).update(
                "Nothing changed: the same answers give the same decision on today's knowledge."
            )

    def _fill(self, result: Revisit) -> None:
        """The changes, one a row, titles cut to the width available (the panel below has them in full)."""
        table = self.query_one("#changes", DataTable)
        room = max(20, table.size.width - 10 - 2 * 2 - 2)
        cursor = table.cursor_row
        table.clear(columns=True)
        table.add_column("Severity", key="severity", width=10)
        table.add_column("What changed", key="title", width=room)
        variables = self.app.theme_variables
        for index, change in enumerate(result.changes):
            title = Content(change.title).truncate(room, ellipsis=True)
            table.add_row(cell(severity_badge(change.severity), variables), cell(title, variables), key=str(index))
        if result.changes:
            table.move_cursor(row=min(max(cursor, 0), len(result.changes) - 1))

    def on_resize(self) -> None:
        if self.result is not None:
            self.call_after_refresh(self._fill, self.result)

    def _detail(self, index: int) -> None:
        if self.result is not None and 0 <= index < len(self.result.changes):
            self.query_one("#change-detail", Static).update(change_detail(self.result.changes[index]))

    @on(DataTable.RowHighlighted, "#changes")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._detail(event.cursor_row)

    def action_again(self) -> None:
        self.advisor.use_answers_of(self.old)
        self.advisor.ask(0)

    def action_today(self) -> None:
        self.advisor.use_answers_of(self.old)
        self.advisor.action_results()

    def action_back(self) -> None:
        self.advisor.go_home()
