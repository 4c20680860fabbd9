"""What moved between a saved decision and today's: the typed `Change`, its closed set of kinds, and license diffs.

`revisit` builds these; the revisit report and the wizard's revisit screen show them. A change cites
the text it rests on (license, clause, source) wherever there is one.
"""

from __future__ import annotations

from enum import StrEnum

import msgspec

from advisor.domain.decision import Severity
from advisor.domain.knowledge.license_terms import LICENSE_TERMS
from advisor.domain.knowledge.schema import License, Model
from advisor.domain.knowledge.terms import clause_for, exclusion_reaches
from advisor.domain.profile.answers import Profile


class ChangeKind(StrEnum):
    """Every kind of change revisit reports; the value is what the record and the report carry."""

    STRATEGY_CHANGED = "strategy-changed"
    TOP_CHOICE_CHANGED = "top-choice-changed"
    MODEL_REMOVED = "model-removed"
    """A saved shortlist model is no longer in the knowledge base."""
    NOW_EXCLUDED = "now-excluded"
    NEW_RISK = "new-risk"
    RISK_RAISED = "risk-raised"
    RISK_RESOLVED = "risk-resolved"
    CLAUSE_CHANGED = "clause-changed"
    FACT_UNVERIFIED = "fact-unverified"
    PRICE_CHANGED = "price-changed"
    NEWER_VERSION = "newer-version"
    LICENSE_DIFFERENCE = "license-difference"
    TERMS_HISTORY = "terms-history"
    """A dated change of terms, price or status recorded in the knowledge after the decision."""
    RETIREMENT_ANNOUNCED = "retirement-announced"
    """A saved shortlist model got a shutdown date after the decision (material for the first choice)."""
    NEW_CONTENDER = "new-contender"
    KNOWLEDGE_UPDATED = "knowledge-updated"


class Change(msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True):
    """One thing that moved since the decision was made."""

    kind: ChangeKind
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


def value_text(value: object) -> str:
    """A field's value in a change: `yes`/`no`, `700,000,000`, `EU, CN`, `none`."""
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
    for term in LICENSE_TERMS:
        label, topic = term.label, term.topic
        before, after = getattr(old, term.field), getattr(new, term.field)
        if before == after:
            continue
        clause = clause_for(new, topic) or clause_for(old, topic)
        owner = new if clause_for(new, topic) else old
        changes.append(
            Change(
                kind=ChangeKind.LICENSE_DIFFERENCE,
                severity="medium",
                subject=new.id,
                title=f"{label}: {value_text(before)} → {value_text(after)}",
                detail=f"{old.name} says {value_text(before)}; {new.name} says {value_text(after)}."
                + (f" “{clause.quote}”" if clause else ""),
                before=value_text(before),
                after=value_text(after),
                license=owner.id,
                clause=clause.id if clause else None,
                source=clause.source if clause else new.url,
            )
        )
    return changes


def _excluded_regions(model: Model, lic: License) -> list[str]:
    """The regions whose companies get no rights to this model (a modality-scoped exclusion only if it applies)."""
    return lic.region_exclusions if exclusion_reaches(lic, model) else []


def exclusion_scope_change(
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
            kind=ChangeKind.LICENSE_DIFFERENCE,
            severity="high" if yours else "low",
            subject=new.id,
            title=f"Regional exclusion for this model: {value_text(before)} → {value_text(after)}",
            detail=f"{new.name} takes {', '.join(new.modalities)}; under {new_lic.name} companies established in "
            f"{value_text(after)} get no rights to it."
            if after
            else f"{new.name} is not covered by the regional exclusion that applied to {old.name}.",
            before=value_text(before),
            after=value_text(after),
            license=new_lic.id,
            clause=clause.id if clause else None,
            source=clause.source if clause else new_lic.url,
        )
    ]
