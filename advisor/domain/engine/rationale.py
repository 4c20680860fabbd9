"""The decision in prose: the reasons behind the strategy, the cost of the first choice, and the one-line headline."""

from __future__ import annotations

from advisor.domain.costs import usd
from advisor.domain.decision import Candidate, Split, Strategy
from advisor.domain.engine.assessment import Assessment
from advisor.domain.engine.evidence import evidence_label, sorted_risks
from advisor.domain.knowledge.base import KnowledgeBase
from advisor.domain.profile.answers import Profile


def rationale_lines(
    p: Profile,
    strategy_reasons: list[str],
    considered: list[Assessment],
    excluded: list[Assessment],
    kb: KnowledgeBase,
) -> list[str]:
    lines = list(strategy_reasons)
    total = len(considered) + len(excluded)
    counts: dict[str, int] = {}
    for a in excluded:
        for r in a.risks:
            if r.severity == "blocker":
                counts[r.title] = counts.get(r.title, 0) + 1
    if excluded:
        common = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
        lines.append(
            f"{len(considered)} of {total} models pass your constraints; the most common reasons for ruling one out: "
            + "; ".join(f"{title} ({n})" for title, n in common)
            + "."
        )
    if considered:
        top = considered[0]
        if top.cost is not None and top.cost.route == "on_device":
            lines.append(
                f"{top.model.name} runs on your users' devices: no inference bill, but it must fit their memory."
            )
        elif top.cost is not None and p.use_case == "image_generation":
            lines.append(
                f"Serving {top.model.name} costs about {usd(top.cost.monthly_usd)} a month ({top.cost.basis})."
            )
        elif top.cost is not None:
            lines.append(
                f"At {p.monthly_tokens / 1e6:,.0f}M tokens a month, {top.model.name} costs about {usd(top.cost.monthly_usd)} a month ({top.cost.basis})."
            )
        if top.break_even and top.cost is not None and top.cost.route == "api":
            lines.append(
                f"Self-hosting {top.model.name} beats its hosted price from about {top.break_even / 1e6:,.0f}M tokens a month; "
                f"you are at {p.monthly_tokens / 1e6:,.0f}M."
            )
        elif top.cost is not None and top.cost.route == "self_host" and top.model.price is not None:
            lines.append(
                f"At your volume, running {top.model.name} on your own GPUs is cheaper than paying a host per token."
            )
        worst = sorted_risks(top.risks)
        if worst and worst[0].severity in ("high", "medium"):
            lines.append(f"The main risk of {top.model.name}: {worst[0].title} ({evidence_label(worst[0])}).")
    if p.ml_team == "none":
        lines.append("With no ML team yet, APIs or hosted open weights avoid running GPUs yourselves.")
    return lines


def headline(strategy: Strategy, primary: Candidate | None, split: Split | None) -> str:
    if primary is None:
        return "No model in the knowledge base meets every constraint."
    if primary.cost is not None and primary.cost.route == "on_device":
        return f"Go {strategy}: start with {primary.name} ({primary.license}), running on your users' devices."
    monthly = split.monthly_cost_usd if split else primary.monthly_cost_usd
    return f"Go {strategy}: start with {primary.name} ({primary.license}), about {usd(monthly)}/month."
