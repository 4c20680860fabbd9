"""The base of the wizard's full screens: typed access to the app they belong to."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen

if TYPE_CHECKING:
    from advisor.tui.app import AdvisorApp


class AdvisorScreen(Screen[None]):
    """A screen of the advisor, with `self.advisor` for the app's answers, knowledge and actions."""

    @property
    def advisor(self) -> AdvisorApp:
        from advisor.tui.app import AdvisorApp

        app = self.app
        assert isinstance(app, AdvisorApp)
        return app
