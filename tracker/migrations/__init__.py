"""Alembic migrations (`versions/`), run by `tracker.db.migrate`.

SCHEMA_HEAD is the newest revision. A test checks it against Alembic's head, so a command can
check a database's schema without loading Alembic or SQLAlchemy."""

SCHEMA_HEAD = "0001"
