"""`tracker paper list` and `tracker paper render TEMPLATE --board BOARD ...`."""

from __future__ import annotations

import datetime as dt
import sys

import click

from tracker.cli.common import TrackerGroup, date_type, echo_data, emit, state

LIST_COLUMNS = ("name", "kind", "title", "format", "source", "overrides")


@click.group(
    cls=TrackerGroup,
    epilog="""\b
Examples:
  tracker paper list
  tracker paper render highlight --board supporting-families-board --meeting 2026-03-10
  tracker paper render exception --board supporting-families-board --format html
  tracker paper render matters-arising --board improving-lives-select-commission \\
      --meeting 2026-03-24 --out /tmp/matters.md
Templates: board_reports/ (README.md there lists every variable); your own folder
(papers.templates in tracker.toml) overrides them by name.""",
)
def paper() -> None:
    """Board papers from templates: highlight, exception, matters arising, cover, outcomes."""


@paper.command(
    "list",
    epilog="""\b
Examples:
  tracker paper list
  tracker paper list --format json""",
)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
    show_default=True,
)  # fmt: skip
def list_(fmt: str) -> None:
    """The paper templates: bundled, and yours (which override the bundled ones by name)."""
    from tracker.services.papers.render import list_templates

    templates = list_templates(state().settings())
    rows = []
    for item in templates:
        row = item.as_dict()
        if fmt == "table":
            row["kind"] = item.kind or "- (no `paper:` header)"
            row["overrides"] = "overrides the bundled one" if item.overrides else ""
        rows.append(row)
    if fmt != "table":
        emit(rows, (*LIST_COLUMNS, "path", "about"), fmt)
        return
    if not rows:
        click.echo("No paper templates found.")
        return
    emit(rows, LIST_COLUMNS, fmt)


@paper.command(
    "render",
    epilog="""\b
Examples:
  tracker paper render highlight --board supporting-families-board --meeting 2026-03-10
      writes papers/2026-03-10-supporting-families-board-highlight.md and prints its path
  tracker paper render highlight --board supporting-families-board --as-of 2026-01-31
      the position as it stood on a past date
  tracker paper render cover --board cabinet --meeting 2026-03-17 --format html
      a printable HTML page
  tracker paper render highlight --board supporting-families-board --format docx
      a Word document
  tracker paper render outcomes --board supporting-families-board --out -
      to the terminal""",
)
@click.argument("template")
@click.option("--board", required=True, help="The board or committee (code or name).")
@click.option("--meeting", type=date_type(), help="The board's meeting the paper is for.")
@click.option(
    "--as-of", "as_of", type=date_type(),
    help="The date the figures are at (default: today; the day before a later meeting).",
)  # fmt: skip
@click.option(
    "--format", "fmt", type=click.Choice(["md", "html", "docx"]), default="md",
    show_default=True,
    help="Markdown, a standalone printable HTML page, or a Word document (page numbers, report "
    "reference; papers.docx_reference in tracker.toml for your own fonts, logo and margins).",
)  # fmt: skip
@click.option(
    "--out", type=click.Path(dir_okay=True, allow_dash=True),
    help="File or folder to write to; - for the terminal (default: papers.output in "
    "tracker.toml, under a conventional name).",
)  # fmt: skip
@click.option(
    "--confidential", is_flag=True,
    help="Include exempt items (Schedule 12A): not for publication. Without it a paper is "
    "public and shows each exempt item as 'exempt item (paragraph N)'.",
)  # fmt: skip
def render(
    template: str, board: str, meeting: dt.datetime | None, as_of: dt.datetime | None,
    fmt: str, out: str | None, confidential: bool,
) -> None:  # fmt: skip
    """Render a paper from a template for a board (and meeting), and print where it went.

    Nothing is written when the template or the input is wrong (exit code 2)."""
    from tracker.services.papers.render import preview_paper, render_paper

    t = state().tracker()
    on = meeting.date() if meeting else None
    at = as_of.date() if as_of else None
    if out == "-":
        shown = preview_paper(t, template, board, on, at, fmt, confidential)
        if fmt == "docx":
            sys.stdout.buffer.write(shown.data)
            return
        echo_data(shown.text, nl=False)
        return
    done = render_paper(t, template, board, on, at, fmt, out, confidential)
    click.echo(done.path)
