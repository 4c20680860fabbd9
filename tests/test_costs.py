"""The cost model: self-hosting plans and the break-even volume, checked against brute force."""

from __future__ import annotations

import msgspec

from advisor.domain.costs import api_cost, break_even_tokens, self_host_cost
from advisor.domain.knowledge.base import KnowledgeBase
from advisor.domain.knowledge.loader import load

from .conftest import FIXTURES


def test_break_even_is_the_first_volume_where_self_hosting_wins() -> None:
    kb = load([FIXTURES / "kb_small"], bundled=False)
    model, gpus = kb.models["open-12b"], list(kb.gpus.values())
    volume = 100_000_000
    api = api_cost(model, volume)
    assert api is not None
    per_token = api.monthly_usd / volume
    tokens = break_even_tokens(api, model, gpus, volume)
    assert tokens == 8_760_000_001  # one H100 replica ($2,190/month) against $0.25 per million tokens
    below, at = self_host_cost(model, tokens - 1, gpus), self_host_cost(model, tokens, gpus)
    assert below is not None and at is not None
    assert below.monthly_usd >= per_token * (tokens - 1)
    assert at.monthly_usd < per_token * tokens


def test_break_even_agrees_with_brute_force_on_the_real_knowledge(kb: KnowledgeBase) -> None:
    gpus = list(kb.gpus.values())
    checked = 0
    for model in kb.models.values():
        api = api_cost(model, 10**9)
        if model.weights != "open" or api is None or api.monthly_usd == 0:
            continue
        per_token = api.monthly_usd / 10**9
        tokens = break_even_tokens(api, model, gpus, 10**9)
        samples = [10**k for k in range(6, 14)]
        wins = [
            t for t in samples if (c := self_host_cost(model, t, gpus)) is not None and c.monthly_usd < per_token * t
        ]
        if tokens is None:
            assert not wins, model.id
        else:
            assert all(t >= tokens for t in wins), model.id
            assert self_host_cost(model, tokens, gpus).monthly_usd < per_token * tokens  # type: ignore[union-attr]
        checked += 1
    assert checked >= 20


def test_a_model_too_big_for_one_node_has_no_self_hosting_plan(kb: KnowledgeBase) -> None:
    model = kb.models["llama-3.1-8b-instruct"]
    assert model.self_host is not None
    largest_node = max(g.memory_gb for g in kb.gpus.values()) * 8
    huge = msgspec.structs.replace(
        model, self_host=msgspec.structs.replace(model.self_host, min_gpu_memory_gb=largest_node + 1)
    )
    assert self_host_cost(model, 10**9, list(kb.gpus.values())) is not None
    assert self_host_cost(huge, 10**9, list(kb.gpus.values())) is None
