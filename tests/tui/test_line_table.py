"""The table drawn line by line: rows cut to their columns, a cursor that scrolls into view, Enter and clicks."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult

from advisor.tui.widgets.line_table import Column, LineTable, Row

from .test_flow import on_screen

SIZES = [(80, 24), (60, 20)]
COLUMNS = [Column("Model", 12), Column("Note", 20)]


def many(count: int) -> list[Row]:
    return [
        Row(f"m{i}", (f"Model {i}", f"note {i} " + "long " * (i % 7)), "dim" if i % 3 else "") for i in range(count)
    ]


class Host(App[None]):
    def __init__(self, rows: list[Row]) -> None:
        super().__init__()
        self.rows = rows
        self.selected: list[str] = []

    def compose(self) -> ComposeResult:
        yield LineTable(id="table")

    def on_mount(self) -> None:
        table = self.query_one(LineTable)
        table.show(COLUMNS, self.rows)
        table.focus()

    def on_line_table_selected(self, event: LineTable.Selected) -> None:
        self.selected.append(event.key)


@pytest.mark.parametrize("size", SIZES)
async def test_the_cursor_moves_by_row_and_page_and_its_row_is_always_drawn(size: tuple[int, int]) -> None:
    app = Host(many(200))
    async with app.run_test(size=size) as pilot:
        table = app.query_one(LineTable)
        await pilot.press("down", "down")
        assert table.highlighted == "m2"
        await pilot.press("pagedown")
        assert table.cursor == 2 + size[1] - 2
        await pilot.press("end")
        await pilot.pause()
        assert table.highlighted == "m199"
        shown = on_screen(app)
        assert "Model 199" in shown and "Model 0 " not in shown
        assert shown.splitlines()[0].split() == ["Model", "Note"]  # the header stays on top
        await pilot.press("home")
        await pilot.pause()
        assert table.highlighted == "m0" and "Model 0" in on_screen(app)
        await pilot.press("up")
        assert table.highlighted == "m0"  # kept within the rows


async def test_long_cells_are_cut_to_their_column_with_an_ellipsis() -> None:
    app = Host(many(10))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.query_one(LineTable)
        sixth = table.shown_text()[6]
        assert sixth["Note"] == "note 6 long long lo…" and len(sixth["Note"]) == 20
        assert "note 6 long long lo…" in on_screen(app)
        assert "long long long" not in on_screen(app)


async def test_enter_and_a_click_on_the_highlighted_row_select_it() -> None:
    app = Host(many(30))
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.query_one(LineTable)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.selected == ["m1"]
        await pilot.click(LineTable, offset=(3, 4))  # the header is line 0: row 3
        await pilot.pause()
        assert table.highlighted == "m3" and app.selected == ["m1"]  # a first click highlights
        await pilot.click(LineTable, offset=(3, 4))
        await pilot.pause()
        assert app.selected == ["m1", "m3"]
        await pilot.click(LineTable, offset=(3, 0))  # the header selects nothing
        await pilot.pause()
        assert app.selected == ["m1", "m3"]


async def test_showing_other_rows_keeps_the_cursor_on_its_key_or_starts_over() -> None:
    rows = many(50)
    app = Host(rows)
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.query_one(LineTable)
        table.move_to(40)
        table.show(COLUMNS, rows[30:])
        assert table.highlighted == "m40" and table.cursor == 10
        table.show(COLUMNS, rows[:5])
        assert table.highlighted == "m0"
        table.show(COLUMNS, [])
        await pilot.press("down", "enter")
        assert table.highlighted is None and app.selected == []
