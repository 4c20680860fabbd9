"""Cyclic garbage collection while the founder is not waiting: the wizard's full collections run when it is idle.

Python starts a full (oldest-generation) collection on its own after enough allocations, wherever the
program happens to be. In the wizard that walks every object Textual keeps for the screens on the stack
(its styles, caches and strips: ~57,000 objects after the results are shown), 40-130 ms here, and it fell
into a screen's opening at random: the model browser showed its list after ~90 ms, or ~300 ms when one
landed in it (seen with `gc.callbacks`). While the wizard runs, automatic full collections are off; the
younger generations are collected as usual, and a full collection runs once the app has had no key or
mouse input for `QUIET_S` and the younger ones have run `PENDING` times since the last. Leaving the app
restores Python's own thresholds.
"""

from __future__ import annotations

import gc
import time
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.app import App

QUIET_S = 1.0
"""How long without input counts as idle."""
EVERY_S = 0.5
"""How often the app looks whether it is idle."""
PENDING = 10
"""Younger-generation collections since the last full one before a full one is worth running (Python's own default)."""
NEVER = 1_000_000
"""A full-collection threshold Python never reaches in a session."""


class IdleCollector:
    """Moves the full collections of one app's run to when it is idle."""

    def __init__(self) -> None:
        self.last_input = time.monotonic()
        self._thresholds: tuple[int, int, int] | None = None

    def start(self, app: App[Any]) -> None:
        """Turn automatic full collections off and look for idle moments on `app`'s clock."""
        self.touch()  # starting is not idle
        if self._thresholds is None:
            self._thresholds = gc.get_threshold()
            young, middle, _ = self._thresholds
            gc.set_threshold(young, middle, NEVER)
        app.set_interval(EVERY_S, self.tick)

    def stop(self) -> None:
        """Python's own thresholds back (the app is leaving)."""
        if self._thresholds is not None:
            gc.set_threshold(*self._thresholds)
            self._thresholds = None

    def touch(self) -> None:
        """The founder pressed a key or used the mouse."""
        self.last_input = time.monotonic()

    def tick(self) -> bool:
        """Run a full collection if the app is idle and one is due; returns whether it ran."""
        if self._thresholds is None or gc.get_count()[2] < PENDING:
            return False
        if time.monotonic() - self.last_input < QUIET_S:
            return False
        gc.collect()
        return True
