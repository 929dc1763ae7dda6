"""The action register: a page of actions at a time, filtered, searched and sorted by the
database (10,000 actions never sit in the table at once), with the selected action's detail
below. Keys open the status update, edit, new, cancel, sort and filter windows (their handlers
are in `tracker.ui.register.windows`); the filter, search, sort and page actions are in
`tracker.ui.register.choosing`."""

from __future__ import annotations

import dataclasses
import time
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Header, Input
from textual.worker import get_current_worker

from tracker.ui.powers import Guarded
from tracker.ui.refusals import said
from tracker.ui.register.choosing import ChoosingView
from tracker.ui.register.detail import ActionDetailPane
from tracker.ui.register.filters import FilterBar, SearchBox
from tracker.ui.register.messages import (
    ActionsCounted,
    ActionsFailed,
    ActionsLoaded,
    DetailLoaded,
)
from tracker.ui.register.pool import FormPool
from tracker.ui.register.table import ActionTable
from tracker.ui.register.view import (
    COLUMNS,
    HISTORY,
    PAGE,
    View,
    page_line,
    row_cells,
    to_filter,
    view_key,
)
from tracker.ui.register.windows import RegisterWindows
from tracker.ui.widgets.handle import Services
from tracker.ui.widgets.keybar import KeyBar
from tracker.ui.widgets.line import Line
from tracker.ui.widgets.work import work

DETAIL_DELAY = 0.1  # seconds the cursor rests before the detail is read
COUNT_DELAY = 0.2  # seconds the search rests before the matching actions are counted
FORMS_DELAY = 1.0  # seconds after the first page before the windows are made (pool.py)


class RegisterScreen(Guarded, ChoosingView, RegisterWindows, Screen[None]):
    TITLE = "Action register"
    CSS_PATH = "register.tcss"
    # what an account may not do is not offered (tracker/ui/powers.py); `u` is dimmed on an
    # action an owner does not own
    GUARDED = {
        "status_update": "record updates", "edit": "edit actions", "new": "edit actions",
        "cancel_action": "edit actions", "bulk_edit": "edit actions", "undo_bulk": "edit actions",
        "mark_all": "edit actions", "save_view": "save views",
    }  # fmt: skip
    BINDINGS = [
        Binding(
            "u", "status_update", "Update", tooltip="Record a status update on the selected action"
        ),
        Binding("e", "edit", "Edit", tooltip="Edit the selected action"),
        Binding("n", "new", "New", tooltip="Add a new action"),
        Binding(
            "x",
            "cancel_action",
            "Cancel action",
            tooltip="Cancel the selected action, giving the reason",
        ),
        Binding(
            "slash",
            "search",
            "Search",
            key_display="/",
            tooltip="Search by ref, title, owner or commentary",
        ),
        Binding("l", "toggle_overdue", "Overdue", tooltip="Show only overdue actions (again: all)"),
        Binding(
            "f",
            "filter",
            "Filter",
            tooltip="Filter by phase, stage, board, owner, status, RAG or due date",
        ),
        Binding("s", "sort", "Sort", tooltip="Choose the column to sort by"),
        Binding("c", "clear", "Clear", tooltip="Clear the search and every filter"),
        Binding(
            "right_square_bracket",
            "page(1)",
            "Next page",
            key_display="]",
            show=False,
            tooltip="The next 100 actions",
        ),
        Binding(
            "left_square_bracket",
            "page(-1)",
            "Previous page",
            key_display="[",
            show=False,
            tooltip="The previous 100 actions",
        ),
        Binding("ctrl+r", "reload", "Reload", show=False, tooltip="Read the register again"),
        Binding(
            "B", "bulk_edit", "Bulk edit", show=False,
            tooltip="Set owner, board, phase, stage or dates on the marked actions at once",
        ),
        Binding(
            "ctrl+a", "mark_all", "Mark all shown", show=False,
            tooltip="Mark every action the filters show (space marks one; again: unmark all)",
        ),
        Binding("ctrl+z", "undo_bulk", "Undo bulk edit", show=False,
                tooltip="Undo the last bulk edit made here, as one batch"),
        Binding("v", "views", "Views", show=False,
                tooltip="Switch to a saved view, or My actions"),
        Binding("V", "save_view", "Save view", show=False,
                tooltip="Save the current filters and sort as a named view"),
    ]  # fmt: skip

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.view = View()
        self.named_view: tuple[str, tuple[Any, ...]] | None = None  # (name, its view_key)
        self.total: int | None = 0  # None while it is being counted
        self.rows: dict[str, Any] = {}
        self.detail: Any = None
        self.choices: Any = None
        self.filter_options: dict[str, list[tuple[str, Any]]] = {}
        self._request = 0
        self._loading = False
        self._pending = False
        self._keep: str | None = None
        self._detail_timer: Timer | None = None
        self.pages_shown = 0  # how many pages the table has shown (tests and benchmarks wait on it)
        self._forms: FormPool | None = None

    @property
    def forms(self) -> FormPool:
        """The windows this register opens, made once and reused (tracker.ui.register.pool)."""
        if self._forms is None:
            self._forms = FormPool(self.app, self.services, self)
        return self._forms

    # -- layout -------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="register"):
            with Horizontal(id="search-row"):
                yield SearchBox(
                    placeholder="/ search ref, title, owner, commentary (enter: to the table)",
                    id="search",
                    compact=True,
                )
                yield Line("", id="count")
            yield FilterBar(id="filters")
            yield ActionTable(COLUMNS, id="actions")
            yield Line("", id="page-line")
            yield ActionDetailPane(id="detail")
        yield KeyBar()

    def on_mount(self) -> None:
        if not self.query(ActionTable) or not self.query("#search"):
            return  # built while the app was closing (prepare_register): nothing to show
        table = self.query_one(ActionTable)
        table.set_heading(self.view.sort, self._heading(self.view.sort))
        self._static_filters()
        self._show_filters()
        with self.prevent(Input.Changed):
            self.query_one("#search", Input).value = self.view.search
        table.focus()
        self.request_rows()

    # -- reading the page -----------------------------------------------------------------

    def request_rows(self, keep: str | None = None) -> None:
        """Ask for the current view's page; requests made while one runs collapse into one."""
        self._request += 1
        self._keep = keep if keep is not None else self._current_ref()
        if self._loading:
            self._pending = True
            return
        self._loading = True
        self._fetch(self._request, dataclasses.replace(self.view), self._keep)

    @work("read the register", exclusive=True, group="register-rows")
    def _fetch(self, request: int, view: View, keep: str | None) -> None:
        """The page's rows first (what the table waits for), then, if the page does not tell
        it, the number of matching actions (the page line waits for that)."""
        try:
            from tracker.services.actions.register import list_actions

            t = self.services.tracker()
            f = to_filter(view, t.today())
            rows = list_actions(
                t, f, sort=view.sort, descending=view.descending, limit=PAGE, offset=view.offset
            ).rows
            known = len(rows) < PAGE and (rows or not view.offset)
            self.post_message(
                ActionsLoaded(request, view, rows, view.offset + len(rows) if known else None, keep)
            )
            if known:
                return
            # count once typing pauses: a newer keystroke cancels this worker meanwhile
            time.sleep(COUNT_DELAY)
            if get_current_worker().is_cancelled:
                return
            total = list_actions(t, f, limit=0, with_total=True).total
        except Exception as exc:  # noqa: BLE001 - shown on screen
            self.post_message(ActionsFailed(said(exc)))
            return
        self.post_message(ActionsCounted(request, total))

    def on_actions_failed(self, message: ActionsFailed) -> None:
        self._loading = False
        self.query_one("#page-line", Line).text = Text(message.error, style="bold red")

    def on_actions_loaded(self, message: ActionsLoaded) -> None:
        self._loading = False
        if self._pending:
            # typed on while this page was read: only the newest view is worth showing
            self._pending = False
            self._loading = True
            self._fetch(self._request, dataclasses.replace(self.view), self._keep)
            return
        if not message.rows and self.view.offset:
            self.view.offset = max(0, self.view.offset - PAGE)  # past the end: step back
            self.request_rows()
            return
        self.total = message.total
        self.rows = {r.ref: r for r in message.rows}
        refs = list(self.rows)
        index = refs.index(message.keep) if message.keep in self.rows else 0
        if message.keep == "__last__":
            index = len(refs) - 1
        self._show_page_line()
        if not refs:
            self.detail = None
            self.query_one(ActionDetailPane).show_empty(self.view.is_filtered)
        # the table says which row is highlighted; the detail follows from that
        self.query_one(ActionTable).set_rows([(r.ref, row_cells(r)) for r in message.rows], index)
        self.pages_shown += 1
        if self.pages_shown == 1:
            # the filters' lists once the first page is on screen: they are read with
            # SQLAlchemy, whose first import would otherwise hold up that page's frame
            self.call_after_refresh(self.load_filter_choices)
            self.set_timer(FORMS_DELAY, self.forms.prepare)  # the windows, in idle time

    def on_actions_counted(self, message: ActionsCounted) -> None:
        if message.request == self._request:
            self.total = message.total
            self._show_page_line()

    def _show_page_line(self) -> None:
        line, found = page_line(self.view, len(self.rows), self.total)
        if self.named_view is not None and self.named_view[1] == view_key(self.view):
            line = Text.assemble((f"View: {self.named_view[0]}", "bold reverse"), "   ", line)
        marked = len(self.query_one(ActionTable).marked)
        if marked:
            line = Text.assemble(line, (f"  ·  {marked} marked (B: bulk edit)", "bold"))
        self.query_one("#page-line", Line).text = line
        self.query_one("#count", Line).text = found if self.view.is_filtered else ""

    def _current_ref(self) -> str | None:
        return self.query_one(ActionTable).current_ref

    @on(ActionTable.MarksChanged)
    def marks_changed(self, event: ActionTable.MarksChanged) -> None:
        self._show_page_line()

    @on(ActionTable.RowHighlighted)
    def highlighted(self, event: ActionTable.RowHighlighted) -> None:
        self._show_row(event.ref)
        self.refresh_bindings()  # `u` follows whose action this is

    def guard_scope(self, action: str) -> dict[str, str | None] | None:
        return {"action": self._current_ref()} if action == "status_update" else None

    def _show_row(self, ref: str) -> None:
        row = self.rows.get(ref)
        if row is None:
            return
        if (
            self.detail is not None
            and self.detail.ref == ref
            and self.detail.version == row.version
        ):
            return
        # read the detail once the cursor rests: holding an arrow key never waits on it
        self.query_one(ActionDetailPane).show_reading(row)
        if self._detail_timer is not None:
            self._detail_timer.stop()
        self._detail_timer = self.set_timer(DETAIL_DELAY, lambda: self._rested(ref))

    def _rested(self, ref: str) -> None:
        self._detail_timer = None
        if ref == self._current_ref():
            self.load_detail(ref)

    @property
    def busy(self) -> bool:
        """Reading a page or a detail, or about to (tests and benchmarks wait on this)."""
        return self._loading or self._pending or self._detail_timer is not None

    @work("read the action's detail", exclusive=True, group="register-detail")
    def load_detail(self, ref: str) -> None:
        try:
            from tracker.services.actions.changes import action_log
            from tracker.services.actions.detail_read import get_action
            from tracker.services.governance.detail_governance import action_governance

            t = self.services.tracker()
            detail = get_action(t, ref, history=HISTORY)
            governance = action_governance(t, ref, [u.id for u in detail.updates])
            changes = action_log(t, ref, edits_only=True, limit=HISTORY)
        except Exception as exc:  # noqa: BLE001 - e.g. deleted meanwhile: shown, not raised
            self.app.call_from_thread(self.notify, said(exc), severity="warning")
            return
        self.post_message(DetailLoaded(detail, t.today(), governance, changes))

    def on_detail_loaded(self, message: DetailLoaded) -> None:
        if message.detail.ref != self._current_ref():
            return  # the cursor has moved on
        self.detail = message.detail
        self.query_one(ActionDetailPane).show_detail(
            message.detail, message.today, message.governance, message.changes
        )

    # -- filters, search, sort, pages (their actions: tracker.ui.register.choosing) ---------

    @on(Input.Changed, "#search")
    def search_changed(self, event: Input.Changed) -> None:
        self.view.search = event.value
        self.view.offset = 0
        self.request_rows()

    @on(Input.Submitted, "#search")
    def search_submitted(self) -> None:
        self.query_one(ActionTable).focus()

    @on(ActionTable.HeaderSelected)
    def header_clicked(self, event: ActionTable.HeaderSelected) -> None:
        self.sort_by(event.key)

    @on(ActionTable.PageTurned)
    def page_turned(self, event: ActionTable.PageTurned) -> None:
        self.action_page(event.step, at_edge=True)
