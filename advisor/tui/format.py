"""How the wizard words and colours what the engine found (presentation only, no judgement)."""

from __future__ import annotations

from rich.text import Text
from textual.content import Content
from textual.markup import parse_style
from textual.style import Style

from advisor.domain.costs import usd
from advisor.domain.decision import Risk
from advisor.domain.report.build import ROUTE_LABEL

__all__ = ["ROUTE_LABEL", "STRATEGY_LABEL", "cell", "link", "risk_block", "severity_badge", "usd"]

STRATEGY_LABEL = {"open": "OPEN WEIGHTS", "closed": "CLOSED API", "hybrid": "HYBRID"}
SEVERITY_STYLE = {"blocker": "bold $error", "high": "$error", "medium": "$warning", "low": "$primary"}
"""Severity -> theme colour (so both themes colour findings the same way)."""


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
