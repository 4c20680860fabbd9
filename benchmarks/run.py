"""Measure the advisor against its speed targets and print a table of medians.

    python benchmarks/run.py            # everything (a few minutes: builds 10k and 100k model sets)
    python benchmarks/run.py --quick    # skips the 100,000-model measurements

Each measurement runs several times in fresh processes (wall clock, median); memory is the child's
peak RSS. Synthetic knowledge sets are generated under benchmarks/.data/ (git-ignored).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / ".data"
PROFILE = ROOT / "examples" / "eu-consumer-chat.yaml"
sys.path.insert(0, str(ROOT / "benchmarks"))

from synthetic import generate  # noqa: E402

CHILD_ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
"""The environment of every measured run: as on a user's machine, Python caches compiled modules
(some sandboxes and CI images turn that off, which adds ~40 ms of compiling to every start)."""


def timed(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one run of `cmd` (that child's own peak, via wait4)."""
    started = time.perf_counter()
    child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, env={**CHILD_ENV, **(env or {})})
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise subprocess.CalledProcessError(child.returncode, cmd)
    return wall, usage.ru_maxrss / 1024


def median_of(runs: int, once: Callable[[], tuple[float, float]]) -> tuple[float, float]:
    results = [once() for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def python(*args: str) -> list[str]:
    return [sys.executable, *args]


def advisor(*args: str) -> list[str]:
    return python("-m", "advisor", *args)


def in_process(code: str) -> float:
    """Seconds printed by a fresh interpreter running `code` (which prints one float)."""
    out = subprocess.run(python("-c", code), check=True, capture_output=True, text=True, env=CHILD_ENV).stdout
    return float(out.strip().splitlines()[-1])


def tui_timing(which: str) -> float:
    """One wizard measurement from benchmarks/tui_timings.py, in a fresh interpreter."""
    out = subprocess.run(
        python(str(ROOT / "benchmarks" / "tui_timings.py"), which),
        check=True,
        capture_output=True,
        text=True,
        env=CHILD_ENV,
    ).stdout
    return float(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="skip the 100,000-model measurements")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    runs = args.runs
    rows: list[tuple[str, str, str, bool]] = []

    def row(what: str, measured: str, target: str, ok: bool) -> None:
        rows.append((what, measured, target, ok))
        print(f"  {what}: {measured} (target {target}) {'ok' if ok else 'MISSED'}", file=sys.stderr, flush=True)

    cache = tempfile.mkdtemp(prefix="advisor-bench-cache-")
    warm = {"ADVISOR_CACHE_DIR": cache}
    cold = {"ADVISOR_CACHE_DIR": "off"}

    timed(advisor("--help"))  # compiles and caches the modules, as a first run on a user's machine does
    click_s, _ = median_of(runs, lambda: timed(python("-c", "import click")))
    help_s, _ = median_of(runs, lambda: timed(advisor("--help")))
    row(
        "advisor --help",
        f"{help_s * 1000:.0f} ms",
        f"≤ 2× import click ({2 * click_s * 1000:.0f} ms)",
        help_s <= 2 * click_s,
    )

    validate_s, _ = median_of(runs, lambda: timed(advisor("kb", "validate"), cold))
    row("advisor kb validate, bundled knowledge", f"{validate_s * 1000:.0f} ms", "(reported; no target)", True)

    recommend = advisor("recommend", "--profile", str(PROFILE), "--format", "json")
    timed(recommend, warm)
    rec_s, _ = median_of(runs, lambda: timed(recommend, warm))
    row("recommend, bundled knowledge (cached)", f"{rec_s * 1000:.0f} ms", "≤ 250 ms", rec_s <= 0.25)
    cold_s, _ = median_of(runs, lambda: timed(recommend, cold))
    row("recommend, bundled knowledge (no cache)", f"{cold_s * 1000:.0f} ms", "≤ 250 ms", cold_s <= 0.25)

    try:
        paint = statistics.median(tui_timing("first-paint") for _ in range(runs))
        row("wizard first screen painted", f"{paint * 1000:.0f} ms", "≤ 500 ms", paint <= 0.5)
        step = statistics.median(tui_timing("answer-step") for _ in range(runs))
        row("one answer → next question", f"{step * 1000:.1f} ms", "≤ 50 ms", step <= 0.05)
        browse = statistics.median(tui_timing("browser-open") for _ in range(runs))
        row("model browser opened, bundled knowledge", f"{browse * 1000:.0f} ms", "≤ 150 ms", browse <= 0.15)
        compare = statistics.median(tui_timing("compare-open") for _ in range(runs))
        row("compare view opened", f"{compare * 1000:.0f} ms", "≤ 100 ms", compare <= 0.1)
        flips = statistics.median(tui_timing("sensitivity") for _ in range(runs))
        row("what would change it (worker, bundled)", f"{flips * 1000:.0f} ms", "≤ 1 s", flips <= 1.0)
    except subprocess.CalledProcessError as exc:
        row("wizard timings", f"failed ({exc.returncode})", "—", False)

    sizes = [10_000] if args.quick else [10_000, 100_000]
    for size in sizes:
        kb = generate(size, DATA / f"kb-{size}")
        cmd = advisor("--kb", str(kb), "recommend", "--profile", str(PROFILE), "--format", "json")
        if size == 10_000:
            first_s, _ = median_of(max(3, runs // 2), lambda cmd=cmd: timed(cmd, cold))
            row(f"recommend over {size:,} models, cold", f"{first_s:.2f} s", "≤ 4 s", first_s <= 4)
        timed(cmd, warm)
        again_s, again_mb = median_of(runs, lambda cmd=cmd: timed(cmd, warm))
        target = 0.5 if size == 10_000 else 3.0
        row(
            f"recommend over {size:,} models, repeated",
            f"{again_s:.2f} s, {again_mb:.0f} MiB",
            f"≤ {target:g} s" + (", ≤ 1024 MiB" if size == 100_000 else ""),
            again_s <= target and (size != 100_000 or again_mb <= 1024),
        )
        if size == 10_000:
            parse_s = statistics.median(in_process(RAW_PARSE.format(kb=str(kb))) for _ in range(3))
            load_s = statistics.median(in_process(OUR_LOAD.format(kb=str(kb))) for _ in range(3))
            row(
                f"loading {size:,} models vs raw CSafeLoader parse",
                f"{load_s:.2f} s vs {parse_s:.2f} s = {load_s / parse_s:.2f}×",
                "≤ 1.5×",
                load_s <= 1.5 * parse_s,
            )

    width = max(len(r[0]) for r in rows)
    print(f"\n{'measurement':<{width}}  {'median':<28}  {'target':<32}  result")
    for what, measured, target, ok in rows:
        print(f"{what:<{width}}  {measured:<28}  {target:<32}  {'ok' if ok else 'MISSED'}")
    print(
        f"\n{sum(r[3] for r in rows)} of {len(rows)} targets met ({runs} runs each, medians; python {sys.version.split()[0]}, "
        f"{os.cpu_count()} cores)"
    )


RAW_PARSE = """
import time, yaml
from pathlib import Path
from advisor.domain.knowledge.base import bundled_dir
files = sorted(bundled_dir().rglob('*.yaml')) + sorted(Path({kb!r}).rglob('*.yaml'))
t = time.perf_counter()
for f in files:
    yaml.load(f.read_bytes(), Loader=yaml.CSafeLoader)
print(time.perf_counter() - t)
"""

OUR_LOAD = """
import time
from pathlib import Path
from advisor.domain.knowledge.loader import load
t = time.perf_counter()
load([Path({kb!r})], cache=False)
print(time.perf_counter() - t)
"""

if __name__ == "__main__":
    main()
