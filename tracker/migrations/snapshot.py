"""The schema at SCHEMA_HEAD as SQL, derived from the migrations, for `tracker init`.

A new, empty database is given the schema the migrations 0001..head would make, by the driver
alone: running Alembic and loading SQLAlchemy for them cost `tracker init` about 0.9 s of CPU.
The migrations stay the only place the schema is written: the stored SQL (`snapshot/`) is
generated from them, and tests/test_schema_snapshot.py fails when a migration changes without
it being generated again:

    .venv/bin/python -m tracker.migrations.snapshot

- SQLite: the migrations run on a new file; the snapshot is the `sql` of every table, index and
  trigger in `sqlite_master`, in one order (`canonical_sqlite`), and the alembic_version row.
- PostgreSQL: the migrations run in a schema of their own, in a transaction rolled back at the
  end; the snapshot is every statement they sent except the reads (DDL, functions, policies,
  the alembic_version stamps), in the order sent.

Any database that is not empty (an older schema, an init cut short) still goes through the
migrations.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import tempfile
from pathlib import Path
from typing import Any

from tracker.migrations import SCHEMA_HEAD

FOLDER = Path(__file__).parent / "snapshot"
DIALECTS = ("sqlite", "postgresql")
REGENERATE = ".venv/bin/python -m tracker.migrations.snapshot"
# where the PostgreSQL snapshot is made (a schema of its own, rolled back)
PG_URL = os.environ.get("TRACKER_SNAPSHOT_PG_URL", "postgresql://127.0.0.1:5432/test")
_HEADER = (
    f"-- The schema at {{head}}, generated from the migrations by `{REGENERATE}`.\n"
    "-- Do not edit: write a migration, then generate this again.\n"
)
_READS = ("select", "show", "pragma")


def stored(dialect: str) -> str:
    """The stored snapshot's SQL for 'sqlite' or 'postgresql'."""
    return (FOLDER / f"{dialect}.sql").read_text(encoding="utf-8")


def stored_head(sql: str) -> str:
    """The revision a snapshot's text is at (its first line)."""
    return sql.split("The schema at ", 1)[1].split(",", 1)[0]


def is_current(dialect: str) -> bool:
    """Is the stored snapshot at the newest migration? In a tree with a migration newer than
    its snapshot (until `REGENERATE` is run; a test fails meanwhile) init runs the migrations."""
    return stored_head(stored(dialect)) == SCHEMA_HEAD


def apply_sqlite(conn: sqlite3.Connection, *, wal: bool = True) -> None:
    """Give an empty SQLite database the schema at head, as `tracker.db` opens a file (WAL).
    wal=False: the file keeps SQLite's rollback journal (`tracker init` fills a new file so,
    then turns it to WAL)."""
    sql = stored("sqlite")
    if stored_head(sql) != SCHEMA_HEAD:
        raise RuntimeError(f"the schema snapshot is out of date: run {REGENERATE}")
    if wal:
        conn.execute("PRAGMA journal_mode=WAL")
    conn.executescript(f"BEGIN;\n{sql}\nCOMMIT;")


def apply_postgresql(cursor: Any) -> None:
    """Give an empty PostgreSQL database the schema at head, in the cursor's transaction."""
    sql = stored("postgresql")
    if stored_head(sql) != SCHEMA_HEAD:
        raise RuntimeError(f"the schema snapshot is out of date: run {REGENERATE}")
    cursor.execute(sql)  # no parameters: psycopg sends the statements as one script


def generate(dialect: str, pg_url: str = PG_URL) -> str:
    """The snapshot the migrations give now (loads Alembic and SQLAlchemy)."""
    body = _generate_sqlite() if dialect == "sqlite" else _generate_postgresql(pg_url)
    return _HEADER.format(head=SCHEMA_HEAD) + body


_ORDER = {"table": 0, "index": 1, "trigger": 2, "view": 3}
_CONSTRAINT = ("constraint", "primary", "unique", "foreign", "check")


def canonical_sqlite(rows: list[tuple[str, str, str]]) -> list[str]:
    """A SQLite schema's statements from (type, name, sql) rows of sqlite_master, in one order
    whatever order the migrations made them in: tables, indexes, triggers, each by name, and a
    table's constraints by their text after its columns. Alembic's batch migrations write a
    table's constraints in the order of a Python set (it differs run to run); the order
    changes nothing SQLite does, and SQLite checks a foreign key's table only when used."""
    chosen = sorted(
        (_ORDER[t], n, sql) for t, n, sql in rows if sql and not n.startswith("sqlite_")
    )
    return [_canonical_table(sql) if kind == 0 else sql for kind, _, sql in chosen]


def _canonical_table(sql: str) -> str:
    head, rest = sql.split("(", 1)
    body, tail = rest.rsplit(")", 1)
    clauses = [c.strip() for c in _top_level(body)]
    columns = [c for c in clauses if c.split(None, 1)[0].lower() not in _CONSTRAINT]
    constraints = sorted(c for c in clauses if c.split(None, 1)[0].lower() in _CONSTRAINT)
    return f"{head.rstrip()} (\n\t" + ",\n\t".join(columns + constraints) + f"\n){tail}"


def _top_level(body: str) -> list[str]:
    """The comma-separated clauses of a CREATE TABLE body (not the commas inside brackets or
    quotes)."""
    parts, depth, quote, start = [], 0, "", 0
    for i, ch in enumerate(body):
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "'\"`[":
            quote = "]" if ch == "[" else ch
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(body[start:i])
            start = i + 1
    parts.append(body[start:])
    return parts


def _generate_sqlite() -> str:
    from tracker.db import Database, migrate

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "snapshot.db"
        db = Database(f"sqlite:///{path}")
        try:
            migrate(db)
        finally:
            db.dispose()
        conn = sqlite3.connect(path)
        try:
            rows = conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall()
            (version,) = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    statements = canonical_sqlite(rows)
    statements.append(f"INSERT INTO alembic_version (version_num) VALUES ('{version}')")
    return "".join(f"{s};\n" for s in statements)


def _generate_postgresql(url: str) -> str:
    from alembic import command
    from sqlalchemy import event

    from tracker.db import Database, alembic_config

    db = Database(url)
    sent: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, params: Any, *_rest: Any) -> None:
        words = statement.lstrip().split(None, 1)
        if not words or words[0].lower() in _READS:
            return
        if params:
            raise RuntimeError(
                f"a migration sent a statement with parameters, which a snapshot cannot hold: "
                f"{statement!r} {params!r}"
            )
        sent.append(statement.strip().rstrip(";"))

    try:
        with db.engine.connect() as conn:
            transaction = conn.begin()
            try:
                conn.exec_driver_sql("CREATE SCHEMA tracker_snapshot")
                conn.exec_driver_sql("SET LOCAL search_path TO tracker_snapshot")
                event.listen(conn, "before_cursor_execute", record)
                db.connection = conn
                command.upgrade(alembic_config(db), "head")
                event.remove(conn, "before_cursor_execute", record)
            finally:
                db.connection = None
                transaction.rollback()
    finally:
        db.dispose()
    return "".join(f"{s};\n\n" for s in sent)


def main() -> int:
    """Write every dialect's snapshot from the migrations."""
    FOLDER.mkdir(exist_ok=True)
    for dialect in DIALECTS:
        path = FOLDER / f"{dialect}.sql"
        text = generate(dialect)
        changed = not path.exists() or path.read_text(encoding="utf-8") != text
        path.write_text(text, encoding="utf-8")
        print(f"{path}: {'written' if changed else 'unchanged'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
