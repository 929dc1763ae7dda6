"""A meeting's title as the lists show it. Minutes imported without a meeting's name in their
heading make a meeting called "<committee>, <day> <month> <year>" (minutes_draft): beside the
committee's name and the date, which every list shows already, such a title says nothing more."""

from __future__ import annotations

import datetime as dt
import re

_DAY = re.compile(r"\d{1,2} [A-Z][a-z]+ \d{4}")


def fallback_title(committee_name: str, date: dt.date) -> str:
    """What a meeting is called when nothing names it: "Cabinet, 12 March 2024"."""
    return f"{committee_name}, {date.day} {date:%B %Y}"


def own_title(title: str | None, committee_name: str) -> str | None:
    """The title, or None when it only says the committee's name and a date (the fallback)."""
    if not title:
        return None
    rest = title.removeprefix(f"{committee_name}, ")
    return None if rest != title and _DAY.fullmatch(rest) else title
