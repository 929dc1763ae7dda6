"""`tracker minutes import`: committee minutes -> resolutions and follow-ups."""

from __future__ import annotations

import textwrap
from pathlib import Path

import click

from tracker.cli.common import TrackerGroup, echo_json, state
from tracker.services.committees.minutes_draft import draft_minutes, read_minutes
from tracker.services.committees.minutes_import import ImportResult, save_import
from tracker.services.committees.minutes_preview import ImportPreview, preview_import


@click.group(cls=TrackerGroup)
def minutes() -> None:
    """Committee minutes: read resolutions and ACTION lines into follow-ups."""


def _wrap(text: str, indent: int = 6) -> str:
    return textwrap.fill(
        " ".join(text.split()), width=96, initial_indent=" " * indent,
        subsequent_indent=" " * indent,
    )  # fmt: skip


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def print_preview(p: ImportPreview) -> None:
    d = p.draft
    if d.source:
        click.echo(f"Minutes:   {d.source}")
    if d.item_titles:  # each resolution is filed under its own item's title
        click.echo(f"Items:     {d.items_said()}")
    else:
        click.echo(f"Item:      {d.title_of('') or '(no title read; give one with --title)'}")
    if p.create_committee:
        click.echo(f"Committee: {p.committee_name} (new: will be created as {p.committee!r})")
    else:
        click.echo(f"Committee: {p.committee_name} ({p.committee})")
    meeting = f"recorded meeting (id {p.meeting_id})" if p.meeting_id else "new meeting"
    if p.meeting_title:  # what the new meeting will be called
        meeting += f' "{p.meeting_title}"'
    if p.merge_undated:
        meeting = (
            f"merges into the undated meeting (id {p.meeting_id}) that has the same "
            "resolutions; it takes this date (--no-merge: a new meeting instead)"
        )
    click.echo(f"Meeting:   {p.date.isoformat()}, {meeting}")
    for n in p.near_duplicates:
        click.echo(f"Warning:   possible duplicate: the meeting of {n.date.isoformat()} (id "
                   f"{n.meeting_id}) already has {_plural(n.same, 'resolution')} of these word "
                   "for word; import with that date, or --not-a-duplicate if this is another "
                   "meeting")  # fmt: skip
    click.echo("")
    if not p.resolutions:
        click.echo("Resolutions: none found in this text (no RESOLVED, AGREED, NOTED or similar).")
    else:
        click.echo(f"Resolutions ({len(p.resolutions)}):")
        for r in p.resolutions:
            number = r.item.number or "(unnumbered)"
            where = f", line {r.item.line}" if r.item.line else ""
            if r.item.item:
                heading = dict(d.item_titles).get(r.item.item)
                where = f", item {r.item.item}{f' {heading}' if heading else ''}{where}"
            already = "  [already recorded]" if r.recorded else ""
            click.echo(f"  {number}  {r.item.kind}{where}{already}")
            click.echo(_wrap(r.item.text))
            if r.item.why:  # read by a candidate generator, not under a keyword: say why
                click.echo(_wrap(f"why: {r.item.why}"))
    click.echo("")
    if not p.followups:
        click.echo("Follow-ups proposed: none.")
    else:
        click.echo(f"Follow-ups proposed ({len(p.followups)}):")
        for i, f in enumerate(p.followups, start=1):
            fu = f.item
            origin = f"resolution {fu.resolution}" if fu.resolution else fu.source
            where = f", line {fu.line}" if fu.line else ""
            if fu.item:
                where = f", item {fu.item}{where}"
            owner = fu.owner or "no owner named"
            if f.person:
                owner += f" -> {f.person} [{f.person_code}]"
            due = f", due {fu.due.isoformat()}" if fu.due else ", no due date"
            already = "  [already recorded]" if f.recorded else ""
            click.echo(f"  {i}. owner: {owner}{due} ({origin}{where}){already}")
            click.echo(_wrap(fu.text))
            if fu.why:
                click.echo(_wrap(f"why: {fu.why}"))
    click.echo("")
    if not d.unsure:
        click.echo("Not read with confidence: nothing.")
    else:
        click.echo(f"Not read with confidence ({len(d.unsure)}) - check these in the minutes:")
        for u in d.unsure:  # with its item, as the review lists it
            item = f" (item {u.item})" if u.item else ""
            click.echo(f"  line {u.line}{item}: {u.reason}")
            click.echo(_wrap(u.text))


def _summary(r: ImportResult) -> str:
    where = f"{r.committee_name}, {r.date.isoformat()}"
    if r.meeting_id is None:
        return "Nothing to record: no resolution or follow-up was found in this text."
    if r.nothing_new:
        return (
            f"Nothing new: these minutes were already imported for {where} "
            f"({_plural(r.resolutions_already, 'resolution')} and "
            f"{_plural(r.followups_already, 'follow-up')} already recorded)."
        )
    made = []
    if r.created_committee:
        made.append("committee created")
    made.append("meeting created" if r.created_meeting else "existing meeting")
    text = (
        f"Recorded for {where} ({', '.join(made)}): "
        f"{_plural(r.resolutions_added, 'resolution')}, "
        f"{_plural(len(r.followups_added), 'follow-up')}"
    )
    if r.followups_added:
        text += " (ids " + ", ".join(str(i) for i in r.followups_added) + ")"
    if r.resolutions_already or r.followups_already:
        text += f"; {r.resolutions_already + r.followups_already} already recorded, skipped"
    return text + "."


@minutes.command(
    "import",
    epilog="""\b
Examples:
  tracker minutes import item4.txt --committee improving-lives-select-commission \\
      --date 2024-03-12 --dry-run          see what would be recorded; store nothing
  tracker minutes import item4.txt --committee "Improving Lives Select Commission" \\
      --date 2024-03-12                   record it
  tracker minutes import item8.txt --committee "Children and Young People's Services \\
      Scrutiny Committee" --date 2023-06-15 --create-committee
  tracker minutes import item4.txt --committee cabinet --date 2024-03-12 --dry-run \\
      --format json > extraction.json
The text is an agenda-item page as councils publish it (copied from the web page or a PDF).
Re-importing the same minutes adds nothing; minutes of a meeting the tracker holds undated
(with the same resolutions) merge into it, and minutes whose resolutions a meeting on another
date already holds are refused as a likely duplicate (--not-a-duplicate to record them). Then: tracker followups update ID --owner CODE
--due YYYY-MM-DD to give each follow-up an owner and a date.""",
)
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--committee", required=True, help="The committee (code or name).")
@click.option("--date", "date", required=True, help="The meeting date, YYYY-MM-DD.")
@click.option("--title", help="The agenda item's title, when the minutes do not give it.")
@click.option("--dry-run", is_flag=True, help="Show what would be recorded; store nothing.")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
    help="json: the extraction for other tools, each item with its agenda item number, line "
    "and why it was taken (summary on stderr).",
)  # fmt: skip
@click.option("--create-committee", is_flag=True, help="Create the committee if it is new.")
@click.option(
    "--no-merge",
    is_flag=True,
    help="Do not merge into an undated meeting with the same resolutions.",
)
@click.option(
    "--not-a-duplicate",
    is_flag=True,
    help="Record them although a meeting on another date has the same resolutions.",
)
def import_cmd(
    file: str, committee: str, date: str, title: str | None, dry_run: bool, fmt: str,
    create_committee: bool, no_merge: bool, not_a_duplicate: bool,
) -> None:  # fmt: skip
    """Read committee minutes and record their resolutions and follow-ups.

    Shows what would be recorded, and what could not be read with confidence (with line
    numbers), before anything is stored. Follow-ups come from ACTION lines and from resolutions
    that ask somebody to do something; their owner is matched to a person when it is exactly a
    person's code, name or role.
    """
    from tracker.cli.progress import progress_bar

    name = Path(file).name
    with progress_bar(f"reading {name}") as progress:  # a long file's reading takes a while
        progress("reading the file", 0, None)
        text = read_minutes(file)
        lines = text.count("\n") + 1
        progress("finding resolutions and follow-ups", 0, lines)
        draft = draft_minutes(text, title=title, source=file)
        items = len(draft.resolutions) + len(draft.followups)
        progress("checking them against the record", 0, items)
        t = state().tracker()
        preview = preview_import(
            t,
            draft,
            committee=committee,
            date=date,
            create_committee=create_committee,
            merge=not no_merge,
        )
        progress("checked", items, items)
    if fmt == "json":
        echo_json(draft.to_json_dict())
    else:
        print_preview(preview)
        click.echo("")
    if dry_run:
        new = f"{_plural(preview.new_resolutions, 'resolution')}, " + _plural(
            preview.new_followups, "follow-up"
        )
        click.echo(f"Dry run: nothing was stored (would record {new}).", err=fmt == "json")
        return
    with progress_bar(f"recording {name}") as progress:
        progress("recording resolutions and follow-ups", 0, items)
        result = save_import(
            t,
            draft,
            committee=committee,
            date=date,
            create_committee=create_committee,
            merge=not no_merge,
            not_a_duplicate=not_a_duplicate,
        )
        progress("committed", items, items)
    click.echo(_summary(result), err=fmt == "json")
