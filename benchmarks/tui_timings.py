"""The wizard's two speed measurements, on the bundled knowledge, printed as seconds (used by run.py).

python benchmarks/tui_timings.py first-paint   # App.run_test entry -> welcome screen ready
python benchmarks/tui_timings.py answer-step   # median: an answer -> the next question painted
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

from advisor.domain.knowledge.loader import load
from advisor.domain.profile.questions import STEPS
from advisor.tui.app import AdvisorApp
from advisor.tui.screens.questions import QuestionsScreen
from advisor.tui.screens.welcome import WelcomeScreen


def make_app() -> AdvisorApp:
    folder = Path(tempfile.mkdtemp(prefix="advisor-bench-"))
    app = AdvisorApp(kb=load(), data_dir=folder / "data", cwd=folder)
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


if __name__ == "__main__":
    which = {"first-paint": first_paint, "answer-step": answer_step}[sys.argv[1]]
    print(asyncio.run(which()))
