"""The advice property test at scale: thousands of generated profiles, none with a contradictory record.

The suite runs 200 examples of `tests/test_advice.py::test_no_generated_profile_gets_a_contradictory_record`;
this runs as many as asked, on the bundled knowledge, and prints what it found and how fast:

    python benchmarks/advice_properties.py 5000
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path
from typing import Any

import msgspec
from hypothesis import HealthCheck, given, settings

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from advisor.domain.engine import recommend  # noqa: E402
from advisor.domain.knowledge.loader import load  # noqa: E402
from advisor.domain.profile.answers import Profile  # noqa: E402
from tests.test_advice import answers, contradictions  # noqa: E402

NOW = dt.datetime(2026, 11, 22, 10, 0, tzinfo=dt.UTC)


def main(count: int) -> int:
    kb = load()
    found: list[tuple[dict[str, Any], list[str]]] = []
    seen = 0

    @settings(max_examples=count, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(answers=answers)
    def check(answers: dict[str, Any]) -> None:
        nonlocal seen
        seen += 1
        if answers["budget_usd_per_month"] is None:
            del answers["budget_usd_per_month"]
        problems = contradictions(recommend(msgspec.convert(answers, Profile), kb, NOW))
        if problems:
            found.append((answers, problems))

    start = time.perf_counter()
    check()
    elapsed = time.perf_counter() - start
    print(f"{seen:,} profiles in {elapsed:.1f} s: {len(found)} with a contradictory record")
    for profile, problems in found[:10]:
        print(f"  {problems} for {profile}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000))
