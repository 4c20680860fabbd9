"""The results' tables of models: the shortlist and the excluded models, fitted to the width they are given.

Enter or a click on a row opens that model's detail. The last column takes the room left and is cut to
it, so a table is filled again when its width changes.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import DataTable

from advisor.domain.decision import Decision
from advisor.domain.report.sections import ROUTE_LABEL
from advisor.domain.wording import usd
from advisor.tui.format import SEVERITY_STYLE, cell

WIDE = 100
"""Tables at least this wide show more columns."""
MIN_RISK_WIDTH = 24
MIN_NAME_WIDTH = 14


class ModelTable(DataTable[str | Text]):
    """A table of models; Enter or a click opens the model's detail."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "select_cursor", "Details")]


class ShortlistTable(ModelTable):
    """The shortlist: rank, model, license, monthly cost and top risk; wide tables add the weights and the score."""

    def show(self, decision: Decision, width: int) -> None:
        """Fill the table with `decision`'s shortlist, `width` columns wide (the cursor stays on its row)."""
        variables = self.app.theme_variables
        wide = width >= WIDE
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
        room = width - sum(widths) - 2 * (len(headers) + 1) - 2
        if room < MIN_RISK_WIDTH:  # narrow terminal: shorten model names before the risk
            cut = min(MIN_RISK_WIDTH - room, max(0, widths[1] - MIN_NAME_WIDTH))
            widths[1] -= cut
            room += cut
        room = max(room, 8)
        for row in rows:
            row[1] = str(Content(row[1]).truncate(widths[1], ellipsis=True))
        cursor = self.cursor_row
        self.clear(columns=True)
        for header, column_width in zip(headers, widths, strict=True):
            self.add_column(header, key=header, width=column_width)
        self.add_column("Top risk", key="risk", width=room)
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
            self.add_row(*cells, cell(risk, variables), key=c.model)
        if decision.shortlist:
            self.move_cursor(row=min(max(cursor, 0), len(decision.shortlist) - 1))


class ExcludedTable(ModelTable):
    """The models ruled out: name, license, and why (the reasons' titles)."""

    def show(self, decision: Decision, width: int) -> None:
        """Fill the table with `decision`'s excluded models, `width` columns wide."""
        names = [e.name or e.model for e in decision.excluded]
        licenses = [e.license for e in decision.excluded]
        widths = [
            min(max([len(n) for n in names] + [5]), max(20, width * 35 // 100)),
            min(max([len(x) for x in licenses] + [7]), max(12, width * 20 // 100)),
        ]
        room = max(20, width - sum(widths) - 2 * 3 - 2)
        names = [str(Content(n).truncate(widths[0], ellipsis=True)) for n in names]
        licenses = [str(Content(x).truncate(widths[1], ellipsis=True)) for x in licenses]
        self.clear(columns=True)
        self.add_column("Model", key="model", width=widths[0])
        self.add_column("License", key="license", width=widths[1])
        self.add_column("Why it is ruled out", key="why", width=room)
        for e, name, lic in zip(decision.excluded, names, licenses, strict=True):
            reasons = "; ".join(r.title for r in e.reasons)
            self.add_row(name, lic, Content(reasons).truncate(room, ellipsis=True).plain, key=e.model)
