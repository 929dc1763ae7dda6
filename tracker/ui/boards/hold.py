"""Holding a board's meeting, step by step: each waiting update (noted, challenged with a
comment, or left waiting), then each open escalation (accept, refer back, escalate further, or
leave open; with the follow-ups that carry the decision out: owner, task, due date), then any
other business (decisions minuted and actions arising that are tied to no update or escalation),
then the attendees; nothing is saved until the last step marks the meeting held."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tracker.errors import TrackerError
from tracker.ui.boards.agenda import (
    DECISION_WORDS,
    escalation_text,
    other_text,
    recorded,
    summary,
    update_text,
)
from tracker.ui.boards.common import plural, refusal
from tracker.ui.boards.hold_keys import HOLD_KEYS, HoldBox, step_takes
from tracker.ui.boards.messages import HoldPrepared, HoldRefused, HoldSaved
from tracker.ui.widgets.handle import Services
from tracker.ui.widgets.keybar import KeyBar
from tracker.ui.widgets.text import day
from tracker.ui.widgets.work import WorkFailed, work


def also_due(on: dt.date | None, later: tuple[dt.date, ...], today: dt.date) -> str:
    """When later meetings are due too, this one was never recorded: it may not have taken
    place, and the secretary may mean a later one (holding it would minute the wrong date).
    Alone and past, it passed unrecorded: held now, it is held late, on its own date."""
    if not later:
        if on is None or on >= today:
            return ""
        return (f"{day(on)} passed {plural((today - on).days, 'day')} ago and is not recorded "
                "as held. If it took place, go on: it is recorded late, on its date. If it did "
                "not, Esc and cancel it (ctrl+p: \"cancel a meeting\").")  # fmt: skip
    dates = ", ".join(day(d) for d in later)
    return (f"{day(on)} is the board's earliest meeting not recorded as held; {dates} "
            f"{'is' if len(later) == 1 else 'are'} due too. If {day(on)} did not take place, "
            "Esc and cancel it (ctrl+p: \"cancel a meeting\"), then hold the next.")  # fmt: skip


class HoldMeetingScreen(ModalScreen[Any]):
    """Dismisses with the services' HoldResult once the meeting is held, or None if cancelled."""

    CSS_PATH = "boards.tcss"
    BINDINGS = HOLD_KEYS

    def __init__(self, services: Services, board: str) -> None:
        super().__init__()
        self.services = services
        self.board = board
        self.meeting: Any = None
        self.items: list[tuple[str, Any]] = []  # ("update", WaitingUpdate) | ("escalation", ..)
        self.index = 0
        self.answers: dict[int, tuple[str, str | None]] = {}  # item index -> (verdict, text)
        self.followups: dict[int, list[Any]] = {}  # escalation's index -> its ActionArisings
        # other business, in the order added: ("decision", text) | ("action", ActionArising)
        self.other: list[tuple[str, Any]] = []
        self.pending: str | None = None  # a verdict waiting for its text (Enter records it)
        self.reports: tuple[str, ...] = ()
        self.saving = False

    def compose(self) -> ComposeResult:
        with Vertical(id="hold-dialog"):
            yield Static("Preparing the meeting…", id="hold-title", markup=False)
            yield Static("", id="hold-step", markup=False)
            yield Static("", id="hold-item", markup=False)
            yield HoldBox(id="hold-text", placeholder="")
            yield Static("", id="hold-keys", markup=False)
            yield Static("", id="hold-error", markup=False)
        yield KeyBar()  # cut with … at the right, help and the palette kept in sight

    def on_mount(self) -> None:
        self.prepare()

    @work("read the meeting to hold", exclusive=True)
    def prepare(self) -> None:
        from tracker.services.governance.holding import meeting_to_hold

        t = self.services.tracker()
        try:
            h = meeting_to_hold(t, self.board)
        except TrackerError as exc:
            self.post_message(HoldRefused(refusal(exc)))
            return
        if h.meeting is None:
            note = (
                f"The next meeting is on {day(h.next_date)}: it can be held on or after "
                "that date." if h.next_date else
                "No meeting is scheduled: schedule one with n on the Boards screen."
            )  # fmt: skip
            self.post_message(HoldPrepared(None, (), (), note))
            return
        note = also_due(h.meeting.date, h.also_due, t.today())
        if h.waiting_later:  # the Waiting tab counts them; this meeting does not consider them
            note += (f"{' ' if note else ''}{plural(h.waiting_later, 'update')} recorded after "
                     f"{day(h.meeting.date)} {'waits' if h.waiting_later == 1 else 'wait'} for "
                     "the meeting after it.")  # fmt: skip
        self.post_message(HoldPrepared(h.meeting, h.waiting, h.escalations, note, h.reports))

    def on_hold_prepared(self, message: HoldPrepared) -> None:
        if message.meeting is None:
            self.query_one("#hold-title", Static).update(Text(message.note, style="bold"))
            self.query_one("#hold-keys", Static).update("Esc: close")
            self.query_one("#hold-text", Input).display = False
            return
        self.meeting = message.meeting
        self.reports = message.reports
        m = message.meeting
        title = f"Hold meeting: {m.board_name}, {day(m.date)}" + (
            f" ({m.own_title})" if m.own_title else ""
        )
        heading = Text(title, style="bold")
        if message.note:
            heading.append("\n" + message.note, style="not bold yellow")
        self.query_one("#hold-title", Static).update(heading)
        self.items = [("update", u) for u in message.waiting]
        self.items += [("escalation", e) for e in message.escalations]
        self.items.append(("other", None))
        self.items.append(("summary", None))
        self.show_step()

    # -- the steps ------------------------------------------------------------------------

    @property
    def kind(self) -> str:
        return self.items[self.index][0] if self.items else ""

    def show_step(self) -> None:
        kind, item = self.items[self.index]
        updates = sum(1 for k, _ in self.items if k == "update")
        escalations = sum(1 for k, _ in self.items if k == "escalation")
        box = self.query_one("#hold-text", Input)
        box.value = ""
        self.pending = None
        self.query_one("#hold-error", Static).update("")
        step = self.query_one("#hold-step", Static)
        body = self.query_one("#hold-item", Static)
        keys = self.query_one("#hold-keys", Static)
        self.refresh_bindings()
        if kind == "update":
            step.update(f"Update {self.index + 1} of {updates} waiting for this board")
            body.update(update_text(item))
            box.placeholder = "Challenge comment: what the owner must resubmit (2, then Enter)"
            keys.update("1 noted · 2 challenge · 3 leave waiting · ↑ previous · Esc cancel")
        elif kind == "escalation":
            step.update(f"Escalation {self.index - updates + 1} of {escalations} to decide")
            body.update(escalation_text(item, self.followups.get(self.index, [])))
            box.placeholder = "Decision note (optional): press 1, 2 or 3, type, then Enter"
            keys.update("1 accept · 2 refer back · 3 escalate further · 4 leave open · "
                        "+ add follow-up · - remove · ↑ previous · Esc cancel")  # fmt: skip
        elif kind == "other":
            step.update("Other business: decisions and actions arising (optional)")
            body.update(other_text(self.other))
            box.placeholder = "Press o for a decision or + for a follow-up, then type"
            keys.update("o minute a decision · + add follow-up · - remove the last · "
                        "Enter next · ↑ previous · Esc cancel")  # fmt: skip
        else:
            step.update("Mark the meeting held")
            body.update(summary(self.items, self.answers, self.followups, self.other, self.reports))
            box.placeholder = "Attendees, separated by commas, e.g. Jo Bell (Chair), Sam Lee"
            keys.update("Enter: mark held · ↑ previous · Esc cancel (nothing is saved) · "
                        "the attendee marked (Chair) chaired it")  # fmt: skip
            box.focus()
            return
        self.set_focus(None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Show in the footer only the keys the current step takes."""
        return step_takes(self.kind, self.index, action, parameters)

    def _record(self, verdict: str, value: str | None) -> None:
        self.answers[self.index] = (verdict, value)
        self.index += 1
        self.show_step()

    def action_verdict(self, verdict: str) -> None:
        if self.saving or not self.items:
            return
        allowed = ("noted", "challenged") if self.kind == "update" else tuple(DECISION_WORDS)
        if self.kind == "summary" or verdict not in allowed:
            return
        if verdict == "noted":
            self._record("noted", None)
            return
        self.pending = verdict
        box = self.query_one("#hold-text", Input)
        box.focus()
        word = "challenge" if verdict == "challenged" else verdict
        self.query_one("#hold-keys", Static).update(
            f"{word}: type the {'comment' if verdict == 'challenged' else 'note'}, then Enter "
            "(Esc: back)"
        )

    def action_skip(self, kind: str | None = None) -> None:
        if self.saving or self.kind not in ("update", "escalation"):
            return
        if self.followups.get(self.index):
            self.query_one("#hold-error", Static).update(Text(
                "Follow-ups carry a decision out: decide the escalation (1, 2 or 3) or remove "
                "them (-) to leave it open", style="bold red"))  # fmt: skip
            return
        self._record("skip", None)

    def action_followup(self) -> None:
        if self.saving or self.kind not in ("escalation", "other"):
            return
        self.pending = "followup"
        box = self.query_one("#hold-text", Input)
        box.value = ""
        box.placeholder = (
            "OWNER: TASK by DATE, e.g. Head of Early Help: confirm the funding by 31 Mar 2027"
        )
        box.focus()
        self.query_one("#hold-keys", Static).update(
            "follow-up: type OWNER: TASK [by 31 Mar 2027]"
            + (" [(decision N)]" if self.kind == "other" else "")
            + ", then Enter (Esc: back)"
        )

    def action_minute(self) -> None:
        if self.saving or self.kind != "other":
            return
        self.pending = "decision"
        box = self.query_one("#hold-text", Input)
        box.value = ""
        box.placeholder = "The decision as minuted, e.g. Agreed to extend the pilot to June"
        box.focus()
        self.query_one("#hold-keys", Static).update(
            "decision: type it as minuted, then Enter (Esc: back)"
        )

    def action_next(self) -> None:
        if not self.saving and self.kind == "other" and self.pending is None:
            self.index += 1
            self.show_step()

    def action_drop_followup(self) -> None:
        if self.saving:
            return
        if self.kind == "escalation" and self.followups.get(self.index):
            self.followups[self.index].pop()
            self.show_step()
        elif self.kind == "other" and self.other:
            self.other.pop()
            self.show_step()

    def action_previous(self) -> None:
        if not self.saving and self.index > 0:
            self.index -= 1
            self.show_step()

    def action_cancel(self) -> None:
        if self.pending is not None:
            self.pending = None
            self.show_step()
            return
        if not self.saving:
            self.dismiss(None)

    @on(Input.Submitted, "#hold-text")
    def _submitted(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        if self.kind == "summary":
            self.save([a.strip() for a in value.split(",") if a.strip()])
            return
        if self.pending is None:
            return
        if self.pending == "followup":
            self._add_followup(value)
            return
        if self.pending == "decision":
            if value:
                self.other.append(("decision", value))
            self.show_step()
            return
        if self.pending == "challenged" and not value:
            self.query_one("#hold-error", Static).update(
                Text("A challenge needs a comment: what must the owner resubmit?", style="bold red")
            )
            return
        self._record(self.pending, value or None)

    def _add_followup(self, value: str) -> None:
        from tracker.services.governance.minuted import parse_action

        item = self.items[self.index][1]
        try:
            action = parse_action(value)
        except TrackerError as exc:
            self.query_one("#hold-error", Static).update(Text(refusal(exc), style="bold red"))
            return
        if self.kind == "other":
            decisions = sum(1 for kind, _ in self.other if kind == "decision")
            if action.decision is not None and not (
                action.decision.isdigit() and 1 <= int(action.decision) <= decisions
            ):
                self.query_one("#hold-error", Static).update(Text(
                    f"decision {action.decision}: this meeting has "
                    f"{plural(decisions, 'other decision')} minuted (o adds one)",
                    style="bold red"))  # fmt: skip
                return
            self.other.append(("action", replace(action, escalation_id=None)))
        else:
            self.followups.setdefault(self.index, []).append(
                replace(action, escalation_id=item.id, decision=None)
            )
        self.show_step()

    # -- saving ---------------------------------------------------------------------------

    def save(self, attendees: list[str]) -> None:
        verdicts, decisions, followups, minuted = recorded(
            self.items, self.answers, self.followups, self.other
        )
        self.saving = True
        self.query_one("#hold-keys", Static).update("Saving…")
        self._save(self.meeting.date, attendees, verdicts, decisions, followups, minuted)

    @work("record the meeting", exclusive=True, saves=True)
    def _save(self, on: dt.date, attendees: list[str], verdicts: list[Any],
              decisions: list[Any], followups: list[Any],
              minuted: tuple[str, ...] = ()) -> None:  # fmt: skip
        from tracker.services.governance.holding import Minuted, hold_meeting

        try:
            result = hold_meeting(
                self.services.tracker(), self.board, on, attendees=attendees,
                verdicts=verdicts, decisions=decisions, expected_version=self.meeting.version,
                minuted=Minuted(decisions=minuted, actions=tuple(followups)),
            )  # fmt: skip
        except TrackerError as exc:
            self.post_message(HoldRefused(refusal(exc)))
            return
        self.post_message(HoldSaved(result))

    def on_hold_saved(self, message: HoldSaved) -> None:
        self.dismiss(message.result)

    def on_work_failed(self, message: WorkFailed) -> None:
        """An error the work did not expect (tracker/ui/widgets/work.py): said here, in the
        window's own error line, and the window usable again."""
        message.stop()
        self.on_hold_refused(HoldRefused(message.text))

    def on_hold_refused(self, message: HoldRefused) -> None:
        self.saving = False
        self.query_one("#hold-error", Static).update(Text(message.text, style="bold red"))
        if self.items:
            self.query_one("#hold-keys", Static).update("↑ previous · Esc cancel")
