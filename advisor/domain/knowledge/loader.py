"""Find, load, validate and layer knowledge directories into one `KnowledgeBase`.

A knowledge directory holds `licenses/*.yaml` (one license each), `models/*.yaml` (a list of models,
or one) and `hardware/*.yaml` (GPUs). The bundled directory comes first; each `--kb DIR` is layered
over it, and an entry whose id is already known replaces the earlier one. Loading collects every
problem (file, line, what was expected) and raises them together as an `InputError`.
"""

from __future__ import annotations

import hashlib
import operator
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import msgspec

from advisor.domain.inputs.conversion import conversion_problem
from advisor.domain.inputs.files import MAX_FILE_BYTES, oversize_message
from advisor.domain.inputs.problems import InputError, Problem, display_path
from advisor.domain.inputs.safe_yaml import YamlDocument, read_yaml
from advisor.domain.knowledge.base import KnowledgeBase, Origin, bundled_dir
from advisor.domain.knowledge.cache import Snapshot, cache_path, collection_paused, read_cache, write_cache
from advisor.domain.knowledge.checks import cross_check
from advisor.domain.knowledge.hardware import Gpu
from advisor.domain.knowledge.schema import CatalogEntry, License, Model
from advisor.domain.knowledge.text_checks import text_problems

KINDS: dict[str, type[License] | type[Model] | type[Gpu] | type[CatalogEntry]] = {
    "licenses": License,
    "models": Model,
    "hardware": Gpu,
    "catalog": CatalogEntry,
}
"""Sub-directory of a knowledge directory -> the struct its entries are (`catalog/`: what `kb refresh` found unassessed)."""


SKIPPED_DIRS = frozenset({"node_modules", "venv", "__pycache__", "site-packages"})
"""Folders never walked, with every hidden one (`.git`, `.venv` …): tools' files, never knowledge."""


def holds_knowledge(root: Path) -> bool:
    """Whether `root` is a knowledge directory: one with licenses/, models/, hardware/ or catalog/ in it."""
    return any((root / kind).is_dir() for kind in KINDS)


def not_knowledge_problem(root: Path) -> Problem | None:
    """The problem with giving `root` as a knowledge directory when it holds no knowledge (None when it does)."""
    if not root.is_dir() or holds_knowledge(root):
        return None
    nested = next((d for d in (root / "knowledge", root / "kb") if d.is_dir() and holds_knowledge(d)), None)
    hint = f" (did you mean {display_path(nested)}?)" if nested else ""
    return Problem(
        display_path(root),
        0,
        f"holds no knowledge: a knowledge directory has licenses/, models/, hardware/ or catalog/ in it{hint}",
    )


def _yaml_files(root: Path, problems: list[Problem]) -> list[Path]:
    """Every *.yaml / *.yml below `root` that is not a directory (pipes and broken links included, to be reported).

    Nothing is skipped in silence but tools' folders (`SKIPPED_DIRS`, hidden ones): a directory that
    cannot be read, a link to a directory (never followed) and a name like `a.YAML` (read by nothing)
    are problems.
    """
    found: list[Path] = []
    pending = [root]
    while pending:
        folder = pending.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            problems.append(Problem(display_path(folder), 0, f"cannot be read: {exc.strerror or exc}"))
            continue
        for entry in entries:
            path = Path(entry.path)
            if entry.is_dir(follow_symlinks=False):
                if not (entry.name.startswith(".") or entry.name in SKIPPED_DIRS):
                    pending.append(path)
            elif entry.is_symlink() and path.is_dir():
                problems.append(
                    Problem(
                        display_path(path),
                        0,
                        "is a link to a directory, which is not followed; copy it in, or pass it with --kb",
                    )
                )
            elif path.suffix in (".yaml", ".yml"):
                found.append(path)
            elif path.suffix.lower() in (".yaml", ".yml"):
                problems.append(
                    Problem(
                        display_path(path),
                        0,
                        f"knowledge files end in .yaml or .yml (lower case); '{path.suffix}' is read by nothing",
                    )
                )
    return sorted(found)


class _File(msgspec.Struct, frozen=True):
    """One knowledge file, read once: hashed for the fingerprint, parsed only when the cache misses."""

    layer: int
    root: Path
    path: Path
    raw: bytes | None
    """None when the file was too large to read (reported as a problem)."""


def _scan(dirs: Sequence[Path], problems: list[Problem]) -> list[_File]:
    files: list[_File] = []
    for index, root in enumerate(dirs):
        if not root.is_dir():
            problems.append(Problem(display_path(root), 0, "is not a directory; expected a knowledge directory"))
            continue
        for path in _yaml_files(root, problems):
            try:
                if not path.is_file():
                    problems.append(Problem(display_path(path), 0, "is not a regular file (a broken link or a pipe?)"))
                    continue
                if path.stat().st_size > MAX_FILE_BYTES:
                    files.append(_File(index, root, path, None))
                else:
                    files.append(_File(index, root, path, path.read_bytes()))
            except OSError as exc:
                problems.append(Problem(display_path(path), 0, f"cannot be read: {exc.strerror or exc}"))
    return files


def _fingerprint(files: Sequence[_File]) -> str:
    """sha256 over every knowledge file's relative path and bytes, layer by layer."""
    digest = hashlib.sha256()
    for f in files:
        digest.update(f"{f.layer}\0{f.path.relative_to(f.root).as_posix()}\0".encode())
        digest.update(f.raw if f.raw is not None else b"<oversize>")
        digest.update(b"\0")
    return "sha256:" + digest.hexdigest()


class _Layer:
    """The entries read from one knowledge directory, with where each came from."""

    def __init__(self) -> None:
        self.entries: dict[str, dict[str, Any]] = {kind: {} for kind in KINDS}
        self.origins: dict[tuple[str, str], Origin] = {}
        self.docs: dict[tuple[str, str], tuple[YamlDocument, list[str | int]]] = {}


def _read_layer(files: Sequence[_File], problems: list[Problem]) -> _Layer:
    layer = _Layer()
    for f in files:
        kind = f.path.relative_to(f.root).parts[0]
        shown = display_path(f.path)
        if kind not in KINDS:
            problems.append(
                Problem(
                    shown,
                    0,
                    "knowledge files belong in licenses/, models/, hardware/ or catalog/; this one is read by nothing",
                )
            )
            continue
        try:
            doc = read_yaml(f.path, f.raw)
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        problems.extend(text_problems(doc))
        _read_entries(doc, kind, layer, problems)
    return layer


def _read_entries(doc: YamlDocument, kind: str, layer: _Layer, problems: list[Problem]) -> None:
    tp = KINDS[kind]
    data = doc.data
    if data is None:
        problems.append(Problem(doc.path, 1, "file is empty"))
        return
    if kind == "licenses":
        if not isinstance(data, dict):
            problems.append(Problem(doc.path, 1, "a license file holds one mapping (id:, name:, ...)"))
            return
        items: list[tuple[Any, list[str | int]]] = [(data, [])]
    elif isinstance(data, list):
        items = [(item, [i]) for i, item in enumerate(data)]
    elif isinstance(data, dict):
        items = [(data, [])]
    else:
        problems.append(Problem(doc.path, 1, f"expected a list of {kind} entries or one mapping"))
        return
    for item, base in items:
        try:
            entry = msgspec.convert(item, tp)
        except msgspec.ValidationError as exc:
            problems.append(conversion_problem(doc, exc, tp, base, item))
            continue
        origin = Origin(doc.path, doc.line_of(base))
        key = (kind, entry.id)
        if key in layer.origins:
            first = layer.origins[key]
            problems.append(Problem(doc.path, origin.line, f"duplicate id '{entry.id}' (first defined at {first})"))
            continue
        layer.entries[kind][entry.id] = entry
        layer.origins[key] = origin
        layer.docs[key] = (doc, base)


def load(extra_dirs: Iterable[Path] = (), *, bundled: bool = True, cache: bool = True) -> KnowledgeBase:
    """Load the bundled knowledge (unless `bundled=False`) with `extra_dirs` layered over it.

    A validated copy is cached under the content fingerprint, so a repeat run over unchanged files
    skips parsing and validation; a missing, stale or corrupt cache is ignored and rebuilt.
    """
    extra = [Path(d) for d in extra_dirs]
    dirs = ([bundled_dir()] if bundled else []) + extra
    problems: list[Problem] = []
    files = _scan(dirs, problems)
    fp = _fingerprint(files)
    # Labels, not resolved paths: the record must not change with the directory it is made from.
    layers = (["bundled"] if bundled else []) + [str(d) for d in extra]
    cached = cache_path(fp) if cache and not problems else None
    snapshot = read_cache(cached, fp)
    if snapshot is not None:
        return _knowledge_base(snapshot.licenses, snapshot.models, snapshot.gpus, snapshot.catalog, fp, layers, {})
    for f in files:
        if f.raw is None:
            problems.append(Problem(display_path(f.path), 0, oversize_message(f.path.stat().st_size)))
    merged: dict[str, dict[str, Any]] = {kind: {} for kind in KINDS}
    origins: dict[tuple[str, str], Origin] = {}
    docs: dict[tuple[str, str], tuple[YamlDocument, list[str | int]]] = {}
    with collection_paused():
        for index in range(len(dirs)):
            layer = _read_layer([f for f in files if f.layer == index and f.raw is not None], problems)
            for kind in KINDS:
                merged[kind].update(layer.entries[kind])
            origins.update(layer.origins)
            docs.update(layer.docs)
    problems.extend(cross_check(merged, docs))
    if problems:
        raise InputError(problems)
    kb = _knowledge_base(
        list(merged["licenses"].values()),
        list(merged["models"].values()),
        list(merged["hardware"].values()),
        list(merged["catalog"].values()),
        fp,
        layers,
        origins,
    )
    write_cache(
        cached,
        fp,
        Snapshot(
            list(kb.licenses.values()), list(kb.models.values()), list(kb.gpus.values()), list(kb.catalog.values())
        ),
    )
    return kb


def _knowledge_base(
    licenses: list[License],
    models: list[Model],
    gpus: list[Gpu],
    catalog: list[CatalogEntry],
    fp: str,
    layers: list[str],
    origins: dict[tuple[str, str], Origin],
) -> KnowledgeBase:
    by_id = operator.attrgetter("id")
    return KnowledgeBase(
        licenses={lic.id: lic for lic in sorted(licenses, key=by_id)},
        models={m.id: m for m in sorted(models, key=by_id)},
        gpus={g.id: g for g in sorted(gpus, key=lambda g: (g.memory_gb, g.id))},
        catalog=_unassessed(catalog, models),
        fingerprint=fp,
        layers=layers,
        origins=origins,
    )


def _unassessed(catalog: list[CatalogEntry], models: list[Model]) -> dict[str, CatalogEntry]:
    """The catalog entries no curated model covers (by id, API id or Hugging Face repo), by vendor and id."""
    if not catalog:
        return {}
    curated = {m.id for m in models} | {m.api_id for m in models if m.api_id} | {m.hf_repo for m in models if m.hf_repo}
    return {c.id: c for c in sorted(catalog, key=lambda c: (c.vendor, c.id)) if c.id not in curated}
