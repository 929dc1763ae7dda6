"""The walk-through of holding a meeting (tracker.ui.boards.hold) as the board sees it and as it
is recorded: what each step shows (a waiting update, an escalation with its follow-ups, other
business so far, the summary), and the answers given turned into what the meeting records."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text

from tracker.ui.boards.common import plural
from tracker.ui.widgets.text import day, rag_text

if TYPE_CHECKING:
    from tracker.services.governance.escalation_read import EscalationView
    from tracker.services.governance.escalations import Decision
    from tracker.services.governance.reviews import Verdict
    from tracker.services.governance.trail import WaitingUpdate

DECISION_WORDS = {"accept": "accepted", "refer back": "referred back", "escalate": "escalated"}


def update_text(item: WaitingUpdate) -> Text:
    """An update waiting for the board's verdict, as its owner recorded it."""
    text = Text()
    text.append(f"{item.ref} {item.title}\n", style="bold")
    text.append(f"recorded {day(item.recorded_at)} by {item.recorded_by}: {item.status}, ")
    text.append_text(rag_text(item.rag))
    text.append(f", {item.progress}%\n")
    text.append(item.commentary or "(no commentary)")
    if item.challenged_before:
        text.append(f"\nResubmitted after a challenge: {item.challenged_before}", style="italic")
    return text


def escalation_text(item: EscalationView, followups: list[Any]) -> Text:
    """An open escalation to decide, with the follow-ups added to carry the decision out."""
    text = Text()
    text.append(f"#{item.id} {item.ref} {item.title}\n", style="bold")
    text.append(f"from {item.from_board_name}, raised {day(item.raised_on)} "
                f"by {item.raised_by}\n")  # fmt: skip
    text.append(f"Reason: {item.reason}\nDecision sought: {item.decision_sought}")
    for n, a in enumerate(followups, 1):
        text.append(f"\nFollow-up {n}: {a.owner} to {a.text}"
                    + (f" by {day(a.due)}" if a.due else ""), style="green")  # fmt: skip
    return text


def other_text(other: list[tuple[str, Any]]) -> Text:
    """Other business so far: decisions minuted and actions arising, numbered as added."""
    text = Text()
    if not other:
        text.append("Nothing minuted yet besides the verdicts and escalation decisions.")
    n = 0
    for kind, item in other:
        if kind == "decision":
            n += 1
            text.append(f"Decision {n}: {item}\n", style="bold")
        else:
            text.append(f"Action arising: {item.owner} to {item.text}"
                        + (f" by {day(item.due)}" if item.due else "")
                        + (f" (decision {item.decision})" if item.decision else "") + "\n",
                        style="green")  # fmt: skip
    return text


def summary(
    items: list[tuple[str, Any]], answers: dict[int, tuple[str, str | None]],
    followups: dict[int, list[Any]], other: list[tuple[str, Any]], reports: tuple[str, ...],
) -> Text:  # fmt: skip
    """The last step: what marking the meeting held will record, counted."""
    counts: dict[tuple[str, str], int] = {}
    for i, (kind, _) in enumerate(items):
        if kind in ("summary", "other"):
            continue
        verdict = answers.get(i, ("skip", None))[0]
        label = ("left waiting" if kind == "update" else "left open") if verdict == "skip" \
            else DECISION_WORDS.get(verdict, verdict)  # fmt: skip
        counts[(kind, label)] = counts.get((kind, label), 0) + 1
    text = Text()
    if not counts:
        text.append("Nothing waits for this meeting.\n")
    for (kind, label), n in counts.items():
        text.append(f"{plural(n, kind)} {label}\n")
    added = sum(len(v) for v in followups.values())
    if added:
        text.append(f"{plural(added, 'follow-up')} to carry decisions out\n")
    decisions = sum(1 for kind, _ in other if kind == "decision")
    if decisions:
        text.append(f"{plural(decisions, 'other decision')} minuted\n")
    arising = len(other) - decisions
    if arising:
        text.append(f"{plural(arising, 'action')} arising\n")
    for line in reports:
        text.append(f"{line}: reported at this meeting\n")
    return text


def recorded(
    items: list[tuple[str, Any]], answers: dict[int, tuple[str, str | None]],
    followups: dict[int, list[Any]], other: list[tuple[str, Any]],
) -> tuple[list[Verdict], list[Decision], list[Any], tuple[str, ...]]:  # fmt: skip
    """What the answers record: the verdicts on updates, the decisions on escalations, the
    follow-ups of decided escalations and other business, and the other decisions minuted. A
    step left waiting (or open) records nothing, and so neither do its follow-ups."""
    from tracker.services.governance.escalations import Decision
    from tracker.services.governance.reviews import Verdict

    verdicts, decisions, actions = [], [], []
    for i, (verdict, value) in answers.items():
        kind, item = items[i]
        if verdict == "skip":
            continue
        if kind == "update":
            verdicts.append(Verdict(item.id, verdict, value))
        else:
            decisions.append(Decision(item.id, verdict, value, item.version))
            actions += followups.get(i, [])
    actions += [item for kind, item in other if kind == "action"]
    minuted = tuple(item for kind, item in other if kind == "decision")
    return verdicts, decisions, actions, minuted
