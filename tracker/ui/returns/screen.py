"""Returns: for each board with a meeting scheduled, who owes it a return (open actions with no
update since its last meeting), grouped by organisation and owner, with the days left."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from tracker.ui.refusals import said
from tracker.ui.widgets import text as tx
from tracker.ui.widgets.handle import Services
from tracker.ui.widgets.keybar import KeyBar
from tracker.ui.widgets.lines import TextLines
from tracker.ui.widgets.work import work

if TYPE_CHECKING:
    from tracker.services.returns.ledger import BoardReturns, ReturnLedger
    from tracker.services.returns.period import ReportingPeriod
    from tracker.services.returns.sheets import ReturnSheets


class BoardsLoaded(Message):
    def __init__(self, boards: tuple[BoardReturns, ...], reading: str | None = None) -> None:
        self.boards = boards
        self.reading = reading  # the board whose ledger the same worker reads next
        super().__init__()


class LedgerLoaded(Message):
    def __init__(self, ledger: ReturnLedger) -> None:
        self.ledger = ledger
        super().__init__()


class SheetsWritten(Message):
    def __init__(self, sheets: ReturnSheets) -> None:
        self.sheets = sheets
        super().__init__()


class ReturnsFailed(Message):
    def __init__(self, error: str) -> None:
        self.error = error
        super().__init__()


def first_board(boards: tuple[BoardReturns, ...], shown: str | None) -> str | None:
    """The board whose ledger shows: the one shown before (read again), else the first."""
    codes = [b.period.board for b in boards]
    return shown if shown in codes else (codes[0] if codes else None)


def _due(a: Any) -> str:
    """'due 31 Mar 2026'; without a date of its own, its phase's end: 'due by 31 Mar 2025'."""
    if a.due_or_implied is None:
        return "no due date"
    return ("due " if a.due else "due by ") + tx.day(a.due_or_implied)


def _owed_lines(a: Any, today: dt.date, room: int) -> list[Text]:
    """An action owed, on one line when its title can have 24 columns beside its due date and
    last update, else on two (80x24); an overdue one says so, not by its colour alone."""
    late = a.overdue(today)
    due = Text(_due(a) + (" (overdue)" if late else ""), style="bold #f85149" if late else "")
    last = Text("   last update " + (tx.day(a.last_update) if a.last_update else "never"), "dim")
    ref = Text(f"  {a.ref:<9}", style="bold")
    title = min(60, room - len(ref) - 1 - len(due) - len(last))
    if title >= 24:
        return [Text.assemble(ref, tx.clip(a.title, title).ljust(title + 1), due, last)]
    return [Text.assemble(ref, tx.clip(a.title, room - len(ref))),
            Text.assemble(" " * len(ref), due, last)]  # fmt: skip


def _when(days: int) -> str:
    if days == 0:
        return "today"
    return f"in {days} day{'s' if days != 1 else ''}" if days > 0 else f"{-days} days ago"


def _meets(p: ReportingPeriod) -> str:
    """When the meeting is; one whose date passed unrecorded is still the one returns are for."""
    return f"{_when(p.days_to_meeting)}, unrecorded" if p.passed else _when(p.days_to_meeting)


class ReturnsScreen(Screen[None]):
    TITLE = "Returns"
    CSS_PATH = "returns.tcss"
    BINDINGS = [
        Binding("S", "write_sheets", "Write sheets",
                tooltip="Write a return sheet for each owner who owes the board a return"),
        Binding("ctrl+r", "reload", "Reload", tooltip="Read the returns owed again"),
    ]  # fmt: skip

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.boards: tuple[Any, ...] | None = None
        self.board: str | None = None  # the board code shown
        self.ledger: ReturnLedger | None = None  # the board's, shown

    def compose(self) -> ComposeResult:
        yield Header()
        boards = OptionList(id="boards")
        boards.border_title = "Boards meeting next (enter shows who owes a return)"
        yield boards
        yield Static("Loading the returns owed…", id="summary")
        yield TextLines(id="ledger")
        yield KeyBar()  # cut with … at the right, help and the palette kept in sight

    def on_mount(self) -> None:
        self.call_after_refresh(self.load)

    def on_screen_resume(self) -> None:
        if self.boards is not None:
            self.load()  # returns recorded elsewhere show at once

    def action_reload(self) -> None:
        self.load()

    @work("read the returns", exclusive=True, group="returns")
    def load(self) -> None:
        """The boards meeting next, then (in the same worker, without a round trip through
        the screen) the ledger of the board the list will show first."""
        try:
            from tracker.services.returns.ledger import returns_overview

            boards = returns_overview(self.services.tracker())
        except Exception as exc:  # noqa: BLE001 - shown on screen, not a traceback
            self.post_message(ReturnsFailed(said(exc)))
            return
        first = first_board(boards, self.board)
        self.post_message(BoardsLoaded(boards, first))
        if first is not None:
            self._read_ledger(first)

    @work("read the board's returns", exclusive=True, group="ledger")
    def load_ledger(self, board: str) -> None:
        self._read_ledger(board)

    def _read_ledger(self, board: str) -> None:
        try:
            from tracker.services.returns.ledger import return_ledger

            ledger = return_ledger(self.services.tracker(), board)
        except Exception as exc:  # noqa: BLE001 - shown on screen, not a traceback
            self.post_message(ReturnsFailed(said(exc)))
            return
        self.post_message(LedgerLoaded(ledger))

    def action_write_sheets(self) -> None:
        if self.board is None:
            self.notify("Choose a board first.", severity="warning")
            return
        self.write_sheets(self.board)

    @work("write the return sheets", exclusive=True, group="sheets", saves=True)
    def write_sheets(self, board: str) -> None:
        try:
            from tracker.services.returns.sheets import write_return_sheets

            result = write_return_sheets(self.services.tracker(), board)
        except Exception as exc:  # noqa: BLE001 - shown on screen, not a traceback
            self.post_message(ReturnsFailed(said(exc)))
            return
        self.post_message(SheetsWritten(result))

    def on_returns_failed(self, message: ReturnsFailed) -> None:
        self.query_one("#summary", Static).update(
            Text.assemble(("Cannot show the returns: ", "bold red"), message.error)
        )

    def on_sheets_written(self, message: SheetsWritten) -> None:
        r = message.sheets
        n = len(r.sheets)
        self.notify(
            f"Wrote {n} return sheet{'s' if n != 1 else ''} to {r.folder}" if n
            else "Nobody owes a return: no sheet written."
        )  # fmt: skip

    def on_boards_loaded(self, message: BoardsLoaded) -> None:
        self.boards = message.boards
        panel = self.query_one("#boards", OptionList)
        panel.clear_options()
        for b in message.boards:
            p = b.period
            prompt = Text.assemble(
                (tx.clip(p.board_name, 34).ljust(35), "bold"),
                f"meets {tx.day(p.meeting)} ({_meets(p)}), due {tx.day(p.deadline)}: ",
                (f"{b.outstanding} of {b.expected} outstanding",
                 "bold #f85149" if b.outstanding and p.days_to_deadline < 0 else
                 "bold" if b.outstanding else "dim"),
            )  # fmt: skip
            panel.add_option(Option(prompt, id=p.board))
        if not message.boards:
            panel.add_option(
                Option(
                    Text(
                        "no board has a meeting scheduled with actions reporting to it",
                        style="dim italic",
                    ),
                    disabled=True,
                )
            )
            self.query_one("#summary", Static).update("")
            return
        code = first_board(message.boards, self.board)
        codes = [b.period.board for b in message.boards]
        panel.highlighted = codes.index(code) if code in codes else 0
        panel.focus()
        if code != message.reading:  # else its ledger is being read already
            self.show_board(codes[panel.highlighted or 0])
        else:
            self.board = code

    @on(OptionList.OptionHighlighted, "#boards")
    @on(OptionList.OptionSelected, "#boards")
    def board_chosen(self, event: OptionList.OptionHighlighted | OptionList.OptionSelected) -> None:
        if event.option.id and event.option.id != self.board:
            self.show_board(event.option.id)

    def show_board(self, code: str) -> None:
        self.board = code
        self.load_ledger(code)

    def on_ledger_loaded(self, message: LedgerLoaded) -> None:
        ledger = message.ledger
        if ledger.period.board != self.board:
            return  # another board was chosen meanwhile
        p = ledger.period
        since = f"since {tx.day(p.start)}" if p.start else "since the board began"
        if p.start is not None:  # the rule is by day: say where an update on the meeting's day went
            met = tx.day(p.start - dt.timedelta(days=1))
            since += f" (an update on the last meeting's day, {met}, counts for that meeting)"
        owing = ledger.owing()
        summary = Text.assemble(
            (p.board_name, "bold"), f": meeting {tx.day(p.meeting)} ({_meets(p)}); ",
            f"returns due {tx.day(p.deadline)} ", (f"({_when(p.days_to_deadline)})", "bold"),
            f"; period {since}\n",
            (f"{ledger.outstanding} outstanding", "bold" if ledger.outstanding else "dim"),
            f" from {len(owing)} owner{'s' if len(owing) != 1 else ''}; {ledger.received} of "
            f"{ledger.expected} received",
        )  # fmt: skip
        self.query_one("#summary", Static).update(summary)
        self.ledger = ledger
        self._show_lines()

    def on_resize(self) -> None:
        if self.ledger is not None:  # the lines cut again to the new width, once laid out
            self.call_after_refresh(self._show_lines)

    def _show_lines(self) -> None:
        ledger = self.ledger
        if ledger is None:
            return
        p, owing = ledger.period, ledger.owing()
        box = self.query_one("#ledger", TextLines)
        room = box.scrollable_content_region.width - 2 * box.INDENT  # as it wraps them
        lines: list[Text] = []  # one widget draws them all, only those on screen: TextLines
        headings: list[int] = []
        for org in ledger.organisations:
            if not org.owed:
                continue
            lines.append(Text(""))
            headings.append(len(lines))
            lines.append(Text.assemble(
                (org.organisation, "bold"), f"   {org.owed} outstanding from {org.owners} "
                f"owner{'s' if org.owners != 1 else ''}, {org.received} received",
            ))  # fmt: skip
            for o in owing:
                if o.organisation != org.organisation:
                    continue
                lines.append(Text.assemble((o.owner, "bold"),
                                           f"   {len(o.owed)} owed, {o.received} received",
                                           (f"   {o.email}" if o.email else "   no e-mail address", "dim")))  # fmt: skip
                for a in o.owed:
                    lines.extend(_owed_lines(a, p.today, room))
        if not lines:
            lines = [Text(""), Text("Every return is in.", style="dim")]
        self.query_one("#ledger", TextLines).show(lines, headings)
