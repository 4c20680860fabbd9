"""The model browser's pieces: the filters (a search field and chips for weights, vendor, license kind, use case,
fit and budget) and the table.

Every model of the knowledge base is a `Listing`: its facts, and where it stands in the decision (its
rank and cost, or why it is ruled out). The filters narrow the listings; the table shows them, and
marks the ones picked for comparison.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input

from advisor.domain.decision import Decision
from advisor.domain.knowledge.base import KnowledgeBase
from advisor.domain.profile.questions import BY_ID
from advisor.domain.profile.reading import choice_label
from advisor.domain.wording import usd, vendor_name
from advisor.tui.widgets.chip_bar import Chip, ChipBar
from advisor.tui.widgets.line_table import PADDING, Column, LineTable, Row

ANY = "any"
WITH_VENDOR = 64
"""A table narrower than this leaves out the vendor column (the model's detail names it)."""


@dataclass(frozen=True)
class Listing:
    """One model as the browser lists it."""

    model: str
    name: str
    vendor: str
    weights: str
    category: str
    use_cases: tuple[str, ...]
    rank: int | None
    """Its place among the considered models (None: ruled out)."""
    monthly_usd: float | None
    standing: str
    """`#3, $410/month` or `ruled out: <the first reason>`."""

    def matches(self, text: str) -> bool:
        needle = text.strip().lower()
        return not needle or needle in self.name.lower() or needle in self.model.lower()


def listings(kb: KnowledgeBase, decision: Decision) -> list[Listing]:
    """Every model of `kb`, considered ones in rank order first, then the ruled-out ones by name."""
    rank = {c.model: (i, c) for i, c in enumerate(decision.considered, start=1)}
    reasons = {e.model: e.reasons for e in decision.excluded}
    found = []
    for model in kb.models.values():
        lic = kb.licenses.get(model.license)
        placed = rank.get(model.id)
        if placed is not None:
            place, candidate = placed
            standing, cost = f"#{place}, {usd(candidate.monthly_cost_usd)}/month", candidate.monthly_cost_usd
        else:
            why = reasons.get(model.id, [])
            place, cost = None, None
            standing = "ruled out: " + (why[0].title if why else "not assessed")
        found.append(
            Listing(
                model=model.id,
                name=model.name,
                vendor=vendor_name(model.vendor, unknown=model.vendor),
                weights=model.weights,
                category=lic.category if lic else "",
                use_cases=tuple(model.use_cases),
                rank=place,
                monthly_usd=cost,
                standing=standing,
            )
        )
    found.sort(key=lambda item: (item.rank is None, item.rank or 0, item.name.lower()))
    return found


@dataclass(frozen=True)
class Filters:
    """What the browser shows: text to search names for, and the choices of the filter row."""

    text: str = ""
    weights: str = ANY
    vendor: str = ANY
    category: str = ANY
    use_case: str = ANY
    fits: bool = False
    within_budget: bool = False

    def keep(self, item: Listing, budget: float | None) -> bool:
        return (
            item.matches(self.text)
            and self.weights in (ANY, item.weights)
            and self.vendor in (ANY, item.vendor)
            and self.category in (ANY, item.category)
            and (self.use_case == ANY or self.use_case in item.use_cases)
            and (not self.fits or item.rank is not None)
            and (
                not self.within_budget
                or (item.monthly_usd is not None and (budget is None or item.monthly_usd <= budget))
            )
        )


def _options(values: Iterable[str], words: dict[str, str] | None = None) -> list[tuple[str, str]]:
    return [(words.get(v, v) if words else v, v) for v in sorted(set(values))]


class BrowseFilters(Vertical):
    """The search field and the chips; posts `Changed` with the new `Filters` whenever one of them changes."""

    DEFAULT_CSS = """
    BrowseFilters { height: auto; padding: 0 1; }
    BrowseFilters Input { width: 1fr; }
    """

    class Changed(Message):
        def __init__(self, filters: Filters) -> None:
            self.filters = filters
            super().__init__()

    def __init__(self, items: list[Listing], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.items = items

    def compose(self) -> ComposeResult:
        use_case = BY_ID["use_case"]
        yield Input(placeholder="search by name (/)", id="browse-search", compact=True)
        yield ChipBar(
            [
                Chip("weights", "Weights", [("open weights", "open"), ("closed", "closed")]),
                Chip("vendor", "Vendor", _options(i.vendor for i in self.items)),
                Chip("category", "License", _options(i.category for i in self.items if i.category)),
                Chip("use_case", "Use", [(choice_label(use_case, c.value), str(c.value)) for c in use_case.choices]),
                Chip("fits", "fits my answers"),
                Chip("within_budget", "within budget"),
            ],
            id="browse-chips",
        )

    def filters(self) -> Filters:
        values = self.query_one(ChipBar).values()

        def chosen(key: str) -> str:
            value = values[key]
            return value if isinstance(value, str) else ANY

        return Filters(
            text=self.query_one("#browse-search", Input).value,
            weights=chosen("weights"),
            vendor=chosen("vendor"),
            category=chosen("category"),
            use_case=chosen("use_case"),
            fits=bool(values["fits"]),
            within_budget=bool(values["within_budget"]),
        )

    @on(Input.Changed)
    @on(ChipBar.Changed)
    def _changed(self, event: Message) -> None:
        event.stop()
        self.post_message(self.Changed(self.filters()))


class BrowseTable(LineTable):
    """The listings that pass the filters; space marks a model for comparison."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("space", "mark", "Mark to compare")]

    class Marked(Message):
        """The founder marked or unmarked the model `model`."""

        def __init__(self, model: str) -> None:
            self.model = model
            super().__init__()

    def list_models(self, items: list[Listing], marked: list[str], width: int) -> None:
        """Show `items` in `width` columns (the vendor only when there is room), the marked ones ticked; the cursor
        stays on its model where it can."""
        with_vendor = width >= WITH_VENDOR
        name_width = max(16, min(36, width * 35 // 100))
        fixed = 1 + name_width + 7 + (12 if with_vendor else 0)
        columns = [Column("✓", 1), Column("Model", name_width)]
        columns += [Column("Vendor", 12)] if with_vendor else []
        columns += [Column("Weights", 7)]
        columns.append(Column("In this decision", max(12, width - fixed - 2 * PADDING * (len(columns) + 1))))
        rows = []
        for item in items:
            rest = "" if item.rank is not None else "dim"
            name = "bold" if item.rank and item.rank <= 5 else rest
            mark = "✓" if item.model in marked else ""
            cells: tuple[str, ...] = (mark, item.name, item.vendor, item.weights, item.standing)
            emphasis: tuple[str, ...] = ("", name, rest, rest, rest)
            if not with_vendor:
                cells, emphasis = cells[:2] + cells[3:], emphasis[:2] + emphasis[3:]
            rows.append(Row(item.model, cells, emphasis))
        self.show(columns, rows)

    def action_mark(self) -> None:
        if self.highlighted is not None:
            self.post_message(self.Marked(self.highlighted))
