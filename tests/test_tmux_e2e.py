"""End to end in a real terminal: the real `advisor` in tmux, from the first question to an exported report, and
from the results to a model outside the shortlist, compared with the first choice.

Keys go in small groups with short pauses; the screen is read with `tmux capture-pane`. The keys after
an Enter on a question are typed without waiting for the next question (the wizard holds them until the
answer is confirmed: see advisor/tui/typeahead.py); after Tab in a dialog the test waits for the caret to
stand in the field, as a founder looks before typing. Skipped where tmux is not installed.
"""

from __future__ import annotations

import json
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

WIDTH, HEIGHT = 100, 32
PAUSE = 0.15
"""Seconds between groups of keys."""


class Terminal:
    """One tmux session running a command, driven by keys and read as text, on a tmux server of its own."""

    def __init__(self, name: str) -> None:
        self.name = name

    def tmux(self, *args: str) -> str:
        result = subprocess.run(["tmux", "-L", self.name, *args], capture_output=True, text=True, check=True)
        return result.stdout

    def keys(self, *keys: str, literal: bool = False) -> None:
        self.tmux("send-keys", "-t", self.name, *(["-l"] if literal else []), *keys)
        time.sleep(PAUSE)

    def type(self, text: str) -> None:
        self.keys(text, literal=True)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.name)

    def caret_row(self) -> int:
        """The row the terminal's cursor is on: the app puts it in the focused text field."""
        return int(self.tmux("display-message", "-p", "-t", self.name, "#{cursor_y}"))

    def until(self, holds: Callable[[str], bool], what: str, timeout: float = 15.0) -> str:
        """Poll the screen until `holds(screen)`; the screen then shown, or an error saying `what` did not happen."""
        deadline = time.monotonic() + timeout
        while True:
            shown = self.screen()
            if holds(shown):
                return shown
            if time.monotonic() > deadline:
                raise AssertionError(f"{what} within {timeout}s; the screen shows:\n{shown}")
            time.sleep(0.05)

    def wait_for(self, text: str, timeout: float = 15.0) -> str:
        return self.until(lambda shown: text in shown, f"{text!r} did not appear", timeout)

    def wait_for_caret(self, label: str, timeout: float = 15.0) -> None:
        """Wait until the caret stands in the text field under the line showing `label` (label, border, text)."""

        def in_field(shown: str) -> bool:
            labelled = [i for i, row in enumerate(shown.splitlines()) if label in row]
            return bool(labelled) and self.caret_row() == labelled[0] + 2

        self.until(in_field, f"the caret did not reach the field under {label!r}", timeout)


@pytest.fixture
def start(tmp_path: Path) -> Iterator[Callable[..., Terminal]]:
    """Starts `advisor ARGS` in a tmux session of its own (killed after the test), in `tmp_path`."""
    names: list[str] = []

    def run(*args: str) -> Terminal:
        name = f"advisor-e2e-{uuid.uuid4().hex[:8]}"
        names.append(name)
        # A server of its own (`-L`), started here with this environment: a tmux server the user already runs
        # would start the command with its own environment, and so perhaps another checkout's advisor.
        data_home = shlex.quote(str(tmp_path / "xdg"))
        advisor = shlex.join([sys.executable, "-m", "advisor", *args])
        command = f"env XDG_DATA_HOME={data_home} TERM=xterm-256color {advisor}"
        terminal = Terminal(name)
        terminal.tmux(
            "new-session", "-d", "-s", name, "-x", str(WIDTH), "-y", str(HEIGHT), "-c", str(tmp_path), command
        )
        return terminal

    yield run
    for name in names:
        subprocess.run(["tmux", "-L", name, "kill-server"], capture_output=True, check=False)


@pytest.fixture
def terminal(start: Callable[..., Terminal]) -> Terminal:
    return start()


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
    terminal.wait_for_caret("Write to")
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


EXAMPLE = Path(__file__).parent.parent / "examples" / "eu-consumer-chat.yaml"


def example_record() -> dict[str, Any]:
    """The decision record `recommend` writes for the example profile the browser tests open."""
    made = subprocess.run(
        [sys.executable, "-m", "advisor", "recommend", "--profile", str(EXAMPLE), "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    record: dict[str, Any] = json.loads(made.stdout)
    return record


def open_browser(start: Callable[..., Terminal]) -> Terminal:
    """The wizard on the example profile, through its review and results, `b` pressed."""
    terminal = start("wizard", "--profile", str(EXAMPLE))
    terminal.wait_for("Review your answers")
    terminal.keys("r")
    terminal.wait_for("Top risk")
    terminal.keys("b")
    return terminal


def test_browse_to_a_model_outside_the_shortlist_and_compare_it_with_the_first(start: Callable[..., Terminal]) -> None:
    record = example_record()
    first = record["shortlist"][0]
    outside = record["considered"][len(record["shortlist"])]  # the best model the shortlist leaves out
    total = len(record["considered"]) + len(record["excluded"])
    terminal = open_browser(start)
    terminal.wait_for(f"{total} of {total} models")
    terminal.wait_for("Mark to compare")  # the table has the focus: keys reach the browser
    terminal.type("/")  # search, and type at once: the letters reach the search even while the app is busy
    terminal.type(outside["name"])
    matching = sum(
        outside["name"].lower() in entry["name"].lower() for entry in record["considered"] + record["excluded"]
    )
    shown = terminal.wait_for(f"{matching} of {total} models")  # the search narrowed the list
    row = next(line for line in shown.splitlines() if f" {outside['name']} " in line and "/month" in line)
    assert f"#{len(record['shortlist']) + 1}, $" in row  # the first model past the shortlist
    terminal.keys("Enter")  # from the search to what it found
    terminal.wait_for("Mark to compare")
    terminal.keys("Enter")
    terminal.wait_for(f"{outside['name']}  {outside['model']}")  # its detail
    terminal.keys("Escape")
    terminal.wait_for(" models · space marks")
    terminal.keys("Space")
    terminal.wait_for("marked to compare: 1")
    terminal.keys("c")
    shown = terminal.wait_for("Side by side: ")
    assert f"Side by side: {first['name']} · {outside['name']}" in shown
    terminal.keys("C-q")


def test_the_browser_filters_by_a_chip_picked_with_the_keys(start: Callable[..., Terminal]) -> None:
    record = example_record()
    everyone = record["considered"] + record["excluded"]
    meta = sum(entry["vendor"] == "meta" for entry in everyone)
    assert 0 < meta < len(everyone)
    terminal = open_browser(start)
    terminal.wait_for("Mark to compare")  # the table has the focus
    terminal.keys("Tab", "Tab")  # round to the search, then to the chips
    terminal.wait_for("← → pick a filter")
    terminal.keys("Right", "Enter")  # the vendor chip opens its menu
    terminal.wait_for("Black Forest Labs")  # an image-model vendor: listed last in the browser, first seen in the menu
    terminal.type("m")  # the first vendor starting with M
    terminal.keys("Enter")
    shown = terminal.wait_for(f"{meta} of {len(everyone)} models")
    assert "Vendor: Meta ▾" in shown
    terminal.keys("C-q")
