"""A table row's height counted before it is added (tracker/ui/widgets/rows.py) is the height
Textual's DataTable measures itself for the same row, so no wrapped line is cut off or padded."""

from __future__ import annotations

import pytest
from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import DataTable

from tracker.ui.widgets.rows import wrapped_height

WIDTHS = [4, 14, 30]
LONG = "Report back on the housing stability protocol and the digital self-service offer"
ROWS = [
    ("1", "noted", "That the report be noted."),
    ("#842", Text("↳ Rosa Moore (Early Help Practitioner)"), Text(LONG)),
    ("#9", "owner", Text("Supercalifragilisticexpialidociousnessesnesses-and-more-of-it")),
    ("12345", "a", "first line\nsecond line\n\nfourth line after a blank"),
    ("", "", ""),
    ("[b]", "[bold]marked up[/bold] text that is long enough", "[not markup] x"),
    ("", "", Text("議会の決議と追跡調査の記録を表示します。" * 2)),
    ("", "", Text("ends with a newline\n")),
    ("", "", Text(" leading and  double  spaces " * 3)),
]


class Tables(App[None]):
    def compose(self) -> ComposeResult:
        yield DataTable(id="measured")
        yield DataTable(id="counted")


@pytest.mark.asyncio
async def test_counted_heights_are_the_heights_the_table_measures() -> None:
    app = Tables()
    async with app.run_test(size=(80, 60)) as pilot:
        measured = app.query_one("#measured", DataTable)
        counted = app.query_one("#counted", DataTable)
        for table in (measured, counted):
            for n, width in enumerate(WIDTHS):
                table.add_column(f"c{n}", width=width)
        for n, cells in enumerate(ROWS):
            measured.add_row(*cells, key=str(n), height=None)
            height = wrapped_height(app.console, cells, WIDTHS)
            counted.add_row(*cells, key=str(n), height=height)
        await pilot.pause()
        got = [counted.rows[str(n)].height for n in range(len(ROWS))]
        want = [measured.rows[str(n)].height for n in range(len(ROWS))]
        assert got == want
        assert max(got) > 2  # the rows do wrap: the case is not all single lines
