"""Items of a block that are a decision's data, not decisions of their own: the rows under
"... on the following basis:-" or "the following accounts be approved:", and rows of sums the
meeting noted. They move to the unsure lines and the lead-in stays the decision. A numbered
lead-in over clauses of its own ("(2) That, subject to the following amendments, ...:" / "(i)
That ...") is the other way round: its items are the decisions, the lead-in is not."""

from __future__ import annotations

import re

from .block_model import Block, RawItem
from .models import Uncertainty

# "d) That the proposals ... be endorsed and that the Committee be requested to approve
# appointments on the following basis:-": a decision in its own words whose sub-items are its data
# "... that the precept for 2018/19 be agreed as:" / "be set as:" over "- Bridgend - £441" rows
_DATA_LEAD_ITEM_RE = re.compile(
    r"\bbe\s+(?:[a-z]+(?:ed|en)|set|put|made|held|paid|kept|met)\b.*"
    r"\b(?:on\s+the\s+following\s+basis|as(?:\s+follows)?|the\s+following(?:\s+[a-z]+){0,3})"
    r"\s*:-?$",
    re.I,
)


# "(i) to approve the Local Plan strategy, subject to:" over "(a) the addition of a policy ...":
# the decision and the conditions it was taken on, which are its data, not decisions of their own
_SUBJECT_TO_LEAD_RE = re.compile(
    r"\bsubject\s+to(?:\s+the\s+following(?:\s+[a-z]+){0,2})?\s*:-?$", re.I
)


def _conditions_under(lead: RawItem, kids: list[RawItem]) -> bool:
    return bool(
        _SUBJECT_TO_LEAD_RE.search(lead.text)
        and kids
        and not any(_LEAD_CLAUSE_RE.search(k.text) for k in kids)
    )


def data_under_decisions(block: Block) -> None:
    for lead in list(block.items):
        if not lead.path:
            continue
        n = len(lead.path)
        kids = [k for k in block.items if len(k.path) > n and k.path[:n] == lead.path]
        if not _DATA_LEAD_ITEM_RE.search(lead.text) and not _conditions_under(lead, kids):
            continue
        for kid in [k for k in block.items if len(k.path) > n and k.path[:n] == lead.path]:
            block.items.remove(kid)
            block.unsure.append(
                Uncertainty(
                    kid.line,
                    kid.text,
                    "an item of the data the decision above lists ('on the following basis:', "
                    "'subject to:'), "
                    "not a decision of its own",
                )
            )


# an item that is a clause of its own: "That a section be added ...", "To approve ...",
# "approves the strategy; and", "notes the delivery plan.", "... be amended as follows"
_LEAD_CLAUSE_RE = re.compile(
    r"^(?:that\b|to\s+[a-z]+\b|[a-z]+(?:s|ed)\s+(?:the|a|an|that|its|their|this|these|all|any"
    r"|to)\b)|\bbe\s+[a-z]+(?:ed|en)\b",
    re.I,
)


# "the appointment of the Leader ... is agreed", "this Council's functions are delegated to ...":
# a clause of its own, its verb in the present passive
_PASSIVE_CLAUSE_RE = re.compile(r"\b(?:is|are)\s+(?:hereby\s+)?[a-z]+(?:ed|en)\b", re.I)


def lead_ins_over_items(block: Block) -> None:
    """Rule 2: a lead-in that ends with ":" is not a resolution; its items are. A numbered item
    ending ":" with items of its own under it ("(2) That, subject to the following amendments,
    the Annual Report be presented to Council:" / "(i) That a section be added ...") is such a
    lead-in; its items keep it as their lead-in (who is asked to do what). Run after
    `data_under_decisions`, which keeps a lead-in over its data as the decision."""
    for lead in reversed(list(block.items)):
        if not lead.path or not lead.text.rstrip().endswith((":", ":-")):
            continue
        n = len(lead.path)
        kids = [k for k in block.items if len(k.path) > n and k.path[:n] == lead.path]
        # "4. Upon the establishment of the Board:" over "4.1 ...", "4.2 ...": paragraph numbers
        # printed whole ("1." then "1.1" is one level) are its items too
        kids += [
            k
            for k in block.items
            if len(k.path) == n
            and k.path[:-1] == lead.path[:-1]
            and lead.path[-1]
            and k.path[-1].startswith(lead.path[-1].rstrip(".") + ".")
        ]
        infinitives = bool(re.search(r"\bto\s*:-?$", lead.text))  # "be asked to:" / "(a) report"
        if not kids or not all(
            infinitives or _LEAD_CLAUSE_RE.search(k.text) or _PASSIVE_CLAUSE_RE.search(k.text)
            for k in kids
        ):
            continue  # "(a) the Committee notes:" / "(i) the risks;": what it notes, left whole
        for kid in kids:
            if kid.intro is None:
                kid.intro = lead.text
        block.items.remove(lead)
        block.unsure.append(
            Uncertainty(
                lead.line,
                lead.text,
                "a numbered lead-in ending ':' over its own items, which are the resolutions; "
                "not a resolution of its own",
            )
        )


# "RESOLVED that the following accounts be approved for payment:" over "£270 - DC Gardening":
# a lead-in that decides on a list of data (sums, dates, names) is itself the decision
_DATA_INTRO_RE = re.compile(
    r"\bthe\s+following\s+(?:[a-z]+\s+){1,3}?(?:be|are|were)\s+(?:[a-z]+\s+)?[a-z]+(?:ed|en)\b"
    r"[^:]{0,80}:-?$",
    re.I,
)
# "It was RESOLVED to move into Closed Session ... in relation to:" over "a) Clerk's contract.",
# "to exclude the press and public for the following items:": a decision of its own over the
# topics it applies to (the topics' own decisions, if any, are keyword lines of their own)
_TOPICS_INTRO_RE = re.compile(
    r"^(?:that\s+|to\s+)?[^:]{0,40}\b(?:move|go|went|proceed|adjourn)\w*\s+into\s+"
    r"(?:closed|private|confidential)\s+session\b[^:]*:-?$"
    r"|\bexclu(?:de|ded|sion\s+of)\s+(?:the\s+)?(?:press|public)\b[^:]*"
    r"\b(?:in\s+relation\s+to|in\s+respect\s+of|regarding|for\s+the\s+following(?:\s+items?)?)"
    r"\s*:-?$",
    re.I,
)
# "That the application be approved subject to the following conditions:-" over "1. The
# development must be begun ...": the decision and the conditions (amendments, reasons) it was
# taken on, which are its data (issue 17, branch resgen2; batch 7's reading)
_CONDITIONS = (
    r"\b(?:subject\s+to|with|on|for)\s+the\s+following\s+(?:[a-z]+\s+){0,2}?"
    r"(?:conditions?|amendments?|corrections?|alterations?|reasons?|terms|caveats?|provisos?)"
    r"\s*[:;]-?"
)
_CONDITIONS_INTRO_RE = re.compile(rf"{_CONDITIONS}$", re.I)
# "... with the following conditions:- Time limit, plans and details" over "1. The development
# must be begun ...": the lead-in joined to the sub-heading over its first conditions
_CONDITIONS_TITLED_RE = re.compile(
    rf"^(?P<lead>.*?{_CONDITIONS})\s+(?P<title>(?-i:[A-Z])[^.:;]{{0,60}})$", re.I
)
# "Council NOTED" alone on its line over the rows: the line is the lead-in
_KEYWORD_ALONE_RE = re.compile(r"^\W*(?:[A-Z][a-z]+\s+){0,3}(?:NOTED|APPROVED|RESOLVED|AGREED)\W*$")
_CLAUSE_ITEM_RE = re.compile(r"^(?:that\b|to\s+[a-z]+\b|[a-z]+ed\b)", re.I)


# "Council NOTED the following payments:" / "- Greens Ltd £240" / "- Clerk's salary £400": rows
# of sums with no verb are the list's data whatever the lead-in says (batch 17's accounts)
_SUM_ROW_RE = re.compile(r"[\u00a3$\u20ac]\s?\d")
_ROW_VERB_RE = re.compile(
    r"\b(?:be|is|are|was|were|will|would|should|shall|has|have|had|agreed|approved|resolved"
    r"|noted)\b",
    re.I,
)


def _sum_rows(items: list[RawItem]) -> bool:
    return len(items) >= 2 and all(
        _SUM_ROW_RE.search(it.text)
        and not _ROW_VERB_RE.search(it.text)
        and not it.text[:1].islower()  # "approve a grant of £200 ...": verb-first, a clause
        and len(it.text.split()) <= 14
        for it in items
    )


def _sum_run(items: list[RawItem]) -> bool:
    """ "Clerk salary £400" / "HMRC £90.60" / "SSE £35.00" printed one a line with no marker:
    the rows joined into one paragraph, two sums or more and no verb."""
    return (
        len(items) == 1
        and len(_SUM_ROW_RE.findall(items[0].text)) >= 2
        and not _ROW_VERB_RE.search(items[0].text)
        and not items[0].text[:1].islower()
    )


def _titled_conditions(block: Block) -> None:
    """Read "... the following conditions:- Time limit" over numbered conditions as the lead-in
    (its sub-heading to review), so that `data_under_intro` reads the conditions as its data."""
    first, rest = block.items[0], block.items[1:]
    tm = _CONDITIONS_TITLED_RE.match(first.text)
    if block.intro or tm is None or any(p for p in first.path) or not rest:
        return
    if not all(any(p for p in it.path) for it in rest):
        return  # the conditions are numbered or lettered under it
    block.intro = tm.group("lead")
    block.items = rest
    block.unsure.append(
        Uncertainty(first.line, tm.group("title"), "a sub-heading of the conditions listed")
    )


def data_under_intro(block: Block) -> None:
    if not block.items:
        return
    _titled_conditions(block)
    # a grant list under "AGREED:" ("(a) £200 to the fete committee") is decisions; rows of sums
    # that the meeting noted, or that a lead-in calls "the following ...", are data
    sums = (_sum_rows(block.items) or _sum_run(block.items)) and bool(
        block.heading.keyword == "noted"
        or re.search(r"\bthe\s+following\b", block.intro or block.heading_text, re.I)
    )
    topics = bool(block.intro and _TOPICS_INTRO_RE.search(block.intro))
    conditions = bool(block.intro and _CONDITIONS_INTRO_RE.search(block.intro))
    if (
        not sums
        and not topics
        and not conditions
        and (not block.intro or not _DATA_INTRO_RE.search(block.intro))
    ):
        return
    if any(_CLAUSE_ITEM_RE.match(it.text) for it in block.items):
        return  # "the following recommendations be approved: (a) That ...": clauses
    if not block.intro and not (sums and _KEYWORD_ALONE_RE.search(block.heading_text)):
        return
    why = (
        "a topic the decision above applies to ('... into closed session in relation to:'), "
        "not a decision of its own"
        if topics and not sums
        else "a condition the decision above was taken on ('subject to the following "
        "conditions:'), not a decision of its own"
        if conditions and not sums
        else "an item of the data the decision above lists ('the following ... be ...:', rows "
        "of sums), not a decision of its own"
    )
    for it in block.items:
        block.unsure.append(Uncertainty(it.line, it.text, why))
    number = (block.heading.number or "",)
    block.items = [RawItem(number, [block.intro or block.heading_text.strip()], block.line)]
    block.intro = None
