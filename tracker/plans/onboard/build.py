"""A council's action log turned into a plan file (plans/README.md): one action a row, people
and boards from the Lead and Board columns, the latest progress text as the action's latest
update, what has no field kept as notes in the action's description, and every cell that could
not be read listed (its cell, column, value and why), never guessed."""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from tracker.plans.onboard.grid import Cell, Sheet
from tracker.plans.onboard.mapping import FIELDS, NOTE, Mapping_, cell_at

STATUS_WORDS = {
    "complete": ("complete", "completed", "done", "closed", "achieved", "finished", "delivered",
                 "complete closed", "completed closed", "implemented", "blue"),
    "in progress": ("in progress", "ongoing", "on going", "on track", "on target", "started",
                    "underway", "under way", "in hand", "under control", "behind schedule",
                    "progressing", "revised completion date", "partially complete", "live",
                    "active", "delayed", "at risk", "off track"),
    "not started": ("not started", "not yet started", "open", "pending", "planned", "to start",
                    "not due", "new", "not yet due", "to do"),
    "cancelled": ("cancelled", "canceled", "withdrawn", "deleted", "suspended",
                  "no longer required", "dropped", "superseded", "closed not required"),
}  # fmt: skip
_STATUS = {w: s for s, words in STATUS_WORDS.items() for w in words}
_RAG = {"r": "red", "red": "red", "a": "amber", "amber": "amber", "y": "amber",
        "yellow": "amber", "g": "green", "green": "green", "b": "complete", "blue": "complete",
        "complete": "complete", "completed": "complete", "n a": None, "na": None,
        "not assessed": None, "tbc": None, "none": None}  # fmt: skip
_ROLE_WORDS = re.compile(
    r"\b(head|manager|director|officer|lead|chair|coordinator|co-ordinator|team|service|"
    r"services|board|group|partnership|panel|commissioner|adviser|advisor|practitioner|"
    r"consultant|nurse|inspector|cabinet|member|all|partners|council|police|nhs|icb)\b",
    re.IGNORECASE,
)
_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m} | {
    m.lower(): i for i, m in enumerate(calendar.month_abbr) if m} | {"sept": 9}  # fmt: skip
_EXCEL_EPOCH = dt.date(1899, 12, 30)


@dataclass(frozen=True)
class Unread:
    cell: str  # e.g. "Actions!E7"
    column: str  # the header
    value: str
    why: str


def text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    out = str(value).replace("\r\n", "\n").replace("\r", "\n").strip()
    return out or None


def slug(value: str) -> str:
    """A code from a name: "Siân Evans" -> "sian-evans"."""
    plain = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:60] or "x"


def parse_date(value: object) -> tuple[dt.date | None, str | None]:
    """A date cell, an Excel serial, or text as councils write it: 31/03/2026, 31.3.26,
    31st March 2026, March 2026 and Mar-26 (the month's last day), Q3 2026 (the quarter's)."""
    if value is None:
        return None, None
    if isinstance(value, dt.datetime):
        return value.date(), None
    if isinstance(value, dt.date):
        return value, None
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 20000 < value < 80000:
            return _EXCEL_EPOCH + dt.timedelta(days=int(value)), None
        return None, "a number, not a date"
    raw = " ".join(str(value).split())
    low = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", raw.lower()).replace(",", "")
    try:
        return dt.date.fromisoformat(low[:10]), None
    except ValueError:
        pass
    if m := re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})", low):
        day, month, year = int(m[1]), int(m[2]), int(m[3])
        return _day(year, month, day, raw)
    m = re.fullmatch(r"(\d{1,2})[ \-]([a-z]+)[ \-](\d{2}|\d{4})", low)
    if m and m[2] in _MONTHS:
        return _day(int(m[3]), _MONTHS[m[2]], int(m[1]), raw)
    if (m := re.fullmatch(r"(?:end of )?([a-z]+)[ \-](\d{2}|\d{4})", low)) and m[1] in _MONTHS:
        year, month = _year(int(m[2])), _MONTHS[m[1]]
        return dt.date(year, month, calendar.monthrange(year, month)[1]), None
    if m := re.fullmatch(r"q([1-4])[ \-]*(\d{4})", low):
        year, quarter = int(m[2]), int(m[1])
        month = quarter * 3
        return dt.date(year, month, calendar.monthrange(year, month)[1]), None
    return None, "not a date (e.g. 31/03/2026, March 2026, Q1 2026)"


def _year(year: int) -> int:
    return year + 2000 if year < 100 else year


def _day(year: int, month: int, day: int, raw: str) -> tuple[dt.date | None, str | None]:
    try:
        return dt.date(_year(year), month, day), None
    except ValueError:
        return None, f"{raw!r} is not a day of the calendar"


def colour_rag(fill: str | None) -> str | None:
    """A RAG kept as a cell's colour: red, amber (orange or yellow), green, or blue (done)."""
    if not fill:
        return None
    r, g, b = (int(fill[i : i + 2], 16) for i in (0, 2, 4))
    if r > 170 and g < 120 and b < 120:
        return "red"
    if r > 200 and g > 120 and b < 120:
        return "amber"
    if g > 110 and r < 170 and b < 150 and g > r:
        return "green"
    if b > 140 and r < 120 and b > g:
        return "complete"
    return None


def parse_percent(value: object) -> tuple[int | None, str | None]:
    if value is None:
        return None, None
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value) * (100 if 0 < value <= 1 and not float(value).is_integer() else 1)
    else:
        raw = str(value).strip().rstrip("%").strip()
        try:
            number = float(raw)
        except ValueError:
            return None, "not a percentage"
    if not 0 <= number <= 100:
        return None, "not between 0 and 100"
    return round(number), None


@dataclass
class Built:
    data: dict[str, Any]
    unread: list[Unread]
    notes: int  # actions carrying notes from unmapped columns
    sections: int  # heading rows read as sections


def build(
    sheet: Sheet, mapping: Mapping_, *, title: str, source: str, today: dt.date,
) -> Built:  # fmt: skip
    """The plan document (as data) and what could not be read."""
    cols = {f: mapping.column_of(f) for f in FIELDS}
    notes_cols = [c for c in mapping.columns if c.field == NOTE]
    people: dict[str, dict[str, Any]] = {}
    boards: dict[str, dict[str, Any]] = {}
    actions: list[dict[str, Any]] = []
    unread: list[Unread] = []
    refs: set[str] = set()
    years = {today.year}
    noted = sections = 0
    section: str | None = None
    title_col = cols["title"]
    assert title_col is not None  # propose() insists on one

    def get(row: int, field: str) -> Cell:
        column = cols[field]
        return cell_at(sheet, row, column.index) if column else Cell(None)

    def miss(row: int, field: str, value: object, why: str) -> None:
        column = cols[field]
        assert column is not None
        unread.append(Unread(f"{sheet.name}!{column.letter}{row}", column.header,
                             text(value) or "", why))  # fmt: skip

    for row in range(mapping.first_data_row, len(sheet.rows) + 1):
        cells = sheet.rows[row - 1]
        if not any(text(c.value) for c in cells):
            continue
        name = text(get(row, "title").value)
        filled = [text(c.value) for c in cells if text(c.value)]
        if len(set(filled)) == 1 and (len(filled) > 1 or name is None):
            section = filled[0]  # a heading row across the table (often merged)
            sections += 1
            continue
        if name is None:
            unread.append(Unread(f"{sheet.name}!{title_col.letter}{row}", title_col.header,
                                 "", "a row with no action text: left out"))  # fmt: skip
            continue
        ref = _ref(text(get(row, "ref").value), len(actions) + 1, refs)
        action: dict[str, Any] = {"ref": ref, "title": " ".join(name.split())[:500],
                                  "phase": 1, "status": "not started", "rag": None,
                                  "progress": 0}  # fmt: skip
        if len(name) > 500 or "\n" in name:
            action["description"] = name
        for field in ("due", "start"):
            raw = get(row, field).value
            day, why = parse_date(raw)
            if why:
                miss(row, field, raw, why)
            elif day is not None:
                action[field] = day
                years.add(day.year)
        if action.get("start") and action.get("due") and action["due"] < action["start"]:
            miss(row, "start", get(row, "start").value, "after the due date: left out")
            del action["start"]
        status_cell = get(row, "status")
        status_text = text(status_cell.value)
        status = _STATUS.get(" ".join(re.sub(r"[^\w]+", " ", (status_text or "").lower()).split()))
        if status_text and status is None:
            miss(row, "status", status_text, "unknown status (" + ", ".join(STATUS_WORDS) + ")")
        rag_cell = get(row, "rag")
        rag_text = text(rag_cell.value)
        rag_key = " ".join(re.sub(r"[^\w]+", " ", (rag_text or "").lower()).split())
        rag = _RAG.get(rag_key, "?") if rag_text else colour_rag(rag_cell.fill)
        if rag == "?":
            rag = colour_rag(rag_cell.fill)
            if rag is None:
                miss(row, "rag", rag_text, "not a RAG (red, amber, green, R/A/G)")
        if rag is None and cols["rag"] is None:  # a RAG kept as the status cell's colour
            rag = colour_rag(status_cell.fill)
        percent, why = parse_percent(get(row, "percent").value)
        if why:
            miss(row, "percent", get(row, "percent").value, why)
        if rag == "complete":
            status, rag = "complete", None
        action["status"] = status or ("in progress" if (percent or rag) else "not started")
        action["rag"] = rag if action["status"] in ("in progress", "not started") else None
        action["progress"] = 100 if action["status"] == "complete" else (percent or 0)
        owner = text(get(row, "owner").value)
        if owner:
            action["owner"] = _person(people, owner)
        board = text(get(row, "board").value)
        if board:
            name = " ".join(board.split())[:200]
            if name not in boards:
                code = slug(name)
                taken = {b["code"] for b in boards.values()}
                code = code if code not in taken else f"{code}-{len(boards) + 1}"
                boards[name] = {"code": code, "name": name, "kind": "board", "parent": None}
            action["board"] = boards[name]["code"]
        phase = text(get(row, "phase").value)
        if phase and re.fullmatch(r"\D*([1-5])\D*", phase):
            action["phase"] = int(re.sub(r"\D", "", phase))
        extra = _notes(sheet, row, notes_cols, section)
        if extra:
            noted += 1
            action["description"] = "\n\n".join(x for x in (action.get("description"), extra) if x)
        update = text(get(row, "progress").value)
        if update:
            action["updates"] = [{
                "at": dt.datetime.combine(today, dt.time(9, 0)), "by": f"action log ({source})",
                "status": action["status"], "rag": action["rag"],
                "progress": action["progress"], "commentary": update,
            }]  # fmt: skip
        actions.append(action)
    phases = [{"number": n, "name": "Imported action log" if n == 1 else None, "start": None,
               "end": None} for n in sorted({a["phase"] for a in actions} | {1})]  # fmt: skip
    data: dict[str, Any] = {
        "schema": "tracker-plan/1",
        "strategy": {"title": title, "period": {"start": min(years), "end": max(years)},
                     "source": f"imported from {source} on {today.isoformat()}"},
        "people": list(people.values()),
        "boards": list(boards.values()),
        "phases": phases,
        "actions": actions,
    }  # fmt: skip
    return Built(data, unread, noted, sections)


def _ref(raw: str | None, n: int, seen: set[str]) -> str:
    ref = re.sub(r"[^A-Z0-9]+", "-", (raw or "").upper()).strip("-")[:36] or f"A-{n:03d}"
    base, k = ref, 2
    while ref in seen:
        ref, k = f"{base}-{k}", k + 1
    seen.add(ref)
    return ref


def _person(people: dict[str, dict[str, Any]], owner: str) -> str:
    """The person's code (people by the owner text as written; codes kept unique)."""
    owner = " ".join(owner.split())[:200]
    if owner not in people:
        codes = {p["code"] for p in people.values()}
        base = code = slug(owner)
        n = 2
        while code in codes:
            code, n = f"{base}-{n}", n + 1
        is_role = bool(_ROLE_WORDS.search(owner)) or owner.isupper()
        people[owner] = {"code": code, "name": None if is_role else owner,
                         "role": owner if is_role else None, "organisation": None}  # fmt: skip
    return str(people[owner]["code"])


def _notes(sheet: Sheet, row: int, columns: list[Any], section: str | None) -> str:
    lines = [f"Section: {section}"] if section else []
    for c in columns:
        value = text(cell_at(sheet, row, c.index).value)
        if value:
            lines.append(f"{c.header or c.letter}: {value}")
    return "\n".join(lines)
