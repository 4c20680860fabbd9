"""The wizard driven as a founder would: answer, go back, review and edit, see results, export, what-if."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

import msgspec
import pytest
from textual import events
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static

from advisor.domain.decision_io import decision_json
from advisor.domain.engine import recommend
from advisor.domain.knowledge.base import KnowledgeBase
from advisor.domain.profile.answers import load_profile, parse_profile, save_profile
from advisor.domain.profile.questions import QUESTIONS, STEPS, step_of
from advisor.tui.app import AUTOSAVE_DELAY, SESSION_NAME, AdvisorApp
from advisor.tui.screens.export import ExportScreen
from advisor.tui.screens.model_detail import ModelDetailScreen
from advisor.tui.screens.open_file import FilePrompt
from advisor.tui.screens.questions import QuestionsScreen
from advisor.tui.screens.results import ResultsScreen
from advisor.tui.screens.review import ReviewScreen
from advisor.tui.screens.revisit import RevisitScreen
from advisor.tui.screens.welcome import WelcomeScreen
from advisor.tui.widgets.fields import QuestionField

from .conftest import NOW

MakeApp = Callable[..., AdvisorApp]
EU_STARTUP = {
    "company": "Plauder GmbH",
    "use_case": "chat",
    "established_in": "DE",
    "user_regions": ["EU"],
    "monthly_active_users": 20_000,
    "monthly_active_users_24m": 2_000_000,
    "monthly_tokens": 300_000_000,
    "budget_usd_per_month": 3_000,
}


def text(widget: Static) -> str:
    return str(widget.content)


def field(app: AdvisorApp, question_id: str) -> QuestionField:
    return app.screen.query_one(f"#q-{question_id}", QuestionField)


def on_screen(app: AdvisorApp) -> str:
    """Everything the screen would draw, as text."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def table_text(table: DataTable[object]) -> list[list[str]]:
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def type_answer(pilot: Pilot[None], text_: str) -> None:
    """Put `text_` in the focused input and press Enter (typing key by key is tested where it matters)."""
    focused = pilot.app.focused
    assert isinstance(focused, Input)
    focused.value = text_
    await pilot.press("enter")
    await pilot.pause()


async def go_to(pilot: Pilot[None], question: str) -> None:
    """Show the wizard's step holding `question` (the questions screen is open)."""
    screen = pilot.app.screen
    assert isinstance(screen, QuestionsScreen)
    await screen.show_step(step_of(question))
    await pilot.pause()


async def autosaved(pilot: Pilot[None]) -> None:
    """Wait for the autosave that follows a change of the answers (the app writes it `AUTOSAVE_DELAY` later)."""
    await pilot.pause(2 * AUTOSAVE_DELAY)


def type_ahead(app: AdvisorApp, keys: list[str]) -> None:
    """Put `keys` straight into the app's queue, as a fast typist's arrive (`pilot.press` waits for the app to
    settle after each key); a one-character key is that character typed."""
    for key in keys:
        app.post_message(events.Key("space" if key == " " else key, key if len(key) == 1 else None))


async def settle(pilot: Pilot[None]) -> None:
    """Let workers (the engine runs in one) finish and the screen catch up."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def open_results(pilot: Pilot[None]) -> ResultsScreen:
    pilot.app.action_results()  # type: ignore[attr-defined]
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ResultsScreen)
    assert screen.decision is not None
    return screen


# --- first screen and the questions ---------------------------------------------------------------


async def test_first_screen_paints_fast_and_offers_the_four_ways_in(make_app: MakeApp) -> None:
    app = make_app()
    started = time.perf_counter()
    async with app.run_test(size=(80, 24)) as pilot:
        painted = time.perf_counter() - started
        assert isinstance(app.screen, WelcomeScreen)
        assert "Runs offline" in text(app.screen.query_one("#tagline", Static))
        options = app.screen.query_one("#start")
        assert [options.get_option_at_index(i).id for i in range(4)] == ["new", "resume", "open", "revisit"]  # type: ignore[attr-defined]
        assert options.get_option("resume").disabled  # type: ignore[attr-defined]
        await pilot.pause()
    assert painted < 2.0  # target 0.5 s; generous for loaded CI machines


async def test_answers_move_on_and_autosave_after_each(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, QuestionsScreen)
        await type_answer(pilot, "Acme Health")
        await autosaved(pilot)
        assert load_profile(tmp_path / "data" / "last-profile.yaml").company == "Acme Health"
        await pilot.press("enter")  # product: empty is fine
        await pilot.pause()
        assert app.screen.step == step_of("use_case")  # type: ignore[attr-defined]
        await pilot.press("down", "down", "enter")  # Answers from documents (RAG)
        await pilot.pause()
        assert app.screen.step == step_of("domain")  # type: ignore[attr-defined]
        await pilot.press("enter")  # the product's domain: General
        await pilot.pause()
        assert app.screen.step == step_of("commercial")  # type: ignore[attr-defined]
        assert app.answers["use_case"] == "rag"
        await autosaved(pilot)
        assert load_profile(tmp_path / "data" / "last-profile.yaml").use_case == "rag"
        assert "Step 3 of 12" in str(app.screen.query_one("#progress").render())


async def test_an_enter_saves_once_after_the_next_question_and_quitting_at_once_still_saves(
    make_app: MakeApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An Enter answers, keeps the typed text and moves on: one write, after the next question is on screen
    (there were two before it). Ctrl+Q straight after an answer, before that write, still saves it."""
    writes: list[str] = []
    write = AdvisorApp._write_autosave

    def counted(self: AdvisorApp, *, reviewed: bool) -> None:
        writes.append(type(self.screen).__name__)
        write(self, reviewed=reviewed)

    monkeypatch.setattr(AdvisorApp, "_write_autosave", counted)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await type_answer(pilot, "Acme Health")
        await autosaved(pilot)
        assert writes == ["QuestionsScreen"]
        type_ahead(app, [*"triage bot", "enter", "ctrl+q"])
        await pilot.pause()
    assert len(writes) == 2
    saved = load_profile(tmp_path / "data" / "last-profile.yaml")
    assert (saved.company, saved.product) == ("Acme Health", "triage bot")


async def test_keys_typed_ahead_reach_the_next_question_not_the_one_just_answered(make_app: MakeApp) -> None:
    """A founder types `Acme⏎triage bot⏎↓↓⏎⏎20k⏎` without waiting for the screen: every key lands where it
    was meant (`type_ahead`: `pilot.press` would hide the race). Before the fields confirmed in their own
    key binding and held the keys behind an Enter, the second Enter was lost and `triage bot` went into
    the company field."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, QuestionsScreen)
        type_ahead(
            app, [*"Acme", "enter", *"triage bot", "enter", "down", "down", "enter", "enter", "enter", *"20k", "enter"]
        )
        await settle(pilot)
        assert app.answers["company"] == "Acme"
        assert app.answers["product"] == "triage bot"
        assert app.answers["use_case"] == "rag"
        assert app.answers["domain"] == "general"
        assert app.answers["commercial"] is True
        assert app.answers["annual_revenue_usd"] == 20_000


async def test_a_refused_answer_keeps_the_keys_typed_after_it_in_its_field(make_app: MakeApp) -> None:
    """Enter on text that is no answer stays on the question: what is typed next goes on into the same field."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await go_to(pilot, "monthly_active_users")
        type_ahead(app, [*"lots", "enter", *"12"])
        await settle(pilot)
        assert app.focused is field(app, "monthly_active_users").control
        assert field(app, "monthly_active_users").text() == "lots12"
        assert app.answers["monthly_active_users"] == 0  # not taken: the default stands


async def test_mouse_picks_a_choice_and_moves_on(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.click("#start", offset=(4, 0))  # "Start a new profile"
        await pilot.pause()
        await go_to(pilot, "deployment")
        await pilot.click("#choices-deployment", offset=(6, 2))  # the third option: users' devices
        await pilot.pause()
        assert app.answers["deployment"] == "on_device"
        assert app.screen.step == step_of("deployment") + 1  # type: ignore[attr-defined]


async def test_numbers_are_checked_inline_and_accept_separators_and_suffixes(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await go_to(pilot, "monthly_active_users")
        await type_answer(pilot, "lots")
        feedback = field(app, "monthly_active_users").query_one(".feedback", Static)
        assert "is not a number" in text(feedback)
        assert feedback.has_class("-error")
        assert app.focused is field(app, "monthly_active_users").control  # still here, nothing lost
        await type_answer(pilot, "20,000")
        assert app.answers["monthly_active_users"] == 20_000
        assert app.focused is field(app, "monthly_active_users_24m").control
        await pilot.press("ctrl+a", "ctrl+k", *"2M")
        await pilot.pause()
        assert "2,000,000 users" in text(field(app, "monthly_active_users_24m").query_one(".feedback", Static))
        await pilot.press("enter")
        await pilot.pause()
        assert app.answers["monthly_active_users_24m"] == 2_000_000
        assert app.screen.step == step_of("established_in")  # type: ignore[attr-defined]


async def test_back_never_loses_an_answer(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await app.screen.show_step(step_of("annual_revenue_usd"), focus="annual_revenue_usd")  # type: ignore[attr-defined]
        await pilot.pause()
        await type_answer(pilot, "1.5M")
        assert app.screen.step == step_of("monthly_active_users")  # type: ignore[attr-defined]
        field(app, "monthly_active_users").query_one(Input).value = "750k"  # typed, not yet confirmed
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.step == step_of("annual_revenue_usd")  # type: ignore[attr-defined]
        assert field(app, "annual_revenue_usd").query_one(Input).value == "1.5M"
        assert app.answers["annual_revenue_usd"] == 1_500_000
        assert app.answers["monthly_active_users"] == 750_000  # kept on the way back
        await pilot.press("pagedown")
        await pilot.pause()
        assert field(app, "monthly_active_users").query_one(Input).value == "750k"


async def test_invalid_text_left_behind_is_kept_as_a_draft_and_flagged_on_review(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("enter")
        await go_to(pilot, "established_in")
        field(app, "established_in").query_one(Input).value = "Atlantis"
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert app.answers["established_in"] == "US"
        rows = dict((r[0], r[1]) for r in table_text(app.screen.query_one("#answers", DataTable)))
        assert "not saved: 'Atlantis'" in rows["Established in"]


async def test_review_edits_one_answer_and_returns(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        app.action_review()
        await pilot.pause()
        table = app.screen.query_one("#answers", DataTable)
        table.move_cursor(row=[r[0] for r in table_text(table)].index("Established in"))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionsScreen)
        assert app.focused is field(app, "established_in").control
        await type_answer(pilot, "france")
        await pilot.press("enter")  # users: keep
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        rows = dict((r[0], r[1]) for r in table_text(app.screen.query_one("#answers", DataTable)))
        assert rows["Established in"] == "FR"


async def test_skip_ahead_to_review_from_any_question(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert len(table_text(app.screen.query_one("#answers", DataTable))) == len(QUESTIONS)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, QuestionsScreen)
        assert app.screen.step == 0


async def test_resume_returns_to_the_saved_step_with_the_saved_answers(make_app: MakeApp, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    save_profile(parse_profile(EU_STARTUP), data / "last-profile.yaml")
    (data / SESSION_NAME).write_text(json.dumps({"step": 4, "reviewed": False}))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        start = app.screen.query_one("#start")
        assert not start.get_option("resume").disabled  # type: ignore[attr-defined]
        assert start.highlighted_option.id == "resume"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionsScreen)
        assert app.screen.step == 4
        assert field(app, "established_in").query_one(Input).value == "DE"


async def test_open_profile_file_shows_problems_inline_then_loads(make_app: MakeApp, tmp_path: Path) -> None:
    (tmp_path / "broken.yaml").write_text("use_case: chat\nbudget_usd_per_month: lots\n")
    save_profile(parse_profile(EU_STARTUP), tmp_path / "plauder.yaml")
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, FilePrompt)
        app.screen.query_one("#path", Input).value = "broken.yaml"
        await pilot.press("enter")
        await settle(pilot)
        assert "broken.yaml:2" in text(app.screen.query_one("#open-status", Static))
        app.screen.query_one("#path", Input).value = "plauder.yaml"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert app.answers["company"] == "Plauder GmbH"


async def test_answers_can_be_saved_as_a_profile_file(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app(profile=parse_profile(EU_STARTUP), profile_path=tmp_path / "plauder.yaml")
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert app.screen.query_one("#path", Input).value == str(tmp_path / "plauder.yaml")
        app.screen.query_one("#path", Input).value = "saved/../copy.yaml"
        (tmp_path / "saved").mkdir()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        assert load_profile(tmp_path / "copy.yaml") == parse_profile(EU_STARTUP)


async def test_opened_with_a_profile_the_wizard_starts_on_review(make_app: MakeApp) -> None:
    app = make_app(profile=parse_profile(EU_STARTUP))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, QuestionsScreen)


# --- results ---------------------------------------------------------------------------------------


async def test_results_show_strategy_shortlist_risks_costs_and_what_would_change_it(
    make_app: MakeApp, fixture_kb: KnowledgeBase
) -> None:
    app = make_app(profile=parse_profile(EU_STARTUP))
    expected = recommend(parse_profile(EU_STARTUP), fixture_kb, NOW)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("r")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ResultsScreen)
        banner = text(screen.query_one("#summary", Static))
        assert expected.summary in banner
        assert expected.rationale[0] in banner
        rows = table_text(screen.query_one("#shortlist-table", DataTable))
        assert [r[1] for r in rows] == [c.name for c in expected.shortlist]
        risks = screen.query(".risk")
        assert len(risks) == len(expected.risks)
        first = expected.risks[0]
        assert first.clause in text(risks.first(Static)) and first.source in text(risks.first(Static))
        assert "Monthly cost of the shortlist" in text(screen.query_one("#cost-head", Static))
        assert len(screen.query_one("#cost-chart").bars) == len(expected.shortlist)  # type: ignore[attr-defined]
        excluded = table_text(screen.query_one("#excluded-table", DataTable))
        assert {r[0] for r in excluded} == {e.name for e in expected.excluded}
        assert "If " in text(screen.query_one("#watch-list", Static))


async def test_selecting_a_model_opens_its_terms_and_lineage(make_app: MakeApp) -> None:
    app = make_app(profile=parse_profile(EU_STARTUP))
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await open_results(pilot)
        table = screen.query_one("#shortlist-table", DataTable)
        row = [r[1] for r in table_text(table)].index("Llama 3.1 8B Instruct")
        table.move_cursor(row=row)
        table.focus()
        await pilot.press("enter")
        await pilot.pause()
        detail = app.screen
        assert isinstance(detail, ModelDetailScreen)
        terms = text(detail.query_one("#detail-terms", Static))
        assert "User threshold: separate license above 700M monthly active users" in terms
        assert "https://" in terms
        assert "Replaces: Meta Llama 3 8B Instruct" in text(detail.query_one("#detail-lineage", Static))
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen


async def test_export_writes_the_report_where_asked_and_says_so(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app(profile=parse_profile(EU_STARTUP))
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await open_results(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        await pilot.press("down", "down", "down", "space")  # the formats are chosen like an answer: JSON, the fourth
        path_input = app.screen.query_one("#path", Input)
        assert path_input.value == str(tmp_path / "advisor-report-2026-11-22.json")
        path_input.value = "reports"
        (tmp_path / "reports").mkdir()
        path_input.focus()
        await pilot.press("enter")
        await settle(pilot)
        written = tmp_path / "reports" / "advisor-report-2026-11-22.json"
        assert app.screen is screen
        assert json.loads(written.read_text())["strategy"] == screen.decision.strategy  # type: ignore[union-attr]
        assert f"Exported to {written}" in text(screen.query_one("#summary", Static))


async def test_export_follows_a_typed_extension(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app(profile=parse_profile(EU_STARTUP))
    async with app.run_test(size=(100, 32)) as pilot:
        await open_results(pilot)
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#path", Input).value = "decision.html"  # Markdown is still ticked
        await pilot.click("#export")
        await settle(pilot)
        assert (tmp_path / "decision.html").read_text().lstrip().lower().startswith("<!doctype html")


async def test_export_to_a_missing_folder_says_why_and_stays_open(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app(profile=parse_profile(EU_STARTUP))
    async with app.run_test(size=(100, 32)) as pilot:
        await open_results(pilot)
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#path", Input).value = str(tmp_path / "nowhere" / "report.md")
        await pilot.click("#export")
        await settle(pilot)
        assert isinstance(app.screen, ExportScreen)
        assert "cannot write here" in text(app.screen.query_one("#export-status", Static))
        assert not (tmp_path / "nowhere").exists()


async def test_what_if_updates_the_shortlist_then_resets(make_app: MakeApp) -> None:
    app = make_app(profile=parse_profile(EU_STARTUP))
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await open_results(pilot)
        closed = {m.name for m in app.kb.models.values() if m.weights == "closed"}
        before = table_text(screen.query_one("#shortlist-table", DataTable))
        assert any(r[1] in closed for r in before)
        screen.query_one("#whatif-deployment").value = "on_device"  # type: ignore[attr-defined]
        await settle(pilot)
        after = table_text(screen.query_one("#shortlist-table", DataTable))
        assert after != before
        assert not any(r[1] in closed for r in after)  # closed APIs cannot run on users' devices
        banner = text(screen.query_one("#summary", Static))
        assert "What-if: Deployment Our cloud service → Users' devices" in banner
        assert app.answers["deployment"] == "saas"  # a what-if is not an answer
        await pilot.press("x")
        await settle(pilot)
        assert table_text(screen.query_one("#shortlist-table", DataTable)) == before
        assert "What-if" not in text(screen.query_one("#summary", Static))


async def test_what_if_typed_region_recomputes_and_can_be_kept(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app(profile=parse_profile(EU_STARTUP))
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await open_results(pilot)
        await pilot.press("w")
        region = screen.query_one("#whatif-established_in", Input)
        region.focus()
        await pilot.press("ctrl+a", "ctrl+k", *"cn")
        await settle(pilot)
        assert screen.whatif == {"established_in": "CN"}
        excluded = {r[0] for r in table_text(screen.query_one("#excluded-table", DataTable))}
        assert "GPT-4o mini" in excluded  # OpenAI's terms exclude companies in CN
        await pilot.press("escape", "k")
        await settle(pilot)
        assert app.answers["established_in"] == "CN"
        await autosaved(pilot)
        assert load_profile(tmp_path / "data" / "last-profile.yaml").established_in == "CN"


async def test_when_nothing_fits_the_results_say_so(make_app: MakeApp) -> None:
    app = make_app(profile=parse_profile({**EU_STARTUP, "use_case": "speech"}))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_results(pilot)
        assert "No model in the knowledge base meets every constraint" in text(screen.query_one("#summary", Static))
        assert table_text(screen.query_one("#shortlist-table", DataTable)) == []
        assert len(table_text(screen.query_one("#excluded-table", DataTable))) == len(app.kb.models)


async def test_back_from_results_goes_to_review(make_app: MakeApp) -> None:
    app = make_app(profile=parse_profile(EU_STARTUP))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_results(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)


# --- revisit, palette, theme, small terminals ---------------------------------------------------------


async def test_revisit_shows_what_changed_and_reruns_with_the_saved_answers(
    make_app: MakeApp, fixture_kb: KnowledgeBase, tmp_path: Path
) -> None:
    old = recommend(parse_profile(EU_STARTUP), fixture_kb, NOW)
    old = msgspec.structs.replace(old, strategy="closed" if old.strategy != "closed" else "open")
    (tmp_path / "decision.json").write_text(decision_json(old))
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("v")
        await pilot.pause()
        app.screen.query_one("#path", Input).value = "decision.json"
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, RevisitScreen)
        assert "NEEDS A SECOND LOOK" in text(screen.query_one("#verdict", Static))
        titles = [r[1] for r in table_text(screen.query_one("#changes", DataTable))]
        assert any("strategy changed" in t for t in titles)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, QuestionsScreen)
        assert app.answers["company"] == "Plauder GmbH"
        assert app.answers["established_in"] == "DE"


async def test_command_palette_lists_the_wizard_actions(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"revisit")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FilePrompt)


async def test_theme_toggles_between_light_and_dark(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        dark = app.current_theme.dark
        await pilot.press("ctrl+t")
        assert app.current_theme.dark is not dark
        await pilot.press("ctrl+t")
        assert app.current_theme.dark is dark


@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
async def test_layout_holds_from_80x24_to_large_terminals(make_app: MakeApp, size: tuple[int, int]) -> None:
    app = make_app(profile=parse_profile(EU_STARTUP))
    width, height = size
    async with app.run_test(size=size) as pilot:
        screen = await open_results(pilot)
        for selector in ("#summary", "#tabs", "#shortlist-table", "#whatif-budget_usd_per_month", "KeyFooter"):
            region = screen.query_one(selector).region
            assert region.width > 0 and region.height > 0, selector
            assert region.right <= width and region.bottom <= height, selector
        table = screen.query_one("#shortlist-table", DataTable)
        assert table.virtual_size.width <= table.size.width  # nothing cut off to the right
        app.ask(len(STEPS) - 1)
        await pilot.pause()
        nav = app.screen.query_one("#nav-next").region
        assert nav.bottom < height and nav.right <= width
