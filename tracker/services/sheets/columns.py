"""The register sheet's columns, and reading a cell the way Excel leaves it: serial dates,
percentages as 0.4, '40%' or 40, stray spaces, 'Amber'/'A'/'AMBER', 'In Progress'/'in-progress'."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

from tracker import input_rules
from tracker.text import normalise_newlines
from tracker.vocabulary import RAGS


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    width: int
    fill_in: bool = False  # for the owner to fill in
    required: bool = False  # an import refuses a sheet without it


COLUMNS = (
    Column("ref", "Ref", 10, required=True),
    Column("title", "Title", 48),
    Column("phase", "Phase", 7),
    Column("board", "Board", 26),
    Column("owner", "Owner", 26),
    Column("due", "Due", 12),
    Column("status", "Current status", 14),
    Column("rag", "Current RAG", 12),
    Column("progress", "Current %", 10),
    Column("commentary", "Latest commentary", 44),
    Column("new_status", "New status", 14, fill_in=True, required=True),
    Column("new_rag", "New RAG", 10, fill_in=True, required=True),
    Column("new_progress", "New % complete", 15, fill_in=True, required=True),
    Column("new_commentary", "Commentary", 60, fill_in=True, required=True),
    Column("version", "Version", 9, required=True),  # hidden in xlsx, last in CSV
)
BY_KEY = {c.key: c for c in COLUMNS}


@dataclass(frozen=True)
class FormulaCell:
    """A cell holding a formula: the import reads typed values only and says which cell."""

    sheet: str
    coordinate: str  # e.g. F7

    def __str__(self) -> str:
        return f"Sheet {self.sheet}, cell {self.coordinate}"


Row = tuple[int, tuple[object, ...], frozenset[int]]
"""(row number as the spreadsheet shows it, cell values, indexes of cells formatted as a
percentage: Excel keeps 40% as 0.4 and says so only in the cell's number format)."""
NO_PERCENT: frozenset[int] = frozenset()

FILL_IN = tuple(c.key for c in COLUMNS if c.fill_in)
RAG_CHOICES = (*RAGS, "none")  # none: not assessed

# Excel's day 0 (it counts 1900 as a leap year, so serials from 61 on count from here)
_EXCEL_EPOCH = dt.date(1899, 12, 30)


class RagNone:
    """The owner asked for 'no RAG' (not assessed), as opposed to leaving the cell blank."""

    def __repr__(self) -> str:
        return "none"


NO_RAG = RagNone()


def header_key(text: object) -> str | None:
    """The column a header cell names (case, spaces and a trailing '*' do not matter)."""
    if text is None:
        return None
    norm = " ".join(str(text).replace("\ufeff", "").split()).lower().rstrip("* ").strip()
    for column in COLUMNS:
        if column.header.lower() == norm:
            return column.key
    return None


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def text(value: object) -> str | None:
    if is_blank(value):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    return normalise_newlines(str(value)).strip()


def parse_status(value: object) -> tuple[str | None, str | None]:
    """(status, problem). 'In Progress', 'in-progress', ' IN_PROGRESS ' -> 'in progress'."""
    return input_rules.read_status(value)


def parse_rag(value: object) -> tuple[str | RagNone | None, str | None]:
    """(rag, problem). 'Amber', 'amber', 'A', 'AMBER' -> 'amber'; 'none' -> NO_RAG."""
    rag, problem = input_rules.read_rag(value)
    return (NO_RAG if rag == input_rules.NO_RAG else rag), problem


def parse_percent(value: object, percent_format: bool = False) -> tuple[int | None, str | None]:
    """(whole percentage, problem). 40, '40', '40%', 0.4 (a fraction, or a cell formatted as a
    percentage) all mean 40. 1 means 1%, unless the cell is formatted as a percentage."""
    if is_blank(value):
        return None, None
    if isinstance(value, bool):
        return None, f"{value!r} is not a percentage"
    if isinstance(value, int | float):
        number = float(value)
        as_fraction = percent_format or 0 < number < 1
    else:
        raw = str(value).strip()
        try:
            number = float(raw.removesuffix("%").strip())
        except ValueError:
            return None, f"{raw!r} is not a percentage"
        as_fraction = not raw.endswith("%") and 0 < number < 1
    if not math.isfinite(number):
        return None, f"{_show(value)} is not a percentage"
    if as_fraction:
        number *= 100
    rounded = round(number, 6)
    if not rounded.is_integer():
        return None, f"{_show(value)} is not a whole percentage"
    return int(rounded), None


def parse_date(value: object) -> tuple[dt.date | None, str | None]:
    """(date, problem). A date cell, an Excel serial number (46101), ISO text or UK d/m/y."""
    if is_blank(value):
        return None, None
    if isinstance(value, dt.datetime):
        return value.date(), None
    if isinstance(value, dt.date):
        return value, None
    serial: float | None = None
    if isinstance(value, int | float) and not isinstance(value, bool):
        serial = float(value)
    else:
        raw = str(value).strip()
        if len(raw) == 10 or (len(raw) == 19 and raw[10] in " T"):  # ISO: the fast, usual case
            try:
                return dt.date.fromisoformat(raw[:10]), None
            except ValueError:
                pass
        if re.fullmatch(r"\d{5}(\.\d+)?", raw):
            serial = float(raw)
        else:
            return input_rules.read_date(raw)
    if serial is not None and 61 <= serial < 2958466:  # Excel's range, 1900-03-01 to 9999
        return _EXCEL_EPOCH + dt.timedelta(days=int(serial)), None
    return None, f"{_show(value)} is not a date"


def parse_version(value: object) -> tuple[int | None, str | None]:
    if is_blank(value):
        return None, "missing: keep the Version column as exported"
    if isinstance(value, bool):
        return None, f"{value!r} is not a version number"
    if isinstance(value, int | float):
        if float(value).is_integer() and value >= 1:
            return int(value), None
        return None, f"{_show(value)} is not a version number"
    raw = str(value).strip()
    if re.fullmatch(r"\d+(\.0+)?", raw) and float(raw) >= 1:
        return int(float(raw)), None
    return None, f"{raw!r} is not a version number"


def _show(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return repr(value) if isinstance(value, str) else str(value)
