"""Reading a strategy's plan back out of the database as a PlanDocument (then YAML text).

Organisations, people, boards, outcomes, indicators and meetings are shared by every strategy
and are all written; phases, stages and actions are the chosen strategy's. Follow-ups that do
not arise from a resolution (minuted `ACTION -` lines) have no place in the format and are not
written.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import RowMapping, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from tracker.errors import InvalidInput, NotFound, Problem
from tracker.models import (
    Account,
    AccountRole,
    Action,
    ActionDependency,
    Base,
    Board,
    Commitment,
    FollowUp,
    Indicator,
    IndicatorReading,
    Meeting,
    Organisation,
    Outcome,
    PendingRole,
    Person,
    Phase,
    Resolution,
    Stage,
    StatusUpdate,
    Strategy,
    action_outcome,
)
from tracker.plans import document as d
from tracker.plans.writer import dump_plan


def _naive(value: dt.datetime) -> dt.datetime:
    return value.replace(tzinfo=None)


def _table(
    session: Session, model: type[Base], *order: InstrumentedAttribute[Any]
) -> Sequence[RowMapping]:
    return session.execute(select(model.__table__).order_by(*order)).mappings().all()


def find_strategy(session: Session, title: str | None) -> RowMapping:
    strategies = list(
        session.execute(select(Strategy.__table__).order_by(Strategy.title)).mappings()
    )
    titles = ", ".join(s["title"] for s in strategies)
    if title is None:
        if not strategies:
            raise NotFound("the database holds no strategy: import a plan first")
        if len(strategies) > 1:
            raise InvalidInput(
                Problem("strategy", "the database holds several strategies: name one", titles)
            )
        return strategies[0]
    for s in strategies:
        if s["title"] == title:
            return s
    raise NotFound(f"no strategy titled {title!r} (there are: {titles or 'none'})")


def read_document(session: Session, title: str | None = None) -> d.PlanDocument:
    st = find_strategy(session, title)
    sid = st["id"]
    orgs = _table(session, Organisation, Organisation.code)
    org_code = {o["id"]: o["code"] for o in orgs}
    people = _table(session, Person, Person.code)
    person_code = {p["id"]: p["code"] for p in people}
    boards = _table(session, Board, Board.code)
    board_code = {b["id"]: b["code"] for b in boards}
    outcomes = _table(session, Outcome, Outcome.position, Outcome.code)
    outcome_code = {o["id"]: o["code"] for o in outcomes}

    readings: dict[int, list[d.ReadingSpec]] = {}
    for r in _table(session, IndicatorReading, IndicatorReading.id):
        readings.setdefault(r["indicator_id"], []).append(
            d.ReadingSpec(date=r["date"], period=r["period"], value=r["value"], note=r["note"])
        )
    indicators = tuple(
        d.IndicatorSpec(
            code=i["code"],
            name=i["name"],
            outcome=outcome_code.get(i["outcome_id"]),
            board=board_code.get(i["board_id"]),
            unit=i["unit"],
            target=i["target"],
            direction=i["direction"],
            frequency=i["frequency"],
            source=i["source"],
            readings=tuple(readings.get(i["id"], ())),
        )
        for i in _table(session, Indicator, Indicator.code)
    )

    phases = session.execute(
        select(Phase.__table__).where(Phase.strategy_id == sid).order_by(Phase.number)
    ).mappings()
    phase_number = {}
    phase_specs = []
    for p in phases:
        phase_number[p["id"]] = p["number"]
        phase_specs.append(
            d.PhaseSpec(
                number=p["number"],
                name=p["name"],
                start=p["start_year"],
                end=p["end_year"],
                description=p["description"],
            )
        )
    stage_rows = list(
        session.execute(
            select(Stage.__table__).where(Stage.strategy_id == sid).order_by(Stage.number)
        ).mappings()
    )
    stage_number = {s["id"]: s["number"] for s in stage_rows}
    commitments: dict[int, list[str]] = {}
    for c in _table(session, Commitment, Commitment.stage_id, Commitment.position):
        if c["stage_id"] in stage_number:
            commitments.setdefault(c["stage_id"], []).append(c["text"])
    stages = tuple(
        d.StageSpec(
            number=s["number"],
            name=s["name"],
            description=s["description"],
            commitments=tuple(commitments.get(s["id"], ())),
        )
        for s in stage_rows
    )

    return d.PlanDocument(
        strategy=d.StrategySpec(
            title=st["title"],
            start_year=st["start_year"],
            end_year=st["end_year"],
            vision=st["vision"],
            principles=tuple(st["principles"] or ()),
            source=st["source"],
            rag_green=st["rag_green"],
            rag_red=st["rag_red"],
        ),
        organisations=tuple(d.OrganisationSpec(code=o["code"], name=o["name"]) for o in orgs),
        people=tuple(
            d.PersonSpec(
                code=p["code"],
                name=p["name"],
                role=p["role"],
                organisation=org_code.get(p["organisation_id"]),
                email=p["email"],
            )
            for p in people
        ),
        boards=tuple(
            d.BoardSpec(
                code=b["code"],
                name=b["name"],
                kind=b["kind"],
                parent=board_code.get(b["parent_id"]),
                chair=person_code.get(b["chair_id"]),
                chair_description=b["chair_description"],
                meets=b["meets"],
                area=b["area"],
                description=b["description"],
                tolerances=tuple(
                    (k, b["tolerances"][k]) for k in d.TOLERANCE_FIELDS if k in b["tolerances"]
                )
                if b["tolerances"] is not None
                else None,
            )
            for b in boards
        ),
        phases=tuple(phase_specs),
        stages=stages,
        outcomes=tuple(d.OutcomeSpec(code=o["code"], name=o["name"]) for o in outcomes),
        indicators=indicators,
        actions=_actions(
            session,
            sid,
            phase_number,
            stage_number,
            board_code,
            person_code,
            org_code,
            outcome_code,
        ),
        meetings=_meetings(session, board_code, person_code),
    )


def _actions(
    session: Session, sid: int, phase_number: dict[int, int], stage_number: dict[int, int],
    board_code: dict[int, str], person_code: dict[int, str], org_code: dict[int, str],
    outcome_code: dict[int, str],
) -> tuple[d.ActionSpec, ...]:  # fmt: skip
    a_t = Action.__table__
    rows = list(session.execute(select(a_t).where(a_t.c.strategy_id == sid)).mappings())
    ref_of = dict(session.execute(select(a_t.c.id, a_t.c.ref)).all())
    mine = a_t.c.strategy_id == sid
    outcomes: dict[int, list[str]] = {}
    for aid, oid in session.execute(
        select(action_outcome.c.action_id, action_outcome.c.outcome_id)
        .join(a_t, a_t.c.id == action_outcome.c.action_id)
        .where(mine)
    ):
        outcomes.setdefault(aid, []).append(outcome_code[oid])
    deps: dict[int, list[str]] = {}
    dep_t = ActionDependency.__table__
    for aid, did in session.execute(
        select(dep_t.c.action_id, dep_t.c.depends_on_id)
        .join(a_t, a_t.c.id == dep_t.c.action_id)
        .where(mine)
    ):
        deps.setdefault(aid, []).append(ref_of[did])
    updates: dict[int, list[d.UpdateSpec]] = {}
    u_t = StatusUpdate.__table__
    stmt = (
        select(u_t.c.action_id, u_t.c.recorded_at, u_t.c.recorded_by, u_t.c.status, u_t.c.rag,
               u_t.c.progress, u_t.c.commentary)
        .join(a_t, a_t.c.id == u_t.c.action_id)
        .where(mine)
        .order_by(u_t.c.action_id, u_t.c.recorded_at, u_t.c.id)
    )  # fmt: skip
    for aid, at, by, status, rag, progress, commentary in session.execute(stmt):
        updates.setdefault(aid, []).append(
            d.UpdateSpec(
                at=_naive(at),
                by=by,
                status=status,
                rag=rag,
                progress=progress,
                commentary=commentary,
            )
        )
    return tuple(
        d.ActionSpec(
            ref=a["ref"],
            title=a["title"],
            description=a["description"],
            phase=phase_number[a["phase_id"]],
            stage=stage_number.get(a["stage_id"]),
            outcomes=tuple(outcomes.get(a["id"], ())),
            board=board_code.get(a["board_id"]),
            owner=person_code.get(a["owner_id"]),
            lead_organisation=org_code.get(a["lead_organisation_id"]),
            start=a["start"],
            due=a["due"],
            status=a["status"],
            rag=a["rag"],
            progress=a["progress"],
            depends_on=tuple(deps.get(a["id"], ())),
            updates=tuple(updates.get(a["id"], ())),
            exempt=a["exempt_paragraph"],
        )
        for a in rows
    )


def _meetings(
    session: Session, board_code: dict[int, str], person_code: dict[int, str]
) -> tuple[d.MeetingSpec, ...]:
    followups: dict[int, list[d.FollowUpSpec]] = {}
    for f in _table(session, FollowUp, FollowUp.resolution_id, FollowUp.position, FollowUp.id):
        if f["resolution_id"] is not None:
            followups.setdefault(f["resolution_id"], []).append(
                d.FollowUpSpec(
                    owner=person_code.get(f["owner_id"]),
                    owner_text=f["owner_text"],
                    text=f["text"],
                    due=f["due"],
                    status=f["status"],
                    exempt=f["exempt_paragraph"],
                    uid=f["uid"],
                    sequence=f["sequence_base"] + f["version"] - 1,
                )
            )
    resolutions: dict[int, list[d.ResolutionSpec]] = {}
    for r in _table(session, Resolution, Resolution.meeting_id, Resolution.position, Resolution.id):
        resolutions.setdefault(r["meeting_id"], []).append(
            d.ResolutionSpec(
                number=r["number"],
                kind=r["kind"],
                text=r["text"],
                followups=tuple(followups.get(r["id"], ())),
                exempt=r["exempt_paragraph"],
            )
        )
    return tuple(
        d.MeetingSpec(
            board=board_code[m["board_id"]],
            date=m["date"],
            title=m["title"],
            status=m["status"],
            resolutions=tuple(resolutions.get(m["id"], ())),
            uid=m["uid"],
            sequence=m["sequence_base"] + m["version"] - 1,
        )
        for m in _table(session, Meeting, Meeting.id)
    )


def read_access(session: Session) -> tuple[d.AccessSpec, ...]:
    """Every account's roles and every pending login's (import_access), by login."""
    codes: dict[int, str] = {
        row.id: row.code for row in session.execute(select(Board.id, Board.code))
    }
    held: dict[str, list[tuple[str, int | None, int | None]]] = {}
    for login, role, board, committee in session.execute(
        select(Account.login, AccountRole.role, AccountRole.board_id, AccountRole.committee_id)
        .join(AccountRole, AccountRole.account_id == Account.id).order_by(AccountRole.id)
    ).all():  # fmt: skip
        held.setdefault(login, []).append((role, board, committee))
    for login, role, board, committee in session.execute(
        select(PendingRole.login, PendingRole.role, PendingRole.board_id, PendingRole.committee_id)
        .order_by(PendingRole.id)
    ).all():  # fmt: skip
        held.setdefault(login, []).append((role, board, committee))
    return tuple(
        d.AccessSpec(
            login=login,
            roles=tuple(
                dict.fromkeys(
                    f"{role}:{codes[scope]}" if scope else role
                    for role, board, committee in grants
                    for scope in (board or committee,)
                )
            ),
        )
        for login, grants in sorted(held.items())
    )


def export_text(
    session: Session, title: str | None = None, *, access: bool = False
) -> tuple[d.PlanDocument, str]:
    """The plan as canonical YAML; with `access`, the roles of every account and pending
    login too (for those who may see the accounts)."""
    doc = read_document(session, title)
    if access:
        doc = dataclasses.replace(doc, access=read_access(session))
    return doc, dump_plan(doc)
