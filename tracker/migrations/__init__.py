"""Alembic migrations (`versions/`), run by `tracker.db.migrate`.

SCHEMA_HEAD is the newest revision. A test checks it against Alembic's head, so a command can
check a database's schema without loading Alembic or SQLAlchemy."""

SCHEMA_HEAD = "0016_followupsource"


def known_revisions() -> frozenset[str]:
    """Every revision this tracker has a migration for (the `revision = "..."` line of each
    file in versions/). A database at any other revision was made by a newer tracker."""
    import re
    from pathlib import Path

    folder = Path(__file__).parent / "versions"
    line = re.compile(r'^revision(?:: str)? = "([^"]+)"', re.M)
    found = (line.search(p.read_text(encoding="utf-8")) for p in folder.glob("[0-9]*_*.py"))
    return frozenset(m.group(1) for m in found if m)


def is_newer(version: str) -> bool:
    """A revision this tracker has no migration for, after its newest (ids are numbered)."""
    return version not in known_revisions() and version > SCHEMA_HEAD


def newer_schema_message(version: str) -> str:
    return (
        f"this database was made by a newer tracker (schema {version}; this one knows schemas "
        f"up to {SCHEMA_HEAD}): install that newer version of tracker to use it, or restore "
        'the copy you made before upgrading (see README.md, "Going back a version")'
    )
