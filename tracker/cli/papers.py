"""`tracker paper list` and `tracker paper render TEMPLATE --board BOARD ...`."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from tracker.cli.common import Number, TrackerGroup, date_type, echo_data, emit, state
from tracker.vocabulary import counted

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
    """Board papers from templates: highlight, exception, matters arising, cover, outcomes;
    issued papers, frozen as the board saw them."""


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
    "--appendix", is_flag=True,
    help="A highlight report ends with the full register of the actions it counts.",
)  # fmt: skip
@click.option(
    "--confidential", is_flag=True,
    help="Include exempt items (Schedule 12A): not for publication. Without it a paper is "
    "public and shows each exempt item as 'exempt item (paragraph N)'.",
)  # fmt: skip
def render(
    template: str, board: str, meeting: dt.datetime | None, as_of: dt.datetime | None,
    fmt: str, out: str | None, appendix: bool, confidential: bool,
) -> None:  # fmt: skip
    """Render a paper from a template for a board (and meeting), and print where it went.

    Nothing is written when the template or the input is wrong (exit code 2)."""
    from tracker.cli.progress import progress_bar
    from tracker.services.papers.render import preview_paper, render_paper

    t = state().tracker()
    on = meeting.date() if meeting else None
    at = as_of.date() if as_of else None
    if out == "-":
        with progress_bar(f"{template} for {board}") as progress:
            shown = preview_paper(t, template, board, on, at, fmt, appendix, confidential,
                                  progress)  # fmt: skip
        if fmt == "docx":
            sys.stdout.buffer.write(shown.data)
            return
        echo_data(shown.text, nl=False)
        return
    with progress_bar(f"{template} for {board}") as progress:
        done = render_paper(t, template, board, on, at, fmt, out, appendix, confidential,
                            progress)  # fmt: skip
    click.echo(done.path)


@paper.command(
    "issue",
    epilog="""\b
Examples:
  tracker paper issue highlight --board children-first-board --meeting 2026-03-24
  tracker paper issue highlight --board children-first-board --meeting 2026-03-24 \\
      --format html --appendix --note "Re-issued: SFB figures corrected"
Stores the rendered paper, the data it was built from and a SHA-256, tied to the meeting. An
issued paper is never changed: issuing again makes the next version and keeps the earlier.""",
)
@click.argument("template")
@click.option("--board", required=True, help="The board or committee (code or name).")
@click.option("--meeting", type=date_type(), required=True, help="The meeting it is issued for.")
@click.option("--as-of", "as_of", type=date_type(), help="The date the figures are at.")
@click.option(
    "--format", "fmt", type=click.Choice(["md", "html"]), default="md", show_default=True,
)  # fmt: skip
@click.option("--appendix", is_flag=True, help="A highlight report with the full register.")
@click.option("--note", help="Why it is issued (or re-issued).")
def issue(
    template: str, board: str, meeting: dt.datetime, as_of: dt.datetime | None, fmt: str,
    appendix: bool, note: str | None,
) -> None:  # fmt: skip
    """Issue a paper to a board's meeting: stored frozen, as the next version."""
    from tracker.services.papers.issued import issue_paper

    done = issue_paper(
        state().tracker(), template, board, meeting.date(),
        as_of=as_of.date() if as_of else None, fmt=fmt, appendix=appendix, note=note,
    )  # fmt: skip
    click.echo(
        f"issued paper #{done.id}: {done.template} ({done.format}) for {done.board_name}, "
        f"meeting {done.paper_date.isoformat()}, version {done.version}, sha256 {done.sha256}"
    )


@paper.command(
    "issued",
    epilog="""\b
Examples:
  tracker paper issued children-first-board
  tracker paper issued children-first-board --meeting 2026-03-24 --format json""",
)
@click.argument("board")
@click.option("--meeting", type=date_type(), help="Only the papers issued for this meeting.")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
    show_default=True,
)  # fmt: skip
def issued(board: str, meeting: dt.datetime | None, fmt: str) -> None:
    """The papers issued to a board, every version, oldest first."""
    from tracker.services.papers.issued import issued_papers

    rows = []
    for p in issued_papers(state().tracker(), board, meeting.date() if meeting else None):
        row = p.as_dict()
        if fmt == "table":
            row["id"] = f"#{p.id}"
            row["sha256"] = p.sha256[:12]
        rows.append(row)
    columns = ("id", "template", "format", "meeting", "version", "issued_at", "issued_by",
               "sha256", "note")  # fmt: skip
    emit(rows, columns if fmt == "table" else (*columns, "board", "kind", "as_of", "size"), fmt)
    if fmt == "table":
        click.echo(f"{counted(len(rows), 'issued papers')}", err=True)


@paper.command(
    "show",
    epilog="""\b
Examples:
  tracker paper show 3                 the paper exactly as the board saw it
  tracker paper show 3 --data          the data it was built from (JSON)
  tracker paper show 3 --out /tmp/cfb.html""",
)
@click.argument("paper_id", type=Number(min=1), metavar="ID")
@click.option("--data", is_flag=True, help="Print the data it was built from instead.")
@click.option("--out", type=click.Path(dir_okay=False), help="Write it to a file instead.")
def show(paper_id: int, data: bool, out: str | None) -> None:
    """Print an issued paper exactly as issued, after checking its hash."""
    from tracker.files import write_text
    from tracker.services.papers.issued import show_issued

    p = show_issued(state().tracker(), paper_id)
    if not p.intact:
        click.echo(f"warning: issued paper #{p.id} no longer matches its sha256 {p.sha256}: "
                   "it was changed outside the tracker", err=True)  # fmt: skip
    text = p.data if data else p.text
    if out:
        write_text(Path(out), text, field="file")
        click.echo(out)
        return
    echo_data(text, nl=False)
    click.echo(
        f"-- issued paper #{p.id}, version {p.version}, issued {p.issued_at:%Y-%m-%d %H:%M} UTC "
        f"by {p.issued_by}, sha256 {p.sha256}" + ("" if p.intact else " (DOES NOT MATCH)"),
        err=True,
    )
