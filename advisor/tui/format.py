"""How the wizard words and colours what the engine found (presentation only, no judgement)."""

from __future__ import annotations

from rich.text import Text
from textual.content import Content
from textual.markup import parse_style
from textual.style import Style

from advisor.domain.decision import Risk
from advisor.domain.decision_entries import Alternative, Cost, Option, ScoreParts, TradeOff
from advisor.domain.engine.scoring import SCORE_WEIGHTS
from advisor.domain.report.sections import ROUTE_LABEL
from advisor.domain.wording import usd, volume_ranges

__all__ = [
    "ROUTE_LABEL",
    "STRATEGY_LABEL",
    "alternative_text",
    "break_even_text",
    "cell",
    "link",
    "risk_block",
    "score_parts_text",
    "severity_badge",
    "trade_off_line",
    "usd",
]

STRATEGY_LABEL = {"open": "OPEN WEIGHTS", "closed": "CLOSED API", "hybrid": "HYBRID"}
SEVERITY_STYLE = {"blocker": "bold $error", "high": "$error", "medium": "$warning", "low": "$primary"}
"""Severity -> theme colour (so both themes colour findings the same way)."""


def alternative_text(alternative: Alternative) -> str:
    """Another route for the same model: who would serve it, for how much, and how that was reached."""
    return f"{alternative.host}, {usd(alternative.monthly_usd)}/month — {alternative.basis}"


def break_even_text(cost: Cost) -> str | None:
    """Where self-hosting beats the hosted price, in monthly token volumes (None when it never does)."""
    if not cost.break_even_ranges:
        return None
    return f"self-hosting beats the hosted price at monthly token volumes {volume_ranges(cost.break_even_ranges)}"


def score_parts_text(parts: ScoreParts) -> str:
    """The terms of a score with their weights: `quality 1.00×35% + cost 0.80×25% + … − unconfirmed 0.01`."""
    terms = " + ".join(f"{name} {getattr(parts, name):.2f}×{weight:.0%}" for name, weight in SCORE_WEIGHTS.items())
    return f"  = {terms}" + (f" − unconfirmed facts {parts.unconfirmed:.2f}" if parts.unconfirmed else "")


def trade_off_line(trade: TradeOff) -> Content:
    """Budget against quality, side by side: the best within the budget, the best at the quality asked for."""

    def side(option: Option | None) -> str:
        return "none" if option is None else f"{option.name} ({option.quality}, {usd(option.monthly_usd)}/month)"

    gap = f", {usd(trade.gap_usd)} over budget" if trade.gap_usd is not None else ""
    return Content.assemble(
        Content.styled("Budget or quality: ", "bold $text-warning"),
        f"within {usd(trade.budget_usd)}: {side(trade.within_budget)} · at {trade.quality_asked} quality: "
        f"{side(trade.at_quality)}{gap}",
    )


def severity_badge(severity: str) -> Content:
    """`HIGH`, coloured by severity."""
    return Content.styled(f" {severity.upper()} ", f"reverse {SEVERITY_STYLE.get(severity, '')}")


def link(url: str, text: str | None = None) -> Content:
    """A clickable link (a terminal hyperlink where the terminal supports them)."""
    return Content(text or url).stylize(Style(link=url, underline=True))


def risk_block(risk: Risk, *, models: str | None = None) -> Content:
    """One finding with its evidence: severity, title, what it means, the clause (quoted), the source, the fix."""
    style = SEVERITY_STYLE.get(risk.severity, "")
    parts: list[Content | str] = [
        severity_badge(risk.severity),
        " ",
        Content.styled(risk.title, f"bold {style}"),
        "\n",
        risk.detail,
    ]
    if models:
        parts += ["\n", Content.styled(f"Applies to: {models}", "$text-muted")]
    evidence = f"{risk.license} · {risk.clause}" + ("" if risk.verified else " · unverified")
    parts += ["\n", Content.styled("Clause: ", "bold"), Content.styled(evidence, "$text-accent")]
    if risk.quote:
        parts += ["\n", Content.styled(f"“{risk.quote}”", "italic $text-muted")]
    if risk.source:
        parts += ["\n", Content.styled("Source: ", "bold"), link(risk.source)]
    if risk.mitigation:
        parts += ["\n", Content.styled("What to do: ", "bold"), risk.mitigation]
    return Content.assemble(*parts)


def cell(content: Content | str, variables: dict[str, str]) -> Text:
    """Content as a Rich Text for a DataTable cell, its theme colours resolved with the app's `variables`."""
    if isinstance(content, str):
        return Text(content, end="")

    def style_of(style: str | Style) -> Style:
        return style if isinstance(style, Style) else parse_style(style, variables)

    text = Text(end="")
    for part, style in content.render(end="", parse_style=style_of):
        text.append(part, style.rich_style)
    return text
