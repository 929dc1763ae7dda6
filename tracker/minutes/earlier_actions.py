"""What restates earlier meetings' actions rather than recording this meeting's: a label or item
title over them ("Actions carried forward from the last meeting", "Review of actions from the
previous meeting", "Matters arising"), and the table rows under such a title. The segmenter marks
these lines so their rows and markers are read as restated, not as new actions."""

from __future__ import annotations

import re

from .cells import cell_row
from .tables import header_role, split_cells
from .text import Line, holds_any

# last meeting": what follows restates earlier meetings' decisions and actions, up to the label
# of this meeting's own ("Actions from meeting on 28 February 2018") or the next heading
_EARLIER_LABEL_RE = re.compile(
    r"^actions?\s+(?:held\s+over|carried\s+(?:forward|over)|outstanding)\s+from\s+(?:the\s+)?"
    r"(?:previous|last|earlier)\s+meetings?\b",
    re.I,
)
# "3. Actions carried forward", "Actions brought forward:", "Matters carried forward": the label
# alone (numbered or not) over the earlier meetings' actions it restates
_EARLIER_HEADING_RE = re.compile(
    r"^(?:\(?\d{1,3}(?:\.\d{1,3})?[.)]?\s+)?(?:outstanding\s+)?(?:actions?|action\s+points|matters)"
    r"\s+(?:held|carried|brought|rolled)\s+(?:forward|over)\s*[:.\-\u2013]?\s*$",
    re.I,
)
_THIS_MEETING_LABEL_RE = re.compile(
    r"^actions?\s+(?:from|arising\s+from|agreed\s+at)\s+(?:the\s+|this\s+)?meeting\b", re.I
)


# "5) Update on Actions arising from previous meetings", "4. Review of actions from the last
# meeting": an item that reports how earlier meetings' actions stand ("BE to sign ... - still
# in progress", "Clerk to write ... - Done"); its rows are not this meeting's actions
_EARLIER_TITLE_RE = re.compile(
    r"^(?P<no>\(?\d{1,3}[.)]?\s+|item\s+\d{1,3}\s*[:.\-\u2013]?\s*)?"
    r"(?:(?:updates?|review|progress|report)\s+(?:on|of)\s+(?:the\s+)?"
    r"(?:actions?|action\s+points)(?:\s+arising)?\s+from\s+(?:the\s+)?"
    r"(?:previous|last|earlier|past)\s+meetings?"
    r"|(?:actions?|action\s+points)\s+(?:arising\s+)?from\s+(?:the\s+)?"
    r"(?:previous|last|earlier|past)\s+meetings?\s*(?:[-\u2013:]\s*)?(?:updates?|progress|review)"
    r"|(?:updates?|review|progress)\s+(?:on|of)\s+(?:the\s+)?(?:previous|last|earlier|past|"
    r"outstanding)\s+(?:meeting'?s?\s+)?actions?)\b[^.]{0,40}$",
    re.I,
)


# "5. Actions arising from the minutes." (the item after the last minutes were approved),
# "Overdue outstanding actions were highlighted:", "Open actions from the previous minutes:": the
# same kind of item, reviewing earlier actions
_EARLIER_TITLE2_RE = re.compile(
    r"^(?P<no>\(?\d{1,3}[.)]?\s+)?(?:"
    r"(?:actions?|action\s+points)\s+arising\s+from\s+(?:the\s+)?(?:previous\s+|last\s+)?"
    r"minutes\s*[.:]?"
    r"|(?:overdue\s+|open\s+)?(?:outstanding|overdue|open)\s+actions?"
    r"(?:\s+(?:for|from|of)\s+(?:the\s+)?(?:previous|last|earlier)\s+(?:minutes|meetings?))?"
    r"(?:\s+(?:were|was)\s+(?:highlighted|reviewed|discussed|noted))?\s*:"
    # "2. Actions from the last meeting", "There were a number of actions from the last meeting
    # as shown overleaf:": the item or lead-in over the last meeting's actions and their status
    r"|(?:there\s+(?:were|are)\s+(?:a\s+number\s+of\s+|some\s+|several\s+|\w+\s+)?)?"
    r"(?:actions?|action\s+points)\s+(?:arising\s+)?from\s+(?:the\s+)?(?:previous|last)\s+"
    r"meetings?(?:\s+(?:as\s+(?:shown|set\s+out|listed)\s+(?:below|overleaf)|were\s+"
    r"(?:reviewed|discussed|noted)))?\s*[.:]?"
    r")\s*$",
    re.I,
)


_MARKER_START_RE = re.compile(r"^\W{0,3}actions?\b", re.I)


# The kind the spellings above are cases of (issue 17, branch tunegen): a short title that names a
# list of actions ("actions", "action points", "action log", "action sheet", "action tracker")
# and places that list before this meeting ("Previous actions", "Outstanding Action Points",
# "Action log from the last meeting") or reports how it stands ("Progress on the action log",
# "Status of previous actions", "Actions from the meeting of 12 January - update"). Not this
# meeting's own list ("Actions agreed at this meeting", "New actions"), not a marker ("Actions:
# Clerk to ..."), not a sentence, not a topic ("Climate Action Plan: progress"), and not the
# minutes item that also lists actions ("Previous minutes and actions", "Previous minutes and
# action log": "previous" is the minutes', and the actions under it are this meeting's).
_ACTION_LIST = (
    r"(?:actions|action\s+(?:points?|logs?|sheets?|trackers?|lists?|registers?|items?"
    r"|schedules?|notes?))\b"
)
_EARLIER_WORD = r"(?:previous|last|earlier|past|prior|preceding|outstanding|overdue|open|ongoing)"
_ACTION_LIST_RE = re.compile(rf"\b{_ACTION_LIST}", re.I)
_PLACED_EARLIER_RE = re.compile(
    # "Previous actions", "Outstanding Action Points", "last meeting's actions"
    rf"\b{_EARLIER_WORD}\s+(?:(?:meeting'?s?|the)\s+){{0,2}}{_ACTION_LIST}"
    # "Action log from the last meeting", "Actions from previous minutes"
    rf"|\b{_ACTION_LIST}\s+(?:arising\s+)?(?:from|of|at)\s+(?:the\s+)?{_EARLIER_WORD}\s+"
    r"(?:[\w'\u2019\-]+\s+){0,2}?(?:meetings?|minutes)\b"
    # how the list stands: "Progress on the action log", "Status of previous actions", "Actions
    # from the meeting of 12 January - update"
    r"|\b(?:updates?|updated|progress|review|reviewed|status|monitoring)\b",
    re.I,
)
_NOT_EARLIER_RE = re.compile(
    r"\b(?:this|today'?s|tonight'?s|new|current|future|next)\b"
    # a sentence, not a title: a verb or an infinitive in it
    r"|\b(?:to|will|would|should|was|were|is|are|has|have|had|be)\b"
    # the minutes item that lists actions too ("Previous minutes and actions")
    r"|\bminutes\s+(?:and|&)\s",
    re.I,
)
_TITLE_SHAPE_RE = re.compile(
    r"^(?:\(?\d{1,3}(?:\.\d{1,3})?[.)]?\s+|item\s+\d{1,3}\s*[:.\-\u2013]?\s*|\(?[a-z][.)]\s+)?"
    r"(?P<title>[^.;!?:]{3,90}?)\s*[:.\-\u2013]?\s*$",
    re.I,
)


def earlier_actions_title(m: str) -> bool:
    """Whether the (matchable) line is a title over earlier meetings' actions, by its kind: a
    list of actions named, placed before this meeting or reported on, nothing naming this
    meeting's own list or the minutes item, and a title's shape (no sentence, twelve words or
    fewer)."""
    tm = _TITLE_SHAPE_RE.match(m)
    if tm is None or len(m.split()) > 12:
        return False
    title = tm.group("title")
    if _ACTION_LIST_RE.search(title) is None or _PLACED_EARLIER_RE.search(title) is None:
        return False
    return _NOT_EARLIER_RE.search(title) is None


def _next_number(title: str) -> str | None:
    """ "5) Update on ..." -> "6)": how the item after it is numbered."""
    m = re.match(r"^(\(?)(\d{1,3})([.)])\s", title)
    return f"{m.group(1)}{int(m.group(2)) + 1}{m.group(3)}" if m else None


def held_over(lines: list[Line], headings: set[int]) -> set[int]:
    """The units under a label of actions held over from earlier meetings, and under an item
    that reports on earlier meetings' actions, to the next item."""
    return _under(lines, headings, titles_only=False)


def reviewing_earlier(lines: list[Line], headings: set[int]) -> set[int]:
    """The units under an item that reports on earlier meetings' actions ("5) Update on Actions
    arising from previous meetings"), to the next item: the meeting may still decide there and
    label a new action ("... Quotes to be sought." / "Action SH"), unlike under a label of
    actions carried forward, which only restates them."""
    return _under(lines, headings, titles_only=True)


_EARLIER_WORDS = ("action", "matters")
_EARLIER_WORD_RE = re.compile("|".join(_EARLIER_WORDS), re.I)


# two cells or more: a gap of a tab or a run of spaces between words
_GAP_RE = re.compile(r"\S(?: {3,}|\t)\S")
# "1.\tThat ...", "\u00b7         The Board ...": the tab or spaces after a list marker opening a line
# are no cells' gap
_MARKER_TAB_RE = re.compile(
    r"^(?:\(?[0-9A-Za-z]{1,4}[.)]|[\u2022\u00b7\u25aa\uf0b7*\-o]|[A-Za-z]+:)(?:\t|\s{2,})"
)


_MATTERS_ARISING_RE = re.compile(
    r"^(?:\(?\d{1,3}(?:\.\d{1,3})?[.)]?\s+|item\s+\d{1,3}\s*[:.\-\u2013]?\s*)?"
    r"matters\s+arising\b[^.;:]{0,60}[.:]?$",
    re.I,
)


# a row's own action marker after its text, naming its owner ("... improvements ACTION CLERK.")
_ROW_MARKER_RE = re.compile(r"\S\s+[(\[]?(?:ACTIONS?|Actions?)\b\s*[:\-\u2013]?\s*[A-Z]")


def _header(ln: Line) -> bool:
    """Is the line a table's header row ("No | Action | Owner"): two cells naming columns?"""
    return sum(header_role(c) is not None for c in split_cells(ln.raw)) >= 2


def table_row(ln: Line) -> bool:
    """Is the line a table's row: three cells or more apart by " / " or "|", or two or more
    apart by tabs or aligned runs of spaces (not an indent, not the tab after a marker)?"""
    raw = _MARKER_TAB_RE.sub("", ln.raw.strip())
    sep = cell_row(ln.raw, ln.text)
    if sep == "tab":
        return _GAP_RE.search(raw) is not None
    return sep is not None or _GAP_RE.search(raw) is not None


def _under(lines: list[Line], headings: set[int], titles_only: bool) -> set[int]:
    out: set[int] = set()
    inside = False
    after = None  # the number of the item after a numbered update item ("6)" after "5)")
    row = "1."  # the next row of a list numbered from 1 inside the item
    only_markers = False
    in_table = False  # inside a table of rows restated under such a title
    only_tables = False  # under "Matters arising": its tables only
    minuted = False  # the page holds text before the title (minutes, not only an action log)
    tables = False  # the title's tables restate: the page minutes more than them
    for k, ln in enumerate(lines):
        if not ln.text:
            in_table = False
            continue
        seen, minuted = minuted, True
        worded = holds_any(
            ln.m, _EARLIER_WORDS, _EARLIER_WORD_RE
        )  # each title and label names them
        label = worded and (_EARLIER_LABEL_RE.match(ln.m) or _EARLIER_HEADING_RE.match(ln.m))
        # the kind's general title (not a label of actions carried forward, read above) restates
        # only its action markers, as "Actions arising from the minutes" does: the item may still
        # hold this meeting's decisions and directives
        markers = worded and (
            _EARLIER_TITLE2_RE.match(ln.m) is not None
            or (not label and _EARLIER_TITLE_RE.match(ln.m) is None and earlier_actions_title(ln.m))
        )
        title = worded and _EARLIER_TITLE_RE.match(ln.m) is not None or markers
        if (title or label) and len(ln.text) <= 120:
            inside, after, row = title or not titles_only, _next_number(ln.text), "1."
            # under "Actions arising from the minutes" only the action markers restate earlier
            # actions; a directive after an update ("No reply yet. Clerk to chase.") is new
            only_markers, only_tables = markers and not label, False
            tables = seen  # a page that is only the earlier actions' log is the record read
            continue
        if worded and not titles_only and _MATTERS_ARISING_RE.match(ln.m):
            # "Matters arising from the last meeting": only a table there restates the earlier
            # actions (its markers and directives may be new)
            inside, after, row = True, _next_number(ln.text), "1."
            only_markers = only_tables = True
            tables = seen
            continue
        # rows numbered from 1 under a numbered item ("5. ..." over "1." to "8."); under a label
        # with no number, "1." may be the page's first item
        sub_row = after is not None and ln.text.startswith(row + " ")
        # a table's rows (cells apart by " / ", "|", tabs or aligned spaces) restate the earlier
        # actions as its markers do, with the lines a row's cells wrapped onto
        in_table = (
            inside
            and tables
            and (
                table_row(ln)
                or (in_table and k not in headings and not _MARKER_START_RE.match(ln.text))
            )
        )
        if in_table and only_tables and _ROW_MARKER_RE.search(ln.raw) and not _header(ln):
            in_table = False  # "|Car park |Quotes ... ACTION CLERK. |": a new label in its row
        marker = _MARKER_START_RE.match(ln.text) and not only_tables
        if inside and only_markers and not marker and not in_table:
            if sub_row:
                row = f"{int(row[:-1]) + 1}."
                continue
            if not (k in headings or (after is not None and ln.text.startswith(after + " "))):
                continue
        if inside and sub_row:
            # "5. Actions arising from the minutes." over rows "1." to "8.": its row "6." goes
            # on with the rows, it is not item 6
            row = f"{int(row[:-1]) + 1}."
            out.add(k)
            continue
        if (
            _THIS_MEETING_LABEL_RE.match(ln.m)
            or (k in headings and inside)
            or (after is not None and ln.text.startswith(after + " "))
        ):
            inside, after = False, None
        if inside:
            out.add(k)
    return out
