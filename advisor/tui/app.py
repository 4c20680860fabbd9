"""`AdvisorApp`: the wizard. It moves between the screens of the flow and saves what the founder does.

It takes what it needs (the loaded knowledge base, a profile, the clock) and loads nothing itself. The
answers and the rules of the flow are a `WizardState` (in the domain); the app shows its screens, autosaves
the answers, atomically, after each one to the profile's own file in the user's data directory (see
`session.py`: a new profile never overwrites another), and writes the files the founder asks for.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Iterator, Mapping
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import msgspec
from textual import events
from textual.app import App
from textual.binding import Binding, BindingType
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen

from advisor.domain.inputs.atomic import write_atomically
from advisor.domain.inputs.problems import InputError
from advisor.domain.knowledge.base import KnowledgeBase
from advisor.domain.profile.answers import Profile, profile_yaml, save_profile
from advisor.domain.profile.form import Answer
from advisor.domain.profile.questions import QUESTIONS, step_of
from advisor.domain.profile.wizard import WizardState
from advisor.tui.collector import IdleCollector
from advisor.tui.session import SESSION_NAME, Autosaves
from advisor.tui.settings import ExportHabit, Settings
from advisor.tui.typeahead import KeyHold
from advisor.tui.widgets.fields import AnswerChoices, AnswerInput

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.timer import Timer

    from advisor.domain.decision import Decision
    from advisor.tui.screens.export import ExportRequest

__all__ = ["SESSION_NAME", "AdvisorApp"]
DECISION_CACHE = 16
"""Decisions kept for answers seen recently (what-if typing revisits them)."""
AUTOSAVE_DELAY = 0.05
"""Seconds from a change of the answers to their autosave: past the repaint that shows the change."""


def default_data_dir() -> Path:
    """The user's data directory for the advisor (not created until something is saved)."""
    import platformdirs

    return platformdirs.user_data_path("advisor")


class AdvisorCommands(Provider):
    """The wizard's actions in the command palette (ctrl+p), including a jump to any question."""

    def _commands(self) -> Iterator[tuple[str, str, Callable[[], Any]]]:
        app = self.app
        assert isinstance(app, AdvisorApp)
        yield "New profile", "Start the questions again from the defaults", app.action_new_profile
        yield "Resume last profile", "Continue from the autosaved answers", app.action_resume
        yield "Open profile…", "Load answers from a profile file (YAML)", app.action_open_profile
        yield "Revisit a saved decision…", "What changed since a decision record (JSON)", app.action_revisit
        yield "Save profile as…", "Write the answers to a YAML profile file", app.action_save_profile
        yield "Review answers", "All answers on one page", app.action_review
        yield "See the recommendation", "Strategy, shortlist, risks and costs", app.action_results
        yield "Toggle light / dark theme", "Switch between the light and dark theme", app.action_toggle_theme
        actions = getattr(self.screen, "palette_commands", None)
        if callable(actions):
            yield from actions()
        for question in QUESTIONS:
            yield f"Change: {question.short}", question.prompt, partial(app.edit_question, question.id)

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)


class AdvisorApp(App[None]):
    """Asks the questions, shows the recommendation, exports it; the engine does the deciding."""

    CSS_PATH = "advisor.tcss"
    TITLE = "advisor"
    SUB_TITLE = "which AI model to build on"
    COMMANDS: ClassVar = App.COMMANDS | {AdvisorCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+t", "toggle_theme", "Light/dark", tooltip="Switch between the light and dark theme"),
        Binding("ctrl+q", "quit", "Quit", tooltip="Leave the advisor (answers are already saved)", priority=True),
    ]

    def __init__(
        self,
        kb: KnowledgeBase,
        profile: Profile | None = None,
        profile_path: Path | None = None,
        *,
        now: dt.datetime | None = None,
        data_dir: Path | None = None,
        cwd: Path | None = None,
    ) -> None:
        """`now` fixes the clock (tests); `data_dir` is where answers autosave; `cwd` is where dialogs start."""
        super().__init__()
        self.kb = kb
        self.profile_path = profile_path
        self.fixed_now = now
        self.data_dir = data_dir if data_dir is not None else default_data_dir()
        self.cwd = cwd if cwd is not None else Path.cwd()
        self.wizard = WizardState.from_profile(profile) if profile is not None else WizardState()
        """The answers, the drafts and the step: the screens show it and ask it what comes next."""
        self.opened_with_profile = profile is not None
        self.autosaves = Autosaves(self.data_dir)
        self.settings = Settings(self.data_dir)
        """What the wizard remembers between runs (the export's last format and folder)."""
        self.autosave_path = self.autosaves.first if profile is None else self.autosaves.fresh()
        """Where the answers autosave: this profile's own file."""
        self._decisions: dict[bytes, Decision] = {}
        self._autosave_failed = False
        self._autosave_timer: Timer | None = None
        self._autosave_reviewed = False
        self.key_hold = KeyHold(self)
        """The keys typed after an Enter on a question, held until its answer is confirmed (see `typeahead`)."""
        self.collector = IdleCollector()
        """Full garbage collections moved to when the founder is not waiting (see `collector`)."""

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key | events.MouseEvent):
            self.collector.touch()
        if isinstance(event, events.Key) and not event.is_forwarded:
            if self.key_hold.holding:
                self.key_hold.keep(event)
                return
            if event.key == "enter" and isinstance(self.focused, AnswerInput | AnswerChoices):
                self.key_hold.hold()
        await super().on_event(event)

    # --- state ----------------------------------------------------------------------------------

    @property
    def answers(self) -> Mapping[str, Answer]:
        """The founder's answers, by question id (read-only: they change through the app, which saves them)."""
        return self.wizard.answers

    def now(self) -> dt.datetime:
        """The clock, read at the edge (the engine never reads it)."""
        if self.fixed_now is not None:
            return self.fixed_now
        from advisor.clock import utc_now

        return utc_now()

    def set_answer(self, question_id: str, value: Answer) -> None:
        """Record one answer and autosave."""
        self.wizard.answer(question_id, value)
        self.autosave()

    def keep_typed(self, typed: Mapping[str, str]) -> dict[str, str]:
        """Keep what was typed on a step (see `WizardState.keep`), autosaving any change; returns what is not valid."""
        kept = self.wizard.keep(typed)
        if kept.changed:
            self.autosave()
        return kept.invalid

    def keep_what_if(self) -> None:
        """Make the what-if answers the founder's answers, and autosave."""
        self.wizard.keep_what_if()
        self.autosave()

    def use_answers_of(self, decision: Decision) -> None:
        """Take the answers `decision` was made from (checked when the record was read), and autosave."""
        self.flush_autosave()  # the pending answers go to the file they were meant for
        self.wizard.load(decision.profile)
        self.autosave_path = self.autosaves.fresh()
        self.autosave()

    def autosave(self, *, reviewed: bool = False) -> None:
        """Save the answers (and where the founder is) in a moment, after the screen has shown the change: an Enter
        that answers, moves on and keeps typed text saves once, not three times before the next question shows.
        `flush_autosave` writes at once; the app calls it before the file changes and before it exits."""
        self._autosave_reviewed = reviewed
        if self._autosave_timer is None:
            self._autosave_timer = self.set_timer(AUTOSAVE_DELAY, self.flush_autosave, name="autosave")

    def flush_autosave(self) -> None:
        """Write the answers now if a save is pending."""
        if self._autosave_timer is not None:
            self._autosave_timer.stop()
            self._autosave_timer = None
            self._write_autosave(reviewed=self._autosave_reviewed)

    def exit(self, *args: Any, **kwargs: Any) -> None:
        self.flush_autosave()
        super().exit(*args, **kwargs)

    def on_unmount(self) -> None:
        self.collector.stop()  # however the app ends (`exit`, or a test's run ending)

    def _write_autosave(self, *, reviewed: bool) -> None:
        """Save the answers atomically to this profile's file; warn once if the disk refuses, and say so when
        another wizard changed the file (the answers then go to a new one)."""
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            text, session = profile_yaml(self.wizard.profile()), self.wizard.session(reviewed=reviewed)
            before = self.autosave_path
            self.autosave_path, taken = self.autosaves.save(before, text, session)
        except (InputError, OSError) as exc:
            if not self._autosave_failed:
                self._autosave_failed = True
                self.notify(f"Answers cannot be autosaved: {exc}", severity="warning", timeout=8)
            return
        if taken:
            self.notify(
                f"Another wizard changed {before.name}; these answers now autosave to {self.autosave_path.name}.",
                severity="warning",
                timeout=8,
            )

    def saved_session(self) -> dict[str, Any]:
        """Where the founder was when this profile was autosaved (step 0, not reviewed, if unknown)."""
        return self.autosaves.session(self.autosave_path)

    def decide(self, profile: Profile) -> Decision:
        """The engine's decision for `profile` (cached per profile; call from a worker thread)."""
        from advisor.domain.engine import recommend

        now = self.now()
        key = msgspec.json.encode(profile) + now.date().isoformat().encode()  # retirements turn on the date
        decision = self._decisions.get(key)
        if decision is None:
            decision = recommend(profile, self.kb, now)
            self._decisions[key] = decision
            while len(self._decisions) > DECISION_CACHE:
                self._decisions.pop(next(iter(self._decisions)))
        return decision

    async def export_report(self, decision: Decision, request: ExportRequest) -> None:
        """Write `decision` as `request` asks, atomically, with the report package's writer, off the UI thread.

        Raises InputError (the path, and why) when the file cannot be written.
        """
        from advisor.domain.report import write_report

        content = partial(write_report, decision, request.fmt)
        await asyncio.to_thread(write_atomically, request.path, content)

    def remember_export(self, request: ExportRequest) -> None:
        """Offer `request`'s format and folder at the next export, in this run and the next ones."""
        try:
            self.settings.remember_export(ExportHabit(request.fmt, request.path.parent))
        except (InputError, OSError) as exc:
            self.notify(f"The export's format and folder cannot be remembered: {exc}", severity="warning", timeout=8)

    async def save_profile_to(self, path: Path) -> None:
        """Write the answers to a profile file, atomically, off the UI thread; raises InputError if it cannot."""
        await asyncio.to_thread(save_profile, self.wizard.profile(), path)

    # --- navigation -----------------------------------------------------------------------------

    def on_mount(self) -> None:
        from advisor.tui.screens.review import ReviewScreen
        from advisor.tui.screens.welcome import WelcomeScreen

        self.autosaves.clean_temps()
        self.collector.start(self)
        self.push_screen(WelcomeScreen())
        if self.opened_with_profile:
            self.push_screen(ReviewScreen())
            if self.profile_path is not None:
                self.notify(f"Loaded {self.profile_path}", timeout=4)
        self.call_later(self.check_size)

    def on_resize(self, event: events.Resize) -> None:
        self.call_later(self.check_size)

    def check_size(self) -> None:
        """Cover the screen with a hint while the terminal is smaller than the layout supports, and remove it after."""
        from advisor.tui.screens.too_small import TooSmallScreen, too_small

        showing = isinstance(self.screen, TooSmallScreen)
        if too_small(self.size) and not showing:
            self.push_screen(TooSmallScreen())
        elif showing and not too_small(self.size):
            self.pop_screen()

    def show(self, screen: Screen[Any]) -> None:
        """Show a screen of the flow (questions, review, results, revisit) in place of the current one."""
        from advisor.tui.screens.welcome import WelcomeScreen

        while len(self.screen_stack) > 2 and self.screen.is_modal:
            self.pop_screen()
        if isinstance(self.screen, WelcomeScreen):
            self.push_screen(screen)
        else:
            self.switch_screen(screen)
        self.call_later(self.check_size)

    def go_home(self) -> None:
        """Back to the welcome screen (answers are kept)."""
        from advisor.tui.screens.welcome import WelcomeScreen

        while len(self.screen_stack) > 2 and not isinstance(self.screen, WelcomeScreen):
            self.pop_screen()

    def ask(self, step: int, *, back_to_review: bool = False, focus: str | None = None) -> None:
        """Show the questions at `step`; `back_to_review`: confirming the step returns to the review page."""
        from advisor.tui.screens.questions import QuestionsScreen

        self.wizard.open_step(step, from_review=back_to_review)
        self.show(QuestionsScreen(focus=focus))

    def edit_question(self, question_id: str) -> None:
        """Change one answer, then come back to the review page."""
        self.ask(step_of(question_id), back_to_review=True, focus=question_id)

    # --- actions (bindings, buttons and the command palette) -----------------------------------

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"

    def action_new_profile(self) -> None:
        """Start again from the defaults, in a profile of its own: the one autosaved so far is kept."""
        self.flush_autosave()  # the pending answers go to the file they were meant for
        self.wizard.start_over()
        self.autosave_path = self.autosaves.fresh()
        self.ask(0)

    def action_resume(self) -> None:
        """Resume the most recently autosaved profile."""
        saved = self.autosaves.saved()
        if not saved:
            self.notify("No autosaved profile yet: start a new one.", severity="warning")
            return
        self.resume(saved[0].path)

    def resume(self, path: Path) -> None:
        """Continue the profile autosaved at `path`, at the step where the founder left it."""
        from advisor.domain.profile.answers import load_profile

        try:
            self.autosaves.read(path)
            profile = load_profile(path)
        except InputError as exc:
            self.notify("\n".join(str(p) for p in exc.problems), title="Cannot resume", severity="error")
            return
        self.flush_autosave()  # the pending answers go to the file they were meant for
        self.autosave_path = path
        self.wizard.load(profile)
        where = WizardState.resume_at(self.saved_session())
        if isinstance(where, int):
            self.ask(where)
        else:
            self.action_review()

    def action_open_profile(self) -> None:
        from advisor.domain.profile.answers import load_profile
        from advisor.tui.screens.open_file import FilePrompt

        def opened(loaded: tuple[Path, Profile] | None) -> None:
            if loaded is not None:
                self.profile_path, profile = loaded
                self.flush_autosave()  # the pending answers go to the file they were meant for
                self.wizard.load(profile)
                self.autosave_path = self.autosaves.fresh()  # a profile of its own, beside the autosaved ones
                self.autosave()
                self.action_review()

        self.push_screen(
            FilePrompt(
                "Open a profile",
                "A profile file (YAML), as saved by the wizard or written for `advisor recommend`.",
                (".yaml", ".yml"),
                lambda path: (path, load_profile(path)),
                self.cwd,
            ),
            opened,
        )

    def action_revisit(self) -> None:
        from advisor.domain.decision_io import load_decision
        from advisor.tui.screens.open_file import FilePrompt
        from advisor.tui.screens.revisit import RevisitScreen

        def opened(decision: Decision | None) -> None:
            if decision is not None:
                self.show(RevisitScreen(decision))

        self.push_screen(
            FilePrompt(
                "Revisit a saved decision",
                "A decision record (JSON), as exported from the results or by `advisor recommend --format json`.",
                (".json",),
                load_decision,
                self.cwd,
            ),
            opened,
        )

    def action_save_profile(self) -> None:
        """Save the answers to a profile file of the founder's choosing (the file opened, by default)."""
        from advisor.tui.screens.export import SaveProfileScreen

        def saved(path: str | None) -> None:
            if path is not None:
                self.profile_path = Path(path)
                self.notify(f"Profile saved to {path}", title="Saved", timeout=6)

        default = self.profile_path if self.profile_path is not None else self.cwd / "profile.yaml"
        self.push_screen(SaveProfileScreen(default, self.save_profile_to), saved)

    def action_review(self) -> None:
        from advisor.tui.screens.review import ReviewScreen

        self.show(ReviewScreen())

    def action_results(self) -> None:
        from advisor.tui.screens.results import ResultsScreen

        self.wizard.reset_what_if()  # a results page opens on the answers
        self.show(ResultsScreen())
