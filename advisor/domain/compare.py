"""`decision_diff(before, after)`: what moved between two decisions, for `revisit` and the wizard's what-if bar.

Both faces ask the same questions of two decisions (did the strategy change, the first choice, which
models came onto or left the shortlist), so they are answered once, here; each face words the
answer its own way.
"""

from __future__ import annotations

from dataclasses import dataclass

from advisor.domain.decision import Candidate, Decision, Strategy


@dataclass(frozen=True)
class DecisionDiff:
    """The differences between two decisions that a founder would notice first."""

    strategy_before: Strategy
    strategy_after: Strategy
    first_before: Candidate | None
    """The first choice of the earlier decision (None when nothing passed its constraints)."""
    first_after: Candidate | None
    joined: list[str]
    """Models on the later shortlist that were not on the earlier one, by id."""
    left: list[str]
    """Models on the earlier shortlist that are not on the later one, by id."""
    names: dict[str, str]
    """Display names of every model either decision mentions, by id."""

    @property
    def strategy_changed(self) -> bool:
        return self.strategy_before != self.strategy_after

    @property
    def first_choice_changed(self) -> bool:
        return _id(self.first_before) != _id(self.first_after)

    def name(self, model: str | None, missing: str = "—") -> str:
        """The model's display name (`missing` for no model)."""
        return missing if model is None else self.names.get(model, model)

    def summary(self) -> str:
        """The differences in one line: strategy, first choice, shortlist in and out."""
        parts = []
        if self.strategy_changed:
            parts.append(f"strategy {self.strategy_before} → {self.strategy_after}")
        if self.first_choice_changed:
            parts.append(f"first choice {self.name(_id(self.first_before))} → {self.name(_id(self.first_after))}")
        if self.joined:
            parts.append("in: " + ", ".join(self.name(m) for m in self.joined))
        if self.left:
            parts.append("out: " + ", ".join(self.name(m) for m in self.left))
        return "; ".join(parts) if parts else "the recommendation does not change"


def _id(candidate: Candidate | None) -> str | None:
    return candidate.model if candidate is not None else None


def model_names(decision: Decision) -> dict[str, str]:
    """Display names of every model of a decision, considered or excluded, by id."""
    names = {c.model: c.name or c.model for c in decision.considered}
    names.update({e.model: e.name or e.model for e in decision.excluded})
    return names


def decision_diff(before: Decision, after: Decision) -> DecisionDiff:
    """What changed from `before` to `after`."""
    old = {c.model for c in before.shortlist}
    new = {c.model for c in after.shortlist}
    return DecisionDiff(
        strategy_before=before.strategy,
        strategy_after=after.strategy,
        first_before=before.shortlist[0] if before.shortlist else None,
        first_after=after.shortlist[0] if after.shortlist else None,
        joined=sorted(new - old),
        left=sorted(old - new),
        names=model_names(after) | model_names(before),
    )
