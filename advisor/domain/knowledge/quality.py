"""Quality tiers from published evidence: the known benchmarks, their fixed thresholds, and the one rule.

A model's tier for a use case is read from its own `quality_evidence`, never from where it stands among
the other models of the knowledge base, so a team's overlay cannot move anyone else's tier:

1. Each result is placed by its benchmark's fixed thresholds: at or above `frontier_at` it reads
   frontier, at or above `high_at` high, below that standard. A benchmark without `frontier_at` is
   saturated at the top (HumanEval, MMLU): it can show a model is high, never that it is frontier.
2. Only the newest result per benchmark counts (a re-run replaces the old figure).
3. Independent results decide when there are any for the use case; the vendor's own figures
   (`self_reported`) decide only when nothing independent speaks to it, and the rating says so.
4. The tier is the lower median of the deciding results' tiers (of two, the lower): one strong
   benchmark does not lift a model that the others place lower. The rating says how many agree.
5. No evidence for the use case: "unrated for this use" (no tier; the engine states it as a risk).
   No evidence at all: the hand-set `quality`, shown as "unrated by evidence".

The thresholds are judgement, written down once: `frontier` is where the best models of the last
twelve months score, `high` where the strong general models of 2024 (GPT-4o, Llama 3.1 405B) did.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Literal

import msgspec

from advisor.domain.knowledge.schema import Model, QualityEvidence
from advisor.domain.knowledge.vocabulary import Quality, UseCase

TIERS: tuple[Quality, ...] = ("standard", "high", "frontier")
RANK: dict[Quality, int] = {tier: n for n, tier in enumerate(TIERS)}


class Benchmark(msgspec.Struct, kw_only=True, frozen=True):
    """A benchmark the knowledge base accepts evidence from, with its fixed tier thresholds."""

    id: str
    name: str
    """How a reader knows it (`SWE-bench Verified`)."""
    use_cases: tuple[UseCase, ...]
    """The use cases its results may speak to; the first is the default for an entry that names none."""
    unit: Literal["%", "rating"]
    """Percent (0–100, as published) or an arena rating (Elo-like)."""
    high_at: float
    """A score at or above this reads high."""
    frontier_at: float | None
    """A score at or above this reads frontier; None: the benchmark is saturated and cannot show it."""
    url: str
    """Where the benchmark and its method are published."""

    def tier(self, score: float) -> Quality:
        if self.frontier_at is not None and score >= self.frontier_at:
            return "frontier"
        return "high" if score >= self.high_at else "standard"


def _table(*benchmarks: Benchmark) -> dict[str, Benchmark]:
    return {b.id: b for b in benchmarks}


BENCHMARKS: dict[str, Benchmark] = _table(
    # ---- chat: general assistance, knowledge and reasoning
    Benchmark(
        id="lmarena-text",
        name="LMArena Text Arena",
        use_cases=("chat",),
        unit="rating",
        high_at=1330,  # GPT-4o (2024-05-13) 1346, Llama 3.1 405B 1336 in the 2025-12-11 snapshot
        frontier_at=1460,  # within ~40 of the top (Claude Opus 4.7 1494, 2026-08)
        url="https://lmarena.ai/leaderboard/text",
    ),
    Benchmark(
        id="mmlu-pro",
        name="MMLU-Pro",
        use_cases=("chat",),
        unit="%",
        high_at=75,
        frontier_at=85,
        url="https://arxiv.org/abs/2406.01574",
    ),
    Benchmark(
        id="gpqa-diamond",
        name="GPQA Diamond",
        use_cases=("chat",),
        unit="%",
        high_at=60,
        frontier_at=80,
        url="https://arxiv.org/abs/2311.12022",
    ),
    Benchmark(
        id="mmlu",
        name="MMLU",
        use_cases=("chat",),
        unit="%",
        high_at=80,
        frontier_at=None,
        url="https://arxiv.org/abs/2009.03300",
    ),
    Benchmark(
        id="mt-bench",
        name="MT-Bench",
        use_cases=("chat",),
        unit="rating",
        high_at=8.5,
        frontier_at=None,
        url="https://arxiv.org/abs/2306.05685",
    ),
    Benchmark(
        id="hle",
        name="Humanity's Last Exam",
        use_cases=("chat",),
        unit="%",
        high_at=10,  # o1 (2024-12) about 9%, GPT-4o about 3%
        # Artificial Analysis's own runs, 2026-10: Claude Opus 5.5 61.4, Fable 5.1 59.1, Sonnet 5.5 55.0, GPT-6
        # Astra 54.7, GPT-6.1 Sol 52.9 (30, set when the best scored about 40, let small models read frontier).
        frontier_at=50,
        url="https://lastexam.ai",
    ),
    Benchmark(
        id="open-llm-leaderboard-v2",
        name="Open LLM Leaderboard v2 (average)",
        use_cases=("chat",),
        unit="%",
        high_at=40,
        frontier_at=None,
        url="https://huggingface.co/spaces/open-llm-leaderboard/open_llm_leaderboard",
    ),
    # ---- code
    Benchmark(
        id="swe-bench-verified",
        name="SWE-bench Verified",
        use_cases=("code", "agents"),
        unit="%",
        high_at=45,
        frontier_at=70,
        url="https://www.swebench.com",
    ),
    Benchmark(
        id="swe-bench-pro-public",
        name="SWE-bench Pro (public set)",
        use_cases=("code", "agents"),
        unit="%",
        high_at=35,  # Claude Haiku 4.5 39.5, Sonnet 4.5 43.6 on Scale's standardised runs (vendors' own
        # harnesses run 15-30 points higher: those are self-reported, and `setting` says which harness)
        frontier_at=50,  # Claude Opus 4.6 51.9
        url="https://labs.scale.com/leaderboard/swe_bench_pro_public",
    ),
    Benchmark(
        id="deepswe",
        name="DeepSWE v1.1",
        use_cases=("code", "agents"),
        unit="%",
        high_at=30,  # no 2024 model was run; the nearest: Claude Sonnet 4.6 (high) 31.6, Gemini 3.5 Flash 28.3,
        # Claude Opus 4.6 (max) 27.1 in Datacurve's own runs (arXiv 2607.07946, 2026-07); vendors' harnesses differ
        frontier_at=65,  # GPT-6 Astra (xhigh) 74.1 on Datacurve's board of 2026-09-22, GPT-5.5 (xhigh) 70.0
        url="https://deepswe.datacurve.ai",
    ),
    Benchmark(
        id="livecodebench",
        name="LiveCodeBench",
        use_cases=("code",),
        unit="%",
        high_at=40,
        frontier_at=70,
        url="https://livecodebench.github.io/leaderboard.html",
    ),
    Benchmark(
        id="aider-polyglot",
        name="Aider Polyglot",
        use_cases=("code",),
        unit="%",
        high_at=40,
        frontier_at=70,
        url="https://aider.chat/docs/leaderboards/",
    ),
    Benchmark(
        id="aider-edit",
        name="Aider code editing",
        use_cases=("code",),
        unit="%",
        high_at=70,
        frontier_at=None,
        url="https://aider.chat/docs/leaderboards/edit.html",
    ),
    Benchmark(
        id="humaneval",
        name="HumanEval",
        use_cases=("code",),
        unit="%",
        high_at=85,
        frontier_at=None,
        url="https://arxiv.org/abs/2107.03374",
    ),
    # ---- rag and long context
    Benchmark(
        id="longbench-v2",
        name="LongBench v2",
        use_cases=("rag",),
        unit="%",
        high_at=45,
        frontier_at=55,
        url="https://longbench2.github.io",
    ),
    Benchmark(
        id="ruler-128k",
        name="RULER at 128K tokens",
        use_cases=("rag",),
        unit="%",
        high_at=75,
        frontier_at=90,
        url="https://arxiv.org/abs/2404.06654",
    ),
    Benchmark(
        id="frames",
        name="FRAMES (retrieval-augmented reasoning)",
        use_cases=("rag",),
        unit="%",
        high_at=70,
        frontier_at=80,
        url="https://arxiv.org/abs/2409.12941",
    ),
    # ---- agents and tool use
    Benchmark(
        id="tau-bench-retail",
        name="τ-bench (retail)",
        use_cases=("agents",),
        unit="%",
        high_at=60,
        frontier_at=75,
        url="https://arxiv.org/abs/2406.12045",
    ),
    Benchmark(
        id="tau2-bench-retail",
        name="τ²-bench (retail)",
        use_cases=("agents",),
        unit="%",
        high_at=60,
        frontier_at=75,
        url="https://arxiv.org/abs/2506.07982",
    ),
    Benchmark(
        id="bfcl-v3",
        name="Berkeley Function-Calling Leaderboard v3 (overall)",
        use_cases=("agents",),
        unit="%",
        high_at=60,
        frontier_at=72,
        url="https://gorilla.cs.berkeley.edu/leaderboard.html",
    ),
    Benchmark(
        id="terminal-bench-2.1",
        name="Terminal-Bench 2.1",
        use_cases=("agents", "code"),
        unit="%",
        high_at=40,
        frontier_at=65,  # Claude Opus 4.6 70.2, Gemini 3.1 Pro 68.3 in Artificial Analysis's runs
        url="https://www.tbench.ai/leaderboard",
    ),
    Benchmark(
        id="terminal-bench-4",
        name="Terminal-Bench 4.0",
        use_cases=("agents", "code"),
        unit="%",
        high_at=30,  # no 2024 model was run; GPT-5.6 Sol 37.3, Grok 4.7 37.6, DeepSeek V4.1 Flash 31.2 in the
        # vendors' own tables (2026-09), GPT-5.6 Sol 39.9 in Artificial Analysis's runs (vendors' harnesses differ)
        frontier_at=55,  # Claude Sonnet 5.5 70.6, Opus 5.5 66.4 (Anthropic, 2026-09-28); Opus 5.5 59.6 and GPT-6 Astra
        # 59.1 in Artificial Analysis's runs (2026-09-22)
        url="https://www.tbench.ai/leaderboard",
    ),
    Benchmark(
        id="terminal-bench-2",
        name="Terminal-Bench 2.0",
        use_cases=("agents", "code"),
        unit="%",
        high_at=30,
        frontier_at=50,
        url="https://www.tbench.ai/leaderboard",
    ),
    # ---- extraction: following a format and instructions exactly
    Benchmark(
        id="ifeval",
        name="IFEval (instruction following)",
        use_cases=("extraction", "chat"),
        unit="%",
        high_at=85,
        frontier_at=92,
        url="https://arxiv.org/abs/2311.07911",
    ),
    # ---- vision
    Benchmark(
        id="mmmu",
        name="MMMU (validation)",
        use_cases=("vision",),
        unit="%",
        high_at=60,
        frontier_at=75,
        url="https://mmmu-benchmark.github.io",
    ),
    Benchmark(
        id="lmarena-vision",
        name="LMArena Vision Arena",
        use_cases=("vision",),
        unit="rating",
        high_at=1150,  # GPT-4o (2024-05-13) 1162
        frontier_at=1240,  # Gemini 2.5 Pro 1248
        url="https://lmarena.ai/leaderboard/vision",
    ),
    Benchmark(
        id="mmmu-pro",
        name="MMMU-Pro",
        use_cases=("vision",),
        unit="%",
        high_at=50,  # GPT-4o about 52
        frontier_at=75,
        url="https://arxiv.org/abs/2409.02813",
    ),
    Benchmark(
        id="docvqa",
        name="DocVQA (test, ANLS)",
        use_cases=("vision", "extraction"),
        unit="%",
        high_at=90,
        frontier_at=None,
        url="https://www.docvqa.org",
    ),
    Benchmark(
        id="chartqa",
        name="ChartQA",
        use_cases=("vision",),
        unit="%",
        high_at=85,
        frontier_at=None,
        url="https://arxiv.org/abs/2203.10244",
    ),
    # ---- image generation
    Benchmark(
        id="geneval",
        name="GenEval (overall, ×100)",
        use_cases=("image_generation",),
        unit="%",
        high_at=65,
        frontier_at=80,
        url="https://arxiv.org/abs/2310.11513",
    ),
    Benchmark(
        id="lmarena-text-to-image",
        name="LMArena Text-to-Image Arena",
        use_cases=("image_generation",),
        unit="rating",
        high_at=1050,  # Imagen 3 1062 (2024); DALL-E 3 978 (2023) reads standard, 2025-12-11 data
        frontier_at=1140,  # Nano Banana 1156, FLUX.2 [pro] 1151; the top, Nano Banana Pro, 1233
        url="https://lmarena.ai/leaderboard/text-to-image",
    ),
    Benchmark(
        id="dpg-bench",
        name="DPG-Bench",
        use_cases=("image_generation",),
        unit="%",
        high_at=80,
        frontier_at=87,
        url="https://arxiv.org/abs/2403.05135",
    ),
)
"""The benchmarks evidence may cite (validation rejects any other), with the thresholds that place a result."""


def score_text(score: float, unit: Literal["%", "rating"]) -> str:
    """A result as read: `71%` for a percentage, `1352.5` for an arena rating."""
    return f"{score:g}%" if unit == "%" else f"{score:g}"


class Placed(msgspec.Struct, kw_only=True, frozen=True):
    """One result with the tier its benchmark's thresholds give it."""

    evidence: QualityEvidence
    benchmark: Benchmark
    tier: Quality

    def line(self) -> str:
        """`SWE-bench Verified 71% (self-reported, as of 2026-05-01)`."""
        score = score_text(self.evidence.score, self.benchmark.unit)
        who = "self-reported" if self.evidence.self_reported else "independent"
        return f"{self.benchmark.name} {score} ({who}, as of {self.evidence.as_of.isoformat()})"


Basis = Literal["independent", "self-reported", "hand-set", "unrated"]


class UseRating(msgspec.Struct, kw_only=True, frozen=True):
    """A model's quality for one use case, and what it rests on."""

    use_case: UseCase
    tier: Quality | None
    """None: unrated for this use (the model has evidence, but none for it)."""
    basis: Basis
    """`independent` or `self-reported` results decided; `hand-set`: no evidence at all; `unrated`."""
    deciding: tuple[Placed, ...] = ()
    """The results the tier was derived from (newest per benchmark)."""
    context: tuple[Placed, ...] = ()
    """Self-reported results for the same use that did not decide (independent ones did)."""
    agree: int = 0
    """How many deciding results place the model at its tier."""

    @property
    def by_evidence(self) -> Quality | None:
        """The tier published results give it for the use; None when unrated for it or only set by hand."""
        return None if self.basis == "hand-set" else self.tier

    def summary(self) -> str:
        """`high for code: 2 of 3 benchmarks agree (independent)` / `unrated for rag`."""
        if self.tier is None:
            return f"unrated for {self.use_case}: no published benchmark result for this use"
        if self.basis == "hand-set":
            return f"{self.tier} (unrated by evidence: a hand-set tier)"
        n = len(self.deciding)
        agree = f"{self.agree} of {n} benchmarks agree" if n > 1 else "one benchmark"
        return f"{self.tier} for {self.use_case}: {agree} ({self.basis})"


_FIRST_USE: dict[str, UseCase] = {b.id: b.use_cases[0] for b in BENCHMARKS.values()}
"""The use case each benchmark speaks to first, by benchmark id."""


def use_case_of(entry: QualityEvidence) -> UseCase | None:
    """The use case an entry speaks to (its own, or its benchmark's first); None for an unknown benchmark."""
    return entry.use_case if entry.use_case is not None else _FIRST_USE.get(entry.benchmark)


def _placed(e: QualityEvidence) -> Placed | None:
    """The entry with the tier its score reaches on its benchmark; None for an unknown benchmark."""
    bench = BENCHMARKS.get(e.benchmark)
    return Placed(evidence=e, benchmark=bench, tier=bench.tier(e.score)) if bench is not None else None


def _newest_per_benchmark(entries: Sequence[QualityEvidence]) -> list[Placed]:
    if len(entries) == 1:  # the usual case: one result for the use
        only = _placed(entries[0])
        return [only] if only is not None else []
    newest: dict[tuple[str, bool], QualityEvidence] = {}
    for e in entries:
        key = (e.benchmark, e.self_reported)
        if key not in newest or e.as_of > newest[key].as_of:
            newest[key] = e
    placed = [p for p in map(_placed, newest.values()) if p is not None]
    return sorted(placed, key=lambda p: (-RANK[p.tier], p.benchmark.id))


def rate(model: Model, use_case: UseCase) -> UseRating:
    """The model's tier for `use_case` by the rule in this module's docstring."""
    evidence = model.quality_evidence
    if not evidence:
        return _unrated(use_case) if model.quality is None else _hand_set(use_case, model.quality)
    placed = _newest_per_benchmark([e for e in evidence if use_case_of(e) == use_case])
    if not placed:
        return _unrated(use_case)
    independent = tuple(p for p in placed if not p.evidence.self_reported)
    own = tuple(p for p in placed if p.evidence.self_reported)
    deciding = independent or own
    tier = TIERS[_median_low([RANK[p.tier] for p in deciding])]
    agree = sum(1 for p in deciding if p.tier == tier)
    if independent:
        return UseRating(
            use_case=use_case, tier=tier, basis="independent", deciding=independent, context=own, agree=agree
        )
    return UseRating(use_case=use_case, tier=tier, basis="self-reported", deciding=own, agree=agree)


@functools.cache
def _unrated(use_case: UseCase) -> UseRating:
    # The same rating for every model without evidence for the use: one (frozen) record, shared.
    return UseRating(use_case=use_case, tier=None, basis="unrated")


@functools.cache
def _hand_set(use_case: UseCase, tier: Quality) -> UseRating:
    return UseRating(use_case=use_case, tier=tier, basis="hand-set")


def ratings(model: Model) -> list[UseRating]:
    """The model's rating for every use case its evidence speaks to, in the order the evidence lists them."""
    uses: list[UseCase] = []
    for e in model.quality_evidence:
        use = use_case_of(e)
        if use is not None and use not in uses:
            uses.append(use)
    return [rate(model, u) for u in uses]


def best_rating(model: Model) -> UseRating | None:
    """The model's highest tier over all the use cases it has evidence for (for lists that name no use)."""
    rated = [(RANK[r.tier], len(r.deciding), r) for r in ratings(model) if r.tier is not None]
    return max(rated, key=lambda t: t[:2])[2] if rated else None


def tier_cell(model: Model, use_case: UseCase | None = None) -> str:
    """A short quality label for tables: `high (code)`, `standard (hand-set)`, `unrated for rag`."""
    if not model.quality_evidence:
        return f"{model.quality} (hand-set)" if model.quality else "unrated"
    r = rate(model, use_case) if use_case is not None else best_rating(model)
    if r is None or r.tier is None:
        return f"unrated for {use_case}" if use_case else "unrated"
    return f"{r.tier} ({r.use_case.replace('_', ' ')})"


SCORE_RANGE: dict[str, tuple[float, float]] = {"%": (0.0, 100.0), "rating": (0.0, 4000.0)}
"""The scores a benchmark's unit allows."""


def evidence_problems(model: Model) -> list[tuple[list[str | int], str]]:
    """What `kb validate` rejects in a model's evidence: (path inside the entry, message) pairs."""
    problems: list[tuple[list[str | int], str]] = []
    evidence = model.quality_evidence
    if not evidence:
        if model.quality is None:
            problems.append(
                (
                    ["quality_evidence"],
                    f"model '{model.id}' needs quality_evidence (or, without any, a hand-set quality)",
                )
            )
        return problems
    released = model.released
    for i, e in enumerate(evidence):
        bench = BENCHMARKS.get(e.benchmark)
        if bench is None:
            known = ", ".join(sorted(BENCHMARKS))
            problems.append(
                (["quality_evidence", i, "benchmark"], f"unknown benchmark '{e.benchmark}' (known: {known})")
            )
            continue
        if e.use_case is not None and e.use_case not in bench.use_cases:
            problems.append(
                (
                    ["quality_evidence", i, "use_case"],
                    f"{bench.name} speaks to {', '.join(bench.use_cases)}, not {e.use_case}",
                )
            )
        low, high = SCORE_RANGE[bench.unit]
        if not low <= e.score <= high:
            problems.append(
                (["quality_evidence", i, "score"], f"{bench.name} score {e.score:g} is outside {low:g}–{high:g}")
            )
        if not e.source.startswith(("https://", "http://")):
            problems.append(
                (["quality_evidence", i, "source"], "source must be the URL the score was read in (https://…)")
            )
        if e.as_of < released:
            problems.append(
                (
                    ["quality_evidence", i, "as_of"],
                    f"as_of ({e.as_of}) is before the model was released ({model.released}): "
                    "a result cannot predate the model (give the date of the leaderboard or card it was read in)",
                )
            )
    return problems


def _median_low(values: list[int]) -> int:
    """The lower median (`statistics.median_low`, whose import pulls in `random`, `fractions` and `decimal` at
    every start of the command line)."""
    ordered = sorted(values)
    return ordered[(len(ordered) - 1) // 2]
