"""Pick a file to open (a profile, a decision record): type a path or choose one found nearby."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from advisor.domain.inputs.controls import escape_controls
from advisor.domain.inputs.problems import InputError
from advisor.tui.screens.base import Dialog, typed_path
from advisor.tui.widgets.footer import KeyFooter

T = TypeVar("T")
NEARBY_LIMIT = 30
MAX_PROBLEMS_SHOWN = 4
"""Problems of a file that would not open shown in the dialog (the first ones: the rest follow from them)."""


def nearby_files(folder: Path, suffixes: tuple[str, ...]) -> list[Path]:
    """Files with one of `suffixes` in `folder` and its `examples/`, newest first."""
    found: list[Path] = []
    for where in (folder, folder / "examples"):
        try:
            found.extend(p for p in where.iterdir() if p.suffix in suffixes and p.is_file())
        except OSError:
            continue
    found.sort(key=lambda p: (-p.stat().st_mtime, str(p)))
    return found[:NEARBY_LIMIT]


class FilePrompt(Dialog[T | None], Generic[T]):
    """Asks for a path, loads it with `load`, and shows the problems inline if it cannot."""

    def __init__(
        self, title: str, hint: str, suffixes: tuple[str, ...], load: Callable[[Path], T], folder: Path
    ) -> None:
        super().__init__()
        self.title_text = title
        self.hint = hint
        self.suffixes = suffixes
        self.load = load
        self.folder = folder

    def compose(self) -> ComposeResult:
        nearby = nearby_files(self.folder, self.suffixes)
        shown = [self._shown(p) for p in nearby]
        # The dialog scrolls above its foot (the status and the buttons, docked), so a long list of nearby
        # files or a small terminal never hides why a file did not open, nor Open and Cancel.
        with VerticalScroll(id="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Static(self.hint, classes="hint")
            yield Input(placeholder="path/to/file", suggester=SuggestFromList(shown), id="path")
            if nearby:
                yield Label("Found nearby")
                yield OptionList(*[Option(s, id=s) for s in shown], id="nearby")
            with Vertical(classes="dialog-foot"):
                yield Static("", id="open-status")
                with Horizontal(classes="dialog-buttons"):
                    yield Button("Open", id="open", variant="primary", compact=True)
                    yield Button("Cancel", id="cancel", compact=True)
        yield KeyFooter()

    def _shown(self, path: Path) -> str:
        try:
            return escape_controls(str(path.relative_to(self.folder)))
        except ValueError:
            return escape_controls(str(path))

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    @on(OptionList.OptionSelected, "#nearby")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.query_one("#path", Input).value = event.option.id or ""
        self.open()

    @on(Input.Submitted, "#path")
    @on(Button.Pressed, "#open")
    def _open(self) -> None:
        self.open()

    @work(exclusive=True)
    async def open(self) -> None:
        status = self.query_one("#open-status", Static)
        raw = self.query_one("#path", Input).value.strip()
        if not raw:
            status.update("Type a path, or pick a file from the list.")
            return
        path = typed_path(raw, self.folder)
        try:
            loaded = await asyncio.to_thread(self.load, path)
        except InputError as exc:
            status.update(Content("\n".join(str(p) for p in exc.problems[:MAX_PROBLEMS_SHOWN])))
            status.add_class("-error")
            return
        except (OSError, RecursionError, ValueError) as exc:  # whatever the loader meets: said here, never a traceback
            status.update(Content(escape_controls(f"{raw}: cannot be opened: {exc}")))
            status.add_class("-error")
            return
        self.dismiss(loaded)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
