"""An indicator's trend as a chart in the terminal (textual-plotext): pick an indicator on the
left, its readings are plotted on the right with the target (a line, or both ends of a range)."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option
from textual_plotext import PlotextPlot

from tracker.ui.indicators.widgets import when
from tracker.ui.widgets.text import short_day


class TrendScreen(ModalScreen[None]):
    """The readings of each indicator over time, one at a time."""

    BINDINGS = [Binding("escape", "close", "Close", tooltip="Back to the outcomes")]
    DEFAULT_CSS = """
    TrendScreen { align: center middle; }
    TrendScreen #trend-window {
        width: 95%; height: 90%; border: thick $primary; background: $surface;
    }
    TrendScreen #trend-title { background: $primary; text-style: bold; padding: 0 1; }
    TrendScreen #trend-list { width: 34; height: 1fr; }
    TrendScreen #trend-right { width: 1fr; height: 1fr; }
    TrendScreen PlotextPlot { width: 1fr; height: 1fr; }
    TrendScreen #trend-readings { height: auto; max-height: 8; padding: 0 1; }
    """

    def __init__(self, rows: tuple[Any, ...], first: str | None = None) -> None:
        super().__init__()
        self.rows = rows
        self.first = first
        self.shown: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="trend-window"):
            yield Static("Trend of an indicator (escape: back)", id="trend-title")
            with Horizontal():
                yield OptionList(*(Option(r.name, id=r.code) for r in self.rows), id="trend-list")
                with Vertical(id="trend-right"):
                    yield PlotextPlot(id="trend-plot")
                    yield Static("", id="trend-readings", markup=False)

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        codes = [r.code for r in self.rows]
        options.highlighted = codes.index(self.first) if self.first in codes else 0
        options.focus()

    @on(OptionList.OptionHighlighted)
    def highlighted(self, event: OptionList.OptionHighlighted) -> None:
        row = next((r for r in self.rows if r.code == event.option.id), None)
        if row is not None:
            self.draw(row)

    def draw(self, row: Any) -> None:
        """Plot one indicator's readings, oldest first, with its target."""
        plot = self.query_one(PlotextPlot)
        plt = plot.plt
        plt.clear_data()
        plt.clear_figure()
        self.shown = row.code
        self.query_one("#trend-readings", Static).update(readings_text(row))
        labels = [short_day(r.date) if r.date else (r.period or "undated") for r in row.readings]
        values = [r.value for r in row.readings]
        title = row.name if len(row.name) <= 70 else row.name[:69] + "…"
        plt.title(title)
        if not values:
            plt.title(f"{title}: no readings yet")
            plot.refresh()
            return
        xs = [float(i) for i in range(1, len(values) + 1)]
        plt.plot(xs, values, marker="braille", label="readings")
        plt.scatter(xs, values, marker="dot")
        plt.xticks(xs, [label[:12] for label in labels])
        if row.target is not None:
            plt.hline(row.target, "green")
            if row.target_max is not None:
                plt.hline(row.target_max, "green")
        plt.ylabel(row.unit or "value")
        plot.refresh()

    def action_close(self) -> None:
        self.dismiss(None)


def readings_text(row: Any) -> Text:
    """The readings, newest first, with the numbers that correcting one asks for."""
    from tracker.services.indicators.views import format_value

    text = Text("Readings (number, when, value; C on Outcomes corrects one):", style="bold")
    for r in reversed(row.readings):
        text.append(f"\n#{r.id}  {when(r)}  {format_value(r.value, row.unit)}")
        if r.note:
            text.append(f"  {r.note}", style="dim")
    return text
