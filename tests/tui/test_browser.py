"""Every model within reach: the browser (filters, search, detail), compare, and what would change it, at 80×24 and 60×20."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from advisor.domain.knowledge.loader import load
from advisor.domain.profile.answers import parse_profile
from advisor.tui.app import AdvisorApp
from advisor.tui.screens.browser import BrowserScreen
from advisor.tui.screens.compare import CompareScreen
from advisor.tui.screens.model_detail import ModelDetailScreen
from advisor.tui.widgets.chip_bar import ChipBar, ChoiceMenu
from advisor.tui.widgets.model_browser import BrowseTable
from advisor.tui.widgets.side_by_side_view import SideBySideView

from .conftest import FIXTURE_KB
from .test_flow import EU_STARTUP, on_screen, open_results, settle, text

MakeApp = Callable[..., AdvisorApp]
SIZES = [(80, 24), (60, 20)]


async def open_browser(pilot: Pilot[None]) -> BrowserScreen:
    """From the start to the results, then `b`: the browser, settled."""
    await open_results(pilot)
    await pilot.press("b")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, BrowserScreen)
    return screen


def rows(app: AdvisorApp) -> list[dict[str, str]]:
    return app.screen.query_one("#browse-table", BrowseTable).shown_text()


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
        assert any(
            excluded.name.startswith(row["Model"].rstrip("…")) and row["In this decision"].startswith("ruled out")
            for row in listed
        )
        await pilot.press("slash")
        await pilot.press(*"haiku 3.5")
        await pilot.pause()
        assert [row["Model"] for row in rows(app)] == ["Claude Haiku 3.5"]
        await pilot.press("tab", "tab")  # from the search past the chips, into the table
        await pilot.pause()
        assert app.focused is app.screen.query_one("#browse-table")
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
        await open_browser(pilot)
        chips = app.screen.query_one(ChipBar)
        chips.focus()
        await pilot.press("enter")  # the first chip, the weights: its menu opens
        await pilot.pause()
        assert isinstance(app.screen, ChoiceMenu)
        await pilot.press("down", "down", "enter")  # past "any" and "open weights" to "closed"
        await pilot.pause()
        assert isinstance(app.screen, BrowserScreen)
        assert {row["Weights"] for row in rows(app)} == {"closed"}
        assert "Weights: closed ▾" in str(chips.render())
        chips.set_value("weights", None)
        chips.set_value("vendor", "Meta")
        await pilot.pause()
        assert {row["Vendor"] for row in rows(app)} == {"Meta"}
        chips.set_value("vendor", None)
        await pilot.press("right", "right", "right", "right", "space")  # to "fits my answers", toggled
        await pilot.pause()
        assert "[✓] fits my answers" in str(chips.render())
        assert not any(row["In this decision"].startswith("ruled out") for row in rows(app))
        assert len(rows(app)) == len(app.kb.models) - 1
        await pilot.press("right", "enter")  # "within budget"
        await pilot.pause()
        costs = [float(row["In this decision"].split("$")[1].split("/")[0].replace(",", "")) for row in rows(app)]
        assert costs and max(costs) <= 100
        assert len(costs) < len(app.kb.models) - 1


async def test_escape_leaves_a_filter_as_it_was_and_a_click_on_a_chip_acts_on_it(make_app: MakeApp) -> None:
    app = make_app(profile=parse_profile(EU_STARTUP))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_browser(pilot)
        chips = app.screen.query_one(ChipBar)
        chips.set_value("vendor", "Meta")
        await pilot.pause()
        meta = len(rows(app))
        chips.current = 1
        chips.focus()
        await pilot.press("enter", "down", "escape")
        await pilot.pause()
        assert isinstance(app.screen, BrowserScreen)
        assert chips.values()["vendor"] == "Meta" and len(rows(app)) == meta
        place = chips.place("fits")
        await pilot.click(ChipBar, offset=place)
        await pilot.pause()
        assert chips.values()["fits"] is True


@pytest.mark.parametrize("size", SIZES)
async def test_a_filter_menu_fits_the_screen_and_a_letter_jumps_to_a_choice(
    make_app: MakeApp, size: tuple[int, int]
) -> None:
    app = make_app(profile=parse_profile(EU_STARTUP))
    async with app.run_test(size=size) as pilot:
        await open_browser(pilot)
        chips = app.screen.query_one(ChipBar)
        chips.focus()
        await pilot.pause()
        assert "← → pick a filter, Enter or Space changes it" in text(app.screen.query_one("#browse-count", Static))
        await pilot.press("right", "enter")  # the vendor chip's menu
        await pilot.pause()
        menu = app.screen
        assert isinstance(menu, ChoiceMenu)
        box = menu.query_one("#choice-options").region
        assert box.bottom <= size[1] and box.right <= size[0] and box.height >= 3
        await pilot.press("m", "m")  # Meta, then the next vendor starting with M
        await pilot.pause()
        second_m = [label for label, _ in menu.chip.options if label.startswith("M")][1]
        assert "Vendor" in on_screen(app) and second_m in on_screen(app)
        await pilot.press("enter")
        await pilot.pause()
        assert chips.values()["vendor"] == second_m
        assert {row["Vendor"] for row in rows(app) if "Vendor" in row} <= {second_m}
        assert f"Vendor: {second_m} ▾" in str(chips.render())


@pytest.mark.parametrize("size", SIZES)
async def test_every_filter_is_on_screen_and_the_table_fits_the_width(make_app: MakeApp, size: tuple[int, int]) -> None:
    app = make_app(profile=parse_profile(EU_STARTUP))
    async with app.run_test(size=size) as pilot:
        await open_browser(pilot)
        chips = app.screen.query_one(ChipBar)
        shown = on_screen(app)
        for chip in chips.chips:
            assert chip.text() in shown
        table = app.screen.query_one(BrowseTable)
        assert table.virtual_size.width <= table.scrollable_content_region.width
        assert "Model" in shown and "In this decision" in shown


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
        assert rows(app)[0]["✓"] == "✓"
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


async def test_compare_on_the_excluded_tab_puts_the_highlighted_excluded_model_beside_the_first(
    make_app: MakeApp,
) -> None:
    app = make_app(profile=parse_profile(EU_STARTUP))
    async with app.run_test(size=(80, 24)) as pilot:
        results = await open_results(pilot)
        assert results.decision is not None and results.decision.excluded
        await pilot.press("4", "c")  # the Excluded tab, its highlighted row
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        excluded = results.decision.excluded[0]
        assert app.screen.models == [results.decision.shortlist[0].model, excluded.model]
        by_label = {row[0]: row[1:] for row in app.screen.query_one(SideBySideView).rows()}
        assert by_label["In this decision"][1].startswith("ruled out:")
        assert by_label["Commercial use"] == ["allowed", "forbidden"]


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
        await open_browser(pilot)
        await pilot.press("slash", *"haiku 3.5", "enter")
        await pilot.pause()
        assert app.focused is app.screen.query_one("#browse-table")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ModelDetailScreen)
        assert app.screen.model_id == "claude-3-5-haiku"


async def test_names_from_the_knowledge_are_drawn_as_written_never_as_markup(make_app: MakeApp, tmp_path: Path) -> None:
    """A team's overlay may name a vendor or a model with brackets; the list, the chips and the menu show them."""
    kb_dir = tmp_path / "kb"
    shutil.copytree(FIXTURE_KB, kb_dir)
    models = kb_dir / "models" / "models.yaml"
    text_ = models.read_text(encoding="utf-8")
    text_ = text_.replace("  vendor: alibaba", "  vendor: 'acme [/] [bold]labs'", 1)
    text_ = text_.replace("  name: Meta Llama 3 8B Instruct", "  name: 'Llama [b]3[/b] 8B'", 1)
    models.write_text(text_, encoding="utf-8")
    app = make_app(kb=load([kb_dir], bundled=False), profile=parse_profile(EU_STARTUP))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_browser(pilot)
        assert "Llama [b]3[/b] 8B" in {row["Model"] for row in rows(app)}
        chips = app.screen.query_one(ChipBar)
        chips.focus()
        await pilot.press("right", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceMenu)
        assert "Acme [/] [bold]labs" in on_screen(app)
        await pilot.press("a", "enter")  # from "any" to the first vendor starting with A
        await pilot.pause()
        assert chips.values()["vendor"] == "Acme [/] [bold]labs"
        assert "Vendor: Acme [/] [bold]labs ▾" in on_screen(app)
        assert rows(app) and all(row["Vendor"].startswith("Acme [/]") for row in rows(app))
