"""What would change it: the single answers that flip the first choice, found by re-running the engine."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import msgspec
from click.testing import CliRunner

from advisor.cli import main
from advisor.domain.engine import recommend
from advisor.domain.knowledge.base import KnowledgeBase
from advisor.domain.profile.answers import load_profile
from advisor.domain.sensitivity import sensitivity, variants

NOW = dt.datetime(2026, 11, 22, 10, 0, tzinfo=dt.UTC)
EXAMPLE = Path(__file__).parent.parent / "examples" / "eu-consumer-chat.yaml"


def test_each_flip_is_an_answer_that_really_gives_another_first_choice(kb: KnowledgeBase) -> None:
    profile = load_profile(EXAMPLE)
    base = recommend(profile, kb, NOW)
    flips = sensitivity(profile, base, kb, NOW).sensitivity
    assert flips, "a SaaS chat app's first choice changes when it must run on users' devices"
    assert ("deployment", "on_device") in [(f.question, f.answer) for f in flips]
    for flip in flips:
        changed = recommend(msgspec.structs.replace(profile, **{flip.question: flip.answer}), kb, NOW)
        first = changed.shortlist[0].model if changed.shortlist else None
        assert first != base.shortlist[0].model
        assert flip.first_choice == first


def test_every_other_choice_a_tenth_and_ten_times_and_the_watch_thresholds_are_tried(kb: KnowledgeBase) -> None:
    profile = load_profile(EXAMPLE)
    base = recommend(profile, kb, NOW)
    tried = {(v.question.id, v.value) for v in variants(profile, base)}
    assert {("deployment", d) for d in ("on_prem", "on_device", "internal")} <= tried
    assert ("deployment", profile.deployment) not in tried
    assert ("monthly_tokens", profile.monthly_tokens // 10) in tried
    assert ("monthly_tokens", profile.monthly_tokens * 10) in tried
    limits = [w.trigger for w in base.watch if w.trigger.startswith("monthly_tokens >")]
    assert limits, "the example's shortlist has a break-even volume on its watch list"
    for limit in limits:
        assert ("monthly_tokens", int(limit.split(">")[1]) + 1) in tried


def test_plain_recommend_does_not_compute_it_and_says_how_to(tmp_path: Path) -> None:
    out = tmp_path / "d.json"
    result = CliRunner().invoke(main, ["recommend", "--profile", str(EXAMPLE), "--format", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text())["sensitivity"] is None
    md = CliRunner().invoke(main, ["recommend", "--profile", str(EXAMPLE)]).output
    assert "advisor recommend --sensitivity" in md


def test_recommend_with_sensitivity_lists_the_flipping_answers_before_the_license_thresholds() -> None:
    result = CliRunner().invoke(main, ["recommend", "--profile", str(EXAMPLE), "--sensitivity"])
    assert result.exit_code == 0, result.output
    section = result.output.split("## What would change the answer", 1)[1].split("\n## ", 1)[0]
    answers, thresholds = section.split("### License thresholds and dates")
    assert "### Answers that would change the first choice" in answers
    assert "**Deployment:** Users' devices" in answers
    assert "Volume passes" in thresholds
