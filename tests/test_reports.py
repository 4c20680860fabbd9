"""Reports: golden files for the three formats (fixed clock, fixture knowledge), escaping, self-containment.

Regenerate the golden files after an intended change with `UPDATE_GOLDEN=1 pytest tests/test_reports.py`
and review the diff.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
from pathlib import Path
from typing import BinaryIO

import msgspec
import pytest

from advisor.domain.decision_io import COMPACT_ABOVE_MODELS, SLICE, read_decision, write_decision_json
from advisor.domain.engine import recommend
from advisor.domain.inputs.atomic import write_atomically
from advisor.domain.knowledge.loader import load
from advisor.domain.profile.answers import load_profile
from advisor.domain.report import TEXT_FORMATS, TextFormat, render

from .conftest import FIXTURES

GOLDEN = Path(__file__).parent / "golden"
NOW = dt.datetime(2026, 11, 22, 10, 0, tzinfo=dt.UTC)


def small_report(fmt: TextFormat) -> str:
    kb = load([FIXTURES / "kb_small"], bundled=False)
    profile = load_profile(FIXTURES / "profiles" / "small-eu.yaml")
    text = render(recommend(profile, kb, NOW), fmt)
    # The knowledge layer's path depends on where the checkout is (Markdown escapes its underscore).
    where, shown = str(FIXTURES / "kb_small"), "tests/fixtures/kb_small"
    return text.replace(where, shown).replace(where.replace("_", "\\_"), shown.replace("_", "\\_"))


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_report_matches_golden_file(fmt: TextFormat) -> None:
    path = GOLDEN / f"small-eu.{fmt}"
    text = small_report(fmt)
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def test_json_record_has_the_contract_shape() -> None:
    record = json.loads(small_report("json"))
    assert {
        "schema",
        "generated_at",
        "advisor_version",
        "profile",
        "knowledge",
        "strategy",
        "rationale",
        "shortlist",
        "considered",
        "excluded",
        "risks",
        "watch",
    } <= set(record)
    assert record["generated_at"] == "2026-11-22T10:00:00Z"
    assert set(record["knowledge"]) >= {"fingerprint", "models", "licenses", "verified_through"}
    assert record["strategy"] in ("open", "closed", "hybrid")
    for entry in record["shortlist"]:
        assert {"model", "license", "weights", "score", "monthly_cost_usd", "obligations", "risks"} <= set(entry)
        for risk in entry["risks"]:
            assert {"id", "severity", "title", "detail", "license", "clause", "source", "mitigation"} <= set(risk)
    for entry in record["excluded"]:
        assert {"model", "license", "reasons"} <= set(entry)


def test_html_is_self_contained_and_escapes_profile_text() -> None:
    html = small_report("html")
    assert "<script" not in html and "src=" not in html and "@import" not in html
    assert "Fixture &lt;Co&gt; &amp; &quot;Sons&quot;" in html
    assert "<Co>" not in html
    assert "@media print" in html


def test_markdown_escapes_table_breaking_characters() -> None:
    md = small_report("md")
    assert "vision \\[chat\\] \\| helper" in md
    shortlist = md.split("## Shortlist")[1].split("###")[0]
    rows = [line for line in shortlist.splitlines() if line.startswith("| ")]
    columns = {len(re.split(r"(?<!\\)\|", row)) for row in rows}
    assert len(columns) == 1, "an unescaped | in a cell would add a column"


def test_report_names_the_clauses_it_relies_on() -> None:
    md = small_report("md")
    assert "eu-multimodal" in md and "https://example.com/licenses/community-aup" in md
    assert "not legal advice" in md
    assert "What would change the answer" in md


@pytest.mark.parametrize("copies", [COMPACT_ABOVE_MODELS + 1, 3 * SLICE, 3 * SLICE + 1])
def test_a_large_record_is_streamed_as_the_exact_bytes_of_one_compact_encoding(copies: int) -> None:
    kb = load([FIXTURES / "kb_small"], bundled=False)
    decision = recommend(load_profile(FIXTURES / "profiles" / "small-eu.yaml"), kb, NOW)
    large = msgspec.structs.replace(decision, considered=(decision.considered * copies)[:copies], excluded=[])
    out = io.BytesIO()
    write_decision_json(large, out)
    assert out.getvalue() == msgspec.json.encode(large) + b"\n"
    assert read_decision(out.getvalue(), "large.json") == large
    both = msgspec.structs.replace(large, excluded=(decision.excluded * copies)[:copies])
    out = io.BytesIO()
    write_decision_json(both, out)
    assert out.getvalue() == msgspec.json.encode(both) + b"\n"


def test_a_failing_writer_leaves_no_file_and_no_temporary_behind(tmp_path: Path) -> None:
    target = tmp_path / "decision.json"

    def half_then_fail(out: BinaryIO) -> None:
        out.write(b'{"schema": 1,')
        raise RuntimeError("encoder failed")

    with pytest.raises(RuntimeError):
        write_atomically(target, half_then_fail)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("oldest", "newest", "shown"),
    [("2026-10-01", "2026-11-22", "2026-10-01 to 2026-11-22"), ("2026-11-01", "2026-11-01", "2026-11-01")],
)
def test_the_header_gives_the_span_of_verification_dates(oldest: str, newest: str, shown: str) -> None:
    kb = load([FIXTURES / "kb_small"], bundled=False)
    decision = recommend(load_profile(FIXTURES / "profiles" / "small-eu.yaml"), kb, NOW)
    knowledge = msgspec.structs.replace(decision.knowledge, oldest_verification=oldest, verified_through=newest)
    text = render(msgspec.structs.replace(decision, knowledge=knowledge), "md")
    assert f"facts verified {shown})." in text
