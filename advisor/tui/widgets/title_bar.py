"""The title bar at the top of the screens: the app's title and sub-title, drawn as one line of one widget.

Textual's Header is four widgets (the bar, its icon, its title, the space kept for a clock), each mounted,
styled and laid out when a screen opens: ~15-20 ms of every screen's first paint here. This bar draws the
same line in its own `render`: the icon at the left (a click on it opens the command palette, as on the
Header), the title and sub-title centred between the icon and the clock's space, cut off with an ellipsis
when they do not fit. The Header's other trick, a click elsewhere making it three rows tall, is left out.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.content import Content
from textual.style import Style as VisualStyle
from textual.widget import Widget

ICON = "⭘"
ICON_WIDTH = 8
"""Cells of the icon's part at the left (the icon after one space), as on Textual's Header."""
CLOCK_WIDTH = 10
"""Cells kept free at the right, where Textual's Header would show a clock, so the title is centred as there."""


class TitleBar(Widget, can_focus=False):
    """The screen's title (else the app's) and sub-title, centred on one line, after an icon that opens the palette."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {"title-bar--icon-hover"}
    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
        .title-bar--icon-hover {
            background: $foreground 10%;
        }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._icon_hovered = False

    def on_mount(self) -> None:
        for node in (self.app, self.screen):
            self.watch(node, "title", self._retitled, init=False)
            self.watch(node, "sub_title", self._retitled, init=False)

    def _retitled(self) -> None:
        self.refresh()

    def title_line(self) -> Content:
        """The title and sub-title as the app formats them (`App.format_title`), the screen's own if it has them."""
        screen, app = self.screen, self.app
        title = screen.title if screen.title is not None else app.title
        sub_title = screen.sub_title if screen.sub_title is not None else app.sub_title
        return app.format_title(title, sub_title)

    def render(self) -> Content:
        width = self.size.width
        room = max(0, width - ICON_WIDTH - CLOCK_WIDTH)
        title = self.title_line().truncate(room, ellipsis=True)
        before = (room - title.cell_length) // 2
        icon = Content(f" {ICON}".ljust(ICON_WIDTH))
        if self._icon_hovered:
            icon = icon.stylize(VisualStyle(background=self.get_component_styles("title-bar--icon-hover").background))
        line = Content.assemble(icon, " " * before, title).pad_right(
            max(0, width - ICON_WIDTH - before - title.cell_length)
        )
        return line.truncate(width)

    def _over_icon(self, x: int) -> bool:
        return 0 <= x < ICON_WIDTH and self.app.ENABLE_COMMAND_PALETTE

    async def on_click(self, event: events.Click) -> None:
        if self._over_icon(event.x):
            event.stop()
            await self.run_action("app.command_palette")

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._hover_icon(self._over_icon(event.x))

    def on_leave(self, event: events.Leave) -> None:
        self._hover_icon(False)

    def _hover_icon(self, hovered: bool) -> None:
        if hovered == self._icon_hovered:
            return
        self._icon_hovered = hovered
        self.tooltip = "Open the command palette" if hovered else None
        self.refresh()
