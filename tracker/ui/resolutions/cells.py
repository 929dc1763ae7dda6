"""How the Resolutions screen draws its tables: the columns (narrower under NARROW columns,
where the text keeps the spare width), a follow-up's due date and status, and cells cut with "…"."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text

from tracker.ui.resolutions.common import short
from tracker.ui.widgets.text import short_day

if TYPE_CHECKING:
    from tracker.services.committees.followups import FollowUpRow

# (label, width, width when narrow): 0 is the text, which takes the spare columns and wraps;
# None leaves the column out (its value is in the detail line under the table). Narrow is
# under NARROW columns (an 80x24 terminal): there the text keeps about 30 columns.
ITEM_COLUMNS = (("No.", 6, 4), ("Kind / owner", 24, 14), ("Due", 10, 10), ("Status", 15, 11),
                ("Text", 0, 0))  # fmt: skip
ARISING_COLUMNS = (("ID", 5, 4), ("Meeting", 10, None), ("Owner", 22, 12), ("Due", 10, 10),
                   ("Status", 15, 11), ("Text", 0, 0))  # fmt: skip
NARROW = 120
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


def cut(cell: Any, width: int) -> Any:
    """A fixed column's cell on one line, cut with "…" (the text column wraps instead)."""
    if isinstance(cell, Text) and cell.cell_len > width:
        return Text(short(cell.plain, width), style=cell.style)
    if isinstance(cell, str) and len(cell) > width:
        return short(cell, width)
    return cell
