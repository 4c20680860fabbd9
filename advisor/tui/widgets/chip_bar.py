"""A row of filter chips drawn as one widget: `Vendor: any ▾`, `[✓] fits my answers`, …

The model browser used to hold four Selects and two Checkboxes (each a handful of widgets with
their own styles, overlays and layout), which cost more to mount than the whole list of models. Here
every chip is a piece of one line of text: Left/Right (or a click) picks a chip, Enter or Space toggles
it or opens its choices in a small menu, and the bar posts `Changed` with its values. Chips that do not
fit on one line wrap onto the next.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.geometry import Offset
from textual.message import Message
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

GAP = 2
"""Blank cells between two chips."""


@dataclass
class Chip:
    """One filter: a choice among `options` (label, value), with `any_label` for no choice; or a toggle."""

    key: str
    label: str
    options: list[tuple[str, str]] = field(default_factory=list)
    """(label, value) pairs; empty for a toggle."""
    any_label: str = "any"
    value: str | bool | None = None
    """The chosen option's value (None: any), or whether a toggle is on."""

    @property
    def is_toggle(self) -> bool:
        return not self.options

    def text(self) -> str:
        if self.is_toggle:
            return f"[{'✓' if self.value else ' '}] {self.label}"
        chosen = next((label for label, value in self.options if value == self.value), self.any_label)
        return f"{self.label}: {chosen} ▾"


class ChoiceMenu(ModalScreen[str | None]):
    """The choices of one chip; Enter picks (the first line is "any"), a letter jumps to a choice starting with
    it, Escape leaves the chip as it was."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", "Cancel")]
    ANY = "\x00any"
    DEFAULT_CSS = """
    ChoiceMenu { align: center middle; }
    ChoiceMenu > Vertical {
        width: auto; min-width: 30; max-width: 90%; height: auto; max-height: 80%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    ChoiceMenu OptionList, ChoiceMenu OptionList:focus {
        height: auto; max-height: 20; border: none; width: auto; min-width: 26; padding: 0;
    }
    """

    def __init__(self, chip: Chip) -> None:
        super().__init__()
        self.chip = chip

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content.styled(self.chip.label, "bold"))
            options = [Option(self.chip.any_label, id=self.ANY)]
            options += [Option(label, id=value) for label, value in self.chip.options]
            menu = OptionList(*options, id="choice-options", markup=False)  # labels come from the knowledge: plain text
            values = [value for _, value in self.chip.options]
            menu.highlighted = values.index(self.chip.value) + 1 if self.chip.value in values else 0
            yield menu

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_key(self, event: events.Key) -> None:
        """A letter or digit moves to the next choice starting with it (as in a Select)."""
        if not (event.is_printable and event.character and event.character.isalnum()):
            return
        menu = self.query_one(OptionList)
        labels = [self.chip.any_label] + [label for label, _ in self.chip.options]
        start = menu.highlighted if menu.highlighted is not None else -1
        for step in range(1, len(labels) + 1):
            index = (start + step) % len(labels)
            if labels[index].lower().startswith(event.character.lower()):
                menu.highlighted = index
                event.stop()
                return

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)


class ChipBar(Widget, can_focus=True):
    """Chips on one line (more when narrow); Left/Right pick one, Enter or Space toggles it or opens its menu."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "move(-1)", "Previous filter", show=False),
        Binding("right", "move(1)", "Next filter", show=False),
        Binding("enter,space", "activate", "Change filter"),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {"chip-bar--chip", "chip-bar--on", "chip-bar--current"}
    DEFAULT_CSS = """
    ChipBar {
        height: auto;
        & > .chip-bar--chip { color: $text-muted; }
        & > .chip-bar--on { color: $text-accent; text-style: bold; }
        & > .chip-bar--current { }
        &:focus > .chip-bar--current { background: $block-cursor-background; color: $block-cursor-foreground;
            text-style: $block-cursor-text-style; }
    }
    """

    class Changed(Message):
        """A chip's value changed; `values` holds every chip's (key → value)."""

        def __init__(self, bar: ChipBar, values: dict[str, str | bool | None]) -> None:
            self.bar = bar
            self.values = values
            super().__init__()

        @property
        def control(self) -> ChipBar:
            return self.bar

    def __init__(self, chips: list[Chip], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.chips = chips
        self.current = 0
        """Index of the chip Enter acts on."""

    # Values

    def values(self) -> dict[str, str | bool | None]:
        return {chip.key: chip.value for chip in self.chips}

    def chip(self, key: str) -> Chip:
        return next(chip for chip in self.chips if chip.key == key)

    def set_value(self, key: str, value: str | bool | None) -> None:
        """Set chip `key` (a toggle: True/False; a choice: an option's value, None for any) and post `Changed`."""
        chip = self.chip(key)
        if chip.is_toggle:
            chip.value = bool(value)
        else:
            chip.value = value if value in [v for _, v in chip.options] else None
        self.refresh(layout=True)
        self.post_message(self.Changed(self, self.values()))

    # Layout: chips placed on lines of the widget's width

    def _lines(self, width: int) -> list[list[tuple[int, int]]]:
        """Each line's chips as (chip index, x where it starts)."""
        lines: list[list[tuple[int, int]]] = [[]]
        x = 0
        for index, chip in enumerate(self.chips):
            size = cell_len(chip.text())
            if lines[-1] and x + size > width:
                lines.append([])
                x = 0
            lines[-1].append((index, x))
            x += size + GAP
        return lines

    def place(self, key: str) -> Offset:
        """Where chip `key` starts in the widget, as laid out now."""
        for y, line in enumerate(self._lines(self.size.width)):
            for index, x in line:
                if self.chips[index].key == key:
                    return Offset(x, y)
        raise KeyError(key)

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return len(self._lines(width))

    def render(self) -> Content:
        plain = self.get_visual_style("chip-bar--chip")
        on = self.get_visual_style("chip-bar--on")
        current = self.get_visual_style("chip-bar--current")
        parts: list[Content] = []
        for number, line in enumerate(self._lines(self.size.width)):
            if number:
                parts.append(Content("\n"))
            for place, (index, _) in enumerate(line):
                chip = self.chips[index]
                style = on if chip.value else plain
                if index == self.current:
                    style = style + current
                if place:
                    parts.append(Content(" " * GAP))
                parts.append(Content.styled(chip.text(), style))
        return Content("").join(parts)

    # Keys and clicks

    def action_move(self, by: int) -> None:
        self.current = (self.current + by) % len(self.chips)
        self.refresh()

    def action_activate(self) -> None:
        chip = self.chips[self.current]
        if chip.is_toggle:
            self.set_value(chip.key, not chip.value)
            return

        def chosen(value: str | None) -> None:
            if value is not None:  # None: the menu was left with Escape
                self.set_value(chip.key, None if value == ChoiceMenu.ANY else value)

        self.app.push_screen(ChoiceMenu(chip), chosen)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        lines = self._lines(self.size.width)
        if offset.y >= len(lines):
            return
        for index, x in lines[offset.y]:
            if x <= offset.x < x + cell_len(self.chips[index].text()):
                self.current = index
                self.action_activate()
                return

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
