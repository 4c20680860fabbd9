"""The wizard's two speed measurements, on the bundled knowledge, printed as seconds (used by run.py).

python benchmarks/tui_timings.py first-paint   # App.run_test entry -> welcome screen ready
python benchmarks/tui_timings.py answer-step   # median: an answer -> the next question painted
python benchmarks/tui_timings.py browser-open  # results on screen, `b` -> the first frame listing the models
python benchmarks/tui_timings.py compare-open  # results on screen, `c` -> the first frame with the side-by-side rows
python benchmarks/tui_timings.py sensitivity   # a decision shown -> the first frame with the answers that flip it (worker)
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Coroutine
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's advisor, not an installed one

from textual.screen import Screen

from advisor.cli.process import freeze_loaded
from advisor.domain.knowledge.loader import load
from advisor.domain.profile.answers import Profile, load_profile
from advisor.domain.profile.questions import STEPS
from advisor.tui.app import AdvisorApp
from advisor.tui.screens.browser import BrowserScreen
from advisor.tui.screens.compare import CompareScreen
from advisor.tui.screens.questions import QuestionsScreen
from advisor.tui.screens.results import ResultsScreen
from advisor.tui.screens.welcome import WelcomeScreen
from advisor.tui.widgets.model_browser import BrowseTable
from advisor.tui.widgets.sensitivity_view import SensitivityView
from advisor.tui.widgets.side_by_side_view import SideBySideView

EXAMPLE = Path(__file__).parent.parent / "examples" / "eu-consumer-chat.yaml"


def make_app(profile: Profile | None = None) -> AdvisorApp:
    """The wizard on the bundled knowledge, in the process state `advisor` opens it in (`freeze_loaded`)."""
    folder = Path(tempfile.mkdtemp(prefix="advisor-bench-"))
    kb = load()
    freeze_loaded()
    app = AdvisorApp(kb=kb, profile=profile, data_dir=folder / "data", cwd=folder)
    app.animation_level = "none"
    return app


async def first_paint() -> float:
    app = make_app()
    started = time.perf_counter()
    async with app.run_test(size=(80, 24)):
        ready = time.perf_counter() - started
        assert isinstance(app.screen, WelcomeScreen)
    return ready


async def answer_step() -> float:
    """Median over every step: Enter on the last field of a step until the next step has been painted."""
    app = make_app()
    timings = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        for _ in range(len(STEPS) - 1):
            screen = app.screen
            assert isinstance(screen, QuestionsScreen)
            screen.fields()[-1].control.focus()
            await pilot.pause()
            painted: asyncio.Future[float] = asyncio.get_running_loop().create_future()
            original = screen.show_step

            async def show_step(
                index: int, *, focus: str | None = None, screen=screen, original=original, painted=painted
            ) -> None:  # type: ignore[no-untyped-def]
                await original(index, focus=focus)
                screen.call_after_refresh(lambda: painted.done() or painted.set_result(time.perf_counter()))

            screen.show_step = show_step  # type: ignore[method-assign]
            started = time.perf_counter()
            await pilot.press("enter")
            timings.append(await painted - started)
            screen.show_step = original  # type: ignore[method-assign]
    return statistics.median(timings)


async def on_results(key: str, ready: Callable[[AdvisorApp], bool]) -> float:
    """Seconds from `key` pressed on the results of the first example profile until the first frame written to
    the terminal while `ready(app)` holds: what the founder sees, and when.

    The key travels as a user's does (`pilot.press`), but the clock stops at that frame, not when `pilot.press`
    returns: it then also waits for the process to go idle (two waits of at least 20 ms each; a key bound to
    nothing takes 70-80 ms here that way). Frames are caught at `App._display`, where Textual 8 hands each
    frame to the driver (a private method: re-check it when Textual is upgraded).
    """
    app = make_app(load_profile(EXAMPLE))
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_results()
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown: list[float] = []
        display = app._display

        def frame(screen: Screen[object], update: object) -> None:
            display(screen, update)  # type: ignore[arg-type]
            if not shown and ready(app):
                shown.append(time.perf_counter())

        app._display = frame  # type: ignore[method-assign]
        started = time.perf_counter()
        pressed = None
        if key == "sensitivity":
            screen = app.screen
            assert isinstance(screen, ResultsScreen) and screen.decision is not None
            screen.query_one(SensitivityView).show(screen.decision, app.kb)
        else:
            pressed = asyncio.ensure_future(pilot.press(key))
        while not shown:
            # A plain sleep, not `pilot.pause`, which makes the screen refresh on each call: polling with it
            # every millisecond kept the event loop busy and slowed a worker thread (the GIL) by 2-3x.
            await asyncio.sleep(0.002)
        if pressed is not None:
            await pressed
        return shown[0] - started


def browser_open() -> Coroutine[None, None, float]:
    return on_results(
        "b",
        # The rows there, and the table placed on the screen (the screen composes it after becoming the app's screen).
        lambda app: (
            isinstance(app.screen, BrowserScreen)
            and any(table.row_count and table.region.height > 0 for table in app.screen.query(BrowseTable))
        ),
    )


def compare_open() -> Coroutine[None, None, float]:
    return on_results(
        "c",
        # The rows laid out, and the view placed on the screen (the layout that places it paints it).
        lambda app: (
            isinstance(app.screen, CompareScreen)
            and any(view.rows() and view.region.height > 0 for view in app.screen.query(SideBySideView))
        ),
    )


def sensitivity() -> Coroutine[None, None, float]:
    return on_results("sensitivity", lambda app: app.screen.query_one("#sensitivity-progress").has_class("-done"))


if __name__ == "__main__":
    which = {
        "first-paint": first_paint,
        "answer-step": answer_step,
        "browser-open": browser_open,
        "compare-open": compare_open,
        "sensitivity": sensitivity,
    }[sys.argv[1]]
    print(asyncio.run(which()))
