"""`revisit(old, kb, now)`: does a saved decision still hold on today's knowledge, and if not, what moved?

Re-runs the engine on the saved answers and compares, most important first: the strategy and the
first choice; for each saved shortlist model, whether it is now excluded (with the clause that
excludes it), a newer version (with the license differences clause by clause and the cost of moving
a fine-tune), a retirement, a price change, a changed or corrected clause, dated changes recorded
in the knowledge since the decision; and new models that now rank above the saved choice.
Pure: no I/O, no clock.
"""

from __future__ import annotations

import datetime as dt

import msgspec

from advisor.domain.compare import decision_diff
from advisor.domain.costs import fine_tune_redo_cost
from advisor.domain.decision import SEVERITY_ORDER, Candidate, Decision, Risk, Severity
from advisor.domain.engine import recommend
from advisor.domain.knowledge.base import KnowledgeBase
from advisor.domain.knowledge.schema import License, Model
from advisor.domain.knowledge.terms import clause_for, exclusion_reaches
from advisor.domain.profile.answers import Profile, parse_profile

MATERIAL: frozenset[str] = frozenset({"blocker", "high"})
"""Severities that mean the decision no longer holds as made."""
PRICE_CHANGE_THRESHOLD = 0.05
"""Relative monthly-cost changes below this are noise."""

LICENSE_FIELDS: dict[str, tuple[str, str]] = {
    "commercial_use": ("Commercial use", "commercial_use"),
    "mau_limit": ("User threshold", "mau_limit"),
    "revenue_limit_usd": ("Revenue threshold", "revenue_limit"),
    "output_training": ("Training other models on outputs", "output_training"),
    "derivatives_share_alike": ("Derivatives under the same license", "share_alike"),
    "use_restrictions_flow_down": ("Use restrictions flow down", "flow_down"),
    "attribution": ("Attribution", "attribution"),
    "naming_requirement": ("Naming of derived models", "naming"),
    "region_exclusions": ("Regional exclusion", "region_exclusion"),
    "region_exclusion_modalities": ("Regional exclusion applies to", "region_exclusion"),
    "vendor_can_restrict": ("Vendor may restrict or change terms", "vendor_can_restrict"),
}
"""License fields compared between versions: label, and the clause topic that evidences them."""


class Change(msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True):
    """One thing that moved since the decision was made."""

    kind: str
    """`strategy-changed`, `top-choice-changed`, `now-excluded`, `new-risk`, `risk-resolved`, `newer-version`,
    `license-difference`, `retired`, `price-changed`, `clause-changed`, `fact-unverified`, `terms-history`,
    `new-contender`, `knowledge-updated`."""
    severity: Severity
    subject: str
    """The model or license id it concerns (or `decision`)."""
    title: str
    detail: str
    before: str | None = None
    after: str | None = None
    license: str | None = None
    clause: str | None = None
    source: str | None = None
    """The text the change rests on."""


class Revisit(msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True):
    """The outcome of revisiting a saved decision."""

    schema: int = 1
    generated_at: str
    decision_generated_at: str
    knowledge_before: str
    knowledge_now: str
    material: bool
    """True when something changed that the decision should not survive unexamined (exit code 1)."""
    summary: str
    changes: list[Change]
    decision: Decision
    """Today's decision on the same answers."""


def _value(value: object) -> str:
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "none"
    return str(value)


def license_differences(old: License, new: License) -> list[Change]:
    """The differences between two licenses, field by field, each citing the new text's clause."""
    changes: list[Change] = []
    for name, (label, topic) in LICENSE_FIELDS.items():
        before, after = getattr(old, name), getattr(new, name)
        if before == after:
            continue
        clause = clause_for(new, topic) or clause_for(old, topic)
        owner = new if clause_for(new, topic) else old
        changes.append(
            Change(
                kind="license-difference",
                severity="medium",
                subject=new.id,
                title=f"{label}: {_value(before)} → {_value(after)}",
                detail=f"{old.name} says {_value(before)}; {new.name} says {_value(after)}."
                + (f" “{clause.quote}”" if clause else ""),
                before=_value(before),
                after=_value(after),
                license=owner.id,
                clause=clause.id if clause else None,
                source=clause.source if clause else new.url,
            )
        )
    return changes


def _excluded_regions(model: Model, lic: License) -> list[str]:
    """The regions whose companies get no rights to this model (a modality-scoped exclusion only if it applies)."""
    return lic.region_exclusions if exclusion_reaches(lic, model) else []


def _exclusion_scope_change(
    old: Model, old_lic: License, new: Model, new_lic: License, profile: Profile
) -> list[Change]:
    """A regional exclusion that reaches the successor but not the model it replaces (or the reverse).

    Llama 3.2 and Llama 4 both deny multimodal models to EU companies; the text barely changed, but
    every Llama 4 model is multimodal, so the exclusion now covers the whole family.
    """
    before, after = _excluded_regions(old, old_lic), _excluded_regions(new, new_lic)
    if before == after:
        return []
    clause = clause_for(new_lic, "region_exclusion") or clause_for(old_lic, "region_exclusion")
    yours = profile.established_in_any(after)
    return [
        Change(
            kind="license-difference",
            severity="high" if yours else "low",
            subject=new.id,
            title=f"Regional exclusion for this model: {_value(before)} → {_value(after)}",
            detail=f"{new.name} takes {', '.join(new.modalities)}; under {new_lic.name} companies established in "
            f"{_value(after)} get no rights to it."
            if after
            else f"{new.name} is not covered by the regional exclusion that applied to {old.name}.",
            before=_value(before),
            after=_value(after),
            license=new_lic.id,
            clause=clause.id if clause else None,
            source=clause.source if clause else new_lic.url,
        )
    ]


def _index(candidates: list[Candidate]) -> dict[str, tuple[int, Candidate]]:
    return {c.model: (rank, c) for rank, c in enumerate(candidates)}


def _risk_key(r: Risk) -> tuple[str, str]:
    return (r.id, r.license)


def _model_changes(
    old_c: Candidate, profile: Profile, new: Decision, kb: KnowledgeBase, since: dt.date
) -> list[Change]:
    changes: list[Change] = []
    mid = old_c.model
    model = kb.models.get(mid)
    if model is None:
        return [
            Change(
                kind="model-removed",
                severity="high",
                subject=mid,
                title=f"{old_c.name or mid} is no longer in the knowledge base",
                detail="The entry was removed or renamed; its facts can no longer be checked.",
            )
        ]
    considered = _index(new.considered)
    excluded = {e.model: e for e in new.excluded}
    if mid in excluded:
        for reason in excluded[mid].reasons:
            changes.append(
                Change(
                    kind="now-excluded",
                    severity="blocker",
                    subject=mid,
                    title=f"{model.name} is now ruled out: {reason.title}",
                    detail=reason.detail + (f" “{reason.quote}”" if reason.quote else ""),
                    license=reason.license,
                    clause=reason.clause,
                    source=reason.source,
                )
            )
        new_c = None
    else:
        new_c = considered[mid][1] if mid in considered else None

    if new_c is not None:
        before = {_risk_key(r): r for r in old_c.risks}
        after = {_risk_key(r): r for r in new_c.risks}
        for key, risk in sorted(after.items()):
            old_risk = before.get(key)
            if old_risk is None:
                changes.append(
                    Change(
                        kind="new-risk",
                        severity=risk.severity,
                        subject=mid,
                        title=f"New for {model.name}: {risk.title}",
                        detail=risk.detail,
                        license=risk.license,
                        clause=risk.clause,
                        source=risk.source,
                    )
                )
                continue
            if old_risk.quote and risk.quote and old_risk.quote != risk.quote:
                changes.append(
                    Change(
                        kind="clause-changed",
                        severity="high" if SEVERITY_ORDER[risk.severity] <= 1 else "medium",
                        subject=mid,
                        title=f"The text behind “{risk.title}” changed",
                        detail=f"The clause {risk.clause} of {risk.license} now reads differently.",
                        before=old_risk.quote,
                        after=risk.quote,
                        license=risk.license,
                        clause=risk.clause,
                        source=risk.source,
                    )
                )
            if old_risk.verified and not risk.verified:
                changes.append(
                    Change(
                        kind="fact-unverified",
                        severity="medium",
                        subject=mid,
                        title=f"A fact behind “{risk.title}” is now marked unverified",
                        detail="The knowledge base no longer vouches for this clause; have it checked against the source.",
                        license=risk.license,
                        clause=risk.clause,
                        source=risk.source,
                    )
                )
            if SEVERITY_ORDER[risk.severity] < SEVERITY_ORDER[old_risk.severity]:
                changes.append(
                    Change(
                        kind="risk-raised",
                        severity=risk.severity,
                        subject=mid,
                        title=f"{risk.title}: now {risk.severity} (was {old_risk.severity})",
                        detail=risk.detail,
                        before=old_risk.severity,
                        after=risk.severity,
                        license=risk.license,
                        clause=risk.clause,
                        source=risk.source,
                    )
                )
        for key, risk in sorted(before.items()):
            if key not in after:
                changes.append(
                    Change(
                        kind="risk-resolved",
                        severity="low",
                        subject=mid,
                        title=f"No longer applies to {model.name}: {risk.title}",
                        detail="The finding is gone on today's knowledge.",
                        license=risk.license,
                        clause=risk.clause,
                        source=risk.source,
                    )
                )
        old_cost, new_cost = old_c.monthly_cost_usd, new_c.monthly_cost_usd
        if old_cost > 0 and abs(new_cost - old_cost) / old_cost >= PRICE_CHANGE_THRESHOLD:
            rise = new_cost > old_cost
            changes.append(
                Change(
                    kind="price-changed",
                    severity="medium" if rise and new_cost > old_cost * 1.2 else "low",
                    subject=mid,
                    title=f"{model.name}: estimated cost {'up' if rise else 'down'} "
                    f"{abs(new_cost - old_cost) / old_cost:.0%} (${old_cost:,.2f} → ${new_cost:,.2f} a month)",
                    detail=new_c.cost.basis if new_c.cost else "",
                    before=f"{old_cost:.2f}",
                    after=f"{new_cost:.2f}",
                    source=new_c.cost.source if new_c.cost else None,
                )
            )

    for successor in kb.successors(mid):
        had = any(r.id == "superseded" for r in old_c.risks)
        tuned = profile.customization == "fine_tune"
        move = f" Moving your fine-tune costs {fine_tune_redo_cost(successor)}." if tuned else ""
        changes.append(
            Change(
                kind="newer-version",
                severity="low" if had else ("high" if tuned else "medium"),
                subject=mid,
                title=f"Newer version: {successor.name} supersedes {model.name}",
                detail=f"{successor.name} ({successor.license}, released {successor.released}) replaces it.{move}",
                before=mid,
                after=successor.id,
                license=successor.license,
                source=successor.sources[0] if successor.sources else None,
            )
        )
        old_lic, new_lic = kb.licenses[model.license], kb.licenses[successor.license]
        if successor.license != model.license:
            changes.extend(license_differences(old_lic, new_lic))
        changes.extend(_exclusion_scope_change(model, old_lic, successor, new_lic, profile))

    lic = kb.licenses[model.license]
    for entry, owner in [(c, lic.id) for c in lic.history] + [(c, mid) for c in model.history]:
        if entry.date > since:
            changes.append(
                Change(
                    kind="terms-history",
                    severity="medium" if entry.field or entry.clause else "low",
                    subject=owner,
                    title=f"{entry.date}: {entry.summary}",
                    detail=f"Recorded in the knowledge base after your decision ({since}).",
                    before=None if entry.before is None else _value(entry.before),
                    after=None if entry.after is None else _value(entry.after),
                    license=lic.id,
                    clause=entry.clause,
                    source=entry.source,
                )
            )
    return changes


def revisit(old: Decision, kb: KnowledgeBase, now: dt.datetime, where: str = "the decision record") -> Revisit:
    """Re-evaluate `old` (read from `where`) on `kb` as of `now`, and list what changed, most important first."""
    profile = parse_profile(dict(old.profile), where=where)
    new = recommend(profile, kb, now)
    since = dt.date.fromisoformat(old.generated_at[:10])
    changes: list[Change] = []
    diff = decision_diff(old, new)
    if diff.strategy_changed:
        changes.append(
            Change(
                kind="strategy-changed",
                severity="high",
                subject="decision",
                title=f"The recommended strategy changed: {old.strategy} → {new.strategy}",
                detail=" ".join(new.rationale[:2]),
                before=old.strategy,
                after=new.strategy,
            )
        )
    old_top, new_top = diff.first_before, diff.first_after
    if diff.first_choice_changed:
        changes.append(
            Change(
                kind="top-choice-changed",
                severity="high",
                subject="decision",
                title=f"The first choice changed: {old_top.name if old_top else 'none'} → {new_top.name if new_top else 'none'}",
                detail=new.summary,
                before=old_top.model if old_top else None,
                after=new_top.model if new_top else None,
            )
        )
    for old_c in old.shortlist:
        changes.extend(_model_changes(old_c, profile, new, kb, since))

    known = {c.model for c in old.considered} | {e.model for e in old.excluded}
    if old_top is not None:
        new_rank = {c.model: i for i, c in enumerate(new.considered)}
        limit = new_rank.get(old_top.model, len(new.considered))
        for rank, c in enumerate(new.considered[:limit]):
            if c.model not in known:
                changes.append(
                    Change(
                        kind="new-contender",
                        severity="medium",
                        subject=c.model,
                        title=f"New since your decision: {c.name} now ranks #{rank + 1}, above {old_top.name}",
                        detail=f"{c.license}, about ${c.monthly_cost_usd:,.2f} a month, score {c.score:.2f}.",
                        license=c.license,
                    )
                )
    if old.knowledge.fingerprint != new.knowledge.fingerprint:
        changes.append(
            Change(
                kind="knowledge-updated",
                severity="low",
                subject="decision",
                title="The knowledge base changed since the decision",
                detail=f"{old.knowledge.models} → {new.knowledge.models} models, "
                f"{old.knowledge.licenses} → {new.knowledge.licenses} licenses.",
                before=old.knowledge.fingerprint,
                after=new.knowledge.fingerprint,
            )
        )
    unique: dict[tuple[str, str, str], Change] = {}
    for change in changes:
        unique.setdefault((change.kind, change.subject, change.title), change)
    ordered = sorted(unique.values(), key=lambda c: (SEVERITY_ORDER[c.severity], c.kind, c.subject, c.title))
    material = any(c.severity in MATERIAL for c in ordered)
    count = sum(1 for c in ordered if c.severity in MATERIAL)
    summary = (
        f"Your decision needs a second look: {count} material change{'s' if count != 1 else ''} since {since}."
        if material
        else f"Your decision still holds on today's knowledge ({len(ordered)} minor change{'s' if len(ordered) != 1 else ''} since {since})."
    )
    return Revisit(
        generated_at=now.strftime("%Y-%m-%dT%H:%M:%SZ"),
        decision_generated_at=old.generated_at,
        knowledge_before=old.knowledge.fingerprint,
        knowledge_now=new.knowledge.fingerprint,
        material=material,
        summary=summary,
        changes=ordered,
        decision=new,
    )
