"""Where the time of one `advisor recommend --format json` goes, phase by phase (and, on request, by function).

    python benchmarks/phases.py                      # 100,000 models, median of 3 fresh processes
    python benchmarks/phases.py --size 10000 --runs 5
    python benchmarks/phases.py --cprofile 25        # also the 25 functions with the most own time (cProfile)

Each run is a fresh interpreter doing what the command does, step by step, with the clock read
between steps: imports, knowledge loading (from the cache, warmed first), the engine, writing the
record to /dev/null. "start and exit" is the rest of the wall time the parent sees: interpreter
start-up and shutdown. The synthetic set is the one `benchmarks/run.py` generates.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from run import CHILD_ENV, DATA, PROFILE  # noqa: E402
from synthetic import generate  # noqa: E402

STEPS = """
import json, sys, time
started = time.perf_counter()
from pathlib import Path
from advisor.cli import process
from advisor.clock import utc_now
from advisor.domain.engine import recommend
from advisor.domain.knowledge.loader import load
from advisor.domain.profile.answers import load_profile
from advisor.domain.report import write_report
imported = time.perf_counter()
process.own()
process.settle()  # where the command settles: before loading the knowledge
kb = load([Path({kb!r})])
loaded = time.perf_counter()
decision = recommend(load_profile(Path({profile!r})), kb, utc_now())
decided = time.perf_counter()
with open("/dev/null", "wb") as out:
    write_report(decision, "json", out)
written = time.perf_counter()
sys.stderr.write(json.dumps({{"imports": imported - started, "knowledge loading": loaded - imported,
    "engine": decided - loaded, "writing the record": written - decided}}) + "\\n")
process.keep(kb, decision)
process.leave(0)
"""

PROFILED = """
import cProfile, pstats
from pathlib import Path
from advisor.cli import process
from advisor.clock import utc_now
from advisor.domain.engine import recommend
from advisor.domain.knowledge.loader import load
from advisor.domain.profile.answers import load_profile
process.own()
process.settle()
kb = load([Path({kb!r})])
profile = load_profile(Path({profile!r}))
profiler = cProfile.Profile()
profiler.enable()
recommend(profile, kb, utc_now())
profiler.disable()
pstats.Stats(profiler).sort_stats("tottime").print_stats({top})
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=100_000, help="models in the synthetic set")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cprofile", type=int, metavar="N", help="also print the engine's top N functions by own time")
    args = parser.parse_args()
    kb = (
        generate(args.size, DATA / f"kb-{args.size}")
        if not (DATA / f"kb-{args.size}").exists()
        else DATA / f"kb-{args.size}"
    )
    env = {**CHILD_ENV, "ADVISOR_CACHE_DIR": tempfile.mkdtemp(prefix="advisor-phases-cache-")}
    code = STEPS.format(kb=str(kb), profile=str(PROFILE))

    runs = []
    for index in range(args.runs + 1):  # the first run fills the knowledge cache and is not counted
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True)
        wall = time.perf_counter() - started
        if index:
            phases = json.loads(done.stderr.strip().splitlines()[-1])
            phases["start and exit"] = wall - sum(phases.values())
            phases["total (wall)"] = wall
            runs.append(phases)

    print(f"recommend --format json over {args.size:,} models (+ bundled), median of {args.runs} fresh processes\n")
    for name in runs[0]:
        print(f"  {name:<20} {statistics.median(r[name] for r in runs):7.3f} s")
    if args.cprofile:
        code = PROFILED.format(kb=str(kb), profile=str(PROFILE), top=args.cprofile)
        print("\nthe engine under cProfile (its overhead roughly doubles the time of small functions):\n")
        print(subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True).stdout)


if __name__ == "__main__":
    main()
