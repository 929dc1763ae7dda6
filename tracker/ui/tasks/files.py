"""The tasks that read or write a file: sheets out to owners and back (with the row-by-row
check `tracker actions import-sheet` prints), the calendar, plan files."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rich.console import Group
from rich.table import Table
from rich.text import Text

from tracker.ui.tasks.helpers import ok, required
from tracker.ui.tasks.task import Done
from tracker.ui.widgets.text import clip
from tracker.vocabulary import counted

if TYPE_CHECKING:
    from tracker.services.context import Tracker

Report = Callable[[str, int, "int | None"], None]  # as the services take it (a phase, a count)


def _quiet(_phase: str, _done: int, _total: int | None) -> None:
    return None


# -- sheets ------------------------------------------------------------------------------------


REPLACE = "Replace the file if it is there already"


def _not_over_a_return(v: dict[str, Any]) -> None:
    """A sheet is not written over a file that is there already unless asked: the file may be
    an owner's filled-in return, waiting to be imported (the import offered the same name)."""
    from pathlib import Path

    from tracker.errors import invalid

    path = Path(str(v["file"]))  # as the service opens it
    if path.exists() and not v.get("replace"):
        raise invalid("file", f"{path} is there already (it may be a sheet an owner filled in)",
                      f"another name, or tick '{REPLACE}'")  # fmt: skip


def export_sheet(t: Tracker, v: dict[str, Any], check: bool, progress: Report = _quiet) -> Done:
    from tracker.services import sheets
    from tracker.services.actions.register import ActionFilter

    required(v, "file")
    _not_over_a_return(v)
    f = ActionFilter(board=v["board"], owner=v["owner"], phase=v["phase"],
                     overdue=bool(v["overdue"]))  # fmt: skip
    result = sheets.export_sheet(t, v["file"], f, progress=progress)
    text = ok(f"Wrote {result.rows} action{'s' if result.rows != 1 else ''} to {result.file}.")
    if not result.rows:
        text.append("\nNo action matches: the sheet has only its header.", style="bold yellow")
    return Done(text)


OUTCOME_STYLE = {"recorded": "green", "unchanged": "dim", "invalid": "bold red",
                 "conflict": "bold yellow"}  # fmt: skip


def sheet_rows(result: Any) -> Table:
    """Row by row, as `tracker actions import-sheet` lists them."""
    table = Table(box=None, header_style="bold", expand=True, padding=(0, 1))
    table.add_column("Row", justify="right", no_wrap=True)
    table.add_column("Ref", no_wrap=True)
    table.add_column("Outcome", no_wrap=True)
    table.add_column("What", ratio=1)
    for r in result.rows:
        what = Text()
        if r.outcome == "recorded":
            what.append(f"{r.status}, {r.rag or 'RAG not assessed'}, {r.progress}%")
            what.append(" + commentary" if r.commentary else "")
            for note in r.notes:
                what.append(f"\nnote: {note}", style="dim")
        else:
            what.append(r.reason)
        for p in r.problems:
            what.append(f"\n{p.field}: {p.message}" + (f" (allowed: {p.allowed})" if p.allowed
                        else ""), style="red")  # fmt: skip
        for name, sheet, now in r.compare:
            what.append(f"\n{name}: sheet {clip(sheet, 30)}; now {clip(now, 30)}", style="yellow")
        word = r.outcome if r.outcome != "recorded" or result.stored else "would record"
        table.add_row(str(r.row), r.ref or "-", Text(word, style=OUTCOME_STYLE[r.outcome]), what)
    return table


def sheet_summary(result: Any) -> Text:
    n = {o: result.count(o) for o in ("recorded", "unchanged", "invalid", "conflict")}
    rest = f"{n['unchanged']} unchanged, {n['invalid']} invalid, {n['conflict']} conflicting"
    if result.dry_run:
        return Text(f"Checked, nothing stored: {n['recorded']} would be recorded; {rest}.",
                    style="bold")  # fmt: skip
    if result.blocked:
        return Text(f"Nothing was stored: put the invalid and conflicting rows right first (or "
                    f"tick 'record the valid rows'); {n['recorded']} valid; {rest}.",
                    style="bold red")  # fmt: skip
    if result.stored:
        return ok(f"Recorded {n['recorded']} status update{'s' if n['recorded'] != 1 else ''} "
                  f"in one transaction; {rest}.")  # fmt: skip
    return Text(f"Nothing to record; {rest}.", style="bold")


def import_sheet(t: Tracker, v: dict[str, Any], check: bool, progress: Report = _quiet) -> Done:
    from tracker.services import sheets

    required(v, "file")
    result = sheets.import_sheet(t, v["file"], dry_run=check, partial=bool(v["partial"]),
                                 force=bool(v["force"]), by=v["by"] or None,
                                 progress=progress)  # fmt: skip
    head = Text(f"{result.file} ({result.kind}): {counted(len(result.rows), 'rows')}", style="bold")
    return Done(Group(head, sheet_rows(result), sheet_summary(result)), stored=result.stored)


# -- calendar and plan files -------------------------------------------------------------------


def calendar(t: Tracker, v: dict[str, Any], check: bool) -> Done:
    from tracker.services.calendar import export_calendar

    required(v, "file")
    r = export_calendar(t, v["file"], board=v["board"], committee=v["committee"],
                        closed_within=None if v["all"] else 90)  # fmt: skip
    return Done(ok(f"Wrote {r.path}: {counted(r.meetings, 'meetings')}, "
                   f"{counted(r.followups, 'follow-up due dates')}."))  # fmt: skip


def validate(t: Tracker, v: dict[str, Any], check: bool) -> Done:
    from tracker.services.plans import validate_plan

    required(v, "file")
    s = validate_plan(v["file"])
    counts = ", ".join(counted(n, name) for name, n in s.counts)
    return Done(ok(f"Valid: {s.strategy} ({s.start_year}-{s.end_year}): {counts}."), stored=False)


def import_plan(t: Tracker, v: dict[str, Any], check: bool, progress: Report = _quiet) -> Done:
    from tracker.services.plans import import_plan as load

    required(v, "file")
    r = load(t, v["file"], dry_run=check, take_file=bool(v["take_file"]), progress=progress)
    table = Table(box=None, header_style="bold", padding=(0, 1))
    for heading in ("Section", "Created", "Updated", "Unchanged", "Left in database"):
        table.add_column(heading, justify="left" if heading == "Section" else "right")
    for s in r.sections:
        table.add_row(s.section, str(s.created), str(s.updated), str(s.unchanged), str(s.left))
    words = "Checked, nothing stored" if check else "Imported"
    line = ok(f"{words}: {r.strategy}: {r.created} created, {r.updated} updated, "
              f"{r.unchanged} unchanged.")  # fmt: skip
    return Done(Group(table, line), stored=not check)


def export_plan(t: Tracker, v: dict[str, Any], check: bool, progress: Report = _quiet) -> Done:
    from tracker.services.plans import export_plan as write

    required(v, "file")
    r = write(t, v["file"], progress=progress)
    return Done(ok(f"Wrote {r.path}: {r.strategy}, {counted(r.count('actions'), 'actions')}, "
                   f"{counted(r.count('updates'), 'updates')}, "
                   f"{counted(r.count('meetings'), 'meetings')}."))  # fmt: skip
