"""A paper's counts of actions: a board's position, by phase and by stage."""

from __future__ import annotations

from dataclasses import dataclass


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
