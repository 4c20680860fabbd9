"""The report's cost sections: the first choice over 24 months, what serving takes, the fine-tune and the
distillation, and the cost assumptions that would flip the route."""

from __future__ import annotations

from advisor.domain.decision import Candidate, Decision
from advisor.domain.report.document import Block, Heading, Inlines, Paragraph, Table, b, t
from advisor.domain.wording import usd

TCO_MONTHS = 24


def candidate_cost_facts(c: Candidate) -> list[Inlines]:
    """A shortlist entry's cost beyond its route: 24 months on, the customer's share, serving, the fine-tune."""
    facts: list[Inlines] = []
    cost = c.cost
    if cost is not None and cost.monthly_usd_24m is not None and cost.monthly_usd_24m != cost.monthly_usd:
        facts.append([b("In 24 months: "), t(f"about {usd(cost.monthly_usd_24m)}/month at the 24-month user count")])
    if cost is not None and cost.customer_monthly_usd:
        facts.append(
            [b("The customer's cost: "), t(f"{usd(cost.customer_monthly_usd)}/month of hardware on its premises")]
        )
    if cost is not None and cost.serving is not None:
        s = cost.serving
        facts.append(
            [
                b("Serving: "),
                t(
                    f"{s.replicas} replica{'s' if s.replicas != 1 else ''} of {s.gpus_per_replica}× {s.gpu} at "
                    f"{s.precision}; {s.memory_needed_gb:,.0f} GB a replica (weights {s.weights_gb:,.0f} GB, KV cache "
                    f"{s.kv_cache_gb:,.0f} GB) of {s.gpu_memory_gb * s.gpus_per_replica:,.0f} GB"
                ),
            ]
        )
    tune = c.fine_tune
    if tune is not None:
        training = f"; training about {usd(tune.training_usd)} a run" if tune.training_usd is not None else ""
        facts.append([b("Fine-tune: "), t(f"{tune.where}{training}")])
    return facts


def total_cost_blocks(decision: Decision) -> list[Block]:
    """The first choice's cost over 24 months, growing with users, beside the budget."""
    if not decision.shortlist or decision.shortlist[0].cost is None:
        return []
    first = decision.shortlist[0]
    cost = first.cost
    assert cost is not None
    later = cost.monthly_usd_24m if cost.monthly_usd_24m is not None else cost.monthly_usd
    total = (cost.monthly_usd + later) / 2 * TCO_MONTHS  # the bill grows about evenly from today's to the 24-month one
    customer = cost.customer_monthly_usd * TCO_MONTHS
    tune = first.fine_tune.training_usd if first.fine_tune and first.fine_tune.training_usd else 0.0
    rows = [
        [[t("Today")], [t(f"{usd(cost.monthly_usd)}/month")]],
        [[t("At the 24-month user count")], [t(f"{usd(later)}/month")]],
        [[b(f"Over {TCO_MONTHS} months")], [b(usd(total + tune))]],
    ]
    if tune:
        rows.insert(2, [[t("One fine-tuning run")], [t(usd(tune))]])
    if customer:
        rows.append([[t("The customer's hardware, over the same months")], [t(usd(customer))]])
    return [
        Heading(3, f"{first.name or first.model} over {TCO_MONTHS} months", "total-cost"),
        Table(["", "Cost"], rows, numeric={1}),
    ]


def distillation_blocks(decision: Decision) -> list[Block]:
    """Training on outputs: the teacher's one-off run and the student's monthly serving, as separate lines."""
    d = decision.distillation
    if d is None:
        return []
    names = {c.model: c.name or c.model for c in decision.considered}
    return [
        Heading(3, "Distillation: teacher and student", "distillation"),
        Table(
            ["Role", "Model", "Cost"],
            [
                [
                    [t("Teacher (writes the training data once)")],
                    [b(names.get(d.teacher, d.teacher))],
                    [t(usd(d.teacher_cost_usd))],
                ],
                [
                    [t("Student (fine-tuned, serves production)")],
                    [b(names.get(d.student, d.student))],
                    [t(f"{usd(d.student_monthly_usd)}/month")],
                ],
            ],
        ),
        Paragraph([t(d.note)], role="small"),
    ]


def cost_flip_blocks(decision: Decision) -> list[Block]:
    """The cost assumptions that would make the other route cheaper for the first choice, each moved alone."""
    if not decision.cost_flips:
        return []
    return [
        Heading(3, "What would flip the cost comparison", "cost-flips"),
        Paragraph([t("Each assumption moved on its own, the others held:")], role="small"),
        Table(
            ["Assumption", "Today", "Flips at", "Then"],
            [[[t(f.assumption)], [t(f.today)], [b(f.flips_at)], [t(f.effect)]] for f in decision.cost_flips],
        ),
    ]
