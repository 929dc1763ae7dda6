"""Items of a decision lead-in whose list markers were never printed: "It was agreed:-" /
"to note the report;" / "to approve the budget; and" / "to review it in March." (each line a
decision, as "(a) to note ..." would be). Read with a bullet before each item, before the
segmenter rejoins hard-wrapped lines, so that the lines are not taken as one wrapped sentence
run on from the lead-in."""

from __future__ import annotations

import re

from .text import Line, matchable

# "After discussion it was agreed:-", "RESOLVED:", "The Committee agreed:", "Thereafter the
# Sub-Committee resolved:-": the body's decision word, then the colon that opens its list
_LEAD_RE = re.compile(
    r"(?:^|\b(?:it\s+was|committee|board|council|panel|members|sub-committee|meeting"
    r"|group|forum|cabinet|authority|executive)\s+(?:also\s+|further\s+|then\s+|unanimously\s+)?)"
    r"(?:resolved|agreed|decided)\s*(?:to\s*)?:\s*-?$",
    re.I,
)
# "to note the report;": an infinitive clause opening the line, in lower case
_ITEM_RE = re.compile(r"^to\s+[a-z]{2,}\b")
# how an item before the last ends: "...;", "...; and", "..., and", "... and"
_GOES_ON_RE = re.compile(r"(?:[;,]|;\s*(?:and|or)|,?\s+(?:and|or))$")
_BULLET = "\u2022 "


def _lead_in(text: str) -> bool:
    t = text.strip()
    return bool(_LEAD_RE.search(t)) and "asked to" not in t.lower()


def lead_in_items(lines: list[Line]) -> list[Line]:
    """Under a decision lead-in ending in ":", two or more lines opening "to <verb>", each but
    the last ending in ";" (or "; and"), are its items: each is given a bullet. A line between
    them that opens otherwise continues the item above (hard-wrapped) when that item has not
    ended; anything else ends the run, and a run of one is left as it was."""
    out = list(lines)
    i = 0
    while i < len(lines):
        if not lines[i].text or not _lead_in(lines[i].m):
            i += 1
            continue
        starts: list[int] = []
        j = i + 1
        last = ""  # the text of the line before, within the run
        while j < len(lines):
            t = lines[j].text
            if not t:
                if last.endswith(".") or not starts:
                    break  # the list has ended, or never began
                j += 1
                continue
            if _ITEM_RE.match(t) and (not starts or _GOES_ON_RE.search(last)):
                starts.append(j)
            elif not starts or last.endswith((";", ".")) or _GOES_ON_RE.search(last):
                break  # not an item, and the item above had ended
            last = t
            j += 1
            if t.endswith("."):
                # "to review it in March.": the last item (a wrapped item goes on with a
                # line in lower case)
                nxt = next((lines[k].text for k in range(j, len(lines)) if lines[k].text), "")
                if not _ITEM_RE.match(nxt) or not nxt:
                    break
        if len(starts) >= 2:
            for k in starts:
                t = _BULLET + lines[k].text
                out[k] = Line(lines[k].no, lines[k].raw, t, matchable(t))
        i = max(j, i + 1)
    return out


# "NOTED", "AGREED", "DECISION:" alone on its line: the item's outcome word over its points
_OUTCOME_ALONE_RE = re.compile(r"^(?:NOTED|AGREED|RESOLVED|DECIDED)\s*:?-?$")
# how a decided point before the last ends: "...;", "...; and", "..., and"
_POINT_GOES_ON_RE = re.compile(r"(?:;|;\s*(?:and|or)|,\s*(?:and|or))$")


def decided_point(no: str, current: str, previous: str, going_on: bool) -> bool:
    """Is a line numbered `no` ("3.1") a point of item `current`'s decision rather than a
    sub-item of its own: straight under the outcome word alone ("NOTED" / "3.1 the background
    ...;"), or after such a point that goes on ("...;", "...; and")? (issue 17, branch
    leadlist: a Scottish committee's "Decision" / "NOTED" over its numbered points)"""
    item = current.rstrip(".")
    if not item or not re.fullmatch(rf"{re.escape(item)}\.\d{{1,2}}", no):
        return False
    if _OUTCOME_ALONE_RE.match(previous.strip()):
        return True
    return going_on and bool(_POINT_GOES_ON_RE.search(previous.rstrip()))
