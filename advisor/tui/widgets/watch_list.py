"""The results' What-would-change-it tab: each trigger that would change the answer, its effect and its source."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from advisor.domain.compare import model_names
from advisor.domain.decision import Decision
from advisor.tui.format import link

MAX_MODELS = 6
"""Models named per trigger; more are marked with an ellipsis."""


class WatchList(Static):
    """The triggers of a decision: if this happens, that changes, for these models."""

    def show(self, decision: Decision) -> None:
        """Show the triggers of `decision` (or say that nothing in the knowledge would change it)."""
        names = model_names(decision)
        title = Content.styled("License thresholds and dates", "bold $text-accent")
        if not decision.watch:
            self.update(Content.assemble(title, "\nNo license threshold or announced date touches this answer."))
            return
        blocks: list[Content] = [title]
        for w in decision.watch:
            models = ", ".join(names.get(m, m) for m in w.models[:MAX_MODELS])
            models += " …" if len(w.models) > MAX_MODELS else ""
            condition = w.condition or w.trigger
            block: list[Content | str] = [
                Content.styled(f"If {condition[:1].lower()}{condition[1:]}", "bold $text-warning"),
                "\n",
                w.effect,
                "\n",
                Content.styled(f"Affects: {models}", "$text-muted"),
            ]
            if w.source:
                block += ["\n", Content.styled("Source: ", "$text-muted"), link(w.source)]
            blocks.append(Content.assemble(*block))
        self.update(Content("\n\n").join(blocks))
