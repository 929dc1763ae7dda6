"""Logins of their own for each role, on a PostgreSQL tracker holding a term of governance, with
row security switched on (tests/accounts/test_row_security*.py)."""

from __future__ import annotations

import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).parents[1] / "papers"))
from papers_helpers import ILSC, LPB, SFB, enrich  # noqa: E402

from tracker.db import set_row_security  # noqa: E402
from tracker.models import Action, Board, Meeting, Resolution  # noqa: E402
from tracker.services.accounts import add_account, parse_role  # noqa: E402
from tracker.services.context import Tracker  # noqa: E402

PASSWORD = "a long enough password"
# who -> (account login, role)
ROLES = {
    "lee": ("lee", f"board_secretary:{LPB}"), "sam": ("sam", f"board_secretary:{SFB}"),
    "vera": ("vera", "viewer"), "kirsty": ("kirsty-woodhead", "action_owner"),
    "pat": ("pat", "programme_manager"), "cora": ("cora", f"committee_officer:{ILSC}"),
    "mia": ("mia", f"board_member:{LPB}"),
}  # fmt: skip


@pytest.fixture
def secured(loaded: Tracker, tmp_path: Path) -> Iterator[tuple[Tracker, dict[str, str]]]:
    term = enrich(loaded, tmp_path)
    tag = uuid.uuid4().hex[:8]
    logins = {who: f"tracker_{who}_{tag}" for who in ROLES}
    with term.db.engine.begin() as conn:
        for login in logins.values():
            conn.exec_driver_sql(f'CREATE ROLE "{login}" LOGIN')
            conn.exec_driver_sql(f'GRANT USAGE ON SCHEMA public TO "{login}"')
            conn.exec_driver_sql("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "
                                 f'public TO "{login}"')  # fmt: skip
            conn.exec_driver_sql(f'GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO "{login}"')
    admin = add_account(term, "root-admin", "Root Admin", PASSWORD, [parse_role("admin")])
    as_admin = Tracker(term.settings, db=term.db, account=admin)
    for who, (login, role) in ROLES.items():
        add_account(as_admin, login, who.title(), None, [parse_role(role)],
                    database_login=logins[who])  # fmt: skip
    set_row_security(term.db, True)
    try:
        yield term, logins
    finally:
        set_row_security(term.db, False)
        with term.db.engine.begin() as conn:
            for login in logins.values():
                conn.exec_driver_sql(f'DROP OWNED BY "{login}"')
                conn.exec_driver_sql(f'DROP ROLE "{login}"')


def connect(term: Tracker, login: str) -> psycopg.Connection:
    url = term.db.engine.url.set(drivername="postgresql", username=login, password=None)
    return psycopg.connect(url.render_as_string(hide_password=False))


def ids(term: Tracker) -> dict[str, int]:
    with term.db.reading() as s:
        boards = {b.code: b.id for b in s.scalars(select(Board)).all()}
        actions = {a.ref: a.id for a in s.scalars(select(Action)).all()}
        resolution = s.scalars(  # one of SFB's minutes
            select(Resolution.id).join(Meeting, Meeting.id == Resolution.meeting_id)
            .where(Meeting.board_id == boards[SFB]).order_by(Resolution.id)
        ).first()  # fmt: skip
    assert resolution is not None
    return {"sfb": boards[SFB], "lpb": boards[LPB], "ilsc": boards[ILSC],
            "P1-01": actions["P1-01"], "P1-04": actions["P1-04"], "resolution": resolution}  # fmt: skip


def changed(term: Tracker, login: str, sql: str, *args: object) -> int:
    """Rows the statement changed, as that login sees them (rolled back afterwards)."""
    with connect(term, login) as conn:
        try:
            return conn.execute(sql, args).rowcount
        finally:
            conn.rollback()


def refused(term: Tracker, login: str, sql: str, *args: object) -> bool:
    """Whether the database refuses the statement for that login (row-level security)."""
    with connect(term, login) as conn:
        try:
            conn.execute(sql, args)
        except psycopg.errors.InsufficientPrivilege as error:
            return "row-level security" in str(error)
        finally:
            conn.rollback()
    return False


def seen(term: Tracker, login: str, sql: str, *args: object) -> int:
    with connect(term, login) as conn:
        row = conn.execute(sql, args).fetchone()
        assert row is not None
        return int(row[0])
