"""`tracker init`, `tracker db ...` and opening the app."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

import click

from tracker.cli.common import TrackerCommand, TrackerGroup, state
from tracker.vocabulary import counted

if TYPE_CHECKING:
    from tracker.config import Settings


@click.command(
    cls=TrackerCommand,
    epilog="""\b
Examples:
  tracker init                    create tracker.db and load plans/early-help-2024-2029.yaml
  tracker init --if-missing       the same, silently doing nothing when it already exists
  TRACKER_DB_URL=postgresql://127.0.0.1/tracker tracker init    a shared PostgreSQL database""",
)
@click.option("--if-missing", is_flag=True, help="Say nothing when the database already exists.")
def init(if_missing: bool) -> None:
    """Create the database and load the plans listed in tracker.toml.

    Runs only once: an existing database is never overwritten (its schema is upgraded if needed).
    All or nothing: stopped part-way, it leaves no database, and running it again starts afresh.
    Another program's database, or one made by a newer tracker, is refused and left as it was.
    """
    from tracker.cli.progress import progress_bar
    from tracker.plans import read_ahead

    settings = state().settings()
    path = settings.sqlite_path()
    fresh = path is None or not path.exists()  # else the plans are most likely in already
    # the plans are read and parsed in threads while the database code loads
    with read_ahead(settings.plans if fresh else ()) as ahead:
        from tracker.services.context import display_url
        from tracker.services.setup import init_database

        with progress_bar("creating the database") as progress:
            result = init_database(settings, progress, ahead)
    where = display_url(settings.database_url)
    if result.created:
        if result.rebuilt:
            click.echo(f"the database at {where} was empty (an init that did not finish)")
        click.echo(f"created the database at {where} (schema {result.schema})")
        for plan in result.plans_loaded:
            click.echo(f"loaded {plan}")
        click.echo(f"{counted(result.actions, 'actions')} in the plan")
    elif not if_missing:
        click.echo(
            f"the database at {where} already exists (schema {result.schema}); left as it is"
        )


@click.group(cls=TrackerGroup)
def db() -> None:
    """The database schema (created and upgraded by migrations)."""


@db.command(
    epilog="""\b
Examples:
  tracker db upgrade
  TRACKER_DB_URL=postgresql://127.0.0.1/tracker tracker db upgrade""",
)
def upgrade() -> None:
    """Upgrade the database schema to this version of tracker (keeps all data)."""
    from tracker.services.setup import upgrade_database

    version = upgrade_database(state().settings())
    click.echo(f"the database schema is at {version}")


@db.command(
    epilog="""\b
Examples:
  tracker db downgrade 0001       back to schema 0001, for the tracker version that made it
  tracker db downgrade base --delete-all-data    remove every table (keep a copy first)""",
)
@click.argument("revision")
@click.option(
    "--delete-all-data", is_flag=True, help="Needed to go back to 'base': drops every table."
)
def downgrade(revision: str, delete_all_data: bool) -> None:
    """Take the schema back to an older REVISION, to use an older tracker (see README.md)."""
    from tracker.services.setup import downgrade_database

    if revision == "base" and not delete_all_data:
        raise click.UsageError(
            "going back to 'base' deletes every table and all the data: "
            "add --delete-all-data if that is what you want (keep a copy first)"
        )
    version = downgrade_database(state().settings(), revision, delete_all_data=delete_all_data)
    if version == "base":
        click.echo("the database has no tracker schema now; `tracker init` makes a new one")
    else:
        click.echo(f"the database schema is at {version}; install the tracker that uses it")


@db.command(epilog="\b\nExample:\n  tracker db current")
def current() -> None:
    """Show the database's schema version and the one this tracker needs."""
    from tracker.errors import NotReady
    from tracker.services.context import display_url
    from tracker.services.setup import schema_status

    settings = state().settings()
    have, need = schema_status(settings)
    if have is None:
        raise NotReady(
            f"no database at {display_url(settings.database_url)} (tracker needs schema {need})",
            remedy="create the database",
        )
    click.echo(f"database: {have}; tracker needs: {need}")


@click.command(
    "app",
    cls=TrackerCommand,
    epilog="\b\nExample:\n  tracker app      (the same as plain `tracker`)",
)
def open_app() -> None:
    """Open the terminal app. Creates the database from the plans on first run."""
    settings = state().settings()  # a bad tracker.toml is said first, terminal or not
    ticket = os.environ.pop("TRACKER_TICKET", None)  # not handed on to anything it starts
    if ticket is not None:  # a browser session's app process (tracker serve starts it)
        from tracker.ui.app import create_app

        # redeemed before anything is shown: unknown, used or expired, it exits 4
        create_app(settings, ticket=ticket).run()
        return
    if not sys.stdin.isatty():  # from a script, cron or a pipe: the app would spin, unseen
        click.echo(
            "tracker: the app needs a terminal (standard input is not one); "
            "run a command instead, e.g. `tracker actions list` (see `tracker --help`)",
            err=True,
        )
        raise SystemExit(2)
    path = settings.sqlite_path()
    # An existing SQLite file is checked by the app itself, after its first paint; anything
    # else is checked here, creating the database on first run.
    if path is None or not path.exists():
        from tracker.services.setup import database_exists, init_database

        if not database_exists(settings):
            result = init_database(settings)
            click.echo(f"created the database with {counted(result.actions, 'actions')}", err=True)
    from tracker.ui.app import create_app

    create_app(settings).run()


app = open_app


@click.command(
    "demo",
    cls=TrackerCommand,
    epilog="""\b
Examples:
  tracker demo                     open the demo plan (creates tracker-demo.db the first time)
  tracker demo --fresh             start the demo again from the beginning
  tracker demo --db /tmp/demo.db --no-app    create it somewhere else, without opening the app
  TRACKER_DB_URL=sqlite:///tracker-demo.db tracker actions list    the CLI on the demo
The demo is a fictional council (Brookfield) with owners, boards, meetings, status updates,
follow-ups and indicators. It never touches your own database.""",
)
@click.option("--db", "db_path", type=click.Path(dir_okay=False),
              help="The demo's own SQLite file (default: tracker-demo.db here).")  # fmt: skip
@click.option("--fresh", is_flag=True, help="Delete the demo database first and start again.")
@click.option("--no-app", is_flag=True, help="Create the demo database and stop.")
def demo(db_path: str | None, fresh: bool, no_app: bool) -> None:
    """Open a fictional, fully populated plan in a database of its own."""
    import dataclasses
    from pathlib import Path

    from tracker.config import SettingsError, load_settings
    from tracker.demo import DEMO_DATABASE, DEMO_PLAN, DEMO_USER
    from tracker.errors import InvalidInput, Problem
    from tracker.services.setup import database_exists, init_database

    path = Path(db_path or DEMO_DATABASE).resolve()
    try:
        mine = load_settings()
    except SettingsError:
        mine = None
    if mine is not None and mine.sqlite_path() is not None and mine.sqlite_path() == path:
        raise InvalidInput(Problem("db", f"{path} is your own database, not a demo's",
                                   "another file, e.g. tracker-demo.db"))  # fmt: skip
    base = mine or load_settings_default()
    settings = dataclasses.replace(
        base, database_url=f"sqlite:///{path}", plans=(DEMO_PLAN,), user=DEMO_USER, today=None
    )
    if fresh:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    if not database_exists(settings):
        result = init_database(settings)
        challenged = _demo_reviews(settings)
        click.echo(f"created the demo at {path}: {result.actions} fictional actions, "
                   f"{counted(challenged, 'updates')} challenged at board meetings", err=True)  # fmt: skip
    else:
        click.echo(f"the demo at {path} (tracker demo --fresh starts it again)", err=True)
    if no_app:
        return
    from tracker.ui.app import create_app

    create_app(settings).run()


def _demo_reviews(settings: Settings) -> int:
    """The demo boards' verdicts at their meetings held (a plan file does not carry them)."""
    from tracker.demo import DEMO_REVIEWS
    from tracker.services.context import open_tracker
    from tracker.services.demo import MeetingReview, add_reviews

    t = open_tracker(settings)
    try:
        return add_reviews(t, [MeetingReview(b, on, c) for b, on, c in DEMO_REVIEWS])
    finally:
        t.close()


def load_settings_default() -> Settings:
    from tracker.config import Settings

    return Settings(database_url="sqlite:///tracker-demo.db")
