"""The reporting cycle's jobs as tasks (challenges, returns, issued papers, exempt items, open
data, indicator corrections, plan sheets, onboarding an action log): each asks what its CLI
command takes and calls the same service."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text

from tracker.ui.tasks.helpers import date_of, ok, required
from tracker.ui.tasks.task import Ask, Done, Task
from tracker.ui.widgets.dates import typed
from tracker.ui.widgets.paths import FILE_HINT
from tracker.ui.widgets.text import day
from tracker.vocabulary import counted

if TYPE_CHECKING:
    from tracker.services.context import Tracker

EXEMPT_KINDS = [("an action (its ref)", "action"), ("a resolution (its id)", "resolution"),
                ("a follow-up (its id)", "followup"), ("a meeting item (its id)", "meeting-item")]  # fmt: skip
DIRECTIONS = [("higher is better", "higher"), ("lower is better", "lower"),
              ("within a range", "within")]  # fmt: skip


def _number(v: dict[str, Any], name: str) -> int:
    from tracker.errors import invalid

    text = str(v.get(name) or "").strip()
    if not text.isdigit():
        raise invalid(name, f"{text!r} is not a number" if text else "required", "a whole number")
    return int(text)


def answer(t: Tracker, v: dict[str, Any], check: bool) -> Done:
    from tracker.services.governance.challenges import answer_challenge

    required(v, "challenge", "note")
    done = answer_challenge(t, _number(v, "challenge"), v["note"])
    return Done(ok(f"Answered challenge {done.challenge.id}: the answer waits for the board's "
                   "next meeting."))  # fmt: skip


def chase(t: Tracker, v: dict[str, Any], check: bool) -> Done:
    from tracker.services.returns.chasers import draft_chasers

    required(v, "board", "folder")
    c = draft_chasers(t, v["board"], v["folder"], again=bool(v["again"]))
    return Done(ok(f"{len(c.drafts)} chaser drafts (.eml, each with the owner's sheet) written "
                   f"to {c.folder}. Open one in Outlook or Thunderbird to send it; `tracker "
                   "returns chase --send` sends them all by SMTP."))  # fmt: skip


def receive(t: Tracker, v: dict[str, Any], check: bool) -> Done:
    from tracker.services.returns.receive import import_returns

    required(v, "board", "paths")
    paths = [p.strip() for p in str(v["paths"]).split(";") if p.strip()]
    r = import_returns(t, v["board"], paths, dry_run=check, partial=bool(v["partial"]))
    verb = "would be read" if check else "read"
    return Done(ok(f"{counted(len(r.files), 'return sheets')} {verb}; {counted(r.outstanding, 'returns')} still "
                   "outstanding."), stored=not check)  # fmt: skip


def issue(t: Tracker, v: dict[str, Any], check: bool) -> Done:
    from tracker.services.papers.issued import issue_paper

    required(v, "template", "board", "meeting")
    p = issue_paper(t, v["template"], v["board"], date_of(v, "meeting"),
                    appendix=bool(v["appendix"]), note=v["note"] or None)  # fmt: skip
    return Done(ok(f"Issued {p.template} version {p.version} for {p.board_name}, meeting of "
                   f"{day(p.paper_date)}: frozen (sha256 {p.sha256[:12]}…)."))  # fmt: skip


def issued(t: Tracker, v: dict[str, Any], check: bool) -> Done:
    from tracker.services.papers.issued import issued_papers

    required(v, "board")
    papers = issued_papers(t, v["board"], date_of(v, "meeting"))
    if not papers:
        return Done(Text("No papers issued for that board yet."), stored=False)
    out = Text()
    for p in papers:
        out.append(f"#{p.id}  {day(p.paper_date)}  {p.template} v{p.version}  ", style="bold")
        out.append(f"issued by {p.issued_by}" + (f": {p.note}" if p.note else "") + "\n")
    return Done(out, stored=False)


def show(t: Tracker, v: dict[str, Any], check: bool) -> Done:
    from tracker.files import write_text
    from tracker.services.papers.issued import show_issued

    required(v, "paper", "file")
    view = show_issued(t, _number(v, "paper"))
    write_text(v["file"], view.text, field="file")
    state = "intact (its hash matches)" if view.intact else "CHANGED since it was issued"
    return Done(ok(f"Wrote exactly what the board saw to {v['file']}: {state}."))


def opendata(t: Tracker, v: dict[str, Any], check: bool) -> Done:
    from tracker.services.opendata import export_opendata

    required(v, "folder")
    d = export_opendata(t, v["folder"])
    return Done(ok(f"Wrote {counted(len(d.files), 'files')} to {d.folder}: "
                   f"{counted(d.events, 'meetings')}, {counted(d.motions, 'motions')}, "
                   f"{counted(d.actions, 'actions')}; exempt items left out."))  # fmt: skip


def exempt(t: Tracker, v: dict[str, Any], check: bool) -> Done:
    from tracker.services.exempt import mark_exempt

    required(v, "kind", "key")
    paragraph = _number(v, "paragraph") if str(v.get("paragraph") or "").strip() else None
    m = mark_exempt(t, v["kind"], v["key"], paragraph)
    shown = f"exempt (paragraph {m.paragraph})" if m.paragraph else "public"
    return Done(ok(f"{m.kind} {m.key} is now {shown}."))


def set_indicator(t: Tracker, v: dict[str, Any], check: bool) -> Done:
    from tracker.services.indicators.manage import set_indicator as set_
    from tracker.services.unset import UNSET

    required(v, "indicator")

    def given(k: str) -> Any:
        return v[k] if v.get(k) not in (None, "") else UNSET

    row = set_(t, v["indicator"], target=given("target"), target_max=given("target_max"),
               direction=given("direction"), unit=given("unit"),
               frequency=given("frequency"),
               expected_version=v.get("_version"))  # fmt: skip
    return Done(ok(f"Saved {row.code}: {row.name}."))


def _figure(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def indicator_now(
    t: Tracker, name: str, v: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The chosen indicator's target, range, direction, unit and frequency, to change."""
    from tracker.services.indicators import get_indicator

    if name != "indicator" or not v.get("indicator"):
        return {}, {}
    row = get_indicator(t, v["indicator"])
    return {}, {"target": _figure(row.target), "target_max": _figure(row.target_max),
                "direction": row.direction, "unit": row.unit or "",
                "frequency": row.frequency or "", "_version": row.version}  # fmt: skip


def reading_label(r: Any) -> str:
    """'30 Jun 2025  14%  recorded by kelly': a reading as the list to correct one shows it."""
    when = (typed(r.date) + (f" ({r.period})" if r.period else "")) if r.date else r.period
    return f"{when}  {r.shown_value}  recorded by {r.recorded_by or 'not known'}"


def reading_now(t: Tracker, name: str, v: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """An indicator chosen: its readings to choose from (none chosen); a reading chosen: its
    date and value, to change."""
    from tracker.services.indicators.manage import reading_entries

    if name == "indicator":
        entries = reading_entries(t, v["indicator"]) if v.get("indicator") else ()
        return {"reading": [(reading_label(r), r.id) for r in entries]}, {"value": "", "date": ""}
    if name == "reading" and v.get("indicator") and v.get("reading") is not None:
        chosen = next((r for r in reading_entries(t, v["indicator"]) if r.id == v["reading"]), None)
        if chosen is not None:
            return {}, {"value": f"{chosen.value:g}", "date": chosen.date or "",
                        "_version": chosen.version}  # fmt: skip
    return {}, {}


def edit_reading(t: Tracker, v: dict[str, Any], check: bool) -> Done:
    from tracker.services.indicators.manage import delete_reading
    from tracker.services.indicators.manage import edit_reading as edit
    from tracker.services.unset import UNSET

    required(v, "indicator", "reading")
    number = _number(v, "reading")
    seen = v.get("_version")  # the version the window showed: a change made meanwhile is refused
    if v["delete"]:
        row = delete_reading(t, v["indicator"], number, expected_version=seen)
        return Done(ok(f"Deleted reading {number} of {row.name} (audited)."))
    required(v, "value")  # the service reports a bad value and a bad date at once
    row = edit(t, v["indicator"], number, value=v["value"], date=v["date"] or UNSET,
               expected_version=seen)  # fmt: skip
    return Done(ok(f"Corrected reading {number} of {row.name} (audited)."))


def plan_sheet_out(t: Tracker, v: dict[str, Any], check: bool) -> Done:
    from tracker.services.sheets.plan_sheet import export_plan_sheet

    required(v, "file")
    rows = export_plan_sheet(t, v["file"])
    return Done(ok(f"Wrote {counted(rows, 'actions')} to {v['file']}: owner, board and dates can be "
                   "filled in, then imported with 'Import a plan-editing sheet'."))  # fmt: skip


def plan_sheet_in(t: Tracker, v: dict[str, Any], check: bool) -> Done:
    from tracker.services.sheets.plan_sheet import import_plan_sheet

    required(v, "file")
    r = import_plan_sheet(t, v["file"], dry_run=check)
    changed = r.count("changed")  # (r.stored says whether anything was stored, not how much)
    if check:
        return Done(
            Text(f"{counted(changed, 'actions')} would change; nothing stored."), stored=False
        )
    return Done(ok(f"{counted(changed, 'actions')} changed, as batch {r.batch} (undo: ctrl+z on the "
                   "register)."))  # fmt: skip


def batches(t: Tracker, v: dict[str, Any], check: bool) -> Done:
    from tracker.services.actions.bulk import list_batches

    found = list_batches(t)
    if not found:
        return Done(Text("No bulk edits yet."), stored=False)
    out = Text()
    for b in found:
        out.append(f"batch {b.batch}  {b.at:%d %b %Y %H:%M}  {b.actor}  ", style="bold")
        out.append(f"{b.summary} ({counted(b.count, 'actions')})"
                   + (f", undone by {b.undone_by}" if b.undone_by else "") + "\n")  # fmt: skip
    return Done(out, stored=False)


def from_sheet(t: Tracker, v: dict[str, Any], check: bool) -> Done:
    from tracker.services.onboarding import plan_from_sheet

    required(v, "file", "out")
    plan_from_sheet(t.settings, v["file"], out=v["out"])
    return Done(ok(f"Wrote a plan file to {v['out']} from {v['file']}: check it with "
                   "'Validate a plan file', then 'Import a plan file'."))  # fmt: skip


TASKS = (
    Task("answer-challenge", "Answer a challenge to an update (with a new update)",
         "The challenge numbers are on the dashboard's Challenges to answer panel and in the "
         "register's detail. The answer closes the challenge and waits for the next meeting.",
         (Ask("challenge", "Challenge number", "number", fields=("challenge",)),
          Ask("note", "Your answer", "long", fields=("note", "commentary"))),
         answer, verb="Answer", reloads=("register", "dashboard")),
    Task("chase-returns", "Chase returns: write chaser e-mails (.eml) to owners who owe one",
         "One draft per owner with returns outstanding, their sheet attached. Nothing is sent "
         "from here.",
         (Ask("board", "Board", "choice", "boards"),
          Ask("folder", "Folder", default="chasers", hint=FILE_HINT),
          Ask("again", "Also owners already chased for this meeting", "check")),
         chase, verb="Write the chasers"),
    Task("import-returns", "Import returned sheets from owners (files or folders)",
         "Several paths separated by ';'. Check lists what each sheet holds, storing nothing.",
         (Ask("board", "Board", "choice", "boards"),
          Ask("paths", "Files or folders", default="returns", hint=FILE_HINT),
          Ask("partial", "Record the valid rows even if others are refused", "check")),
         receive, verb="Record the returns", preview=True, reloads=("register", "dashboard")),
    Task("issue-paper", "Issue a paper to a meeting (frozen as the board saw it)",
         "The rendered paper, its data and a hash are stored; re-issuing makes a new version.",
         (Ask("template", "Paper (template)", default="highlight"),
          Ask("board", "Board", "choice", "boards"), Ask("meeting", "Meeting date", "date"),
          Ask("appendix", "End with the full register", "check"), Ask("note", "Note")),
         issue, verb="Issue"),
    Task("issued-papers", "Papers issued to a board (versions)", "Newest first.",
         (Ask("board", "Board", "choice", "boards"),
          Ask("meeting", "Only this meeting (optional)", "date")),
         issued, verb="List"),
    Task("show-issued", "Show an issued paper exactly as the board saw it",
         "Writes the stored text to a file and checks its hash.",
         (Ask("paper", "Issued paper number", "number"),
          Ask("file", "File", default="issued-paper.md", hint=FILE_HINT)),
         show, verb="Write it"),
    Task("export-opendata", "Export open data (Popolo JSON, actions CSV)",
         "Exempt items are left out.",
         (Ask("folder", "Folder", default="opendata", hint=FILE_HINT),), opendata,
         verb="Export"),
    Task("mark-exempt", "Mark an item exempt from publication (Schedule 12A), or public again",
         "Exempt items show as 'exempt item (paragraph N)' in public papers, calendars and "
         "exports. Leave the paragraph empty to make the item public.",
         (Ask("kind", "Kind of item", "choice", EXEMPT_KINDS),
          Ask("key", "Its ref or id"), Ask("paragraph", "Paragraph of Schedule 12A (1-7)")),
         exempt, verb="Save"),
    Task("set-indicator", "Set an indicator's target, direction, unit or frequency",
         "The indicator's settings as they stand: change what is to change (a field left "
         "empty keeps its value; none clears it).",
         (Ask("indicator", "Indicator", "choice", "indicators", fields=("code",)),
          Ask("target", "Target (or the bottom of a range)"), Ask("target_max", "Top of range"),
          Ask("direction", "Which is better", "choice", DIRECTIONS, placeholder="not set"),
          Ask("unit", "Unit (percent, number ...)"), Ask("frequency", "How often measured")),
         set_indicator, verb="Save", reloads=("dashboard",), follow=indicator_now),
    Task("correct-reading", "Correct or delete an indicator reading (audited)",
         "Choose the indicator, then the reading: its date and value show, to change.",
         (Ask("indicator", "Indicator", "choice", "indicators", fields=("code",)),
          Ask("reading", "Reading", "choice", placeholder="choose the indicator first",
              fields=("reading",)),
          Ask("value", "Value"), Ask("date", "Date measured", "date"),
          Ask("delete", "Delete the reading instead", "check")),
         edit_reading, verb="Save", reloads=("dashboard",), follow=reading_now),
    Task("export-plan-sheet", "Write a plan-editing sheet (owner, board, dates)",
         "Edit owners, boards, phases and dates in Excel; import it back as one batch.",
         (Ask("file", "File (.xlsx or .csv)", default="plan-sheet.xlsx", hint=FILE_HINT),),
         plan_sheet_out, verb="Write the sheet"),
    Task("import-plan-sheet", "Import a plan-editing sheet (one batch, all or nothing)",
         "Check lists what would change, storing nothing.",
         (Ask("file", "File (.xlsx or .csv)", default="plan-sheet.xlsx", hint=FILE_HINT),),
         plan_sheet_in, verb="Import", preview=True, reloads=("register", "dashboard")),
    Task("list-batches", "Bulk edits made (batches), newest first", "Undo one with ctrl+z on "
         "the register, or `tracker actions undo BATCH`.", (), batches, verb="List"),
    Task("plan-from-sheet", "Start from an existing action log (Excel or CSV) as a plan file",
         "Reads any sheet and header row, maps the columns it recognises, keeps the rest as "
         "notes and lists every cell it could not read.",
         (Ask("file", "Action log (.xlsx or .csv)", hint=FILE_HINT),
          Ask("out", "Plan file to write", default="plan-from-log.yaml", hint=FILE_HINT)),
         from_sheet, verb="Write the plan file"),
)  # fmt: skip
