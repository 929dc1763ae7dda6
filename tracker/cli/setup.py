"""`tracker init`, `tracker db ...` and opening the app."""

from __future__ import annotations

import sys

import click

from tracker.cli.common import TrackerCommand, TrackerGroup, state


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
    from tracker.services.context import display_url
    from tracker.services.setup import init_database

    settings = state().settings()
    with progress_bar("creating the database") as progress:
        result = init_database(settings, progress)
    where = display_url(settings.database_url)
    if result.created:
        if result.rebuilt:
            click.echo(f"the database at {where} was empty (an init that did not finish)")
        click.echo(f"created the database at {where} (schema {result.schema})")
        for plan in result.plans_loaded:
            click.echo(f"loaded {plan}")
        click.echo(f"{result.actions} actions in the plan")
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
            click.echo(f"created the database with {result.actions} actions", err=True)
    from tracker.ui.app import create_app

    create_app(settings).run()


app = open_app
