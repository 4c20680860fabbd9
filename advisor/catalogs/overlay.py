"""Writing the overlay directory: `models/` (curated entries whose facts moved) and `catalog/` (models not assessed), all or nothing.

It is built in a temporary directory beside the target, checked by loading it over the knowledge it was
compared with (so `--kb DIR` is sure to accept it), and only then moved into place. An existing target
is replaced only when an earlier refresh wrote it (its `refresh.json` says so).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

import msgspec
import yaml

from advisor.catalogs.values import CatalogError
from advisor.domain.knowledge.schema import CatalogEntry, Model

MANIFEST = "refresh.json"
"""Marks a directory as written by `kb refresh` (and says when, from what)."""


def _dump(entries: Sequence[Model | CatalogEntry]) -> str:
    data = [msgspec.to_builtins(e, builtin_types=(dt.date,)) for e in entries]
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=120)


def _by_vendor(entries: Sequence[Model | CatalogEntry]) -> dict[str, list[Model | CatalogEntry]]:
    grouped: dict[str, list[Model | CatalogEntry]] = {}
    for e in sorted(entries, key=lambda e: (e.vendor, e.id)):
        grouped.setdefault(e.vendor, []).append(e)
    return grouped


def write_overlay(
    target: Path,
    models: Sequence[Model],
    catalog: Sequence[CatalogEntry],
    manifest: dict[str, object],
    layers: Sequence[Path],
) -> None:
    """Write the overlay to `target` atomically; CatalogError when the target is not ours to replace or it does not load."""
    from advisor.domain.inputs.problems import InputError, display_path
    from advisor.domain.knowledge.loader import load

    shown = display_path(target)
    if target.exists() and not (target / MANIFEST).is_file():
        raise CatalogError(shown, "exists and was not written by `advisor kb refresh`; give another -o DIR")
    parent = target.absolute().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=parent))
    except OSError as exc:
        raise CatalogError(shown, f"cannot be written: {exc.strerror or exc}") from None
    try:
        for sub, entries in (("models", models), ("catalog", catalog)):
            if entries:
                (staging / sub).mkdir()
            for vendor, listed in _by_vendor(entries).items():
                (staging / sub / f"{vendor}.yaml").write_text(_dump(listed), encoding="utf-8")
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        try:
            load([*layers, staging], cache=False)
        except InputError as exc:  # a bug of ours, never the user's: say so rather than leave a broken overlay
            raise CatalogError(shown, f"the overlay would not load ({exc.problems[0]}); nothing written") from None
        _swap(staging, target)
    except OSError as exc:
        raise CatalogError(shown, f"cannot be written: {exc.strerror or exc}") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _swap(staging: Path, target: Path) -> None:
    """Put `staging` where `target` is: a reader sees the old overlay or the new one, never a mix."""
    if not target.exists():
        os.replace(staging, target)
        return
    retired = staging.with_name(staging.name + ".old")
    os.replace(target, retired)
    try:
        os.replace(staging, target)
    except OSError:
        os.replace(retired, target)
        raise
    shutil.rmtree(retired, ignore_errors=True)
