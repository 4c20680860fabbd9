"""One model up close: how it fares in this decision, its license terms with their clauses, its lineage."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from advisor.domain.decision import Decision
from advisor.domain.knowledge.base import KnowledgeBase
from advisor.domain.knowledge.quality import ratings
from advisor.domain.knowledge.schema import Model
from advisor.domain.knowledge.terms import describe_terms
from advisor.domain.profile.questions import BY_ID
from advisor.domain.profile.reading import choice_label, choice_words
from advisor.domain.report.sections import ROUTE_LABEL
from advisor.domain.wording import usd, vendor_name
from advisor.tui.format import alternative_text, break_even_text, link, risk_block, score_parts_text
from advisor.tui.screens.base import AdvisorScreen
from advisor.tui.widgets.footer import KeyFooter
from advisor.tui.widgets.title_bar import TitleBar

MAX_LINEAGE = 12
"""Guard against a cycle of `supersedes` in a hand-edited knowledge base."""


def heading(text: str) -> Content:
    return Content.styled(text, "bold $text-accent")


def lineage(model: Model, kb: KnowledgeBase) -> tuple[list[Model], list[Model]]:
    """The versions this model replaces (newest first), and the ones that replace it."""
    before: list[Model] = []
    current = model
    while current.supersedes and len(before) < MAX_LINEAGE:
        previous = kb.models.get(current.supersedes)
        if previous is None or previous in before:
            break
        before.append(previous)
        current = previous
    return before, list(kb.successors(model.id))


class ModelDetailScreen(AdvisorScreen):
    """Everything the advisor knows about one model, with the evidence."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "app.pop_screen", "Back")]

    def __init__(self, model_id: str, decision: Decision) -> None:
        super().__init__()
        self.model_id = model_id
        self.decision = decision

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="detail"):
            yield Static(Content("\n").join(self._facts()), id="detail-facts")
            yield Static(Content("\n").join(self._standing()), id="detail-standing")
            yield Static(Content("\n").join(self._terms()), id="detail-terms")
            yield Static(Content("\n").join(self._lineage()), id="detail-lineage")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#detail").focus()

    @property
    def model(self) -> Model:
        return self.advisor.kb.models[self.model_id]

    def _facts(self) -> Iterator[Content]:
        m = self.model
        yield Content.assemble(Content.styled(m.name, "bold"), Content.styled(f"  {m.id}", "$text-muted"))
        size = f"{m.params_b:g}B parameters" if m.params_b else "size not published"
        if m.active_params_b:
            size += f" ({m.active_params_b:g}B active)"
        yield Content(
            f"{vendor_name(m.vendor)} · released {m.released} · {m.weights} weights · {size} · {m.context_tokens:,}-token context"
        )
        yield Content(f"Good for: {', '.join(choice_label(BY_ID['use_case'], u) for u in m.use_cases)}")
        yield from self._quality()
        where = m.hf_repo or m.api_id
        if where:
            yield Content.assemble("Weights: " if m.hf_repo else "API id: ", where)
        if m.price is not None:
            yield Content(
                f"List price: ${m.price.input_usd_per_mtok:g} in / ${m.price.output_usd_per_mtok:g} out per million "
                f"tokens (as of {m.price.as_of})"
            )
        if m.deprecated:
            yield Content.styled(f"Retired or deprecated on {m.deprecated}", "$text-error")
        if m.license_note:
            yield Content.styled(m.license_note, "$text-warning")
        for source in m.sources:
            yield Content.assemble("Source: ", link(source))

    def _quality(self) -> Iterator[Content]:
        """Quality per use case from the model's evidence, each result with its date and source."""
        m = self.model
        if not m.quality_evidence:
            yield Content.styled(f"Quality: {m.quality or 'none'}, set by hand — unrated by evidence", "$text-warning")
            return
        asked = self.decision.profile.use_case
        for r in ratings(m):
            mark = "▸ " if r.use_case == asked else "  "
            yield Content.assemble(
                mark,
                Content.styled(f"Quality for {choice_words(BY_ID['use_case'], r.use_case)}: ", "bold"),
                r.summary(),
            )
            for p in (*r.deciding, *r.context):
                yield Content.assemble("    ", p.line(), " ", link(p.evidence.source, "source"))
        if all(r.use_case != asked for r in ratings(m)):
            yield Content.styled(
                f"  Unrated for {choice_words(BY_ID['use_case'], asked)}: no published benchmark result for this use",
                "$text-warning",
            )

    def _standing(self) -> Iterator[Content]:
        yield Content("")
        candidate = next((c for c in self.decision.considered if c.model == self.model_id), None)
        excluded = next((e for e in self.decision.excluded if e.model == self.model_id), None)
        if excluded is not None:
            yield heading("Ruled out for your answers")
            for risk in excluded.reasons:
                yield risk_block(risk)
            return
        if candidate is None:
            yield heading("Not part of this decision (the knowledge base has changed since)")
            return
        rank = self.decision.considered.index(candidate) + 1
        yield heading(f"In this decision: #{rank} of {len(self.decision.considered)}, score {candidate.score:.2f}")
        if candidate.score_parts is not None:
            yield Content(score_parts_text(candidate.score_parts))
        if candidate.cost is not None:
            cost = candidate.cost
            yield Content(f"{ROUTE_LABEL.get(cost.route, cost.route)}: {usd(cost.monthly_usd)}/month — {cost.basis}")
            if cost.reason:
                yield Content(f"  why this route: {cost.reason}")
            for alternative in cost.alternatives:
                yield Content(f"  instead: {alternative_text(alternative)}")
            if break_even := break_even_text(cost):
                yield Content(f"  {break_even}")
        for fit in candidate.fit:
            yield Content(f"• {fit}")
        if candidate.obligations:
            yield Content("")
            yield heading("What the license asks of you")
            for duty in candidate.obligations:
                yield Content(f"• {duty}")
        if candidate.risks:
            yield Content("")
            yield heading("Risks")
            for risk in candidate.risks:
                yield risk_block(risk)
                yield Content("")

    def _terms(self) -> Iterator[Content]:
        lic = self.advisor.kb.licenses.get(self.model.license)
        yield Content("")
        if lic is None:
            yield heading(f"License {self.model.license}: not in the knowledge base")
            return
        yield heading(f"License: {lic.name}")
        spdx = f" · SPDX {lic.spdx}" if lic.spdx else ""
        yield Content.assemble(f"{lic.id} · {lic.category}{spdx} · read {lic.verified} · ", link(lic.url))
        for term in describe_terms(lic):
            yield Content.assemble(Content.styled(f"{term.label}: ", "bold"), term.value)
            clause = term.clause
            if clause is None:
                yield Content.styled("  (the license says nothing specific)", "$text-muted")
                continue
            unverified = "" if clause.verified else " · unverified"
            yield Content.styled(f"  clause {clause.id}{unverified}", "$text-accent")
            yield Content.styled(f"  “{clause.quote}”", "italic $text-muted")
            yield Content.assemble("  ", link(clause.source))

    def _lineage(self) -> Iterator[Content]:
        before, after = lineage(self.model, self.advisor.kb)
        yield Content("")
        yield heading("Lineage")
        if not before and not after:
            yield Content("No earlier or later version in the knowledge base.")
        for m in after:
            yield Content(f"Replaced by: {m.name} ({m.id}, {m.released}, license {m.license})")
        for m in before:
            yield Content(f"Replaces: {m.name} ({m.id}, {m.released}, license {m.license})")
