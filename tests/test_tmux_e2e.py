"""End to end in a real terminal: the real `advisor` in tmux, from the first question to an exported report.

Keys go in small groups with short pauses (back-to-back keys race in a real terminal); the screen is read
with `tmux capture-pane`. Skipped where tmux is not installed.
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

WIDTH, HEIGHT = 100, 32
PAUSE = 0.15
"""Seconds between groups of keys."""


class Terminal:
    """One tmux session running a command, driven by keys and read as text."""

    def __init__(self, name: str) -> None:
        self.name = name

    def tmux(self, *args: str) -> str:
        result = subprocess.run(["tmux", *args], capture_output=True, text=True, check=True)
        return result.stdout

    def keys(self, *keys: str, literal: bool = False) -> None:
        self.tmux("send-keys", "-t", self.name, *(["-l"] if literal else []), *keys)
        time.sleep(PAUSE)

    def type(self, text: str) -> None:
        self.keys(text, literal=True)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.name)

    def wait_for(self, text: str, timeout: float = 15.0) -> str:
        deadline = time.monotonic() + timeout
        while True:
            shown = self.screen()
            if text in shown:
                return shown
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} did not appear within {timeout}s; the screen shows:\n{shown}")
            time.sleep(0.1)


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    name = f"advisor-e2e-{uuid.uuid4().hex[:8]}"
    # A running tmux server starts commands with its own environment: pass ours on the command line.
    data_home = shlex.quote(str(tmp_path / "xdg"))
    command = f"env XDG_DATA_HOME={data_home} TERM=xterm-256color {shlex.quote(sys.executable)} -m advisor"
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", name, "-x", str(WIDTH), "-y", str(HEIGHT), "-c", str(tmp_path), command],
        check=True,
    )
    try:
        yield Terminal(name)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True, check=False)


def test_from_first_question_to_an_exported_report(terminal: Terminal, tmp_path: Path) -> None:
    terminal.wait_for("Start a new profile")
    terminal.keys("Enter")
    terminal.wait_for("Step 1 of 12")
    terminal.type("Tmux Labs")
    terminal.keys("Enter")
    terminal.keys("Enter")  # product left empty
    terminal.wait_for("Step 2 of 12")
    terminal.keys("Down")
    terminal.keys("Down")
    terminal.keys("Enter")  # answers from documents (RAG)
    terminal.wait_for("What field does the product work in?")
    terminal.keys("Enter")  # the product's domain: general
    terminal.wait_for("Step 3 of 12")
    terminal.keys("Enter")  # commercial: yes
    terminal.type("1.5M")
    terminal.wait_for("1,500,000 US$ / year")
    terminal.keys("Enter")
    terminal.wait_for("Step 4 of 12")
    terminal.type("20,000")
    terminal.keys("Enter")
    terminal.type("2M")
    terminal.keys("Enter")
    terminal.wait_for("Step 5 of 12")
    terminal.keys("Escape")  # back: the answers are still there
    shown = terminal.wait_for("Step 4 of 12")
    assert "20,000" in shown and "2M" in shown
    terminal.keys("C-r")
    shown = terminal.wait_for("Review your answers")
    assert "Tmux Labs" in shown and "2,000,000" in shown and "1,500,000" in shown
    terminal.keys("r")
    terminal.wait_for("Shortlist")
    terminal.wait_for("Top risk")
    terminal.keys("e")
    terminal.wait_for("Export the report")
    terminal.keys("Tab")
    terminal.keys("C-a")
    terminal.keys("C-k")
    report = tmp_path / "report.md"
    terminal.type(str(report))
    terminal.keys("Enter")
    terminal.wait_for("Exported to")
    text = report.read_text()
    assert text.startswith("# ")
    assert "Tmux Labs" in text
    assert (tmp_path / "xdg" / "advisor" / "last-profile.yaml").is_file()
    terminal.keys("C-q")
