"""A horizontal bar chart drawn with block characters, for comparing a few amounts at a glance."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

_EIGHTHS = " ▏▎▍▌▋▊▉"


@dataclass(frozen=True)
class Bar:
    """One row of the chart."""

    label: str
    value: float
    text: str
    """The value as shown at the end of the bar."""
    style: str = "$accent"
    """A theme colour (`$error` for a bar over budget)."""


def bar_cells(value: float, largest: float, width: int) -> str:
    """A bar of `value` on a scale where `largest` fills `width` cells, to the eighth of a cell."""
    if largest <= 0 or width <= 0 or value <= 0:
        return ""
    eighths = max(1, round(value / largest * width * 8))
    full, rest = divmod(min(eighths, width * 8), 8)
    return "█" * full + (_EIGHTHS[rest] if rest else "")


class BarChart(Widget):
    """Labelled horizontal bars, scaled to the widest value and to the space available."""

    DEFAULT_CSS = """
    BarChart {
        height: auto;
        width: 1fr;
    }
    """

    def __init__(self, bars: list[Bar], *, limit: float | None = None, id: str | None = None) -> None:
        super().__init__(id=id)
        self.bars = bars
        self.limit = limit
        """Where to draw a line across the bars (a budget), on the same scale."""

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.bars)

    def render(self) -> Content:
        if not self.bars:
            return Content("")
        label_width = min(max(len(b.label) for b in self.bars), 28)
        text_width = max(len(b.text) for b in self.bars)
        room = max(4, self.size.width - label_width - text_width - 3)
        largest = max([b.value for b in self.bars] + ([self.limit] if self.limit else []))
        mark = min(room - 1, round(self.limit / largest * room)) if self.limit and largest > 0 else None
        lines = []
        for bar in self.bars:
            cells = bar_cells(bar.value, largest, room)
            label = bar.label if len(bar.label) <= label_width else bar.label[: label_width - 1] + "…"
            rest = " " * (room - len(cells))
            after: Content | str = rest
            if mark is not None and mark >= len(cells):
                at = mark - len(cells)
                after = Content.assemble(rest[:at], Content.styled("┊", "$warning"), rest[at + 1 :])
            lines.append(
                Content.assemble(
                    f"{label:<{label_width}} ",
                    Content.styled(cells, bar.style),
                    after,
                    " ",
                    Content.styled(f"{bar.text:>{text_width}}", "bold"),
                )
            )
        return Content("\n").join(lines)
