"""`recommend(profile, kb, now)`: from a founder's answers and the knowledge base to a `Decision`.

Pure and deterministic: no I/O, no clock (the caller passes `now`). Each rule about a license lives
here once, and every finding names its evidence: the license, the clause, its quote and source URL
(or, for a fact of the model entry, the field and the entry's source). A `blocker` excludes a model;
everything else ranks it. Every model of the knowledge base ends up in `considered` or `excluded`.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass, field

import msgspec

from advisor import __version__
from advisor.domain.costs import (
    ASSUMPTIONS,
    CostEstimate,
    api_cost,
    break_even_tokens,
    fine_tune_redo_cost,
    self_host_cost,
    single_replica_cost,
    usd,
)
from advisor.domain.decision import (
    SEVERITY_ORDER,
    Candidate,
    Cost,
    Decision,
    Excluded,
    KnowledgeInfo,
    Risk,
    Severity,
    Split,
    Strategy,
    Watch,
)
from advisor.domain.knowledge.base import KnowledgeBase
from advisor.domain.knowledge.regions import in_regions
from advisor.domain.knowledge.schema import Clause, Gpu, License, Model
from advisor.domain.knowledge.terms import clause_for, exclusion_reaches
from advisor.domain.profile.answers import Profile

SHORTLIST_SIZE = 5
"""How many of the considered models the shortlist shows."""
TIER = {"standard": 0, "high": 1, "frontier": 2}
ON_DEVICE_MAX_PARAMS_B = 8.0
"""Largest model that runs on a phone or laptop (about 5 GB at 4-bit quantization)."""
RAG_MIN_CONTEXT = 32_768
"""Retrieval-augmented generation wants room for retrieved passages."""
HYBRID_MARGIN = 0.05
"""Scores closer than this make the best open and best closed options a toss-up: use both."""
HYBRID_PRIMARY_SHARE = 0.8
"""In a hybrid split, the model carrying the bulk (the cheaper one, or the open one for sensitive data) takes this share."""
RISK_WEIGHT: dict[str, float] = {"blocker": 1.0, "high": 0.3, "medium": 0.12, "low": 0.03}
TOLERANCE_FACTOR = {"low": 1.5, "medium": 1.0, "high": 0.6}
VENDOR_CONTROL_SEVERITY: dict[str, Severity] = {"low": "high", "medium": "medium", "high": "low"}
"""How much a licensor's unilateral control matters, by the founder's risk tolerance."""
_ROUTE_WORDS = {"api": "hosted API", "self_host": "self-hosted", "on_device": "on device"}
SCORE_WEIGHTS = {"quality": 0.35, "cost": 0.25, "risk": 0.2, "ops": 0.1, "continuity": 0.05, "recency": 0.05}
"""How much each part of fit counts: quality first, then cost and legal risk, then running it."""


@dataclass(slots=True)
class _Assessment:
    model: Model
    lic: License
    risks: list[Risk] = field(default_factory=list)
    obligations: list[str] = field(default_factory=list)
    fit: list[str] = field(default_factory=list)
    cost: CostEstimate | None = None
    alternatives: list[str] = field(default_factory=list)
    break_even: int | None = None
    self_host_usd: float | None = None
    license_findings: _LicenseFindings | None = None
    """What the model's license means for this profile (shared by every model under it)."""
    score: float = 0.0
    blocked: bool = False
    """Whether a blocker has been found: it puts the model in `excluded`."""

    def add(self, risk: Risk) -> None:
        """Record a finding about this model."""
        self.risks.append(risk)
        if risk.severity == "blocker":
            self.blocked = True

    def add_license_findings(self, findings: _LicenseFindings) -> None:
        """Record what the model's license means for this profile (worked out once per license)."""
        self.license_findings = findings
        self.risks.extend(findings.risks)
        self.blocked = self.blocked or findings.blocking
        self.obligations = findings.obligations  # shared by every model under the license; never mutated per model


def _trigger_order(trigger: str, effect: str) -> tuple[str, float, str, str]:
    """Sort triggers by the answer they watch, then by threshold as a number (2.5e9 before 1.0e10)."""
    name, _, rest = trigger.partition(" ")
    value = rest.split(" ", 1)[-1]
    try:
        number = float(value)
    except ValueError:
        number = 0.0
    return (name, number, value, effect)


@dataclass(frozen=True)
class _Trigger:
    """A condition that would change the answer: as an expression on the profile, and in words."""

    expr: str
    words: str


def _users_above(limit: int) -> _Trigger:
    return _Trigger(f"monthly_active_users > {limit}", f"Monthly active users pass {_users(limit)}")


def _revenue_above(limit: int) -> _Trigger:
    return _Trigger(f"annual_revenue_usd > {limit}", f"Annual revenue passes US${_users(limit)}")


def _tokens_above(tokens: int) -> _Trigger:
    return _Trigger(f"monthly_tokens > {tokens}", f"Volume passes {tokens / 1e6:,.0f}M tokens a month")


def _established_in(regions: list[str]) -> _Trigger:
    expr = f"established_in == {regions[0]}" if len(regions) == 1 else f"established_in in [{', '.join(regions)}]"
    return _Trigger(expr, f"The company is established in {' or '.join(regions)}")


def _flag(answer: str, words: str) -> _Trigger:
    return _Trigger(f"{answer} == true", words)


def _from_date(day: dt.date) -> _Trigger:
    return _Trigger(f"date >= {day}", f"From {day}")


@dataclass
class _Watches:
    """Conditions that would change the answer, collected per (trigger, effect) with the models they touch."""

    entries: dict[tuple[str, str], tuple[set[str], str | None, str]] = field(default_factory=dict)

    def add(self, trigger: _Trigger, effect: str, model: str, source: str | None) -> None:
        models, _, _ = self.entries.setdefault((trigger.expr, effect), (set(), source, trigger.words))
        models.add(model)

    def sorted(self, keep: set[str]) -> list[Watch]:
        """The watch list, restricted to the models in `keep`, in a stable order."""
        watches = []
        for (trigger, effect), (models, source, words) in sorted(
            self.entries.items(), key=lambda kv: _trigger_order(*kv[0])
        ):
            kept = sorted(models & keep)
            if kept:
                watches.append(Watch(trigger=trigger, effect=effect, models=kept, source=source, condition=words))
        return watches


VENDOR_NAMES = {
    "openai": "OpenAI",
    "deepseek": "DeepSeek",
    "tii": "TII",
    "bigscience": "BigScience",
    "stability": "Stability AI",
    "mistral": "Mistral AI",
    "ai2": "Ai2",
}
"""Vendor ids whose names are not the id capitalized."""


@dataclass
class _LicenseFindings:
    """What a license means for this profile: the same for every model under it (and modality scope)."""

    lic: License
    in_scope: bool
    """Whether the model has a modality the license's regional exclusion is limited to (or it has no limit)."""
    facts: _KbFacts
    risks: list[Risk] = field(default_factory=list)
    obligations: list[str] = field(default_factory=list)
    watches: list[tuple[_Trigger, str, str | None]] = field(default_factory=list)
    blocking: bool = False
    """Whether a finding rules out every model under the license (set once the rules have run)."""
    unconfirmed: frozenset[str] = frozenset()
    """`license/clause` of the findings resting on clauses marked unverified (set once the rules have run)."""

    @property
    def vendor(self) -> str:
        vendor = self.lic.vendor or "the licensor"
        return VENDOR_NAMES.get(vendor, vendor[:1].upper() + vendor[1:])

    def watch(self, trigger: _Trigger, effect: str, source: str | None) -> None:
        self.watches.append((trigger, effect, source))


@dataclass(frozen=True)
class _KbFacts:
    """What a license rule needs to know about the rest of the knowledge base."""

    restricted_regions: frozenset[str]
    """Regions some API terms in the knowledge base exclude (sanctioned or unsupported jurisdictions)."""
    licenses_with_scoped_models: frozenset[str]
    """Licenses with at least one model inside their regional exclusion's modality scope."""


def _kb_facts(kb: KnowledgeBase) -> _KbFacts:
    scoped = set()
    for m in kb.models.values():
        lic = kb.licenses[m.license]
        if lic.region_exclusion_modalities and exclusion_reaches(lic, m):
            scoped.add(lic.id)
    restricted = {r for lic in kb.licenses.values() if lic.kind == "api_terms" for r in lic.region_exclusions}
    return _KbFacts(frozenset(restricted), frozenset(scoped))


def _license_findings(p: Profile, lic: License, in_scope: bool, facts: _KbFacts) -> _LicenseFindings:
    findings = _LicenseFindings(lic=lic, in_scope=in_scope, facts=facts)
    _license_rules(p, findings)
    findings.blocking = any(r.severity == "blocker" for r in findings.risks)
    findings.unconfirmed = frozenset(f"{r.license}/{r.clause}" for r in findings.risks if not r.verified)
    return findings


# --- evidence ---------------------------------------------------------------------------------


def _clause_risk(
    lic: License, topic: str, rid: str, severity: Severity, title: str, detail: str, mitigation: str
) -> Risk:
    """A finding resting on the license's clause about `topic`."""
    return _risk_from_clause(lic, clause_for(lic, topic), topic, rid, severity, title, detail, mitigation)


def _risk_from_clause(
    lic: License,
    clause: Clause | None,
    topic: str,
    rid: str,
    severity: Severity,
    title: str,
    detail: str,
    mitigation: str,
) -> Risk:
    """A finding resting on one clause (or, where the license is silent, on the license text itself)."""
    unverified = clause is not None and not clause.verified
    return Risk(
        id=rid,
        severity=severity,
        title=title,
        detail=detail + (" (This clause is marked unverified in the knowledge base.)" if unverified else ""),
        license=lic.id,
        clause=clause.id if clause else f"license.{topic}",
        source=clause.source if clause else lic.url,
        mitigation=mitigation,
        quote=clause.quote if clause else None,
        verified=not unverified,
    )


def _summary_of(lic: License, topic: str, fallback: str) -> str:
    """The knowledge base's own one-line reading of the clause on `topic`, so findings say what this license says."""
    clause = clause_for(lic, topic)
    return clause.summary if clause is not None else fallback


def _model_risk(
    model: Model, fact: str, rid: str, severity: Severity, title: str, detail: str, mitigation: str
) -> Risk:
    """A finding resting on a fact of the model's entry (`weights`, `deprecated`, `price` ...)."""
    source = model.price.source if fact == "price" and model.price else (model.sources[0] if model.sources else "")
    return Risk(
        id=rid,
        severity=severity,
        title=title,
        detail=detail,
        license=model.license,
        clause=f"model.{fact}",
        source=source,
        mitigation=mitigation,
        verified=fact not in model.unverified,
    )


def _users(n: int) -> str:
    for size, suffix in ((1_000_000_000, "B"), (1_000_000, "M"), (1_000, "k")):
        if n >= size:
            value = n / size
            return f"{value:,.0f}{suffix}" if value >= 10 or value == int(value) else f"{value:.1f}{suffix}"
    return str(n)


def _short(lic: License) -> str:
    """How a title names a license: its SPDX id where it has one (CC-BY-NC-4.0), else its name."""
    return lic.spdx or lic.name


def _evidence_label(risk: Risk) -> str:
    """`llama3.2, eu-multimodal-exclusion` for a clause; `model entry: hosts` for a fact of the model."""
    if risk.clause.startswith("model."):
        return f"model entry: {risk.clause.removeprefix('model.')}"
    return f"{risk.license}, {risk.clause}"


def _names(items: list[str], most: int = 4) -> str:
    """`a, b, c and 5 more`: short enough for a sentence."""
    shown = ", ".join(items[:most])
    return shown + (f" and {len(items) - most} more" if len(items) > most else "")


def _evidence_url(lic: License, topic: str) -> str:
    """The source of the license's clause on `topic`, or the license text itself."""
    clause = clause_for(lic, topic)
    return clause.source if clause else lic.url


# --- the rules --------------------------------------------------------------------------------


def _license_rules(p: Profile, a: _LicenseFindings) -> None:
    lic = a.lic
    if lic.commercial_use == "forbidden":
        if p.commercial:
            a.risks.append(
                _clause_risk(
                    lic,
                    "commercial_use",
                    "commercial-use-forbidden",
                    "blocker",
                    f"{_short(lic)} forbids commercial use",
                    "Your product earns money, directly or indirectly; this license grants no rights for that.",
                    "Pick a model under a commercial license, or negotiate a commercial license with the vendor.",
                )
            )
        else:
            a.risks.append(
                _clause_risk(
                    lic,
                    "commercial_use",
                    "commercial-use-forbidden-later",
                    "medium",
                    f"{_short(lic)} forbids commercial use",
                    "Fine for a non-commercial or internal tool today, but the day the product earns money the license no longer covers it.",
                    "Plan the switch (or a commercial license) before launch.",
                )
            )
            a.watch(_flag("commercial", "The product earns money"), f"{_short(lic)} forbids commercial use", lic.url)

    if p.commercial:
        for clause_id in lic.commercial_conditions:
            clause = next(c for c in lic.clauses if c.id == clause_id)
            a.risks.append(
                _risk_from_clause(
                    lic,
                    clause,
                    "commercial_use",
                    f"commercial-condition-{clause_id}",
                    "medium",
                    f"Commercial use of {_short(lic)} comes with a condition",
                    clause.summary,
                    "Meet the condition before launch, or get the vendor's written confirmation that you need not.",
                )
            )

    if lic.unlisted_region_limit is not None:
        clause = next(c for c in lic.clauses if c.id == lic.unlisted_region_limit)
        likely_out = in_regions(p.established_in, a.facts.restricted_regions) or any(
            in_regions(r, a.facts.restricted_regions) for r in p.user_regions
        )
        a.risks.append(
            _risk_from_clause(
                lic,
                clause,
                "other",
                "region-availability-unconfirmed",
                "high" if likely_out else "low",
                f"Only available in {a.vendor}'s list of supported regions",
                clause.summary
                + f" The list is not in this knowledge base; {p.established_in}"
                + (" is a region other API terms here exclude." if likely_out else " is probably on it, but confirm."),
                f"Check {a.vendor}'s list of available regions for your company's and your users' countries.",
            )
        )

    if lic.mau_limit is not None:
        _mau_rules(p, a, lic.mau_limit)

    if lic.revenue_limit_usd is not None:
        limit = lic.revenue_limit_usd
        revenue = p.annual_revenue_usd
        growth = p.users_24m / p.monthly_active_users if p.monthly_active_users else 1.0
        projected = revenue * growth
        if revenue > limit:
            a.risks.append(
                _clause_risk(
                    lic,
                    "revenue_limit",
                    "revenue-threshold",
                    "blocker",
                    f"Revenue above {_short(lic)}'s US${_users(limit)} threshold",
                    f"Your annual revenue (US${_users(revenue)}) is above US${_users(limit)}; the free grant does not cover you.",
                    "Buy the vendor's enterprise license or pick another model.",
                )
            )
        elif projected > limit:
            a.risks.append(
                _clause_risk(
                    lic,
                    "revenue_limit",
                    "revenue-threshold-24m",
                    "high",
                    f"Revenue projected to pass {_short(lic)}'s US${_users(limit)} threshold",
                    f"If revenue grows with users (×{growth:.1f} in 24 months), it reaches about US${_users(int(projected))}; above US${_users(limit)} you need a paid license.",
                    "Budget for the vendor's enterprise license, or keep a migration path to another model.",
                )
            )
        if revenue <= limit:
            a.watch(
                _revenue_above(limit),
                f"{_short(lic)} needs a paid license above US${_users(limit)} annual revenue",
                _evidence_url(lic, "revenue_limit"),
            )

    if lic.region_exclusions:
        _region_rules(p, a)

    _output_training_rules(p, a)

    if lic.derivatives_share_alike and (p.customization == "fine_tune" or p.distribute_weights):
        sharing = p.distribute_weights and p.keep_derivatives_private
        a.risks.append(
            _clause_risk(
                lic,
                "share_alike",
                "share-alike",
                "high" if sharing else "low",
                "Derivatives must carry the same license",
                "You plan to ship the weights and keep your changes private; anything you distribute must go out under the same license, which lets recipients pass it on."
                if sharing
                else "Your fine-tune is only bound when you distribute it; serving it as a service does not trigger this.",
                "Keep fine-tuned weights on your own servers, or accept releasing them under the same license.",
            )
        )
        if not p.distribute_weights:
            a.watch(
                _flag("distribute_weights", "You ship the weights to customers or devices"),
                f"derivatives (such as fine-tunes) must be released under {_short(lic)}",
                lic.url,
            )

    if lic.use_restrictions_flow_down:
        ships = p.distribute_weights or p.deployment in ("on_prem", "on_device")
        aup = f" ({lic.aup_url})" if lic.aup_url else ""
        a.obligations.append(
            f"Follow the use restrictions of {lic.name}{aup} and bind everyone you give the model or a derivative to them."
        )
        if ships:
            a.risks.append(
                _clause_risk(
                    lic,
                    "flow_down",
                    "use-restrictions-flow-down",
                    "medium",
                    "Your customers inherit the vendor's use restrictions",
                    "Shipping the model (or your fine-tune) means your contracts must pass on the vendor's use restrictions, and you answer for them.",
                    "Put the use policy into your customer agreement; check it fits what your customers do.",
                )
            )

    if lic.vendor_can_restrict:
        severity = VENDOR_CONTROL_SEVERITY[p.risk_tolerance]
        a.risks.append(
            _clause_risk(
                lic,
                "vendor_can_restrict",
                "vendor-can-restrict",
                severity,
                f"{a.vendor} keeps a say over how you may use it",
                _summary_of(
                    lic,
                    "vendor_can_restrict",
                    "The licensor may restrict use or change its policies without your agreement.",
                ),
                "Keep a tested fallback model under different terms; re-run `advisor revisit` when terms change.",
            )
        )

    if lic.attribution:
        a.obligations.append(f"Attribution: {lic.attribution.rstrip('.')}.")
    if lic.naming_requirement and (p.customization == "fine_tune" or p.train_on_outputs or p.distribute_weights):
        a.obligations.append(f"Naming: {lic.naming_requirement.rstrip('.')}.")
    if lic.kind == "api_terms":
        a.obligations.append(f"Follow {lic.name} and the vendor's usage policies; they can change.")
        _api_data_rules(p, a)


def _mau_rules(p: Profile, a: _LicenseFindings, limit: int) -> None:
    lic = a.lic
    now, later = p.monthly_active_users, p.users_24m
    on_release = lic.mau_test == "on_release_date"
    if now > limit:
        a.risks.append(
            _clause_risk(
                lic,
                "mau_limit",
                "mau-threshold",
                "blocker",
                f"Above {_short(lic)}'s {_users(limit)}-user threshold",
                f"With {_users(now)} monthly active users you need a separate license from {a.vendor}"
                + (f" for any version released while you are above {_users(limit)}." if on_release else "."),
                "Request the vendor's license before relying on this model.",
            )
        )
        return  # already past it: nothing left to watch for
    a.watch(
        _users_above(limit),
        f"versions of {_short(lic)} models released after you pass {_users(limit)} users need a separate license"
        if on_release
        else f"{_short(lic)} requires a separate license above {_users(limit)} monthly active users",
        _evidence_url(lic, "mau_limit"),
    )
    if on_release:
        if later > limit:
            a.risks.append(
                _clause_risk(
                    lic,
                    "mau_limit",
                    "mau-threshold-future-versions",
                    "medium",
                    f"Future versions will need a license past {_users(limit)} users",
                    f"The count is taken on each version's release date: this version stays licensed, but versions released after you pass {_users(limit)} users (you project {_users(later)}) need a separate license.",
                    "Expect to negotiate with the vendor before upgrading, or plan a move to a model without a user cap.",
                )
            )
        return
    if later > limit:
        a.risks.append(
            _clause_risk(
                lic,
                "mau_limit",
                "mau-threshold-24m",
                "high",
                f"Projected to pass {_short(lic)}'s {_users(limit)}-user threshold",
                f"You expect {_users(later)} monthly active users in 24 months; above {_users(limit)} you need a separate license from the vendor, on its terms.",
                "Budget for the license or plan a migration before you cross the threshold.",
            )
        )
    elif later >= limit / 2:
        a.risks.append(
            _clause_risk(
                lic,
                "mau_limit",
                "mau-threshold-near",
                "low",
                f"Within reach of {_short(lic)}'s {_users(limit)}-user threshold",
                f"Your 24-month projection ({_users(later)}) is more than half the threshold.",
                "Track monthly active users against the threshold.",
            )
        )


def _region_rules(p: Profile, a: _LicenseFindings) -> None:
    lic = a.lic
    scope = set(lic.region_exclusion_modalities)
    in_scope = a.in_scope
    regions = ", ".join(lic.region_exclusions)
    kinds = "multimodal " if scope else ""
    company_excluded = p.established_in_any(lic.region_exclusions)
    if company_excluded and in_scope:
        a.risks.append(
            _clause_risk(
                lic,
                "region_exclusion",
                "region-exclusion",
                "blocker",
                f"No rights for {kinds}models to companies established in {regions}",
                f"Your company is established in {p.established_in}; {_short(lic)} does not grant it rights to use this model. "
                "The exception covers end users of a product built by someone else, not the company building it.",
                "Pick a model without this exclusion, or build through an entity established elsewhere (take legal advice).",
            )
        )
    elif company_excluded and lic.id in a.facts.licenses_with_scoped_models:
        a.risks.append(
            _clause_risk(
                lic,
                "region_exclusion",
                "region-exclusion-siblings",
                "low",
                f"{_short(lic)} excludes {kinds}models for companies in {regions}",
                f"This model is not affected, but moving to a {kinds}sibling under the same terms would be.",
                "Keep multimodal features on a model without this exclusion.",
            )
        )
    elif in_scope:
        a.watch(
            _established_in(lic.region_exclusions),
            f"{_short(lic)} grants no rights for {kinds}models to companies established in {regions}",
            _evidence_url(lic, "region_exclusion"),
        )


def _output_training_rules(p: Profile, a: _LicenseFindings) -> None:
    lic = a.lic
    if lic.output_training == "allowed":
        return
    if not p.train_on_outputs:
        effect = (
            f"{_short(lic)} forbids using outputs to improve other models"
            if lic.output_training == "forbidden"
            else f"{_short(lic)} limits using outputs to train other models"
        )
        a.watch(_flag("train_on_outputs", "You train other models on its outputs"), effect, lic.url)
        return
    if lic.output_training == "forbidden":
        a.risks.append(
            _clause_risk(
                lic,
                "output_training",
                "output-training-forbidden",
                "blocker",
                "Outputs may not be used to train other models",
                "You plan to train or improve another model with this model's outputs; the license forbids it.",
                "Use a model whose license allows it (Apache-2.0, MIT, Llama 3.1+ with its naming duty) for data generation.",
            )
        )
        return
    if lic.kind == "api_terms":
        a.risks.append(
            _clause_risk(
                lic,
                "output_training",
                "output-training-competing",
                "high",
                "Outputs may not be used to build competing models",
                "You plan to train on outputs; the terms forbid using them to develop models that compete with the vendor. Where that line lies is the vendor's call.",
                "Have counsel confirm your model does not compete, or generate training data with a permissively licensed model.",
            )
        )
        return
    a.risks.append(
        _clause_risk(
            lic,
            "output_training",
            "output-training-conditions",
            "medium",
            "Training on outputs comes with conditions",
            "You plan to train on outputs; the license allows it on its terms: "
            + _summary_of(lic, "output_training", "see the quoted clause."),
            "Meet the conditions listed under obligations, or use a permissively licensed model for data generation.",
        )
    )


def _api_data_rules(p: Profile, a: _LicenseFindings) -> None:
    lic = a.lic
    data = lic.api_data
    if data is None:
        return
    sensitive = p.data_sensitivity in ("confidential", "regulated")
    if data.trains_on_customer_data == "opt_out" and p.data_sensitivity != "public":
        # Opt-out terms train by default on some tier (usually the free one); opt-in ones never do unless asked.
        a.risks.append(
            _clause_risk(
                lic,
                "customer_data_training",
                "vendor-trains-on-data",
                "medium" if sensitive else "low",
                "The vendor trains on what you send unless you opt out or pay",
                _summary_of(lic, "customer_data_training", "The terms let the vendor train on API inputs and outputs."),
                "Use the paid tier or switch training off before any real data goes through.",
            )
        )
    if p.data_sensitivity == "regulated":
        retention = (
            f" It keeps inputs and outputs {data.retention_days} days by default." if data.retention_days else ""
        )
        zdr = " Zero data retention is available." if data.zero_retention_available else ""
        a.risks.append(
            _clause_risk(
                lic,
                "data_retention",
                "regulated-data-leaves",
                "high",
                "Regulated data leaves your infrastructure",
                f"Every request sends your regulated data to the vendor.{retention}{zdr}",
                "Sign the vendor's data processing agreement (and BAA for health data), request zero retention, or self-host an open model.",
            )
        )
    elif p.data_sensitivity == "confidential" and data.retention_days:
        a.risks.append(
            _clause_risk(
                lic,
                "data_retention",
                "confidential-data-retained",
                "medium",
                f"Confidential data kept {data.retention_days} days by the vendor",
                f"API inputs and outputs are retained {data.retention_days} days by default (e.g. for abuse monitoring).",
                "Ask for zero data retention where offered, and cover it in your DPA.",
            )
        )
    regions = set(data.processing_regions)
    eu_users = p.has_eu_users
    if "CN" in regions and p.data_sensitivity != "public":
        a.risks.append(
            _clause_risk(
                lic,
                "data_location",
                "data-stored-in-china",
                "high" if sensitive else "medium",
                "Data is processed and stored in the People's Republic of China",
                "Requests are processed on servers in the PRC, under its laws on data access.",
                "Do not send personal or confidential data; self-host the open weights instead.",
            )
        )
    elif eu_users and "EU" not in regions and not data.regional_processing_available and p.data_sensitivity != "public":
        a.risks.append(
            _clause_risk(
                lic,
                "data_location",
                "data-leaves-eu",
                "medium" if sensitive else "low",
                "EU users' data is processed outside the EU",
                "Personal data of EU users goes to processing outside the EU; that is an international transfer under the GDPR.",
                "Rely on the vendor's transfer mechanism (SCCs / Data Privacy Framework) in its DPA, or use an EU-hosted option.",
            )
        )


LLM_TASKS = frozenset({"chat", "code", "rag", "agents", "extraction"})
"""Jobs any general-purpose text model does; a vendor's list of them is a hint, not a limit."""


def use_case_fit(use_case: str, model: Model) -> tuple[bool, bool]:
    """(whether the model can do the job, whether its entry lists the job).

    A text model listed for some language task can do the others; a model that takes images in can do
    vision. Image generation, speech and embeddings need the model to be built for them.
    """
    if use_case in model.use_cases:
        return True, True
    if use_case == "vision":
        return "vision" in model.modalities, False
    if use_case in LLM_TASKS:
        return "text" in model.modalities and not LLM_TASKS.isdisjoint(model.use_cases), False
    return False, False


def _model_rules(p: Profile, a: _Assessment, kb: KnowledgeBase, today: dt.date) -> None:
    m = a.model
    fits, listed = use_case_fit(p.use_case, m)
    if fits and not listed:
        a.fit.append(f"not listed by the vendor for {p.use_case.replace('_', ' ')}, but built for the work")
    if not fits:
        a.add(
            _model_risk(
                m,
                "use_cases",
                "not-for-use-case",
                "blocker",
                f"Not built for {p.use_case.replace('_', ' ')}",
                f"{m.name} is listed for {', '.join(m.use_cases)}.",
                "Pick a model built for this job.",
            )
        )
    if m.weights == "closed":
        if p.self_host_required:
            a.add(
                _model_risk(
                    m,
                    "weights",
                    "closed-weights-self-host",
                    "blocker",
                    "Only available through the vendor's API",
                    "Your data may not leave your infrastructure, and this model runs only on the vendor's servers.",
                    "Choose an open-weights model you can run yourself.",
                )
            )
        if p.deployment in ("on_prem", "on_device"):
            where = "on customers' premises" if p.deployment == "on_prem" else "on users' devices"
            a.add(
                _model_risk(
                    m,
                    "weights",
                    "closed-weights-deployment",
                    "blocker",
                    f"Cannot run {where}",
                    "The weights are not available; the model runs only on the vendor's servers.",
                    "Choose an open-weights model.",
                )
            )
        elif p.distribute_weights:
            a.add(
                _model_risk(
                    m,
                    "weights",
                    "closed-weights-distribution",
                    "blocker",
                    "Weights cannot be shipped",
                    "You plan to ship the model to customers or devices; closed models cannot be distributed.",
                    "Choose an open-weights model.",
                )
            )
        if p.customization == "fine_tune":
            a.add(
                _model_risk(
                    m,
                    "weights",
                    "closed-fine-tune-lock-in",
                    "medium",
                    "A fine-tune of a closed model stays with the vendor",
                    "Fine-tuned weights of an API model cannot be exported; if the vendor retires the base model, the tune goes with it.",
                    "Keep your training data and evaluation set so the tune can be rebuilt elsewhere.",
                )
            )
    elif p.deployment == "on_device" and (m.params_b or 0) > ON_DEVICE_MAX_PARAMS_B:
        a.add(
            _model_risk(
                m,
                "params_b",
                "too-large-for-devices",
                "blocker",
                "Too large to run on users' devices",
                f"{m.params_b:g}B parameters; phones and laptops run models up to about {ON_DEVICE_MAX_PARAMS_B:g}B at 4-bit.",
                "Pick a small model (≤ 8B) or run inference on a server.",
            )
        )

    if m.deprecated is not None:
        if m.deprecated <= today:
            a.add(
                _model_risk(
                    m,
                    "deprecated",
                    "retired",
                    "blocker",
                    f"Retired on {m.deprecated}",
                    "The vendor no longer serves or supports this model.",
                    "Use its successor.",
                )
            )
        else:
            a.add(
                _model_risk(
                    m,
                    "deprecated",
                    "retirement-scheduled",
                    "high",
                    f"Retirement scheduled for {m.deprecated}",
                    "The vendor has announced the date it stops serving this model.",
                    "Build on its successor instead.",
                )
            )

    if "license" in m.unverified:
        repo = f" ({m.hf_repo})" if m.hf_repo else ""
        a.add(
            _model_risk(
                m,
                "license",
                "license-unverified",
                VENDOR_CONTROL_SEVERITY[p.risk_tolerance],
                "License not confirmed from a primary source",
                f"The knowledge base lists {m.license} for {m.name}, but could not confirm it from the model's own license file or card.",
                f"Read the license shipped with the weights{repo} before building on it.",
            )
        )

    successors = kb.successors(m.id)
    if successors:
        newer = successors[0]
        moved = f" Its license changes from {m.license} to {newer.license}." if newer.license != m.license else ""
        tuned = p.customization == "fine_tune"
        a.add(
            _model_risk(
                m,
                "supersedes",
                "superseded",
                "medium" if tuned else "low",
                f"Superseded by {newer.name}",
                (
                    f"A fine-tune on this base must be redone to move to the newer version: {fine_tune_redo_cost(newer)}."
                    if tuned
                    else "A newer version exists."
                )
                + moved,
                f"Start on {newer.name} unless you have a reason to stay.",
            )
        )

    if p.customization == "fine_tune" and p.ml_team == "none":
        a.fit.append("fine-tuning needs ML skills the team lacks")


def _cost(p: Profile, a: _Assessment, gpus: list[Gpu]) -> None:
    m = a.model
    if m.weights == "open" and p.deployment == "on_device":
        a.cost = CostEstimate("on_device", 0.0, "runs on users' devices: no inference bill", None)
        return
    if "image_generation" in m.modalities and m.weights == "open":
        a.cost = single_replica_cost(m, gpus)
        if a.cost is None:
            a.add(_no_hardware_risk(m))
        return
    api = api_cost(m, p.monthly_tokens)
    if m.weights == "closed":
        a.cost = api
        return
    own = self_host_cost(m, p.monthly_tokens, gpus)
    must_self_host = p.self_host_required or p.deployment == "on_prem"
    options = [c for c in (own, None if must_self_host else api) if c is not None]
    if not options:
        a.add(_no_hardware_risk(m))
        return

    def preference(c: CostEstimate) -> tuple[bool, float, str]:
        if p.data_sensitivity == "regulated":
            avoid = c.route != "self_host"  # regulated data stays on infrastructure you control
        elif p.ml_team == "none":
            avoid = c.route != "api"  # nobody to run GPUs
        else:
            avoid = False
        return (avoid, c.monthly_usd, c.route)

    options.sort(key=preference)
    a.cost = options[0]
    a.alternatives = [f"{_ROUTE_WORDS[c.route]}: {usd(c.monthly_usd)}/month — {c.basis}" for c in options[1:]]
    a.self_host_usd = own.monthly_usd if own is not None else None
    if api is not None and own is not None and not must_self_host:
        a.break_even = break_even_tokens(api, m, gpus, p.monthly_tokens)
    if a.cost.route == "api" and p.data_sensitivity in ("confidential", "regulated"):
        hosts = _names(m.hosts) if m.hosts else "a hosted provider"
        a.add(
            _model_risk(
                m,
                "hosts",
                "hosted-open-weights-data",
                "high" if p.data_sensitivity == "regulated" else "medium",
                "Your data goes to a third-party host",
                f"The cheapest route serves the open weights through {hosts}; your {p.data_sensitivity} data leaves your infrastructure, under that host's terms (not in this knowledge base)."
                + (
                    " Where the host processes EU users' personal data outside the EU, that is an international transfer under the GDPR."
                    if p.has_eu_users
                    else ""
                ),
                "Self-host the weights"
                + (f" (about {usd(a.self_host_usd)}/month)" if a.self_host_usd is not None else "")
                + ", or sign the host's DPA.",
            )
        )
    if p.deployment == "on_prem" and own is not None:
        a.cost = CostEstimate(
            "self_host", own.monthly_usd, own.basis + "; on the customer's hardware", own.source, own.plan
        )


def _operations_rules(p: Profile, a: _Assessment) -> None:
    """Findings that depend on how the model would be run (known once its cost route is chosen)."""
    m = a.model
    if m.weights == "open" and p.ml_team == "none" and a.cost is not None and a.cost.route == "self_host":
        hosts = f" Hosted by {_names(m.hosts)}." if m.hosts else " No independent host is recorded for it."
        a.add(
            _model_risk(
                m,
                "self_host",
                "self-hosting-without-ml-team",
                "high" if not m.hosts else "medium",
                "Running GPUs without an ML team",
                "Serving, scaling and updating an open model yourself takes ML-ops skills the team does not have yet."
                + hosts,
                "Use a hosted provider for the open weights, or hire before launch.",
            )
        )


def _no_hardware_risk(m: Model) -> Risk:
    need = f"{m.self_host.min_gpu_memory_gb:g} GB" if m.self_host else "more GPU memory than recorded"
    return _model_risk(
        m,
        "self_host",
        "no-hardware-fits",
        "blocker",
        "No known GPU setup can serve it",
        f"It needs {need} of GPU memory, more than one 8-GPU node of the GPUs in the knowledge base.",
        "Pick a smaller model or a multi-node serving setup.",
    )


def _budget_rule(p: Profile, a: _Assessment) -> None:
    if p.budget_usd_per_month is None or a.cost is None or a.cost.route == "on_device":
        return
    if a.cost.monthly_usd > p.budget_usd_per_month:
        a.add(
            _model_risk(
                a.model,
                "price" if a.cost.route == "api" else "self_host",
                "over-budget",
                "high",
                f"About {usd(a.cost.monthly_usd)}/month, over the {usd(p.budget_usd_per_month)} budget",
                a.cost.basis,
                "Cut volume (caching, shorter prompts), pick a smaller model, or raise the budget.",
            )
        )


_TIER_FIT = {
    (model, asked): (
        f"{model} tier, as asked"
        if model == asked
        else f"{model} tier, above what you need"
        if TIER[model] > TIER[asked]
        else f"{model} tier, below the {asked} you asked for"
    )
    for model in TIER
    for asked in TIER
}
"""How a model's quality tier reads against the tier asked for (built once, not per model)."""


def _fit_and_score(p: Profile, a: _Assessment, reference_cost: float, today: dt.date) -> None:
    m = a.model
    gap = TIER[p.quality] - TIER[m.quality]
    quality = 1.0 if gap <= 0 else (0.55 if gap == 1 else 0.15)
    a.fit.append(_TIER_FIT[(m.quality, p.quality)])
    if p.use_case not in m.use_cases:
        quality *= 0.85  # able to, but not what its vendor built or tested it for
    if p.use_case == "rag" and m.context_tokens < RAG_MIN_CONTEXT:
        quality *= 0.7
        a.fit.append(f"short context for retrieval ({m.context_tokens:,} tokens)")

    cost_value = a.cost.monthly_usd if a.cost else reference_cost * 4
    relative = 1 / (1 + cost_value / max(reference_cost, 1.0))
    if p.budget_usd_per_month:
        ratio = cost_value / p.budget_usd_per_month
        within = 1 - 0.3 * ratio if ratio <= 1 else max(0.0, 0.7 - 0.35 * (ratio - 1))
        cost = 0.6 * within + 0.4 * relative
    else:
        cost = relative

    penalty = sum([RISK_WEIGHT[r.severity] for r in a.risks]) * TOLERANCE_FACTOR[p.risk_tolerance]
    risk = max(0.0, 1 - penalty)

    route = a.cost.route if a.cost else "self_host"
    if route == "api":
        ops = 1.0 if m.weights == "closed" else 0.9
    elif route == "on_device":
        ops = {"none": 0.4, "some": 0.8, "strong": 1.0}[p.ml_team]
        small = (m.params_b or ON_DEVICE_MAX_PARAMS_B) <= ON_DEVICE_MAX_PARAMS_B / 2
        ops *= 1.0 if small else 0.85  # smaller models leave users' memory and battery alone
        if small:
            a.fit.append("small enough for phones as well as laptops")
    else:
        ops = {"none": 0.3, "some": 0.75, "strong": 1.0}[p.ml_team]

    if m.weights == "open":
        continuity = 0.6 + 0.1 * min(len(m.hosts), 4)  # anyone can serve open weights; more hosts, less lock-in
        if len(m.hosts) >= 3:
            a.fit.append(f"served by {len(m.hosts)} independent hosts")
    else:
        continuity = 0.4  # one vendor decides price, terms and retirement

    if m.openness and m.openness.training_code == "open" and m.openness.training_data == "open":
        a.fit.append("fully open: weights, training code and data can be audited")

    age_days = (today - m.released).days
    recency = 1.0 if age_days <= 365 else (0.7 if age_days <= 730 else 0.4)
    if age_days > 730:
        a.fit.append(f"released {m.released.year}: newer models usually do more for less")

    unconfirmed = len([f for f in m.unverified if f != "license"])  # the license itself is a risk above
    score = (
        -min(0.01 * unconfirmed, 0.04)  # between equals, prefer the entry whose facts are confirmed
        + SCORE_WEIGHTS["quality"] * quality
        + SCORE_WEIGHTS["cost"] * cost
        + SCORE_WEIGHTS["risk"] * risk
        + SCORE_WEIGHTS["ops"] * ops
        + SCORE_WEIGHTS["continuity"] * continuity
        + SCORE_WEIGHTS["recency"] * recency
    )
    a.score = round(score, 4)


# --- assembling the decision ------------------------------------------------------------------


def _risk_order(r: Risk) -> tuple[int, str, str, str]:
    return (SEVERITY_ORDER[r.severity], r.id, r.license, r.clause)


def _sorted_risks(risks: Iterable[Risk]) -> list[Risk]:
    listed = list(risks)
    if len(listed) > 1:
        listed.sort(key=_risk_order)
    return listed


def _cost_record(a: _Assessment) -> Cost | None:
    if a.cost is None:
        return None
    return Cost(
        route=a.cost.route,
        monthly_usd=a.cost.monthly_usd,
        basis=a.cost.basis,
        source=a.cost.source,
        alternatives=a.alternatives,
        break_even_tokens=a.break_even,
    )


def _candidate(a: _Assessment) -> Candidate:
    return Candidate(
        model=a.model.id,
        license=a.lic.id,
        weights=a.model.weights,
        score=a.score,
        monthly_cost_usd=a.cost.monthly_usd if a.cost else 0.0,
        obligations=a.obligations,
        risks=_sorted_risks(a.risks),
        name=a.model.name,
        vendor=a.model.vendor,
        cost=_cost_record(a),
        fit=a.fit,
        unverified=_unverified(a),
    )


def _unverified(a: _Assessment) -> list[str]:
    """The facts a candidate rests on that are not confirmed from a primary source (usually none).

    Clause findings all come from the license (model findings cite `model.<field>`, listed here
    through the model's own `unverified`).
    """
    shaky = a.license_findings.unconfirmed if a.license_findings else frozenset()
    if not shaky and not a.model.unverified:
        return []
    return sorted({f"model.{name}" for name in a.model.unverified} | shaky)


def _decision_risks(candidates: list[Candidate]) -> list[Risk]:
    """The shortlist's risks, each once, with the models it applies to.

    A clause finding is the same finding for every model under that license; a finding about a
    model's own entry (its hosts, its retirement) is merged by kind, keeping the first model's detail.
    """
    merged: dict[tuple[str, str, str], Risk] = {}
    for c in candidates:
        for r in c.risks:
            key = (r.id, "", "") if r.clause.startswith("model.") else (r.id, r.license, r.clause)
            known = merged.get(key)
            if known is None:
                merged[key] = msgspec.structs.replace(r, models=[c.model])
            else:
                merged[key] = msgspec.structs.replace(known, models=[*known.models, c.model])
    return _sorted_risks(merged.values())


def _strategy(
    p: Profile, opens: list[_Assessment], closeds: list[_Assessment], kb: KnowledgeBase
) -> tuple[Strategy, list[str]]:
    """Open, closed or hybrid, from the best-ranked open-weights and closed candidates."""
    reasons: list[str] = []
    any_closed_fits = any(m.weights == "closed" and use_case_fit(p.use_case, m)[0] for m in kb.models.values())
    no_closed = (
        "No closed model passes your constraints."
        if any_closed_fits
        else f"The knowledge base has no closed models for {p.use_case.replace('_', ' ')}."
    )
    if p.self_host_required:
        reasons.append(
            "Your data may not leave your infrastructure, so only open-weights models you run yourself qualify."
        )
    if p.deployment in ("on_prem", "on_device") or p.distribute_weights:
        reasons.append("The model must run outside the vendor's cloud, which only open weights allow.")
    if not opens and not closeds:
        return ("open" if reasons else "closed"), [
            *reasons,
            "No model in the knowledge base passes every constraint; see the excluded list for what rules each out.",
        ]
    if not closeds:
        return "open", reasons or [no_closed]
    if not opens:
        return "closed", reasons or ["No open-weights model passes your constraints."]
    best_open, best_closed = opens[0], closeds[0]
    diff = best_open.score - best_closed.score
    sensitive = p.data_sensitivity in ("confidential", "regulated")
    over_budget = (
        p.budget_usd_per_month is not None
        and best_closed.cost is not None
        and best_open.cost is not None
        and best_closed.cost.monthly_usd > p.budget_usd_per_month >= best_open.cost.monthly_usd
    )
    comparison = (
        f"The best open-weights option, {best_open.model.name}, scores {best_open.score:.2f}; "
        f"the best closed one, {best_closed.model.name}, scores {best_closed.score:.2f}."
    )
    if abs(diff) < HYBRID_MARGIN:
        return "hybrid", [
            comparison,
            "They are close enough that using both buys resilience: each is the other's fallback.",
        ]
    if diff < 0 and sensitive and TIER[best_open.model.quality] >= TIER[p.quality] - 1:
        return "hybrid", [
            comparison,
            f"Your data is {p.data_sensitivity}: keep it on the open model you control and send only non-sensitive, hardest work to the API.",
        ]
    if diff < 0 and over_budget:
        return "hybrid", [
            comparison,
            "The closed model is over budget at your volume; the open model carries the bulk and the API handles what needs it.",
        ]
    if diff > 0:
        return "open", [comparison]
    return "closed", [comparison]


def _split(
    p: Profile,
    strategy: Strategy,
    considered: list[_Assessment],
    opens: list[_Assessment],
    closeds: list[_Assessment],
    gpus: list[Gpu],
) -> Split | None:
    if not considered:
        return None

    def fallback_for(primary: _Assessment, pool: list[_Assessment]) -> _Assessment | None:
        for a in pool:
            if a is not primary and a.model.vendor != primary.model.vendor:
                return a
        for a in pool:
            if a is not primary and a.model.family != primary.model.family:
                return a
        return None

    if strategy == "hybrid" and opens and closeds:
        sensitive = p.data_sensitivity in ("confidential", "regulated")
        open_part, closed_part = opens[0], closeds[0]
        if sensitive:  # the bulk, sensitive data included, stays on the open model; the API gets the rest
            bulk_model, rest_model = open_part, closed_part
        else:  # the cheaper model carries the bulk
            bulk_model, rest_model = sorted(
                (open_part, closed_part), key=lambda a: (a.cost.monthly_usd if a.cost else math.inf, a.model.id)
            )
        bulk = int(p.monthly_tokens * HYBRID_PRIMARY_SHARE)
        rest = p.monthly_tokens - bulk
        cost = _route_cost(bulk_model, bulk, gpus) + _route_cost(rest_model, rest, gpus)
        own_infra = open_part.cost is not None and open_part.cost.route == "self_host"
        keeps_sensitive = sensitive and bulk_model is open_part and own_infra
        routing = (
            f"Send {HYBRID_PRIMARY_SHARE:.0%} of traffic — routine requests"
            + (" and everything containing sensitive data" if keeps_sensitive else "")
            + f" — to {bulk_model.model.name}; send the hardest {1 - HYBRID_PRIMARY_SHARE:.0%}"
            + (" (only non-sensitive requests)" if keeps_sensitive and rest_model is closed_part else "")
            + f" to {rest_model.model.name}."
            + (_hosted_sensitive_note(open_part) if sensitive and not own_infra else "")
        )
        return Split(
            primary=bulk_model.model.id,
            primary_share=HYBRID_PRIMARY_SHARE,
            secondary=rest_model.model.id,
            routing=routing,
            fallback=rest_model.model.id,
            fallback_plan=f"Keep one prompt format and evaluation set for both: if either becomes unavailable (outage, retirement, license change), route all traffic to the other ({open_part.model.name} keeps working whatever {closed_part.model.vendor.capitalize()} decides).",
            monthly_cost_usd=round(cost, 2),
        )
    pool = opens if strategy == "open" else closeds
    primary = pool[0] if pool else considered[0]
    backup = fallback_for(primary, pool) or fallback_for(primary, considered)
    plan = (
        f"Keep {backup.model.name} tested against the same evaluation set; switch to it if {primary.model.name} is retired, repriced or relicensed."
        if backup
        else "No independent fallback passes your constraints; keep your prompts and data portable."
    )
    return Split(
        primary=primary.model.id,
        primary_share=1.0,
        secondary=None,
        routing=f"All traffic to {primary.model.name}.",
        fallback=backup.model.id if backup else None,
        fallback_plan=plan,
        monthly_cost_usd=primary.cost.monthly_usd if primary.cost else 0.0,
    )


def _hosted_sensitive_note(a: _Assessment) -> str:
    """What to do about sensitive data when the open part of a plan runs at a third-party host."""
    if a.self_host_usd is None:
        return (
            f" {a.model.name} runs through a hosted provider and no single-node GPU setup in the knowledge base"
            " serves it: keep sensitive data off it, or sign the host's data processing agreement."
        )
    return (
        f" {a.model.name} runs through a hosted provider at this volume: self-host it (about"
        f" {usd(a.self_host_usd)}/month) if sensitive data must stay on your infrastructure."
    )


def _route_cost(a: _Assessment, tokens: int, gpus: list[Gpu]) -> float:
    if a.cost is None or a.cost.route == "on_device":
        return 0.0
    estimate = api_cost(a.model, tokens) if a.cost.route == "api" else self_host_cost(a.model, tokens, gpus)
    return estimate.monthly_usd if estimate else 0.0


def _rationale(
    p: Profile,
    strategy_reasons: list[str],
    considered: list[_Assessment],
    excluded: list[_Assessment],
    kb: KnowledgeBase,
) -> list[str]:
    lines = list(strategy_reasons)
    total = len(considered) + len(excluded)
    counts: dict[str, int] = {}
    for a in excluded:
        for r in a.risks:
            if r.severity == "blocker":
                counts[r.title] = counts.get(r.title, 0) + 1
    if excluded:
        common = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
        lines.append(
            f"{len(considered)} of {total} models pass your constraints; the most common reasons for ruling one out: "
            + "; ".join(f"{title} ({n})" for title, n in common)
            + "."
        )
    if considered:
        top = considered[0]
        if top.cost is not None and top.cost.route == "on_device":
            lines.append(
                f"{top.model.name} runs on your users' devices: no inference bill, but it must fit their memory."
            )
        elif top.cost is not None and p.use_case == "image_generation":
            lines.append(
                f"Serving {top.model.name} costs about {usd(top.cost.monthly_usd)} a month ({top.cost.basis})."
            )
        elif top.cost is not None:
            lines.append(
                f"At {p.monthly_tokens / 1e6:,.0f}M tokens a month, {top.model.name} costs about {usd(top.cost.monthly_usd)} a month ({top.cost.basis})."
            )
        if top.break_even and top.cost is not None and top.cost.route == "api":
            lines.append(
                f"Self-hosting {top.model.name} beats its hosted price from about {top.break_even / 1e6:,.0f}M tokens a month; "
                f"you are at {p.monthly_tokens / 1e6:,.0f}M."
            )
        elif top.cost is not None and top.cost.route == "self_host" and top.model.price is not None:
            lines.append(
                f"At your volume, running {top.model.name} on your own GPUs is cheaper than paying a host per token."
            )
        worst = _sorted_risks(top.risks)
        if worst and worst[0].severity in ("high", "medium"):
            lines.append(f"The main risk of {top.model.name}: {worst[0].title} ({_evidence_label(worst[0])}).")
    if p.ml_team == "none":
        lines.append("With no ML team yet, APIs or hosted open weights avoid running GPUs yourselves.")
    return lines


def _summary(strategy: Strategy, primary: Candidate | None, split: Split | None) -> str:
    if primary is None:
        return "No model in the knowledge base meets every constraint."
    if primary.cost is not None and primary.cost.route == "on_device":
        return f"Go {strategy}: start with {primary.name} ({primary.license}), running on your users' devices."
    monthly = split.monthly_cost_usd if split else primary.monthly_cost_usd
    return f"Go {strategy}: start with {primary.name} ({primary.license}), about {usd(monthly)}/month."


def recommend(profile: Profile, kb: KnowledgeBase, now: dt.datetime) -> Decision:
    """The decision for `profile` on `kb`, as of `now` (which only dates the record and deprecations)."""
    today = now.date()
    gpus = list(kb.gpus.values())
    watch = _Watches()
    license_cache: dict[tuple[str, bool], _LicenseFindings] = {}
    facts = _kb_facts(kb)
    assessments: list[_Assessment] = []
    for model in kb.models.values():
        a = _Assessment(model=model, lic=kb.licenses[model.license])
        _model_rules(profile, a, kb, today)
        in_scope = exclusion_reaches(a.lic, model)
        findings = license_cache.get((a.lic.id, in_scope))
        if findings is None:
            findings = license_cache[(a.lic.id, in_scope)] = _license_findings(profile, a.lic, in_scope, facts)
        a.add_license_findings(findings)
        if not a.blocked:  # costing and scoring only matter for models that can still be chosen
            _cost(profile, a, gpus)
            _operations_rules(profile, a)
            _budget_rule(profile, a)
        assessments.append(a)
    open_ = [a for a in assessments if not a.blocked]
    costs = sorted(a.cost.monthly_usd for a in open_ if a.cost is not None)
    reference = costs[len(costs) // 2] if costs else 1.0
    for a in open_:
        _fit_and_score(profile, a, reference, today)
    considered = sorted(open_, key=lambda a: (-a.score, a.model.id))
    excluded = sorted((a for a in assessments if a.blocked), key=lambda a: a.model.id)
    opens = [a for a in considered if a.model.weights == "open"]  # both best first, like `considered`
    closeds = [a for a in considered if a.model.weights == "closed"]
    strategy, reasons = _strategy(profile, opens, closeds, kb)
    split = _split(profile, strategy, considered, opens, closeds, gpus)
    # What would change *this* answer: the shortlist and the plan's models, not every candidate.
    answer = {a.model.id for a in considered[:SHORTLIST_SIZE]}
    if split is not None:
        answer |= {m for m in (split.primary, split.secondary, split.fallback) if m}
    for a in considered:
        if a.model.id not in answer:
            continue
        if a.license_findings is not None:
            for trigger, effect, source in a.license_findings.watches:
                watch.add(trigger, effect, a.model.id, source)
        if a.break_even and a.cost is not None and a.cost.route == "api":
            watch.add(
                _tokens_above(a.break_even),
                f"self-hosting {a.model.name} becomes cheaper than its hosted API (about {a.break_even / 1e6:,.0f}M tokens a month)",
                a.model.id,
                a.cost.source,
            )
        if a.model.deprecated and a.model.deprecated > today:
            watch.add(
                _from_date(a.model.deprecated),
                f"{a.model.name} is retired",
                a.model.id,
                a.model.sources[0] if a.model.sources else None,
            )
    watches = watch.sorted(answer)
    candidates = [_candidate(a) for a in considered]
    shortlist = candidates[:SHORTLIST_SIZE]
    primary = next((c for c in candidates if split and c.model == split.primary), None)
    summary = _summary(strategy, primary, split)
    return Decision(
        generated_at=now.strftime("%Y-%m-%dT%H:%M:%SZ"),
        advisor_version=__version__,
        profile=profile.with_defaults(),
        knowledge=KnowledgeInfo(
            fingerprint=kb.fingerprint,
            models=len(kb.models),
            licenses=len(kb.licenses),
            verified_through=kb.verified_through.isoformat() if kb.verified_through else None,
            oldest_verification=kb.oldest_verification.isoformat() if kb.oldest_verification else None,
            layers=kb.layers,
        ),
        strategy=strategy,
        rationale=_rationale(profile, reasons, considered, excluded, kb),
        shortlist=shortlist,
        considered=candidates,
        excluded=[
            Excluded(
                model=a.model.id,
                license=a.lic.id,
                reasons=_sorted_risks(r for r in a.risks if r.severity == "blocker"),
                name=a.model.name,
                vendor=a.model.vendor,
            )
            for a in excluded
        ],
        risks=_decision_risks(shortlist),
        watch=watches,
        plan=split,
        assumptions=ASSUMPTIONS,
        summary=summary,
    )
