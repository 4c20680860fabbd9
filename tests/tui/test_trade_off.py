"""The results screen says when nothing at the quality asked for fits the budget, and shows both sides."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.widgets import Static

from advisor.domain.profile.answers import parse_profile
from advisor.tui.app import AdvisorApp
from advisor.tui.screens.results import ResultsScreen

MakeApp = Callable[..., AdvisorApp]


async def test_a_budget_too_small_for_the_quality_shows_both_options(make_app: MakeApp) -> None:
    profile = parse_profile(
        {"use_case": "chat", "quality": "high", "monthly_tokens": 2_000_000_000, "budget_usd_per_month": 100}
    )
    app = make_app(profile=profile)
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_results()
        await pilot.pause()
        screen: Any = app.screen
        assert isinstance(screen, ResultsScreen)
        await screen.workers.wait_for_complete()
        await pilot.pause()
        decision = screen.decision
        assert decision is not None and decision.trade_off is not None
        text = str(app.screen.query_one("#summary", Static).render())
        assert "Budget or quality:" in text and "at high quality:" in text and "over budget" in text
        at_quality = decision.trade_off.at_quality
        assert at_quality is not None and at_quality.name in text
