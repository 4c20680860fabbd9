"""The model highlighted in the shortlist, previewed under it on tall terminals: cost, fit, duties and risks."""

from __future__ import annotations

from collections.abc import Iterator

from textual.content import Content
from textual.widgets import Static

from advisor.domain.decision import Candidate
from advisor.domain.report.sections import ROUTE_LABEL
from advisor.domain.wording import usd
from advisor.tui.format import SEVERITY_STYLE


class ModelPreview(Static):
    """A few lines on one shortlisted model; Enter on its row opens the full detail."""

    def show(self, candidate: Candidate) -> None:
        """Preview `candidate`."""
        self.update(Content("\n").join(_preview_lines(candidate)))


def _preview_lines(c: Candidate) -> Iterator[Content]:
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
