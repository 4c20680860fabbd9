"""The first screen: what the advisor does, and where to start (new, resume, open a profile, revisit)."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from advisor.tui.screens.base import AdvisorScreen

TAGLINE = (
    "Tells your startup which AI model to build on (open weights, closed API or hybrid) and what that costs "
    "in money, lock-in and legal exposure. Runs offline."
)


def _option(title: str, detail: str) -> Content:
    return Content.assemble(Content.styled(title, "bold"), "\n", Content.styled(detail, "$text-muted"))


class WelcomeScreen(AdvisorScreen):
    """Start a new profile, resume the autosaved one, open a profile file, or revisit a saved decision."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "app.new_profile", "New"),
        Binding("r", "app.resume", "Resume"),
        Binding("o", "app.open_profile", "Open"),
        Binding("v", "app.revisit", "Revisit"),
        Binding("q", "app.quit", "Quit", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="welcome"):
            yield Static("advisor", id="welcome-title")
            yield Static(TAGLINE, id="tagline")
            yield OptionList(
                Option(
                    _option("Start a new profile", "Answer a dozen short questions; defaults fill the rest"), id="new"
                ),
                Option(_option("Resume the last profile", self._autosave_note()), id="resume"),
                Option(_option("Open a profile file…", "A YAML profile, like the ones in examples/"), id="open"),
                Option(
                    _option("Revisit a saved decision…", "What changed since a decision record (JSON)"), id="revisit"
                ),
                id="start",
            )
            yield Static(self._kb_note(), id="kb-note")
        yield Footer(compact=True)

    def _autosave_note(self) -> str:
        path = self.advisor.autosave_path
        try:
            saved = dt.datetime.fromtimestamp(path.stat().st_mtime)
        except OSError:
            return "Nothing saved yet: answers autosave as you go"
        return f"Autosaved {saved:%Y-%m-%d %H:%M}"

    def _kb_note(self) -> str:
        kb = self.advisor.kb
        through = kb.verified_through
        dated = f", verified through {through.isoformat()}" if through else ""
        return f"Knowledge base: {len(kb.models)} models, {len(kb.licenses)} licenses and API terms{dated}."

    def on_mount(self) -> None:
        start = self.query_one("#start", OptionList)
        if self.advisor.autosave_path.is_file():
            start.highlighted = start.get_option_index("resume")  # Enter continues; starting over is a choice
        else:
            start.disable_option("resume")
        start.focus()

    def on_screen_resume(self) -> None:
        start = self.query_one("#start", OptionList)
        start.replace_option_prompt("resume", _option("Resume the last profile", self._autosave_note()))
        if self.advisor.autosave_path.is_file():
            start.enable_option("resume")
            start.highlighted = start.get_option_index("resume")

    @on(OptionList.OptionSelected, "#start")
    def _start(self, event: OptionList.OptionSelected) -> None:
        actions = {
            "new": self.advisor.action_new_profile,
            "resume": self.advisor.action_resume,
            "open": self.advisor.action_open_profile,
            "revisit": self.advisor.action_revisit,
        }
        actions[event.option.id or "new"]()
