"""PostgreSQL row security (`[database] row_security = true`): the same rules as the services,
as policies, so a person with their own database login cannot get round them with psql. Each
role connects as its own PostgreSQL login and writes SQL directly."""

from __future__ import annotations

import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).parents[1] / "papers"))
from papers_helpers import LPB, SFB, enrich  # noqa: E402

from tracker.db import set_row_security  # noqa: E402
from tracker.models import Action, Board  # noqa: E402
from tracker.services.accounts import add_account, parse_role  # noqa: E402
from tracker.services.context import Tracker  # noqa: E402

PASSWORD = "a long enough password"


@pytest.fixture
def secured(loaded: Tracker, tmp_path: Path) -> Iterator[tuple[Tracker, dict[str, str]]]:
    if loaded.settings.is_sqlite:
        pytest.skip("row security is PostgreSQL's")
    term = enrich(loaded, tmp_path)
    tag = uuid.uuid4().hex[:8]
    logins = {who: f"tracker_{who}_{tag}" for who in ("lee", "sam", "vera", "kirsty")}
    with term.db.engine.begin() as conn:
        for login in logins.values():
            conn.exec_driver_sql(f'CREATE ROLE "{login}" LOGIN')
            conn.exec_driver_sql(f'GRANT USAGE ON SCHEMA public TO "{login}"')
            conn.exec_driver_sql("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "
                                 f'public TO "{login}"')  # fmt: skip
            conn.exec_driver_sql(f'GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO "{login}"')
    admin = add_account(term, "root-admin", "Root Admin", PASSWORD, [parse_role("admin")])
    as_admin = Tracker(term.settings, db=term.db, account=admin)
    roles = {"lee": f"board_secretary:{LPB}", "sam": f"board_secretary:{SFB}",
             "vera": "viewer", "kirsty": "action_owner"}  # fmt: skip
    for who, role in roles.items():
        login = "kirsty-woodhead" if who == "kirsty" else who
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
    return {"sfb": boards[SFB], "lpb": boards[LPB], "P1-01": actions["P1-01"],
            "P1-04": actions["P1-04"]}  # fmt: skip


def changed(term: Tracker, login: str, sql: str, *args: object) -> int:
    """Rows the statement changed, as that login sees them (rolled back afterwards)."""
    with connect(term, login) as conn:
        try:
            return conn.execute(sql, args).rowcount
        finally:
            conn.rollback()


def test_each_login_changes_only_what_its_role_allows(
    secured: tuple[Tracker, dict[str, str]],
) -> None:
    term, logins = secured
    n = ids(term)
    verdicts = "UPDATE update_review SET comment = 'changed in psql' WHERE board_id = %s"
    assert changed(term, logins["sam"], verdicts, n["lpb"]) == 0  # another board's: not seen
    assert changed(term, logins["lee"], verdicts, n["lpb"]) > 0  # its secretary's
    assert changed(term, logins["vera"], verdicts, n["lpb"]) == 0
    with connect(term, logins["sam"]) as conn:  # reading is open to everyone
        assert conn.execute("SELECT count(*) FROM update_review WHERE board_id = %s",
                            (n["lpb"],)).fetchone()[0] > 0  # fmt: skip
    updates = "UPDATE status_update SET commentary = 'changed in psql' WHERE action_id = %s"
    assert changed(term, logins["kirsty"], updates, n["P1-01"]) > 0  # she owns P1-01
    assert changed(term, logins["kirsty"], updates, n["P1-04"]) == 0  # Kelly White's
    assert changed(term, logins["vera"], updates, n["P1-01"]) == 0
    meetings = "DELETE FROM meeting WHERE board_id = %s"
    assert changed(term, logins["lee"], meetings, n["sfb"]) == 0
    assert changed(term, logins["sam"], meetings, n["sfb"]) > 0


def test_a_new_row_for_another_board_is_refused_by_the_database(
    secured: tuple[Tracker, dict[str, str]],
) -> None:
    term, logins = secured
    n = ids(term)
    with connect(term, logins["sam"]) as conn:
        row = conn.execute("SELECT update_id, meeting_id FROM update_review WHERE board_id = %s "
                           "LIMIT 1", (n["lpb"],)).fetchone()  # fmt: skip
        assert row is not None
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            conn.execute(
                "INSERT INTO update_review (update_id, board_id, meeting_id, outcome, "
                "recorded_by, recorded_at) VALUES (%s, %s, %s, 'noted', 'sam', now())",
                (row[0], n["lpb"], row[1]),
            )


def test_the_setting_switches_row_security_on_at_upgrade(tracker: Tracker, settings_file: Path) -> None:
    from tracker.config import load_settings
    from tracker.services.setup import upgrade_database

    if tracker.settings.is_sqlite:
        pytest.skip("row security is PostgreSQL's")
    text = settings_file.read_text(encoding="utf-8")
    settings_file.write_text(text.replace("[database]\n", "[database]\nrow_security = true\n"),
                             encoding="utf-8")  # fmt: skip
    settings = load_settings(settings_file)
    assert settings.row_security

    def secured() -> dict[str, bool]:
        with tracker.db.engine.connect() as conn:
            rows = conn.exec_driver_sql(
                "SELECT relname, relrowsecurity FROM pg_class WHERE relname IN "
                "('update_review', 'meeting', 'status_update', 'action')").all()
        return {name: bool(on) for name, on in rows}

    try:
        upgrade_database(settings)
        assert secured() == {"update_review": True, "meeting": True, "status_update": True,
                             "action": False}  # fmt: skip
    finally:
        set_row_security(tracker.db, False)
    assert not any(secured().values())
