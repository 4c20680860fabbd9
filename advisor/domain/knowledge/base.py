"""`KnowledgeBase`: every license, model and GPU of the layered knowledge, by id, and where the bundled one lives."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

import msgspec

from advisor.domain.knowledge.hardware import Gpu
from advisor.domain.knowledge.quality import UseRating, rate
from advisor.domain.knowledge.schema import CatalogEntry, License, Model
from advisor.domain.knowledge.vocabulary import UseCase


def bundled_dir() -> Path:
    """The knowledge shipped with the advisor: inside the wheel, or the checkout's `knowledge/`."""
    here = Path(__file__).resolve().parents[2]
    packaged = here / "_knowledge"
    return packaged if packaged.is_dir() else here.parent / "knowledge"


class Origin(msgspec.Struct, frozen=True):
    """Where an entry was defined."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


class KnowledgeBase(msgspec.Struct, dict=True):
    """Every license, model and GPU of the layered knowledge, by id, with the content fingerprint."""

    licenses: dict[str, License]
    models: dict[str, Model]
    gpus: dict[str, Gpu]
    fingerprint: str
    layers: list[str] = msgspec.field(default_factory=list)
    origins: dict[tuple[str, str], Origin] = msgspec.field(default_factory=dict)
    catalog: dict[str, CatalogEntry] = msgspec.field(default_factory=dict)
    """Models a refresh found in public catalogs that no curated entry covers: never ranked, listed as unassessed."""

    # Worked out on first use, then kept (in the instance's __dict__, `dict=True`): the knowledge is not changed once loaded.

    @functools.cached_property
    def verified_through(self) -> dt.date | None:
        """The most recent date any entry was verified against its sources."""
        dates = [e.verified for e in self.licenses.values()] + [m.verified for m in self.models.values()]
        return max(dates) if dates else None

    @functools.cached_property
    def oldest_verification(self) -> dt.date | None:
        """The oldest date any entry was verified: how stale the weakest fact may be."""
        dates = [e.verified for e in self.licenses.values()] + [m.verified for m in self.models.values()]
        return min(dates) if dates else None

    @functools.cached_property
    def _successors(self) -> dict[str, tuple[Model, ...]]:
        index: dict[str, list[Model]] = {}
        for m in self.models.values():
            if m.supersedes is not None:
                index.setdefault(m.supersedes, []).append(m)
        return {old: tuple(newer) for old, newer in index.items()}

    @functools.cached_property
    def _ratings(self) -> dict[tuple[str, UseCase], UseRating]:
        return {}

    def rating(self, model_id: str, use_case: UseCase) -> UseRating:
        """The model's quality for `use_case` from its evidence (`quality.rate`), worked out once per model and use."""
        key = (model_id, use_case)
        found = self._ratings.get(key)
        if found is None:
            found = self._ratings[key] = rate(self.models[model_id], use_case)
        return found

    def successors(self, model_id: str) -> tuple[Model, ...]:
        """Models that name `model_id` as the version they supersede."""
        return self._successors.get(model_id, ())
