"""Findings about a model itself: whether it does the job, can run where it must, is retired or superseded, fits the budget."""

from __future__ import annotations

import datetime as dt
import functools

from advisor.domain.decision import Risk, Severity
from advisor.domain.engine.assessment import Assessment
from advisor.domain.engine.evidence import VENDOR_CONTROL_SEVERITY, model_risk
from advisor.domain.findings import FindingKind
from advisor.domain.knowledge.base import KnowledgeBase
from advisor.domain.knowledge.quality import use_case_of
from advisor.domain.knowledge.schema import Model
from advisor.domain.profile.answers import Profile
from advisor.domain.profile.questions import BY_ID
from advisor.domain.profile.reading import choice_words
from advisor.domain.succession import successions
from advisor.domain.wording import name_list, usd, vendor_name

ON_DEVICE_MAX_PARAMS_B = 8.0
"""Largest model that runs on a phone or laptop (about 5 GB at 4-bit quantization)."""


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


def quality_rule(p: Profile, a: Assessment, kb: KnowledgeBase) -> None:
    """Rate the model for the profile's use case from its evidence; an unrated model is a stated risk."""
    m = a.model
    a.rating = rating = kb.rating(m.id, p.use_case)
    job = use_case_words(p.use_case)
    if rating.basis == "unrated":
        rated = sorted({u for e in m.quality_evidence if (u := use_case_of(e)) is not None})
        a.add(
            model_risk(
                m,
                "quality_evidence",
                FindingKind.QUALITY_UNRATED,
                "medium",
                f"No published benchmark result for {job}",
                f"{m.name} has benchmark results for {', '.join(use_case_words(u) for u in rated) or 'nothing'} "
                f"but none for {job}: it is ranked at the lowest tier for it.",
            )
        )
    elif rating.basis == "hand-set":
        a.add(
            model_risk(
                m,
                "quality",
                FindingKind.QUALITY_UNRATED,
                "medium",
                "Quality unrated by evidence",
                f"{m.name}'s {rating.tier} tier is set by hand: no published benchmark result is recorded for it, "
                "so it is ranked at the lowest tier.",
            )
        )


def license_name(kb: KnowledgeBase, license_id: str) -> str:
    """A license as a reader knows it: its name (`MIT License`), the id where the knowledge base has none."""
    lic = kb.licenses.get(license_id)
    return lic.name if lic else license_id


@functools.lru_cache(maxsize=64)
def use_case_words(use_case: str) -> str:
    """A use case as the question catalogue names it, for a sentence (`answers from documents (RAG)`)."""
    return choice_words(BY_ID["use_case"], use_case)


def model_rules(p: Profile, a: Assessment, kb: KnowledgeBase, today: dt.date, *, blockers_only: bool = False) -> None:
    """The findings about the model itself, in the order the record lists them.

    `blockers_only`: the model is ruled out already (by its license), and only what else rules it out is
    recorded (an excluded model's record lists its blockers, nothing else).
    """
    m = a.model
    fits, listed = use_case_fit(p.use_case, m)
    if fits and not listed and not blockers_only:
        a.fit.append(f"not listed by the vendor for {use_case_words(p.use_case)}, but built for the work")
    if not fits:
        a.add(
            model_risk(
                m,
                "use_cases",
                FindingKind.NOT_FOR_USE_CASE,
                "blocker",
                f"Not built for {use_case_words(p.use_case)}",
                f"{m.name} is listed for {', '.join(use_case_words(u) for u in m.use_cases)}.",
            )
        )
    if fits and not blockers_only:
        quality_rule(p, a, kb)
    if m.weights == "closed":
        if p.self_host_required:
            a.add(
                model_risk(
                    m,
                    "weights",
                    FindingKind.CLOSED_WEIGHTS_SELF_HOST,
                    "blocker",
                    "Only available through the vendor's API",
                    "Your data may not leave your infrastructure, and this model runs only on the vendor's servers.",
                )
            )
        if p.deployment in ("on_prem", "on_device"):
            where = "on customers' premises" if p.deployment == "on_prem" else "on users' devices"
            a.add(
                model_risk(
                    m,
                    "weights",
                    FindingKind.CLOSED_WEIGHTS_DEPLOYMENT,
                    "blocker",
                    f"Cannot run {where}",
                    "The weights are not available; the model runs only on the vendor's servers.",
                )
            )
        elif p.distribute_weights:
            a.add(
                model_risk(
                    m,
                    "weights",
                    FindingKind.CLOSED_WEIGHTS_DISTRIBUTION,
                    "blocker",
                    "Weights cannot be shipped",
                    "You plan to ship the model to customers or devices; closed models cannot be distributed.",
                )
            )
        if p.customization == "fine_tune" and not blockers_only:
            a.add(
                model_risk(
                    m,
                    "weights",
                    FindingKind.CLOSED_FINE_TUNE_LOCK_IN,
                    "medium",
                    "A fine-tune of a closed model stays with the vendor",
                    "Fine-tuned weights of an API model cannot be exported; if the vendor retires the base model, the tune goes with it.",
                )
            )
    elif p.deployment == "on_device" and (m.params_b or 0) > ON_DEVICE_MAX_PARAMS_B:
        a.add(
            model_risk(
                m,
                "params_b",
                FindingKind.TOO_LARGE_FOR_DEVICES,
                "blocker",
                "Too large to run on users' devices",
                f"{m.params_b:g}B parameters; phones and laptops run models up to about {ON_DEVICE_MAX_PARAMS_B:g}B at 4-bit.",
            )
        )

    retirement_rule(a, kb, today, blockers_only=blockers_only)
    if blockers_only:
        return

    if "license" in m.unverified:
        repo = f" ({m.hf_repo})" if m.hf_repo else ""
        a.add(
            model_risk(
                m,
                "license",
                FindingKind.LICENSE_UNVERIFIED,
                VENDOR_CONTROL_SEVERITY[p.risk_tolerance],
                "License not confirmed from a primary source",
                f"The knowledge base lists {license_name(kb, m.license)} for {m.name}, but could not confirm it from the model's own license file or card.",
                fill=dict(repo=repo),
            )
        )

    newer_versions = successions(m, kb)
    if newer_versions:
        move = newer_versions[0]
        newer = move.successor
        moved = (
            f" Its license changes from {license_name(kb, m.license)} to {license_name(kb, newer.license)}."
            if move.license_changes
            else ""
        )
        tuned = p.customization == "fine_tune"
        a.add(
            model_risk(
                m,
                "supersedes",
                FindingKind.SUPERSEDED,
                "medium" if tuned else "low",
                f"Superseded by {newer.name}",
                (
                    f"A fine-tune on this base must be redone to move to the newer version: {move.fine_tune_move_cost}."
                    if tuned
                    else "A newer version exists."
                )
                + moved,
                fill=dict(successor=newer.name),
            )
        )

    if p.customization == "fine_tune" and p.ml_team == "none":
        a.fit.append("fine-tuning needs ML skills the team lacks")


RETIRING_SOON_DAYS = 30
"""A retirement within this many days is a high finding: there is hardly time to migrate."""
RETIRING_MEDIUM_DAYS = 183
"""Within about six months, a medium one; later, a low one."""


def retirement_rule(a: Assessment, kb: KnowledgeBase, today: dt.date, *, blockers_only: bool = False) -> None:
    """The vendor's shutdown date on its own API: past, it rules a closed model out; ahead, it grades with the time left."""
    m = a.model
    if m.retires is None:
        return
    days = (m.retires - today).days
    if blockers_only and (m.weights == "open" or days > 0):
        return
    substitute = kb.models[m.replacement].name if m.replacement in kb.models else m.replacement
    named = f" {m.vendor.capitalize()} names {substitute} as the replacement." if substitute else ""
    announced = f" (announced {m.deprecated})" if m.deprecated else ""
    fill = dict(replacement=substitute or "a model you have tested", retires=m.retires.isoformat())
    if m.weights == "open":
        gone = "stopped" if days <= 0 else "stops"
        a.add(
            model_risk(
                m,
                "retires",
                FindingKind.VENDOR_API_RETIREMENT,
                "low",
                f"The vendor's own API {gone} serving it on {m.retires}",
                f"The weights stay available to self-host or through other hosts{announced}.{named}",
                fill=fill,
            )
        )
    elif days <= 0:
        a.add(
            model_risk(
                m,
                "retires",
                FindingKind.RETIRED,
                "blocker",
                f"Retired on {m.retires}" + (f"; replacement: {substitute}" if substitute else ""),
                f"The vendor no longer serves this model on its API{announced}.{named}",
                fill=fill,
            )
        )
    else:
        severity: Severity = (
            "high" if days <= RETIRING_SOON_DAYS else "medium" if days <= RETIRING_MEDIUM_DAYS else "low"
        )
        a.add(
            model_risk(
                m,
                "retires",
                FindingKind.RETIREMENT_SCHEDULED,
                severity,
                f"Retires on {m.retires}, in {days} day{'s' if days != 1 else ''}"
                + (f"; replacement: {substitute}" if substitute else ""),
                f"The vendor stops serving this model on its API on {m.retires}{announced}.{named}",
                fill=fill,
            )
        )


def operations_rules(p: Profile, a: Assessment) -> None:
    """Findings that depend on how the model would be run (known once its cost route is chosen)."""
    m = a.model
    if m.weights == "open" and p.ml_team == "none" and a.cost is not None and a.cost.route == "self_host":
        hosts = (
            f" Hosted by {name_list([vendor_name(h) for h in m.hosts])}."
            if m.hosts
            else " No independent host is recorded for it."
        )
        a.add(
            model_risk(
                m,
                "self_host",
                FindingKind.SELF_HOSTING_WITHOUT_ML_TEAM,
                "high" if not m.hosts else "medium",
                "Running GPUs without an ML team",
                "Serving, scaling and updating an open model yourself takes ML-ops skills the team does not have yet."
                + hosts,
            )
        )


def no_hardware_risk(m: Model) -> Risk:
    need = f"{m.self_host.min_gpu_memory_gb:g} GB" if m.self_host else "more GPU memory than recorded"
    return model_risk(
        m,
        "self_host",
        FindingKind.NO_HARDWARE_FITS,
        "blocker",
        "No known GPU setup can serve it",
        f"It needs {need} of GPU memory, more than one 8-GPU node of the GPUs in the knowledge base.",
    )


def budget_rule(p: Profile, a: Assessment) -> None:
    if p.budget_usd_per_month is None or a.cost is None or a.cost.route == "on_device":
        return
    if a.cost.monthly_usd > p.budget_usd_per_month:
        a.add(
            model_risk(
                a.model,
                "price" if a.cost.route == "api" else "self_host",
                FindingKind.OVER_BUDGET,
                "high",
                f"About {usd(a.cost.monthly_usd)}/month, over the {_budget(p.budget_usd_per_month)} budget",
                a.cost.basis,
            )
        )


@functools.lru_cache(maxsize=64)
def _budget(usd_per_month: float) -> str:
    # The same words on every model over it: written once.
    return usd(usd_per_month)
