"""How fast the wizard answers: first paint, and an answer to the next question on screen.

Targets are 500 ms and 50 ms on the 2-core machines the advisor is built on; the assertions allow several
times that, so a loaded CI runner does not fail them, while a real regression (loading or computing on
mount, re-mounting every step) still does. `pytest tests/tui/test_speed.py -s` prints the measurements.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import Callable

from advisor.domain.questions import STEPS
from advisor.tui.app import AdvisorApp
from advisor.tui.screens.questions import QuestionsScreen
from advisor.tui.screens.welcome import WelcomeScreen

MakeApp = Callable[..., AdvisorApp]


async def test_first_screen_is_ready_quickly(make_app: MakeApp) -> None:
    app = make_app()
    started = time.perf_counter()
    async with app.run_test(size=(80, 24)):
        ready = time.perf_counter() - started
        assert isinstance(app.screen, WelcomeScreen)
    print(f"\nrun_test entry -> welcome ready: {ready * 1000:.0f} ms")
    assert ready < 1.5


async def test_an_answer_brings_the_next_question_quickly(make_app: MakeApp) -> None:
    app = make_app()
    timings = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        for _ in range(len(STEPS) - 1):
            screen = app.screen
            assert isinstance(screen, QuestionsScreen)
            screen.fields()[-1].control.focus()
            await pilot.pause()
            painted: asyncio.Future[float] = asyncio.get_running_loop().create_future()
            step = screen.step
            original = screen.show_step

            async def show_step(
                index: int, *, focus: str | None = None, screen=screen, original=original, painted=painted
            ) -> None:
                await original(index, focus=focus)
                screen.call_after_refresh(lambda: painted.done() or painted.set_result(time.perf_counter()))

            screen.show_step = show_step  # type: ignore[method-assign,assignment]
            started = time.perf_counter()
            await pilot.press("enter")
            timings.append(await painted - started)
            screen.show_step = original  # type: ignore[method-assign]
            assert screen.step == step + 1
    median = statistics.median(timings)
    print(f"\nanswer -> next question painted: median {median * 1000:.0f} ms, worst {max(timings) * 1000:.0f} ms")
    assert median < 0.2
