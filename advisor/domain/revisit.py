"""`revisit(old, kb, now)`: does a saved decision still hold on today's knowledge, and if not, what moved?

Re-runs the engine on the saved answers and compares, most important first: the strategy and the
first choice; for each saved shortlist model, whether it is now excluded (with the clause that
excludes it), a shutdown date announced since the decision (material for the first choice), a newer
version (with the license differences clause by clause and the cost of moving a fine-tune), a price
change, a changed or corrected clause, dated changes recorded in the knowledge since the decision;
and new models that now rank above the saved choice.
Pure: no I/O, no clock.
"""

from __future__ import annotations

import datetime as dt

import msgspec

from advisor.domain.changes import Change, ChangeKind, exclusion_scope_change, license_differences, value_text
from advisor.domain.compare import decision_diff
from advisor.domain.decision import SEVERITY_ORDER, Candidate, Decision, stamp, utc
from advisor.domain.engine import recommend
from advisor.domain.findings import FindingKind
from advisor.domain.inputs.problems import InputError, Problem
from advisor.domain.knowledge.base import KnowledgeBase
from advisor.domain.profile.answers import Profile
from advisor.domain.succession import successions

MATERIAL: frozenset[str] = frozenset({"blocker", "high"})
"""Severities that mean the decision no longer holds as made."""
PRICE_CHANGE_THRESHOLD = 0.05
"""Relative monthly-cost changes below this are noise."""
FUTURE_TOLERANCE = dt.timedelta(minutes=10)
"""How far ahead of our clock a record may be dated (another machine's clock may run a little fast)."""


class Revisit(msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True):
    """The outcome of revisiting a saved decision."""

    schema: int = 1
    generated_at: dt.datetime
    """When the revisit was made, in UTC."""
    decision_generated_at: dt.datetime
    """When the saved decision was made."""
    knowledge_before: str
    knowledge_now: str
    material: bool
    """True when something changed that the decision should not survive unexamined (exit code 1)."""
    summary: str
    changes: list[Change]
    decision: Decision
    """Today's decision on the same answers."""


def _index(candidates: list[Candidate]) -> dict[str, tuple[int, Candidate]]:
    return {c.model: (rank, c) for rank, c in enumerate(candidates)}


def _model_changes(
    old_c: Candidate, profile: Profile, new: Decision, kb: KnowledgeBase, since: dt.date, known: set[str]
) -> list[Change]:
    changes: list[Change] = []
    mid = old_c.model
    model = kb.models.get(mid)
    if model is None:
        return [
            Change(
                kind=ChangeKind.MODEL_REMOVED,
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
                    kind=ChangeKind.NOW_EXCLUDED,
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
        before = {r.identity: r for r in old_c.risks}
        after = {r.identity: r for r in new_c.risks}
        for key, risk in sorted(after.items()):
            old_risk = before.get(key)
            if old_risk is None:
                changes.append(
                    Change(
                        kind=ChangeKind.NEW_RISK,
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
                        kind=ChangeKind.CLAUSE_CHANGED,
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
                        kind=ChangeKind.FACT_UNVERIFIED,
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
                        kind=ChangeKind.RISK_RAISED,
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
                        kind=ChangeKind.RISK_RESOLVED,
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
                    kind=ChangeKind.PRICE_CHANGED,
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

    for move in successions(model, kb):
        successor = move.successor
        if successor.id in known:  # the decision was made with it in view: not news
            continue
        had = any(r.kind is FindingKind.SUPERSEDED for r in old_c.risks)
        tuned = profile.customization == "fine_tune"
        moved = f" Moving your fine-tune costs {move.fine_tune_move_cost}." if tuned else ""
        changes.append(
            Change(
                kind=ChangeKind.NEWER_VERSION,
                severity="low" if had else ("high" if tuned else "medium"),
                subject=mid,
                title=f"Newer version: {successor.name} supersedes {model.name}",
                detail=f"{successor.name} ({successor.license}, released {successor.released}) replaces it.{moved}",
                before=mid,
                after=successor.id,
                license=successor.license,
                source=successor.sources[0] if successor.sources else None,
            )
        )
        old_lic, new_lic = kb.licenses[model.license], kb.licenses[successor.license]
        if move.license_changes:
            changes.extend(license_differences(old_lic, new_lic))
        changes.extend(exclusion_scope_change(model, old_lic, successor, new_lic, profile))

    lic = kb.licenses[model.license]
    for entry, owner in [(c, lic.id) for c in lic.history] + [(c, mid) for c in model.history]:
        if entry.date > since:
            changes.append(
                Change(
                    kind=ChangeKind.TERMS_HISTORY,
                    severity="medium" if entry.field or entry.clause else "low",
                    subject=owner,
                    title=f"{entry.date}: {entry.summary}",
                    detail=f"Recorded in the knowledge base after your decision ({since}).",
                    before=None if entry.before is None else value_text(entry.before),
                    after=None if entry.after is None else value_text(entry.after),
                    license=lic.id,
                    clause=entry.clause,
                    source=entry.source,
                )
            )
    return changes


RETIREMENT_KINDS = frozenset({FindingKind.RETIRED, FindingKind.RETIREMENT_SCHEDULED, FindingKind.VENDOR_API_RETIREMENT})


def _retirement_announced(old_c: Candidate, kb: KnowledgeBase, first: bool) -> list[Change]:
    """A shutdown date the saved decision did not know of: material when it is the first choice's."""
    model = kb.models.get(old_c.model)
    if model is None or model.retires is None or any(r.kind in RETIREMENT_KINDS for r in old_c.risks):
        return []
    substitute = kb.models[model.replacement].name if model.replacement in kb.models else model.replacement
    return [
        Change(
            kind=ChangeKind.RETIREMENT_ANNOUNCED,
            severity="high" if first and model.weights == "closed" else "medium",
            subject=model.id,
            title=f"{model.name} retires on {model.retires}"
            + (": your first choice" if first else "")
            + (f" (announced {model.deprecated})" if model.deprecated else ""),
            detail=f"The vendor stops serving it on its API on {model.retires}."
            + (f" It names {substitute} as the replacement." if substitute else " It names no replacement."),
            after=model.retires.isoformat(),
            license=model.license,
            clause="model.retires",
            source=model.retirement_source or (model.sources[0] if model.sources else None),
        )
    ]


def revisit(old: Decision, kb: KnowledgeBase, now: dt.datetime, where: str = "the decision record") -> Revisit:
    """Re-evaluate `old` (read from `where`) on `kb` as of `now`, and list what changed, most important first.

    A record dated after `now` is refused (InputError naming `where`): its date would hide every change since.
    """
    if old.generated_at > utc(now) + FUTURE_TOLERANCE:
        raise InputError(
            [
                Problem(
                    where,
                    0,
                    f"generated_at {stamp(old.generated_at)} is in the future (now {stamp(now)}); a decision record cannot be dated after it is read",
                )
            ]
        )
    profile = old.profile
    new = recommend(profile, kb, now)
    since = old.generated_at.date()
    changes: list[Change] = []
    diff = decision_diff(old, new)
    if diff.strategy_changed:
        changes.append(
            Change(
                kind=ChangeKind.STRATEGY_CHANGED,
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
                kind=ChangeKind.TOP_CHOICE_CHANGED,
                severity="high",
                subject="decision",
                title=f"The first choice changed: {old_top.name if old_top else 'none'} → {new_top.name if new_top else 'none'}",
                detail=new.summary,
                before=old_top.model if old_top else None,
                after=new_top.model if new_top else None,
            )
        )
    known = {c.model for c in old.considered} | {e.model for e in old.excluded}
    for rank, old_c in enumerate(old.shortlist):
        changes.extend(_model_changes(old_c, profile, new, kb, since, known))
        changes.extend(_retirement_announced(old_c, kb, first=rank == 0))

    if old_top is not None:
        new_rank = {c.model: i for i, c in enumerate(new.considered)}
        limit = new_rank.get(old_top.model, len(new.considered))
        for rank, c in enumerate(new.considered[:limit]):
            if c.model not in known:
                changes.append(
                    Change(
                        kind=ChangeKind.NEW_CONTENDER,
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
                kind=ChangeKind.KNOWLEDGE_UPDATED,
                severity="low",
                subject="decision",
                title="The knowledge base changed since the decision",
                detail=f"{old.knowledge.models} → {new.knowledge.models} models, "
                f"{old.knowledge.licenses} → {new.knowledge.licenses} licenses.",
                before=old.knowledge.fingerprint,
                after=new.knowledge.fingerprint,
            )
        )
    unique: dict[tuple[ChangeKind, str, str], Change] = {}
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
        generated_at=utc(now),
        decision_generated_at=old.generated_at,
        knowledge_before=old.knowledge.fingerprint,
        knowledge_now=new.knowledge.fingerprint,
        material=material,
        summary=summary,
        changes=ordered,
        decision=new,
    )
