"""The dashboard: the strategy and where today falls in it, each phase's position, and what needs
attention. Every count and item opens what it counts (the register, filtered)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from tracker.ui.dashboard.items import (
    action_item,
    challenge_item,
    followup_item,
    meeting_item,
    returns_line,
    update_item,
)
from tracker.ui.powers import reread
from tracker.ui.refusals import said
from tracker.ui.widgets import text as tx
from tracker.ui.widgets.handle import Services
from tracker.ui.widgets.keybar import KeyBar
from tracker.ui.widgets.work import work
from tracker.vocabulary import NO_RAG, STATUSES, counted
from tracker.vocabulary import RAGS as ASSESSED

if TYPE_CHECKING:
    from textual.widgets import DataTable

    from tracker.services.dashboard import Dashboard

RAGS = (*ASSESSED, NO_RAG)
PANELS = (
    ("overdue", "Overdue"),
    ("soon", "Due in the next 30 days"),
    ("updates", "Latest status updates"),
    ("meetings", "Next meetings"),
    ("followups", "Open follow-ups"),
    ("challenges", "Challenges to answer"),
)


RELAYOUT_DELAY = 0.05  # seconds for a list to be laid out at a new size before it is refilled
PREPARE_DELAY = 0.2  # seconds after the figures show before the register is built, out of sight
PHASE_COLUMNS = (  # key, heading, width
    ("phase", "Phase", 24), ("years", "Years", 10), ("actions", "Total", 6),
    ("not started", "Not started", 12), ("in progress", "In progress", 12),
    ("complete", "Complete", 9), ("cancelled", "Cancelled", 10),
    ("green", "Green", 6), ("amber", "Amber", 6), ("red", "Red", 4),
    ("none", "No RAG", 7), ("progress", "% complete", 12),
)  # fmt: skip

NARROW_PHASE_COLUMNS = (  # the same below 100 columns (80x24): short headings, every column shown
    ("phase", "Phase", 20), ("years", "Years", 9), ("actions", "All", 4),
    ("not started", "Not st", 7), ("in progress", "In prog", 8),
    ("complete", "Done", 5), ("cancelled", "Canc", 5),
    ("green", "G", 3), ("amber", "A", 3), ("red", "R", 3),
    ("none", "-", 3), ("progress", "%", 5),
)  # fmt: skip


class DashboardLoaded(Message):
    def __init__(self, dashboard: Dashboard) -> None:
        self.dashboard = dashboard
        super().__init__()


class DashboardFailed(Message):
    def __init__(self, error: str) -> None:
        self.error = error
        super().__init__()


class DashboardScreen(Screen[None]):
    TITLE = "Dashboard"
    CSS_PATH = "dashboard.tcss"
    BINDINGS = [
        Binding("l", "open_overdue", "Overdue", tooltip="Open the overdue actions in the register"),
        Binding(
            "w",
            "open_due_soon",
            "Due soon",
            tooltip="Open the actions due within 30 days in the register",
        ),
        Binding(
            "1",
            "open_phase(1)",
            "Phase 1 in the register",
            show=False,
            tooltip="The register showing phase 1's actions",
        ),
        Binding(
            "2",
            "open_phase(2)",
            "Phase 2 in the register",
            show=False,
            tooltip="The register showing phase 2's actions",
        ),
        Binding(
            "3",
            "open_phase(3)",
            "Phase 3 in the register",
            show=False,
            tooltip="The register showing phase 3's actions",
        ),
        Binding(
            "4",
            "open_phase(4)",
            "Phase 4 in the register",
            show=False,
            tooltip="The register showing phase 4's actions",
        ),
        Binding(
            "5",
            "open_phase(5)",
            "Phase 5 in the register",
            show=False,
            tooltip="The register showing phase 5's actions",
        ),
        Binding("ctrl+r", "reload", "Reload", show=False, tooltip="Read the dashboard again"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.narrow_phases = False  # the phase table's short headings (built below 100 columns)
        self.dashboard: Dashboard | None = None

    def compose(self) -> ComposeResult:
        from textual.widgets import DataTable

        yield Header()
        # The table and the lists are in the first frame, empty, laid out while the figures
        # are read: the frame after the read only fills them in (no widgets mounted then, no
        # frame of empty lists before the figures, each list's width known at once).
        with Vertical(id="dashboard"):
            yield Static("Loading the plan…", id="strategy")
            table: DataTable[Any] = DataTable(id="phases", cursor_type="cell", cell_padding=0)
            table.border_title = "Phases  (enter on a count opens those actions)"
            self._phase_columns(table)
            yield table
            yield Horizontal(*(self._panel(k, t) for k, t in PANELS[:3]), classes="panels")
            yield Horizontal(*(self._panel(k, t) for k, t in PANELS[3:]), classes="panels")
        yield KeyBar()

    def _phase_columns(self, table: Any) -> None:
        """The phase table's columns, short below 100 columns (80x24)."""
        narrow = self.narrow_phases = self.app.size.width < 100
        for key, label, width in NARROW_PHASE_COLUMNS if narrow else PHASE_COLUMNS:
            table.add_column(_head(label, width, key), key=key, width=width)

    def on_resize(self) -> None:
        """A terminal resized: the phase table's headings and the lists' lines are cut again,
        to the new width, once laid out at it."""
        if self.dashboard is None:
            return  # the first figures are laid out at the size they come to
        if (self.app.size.width < 100) != self.narrow_phases:
            from textual.widgets import DataTable

            table: DataTable[Any] = self.query_one("#phases", DataTable)
            table.clear(columns=True)
            self._phase_columns(table)
        self.set_timer(RELAYOUT_DELAY, lambda: self._show(self.dashboard))

    def _panel(self, key: str, title: str) -> OptionList:
        panel = OptionList(id=key, classes="panel")
        panel.border_title = title
        return panel

    def on_mount(self) -> None:
        # the read starts now, beside the first frame: its queries run in sqlite3 or psycopg
        # with the interpreter lock released, while this thread lays out and paints
        self.load()

    def on_screen_resume(self) -> None:
        if self.dashboard is not None:
            self.load()  # an update made elsewhere shows here at once
            reread(self)  # and a role granted or revoked meanwhile (tracker/ui/powers.py)

    def action_reload(self) -> None:
        self.load()

    @work("read the dashboard", exclusive=True, group="dashboard")
    def load(self) -> None:
        try:
            from tracker.services.dashboard import get_dashboard

            result = get_dashboard(self.services.tracker())
        except Exception as exc:  # noqa: BLE001 - shown on screen, not a traceback
            self.post_message(DashboardFailed(said(exc)))
            return
        self.post_message(DashboardLoaded(result))

    def on_dashboard_failed(self, message: DashboardFailed) -> None:
        self.query_one("#strategy", Static).update(
            Text.assemble(("Cannot show the plan: ", "bold red"), message.error)
        )

    def on_dashboard_loaded(self, message: DashboardLoaded) -> None:
        self._show_when_laid_out(message.dashboard)

    def _show_when_laid_out(self, d: Dashboard, tries: int = 10) -> None:
        # the lists cut their lines to their width, known once the first frame is laid out
        # (a small database can be read before that)
        if not self.query_one("#overdue", OptionList).size.width and tries:
            self.call_after_refresh(self._show_when_laid_out, d, tries - 1)
            return
        first = self.dashboard is None
        self._show(d)
        if first:  # the register is built out of sight just after the figures are shown
            self.set_timer(PREPARE_DELAY, getattr(self.app, "prepare_register", lambda: None))

    def _show(self, d: Dashboard) -> None:
        self.dashboard = d
        show_who = getattr(self.app, "show_who", None)
        if show_who is not None:  # a signed-in session: whose it is, in the header
            show_who()
        self._show_strategy(d)
        self._show_phases(d)
        self._fill(
            "overdue", f"Overdue: {d.overdue_count}",
            [(f"action:{r.ref}", partial(action_item, r, tx.late_by(r.due_or_implied, d.today))) for r in d.overdue],
            "nothing is overdue",
        )  # fmt: skip
        self._fill(
            "soon", f"Due in the next {d.horizon_days} days: {d.due_soon_count}",
            [(f"action:{r.ref}", partial(action_item, r, tx.day(r.due))) for r in d.due_soon],
            "nothing falls due", short=f"Due in {d.horizon_days} days: {d.due_soon_count}",
        )  # fmt: skip
        self._fill(
            "updates", "Latest status updates",
            [(f"action:{u.ref}", partial(update_item, u)) for u in d.latest_updates],
            "no updates recorded yet",
        )  # fmt: skip
        self._fill(
            "meetings", f"Next meetings: {len(d.next_meetings)}",
            [(f"meeting:{m.board_code}", partial(meeting_item, m)) for m in d.next_meetings],
            "no meetings scheduled",
        )  # fmt: skip
        late = f", {d.overdue_followups_count} overdue" if d.overdue_followups_count else ""
        late_short = late.replace("overdue", "late")
        self._fill(
            "followups", f"Open follow-ups: {d.open_followups_count}{late}",
            [(f"followup:{f.id}", partial(followup_item, f)) for f in d.open_followups],
            "no follow-ups open", short=f"Follow-ups: {d.open_followups_count}{late_short}",
        )  # fmt: skip

        self._fill(
            "challenges", f"Challenges to answer: {d.challenges_count}",
            [(f"action:{c.ref}", partial(challenge_item, c)) for c in d.challenges],
            "no challenge waits for an answer", short=f"Challenges: {d.challenges_count}",
        )  # fmt: skip

    def _show_strategy(self, d: Dashboard) -> None:
        s = d.strategy
        if s is None:
            self.query_one("#strategy", Static).update(
                "No plan loaded yet: run `tracker plan import FILE` or `tracker init`."
            )
            return
        current = [p for p in d.phases if p.current]
        now = ", ".join(f"{p.number} {tx.phase_name(p.name)}" for p in current) or "none"
        period = f"{s.start_year}-{s.end_year}"
        line1 = Text.assemble((s.title, "bold"), "" if period in s.title else f"   {period}")
        line2 = Text.assemble(
            f"{s.start_year} ", (tx.bar(s.elapsed, 40), "#58a6ff"), f" {s.end_year}   ",
            ("Today ", "bold"), tx.day(d.today), f": {s.position}",
        )  # fmt: skip
        line3 = Text.assemble(
            ("Current phase: ", "bold"), now, "   ",
            (counted(d.actions, "actions"), "bold"), f", {d.overdue_count} overdue, "
            f"{d.due_soon_count} due in the next {d.horizon_days} days",
        )  # fmt: skip
        lines = [line1, line2, line3]
        if d.returns is not None:
            lines.append(returns_line(d.returns))
        self.query_one("#strategy", Static).update(Text("\n").join(lines))

    def _show_phases(self, d: Dashboard) -> None:
        from textual.widgets import DataTable  # not needed for the first frame

        table: DataTable[Any] = self.query_one("#phases", DataTable)
        cursor = table.cursor_coordinate
        table.clear()
        narrow = self.narrow_phases
        columns = NARROW_PHASE_COLUMNS if narrow else PHASE_COLUMNS
        widths = {key: width for key, _, width in columns}
        for p in d.phases:
            name = Text(tx.clip(f"{p.number} {p.name or 'name ' + tx.TBC}", widths["phase"] - 1))
            if p.current:
                name.stylize("bold")
            if not p.name:
                name.stylize("italic")
            years = tx.years(p.start_year, p.end_year) if p.start_year else "tbc"
            cells: list[Any] = [name, Text(years, style="" if p.start_year else "italic")]
            cells.append(_num(p.actions, widths["actions"]))
            cells += [_num(p.count(k), widths[k]) for k in STATUSES]
            cells += [_num(p.count(k), widths[k], tx.RAG_STYLE.get(k, "dim")) for k in RAGS]
            bar = "" if narrow else f" {tx.bar(p.progress / 100, 5)}"
            cells.append(Text(f"{bar} {p.progress:3.0f}%"))
            table.add_row(*cells, key=str(p.number))
        table.cursor_coordinate = cursor

    def _fill(
        self, key: str, title: str, items: list[tuple[str, Any]], empty: str, short: str = ""
    ) -> None:
        panel = self.query_one(f"#{key}", OptionList)
        # options are padded; a list's scrollbar takes that room (the first fill, before
        # there is one, and a fill after a resize, with one, cut alike)
        room = panel.scrollable_content_region.width + panel.scrollbar_size_vertical
        width = max(20, room - 2)
        items = [(oid, make(width)) for oid, make in items]
        # the border keeps 5 columns of its own; a longer title is cut, its count with it
        panel.border_title = short if short and len(title) > panel.outer_size.width - 5 else title
        highlighted = panel.highlighted
        panel.clear_options()
        if items:
            # the same action can appear twice (two recent updates): ids carry the position
            panel.add_options(
                Option(prompt, id=f"{oid}#{i}") for i, (oid, prompt) in enumerate(items)
            )
            if highlighted is not None:
                panel.highlighted = min(highlighted, len(items) - 1)
        else:
            panel.add_option(Option(Text(empty, style="dim italic"), disabled=True))

    # -- opening what a count counts --------------------------------------------------------

    def _app(self) -> Any:
        return self.app

    def action_show_panel(self, key: str) -> None:
        """One of the lists, with the focus (the command palette's way to it, e.g. "Challenges
        to answer"). On a short terminal (80x24), where a list shows a line or two, it fills
        the screen until esc."""
        found = self.query(f"#{key}")
        if not found:
            return  # the figures are still being read: the dashboard shows it in a moment
        panel = found.first(OptionList)
        panel.focus()
        if self.app.has_class("-short"):
            self.maximize(panel, container=False)

    def watch_maximized(self) -> None:
        """A list filling the screen (or back in its place) has its lines cut to its new width."""
        if self.dashboard is not None:  # once laid out at its new size
            self.set_timer(RELAYOUT_DELAY, lambda: self._show(self.dashboard))

    def action_open_overdue(self) -> None:
        self._app().open_register(due="overdue")

    def action_open_due_soon(self) -> None:
        self._app().open_register(due="soon")

    def action_open_phase(self, number: int) -> None:
        self._app().open_register(phase=number)

    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        number = int(str(event.cell_key.row_key.value))
        column = str(event.cell_key.column_key.value)
        if column in STATUSES:
            self._app().open_register(phase=number, status=column)
        elif column in RAGS:
            self._app().open_register(phase=number, rag=column)
        else:
            self._app().open_register(phase=number)

    @on(OptionList.OptionSelected)
    def open_item(self, event: OptionList.OptionSelected) -> None:
        kind, _, value = (event.option.id or "").rpartition("#")[0].partition(":")
        if kind == "action":
            self._app().open_register(ref=value)
        elif kind == "meeting":
            self._app().open_registered("meetings", "Boards")
        elif kind == "followup":
            self._app().open_registered("follow-ups", "Resolutions", "Follow-ups")


def _head(label: str, width: int, key: str) -> Text:
    left = key in ("phase", "years")
    text = Text(label if left else label + " ", justify="left" if left else "right")
    if key in tx.RAG_STYLE:
        text.stylize(tx.RAG_STYLE[key])
    return text


def _num(n: int, width: int, style: str = "") -> Text:
    """Right-aligned with a space after: the table has no cell padding, to fit 120 columns."""
    return Text(f"{n} ", style=style if n else "dim", justify="right")
