"""How the dashboard's lines read: each list's item (an action, an update, a meeting, a
follow-up, a challenge) cut to its list's width, and the next returns deadline."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from tracker.ui.widgets import text as tx

RED = "#f85149"

if TYPE_CHECKING:
    from tracker.services.actions.register import ActionRow
    from tracker.services.actions.views import UpdateView
    from tracker.services.dashboard import FollowUpView, MeetingView
    from tracker.services.governance.challenge_views import ChallengeView
    from tracker.services.returns.ledger import BoardReturns


def returns_line(r: BoardReturns) -> Text:
    """The next returns deadline and how many are outstanding."""
    p = r.period
    days = p.days_to_deadline
    when = "today" if days == 0 else f"in {days} days" if days > 0 else f"{-days} days ago"
    late = days < 0 and r.outstanding
    return Text.assemble(
        ("Next returns: ", "bold"), f"{p.board_name}, due {tx.day(p.deadline)} ",
        (f"({when})", "bold #f85149" if late else ""), f" for its meeting of {tx.day(p.meeting)}",
        (" (passed unrecorded)", RED) if p.passed else "", ": ",
        (f"{r.outstanding} of {r.expected} outstanding", "bold" if r.outstanding else "dim"),
    )  # fmt: skip


def _beside(text: str, room: int) -> str:
    """`text` after two spaces, cut to `room`; nothing when too little room is left for a
    word to be read (a narrow list at 80x24 would otherwise wrap a lone "…" onto a line)."""
    return f"  {tx.clip(text, room - 2)}" if room - 2 >= MIN_BESIDE else ""


MIN_BESIDE = 6  # the fewest characters of an owner worth showing beside a date


def action_item(r: ActionRow, when: str, width: int) -> Text:
    ref = f"{r.ref:<9}" if width - len(when) >= 9 + 2 + MIN_BESIDE else f"{r.ref} "
    return Text.assemble(
        (ref, "bold"), (when, "bold #f85149" if r.overdue else ""),
        (_beside(tx.owner_text(r.owner), width - len(ref) - len(when)), "dim"), "\n",
        "  ", tx.clip(r.title, width - 2),
    )  # fmt: skip


def update_item(u: UpdateView, width: int) -> Text:
    return Text.assemble(
        (tx.day(u.recorded_at, year=False) + "  ", "dim"), (f"{u.ref:<9}", "bold"),
        tx.rag_text(u.rag), f"  {u.progress}%", (f"  {u.status}" if u.status != "in progress" else "", "dim"), "\n  ",
        (tx.clip(f"{u.recorded_by}: {u.commentary or '(no commentary)'}", width - 2), "italic"),
    )  # fmt: skip


def meeting_item(m: MeetingView, width: int) -> Text:
    if m.passed:
        return _passed_meeting_item(m, width)
    return Text.assemble(
        (tx.day(m.date) + "  ", "bold"),
        tx.clip(m.board, width - 13), "\n  ", (tx.clip(m.own_title or "", width - 2), "dim"),
    )  # fmt: skip


def _passed_meeting_item(m: MeetingView, width: int) -> Text:
    """A date passed unrecorded is still the board's next meeting (h on Boards holds it,
    late). Said in words on the first line, not by its colour alone: a list at 80x24 shows
    only that line. The board beside it when whole, else on the second line (what to do after
    it when that fits too)."""
    head = f"{tx.day(m.date)} unrecorded"
    if len(head) > width:
        head = f"{tx.day(m.date, year=False)} unrecorded"
    beside = f"  {m.board}" if len(head) + 2 + len(m.board) <= width else ""
    rest = "hold late or cancel" if beside else f"{m.board}: hold late or cancel"
    if len(rest) > width - 2:  # the board's name before what to do
        rest = m.board
    return Text.assemble(
        (head, f"bold {RED}"), beside, "\n  ", (tx.clip(rest, width - 2), RED),
    )  # fmt: skip


def followup_item(f: FollowUpView, width: int) -> Text:
    due = tx.day(f.due) if f.due else "no date"
    return Text.assemble(
        (due, "bold #f85149" if f.overdue else "bold"), (" overdue" if f.overdue else "", "#f85149"),
        (_beside(tx.owner_text(f.owner), width - len(due) - (8 if f.overdue else 0)), "dim"),
        "\n  ",
        tx.clip(f.text, width - 2),
    )  # fmt: skip


def challenge_item(c: ChallengeView, width: int) -> Text:
    # its number first: answering it (ctrl+p, "answer a challenge") asks for it
    number = f"#{c.id} "
    return Text.assemble(
        (number, "bold"), (f"{c.ref:<9}", "bold"),
        (tx.clip(tx.owner_text(c.owner), width - 9 - len(number)), "dim"), "\n  ",
        (tx.clip(f"{c.board_name} {tx.day(c.meeting)}: {c.comment or 'challenged'}", width - 2),
         "italic"),
    )  # fmt: skip
