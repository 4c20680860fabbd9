"""Building findings with their evidence (a license clause, or a fact of the model entry), and ordering them."""

from __future__ import annotations

import functools
from collections.abc import Iterable

from advisor.domain.decision import SEVERITY_ORDER, Risk, Severity
from advisor.domain.engine.severity import capped
from advisor.domain.findings import ClauseRef, FindingKind, ModelFact, clause_text, fact_clause, mitigation, record_id
from advisor.domain.knowledge.schema import Clause, License, Model
from advisor.domain.knowledge.terms import clause_for
from advisor.domain.wording import clause_words, field_words

VENDOR_CONTROL_SEVERITY: dict[str, Severity] = {"low": "high", "medium": "medium", "high": "low"}
"""How much a licensor's unilateral control matters, by the founder's risk tolerance."""


def clause_risk(
    lic: License,
    topic: str,
    kind: FindingKind,
    severity: Severity,
    title: str,
    detail: str,
    *,
    fill: dict[str, str] | None = None,
) -> Risk:
    """A finding of `kind` resting on the license's clause about `topic`."""
    return risk_from_clause(lic, clause_for(lic, topic), topic, kind, severity, title, detail, fill=fill)


def risk_from_clause(
    lic: License,
    clause: Clause | None,
    topic: str,
    kind: FindingKind,
    severity: Severity,
    title: str,
    detail: str,
    *,
    qualifier: str | None = None,
    fill: dict[str, str] | None = None,
) -> Risk:
    """A finding resting on one clause (or, where the license is silent, on the license text itself)."""
    unverified = clause is not None and not clause.verified
    reading = clause is not None and clause.reading == "interpretation"
    return Risk(
        id=record_id(kind, qualifier),
        severity=capped(severity, clause),
        title=title,
        detail=detail
        + (" (This clause is marked unverified in the knowledge base.)" if unverified else "")
        + (" (This rests on a reading of the text, not its express words: see the clause's note.)" if reading else ""),
        license=lic.id,
        license_name=lic.name,
        clause=clause_text(ClauseRef(lic.id, clause.id if clause else f"license.{topic}")),
        source=clause.source if clause else lic.url,
        mitigation=mitigation(kind, **(fill or {})),
        quote=clause.quote if clause else None,
        verified=not unverified,
    )


def summary_of(lic: License, topic: str, fallback: str) -> str:
    """The knowledge base's own one-line reading of the clause on `topic`, so findings say what this license says."""
    clause = clause_for(lic, topic)
    return clause.summary if clause is not None else fallback


def model_risk(
    model: Model,
    fact: str,
    kind: FindingKind,
    severity: Severity,
    title: str,
    detail: str,
    *,
    fill: dict[str, str] | None = None,
) -> Risk:
    """A finding of `kind` resting on a fact of the model's entry (`weights`, `retires`, `price` ...)."""
    if fact == "price" and model.price is None and model.image_price is not None:
        fact = "image_price"  # an image model's list price is per image
    if fact == "image_price" and model.image_price:
        source = model.image_price.source
    elif fact == "price" and model.price:
        source = model.price.source
    elif fact == "retires" and model.retirement_source:
        source = model.retirement_source
    else:
        source = model.sources[0] if model.sources else ""
    risk_id, clause = _fact_finding(kind, fact)
    return Risk(
        id=risk_id,
        severity=severity,
        title=title,
        detail=detail,
        license=model.license,
        clause=clause,
        source=source,
        mitigation=mitigation(kind, **fill) if fill else mitigation(kind),
        verified=fact not in model.unverified,
    )


@functools.cache
def _fact_finding(kind: FindingKind, fact: str) -> tuple[str, str]:
    """(record id, clause) of a finding of `kind` on `fact`: the same for every model."""
    return record_id(kind), fact_clause(fact)


def evidence_label(risk: Risk) -> str:
    """`llama3.2, eu-multimodal-exclusion` for a clause; `the model's entry: hosts serving it` for a fact of the model."""
    evidence = risk.evidence
    if isinstance(evidence, ModelFact):
        return f"the model's entry: {field_words(evidence.field)}"
    return f"{risk.license_name or evidence.license}, {clause_words(evidence.clause)}"


def evidence_url(lic: License, topic: str) -> str:
    """The source of the license's clause on `topic`, or the license text itself."""
    clause = clause_for(lic, topic)
    return clause.source if clause else lic.url


def risk_order(r: Risk) -> tuple[int, str, str, str]:
    return (SEVERITY_ORDER[r.severity], r.id, r.license, r.clause)


def sorted_risks(risks: Iterable[Risk]) -> list[Risk]:
    listed = list(risks)
    if len(listed) > 1:
        listed.sort(key=risk_order)
    return listed
