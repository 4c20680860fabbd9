"""The compare screen's side-by-side view at 80×24 and 60×20: cells wrapped to their column, long ones cut, every row reachable."""

from __future__ import annotations

import pytest
from textual import events
from textual.app import App, ComposeResult

from advisor.domain.report.side_by_side import Row, SideBySide
from advisor.tui.widgets.side_by_side_view import MAX_ROW_HEIGHT, SideBySideView, column_widths

SIZES = [(80, 24), (60, 20)]
WRAPPED = "a value long enough to wrap over several lines in any column this view gives a model"
LONG = "; ".join(f"risk number {i} of a long list" for i in range(40))
TABLE = SideBySide(
    models=["a", "b", "c"],
    names=["Model A", "Model B", "Model C with a name too long for its column"],
    rows=[
        Row("Standing", "Weights", ["open", "closed", "open"]),
        Row("Standing", "In the EU", ["yes", "yes", "yes"]),
        Row("Cost", "Today", ["$1/month", WRAPPED, "$3/month"]),
        Row("Risks", "High", [LONG, "—", "none of note"]),
        *[Row("Quality", f"Test {i}", [f"{i}.0", f"{i}.5", f"{i}.9"]) for i in range(30)],
    ],
    same_terms=3,
)


class ViewApp(App[None]):
    def compose(self) -> ComposeResult:
        yield SideBySideView(TABLE)

    def on_mount(self) -> None:
        self.query_one(SideBySideView).focus()


def on_screen(view: SideBySideView) -> list[str]:
    """The view's lines as they are drawn now."""
    return [view.render_line(y).text for y in range(view.size.height)]


def by_label(view: SideBySideView) -> dict[str, list[str]]:
    return {row[0]: row[1:] for row in view.rows()}


@pytest.mark.parametrize("size", SIZES)
async def test_cells_are_wrapped_to_their_column_and_a_long_one_is_cut(size: tuple[int, int]) -> None:
    async with ViewApp().run_test(size=size) as pilot:
        await pilot.pause()
        view = pilot.app.query_one(SideBySideView)
        _, column = column_widths(view.size.width, len(TABLE.models))
        cells = by_label(view)
        wrapped = cells["Today"][1].split("\n")
        assert len(wrapped) > 1 and all(len(line) <= column for line in wrapped)
        assert " ".join(wrapped) == WRAPPED  # every word kept, in order
        cut = cells["High"][0].split("\n")
        assert len(cut) == MAX_ROW_HEIGHT and cut[-1].endswith("…") and all(len(line) <= column for line in cut)
        assert cells["High"][1:] == ["—", "none of note"]
        lines = on_screen(view)
        screen = "\n".join(lines)
        assert lines[0].startswith("Side by side: Model A · Model B · Model C")
        header = next(line for line in lines if line.lstrip().startswith("Model A"))
        assert "Model B" in header and "Model C" in header and header.rstrip().endswith("…")
        for line in wrapped:  # the third column is drawn whole too: no column runs off the view
            assert line in screen
        assert "$3/month" in screen


@pytest.mark.parametrize("size", SIZES)
async def test_a_row_whose_values_differ_has_its_label_marked(size: tuple[int, int]) -> None:
    async with ViewApp().run_test(size=size) as pilot:
        await pilot.pause()
        view = pilot.app.query_one(SideBySideView)
        lines = {view.render_line(y).text.split("  ")[0].strip(): view.render_line(y) for y in range(view.size.height)}

        def label_style(label: str) -> bool:
            segment = next(s for s in lines[label] if s.text.strip())
            return bool(segment.style and segment.style.bold)

        assert label_style("Weights") and not label_style("In the EU")


@pytest.mark.parametrize("size", SIZES)
async def test_the_keys_and_the_wheel_scroll_to_the_last_row_and_back(size: tuple[int, int]) -> None:
    async with ViewApp().run_test(size=size) as pilot:
        await pilot.pause()
        view = pilot.app.query_one(SideBySideView)
        assert pilot.app.focused is view
        assert not any("Test 29 " in line for line in on_screen(view))
        await pilot.press("end")
        shown = on_screen(view)
        assert any("Test 29 " in line for line in shown)
        assert "license term(s) the same" in "\n".join(shown)
        assert shown[0].startswith("Side by side: ")  # the title and the names stay on top
        assert any(line.lstrip().startswith("Model A") for line in shown)
        await pilot.press("home")
        seen = on_screen(view)
        assert any("Weights" in line for line in seen)
        for _ in range(20):  # a page at a time: no row skipped on the way
            await pilot.press("pagedown")
            seen += on_screen(view)
        assert all(any(f"Test {i} " in line for line in seen) for i in range(30))
        await pilot.press("home", "down")
        assert view.scroll_y == 1
        for _ in range(3):
            view.post_message(events.MouseScrollDown(view, 5, 5, 0, 1, 0, False, False, False))
        await pilot.pause()
        assert view.scroll_y > 1
