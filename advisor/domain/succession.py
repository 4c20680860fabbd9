"""Succession: the newer versions that replace a model, and what moving a fine-tune onto one costs.

The engine warns about a superseded base when a decision is made, and `revisit` reports a newer
version when one appears later; both ask this module, so they name the same successor and price
the move the same way.
"""

from __future__ import annotations

import msgspec

from advisor.domain.costs.fine_tune import fine_tune_redo_cost
from advisor.domain.knowledge.base import KnowledgeBase
from advisor.domain.knowledge.schema import Model


class Succession(msgspec.Struct, frozen=True):
    """A newer version that names `model` as the one it supersedes."""

    model: Model
    successor: Model

    @property
    def license_changes(self) -> bool:
        """Whether the newer version comes under another license (its terms then need reading again)."""
        return self.successor.license != self.model.license

    @property
    def fine_tune_move_cost(self) -> str:
        """What redoing a fine-tune on the successor costs, with the assumptions behind the figure."""
        return fine_tune_redo_cost(self.successor)


def successions(model: Model, kb: KnowledgeBase) -> list[Succession]:
    """The newer versions of `model` in the knowledge base, in the knowledge base's order (the first is the one to name)."""
    newer = kb.successors(model.id)
    return [Succession(model, successor) for successor in newer] if newer else []
