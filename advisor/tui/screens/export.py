"""The export and save dialogs: they ask for a file (and a format), and hand the writing to the app.

Each is given the function that writes (the app's, which uses the same report writer as `advisor
recommend`); a file that cannot be written leaves the dialog open with the reason.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, RadioButton, RadioSet, Static

from advisor.domain.inputs.controls import escape_controls
from advisor.domain.inputs.problems import InputError
from advisor.domain.report import EXTENSIONS, FORMATS, Format
from advisor.tui.screens.base import is_folder, typed_path

FORMAT_LABELS: dict[str, str] = {"md": "Markdown", "html": "HTML", "pdf": "PDF", "json": "JSON (decision record)"}
BY_EXTENSION: dict[str, Format] = {EXTENSIONS[fmt]: fmt for fmt in FORMATS} | {".markdown": "md", ".htm": "html"}


@dataclass(frozen=True)
class ExportRequest:
    """What the founder asked the export dialog for: the report in `fmt`, written to `path`."""

    fmt: Format
    path: Path


WriteReport = Callable[[ExportRequest], Awaitable[None]]
"""Writes the report as asked; raises InputError (the path, and why) when it cannot."""
SaveProfile = Callable[[Path], Awaitable[None]]
"""Writes the answers to a profile file; raises InputError (the path, and why) when it cannot."""


class ExportScreen(ModalScreen[ExportRequest | None]):
    """Asks for a format and a path, has the report written, and returns the request once it is."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, folder: Path, report_date: str, write: WriteReport, *, scenario: bool = False) -> None:
        """Paths are relative to `folder`; `report_date` (YYYY-MM-DD) names the file; `scenario`: a what-if."""
        super().__init__()
        self.folder = folder
        self.report_date = report_date
        self.write = write
        self.scenario = scenario
        self.fmt: Format = "md"

    def default_name(self, fmt: str) -> str:
        """The file name offered for a report in `fmt`."""
        return f"advisor-report-{self.report_date}{EXTENSIONS[fmt]}"

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label("Export the report", classes="dialog-title")
            if self.scenario:
                yield Static("This exports the what-if scenario on screen, not your saved answers.", classes="warn")
            yield Label("Format")
            with RadioSet(id="format"):
                for fmt in FORMATS:
                    yield RadioButton(FORMAT_LABELS[fmt], value=fmt == self.fmt, id=f"format-{fmt}")
            yield Label("Write to")
            yield Input(str(self.folder / self.default_name(self.fmt)), id="path")
            yield Static("", id="export-status")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Export", id="export", variant="primary", compact=True)
                yield Button("Cancel", id="cancel", compact=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#format", RadioSet).focus()

    def request(self) -> ExportRequest:
        """The path typed, made absolute (relative to the starting folder; a folder gets the default name), and
        the format: the one a typed extension names (`.json` means JSON, whatever is ticked), else the ticked one.
        """
        path = typed_path(self.query_one("#path", Input).value.strip(), self.folder, Path(self.default_name(self.fmt)))
        if is_folder(path):
            path = path / self.default_name(self.fmt)
        return ExportRequest(BY_EXTENSION.get(path.suffix.lower(), self.fmt), path)

    @on(RadioSet.Changed, "#format")
    def _format_changed(self, event: RadioSet.Changed) -> None:
        fmt = (event.pressed.id or "format-md").removeprefix("format-")
        if fmt not in FORMATS:
            return
        path_input = self.query_one("#path", Input)
        path = Path(path_input.value)
        if path.suffix in EXTENSIONS.values():
            path_input.value = str(path.with_suffix(EXTENSIONS[fmt]))
        self.fmt = fmt

    @on(Input.Submitted, "#path")
    @on(Button.Pressed, "#export")
    def _export(self) -> None:
        self.export()

    @work(exclusive=True)
    async def export(self) -> None:
        """Have the report written; close with the request, or stay open saying why it could not be."""
        status = self.query_one("#export-status", Static)
        request = self.request()
        status.update(Content(escape_controls(f"Writing {request.path} …")))
        try:
            await self.write(request)
        except InputError as exc:
            status.update(Content("\n".join(str(p) for p in exc.problems)))
            status.add_class("-error")
            return
        self.dismiss(request)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class SaveProfileScreen(ModalScreen[str | None]):
    """Has the answers saved as a profile file (the YAML `advisor recommend --profile` reads); returns its path."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, default: Path, save: SaveProfile) -> None:
        """`default` is the path offered (and where a relative path starts from)."""
        super().__init__()
        self.default = default
        self.save_to = save

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label("Save the answers as a profile", classes="dialog-title")
            yield Static(
                "A YAML file you can open again here, or pass to `advisor recommend --profile` and "
                "`advisor wizard --profile`.",
                classes="hint",
            )
            yield Label("Write to")
            yield Input(str(self.default), id="path")
            yield Static("", id="export-status")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", id="save", variant="primary", compact=True)
                yield Button("Cancel", id="cancel", compact=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    @on(Input.Submitted, "#path")
    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        self.save()

    @work(exclusive=True)
    async def save(self) -> None:
        """Have the answers saved; close with the path, or stay open saying why they could not be."""
        status = self.query_one("#export-status", Static)
        path = typed_path(self.query_one("#path", Input).value.strip(), self.default.parent, self.default)
        try:
            await self.save_to(path)
        except InputError as exc:
            status.update(Content("\n".join(str(p) for p in exc.problems)))
            status.add_class("-error")
            return
        self.dismiss(str(path))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
