"""The shape of a wizard question: what kind of answer it takes, its choices, and the steps that group questions."""

from __future__ import annotations

from typing import Literal

import msgspec

Kind = Literal["choice", "bool", "number", "region", "regions", "text", "date"]
"""How an answer is given: pick one choice, yes/no, a number, one region, a list of regions, free text, a date."""
Answer = str | int | float | bool | list[str] | None
"""An answer as the Profile holds it."""


class AnswerError(ValueError):
    """A typed answer that cannot be read; `str(error)` is the message to show next to the field."""


class Choice(msgspec.Struct, frozen=True):
    """One option of a choice (or yes/no) question."""

    value: str | bool
    """The value stored in the profile."""
    label: str
    """What the option is called on screen."""
    detail: str = ""
    """A few words saying what picking it means."""
    short: str = ""
    """A label of a word or two where space is tight (the label itself if empty)."""


class Question(msgspec.Struct, frozen=True):
    """One question of the wizard: everything needed to ask it, explain it and read the answer."""

    id: str
    """The `Profile` field the answer fills."""
    short: str
    """A label of a few words, for the review page and the what-if bar."""
    prompt: str
    """The question, as asked."""
    help: str
    """Why this matters: which licenses, terms and costs the answer changes."""
    kind: Kind
    default: Answer
    """The answer a new profile starts with (the Profile default, or a sensible one where it has none)."""
    choices: tuple[Choice, ...] = ()
    """The options of a `choice` or `bool` question, in display order."""
    optional: bool = False
    """An empty answer is allowed and stored as None (`empty` says what it means)."""
    whole: bool = True
    """For numbers: only whole numbers are accepted."""
    unit: str = ""
    """For numbers: what is counted (`users`, `US$ / month`)."""
    example: str = ""
    """A sample answer, shown as the placeholder."""
    empty: str = ""
    """What an empty optional answer means (`same as today`)."""
    narrow: str = ""
    """A label for a tight column (the what-if bar) where `short` would be cut; `short` itself if empty."""
    asked_if: tuple[str, Literal[">", "=="], float | str] | None = None
    """Ask only for some answers to another question: `("monthly_active_users", ">", 7e8)`, `("deployment", "==", "on_prem")`."""


class Step(msgspec.Struct, frozen=True):
    """One screen of the wizard: a question or a small group of related ones."""

    title: str
    ids: tuple[str, ...]
