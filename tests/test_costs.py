"""The cost model: serving memory with headroom, redundancy, growth, on-prem hardware, fine-tuning, break-even.

The worked examples are checked by hand against the GPU table and the prices, with the arithmetic in
comments, so a change to a formula shows up as a number a person can re-derive.
"""

from __future__ import annotations

import datetime as dt

import msgspec
import pytest

from advisor.domain.costs.api import api_cost
from advisor.domain.costs.break_even import break_even_ranges, break_even_tokens
from advisor.domain.costs.fine_tune import open_training_usd
from advisor.domain.costs.self_host import self_host_cost
from advisor.domain.costs.serving import memory, plan
from advisor.domain.costs.workload import Workload, tokens_in_24_months, workload
from advisor.domain.engine import recommend
from advisor.domain.knowledge.base import KnowledgeBase
from advisor.domain.knowledge.hardware import Gpu
from advisor.domain.knowledge.loader import load
from advisor.domain.knowledge.schema import Model
from advisor.domain.profile.answers import Profile

from .conftest import FIXTURES

NOW = dt.datetime(2026, 11, 22, 10, 0, tzinfo=dt.UTC)


def profile(**answers: object) -> Profile:
    return msgspec.convert({"use_case": "chat", **answers}, Profile)


def only(kb: KnowledgeBase, gpu_id: str) -> list[Gpu]:
    return [kb.gpus[gpu_id]]


# --- serving memory: weights + KV cache + headroom --------------------------------------------


def test_a_30b_moe_fits_one_h100_with_room_for_its_cache(kb: KnowledgeBase) -> None:
    model = kb.models["qwen3-30b-a3b"]  # 30.5B total, 3.3B active, bf16
    need = memory(model, requests=4, context_tokens=8_000)
    assert need is not None
    # weights 30.5 × 2 bytes = 61 GB; KV 45 KB × 3.3^0.45 = 77 KB a token × 8,000 × 4 requests = 2.5 GB;
    # headroom 10% of 61 + 2 = 8.1 GB: 71.6 GB, inside one 80 GB H100.
    assert need.weights == pytest.approx(61.0)
    assert need.kv_cache == pytest.approx(2.5, abs=0.1)
    assert need.overhead == pytest.approx(8.1)
    assert need.total < kb.gpus["h100-80gb"].memory_gb


def test_a_70b_dense_model_at_fp8_needs_two_h100s_at_long_context(kb: KnowledgeBase) -> None:
    base = kb.models["llama-3.3-70b-instruct"]
    assert base.self_host is not None
    fp8 = msgspec.structs.replace(base, self_host=msgspec.structs.replace(base.self_host, precision="fp8"))
    need = memory(fp8, requests=8, context_tokens=32_000)
    assert need is not None
    # weights 70 × 1 byte = 70 GB; KV 45 × 70^0.45 = 304 KB a token × 32,000 × 8 = 77.9 GB;
    # headroom 7 + 2 = 9 GB: about 157 GB, two NVLinked H100s (160 GB), not one.
    assert need.weights == pytest.approx(70.0)
    assert need.kv_cache == pytest.approx(77.9, abs=0.3)
    w = Workload(2_000_000_000, 0.9, 32_000, 1, False, False, 0.0)
    chosen = plan(fp8, w, (kb.gpus["h100-80gb"],))
    assert chosen is not None and chosen.gpus_per_replica >= 2


def test_a_120b_moe_at_mxfp4_is_not_squeezed_onto_one_card_without_headroom(kb: KnowledgeBase) -> None:
    model = kb.models["gpt-oss-120b"]  # 117B total, 5.1B active, mxfp4
    need = memory(model, requests=16, context_tokens=32_000)
    assert need is not None
    # weights 117 × 0.53 = 62.0 GB; KV 45 × 5.1^0.45 = 94 KB a token × 32,000 × 16 = 48 GB;
    # headroom 6.2 + 2 = 8.2 GB: about 118 GB, more than one 80 GB card holds.
    assert need.weights == pytest.approx(62.0, abs=0.1)
    assert need.total > 80
    w = Workload(3_000_000_000, 0.9, 32_000, 1, False, False, 0.0)
    chosen = plan(model, w, (kb.gpus["a100-80gb"], kb.gpus["h100-80gb"]))
    assert chosen is not None and chosen.memory.total <= chosen.gpu.memory_gb * chosen.gpus_per_replica


def test_tensor_parallel_over_pcie_is_refused_past_two_cards(kb: KnowledgeBase) -> None:
    model = kb.models["llama-3.3-70b-instruct"]  # 141 GB of bf16 weights
    w = Workload(100_000_000, 0.75, 8_000, 1, False, False, 0.0)
    assert plan(model, w, (kb.gpus["l4-24gb"],)) is None  # it would take eight PCIe L4s
    chosen = plan(model, w, (kb.gpus["l4-24gb"], kb.gpus["h100-80gb"]))
    assert chosen is not None and chosen.gpu.id == "h100-80gb"


# --- redundancy, growth, on-prem ---------------------------------------------------------------


def test_production_deployments_keep_two_replicas_unless_told_otherwise() -> None:
    assert workload(profile(deployment="saas")).min_replicas == 2
    assert workload(profile(deployment="on_prem")).min_replicas == 2
    assert workload(profile(deployment="internal")).min_replicas == 1
    assert workload(profile(deployment="saas", replicas=3)).min_replicas == 3


def test_every_self_hosted_plan_has_headroom_and_saas_plans_two_replicas(kb: KnowledgeBase) -> None:
    decision = recommend(profile(deployment="saas", self_host_required=True, monthly_tokens=300_000_000), kb, NOW)
    served = [c for c in decision.considered if c.cost and c.cost.serving]
    assert served
    for c in served:
        s = c.cost.serving  # type: ignore[union-attr]
        assert s is not None and s.replicas >= 2, c.model
        assert s.memory_needed_gb <= s.gpu_memory_gb * s.gpus_per_replica, c.model
        assert s.memory_needed_gb > s.weights_gb + s.kv_cache_gb, c.model  # runtime headroom on top


def test_tokens_follow_users_to_the_24_month_cost(kb: KnowledgeBase) -> None:
    growing = profile(monthly_active_users=2_000_000, monthly_active_users_24m=30_000_000, monthly_tokens=2_000_000_000)
    assert tokens_in_24_months(growing) == 30_000_000_000  # 1,000 tokens a user, 15x the users
    first = recommend(growing, kb, NOW).shortlist[0]
    assert first.cost is not None and first.cost.monthly_usd_24m is not None
    assert first.cost.monthly_usd_24m > first.cost.monthly_usd
    assert tokens_in_24_months(profile(monthly_active_users=0, monthly_tokens=5_000)) == 5_000  # nothing to scale


def test_on_prem_hardware_is_bought_per_site_and_the_payer_decides_whose_budget(kb: KnowledgeBase) -> None:
    model = kb.models["gpt-oss-120b"]
    gpus = list(kb.gpus.values())
    theirs = self_host_cost(model, workload(profile(deployment="on_prem")), gpus)
    ours = self_host_cost(model, workload(profile(deployment="on_prem", on_prem_hardware_paid_by="us")), gpus)
    assert theirs is not None and ours is not None and theirs.plan is not None
    assert theirs.customer_usd > 0 and "the customer pays the hardware" in theirs.basis
    assert ours.customer_usd == 0 and ours.monthly_usd == pytest.approx(theirs.monthly_usd + theirs.customer_usd)
    if theirs.plan.gpu.purchase_usd is not None:  # bought hardware, written off over three years
        assert "each over 36 months" in theirs.basis
        assert theirs.customer_usd == pytest.approx(
            theirs.plan.gpus_per_replica * theirs.plan.replicas * theirs.plan.gpu.purchase_usd / 36, abs=0.01
        )
    assert "modal.com" not in (theirs.source or "") or theirs.plan.gpu.purchase_usd is None


# --- fine-tuning and distillation ---------------------------------------------------------------


def test_a_fine_tune_has_a_training_cost_and_a_place_to_run(kb: KnowledgeBase) -> None:
    decision = recommend(profile(customization="fine_tune", fine_tune_dataset_tokens=50_000_000), kb, NOW)
    for c in decision.shortlist:
        assert c.fine_tune is not None, c.model
        if c.weights == "open":
            assert c.fine_tune.available and c.fine_tune.training_usd and c.fine_tune.training_usd > 0
            assert c.fine_tune.where and c.fine_tune.serving_usd_per_month == c.monthly_cost_usd
    # 6 × 3.3e9 active × 50M tokens × 2 epochs = 1.98e18 FLOPs; an H100 at 40% of 989 TFLOPS does 1.42e18 an
    # hour: 1.39 h at $3.95 = $5.50, so the $10 floor applies
    assert open_training_usd(kb.models["qwen3-30b-a3b"], 50_000_000, 3.95) == 10.0
    # a dense 70.6B over 1B tokens: 6 × 70.6e9 × 1e9 × 2 = 8.47e20 FLOPs = 595 h × $3.95 = $2,351
    assert open_training_usd(kb.models["llama-3.3-70b-instruct"], 1_000_000_000, 3.95) == pytest.approx(2351, rel=0.01)


def test_distillation_separates_the_teacher_run_from_the_students_serving(kb: KnowledgeBase) -> None:
    decision = recommend(profile(use_case="code", train_on_outputs=True, fine_tune_dataset_tokens=100_000_000), kb, NOW)
    d = decision.distillation
    assert d is not None and d.teacher != d.student
    teacher = kb.models[d.teacher]
    assert teacher.price is not None
    # one-off: 100M tokens of data, each with a prompt as long: 100 × (input + output price per million)
    assert d.teacher_cost_usd == pytest.approx(
        100 * (teacher.price.input_usd_per_mtok + teacher.price.output_usd_per_mtok)
    )
    student = next(c for c in decision.considered if c.model == d.student)
    assert student.weights == "open" and d.student_monthly_usd == student.monthly_cost_usd


# --- API pricing by workload, and break-even with engineering time ------------------------------


def test_retrieval_is_costed_as_input_heavy(kb: KnowledgeBase) -> None:
    model = kb.models["gpt-oss-120b"]
    rag, chat = api_cost(model, workload(profile(use_case="rag"))), api_cost(model, workload(profile(use_case="chat")))
    assert rag is not None and chat is not None and rag.monthly_usd < chat.monthly_usd  # input is the cheap side


def _self_hosting_wins(model: Model, gpus: list[Gpu], w: Workload, per_token: float, tokens: int) -> bool | None:
    own = self_host_cost(model, w.with_tokens(tokens), gpus)
    if own is None:
        return False
    if abs(own.monthly_usd - per_token * tokens) < 0.01:
        return None
    return own.monthly_usd < per_token * tokens


def test_break_even_ranges_agree_with_brute_force_engineering_time_included(kb: KnowledgeBase) -> None:
    gpus = list(kb.gpus.values())
    w = workload(profile(deployment="internal", ml_team="strong", context_tokens=2_000))
    checked = 0
    for model in kb.models.values():
        api = api_cost(model, w.with_tokens(10**9))
        if model.weights != "open" or api is None or api.monthly_usd == 0:
            continue
        per_token = api.monthly_usd / 10**9
        ranges = break_even_ranges(api, model, gpus, w.with_tokens(10**9))
        assert (ranges[0][0] if ranges else None) == break_even_tokens(api, model, gpus, w.with_tokens(10**9))
        for tokens in [round(10 ** (7 + k / 4)) for k in range(24)]:
            wins = _self_hosting_wins(model, gpus, w, per_token, tokens)
            inside = any(a <= tokens and (b is None or tokens <= b) for a, b in ranges)
            assert wins is None or wins == inside, (model.id, tokens, ranges)
        checked += 1
    assert checked >= 20


def test_a_worked_break_even_with_engineering_time() -> None:
    kb = load([FIXTURES / "kb_small"], bundled=False)
    model, gpus = kb.models["open-12b"], list(kb.gpus.values())
    w = Workload(100_000_000, 0.75, 2_000, 1, False, False, 1_500.0)
    api = api_cost(model, w)
    assert api is not None
    # The API: 0.75 × $0.2 + 0.25 × $0.4 = $0.25 per million tokens. One H100 replica: $3 × 730 = $2,190 a
    # month; with $1,500 of engineering it would pay off above $3,690 / $0.25e-6 = 14.76B tokens, but it
    # serves only 40,000 / 12 × 3,600 × 730 × 50% / 0.34375 = 12.74B. So the first win takes two replicas:
    # ($4,380 + $1,500) / $0.25e-6 = 23.52B, up to their 25.48B; three win from ($6,570 + $1,500) / a = 32.28B.
    ranges = break_even_ranges(api, model, gpus, w)
    assert ranges[:2] == [(23_520_000_001, 25_483_636_363), (32_280_000_001, 38_225_454_545)]


def test_the_cost_assumptions_that_flip_the_route_are_computed_and_really_flip(kb: KnowledgeBase) -> None:
    from advisor.domain.costs.flips import cost_flips

    model, gpus = kb.models["llama-3.3-70b-instruct"], list(kb.gpus.values())
    w = workload(profile(monthly_tokens=50_000_000_000, ml_team="strong"))
    api, own = api_cost(model, w), self_host_cost(model, w, gpus)
    assert api is not None and own is not None and own.monthly_usd < api.monthly_usd  # self-hosting wins today
    flips = {f.assumption: f for f in cost_flips(model, w, gpus)}
    assert {"GPU utilisation", "The API's price", "Monthly volume"} <= set(flips)
    threshold = int(flips["GPU utilisation"].flips_at.rstrip("%")) / 100
    below = self_host_cost(model, msgspec.structs.replace(w, utilization=threshold - 0.02), gpus)
    assert below is not None and below.monthly_usd > api.monthly_usd  # a little less busy and the API wins
    assert flips["The API's price"].effect == "the API becomes cheaper"
    cheaper_api = float(flips["The API's price"].flips_at.lstrip("×"))
    assert api.monthly_usd * cheaper_api == pytest.approx(own.monthly_usd, rel=0.01)
