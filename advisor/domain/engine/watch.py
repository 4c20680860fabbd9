"""Watch triggers: the conditions on the answers or the calendar that would change the answer, with their words."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from advisor.domain.decision import Watch
from advisor.domain.wording import user_count


def _trigger_order(trigger: str, effect: str) -> tuple[str, float, str, str]:
    """Sort triggers by the answer they watch, then by threshold as a number (2.5e9 before 1.0e10)."""
    name, _, rest = trigger.partition(" ")
    value = rest.split(" ", 1)[-1]
    try:
        number = float(value)
    except ValueError:
        number = 0.0
    return (name, number, value, effect)


@dataclass(frozen=True)
class Trigger:
    """A condition that would change the answer: as an expression on the profile, and in words."""

    expr: str
    words: str


def users_above(limit: int) -> Trigger:
    return Trigger(f"monthly_active_users > {limit}", f"Monthly active users pass {user_count(limit)}")


def revenue_above(limit: int) -> Trigger:
    return Trigger(f"annual_revenue_usd > {limit}", f"Annual revenue passes US${user_count(limit)}")


def tokens_above(tokens: int) -> Trigger:
    return Trigger(f"monthly_tokens > {tokens}", f"Volume passes {tokens / 1e6:,.0f}M tokens a month")


def established_in(regions: list[str]) -> Trigger:
    expr = f"established_in == {regions[0]}" if len(regions) == 1 else f"established_in in [{', '.join(regions)}]"
    return Trigger(expr, f"The company is established in {' or '.join(regions)}")


def flag(answer: str, words: str) -> Trigger:
    return Trigger(f"{answer} == true", words)


def from_date(day: dt.date) -> Trigger:
    return Trigger(f"date >= {day}", f"From {day}")


@dataclass
class Watches:
    """Conditions that would change the answer, collected per (trigger, effect) with the models they touch."""

    entries: dict[tuple[str, str], tuple[set[str], str | None, str]] = field(default_factory=dict)

    def add(self, trigger: Trigger, effect: str, model: str, source: str | None) -> None:
        models, _, _ = self.entries.setdefault((trigger.expr, effect), (set(), source, trigger.words))
        models.add(model)

    def sorted(self, keep: set[str]) -> list[Watch]:
        """The watch list, restricted to the models in `keep`, in a stable order."""
        watches = []
        for (trigger, effect), (models, source, words) in sorted(
            self.entries.items(), key=lambda kv: _trigger_order(*kv[0])
        ):
            kept = sorted(models & keep)
            if kept:
                watches.append(Watch(trigger=trigger, effect=effect, models=kept, source=source, condition=words))
        return watches
