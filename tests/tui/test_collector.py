"""Full garbage collections wait until the wizard is idle: none while keys arrive, one soon after they stop."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable
from typing import Any

import pytest

from advisor.tui import collector
from advisor.tui.app import AdvisorApp
from advisor.tui.collector import NEVER, IdleCollector

MakeApp = Callable[..., AdvisorApp]


@pytest.fixture
def full_collections() -> Any:
    """The full collections that ran, as they start (Python reports each through `gc.callbacks`)."""
    seen: list[int] = []

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "start" and info["generation"] == 2:
            seen.append(2)

    gc.callbacks.append(note)
    yield seen
    gc.callbacks.remove(note)


async def test_while_the_wizard_runs_python_starts_no_full_collection_and_after_it_its_thresholds_are_back(
    make_app: MakeApp,
) -> None:
    before = gc.get_threshold()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert gc.get_threshold() == (before[0], before[1], NEVER)
    assert gc.get_threshold() == before


def test_a_full_collection_runs_only_when_idle_and_due(
    monkeypatch: pytest.MonkeyPatch, full_collections: list[int]
) -> None:
    now = [100.0]
    monkeypatch.setattr(collector.time, "monotonic", lambda: now[0])
    idle = IdleCollector()
    idle._thresholds = gc.get_threshold()  # as `start` leaves it, without an app to tick it
    try:
        monkeypatch.setattr(collector.gc, "get_count", lambda: (0, 0, collector.PENDING))
        idle.touch()
        now[0] += collector.QUIET_S / 2
        assert idle.tick() is False and full_collections == []  # keys came a moment ago
        now[0] += collector.QUIET_S
        assert idle.tick() is True and full_collections == [2]  # quiet long enough, and one is due
        monkeypatch.setattr(collector.gc, "get_count", lambda: (0, 0, collector.PENDING - 1))
        assert idle.tick() is False and full_collections == [2]  # not due yet
    finally:
        idle.stop()


async def test_the_app_collects_once_the_keys_stop(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch, full_collections: list[int]
) -> None:
    monkeypatch.setattr(collector, "EVERY_S", 0.05)
    monkeypatch.setattr(collector, "QUIET_S", 0.3)
    monkeypatch.setattr(collector, "PENDING", 0)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(4):  # keys every 0.1 s: never quiet for 0.3 s
            await pilot.press("down")
            await asyncio.sleep(0.1)
        assert full_collections == []
        await asyncio.sleep(0.6)
        assert full_collections
