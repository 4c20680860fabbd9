"""The what-if bar: change one answer on the results screen and see the recommendation follow."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input, Label, Select

from advisor.domain.profile.form import Answer, AnswerError
from advisor.domain.profile.questions import BY_ID
from advisor.domain.profile.reading import answer_text, parse_answer

WHAT_IF: tuple[str, ...] = ("monthly_active_users_24m", "established_in", "deployment", "budget_usd_per_month")
"""The answers the bar offers to change."""


def _label(question_id: str) -> str:
    """The catalogue's label for a tight column."""
    question = BY_ID[question_id]
    return question.narrow or question.short


class WhatIfBar(Horizontal):
    """A compact field per what-if answer; posts `Changed` whenever one holds a valid value."""

    DEFAULT_CSS = """
    WhatIfBar {
        height: auto;
        padding: 0 1;
    }
    WhatIfBar > Vertical {
        width: 1fr;
        height: auto;
        margin-right: 1;
    }
    WhatIfBar Label {
        color: $text-muted;
    }
    WhatIfBar Input.-invalid {
        color: $text-error;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "leave", "Leave what-if")]

    class Changed(Message):
        """A what-if answer now holds `value` (valid)."""

        def __init__(self, question_id: str, value: Answer) -> None:
            self.question_id = question_id
            self.value = value
            super().__init__()

    class Left(Message):
        """The founder pressed escape in the bar."""

    def __init__(self, answers: dict[str, Answer], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.answers = answers

    def compose(self) -> ComposeResult:
        for qid in WHAT_IF:
            question = BY_ID[qid]
            with Vertical():
                yield Label(_label(qid))
                value = self.answers.get(qid)
                if question.kind == "choice" and isinstance(value, str):
                    yield Select(
                        [(c.short or c.label, c.value) for c in question.choices],
                        value=value,
                        allow_blank=False,
                        compact=True,
                        id=f"whatif-{qid}",
                    )
                else:
                    placeholder = question.empty if question.optional else question.example
                    yield Input(
                        answer_text(question, self.answers.get(qid)),
                        placeholder=placeholder,
                        compact=True,
                        id=f"whatif-{qid}",
                    )

    def reset(self, answers: dict[str, Answer]) -> None:
        """Show `answers` again (without posting `Changed`)."""
        self.answers = answers
        for qid in WHAT_IF:
            widget = self.query_one(f"#whatif-{qid}")
            with widget.prevent(Input.Changed, Select.Changed):
                value = answers.get(qid)
                if isinstance(widget, Select) and isinstance(value, str):
                    widget.value = value
                elif isinstance(widget, Input):
                    widget.value = answer_text(BY_ID[qid], answers.get(qid))
                    widget.remove_class("-invalid")

    def action_leave(self) -> None:
        self.post_message(self.Left())

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        qid = (event.input.id or "").removeprefix("whatif-")
        try:
            value = parse_answer(BY_ID[qid], event.value)
        except AnswerError as exc:
            event.input.add_class("-invalid")
            event.input.tooltip = str(exc)
            return
        event.input.remove_class("-invalid")
        event.input.tooltip = None
        self.post_message(self.Changed(qid, value))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        qid = (event.input.id or "").removeprefix("whatif-")
        try:
            parse_answer(BY_ID[qid], event.value)
        except AnswerError as exc:
            self.notify(f"{_label(qid)}: {exc}", severity="warning", timeout=4)

    @on(Select.Changed)
    def _chosen(self, event: Select.Changed) -> None:
        event.stop()
        qid = (event.select.id or "").removeprefix("whatif-")
        value = event.value
        if isinstance(value, str):
            self.post_message(self.Changed(qid, value))
