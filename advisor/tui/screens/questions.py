"""The questions: one screen that walks the catalogue a step (one question or a small group) at a time.

Where Next and Back lead, and what becomes of the text typed, is the wizard state's to say; this screen
shows the step it is on and passes on what the founder typed and chose.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, OptionList
from textual.widgets.option_list import Option

from advisor.domain.profile.form import AnswerError
from advisor.domain.profile.questions import BY_ID, STEPS
from advisor.domain.profile.wizard import Destination
from advisor.tui.screens.base import AdvisorScreen
from advisor.tui.widgets.fields import QuestionField
from advisor.tui.widgets.footer import KeyFooter
from advisor.tui.widgets.progress import StepProgress
from advisor.tui.widgets.title_bar import TitleBar

WIDE = 120
"""Terminals at least this wide list the steps beside the questions."""


class QuestionsScreen(AdvisorScreen):
    """Asks the questions of one step; Enter confirms an answer and moves on, Back keeps every answer."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("pagedown", "next", "Next", show=False),
        Binding("pageup", "back", "Back", show=False),
        Binding("ctrl+r", "review", "Review"),
    ]

    def __init__(self, *, focus: str | None = None) -> None:
        """Opens on the wizard's current step, with the focus on question `focus` (or the step's first)."""
        super().__init__()
        self.focus_id = focus

    @property
    def step(self) -> int:
        """The step on screen: the one the founder is on."""
        return self.advisor.wizard.step

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="wizard-body"):
            yield OptionList(
                *[Option(f"{i + 1:>2}  {s.title}", id=f"goto-{i}") for i, s in enumerate(STEPS)], id="steps"
            )
            with Vertical(id="wizard"):
                yield StepProgress(len(STEPS), id="progress")
                yield VerticalScroll(id="fields")
                with Horizontal(id="nav"):
                    yield Button("← Back", id="nav-back", compact=True)
                    yield Button("Next →", id="nav-next", variant="primary", compact=True)
                    yield Button("Review answers", id="nav-review", compact=True)
        yield KeyFooter()

    async def on_mount(self) -> None:
        await self.show_step(self.step, focus=self.focus_id)

    def fields(self) -> list[QuestionField]:
        """The fields of the step on screen that are asked (a question may depend on an earlier answer)."""
        return [f for f in self.query_one(f"#step-{self.step}", Vertical).query(QuestionField) if f.display]

    def _show_asked(self) -> None:
        """Show exactly the step's questions that the answers so far call for."""
        wizard = self.advisor.wizard
        for field in self.query_one(f"#step-{self.step}", Vertical).query(QuestionField):
            field.display = wizard.asked(field.question.id)

    async def _step_box(self, step: int) -> Vertical:
        """The fields of `step`, mounted (hidden) the first time they are needed."""
        box = self.query_one("#fields", VerticalScroll)
        found = box.query(f"#step-{step}")
        if found:
            return found.first(Vertical)
        answers, drafts = self.advisor.wizard.answers, self.advisor.wizard.drafts
        step_box = Vertical(
            *[
                QuestionField(BY_ID[qid], answers.get(qid), drafts.get(qid), confirm=self.confirm)
                for qid in STEPS[step].ids
            ],
            id=f"step-{step}",
            classes="step",
        )
        step_box.display = False
        await box.mount(step_box)
        for field in step_box.query(QuestionField):
            field.display = self.advisor.wizard.asked(field.question.id)
        return step_box

    async def _prefetch(self, step: int) -> None:
        """Mount the next step's fields while the founder reads this one, so Next is instant."""
        if 0 <= step < len(STEPS):
            await self._step_box(step)

    async def show_step(self, step: int, *, focus: str | None = None) -> None:
        """Show the fields of `step` and focus the first (or `focus`)."""
        target_box = await self._step_box(step)
        for other in self.query(".step"):
            if other is not target_box:
                other.display = False
        target_box.display = True
        wizard = self.advisor.wizard
        wizard.move_to(step)
        self._show_asked()
        spec = STEPS[step]
        progress = self.query_one(StepProgress)
        progress.step = step
        progress.title = spec.title
        self.query_one("#nav-next", Button).label = "Done →" if wizard.from_review else "Next →"
        self.query_one("#nav-back", Button).label = "← Review" if wizard.from_review else "← Back"
        self.query_one("#fields", VerticalScroll).scroll_home(animate=False)
        self.query_one("#steps", OptionList).highlighted = step
        fields = self.fields()
        target = next((f for f in fields if f.question.id == focus), None) or fields[0]
        self.set_focus(target.control, scroll_visible=False)  # at once: what is typed next goes there
        if not wizard.from_review:
            # Queued behind what waits for this step's repaint, not run among it: mounting the next step takes
            # 25-30 ms here, and whatever else waited for the paint (a test, a tool reading the screen) waited for it.
            self.call_after_refresh(self.call_later, self._prefetch, step + 1)

    def _keep(self, *, strict: bool) -> QuestionField | None:
        """Hand the step's typed text to the wizard and show each verdict; returns the first field not valid."""
        typed = [field for field in self.fields() if field.typed]
        invalid = self.advisor.keep_typed({field.question.id: field.text() for field in typed})
        for field in typed:
            field.show_reading(invalid.get(field.question.id))
        first_bad = next((field for field in typed if field.question.id in invalid), None)
        if first_bad is not None and strict:
            first_bad.control.focus()
        return first_bad

    async def _go(self, destination: Destination) -> None:
        """Follow Next or Back: to another step here (saving where the founder is), or to a page."""
        if isinstance(destination, int):
            await self.show_step(destination)
            self.advisor.autosave()
        elif destination == "review":
            self.advisor.action_review()
        else:
            self.advisor.go_home()

    async def advance(self) -> None:
        """Next step (or back to the review page) once every answer of this step is valid."""
        if self._keep(strict=True) is None:
            await self._go(self.advisor.wizard.next_destination())

    async def action_next(self) -> None:
        await self.advance()

    async def action_back(self) -> None:
        self._keep(strict=False)
        await self._go(self.advisor.wizard.back_destination())

    def action_review(self) -> None:
        self._keep(strict=False)
        self.advisor.action_review()

    async def _answered(self, field: QuestionField) -> None:
        """An answer was confirmed: on to the step's next question, or the next step after its last."""
        self._show_asked()
        fields = self.fields()
        index = fields.index(field)
        if index + 1 < len(fields):
            self.set_focus(fields[index + 1].control)  # at once, not on the next idle: typing ahead lands here
        else:
            await self.advance()

    async def confirm(self, field: QuestionField) -> None:
        """Enter or a click on a question: keep its answer (a typed one once the wizard reads it as valid) and move on.

        On Enter it is called from the field's key binding, in the app's own handling of the key, so the focus
        has moved before the next key is looked at (see `AnswerInput`).
        """
        if not field.typed:
            self.advisor.set_answer(field.question.id, field.chosen)
            await self._answered(field)
            return
        try:
            value = self.advisor.wizard.read(field.question.id, field.text())
        except AnswerError as exc:
            field.show_reading(str(exc))
            return
        field.show_reading(None)
        self.advisor.set_answer(field.question.id, value)
        await self._answered(field)

    def on_resize(self) -> None:
        self.set_class(self.size.width >= WIDE, "-wide")

    @on(OptionList.OptionSelected, "#steps")
    async def _jump(self, event: OptionList.OptionSelected) -> None:
        """Wide terminals list the steps: picking one goes there, keeping every answer."""
        self._keep(strict=False)
        await self._go(event.option_index)

    @on(Button.Pressed, "#nav-next")
    async def _next_pressed(self) -> None:
        await self.advance()

    @on(Button.Pressed, "#nav-back")
    async def _back_pressed(self) -> None:
        await self.action_back()

    @on(Button.Pressed, "#nav-review")
    def _review_pressed(self) -> None:
        self.action_review()
