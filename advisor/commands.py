"""What the CLI's commands do once their arguments are parsed (kept out of cli.py so --help stays light)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import cast

from advisor.domain.knowledge import KnowledgeBase


def utc_now() -> dt.datetime:
    """The clock, read once per command, at the edge (the engine never reads it)."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def emit(text: str, output: Path | None) -> None:
    """Write `text` to `output` atomically, or to stdout."""
    from advisor.domain.profile import write_atomically

    if output is None:
        sys.stdout.write(text)
    else:
        write_atomically(output, text)


def run_recommend(kb: KnowledgeBase, profile_path: Path, fmt: str, output: Path | None) -> None:
    """`advisor recommend`: profile -> decision -> report."""
    from advisor.domain.engine import recommend
    from advisor.domain.profile import load_profile
    from advisor.domain.report import Format, render

    profile = load_profile(profile_path)
    decision = recommend(profile, kb, utc_now())
    emit(render(decision, cast(Format, fmt)), output)


def run_wizard(kb: KnowledgeBase, profile_path: Path | None) -> None:
    """Open the wizard. Until the wizard lands, show what the knowledge base holds."""
    from advisor import views

    views.print_list(kb, license_id=None, licenses=False, fmt="table")


def run_revisit(kb: KnowledgeBase, decision_path: Path, fmt: str, output: Path | None) -> bool:
    """`advisor revisit`: prints what changed; returns whether anything material did."""
    from advisor.domain.decision import read_decision
    from advisor.domain.report.revisit_report import render_revisit
    from advisor.domain.revisit import revisit
    from advisor.domain.yamlio import InputError, Problem, display_path

    try:
        raw = decision_path.read_bytes()
    except OSError as exc:
        raise InputError([Problem(display_path(decision_path), 0, f"cannot be read: {exc.strerror}")]) from None
    old = read_decision(raw, display_path(decision_path))
    result = revisit(old, kb, utc_now())
    emit(render_revisit(result, fmt), output)
    return result.material
