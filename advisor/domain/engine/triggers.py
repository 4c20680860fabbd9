"""Triggers: conditions on the answers or the calendar that would change the answer, as data with their words."""

from __future__ import annotations

import datetime as dt
from typing import Literal

import msgspec

from advisor.domain.wording import token_volume, user_count

Operator = Literal[">", ">=", "==", "in"]
Value = int | bool | str | dt.date | tuple[str, ...]


class Trigger(msgspec.Struct, frozen=True):
    """A condition that would change the answer: a profile field (or `date`), an operator and a value, and in words."""

    field: str
    """The profile field it watches (`monthly_active_users`), or `date` for the calendar."""
    op: Operator
    value: Value
    words: str
    """The condition as a founder reads it (`Monthly active users pass 700M`)."""

    @property
    def value_text(self) -> str:
        """The value as the record writes it: `true`, `[EU, CN]`, `700000000`, `2026-12-11`."""
        if isinstance(self.value, bool):
            return "true" if self.value else "false"
        if isinstance(self.value, tuple):
            return f"[{', '.join(self.value)}]"
        return str(self.value)

    @property
    def expr(self) -> str:
        """The condition as an expression on the profile (`monthly_active_users > 700000000`)."""
        return f"{self.field} {self.op} {self.value_text}"

    def order(self) -> tuple[str, float, str]:
        """Sorts triggers by the field they watch, then by threshold as a number (2.5e9 before 1.0e10)."""
        number = float(self.value) if isinstance(self.value, int) and not isinstance(self.value, bool) else 0.0
        return (self.field, number, self.value_text)


def users_above(limit: int) -> Trigger:
    return Trigger("monthly_active_users", ">", limit, f"Monthly active users pass {user_count(limit)}")


def revenue_above(limit: int) -> Trigger:
    return Trigger("annual_revenue_usd", ">", limit, f"Annual revenue passes US${user_count(limit)}")


def tokens_above(tokens: int) -> Trigger:
    return Trigger("monthly_tokens", ">", tokens, f"Volume passes {token_volume(tokens)} tokens a month")


def established_in(regions: list[str]) -> Trigger:
    words = f"The company is established in {' or '.join(regions)}"
    if len(regions) == 1:
        return Trigger("established_in", "==", regions[0], words)
    return Trigger("established_in", "in", tuple(regions), words)


def flag(answer: str, words: str) -> Trigger:
    """The yes/no answer `answer` turns to yes."""
    return Trigger(answer, "==", True, words)


def from_date(day: dt.date) -> Trigger:
    return Trigger("date", ">=", day, f"From {day}")
