"""Outcomes: each indicator grouped under its outcome, with its latest value against target,
direction of travel and a sparkline of its readings."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header, Static

from tracker.ui.indicators.widgets import IndicatorCard
from tracker.ui.powers import Guarded
from tracker.ui.refusals import said
from tracker.ui.widgets.handle import Services
from tracker.ui.widgets.keybar import KeyBar
from tracker.ui.widgets.work import work
from tracker.vocabulary import counted

if TYPE_CHECKING:
    from tracker.services.indicators.views import IndicatorRow

NO_OUTCOME = "Not linked to an outcome"


class IndicatorsLoaded(Message):
    def __init__(self, rows: tuple[IndicatorRow, ...]) -> None:
        self.rows = rows
        super().__init__()


class IndicatorsFailed(Message):
    def __init__(self, error: str) -> None:
        self.error = error
        super().__init__()


class IndicatorsScreen(Guarded, Screen[None]):
    TITLE = "Outcomes"
    CSS_PATH = "indicators.tcss"
    GUARDED = {"record": "manage indicators"}  # tracker/ui/powers.py
    BINDINGS = [
        Binding(
            "f",
            "toggle_off_target",
            "Off target only",
            tooltip="Filter: show only the indicators off target (again: all)",
        ),
        Binding("g", "record", "Record reading", tooltip="Record a reading of an indicator"),
        Binding("ctrl+r", "reload", "Reload", tooltip="Read the indicators again"),
        Binding("T", "trend", "Trend chart", tooltip="Chart each indicator's readings over time"),
        Binding(
            "e",
            "edit",
            "Edit",
            tooltip="Set the highlighted indicator's target, direction, "
            "unit or reporting frequency",
        ),
        Binding(
            "C",
            "correct",
            "Correct reading",
            tooltip="Correct or delete one of the highlighted indicator's readings (audited)",
        ),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.off_target_only = False
        self.rows: tuple[Any, ...] | None = None
        self.today: Any = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Loading the outcome measures…", id="summary")
        yield VerticalScroll(id="outcomes")
        yield KeyBar()  # cut with … at the right, help and the palette kept in sight

    def on_mount(self) -> None:
        self.call_after_refresh(self.load)

    def on_screen_resume(self) -> None:
        if self.rows is not None:
            self.load()  # a reading recorded elsewhere shows at once

    def action_record(self) -> None:
        from tracker.ui.tasks.catalogue import open_task

        open_task(self.app, self.services, "record-reading", **self._highlighted())

    def _highlighted(self) -> dict[str, Any]:
        """The highlighted indicator, as a task window's starting value."""
        focused = self.focused
        return {"indicator": focused.row.code} if isinstance(focused, IndicatorCard) else {}

    def action_edit(self) -> None:
        from tracker.ui.tasks.catalogue import open_task

        open_task(self.app, self.services, "set-indicator", **self._highlighted())

    def action_correct(self) -> None:
        from tracker.ui.tasks.catalogue import open_task

        open_task(self.app, self.services, "correct-reading", **self._highlighted())

    def action_reload(self) -> None:
        self.load()

    def action_trend(self) -> None:
        from tracker.ui.indicators.trend import TrendScreen

        if not self.rows:
            self.notify("No indicators to chart yet.", severity="warning")
            return
        focused = self.focused
        first = focused.row.code if isinstance(focused, IndicatorCard) else None
        self.app.push_screen(TrendScreen(self.rows, first))

    def action_toggle_off_target(self) -> None:
        self.off_target_only = not self.off_target_only
        if self.rows is not None:
            self.call_later(self.show)

    @work("read the outcome measures", exclusive=True, group="indicators")
    def load(self) -> None:
        try:
            from tracker.services.indicators import list_indicators

            t = self.services.tracker()
            rows = list_indicators(t)
            self.today = t.today()
        except Exception as exc:  # noqa: BLE001 - shown on screen, not a traceback
            self.post_message(IndicatorsFailed(said(exc)))
            return
        self.post_message(IndicatorsLoaded(rows))

    def on_indicators_failed(self, message: IndicatorsFailed) -> None:
        self.query_one("#summary", Static).update(
            Text.assemble(("Cannot show the outcome measures: ", "bold red"), message.error)
        )

    async def on_indicators_loaded(self, message: IndicatorsLoaded) -> None:
        if message.rows == self.rows and self.query(IndicatorCard):
            return  # read again on coming back, and nothing changed: the cards stand
        self.rows = message.rows
        await self.show()

    async def show(self) -> None:
        rows = self.rows or ()
        off = [r for r in rows if r.status == "off target"]
        shown = off if self.off_target_only else list(rows)
        summary = Text.assemble(
            (counted(len(rows), "indicators"), "bold"), f", {len(off)} off target",
            ("   (showing off target only: f shows all)", "dim") if self.off_target_only else "",
        )  # fmt: skip
        self.query_one("#summary", Static).update(summary)
        box = self.query_one("#outcomes", VerticalScroll)
        focused = self.focused
        keep = focused.id if isinstance(focused, IndicatorCard) else None
        await box.remove_children()
        widgets: list[Any] = []
        group: str | None = None
        for row in shown:
            name = row.outcome_name or NO_OUTCOME
            if name != group:
                group = name
                count = sum(1 for r in off if (r.outcome_name or NO_OUTCOME) == name)
                heading = Text(name, style="bold")
                if count:
                    heading.append(f"   {count} off target", style="bold red")
                widgets.append(Static(heading, classes="outcome"))
            late = self.today is not None and row.reading_overdue(self.today)
            widgets.append(IndicatorCard(row, id=f"indicator-{row.code}", late=late))
        if not widgets:
            empty = (
                "no indicator is off target"
                if self.off_target_only
                else (
                    'no indicators yet: add one from the command palette (ctrl+p, "add indicator")'
                )
            )
            widgets.append(Static(empty, classes="empty"))
        await box.mount_all(widgets)
        cards = list(self.query(IndicatorCard))
        if cards and (self.focused is None or self.focused is box or keep is not None):
            again = next((c for c in cards if c.id == keep), cards[0])
            again.focus(scroll_visible=keep is not None)
