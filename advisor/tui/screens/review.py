"""Every answer on one page; any row opens its question, and confirming it comes back here."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, DataTable, Static

from advisor.domain.profile.questions import QUESTIONS
from advisor.domain.profile.reading import format_answer
from advisor.tui.format import cell
from advisor.tui.screens.base import AdvisorScreen
from advisor.tui.widgets.footer import KeyFooter
from advisor.tui.widgets.title_bar import TitleBar


class AnswersTable(DataTable[str | Text]):
    """The answers; Enter or a click on a row changes that answer."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "select_cursor", "Change answer")]


class ReviewScreen(AdvisorScreen):
    """The answers, each editable; from here, the recommendation."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "app.results", "See results"),
        Binding("s", "app.save_profile", "Save profile"),
        Binding("escape", "back", "Back"),
    ]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="review-page"):
            yield Static("Review your answers", classes="screen-title")
            yield Static("Enter (or a click) on a row changes that answer; r shows the recommendation.", classes="hint")
            yield AnswersTable(id="answers", cursor_type="row", zebra_stripes=True)
            with Horizontal(id="review-nav"):
                yield Button("← Back to the questions", id="review-back", compact=True)
                yield Button("See the recommendation →", id="review-results", variant="primary", compact=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one("#answers", AnswersTable)
        table.add_column("Question", key="question")
        table.add_column("Answer", key="answer")
        answers, drafts = self.advisor.wizard.answers, self.advisor.wizard.drafts
        for q in QUESTIONS:
            shown = Content(format_answer(q, answers.get(q.id)))
            if q.id in drafts:
                shown += Content.styled(f"  (not saved: '{drafts[q.id]}' is not valid)", "$text-warning")
            table.add_row(q.short, cell(shown, self.app.theme_variables), key=q.id)
        table.focus()
        self.advisor.autosave(reviewed=True)
        self.call_after_refresh(self._warm_up)

    def _warm_up(self) -> None:
        """Work out the recommendation while the founder reads, so the results open without waiting for it."""
        profile = self.advisor.wizard.profile()
        self.run_worker(lambda: self.advisor.decide(profile), thread=True, exclusive=True, group="warm-up")

    def action_back(self) -> None:
        """Back to the questions, on the step the founder was on last."""
        self.advisor.ask(self.advisor.wizard.step)

    @on(DataTable.RowSelected, "#answers")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.advisor.edit_question(event.row_key.value)

    @on(Button.Pressed, "#review-back")
    def _back(self) -> None:
        self.action_back()

    @on(Button.Pressed, "#review-results")
    def _results(self) -> None:
        self.advisor.action_results()
