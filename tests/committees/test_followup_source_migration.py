"""Migration 0016_followupsource on a database already holding follow-ups: each gets the source
that can be known (its resolution, its escalation, what the audit trail says of its making), the
rest "unrecorded"; responses survive; a source outside the list is refused; and the downgrade
takes the column away and leaves every row, on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.exc import IntegrityError

from tracker.db import Database, alembic_config, migrate
from tracker.migrations import SCHEMA_HEAD

BEFORE = "0015_importfast"
PG_ADMIN = os.environ.get("TRACKER_TEST_PG_URL", "postgresql://127.0.0.1:5432/test")


@pytest.fixture(params=["sqlite", "postgresql"])
def older(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A database of its own at 0015 (the schema before follow-ups kept a source)."""
    if request.param == "sqlite":
        db = Database(f"sqlite:///{tmp_path / 'older.db'}")
        migrate(db, BEFORE)
        yield db
        db.dispose()
        return
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:  # noqa: BLE001 - any connection failure means "no server"
        admin.dispose()
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL not reachable at {PG_ADMIN} (required under CI=true)")
        pytest.skip(f"PostgreSQL not reachable: {exc.__class__.__name__}")
    name = f"tracker_mig_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    db = Database(admin.url.set(database=name).render_as_string(hide_password=False))
    try:
        migrate(db, BEFORE)
        yield db
    finally:
        db.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


# (id, linked to the resolution, the audit entries of its making: (operation, field, new))
MADE = {
    1: (True, [("import", "from", "minutes line 4")]),  # the reader's, under a resolution
    2: (False, [("import", "owner", "Clerk"), ("import", "from", "minutes line 9")]),
    3: (False, [("import", "from", "minutes line 12, taken in review")]),
    4: (False, [("import", "from", "added in review")]),
    5: (False, [("import", "text", "Circulate the notes")]),  # imported before "from" was kept
    6: (False, [("create", "owner", "Clerk")]),  # an action arising typed when holding
    7: (False, [("update", "status", "done")]),  # nothing says how it was made
    8: (False, []),
}
WANTED = {1: "resolution", 2: "minuted", 3: "review", 4: "hand", 5: "minuted", 6: "hand",
          7: "unrecorded", 8: "unrecorded"}  # fmt: skip


def _fill(db: Database) -> None:
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO board (id, code, name, kind, version) "
                          "VALUES (1, 'hc', 'Harbour Committee', 'committee', 1)"))  # fmt: skip
        conn.execute(text("INSERT INTO meeting (id, board_id, date, status, version, uid) "
                          "VALUES (1, 1, '2026-02-03', 'held', 1, 'u-m1')"))  # fmt: skip
        conn.execute(text("INSERT INTO resolution (id, meeting_id, number, position, kind, text, "
                          "fingerprint) VALUES (1, 1, '1', 0, 'resolved', 'That the quay be "
                          "mended', 'fp-r1')"))  # fmt: skip
        for fid, (linked, entries) in MADE.items():
            conn.execute(
                text("INSERT INTO followup (id, meeting_id, resolution_id, position, text, "
                     "status, fingerprint, version, uid) VALUES (:id, 1, :rid, :id, :text, "
                     "'open', :fp, 1, :uid)"),
                {"id": fid, "rid": 1 if linked else None, "text": f"Task {fid}",
                 "fp": f"fp-{fid}", "uid": f"u-f{fid}"},
            )  # fmt: skip
            for operation, field, new in entries:
                conn.execute(
                    text("INSERT INTO audit_entry (at, actor, operation, entity, entity_key, "
                         "field, new) VALUES ('2026-02-04 10:00:00', 'clerk', :op, 'followup', "
                         ":key, :field, :new)"),
                    {"op": operation, "key": str(fid), "field": field, "new": new},
                )  # fmt: skip
        conn.execute(text("INSERT INTO followup_response (followup_id, recorded_at, recorded_by, "
                          "status, text) VALUES (2, '2026-02-10 09:00:00', 'clerk', 'in progress', "
                          "'Quote asked for')"))  # fmt: skip


def test_the_upgrade_gives_each_followup_what_can_be_known_and_the_downgrade_keeps_them(
    older: Database,
) -> None:
    _fill(older)
    migrate(older)
    assert older.schema_version() == SCHEMA_HEAD
    with older.engine.connect() as conn:
        found = dict(conn.execute(text("SELECT id, source FROM followup ORDER BY id")).all())
        responses = conn.execute(text("SELECT count(*) FROM followup_response")).scalar_one()
    assert found == WANTED
    assert responses == 1  # the table was not copied over (its cascade would delete them)
    with pytest.raises(IntegrityError), older.engine.begin() as conn:
        conn.execute(text("UPDATE followup SET source = 'by owl' WHERE id = 8"))

    command.downgrade(alembic_config(older), BEFORE)
    assert older.schema_version() == BEFORE
    columns = {c["name"] for c in inspect(older.engine).get_columns("followup")}
    assert "source" not in columns
    with older.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM followup")).scalar_one() == len(MADE)
        assert conn.execute(text("SELECT count(*) FROM followup_response")).scalar_one() == 1
    migrate(older)  # and up again: the same answer
    with older.engine.connect() as conn:
        again = dict(conn.execute(text("SELECT id, source FROM followup ORDER BY id")).all())
    assert again == WANTED
