"""Every model within reach: the browser (filters, search, detail), compare, and what would change it, at 80×24 and 60×20."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.widgets import Checkbox, DataTable, Input, Select, Static

from advisor.domain.profile.answers import parse_profile
from advisor.tui.app import AdvisorApp
from advisor.tui.screens.browser import BrowserScreen
from advisor.tui.screens.compare import CompareScreen
from advisor.tui.screens.model_detail import ModelDetailScreen
from advisor.tui.widgets.side_by_side_view import SideBySideView

from .test_flow import EU_STARTUP, open_results, settle, table_text, text

MakeApp = Callable[..., AdvisorApp]
SIZES = [(80, 24), (60, 20)]


def rows(app: AdvisorApp) -> list[list[str]]:
    return table_text(app.screen.query_one("#browse-table", DataTable))


@pytest.mark.parametrize("size", SIZES)
async def test_the_browser_lists_every_model_and_opens_one_outside_the_shortlist(
    make_app: MakeApp, size: tuple[int, int]
) -> None:
    app = make_app(profile=parse_profile(EU_STARTUP))
    async with app.run_test(size=size) as pilot:
        results = await open_results(pilot)
        assert results.decision is not None
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, BrowserScreen)
        listed = rows(app)
        assert len(listed) == len(app.kb.models)
        assert "11 of 11 models" in text(app.screen.query_one("#browse-count", Static))
        excluded = results.decision.excluded[0]
        assert any(excluded.name.startswith(row[1].rstrip("…")) and row[4].startswith("ruled out") for row in listed)
        await pilot.press("slash")
        await pilot.press(*"haiku 3.5")
        await pilot.pause()
        assert [row[1] for row in rows(app)] == ["Claude Haiku 3.5"]
        await pilot.press("tab", "tab", "tab")  # past the two checkboxes, into the table
        await pilot.pause()
        app.screen.query_one("#browse-table").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ModelDetailScreen)
        assert app.screen.model_id == "claude-3-5-haiku"
        rank = [c.model for c in results.decision.considered].index("claude-3-5-haiku") + 1
        assert rank > len(results.decision.shortlist)
        assert f"In this decision: #{rank} of" in text(app.screen.query_one("#detail-standing", Static))


async def test_filters_narrow_by_weights_vendor_fit_and_budget(make_app: MakeApp) -> None:
    app = make_app(profile=parse_profile({**EU_STARTUP, "budget_usd_per_month": 100}))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_results(pilot)
        await pilot.press("b")
        await pilot.pause()
        screen = app.screen
        screen.query_one("#browse-weights", Select).value = "closed"
        await pilot.pause()
        assert {row[3] for row in rows(app)} == {"closed"}
        screen.query_one("#browse-weights", Select).clear()
        screen.query_one("#browse-vendor", Select).value = "Meta"
        await pilot.pause()
        assert {row[2] for row in rows(app)} == {"Meta"}
        screen.query_one("#browse-vendor", Select).clear()
        screen.query_one("#browse-fits", Checkbox).value = True
        await pilot.pause()
        assert not any(row[4].startswith("ruled out") for row in rows(app))
        assert len(rows(app)) == len(app.kb.models) - 1
        screen.query_one("#browse-budget", Checkbox).value = True
        await pilot.pause()
        costs = [float(row[4].split("$")[1].split("/")[0].replace(",", "")) for row in rows(app)]
        assert costs and max(costs) <= 100
        assert len(costs) < len(app.kb.models) - 1


@pytest.mark.parametrize("size", SIZES)
async def test_a_model_marked_in_the_browser_is_compared_with_the_first_choice(
    make_app: MakeApp, size: tuple[int, int]
) -> None:
    app = make_app(profile=parse_profile(EU_STARTUP))
    async with app.run_test(size=size) as pilot:
        results = await open_results(pilot)
        assert results.decision is not None
        first = results.decision.shortlist[0]
        await pilot.press("b")
        await pilot.pause()
        app.screen.query_one("#browse-search", Input).value = "Llama 3.1 8B"
        await pilot.pause()
        app.screen.query_one("#browse-table").focus()
        await pilot.press("space")
        await pilot.pause()
        assert rows(app)[0][0] == "✓"
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        assert app.screen.models == [first.model, "llama-3.1-8b-instruct"]
        grid = app.screen.query_one(SideBySideView).rows()
        by_label = {row[0]: row[1:] for row in grid}
        assert first.weights == "closed" and by_label["Weights"] == ["closed", "open"]
        assert by_label["Today"][0].startswith("$") and by_label["Today"][1].startswith("$")
        assert by_label["License"][0] != by_label["License"][1]
        assert "Risks" in by_label and "License" in by_label


async def test_compare_from_the_results_puts_the_highlighted_model_beside_the_first(make_app: MakeApp) -> None:
    app = make_app(profile=parse_profile(EU_STARTUP))
    async with app.run_test(size=(80, 24)) as pilot:
        results = await open_results(pilot)
        assert results.decision is not None
        await pilot.press("down", "down", "c")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        assert app.screen.models == [results.decision.shortlist[0].model, results.decision.shortlist[2].model]


@pytest.mark.parametrize("size", SIZES)
async def test_what_would_change_it_names_the_answer_that_flips_the_first_choice(
    make_app: MakeApp, size: tuple[int, int]
) -> None:
    app = make_app(profile=parse_profile(EU_STARTUP))
    async with app.run_test(size=size) as pilot:
        await open_results(pilot)
        await pilot.press("5")
        await settle(pilot)
        flips = text(app.screen.query_one("#sensitivity-flips", Static))
        assert "Deployment: Users' devices → Llama 3.1 8B Instruct first" in flips
        assert "Working it out" not in flips
        assert app.screen.query_one("#sensitivity-progress").has_class("-done")


async def test_enter_in_the_search_goes_to_what_it_found(make_app: MakeApp) -> None:
    app = make_app(profile=parse_profile(EU_STARTUP))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_results(pilot)
        await pilot.press("b")
        await pilot.pause()
        await pilot.press("slash", *"haiku 3.5", "enter")
        await pilot.pause()
        assert app.focused is app.screen.query_one("#browse-table")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ModelDetailScreen)
        assert app.screen.model_id == "claude-3-5-haiku"
