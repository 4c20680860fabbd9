"""`advisor kb refresh`: read the catalogs, compare, write the overlay, revisit the saved decisions, print the review."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from advisor import __version__
from advisor.catalogs.comparison import compare
from advisor.catalogs.matching import match
from advisor.catalogs.offers import Catalog
from advisor.catalogs.overlay import write_overlay
from advisor.catalogs.reading import parse, read_file
from advisor.catalogs.review import DecisionTouched, Review, Source, as_json, markdown
from advisor.domain.knowledge.base import KnowledgeBase

REPORTED = frozenset({"blocker", "high", "medium"})
"""Severities of revisit changes the review lists under each decision."""


def read_catalogs(sources: tuple[str, ...], kb: KnowledgeBase, today: dt.date) -> list[Catalog]:
    """The catalogs named by --from (files or URLs), or, without any, the public ones fetched live."""
    from advisor.catalogs import fetch

    if not sources:
        catalogs = [parse(fetch.fetch(url), url, today) for url in fetch.CATALOG_URLS]
        repos = sorted({m.hf_repo for m in kb.models.values() if m.hf_repo})
        catalogs += [parse(body, url, today) for url, body in fetch.fetch_model_info(repos)]
        return catalogs
    return [
        parse(fetch.fetch(src), src, today) if src.startswith(("https://", "http://")) else read_file(Path(src), today)
        for src in sources
    ]


def touched(decisions: Path, kb: KnowledgeBase, now: dt.datetime) -> list[DecisionTouched]:
    """Each saved decision (`*.json`) in `decisions`, revisited on the knowledge with the overlay."""
    from advisor.domain.decision_io import load_decision
    from advisor.domain.inputs.problems import InputError, Problem, display_path
    from advisor.domain.revisit import revisit

    if not decisions.is_dir():
        raise InputError([Problem(display_path(decisions), 0, "is not a directory of saved decisions (*.json)")])
    found: list[DecisionTouched] = []
    for path in sorted(decisions.glob("*.json")):
        result = revisit(load_decision(path), kb, now, where=display_path(path))
        lines = [f"[{c.severity}] {c.title}" for c in result.changes if c.severity in REPORTED]
        found.append(
            DecisionTouched(file=display_path(path), material=result.material, summary=result.summary, changes=lines)
        )
    return found


def run_refresh(
    kb: KnowledgeBase,
    layers: list[Path],
    sources: tuple[str, ...],
    output: Path | None,
    decisions: Path | None,
    now: dt.datetime,
) -> Review:
    """Everything but printing; raises CatalogError or InputError (exit 2), never leaves a partial overlay."""
    from advisor.domain.knowledge.loader import load

    today = now.date()
    catalogs = read_catalogs(sources, kb, today)
    outcome = compare(kb, match(kb, [o for c in catalogs for o in c.offers]), today)
    target = output or Path(f"kb-refresh-{today}")
    read = [Source(catalog=c.name, where=c.where, as_of=c.as_of.isoformat(), entries=c.entries) for c in catalogs]
    manifest: dict[str, object] = {
        "refreshed": today.isoformat(),
        "advisor_version": __version__,
        "sources": [{"catalog": s.catalog, "where": s.where, "entries": s.entries} for s in read],
    }
    write_overlay(target, outcome.models, outcome.catalog, manifest, layers)
    touched_decisions = touched(decisions, load([*layers, target]), now) if decisions else []
    return Review(
        refreshed=today.isoformat(),
        overlay=str(target),
        sources=read,
        retirements=sorted(outcome.retirements, key=lambda r: (r.days_left, r.model)),
        prices=outcome.prices,
        licenses=outcome.licenses,
        new_models=outcome.new_models,
        ambiguous=outcome.ambiguous,
        decisions=touched_decisions,
        updated_models=sorted(m.id for m in outcome.models),
    )


def render(review: Review, fmt: str) -> str:
    return as_json(review) if fmt == "json" else markdown(review)
