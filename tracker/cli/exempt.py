"""`tracker exempt KIND KEY --paragraph N | --public`: withhold an item from public papers,
calendars and open data (Schedule 12A), or publish it again."""

from __future__ import annotations

import click

from tracker.cli.common import TrackerCommand, state
from tracker.text import visible


@click.command(
    "exempt",
    cls=TrackerCommand,
    epilog="""\b
Examples:
  tracker exempt action P1-03 --paragraph 3       financial or business affairs
  tracker exempt followup 12 --paragraph 1        information relating to an individual
  tracker exempt resolution 4 --public            publish it again
KIND: action (by ref), resolution, followup or meeting-item (by id). Paragraphs of Schedule 12A
to the Local Government Act 1972: 1 an individual, 2 identity, 3 financial or business affairs,
4 labour relations, 5 legal privilege, 6 notices and orders, 7 crime. A public paper (the
default), the calendar and open data show the item as "exempt item (paragraph N)"; a paper
rendered with --confidential shows it in full.""",
)
@click.argument("kind", type=click.Choice(["action", "resolution", "followup", "meeting-item"]))
@click.argument("key")
@click.option("--paragraph", type=click.IntRange(1, 7), help="Schedule 12A paragraph (1-7).")
@click.option("--public", is_flag=True, help="Not exempt: publish it again.")
def exempt(kind: str, key: str, paragraph: int | None, public: bool) -> None:
    """Mark an item exempt from publication (Schedule 12A), or public again."""
    from tracker.services.exempt import mark_exempt

    if public == (paragraph is not None):
        raise click.UsageError("give --paragraph N (1-7) or --public")
    done = mark_exempt(state().tracker(), kind, key, None if public else paragraph)
    what = f"{kind} {done.key} ({visible(done.text)[:60]})"
    if done.paragraph is None:
        click.echo(f"{what} is public")
    else:
        click.echo(f"{what} is exempt under paragraph {done.paragraph}: public papers, the "
                   "calendar and open data show 'exempt item "
                   f"(paragraph {done.paragraph})'")  # fmt: skip
