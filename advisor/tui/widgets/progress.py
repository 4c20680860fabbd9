"""Where the founder is in the wizard: `Step 4 of 12 · Users` and a bar."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget


class StepProgress(Widget):
    """The step counter, the step's title, and a bar that fills as the steps go by."""

    DEFAULT_CSS = """
    StepProgress {
        height: 1;
        width: 1fr;
    }
    """

    step: reactive[int] = reactive(0)
    title: reactive[str] = reactive("")

    def __init__(self, total: int, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.total = total

    def render(self) -> Content:
        label = Content.assemble(
            Content.styled(f"Step {self.step + 1} of {self.total}", "bold"),
            Content.styled(f" · {self.title}  ", "$text-accent"),
        )
        room = max(0, self.size.width - label.cell_length)
        done = round(room * (self.step + 1) / self.total) if self.total else 0
        return Content.assemble(
            label, Content.styled("━" * done, "$accent"), Content.styled("━" * (room - done), "$panel")
        )
