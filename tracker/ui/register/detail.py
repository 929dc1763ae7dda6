"""The selected action below the register: its fields and description on the left; what it
depends on, what depends on it, its outcomes and its update history (a timeline) on the right."""

from __future__ import annotations

import datetime as dt
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Static

from tracker.ui.register.view import HISTORY
from tracker.ui.widgets import text as tx


class ActionDetailPane(Horizontal):
    def compose(self) -> ComposeResult:
        with VerticalScroll(id="detail-main", can_focus=True):
            yield Static("", id="detail-fields")
        with VerticalScroll(id="detail-history", can_focus=True):
            yield Static("", id="detail-links")

    def _set(self, fields: Text | str, links: Text | str, title: str = "") -> None:
        self.query_one("#detail-fields", Static).update(fields)
        self.query_one("#detail-links", Static).update(links)
        self.query_one("#detail-main").border_title = title or "Action"
        self.query_one("#detail-history").border_title = "Links, updates and changes"

    def show_empty(self, filtered: bool) -> None:
        hint = "No actions match. Press c to clear the filters." if filtered else (
            "No actions yet. Press n to add one."
        )  # fmt: skip
        self._set(Text(hint, style="italic"), "")

    def show_reading(self, row: Any) -> None:
        """The cursor moved on: say which action is being read (cheap: titles only)."""
        self.query_one("#detail-main").border_title = f"{row.ref}  reading…"

    def show_detail(
        self, d: Any, today: dt.date, governance: Any = None, changes: tuple[Any, ...] = ()
    ) -> None:
        self._set(_fields(d.row, d, today), _history(d, governance, changes),
                  f"{d.ref}  version {d.version}")  # fmt: skip
        for pane in self.query(VerticalScroll):
            pane.scroll_home(animate=False)


def _fields(r: Any, d: Any | None, today: dt.date | None) -> Text:
    out = Text()
    out.append(r.title + "\n", style="bold")
    if d is not None:
        out.append((d.description or "No description yet.") + "\n\n",
                   style="" if d.description else "dim italic")  # fmt: skip
    due = tx.day(r.due) if r.due is not None else r.due_words()
    if r.overdue and today is not None:
        due += f"  ({tx.late_by(r.due_or_implied, today)})"
    pairs = [
        ("Phase", f"{r.phase} {tx.phase_name(r.phase_name)}"),
        ("Stage", f"{r.stage} {r.stage_name}" if r.stage is not None else "-"),
        ("Board", r.board_name or tx.UNASSIGNED),
        ("Owner", tx.owner_text(r.owner)),
    ]
    if d is not None:
        pairs.append(("Lead", d.lead_organisation or "-"))
        pairs.append(("Start", tx.day(d.start)))
    pairs.append(("Due", due))
    for label, value in pairs:
        style = "bold #f85149" if label == "Due" and r.overdue else ""
        out.append(f"{label:<7}", style="dim")
        out.append(value + "\n", style=style)
    out.append(f"{'Status':<7}", style="dim")
    out.append_text(tx.status_text(r.status))
    out.append("   RAG ", style="dim")
    out.append_text(tx.rag_text(r.rag))
    out.append(f"   {r.progress}% ", style="")
    out.append(tx.bar(r.progress / 100, 10) + "\n", style="#58a6ff")
    if d is not None and d.pace is not None and r.status not in ("complete", "cancelled"):
        out.append_text(pace_line(d.pace))
    if d is not None:
        if d.cancelled_reason:
            out.append("Cancelled because ", style="bold")
            out.append(d.cancelled_reason + "\n")
        out.append("Outcomes ", style="dim")
        out.append("; ".join(d.outcomes) or "-")
    return out


def pace_line(p: Any) -> Text:
    """'Suggested red (20% of an expected 66%); at this pace, 26 months after due'."""
    out = Text("Suggested ", style="dim")
    if p.suggested:
        out.append_text(tx.rag_text(p.suggested))
        if p.expected:
            out.append(f" (expected {p.expected * 100:.0f}% by now)", style="dim")
    else:
        out.append("-", style="dim")
    out.append("; ")
    out.append(p.forecast_text + "\n")
    return out


def _linked(label: str, items: Any) -> Text:
    out = Text(f"{label}: ", style="dim")
    if not items:
        out.append("none\n")
        return out
    out.append("\n")
    for x in items:
        out.append(f"  {x.ref:<8}", style="bold")
        out.append(f"{tx.clip(x.title, 34)} ")
        out.append_text(tx.status_text(x.status))
        out.append("\n")
    return out


def _challenges(governance: Any) -> Text:
    """The challenges its owner must answer, where the owner looks."""
    out = Text()
    to_answer = governance.to_answer if governance is not None else ()
    if not to_answer:
        return out
    out.append(f"Challenges to answer ({len(to_answer)}):\n", style="bold #d29922")
    for c in to_answer:
        out.append(f"  #{c.id} ", style="bold")
        out.append(f"{c.board_name} {tx.day(c.meeting)}: ")
        out.append(f'"{c.comment or "challenged"}"\n', style="italic")
        out.append(f"    answer it here: ctrl+p, 'Answer a challenge', #{c.id}\n", style="dim")
    out.append("\n")
    return out


def _history(d: Any, governance: Any = None, changes: tuple[Any, ...] = ()) -> Text:
    out = Text()
    out.append_text(_challenges(governance))
    out.append_text(_linked("Depends on", d.depends_on))
    out.append_text(_linked("Needed by", d.dependents))
    out.append("\n")
    trails = governance.trails if governance is not None else {}
    if not d.updates and not changes:
        out.append("No status updates yet. Press u to record one.", style="dim italic")
        return out
    shown = f"the latest {HISTORY}" if len(d.updates) >= HISTORY else str(len(d.updates))
    if changes:
        counts = (
            f"{len(changes)} change{'s' if len(changes) != 1 else ''}, {shown} "
            f"update{'s' if shown != '1' else ''}"
        )  # "1 change, 1 update"
        out.append(f"Updates and changes, newest first ({counts}):\n", style="bold")
    else:
        out.append(f"Update history, newest first ({shown}):\n", style="bold")
    # edits (dates, owner, board, cancellations) stand beside the status updates, by time
    timeline = sorted([(u.recorded_at, 0, u) for u in d.updates]
                      + [(c.at, 1, c) for c in changes], key=lambda x: (x[0], x[1]),
                      reverse=True)  # fmt: skip
    for i, (_, kind, u) in enumerate(timeline):
        last = i == len(timeline) - 1
        if kind == 1:
            out.append("✎ ", style="#d29922")
            out.append(u.at.strftime("%d %b %Y %H:%M"), style="bold")
            out.append(f"  {u.by}  {u.kind}" + (f" (batch {u.batch})" if u.batch else "") + "\n",
                       style="dim")  # fmt: skip
            for line in _wrap(u.describe(), 52):
                out.append("│ " if not last else "  ", style="dim")
                out.append(line + "\n")
            continue
        out.append("● ", style=tx.RAG_STYLE.get(u.rag or "", "dim"))
        out.append(u.recorded_at.strftime("%d %b %Y %H:%M"), style="bold")
        out.append(f"  {u.recorded_by}\n", style="dim")
        out.append("│ " if not last else "  ", style="dim")
        out.append_text(tx.status_text(u.status))
        out.append(", ")
        out.append_text(tx.rag_text(u.rag))
        out.append(f", {u.progress}%\n")
        if u.commentary:
            for line in _wrap(u.commentary, 52):
                out.append("│ " if not last else "  ", style="dim")
                out.append(line + "\n", style="italic")
        steps = [step.describe() for step in trails.get(u.id, ())[1:]]  # after "recorded"
        if steps:
            for line in _wrap(", ".join(steps), 52):
                out.append("│ " if not last else "  ", style="dim")
                style = "#d29922" if "challenged" in line and "answered" not in line else "dim"
                out.append(line + "\n", style=style)
    return out


def _wrap(text: str, width: int) -> list[str]:
    import textwrap

    return textwrap.wrap(" ".join(text.split()), width) or [""]
