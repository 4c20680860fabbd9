"""Entry points the CLI hands off to once arguments are parsed (kept out of cli.py so --help stays light)."""

from __future__ import annotations

from pathlib import Path

from advisor.domain.knowledge import KnowledgeBase


def run_wizard(kb: KnowledgeBase, profile_path: Path | None) -> None:
    """Open the wizard. Until the wizard lands, show what the knowledge base holds."""
    from advisor import views

    views.print_list(kb, license_id=None, licenses=False, fmt="table")
