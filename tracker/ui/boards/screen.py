"""The Boards screen: the board tree; for the selected board its rolled-up position, meetings,
the updates waiting for it and its escalations; `h` walks the secretary through holding its
meeting (tracker.ui.boards.hold); `n` schedules a meeting, `N` a meeting or series with its time and place, `W` records a past
meeting, ctrl+o (or Enter on a meeting) opens a meeting's record and `D` writes its draft minutes
(tracker.ui.boards.meetings)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import (
    DataTable,
    Header,
    Static,
    TabbedContent,
    TabPane,
    Tree,
)

from tracker.errors import TrackerError
from tracker.ui.boards.common import plural, refusal
from tracker.ui.boards.messages import BoardLoaded, BoardsFailed, BoardsLoaded, MinutesWritten
from tracker.ui.boards.position import escalations_text, position_renderable
from tracker.ui.powers import Guarded
from tracker.ui.widgets.handle import Services
from tracker.ui.widgets.keybar import KeyBar
from tracker.ui.widgets.text import clip, day, rag_text, short_day, status_text
from tracker.ui.widgets.work import work

if TYPE_CHECKING:
    from textual.widgets.tree import TreeNode


class BoardsScreen(Guarded, Screen[None]):
    """Boards and committees: the tree, each board's position, meetings, waiting updates and
    escalations; hold its meeting."""

    CSS_PATH = "boards.tcss"
    TITLE = "Boards"
    # only the selected board's secretary (or an admin) runs its meetings: tracker/ui/powers.py
    GUARDED = {"hold": "run meetings", "schedule": "run meetings",
               "schedule_series": "run meetings", "record": "run meetings"}  # fmt: skip
    BINDINGS = [
        Binding(
            "h",
            "hold",
            "Hold meeting",
            tooltip="Walk through the board's next meeting: note or challenge each update",
        ),
        Binding("n", "schedule", "New meeting", tooltip="Schedule a meeting of the selected board"),
        Binding(
            "N",
            "schedule_series",
            "New series",
            tooltip="Schedule a meeting or a series with its time, place and pattern",
        ),
        Binding("W", "record", "Record past", tooltip="Record a meeting that took place"),
        Binding(
            "ctrl+o",
            "view_meeting",
            "Meeting record",
            tooltip="Open the highlighted meeting's record",
        ),
        Binding(
            "D", "minutes", "Draft minutes", tooltip="Write the highlighted meeting's draft minutes"
        ),
        Binding(
            "1",
            "tab('tab-position')",
            "Position",
            show=False,
            tooltip="The board's rolled-up position",
        ),
        Binding("2", "tab('tab-meetings')", "Meetings", show=False, tooltip="The board's meetings"),
        Binding(
            "3",
            "tab('tab-waiting')",
            "Waiting",
            show=False,
            tooltip="Updates waiting for the board's next meeting",
        ),
        Binding(
            "4",
            "tab('tab-escalations')",
            "Escalations",
            show=False,
            tooltip="Escalations to and from the board",
        ),
        Binding("ctrl+r", "reload", "Reload", tooltip="Read the boards again"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.board: str | None = None
        self.labels: dict[str, tuple[str, int]] = {}  # board code: its whole name, its indent

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="boards-body"):
            tree: Tree[str] = Tree("Boards", id="boards-tree")
            tree.show_root = False
            yield tree
            with Vertical(id="boards-right"):
                yield Static("Loading boards…", id="boards-head", markup=False)
                with TabbedContent(id="boards-tabs"):
                    with TabPane("Position", id="tab-position"), VerticalScroll():
                        yield Static("", id="boards-position")
                    with TabPane("Meetings", id="tab-meetings"):
                        yield DataTable(id="boards-meetings", cursor_type="row")
                    with TabPane("Waiting", id="tab-waiting"):
                        yield DataTable(id="boards-waiting", cursor_type="row")
                    with TabPane("Escalations", id="tab-escalations"), VerticalScroll():
                        yield Static("", id="boards-escalations")
                yield Static("", id="boards-message", markup=False)
        yield KeyBar()  # cut with … at the right, help and the palette kept in sight

    def on_mount(self) -> None:
        self.query_one("#boards-meetings", DataTable).add_columns(
            "Date", "Title", "Status", "Attendees"
        )
        self.query_one("#boards-waiting", DataTable).add_columns(
            "Ref", "Recorded", "Status", "RAG", "%", "Commentary"
        )
        self.load_boards()

    # -- loading --------------------------------------------------------------------------

    @work("read the boards", exclusive=True, group="boards")
    def load_boards(self) -> None:
        """The tree, then (in the same worker, without a round trip through the screen) the
        position of the board the tree will show first."""
        from tracker.services.governance.boards import list_boards

        try:
            boards = list_boards(self.services.tracker())
        except TrackerError as exc:
            self.post_message(BoardsFailed(refusal(exc)))
            return
        codes = [b.code for b in boards]
        first = self.board if self.board in codes else (codes[0] if codes else None)
        self.post_message(BoardsLoaded(boards, first))
        if first is not None:
            self._read_board(first)

    @work("read the board's position", exclusive=True, group="board")
    def load_board(self, code: str) -> None:
        self._read_board(code)

    def _read_board(self, code: str) -> None:
        from tracker.services.governance.overview import board_overview

        t = self.services.tracker()
        try:
            o = board_overview(t, code, waiting_limit=500)
            message = BoardLoaded(code, o.position, o.meetings, o.waiting, o.escalations)
        except TrackerError as exc:
            self.post_message(BoardsFailed(refusal(exc)))
            return
        self.post_message(message)

    def on_boards_loaded(self, message: BoardsLoaded) -> None:
        tree = self.query_one("#boards-tree", Tree)
        tree.clear()
        nodes: dict[str | None, TreeNode[str]] = {}  # None: no parent, the root
        parents = {b.parent_code for b in message.boards}
        depth: dict[str | None, int] = {}
        self.labels = {}
        for b in message.boards:
            parent = nodes.get(b.parent_code, tree.root)
            depth[b.code] = depth[b.parent_code] + 1 if b.parent_code in nodes else 0
            label = b.name if b.kind == "board" else f"{b.name} (committee)"
            # a level below the first indents by 4 each; the first by its ▼
            self.labels[b.code] = (label, 4 * depth[b.code] or (2 if b.code in parents else 0))
            if b.code in parents:
                nodes[b.code] = parent.add(label, data=b.code, expand=True)
            else:
                nodes[b.code] = parent.add_leaf(label, data=b.code)
        self._cut_labels()
        if not message.boards:
            self.query_one("#boards-head", Static).update(
                'No boards yet: add one from the command palette (ctrl+p, "add board").'
            )
            return
        code = (
            self.board if self.board is not None and self.board in nodes else message.boards[0].code
        )
        self.board = code
        self.refresh_bindings()
        # the tree lays out its lines on the next refresh: only then can the cursor move there
        self.call_after_refresh(tree.move_cursor, nodes[code])
        if code != message.reading:  # else its position is being read already
            self.load_board(code)

    def _cut_labels(self) -> None:
        """The boards' names cut with "…" to the tree's width (the tree cuts without it)."""
        tree = self.query_one("#boards-tree", Tree)
        room = tree.content_region.width
        if room <= 0:
            return
        stack = list(tree.root.children)
        while stack:
            node = stack.pop()
            stack.extend(node.children)
            if node.data in self.labels:
                label, indent = self.labels[node.data]
                node.set_label(clip(label, max(8, room - indent)))

    def on_resize(self) -> None:
        # the tree's width is known once laid out at the terminal's new size
        self.call_after_refresh(self._cut_labels)

    def show_board(self, code: str) -> None:
        self.board = code
        self.refresh_bindings()  # the meeting keys follow whose board it is
        self.load_board(code)

    def guard_scope(self, action: str) -> dict[str, str | None] | None:
        return {"board": self.board}

    @on(Tree.NodeHighlighted, "#boards-tree")
    def _highlighted(self, event: Tree.NodeHighlighted[str]) -> None:
        if event.node.data and event.node.data != self.board:
            self.show_board(event.node.data)

    def on_board_loaded(self, message: BoardLoaded) -> None:
        if message.code != self.board:
            return  # the cursor moved on
        p = message.position
        b = p.board
        head = Text()
        head.append(b.name, style="bold")
        head.append(f"  ({b.kind}) chair {b.chair_label or '-'}; meets {b.meets or '-'}")
        if b.area:
            head.append(f"; area {b.area}")
        head.append(f"; reports to {b.parent_name or '-'}")
        self.query_one("#boards-head", Static).update(head)
        self.query_one("#boards-position", Static).update(position_renderable(p))
        meetings = self.query_one("#boards-meetings", DataTable)
        meetings.clear()
        for m in message.meetings:
            status = Text(m.status + (" (next)" if m.is_next else ""),
                          style="bold" if m.is_next else ("dim" if m.status != "held" else ""))  # fmt: skip
            meetings.add_row(day(m.date), clip(m.own_title, 30), status, str(len(m.attendees)),
                             key=m.date.isoformat() if m.date else None)  # fmt: skip
        waiting = self.query_one("#boards-waiting", DataTable)
        waiting.clear()
        for u in message.waiting:
            note = ("[resubmitted] " if u.challenged_before else "") + (u.commentary or "")
            waiting.add_row(u.ref, short_day(u.recorded_at), status_text(u.status),
                            rag_text(u.rag), str(u.progress), clip(note, 30))  # fmt: skip
        self.query_one("#boards-escalations", Static).update(
            escalations_text(message.escalations, message.code)
        )
        tabs = self.query_one("#boards-tabs", TabbedContent)
        tabs.get_tab("tab-waiting").label = f"Waiting ({len(message.waiting)})"
        opened = sum(1 for e in message.escalations if e.status == "open")
        tabs.get_tab("tab-escalations").label = f"Escalations ({opened} open)"

    def on_boards_failed(self, message: BoardsFailed) -> None:
        self.query_one("#boards-message", Static).update(Text(message.text, style="bold red"))

    # -- actions --------------------------------------------------------------------------

    def action_tab(self, tab: str) -> None:
        """Show a part; ↑ ↓ then move in its list (the meetings, the waiting updates), or in
        the board tree for a part without one."""
        self.query_one("#boards-tabs", TabbedContent).active = tab
        lists = {"tab-meetings": "#boards-meetings", "tab-waiting": "#boards-waiting"}
        target = self.query_one(lists.get(tab, "#boards-tree"))
        self.call_after_refresh(target.focus)

    def action_reload(self) -> None:
        self.query_one("#boards-message", Static).update("")
        self.load_boards()

    def action_schedule(self) -> None:
        from tracker.ui.tasks.catalogue import open_task

        given = {"board": self.board} if self.board else {}
        open_task(self.app, self.services, "schedule-meeting", **given)

    def action_schedule_series(self) -> None:
        from tracker.ui.boards.meetings import ScheduleMeetingScreen

        if self.board is not None:
            self.app.push_screen(ScheduleMeetingScreen(self.services, self.board), self._saved)

    def action_record(self) -> None:
        from tracker.ui.boards.meetings import RecordMeetingScreen

        if self.board is not None:
            self.app.push_screen(RecordMeetingScreen(self.services, self.board), self._saved)

    def _saved(self, summary: str | None) -> None:
        if summary:
            self.query_one("#boards-message", Static).update(Text(summary, style="bold green"))
            self.load_boards()

    def _highlighted_meeting(self) -> dt.date | None:
        table = self.query_one("#boards-meetings", DataTable)
        if self.board is None or table.row_count == 0:
            self.query_one("#boards-message", Static).update(
                Text("No meeting to open: schedule one (n, N) or record one (W).", style="bold")
            )
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        if not key:
            self.query_one("#boards-message", Static).update(
                Text("That meeting has no date, so it has no record to open.", style="bold")
            )
            return None
        return dt.date.fromisoformat(key)

    def action_view_meeting(self) -> None:
        from tracker.ui.boards.meetings import MeetingRecordScreen

        self.action_tab("tab-meetings")
        on = self._highlighted_meeting()
        if on is not None and self.board is not None:
            self.app.push_screen(MeetingRecordScreen(self.services, self.board, on))

    @on(DataTable.RowSelected, "#boards-meetings")
    def _meeting_chosen(self) -> None:
        self.action_view_meeting()

    def action_minutes(self) -> None:
        self.action_tab("tab-meetings")
        on = self._highlighted_meeting()
        if on is not None and self.board is not None:
            self.query_one("#boards-message", Static).update("Writing the draft minutes…")
            self.write_minutes(self.board, on)

    @work("write the draft minutes", exclusive=True, group="minutes", saves=True)
    def write_minutes(self, board: str, on: dt.date) -> None:
        from tracker.services.papers.render import render_paper

        try:
            done = render_paper(self.services.tracker(), "minutes", board, on)
        except TrackerError as exc:
            self.post_message(BoardsFailed(refusal(exc)))
            return
        self.post_message(MinutesWritten(f"Draft minutes written to {done.path}"))

    def on_minutes_written(self, message: MinutesWritten) -> None:
        self.query_one("#boards-message", Static).update(Text(message.text, style="bold green"))

    def action_hold(self) -> None:
        from tracker.ui.boards.hold import HoldMeetingScreen

        if self.board is None:
            return
        self.app.push_screen(HoldMeetingScreen(self.services, self.board), self._held)

    def _held(self, result: Any) -> None:
        if result is None:
            return
        m = result.meeting
        noted = sum(1 for r in result.reviewed if r.outcome == "noted")
        challenged = sum(1 for r in result.reviewed if r.outcome == "challenged")
        text = (
            f"Held {m.board_name} on {day(m.date)}: {plural(noted, 'update')} noted, "
            f"{challenged} challenged, {len(result.reported)} reported from child boards; "
            f"{plural(len(result.decided), 'escalation')} decided"
            + (
                f", {plural(result.decisions, 'other decision')} minuted"
                if result.decisions
                else ""
            )
            + (f", {plural(result.actions, 'follow-up')} to chase" if result.actions else "")
            + f"; {plural(result.still_waiting, 'update')} still waiting."
        )
        self.query_one("#boards-message", Static).update(Text(text, style="bold green"))
        self.load_boards()
