"""The wizard state's rules as the founder meets them on screen: drafts come back, the ends of the steps lead out."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import Input, Static

from advisor.domain.profile.questions import STEPS, step_of
from advisor.tui.app import AdvisorApp
from advisor.tui.screens.questions import QuestionsScreen
from advisor.tui.screens.review import ReviewScreen
from advisor.tui.screens.welcome import WelcomeScreen

from .test_flow import field, go_to, text, type_answer

MakeApp = Callable[..., AdvisorApp]


async def test_text_left_invalid_comes_back_after_the_review_page(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("enter")
        await go_to(pilot, "monthly_active_users")
        field(app, "monthly_active_users").query_one(Input).value = "20.000.000"
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, QuestionsScreen)
        assert app.screen.step == step_of("monthly_active_users")
        assert field(app, "monthly_active_users").query_one(Input).value == "20.000.000"
        assert app.answers["monthly_active_users"] == 0
        await pilot.press("enter")  # still not a number the wizard reads: it says why, and stays
        await pilot.pause()
        assert "commas for thousands" in text(field(app, "monthly_active_users").query_one(".feedback", Static))
        assert app.screen.step == step_of("monthly_active_users")


async def test_next_from_the_last_step_opens_the_review_page(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        app.ask(len(STEPS) - 1)
        await pilot.pause()
        await pilot.click("#nav-next")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)


async def test_back_from_the_first_step_returns_to_the_welcome_page_keeping_the_answers(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("enter")
        await type_answer(pilot, "Acme Health")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        assert app.answers["company"] == "Acme Health"
        await pilot.press("r")  # resume: the autosaved answers, on the step left
        await pilot.pause()
        assert isinstance(app.screen, QuestionsScreen)
        assert app.screen.step == 0
        assert field(app, "company").query_one(Input).value == "Acme Health"


async def test_changing_an_answer_from_review_offers_done_and_returns(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        app.edit_question("deployment")
        await pilot.pause()
        assert str(app.screen.query_one("#nav-next").label) == "Done →"  # type: ignore[attr-defined]
        await pilot.press("down", "enter")  # Customers' premises: two follow-up questions appear
        await pilot.pause()
        await pilot.press("enter", "enter")  # replicas: the default; hardware: the customer pays
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert app.answers["deployment"] == "on_prem"
