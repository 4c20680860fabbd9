"""The score that ranks considered models: quality fit, cost fit, legal risk, operations, continuity and recency."""

from __future__ import annotations

import datetime as dt
import functools

from advisor.domain.decision_entries import ScoreParts
from advisor.domain.engine.assessment import Assessment
from advisor.domain.engine.model_rules import ON_DEVICE_MAX_PARAMS_B
from advisor.domain.findings import kind_of
from advisor.domain.knowledge.quality import RANK
from advisor.domain.profile.answers import Profile

TIER = RANK
"""A quality tier's place in the order standard < high < frontier (the knowledge's own ordering)."""
RAG_MIN_CONTEXT = 32_768
"""Retrieval-augmented generation wants room for retrieved passages."""
RISK_WEIGHT: dict[str, float] = {"blocker": 1.0, "high": 0.3, "medium": 0.12, "low": 0.03}
TOLERANCE_FACTOR = {"low": 1.5, "medium": 1.0, "high": 0.6}
SCORE_WEIGHTS = {"quality": 0.35, "cost": 0.25, "risk": 0.2, "ops": 0.1, "continuity": 0.05, "recency": 0.05}
"""How much each part of fit counts: quality first, then cost and legal risk, then running it."""
UNCONFIRMED_WEIGHT = {"price": 0.02, "params_b": 0.015, "self_host": 0.015, "context_tokens": 0.005}
"""What an unconfirmed fact of a model entry costs the score, by what it governs (others: 0.01; at most 0.04)."""


_TIER_FIT = {
    (model, asked): (
        f"{model} tier, as asked"
        if model == asked
        else f"{model} tier, above what you need"
        if TIER[model] > TIER[asked]
        else f"{model} tier, below the {asked} you asked for"
    )
    for model in TIER
    for asked in TIER
}
"""How a model's quality tier reads against the tier asked for (built once, not per model)."""


_QUALITY_TERM = {
    (tier, asked): 1.0 if TIER[asked] - TIER[tier] <= 0 else (0.55 if TIER[asked] - TIER[tier] == 1 else 0.15)
    for tier in TIER
    for asked in TIER
}
"""The quality term of a model at a tier, by the tier asked for: full at or above it, falling a step below."""
OPS_ON_DEVICE = {"none": 0.4, "some": 0.8, "strong": 1.0}
"""The operations term of running on users' devices, by the team's ML experience (the app team ships the model)."""
OPS_SELF_HOST = {"none": 0.3, "some": 0.75, "strong": 1.0}
"""The operations term of running your own GPUs, by the team's ML experience."""
_W_QUALITY, _W_COST, _W_RISK, _W_OPS, _W_CONTINUITY, _W_RECENCY = (
    SCORE_WEIGHTS[part] for part in ("quality", "cost", "risk", "ops", "continuity", "recency")
)


def fit_and_score(p: Profile, a: Assessment, reference_cost: float, today: dt.date) -> None:
    m = a.model
    quality = _QUALITY_TERM[(a.tier, p.quality)]
    by_evidence = a.rating.by_evidence if a.rating is not None else None
    if by_evidence is not None:
        a.fit.append(_TIER_FIT[(by_evidence, p.quality)])
    if p.use_case not in m.use_cases:
        quality *= 0.85  # able to, but not what its vendor built or tested it for
    if p.use_case == "rag" and m.context_tokens < RAG_MIN_CONTEXT:
        quality *= 0.7
        a.fit.append(f"short context for retrieval ({m.context_tokens:,} tokens)")

    cost = cost_fit(a.cost.monthly_usd if a.cost else reference_cost * 4, reference_cost, p.budget_usd_per_month)
    a.exposure = exposure(a)
    risk = max(0.0, 1 - a.exposure * TOLERANCE_FACTOR[p.risk_tolerance])

    route = a.cost.route if a.cost else "self_host"
    if route == "api":
        ops = 1.0 if m.weights == "closed" else 0.9
    elif route == "on_device":
        ops = OPS_ON_DEVICE[p.ml_team]
        small = (m.params_b or ON_DEVICE_MAX_PARAMS_B) <= ON_DEVICE_MAX_PARAMS_B / 2
        ops *= 1.0 if small else 0.85  # smaller models leave users' memory and battery alone
        if small:
            a.fit.append("small enough for phones as well as laptops")
    else:
        ops = OPS_SELF_HOST[p.ml_team]

    if m.weights == "open":
        continuity = 0.6 + 0.1 * min(len(m.hosts), 4)  # anyone can serve open weights; more hosts, less lock-in
        if len(m.hosts) >= 3:
            a.fit.append(f"served by {len(m.hosts)} independent hosts")
    else:
        continuity = 0.4  # one vendor decides price, terms and retirement

    if m.openness and m.openness.training_code == "open" and m.openness.training_data == "open":
        a.fit.append("fully open: weights, training code and data can be audited")

    age_days = (today - m.released).days
    recency = 1.0 if age_days <= 365 else (0.7 if age_days <= 730 else 0.4)
    if age_days > 730:
        a.fit.append(f"released {m.released.year}: newer models usually do more for less")

    # The license itself is a risk above; the other facts cost what they govern.
    unconfirmed = (
        min(sum(UNCONFIRMED_WEIGHT.get(f, 0.01) for f in m.unverified if f != "license"), 0.04) if m.unverified else 0
    )
    a.parts = ScoreParts(
        quality=_rounded(quality),
        cost=round(cost, 4),
        risk=_rounded(risk),
        ops=_rounded(ops),
        continuity=_rounded(continuity),
        recency=_rounded(recency),
        unconfirmed=_rounded(unconfirmed),
    )
    score = (
        _W_QUALITY * quality
        + _W_COST * cost
        + _W_RISK * risk
        + _W_OPS * ops
        + _W_CONTINUITY * continuity
        + _W_RECENCY * recency
        - unconfirmed
    )
    a.score = round(score, 4)


@functools.lru_cache(maxsize=4096, typed=True)
def _rounded(term: float) -> float:
    """A score term to four places; the terms other than cost take few values, so each is rounded once
    (typed: an int 0 stays 0 in the record, never a cached 0.0)."""
    return round(term, 4)


def cost_fit(monthly_usd: float, reference_usd: float, budget_usd: float | None) -> float:
    """The cost term: 1 for free, falling with the cost relative to the budget and to the median candidate.

    Within the budget it falls gently (1 to 0.7 at the budget); above it, as 0.7 / (cost / budget),
    so options far over budget stay ordered by how far over they are (a $1M option never ties a $100k one).
    """
    relative = 1 / (1 + monthly_usd / max(reference_usd, 1.0))
    if not budget_usd:
        return relative
    ratio = monthly_usd / budget_usd
    within = 1 - 0.3 * ratio if ratio <= 1 else 0.7 / ratio
    return 0.6 * within + 0.4 * relative


def exposure(a: Assessment) -> float:
    """The weight of a model's distinct exposures: each kind of finding counts once, at its worst severity.

    Counting kinds, not clauses, keeps a vendor whose terms are catalogued clause by clause from
    ranking below one whose terms are summed up in one.
    """
    worst: dict[str, float] = {}
    get = worst.get
    for r in a.risks:
        kind, weight = _exposure_kind(r.id), RISK_WEIGHT[r.severity]
        if weight > get(kind, 0.0):  # every weight is above 0: a kind's first finding always counts
            worst[kind] = weight
    return sum(worst.values())


@functools.lru_cache(maxsize=4096)
def _exposure_kind(risk_id: str) -> str:
    """What a finding counts as in the exposure: its kind, or its id for a kind this version does not know."""
    return str(kind_of(risk_id) or risk_id)


def rank_key(p: Profile, a: Assessment) -> tuple[bool, float, float, float, float, int, int, str]:
    """The order of the considered models: by score, and between equal scores by documented criteria.

    A model whose license is unconfirmed goes after every confirmed one unless the founder's risk
    tolerance is high. Equal scores are ordered by fewer exposures, then lower monthly cost, then fewer
    unconfirmed facts, then more independent hosts, then the newer release; only entries equal on all
    of these fall back to their id, and they are declared as ties either way (`tie_with`).
    """
    unconfirmed_license = "license" in a.model.unverified and p.risk_tolerance != "high"
    return (
        unconfirmed_license,
        -a.score,
        a.exposure,
        a.cost.monthly_usd if a.cost else float("inf"),
        a.parts.unconfirmed if a.parts else 0.0,
        -len(a.model.hosts),
        -a.model.released.toordinal(),
        a.model.id,
    )


# --- assembling the decision ------------------------------------------------------------------
