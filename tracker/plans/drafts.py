"""A plan file as it is being validated: the document's shape, but any value that failed its
own check is None (its problem is already reported), and so is an item that is not a mapping.

The checks across the file (tracker.plans.crosscheck) run on these, so one pass still finds
every problem. Only a draft without a single issue becomes a PlanDocument (`complete()`); there,
each required value is present.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TypeVar

from tracker.plans import document as d

T = TypeVar("T")


def need(value: T | None) -> T:
    """A required value of a draft found without issues, which therefore has it."""
    if value is None:
        raise AssertionError("a plan with issues has no document")
    return value


_SPECS = frozenset({d.UpdateSpec})


def _specs(updates: tuple[UpdateDraft | d.UpdateSpec | None, ...]) -> tuple[d.UpdateSpec, ...]:
    """The updates as specs: when all are already (the usual case), the tuple as it is."""
    if set(map(type, updates)) <= _SPECS:
        return updates  # type: ignore[return-value]  # every one a spec
    # a list first: cheaper than a generator, 100,000 times
    return tuple([u if isinstance(u, d.UpdateSpec) else need(u).complete() for u in updates])


def _all(values: tuple[T | None, ...]) -> tuple[T, ...]:
    if None in values:  # one C-level scan: no call per value
        raise AssertionError("a plan with issues has no document")
    return tuple(values)  # type: ignore[arg-type]  # none is None (the same tuple: no copy)


@dataclass(frozen=True, slots=True)
class StrategyDraft:
    title: str | None
    start_year: int | None
    end_year: int | None
    vision: str | None
    principles: tuple[str, ...]
    source: str | None
    rag_green: float | None = None
    rag_red: float | None = None

    def complete(self) -> d.StrategySpec:
        return d.StrategySpec(
            title=need(self.title),
            start_year=need(self.start_year),
            end_year=need(self.end_year),
            vision=self.vision,
            principles=self.principles,
            source=self.source,
            rag_green=self.rag_green,
            rag_red=self.rag_red,
        )


@dataclass(frozen=True, slots=True)
class OrganisationDraft:
    code: str | None
    name: str | None

    def complete(self) -> d.OrganisationSpec:
        return d.OrganisationSpec(code=need(self.code), name=need(self.name))


@dataclass(frozen=True, slots=True)
class PersonDraft:
    code: str | None
    name: str | None
    role: str | None
    organisation: str | None
    email: str | None = None

    def complete(self) -> d.PersonSpec:
        return d.PersonSpec(
            code=need(self.code), name=self.name, role=self.role, organisation=self.organisation,
            email=self.email,
        )  # fmt: skip


@dataclass(frozen=True, slots=True)
class BoardDraft:
    code: str | None
    name: str | None
    kind: str | None
    parent: str | None
    chair: str | None
    chair_description: str | None
    meets: str | None
    area: str | None
    description: str | None
    tolerances: tuple[tuple[str, int | bool | None], ...] | None = None

    def complete(self) -> d.BoardSpec:
        return d.BoardSpec(
            code=need(self.code),
            name=need(self.name),
            kind=need(self.kind),
            parent=self.parent,
            chair=self.chair,
            chair_description=self.chair_description,
            meets=self.meets,
            area=self.area,
            description=self.description,
            tolerances=self.tolerances,
        )


@dataclass(frozen=True, slots=True)
class PhaseDraft:
    number: int | None
    name: str | None
    start: int | None
    end: int | None
    description: str | None

    def complete(self) -> d.PhaseSpec:
        return d.PhaseSpec(
            number=need(self.number),
            name=self.name,
            start=self.start,
            end=self.end,
            description=self.description,
        )


@dataclass(frozen=True, slots=True)
class StageDraft:
    number: int | None
    name: str | None
    description: str | None
    commitments: tuple[str, ...]

    def complete(self) -> d.StageSpec:
        return d.StageSpec(
            number=need(self.number),
            name=need(self.name),
            description=self.description,
            commitments=self.commitments,
        )


@dataclass(frozen=True, slots=True)
class OutcomeDraft:
    code: str | None
    name: str | None

    def complete(self) -> d.OutcomeSpec:
        return d.OutcomeSpec(code=need(self.code), name=need(self.name))


@dataclass(frozen=True, slots=True)
class ReadingDraft:
    date: dt.date | None
    period: str | None
    value: float | None
    note: str | None

    def complete(self) -> d.ReadingSpec:
        return d.ReadingSpec(
            date=self.date, period=self.period, value=need(self.value), note=self.note
        )


@dataclass(frozen=True, slots=True)
class IndicatorDraft:
    code: str | None
    name: str | None
    outcome: str | None
    board: str | None
    unit: str | None
    target: float | None
    direction: str | None
    frequency: str | None
    source: str | None
    readings: tuple[ReadingDraft | None, ...]

    def complete(self) -> d.IndicatorSpec:
        return d.IndicatorSpec(
            code=need(self.code),
            name=need(self.name),
            outcome=self.outcome,
            board=self.board,
            unit=self.unit,
            target=self.target,
            direction=self.direction,
            frequency=self.frequency,
            source=self.source,
            readings=tuple(need(r).complete() for r in self.readings),
        )


@dataclass(frozen=True, slots=True)
class UpdateDraft:
    at: dt.datetime | None  # naive, UTC
    by: str | None
    status: str | None
    rag: str | None
    progress: int | None
    commentary: str | None

    def complete(self) -> d.UpdateSpec:
        return d.UpdateSpec(
            at=need(self.at),
            by=need(self.by),
            status=need(self.status),
            rag=self.rag,
            progress=need(self.progress),
            commentary=self.commentary,
        )


@dataclass(frozen=True, slots=True)
class ActionDraft:
    ref: str | None
    title: str | None
    description: str | None
    phase: int | None
    stage: int | None
    outcomes: tuple[str | None, ...]
    board: str | None
    owner: str | None
    lead_organisation: str | None
    start: dt.date | None
    due: dt.date | None
    status: str | None
    rag: str | None
    progress: int | None
    depends_on: tuple[str | None, ...]
    # an update that passed every check in one expression is already its spec
    updates: tuple[UpdateDraft | d.UpdateSpec | None, ...]
    exempt: int | None = None

    def complete(self) -> d.ActionSpec:
        return d.ActionSpec(
            ref=need(self.ref),
            title=need(self.title),
            description=self.description,
            phase=need(self.phase),
            stage=self.stage,
            outcomes=_all(self.outcomes),
            board=self.board,
            owner=self.owner,
            lead_organisation=self.lead_organisation,
            start=self.start,
            due=self.due,
            status=need(self.status),
            rag=self.rag,
            progress=need(self.progress),
            depends_on=_all(self.depends_on),
            updates=_specs(self.updates),
            exempt=self.exempt,
        )


@dataclass(frozen=True, slots=True)
class FollowUpDraft:
    owner: str | None
    owner_text: str | None
    text: str | None
    due: dt.date | None
    status: str | None
    uid: str | None = None
    sequence: int | None = None
    exempt: int | None = None

    def complete(self) -> d.FollowUpSpec:
        return d.FollowUpSpec(
            owner=self.owner,
            owner_text=self.owner_text,
            text=need(self.text),
            due=self.due,
            status=need(self.status),
            uid=self.uid,
            sequence=self.sequence,
            exempt=self.exempt,
        )


@dataclass(frozen=True, slots=True)
class ResolutionDraft:
    number: str | None
    kind: str | None
    text: str | None
    followups: tuple[FollowUpDraft | None, ...]
    exempt: int | None = None

    def complete(self) -> d.ResolutionSpec:
        return d.ResolutionSpec(
            number=need(self.number),
            kind=need(self.kind),
            text=need(self.text),
            followups=tuple(need(f).complete() for f in self.followups),
            exempt=self.exempt,
        )


@dataclass(frozen=True, slots=True)
class MeetingDraft:
    board: str | None
    date: dt.date | None
    title: str | None
    status: str | None
    resolutions: tuple[ResolutionDraft | None, ...]
    uid: str | None = None
    sequence: int | None = None

    @property
    def key(self) -> tuple[str | None, dt.date | None, str | None]:
        return (self.board, self.date, self.title)

    def complete(self) -> d.MeetingSpec:
        return d.MeetingSpec(
            board=need(self.board),
            date=self.date,
            title=self.title,
            status=need(self.status),
            resolutions=tuple(need(r).complete() for r in self.resolutions),
            uid=self.uid,
            sequence=self.sequence,
        )


@dataclass(frozen=True, slots=True)
class AccessDraft:
    login: str | None
    roles: tuple[tuple[str, str] | None, ...]  # (role, board or committee code, or "")

    def complete(self) -> d.AccessSpec:
        return d.AccessSpec(
            login=need(self.login),
            roles=tuple(f"{r}:{scope}" if scope else r for r, scope in _all(self.roles)),
        )


@dataclass(frozen=True, slots=True)
class PlanDraft:
    strategy: StrategyDraft | None
    organisations: tuple[OrganisationDraft | None, ...]
    people: tuple[PersonDraft | None, ...]
    boards: tuple[BoardDraft | None, ...]
    phases: tuple[PhaseDraft | None, ...]
    stages: tuple[StageDraft | None, ...]
    outcomes: tuple[OutcomeDraft | None, ...]
    indicators: tuple[IndicatorDraft | None, ...]
    actions: tuple[ActionDraft | d.ActionSpec | None, ...]  # a spec: found plain (schema)
    meetings: tuple[MeetingDraft | None, ...]
    access: tuple[AccessDraft | None, ...] = ()

    def complete(self) -> d.PlanDocument:
        acts = self.actions
        return d.PlanDocument(
            strategy=need(self.strategy).complete(),
            organisations=tuple(need(o).complete() for o in self.organisations),
            people=tuple(need(p).complete() for p in self.people),
            boards=tuple(need(b).complete() for b in self.boards),
            phases=tuple(need(p).complete() for p in self.phases),
            stages=tuple(need(s).complete() for s in self.stages),
            outcomes=tuple(need(o).complete() for o in self.outcomes),
            indicators=tuple(need(i).complete() for i in self.indicators),
            # a plain action is its spec already (schema: no draft made)
            actions=tuple([a if isinstance(a, d.ActionSpec) else need(a).complete() for a in acts]),
            meetings=tuple(need(m).complete() for m in self.meetings),
            access=tuple(need(a).complete() for a in self.access),
        )
