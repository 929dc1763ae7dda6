"""The value types the minutes parser returns, and its one error type."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

KINDS = ("resolved", "recommended", "agreed", "noted")
SOURCES = ("resolution", "action-line", "action-table")


class MinutesError(ValueError):
    """The input is not minutes text at all (empty, whitespace only, or binary)."""


@dataclass(frozen=True)
class ExtractedResolution:
    """One decision as minuted.

    `number` is the item number without brackets or dots ("1", "a", "ii", "8.18"), nested
    numbers joined with "." ("2.a"), "" for a single unnumbered resolution. `item` is the
    agenda item or minute number it was minuted under, as printed ("5.1", "F03:04/24",
    "19/17"), "" when the page prints none. `why` says why a candidate that was not a plain
    keyword resolution was taken ("" for a keyword resolution). Where the page numbers its items'
    resolutions afresh, `number` is told apart by its item, "7 (2)" (tracker.minutes.numbering),
    or on a page printing no item is its place in the page's order ("3"), and `printed` is the number the page prints there ("2"; "" for none); None when `number` is
    as printed (not in the JSON: the documented shape is unchanged).
    """

    number: str
    kind: str
    text: str
    line: int
    item: str = ""
    why: str = ""
    printed: str | None = None

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "kind": self.kind,
            "text": self.text,
            "line": self.line,
            "item": self.item,
            "why": self.why,
        }


@dataclass(frozen=True)
class ExtractedFollowUp:
    """Something somebody was asked to do, from a resolution, an ACTION line or an action table.

    `due` is an ISO date ("2025-03-31") only when a full date (with a day) was read with
    confidence; otherwise None.
    """

    owner: str
    text: str
    resolution: str | None
    line: int
    source: str
    due: str | None = None
    why: str = ""  # why a candidate that is not an ACTION line or table row was taken
    item: str = ""  # the agenda item or minute number it was minuted under ("" when none)

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "owner": self.owner,
            "text": self.text,
            "resolution": self.resolution,
            "line": self.line,
            "source": self.source,
            "due": self.due,
            "item": self.item,
            "why": self.why,
        }


@dataclass(frozen=True)
class Uncertainty:
    """Text the parser could not read with confidence, and why; `item` is the agenda item or
    minute number in force at its line ("" when none), so an officer who takes it in review
    knows where it sits (not in the JSON: the documented shape is unchanged)."""

    line: int
    text: str
    reason: str
    item: str = ""

    def to_json_dict(self) -> dict[str, Any]:
        return {"line": self.line, "text": self.text, "reason": self.reason}


@dataclass(frozen=True)
class Extraction:
    """Everything read from one minutes text."""

    title: str | None
    resolutions: tuple[ExtractedResolution, ...]
    followups: tuple[ExtractedFollowUp, ...]
    unsure: tuple[Uncertainty, ...]

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "resolutions": [r.to_json_dict() for r in self.resolutions],
            "followups": [f.to_json_dict() for f in self.followups],
            "unsure": [u.to_json_dict() for u in self.unsure],
        }


@dataclass(frozen=True)
class PageUnit:
    """One unit of the page as the reader cut it (a line, a table cell, a sentence of a
    flattened page), with its printed line, the item in force there and what the reader made of
    it: `state` "resolution", "followup" (taken), "unsure" (listed for review), "heading" or
    "left"; `note` says which (the resolution's number, the follow-up's owner, why it was unsure,
    what was left)."""

    line: int
    text: str
    item: str
    state: str
    note: str = ""
