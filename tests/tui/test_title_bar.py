"""The title bar: one widget that draws the title line as Textual's Header does, its icon opening the palette."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.app import App, ComposeResult
from textual.command import CommandPalette
from textual.widget import Widget
from textual.widgets import Header, Static

from advisor.tui.app import AdvisorApp
from advisor.tui.screens.welcome import WelcomeScreen
from advisor.tui.widgets.title_bar import TitleBar

MakeApp = Callable[..., AdvisorApp]
Cell = tuple[str, object, object, object, object]


class Titled(App[None]):
    TITLE = "advisor"
    SUB_TITLE = "which AI model to build on"

    def __init__(self, bar: type[Widget]) -> None:
        super().__init__()
        self.bar = bar

    def compose(self) -> ComposeResult:
        yield self.bar()
        yield Static("body")


async def painted(bar: type[Widget], width: int, *, hover: int | None = None) -> list[Cell]:
    """The top line as the terminal would show it: each cell's character, background, and ink if not blank."""
    app = Titled(bar)
    async with app.run_test(size=(width, 5)) as pilot:
        await pilot.pause()
        if hover is not None:
            await pilot.hover(bar, offset=(hover, 0))
            await pilot.pause()
        strip = app.screen._compositor.render_strips()[0]
        return [
            (char, style.bgcolor, *((style.color, style.bold, style.dim) if char.strip() else (None, None, None)))
            for segment in strip
            if (style := segment.style) is not None
            for char in segment.text
        ]


@pytest.mark.parametrize("width", [80, 61, 30])
async def test_the_bar_looks_like_textuals_header_cell_for_cell(width: int) -> None:
    ours = await painted(TitleBar, width)
    assert ours == await painted(Header, width)
    text = "".join(cell[0] for cell in ours)
    assert ("advisor — which AI model to build on" in text) is (width > 50)
    assert text.rstrip().endswith("…") is (width < 50)  # cut off with an ellipsis when it does not fit


async def test_hovering_the_icon_highlights_it_as_on_textuals_header() -> None:
    hovered = await painted(TitleBar, 80, hover=1)
    assert hovered != await painted(TitleBar, 80)
    assert hovered == await painted(Header, 80, hover=1)


async def test_the_icon_opens_the_command_palette_and_the_title_follows_the_screens(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, WelcomeScreen)
        bar = app.screen.query_one(TitleBar)
        assert not bar.children  # Textual's Header mounts three widgets of its own
        line = "".join(strip.text for strip in bar.render_lines(bar.region.reset_offset))
        assert "advisor — which AI model to build on" in line
        app.screen.sub_title = "welcome"
        await pilot.pause()
        assert "advisor — welcome" in "".join(strip.text for strip in bar.render_lines(bar.region.reset_offset))
        await pilot.click(TitleBar, offset=(40, 0))  # not the icon: nothing
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.click(TitleBar, offset=(1, 0))
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
