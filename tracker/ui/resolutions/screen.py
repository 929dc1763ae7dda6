"""The Resolutions screen: committees, their meetings, each meeting's resolutions with the
follow-ups arising (owner, due, status, overdue flagged), and the matters arising at it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Header, Label, OptionList, Static
from textual.widgets.option_list import Option

from tracker.errors import TrackerError
from tracker.ui.powers import Guarded
from tracker.ui.resolutions.cells import (
    ARISING_COLUMNS,
    ITEM_COLUMNS,
    LIST_LINE,
    NARROW,
    RESOLUTION_LINES,
    WrappingTable,
    arising_cells,
    closed_cells,
    cut_lines,
    followup_cells,
)
from tracker.ui.resolutions.common import ServiceFailed, call_service, refusal, short
from tracker.ui.resolutions.reading import (
    CommitteesLoaded,
    MeetingLoaded,
    MeetingsLoaded,
    first_committee,
    first_meeting,
    shown_committees,
)
from tracker.ui.resolutions.words import (
    OTHER_FOLLOWUPS,
    arising_label,
    followup_detail,
    nothing_recorded,
    result_text,
)
from tracker.ui.widgets.handle import Services
from tracker.ui.widgets.keybar import KeyBar
from tracker.ui.widgets.text import day, short_day
from tracker.ui.widgets.work import work

if TYPE_CHECKING:
    from tracker.services.committees.arising import MattersArising
    from tracker.services.committees.followups import FollowUpRow


class ResolutionsScreen(Guarded, Screen[None]):
    """Committees -> meetings -> resolutions and follow-ups; import minutes; chase follow-ups."""

    CSS_PATH = "resolutions.tcss"
    TITLE = "Resolutions"
    # only a committee's officer (or an admin) imports its minutes and chases its follow-ups
    GUARDED = {"import_minutes": "record resolutions", "update_followup": "chase follow-ups",
               "close_followup": "chase follow-ups"}  # fmt: skip
    BINDINGS = [
        Binding(
            "i",
            "import_minutes",
            "Import minutes",
            tooltip="Read a committee's minutes into resolutions and follow-ups",
        ),
        Binding(
            "u",
            "update_followup",
            "Update follow-up",
            tooltip="Change the selected follow-up's owner, due date or status, or respond",
        ),
        Binding(
            "x",
            "close_followup",
            "Close follow-up",
            tooltip="Close the selected follow-up as done or dropped, with the response",
        ),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.committee: str | None = None
        self.meeting_id: int | None = None
        self.followups: dict[str, FollowUpRow] = {}  # table row key -> its follow-up
        self.resolutions: dict[str, tuple[str, str]] = {}  # row key -> (number, whole text)
        self.keep: tuple[str, str] | None = None  # (table id, row key) the reload returns to

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="res-top"):
            with Vertical(id="res-committees-box"):
                yield Label("Committees", classes="res-heading")
                yield OptionList(id="res-committees")
            with Vertical(id="res-meetings-box"):
                yield Label("Meetings (newest first)", classes="res-heading")
                yield OptionList(id="res-meetings")
        yield Static("Loading committees…", id="res-meeting", markup=False)
        yield WrappingTable(id="res-items", cursor_type="row")
        yield Static("", id="res-detail", markup=False)
        yield Label(
            "Matters arising at this meeting", id="res-arising-label", classes="res-heading"
        )
        yield WrappingTable(id="res-arising", cursor_type="row")
        yield KeyBar()  # cut with … at the right, help and the palette kept in sight

    def on_mount(self) -> None:
        self.load_committees()

    @property
    def narrow(self) -> bool:
        return self.app.size.width < NARROW

    # -- loading -------------------------------------------------------------------------

    @work("read the committees", exclusive=True, group="committees")
    def load_committees(self) -> None:
        """The committees, then (in the same worker, without a round trip through the screen
        for each) the meetings of the one shown first and that meeting's detail."""
        from tracker.services.committees.resolutions import list_committees

        try:
            rows = call_service(self.services, lambda t: list_committees(t, boards=True))
        except TrackerError as exc:
            self.post_message(ServiceFailed("load", refusal(exc)))
            return
        first = first_committee(shown_committees(rows), self.committee)
        self.post_message(CommitteesLoaded(rows, first))
        if first is not None:
            self._read_meetings(first)

    @work("read the committee's meetings", exclusive=True, group="meetings")
    def load_meetings(self, committee: str) -> None:
        self._read_meetings(committee)

    def _read_meetings(self, committee: str) -> None:
        from tracker.services.committees.resolutions import list_meetings

        try:
            rows = call_service(self.services, lambda t: list_meetings(t, committee))
        except TrackerError as exc:
            self.post_message(ServiceFailed("load", refusal(exc)))
            return
        first = first_meeting(rows, self.meeting_id)
        self.post_message(MeetingsLoaded(committee, rows, first))
        if first is not None:
            self._read_meeting(first)

    @work("read the meeting", exclusive=True, group="meeting")
    def load_meeting(self, meeting_id: int) -> None:
        self._read_meeting(meeting_id)

    def _read_meeting(self, meeting_id: int) -> None:
        from tracker.services.committees.resolutions import meeting_detail

        try:
            detail = call_service(self.services, lambda t: meeting_detail(t, meeting_id))
        except TrackerError as exc:
            self.post_message(ServiceFailed("load", refusal(exc)))
            return
        self.post_message(MeetingLoaded(detail, detail.arising))

    def refresh_all(self) -> None:
        self.load_committees()

    # -- showing -------------------------------------------------------------------------

    def on_committees_loaded(self, message: CommitteesLoaded) -> None:
        options = self.query_one("#res-committees", OptionList)
        options.clear_options()
        rows = shown_committees(message.rows)
        for r in rows:
            counts = f"{r.open_followups} open" if self.narrow else (
                f"{r.meetings} mtg, {r.open_followups} open")  # fmt: skip
            if r.overdue_followups:
                counts += f", {r.overdue_followups} {'late' if self.narrow else 'overdue'}"
            # when narrow, the name is cut so that the counts stay on its line
            name = short(r.name, max(8, LIST_LINE - 4 - len(counts))) if self.narrow else r.name
            prompt = Text.assemble(
                name, "  ", (f"({counts})", "red" if r.overdue_followups else "dim")
            )
            options.add_option(Option(prompt, id=r.code))
        if not rows:
            self.query_one("#res-meeting", Static).update(
                "No committees yet. Press i to import minutes (a new committee can be created)."
            )
            return
        codes = [r.code for r in rows]
        wanted = first_committee(rows, self.committee) or codes[0]
        options.highlighted = codes.index(wanted)
        self.committee = wanted
        self.refresh_bindings()
        if wanted != message.reading:  # else its meetings are being read already
            self.load_meetings(wanted)  # also after a save: counts and rows may have changed

    @on(OptionList.OptionHighlighted, "#res-committees")
    def committee_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        code = event.option.id
        if code and code != self.committee:
            self.committee = code
            self.refresh_bindings()  # u and x follow whose committee it is
            self.meeting_id = None
            self.load_meetings(code)

    def on_meetings_loaded(self, message: MeetingsLoaded) -> None:
        if message.committee != self.committee:
            return
        options = self.query_one("#res-meetings", OptionList)
        options.clear_options()
        for m in reversed(message.rows):  # newest first
            date = short_day(m.date) if m.date else "undated"
            counts = f"  ({m.open_followups} open)" if self.narrow else (
                f"  ({m.resolutions} res, {m.open_followups} open)")  # fmt: skip
            room = max(6, LIST_LINE - len(date) - 2 - len(counts)) if self.narrow else 40
            title = m.own_title  # None: it says only the committee and the date
            line = Text.assemble(date, f"  {short(title, room)}" if title else "")
            line.append(counts, style="dim")
            options.add_option(Option(line, id=str(m.id)))
        if not message.rows:  # nothing of the committee shown before may stay on screen
            self.meeting_id = None
            self.followups = {}
            self.query_one("#res-meeting", Static).update("No meetings recorded yet.")
            self.query_one("#res-items", DataTable).clear()
            self.query_one("#res-arising", DataTable).clear()
            self.query_one("#res-arising-label", Label).update("Matters arising at this meeting")
            self._show_detail()
            return
        ids = [m.id for m in reversed(message.rows)]
        wanted = first_meeting(message.rows, self.meeting_id) or ids[0]
        options.highlighted = ids.index(wanted)
        self.meeting_id = wanted
        if wanted != message.reading:  # else it is being read already
            self.load_meeting(wanted)

    @on(OptionList.OptionHighlighted, "#res-meetings")
    def meeting_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id and int(event.option.id) != self.meeting_id:
            self.meeting_id = int(event.option.id)
            self.load_meeting(self.meeting_id)

    def on_meeting_loaded(self, message: MeetingLoaded) -> None:
        d = message.detail
        if d.meeting.id != self.meeting_id:
            return
        m = d.meeting
        date = day(m.date) if m.date else "date not recorded"
        title = m.own_title  # None: it says only the committee and the date, shown already
        if title is None:
            heading = f"{d.committee_name} — {date} ({m.status})"
        else:
            heading = f"{d.committee_name} — {date} — {title} ({m.status})"
        self.query_one("#res-meeting", Static).update(
            short(heading, self.app.size.width - 2) if self.narrow else heading
        )
        table = self.query_one("#res-items", WrappingTable)
        table.set_columns(ITEM_COLUMNS, self.narrow)
        self.followups = {}
        placed: set[int] = set()
        self.resolutions = {}
        for r in d.resolutions:
            text = Text(r.text)
            if self.narrow:  # a long one cut, so its follow-ups are in sight: whole in the detail
                text = cut_lines(self.app.console, text, table.given[-1], RESOLUTION_LINES)
            self.resolutions[f"r{r.id}"] = (r.number or "-", r.text)
            table.add_cells(
                Text(r.number or "-", style="bold"), Text(r.kind), "", "", text,
                key=f"r{r.id}", height=None,
            )  # fmt: skip
            for f in d.followups:
                if f.resolution_id == r.id and f.id not in placed:  # under the one it arises from
                    placed.add(f.id)
                    self._add_followup(table, f)
        rest = [f for f in d.followups if f.id not in placed]
        for source, heading in OTHER_FOLLOWUPS:  # the rest, each under where it came from
            group = [f for f in rest if f.source == source]
            if group:
                table.add_cells("", Text("Follow-ups", style="bold"), "", "",
                                Text(heading, style="dim"), key=f"from-{source}",
                                height=None)  # fmt: skip
            for f in group:
                self._add_followup(table, f)
        if not d.resolutions and not d.followups:
            table.add_cells("", "", "", "", Text(nothing_recorded(m.status)), key="none")
        self._show_arising(message.arising)
        self._show_detail()
        self._return_to_kept()

    def _return_to_kept(self) -> None:
        """After a follow-up is saved the tables are filled afresh: the cursor goes back to the
        row it was on (it went to the top of the list)."""
        if self.keep is None:
            return
        table_id, key = self.keep
        self.keep = None
        table = self.query_one(f"#{table_id}", DataTable)
        if key in table.rows:
            table.move_cursor(row=table.get_row_index(key))

    def _add_followup(self, table: WrappingTable, f: FollowUpRow) -> None:
        key = f"f{f.id}"
        self.followups[key] = f
        table.add_cells(*followup_cells(f, self.narrow), key=key, height=None)

    def _show_arising(self, arising: MattersArising | None) -> None:
        table = self.query_one("#res-arising", WrappingTable)
        table.set_columns(ARISING_COLUMNS, self.narrow)
        label = self.query_one("#res-arising-label", Label)
        label.update(arising_label(arising))  # nothing of the meeting before may stay in it
        if arising is None:
            table.add_cells("", "", "", "", "", Text("The meeting has no date."))
            return
        for f in arising.open:
            self.followups[f"a{f.id}"] = f
            table.add_cells(*arising_cells(f, self.narrow), key=f"a{f.id}", height=None)
        for f in arising.closed_since:
            self.followups[f"a{f.id}"] = f
            table.add_cells(*closed_cells(f, self.narrow), key=f"a{f.id}", height=None)
        if not arising.open and not arising.closed_since:
            table.add_cells("", "", "", "", "", Text("None: nothing open from earlier meetings."))

    @on(DataTable.RowHighlighted)
    def row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail(event.row_key.value)

    def _show_detail(self, key: str | None = None) -> None:
        detail = self.query_one("#res-detail", Static)
        f = self.followups.get(key or "")
        if f is None and key in self.resolutions:
            number, text = self.resolutions[key]
            detail.update(f"Resolution {number}: {text}")
            return
        if f is None:
            detail.update("Select a follow-up: u updates it (owner, due, status, response), "
                          "x closes it with a response.")  # fmt: skip
            return
        detail.update(followup_detail(f, arising=bool(key and key.startswith("a"))))

    def on_service_failed(self, message: ServiceFailed) -> None:
        self.notify(message.text, severity="error", timeout=8)

    # -- actions -------------------------------------------------------------------------

    def _selected_followup(self) -> FollowUpRow | None:
        focused = self.focused
        tables = [
            self.query_one("#res-items", DataTable),
            self.query_one("#res-arising", DataTable),
        ]
        if isinstance(focused, DataTable) and focused in tables:
            tables.remove(focused)
            tables.insert(0, focused)
        for table in tables:
            if table.row_count == 0:
                continue
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
            if key in self.followups:
                return self.followups[key]
            if table is focused:
                break
        return None

    def guard_scope(self, action: str) -> dict[str, str | None] | None:
        # minutes may be imported to any committee the account is officer of (chosen there)
        return None if action == "import_minutes" else {"committee": self.committee}

    def action_import_minutes(self) -> None:
        from tracker.ui.resolutions.import_minutes import ImportMinutesScreen

        def done(result: Any) -> None:
            if result is not None:
                self.committee = result.committee
                self.meeting_id = result.meeting_id
                self.notify(result_text(result), timeout=8)
                self.refresh_all()

        self.app.push_screen(ImportMinutesScreen(self.services, self.committee), done)

    def _edit(self, closing: bool) -> None:
        from tracker.ui.resolutions.followup import FollowUpScreen

        row = self._selected_followup()
        if row is None:
            self.notify("Select a follow-up first (a row starting with #).", severity="warning")
            return

        focused = self.focused
        if isinstance(focused, DataTable) and focused.id and focused.row_count:
            at = focused.coordinate_to_cell_key(focused.cursor_coordinate).row_key.value
            self.keep = (focused.id, at) if at else None

        def done(result: Any) -> None:
            if result is None:
                self.keep = None
            else:
                self.notify(f"Follow-up #{result.id} saved: {result.status}.")
                self.refresh_all()

        self.app.push_screen(FollowUpScreen(self.services, row, closing=closing), done)

    def action_update_followup(self) -> None:
        self._edit(closing=False)

    def action_close_followup(self) -> None:
        self._edit(closing=True)
