"""`recommend(profile, kb, now)`: from a founder's answers and the knowledge base to a `Decision`.

Pure and deterministic: no I/O, no clock (the caller passes `now`). Each rule about a license lives
here once, and every finding names its evidence: the license, the clause, its quote and source URL
(or, for a fact of the model entry, the field and the entry's source). A `blocker` excludes a model;
everything else ranks it. Every model of the knowledge base ends up in `considered` or `excluded`.
"""

from __future__ import annotations

import datetime as dt

import msgspec

from advisor import __version__
from advisor.domain.costs.fine_tune import training_assumption, training_gpu_usd_per_hour
from advisor.domain.costs.flips import cost_flips
from advisor.domain.costs.workload import (
    Workload,
    assumptions,
    images_in_24_months,
    tokens_in_24_months,
    workload,
)
from advisor.domain.decision import Decision, Risk, utc
from advisor.domain.engine.assembly import (
    decision_risks,
    knowledge_info,
    to_candidate,
    to_excluded,
    unassessed,
    with_ties,
)
from advisor.domain.engine.assessment import Assessment, LicenseFindings, kb_facts
from advisor.domain.engine.costing import choose_route, license_fee, list_price, route_monthly_usd
from advisor.domain.engine.data_rules import host_terms_findings
from advisor.domain.engine.fine_tuning import distillation, fine_tune_plan
from advisor.domain.engine.license_rules import license_findings
from advisor.domain.engine.model_rules import budget_rule, model_rules, operations_rules
from advisor.domain.engine.rationale import headline, quality_shortfall, rationale_lines, trade_off
from advisor.domain.engine.scoring import fit_and_score, rank_key
from advisor.domain.engine.strategy import choose_strategy, plan_split
from advisor.domain.engine.watch import watch_list
from advisor.domain.knowledge.base import KnowledgeBase
from advisor.domain.knowledge.hardware import Gpu
from advisor.domain.knowledge.terms import exclusion_reaches
from advisor.domain.profile.answers import Profile

SHORTLIST_SIZE = 5
"""How many of the considered models the shortlist shows."""


class Ranking(msgspec.Struct, frozen=True):
    """Every model assessed for a profile: the ones that can be chosen, best first, and the ones ruled out."""

    considered: list[Assessment]
    excluded: list[Assessment]
    """Sorted by model id."""
    workload: Workload
    gpus: list[Gpu]


def rank(profile: Profile, kb: KnowledgeBase, now: dt.datetime) -> Ranking:
    """Each model's findings, costs and score for `profile`, and the order they rank in (what `recommend`
    writes up; enough on its own to know the first choice)."""
    today = now.date()
    gpus = list(kb.gpus.values())
    w = workload(profile)
    w24 = w.with_volume(tokens_in_24_months(profile), images_in_24_months(profile))
    training_rate = training_gpu_usd_per_hour(gpus)
    license_cache: dict[tuple[str, bool, dt.date | None], LicenseFindings] = {}
    facts = kb_facts(kb)
    assessments: list[Assessment] = []
    host_cache: dict[str, list[Risk]] = {}
    for model in kb.models.values():
        lic = kb.licenses[model.license]
        in_scope = exclusion_reaches(lic, model)
        past_release_test = (
            lic.mau_test == "on_release_date"
            and lic.mau_limit is not None
            and profile.monthly_active_users > lic.mau_limit
        )
        version = model.released if past_release_test else None  # only then does the answer turn on the version
        findings = license_cache.get((lic.id, in_scope, version))
        if findings is None:
            findings = license_cache[(lic.id, in_scope, version)] = license_findings(
                profile, lic, in_scope, facts, version
            )
        a = Assessment(model=model, lic=lic)
        # A model its license rules out is recorded with its blockers only: its rating and lesser findings
        # would be worked out for nothing.
        model_rules(profile, a, kb, today, blockers_only=findings.blocking)
        a.add_license_findings(findings)
        if not a.blocked:  # costing and scoring only matter for models that can still be chosen
            choose_route(profile, a, gpus, w)
            fine_tune_plan(profile, a, w, training_rate)
            a.monthly_usd_24m = route_monthly_usd(a, w24, gpus)
            license_fee(profile, a)
            listed = list_price(model)
            terms = listed.terms if listed is not None else None
            if terms is not None and a.cost is not None and a.cost.route == "api" and model.weights == "open":
                if terms not in host_cache:
                    host_cache[terms] = host_terms_findings(profile, kb.licenses[terms], facts)
                for risk in host_cache[terms]:
                    a.add(risk)
            operations_rules(profile, a)
            budget_rule(profile, a)
        assessments.append(a)
    open_ = [a for a in assessments if not a.blocked]
    costs = sorted(a.cost.monthly_usd for a in open_ if a.cost is not None)
    reference = costs[len(costs) // 2] if costs else 1.0
    for a in open_:
        fit_and_score(profile, a, reference, today)
    considered = sorted(open_, key=lambda a: rank_key(profile, a))
    excluded = sorted((a for a in assessments if a.blocked), key=lambda a: a.model.id)
    return Ranking(considered=considered, excluded=excluded, workload=w, gpus=gpus)


def recommend(profile: Profile, kb: KnowledgeBase, now: dt.datetime) -> Decision:
    """The decision for `profile` on `kb`, as of `now` (which only dates the record and deprecations)."""
    return write_up(profile, kb, now, rank(profile, kb, now))


def write_up(profile: Profile, kb: KnowledgeBase, now: dt.datetime, ranking: Ranking) -> Decision:
    """The decision `ranking` (`rank` of the same profile, knowledge and clock) comes to: strategy, plan,
    shortlist, the record of every model and the sentences that explain it."""
    considered, excluded, w, gpus = ranking.considered, ranking.excluded, ranking.workload, ranking.gpus
    today = now.date()
    opens = [a for a in considered if a.model.weights == "open"]  # both best first, like `considered`
    closeds = [a for a in considered if a.model.weights == "closed"]
    strategy, reasons = choose_strategy(profile, considered, opens, closeds, kb)
    split = plan_split(profile, strategy, considered, opens, closeds, gpus, w)
    watches = watch_list(considered[:SHORTLIST_SIZE], split, considered, today)
    candidates = [to_candidate(a) for a in considered]
    shortlist = with_ties(candidates[:SHORTLIST_SIZE])
    candidates[: len(shortlist)] = shortlist
    trade = trade_off(profile, considered)
    summary = headline(
        profile, strategy, shortlist[0] if shortlist else None, split, trade, quality_shortfall(profile, considered)
    )
    return Decision(
        generated_at=utc(now),
        advisor_version=__version__,
        profile=profile.with_defaults(),
        knowledge=knowledge_info(kb),
        strategy=strategy,
        rationale=rationale_lines(profile, reasons, considered, excluded, SHORTLIST_SIZE),
        shortlist=shortlist,
        considered=candidates,
        excluded=[to_excluded(a) for a in excluded],
        risks=decision_risks(shortlist),
        watch=watches,
        plan=split,
        assumptions=assumptions(profile) + ([training_assumption()] if profile.customization == "fine_tune" else []),
        distillation=distillation(profile, considered),
        cost_flips=cost_flips(considered[0].model, w, gpus) if considered else [],
        summary=summary,
        trade_off=trade,
        unassessed=unassessed(kb),
    )
