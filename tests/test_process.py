"""One-shot commands skip garbage collection and teardown only in a process the advisor owns."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from advisor.cli import main, process

from .conftest import noncommercial_overlay

EXAMPLE = Path(__file__).parent.parent / "examples" / "eu-consumer-chat.yaml"


def advisor(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "advisor", *args], capture_output=True, text=True)


def test_an_owned_process_still_writes_everything_and_exits_with_the_commands_code(tmp_path: Path) -> None:
    record = tmp_path / "decision.json"
    made = advisor("recommend", "--profile", str(EXAMPLE), "--format", "json", "-o", str(record))
    assert made.returncode == 0, made.stderr
    top = json.loads(record.read_text(encoding="utf-8"))["shortlist"][0]

    held = advisor("revisit", str(record), "--format", "json")
    assert held.returncode == 0, held.stderr
    assert json.loads(held.stdout)["material"] is False  # stdout flushed in full before the quick exit

    # The top model's license turns non-commercial: revisit must say so and exit 1, not 0.
    overlay, _ = noncommercial_overlay(tmp_path, top["license"])
    changed = advisor("revisit", str(record), "--kb", str(overlay), "--format", "json")
    assert changed.returncode == 1, changed.stderr
    assert json.loads(changed.stdout)["material"] is True


def test_bad_input_in_an_owned_process_still_exits_2_with_its_message(tmp_path: Path) -> None:
    result = advisor("recommend", "--profile", str(tmp_path / "missing.yaml"))
    assert result.returncode == 2
    assert "missing.yaml" in result.stderr and "Traceback" not in result.stderr


def test_in_process_commands_leave_the_collector_alone() -> None:
    assert gc.isenabled()
    result = CliRunner().invoke(main, ["recommend", "--profile", str(EXAMPLE), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert gc.isenabled()  # a test run (or a program embedding the advisor) keeps its collector


def test_leave_is_an_ordinary_exit_when_the_process_was_not_settled() -> None:
    with pytest.raises(SystemExit) as ended:
        process.leave(3)
    assert ended.value.code == 3
    with pytest.raises(SystemExit) as ended:
        process.leave("a message")
    assert ended.value.code == "a message"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize(
    "args",
    [
        ["recommend", "--profile", str(EXAMPLE), "--format", "json"],
        ["recommend", "--profile", str(EXAMPLE)],
        ["kb", "list"],
    ],
)
def test_output_that_cannot_be_written_is_one_line_and_exit_2_not_a_traceback(args: list[str]) -> None:
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "advisor", *args], stdout=full, stderr=subprocess.PIPE, text=True
        )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "No space left on device" in result.stderr, result.stderr


def test_the_wizard_opens_with_the_collector_on_but_off_what_was_loaded() -> None:
    """A full collection over the loaded knowledge took ~80 ms and landed while screens opened."""
    script = """
import gc
from advisor.cli.commands import run_wizard
from advisor.domain.knowledge.loader import load
from advisor.tui.app import AdvisorApp

def run(self):
    walked = gc.get_objects()  # what a collection walks: the frozen objects are left out
    print(gc.isenabled(), gc.get_freeze_count() > 0, any(o is self.kb.models for o in walked))

AdvisorApp.run = run
run_wizard(load(), None)
"""
    env = {**os.environ, "TEXTUAL_DRIVER": "textual.drivers.web_driver:WebDriver", "ADVISOR_CACHE_DIR": "off"}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True", "False"]
