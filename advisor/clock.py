"""The one clock: read once per command or wizard action, at the edge (the engine is handed `now`, never reads it)."""

from __future__ import annotations

import datetime as dt


def utc_now() -> dt.datetime:
    """Now, in UTC, to the second (records carry no microseconds)."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0)
