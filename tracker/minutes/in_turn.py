"""Item headings taken in turn: a numbered title the segmenter takes as an item only because it
is numbered as the next one (or the page's first), and the numbered lines that look like titles
but are not ("1. Approve the budget." under a lead-in, a year wrapped from a sentence).

* "7. To review ...", "1. To Elect a Chairperson": an agenda title in the summons' words;
* "2. Declarations of interest.", "(5) Signing Cheques:-": a short title, no verb;
* "4. Review of Parts III and IV ... Departments", "3. Notes of the meeting ... to be approved as
  Minutes.": a long title after a dotted item;
* not a list's next entry under a lead-in ("Members agree:" / "1. ..." / "2. ..."), and not a
  year range ("2021/22") printed after a line that stops mid-sentence.
"""

from __future__ import annotations

import re

from .item_order import successor
from .patterns import CARRIED_LEAD_RE
from .text import Line

VERB_RE = re.compile(r"\b(?:was|were|be|been|is|are|agreed|approved|noted|received)\b", re.I)


_AGENDA_TO_RE = re.compile(
    r"^To\s+(?:receive|consider|discuss|approve|note|agree|confirm|review|elect|appoint|adopt)\b"
)
_AGENDA_TO_ANY_CASE_RE = re.compile(_AGENDA_TO_RE.pattern, re.I)
_LONG_TITLE_RE = re.compile(r"^(?P<no>\d{1,3})\.\s+(?P<rest>[A-Z][a-z].*[^.;:,])(?P<stop>\.?)$")
# what an agenda asks of the meeting: "... to be approved as Minutes", "... to receive ..."
_AGENDA_PHRASE_RE = re.compile(
    r"\bto\s+be\s+(?:approved|received|noted|considered|agreed|adopted|confirmed|signed)\b"
    r"|\bto\s+(?:receive|approve|consider|note|agree|adopt|confirm)\b",
    re.I,
)
# "Consideration and signing of the Draft Notes of the previous meeting held on 26th May 2020.",
# "Approval of the accounts for 2019/20.": a title naming the business as a noun, then "of" ...
_NOMINAL_TITLE_RE = re.compile(
    r"(?:[A-Z][a-z]+(?:tion|ment|sal|val|ance|ence)|Review|Report|Receipt|Signing)"
    r"(?:\s+and\s+[a-z]+)?\s+(?:of|on|from|for)\b"
)
_FINITE_RE = re.compile(r"\b(?:was|were|is|are|has|had|have|will|would|did|does)\b", re.I)


def long_next_title(text: str, current: str) -> str | None:
    """ "4. Review of Parts III and IV of the ... Act 1998 in terms of the size of the Assembly
    and the number of NI Departments" after item "3.": the next item's title, however long,
    when it is numbered as the next item and does not end as a sentence does."""
    m = _LONG_TITLE_RE.match(text)
    if m is None or not successor(current, m.group("no")):
        return None
    # an agenda's "Notes of the meeting held at <place> on <date> to be approved as Minutes"
    # names a place and a date: such a title may run longer
    if len(text.split()) > (40 if _AGENDA_PHRASE_RE.search(m.group("rest")) else 32):
        return None
    if _AGENDA_TO_RE.match(m.group("rest")):
        return m.group("no")  # "4. To consider options with regard to play facilities ..."
    if re.match(r"(?:that|to|the|it|members|councillors?|cllr)\b", m.group("rest"), re.I):
        return None  # "4. That ...", "4. The Clerk reported ...": a list item or paragraph
    if m.group("stop") and (
        not (_AGENDA_PHRASE_RE.search(m.group("rest")) or _NOMINAL_TITLE_RE.match(m.group("rest")))
        or _FINITE_RE.search(m.group("rest"))
        or re.search(r"[a-z)]\.\s+[A-Z]", m.group("rest"))
    ):
        return None  # "3. Flooding on Mill Lane was reported ...": a sentence of the minute
    return m.group("no")  # "3. Notes of the meeting ... to be approved as Minutes." too


# "7. To review ...", "1. To Elect a Chairperson": the summons' words, the verb in either case
# "5. To RESOLVE to approve the draft minutes ...": the summons' verb in capitals too
_TO_TITLE_RE = re.compile(r"^(?P<no>\d{1,3})[.,)]\s+To\s+(?:[A-Za-z][a-z]+|[A-Z]{2,})\b")
_NUMBERED_RE = re.compile(r"^(?P<no>\d{1,3})[.,)]\s")


def agenda_title_in_turn(
    text: str, current: str, previous: str, first: bool, after_heading: bool = False
) -> str | None:
    """ "7. To review and agree the dates ..." after item 6: an agenda title printed in the
    summons' words, the next item in turn (as "1. To ..." is, before any item). Under a lead-in
    ("RESOLVED:") or after "1. To note ..." it is an item of a list."""
    tm = _TO_TITLE_RE.match(text)
    if not tm or previous.rstrip().endswith((":", ":-")) or CARRIED_LEAD_RE.match(previous):
        return None  # under a lead-in, or the recommendation carried: a clause of the decision
    no = tm.group("no")
    # the next item, or the one after it when that item's title was printed as a sentence
    ahead = current.isdigit() and 0 < int(no) - int(current) <= 2
    if not (ahead or successor(current, no) or (first and no == "1")):
        return None
    pm = _NUMBERED_RE.match(previous)
    if pm and int(pm.group("no")) == int(no) - 1 and not after_heading:
        return None  # "1. To note ..." then "2. To agree ...": a list, not items
    return no


# "2. Declarations of interest.", "(5) Points raised at the Annual Meeting:-": a short title
# closed by a full stop, or a bracketed number before a title and its ":-"
_DOTTED_TITLE_RE = re.compile(r"^(?P<no>\d{1,3})\.\s+(?P<title>[A-Z][^.;:]{1,80})\.$")
_BRACKETED_TITLE_RE = re.compile(
    r"^\((?P<no>\d{1,2})\)\s+(?P<title>[A-Z][^.;:()]{1,80}?)\s*[:;]-?(?:\s|$)"
)


def short_title_in_turn(
    lines: list[Line], i: int, current: str, previous: str, first: bool, after_heading: bool
) -> str | None:
    """ "2. Declarations of interest." after item 1, "(5) Signing Cheques:-" after item 4: a
    short title (no verb, eight words or fewer for a title closed by a full stop) numbered as
    the next item, or as the page's first. Under a lead-in (":") or right after the list item
    numbered before it ("1. Approve the budget." / "2. Set the precept.") it is an item of a
    list."""
    text = lines[i].text
    m = _DOTTED_TITLE_RE.match(text)
    if m is not None and len(m.group("title").split()) > 8:
        return None
    m = m or _BRACKETED_TITLE_RE.match(text)
    if m is None or len(m.group("title").split()) > 12 or previous.rstrip().endswith((":", ":-")):
        return None
    if VERB_RE.search(m.group("title")) or _AGENDA_TO_RE.match(m.group("title")):
        return None
    if _AGENDA_TO_ANY_CASE_RE.match(m.group("title")):
        return None  # "(1) To NOTE the responses ...;": a decision's clause, its verb in capitals
    no = m.group("no")
    if not (successor(current, no) or (first and not current)):
        return None
    pm = re.match(r"^\(?(\d{1,3})[.)]", previous)
    if pm and int(pm.group(1)) == int(no) - 1 and not (first or after_heading):
        return None  # "1. Approve the budget." then "2. Set the precept.": a list
    return None if _listed_under_lead_in(lines, i, int(no)) else no


def _listed_under_lead_in(lines: list[Line], i: int, no: int) -> bool:
    """Does a run of numbered units ending in number `no` - 1 right before unit `i` follow a
    lead-in ending in ":" ("Members agree:" / "1. To consider ..." / "2. The principle ...")?"""
    k = i - 1
    want = no - 1
    while k >= 0:
        t = lines[k].text
        if t:
            m = re.match(r"^\(?(\d{1,3})[.)]\s", t)
            if m is None:
                return want < no - 1 and t.rstrip().endswith((":", ":-"))
            if int(m.group(1)) != want:
                return False
            want -= 1
        k -= 1
    return False


_MONTH_END_RE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?$", re.I
)
# ModernGov's labels on a line of their own, ending in a colon: not a lead-in to a list
_PAGE_LABEL_RE = re.compile(
    r"^(?:additional|supporting)\s+documents\s*:$|^(?:minutes|decisions?)\s*:$", re.I
)


def after_month(previous: str) -> bool:
    """Does the unit before end in a month's name ("HELD ON 18 AUGUST"), so that a year alone
    after it ("2017") ends that date rather than numbering an item?"""
    return _MONTH_END_RE.search(previous) is not None


def page_label(text: str) -> bool:
    """ "Additional documents:", "Minutes:": a page's label, not a lead-in to a list."""
    return _PAGE_LABEL_RE.match(text) is not None


def wrapped_year(no: str, previous: str) -> bool:
    """Is `no` a year range ("2021/22", the second year the next) printed after a line that
    stops in the middle of its sentence? Then it is that sentence's year, not minute 22."""
    m = re.fullmatch(r"((?:19|20)\d\d)/(\d\d)", no)
    return (
        m is not None
        and (int(m.group(1)) + 1) % 100 == int(m.group(2))
        and re.search(r"[a-z]$", previous) is not None
    )


# "4. Minutes of the meeting on 14th August. It was RESOLVED to ...", "5. Minutes of the last
# meeting: 6th July 2020.": the next item's short title, then its minute or a date, on one line
_TITLE_THEN_TEXT_RE = re.compile(
    # "179 To Receive Declarations of Interest: The Chairman ...": a page that prints its
    # minutes' numbers with no full stop (the number in turn is still required)
    r"^(?P<no>\d{1,4})(?:\.\.?)?\s+(?P<title>[A-Z][a-z][^.:;\u2013\u2014]{2,160}?)"
    r"(?:\.\s+(?=[A-Z])|:-?\s+(?=\S)|\s[\u2013\u2014-]\s+(?=\S)"
    # "4. Minutes of the Meeting on 12th September 2017 it was RESOLVED to ...": no stop between
    r"|\s+(?=[Ii]t\s+was\s+(?:unanimously\s+)?(?:RESOLVED|AGREED|[Rr]esolved|[Aa]greed)\b)"
    # "2. Formalise Group and choose chairThis will be ...": the title glued to its minute's
    # first word (the line break between them lost)
    r"|(?<=[a-z]{3})(?=[A-Z][a-z]+\s))"
)
_NOT_A_TITLE_RE = re.compile(
    r"(?:that|to|the|it|members|councillors?|cllrs?|he|she|they|this|there|a|an|we)\b", re.I
)


def titled_minute_in_turn(text: str, current: str, first: bool = False) -> str | None:
    """A line numbered as the next item whose first words are a title ended by ". ", ": " or a
    dash, the minute (or the date of the meeting it approves) after it on the same line; with
    `first` (no heading yet), "1. Chair's Remarks. The Chair ..." opens the page's first item."""
    m = _TITLE_THEN_TEXT_RE.match(text)
    if m is None:
        return None
    if not successor(current, m.group("no")):
        if not (first and not current and m["no"] == "1"):
            return None
        if len(m["title"].split()) > 8 or re.search(
            r"\b(?:[a-z]+ed|is|are|was|were)\b", m["title"]
        ):
            return None  # "1. Shirley Rogers welcomed Members ...": a paragraph, not a title
    if _NOT_A_TITLE_RE.match(m["title"]) and not _AGENDA_TO_ANY_CASE_RE.match(m["title"]):
        return None  # "4. The Clerk reported ..." (but "3. To receive declarations ..." is a title)
    if len(m.group("title").split()) > 24 or re.search(
        r"\b(?:was|were|is|are|had|has)\b", m["title"]
    ):
        return None  # "4. Cllr Hale reported that ...": a numbered paragraph, not a title
    return m.group("no")


# "5) The Chairman mentioned that ...": a bracketed number before a paragraph of prose
_BRACKETED_PARAGRAPH_RE = re.compile(r"^(?P<no>\d{1,3})\)\s+(?P<rest>[A-Z][\w.'\u2019]*\s+\S.*)$")
_CLAUSE_START_RE = re.compile(r"^(?:that|to|noted|agreed|resolved)\b", re.I)


def bracketed_paragraph_in_turn(text: str, current: str, heading: str) -> str | None:
    """A paragraph numbered "N)" as the item after the one in force, on a page whose items are
    numbered that way ("4) - Mention was made ..." then "5) The Chairman mentioned ..."): the
    next item, however long its paragraph; a clause ("5) That ...") stays a list's."""
    m = _BRACKETED_PARAGRAPH_RE.match(text)
    if m is None or not current or not successor(current, m.group("no")):
        return None
    if _CLAUSE_START_RE.match(m.group("rest")):
        return None
    if not re.match(rf"{re.escape(current)}\)", heading.strip()):
        return None  # the item in force was not printed "N)": this is a list under it
    return m.group("no")


# "2. DECLARATIONS OF INTEREST None received 3." / "It was RESOLVED to approve ...": a page
# flattened onto one line, cut into sentences after the next item's number; "supported option
# 5.", "options 2, 3 and 4." end on a number that belongs to the sentence
_TRAILING_NUMBER_RE = re.compile(r"(?<![,\d])\s(?P<no>\d{1,3})\.$")
_NUMBERED_NOUN_RE = re.compile(
    r"\b(?:options?|items?|pages?|paragraphs?|para|minutes?|no|nos|numbers?|points?|appendix"
    r"|appendices|sections?|stages?|phases?|levels?|polic(?:y|ies)|clauses?|schedules?|tables?"
    r"|figures?|plots?|units?|flats?|houses?|rooms?|roads?|wards?|areas?|zones?|chapters?|rules?"
    r"|orders?|questions?|recommendations?|priorit(?:y|ies)|sites?|lots?|versions?|weeks?|days?"
    r"|years?|months?|grades?|bands?|class|groups?|routes?|bus|junctions?|and|or|to|of|at|by"
    r"|from|under|in)$",
    re.I,
)
# "... led by the Chairman. 01/2011 Chairman's Welcome and Public Forum – ...": a coded minute
# number (its year after the slash) inside a unit of a flattened page, before its title
_CODE_INSIDE_RE = re.compile(
    r"(?<![\w/])(?P<no>(?P<n>\d{1,3})/(?P<y>(?:19|20)\d{2}))\s+(?=[A-Z][a-z])"
)


def number_inside(text: str, current: str) -> str | None:
    """The next item's number printed inside a unit of a page flattened onto one line: left at
    its end ("None received 3.") or a coded minute before its title ("01/2011 Chairman's
    Welcome"), when it is the item after `current` (or the first)."""
    m = _TRAILING_NUMBER_RE.search(text)
    if (
        m
        and successor(current, m.group("no"))
        and not _NUMBERED_NOUN_RE.search(text[: m.start()].rstrip())
    ):
        return m.group("no")
    found = None
    cm = re.fullmatch(r"(\d{1,3})/((?:19|20)\d{2})", current)
    for c in _CODE_INSIDE_RE.finditer(text):
        n, y = int(c.group("n")), c.group("y")
        if (not current and n == 1) or (cm and y == cm.group(2) and n == int(cm.group(1)) + 1):
            found, current = c.group("no"), c.group("no")
            cm = re.fullmatch(r"(\d{1,3})/((?:19|20)\d{2})", current)
    return found


# "1517 Apologies Rex Turner was not in attendance." / "1518 Minutes of the Meeting ...": a
# parish's minutes numbered on through the years, no full stop after the number
_RUN_NUMBER_RE = re.compile(r"^(?P<no>\d{3,4})\s+(?=[A-Z][a-z])")
# "1 There were no apologies." / "2 There were no declarations.": a short page's items numbered
# from 1 with a bare figure and no full stop, each its minute's paragraph
_SMALL_RUN_RE = re.compile(r"^(?P<no>[1-9]\d?)\s+(?=[A-Z][a-z])")
_CLAUSE_OPENING_RE = re.compile(r"^\d{1,2}\s+(?:That|To)\b")


def numbered_run(lines: list[Line], i: int, current: str) -> str | None:
    """A unit opening with a three- or four-figure number and a title, when it is the item
    after `current` or the next numbered unit is the item after it (a year, "2019 ...", needs
    the item before it)."""
    m = _RUN_NUMBER_RE.match(lines[i].text)
    if m is None:
        return _small_run(lines, i, current)
    no = m.group("no")
    if successor(current, no):
        return no
    if re.fullmatch(r"(?:19|20)\d\d", no):
        return None
    for k in range(i + 1, min(len(lines), i + 12)):  # the next three units, blanks between
        nm = _RUN_NUMBER_RE.match(lines[k].text)
        if nm is not None:
            return no if successor(no, nm.group("no")) else None
        if sum(1 for ln in lines[i + 1 : k + 1] if ln.text) >= 3:
            return None
    return None


def _small_run(lines: list[Line], i: int, current: str) -> str | None:
    """A unit opening with a bare one- or two-figure number, taken as an item only in a run: the
    item after `current`, or "1" before any item when the next numbered unit is "2" (a list of
    clauses, "1 That ...", "2 To ...", is no run of items)."""
    m = _SMALL_RUN_RE.match(lines[i].text)
    if m is None or _CLAUSE_OPENING_RE.match(lines[i].text):
        return None
    no = m.group("no")
    if current:
        # the item before it printed the same way, a bare figure ("2." alone over a title
        # then "3  Details of ..." is a list under item 2)
        run = current.isdigit() and successor(current, no) and _bare_heading(lines, i, current)
        return no if run else None
    if no != "1":
        return None
    for k in range(i + 1, min(len(lines), i + 12)):
        nm = _SMALL_RUN_RE.match(lines[k].text)
        if nm is not None:
            return no if nm.group("no") == "2" else None
        if sum(1 for ln in lines[i + 1 : k + 1] if ln.text) >= 3:
            return None
    return None


def _bare_heading(lines: list[Line], i: int, current: str) -> bool:
    """Is `current` the last of a run of bare figures counting from "1" in the units above `i`,
    with no other number opening a unit before that "1" ("2." alone over a title, then "1
    Details ...", "2 Details ...", "3 Details ..." is a list under item 2, not items)?"""
    want = int(current)
    for ln in reversed(lines[max(0, i - _RUN_REACH) : i]):
        if want == 0:
            if _ANY_NUMBER_RE.match(ln.text):
                return False
            continue
        m = _SMALL_RUN_RE.match(ln.text)
        if m is not None:
            if int(m.group("no")) != want:
                return False
            want -= 1
        elif _ANY_NUMBER_RE.match(ln.text):
            return False
    return want == 0


_RUN_REACH = 60  # units searched above for the run (keeps the reading linear)
_ANY_NUMBER_RE = re.compile(r"^\(?\d{1,3}(?:[.):]|\s|$)")


def inside_sentence(lines: list[Line], i: int, previous: str) -> bool:
    """Is the number alone at unit `i` printed inside a sentence (the text before it does not
    end, the text after it goes on in lower case)? Then it is a page's number, not an item's."""
    k = i + 1
    while k < len(lines) and not lines[k].text:
        k += 1
    after = lines[k].text if k < len(lines) else ""
    return (
        bool(previous)
        and re.search(r"[\w,'\u2019]$", previous) is not None
        and re.match(r"[a-z]", after) is not None
    )


def bullet_at(lines: list[Line], i: int, step: int) -> bool:
    k = i + step
    while 0 <= k < len(lines) and not lines[k].text:
        k += step
    return 0 <= k < len(lines) and lines[k].text.startswith("- ")
