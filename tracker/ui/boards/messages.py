"""What the boards screens' workers report back (past tense: the work is done)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from tracker.services.governance.board_read import BoardInfo
    from tracker.services.governance.escalation_read import EscalationView
    from tracker.services.governance.holding import HoldResult
    from tracker.services.governance.meetings import MeetingView
    from tracker.services.governance.position_types import BoardPosition
    from tracker.services.governance.trail import WaitingUpdate


# -- the Boards screen (tracker.ui.boards.screen) ------------------------------------------


class BoardsLoaded(Message):
    def __init__(self, boards: tuple[BoardInfo, ...], reading: str | None = None) -> None:
        self.boards = boards
        self.reading = reading  # the board whose position the same worker reads next
        super().__init__()


class BoardLoaded(Message):
    def __init__(
        self,
        code: str,
        position: BoardPosition,
        meetings: tuple[MeetingView, ...],
        waiting: tuple[WaitingUpdate, ...],
        escalations: tuple[EscalationView, ...],
    ) -> None:
        self.code = code
        self.position = position
        self.meetings = meetings
        self.waiting = waiting
        self.escalations = escalations
        super().__init__()


class MinutesWritten(Message):
    def __init__(self, text: str) -> None:
        self.text = text
        super().__init__()


class BoardsFailed(Message):
    def __init__(self, text: str) -> None:
        self.text = text
        super().__init__()


# -- holding a meeting (tracker.ui.boards.hold) ---------------------------------------------


class HoldPrepared(Message):
    def __init__(
        self,
        meeting: MeetingView | None,
        waiting: tuple[WaitingUpdate, ...],
        escalations: tuple[EscalationView, ...],
        note: str,
        reports: tuple[str, ...] = (),
    ) -> None:
        self.meeting = meeting
        self.reports = reports  # agenda lines: each child board's reported position
        self.waiting = waiting
        self.escalations = escalations
        self.note = note  # why there is nothing to hold (meeting None), or what to check first
        super().__init__()


class HoldSaved(Message):
    def __init__(self, result: HoldResult) -> None:
        self.result = result
        super().__init__()


class HoldRefused(Message):
    def __init__(self, text: str) -> None:
        self.text = text
        super().__init__()
