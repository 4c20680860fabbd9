"""The key bar: one widget that draws the focused screen's keys as Textual's compact Footer does, and follows the focus."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widget import Widget
from textual.widgets import Button, Footer

from advisor.domain.profile.answers import parse_profile
from advisor.tui.app import AdvisorApp
from advisor.tui.screens.browser import BrowserScreen
from advisor.tui.widgets.footer import KeyFooter

from .test_flow import EU_STARTUP, open_results

MakeApp = Callable[..., AdvisorApp]


def bar(app: App[object]) -> str:
    """The text painted on the key bar's line."""
    footer = app.screen.query_one(KeyFooter)
    return "".join(strip.text for strip in footer.render_lines(footer.region.reset_offset))


class Keys(App[None]):
    """Two buttons and a bar: `x` runs, `y` is shown but disabled, `z` is bound but not shown."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("x", "go", "Go", tooltip="Go on"),
        Binding("y", "stop", "Stop"),
        Binding("z", "go", "Hidden", show=False),
    ]

    def __init__(self, bar: Callable[[], Widget]) -> None:
        super().__init__()
        self.bar = bar
        self.went = 0

    def compose(self) -> ComposeResult:
        yield Button("one", id="one")
        yield Button("two", id="two")
        yield self.bar()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if action == "stop" else True

    def action_go(self) -> None:
        self.went += 1


Cell = tuple[str, object, object, object, object]


async def painted(bar: Callable[[], Widget], *, hover: int | None = None) -> list[Cell]:
    """The bottom line as the terminal would show it: each cell's character, background, and ink if not blank.

    With `hover`, the mouse is over that cell of the bar.
    """
    app = Keys(bar)
    async with app.run_test(size=(40, 8)) as pilot:
        await pilot.pause()
        if hover is not None:
            await pilot.hover(type(app.screen.children[-1]), offset=(hover, 0))
            await pilot.pause()
        strip = app.screen._compositor.render_strips()[-1]
        return [
            (char, style.bgcolor, *((style.color, style.bold, style.dim) if char.strip() else (None, None, None)))
            for segment in strip
            if (style := segment.style) is not None
            for char in segment.text
        ]


async def test_the_bar_looks_like_textuals_compact_footer_disabled_keys_dimmed_the_palette_key_at_the_right_hover_too() -> (
    None
):
    ours = await painted(KeyFooter)
    text = "".join(cell[0] for cell in ours)
    assert text == "x Go y Stop".ljust(28) + "▏^p palette "
    assert ours == await painted(lambda: Footer(compact=True))
    for cell in (0, 6, 30):  # over `x Go`, the disabled `y Stop`, the palette's key
        hovered = await painted(KeyFooter, hover=cell)
        assert hovered != ours
        assert hovered == await painted(lambda: Footer(compact=True), hover=cell)


async def test_the_bar_follows_the_focus_without_a_widget_per_key(make_app: MakeApp) -> None:
    app = make_app(profile=parse_profile(EU_STARTUP))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_results(pilot)
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, BrowserScreen)
        footer = app.screen.query_one(KeyFooter)
        assert not footer.children  # Textual's Footer mounts a FooterKey per key here, a second mount
        assert "Mark to compare" in bar(app)  # the table has the focus: its key is shown
        await pilot.press("slash")  # to the search field: the table's key goes
        await pilot.pause()
        assert "Mark to compare" not in bar(app)
        assert "Back" in bar(app)
        app.screen.query_one("#browse-table").focus()
        await pilot.pause()
        assert "Mark to compare" in bar(app)


async def test_the_bar_repaints_only_when_its_keys_change(monkeypatch: pytest.MonkeyPatch) -> None:
    renders: list[str] = []
    draw = KeyFooter.render

    def counted(self: KeyFooter) -> object:
        renders.append(self.screen.focused.id if self.screen.focused else "")
        return draw(self)

    monkeypatch.setattr(KeyFooter, "render", counted)
    app = Keys(KeyFooter)
    async with app.run_test(size=(40, 8)) as pilot:
        await pilot.pause()
        renders.clear()
        await pilot.press("tab")  # to the other button: a change of the bindings, the same keys
        await pilot.pause()
        assert renders == []
        app.bind("w", "again", description="Again")  # a new key: one repaint that shows it
        app.refresh_bindings()
        await pilot.pause()
        assert len(renders) == 1
        assert bar(app).startswith("x Go y Stop w Again ")


async def test_a_click_on_a_key_presses_it_and_a_disabled_one_rings_the_bell(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = Keys(KeyFooter)
    bells: list[None] = []
    monkeypatch.setattr(app, "bell", lambda: bells.append(None))
    async with app.run_test(size=(40, 8)) as pilot:
        await pilot.pause()
        await pilot.click(KeyFooter, offset=(bar(app).index("Go"), 0))
        await pilot.pause()
        assert (app.went, bells) == (1, [])
        await pilot.click(KeyFooter, offset=(bar(app).index("Stop"), 0))
        await pilot.pause()
        assert (app.went, len(bells)) == (1, 1)
        await pilot.click(KeyFooter, offset=(bar(app).index("Stop") + 6, 0))  # the space after the keys
        await pilot.pause()
        assert (app.went, len(bells)) == (1, 1)
        await pilot.hover(KeyFooter, offset=(0, 0))
        assert app.query_one(KeyFooter).tooltip == "Go on"

    wizard = make_app(profile=parse_profile(EU_STARTUP))
    async with wizard.run_test(size=(120, 40)) as pilot:
        await open_results(pilot)
        await pilot.click(KeyFooter, offset=(bar(wizard).index("All models"), 0))
        await pilot.pause()
        assert isinstance(wizard.screen, BrowserScreen)


async def test_a_narrow_bar_cuts_its_keys_off_and_keeps_the_palette_key(make_app: MakeApp) -> None:
    app = make_app(profile=parse_profile(EU_STARTUP))
    async with app.run_test(size=(60, 20)) as pilot:
        await open_results(pilot)
        footer = app.screen.query_one(KeyFooter)
        assert footer.region.height == 1
        assert bar(app) == "⏎ Details e Export w What-if b All models c Comp▏^p palette "
