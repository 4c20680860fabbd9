"""Find, load, validate and layer knowledge directories into one `KnowledgeBase`.

A knowledge directory holds `licenses/*.yaml` (one license each), `models/*.yaml` (a list of models,
or one) and `hardware/*.yaml` (GPUs). The bundled directory comes first; each `--kb DIR` is layered
over it, and an entry whose id is already known replaces the earlier one. Loading collects every
problem (file, line, what was expected) and raises them together as an `InputError`.
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import msgspec

from advisor import __version__
from advisor.domain.schema import CLAUSE_TOPIC_REQUIRED_BY, Gpu, License, Model
from advisor.domain.yamlio import (
    MAX_FILE_BYTES,
    Document,
    InputError,
    Problem,
    conversion_problem,
    did_you_mean,
    display_path,
    oversize_message,
    read_yaml,
)

KINDS: dict[str, type[License] | type[Model] | type[Gpu]] = {"licenses": License, "models": Model, "hardware": Gpu}
"""Sub-directory of a knowledge directory -> the struct its entries are."""

_Entry = TypeVar("_Entry", License, Model, Gpu)


def bundled_dir() -> Path:
    """The knowledge shipped with the advisor: inside the wheel, or the checkout's `knowledge/`."""
    here = Path(__file__).resolve().parent.parent
    packaged = here / "_knowledge"
    return packaged if packaged.is_dir() else here.parent / "knowledge"


@dataclass(frozen=True)
class Origin:
    """Where an entry was defined."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass
class KnowledgeBase:
    """Every license, model and GPU of the layered knowledge, by id, with the content fingerprint."""

    licenses: dict[str, License]
    models: dict[str, Model]
    gpus: dict[str, Gpu]
    fingerprint: str
    layers: list[str] = field(default_factory=list)
    origins: dict[tuple[str, str], Origin] = field(default_factory=dict)

    # Worked out on first use, then kept: the knowledge is not changed once loaded.

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

    def successors(self, model_id: str) -> tuple[Model, ...]:
        """Models that name `model_id` as the version they supersede."""
        return self._successors.get(model_id, ())


def _yaml_files(root: Path) -> list[Path]:
    """Every *.yaml / *.yml below `root` that is not a directory (pipes and broken links included, to be reported)."""
    return sorted(p for p in root.rglob("*") if p.suffix in (".yaml", ".yml") and not p.is_dir())


@dataclass(frozen=True)
class _File:
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
        for path in _yaml_files(root):
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
        self.docs: dict[tuple[str, str], tuple[Document, list[str | int]]] = {}


def _read_layer(files: Sequence[_File], problems: list[Problem]) -> _Layer:
    layer = _Layer()
    for f in files:
        kind = f.path.relative_to(f.root).parts[0]
        shown = display_path(f.path)
        if kind not in KINDS:
            problems.append(
                Problem(
                    shown, 0, "knowledge files belong in licenses/, models/ or hardware/; this one is read by nothing"
                )
            )
            continue
        try:
            doc = read_yaml(f.path, f.raw)
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        _read_entries(doc, kind, layer, problems)
    return layer


def _read_entries(doc: Document, kind: str, layer: _Layer, problems: list[Problem]) -> None:
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


class _Snapshot(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """What the cache keeps: the validated entries of one knowledge set."""

    licenses: list[License]
    models: list[Model]
    gpus: list[Gpu]


CACHE_ENV = "ADVISOR_CACHE_DIR"
"""Environment variable naming the cache directory; `off` disables the cache."""


def _cache_path(fingerprint_: str) -> Path | None:
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


def _read_cache(path: Path | None) -> _Snapshot | None:
    """The cached snapshot, or None if absent, unreadable, corrupt or of another shape (never trusted blindly)."""
    if path is None:
        return None
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    gc.disable()  # decoding creates many objects and no cycles; collecting meanwhile only costs time
    try:
        snapshot: _Snapshot = msgspec.msgpack.decode(raw, type=_Snapshot)
        return snapshot
    except (msgspec.DecodeError, msgspec.ValidationError):
        return None
    finally:
        gc.enable()


def _write_cache(path: Path | None, snapshot: _Snapshot) -> None:
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
    cache_path = _cache_path(fp) if cache and not problems else None
    snapshot = _read_cache(cache_path)
    if snapshot is not None:
        return _knowledge_base(snapshot.licenses, snapshot.models, snapshot.gpus, fp, layers, {})
    for f in files:
        if f.raw is None:
            problems.append(Problem(display_path(f.path), 0, oversize_message(f.path.stat().st_size)))
    merged: dict[str, dict[str, Any]] = {kind: {} for kind in KINDS}
    origins: dict[tuple[str, str], Origin] = {}
    docs: dict[tuple[str, str], tuple[Document, list[str | int]]] = {}
    gc.disable()
    try:
        for index in range(len(dirs)):
            layer = _read_layer([f for f in files if f.layer == index and f.raw is not None], problems)
            for kind in KINDS:
                merged[kind].update(layer.entries[kind])
            origins.update(layer.origins)
            docs.update(layer.docs)
    finally:
        gc.enable()
    problems.extend(_cross_check(merged, docs))
    if problems:
        raise InputError(problems)
    kb = _knowledge_base(
        list(merged["licenses"].values()),
        list(merged["models"].values()),
        list(merged["hardware"].values()),
        fp,
        layers,
        origins,
    )
    _write_cache(cache_path, _Snapshot(list(kb.licenses.values()), list(kb.models.values()), list(kb.gpus.values())))
    return kb


def _knowledge_base(
    licenses: list[License],
    models: list[Model],
    gpus: list[Gpu],
    fp: str,
    layers: list[str],
    origins: dict[tuple[str, str], Origin],
) -> KnowledgeBase:
    return KnowledgeBase(
        licenses={lic.id: lic for lic in sorted(licenses, key=lambda e: e.id)},
        models={m.id: m for m in sorted(models, key=lambda e: e.id)},
        gpus={g.id: g for g in sorted(gpus, key=lambda g: (g.memory_gb, g.id))},
        fingerprint=fp,
        layers=layers,
        origins=origins,
    )


def _at(
    docs: dict[tuple[str, str], tuple[Document, list[str | int]]], key: tuple[str, str], *path: str | int
) -> tuple[str, int]:
    doc, base = docs[key]
    return doc.path, doc.line_of([*base, *path])


def _cross_check(
    merged: dict[str, dict[str, Any]], docs: dict[tuple[str, str], tuple[Document, list[str | int]]]
) -> list[Problem]:
    """Checks that span entries: references resolve, evidence exists, required-by-kind fields are set."""
    problems: list[Problem] = []
    licenses: dict[str, License] = merged["licenses"]
    models: dict[str, Model] = merged["models"]

    def problem(key: tuple[str, str], path: Sequence[str | int], message: str) -> None:
        where, line = _at(docs, key, *path)
        problems.append(Problem(where, line, message))

    for lic in licenses.values():
        key = ("licenses", lic.id)
        clause_ids: set[str] = set()
        for i, clause in enumerate(lic.clauses):
            if clause.id in clause_ids:
                problem(key, ["clauses", i, "id"], f"duplicate clause id '{clause.id}' in license '{lic.id}'")
            clause_ids.add(clause.id)
            if not clause.source.startswith(("https://", "http://")):
                problem(
                    key, ["clauses", i, "source"], f"clause '{clause.id}': source must be a URL, got {clause.source!r}"
                )
            if not clause.quote.strip():
                problem(key, ["clauses", i, "quote"], f"clause '{clause.id}': quote is empty; quote the text")
        topics = {c.topic for c in lic.clauses}
        for field_name, topic in CLAUSE_TOPIC_REQUIRED_BY.items():
            value = getattr(lic, field_name)
            restrictive = field_name == "commercial_use" or value not in (None, False, [], "allowed")
            if restrictive and topic not in topics:
                problem(
                    key,
                    [field_name],
                    f"{field_name} is {value!r} but no clause with topic '{topic}' quotes the text it rests on",
                )
        if lic.supersedes is not None and lic.supersedes not in licenses:
            problem(
                key,
                ["supersedes"],
                f"supersedes unknown license '{lic.supersedes}'{did_you_mean(lic.supersedes, list(licenses))}",
            )
        for i, change in enumerate(lic.history):
            if change.clause is not None and change.clause not in clause_ids:
                problem(key, ["history", i, "clause"], f"history names unknown clause '{change.clause}'")
        for i, clause_id in enumerate(lic.commercial_conditions):
            if clause_id not in clause_ids:
                problem(key, ["commercial_conditions", i], f"commercial_conditions names unknown clause '{clause_id}'")
        if lic.unlisted_region_limit is not None and lic.unlisted_region_limit not in clause_ids:
            problem(
                key,
                ["unlisted_region_limit"],
                f"unlisted_region_limit names unknown clause '{lic.unlisted_region_limit}'",
            )
        if lic.kind == "api_terms" and lic.api_data is None:
            problem(
                key, ["kind"], "API terms need an api_data block (training on, retention and location of customer data)"
            )

    for model in models.values():
        key = ("models", model.id)
        if model.license not in licenses:
            problem(
                key,
                ["license"],
                f"license '{model.license}' is not in the knowledge base{did_you_mean(model.license, list(licenses))}",
            )
        if model.supersedes is not None and model.supersedes not in models:
            problem(
                key,
                ["supersedes"],
                f"supersedes unknown model '{model.supersedes}'{did_you_mean(model.supersedes, list(models))}",
            )
        if model.weights == "open" and not model.hf_repo:
            problem(key, ["weights"], f"open-weights model '{model.id}' needs hf_repo (the Hugging Face repo id)")
        if model.weights == "closed" and not model.api_id:
            problem(key, ["weights"], f"closed model '{model.id}' needs api_id (the provider's model id)")
        if model.weights == "open" and model.self_host is None:
            problem(key, ["weights"], f"open-weights model '{model.id}' needs self_host.min_gpu_memory_gb")
        if model.weights == "closed" and model.price is None:
            problem(key, ["weights"], f"closed model '{model.id}' needs a price (list price per million tokens)")
    return problems
