"""How the app words and colours things, in one place (no database, no services)."""

from __future__ import annotations

import datetime as dt

from rich.text import Text

from tracker.text import visible

UNASSIGNED = "unassigned"
TBC = "to be confirmed"
RAG_STYLE = {"green": "bold #3fb950", "amber": "bold #e3a008", "red": "bold #f85149"}
STATUS_STYLE = {
    "complete": "#58a6ff",
    "cancelled": "dim strike",
    "in progress": "",
    "not started": "dim",
}


def clip(text: str | None, width: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


def day(value: dt.date | dt.datetime | None, *, year: bool = True) -> str:
    if value is None:
        return "-"
    if isinstance(value, dt.datetime):
        value = value.date()
    return value.strftime("%d %b %Y" if year else "%d %b")


def short_day(value: dt.date | dt.datetime | None) -> str:
    """'20 Mar 26': fits a narrow column."""
    if value is None:
        return "-"
    if isinstance(value, dt.datetime):
        value = value.date()
    return value.strftime("%d %b %y")


def rag_text(rag: str | None, *, width: int | None = None) -> Text:
    label = rag or "-"
    return Text(label if width is None else label[:width], style=RAG_STYLE.get(rag or "", "dim"))


def status_text(status: str) -> Text:
    return Text(status, style=STATUS_STYLE.get(status, ""))


def owner_text(owner: str | None) -> str:
    return owner or UNASSIGNED


def phase_name(name: str | None) -> str:
    return name or f"({TBC})"


def years(start: int | None, end: int | None) -> str:
    if not start and not end:
        return f"dates {TBC}"
    if start and end and start != end:
        return f"{start}-{end}"
    return str(start or end)


def late_by(due: dt.date | None, today: dt.date) -> str:
    if due is None:
        return ""
    days = (today - due).days
    if days <= 0:
        return "due today" if days == 0 else f"in {-days} day{'s' if days != -1 else ''}"
    return f"{days} day{'s' if days != 1 else ''} late"


def bar(fraction: float, width: int) -> str:
    """A progress bar of block characters, e.g. '██████░░░░'."""
    fraction = min(1.0, max(0.0, fraction))
    full = round(fraction * width)
    return "█" * full + "░" * (width - full)


def initials(name: str, width: int) -> str:
    """A board's name in a narrow column: as it is if it fits, else its initials
    ("Supporting Families Board" -> "SFB"), as council papers abbreviate them."""
    if len(name) <= width:
        return name
    letters = "".join(w[0] for w in name.split() if w[:1].isupper() or w[:1].isdigit())
    return clip(letters or name, width)


def person_name(label: str) -> str:
    """'Amy Archer (Head of Early Help)' -> 'Amy Archer'; a role alone stays as it is."""
    name, sep, _ = label.partition(" (")
    return name if sep and name else label


def show_control_characters_visibly() -> None:
    """Stored text on screen with its control characters visible (tracker.text.visible), as
    the CLI prints it. Every text a widget shows becomes Textual Content or Rich Text, whose
    constructors drop BEL, BS, VT, FF and CR through a table but pass ESC, the rest of C0, C1
    and bidi overrides raw to the terminal (a stored `ESC ] 0 ;` retitles the window). The same
    two tables, extended, show each of those instead."""
    from rich import control
    from textual import content

    codes = [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]
    codes += [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]
    shown = {code: visible(chr(code)) for code in codes}
    for table in (content._CONTROL_STRIP_TRANSLATE, control._CONTROL_STRIP_TRANSLATE):
        table.update(shown)
