"""The first screen: what the advisor does, and where to start (new, resume one of the autosaved profiles, open a profile, revisit)."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from advisor.domain.inputs.controls import escape_controls
from advisor.tui.screens.base import AdvisorScreen
from advisor.tui.session import SavedProfile
from advisor.tui.widgets.footer import KeyFooter
from advisor.tui.widgets.title_bar import TitleBar

SHOWN_PROFILES = 6
"""Autosaved profiles offered on the welcome screen, most recent first."""
TAGLINE = (
    "Tells your startup which AI model to build on (open weights, closed API or hybrid) and what that costs "
    "in money, lock-in and legal exposure. Runs offline."
)


def _option(title: str, detail: str) -> Content:
    return Content.assemble(Content.styled(title, "bold"), "\n", Content.styled(detail, "$text-muted"))


def _saved_note(saved: SavedProfile) -> str:
    return f"Autosaved {dt.datetime.fromtimestamp(saved.saved):%Y-%m-%d %H:%M} · {saved.path.name}"


class WelcomeScreen(AdvisorScreen):
    """Start a new profile, resume the autosaved one, open a profile file, or revisit a saved decision."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "app.new_profile", "New"),
        Binding("r", "app.resume", "Resume"),
        Binding("o", "app.open_profile", "Open"),
        Binding("v", "app.revisit", "Revisit"),
        Binding("q", "app.quit", "Quit", show=False),
    ]

    saved: list[SavedProfile]
    """The autosaved profiles offered, in the order shown."""

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="welcome"):
            yield Static("advisor", id="welcome-title")
            yield Static(TAGLINE, id="tagline")
            yield OptionList(*self._options(), id="start")
            yield Static(self._kb_note(), id="kb-note")
        yield KeyFooter()

    def _options(self) -> list[Option]:
        self.saved = self.advisor.autosaves.saved()[:SHOWN_PROFILES]
        resume = [
            Option(
                _option(f"Resume {escape_controls(p.label)}", _saved_note(p)), id="resume" if i == 0 else f"resume-{i}"
            )
            for i, p in enumerate(self.saved)
        ] or [
            Option(
                _option("Resume the last profile", "Nothing saved yet: answers autosave as you go"),
                id="resume",
                disabled=True,
            )
        ]
        new = "Answer a dozen short questions; defaults fill the rest" + (
            "; the saved profiles are kept" if self.saved else ""
        )
        return [
            Option(_option("Start a new profile", new), id="new"),
            *resume,
            Option(_option("Open a profile file…", "A YAML profile, like the ones in examples/"), id="open"),
            Option(_option("Revisit a saved decision…", "What changed since a decision record (JSON)"), id="revisit"),
        ]

    def _kb_note(self) -> str:
        kb = self.advisor.kb
        through = kb.verified_through
        dated = f", verified through {through.isoformat()}" if through else ""
        return f"Knowledge base: {len(kb.models)} models, {len(kb.licenses)} licenses and API terms{dated}."

    def on_mount(self) -> None:
        self._highlight_resume()

    def on_screen_resume(self) -> None:
        start = self.query_one("#start", OptionList)
        start.clear_options()
        start.add_options(self._options())
        self._highlight_resume()

    def _highlight_resume(self) -> None:
        start = self.query_one("#start", OptionList)
        # Enter continues the latest profile; starting over is a choice
        start.highlighted = start.get_option_index("resume" if self.saved else "new")
        start.focus()

    @on(OptionList.OptionSelected, "#start")
    def _start(self, event: OptionList.OptionSelected) -> None:
        chosen = event.option.id or "new"
        if chosen.startswith("resume"):
            self.advisor.resume(self.saved[int(chosen.removeprefix("resume").lstrip("-") or 0)].path)
            return
        actions = {
            "new": self.advisor.action_new_profile,
            "open": self.advisor.action_open_profile,
            "revisit": self.advisor.action_revisit,
        }
        actions[chosen]()
