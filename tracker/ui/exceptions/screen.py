"""Exceptions: the actions outside their board's tolerances that rise to a board's paper, each
with its cause and the decision proposed; ctrl+e escalates the selected one in one step, `]`
moves to the next board with boards under it. The suggested RAG's rule and each board's
tolerances are shown under the table, never hidden. Under NARROW columns (80x24) the short
columns are narrowed so that Forecast fits, wrapping; the highlighted row's causes and proposed
decision are always spelt out under the table."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from tracker.errors import NotFound
from tracker.ui.powers import Guarded
from tracker.ui.refusals import said
from tracker.ui.widgets.handle import Services
from tracker.ui.widgets.keybar import KeyBar
from tracker.ui.widgets.text import clip
from tracker.ui.widgets.work import work

if TYPE_CHECKING:
    from tracker.services.governance.assessing import ExceptionList
    from tracker.services.governance.escalation_read import EscalationView

COLUMNS = ("Ref", "Board", "RAG", "Suggested", "%", "Forecast", "Cause", "Proposed decision")
# when narrow: each column's width (0: the rest of the width, wrapping; None: as wide as it needs,
# reached by scrolling right, and spelt out in the line under the table)
NARROW_COLUMNS = (("Ref", 6), ("Board", 12), ("RAG", 5), ("Sugg.", 5), ("%", 4),
                  ("Forecast", 0), ("Cause", 11), ("Proposed decision", 30))  # fmt: skip
NARROW = 120
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


def short_causes(causes: tuple[str, ...]) -> str:
    """Each cause by its kind ("overdue, red"), the words before its colon."""
    return ", ".join(c.split(":", 1)[0] for c in causes)


def _rag(value: str | None) -> Text:
    return Text(value or "-", style=RAG_STYLE.get(value or "", "dim"))


class ExceptionsScreen(Guarded, Screen[None]):
    TITLE = "Exceptions"
    CSS_PATH = "exceptions.tcss"
    GUARDED = {"escalate": "raise escalations"}  # tracker/ui/powers.py
    BINDINGS = [
        Binding(
            "ctrl+e",
            "escalate",
            "Escalate to the parent",
            tooltip="Raise the highlighted exception with the board's parent board",
        ),
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
        yield Static("", id="exception-detail")
        yield Static("", id="said")
        with VerticalScroll(id="rule-box"):  # long tolerances scroll rather than squeeze the table
            yield Static("", id="rule")
        yield KeyBar()  # cut with … at the right, help and the palette kept in sight

    def on_mount(self) -> None:
        self.call_after_refresh(self.load)

    @property
    def narrow(self) -> bool:
        return self.app.size.width < NARROW

    def _columns(self, table: DataTable[str | Text]) -> None:
        table.clear(columns=True)
        if not self.narrow:
            table.add_columns(*COLUMNS)
            return
        total = (table.size.width or self.app.size.width - 4) - 2  # room for the scrollbar
        shown = [w for _, w in NARROW_COLUMNS[:7]]  # Cause in sight; the decision scrolls
        rest = max(12, total - sum(shown) - 2 * len(shown))
        for label, width in NARROW_COLUMNS:
            table.add_column(label, width=width or rest)

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

    @work("read the exceptions", exclusive=True, group="exceptions")
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
                raise NotFound("no boards yet: import a plan first")
            found = list_exceptions(t, board)
        except Exception as exc:  # noqa: BLE001 - shown on screen, not a traceback
            self.post_message(ExceptionsRefused(said(exc)))
            return
        self.post_message(ExceptionsLoaded(boards, found))

    @work("escalate the exception", exclusive=True, group="exceptions-write", saves=True)
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
            ("   (]: next board, ctrl+e: escalate the selected one)", "dim"),
        ))  # fmt: skip
        self._fill()
        tolerances = "\n".join(f"{name}: {words}" for name, words in f.tolerances)
        self.query_one("#rule", Static).update(Text(f"Tolerances. {tolerances}\n{f.rule}"))

    def on_resize(self) -> None:
        # the columns (narrow below NARROW, cut to the width) follow the terminal's new size
        if self.found is not None:
            self.call_after_refresh(self._fill, self.query_one(DataTable).cursor_row)

    def _fill(self, row: int = 0) -> None:
        """The table of exceptions, its columns fitted to the width, the cursor on `row`."""
        assert self.found is not None
        table = self.query_one(DataTable)
        self._columns(table)
        narrow = self.narrow
        for x in self.found.exceptions:
            cells: list[str | Text] = [x.ref, x.board_name, _rag(x.rag), _rag(x.suggested), f"{x.progress}%",
                     Text(x.forecast), "; ".join(x.causes), x.decision]  # fmt: skip
            if narrow:  # the short columns and the long ones cut with "…", Forecast wrapping
                cells = [c if not w or not isinstance(c, str) else clip(c, w)
                         for c, (_, w) in zip(cells, NARROW_COLUMNS, strict=True)]  # fmt: skip
                cells[6] = Text(short_causes(x.causes))  # wrapping: the whole is in the detail
            table.add_row(*cells, key=x.ref, height=None if narrow else 1)
        if 0 < row < table.row_count:
            table.move_cursor(row=row)
        self._show_detail()

    @on(DataTable.RowHighlighted)
    def _row_highlighted(self) -> None:
        self._show_detail()

    def _show_detail(self) -> None:
        """The highlighted exception's causes and proposed decision, whole."""
        table, box = self.query_one(DataTable), self.query_one("#exception-detail", Static)
        found = self.found.exceptions if self.found else ()
        if not found or not 0 <= table.cursor_row < len(found):
            box.update("")
            return
        x = found[table.cursor_row]
        box.update(Text.assemble(
            (f"{x.ref} ", "bold"), f"({x.board_name}): ", "; ".join(x.causes) or "within tolerance",
            ". Proposed: " if x.decision else "", x.decision,
        ))  # fmt: skip

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
