"""The export and save dialogs: they ask for a file (and a format), and hand the writing to the app.

Each is given the function that writes (the app's, which uses the same report writer as `advisor
recommend`); a file that cannot be written leaves the dialog open with the reason. The formats are
chosen like a wizard answer (a ChoiceList: arrows, then Enter or Space).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, Label, OptionList, Static

from advisor.domain.inputs.controls import escape_controls
from advisor.domain.inputs.problems import InputError
from advisor.domain.profile.form import Choice
from advisor.domain.report import EXTENSIONS, FORMATS, Format
from advisor.tui.screens.base import Dialog, is_folder, typed_path
from advisor.tui.widgets.fields import ChoiceList
from advisor.tui.widgets.footer import KeyFooter

FORMAT_CHOICES: tuple[Choice, ...] = (
    Choice("md", "Markdown", "for a repository or a wiki"),
    Choice("html", "HTML", "opens in any browser"),
    Choice("pdf", "PDF", "for investors and lawyers"),
    Choice("json", "JSON", "the decision record `advisor revisit` reads"),
)
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


def _exists(path: Path) -> bool:
    """Whether something is at `path`; False when that cannot even be asked (writing then says why)."""
    try:
        return path.exists() or path.is_symlink()
    except OSError:
        return False


class ExportScreen(Dialog[ExportRequest | None]):
    """Asks for a format and a path, has the report written, and returns the request once it is.

    A file already at the path is replaced only once the founder has been told and pressed Replace.
    """

    def __init__(
        self, folder: Path, report_date: str, write: WriteReport, *, scenario: bool = False, fmt: Format = "md"
    ) -> None:
        """Paths are relative to `folder`; `report_date` (YYYY-MM-DD) names the file; `scenario`: a what-if;
        `fmt`: the format offered first (the last one used)."""
        super().__init__()
        self.folder = folder
        self.report_date = report_date
        self.write = write
        self.scenario = scenario
        self.fmt: Format = fmt
        self.replace_confirmed: Path | None = None
        """The existing file the founder was warned about; exporting to it again replaces it."""

    def default_name(self, fmt: str) -> str:
        """The file name offered for a report in `fmt`."""
        return f"advisor-report-{self.report_date}{EXTENSIONS[fmt]}"

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="dialog"):
            yield Label("Export the report", classes="dialog-title")
            if self.scenario:
                yield Static("This exports the what-if scenario on screen, not your saved answers.", classes="warn")
            yield Label("Format")
            yield ChoiceList(FORMAT_CHOICES, self.fmt, id="format")
            yield Label("Write to")
            yield Input(str(self.folder / self.default_name(self.fmt)), id="path")
            with Vertical(classes="dialog-foot"):
                yield Static("", id="export-status")
                with Horizontal(classes="dialog-buttons"):
                    yield Button("Export", id="export", variant="primary", compact=True)
                    yield Button("Cancel", id="cancel", compact=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#format", ChoiceList).focus()

    def request(self) -> ExportRequest:
        """The path typed, made absolute (relative to the starting folder; a folder gets the default name), and
        the format: the one a typed extension names (`.json` means JSON, whatever is ticked), else the ticked one.
        """
        path = typed_path(self.query_one("#path", Input).value.strip(), self.folder, Path(self.default_name(self.fmt)))
        if is_folder(path):
            path = path / self.default_name(self.fmt)
        return ExportRequest(BY_EXTENSION.get(path.suffix.lower(), self.fmt), path)

    @on(OptionList.OptionSelected, "#format")
    def _format_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        choices = self.query_one("#format", ChoiceList)
        choices.choose(event.option_index)
        fmt = FORMAT_CHOICES[event.option_index].value
        assert fmt in FORMATS
        path_input = self.query_one("#path", Input)
        path = Path(path_input.value)
        if path.suffix in EXTENSIONS.values():
            path_input.value = str(path.with_suffix(EXTENSIONS[fmt]))
        self.fmt = fmt
        self._unconfirm()

    @on(Input.Changed, "#path")
    def _path_changed(self) -> None:
        if self.replace_confirmed is not None and self.request().path != self.replace_confirmed:
            self._unconfirm()  # another file now: ask again before replacing it

    def _unconfirm(self) -> None:
        """A changed path or format asks again before replacing a file."""
        if self.replace_confirmed is None:
            return
        self.replace_confirmed = None
        self.query_one("#export", Button).label = "Export"
        status = self.query_one("#export-status", Static)
        status.update("")
        status.remove_class("-warning")

    @on(Input.Submitted, "#path")
    @on(Button.Pressed, "#export")
    def _export(self) -> None:
        self.export()

    @work(exclusive=True)
    async def export(self) -> None:
        """Have the report written; close with the request, or stay open saying why it could not be (or asking
        before it replaces a file)."""
        status = self.query_one("#export-status", Static)
        request = self.request()
        status.remove_class("-error", "-warning")
        if _exists(request.path) and request.path != self.replace_confirmed:
            status.update(Content(escape_controls(f"{request.path} already exists. Replace it?")))
            status.add_class("-warning")
            self.query_one("#export", Button).label = "Replace"
            self.replace_confirmed = request.path
            return
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


class SaveProfileScreen(Dialog[str | None]):
    """Has the answers saved as a profile file (the YAML `advisor recommend --profile` reads); returns its path."""

    def __init__(self, default: Path, save: SaveProfile) -> None:
        """`default` is the path offered (and where a relative path starts from)."""
        super().__init__()
        self.default = default
        self.save_to = save

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="dialog"):
            yield Label("Save the answers as a profile", classes="dialog-title")
            yield Static(
                "A YAML file you can open again here, or pass to `advisor recommend --profile` and "
                "`advisor wizard --profile`.",
                classes="hint",
            )
            yield Label("Write to")
            yield Input(str(self.default), id="path")
            with Vertical(classes="dialog-foot"):
                yield Static("", id="export-status")
                with Horizontal(classes="dialog-buttons"):
                    yield Button("Save", id="save", variant="primary", compact=True)
                    yield Button("Cancel", id="cancel", compact=True)
        yield KeyFooter()

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
