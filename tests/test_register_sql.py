"""The register's plain SQL is one definition checked against the models: its SELECT and FROM
are what SQLAlchemy Core compiles from the mapped tables on each database, and it returns the
rows an ORM reading of the same actions gives, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import LABEL_STYLE_NONE, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Dialect

from tracker.models import Action, Board, Person, Phase, Stage
from tracker.services.actions.register import (
    REGISTER_COLUMNS,
    REGISTER_FROM,
    ActionFilter,
    ActionRow,
    owner_label,
    register_rows,
)
from tracker.services.context import Tracker, open_tracker
from tracker.services.plans import import_plan
from tracker.vocabulary import OPEN_STATUSES

REGISTER = Path(__file__).parent / "data" / "plans" / "register.yaml"
TODAY = dt.date(2026, 3, 1)


def _words(sql: str) -> str:
    return " ".join(sql.split())


@pytest.mark.parametrize("dialect", [sqlite.dialect(), postgresql.dialect()], ids=["sqlite", "pg"])
def test_the_register_sql_is_what_sqlalchemy_compiles_from_the_models(dialect: Dialect) -> None:
    core = (
        select(Action.ref, Action.title, Phase.number, Phase.name, Stage.number, Stage.name,
               Board.code, Board.name, Person.name, Person.role, Action.due, Action.status,
               Action.rag, Action.progress, Action.latest_update_at, Action.version,
               Phase.end_year)
        .select_from(Action)
        .join(Phase, Action.phase_id == Phase.id)
        .outerjoin(Stage, Action.stage_id == Stage.id)
        .outerjoin(Board, Action.board_id == Board.id)
        .outerjoin(Person, Action.owner_id == Person.id)
        .set_label_style(LABEL_STYLE_NONE)
    )  # fmt: skip
    compiled = str(core.compile(dialect=dialect))
    assert _words(compiled) == _words(REGISTER_COLUMNS + REGISTER_FROM)


def _orm_rows(t: Tracker) -> list[ActionRow]:
    """Each action as the ORM reads it, through its relationships: what the register must show."""
    with t.db.reading() as s:
        return [
            ActionRow(
                ref=a.ref,
                title=a.title,
                phase=a.phase.number,
                phase_name=a.phase.name,
                stage=a.stage.number if a.stage else None,
                stage_name=a.stage.name if a.stage else None,
                board=a.board.code if a.board else None,
                board_name=a.board.name if a.board else None,
                owner=owner_label(a.owner.name, a.owner.role) if a.owner else None,
                due=a.due,
                status=a.status,
                rag=a.rag,
                progress=a.progress,
                last_update=a.latest_update_at,
                version=a.version,
                # no due date: the end of its phase (31 March of its end year) is implied
                overdue=(a.due or _end(a.phase.end_year)) < TODAY and a.status in OPEN_STATUSES,
                implied_due=None if a.due else _end(a.phase.end_year),
            )
            for a in s.scalars(select(Action).order_by(Action.ref))
        ]


def _end(year: int | None) -> dt.date:
    return dt.date(year, 3, 31) if year is not None else dt.date.max


def _searchable(t: Tracker) -> dict[str, str]:
    with t.db.reading() as s:
        return {
            a.ref: " ".join(
                (v or "").lower()
                for v in (
                    a.ref,
                    a.title,
                    a.owner and a.owner.name,
                    a.owner and a.owner.role,
                    a.latest_commentary,
                )
            )
            for a in s.scalars(select(Action))
        }


def test_the_register_gives_the_rows_the_orm_reads(tracker: Tracker) -> None:
    import_plan(tracker, REGISTER)
    expected = _orm_rows(tracker)
    text = _searchable(tracker)
    # (filter, which ORM rows it keeps)
    cases = [
        (ActionFilter(), lambda r: True),
        (ActionFilter(board="sfb"), lambda r: r.board == "sfb"),
        (ActionFilter(rag="none"), lambda r: r.rag is None),
        (ActionFilter(status="in progress"), lambda r: r.status == "in progress"),
        (ActionFilter(overdue=True), lambda r: r.overdue),
        (ActionFilter(phase=2), lambda r: r.phase == 2),
        (ActionFilter(search="partnership event"),
         lambda r: "partnership" in text[r.ref] and "event" in text[r.ref]),
    ]  # fmt: skip
    light = open_tracker(tracker.settings)  # plain SQL without SQLAlchemy, as a command reads
    try:
        for f, keep in cases:
            with light.reading_sql() as reader:
                got = list(register_rows(reader, f, TODAY))
            assert got == [r for r in expected if keep(r)], f
    finally:
        light.close()
    # the comparison saw every kind of row: unassigned, overdue, updated, in several phases
    assert len(expected) == 8
    assert any(r.owner is None and r.board is None and r.stage is None for r in expected)
    assert any(r.overdue for r in expected) and any(r.last_update for r in expected)
    assert len({r.phase for r in expected}) > 1
