"""A meeting's title as the lists show it. Minutes imported without a meeting's name in their
heading make a meeting called "<committee>, <day> <month> <year>" (minutes_draft), and a heading
may name only the committee ("Harbour Committee meeting"), or a part of its name (a plan's
"Family Board" under the "Brookfield Family Board"): beside the committee's name and the date,
which every list shows already, such a title says nothing more."""

from __future__ import annotations

import datetime as dt
import re

_DAY = re.compile(r"\d{1,2} [A-Z][a-z]+ \d{4}")


def fallback_title(committee_name: str, date: dt.date) -> str:
    """What a meeting is called when nothing names it: "Cabinet, 12 March 2024"."""
    return f"{committee_name}, {date.day} {date:%B %Y}"


def own_title(title: str | None, committee_name: str) -> str | None:
    """The title, or None when it only says the committee's name and a date (the fallback), or
    the committee's name or some of its words in order, with or without "meeting" (a heading's
    "Minutes of the Harbour Committee meeting" under the Harbour Committee; "Family Board" under
    the Brookfield Family Board)."""
    if not title:
        return None
    rest = title.removeprefix(f"{committee_name}, ")
    if rest != title and _DAY.fullmatch(rest):
        return None
    said = title.lower().split()
    if said and said[-1] == "meeting":
        said = said[:-1]
    name = committee_name.lower().split()
    runs = (name[i : i + len(said)] for i in range(len(name) - len(said) + 1))
    return None if said and any(run == said for run in runs) else title
