"""What a paper template sees: plain frozen dataclasses, one context per paper kind.

board_reports/README.md documents every field; a test checks that it names them all. Dates are
`datetime.date` (`{{ x | day }}` prints "1 Mar 2026"); None means the database does not say
(`{{ x }}` prints "to be confirmed").

Here: what every paper has (the paper, its board, meeting, strategy and period). Each kind's own
types are in a module of their own (`highlight`, `exception`, `matters`, `cover`, `outcomes`,
`minutes`; shared by some: `actions`, `counts`), so that a paper makes only the classes it uses:
making a frozen dataclass costs about half a millisecond, at every start of a command.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Paper:
    kind: str  # highlight | exception | matters-arising | cover | outcomes
    template: str  # the template's name, e.g. "highlight"
    title: str  # e.g. "Highlight report"
    format: str  # md | html: what is being written
    date: dt.date  # the meeting's date, else the as-of date
    as_of: dt.date  # the date the figures are at
    today: dt.date  # the day it was rendered (tracker.toml clock.today in rehearsals)


@dataclass(frozen=True)
class BoardView:
    code: str
    name: str
    kind: str  # board | committee
    parent_code: str | None
    parent_name: str | None
    chair: str | None  # the chair's name and role, or a description
    meets: str | None
    area: str | None
    description: str | None


@dataclass(frozen=True)
class MeetingInfo:
    date: dt.date | None
    title: str | None
    status: str  # scheduled | held | cancelled
    attendees: tuple[str, ...]
    agenda: tuple[str, ...]  # the agenda item titles as stored


@dataclass(frozen=True)
class StrategyInfo:
    title: str
    start_year: int
    end_year: int
    vision: str | None
    principles: tuple[str, ...]


@dataclass(frozen=True)
class Period:
    start: dt.date | None  # the board's last held meeting before the paper (None: none yet)
    end: dt.date  # the as-of date
    next_meeting: dt.date | None  # the board's next scheduled meeting after the paper's date
    next_end: dt.date  # end of "the next period": the next meeting, else 3 months on


@dataclass(frozen=True)
class PaperContext:
    paper: Paper
    board: BoardView
    meeting: MeetingInfo | None
    strategy: StrategyInfo | None
    period: Period

    def variables(self) -> dict[str, object]:
        """The template's top-level variables (not a deep copy: fields stay dataclasses)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


# the paper kinds (their contexts: HighlightContext in .highlight, ExceptionContext in
# .exception, ArisingContext in .matters, CoverContext in .cover, OutcomesContext in .outcomes,
# MinutesContext in .minutes)
KINDS = ("highlight", "exception", "matters-arising", "cover", "outcomes", "minutes")
TITLES = {
    "highlight": "Highlight report",
    "exception": "Exception report",
    "matters-arising": "Matters arising",
    "cover": "Committee report",
    "outcomes": "Outcomes",
    "minutes": "Draft minutes",
}
