"""Exceptions: the actions outside their board's tolerances that rise to a board's paper, each
with its cause and the decision proposed; `e` escalates the selected one in one step, `n` moves
to the next board with boards under it. The suggested RAG's rule and each board's tolerances
are shown under the table, never hidden."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from tracker.ui.powers import Guarded
from tracker.ui.refusals import said
from tracker.ui.widgets.handle import Services
from tracker.ui.widgets.keybar import KeyBar

if TYPE_CHECKING:
    from tracker.services.governance.escalations import EscalationView
    from tracker.services.governance.exceptions import ExceptionList

COLUMNS = ("Ref", "Board", "RAG", "Suggested", "%", "Forecast", "Cause", "Proposed decision")
RAG_STYLE = {"green": "green", "amber": "dark_orange", "red": "bold red"}


class ExceptionsLoaded(Message):
    def __init__(self, boards: tuple[str, ...], found: ExceptionList) -> None:
        self.boards = boards
        self.found = found
        super().__init__()


class ExceptionEscalated(Message):
    def __init__(self, escalation: EscalationView) -> None:
        self.escalation = escalation
        super().__init__()


class ExceptionsRefused(Message):
    def __init__(self, error: str) -> None:
        self.error = error
        super().__init__()


def _rag(value: str | None) -> Text:
    return Text(value or "-", style=RAG_STYLE.get(value or "", "dim"))


class ExceptionsScreen(Guarded, Screen[None]):
    TITLE = "Exceptions"
    CSS_PATH = "exceptions.tcss"
    GUARDED = {"escalate": "raise escalations"}  # tracker/ui/powers.py
    BINDINGS = [
        Binding("ctrl+e", "escalate", "Escalate to the parent",
                tooltip="Raise the highlighted exception with the board's parent board"),
        Binding("]", "next_board", "Next board", tooltip="Show the next board's exceptions"),
        Binding("ctrl+r", "reload", "Reload", tooltip="Read the exceptions again"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.board: str | None = None  # code; None: the top board
        self.boards: tuple[str, ...] = ()
        self.found: ExceptionList | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Loading the exceptions…", id="summary")
        table: DataTable[str | Text] = DataTable(id="exceptions", cursor_type="row")
        yield table
        yield Static("", id="said")
        yield Static("", id="rule")
        yield KeyBar()  # cut with … at the right, help and the palette kept in sight

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns(*COLUMNS)
        self.call_after_refresh(self.load)

    def action_reload(self) -> None:
        self.load()

    def action_next_board(self) -> None:
        if self.boards:
            at = self.boards.index(self.board) if self.board in self.boards else -1
            self.board = self.boards[(at + 1) % len(self.boards)]
            self.load()

    def guard_scope(self, action: str) -> dict[str, str | None] | None:
        return {"board": self.board}

    def action_escalate(self) -> None:
        table = self.query_one(DataTable)
        if self.found is None or not self.found.exceptions or table.cursor_row < 0:
            return
        self.escalate(self.found.exceptions[table.cursor_row].ref)

    @work(thread=True, exclusive=True, group="exceptions")
    def load(self) -> None:
        try:
            from tracker.services.governance.boards import list_boards
            from tracker.services.governance.exceptions import list_exceptions

            t = self.services.tracker()
            every = list_boards(t)
            parents = {b.parent_code for b in every if b.parent_code}
            boards = tuple(b.code for b in every if b.code in parents or b.parent_code is None)
            board = self.board or next(iter(boards), None)
            if board is None:
                raise LookupError("no boards yet: import a plan first")
            found = list_exceptions(t, board)
        except Exception as exc:  # noqa: BLE001 - shown on screen, not a traceback
            self.post_message(ExceptionsRefused(said(exc)))
            return
        self.post_message(ExceptionsLoaded(boards, found))

    @work(thread=True, exclusive=True, group="exceptions-write")
    def escalate(self, ref: str) -> None:
        try:
            from tracker.services.governance.exceptions import escalate_exception

            done = escalate_exception(self.services.tracker(), ref)
        except Exception as exc:  # noqa: BLE001 - the refusal, inline
            self.post_message(ExceptionsRefused(said(exc)))
            return
        self.post_message(ExceptionEscalated(done))

    def on_exceptions_loaded(self, message: ExceptionsLoaded) -> None:
        self.boards, self.found = message.boards, message.found
        f = message.found
        self.board = f.board
        self.refresh_bindings()  # escalating follows whose board it is
        self.query_one("#summary", Static).update(Text.assemble(
            (f"{len(f.exceptions)} exceptions", "bold"), f" rising to {f.board_name}",
            ("   (n: next board, e: escalate the selected one)", "dim"),
        ))  # fmt: skip
        table = self.query_one(DataTable)
        table.clear()
        for x in f.exceptions:
            table.add_row(
                x.ref, x.board_name, _rag(x.rag), _rag(x.suggested), f"{x.progress}%",
                x.forecast, "; ".join(x.causes), x.decision, key=x.ref,
            )  # fmt: skip
        tolerances = "\n".join(f"{name}: {words}" for name, words in f.tolerances)
        self.query_one("#rule", Static).update(Text(f"Tolerances. {tolerances}\n{f.rule}"))

    def on_exception_escalated(self, message: ExceptionEscalated) -> None:
        e = message.escalation
        box = self.query_one("#said", Static)
        box.remove_class("refused")
        box.update(f"Escalation #{e.id}: {e.ref} from {e.from_board_name} to "
                   f"{e.to_board_name}. Decision sought: {e.decision_sought}")  # fmt: skip

    def on_exceptions_refused(self, message: ExceptionsRefused) -> None:
        box = self.query_one("#said", Static)
        box.add_class("refused")
        box.update(Text.assemble(("Refused, nothing was changed: ", "bold"), message.error))
