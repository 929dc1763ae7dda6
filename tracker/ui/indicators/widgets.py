"""IndicatorCard: one indicator's latest value against target, direction of travel and a
sparkline of its readings. Reusable by any screen holding an IndicatorRow
(tracker.services.indicators)."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Sparkline, Static

from tracker.ui.widgets.text import day

STATUS_STYLE = {
    "on target": "bold #3fb950",
    "off target": "bold #f85149",
    "no target": "dim",
    "no reading": "dim",
}
TRAVEL = {  # arrow, style
    "improving": ("▲ improving", "#3fb950"),
    "worsening": ("▼ worsening", "#f85149"),
    "steady": ("► steady", ""),
    "rising": ("↗ rising", ""),
    "falling": ("↘ falling", ""),
}
SPARK_MAX_WIDTH = 24


def when(reading: Any) -> str:
    """A reading's date as the app shows dates ("01 Dec 2026"), else its period as given."""
    return day(reading.date) if reading.date else reading.when


def figures(row: Any, late: bool = False) -> Text:
    """'26% (as noted at the meeting) vs target 20% or less · off target · ▲ improving'."""
    from tracker.services.indicators import format_value

    latest = row.latest
    text = Text()
    if latest is None:
        text.append("no reading yet", style="dim")
    else:
        text.append(format_value(latest.value, row.unit), style="bold")
        text.append(f"  {when(latest)}", style="dim")
    if late:
        text.append(f"  reading overdue ({row.frequency})", style="bold #d29922")
    status = row.status
    if row.target is not None:
        better = {"higher": " or more", "lower": " or less"}.get(row.direction or "", "")
        text.append(f"   target {row.target_text()}{better}")
        if status == "no target":  # a target without a direction: which side is on target?
            status = "direction not set"
    else:
        text.append("   target not set", style="dim")
        if status == "no target":
            status = ""  # said once: "target not set   no target" read as two facts
    if status:
        text.append("   ")
        text.append(status, style=STATUS_STYLE.get(status, "dim"))
    if row.travel:
        label, style = TRAVEL.get(row.travel, (row.travel, ""))
        text.append("   ")
        text.append(label, style=style)
    return text


class IndicatorCard(Vertical):
    """An indicator: name, latest vs target, direction of travel, sparkline of its readings.
    It takes the focus (↑ ↓ move between indicators), so that a screen's keys can act on the
    highlighted one."""

    can_focus = True
    BINDINGS = [
        Binding("down", "app.focus_next", "Next indicator", show=False),
        Binding("up", "app.focus_previous", "Previous indicator", show=False),
    ]
    DEFAULT_CSS = """
    IndicatorCard {
        height: auto;
        padding: 0 1;
        margin: 0 0 1 0;
    }
    IndicatorCard .name { text-style: bold; }
    IndicatorCard .line { height: auto; }
    IndicatorCard Sparkline { width: 24; height: 1; margin: 0 2 0 0; }
    IndicatorCard .figures { width: 1fr; height: auto; }
    IndicatorCard.-off-target { border-left: thick $error; }
    IndicatorCard.-on-target { border-left: thick $success; }
    IndicatorCard:focus { background: $boost; }
    IndicatorCard:focus .name { background: $primary; }
    """

    def __init__(self, row: Any, *, id: str | None = None, late: bool = False) -> None:
        super().__init__(id=id)
        self.row = row
        self.late = late  # a reading is overdue for the indicator's frequency
        if row.status == "off target":
            self.add_class("-off-target")
        elif row.status == "on target":
            self.add_class("-on-target")

    def compose(self) -> ComposeResult:
        row = self.row
        yield Static(Text.assemble(row.name, (f"  {row.code}", "dim")), classes="name")
        with Horizontal(classes="line"):
            spark = Sparkline(list(row.values), summary_function=max)
            spark.styles.width = max(1, min(SPARK_MAX_WIDTH, len(row.values) * 4))
            spark.tooltip = (
                " → ".join(f"{when(r)}: {r.value:g}" for r in row.readings) or "no readings"
            )
            yield spark
            yield Static(figures(row, self.late), classes="figures")
