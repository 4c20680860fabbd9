"""Autosaved profiles: one file per profile in the user's data directory, never overwritten by another.

The first profile autosaves to `last-profile.yaml` (where earlier versions kept the only one); each
new one gets `profiles/profile-N.yaml`. Every profile has its session beside it (where the founder
was). A save never replaces a file that changed since this wizard last read or wrote it: that is
another profile, or another wizard on the same one, and the answers go to a new file instead.
Temporary files that a kill left behind are removed on the next start.
"""

from __future__ import annotations

import contextlib
import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from advisor.domain.inputs.atomic import write_atomically
from advisor.domain.inputs.files import read_input_file
from advisor.domain.inputs.problems import InputError
from advisor.domain.profile.answers import load_profile

AUTOSAVE_NAME = "last-profile.yaml"
"""The first profile's autosave."""
SESSION_NAME = "last-session.json"
"""Where the founder was in the wizard when the first profile was last saved (the step, whether reviewed)."""
PROFILES_DIR = "profiles"
STALE_TEMP_SECONDS = 60
"""A temporary file older than this belongs to a write that will never finish."""
MAX_SESSION_BYTES = 64 * 1024


@dataclass(frozen=True)
class SavedProfile:
    """An autosaved profile as the welcome screen lists it."""

    path: Path
    label: str
    """The company it is for, or the file's name when none was given."""
    saved: float
    """When it was last written (seconds since the epoch)."""


class Autosaves:
    """The autosaved profiles under `data_dir`, and the rule that none is overwritten behind the founder's back."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.known: dict[Path, bytes] = {}
        """What this wizard last read from or wrote to each autosave."""

    @property
    def first(self) -> Path:
        return self.data_dir / AUTOSAVE_NAME

    def session_path(self, profile: Path) -> Path:
        """Where the session of the profile autosaved at `profile` is kept."""
        return self.data_dir / SESSION_NAME if profile == self.first else profile.with_suffix(".session.json")

    def saved(self) -> list[SavedProfile]:
        """Every autosaved profile, most recently saved first."""
        found: list[SavedProfile] = []
        for path in [self.first, *sorted((self.data_dir / PROFILES_DIR).glob("*.yaml"))]:
            try:
                saved = path.stat().st_mtime
                company = load_profile(path).company
            except (OSError, InputError):
                continue
            found.append(SavedProfile(path, company or path.stem, saved))
        return sorted(found, key=lambda p: -p.saved)

    def fresh(self) -> Path:
        """A path for a new profile's autosave that no profile uses yet."""
        if not self.first.exists():
            return self.first
        number = 2
        while (self.data_dir / PROFILES_DIR / f"profile-{number}.yaml").exists():
            number += 1
        return self.data_dir / PROFILES_DIR / f"profile-{number}.yaml"

    def read(self, path: Path) -> bytes:
        """The bytes of an autosave, remembered as this wizard's; InputError if it cannot be read."""
        raw = read_input_file(path)
        self.known[path] = raw
        return raw

    def save(self, path: Path, text: str, session: dict[str, Any]) -> tuple[Path, bool]:
        """Write `text` to the autosave at `path`, or to a new one when `path` holds what this wizard did not
        write (another profile, or another wizard's answers). Returns where it went, and whether another
        wizard had changed `path` since this one last wrote it."""
        before = self.known.get(path)
        try:
            current: bytes | None = read_input_file(path) if path.exists() else None
        except InputError:
            current = b""  # a pipe or an unreadable file in its place: not ours to replace
        moved = current is not None and current != before
        target = self.fresh() if moved else path
        data = text.encode("utf-8")
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(target, data)
        self.known[target] = data
        write_atomically(self.session_path(target), json.dumps(session) + "\n")
        return target, moved and before is not None

    def session(self, path: Path) -> dict[str, Any]:
        """Where the founder was when the profile at `path` was saved (step 0, not reviewed, if unknown or unreadable)."""
        try:
            data = json.loads(read_input_file(self.session_path(path), limit=MAX_SESSION_BYTES))
        except (InputError, ValueError):
            return {"step": 0, "reviewed": False}
        return data if isinstance(data, dict) else {"step": 0, "reviewed": False}

    def clean_temps(self) -> None:
        """Remove the temporary files of writes that a kill interrupted."""
        now = time.time()
        for folder in (self.data_dir, self.data_dir / PROFILES_DIR):
            for temp in folder.glob(".*.tmp"):
                with contextlib.suppress(OSError):
                    if now - temp.stat().st_mtime > STALE_TEMP_SECONDS:
                        temp.unlink()
