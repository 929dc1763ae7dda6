"""The Boards screen's meeting windows: schedule a meeting or a series, record a past meeting,
and a meeting's record (from which its draft minutes are rendered)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Label, Static, TextArea

from tracker.errors import InvalidInput, Problem, TrackerError
from tracker.ui.boards.common import plural, refusal
from tracker.ui.boards.verdict_list import VerdictList, heading_line
from tracker.ui.widgets.dates import DATE_HINT, DateInput
from tracker.ui.widgets.handle import Services
from tracker.ui.widgets.keybar import KeyBar
from tracker.ui.widgets.text import day
from tracker.ui.widgets.tick import TickBox
from tracker.ui.widgets.work import WorkFailed, work
from tracker.vocabulary import FOLLOWUP_SOURCE_WORDS

if TYPE_CHECKING:
    from tracker.services.governance.meeting_record import MeetingRecord


class FormSaved(Message):
    def __init__(self, summary: str) -> None:
        self.summary = summary
        super().__init__()


class FormRefused(Message):
    def __init__(self, text: str) -> None:
        self.text = text
        super().__init__()


def _date(value: str, field: str) -> dt.date:
    """A typed date, by the rules every face uses (31/03/2027, 31 Mar 2027, 2027-03-31)."""
    from tracker.services.lookup import parse_date

    return parse_date(value.strip(), field)


def _names(value: str) -> list[str]:
    return [n.strip() for n in value.split(",") if n.strip()]


class _Form(ModalScreen[str | None]):
    """A form window: Enter in a box or ctrl+s saves; Esc closes, saving nothing."""

    CSS_PATH = "boards.tcss"
    BINDINGS = [
        Binding(
            "ctrl+s", "save", "Save", tooltip="Check and save the meeting; problems show in red"
        ),
        Binding("escape", "cancel", "Cancel", tooltip="Close the window without saving"),
    ]
    heading = ""
    fields: tuple[tuple[str, str, str], ...] = ()  # (id, label, placeholder)

    def __init__(self, services: Services, board: str) -> None:
        super().__init__()
        self.services = services
        self.board = board
        self.saving = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="meeting-form"):
            yield Static(Text(self.heading, style="bold"), classes="form-title")
            yield Static("Enter or ctrl+s: save · Esc: cancel, nothing is saved",
                         classes="form-keys")  # fmt: skip
            yield Static("", id="form-error", markup=False)  # in view whatever the form's height
            with VerticalScroll(classes="form-fields", can_focus=False):
                for fid, label, placeholder in self.fields:
                    yield Label(label)
                    dated = placeholder.startswith(DATE_HINT)  # a date field, as every other
                    yield (DateInput if dated else Input)(id=fid, placeholder=placeholder)
                yield from self.extra()
        yield KeyBar()  # cut with … at the right, help and the palette kept in sight

    def on_mount(self) -> None:
        self.query(Input).first().focus()

    def extra(self) -> ComposeResult:
        yield from ()

    def value(self, fid: str) -> str:
        return self.query_one(f"#{fid}", Input).value

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        if self.saving:
            return
        self.saving = True
        self.query_one("#form-error", Static).update("Saving…")
        self.submit()

    def submit(self) -> None:
        raise NotImplementedError

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_form_saved(self, message: FormSaved) -> None:
        self.dismiss(message.summary)

    def on_work_failed(self, message: WorkFailed) -> None:
        """An error the work did not expect (tracker/ui/widgets/work.py): said here, in the
        window's own error line, and the window usable again."""
        message.stop()
        self.on_form_refused(FormRefused(message.text))

    def on_form_refused(self, message: FormRefused) -> None:
        self.saving = False
        self.query_one("#form-error", Static).update(Text(message.text, style="bold red"))


class ScheduleMeetingScreen(_Form):
    """Schedule one meeting, or a series by a rule ("second Tuesday of Jan, Apr, Sep")."""

    heading = "Schedule a meeting, or a series"
    fields = (
        ("f-date", "Date (the first, for a series)", DATE_HINT),
        ("f-every", "Repeats (blank: one meeting)", "e.g. second Tuesday of Jan, Apr, Sep"),
        ("f-count", "How many (a series)", "e.g. 6"),
        ("f-until", "Or until (a series)", DATE_HINT),
        ("f-time", "Time (London)", "e.g. 10:00-12:00"),
        ("f-venue", "Venue", "e.g. Civic Centre, Room 2"),
        ("f-online", "Online link", "https://..."),
        ("f-title", "Title", "optional"),
    )

    def submit(self) -> None:
        self._save({f: self.value(f) for f, _, _ in self.fields})

    @work("schedule the meeting", exclusive=True, saves=True)
    def _save(self, v: dict[str, str]) -> None:
        from tracker.services.governance.meetings import schedule_meeting, schedule_series
        from tracker.services.governance.minuted import MeetingDetails, parse_time_range

        t = self.services.tracker()
        try:
            starts, ends = parse_time_range(v["f-time"])
            details = MeetingDetails(starts=starts, ends=ends, location=v["f-venue"] or None,
                                     online_link=v["f-online"] or None)  # fmt: skip
            on = _date(v["f-date"], "date")
            title = v["f-title"] or None
            if v["f-every"].strip():
                count = v["f-count"].strip()
                if count and not count.isdigit():
                    raise InvalidInput(Problem("count", f"{count!r} is not a number", "1-60"))
                until = _date(v["f-until"], "until") if v["f-until"].strip() else None
                views = schedule_series(t, self.board, on, v["f-every"],
                                        int(count) if count else None, until=until,
                                        title=title, details=details)  # fmt: skip
                summary = (f"Scheduled {plural(len(views), 'meeting')}: "
                           + ", ".join(day(m.date) for m in views[:6])
                           + ("…" if len(views) > 6 else ""))  # fmt: skip
            else:
                m = schedule_meeting(t, self.board, on, title=title, details=details)
                summary = f"Scheduled {m.board_name}, {day(m.date)}" + (
                    f" {m.when}" if m.when else ""
                )
        except TrackerError as exc:
            self.post_message(FormRefused(refusal(exc)))
            return
        self.post_message(FormSaved(summary))


class RecordMeetingScreen(_Form):
    """Record a meeting that took place (today or earlier), with what it minuted."""

    heading = "Record a past meeting"
    fields = (
        ("f-date", "Held on", f"{DATE_HINT} (today or earlier)"),
        ("f-time", "Time (London)", "e.g. 10:00-12:00"),
        ("f-venue", "Venue", "e.g. Civic Centre, Room 2"),
        ("f-online", "Online link", "https://..."),
        ("f-chair", "Chair", "who chaired it"),
        ("f-present", "Present", "names, separated by commas"),
        ("f-apologies", "Apologies", "names, separated by commas"),
    )

    def extra(self) -> ComposeResult:
        yield TickBox("Note every update recorded by that date and waiting", True,
                       id="f-note-all")  # fmt: skip
        yield Label("Decisions, one a line ('That ...'; numbered 1, 2, ...)")
        yield TextArea(id="f-decisions", classes="form-area")
        yield Label("Actions arising, one a line: OWNER: TASK by 31 Mar 2027")
        yield TextArea(id="f-actions", classes="form-area")

    def submit(self) -> None:
        v = {f: self.value(f) for f, _, _ in self.fields}
        v["decisions"] = self.query_one("#f-decisions", TextArea).text
        v["actions"] = self.query_one("#f-actions", TextArea).text
        self._save(v, self.query_one("#f-note-all", Checkbox).value)

    @work("record the meeting", exclusive=True, saves=True)
    def _save(self, v: dict[str, str], note_all: bool) -> None:
        from tracker.services.governance.holding import Minuted, record_meeting
        from tracker.services.governance.minuted import (
            MeetingDetails,
            parse_action,
            parse_time_range,
        )

        try:
            starts, ends = parse_time_range(v["f-time"])
            decisions = []
            for line in v["decisions"].splitlines():
                text = line.strip()
                text = text[5:].lstrip() if text.lower().startswith("that ") else text
                if text:
                    decisions.append(text)
            actions = [parse_action(a) for a in v["actions"].splitlines() if a.strip()]
            minuted = Minuted(
                details=MeetingDetails(starts=starts, ends=ends, location=v["f-venue"] or None,
                                       online_link=v["f-online"] or None,
                                       chair=v["f-chair"] or None),
                apologies=tuple(_names(v["f-apologies"])), decisions=tuple(decisions),
                actions=tuple(actions),
            )  # fmt: skip
            result = record_meeting(
                self.services.tracker(), self.board, _date(v["f-date"], "date"),
                attendees=_names(v["f-present"]), note_all=note_all, minuted=minuted,
            )  # fmt: skip
        except TrackerError as exc:
            self.post_message(FormRefused(refusal(exc)))
            return
        m = result.meeting
        self.post_message(FormSaved(
            f"Recorded {m.board_name}, {day(m.date)}: {plural(len(result.reviewed), 'update')} "
            f"noted or challenged, {plural(result.decisions, 'decision')}, "
            f"{plural(result.actions, 'action')} arising"
        ))  # fmt: skip


class RecordLoaded(Message):
    def __init__(self, record: MeetingRecord) -> None:
        self.record = record
        super().__init__()


class MinutesWritten(Message):
    def __init__(self, path: str) -> None:
        self.path = path
        super().__init__()


class MeetingRecordScreen(ModalScreen[None]):
    """A meeting's record: attendance, verdicts, escalations, decisions, actions arising."""

    CSS_PATH = "boards.tcss"
    BINDINGS = [
        Binding("D", "minutes('md')", "Draft minutes", tooltip="Render the draft minutes"),
        Binding(
            "H",
            "minutes('html')",
            "Minutes as HTML",
            tooltip="Render the draft minutes as a printable page",
        ),
        Binding("escape", "close", "Close", tooltip="Back to the Boards screen"),
    ]

    def __init__(self, services: Services, board: str, on: dt.date) -> None:
        super().__init__()
        self.services = services
        self.board = board
        self.on = on
        self.record: MeetingRecord | None = None  # once read

    def compose(self) -> ComposeResult:
        with Vertical(id="record-dialog"):
            yield Static("Reading the meeting's record…", id="record-head")
            with Vertical(id="record-updates"):
                yield Static("", id="record-columns", markup=False)
                yield VerdictList(id="record-verdicts")
            with VerticalScroll(id="record-body", can_focus=True):
                yield Static("", id="record-text")
            yield Static("D: draft minutes · H: as HTML · ↑ ↓ PgUp PgDn: scroll · tab: next part · "
                         "Esc: close", classes="form-keys")  # fmt: skip
            yield Static("", id="record-message", markup=False)
        # no footer: the line above names the window's keys (a window that paints faster)

    def on_mount(self) -> None:
        self.load()

    @work("read the meeting's record", exclusive=True)
    def load(self) -> None:
        from tracker.services.governance.meeting_record import meeting_record

        try:
            rec = meeting_record(self.services.tracker(), self.board, self.on)
        except TrackerError as exc:
            self.post_message(FormRefused(refusal(exc)))
            return
        self.post_message(RecordLoaded(rec))

    def on_record_loaded(self, message: RecordLoaded) -> None:
        rec = self.record = message.record
        self.query_one("#record-head", Static).update(head_text(rec))
        self.query_one("#record-columns", Static).update(Text(heading_line(), style="bold"))
        updates = self.query_one("#record-verdicts", VerdictList)
        self.query_one("#record-updates").border_title = f"Updates ({len(rec.verdicts)})"
        updates.show(rec.verdicts)
        self.query_one("#record-text", Static).update(record_text(rec))
        updates.focus()

    def on_work_failed(self, message: WorkFailed) -> None:
        """An error the work did not expect (tracker/ui/widgets/work.py): said here, in the
        window's own error line, and the window usable again."""
        message.stop()
        self.on_form_refused(FormRefused(message.text))

    def on_form_refused(self, message: FormRefused) -> None:
        self.query_one("#record-message", Static).update(Text(message.text, style="bold red"))

    def action_minutes(self, fmt: str) -> None:
        self.query_one("#record-message", Static).update("Writing the draft minutes…")
        self.write_minutes(fmt)

    @work("write the draft minutes", exclusive=True, group="minutes", saves=True)
    def write_minutes(self, fmt: str) -> None:
        from tracker.services.papers.render import render_paper

        try:
            done = render_paper(self.services.tracker(), "minutes", self.board, self.on, fmt=fmt)
        except TrackerError as exc:
            self.post_message(FormRefused(refusal(exc)))
            return
        self.post_message(MinutesWritten(done.path or ""))

    def on_minutes_written(self, message: MinutesWritten) -> None:
        self.query_one("#record-message", Static).update(
            Text(f"Draft minutes written to {message.path}", style="bold green")
        )

    def action_close(self) -> None:
        self.dismiss(None)


def head_text(rec: MeetingRecord) -> Text:
    m = rec.meeting
    out = Text()
    out.append(f"{m.board_name}, {day(m.date)}", style="bold")
    if m.when:
        out.append(f" {m.when}")
    if m.own_title:
        out.append(f" ({m.own_title})")
    out.append(f": {m.status}\n", style="bold")
    for label, value in (("Venue", m.location), ("Online", m.online_link), ("Chair", m.chair),
                         ("Present", ", ".join(m.attendees)),
                         ("Apologies", ", ".join(m.apologies))):  # fmt: skip
        if value:
            out.append(f"{label:<10}", style="dim")
            out.append(f"{value}\n")
    return out


def record_text(rec: MeetingRecord) -> Text:
    """What follows the updates: reported, escalations, decisions, actions arising."""
    out = Text()
    if rec.reported:
        out.append(f"Reported from the boards under it: {plural(len(rec.reported), 'update')}\n")
    out.append(f"\nEscalations received ({len(rec.escalations)})\n", style="bold")
    for e in rec.escalations:
        out.append(f"  #{e.id} {e.ref} from {e.from_board_name}: {e.status}")
        out.append(f" ({e.decision_note})\n" if e.decision_note else "\n")
    out.append(f"\nDecisions ({len(rec.decisions)})\n", style="bold")
    for d in rec.decisions:
        out.append(f"  {d.number}. {d.text}\n")
    out.append(f"\nActions arising ({len(rec.actions)})\n", style="bold")
    for a in rec.actions:
        out.append(f"  {a.owner or 'unassigned'} to {a.text}")
        out.append(f" by {day(a.due)}" if a.due else "")
        out.append(f" (decision {a.decision})" if a.decision else "")
        out.append(f" (escalation #{a.escalation_id})" if a.escalation_id else "")
        if not a.decision and not a.escalation_id:  # say where one from neither came from
            out.append(f" ({FOLLOWUP_SOURCE_WORDS.get(a.source, a.source)})", style="dim")
        out.append(f"  [{a.status}]\n", style="dim")
    out.append(f"\nPapers issued ({len(rec.papers)})\n", style="bold")
    for p in rec.papers:
        out.append(
            f"  #{p.id} {p.template} ({p.format}) version {p.version}, "
            f"issued {day(p.issued_at.date())} by {p.issued_by}\n"
        )
    return out
