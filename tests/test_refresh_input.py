"""Bad catalogs and no network: one message naming the file or URL, exit 2, and no overlay written or changed."""

from __future__ import annotations

import ast
import datetime as dt
import json
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from urllib.error import URLError

import pytest
from click.testing import CliRunner

from advisor.cli import main

from .conftest import FIXTURES

LITELLM = FIXTURES / "catalogs" / "litellm-1.110.2-excerpt.json"
ROOT = Path(__file__).parents[1]


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("advisor.clock.utc_now", lambda: dt.datetime(2026, 12, 1, tzinfo=dt.UTC))


def _truncated(path: Path) -> None:
    path.write_bytes(LITELLM.read_bytes()[:5000])


def _not_json(path: Path) -> None:
    path.write_text("<html><body>rate limited</body></html>", encoding="utf-8")


def _wrong_shape(path: Path) -> None:
    path.write_text(json.dumps([1, 2, 3]), encoding="utf-8")


def _huge(path: Path) -> None:
    with path.open("wb") as handle:
        handle.truncate(65 * 1024 * 1024)  # sparse: costs no disk


def _control_characters(path: Path) -> None:
    data = json.loads(LITELLM.read_text(encoding="utf-8"))
    data["gpt-4o\u202egpj.exe"] = data["gpt-4o"]
    path.write_text(json.dumps(data), encoding="utf-8")


def _script_url(path: Path) -> None:
    data = json.loads(LITELLM.read_text(encoding="utf-8"))
    data["gpt-4o"]["deprecation_source"] = "javascript:alert(1)"
    path.write_text(json.dumps(data), encoding="utf-8")


def _wrong_type_inside(path: Path) -> None:
    data = json.loads(LITELLM.read_text(encoding="utf-8"))
    data["gpt-4o"]["input_cost_per_token"] = "cheap"
    path.write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (_truncated, "not valid JSON"),
        (_not_json, "not valid JSON"),
        (_wrong_shape, "not a catalog this advisor reads"),
        (_huge, "catalogs over 64 MiB are refused"),
        (_control_characters, "contains control characters"),
        (_script_url, "is not an http(s) URL"),
        (_wrong_type_inside, "gpt-4o: input_cost_per_token should be a number"),
    ],
)
def test_a_bad_catalog_is_one_message_and_no_overlay(
    tmp_path: Path, make: Callable[[Path], None], expected: str
) -> None:
    bad = tmp_path / "catalog.json"
    make(bad)
    out = tmp_path / "overlay"
    result = CliRunner().invoke(main, ["kb", "refresh", "--from", str(bad), "-o", str(out)])
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(str(bad)) and expected in line, line
    assert not out.exists() and list(tmp_path.iterdir()) == [bad], "nothing half-written is left behind"


def test_a_failed_refresh_leaves_the_previous_overlay_as_it_was(tmp_path: Path) -> None:
    out = tmp_path / "overlay"
    assert CliRunner().invoke(main, ["kb", "refresh", "--from", str(LITELLM), "-o", str(out)]).exit_code == 1
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    bad = tmp_path / "bad.json"
    _truncated(bad)
    assert CliRunner().invoke(main, ["kb", "refresh", "--from", str(bad), "-o", str(out)]).exit_code == 2
    assert {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_a_directory_refresh_did_not_write_is_never_replaced(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep", encoding="utf-8")
    result = CliRunner().invoke(main, ["kb", "refresh", "--from", str(LITELLM), "-o", str(mine)])
    assert result.exit_code == 2 and "was not written by `advisor kb refresh`" in result.stderr
    assert (mine / "notes.txt").read_text(encoding="utf-8") == "keep"


def test_offline_without_from_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def offline(*_: object, **__: object) -> None:
        raise URLError(socket.gaierror(-3, "Temporary failure in name resolution"))

    monkeypatch.setattr("advisor.catalogs.fetch.urlopen", offline)
    result = CliRunner().invoke(main, ["kb", "refresh", "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith("https://raw.githubusercontent.com/BerriAI/litellm/") and "are you offline?" in line
    assert not (tmp_path / "out").exists()


def test_no_module_but_fetch_can_open_a_connection() -> None:
    network = {"socket", "urllib.request", "http.client", "ssl", "requests", "httpx", "aiohttp"}
    users = set()
    for path in (ROOT / "advisor").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if network & set(names):
                users.add(path.relative_to(ROOT).as_posix())
    assert users == {"advisor/catalogs/fetch.py"}


def test_the_other_commands_run_with_networking_disabled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("an outbound connection was attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    profile = ROOT / "examples" / "eu-consumer-chat.yaml"
    run = CliRunner().invoke
    decision = tmp_path / "d.json"
    assert run(main, ["recommend", "--profile", str(profile), "--format", "json", "-o", str(decision)]).exit_code == 0
    assert run(main, ["recommend", "--profile", str(profile), "--format", "html"]).exit_code == 0
    assert run(main, ["revisit", str(decision)]).exit_code in (0, 1)
    for args in (["kb", "validate"], ["kb", "list"], ["kb", "show", "gpt-4o"]):
        assert run(main, args).exit_code == 0, args


def test_refresh_help_imports_no_catalog_code() -> None:
    code = (
        "import sys; from advisor.cli import main; print([m for m in sys.modules if m.startswith('advisor.catalogs')])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"
