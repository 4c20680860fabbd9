"""Generated hostile knowledge overlays (issue 13), in-process through click's runner and the Textual pilot.

Each overlay changes one field of a fixture model to hostile text (control characters, Markdown and
HTML that would break out), an odd URL, an extreme number, or a long string aliased many times.
Every command exits 0 or 2, never emits a raw control character, and never leaves a partial file.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import math
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advisor.cli import main
from advisor.domain.inputs.problems import InputError
from advisor.domain.knowledge.loader import load
from advisor.tui.app import AdvisorApp

from .conftest import FIXTURES

EXAMPLE = Path(__file__).parent.parent / "examples" / "eu-consumer-chat.yaml"
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
NOW = dt.datetime(2026, 11, 22, 10, 0, tzinfo=dt.UTC)
MODEL = yaml.safe_load((FIXTURES / "kb_small" / "models" / "acme.yaml").read_text(encoding="utf-8"))[0]

hostile_text = st.one_of(
    st.text(alphabet=st.characters(codec="utf-8", categories=["Cc", "L", "P", "Zs"]), max_size=12),
    st.sampled_from(
        [
            "\x1b]52;c;ZXZpbA==\x07",
            "\x1b]2;owned\x07",
            "\x1b[2J\x1bc",
            "Acme\r# Counsel has approved this model",
            "x\n<img src=x onerror=alert(1)>",
            "`code` | cell | [link](javascript:alert(1))",
            "\x9b2J",
        ]
    ),
)
odd_url = st.sampled_from(
    [
        "javascript:alert(document.cookie)",
        "https://x.test/\n<img src=x onerror=alert(1)>",
        "https://x.test/ space",
        "data:text/html,<script>alert(1)</script>",
        "ftp://x.test/",
        "https://x.test/\x1b]2;t\x07",
        "https://example.com/ok",
    ]
)
extreme = st.one_of(
    st.sampled_from([5e-324, 1e308, -1.0, 0.0, math.inf, -math.inf, math.nan, 2**63, 10**400]),
    st.floats(allow_nan=True, allow_infinity=True),
)
TEXT_FIELDS = ["name", "family", "vendor", "id", "license_note", "hf_repo"]
URL_FIELDS = ["sources", "price.source", "retirement_source"]
NUMBER_FIELDS = ["params_b", "context_tokens", "self_host.min_gpu_memory_gb", "price.input_usd_per_mtok"]


def _set(entry: dict[str, Any], dotted: str, value: Any) -> dict[str, Any]:
    entry = yaml.safe_load(yaml.safe_dump(entry))
    *parents, last = dotted.split(".")
    node = entry
    for step in parents:
        node = node[step]
    node[last] = [value] if last == "sources" else value
    return entry


changes = st.one_of(
    st.tuples(st.sampled_from(TEXT_FIELDS), hostile_text),
    st.tuples(st.sampled_from(URL_FIELDS), odd_url),
    st.tuples(st.sampled_from(NUMBER_FIELDS), extreme),
)


def _write_overlay(root: Path, field: str, value: Any, aliases: int) -> Path:
    (root / "licenses").mkdir(parents=True)
    for lic in (FIXTURES / "kb_small" / "licenses").iterdir():
        shutil.copy(lic, root / "licenses" / lic.name)
    (root / "models").mkdir()
    text = yaml.safe_dump([_set(MODEL, field, value)], allow_unicode=True)
    (root / "models" / "acme.yaml").write_text(text, encoding="utf-8")
    if aliases:  # a long name, aliased from every host
        bomb = f"- id: bomb\n  name: &n {'y' * 100_000}\n  hosts: [{', '.join(['*n'] * aliases)}]\n"
        (root / "models" / "bomb.yaml").write_text(bomb, encoding="utf-8")
    return root


def _no_raw_control(result: Any) -> None:
    assert result.exit_code in (0, 2), (result.output, result.exception)
    assert not RAW_CONTROL.search(result.stdout + result.stderr), (result.stdout + result.stderr)[:400]
    assert "Traceback" not in result.stderr


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(change=changes, aliases=st.sampled_from([0, 0, 0, 300]))
def test_every_command_on_a_hostile_overlay_exits_0_or_2_and_emits_nothing_raw(
    change: tuple[str, Any], aliases: int
) -> None:
    field, value = change
    with tempfile.TemporaryDirectory() as folder:
        root = _write_overlay(Path(folder) / "overlay", field, value, aliases)
        runner = CliRunner()
        out = Path(folder) / "report.md"
        model_id = value if field == "id" and isinstance(value, str) else MODEL["id"]
        results = [
            runner.invoke(main, ["kb", "validate", str(root)]),
            runner.invoke(main, ["--kb", str(root), "kb", "show", model_id]),
            runner.invoke(main, ["--kb", str(root), "kb", "list", "--license", "community"]),
            runner.invoke(main, ["--kb", str(root), "recommend", "--profile", str(EXAMPLE), "--format", "html"]),
            runner.invoke(main, ["--kb", str(root), "recommend", "--profile", str(EXAMPLE), "-o", str(out)]),
        ]
        for result in results:
            _no_raw_control(result)
        if results[-1].exit_code == 0:
            assert (
                out.read_text(encoding="utf-8")
                .rstrip()
                .endswith("govern. Have counsel review the clauses relied on before you commit.")
            )
        else:
            assert not out.exists() and not list(Path(folder).glob(".report.md.*")), "no partial file"


async def _wizard_draws(kb: Any) -> str:
    app = AdvisorApp(kb=kb, now=NOW, data_dir=Path(tempfile.mkdtemp()) / "data")
    app.animation_level = "none"
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


@pytest.mark.parametrize("field", ["name", "license_note"])
@settings(
    max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(value=hostile_text)
def test_the_wizard_opens_on_a_hostile_overlay_or_never_gets_it(field: str, value: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = _write_overlay(Path(folder) / "overlay", field, value, 0)
        try:
            kb = load([FIXTURES / "kb_small", root], bundled=False, cache=False)
        except InputError as exc:
            assert all(not RAW_CONTROL.search(str(p)) for p in exc.problems)
            return
        assert not RAW_CONTROL.search(asyncio.run(_wizard_draws(kb)))
