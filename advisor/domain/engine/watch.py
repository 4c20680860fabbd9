"""The watch list: what would change *this* answer, for the shortlist and the plan's models (not every candidate)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import msgspec

from advisor.domain.decision import Split, Watch
from advisor.domain.engine.assessment import Assessment
from advisor.domain.engine.triggers import Trigger, from_date, tokens_above
from advisor.domain.wording import token_volume


class Watches(msgspec.Struct):
    """Conditions that would change the answer, collected per (trigger, effect) with the models they touch."""

    entries: dict[tuple[Trigger, str], tuple[set[str], str | None]] = msgspec.field(default_factory=dict)

    def add(self, trigger: Trigger, effect: str, model: str, source: str | None) -> None:
        models, _ = self.entries.setdefault((trigger, effect), (set(), source))
        models.add(model)

    def sorted(self, keep: set[str]) -> list[Watch]:
        """The watch list, restricted to the models in `keep`, in a stable order."""
        watches = []
        for (trigger, effect), (models, source) in sorted(
            self.entries.items(), key=lambda kv: (*kv[0][0].order(), kv[0][1])
        ):
            kept = sorted(models & keep)
            if kept:
                watches.append(
                    Watch(trigger=trigger.expr, effect=effect, models=kept, source=source, condition=trigger.words)
                )
        return watches


def watch_list(
    shortlist: Sequence[Assessment], plan: Split | None, considered: Sequence[Assessment], today: dt.date
) -> list[Watch]:
    """The triggers of the license terms, break-evens and announced retirements of the models in the answer."""
    answer = {a.model.id for a in shortlist}
    if plan is not None:
        answer |= {m for m in (plan.primary, plan.secondary, plan.fallback) if m}
    watch = Watches()
    for a in considered:
        if a.model.id not in answer:
            continue
        if a.license_findings is not None:
            for trigger, effect, source in a.license_findings.watches:
                watch.add(trigger, effect, a.model.id, source)
        if a.break_even and a.cost is not None and a.cost.route == "api":
            watch.add(
                tokens_above(a.break_even),
                f"self-hosting {a.model.name} becomes cheaper than its hosted API (about {token_volume(a.break_even)} tokens a month)",
                a.model.id,
                a.cost.source,
            )
        if a.model.retires and a.model.retires > today:
            watch.add(
                from_date(a.model.retires),
                f"{a.model.name} is retired",
                a.model.id,
                a.model.retirement_source or (a.model.sources[0] if a.model.sources else None),
            )
    return watch.sorted(answer)
