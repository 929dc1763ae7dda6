"""How the Resolutions screen draws its tables: the columns (narrower under NARROW columns,
where the text keeps the spare width), a follow-up's due date and status, and cells cut with "…";
its tables (WrappingTable) fit their text column to the width left and count its rows' heights."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.widgets import DataTable

from tracker.ui.resolutions.common import short
from tracker.ui.widgets.rows import wrapped_height
from tracker.ui.widgets.text import short_day

if TYPE_CHECKING:
    from rich.console import Console

    from tracker.services.committees.followups import FollowUpRow

# (label, width, width when narrow): 0 is the text, which takes the spare columns and wraps;
# None leaves the column out (its value is in the detail line under the table). Narrow is
# under NARROW columns (an 80x24 terminal): there the text keeps about 30 columns.
# a resolution's number is never cut: "7 (2)", "8.18", "338.2, line 24" wrap in their column
ITEM_COLUMNS = (("No.", 6, 6), ("Kind / owner", 24, 14), ("Due", 10, 10), ("Status", 15, 11),
                ("Text", 0, 0))  # fmt: skip
ARISING_COLUMNS = (("ID", 5, 4), ("Meeting", 10, None), ("Owner", 22, 12), ("Due", 10, 10),
                   ("Status", 15, 11), ("Text", 0, 0))  # fmt: skip
NARROW = 120
RESOLUTION_LINES = 3  # when narrow, a resolution's lines: its follow-ups stay near; whole in detail
LIST_LINE = 33  # when narrow, a committee's or meeting's line in its list (half the width)


def due_cell(row: FollowUpRow) -> Text:
    if row.due is None:
        return Text("-", style="dim")
    return Text(short_day(row.due), style="bold red" if row.overdue else "")


def status_cell(row: FollowUpRow, narrow: bool = False) -> Text:
    """The status; when narrow, an overdue one says only OVERDUE and a closed one leaves its
    date to the detail line."""
    if row.closed_on:
        return Text(row.status if narrow else f"{row.status} {short_day(row.closed_on)}",
                    style="green")  # fmt: skip
    if row.overdue:
        return Text("OVERDUE" if narrow else f"{row.status} OVERDUE", style="bold red")
    return Text(short(row.status, 11) if narrow else row.status,
                style="yellow" if row.status == "in progress" else "")  # fmt: skip


def followup_cells(f: FollowUpRow, narrow: bool) -> tuple[Any, ...]:
    """A follow-up's row under its resolution: ID, owner, due, status, text."""
    owner = Text(f"↳ {f.owner or 'unassigned'}", style="" if f.owner else "italic red")
    return (Text(f"#{f.id}", style="cyan"), owner, due_cell(f), status_cell(f, narrow),
            Text(f.text))  # fmt: skip


def arising_cells(f: FollowUpRow, narrow: bool) -> tuple[Any, ...]:
    """An open matter arising: ID, meeting, owner, due, status, text."""
    meeting = short_day(f.meeting_date) if f.meeting_date else "undated"
    return (Text(f"#{f.id}", style="cyan"), meeting, Text(f.owner or "unassigned"),
            due_cell(f), status_cell(f, narrow), Text(f.text))  # fmt: skip


def closed_cells(f: FollowUpRow, narrow: bool) -> tuple[Any, ...]:
    """A matter arising closed since the last meeting, dimmed."""
    meeting = short_day(f.meeting_date) if f.meeting_date else "undated"
    closed = Text(f"closed since the last meeting: {f.text}", style="dim")
    return (Text(f"#{f.id}", style="dim"), meeting, Text(f.owner or "unassigned"), "",
            status_cell(f, narrow), closed)  # fmt: skip


def cut_lines(console: Console, text: Text, width: int, lines: int) -> Text:
    """`text` wrapped to `width`, kept to its first `lines` lines, the last ending in "…"."""
    wrapped = text.wrap(console, width)
    if len(wrapped) <= lines:
        return text
    kept = [line.plain.rstrip() for line in wrapped[:lines]]
    kept[-1] = kept[-1][: width - 1].rstrip() + "…"
    return Text("\n".join(kept), style=text.style)


def cut(cell: Any, width: int) -> Any:
    """A fixed column's cell on one line, cut with "…" (the text column wraps instead)."""
    if isinstance(cell, Text) and cell.cell_len > width:
        return Text(short(cell.plain, width), style=cell.style)
    if isinstance(cell, str) and len(cell) > width:
        return short(cell, width)
    return cell


class WrappingTable(DataTable[Any]):
    """A table of fixed columns and one text column (width 0 in its spec) that takes the width
    left and wraps; when narrow, the fixed columns' cells but the first (a number, an id) are cut
    with "…" to their width."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.widths: list[int | None] = []  # the spec's widths for this width (None: left out)
        self.given: list[int] = []  # the widths the shown columns were given
        self.narrow = False

    def set_columns(self, spec: tuple[tuple[str, int, int | None], ...], narrow: bool) -> None:
        """Fixed columns, and the text column (width 0) takes what is left, wrapping."""
        self.clear(columns=True)
        self.narrow = narrow
        total = (self.size.width or self.app.size.width) - 2  # room for the scrollbar
        widths = [narrow_width if narrow else wide for _, wide, narrow_width in spec]
        kept = [w for w in widths if w is not None]
        fixed = sum(kept) + 2 * len(kept)
        self.widths = widths
        given: list[int] = []
        for (label, _w, _n), width in zip(spec, widths, strict=True):
            if width is not None:
                given.append(width or max(12, total - fixed))
                self.add_column(label, width=given[-1])
        self.given = given

    def add_cells(self, *cells: Any, key: str | None = None, height: int | None = 1) -> None:
        """A row with the cells of the columns shown; when narrow, fixed ones cut to their width."""
        shown = [cut(cell, w) if w and self.narrow and k else cell  # wider, every column wraps
                 for k, (cell, w) in enumerate(zip(cells, self.widths, strict=True))
                 if w is not None]  # fmt: skip
        if height is None:  # counted here: the table would render every row to measure it
            height = wrapped_height(self.app.console, shown, self.given)
        self.add_row(*shown, key=key, height=height)
