"""The results' Costs tab: the shortlist's monthly cost as bars (the budget marked), the plan, and each cost's basis."""

from __future__ import annotations

from collections.abc import Iterator

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from advisor.domain.compare import model_names
from advisor.domain.decision import Candidate, Decision
from advisor.domain.profile.reading import short_number
from advisor.domain.report.sections import ROUTE_LABEL
from advisor.domain.wording import usd
from advisor.tui.format import alternative_text, break_even_text, link
from advisor.tui.widgets.charts import Bar, BarChart

BUDGET_SCALE = 0.25
"""The chart marks the budget only when some cost reaches this share of it."""


class CostsView(VerticalScroll):
    """What the shortlist costs a month: a heading, a bar per model, the plan, then each model's cost in full."""

    def compose(self) -> ComposeResult:
        yield Static(id="cost-head")
        yield BarChart([], id="cost-chart")
        yield Static(id="plan")
        yield Static(id="cost-details")

    def show(self, decision: Decision) -> None:
        """Show the costs of `decision`'s shortlist."""
        names = model_names(decision)
        tokens = decision.profile.monthly_tokens
        budget = decision.profile.budget_usd_per_month
        costs = [c.monthly_cost_usd for c in decision.shortlist]
        limit = float(budget) if isinstance(budget, int | float) else None
        if limit is None:
            budget_note = ""
        elif costs and max(costs) < limit * BUDGET_SCALE:  # drawn to the budget, the bars would be slivers
            budget_note, limit = f"; all well under the budget of {usd(limit)}", None
        else:
            budget_note = f"; ┊ marks the budget of {usd(limit)} (red: over it)"
        head: list[Content | str] = [
            Content.styled("Monthly cost of the shortlist", "bold"),
            f" at {short_number(tokens)} tokens a month" if isinstance(tokens, int) else "",
            budget_note,
        ]
        plan = decision.plan
        lines: list[Content] = []
        if plan is not None:
            split = f"{plan.primary_share:.0%} to {names.get(plan.primary, plan.primary)}"
            if plan.secondary:
                split += f", {1 - plan.primary_share:.0%} to {names.get(plan.secondary, plan.secondary)}"
            lines = [
                Content.assemble(
                    Content.styled("The plan: ", "bold"), f"{split}, about {usd(plan.monthly_cost_usd)}/month."
                ),
                Content(plan.routing),
            ]
            if plan.fallback:
                lines.append(
                    Content.assemble(
                        Content.styled("Fallback: ", "bold"),
                        f"{names.get(plan.fallback, plan.fallback)}. ",
                        plan.fallback_plan,
                    )
                )
        self.query_one("#cost-head", Static).update(Content.assemble(*head))
        self.query_one("#plan", Static).update(Content("\n").join(lines))
        chart = self.query_one("#cost-chart", BarChart)
        chart.bars = _cost_bars(decision)
        chart.limit = limit
        chart.refresh(layout=True)
        self.query_one("#cost-details", Static).update(Content("\n").join(_cost_lines(decision.shortlist)))


def _cost_bars(decision: Decision) -> list[Bar]:
    """A bar per shortlisted model, red where it is over the budget."""
    budget = decision.profile.budget_usd_per_month
    bars = []
    for c in decision.shortlist:
        over = isinstance(budget, int | float) and c.monthly_cost_usd > budget
        route = ROUTE_LABEL.get(c.cost.route, "") if c.cost else ""
        bars.append(
            Bar(
                c.name or c.model,
                c.monthly_cost_usd,
                f"{usd(c.monthly_cost_usd)} {route}".strip(),
                "$error" if over else "$accent",
            )
        )
    return bars


def _cost_lines(shortlist: list[Candidate]) -> Iterator[Content]:
    """Each model's cost in full: the route and its basis, the alternatives, the break-even, the price's source."""
    yield Content("")
    for c in shortlist:
        yield Content.styled(c.name or c.model, "bold underline")
        if c.cost is None:
            yield Content.styled("No price or hosting data in the knowledge base.", "$text-muted")
            continue
        yield Content.assemble(
            Content.styled(f"{ROUTE_LABEL.get(c.cost.route, c.cost.route)}: ", "bold"),
            f"{usd(c.cost.monthly_usd)}/month — {c.cost.basis}",
        )
        if c.cost.reason:
            yield Content.assemble(Content.styled("  why this route: ", "$text-muted"), c.cost.reason)
        for alternative in c.cost.alternatives:
            yield Content.assemble(Content.styled("  instead: ", "$text-muted"), alternative_text(alternative))
        if break_even := break_even_text(c.cost):
            yield Content.assemble(Content.styled("  break-even: ", "$text-muted"), break_even)
        if c.cost.source:
            yield Content.assemble(Content.styled("  price: ", "$text-muted"), link(c.cost.source))
        yield Content("")
