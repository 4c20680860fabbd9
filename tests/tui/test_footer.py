"""The key bar: it shows the keys of what has the focus, and opening a screen rebuilds it once, not once per focus change."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from advisor.domain.profile.answers import parse_profile
from advisor.tui.app import AdvisorApp
from advisor.tui.screens.browser import BrowserScreen
from advisor.tui.widgets.footer import KeyFooter

from .test_flow import EU_STARTUP, open_results

MakeApp = Callable[..., AdvisorApp]


def keys_shown(app: AdvisorApp) -> set[str]:
    return {key.description for key in app.screen.query_one(KeyFooter).query(FooterKey)}


async def test_the_footer_follows_the_focus_and_opening_a_screen_rebuilds_it_once(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    rebuilds: list[str] = []
    textual_recompose = Footer.recompose

    async def counted(self: Footer) -> None:
        rebuilds.append(type(self.screen).__name__ if self.is_attached else "(closed)")
        await textual_recompose(self)

    monkeypatch.setattr(Footer, "recompose", counted)
    app = make_app(profile=parse_profile(EU_STARTUP))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_results(pilot)
        rebuilds.clear()
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, BrowserScreen)
        # Textual's own footer rebuilt itself six times here, once per change of the screen's bindings.
        assert rebuilds == ["BrowserScreen"]
        assert "Mark to compare" in keys_shown(app)  # the table has the focus: its key is shown
        await pilot.press("slash")  # to the search field: the table's key goes
        await pilot.pause()
        assert "Mark to compare" not in keys_shown(app)
        assert "Back" in keys_shown(app)
        app.screen.query_one("#browse-table").focus()
        await pilot.pause()
        assert "Mark to compare" in keys_shown(app)
