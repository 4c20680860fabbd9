"""The knowledge cache: validated entries kept as msgpack under the content fingerprint, so repeat runs skip parsing.

A missing, unreadable, corrupt or differently shaped cache is ignored and rebuilt; writing it is
best effort (a read-only or full disk only means the next run parses again).
"""

from __future__ import annotations

import gc
import hashlib
from pathlib import Path

import msgspec

from advisor import __version__
from advisor.domain.knowledge.schema import CatalogEntry, Gpu, License, Model


class Snapshot(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """What the cache keeps: the validated entries of one knowledge set."""

    licenses: list[License]
    models: list[Model]
    gpus: list[Gpu]
    catalog: list[CatalogEntry] = []


CACHE_ENV = "ADVISOR_CACHE_DIR"
"""Environment variable naming the cache directory; `off` disables the cache."""


def cache_path(fingerprint_: str) -> Path | None:
    import os

    setting = os.environ.get(CACHE_ENV)
    if setting == "off":
        return None
    if setting:
        directory = Path(setting)
    else:
        from platformdirs import user_cache_path

        directory = user_cache_path("advisor")
    schema_source = Path(__file__).with_name("schema.py").read_bytes()
    key = hashlib.sha256(f"{fingerprint_}|{__version__}|".encode() + schema_source).hexdigest()[:32]
    return directory / f"knowledge-{key}.msgpack"


def read_cache(path: Path | None) -> Snapshot | None:
    """The cached snapshot, or None if absent, unreadable, corrupt or of another shape (never trusted blindly)."""
    if path is None:
        return None
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    gc.disable()  # decoding creates many objects and no cycles; collecting meanwhile only costs time
    try:
        snapshot: Snapshot = msgspec.msgpack.decode(raw, type=Snapshot)
        return snapshot
    except (msgspec.DecodeError, msgspec.ValidationError):
        return None
    finally:
        gc.enable()


def write_cache(path: Path | None, snapshot: Snapshot) -> None:
    """Best effort: a read-only or full disk only means the next run parses again."""
    if path is None:
        return
    import os
    import tempfile

    try:
        payload = msgspec.msgpack.encode(snapshot)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".knowledge-", dir=path.parent)
    except (OSError, ValueError, OverflowError):
        return
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)
