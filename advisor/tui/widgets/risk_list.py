"""The results' Risks tab: each open risk on the shortlist as a card, with its evidence and the models it applies to."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from advisor.domain.compare import model_names
from advisor.domain.decision import Decision
from advisor.tui.format import risk_block


class RiskList(VerticalScroll):
    """A card per risk (coloured by severity), or a line saying there are none."""

    def compose(self) -> ComposeResult:
        yield Static(id="risks-empty")

    async def show(self, decision: Decision) -> None:
        """Show the risks of `decision` in place of those shown before."""
        await self.query(".risk").remove()
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
        await self.mount_all(cards)
