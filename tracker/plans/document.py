"""A validated plan file as typed, frozen values (format: plans/README.md, `tracker-plan/1`).

Items keep the order they have in the file, so an item's index is its index in the file (the
importer names problems it finds in the database by that index). The field tuples below are the
allowed keys of each mapping, in the canonical order the exporter writes them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

SCHEMA = "tracker-plan/1"

# told how long work is going: (phase, items done, items in all or None when not known); a
# face shows it (a progress bar on a terminal), or nobody does
Report = Callable[[str, int, int | None], None]


def quiet(_phase: str, _done: int, _total: int | None) -> None:
    """The Report that tells nobody."""


TOP_FIELDS = (
    "schema",
    "strategy",
    "organisations",
    "people",
    "boards",
    "phases",
    "stages",
    "outcomes",
    "indicators",
    "actions",
    "meetings",
    "access",
)
STRATEGY_FIELDS = ("title", "period", "vision", "principles", "source", "rag")
RAG_FIELDS = ("green", "red")  # the suggested RAG's thresholds (tracker.domain.pace)
PERIOD_FIELDS = ("start", "end")
ORGANISATION_FIELDS = ("code", "name")
PERSON_FIELDS = ("code", "name", "role", "organisation", "email")
BOARD_FIELDS = (
    "code",
    "name",
    "kind",
    "parent",
    "chair",
    "chair_description",
    "meets",
    "area",
    "description",
    "tolerances",
)
# a board's tolerances (tracker.domain.tolerance)
TOLERANCE_FIELDS = ("slippage_days", "red", "below_suggestion", "overdue_days", "challenged")
PHASE_FIELDS = ("number", "name", "start", "end", "description")
STAGE_FIELDS = ("number", "name", "description", "commitments")
OUTCOME_FIELDS = ("code", "name")
INDICATOR_FIELDS = (
    "code",
    "name",
    "outcome",
    "board",
    "unit",
    "target",
    "direction",
    "frequency",
    "source",
    "readings",
)
READING_FIELDS = ("date", "period", "value", "note")
ACTION_FIELDS = (
    "ref",
    "title",
    "description",
    "phase",
    "stage",
    "outcomes",
    "board",
    "owner",
    "lead_organisation",
    "start",
    "due",
    "status",
    "rag",
    "progress",
    "exempt",
    "depends_on",
    "updates",
)
UPDATE_FIELDS = ("at", "by", "status", "rag", "progress", "commentary")
MEETING_FIELDS = ("board", "date", "title", "status", "uid", "sequence", "resolutions")
RESOLUTION_FIELDS = ("number", "kind", "text", "exempt", "followups")
# who holds which role: an account's login and its roles ("board_secretary:sfb")
ACCESS_FIELDS = ("login", "roles")
FOLLOWUP_FIELDS = ("owner", "owner_text", "text", "due", "status", "exempt", "uid", "sequence")

DIRECTIONS = ("higher", "lower")


@dataclass(frozen=True, slots=True)
class StrategySpec:
    title: str
    start_year: int
    end_year: int
    vision: str | None
    principles: tuple[str, ...]
    source: str | None
    rag_green: float | None = None  # None: the default threshold
    rag_red: float | None = None


@dataclass(frozen=True, slots=True)
class OrganisationSpec:
    code: str
    name: str


@dataclass(frozen=True, slots=True)
class PersonSpec:
    code: str
    name: str | None
    role: str | None
    organisation: str | None
    email: str | None = None  # where chasers for their returns go


@dataclass(frozen=True, slots=True)
class BoardSpec:
    code: str
    name: str
    kind: str
    parent: str | None
    chair: str | None
    chair_description: str | None
    meets: str | None
    area: str | None
    description: str | None
    # the tolerances the file sets, in TOLERANCE_FIELDS order (None: it sets none)
    tolerances: tuple[tuple[str, int | bool | None], ...] | None = None


@dataclass(frozen=True, slots=True)
class PhaseSpec:
    number: int
    name: str | None
    start: int | None
    end: int | None
    description: str | None


@dataclass(frozen=True, slots=True)
class StageSpec:
    number: int
    name: str
    description: str | None
    commitments: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class OutcomeSpec:
    code: str
    name: str


@dataclass(frozen=True, slots=True)
class ReadingSpec:
    date: dt.date | None
    period: str | None
    value: float
    note: str | None


@dataclass(frozen=True, slots=True)
class IndicatorSpec:
    code: str
    name: str
    outcome: str | None
    board: str | None
    unit: str | None
    target: float | None
    direction: str | None
    frequency: str | None
    source: str | None
    readings: tuple[ReadingSpec, ...]


class UpdateSpec(NamedTuple):
    """A status update in a plan. A named tuple, not a frozen dataclass like the others: a large
    plan has 100,000 of them, and a tuple is made in a fifth of the time."""

    at: dt.datetime  # naive, UTC
    by: str
    status: str
    rag: str | None
    progress: int
    commentary: str | None


@dataclass(frozen=True, slots=True)
class ActionSpec:
    ref: str
    title: str
    description: str | None
    phase: int
    stage: int | None
    outcomes: tuple[str, ...]
    board: str | None
    owner: str | None
    lead_organisation: str | None
    start: dt.date | None
    due: dt.date | None
    status: str
    rag: str | None
    progress: int
    depends_on: tuple[str, ...]
    updates: tuple[UpdateSpec, ...]
    exempt: int | None = None  # the Schedule 12A paragraph (1-7) when exempt from publication


@dataclass(frozen=True, slots=True)
class FollowUpSpec:
    owner: str | None
    owner_text: str | None
    text: str
    due: dt.date | None
    status: str
    uid: str | None = None  # its calendar UID (a UUID), kept through export and import
    sequence: int | None = None  # its calendar SEQUENCE when exported
    exempt: int | None = None  # the Schedule 12A paragraph (1-7) when exempt from publication


@dataclass(frozen=True, slots=True)
class ResolutionSpec:
    number: str
    kind: str
    text: str
    followups: tuple[FollowUpSpec, ...]
    exempt: int | None = None  # the Schedule 12A paragraph (1-7) when exempt from publication


@dataclass(frozen=True, slots=True)
class MeetingSpec:
    board: str
    date: dt.date | None
    title: str | None
    status: str
    resolutions: tuple[ResolutionSpec, ...]
    uid: str | None = None  # its calendar UID (a UUID), kept through export and import
    sequence: int | None = None  # its calendar SEQUENCE when exported

    @property
    def key(self) -> tuple[str, dt.date | None, str | None]:
        return (self.board, self.date, self.title)

    @property
    def label(self) -> str:
        when = self.date.isoformat() if self.date else "undated"
        return f"{self.board} {when} {self.title or ''}".rstrip()


@dataclass(frozen=True, slots=True)
class AccessSpec:
    """The roles a plan grants one login: to its account, or kept pending until an admin adds
    an account with that login (plans/README.md, "Access")."""

    login: str  # lower-case
    roles: tuple[str, ...]  # "programme_manager", "board_secretary:sfb", in the file's order


@dataclass(frozen=True, slots=True)
class PlanDocument:
    strategy: StrategySpec
    organisations: tuple[OrganisationSpec, ...] = ()
    people: tuple[PersonSpec, ...] = ()
    boards: tuple[BoardSpec, ...] = ()
    phases: tuple[PhaseSpec, ...] = ()
    stages: tuple[StageSpec, ...] = ()
    outcomes: tuple[OutcomeSpec, ...] = ()
    indicators: tuple[IndicatorSpec, ...] = ()
    actions: tuple[ActionSpec, ...] = ()
    meetings: tuple[MeetingSpec, ...] = ()
    access: tuple[AccessSpec, ...] = ()

    def counts(self) -> dict[str, int]:
        """How many of each thing the plan holds, in the canonical order of sections."""
        return {
            "organisations": len(self.organisations),
            "people": len(self.people),
            "boards": len(self.boards),
            "phases": len(self.phases),
            "stages": len(self.stages),
            "commitments": sum(len(s.commitments) for s in self.stages),
            "outcomes": len(self.outcomes),
            "indicators": len(self.indicators),
            "readings": sum(len(i.readings) for i in self.indicators),
            "actions": len(self.actions),
            "updates": sum(len(a.updates) for a in self.actions),
            "meetings": len(self.meetings),
            "resolutions": sum(len(m.resolutions) for m in self.meetings),
            "followups": sum(len(r.followups) for m in self.meetings for r in m.resolutions),
            **({"access": len(self.access)} if self.access else {}),  # logins given roles
        }
