"""The cost model: self-hosting plans and the break-even volume, checked against brute force."""

from __future__ import annotations

import msgspec

from advisor.domain.costs import api_cost, break_even_ranges, break_even_tokens, self_host_cost
from advisor.domain.knowledge.base import KnowledgeBase
from advisor.domain.knowledge.loader import load
from advisor.domain.knowledge.schema import Gpu, Model

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


def _self_hosting_wins(model: Model, gpus: list[Gpu], per_token: float, tokens: int) -> bool | None:
    """Whether self-hosting is cheaper at `tokens` (None when the two differ by less than a cent: rounding)."""
    own = self_host_cost(model, tokens, gpus)
    if own is None:
        return False
    if abs(own.monthly_usd - per_token * tokens) < 0.01:
        return None
    return own.monthly_usd < per_token * tokens


def test_break_even_ranges_are_where_self_hosting_wins_step_by_step(kb: KnowledgeBase) -> None:
    gpus = list(kb.gpus.values())
    stepped = 0
    for model in kb.models.values():
        api = api_cost(model, 10**9)
        if model.weights != "open" or api is None or api.monthly_usd == 0:
            continue
        per_token = api.monthly_usd / 10**9
        ranges = break_even_ranges(api, model, gpus, 10**9)
        assert (ranges[0][0] if ranges else None) == break_even_tokens(api, model, gpus, 10**9), model.id
        stepped += len(ranges) > 1

        def inside(tokens: int, ranges: list[tuple[int, int | None]] = ranges) -> bool:
            return any(first <= tokens and (last is None or tokens <= last) for first, last in ranges)

        samples = {round(10 ** (6 + k / 8)) for k in range(8 * 8)}
        for first, last in ranges:  # both sides of every edge
            samples |= {first - 1, first} | ({last, last + 1} if last is not None else set())
        for tokens in sorted(samples):
            wins = _self_hosting_wins(model, gpus, per_token, tokens)
            assert wins is None or wins == inside(tokens), (model.id, tokens, ranges)
    assert stepped >= 5  # GPU steps really do split the volumes where self-hosting wins


def test_a_worked_example_of_ranges_split_by_a_replica_step() -> None:
    kb = load([FIXTURES / "kb_small"], bundled=False)
    model, gpus = kb.models["open-12b"], list(kb.gpus.values())
    api = api_cost(model, 100_000_000)
    assert api is not None
    # The API: $0.25 per million tokens. One H100 replica: $3/h x 730 h = $2,190 a month, so one replica
    # pays off above 2,190 / 0.25e-6 = 8.76B tokens. It serves 40,000 / 12B = 3,333 output tok/s x 3,600 x
    # 730 x 50% utilisation = 4.38B output-token equivalents a month; a token costs 0.25 + 0.75 / 8 = 0.34375
    # of one, so a replica serves 4.38B / 0.34375 = 12.74B tokens. Past that a second replica ($4,380)
    # loses to the API until 2 x 8.76B = 17.52B; two serve up to 25.48B; a third ($6,570) wins from
    # 26.28B, and from four replicas on (35.04B < 3 x 12.74B) the steps no longer open a gap.
    assert break_even_ranges(api, model, gpus, 100_000_000) == [
        (8_760_000_001, 12_741_818_181),
        (17_520_000_001, 25_483_636_363),
        (26_280_000_001, None),
    ]
