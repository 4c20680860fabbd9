"""The recommendation: strategy and reasons, shortlist, risks, costs, exclusions, what would change it, what-if."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Footer, Header, Static, TabbedContent, TabPane

from advisor.domain.compare import decision_diff, model_names
from advisor.domain.costs import usd
from advisor.domain.decision import Candidate, Decision
from advisor.domain.profile.form import Answer
from advisor.domain.profile.questions import BY_ID
from advisor.domain.profile.reading import format_answer, short_number
from advisor.domain.report.build import ROUTE_LABEL
from advisor.tui.format import SEVERITY_STYLE, STRATEGY_LABEL, cell, link, risk_block
from advisor.tui.screens.base import AdvisorScreen
from advisor.tui.widgets.charts import Bar, BarChart
from advisor.tui.widgets.whatif import WhatIfBar

TABS = ("shortlist", "costs", "risks", "excluded", "watch")
WIDE = 100
"""Tables at least this wide show more columns."""
TALL = 36
"""Screens at least this tall preview the highlighted model under the shortlist."""
BUDGET_SCALE = 0.25
"""The chart marks the budget only when some cost reaches this share of it."""
MIN_RISK_WIDTH = 24
MIN_NAME_WIDTH = 14


class ModelTable(DataTable[str | Text]):
    """A table of models; Enter or a click opens the model's detail."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "select_cursor", "Details")]


class ResultsScreen(AdvisorScreen):
    """What the engine recommends for the answers (or for a what-if on them)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "export", "Export"),
        Binding("w", "whatif", "What-if"),
        Binding("k", "keep_whatif", "Keep", tooltip="Make the what-if answers your answers"),
        Binding("x", "reset_whatif", "Reset", tooltip="Back to your answers"),
        Binding("escape", "back", "Back"),
        *[Binding(str(i + 1), f"tab('{tab}')", f"Tab {tab}", show=False) for i, tab in enumerate(TABS)],
    ]

    def __init__(self) -> None:
        super().__init__()
        self.decision: Decision | None = None
        self.baseline: Decision | None = None
        self.exported: str | None = None

    @property
    def whatif(self) -> Mapping[str, Answer]:
        """The answers being tried (held by the wizard state; not the founder's answers until kept)."""
        return self.advisor.wizard.what_if

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="results"):
            with VerticalScroll(id="banner"):
                yield Static("Working out the recommendation…", id="summary")
            with TabbedContent(id="tabs"):
                with TabPane("1 Shortlist", id="shortlist"):
                    yield ModelTable(id="shortlist-table", cursor_type="row", zebra_stripes=True)
                    with VerticalScroll(id="preview-box"):
                        yield Static(id="preview")
                with TabPane("2 Costs", id="costs"), VerticalScroll():
                    yield Static(id="cost-head")
                    yield BarChart([], id="cost-chart")
                    yield Static(id="plan")
                    yield Static(id="cost-details")
                with TabPane("3 Risks", id="risks"), VerticalScroll(id="risk-list"):
                    yield Static(id="risks-empty")
                with TabPane("4 Excluded", id="excluded"):
                    yield ModelTable(id="excluded-table", cursor_type="row", zebra_stripes=True)
                with TabPane("5 What would change it", id="watch"), VerticalScroll():
                    yield Static(id="watch-list")
            yield WhatIfBar(dict(self.advisor.wizard.answers), id="whatif")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#tabs").loading = True
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._refit())
        self.recompute()

    # --- computing ------------------------------------------------------------------------------

    @work(exclusive=True, group="decide")
    async def recompute(self) -> None:
        """Run the engine (in a thread, so typing stays smooth) on the answers plus any what-if."""
        wizard = self.advisor.wizard
        baseline = await asyncio.to_thread(self.advisor.decide, wizard.profile())
        decision = await asyncio.to_thread(self.advisor.decide, wizard.what_if_profile())
        self.baseline = baseline
        await self.show_decision(decision)

    async def show_decision(self, decision: Decision) -> None:
        self.decision = decision
        with self.app.batch_update():
            self._banner(decision)
            self._shortlist(decision)
            self._costs(decision)
            await self._risks(decision)
            self._excluded(decision)
            self._watch(decision)
            self.query_one("#tabs").loading = False
        if self.focused is None or self.focused.id == "banner":
            self.query_one("#shortlist-table").focus()
        self.refresh_bindings()
        self.call_after_refresh(self._refit)

    # --- drawing --------------------------------------------------------------------------------

    def _banner(self, decision: Decision) -> None:
        chip = Content.styled(f" {STRATEGY_LABEL[decision.strategy]} ", "bold reverse $accent")
        lines: list[Content | str] = [Content.assemble(chip, " ", Content.styled(decision.summary, "bold"))]
        if self.whatif and self.baseline is not None:
            answers = self.advisor.wizard.answers
            changed = ", ".join(
                f"{BY_ID[k].short} {format_answer(BY_ID[k], answers.get(k))} → {format_answer(BY_ID[k], v)}"
                for k, v in self.whatif.items()
            )
            lines.append(
                Content.assemble(
                    Content.styled("What-if: ", "bold $text-warning"),
                    f"{changed}: {decision_diff(self.baseline, decision).summary()}. ",
                    Content.styled("k keeps it, x resets.", "$text-muted"),
                )
            )
        if self.exported:
            lines.append(Content.styled(f"Exported to {self.exported}", "$text-success"))
        lines.extend(Content.assemble("• ", reason) for reason in decision.rationale)
        self.query_one("#summary", Static).update(Content("\n").join(lines))

    def _shortlist(self, decision: Decision) -> None:
        """The shortlist table; wide terminals also get the weights and the score."""
        table = self.query_one("#shortlist-table", ModelTable)
        variables = self.app.theme_variables
        wide = self._table_width() >= WIDE
        headers = (
            ["#", "Model", "Weights", "License", "$/month", "Score"] if wide else ["#", "Model", "License", "$/month"]
        )
        rows: list[list[str]] = []
        for rank, c in enumerate(decision.shortlist, start=1):
            route = ROUTE_LABEL.get(c.cost.route, "") if c.cost else ""
            cost = f"{usd(c.monthly_cost_usd)} {route}".strip()
            name = c.name or c.model
            rows.append(
                [str(rank), name, c.weights, c.license, cost, f"{c.score:.2f}"]
                if wide
                else [str(rank), name, c.license, cost]
            )
        widths = [max([len(r[i]) for r in rows] + [len(h)]) for i, h in enumerate(headers)]
        room = self._table_width() - sum(widths) - 2 * (len(headers) + 1) - 2
        if room < MIN_RISK_WIDTH:  # narrow terminal: shorten model names before the risk
            cut = min(MIN_RISK_WIDTH - room, max(0, widths[1] - MIN_NAME_WIDTH))
            widths[1] -= cut
            room += cut
        room = max(room, 8)
        for row in rows:
            row[1] = str(Content(row[1]).truncate(widths[1], ellipsis=True))
        cursor = table.cursor_row
        table.clear(columns=True)
        for header, width in zip(headers, widths, strict=True):
            table.add_column(header, key=header, width=width)
        table.add_column("Top risk", key="risk", width=room)
        for row, c in zip(rows, decision.shortlist, strict=True):
            top = c.risks[0] if c.risks else None
            severity = f"{top.severity}: " if top and wide else ""
            risk = (
                Content.assemble(
                    Content.styled("●", SEVERITY_STYLE.get(top.severity, "")), f" {severity}{top.title}"
                ).truncate(room, ellipsis=True)
                if top
                else Content("none found")
            )
            cells: list[str | Text] = list(row)
            cells[1] = cell(Content.styled(row[1], "bold"), variables)
            table.add_row(*cells, cell(risk, variables), key=c.model)
        if decision.shortlist:
            table.move_cursor(row=min(max(cursor, 0), len(decision.shortlist) - 1))

    def _table_width(self) -> int:
        """The width a table gets inside a tab (hidden tabs have no size of their own)."""
        return max(0, self.query_one("#tabs").size.width - 2)

    def _cost_bars(self, decision: Decision) -> list[Bar]:
        budget = decision.profile.get("budget_usd_per_month")
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

    def _costs(self, decision: Decision) -> None:
        names = model_names(decision)
        tokens = decision.profile.get("monthly_tokens")
        budget = decision.profile.get("budget_usd_per_month")
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
        chart.bars = self._cost_bars(decision)
        chart.limit = limit
        chart.refresh(layout=True)
        self.query_one("#cost-details", Static).update(Content("\n").join(self._cost_lines(decision.shortlist)))

    def _cost_lines(self, shortlist: list[Candidate]) -> Iterator[Content]:
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
            for alternative in c.cost.alternatives:
                yield Content.assemble(Content.styled("  instead: ", "$text-muted"), alternative)
            if c.cost.break_even_tokens:
                yield Content.assemble(
                    Content.styled("  break-even: ", "$text-muted"),
                    f"self-hosting pays off above {short_number(c.cost.break_even_tokens)} tokens a month",
                )
            if c.cost.source:
                yield Content.assemble(Content.styled("  price: ", "$text-muted"), link(c.cost.source))
            yield Content("")

    async def _risks(self, decision: Decision) -> None:
        box = self.query_one("#risk-list", VerticalScroll)
        await box.query(".risk").remove()
        names = model_names(decision)
        empty = self.query_one("#risks-empty", Static)
        if not decision.risks:
            empty.update("No open risks on the shortlist.")
            empty.display = True
            return
        empty.display = False
        cards = []
        for risk in decision.risks:
            models = ", ".join(names.get(m, m) for m in risk.models) if risk.models else None
            cards.append(Static(risk_block(risk, models=models), classes=f"risk -{risk.severity}"))
        await box.mount_all(cards)

    def _excluded(self, decision: Decision) -> None:
        table = self.query_one("#excluded-table", ModelTable)
        names = [e.name or e.model for e in decision.excluded]
        licenses = [e.license for e in decision.excluded]
        width = self._table_width()
        widths = [
            min(max([len(n) for n in names] + [5]), max(20, width * 35 // 100)),
            min(max([len(x) for x in licenses] + [7]), max(12, width * 20 // 100)),
        ]
        room = max(20, width - sum(widths) - 2 * 3 - 2)
        names = [str(Content(n).truncate(widths[0], ellipsis=True)) for n in names]
        licenses = [str(Content(x).truncate(widths[1], ellipsis=True)) for x in licenses]
        table.clear(columns=True)
        table.add_column("Model", key="model", width=widths[0])
        table.add_column("License", key="license", width=widths[1])
        table.add_column("Why it is ruled out", key="why", width=room)
        for e, name, lic in zip(decision.excluded, names, licenses, strict=True):
            reasons = "; ".join(r.title for r in e.reasons)
            table.add_row(name, lic, Content(reasons).truncate(room, ellipsis=True).plain, key=e.model)
        pane = self.query_one(TabbedContent).get_tab("excluded")
        pane.label = f"4 Excluded ({len(decision.excluded)})"

    def _watch(self, decision: Decision) -> None:
        names = model_names(decision)
        if not decision.watch:
            self.query_one("#watch-list", Static).update("Nothing in the knowledge base would change this answer.")
            return
        blocks = []
        for w in decision.watch:
            models = ", ".join(names.get(m, m) for m in w.models[:6]) + (" …" if len(w.models) > 6 else "")
            block: list[Content | str] = [
                Content.styled(
                    f"If {(w.condition or w.trigger)[:1].lower()}{(w.condition or w.trigger)[1:]}", "bold $text-warning"
                ),
                "\n",
                w.effect,
                "\n",
                Content.styled(f"Affects: {models}", "$text-muted"),
            ]
            if w.source:
                block += ["\n", Content.styled("Source: ", "$text-muted"), link(w.source)]
            blocks.append(Content.assemble(*block))
        self.query_one("#watch-list", Static).update(Content("\n\n").join(blocks))

    def _refit(self) -> None:
        """Tables truncate their last column to the width available: fill them again for the new size."""
        if self.decision is not None:
            self._shortlist(self.decision)
            self._excluded(self.decision)

    # --- what-if ----------------------------------------------------------------------------------

    @on(WhatIfBar.Changed)
    def _what_if(self, event: WhatIfBar.Changed) -> None:
        if self.advisor.wizard.try_what_if(event.question_id, event.value):
            self.recompute()

    @on(WhatIfBar.Left)
    def _leave_what_if(self) -> None:
        self.query_one("#shortlist-table").focus()

    def action_whatif(self) -> None:
        self.query_one(WhatIfBar).query("Input, Select").first().focus()

    def action_reset_whatif(self) -> None:
        self.advisor.wizard.reset_what_if()
        self.query_one(WhatIfBar).reset(dict(self.advisor.wizard.answers))
        self.recompute()

    def action_keep_whatif(self) -> None:
        self.advisor.keep_what_if()
        self.baseline = self.decision
        self.query_one(WhatIfBar).reset(dict(self.advisor.wizard.answers))
        if self.decision is not None:
            self._banner(self.decision)
        self.notify("The what-if answers are now your answers (autosaved).")
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("keep_whatif", "reset_whatif"):
            return bool(self.whatif)
        if action == "export":
            return self.decision is not None
        return True

    # --- elsewhere --------------------------------------------------------------------------------

    def action_tab(self, tab: str) -> None:
        """Show a tab and put the focus in it, so its keys (Enter on a model) work at once."""
        self.query_one(TabbedContent).active = tab
        pane = self.query_one(f"#{tab}", TabPane)
        target = pane.query("ModelTable, VerticalScroll").first()
        self.call_after_refresh(target.focus)

    def action_back(self) -> None:
        self.advisor.action_review()

    def action_export(self) -> None:
        """Ask where to write the report of the decision on screen; the app writes it."""
        from advisor.tui.screens.export import ExportRequest, ExportScreen

        decision = self.decision
        if decision is None:
            return

        async def write(request: ExportRequest) -> None:
            await self.advisor.export_report(decision, request)

        def exported(request: ExportRequest | None) -> None:
            if request is not None:
                self.exported = str(request.path)
                self.notify(f"Report written to {request.path}", title="Exported", timeout=8)
                if self.decision is not None:
                    self._banner(self.decision)

        dialog = ExportScreen(self.advisor.cwd, decision.generated_at[:10], write, scenario=bool(self.whatif))
        self.app.push_screen(dialog, exported)

    @on(DataTable.RowHighlighted, "#shortlist-table")
    def _preview(self, event: DataTable.RowHighlighted) -> None:
        """On tall terminals, the highlighted model's cost, fit, duties and risks show under the table."""
        if self.decision is None or event.row_key.value is None:
            return
        candidate = next((c for c in self.decision.shortlist if c.model == event.row_key.value), None)
        if candidate is not None:
            self.query_one("#preview", Static).update(Content("\n").join(self._preview_lines(candidate)))

    def _preview_lines(self, c: Candidate) -> Iterator[Content]:
        yield Content.assemble(
            Content.styled(c.name or c.model, "bold $text-accent"),
            Content.styled(
                f"  {c.license} · {c.weights} weights · score {c.score:.2f} · Enter for the details", "$text-muted"
            ),
        )
        if c.cost is not None:
            yield Content(
                f"{ROUTE_LABEL.get(c.cost.route, c.cost.route)}: {usd(c.cost.monthly_usd)}/month — {c.cost.basis}"
            )
        if c.fit:
            yield Content("Fit: " + "; ".join(c.fit))
        for duty in c.obligations:
            yield Content.assemble(Content.styled("Duty: ", "bold"), duty)
        for risk in c.risks:
            yield Content.assemble(
                Content.styled("● ", SEVERITY_STYLE.get(risk.severity, "")),
                Content.styled(f"{risk.severity}: {risk.title}", "bold"),
                Content.styled(f"  [{risk.license} · {risk.clause}]", "$text-muted"),
            )

    def on_resize(self) -> None:
        self.set_class(self.size.height >= TALL, "-tall")
        if self.decision is not None:
            self.call_after_refresh(self._refit)

    @on(DataTable.RowSelected)
    def _open_model(self, event: DataTable.RowSelected) -> None:
        from advisor.tui.screens.model_detail import ModelDetailScreen

        if self.decision is not None and event.row_key.value is not None:
            self.app.push_screen(ModelDetailScreen(event.row_key.value, self.decision))

    def palette_commands(self) -> Iterator[tuple[str, str, Any]]:
        """Actions of this screen for the command palette."""
        yield "Export report…", "Write the recommendation as Markdown, HTML or JSON", self.action_export
        yield "What-if: change an answer", "Try another answer and see the recommendation follow", self.action_whatif
        if self.whatif:
            yield "Reset what-if", "Back to your answers", self.action_reset_whatif
            yield "Keep what-if", "Make the what-if answers your answers", self.action_keep_whatif
        for tab, title in zip(TABS, ("Shortlist", "Costs", "Risks", "Excluded", "What would change it"), strict=True):
            yield f"Show: {title}", f"Open the {title.lower()} tab", lambda tab=tab: self.action_tab(tab)
