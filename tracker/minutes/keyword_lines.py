"""What a line is to the keyword reader: a line that ends any resolution block, a label line, a
decision keyword in the middle of a line, and the headings that are no decision (an item's title
in capitals, a capitalised verb opening a bullet under a lead-in, a keyword that is a point's or
a label's outcome, a "NOTED" label over what the meeting heard, an agenda's proposed resolution);
also the few-word tail of a decision wrapped over a blank line."""

from __future__ import annotations

import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet

from .actions import match_action_line
from .block_model import Block
from .body_leads import decision_lead
from .glued_lines import agreed_outcome
from .line_classes import LABEL_RE, NEXT_ITEM_RE, ends_block
from .markers import parse_marker
from .patterns import Heading, match_heading
from .scoring import BODY
from .tables import match_table_header
from .text import Line, matchable

_TABLE_RULE_RE = re.compile(r"^[|\s]*\|[|\s\-:]*$")
_FILE_LINK_RE = re.compile(r"\bpdf icon\s+PDF\s+\d+\s*[KM]B\b")


def stop_line(ln: Line) -> bool:
    """A line that ends any resolution block."""
    if ends_block(ln.m) or match_heading(ln.text, ln.m) or match_action_line(ln):
        return True
    if _TABLE_RULE_RE.match(ln.text):
        return True  # "|||||||||": the rule between a flattened table's rows
    if _FILE_LINK_RE.search(ln.text):
        return True  # "Enforcement Action pdf icon PDF 205 KB": an item's title and its link
    if match_table_header(ln) is not None:
        return True
    mk = parse_marker(ln.text, ln.m)
    if mk is not None and mk.fmt != "bullet" and not mk.rest.endswith("."):
        rest = mk.rest
        return (
            ends_block(ln.m[mk.rest_start :])
            or bool(re.match(r"(?i)agenda\s+item|minutes\b", rest))
            or _agenda_heading(rest)
        )
    return False


MID_LINE_HEADING_RE = re.compile(
    r"(?:(?:\band|,|;)\s+|[\u2013\u2014]\s*|(?<=\w)\s?-\s+"
    # "After discussion it wasRESOLVED to ...": the keyword glued to "it was"
    r"|(?<=\b[Ii]t\swas)(?=[A-Z]{4})"
    # "Report 0521AM4 was received and the following was RESOLVED; to defer ...": the lead-in
    r"|\bthe\s+following\s+(?:was|were)\s+(?=RESOLVED|AGREED))"
    r"(?:it\s+was\s+)?(?:(?:therefore|unanimously|duly)\s+)?"
    # "... seconded by Councillor B and Resolved - That ...": capitalised after "and" as the
    # motion's outcome ("It was proposed, seconded and Resolved: That ..." too); "and RESOLVED,
    # that - ...": a comma before its clause; "... and RESOLVED by all that the notes be signed."
    # "Proposed; Seconded; Resolved to ...", "..., seconded by Cllr B, Agreed to ...": after a
    # comma or semicolon the same
    r"(?P<kw>RESOLVED|AGREED|(?<=was\s)resolved|(?:(?<=\band\s)|(?<=[,;]\s))(?:Resolved|Agreed))"
    r"(?=\s*(?:,\s*)?(?:by\s+all(?:\s+present)?\s+)?(?:[:\-]|(?<=RESOLVED);|that\b|to\b|$))"
)
MID_LINE_LEAD_IN_RE = re.compile(
    r"(?<=[.!?]\s)it\s+was\s+(?:unanimously\s+)?(?P<kw>resolved|agreed)(?=\s+(?:to|that)\s*:\s)",
    re.I,
)
EXPLAINING_RE = re.compile(
    r"^(?:reasons?\s+for\s+(?:the\s+)?(?:decisions?|recommendations?)|alternative\s+options)",
    re.I,
)
_SMALL_WORDS = {"of", "and", "the", "for", "to", "in", "on", "a", "an", "&", "-", "with", "at"}


def _agenda_heading(rest: str) -> bool:
    """ "Early Help Strategy", "Declarations of Interest": the title of the next agenda item."""
    words = rest.split()
    if not words or len(words) > 10 or rest.endswith((".", ";", ":", ",")):
        return False
    if words[0].lower() in ("that", "the", "to", "a", "an"):
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _SMALL_WORDS for w in words)


def is_label(ln: Line) -> bool:
    """A label line of a minutes page or decision notice ("Publication date: 14/04/2025",
    "REASON FOR DECISION:"), short enough not to hide a decision in prose."""
    if not (LABEL_RE.match(ln.m) or NEXT_ITEM_RE.match(ln.m)):
        return False
    return ln.text.endswith(":") or (len(ln.text.split()) <= 8 and not ln.text.endswith("."))


PROPOSAL_RE = re.compile(r"^proposal\s*:", re.I)
KEYWORD_ENDS_POINT_RE = re.compile(
    r"^(?:RESOLVED|AGREED)(?:\s+(?:unanimously|accordingly|nem\.?\s*con))?\s*\.$", re.I
)
_WHOLE_OUTCOME_RE = re.compile(r"^(?:agreed|noted|received|approved)\s*\.$", re.I)
_BARE_OUTCOME_RE = re.compile(r"^(?:agreed|noted)$", re.I)
# "Previous Minutes: agreed", "Accounts - Approved": a keyword alone after a label on its line
# is that line's outcome, not a heading over the paragraph below
_KEYWORD_ALONE_RE = re.compile(r"^(?:agreed|approved|resolved|noted)\s*\.?$", re.I)
_LABEL_END_RE = re.compile(r"[:\-\u2013\u2014]\s*$")
# "NOTED: The police report was received ...": a note of what the meeting heard; the judging
# rules score text under RESOLVED, AGREED, DECISION, not under this label ("Noted." alone is)
NOTED_LABEL_RE = re.compile(
    r"^(?:[\u00b7\u2022*\-]\s+)?(?:\(?\d{1,3}(?:\.\d{1,3})*[.)]?\s+)?noted\s*(?:[:\-\u2013]|$)",
    re.I,
)

# "It was noted:", "The Panel noted that:-" over bullets: what the meeting heard, as "Members
# noted that ..." (rule 6), not a decision; "The Board NOTED:" in capitals is left to the keyword
NOTED_BY_RE = re.compile(
    r"^(?:\(?\d{1,3}(?:\.\d{1,3})*[.)]?\s+)?(?:it\s+was|members|(?:the\s+)?(?:[\w&'\u2019-]+\s+)"
    r"{0,4}?(?:board|committee|sub-committee|panel|council|cabinet|group|forum|partnership"
    r"|meeting|members))\s+(?:(?:also|further|then)\s+)?(?-i:noted)(?:\s+that)?\s*[:\-]+\s*$",
    re.I,
)

# "Members NOTED that the bank balance was ...": what the members heard (rule 6), in capitals
# too; "The Board NOTED" is the body's decision word (the boards' reading), bare members are not
MEMBERS_NOTED_RE = re.compile(
    r"^(?:[\u00b7\u2022*\-]\s+)?(?:\(?\d{1,3}(?:\.\d{1,3})*[.)]?\s+)?members\s+noted\b", re.I
)


def whole_outcome(text: str) -> bool:
    return bool(_WHOLE_OUTCOME_RE.match(text))


def bare_outcome(lines: Sequence[Line], i: int) -> bool:
    """ "Noted" or "Agreed" alone on its line, no stop, after the item's text and before the next
    item (or the page's end): the item's outcome, as "Noted." is, not a label over nothing."""
    if not _BARE_OUTCOME_RE.match(lines[i].text) or i == 0 or not lines[i - 1].text:
        return False
    k = i + 1
    while k < len(lines) and not lines[k].text:
        k += 1
    return k >= len(lines) or stop_line(lines[k])


def outcome_after_label(lines: Sequence[Line], i: int) -> str | None:
    """The whole source line when unit `i` is a keyword alone that the segmenter cut from a
    label on the same line ("Previous Minutes:" + "agreed"); None otherwise."""
    ln = lines[i]
    if not (_KEYWORD_ALONE_RE.match(ln.text) or agreed_outcome(ln.text)):
        return None  # ("Minutes of the last meeting:" + "Agreed by all": the whole line too)
    k = i
    while k > 0 and lines[k - 1].text and lines[k - 1].no == ln.no:
        k -= 1
    if k == i or not _LABEL_END_RE.search(lines[i - 1].text):
        return None
    if match_heading(lines[k].text, lines[k].m) is not None:
        return None  # "Resolved:" + "agreed": a keyword's own label
    if match_heading(lines[i - 1].text, lines[i - 1].m) is not None:
        return None  # "... To note the procedure. Decision: Noted.": the label's outcome alone
    whole = " ".join(lines[j].text for j in range(k, i + 1))
    return re.sub(r"^\(?\d{1,3}(?:\.\d{1,3})*[.)]?\s+", "", whole)  # less the item's number


def title_heading(h: Heading) -> bool:
    words = h.inline.split()
    return (
        h.keyword in ("resolution", "resolutions", "decision", "decisions")
        and bool(words)
        and h.inline.upper() == h.inline
    )


def last_text(lines: Sequence[Line], k: int, floor: int) -> str | None:
    while k > floor:
        if lines[k].text:
            return lines[k].text
        k -= 1
    return None


# "If so, to formally pass the following resolution:-" then "RESOLVED - That the press and public
# be excluded ...": an agenda's model wording, not the meeting's decision
_PROPOSED_RESOLUTION_RE = re.compile(
    r"\b(?:pass|move|adopt)\s+the\s+following\s+resolution\s*:?-?\s*$", re.I
)


def before_items_minutes(lines: Sequence[Line], headings: AbstractSet[int]) -> list[bool]:
    """For each unit: does it stand in an item's agenda text, before that item's own "Minutes:"
    label (a page of several items, each with its agenda text, then "Minutes:")? One pass from
    the end, so a long page is read once, not once a unit."""
    out = [False] * len(lines)
    ahead = False  # a "Minutes:" label comes before the next heading
    for k in range(len(lines) - 1, -1, -1):
        out[k] = ahead
        if k in headings:
            ahead = False
        elif _MINUTES_LABEL_RE.match(lines[k].m):
            ahead = True
    return out


_MINUTES_LABEL_RE = re.compile(r"minutes\s*:", re.I)


def proposes_resolution(lines: Sequence[Line], i: int) -> bool:
    k = i - 1
    while k >= 0 and not lines[k].text:
        k -= 1
    return k >= 0 and bool(_PROPOSED_RESOLUTION_RE.search(lines[k].text))


# "c) If so, to formally pass the following resolution:-", "To consider passing the following
# resolution:", "(2) Consider and, if so decided, adopt the following resolution:": the agenda's
# own words (an infinitive or an instruction opening the line), whether or not the page goes on
# to the item's "Minutes:" ("It was moved that the Committee pass the following resolution:" is
# the minutes' record of the motion, not these)
_AGENDA_PROPOSES_RE = re.compile(
    r"^\W*(?:\(?[a-z0-9]{1,3}[.)]\s*)?"
    # the agenda's condition: "If so,", "If the recommendation is accepted,", "Should the
    # recommendations be accepted,", "If Members agree,"
    r"(?:(?:if\s+so|if\s+(?:the\s+)?(?:officers\W\s+)?recommendations?\s+(?:is|are)\s+(?:accepted|agreed)"
    r"|should\s+the\s+recommendations?\s+be\s+(?:accepted|agreed)|if\s+members\s+(?:so\s+)?agree"
    r"|if\s+(?:so\s+)?(?:agreed|approved))\s*,?\s+)?"
    r"(?:to\s+(?:formally\s+)?(?:consider\s+(?:passing|adopting)|pass|adopt|move)"
    r"|consider\s*,?\s+and\s*,?\s+if\s+so\s+decided\s*,?\s+(?:pass|adopt))"
    r"\s+the\s+following\s+resolution\s*:?-?\s*$",
    re.I,
)


def agenda_proposes_resolution(lines: Sequence[Line], i: int) -> bool:
    """Is unit i the resolution an agenda's own words propose, wherever the page was cut?"""
    k = i - 1
    while k >= 0 and not lines[k].text:
        k -= 1
    return k >= 0 and bool(_AGENDA_PROPOSES_RE.match(lines[k].text))


def heading_at(lines: Sequence[Line], i: int) -> bool:
    return i < len(lines) and match_heading(lines[i].text, lines[i].m) is not None


# "The Committee considered a report of the Director ...", "Consideration was given to the
# report of ...": what a ModernGov "Decision:" field says was before the meeting, above the
# decision word that then gives the decision
_CONSIDERED_RE = re.compile(
    rf"^(?:the\s+(?:[\w&'\u2019-]+\s+){{0,4}}?(?:{BODY})|members|councillors)\s+"
    r"(?:(?:then|also|first)\s+)?(?:considered|received|had\s+before\s+(?:it|them)|was\s+presented"
    r"\s+with)\s+(?:a|an|the)\s+(?:joint\s+|verbal\s+|oral\s+|further\s+)?(?:report|update|"
    r"presentation|paper|application|petition|request|deputation)\b"
    r"|^consideration\s+was\s+given\s+to\s+(?:a|an|the)\s+"
    # "The purpose of this item was to consider the minutes ...": what the item was for
    r"|^the\s+purpose\s+of\s+(?:this|the)\s+(?:item|report|paper)\s+(?:was|is)\s+to\b",
    re.I,
)
# "There were no amendments to the minutes.": a note on the consideration, before the decision
_NOTHING_RE = re.compile(r"^there\s+(?:were|was)\s+no\b", re.I)
CONSIDERED_WHY = (
    "unsure: what the meeting considered, opening the 'Decision' field above its decision "
    "word; the decision is what follows that word"
)


# "Decisions" / "Use the below search options at the bottom of the page to find information
# regarding recent decisions ...": a decisions page's title over the site's directions
_NAVIGATION_RE = re.compile(
    r"^(?:please\s+)?use\s+the\s+(?:below\s+|following\s+)?search\s+(?:options|facilities|box)\b"
    r"|^alternatively\s+you\s+can\s+(?:visit|view|browse|search)\b"
    r"|^(?:you\s+can|click)\s+[^.]{0,40}\b(?:to\s+)?(?:find|view|browse|search)\s+"
    r"(?:information|details)\s+(?:on|about|regarding)\s+(?:recent\s+)?decisions\b",
    re.I,
)
NAVIGATION_WHY = (
    "unsure: a decisions page's title over its directions to the reader ('Use the search "
    "options ...'), not a decision"
)


# "Apologies were received from ...", "There were no declarations of interest.": ModernGov prints
# such a line as the "Decision:" of the apologies or interests item, then its "Minutes:"
_ATTENDANCE_RE = re.compile(
    r"^(?:apologies(?:\s+for\s+absence)?\s+(?:were|was)\s+(?:received|submitted|given|noted)\b"
    r"|there\s+(?:were|was)\s+no\s+(?:apologies|declarations?|disclosures?)\b)",
    re.I,
)


def attendance_decision(
    lines: Sequence[Line], heading: Heading, block: Block, items: AbstractSet[int] = frozenset()
) -> int | None:
    """The unit of an attendance line a "Decision:" label stands over, read as its decision
    when the item's "Minutes:" label follows it, or both were one cell of a flattened table, or
    the item's other paragraphs follow it to the next item heading (in `items`) or the page's
    end with no decision among them; None otherwise."""
    if not heading.keyword.startswith("decision") or heading.inline or block.items:
        return None
    k = block.end
    while k < len(lines) and not lines[k].text:
        k += 1
    if k >= len(lines) or not _ATTENDANCE_RE.match(lines[k].m):
        return None
    if k > 0 and lines[k - 1].text and lines[k - 1].no == lines[k].no:
        return k  # "APOLOGIES ... Decision: Apologies ...": a flattened table's cell, cut here
    n = k + 1
    while n < len(lines) and not lines[n].text:
        n += 1
    if n < len(lines) and re.match(r"minutes\s*:", lines[n].m, re.I):
        return k
    # "Decision:" / "Apologies ... were received ..." / "Having given due notice, Councillor B
    # substituted ..." / the next item: the field's other paragraphs, no decision among them
    for m in range(n, min(len(lines), n + 8)):
        if m in items or re.match(r"minutes\s*:", lines[m].m, re.I):
            return k
        if lines[m].text and match_heading(lines[m].text, lines[m].m) is not None:
            return None
    return k if n + 8 >= len(lines) else None


def page_directions(heading: Heading, block: Block) -> bool:
    """Is this a "Decisions" title whose text only tells the reader how to use the page?"""
    return (
        heading.keyword.startswith("decision")
        and not heading.inline
        and bool(block.items)
        and all(_NAVIGATION_RE.match(matchable(it.text)) for it in block.items)
    )


def considered_before_decision(lines: Sequence[Line], heading: Heading, block: Block) -> bool:
    """Is this a "Decision:" label whose only text says what was considered, with a decision
    word (RESOLVED, AGREED ...) heading the next paragraph?"""
    if not heading.keyword.startswith("decision") or not block.items:
        return False
    texts = [matchable(it.text) for it in block.items]
    if not _CONSIDERED_RE.match(texts[0]) or not all(
        _CONSIDERED_RE.match(t) or _NOTHING_RE.match(t) for t in texts[1:]
    ):
        return False
    k = block.end
    while k < len(lines) and (not lines[k].text or _NOTHING_RE.match(lines[k].m)):
        k += 1  # "There were no amendments to the minutes." between them
    # "The Committee having considered the matter carefully, RESOLVED that ...": the decision
    # word after the sentence's opening
    return heading_at(lines, k) or (
        k < len(lines) and MID_LINE_HEADING_RE.search(lines[k].m) is not None
    )


_BULLETED_VERB_RE = re.compile(
    # "i. NOTED the report; and", "(2) AGREED the plan": numbered or lettered as well
    r"^(?:[\u00b7\u2022\u25aa\u25cf\uf0b7*\-]|\(?(?:[ivx]{1,4}|[a-h]|\d{1,2})[.)])\s+[A-Z]{4,}\s+"
    r"(?:the|a|an|to)\b"
)


_TAIL_VERB_RE = re.compile(
    r"\b(?:is|are|was|were|be|been|to|will|would|has|have|had|should)\b|\w(?:ed|ing)\b", re.I
)


def wrapped_tail(text: str) -> bool:
    """ "Year 2007 - 2008.": a few words with no verb, left over from the line before."""
    t = text.strip()
    return (
        bool(t)
        and len(t.split()) <= 6
        and t[:1].isalnum()
        and not re.search(r"[.!?:;]\s", t)
        and not _TAIL_VERB_RE.search(t)
    )


def bulleted_under_lead_in(lines: Sequence[Line], i: int) -> bool:
    """ "The Integration Joint Board:" then "• NOTED the progress ...", "• APPROVED the plan":
    a decision word in capitals opening a bullet under the body's lead-in is one item of its
    list, as "• noted the progress ..." is, not a keyword over the lines after it."""
    if not _BULLETED_VERB_RE.match(lines[i].m):
        return False
    k = i - 1
    while k >= 0 and (not lines[k].text or _BULLETED_VERB_RE.match(lines[k].m)):
        k -= 1
    return k >= 0 and decision_lead(lines[k].text)


def header_cell(lines: Sequence[Line], i: int) -> bool:
    """Is unit `i` one cell of a table's header row ("Item | Description | Background
    Information | Decision |"): three or more cells of one source line, each a short name?"""
    no = lines[i].no
    lo, hi = i, i
    # a header row has a few cells: a longer run of units from one line is a flattened page
    while lo > 0 and lines[lo - 1].no == no and i - lo < 12:
        lo -= 1
    while hi + 1 < len(lines) and lines[hi + 1].no == no and hi - i < 12:
        hi += 1
    if i - lo >= 12 or hi - i >= 12:
        return False
    cells = [ln.text for ln in lines[lo : hi + 1] if ln.text]
    return len(cells) >= 3 and all(
        len(c.split()) <= 4 and not c.rstrip().endswith((".", ":", ";")) for c in cells
    )
