"""PostgreSQL row security (`[database] row_security = true`): the same rules as the services,
as policies, so a person with their own database login cannot get round them with psql. Each
role connects as its own PostgreSQL login and writes SQL directly."""

from __future__ import annotations

import sys
from pathlib import Path

import psycopg
import pytest

sys.path.insert(0, str(Path(__file__).parent))
from row_security_helpers import changed, connect, ids, secured  # noqa: E402

from tracker.db import ROW_SECURITY_TABLES, set_row_security  # noqa: E402
from tracker.services.context import Tracker  # noqa: E402

__all__ = ["secured"]  # the fixture
# row security is PostgreSQL's: these run there only (never a skip on SQLite)
pytestmark = pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)


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


def test_the_setting_switches_row_security_on_at_upgrade(
    tracker: Tracker, settings_file: Path
) -> None:
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
                "SELECT relname, relrowsecurity FROM pg_class JOIN pg_namespace n ON "
                "n.oid = relnamespace WHERE relkind = 'r' AND nspname = current_schema()"
            ).all()
        return {name: bool(on) for name, on in rows}

    def with_policies() -> set[str]:
        with tracker.db.engine.connect() as conn:
            return set(conn.exec_driver_sql("SELECT DISTINCT tablename FROM pg_policies WHERE "
                                            "schemaname = current_schema()").scalars())  # fmt: skip

    # every table but Alembic's has policies: each is one a write use case changes
    assert with_policies() == set(ROW_SECURITY_TABLES)
    assert set(secured()) - set(ROW_SECURITY_TABLES) == {"alembic_version"}
    try:
        upgrade_database(settings)
        on = secured()
        assert all(on[name] for name in ROW_SECURITY_TABLES) and not on["alembic_version"]
    finally:
        set_row_security(tracker.db, False)
    assert not any(secured().values())
