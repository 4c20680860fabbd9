"""The registry of finding kinds: every kind of risk the engine can raise, what it is, and what to do about it.

A finding's kind is its identity across runs and versions: `revisit` compares findings by kind and
evidence, reports group by kind, and a new rule starts by adding its kind here. The value of each
member is the `id` the decision record carries (`mau-threshold-24m`); a kind that is qualified by
the clause it rests on (`commercial-condition-<clause>`) says so in `QUALIFIED`.

Evidence is typed: a finding rests on a license clause (`ClauseRef`) or on a fact of the model's
own entry (`ModelFact`). The record writes both into its `clause` field (`model.<field>` for a fact),
and `evidence_of` / `fact_clause` are the only two places that know that spelling.
"""

from __future__ import annotations

import functools
from enum import StrEnum

import msgspec


class FindingKind(StrEnum):
    """Every kind of finding the engine makes; the value is the record's `risk.id` (or its prefix, if qualified)."""

    CLOSED_FINE_TUNE_LOCK_IN = "closed-fine-tune-lock-in"
    CLOSED_WEIGHTS_DEPLOYMENT = "closed-weights-deployment"
    CLOSED_WEIGHTS_DISTRIBUTION = "closed-weights-distribution"
    CLOSED_WEIGHTS_SELF_HOST = "closed-weights-self-host"
    COMMERCIAL_CONDITION = "commercial-condition"
    COMMERCIAL_USE_FORBIDDEN = "commercial-use-forbidden"
    COMMERCIAL_USE_FORBIDDEN_LATER = "commercial-use-forbidden-later"
    CONFIDENTIAL_DATA_RETAINED = "confidential-data-retained"
    DATA_LEAVES_EU = "data-leaves-eu"
    DATA_STORED_IN_CHINA = "data-stored-in-china"
    DOMAIN_USE_RESTRICTION = "domain-use-restriction"
    FINE_TUNING_UNRECORDED = "fine-tuning-unrecorded"
    HOSTED_OPEN_WEIGHTS_DATA = "hosted-open-weights-data"
    LICENSE_UNVERIFIED = "license-unverified"
    MAU_THRESHOLD = "mau-threshold"
    MAU_THRESHOLD_24M = "mau-threshold-24m"
    MAU_THRESHOLD_FUTURE_VERSIONS = "mau-threshold-future-versions"
    MAU_THRESHOLD_NEAR = "mau-threshold-near"
    NO_FINE_TUNING = "no-fine-tuning"
    NO_HARDWARE_FITS = "no-hardware-fits"
    NOT_FOR_USE_CASE = "not-for-use-case"
    OUTPUT_TRAINING_COMPETING = "output-training-competing"
    OUTPUT_TRAINING_CONDITIONS = "output-training-conditions"
    OUTPUT_TRAINING_FORBIDDEN = "output-training-forbidden"
    OUTPUT_TRAINING_OUTSIDE_SCOPE = "output-training-outside-scope"
    OVER_BUDGET = "over-budget"
    QUALITY_UNRATED = "quality-unrated"
    REGION_AVAILABILITY_UNCONFIRMED = "region-availability-unconfirmed"
    REGION_EXCLUSION = "region-exclusion"
    REGION_EXCLUSION_SIBLINGS = "region-exclusion-siblings"
    REGULATED_DATA_LEAVES = "regulated-data-leaves"
    RETIRED = "retired"
    RETIREMENT_SCHEDULED = "retirement-scheduled"
    REVENUE_THRESHOLD = "revenue-threshold"
    REVENUE_THRESHOLD_24M = "revenue-threshold-24m"
    REVENUE_THRESHOLD_PAID_LICENSE = "revenue-threshold-paid-license"
    SELF_HOSTING_WITHOUT_ML_TEAM = "self-hosting-without-ml-team"
    SHARE_ALIKE = "share-alike"
    SUPERSEDED = "superseded"
    TOO_LARGE_FOR_DEVICES = "too-large-for-devices"
    USE_RESTRICTIONS_FLOW_DOWN = "use-restrictions-flow-down"
    VENDOR_API_RETIREMENT = "vendor-api-retirement"
    VENDOR_CAN_RESTRICT = "vendor-can-restrict"
    VENDOR_TRAINS_ON_DATA = "vendor-trains-on-data"


QUALIFIED: frozenset[FindingKind] = frozenset({FindingKind.COMMERCIAL_CONDITION, FindingKind.DOMAIN_USE_RESTRICTION})
"""Kinds whose record id carries a qualifier after the kind (`commercial-condition-<clause id>`)."""


class KindInfo(msgspec.Struct, frozen=True):
    """What a kind of finding is, and the mitigation every finding of the kind offers."""

    about: str
    """What the finding means, in a line (for the registry's readers and for reports that explain kinds)."""
    mitigation: str
    """What to do about it; `{name}` fields are filled from the finding (`{vendor}`, `{successor}` ...)."""


KINDS: dict[FindingKind, KindInfo] = {
    FindingKind.CLOSED_FINE_TUNE_LOCK_IN: KindInfo(
        "A fine-tune of a closed model stays with the vendor",
        "Keep your training data and evaluation set so the tune can be rebuilt elsewhere.",
    ),
    FindingKind.CLOSED_WEIGHTS_DEPLOYMENT: KindInfo(
        "A closed model cannot run on customers' premises or users' devices",
        "Choose an open-weights model.",
    ),
    FindingKind.CLOSED_WEIGHTS_DISTRIBUTION: KindInfo(
        "Weights cannot be shipped",
        "Choose an open-weights model.",
    ),
    FindingKind.CLOSED_WEIGHTS_SELF_HOST: KindInfo(
        "Only available through the vendor's API",
        "Choose an open-weights model you can run yourself.",
    ),
    FindingKind.COMMERCIAL_CONDITION: KindInfo(
        "Commercial use comes with a condition no threshold captures (a registration, a form, a hosting license)",
        "Meet the condition before launch, or get the vendor's written confirmation that you need not.",
    ),
    FindingKind.COMMERCIAL_USE_FORBIDDEN: KindInfo(
        "The license forbids commercial use, and the product earns money",
        "Pick a model under a commercial license, or negotiate a commercial license with the vendor.",
    ),
    FindingKind.COMMERCIAL_USE_FORBIDDEN_LATER: KindInfo(
        "The license forbids commercial use: fine for a non-commercial tool until it earns money",
        "Plan the switch (or a commercial license) before launch.",
    ),
    FindingKind.CONFIDENTIAL_DATA_RETAINED: KindInfo(
        "The API vendor keeps confidential inputs and outputs for a period",
        "Ask for zero data retention where offered, and cover it in your DPA.",
    ),
    FindingKind.DATA_LEAVES_EU: KindInfo(
        "EU users' data is processed outside the EU",
        "Rely on the vendor's transfer mechanism (SCCs / Data Privacy Framework) in its DPA, or use an EU-hosted option.",
    ),
    FindingKind.DATA_STORED_IN_CHINA: KindInfo(
        "Data is processed and stored in the People's Republic of China",
        "Do not send personal or confidential data; self-host the open weights instead.",
    ),
    FindingKind.DOMAIN_USE_RESTRICTION: KindInfo(
        "A usage policy draws a line in the product's field (unlicensed professional advice, automated decisions)",
        "Check the product against the clause: keep a licensed professional or a human review where it asks for one, "
        "and pass the restriction on in your terms of use.",
    ),
    FindingKind.FINE_TUNING_UNRECORDED: KindInfo(
        "The profile fine-tunes, and whether the vendor fine-tunes this model is not recorded",
        "Check {vendor}'s fine-tuning documentation for this model, its training price and how a tuned copy is billed.",
    ),
    FindingKind.NO_FINE_TUNING: KindInfo(
        "The profile fine-tunes, and the vendor offers no fine-tuning of this model",
        "Pick a model you can fine-tune: open weights, or a closed model with a fine-tuning API.",
    ),
    FindingKind.HOSTED_OPEN_WEIGHTS_DATA: KindInfo(
        "Your data goes to a third-party host",
        "Self-host the weights{self_host_cost}, or sign the host's DPA.",
    ),
    FindingKind.LICENSE_UNVERIFIED: KindInfo(
        "License not confirmed from a primary source",
        "Read the license shipped with the weights{repo} before building on it.",
    ),
    FindingKind.MAU_THRESHOLD: KindInfo(
        "Users today are above the license's monthly-active-user threshold",
        "Request the vendor's license before relying on this model.",
    ),
    FindingKind.MAU_THRESHOLD_24M: KindInfo(
        "Users are projected to pass the license's monthly-active-user threshold within 24 months",
        "Budget for the license or plan a migration before you cross the threshold.",
    ),
    FindingKind.MAU_THRESHOLD_FUTURE_VERSIONS: KindInfo(
        "Past the user threshold, versions released later need a separate license (counted on release)",
        "Expect to negotiate with the vendor before upgrading, or plan a move to a model without a user cap.",
    ),
    FindingKind.MAU_THRESHOLD_NEAR: KindInfo(
        "The 24-month user projection is more than half the license's threshold",
        "Track monthly active users against the threshold.",
    ),
    FindingKind.NO_HARDWARE_FITS: KindInfo(
        "No known GPU setup can serve it",
        "Pick a smaller model or a multi-node serving setup.",
    ),
    FindingKind.NOT_FOR_USE_CASE: KindInfo(
        "The model is not built for the job",
        "Pick a model built for this job.",
    ),
    FindingKind.QUALITY_UNRATED: KindInfo(
        "Its quality for this job rests on no published benchmark",
        "Evaluate it on your own prompts and data before you commit; the tier it is ranked at is an assumption.",
    ),
    FindingKind.OUTPUT_TRAINING_COMPETING: KindInfo(
        "Outputs may not be used to build competing models",
        "Have counsel confirm your model does not compete, or generate training data with a permissively licensed model.",
    ),
    FindingKind.OUTPUT_TRAINING_CONDITIONS: KindInfo(
        "Training on outputs comes with conditions",
        "Meet the conditions listed under obligations, or use a permissively licensed model for data generation.",
    ),
    FindingKind.OUTPUT_TRAINING_FORBIDDEN: KindInfo(
        "Outputs may not be used to train other models",
        "Use a model whose license allows it (Apache-2.0, MIT, Llama 3.1+ with its naming duty) for data generation.",
    ),
    FindingKind.OUTPUT_TRAINING_OUTSIDE_SCOPE: KindInfo(
        "The model trained on outputs lies outside the license's limit as worded",
        "Keep the trained model to its task; before training a general language or foundation model on these outputs, check the clause again.",
    ),
    FindingKind.OVER_BUDGET: KindInfo(
        "The estimated monthly cost is over the stated budget",
        "Cut volume (caching, shorter prompts), pick a smaller model, or raise the budget.",
    ),
    FindingKind.REGION_AVAILABILITY_UNCONFIRMED: KindInfo(
        "The API is only offered in a list of regions the knowledge base does not hold",
        "Check {vendor}'s list of available regions for your company's and your users' countries.",
    ),
    FindingKind.REGION_EXCLUSION: KindInfo(
        "The license grants no rights to companies established where this one is",
        "Pick a model without this exclusion, or build through an entity established elsewhere (take legal advice).",
    ),
    FindingKind.REGION_EXCLUSION_SIBLINGS: KindInfo(
        "The license excludes sibling models (e.g. multimodal ones) for companies established here",
        "Keep multimodal features on a model without this exclusion.",
    ),
    FindingKind.REGULATED_DATA_LEAVES: KindInfo(
        "Regulated data leaves your infrastructure",
        "Sign the vendor's data processing agreement (and BAA for health data), request zero retention, or self-host an open model.",
    ),
    FindingKind.RETIRED: KindInfo(
        "The vendor no longer serves the model on its API (its `retires` date has passed): it is ruled out",
        "Use {replacement} instead.",
    ),
    FindingKind.RETIREMENT_SCHEDULED: KindInfo(
        "The vendor has set the date it stops serving the model: high within 30 days, medium within six months, low later",
        "Plan the move to {replacement} before {retires}; test it on your own evaluation set first.",
    ),
    FindingKind.VENDOR_API_RETIREMENT: KindInfo(
        "The vendor's own API stops serving an open-weights model; the weights stay usable",
        "Self-host the weights or use another host before {retires}, or move to {replacement}.",
    ),
    FindingKind.REVENUE_THRESHOLD: KindInfo(
        "Revenue today is above the license's revenue threshold",
        "Buy the vendor's enterprise license or pick another model.",
    ),
    FindingKind.REVENUE_THRESHOLD_24M: KindInfo(
        "Revenue is projected to pass the license's revenue threshold",
        "Budget for the vendor's enterprise license, or keep a migration path to another model.",
    ),
    FindingKind.REVENUE_THRESHOLD_PAID_LICENSE: KindInfo(
        "Revenue is above the free license's threshold; the vendor sells a license for it",
        "Ask the vendor for the paid license's price and terms before you build on the model, and keep another "
        "model tested in case the price or the answer is wrong for you.",
    ),
    FindingKind.SELF_HOSTING_WITHOUT_ML_TEAM: KindInfo(
        "Running GPUs without an ML team",
        "Use a hosted provider for the open weights, or hire before launch.",
    ),
    FindingKind.SHARE_ALIKE: KindInfo(
        "Derivatives must carry the same license",
        "Keep fine-tuned weights on your own servers, or accept releasing them under the same license.",
    ),
    FindingKind.SUPERSEDED: KindInfo(
        "A newer version of the model exists",
        "Start on {successor} unless you have a reason to stay.",
    ),
    FindingKind.TOO_LARGE_FOR_DEVICES: KindInfo(
        "Too large to run on users' devices",
        "Pick a small model (≤ 8B) or run inference on a server.",
    ),
    FindingKind.USE_RESTRICTIONS_FLOW_DOWN: KindInfo(
        "Your customers inherit the vendor's use restrictions",
        "Put the use policy into your customer agreement; check it fits what your customers do.",
    ),
    FindingKind.VENDOR_CAN_RESTRICT: KindInfo(
        "The licensor may restrict use or change the terms on its own",
        "Keep a tested fallback model under different terms; re-run `advisor revisit` when terms change.",
    ),
    FindingKind.VENDOR_TRAINS_ON_DATA: KindInfo(
        "The vendor trains on what you send unless you opt out or pay",
        "Use the paid tier or switch training off before any real data goes through.",
    ),
}
"""One entry per kind (a test checks that none is missing)."""


@functools.lru_cache(maxsize=4096)
def kind_of(record_id: str) -> FindingKind | None:
    """The kind of a record's `risk.id` (None for an id this version does not know, e.g. from a newer advisor)."""
    try:
        return FindingKind(record_id)
    except ValueError:
        return next((k for k in QUALIFIED if record_id.startswith(f"{k}-")), None)


def record_id(kind: FindingKind, qualifier: str | None = None) -> str:
    """The id a finding of `kind` carries in the record (`commercial-condition-<clause>` when qualified)."""
    return f"{kind}-{qualifier}" if qualifier else str(kind)


def mitigation(kind: FindingKind, **fill: str) -> str:
    """The kind's mitigation, with its `{name}` fields filled."""
    if not fill:
        return _plain_mitigation(kind)
    return KINDS[kind].mitigation.format(**fill)


@functools.cache
def _plain_mitigation(kind: FindingKind) -> str:
    # A mitigation without fields reads the same for every model: formatted once per kind.
    return KINDS[kind].mitigation.format()


class ClauseRef(msgspec.Struct, frozen=True):
    """Evidence in a license or terms document: the clause id (or `license.<topic>` where the text is silent)."""

    license: str
    clause: str


class ModelFact(msgspec.Struct, frozen=True):
    """Evidence in the model's own entry: a field of it (`weights`, `retires`, `hosts` ...)."""

    license: str
    """The model's license, which the record names beside the fact."""
    field: str


Evidence = ClauseRef | ModelFact

MODEL_FACT = "model."
"""How the record's `clause` field marks a fact of the model entry."""


def evidence_of(license_id: str, clause: str) -> Evidence:
    """The evidence a record's `license` and `clause` fields name."""
    if clause.startswith(MODEL_FACT):
        return ModelFact(license_id, clause.removeprefix(MODEL_FACT))
    return ClauseRef(license_id, clause)


def clause_text(evidence: Evidence) -> str:
    """What the record writes in a risk's `clause` field for this evidence."""
    return fact_clause(evidence.field) if isinstance(evidence, ModelFact) else evidence.clause


def fact_clause(field: str) -> str:
    """`model.<field>`: the `clause` field of a finding resting on a fact of the model's entry."""
    return MODEL_FACT + field
