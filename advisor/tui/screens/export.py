"""Export the recommendation (the same report code as `advisor recommend`), or save the answers as a profile."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, RadioButton, RadioSet, Static

from advisor.domain.decision import Decision
from advisor.domain.inputs.problems import InputError
from advisor.domain.profile.answers import Profile
from advisor.domain.report import EXTENSIONS, FORMATS, Format
from advisor.tui.screens.base import typed_path

FORMAT_LABELS: dict[str, str] = {"md": "Markdown", "html": "HTML", "json": "JSON (decision record)"}
BY_EXTENSION: dict[str, Format] = {EXTENSIONS[fmt]: fmt for fmt in FORMATS} | {".markdown": "md", ".htm": "html"}


def write_report(decision: Decision, fmt: Format, path: Path) -> int:
    """Render and write the report atomically; returns its size in bytes."""
    from advisor.domain.inputs.atomic import write_atomically
    from advisor.domain.report import render

    text = render(decision, fmt)
    write_atomically(path, text)
    return len(text.encode("utf-8"))


class ExportScreen(ModalScreen[str | None]):
    """Asks for a format and a path, writes the report, and says where it went."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, decision: Decision, folder: Path, *, scenario: bool = False) -> None:
        super().__init__()
        self.decision = decision
        self.folder = folder
        self.scenario = scenario
        self.fmt: Format = "md"

    def default_name(self, fmt: str) -> str:
        return f"advisor-report-{self.decision.generated_at[:10]}{EXTENSIONS[fmt]}"

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

    def target(self) -> Path:
        """The path typed, made absolute (relative to the starting folder); a folder gets the default name."""
        path = typed_path(self.query_one("#path", Input).value.strip(), self.folder, Path(self.default_name(self.fmt)))
        if path.is_dir():
            path = path / self.default_name(self.fmt)
        return path

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
        status = self.query_one("#export-status", Static)
        path = self.target()
        fmt = BY_EXTENSION.get(path.suffix.lower(), self.fmt)  # a typed `.json` means JSON, whatever is ticked
        status.update(f"Writing {path} …")
        try:
            size = await asyncio.to_thread(write_report, self.decision, fmt, path)
        except InputError as exc:
            status.update("\n".join(str(p) for p in exc.problems))
            status.add_class("-error")
            return
        status.remove_class("-error")
        status.update(f"Wrote {path} ({size:,} bytes)")
        self.dismiss(str(path))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class SaveProfileScreen(ModalScreen[str | None]):
    """Saves the answers as a profile file (the YAML `advisor recommend --profile` and `--profile` read)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, profile: Profile, default: Path) -> None:
        super().__init__()
        self.profile = profile
        self.default = default

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
        from advisor.domain.profile.answers import save_profile

        status = self.query_one("#export-status", Static)
        path = typed_path(self.query_one("#path", Input).value.strip(), self.default.parent, self.default)
        try:
            await asyncio.to_thread(save_profile, self.profile, path)
        except InputError as exc:
            status.update("\n".join(str(p) for p in exc.problems))
            status.add_class("-error")
            return
        self.dismiss(str(path))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
