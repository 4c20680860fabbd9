"""The wizard against hostile files and a second wizard (issue 13): failures are said in the dialog, nothing hangs,
and no autosaved profile is overwritten behind the founder's back."""

from __future__ import annotations

import asyncio
import json
import os
import re
import time
from collections.abc import Callable
from pathlib import Path

from textual.widgets import Input, Static

from advisor.domain.engine import recommend
from advisor.domain.profile.answers import load_profile, parse_profile, save_profile
from advisor.tui.app import SESSION_NAME, AdvisorApp
from advisor.tui.screens.export import ExportScreen
from advisor.tui.screens.open_file import FilePrompt
from advisor.tui.screens.questions import QuestionsScreen
from advisor.tui.screens.welcome import WelcomeScreen

from .conftest import NOW
from .test_flow import EU_STARTUP, autosaved, on_screen, settle, text, type_answer

MakeApp = Callable[..., AdvisorApp]
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


async def open_in_dialog(app: AdvisorApp, pilot: object, key: str, path: str) -> str:
    await pilot.press(key)  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, FilePrompt)
    app.screen.query_one("#path", Input).value = path
    await pilot.press("enter")  # type: ignore[attr-defined]
    await settle(pilot)  # type: ignore[arg-type]
    assert isinstance(app.screen, FilePrompt), "the dialog stays open, saying why"
    return text(app.screen.query_one("#open-status", Static))


# 7. The wizard crashes with a traceback: ~nosuchuser, an unaskable export folder, a deeply nested record.


async def test_7_a_path_of_an_unknown_user_is_said_inline(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        assert "~nosuchuser/p.yaml: no such file" in await open_in_dialog(app, pilot, "o", "~nosuchuser/p.yaml")


async def test_7_a_record_nested_a_thousand_deep_is_said_inline(make_app: MakeApp, tmp_path: Path) -> None:
    (tmp_path / "deep.json").write_text('{"schema": 2, "x": ' + "[" * 1000 + "]" * 1000 + "}", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        assert "deep.json: not a decision record" in await open_in_dialog(app, pilot, "v", "deep.json")


async def test_7_an_export_folder_that_cannot_be_asked_is_said_inline(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app()
    decision = recommend(parse_profile(EU_STARTUP), app.kb, NOW)
    async with app.run_test(size=(100, 32)) as pilot:
        app.push_screen(ExportScreen(tmp_path, "2026-11-22", lambda request: app.export_report(decision, request)))
        await pilot.pause()
        app.screen.query_one("#path", Input).value = str(tmp_path / ("x" * 300) / "report.md")  # too long to ask about
        await pilot.click("#export")
        await settle(pilot)
        assert isinstance(app.screen, ExportScreen)
        assert "cannot" in text(app.screen.query_one("#export-status", Static))


async def test_1_a_profile_with_control_characters_is_refused_and_nothing_raw_is_drawn(
    make_app: MakeApp, tmp_path: Path
) -> None:
    (tmp_path / "evil.yaml").write_text('use_case: chat\ncompany: "Acme\\e]2;owned\\a"\n', encoding="utf-8")
    (tmp_path / "evil\x1b[2J.yaml").write_text("use_case: chat\n", encoding="utf-8")  # offered in the list
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        status = await open_in_dialog(app, pilot, "o", "evil.yaml")
        assert "evil.yaml:2: company: control character U+001B is not allowed" in status
        assert not RAW_CONTROL.search(on_screen(app))


# 9. Resume hangs when last-session.json is a FIFO or a link to /dev/zero.


async def test_9_resume_reads_no_pipe_or_device_as_the_session(make_app: MakeApp, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    save_profile(parse_profile(EU_STARTUP), data / "last-profile.yaml")
    for special in ("fifo", "/dev/zero"):
        (data / SESSION_NAME).unlink(missing_ok=True)
        if special == "fifo":
            os.mkfifo(data / SESSION_NAME)
        else:
            (data / SESSION_NAME).symlink_to(special)
        app = make_app()
        async with app.run_test(size=(80, 24)) as pilot:
            await asyncio.wait_for(pilot.press("r"), timeout=10)  # hung before
            await pilot.pause()
            assert isinstance(app.screen, QuestionsScreen) and app.screen.step == 0
            assert app.answers["company"] == "Plauder GmbH"


# 11. Autosave: temp files left forever, two wizards overwrite each other, a new profile overwrites the only one.


async def test_11_temp_files_of_an_interrupted_autosave_are_removed_on_the_next_start(
    make_app: MakeApp, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    stale, fresh = data / ".last-profile.yaml.k1ll3d.tmp", data / ".last-profile.yaml.wr1t1ng.tmp"
    stale.write_text("use_case: ch", encoding="utf-8")
    fresh.write_text("use_case: ch", encoding="utf-8")
    os.utime(stale, (time.time() - 3600, time.time() - 3600))
    async with make_app().run_test(size=(80, 24)):
        assert not stale.exists()
        assert fresh.exists(), "a write still under way (another wizard's) is left alone"


async def test_11_a_new_profile_keeps_the_autosaved_one_and_both_are_offered(make_app: MakeApp, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    save_profile(parse_profile(EU_STARTUP), data / "last-profile.yaml")
    finished = (data / "last-profile.yaml").read_bytes()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await type_answer(pilot, "Second Co")
        await autosaved(pilot)
        assert (data / "last-profile.yaml").read_bytes() == finished
        assert load_profile(app.autosave_path).company == "Second Co"
        app.go_home()
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        shown = on_screen(app)
        assert "Resume Second Co" in shown and "Resume Plauder GmbH" in shown


async def test_11_a_second_wizard_on_the_same_profile_is_not_overwritten(make_app: MakeApp, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    save_profile(parse_profile(EU_STARTUP), data / "last-profile.yaml")
    (data / SESSION_NAME).write_text(json.dumps({"step": 0, "reviewed": False}), encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        other = parse_profile(EU_STARTUP | {"company": "Other Wizard Ltd"})
        save_profile(other, data / "last-profile.yaml")  # meanwhile, another wizard saves the same profile
        await type_answer(pilot, "Mine Inc")
        await autosaved(pilot)
        assert load_profile(data / "last-profile.yaml").company == "Other Wizard Ltd"
        assert app.autosave_path != data / "last-profile.yaml"
        assert load_profile(app.autosave_path).company == "Mine Inc"
        assert any("Another wizard changed last-profile.yaml" in n.message for n in app._notifications)
