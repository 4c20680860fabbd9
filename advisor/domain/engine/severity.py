"""The severity rubric: one scale for every rule, written down where the rules can apply it.

- **blocker**: the profile plans something the terms grant no right to (commercial use under a
  non-commercial license, users or revenue past a threshold today, a company in an excluded region,
  training on outputs where that is forbidden, a model that cannot run where it must, a retired model).
  A blocker excludes the model.
- **high**: a right the vendor can withdraw or condition at will (at low risk tolerance), a threshold the
  24-month plan crosses, regulated data leaving your infrastructure, a retirement within 30 days, a
  use restriction that binds what the product does.
- **medium**: a retirement within six months, a condition to meet before launch, confidential data
  kept by a vendor, duties passed on to customers, a fine-tune that must be redone on a successor.
- **low**: worth knowing, rarely decisive: a later retirement, a newer version, a transfer covered by
  standard clauses, a non-commercial license for a product that earns nothing.

Two caps hold across rules: a finding that rests on a reading the knowledge base marks as an
interpretation is never above medium, and one resting on a clause not confirmed in the primary text
says so in its detail (its severity is the rule's, since the risk may well be real).
"""

from __future__ import annotations

from advisor.domain.decision import Severity
from advisor.domain.knowledge.schema import Clause


def capped(severity: Severity, clause: Clause | None) -> Severity:
    """`severity`, lowered to medium where the clause is an interpretation (blockers stay: excluding is the safe side)."""
    if clause is not None and clause.reading == "interpretation" and severity == "high":
        return "medium"
    return severity
