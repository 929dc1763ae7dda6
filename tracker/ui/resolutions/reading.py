"""What the Resolutions screen reads, as messages from its workers, and which committee and
meeting it shows first (decided in the worker, so that one worker reads all three in turn)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from tracker.services.committees.arising import MattersArising
    from tracker.services.committees.resolutions import CommitteeRow, MeetingDetail, MeetingRow


class CommitteesLoaded(Message):
    def __init__(self, rows: tuple[CommitteeRow, ...], reading: str | None = None) -> None:
        self.rows = rows
        self.reading = reading  # the committee whose meetings the same worker reads next
        super().__init__()


class MeetingsLoaded(Message):
    def __init__(self, committee: str, rows: tuple[MeetingRow, ...],
                 reading: int | None = None) -> None:  # fmt: skip
        self.committee = committee
        self.rows = rows
        self.reading = reading  # the meeting the same worker reads next
        super().__init__()


def shown_committees(rows: tuple[CommitteeRow, ...]) -> list[CommitteeRow]:
    """The committees listed: every committee, and boards that have minuted meetings."""
    return [r for r in rows if r.kind == "committee" or r.meetings]


def first_committee(rows: list[CommitteeRow], current: str | None) -> str | None:
    """The committee shown: the current one if listed, else the first with meetings."""
    codes = [r.code for r in rows]
    busy = [r.code for r in rows if r.meetings]  # start where there is something to see
    return current if current in codes else next(iter(busy or codes), None)


def first_meeting(rows: tuple[MeetingRow, ...], current: int | None) -> int | None:
    """The meeting shown: the current one if listed, else the newest."""
    ids = [m.id for m in reversed(rows)]
    return current if current in ids else next(iter(ids), None)


class MeetingLoaded(Message):
    def __init__(self, detail: MeetingDetail, arising: MattersArising | None) -> None:
        self.detail = detail
        self.arising = arising
        super().__init__()
