"""The engine's working state: one `Assessment` per model, one `LicenseFindings` per license, and facts about the knowledge."""

from __future__ import annotations

import datetime as dt

import msgspec

from advisor.domain.costs.estimate import CostEstimate
from advisor.domain.decision import Risk
from advisor.domain.decision_entries import Alternative, FineTune, ScoreParts
from advisor.domain.engine.triggers import Trigger
from advisor.domain.knowledge.base import KnowledgeBase
from advisor.domain.knowledge.quality import UseRating
from advisor.domain.knowledge.schema import License, Model
from advisor.domain.knowledge.terms import exclusion_reaches
from advisor.domain.knowledge.vocabulary import Quality
from advisor.domain.wording import vendor_name


class Assessment(msgspec.Struct):
    model: Model
    lic: License
    risks: list[Risk] = msgspec.field(default_factory=list)
    obligations: list[str] = msgspec.field(default_factory=list)
    fit: list[str] = msgspec.field(default_factory=list)
    cost: CostEstimate | None = None
    host: str = ""
    """Who serves it on the chosen route."""
    alternatives: list[Alternative] = msgspec.field(default_factory=list)
    route_reason: str | None = None
    """Why the answers chose this route over a cheaper one (None when it is the cheapest)."""
    break_even: int | None = None
    break_even_ranges: list[tuple[int, int | None]] = msgspec.field(default_factory=list)
    self_host_usd: float | None = None
    license_findings: LicenseFindings | None = None
    """What the model's license means for this profile (shared by every model under it)."""
    monthly_usd_24m: float | None = None
    """The chosen route's monthly cost at the 24-month volume."""
    fine_tune: FineTune | None = None
    """When the profile fine-tunes: where the tune lives and what it costs."""
    rating: UseRating | None = None
    """Its quality for the profile's use case, from its evidence (set by the model rules)."""
    score: float = 0.0
    exposure: float = 0.0
    """The weight of its distinct exposures (set by scoring; the rank orders ties by it)."""
    parts: ScoreParts | None = None
    """Every term of the score (set by scoring)."""
    blocked: bool = False
    """Whether a blocker has been found: it puts the model in `excluded`."""

    @property
    def tier(self) -> Quality:
        """The tier it is ranked at: the one its evidence gives it for the use, else the lowest.

        A hand-set tier (a model with no evidence at all) ranks as low as a model unrated for the use: a
        tier nobody measured must not outrank one that was measured, only for other jobs.
        """
        tier = self.rating.by_evidence if self.rating is not None else None
        return tier if tier is not None else "standard"

    def add(self, risk: Risk) -> None:
        """Record a finding about this model."""
        self.risks.append(risk)
        if risk.severity == "blocker":
            self.blocked = True

    def add_license_findings(self, findings: LicenseFindings) -> None:
        """Record what the model's license means for this profile (worked out once per license)."""
        self.license_findings = findings
        self.risks.extend(findings.risks)
        self.blocked = self.blocked or findings.blocking
        self.obligations = findings.obligations  # shared by every model under the license; never mutated per model


class LicenseFindings(msgspec.Struct):
    """What a license means for this profile: the same for every model under it (and modality scope)."""

    lic: License
    in_scope: bool
    """Whether the model has a modality the license's regional exclusion is limited to (or it has no limit)."""
    facts: KbFacts
    risks: list[Risk] = msgspec.field(default_factory=list)
    obligations: list[str] = msgspec.field(default_factory=list)
    watches: list[tuple[Trigger, str, str | None]] = msgspec.field(default_factory=list)
    blocking: bool = False
    """Whether a finding rules out every model under the license (set once the rules have run)."""
    version_released: dt.date | None = None
    """The model version's release date, where the license's user count is taken on it and the answer turns on it."""
    unconfirmed: frozenset[str] = frozenset()
    """`license/clause` of the findings resting on clauses marked unverified (set once the rules have run)."""

    @property
    def vendor(self) -> str:
        return vendor_name(self.lic.vendor)

    def watch(self, trigger: Trigger, effect: str, source: str | None) -> None:
        self.watches.append((trigger, effect, source))


class KbFacts(msgspec.Struct, frozen=True):
    """What a license rule needs to know about the rest of the knowledge base."""

    restricted_regions: frozenset[str]
    """Regions some API terms in the knowledge base exclude (sanctioned or unsupported jurisdictions)."""
    licenses_with_scoped_models: frozenset[str]
    """Licenses with at least one model inside their regional exclusion's modality scope."""


def kb_facts(kb: KnowledgeBase) -> KbFacts:
    scoped = set()
    for m in kb.models.values():
        lic = kb.licenses[m.license]
        if lic.region_exclusion_modalities and exclusion_reaches(lic, m):
            scoped.add(lic.id)
    restricted = {r for lic in kb.licenses.values() if lic.kind == "api_terms" for r in lic.region_exclusions}
    return KbFacts(frozenset(restricted), frozenset(scoped))
