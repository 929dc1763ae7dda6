"""The keys of holding a meeting (tracker/ui/boards/hold.py): numbered choices, 1 to 4 at each
step, and which of them the step in hand takes, so that the footer and help show only those."""

from __future__ import annotations

from textual.binding import Binding, BindingType
from textual.widgets import Input

# numbered choices, 1 to 4 at each step: the letters a person meets on the screens
# (n new, e edit, s sort, c clear, r reload) mean the same here as there
HOLD_KEYS: list[BindingType] = [
    Binding(
        "1",
        "verdict('noted')",
        "Noted",
        tooltip="At an update: the board noted it; on to the next",
    ),
    Binding(
        "2",
        "verdict('challenged')",
        "Challenge",
        tooltip="At an update: challenge it; type what the owner must resubmit, then Enter",
    ),
    Binding(
        "3",
        "skip('update')",
        "Leave waiting",
        tooltip="At an update: decide nothing now; the update waits",
    ),
    Binding(
        "1",
        "verdict('accept')",
        "Accept",
        tooltip="At an escalation: accept it (a decision note may follow, then Enter)",
    ),
    Binding(
        "2",
        "verdict('refer back')",
        "Refer back",
        tooltip="At an escalation: send it back to the board that raised it, with a note",
    ),
    Binding(
        "3",
        "verdict('escalate')",
        "Escalate further",
        tooltip="At an escalation: pass it on to this board's parent board, with a note",
    ),
    Binding(
        "4",
        "skip('escalation')",
        "Leave open",
        tooltip="At an escalation: decide nothing now; it stays open",
    ),
    Binding(
        "plus",
        "followup",
        "Add follow-up",
        key_display="+",
        tooltip="A follow-up (action arising) carrying a decision out: OWNER: TASK by "
        "31 Mar 2027; at other business it may name its decision: (decision 2)",
    ),
    Binding(
        "o",
        "minute",
        "Other decision",
        tooltip="At other business: minute a decision not tied to an update or escalation",
    ),
    Binding(
        "minus",
        "drop_followup",
        "Remove follow-up",
        key_display="-",
        tooltip="Remove the last follow-up (or, at other business, decision) added here",
    ),
    Binding(
        "enter",
        "next",
        "Next step",
        show=True,
        tooltip="At other business: on to the attendees and marking the meeting held",
    ),
    Binding(
        "up",
        "previous",
        "Previous",  # works in the attendees box too
        tooltip="Back a step, to change what was decided there",
    ),
    Binding("p", "previous", "Previous", show=False, tooltip="Back a step (as ↑)"),
    Binding(
        "escape",
        "cancel",
        "Cancel",
        tooltip="Close the walk-through; nothing is saved until the meeting is marked held",
    ),
]


def step_takes(kind: str, index: int, action: str, parameters: tuple[object, ...]) -> bool:
    """Does the step of `kind` (update, escalation, other, summary), the `index`th, take the
    key bound to `action`?"""
    if action == "verdict":
        wanted = "update" if parameters and parameters[0] in ("noted", "challenged") \
            else "escalation"  # fmt: skip
        return kind == wanted
    if action == "skip":
        return kind == (parameters[0] if parameters else kind)
    if action in ("followup", "drop_followup"):
        return kind in ("escalation", "other")
    if action in ("minute", "next"):
        return kind == "other"
    if action == "previous":
        return index > 0
    return True


class HoldBox(Input):
    """The window's text box. Focused at the last step (the attendees), its own Enter and ↑
    hid the window's from the footer, which showed only "esc Cancel": here Enter says it marks
    the meeting held there, and ↑ goes back a step as everywhere in the window."""

    BINDINGS = [
        Binding("enter", "mark_held", "Mark held", tooltip="Mark the meeting held"),
        Binding("enter", "submit", "Submit", show=False),
        Binding("up", "screen.previous", "Previous", key_display="↑",
                tooltip="Back a step, to change what was decided there"),
    ]  # fmt: skip

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "mark_held":  # else Enter is the box's own (a comment, a follow-up)
            return getattr(self.screen, "kind", "") == "summary"
        return super().check_action(action, parameters)

    async def action_mark_held(self) -> None:
        await self.action_submit()
