"""The base of the wizard's full screens (typed access to the app they belong to), and what dialogs share."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual.screen import Screen

if TYPE_CHECKING:
    from advisor.tui.app import AdvisorApp


class AdvisorScreen(Screen[None]):
    """A screen of the advisor, with `self.advisor` for the app's answers, knowledge and actions."""

    @property
    def advisor(self) -> AdvisorApp:
        # Screens only ever run inside AdvisorApp; naming it only for the type checker keeps the app,
        # which imports the screens, out of the screens' imports.
        return cast("AdvisorApp", self.app)


def typed_path(raw: str, folder: Path, default: Path = Path()) -> Path:
    """A path typed into a dialog: `~` expanded, relative to `folder`, `default` when left empty."""
    path = Path(raw).expanduser() if raw else default
    return path if path.is_absolute() else folder / path
