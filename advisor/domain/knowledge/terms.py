"""A license's key terms in plain words, each tied to the clause that is its evidence.

Used by `advisor kb show`, the wizard's model detail and the reports, so every face of the advisor
describes a license the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from advisor.domain.knowledge.schema import CLAUSE_TOPIC_REQUIRED_BY, Clause, License, Model

_PERMISSION_WORDS = {"allowed": "allowed", "conditional": "allowed, with conditions", "forbidden": "forbidden"}


@dataclass(frozen=True)
class Term:
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


def _users(n: int) -> str:
    if n >= 1_000_000_000 and n % 1_000_000_000 == 0:
        return f"{n // 1_000_000_000:,}B"
    if n >= 1_000_000 and n % 1_000_000 == 0:
        return f"{n // 1_000_000:,}M"
    return f"{n:,}"


def describe_terms(lic: License) -> list[Term]:
    """The license's key terms, in a fixed order, each with its evidence."""
    topic = CLAUSE_TOPIC_REQUIRED_BY
    terms = [Term("Commercial use", _PERMISSION_WORDS[lic.commercial_use], clause_for(lic, topic["commercial_use"]))]
    if lic.mau_limit is not None:
        when = " (counted on the version's release date)" if lic.mau_test == "on_release_date" else ""
        terms.append(
            Term(
                "User threshold",
                f"separate license above {_users(lic.mau_limit)} monthly active users{when}",
                clause_for(lic, "mau_limit"),
            )
        )
    if lic.revenue_limit_usd is not None:
        terms.append(
            Term(
                "Revenue threshold",
                f"separate license above US${_users(lic.revenue_limit_usd)} annual revenue",
                clause_for(lic, "revenue_limit"),
            )
        )
    terms.append(
        Term(
            "Training other models on outputs",
            _PERMISSION_WORDS[lic.output_training],
            clause_for(lic, "output_training"),
        )
    )
    if lic.derivatives_share_alike:
        terms.append(Term("Derivatives", "must be released under the same license", clause_for(lic, "share_alike")))
    if lic.use_restrictions_flow_down:
        terms.append(
            Term(
                "Use restrictions",
                "must be passed on to everyone you give the model or a derivative",
                clause_for(lic, "flow_down"),
            )
        )
    if lic.attribution:
        terms.append(Term("Attribution", lic.attribution, clause_for(lic, "attribution")))
    if lic.naming_requirement:
        terms.append(Term("Naming", lic.naming_requirement, clause_for(lic, "naming")))
    if lic.region_exclusions:
        scope = f" for {', '.join(lic.region_exclusion_modalities)} models" if lic.region_exclusion_modalities else ""
        terms.append(
            Term(
                "Regional exclusion",
                f"no rights{scope} for companies in {', '.join(lic.region_exclusions)}",
                clause_for(lic, "region_exclusion"),
            )
        )
    if lic.vendor_can_restrict:
        terms.append(
            Term(
                "Vendor control",
                "the licensor may restrict use or change terms on its own",
                clause_for(lic, "vendor_can_restrict"),
            )
        )
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
