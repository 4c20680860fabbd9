"""Launching the wizard: bad input never reaches the terminal UI, and the headless commands never load Textual."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from advisor.cli.commands import run_wizard
from advisor.domain.knowledge.base import KnowledgeBase


def test_a_bad_profile_exits_2_with_the_problem_and_no_ui(
    fixture_kb: KnowledgeBase, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    profile = tmp_path / "profile.yaml"
    profile.write_text("use_case: chat\ndeployment: cloud\n")
    with pytest.raises(SystemExit) as exit_info:
        run_wizard(fixture_kb, profile)
    assert exit_info.value.code == 2
    assert f"{profile}:2" in capsys.readouterr().err


def test_the_cli_does_not_import_textual() -> None:
    code = "import sys, advisor.cli, advisor.cli.commands; print('textual' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
