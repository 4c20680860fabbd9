"""What is wrong with an input, said so a person can fix it: `path:line: message`, and did-you-mean hints."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import msgspec

from advisor.domain.inputs.controls import escape_controls


class Problem(msgspec.Struct, frozen=True, order=True):
    """One thing wrong with an input file, printed as `path:line: message`."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}: {self.message}" if self.line else f"{self.path}: {self.message}"
        return escape_controls(text)  # a file name or a quoted value may carry them; a message never emits them


class InputError(Exception):
    """Bad input: carries every problem found, each with its file and line."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def did_you_mean(word: str, choices: Sequence[str]) -> str:
    """' (did you mean X?)' when a choice is close to `word` or starts with it, else ''."""
    import difflib  # only once something is wrong (start-up)

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    if not close and len(word) >= 3:
        close = sorted(c for c in choices if c.startswith(word))[:1]
    return f" (did you mean '{close[0]}'?)" if close else ""


def display_path(path: Path) -> str:
    """The path as the user gave it, relative to the working directory when inside it (links not followed)."""
    absolute = os.path.abspath(path)
    relative = os.path.relpath(absolute, os.getcwd())
    return str(path) if relative.startswith("..") else relative
