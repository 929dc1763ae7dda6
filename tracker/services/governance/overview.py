"""One board as the boards screen shows it: its roll-up (the position), its meetings, the updates
waiting for it and its escalations, read in one transaction so that they agree with each other."""

from __future__ import annotations

from dataclasses import dataclass

from tracker.services.context import Tracker
from tracker.services.governance.agenda_words import withhold_agendas
from tracker.services.governance.escalation_read import WORDS as ESCALATION_WORDS
from tracker.services.governance.escalation_read import EscalationView
from tracker.services.governance.escalations import escalations_in
from tracker.services.governance.meetings import MeetingView, meetings_in
from tracker.services.governance.position import position_in, withhold_position
from tracker.services.governance.position_types import BoardPosition
from tracker.services.governance.trail import WAITING_WORDS, WaitingUpdate, waiting_in
from tracker.services.plain_sql import SessionReader
from tracker.services.reading import withhold_actions


@dataclass(frozen=True)
class BoardOverview:
    position: BoardPosition
    meetings: tuple[MeetingView, ...]
    waiting: tuple[WaitingUpdate, ...]  # at most `waiting_limit`
    escalations: tuple[EscalationView, ...]


def board_overview(t: Tracker, board: str, *, waiting_limit: int = 500) -> BoardOverview:
    """The board's position now, its meetings, what waits for its next meeting and the
    escalations to or from it, from one snapshot."""
    with t.db.reading() as s:
        return BoardOverview(
            position=withhold_position(t, SessionReader(s), position_in(s, board, None, t.today())),
            meetings=withhold_agendas(t, s, meetings_in(s, board)),
            waiting=withhold_actions(
                t,
                SessionReader(s),
                waiting_in(s, board, limit=waiting_limit),
                WAITING_WORDS,
            ),
            escalations=withhold_actions(
                t, SessionReader(s), escalations_in(s, board), ESCALATION_WORDS, read_by="to_board"
            ),
        )
