"""Item headings: which unit opens an agenda item or minute, and with which number ("5.1",
"39/20", "F03:04/24", "2020-06_4", "Cou/286/07-08", "1359", "Minute No. 45/23", a bulleted
title whose number was lost). `strong` headings (a number alone, a coded number, an upper-case
title, the next sibling number) end a resolution block; weaker ones only set the item."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .markers import TIME_RE as _TIME_RE
from .text import Line

ITEM_ALONE_RE = re.compile(
    # "Minute 112" alone on its line over the item's title
    r"^(?:(?:item|minute)\s+)?(?P<no>\d{1,4}[a-z]?(?:[./]\d{1,4})*|[A-Z]{1,3}\d{1,3}:\d{2}/\d{2})\.?$",
    re.I,
)
_ITEM_CODE_RE = re.compile(
    # "2022-107 To agree ...": the year and the minute's number in it
    r"^(?P<no>[A-Z]{1,3}\d{1,3}:\d{2}/\d{2}|\d{4}-\d{2}_\d{1,3}|(?:19|20)\d{2}-\d{3}(?=\s)"
    r"|\d{1,3}[a-z]?/\d{2,4}"
    r"|[A-Z][a-z]{1,4}/\d{1,4}/\d{2}(?:-\d{2})?"
    r"|[A-Z]{2,5}/\d{4}/\s?\d{1,4}"
    r"|[A-Z]{1,4}\d{2}/\d{1,2}/\d{1,3}"  # "CP22/2/05 Funding updates"
    # "2020/01/05 MINUTES OF THE LAST MEETING", "20/6/52 Standing Orders": the year, the
    # meeting's and the minute's number (a date's year has four figures: "12/03/2021 ...")
    r"|(?:19|20)\d{2}/\d{2}/\d{1,3}(?=\s+[A-Z])|\d{2}/\d{1,2}/\d{2,3}(?=\s+[A-Z][a-z])"
    # "PC23/045", "2023/45", "P/23/045": a body's or a year's code before the number
    r"|[A-Z]{1,4}\d{2}/\d{1,4}|(?:19|20)\d{2}/\d{1,4}|[A-Z]{1,3}/\d{2}/\d{1,4}"
    # "PM(23)45 Minutes", "QSEC(22)101": a Welsh health board's minute, its year in brackets
    r"|[A-Z]{1,6}\(\d{2}\)\d{1,4}"
    # "SP/123/19 Minutes", "C/2023/05 Minutes": the body's letters, then number and year
    r"|[A-Z]{1,4}/\d{1,4}/(?:19|20)?\d{2}"
    # "275/PC/19 – Minutes": the minute's number, then the body's letters and the year
    r"|\d{1,4}/[A-Z]{1,5}/(?:19|20)?\d{2}"
    r"|[A-Z]{1,4}\d{1,3}/\d{2}(?=\.\s+[A-Z]{2})"  # "PF12/17. FINANCE"
    r"|[A-Z]{1,3}\.\d{1,3}/\d{2}"  # "C.12/23 MINUTES": the body's letter and a full stop
    # "RP157/17 APOLOGIES", "23-24/FRA/1 Election of Chair": the number before the year, or
    # the municipal year first
    # "C141/2015 CONGRATULATIONS": a Northern Ireland council's minute and the year in full
    r"|[A-Z]{1,4}\d{3,4}/(?:19|20)?\d{2}|\d{2}-\d{2}/[A-Z]{2,5}/\d{1,4}"
    # "F.196 CONFIRMATION OF THE MINUTES": a committee's letter, a full stop and the number,
    # then a title in capitals
    r"|[A-Z]{1,2}\.\d{1,4}(?=\s+[A-Z]{2,}\b)"
    # "OM-19-133 PLANNING APPLICATIONS:": the body's letters, the year and the minute, hyphened
    r"|[A-Z]{1,4}-\d{2}-\d{1,4}(?=\s+[A-Z]{2,}\b)"
    # "2:00 Approval of the minutes ...": items numbered "1:00", "2:00" (not a time: "10:30")
    r"|[1-9]:00(?=\s+[A-Z][a-z]))(?:\.|:|\s)\s*\S"
    # "16/226Draft Minutes ...": the number glued to its title's first word
    # "2016/32/02Invoices for Payment": a minute's part, its year, minute and part, glued too
    r"|^(?P<glued>\d{1,3}/\d{2,4}|(?:19|20)\d{2}/\d{1,3}/\d{1,3})(?=[A-Z][a-z]{2})"
    # "19/8Resolved to approve ...": a one-digit minute glued to the decision word
    r"|^(?P<glued2>\d{1,3}/\d)(?=(?:Resolved|RESOLVED|Agreed|AGREED)\b)"
    # "216(3) Minutes of the last meeting": the minute's number, its agenda number in brackets
    r"|^(?P<bracketed>\d{2,4}[a-z]?)\(\d{1,2}\)\s+(?=[A-Z][a-z])"
)
# "4. Apologies", "39) Apologies", "4, Apologies", "4: Apologies", "5/ Parish Property", "1a)
# Footpath" (a lettered sub-item, its letter before the bracket or full stop)
_ITEM_NUMBERED_RE = re.compile(
    r"^(?P<no>\d{1,4}(?:\.\d{1,3})*(?:[a-z](?=[.)]))?)(?:\.|(?P<close>[),:/]))?\s+"
    r"(?P<rest>\*?[A-Z(].*)$"
)
# "5(a) Planning", "12 (b) Correspondence": a sub-item lettered in brackets before its short title
_LETTERED_SUB_RE = re.compile(r"^(?P<no>\d{1,3}\s?\([a-h]\))\s+(?P<rest>[A-Z][^.;:]{2,80}?)\s*:?$")
# "53. 23-24 Planning, licensing and tree preservation order applications": the minute's number,
# then the municipal year it is numbered in, then the title
_NUMBER_THEN_YEARS_RE = re.compile(
    r"^(?P<no>\d{1,4})\.?\s+(?:19|20)?\d{2}[-/](?:19|20)?\d{2}\s+(?P<rest>[A-Z][a-z].*)$"
)
# "2. a) Previous Governing Board Minutes": the minute's number, then its first lettered part's
# short title; the item is the minute's (a lettered sub-heading keeps the minute's number)
_NUMBER_THEN_LETTER_RE = re.compile(
    r"^(?P<no>\d{1,3})\.\s+\(?[a-h]\)\s+(?P<rest>[A-Z][^.;:\u2013\u2014-]{2,80}?)\s*:?$"
)
# "2) - Notice of appeal ...", "1)- Notice ...": a bracketed number and a dash before the minute
_BRACKET_DASH_RE = re.compile(r"^(?P<no>\d{1,3})\)\s*[\u2013\u2014\-]\s*(?=[A-Z])")
# "2.0 Apologies (19/13)", "4.0 To discuss the play area (19/15)": the agenda's number, its
# title, then the minute's reference in brackets
_TRAILING_REF_RE = re.compile(
    r"^\d{1,3}(?:\.\d{1,2})*\.?\s+[A-Z][^()]{2,120}?\s*\((?P<ref>\d{1,4}/\d{2,4})\)\s*:?$"
    # "3. To approve the minutes of the previous meeting 19/25": the reference unbracketed (not
    # a financial year "2019/20", a date "12/05/25" or a planning reference "23/00123")
    r"|^\d{1,3}\.\s+[A-Z][^()]{2,160}?\s(?P<bare>\d{1,3}/\d{2})\s*:?$"
)
# "I. Helmdon Parish Plan:", "IV. Finance": an upper-case roman number before a short title
_ROMAN_TITLE_RE = re.compile(r"^(?P<no>[IVX]{1,4})\.\s+(?P<rest>[A-Z][^.;]{2,80}?)\s*:?$")
_ITEM_PARA_RE = re.compile(r"^(?P<no>\d{1,3}(?:\.\d{1,3})+)\.?\s+\S")
# "(Item 63)", "ref: 709" (a decision notice's reference); not "minute ref: 68.a. page 23-2020",
# an earlier or later minute cited in a sentence
ITEM_REF_RE = re.compile(
    r"\((?:agenda\s+)?item\s+(?P<no>\d{1,4}[a-z]?)\.?\)"
    r"|(?<!minute\s)\bref:\s*(?P<ref>\d{1,6})\b(?![./]\w)",
    re.I,
)
_MINUTE_NO_RE = re.compile(r"^minute\s+no\.?\s*(?P<no>\d{1,4}(?:/\d{2,4})?(?:\.\d{1,3})*)\b", re.I)
# "Item 5: Budget Monitoring", "Minute 125 Budget ...", "AGENDA ITEM 5 - BUDGET", "Article 4.
# COMMUNITY ASSET TRANSFER" (a Scottish council's minute): a labelled number before its title
_ITEM_LABEL_RE = re.compile(
    # "Eitem 5 / Item 5: Cofnodion / Minutes": a bilingual page's label, Welsh then English
    r"^(?:agenda\s+)?(?P<label>item|eitem|minute|min\.?|article)\s+(?:no\.?\s*)?"
    r"(?P<no>\d{1,4}[a-z]?(?:[./]\d{1,4})*)"
    r"(?:\s*[:.\u2013\-/]\s*|\s+)(?P<rest>[A-Z(].{0,600})$",
    re.I,
)
# "5.<tab>Apologies", "Item 6<tab>Police Scotland update": the number, a tab, then the title
_NUMBER_TAB_RE = re.compile(r"^\s*(?:(?i:item)\s+)?\d{1,3}(?:\.\d{1,2})*\.?\t+[^\t]+$")
_BULLET_ITEM_RE = re.compile(r"^-\s+(?:To\s+[a-z]+\b|[A-Z][\w']*)(?:\s+\S+){0,14}$")
# "- Resolved that the allotment rents be increased": a decision bulleted under its heading;
# "- Approved", "- Adopted as a true record": the minutes item's outcome (issue 17, tunegen)
_BULLETED_DECISION_RE = re.compile(
    r"^-\s+(?:resolved|agreed|decided|noted|recommended|approved|accepted|adopted|confirmed"
    r"|ratified)\b",
    re.I,
)
_DASH_AFTER_RE = re.compile(r"^\d{1,4}\s+[\u2013\-]\s")
# "304-1.To receive apologies", "22-035: Election of Chair": the year's or meeting's number, a
# hyphen, the minute's, then a full stop or colon
_DASHED_NO_RE = re.compile(r"^(?P<no>\d{2,4}-\d{1,3})[.:]\s*(?=[A-Z])")
# "18/19-75: SID", "2023/24-12 Playground": the municipal year (two years running) and the
# minute's number in it
_YEAR_PAIR_NO_RE = re.compile(
    r"^(?P<no>(?:19|20)?(?P<a>\d{2})/(?P<b>\d{2})-\d{1,4})(?::|\.|\s)\s*(?=\S)"
    # not "10/11-12 March": days of a month
    r"(?!(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)"
)
_ITEM_WORD_RE = re.compile(
    r"^items?\s+(?P<no>\d{1,4})(?:\s*(?:&|and)\s*\d{1,4})*\.\s+[A-Z][^.]{1,80}\.?$", re.I
)
# "29 Apr 2021 - 13:00 to 14:00", "3rd March 2020": a date, not an item number and its title
_DATE_RE = re.compile(
    r"^\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
    r"(?:\s+\d{2,4})?\b",
    re.I,
)
# "2 – 4 June", "7th-9th Sept": days of a month, not an item's number and its title
DATE_SPAN_RE = re.compile(
    r"^\d{1,2}(?:st|nd|rd|th)?\s*[\u2013\u2014\-]\s*\d{1,2}(?:st|nd|rd|th)?\s+"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b",
    re.I,
)
# "CAB-37", "EX-112" alone on the line over the title: a body's letters, a hyphen and the minute
_LETTER_CODE_ALONE_RE = re.compile(r"^[A-Z]{2,5}-\d{1,4}\.?$")
_CODE_ALONE_RE = re.compile(
    r"^(?:[A-Z]{1,4}\d{2}/\d{1,2}/\d{1,3}|[A-Z]{1,4}\d{3,4}/\d{2}|\d{2}-\d{2}/[A-Z]{2,5}/\d{1,4}"
    # "CM 16/23" alone over its title: the body's letters, a space, the minute and its year
    r"|[A-Z]{2,4}\s\d{1,3}/(?:19|20)?\d{2})\.?$"
)
# a numbered agenda title, a dash, then the minute of it on the same line
_TITLE_DASH_RE = re.compile(
    # "5. Allotment: 005/24 – 2 applications ...": the title may carry its minute's reference
    r"^(?P<no>\d{1,3})\.\s+(?P<title>[A-Z][^\u2013\u2014.;:]{3,200}?(?::\s*\d{1,4}/\d{2,4})?)"
    r"\s+[\u2013\u2014\-]+\s+(?=\S.{20,})"
)
# "Minute 31 – July 2017", "Min. 12 of 3rd May 2023": a minute of an earlier meeting cited by
# its date, not the heading of this meeting's item
_CITED_DATE_RE = re.compile(
    r"^(?:of\s+)?(?:(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|"
    r"nov|dec)[a-z]*\.?,?\s+(?:19|20)\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})"
    # "Minute 31 – July 2017 – Resolutions Report", "Min. 12 of 3rd May 2023: Play Area": the
    # earlier minute's own title may follow its date
    r"(?:\s+meeting)?(?:\W*$|\s*[\u2013\u2014:\-]\s*\S.{0,120}$)",
    re.I,
)
_DAY_MONTH_YEAR_RE = re.compile(
    r"^(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2])/(?:\d{2}|(?:19|20)\d{2})$"
)
# "FC 12/24 Minutes", "HR 05/23 Staffing": the body's letters, a space, the minute and its year
# (the year in two or four figures: not a planning application's "APP 23/0456")
_SPACED_CODE_RE = re.compile(
    r"^(?P<no>[A-Z]{2,4}\s\d{1,3}/(?:(?:19|20)\d{2}|\d{2}))(?:\.|:|\s)\s*[A-Z][A-Za-z]"
    # "hpc 001/14 ELECTION OF CHAIRMAN": the body's letters in lower case, then a title in
    # capitals (not a sentence's small word before a date: "on 12/24 The ...")
    r"|^(?P<lower>(?!(?:on|in|at|of|by|to|for|and|the|was|see|per|no|from)\s)[a-z]{2,4}"
    r"\s\d{1,3}/(?:(?:19|20)\d{2}|\d{2}))\s+[A-Z]{2,}\b"
)
# "(2020 – 073) Cllr Shepherd was elected ...": the year and the minute's number (three
# figures, not a span of years "(2020 - 21)") in brackets before the minute
_BRACKETED_YEAR_NO_RE = re.compile(
    r"^\((?P<no>(?:19|20)\d{2}\s?[\u2013\u2014-]\s?\d{3})\)\s*(?=[A-Z])"
)
# "[1]  White Lion - letter asking ...", "[1.2] Urdd Eisteddfod": a number in square brackets
# before the item's title or text (a community council's correspondence items)
_SQUARE_NO_RE = re.compile(r"^\[(?P<no>\d{1,3}(?:\.\d{1,3})*[a-z]?)\]\s*(?=[A-Z(])")
_TALLY_RE = re.compile(r"^\d{1,3}\s+(?:for|against|in\s+favour|abstentions?|abstained)\b", re.I)
# "• 4." on its own line: a web page's list of items flattened with its bullet kept
_BULLETED_NO_RE = re.compile(r"^[\u2022\u00b7*]\s+(?P<no>\d{1,3})\.$")
# "19/7 Minutes", "24/3. Finance": a minute numbered within its year with one figure after the
# slash (read like a day and month), then a short title alone on the line
_ONE_FIGURE_MINUTE_RE = re.compile(
    r"^(?P<no>\d{1,3}/\d)(?:\.|:)?\s+(?P<title>[A-Z][A-Za-z'\u2019\-]+"
    r"(?:\s+(?!(?:will|would|was|were|is|are|be|has|had|have)\b)[A-Za-z&'\u2019\-]+){0,7})\s*:?$"
)
_MONTH_WORD_RE = re.compile(r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I)
_STARTS_LIKE_TEXT_RE = re.compile(r"^(?:that|to|the\s+\w+\s+(?:be|is)|noted|agreed)\b", re.I)


_CITED_RE = re.compile(
    r"^min(?:ute)?s?\.?\s+(?:no\.?\s*)?\d{1,4}[a-z]?(?:[./]\d{1,4})*\s*[:.\u2013\-]?\s*", re.I
)


def cited_minute(text: str) -> bool:
    """ "Minute 31 – July 2017": an earlier meeting's minute cited by its date."""
    cm = _CITED_RE.match(text)
    return cm is not None and _CITED_DATE_RE.match(text[cm.end() :]) is not None


# what opens the only headings with no figure: "- To review ..." (a bullet) and "IV. Title"
_NUMBERLESS_STARTS = "-IVX"
_DIGIT_RE = re.compile(r"\d")


# "7:00 Welcome", "7:05 Minutes of the last meeting": a line opening with a clock time
CLOCK_RE = re.compile(r"^(?P<h>[0-2]?\d):(?P<m>[0-5]\d)(?=\s+[A-Z(])")


def clock_times(texts: Iterable[str]) -> bool:
    """Does the page open lines with the time each item was taken ("7:00 Welcome", "7:05
    Minutes"), not with item numbers written "1:00", "2:00" (East Lammermuir's, batch 40)? A
    time whose minutes are not ":00", or ":00" times that do not count from "1:00", say so."""
    hours: set[int] = set()
    for t in texts:
        m = CLOCK_RE.match(t)
        if m is None:
            continue
        if m["m"] != "00":
            return True
        hours.add(int(m["h"]))
    return bool(hours) and 1 not in hours


def item_number(ln: Line, clock: bool = False) -> str | None:
    """The item number this unit opens, when it is an item heading; with `clock` (the page
    opens lines with clock times: `clock_times`), a time is none."""
    t = ln.text
    if clock and CLOCK_RE.match(t):
        return None  # "7:00 Welcome": the time the item was taken, not its number
    if t[:1] not in _NUMBERLESS_STARTS and _DIGIT_RE.search(t) is None:
        return None  # every heading below holds a figure, but a bullet's or a roman number's
    if "|" in t or ("\t" in ln.raw and not _NUMBER_TAB_RE.match(ln.raw)):
        return None  # a row of a table ("5.<tab>Apologies", one tab after the number, is not)
    if _TIME_RE.match(t):
        return None  # "11.30 a.m.": the time an item was taken, not its number
    if _DATE_RE.match(t):
        return None  # "29 Apr 2021 - 13:00": the meeting's date
    if _TALLY_RE.match(t):
        return None  # "5 For, 0 Against, 1 Abstention": a vote's record, not an item
    if _DAY_MONTH_YEAR_RE.match(t):
        return None  # "16/09/19" alone in a "Date Required" cell: a date, not an item
    rf = _TRAILING_REF_RE.match(t)
    if rf:
        # "2.0 Apologies (19/13)": the minute's reference (batch 15)
        return rf.group("ref") or rf.group("bare")
    am = ITEM_ALONE_RE.match(t) or _BULLETED_NO_RE.match(t) or _SQUARE_NO_RE.match(t)
    if am:
        return am.group("no")
    om = _ONE_FIGURE_MINUTE_RE.match(t)
    if om and not _MONTH_WORD_RE.match(om.group("title")):
        return om.group("no")  # "19/7 Minutes": not "19/7 Meeting" read as a date
    if _LETTER_CODE_ALONE_RE.match(t) and not t.upper().startswith("COVID"):
        return t.rstrip(".")  # "CAB-37" alone over its title: a cabinet's minute
    if _CODE_ALONE_RE.match(t):
        return t.rstrip(".")  # "CP22/02/09" in its own cell of a table
    dm = _DASHED_NO_RE.match(t)
    if dm:
        return dm.group("no")  # "304-1.To receive apologies": minute 304, item 1
    ym = _YEAR_PAIR_NO_RE.match(t)
    # "20/07-3 Confirmation of ...": the year, the meeting's month and the minute's number
    if ym and ((int(ym["a"]) + 1) % 100 == int(ym["b"]) or re.match(r"0[1-9]|1[0-2]", ym["b"])):
        return ym.group("no")
    wm = _ITEM_WORD_RE.match(t)
    if wm:
        return wm.group("no")  # "Item 3. Approval of August minutes."
    if _BULLET_ITEM_RE.match(t) and not _BULLETED_DECISION_RE.match(t):
        return ""  # "- To review Co option applications": an item whose number was lost
    if _DASH_AFTER_RE.match(t):
        return None  # "8 – Cartrefi Croeso Ltd": a reference in a table, not a heading
    lm = _ITEM_LABEL_RE.match(t)
    # "Item 02.01/07 - To accept the Minutes ... RESOLVED – Approved ...": an item's label, its
    # title and its minute on one line; "Minute 110 – Defib – ..." in a long paragraph is a
    # reference to an earlier minute
    if lm and lm.group("label").lower().startswith("min") and len(lm.group("rest")) > 151:
        lm = None
    if cited_minute(t):
        return None
    if lm and (
        not _STARTS_LIKE_TEXT_RE.match(lm.group("rest"))
        # "Item 02.01/07 - To accept the Minutes ...": an agenda title under its item's label
        or (lm.group("label").lower() == "item" and lm.group("rest").startswith("To "))
    ):
        return lm.group("no")
    mm = _MINUTE_NO_RE.match(t)
    if mm:
        return mm.group("no")
    sc = _SPACED_CODE_RE.match(t)
    if sc:
        return sc.group("no") or sc.group("lower")
    by = _BRACKETED_YEAR_NO_RE.match(t)
    if by:
        return by.group("no")
    cm = _ITEM_CODE_RE.match(t)
    if cm:
        return (
            cm.group("no") or cm.group("glued") or cm.group("glued2") or cm.group("bracketed")
        ).replace(" ", "")
    pm = _ITEM_PARA_RE.match(t)
    if pm:
        return pm.group("no")
    td = _TITLE_DASH_RE.match(t)
    if (
        td
        and len(td.group("title").split()) <= 20
        and not re.match(r"that\b", td.group("title"), re.I)
    ):
        return td.group("no")  # "22. To consider the applications ... – An application had ..."
    sm = _LETTERED_SUB_RE.match(t)
    if (
        sm
        and len(sm.group("rest").split()) <= 10
        and not _STARTS_LIKE_TEXT_RE.match(sm.group("rest"))
    ):
        return sm.group("no").replace(" ", "")
    ym = _NUMBER_THEN_YEARS_RE.match(t)
    if ym and len(ym.group("rest").split()) <= 20 and not ym["rest"].rstrip().endswith("."):
        return ym.group("no")  # "53. 23-24 Planning ...": the minute's number (batch 16)
    nl = _NUMBER_THEN_LETTER_RE.match(t)
    if nl and len(nl.group("rest").split()) <= 10 and not _STARTS_LIKE_TEXT_RE.match(nl["rest"]):
        return nl.group("no")
    bd = _BRACKET_DASH_RE.match(t)
    if bd:
        return bd.group("no")  # "2) - Notice of appeal received ...": the item's minute after it
    rn = _ROMAN_TITLE_RE.match(t)
    if (
        rn
        and len(rn.group("rest").split()) <= 10
        and not _STARTS_LIKE_TEXT_RE.match(rn.group("rest"))
    ):
        return rn.group("no")  # "I. Helmdon Parish Plan:": an upper-case roman number
    nm = _ITEM_NUMBERED_RE.match(t)
    if nm:
        rest = nm.group("rest")
        # "3111: To Approve & Sign the Minutes of ... 18th September 2012:": a long title after a
        # colon ends with its own colon over the minute below (a list clause does not)
        titled = nm.group("close") == ":" and rest.rstrip().endswith(":")
        if nm.group("close") and (
            (len(rest.split()) > 12 and not titled)
            or re.search(r"\b(?:be|is|are|was|were)\b", rest, re.I)
        ):
            return None  # "2)    Authority be delegated to": a list clause, not a title
        letters = [c for c in rest[:40] if c.isalpha()]
        upper = sum(c.isupper() for c in letters) > 0.7 * max(1, len(letters))
        words = rest.split()
        # "5         To Correct & Approve minutes": a number column apart from its title
        column = re.match(r"\s*\d{1,4}\.?\s{3,}\S", ln.raw) is not None
        if _STARTS_LIKE_TEXT_RE.match(rest) and not (
            rest.lower().startswith("to ") and (int(nm.group("no").split(".")[0]) >= 10 or column)
        ):
            return None  # "1. That ...", "2. To note ...": a list item, not an item heading
        if upper or (len(words) <= 20 and not rest.rstrip().endswith((".", ";", ","))):
            return nm.group("no")
        if not nm.group("close") and capital_title_then_text(rest):
            return nm.group("no")  # "4 COMMUNITY POLICING There was no Police presence."
        if column and len(words) <= 12:
            return nm.group("no")  # a short title in the column beside its number
    return None


# "COMMUNITY POLICING There was ...", "DATA PROTECTION (a) The Clerk ...": a title in capitals,
# then the minute's text on the same line (a decision word in capitals is no title)
_CAPITAL_TITLE_THEN_TEXT_RE = re.compile(
    r"^(?P<title>[A-Z][A-Z&'\u2019\-]*(?:\s+(?:[A-Z&][A-Z&'\u2019\-]*|OF|AND|THE|FOR|TO)){0,8})"
    r"\s+(?:[A-Z][a-z]+|\([a-z]\)\s+[A-Z][a-z]+)\b"
)
_CAPITAL_DECISION_RE = re.compile(
    r"\b(?:RESOLVED|AGREED|NOTED|DECIDED|RECOMMENDED|APPROVED|ACTION|THAT|DECISION)\b"
)


def capital_title_then_text(rest: str) -> bool:
    """Does `rest` (after an item's number) open with a title in capitals of six letters or
    more (not an acronym opening a sentence: "PCSO Jo Dales introduced ..."), then the minute's
    text in ordinary case?"""
    m = _CAPITAL_TITLE_THEN_TEXT_RE.match(rest)
    if m is None or _CAPITAL_DECISION_RE.search(m.group("title")):
        return False
    title: str = m.group("title")
    return sum(c.isalpha() for c in title) >= 6
