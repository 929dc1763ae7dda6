"""What a paper template sees: plain frozen dataclasses, one context per paper kind.

board_reports/README.md documents every field; a test checks that it names them all. Dates are
`datetime.date` (`{{ x | day }}` prints "1 Mar 2026"); None means the database does not say
(`{{ x }}` prints "to be confirmed").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only named in annotations: a paper that has none of them loads none of them
    from tracker.services.actions.views import LinkedAction
    from tracker.services.governance.position_types import RagChange
    from tracker.services.papers.travel_types import Travel


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
class Counts:
    total: int
    not_started: int
    in_progress: int
    complete: int
    cancelled: int
    green: int
    amber: int
    red: int
    not_assessed: int  # no RAG yet
    progress: float  # mean % complete, cancelled actions left out

    @property
    def open(self) -> int:
        return self.not_started + self.in_progress


@dataclass(frozen=True)
class Tally(Counts):
    number: int | None  # phase or stage number (None: actions with no stage)
    label: str  # "Phase 1: Design", "Stage 2: Focused family help", "No stage"
    name: str | None  # the phase or stage name (None: to be confirmed)
    start_year: int | None  # phases only
    end_year: int | None


@dataclass(frozen=True)
class Position(Counts):
    scope: str  # what is counted, in words
    boards: tuple[str, ...]  # codes of the boards counted
    overdue: int  # open and due before the as-of date
    phases: tuple[Tally, ...]
    stages: tuple[Tally, ...]


@dataclass(frozen=True)
class ActionItem:
    ref: str
    title: str
    board: str | None  # code
    board_name: str | None
    owner: str | None  # None: unassigned
    start: dt.date | None
    due: dt.date | None
    status: str
    rag: str | None
    progress: int
    commentary: str | None  # the latest update's commentary, as of the paper
    last_update: dt.date | None
    overdue: bool
    days_overdue: int | None
    completed_on: dt.date | None  # when the update marking it complete was recorded
    why: str | None  # off track lists: "red", "overdue" or "red and overdue"
    suggested: str | None = None  # the RAG its progress suggests (rule: the context's `rule`)
    forecast: str | None = None  # "at this pace, 6 weeks after due"


@dataclass(frozen=True)
class UpdateItem:
    ref: str
    title: str
    date: dt.date  # the day it was recorded
    by: str | None  # who recorded it (None in a child board's reported position)
    status: str
    rag: str | None
    progress: int
    commentary: str | None


@dataclass(frozen=True)
class EscalationItem:
    id: int
    ref: str
    title: str
    from_board: str
    from_board_name: str
    to_board: str
    to_board_name: str
    raised_on: dt.date
    raised_by: str
    reason: str
    decision_sought: str
    status: str  # open | accepted | referred back | escalated
    decided_on: dt.date | None
    decision_note: str | None


@dataclass(frozen=True)
class ChildBoard(Counts):
    code: str
    name: str
    last_meeting: dt.date | None  # its last held meeting by the as-of date
    reported_updates: int  # updates reported to this board at its last meeting
    reported: tuple[UpdateItem, ...]  # of those, the latest per action (by ref)
    to_report_updates: int  # updates noted by the child since, waiting for this board
    to_report: tuple[UpdateItem, ...]  # of those, the latest per action (by ref; a highlight
    # report keeps the first few: to_report_actions says how many actions in all)
    to_report_actions: int = 0


@dataclass(frozen=True)
class Option:
    text: str
    effect: str | None  # None: to be confirmed by the owner


@dataclass(frozen=True)
class ExceptionItem:
    action: ActionItem
    escalation: EscalationItem | None  # the open escalation, else the latest one
    cause: str | None  # the escalation's reason, else the commentary that turned it red
    cause_source: str | None  # where the cause is written, e.g. "escalation #3"
    red_since: dt.date | None
    dependents: tuple[LinkedAction, ...]  # actions that depend on it
    outcomes: tuple[str, ...]  # outcomes it contributes to
    options: tuple[Option, ...]  # the decision sought, if escalated
    recommendation: str | None  # the decision sought, if escalated
    history: tuple[UpdateItem, ...]  # newest first, at most six


@dataclass(frozen=True)
class FollowUpItem:
    id: int
    meeting_date: dt.date | None
    meeting_title: str | None
    resolution: str | None  # the resolution's number as minuted
    item_title: str | None
    text: str
    owner: str | None
    due: dt.date | None
    status: str  # open | in progress | done | dropped
    overdue: bool
    days_overdue: int | None
    closed_on: dt.date | None
    last_response: str | None
    action: str | None  # linked plan action ref


@dataclass(frozen=True)
class ResolutionItem:
    meeting_date: dt.date | None
    item_title: str | None
    number: str
    kind: str  # resolved | recommended | agreed | noted
    text: str
    followups: int
    open_followups: int


@dataclass(frozen=True)
class IndicatorItem:
    code: str
    name: str
    outcome: str | None
    board: str | None
    unit: str | None
    target: str | None  # formatted, e.g. "20%"
    target_value: float | None
    direction: str | None  # higher | lower (which is better) | None
    latest: str | None  # formatted, e.g. "26%"; None: no reading
    latest_value: float | None
    latest_date: dt.date | None  # None: the source gives no date
    latest_period: str | None  # the period as given, e.g. "2025/26 Q3"
    previous: str | None  # the reading before the latest
    previous_date: dt.date | None
    previous_period: str | None
    travel: str | None  # improving | worsening | steady | rising | falling | None
    status: str  # on target | off target | no target | no reading
    source: str | None
    readings: int
    chart: str | None = None  # the trend chart's file, written beside the paper (2+ readings)
    points: tuple[tuple[str, float], ...] = ()  # the readings (when, value), oldest first
    target_max: float | None = None  # the top of a target range
    next_due: dt.date | None = None  # when the next reading is due, by its frequency
    overdue: bool = False  # that date has passed by the paper's day, with no newer reading


@dataclass(frozen=True)
class OutcomeGroup:
    code: str | None  # None: indicators not linked to an outcome
    name: str
    indicators: tuple[IndicatorItem, ...]
    off_target: int


@dataclass(frozen=True)
class FrontSheet:
    committee: str
    date: dt.date | None
    title: str
    report_of: str | None
    contact: str | None
    wards: str | None
    key_decision: str | None
    exempt: str | None


@dataclass(frozen=True)
class Appendix:
    letter: str
    title: str
    template: str
    filename: str | None  # the conventional file name it is written to (None: to be attached)


@dataclass(frozen=True)
class ExceptionLine:
    """An action outside its board's tolerances, risen to this board's paper."""

    ref: str
    title: str
    board: str  # code of the action's board (a child board, or this one at the top)
    board_name: str
    owner: str | None
    due: dt.date | None
    rag: str | None
    suggested: str | None
    progress: int
    forecast: str
    causes: tuple[str, ...]  # e.g. "overdue: 29 days past due"
    decision: str  # the decision proposed


@dataclass(frozen=True)
class BoardTolerance:
    board: str  # the board's name
    tolerances: str  # in words
    exceptions: int  # how many of its actions are outside them


@dataclass(frozen=True)
class Shown:
    """How many items each bounded list holds in full (the paper shows at most `limit`)."""

    limit: int
    completed: int
    next_period: int
    off_track: int
    risks: int
    worsened: int
    escalated_up: int
    decisions: int
    exceptions: int


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


@dataclass(frozen=True)
class HighlightContext(PaperContext):
    position: Position
    completed: tuple[ActionItem, ...]
    next_period: tuple[ActionItem, ...]
    off_track: tuple[ActionItem, ...]
    risks: tuple[ActionItem, ...]
    worsened: tuple[RagChange, ...]
    escalated_up: tuple[EscalationItem, ...]
    decisions: tuple[EscalationItem, ...]
    children: tuple[ChildBoard, ...]
    rule: str  # the suggested RAG's rule, with the plan's thresholds
    exceptions: tuple[ExceptionLine, ...]  # worst first, at most shown.limit
    tolerances: tuple[BoardTolerance, ...]  # of the boards whose exceptions rise here
    travel: Travel
    shown: Shown  # the full length of each list above
    register: tuple[ActionItem, ...]  # the appendix: every action counted (empty: not asked)


@dataclass(frozen=True)
class ExceptionContext(PaperContext):
    exceptions: tuple[ExceptionItem, ...]


@dataclass(frozen=True)
class ArisingContext(PaperContext):
    arising: tuple[FollowUpItem, ...]
    closed: tuple[FollowUpItem, ...]
    previous_meeting: dt.date | None


@dataclass(frozen=True)
class CoverContext(PaperContext):
    front: FrontSheet
    position: Position
    decisions: tuple[EscalationItem, ...]
    resolutions: tuple[ResolutionItem, ...]
    arising: tuple[FollowUpItem, ...]
    off_target: tuple[OutcomeGroup, ...]
    appendices: tuple[Appendix, ...]


@dataclass(frozen=True)
class OutcomesContext(PaperContext):
    outcomes: tuple[OutcomeGroup, ...]
    on_target: int
    off_target: int
    no_target: int
    no_reading: int
    without_indicators: tuple[str, ...]  # outcomes with no indicator yet


@dataclass(frozen=True)
class MeetingHeld:
    date: dt.date
    title: str | None
    when: str | None  # "10:00 to 12:00" (London time); none: not recorded
    place: str | None  # the venue, and the online link, as one line
    chair: str | None
    present: tuple[str, ...]
    apologies: tuple[str, ...]


@dataclass(frozen=True)
class MinutedUpdate:
    ref: str
    title: str
    date: dt.date  # the day the update was recorded
    status: str
    rag: str | None
    progress: int
    commentary: str | None
    outcome: str  # noted | challenged | reported
    comment: str | None  # a challenge's comment


@dataclass(frozen=True)
class MinutedDecision:
    number: str  # as minuted: "1", "2"
    text: str  # "the plan be approved": the minutes print "RESOLVED – That:" above


@dataclass(frozen=True)
class MinutedAction:
    owner: str | None
    text: str  # what is to be done
    due: dt.date | None
    decision: str | None  # the decision's number it arises from
    escalation: int | None  # the escalation whose decision it carries out


@dataclass(frozen=True)
class MinutesContext(PaperContext):
    held: MeetingHeld
    updates: tuple[MinutedUpdate, ...]  # noted or challenged at the meeting
    reported: tuple[MinutedUpdate, ...]  # reported from the boards under it
    escalations: tuple[EscalationItem, ...]  # received: decided here, or still open
    decisions: tuple[MinutedDecision, ...]
    actions: tuple[MinutedAction, ...]


CONTEXTS: dict[str, type[PaperContext]] = {
    "highlight": HighlightContext,
    "exception": ExceptionContext,
    "matters-arising": ArisingContext,
    "cover": CoverContext,
    "outcomes": OutcomesContext,
    "minutes": MinutesContext,
}
TITLES = {
    "highlight": "Highlight report",
    "exception": "Exception report",
    "matters-arising": "Matters arising",
    "cover": "Committee report",
    "outcomes": "Outcomes",
    "minutes": "Draft minutes",
}
