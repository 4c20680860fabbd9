"""A license's key terms in plain words, each tied to the clause that is its evidence.

Used by `advisor kb show`, the wizard's model detail and the reports, so every face of the advisor
describes a license the same way.
"""

from __future__ import annotations

import msgspec

from advisor.domain.knowledge.license_terms import TERM
from advisor.domain.knowledge.schema import Clause, License, Model
from advisor.domain.knowledge.vocabulary import OutputTrainingScope
from advisor.domain.wording import user_count

_PERMISSION_WORDS = {"allowed": "allowed", "conditional": "allowed, with conditions", "forbidden": "forbidden"}

OUTPUT_TRAINING_SCOPE_WORDS: dict[OutputTrainingScope, str] = {
    "any": "any model",
    "foundation_models": "foundational generative AI models",
    "llms": "other large language models",
    "imitations": "models trained to perform like this one",
    "competing": "models that compete with the vendor's",
}
"""The models a limit on training with outputs reaches, in words (`kb show`, findings)."""


class Term(msgspec.Struct, frozen=True):
    """One line of a license summary: what it says, and the clause it rests on (None if silent)."""

    label: str
    value: str
    clause: Clause | None


def clause_for(lic: License, topic: str) -> Clause | None:
    """The first clause of `lic` on `topic`, preferring verified clauses."""
    matches = [c for c in lic.clauses if c.topic == topic]
    matches.sort(key=lambda c: not c.verified)
    return matches[0] if matches else None


def exclusion_reaches(lic: License, model: Model) -> bool:
    """Whether the license's regional exclusion covers this model: always, unless it is limited to
    modalities (`[vision]`) the model does not have."""
    scope = lic.region_exclusion_modalities
    return not scope or any(m in scope for m in model.modalities)


def short_name(lic: License) -> str:
    """How a title names a license: its SPDX id where it has one (CC-BY-NC-4.0), else its name."""
    return lic.spdx or lic.name


def describe_terms(lic: License) -> list[Term]:
    """The license's key terms, in a fixed order, each with its evidence."""

    def term(field: str, value: str) -> Term:
        info = TERM[field]
        return Term(info.label, value, clause_for(lic, info.topic))

    terms = [term("commercial_use", _PERMISSION_WORDS[lic.commercial_use])]
    if lic.mau_limit is not None:
        when = " (counted on the version's release date)" if lic.mau_test == "on_release_date" else ""
        terms.append(
            term("mau_limit", f"separate license above {user_count(lic.mau_limit)} monthly active users{when}")
        )
    if lic.revenue_limit_usd is not None:
        terms.append(
            term("revenue_limit_usd", f"separate license above US${user_count(lic.revenue_limit_usd)} annual revenue")
        )
    terms.append(term("output_training", _PERMISSION_WORDS[lic.output_training]))
    if lic.output_training != "allowed" and lic.output_training_scope != "any":
        terms.append(term("output_training_scope", OUTPUT_TRAINING_SCOPE_WORDS[lic.output_training_scope]))
    if lic.derivatives_share_alike:
        terms.append(term("derivatives_share_alike", "yes: fine-tunes and other derivatives you distribute carry it"))
    if lic.use_restrictions_flow_down:
        terms.append(
            term("use_restrictions_flow_down", "must be passed on to everyone you give the model or a derivative")
        )
    if lic.attribution:
        terms.append(term("attribution", lic.attribution))
    if lic.naming_requirement:
        terms.append(term("naming_requirement", lic.naming_requirement))
    if lic.region_exclusions:
        scope = f" for {', '.join(lic.region_exclusion_modalities)} models" if lic.region_exclusion_modalities else ""
        terms.append(term("region_exclusions", f"no rights{scope} for companies in {', '.join(lic.region_exclusions)}"))
    if lic.vendor_can_restrict:
        terms.append(term("vendor_can_restrict", "the licensor may restrict use or change terms on its own"))
    if lic.api_data is not None:
        data = lic.api_data
        training = {
            "no": "not used for training",
            "opt_in": "used for training only if you opt in",
            "opt_out": "used for training unless you opt out",
        }
        terms.append(
            Term("Your data", training[data.trains_on_customer_data], clause_for(lic, "customer_data_training"))
        )
        if data.retention_days is not None:
            zdr = "; zero retention available" if data.zero_retention_available else ""
            terms.append(Term("Retention", f"{data.retention_days} days{zdr}", clause_for(lic, "data_retention")))
        if data.processing_regions:
            pin = "; regional processing available" if data.regional_processing_available else ""
            terms.append(
                Term("Processing location", ", ".join(data.processing_regions) + pin, clause_for(lic, "data_location"))
            )
    return terms
