"""The one table of license terms: each restrictive field, the clause topic that must evidence it, and its label.

Read by validation (which clause must back a value), by the terms display and by revisit (which
fields to compare between versions, and how to call them).
"""

from __future__ import annotations

import msgspec

from advisor.domain.knowledge.schema import License
from advisor.domain.knowledge.vocabulary import ClauseTopic


class LicenseTerm(msgspec.Struct, frozen=True):
    """One restrictive term a license can have: its field, the clause topic that evidences it, and its label."""

    field: str
    """The `License` field holding it."""
    topic: ClauseTopic
    """The topic of the clause that must quote the text whenever the field restricts anything."""
    label: str
    """What it is called wherever a license is described or compared (`kb show`, revisit, the wizard)."""
    always_evidenced: bool = False
    """Needs its clause whatever its value (commercial use: `allowed` is a claim too)."""
    qualifies: str | None = None
    """The field whose scope it narrows (it needs no clause of its own; that field's clause covers it)."""

    def restricts(self, lic: License) -> bool:
        """Whether this license's value of the term restricts anything, so a clause must back it."""
        if self.qualifies is not None:
            return False
        return self.always_evidenced or getattr(lic, self.field) not in (None, False, [], "allowed")


LICENSE_TERMS: tuple[LicenseTerm, ...] = (
    LicenseTerm("commercial_use", "commercial_use", "Commercial use", always_evidenced=True),
    LicenseTerm("mau_limit", "mau_limit", "User threshold"),
    LicenseTerm("revenue_limit_usd", "revenue_limit", "Revenue threshold"),
    LicenseTerm("output_training", "output_training", "Training other models on outputs"),
    LicenseTerm(
        "output_training_scope",
        "output_training",
        "Training on outputs limited for",
        qualifies="output_training",
    ),
    LicenseTerm("derivatives_share_alike", "share_alike", "Derivatives under the same license"),
    LicenseTerm("use_restrictions_flow_down", "flow_down", "Use restrictions flow down"),
    LicenseTerm("hosted_service_is_distribution", "flow_down", "A hosted service counts as distribution"),
    LicenseTerm("attribution", "attribution", "Attribution"),
    LicenseTerm("naming_requirement", "naming", "Naming of derived models"),
    LicenseTerm("region_exclusions", "region_exclusion", "Regional exclusion"),
    LicenseTerm(
        "region_exclusion_modalities",
        "region_exclusion",
        "Regional exclusion applies to",
        qualifies="region_exclusions",
    ),
    LicenseTerm("vendor_can_restrict", "vendor_can_restrict", "Vendor control"),
)
"""The one table of license terms: read by validation (which clause must back a value), by the terms
display and by revisit (which fields to compare between versions, and how to call them)."""

TERM: dict[str, LicenseTerm] = {term.field: term for term in LICENSE_TERMS}
"""The table by field name."""
