"""The knowledge cache: validated entries kept as msgpack under the content fingerprint, so repeat runs skip parsing.

The file carries the fingerprint of the knowledge it was made from and a digest of its entries; on
load both must match, the file must be a regular one under a size cap, and the checks across entries
run again. A missing, unreadable, corrupt, altered or differently shaped cache is ignored and
rebuilt; writing it is best effort (a read-only or full disk only means the next run parses again).
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import msgspec

from advisor import __version__
from advisor.domain.inputs.files import read_input_file
from advisor.domain.inputs.problems import InputError
from advisor.domain.knowledge.checks import cross_check
from advisor.domain.knowledge.hardware import Gpu
from advisor.domain.knowledge.schema import CatalogEntry, License, Model


class Snapshot(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """What the cache keeps: the validated entries of one knowledge set."""

    licenses: list[License]
    models: list[Model]
    gpus: list[Gpu]
    catalog: list[CatalogEntry] = []


class _Sealed(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """The cache file: the snapshot's bytes, bound to the knowledge they came from by its fingerprint and a digest."""

    fingerprint: str
    digest: str
    """sha256 over the fingerprint and the snapshot's bytes."""
    snapshot: memoryview
    """Decoded as a view into the file's bytes, not a copy of them (~90 MB at 100,000 models)."""


MAX_CACHE_BYTES = 1024 * 1024 * 1024
"""A cache larger than this is not read (a 100,000-model knowledge base caches to a fraction of it)."""
SCHEMA_FILES = ("schema.py", "vocabulary.py", "hardware.py", "quality.py")
"""The modules whose structs and tables the cache holds or validated against: a change to any makes old caches stale."""
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
    schema_source = b"".join(Path(__file__).with_name(name).read_bytes() for name in SCHEMA_FILES)
    key = hashlib.sha256(f"{fingerprint_}|{__version__}|".encode() + schema_source).hexdigest()[:32]
    return directory / f"knowledge-{key}.msgpack"


def _digest(fingerprint: str, payload: bytes | memoryview) -> str:
    digest = hashlib.sha256(fingerprint.encode() + b"\0")
    digest.update(payload)  # not concatenated: at 100,000 models the payload is ~90 MB
    return digest.hexdigest()


@contextlib.contextmanager
def collection_paused() -> Iterator[None]:
    """No cyclic garbage collection inside: reading knowledge creates many objects and no cycles, so collecting
    meanwhile only costs time. Collection resumes after only if it was on before (a one-shot command turns it off
    for good, `cli.process.settle`)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def read_cache(path: Path | None, fingerprint: str) -> Snapshot | None:
    """The cached snapshot of the knowledge with `fingerprint`, or None if absent, unreadable, not a regular
    file, too large, corrupt, altered, of another shape, or failing the checks across entries."""
    if path is None:
        return None
    try:
        raw = read_input_file(path, limit=MAX_CACHE_BYTES)
    except InputError:
        return None
    try:
        with collection_paused():
            sealed = msgspec.msgpack.decode(raw, type=_Sealed)
            if sealed.fingerprint != fingerprint or sealed.digest != _digest(fingerprint, sealed.snapshot):
                return None
            snapshot: Snapshot = msgspec.msgpack.decode(sealed.snapshot, type=Snapshot)
    except (msgspec.DecodeError, msgspec.ValidationError):
        return None
    merged: dict[str, dict[str, Any]] = {
        "licenses": {lic.id: lic for lic in snapshot.licenses},
        "models": {m.id: m for m in snapshot.models},
        "hardware": {gpu.id: gpu for gpu in snapshot.gpus},  # an image model's throughput names one of these
    }
    return None if cross_check(merged, {}) else snapshot


def write_cache(path: Path | None, fingerprint: str, snapshot: Snapshot) -> None:
    """Best effort: a read-only or full disk only means the next run parses again."""
    if path is None:
        return
    import os
    import tempfile

    try:
        payload = msgspec.msgpack.encode(snapshot)
        sealed = msgspec.msgpack.encode(_Sealed(fingerprint, _digest(fingerprint, payload), memoryview(payload)))
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".knowledge-", dir=path.parent)
    except (OSError, ValueError, OverflowError):
        return
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(sealed)
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)
