"""The content of a recommendation report: what a founder forwards to an investor or a lawyer.

Dated, with the knowledge it was made on, the assumptions (the profile and the cost model), the
strategy and why, the shortlist with costs, obligations and risks (each quoting its clause and
linking its source), what was excluded and why, what would change the answer, and a plain
statement that this is decision support, not legal advice.
"""

from __future__ import annotations

import msgspec

from advisor.domain.compare import model_names
from advisor.domain.decision import Candidate, Decision, Risk, TradeOff, stamp
from advisor.domain.engine.scoring import SCORE_WEIGHTS
from advisor.domain.findings import ModelFact
from advisor.domain.profile.questions import QUESTIONS, is_asked
from advisor.domain.profile.reading import format_answer
from advisor.domain.report.document import (
    Bullets,
    Document,
    Heading,
    Inline,
    Inlines,
    Paragraph,
    Quote,
    Table,
    b,
    code,
    em,
    link,
    t,
)
from advisor.domain.wording import usd, volume_ranges

DISCLAIMER = (
    "This report is decision support, not legal advice. It summarises license and terms texts as read on the "
    "dates shown; the texts themselves govern. Have counsel review the clauses relied on before you commit."
)
ROUTE_LABEL = {"api": "API", "self_host": "self-hosted", "on_device": "on device"}
SEVERITY_LABEL = {"blocker": "BLOCKER", "high": "HIGH", "medium": "MEDIUM", "low": "LOW"}


def _evidence(risk: Risk) -> Inlines:
    evidence = risk.evidence
    if isinstance(evidence, ModelFact):
        label = f"model entry ({evidence.field}), license {evidence.license}"
    else:
        label = f"{evidence.license}, {evidence.clause}"
    return [t("Source: "), link(label, risk.source) if risk.source else t(label)]


def _risk_blocks(risk: Risk, *, with_models: bool = False) -> list[Paragraph | Quote]:
    head: Inlines = [b(f"[{SEVERITY_LABEL[risk.severity]}] {risk.title}"), t(f" — {risk.detail}")]
    if with_models and risk.models:
        head.append(t(f" Applies to: {', '.join(risk.models)}."))
    blocks: list[Paragraph | Quote] = [Paragraph(head)]
    if risk.quote:
        quote: Inlines = [t(f"“{risk.quote}”")]
        if not risk.verified:
            quote.append(em(" (unverified)"))
        blocks.append(Quote(quote))
    blocks.append(Paragraph([*_evidence(risk), t(". "), em("What to do: "), t(risk.mitigation)], role="small"))
    return blocks


def _top_risk(c: Candidate) -> str:
    return f"{c.risks[0].severity}: {c.risks[0].title}" if c.risks else "none found"


SCORE_TERMS = (
    ("quality", "Quality for the job"),
    ("cost", "Cost against budget"),
    ("risk", "Legal and vendor risk"),
    ("ops", "Running it"),
    ("continuity", "Vendor continuity"),
    ("recency", "Recency"),
)


def _why_first(first: Candidate, second: Candidate) -> list[Heading | Paragraph | Table]:
    """Why #1 beat #2, term by term: each part of the score, its weight, and what it contributed."""
    if first.score_parts is None or second.score_parts is None:
        return []
    rows: list[list[Inlines]] = []
    for key, label in SCORE_TERMS:
        weight = SCORE_WEIGHTS[key]
        a, b_ = getattr(first.score_parts, key), getattr(second.score_parts, key)
        rows.append(
            [[t(f"{label} ({weight:.0%})")], [t(f"{a:.2f}")], [t(f"{b_:.2f}")], [t(f"{weight * (a - b_):+.3f}")]]
        )
    a, b_ = first.score_parts.unconfirmed, second.score_parts.unconfirmed
    rows.append([[t("Unconfirmed facts (subtracted)")], [t(f"{a:.3f}")], [t(f"{b_:.3f}")], [t(f"{b_ - a:+.3f}")]])
    rows.append(
        [[b("Score")], [b(f"{first.score:.4f}")], [b(f"{second.score:.4f}")], [b(f"{first.score - second.score:+.4f}")]]
    )
    first_name, second_name = first.name or first.model, second.name or second.model
    return [
        Heading(3, f"Why {first_name} ranks above {second_name}", "why-first"),
        Table(["Part of the score (weight)", first_name, second_name, "Difference"], rows, numeric={1, 2, 3}),
    ]


def _trade_off_blocks(trade: TradeOff) -> list[Heading | Paragraph | Table]:
    """Budget against quality: the best option within the budget and the best at the quality asked for."""
    rows: list[list[Inlines]] = []
    for label, option in (
        ("Best within budget", trade.within_budget),
        (f"Best at {trade.quality_asked} quality", trade.at_quality),
    ):
        if option is None:
            rows.append([[t(label)], [em("none in the knowledge base")], [t("—")], [t("—")]])
        else:
            rows.append([[t(label)], [b(option.name)], [t(option.quality)], [t(f"{usd(option.monthly_usd)}/month")]])
    gap = f" The gap: {usd(trade.gap_usd)} a month over the budget." if trade.gap_usd is not None else ""
    return [
        Heading(3, "Budget against quality", "trade-off"),
        Paragraph(
            [
                t(
                    f"Nothing at {trade.quality_asked} quality fits the {usd(trade.budget_usd)} monthly budget.{gap} "
                    "Choose which gives: the budget, or the quality."
                )
            ]
        ),
        Table(["", "Model", "Quality tier", "Cost"], rows),
    ]


def build_document(decision: Decision) -> Document:
    """The report for `decision`, as a renderer-neutral document."""
    profile = msgspec.to_builtins(decision.profile)
    who = " — ".join(str(x) for x in (profile.get("company"), profile.get("product")) if x)
    doc = Document(title=f"AI model strategy{': ' + who if who else ''}")
    k = decision.knowledge
    doc.add(
        Paragraph(
            [
                t(
                    f"Generated {stamp(decision.generated_at)} by advisor {decision.advisor_version}, on a knowledge base of "
                ),
                t(f"{k.models} models and {k.licenses} licenses (fingerprint "),
                code(k.fingerprint[:23] + "…"),
                t(f", facts verified {_verified_span(k.oldest_verification, k.verified_through)})."),
            ],
            role="small",
        ),
        Paragraph([t(DISCLAIMER)], role="notice"),
        Heading(2, "Recommendation", "recommendation"),
        Paragraph([b(f"Strategy: {decision.strategy}. "), t(decision.summary)], role="lead"),
        Bullets([[t(line)] for line in decision.rationale]),
    )
    if decision.plan is not None:
        plan = decision.plan
        doc.add(
            Heading(3, "The plan"),
            Bullets(
                [
                    [b("Routing: "), t(plan.routing)],
                    [b("Fallback: "), t(plan.fallback_plan)],
                    [b("Estimated cost: "), t(f"{usd(plan.monthly_cost_usd)} a month.")],
                ]
            ),
        )

    doc.add(Heading(2, "Shortlist", "shortlist"))
    if decision.shortlist:
        doc.add(
            Table(
                ["#", "Model", "License", "Weights", "Runs as", "Cost / month", "Score", "Top risk"],
                [
                    [
                        [t(str(i))],
                        [b(c.name or c.model)],
                        [code(c.license)],
                        [t(c.weights)],
                        [t(ROUTE_LABEL[c.cost.route] if c.cost else "—")],
                        [t(usd(c.monthly_cost_usd))],
                        [t(f"{c.score:.2f}")],
                        [t(_top_risk(c))],
                    ]
                    for i, c in enumerate(decision.shortlist, 1)
                ],
                numeric={0, 5, 6},
            )
        )
    else:
        doc.add(
            Paragraph([t("No model passes every constraint. See the excluded models below for what rules each out.")])
        )
    if decision.trade_off is not None:
        doc.add(*_trade_off_blocks(decision.trade_off))
    if len(decision.shortlist) >= 2:
        doc.add(*_why_first(decision.shortlist[0], decision.shortlist[1]))
    for i, c in enumerate(decision.shortlist, 1):
        doc.add(Heading(3, f"{i}. {c.name or c.model}", f"model-{c.model}"))
        facts: list[Inlines] = [
            [b("Model: "), code(c.model), t(f" ({c.vendor}, {c.weights} weights), license "), code(c.license)]
        ]
        if c.cost is not None:
            facts.append(
                [b("Cost: "), t(f"{usd(c.cost.monthly_usd)}/month on {c.cost.host or 'its route'} — {c.cost.basis}")]
            )
            if c.cost.reason:
                facts.append([b("Why this route: "), t(c.cost.reason + ".")])
            facts.extend(
                [t("Instead: "), t(f"{alt.host}, {usd(alt.monthly_usd)}/month — {alt.basis}")]
                for alt in c.cost.alternatives
            )
            if c.cost.break_even_ranges:
                facts.append(
                    [
                        b("Break-even: "),
                        t(
                            f"self-hosting beats the hosted price at monthly token volumes {volume_ranges(c.cost.break_even_ranges)}"
                        ),
                    ]
                )
        if c.tie_with:
            names = model_names(decision)
            facts.append([b("Tied with: "), t(", ".join(names.get(m, m) for m in c.tie_with) + " (same score).")])
        if c.fit:
            facts.append([b("Fit: "), t("; ".join(c.fit) + ".")])
        if c.unverified:
            facts.append(
                [
                    b("Not confirmed from a primary source: "),
                    t(", ".join(c.unverified) + ". Check these before relying on them."),
                ]
            )
        doc.add(Bullets(facts))
        if c.obligations:
            doc.add(Paragraph([b("Obligations")]), Bullets([[t(o)] for o in c.obligations]))
        if c.risks:
            doc.add(Paragraph([b("Risks")]))
            for risk in c.risks:
                doc.add(*_risk_blocks(risk))
        else:
            doc.add(Paragraph([em("No license or fit risks found for this profile.")]))

    if decision.risks:
        doc.add(Heading(2, "Open risks across the shortlist", "risks"))
        for risk in decision.risks:
            doc.add(*_risk_blocks(risk, with_models=True))

    doc.add(Heading(2, "What would change the answer", "watch"))
    if decision.watch:
        doc.add(
            Table(
                ["If", "Then", "Models"],
                [
                    [
                        [t(w.condition or w.trigger), t(" ("), code(w.trigger), t(")")],
                        [t(w.effect), *([t(" ("), link("source", w.source), t(")")] if w.source else [])],
                        [t(", ".join(w.models))],
                    ]
                    for w in decision.watch
                ],
            )
        )
    else:
        doc.add(Paragraph([t("Nothing in the knowledge base changes this answer at the thresholds we track.")]))

    doc.add(Heading(2, f"Excluded models ({len(decision.excluded)})", "excluded"))
    if decision.excluded:
        rows: list[list[Inlines]] = []
        for e in decision.excluded:
            reasons: Inlines = []
            for j, r in enumerate(e.reasons):
                if j:
                    reasons.append(t("; "))
                reasons.extend([t(f"{r.title} ("), link(r.clause, r.source) if r.source else t(r.clause), t(")")])
                if not r.verified:
                    reasons.append(em(" (rests on an unverified clause)"))
            rows.append([[t(e.name or e.model)], [code(e.license)], reasons])
        doc.add(Table(["Model", "License", "Ruled out because"], rows))
    else:
        doc.add(Paragraph([t("None: every model passes the hard constraints.")]))

    doc.add(Heading(2, "Other models considered", "considered"))
    rest = decision.considered[len(decision.shortlist) :]
    if rest:
        doc.add(
            Table(
                ["Model", "License", "Cost / month", "Score", "Top risk"],
                [
                    [
                        [t(c.name or c.model)],
                        [code(c.license)],
                        [t(usd(c.monthly_cost_usd))],
                        [t(f"{c.score:.2f}")],
                        [t(_top_risk(c))],
                    ]
                    for c in rest
                ],
                numeric={2, 3},
            )
        )
    else:
        doc.add(Paragraph([t("None beyond the shortlist.")]))

    if decision.unassessed:
        doc.add(
            Heading(2, f"Newer than this knowledge base, not assessed ({len(decision.unassessed)})", "unassessed"),
            Paragraph(
                [
                    t(
                        "Public catalogs list these models, but nobody has read their license terms yet, so they are not "
                    ),
                    t("ranked. A model becomes a candidate once its license is curated into the knowledge base."),
                ]
            ),
            Table(
                ["Model", "Vendor", "Kind", "Listed by"],
                [
                    [
                        [t(u.name or u.model)],
                        [t(u.vendor)],
                        [t(u.mode.replace("_", " "))],
                        [link(f"{u.catalog or 'catalog'}, {u.as_of}", u.source)],
                    ]
                    for u in decision.unassessed
                ],
            ),
        )

    doc.add(
        Heading(2, "Assumptions", "assumptions"),
        Paragraph([b("Your answers")]),
        Table(
            ["Question", "Answer"],
            [
                [[t(question.short)], [t(format_answer(question, profile.get(question.id)))]]
                for question in QUESTIONS
                if is_asked(question, profile)
            ],
        ),
        Paragraph([b("Cost model")]),
        Bullets([[t(a)] for a in decision.assumptions]),
        Paragraph([b("Knowledge base")]),
        Bullets(
            [
                [t("Fingerprint "), code(k.fingerprint)],
                [t("Layers: " + ", ".join(k.layers or ["bundled"]))],
                [
                    t("Re-check this decision later with "),
                    code("advisor revisit DECISION.json"),
                    t(": it says what changed."),
                ],
            ]
        ),
        Paragraph([t(DISCLAIMER)], role="notice"),
    )
    return doc


def plain(content: list[Inline]) -> str:
    """The text of inlines without markup."""
    return "".join(i.text for i in content)


def _verified_span(oldest: str | None, newest: str | None) -> str:
    """`2026-10-01 to 2026-11-22`, or one date when every fact was read the same day."""
    if oldest == newest:
        return oldest or "on unknown dates"
    return f"{oldest or '?'} to {newest or '?'}"
