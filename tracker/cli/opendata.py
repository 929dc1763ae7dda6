"""`tracker opendata export DIR`: the governance as Popolo JSON, the actions as a Decidim
Accountability CSV."""

from __future__ import annotations

from pathlib import Path

import click

from tracker.cli.common import TrackerGroup, state
from tracker.vocabulary import counted


@click.group(
    cls=TrackerGroup,
    epilog="""\b
Examples:
  tracker opendata export open-data/
The folder gets popolo.json (Popolo / Open Civic Data: organizations = boards and committees,
persons, memberships = chairs and attendance, events = meetings, motions = resolutions with
their outcomes as vote_events) and accountability.csv (the actions with status and progress, in
the layout Decidim's Accountability component imports).""",
)
def opendata() -> None:
    """Publish the governance and the delivery plan as open data."""


@opendata.command(
    epilog="""\b
Examples:
  tracker opendata export open-data/
Each file is written whole (to a temporary file, then renamed). Exit codes: 0 written, 2 the
folder does not exist.""",
)
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
def export(folder: Path) -> None:
    """Write popolo.json and accountability.csv into FOLDER."""
    from tracker.services.opendata import export_opendata

    done = export_opendata(state().tracker(), folder)
    click.echo(
        f"wrote {done.files[0]}: {counted(done.organizations, 'organizations')}, "
        f"{counted(done.persons, 'persons')}, {counted(done.memberships, 'memberships')}, "
        f"{counted(done.events, 'events')}, {counted(done.motions, 'motions')}"
    )
    click.echo(
        f"wrote {done.files[1]}: {counted(done.actions, 'actions')} (Decidim Accountability layout)"
    )
