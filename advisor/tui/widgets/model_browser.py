"""The model browser's pieces: the filters (search, weights, vendor, license kind, use case, fit, budget) and the table.

Every model of the knowledge base is a `Listing`: its facts, and where it stands in the decision (its
rank and cost, or why it is ruled out). The filters narrow the listings; the table shows them, and
marks the ones picked for comparison.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Checkbox, Input, Select

from advisor.domain.decision import Decision
from advisor.domain.knowledge.base import KnowledgeBase
from advisor.domain.profile.form import Question
from advisor.domain.profile.questions import BY_ID
from advisor.domain.profile.reading import choice_label
from advisor.domain.wording import usd, vendor_name
from advisor.tui.widgets.model_tables import ModelTable

ANY = "any"


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
    """The filter row; posts `Changed` with the new `Filters` whenever one control changes."""

    DEFAULT_CSS = """
    BrowseFilters { height: auto; padding: 0 1; }
    BrowseFilters > Horizontal { height: auto; }
    BrowseFilters Input { width: 1fr; }
    BrowseFilters Select { width: 1fr; margin-right: 1; }
    BrowseFilters Checkbox { width: auto; margin-left: 1; }
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
        with Horizontal():
            yield Input(placeholder="search by name (/)", id="browse-search", compact=True)
            yield Checkbox("fits my answers", id="browse-fits", compact=True)
            yield Checkbox("within budget", id="browse-budget", compact=True)
        with Horizontal():
            yield from self._selects(use_case)

    def _selects(self, use_case: Question) -> Iterator[Select[str]]:
        yield Select(
            [("open weights", "open"), ("closed", "closed")], prompt="any weights", id="browse-weights", compact=True
        )
        yield Select(_options(i.vendor for i in self.items), prompt="any vendor", id="browse-vendor", compact=True)
        yield Select(
            _options(i.category for i in self.items if i.category),
            prompt="any license",
            id="browse-category",
            compact=True,
        )
        yield Select(
            [(choice_label(use_case, c.value), str(c.value)) for c in use_case.choices],
            prompt="any use",
            id="browse-use",
            compact=True,
        )

    def filters(self) -> Filters:
        def chosen(selector: str) -> str:
            value = self.query_one(selector, Select).value
            return value if isinstance(value, str) else ANY

        return Filters(
            text=self.query_one("#browse-search", Input).value,
            weights=chosen("#browse-weights"),
            vendor=chosen("#browse-vendor"),
            category=chosen("#browse-category"),
            use_case=chosen("#browse-use"),
            fits=self.query_one("#browse-fits", Checkbox).value,
            within_budget=self.query_one("#browse-budget", Checkbox).value,
        )

    @on(Input.Changed)
    @on(Select.Changed)
    @on(Checkbox.Changed)
    def _changed(self, event: Message) -> None:
        event.stop()
        self.post_message(self.Changed(self.filters()))


class BrowseTable(ModelTable):
    """The listings that pass the filters; space marks a model for comparison."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("space", "mark", "Mark to compare")]

    class Marked(Message):
        """The founder marked or unmarked the model `model`."""

        def __init__(self, model: str) -> None:
            self.model = model
            super().__init__()

    def show(self, items: list[Listing], marked: list[str], width: int) -> None:
        """Fill the table with `items`, `width` columns wide; the cursor stays on its model where it can."""
        current = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value if self.row_count else None
        name_width = max(16, min(36, width * 35 // 100))
        standing_width = max(12, width - name_width - 3 - 12 - 7 - 2 * 5 - 2)
        self.clear(columns=True)
        self.add_column("✓", key="mark", width=1)
        self.add_column("Model", key="model", width=name_width)
        self.add_column("Vendor", key="vendor", width=12)
        self.add_column("Weights", key="weights", width=7)
        self.add_column("In this decision", key="standing", width=standing_width)
        for item in items:
            mark = "✓" if item.model in marked else ""
            style = "" if item.rank is not None else "dim"
            self.add_row(
                mark,
                Text(
                    str(Content(item.name).truncate(name_width, ellipsis=True)),
                    style="bold" if item.rank and item.rank <= 5 else style,
                ),
                Text(item.vendor[:12], style=style),
                Text(item.weights, style=style),
                Text(str(Content(item.standing).truncate(standing_width, ellipsis=True)), style=style),
                key=item.model,
            )
        keys = [item.model for item in items]
        if current in keys:
            self.move_cursor(row=keys.index(current))

    def action_mark(self) -> None:
        if self.row_count:
            key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
            if key is not None:
                self.post_message(self.Marked(key))
