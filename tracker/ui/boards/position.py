"""A board as the Boards screen shows it: its rolled-up position (totals, per phase, per stage,
what changed since the last meeting) and its escalations, to and from it."""

from __future__ import annotations

from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text

from tracker.ui.boards.common import plural
from tracker.ui.widgets.text import clip, day, rag_text
from tracker.vocabulary import counted


def position_renderable(p: Any) -> Group:
    """The roll-up as the board would read it: totals, per phase, per stage, what changed."""
    head = Text()
    head.append(counted(p.total, "actions"), style="bold")
    head.append(f" in {counted(len(p.boards_included), 'boards')} as of {day(p.as_of)}; ")
    head.append(f"{p.progress:.1f}% complete on average; ")
    head.append(f"last meeting {day(p.last_meeting) if p.last_meeting else 'none held'}")
    groups: list[tuple[str, Any, str]] = [("All", p, "bold")]
    groups += [(f"Phase {g.number} {g.name or '(to be confirmed)'}", g, "") for g in p.phases
               if g.total]  # fmt: skip
    groups += [(f"Stage {g.number} {g.name}" if g.number is not None else "No stage", g, "")
               for g in p.stages if g.total]  # fmt: skip
    groups += [(f"▸ {c.name}", c, "italic") for c in p.children]

    def table(title: str, heads: list[Text | str], cells: Any) -> Table:
        out = Table(box=None, header_style="bold", pad_edge=False, title=title,
                    title_justify="left", title_style="bold", padding=(0, 0, 0, 1))  # fmt: skip
        out.add_column("", no_wrap=True, min_width=20, max_width=30, overflow="ellipsis")
        for head_text in heads:
            longest = max(len(word) for word in str(head_text).split())
            out.add_column(head_text, justify="right", min_width=max(5, longest))
        for label, g, style in groups:
            out.add_row(Text(label, style=style), *cells(g))
        return out

    by_status = table(
        "By status", [s for s, _ in p.by_status], lambda g: [str(n) for _, n in g.by_status]
    )
    rags: list[Text | str] = [
        Text(r, style=rag_text(r if r != "none" else None).style) for r, _ in p.by_rag
    ]
    by_rag = table(
        "By RAG, and % complete", [*rags, "% done"],
        lambda g: [*(str(n) for _, n in g.by_rag), f"{g.progress:.0f}"],
    )  # fmt: skip
    tail = Text()
    tail.append(f"\nOverdue: {len(p.overdue)}", style="bold red" if p.overdue else "")
    for r in p.overdue[:5]:
        tail.append(f"\n  {r.ref} {clip(r.title, 50)} (due {day(r.due)})")
    if len(p.overdue) > 5:
        tail.append(f"\n  … and {len(p.overdue) - 5} more")
    tail.append(f"\nRAG worsened since the last meeting: {len(p.worsened)}",
                style="bold" if p.worsened else "")  # fmt: skip
    for w in p.worsened[:5]:
        tail.append(f"\n  {w.ref} {clip(w.title, 40)}: {w.before} → ")
        tail.append(w.after, style=rag_text(w.after).style)
    for c in p.children:
        if c.reported or c.to_report:
            tail.append(f"\n{c.name}: reported {plural(c.reported_updates, 'update')}"
                        + (f" on {day(p.last_meeting)}" if c.reported else "")
                        + f"; {c.to_report_updates} to report next")  # fmt: skip
    tail.append(f"\nOpen escalations to this board: {len(p.escalations_open)}")
    return Group(head, Text(""), by_status, Text(""), by_rag, tail)


def escalations_text(escalations: Any, board: str) -> Text:
    """Escalations to and from the board, newest first, each with its reason and decision."""
    text = Text()
    if not escalations:
        text.append("No escalations to or from this board.", style="dim")
    for e in reversed(escalations):
        where = f"from {e.from_board_name}" if e.to_board == board else f"to {e.to_board_name}"
        text.append(f"#{e.id} {e.ref} {e.title}\n", style="bold")
        text.append("  ")
        text.append(e.status, style="bold yellow" if e.status == "open" else "")
        if e.decided_on:
            text.append(f" on {day(e.decided_on)}")
        if e.followed_by:
            text.append(f" (as #{e.followed_by})")
        text.append(f"; raised {day(e.raised_on)} by {e.raised_by}\n  {where}\n")
        text.append(f"  Reason: {e.reason}\n  Decision sought: {e.decision_sought}\n")
        if e.decision_note:
            text.append(f"  Decision: {e.decision_note}\n")
    return text
