"""Lines of Welsh, Scottish and Northern Irish minutes (and others) that hold two units, read
apart before the segmenter places them: a minute's number, its title and the decision word on one
line ("3666 Appointment of Chairman RESOLVED that ..."), the minutes item's title and its bare
outcome ("2. Minutes of the previous meeting: Approved."), a page's number before the decision
word ("16 Resolved that ..."), a bilingual keyword line ("PENDERFYNWYD / RESOLVED: <Welsh> / that
...") and a board's lead-in with its decisions run on one line ("The Board: noted ...; approved
...")."""

from __future__ import annotations

import re

from .text import Line, collapse, matchable


def _unit(no: int, text: str) -> Line:
    t = collapse(text)
    return Line(no, text, t, matchable(t))


TITLE_VERB_RE = re.compile(
    r"^(?:that|the\s+\w+\s+(?:be|is))\b|\b(?:was|were|is|are|be|been|has|have|had|noted|agreed"
    r"|resolved|received|approved|reported|asked|said|will|would)\b",
    re.I,
)


# The title of the item that approves the earlier minutes, by its kind rather than one spelling
# (issue 17, branch tunegen): "Minutes of the last meeting", "Minutes of the previous Parish
# Council meeting", "Minutes of the meeting held on 3 February", "Approval of the minutes of 3rd
# February 2024", "Previous Minutes", "Last meeting's minutes"
_DAY = (
    r"\d{1,2}(?:st|nd|rd|th)?(?:\s+(?:of\s+)?[A-Za-z]{3,9}|[/.]\d{1,2})(?:,?\s*|[/.])?(?:\d{2,4})?"
)
EARLIER_MINUTES_TITLE = (
    r"(?:(?:(?:approval|confirmation|adoption|acceptance|signing)\s+of\s+(?:the\s+)?)?"
    r"(?:(?:draft\s+)?minutes?|notes)\s+of\s+(?:the\s+)?(?:"
    r"(?:last|previous|prior|preceding)(?:\s+[\w'\u2019\-]+){0,3}?\s+meetings?"
    rf"(?:\s+(?:held\s+)?(?:on\s+)?(?:[A-Za-z]+day\s+)?{_DAY})?"
    rf"|(?:[\w'\u2019\-]+\s+){{0,3}}?meetings?\s+(?:held\s+)?(?:on\s+)?(?:[A-Za-z]+day\s+)?{_DAY}"
    rf"|(?:[A-Za-z]+day\s+)?{_DAY})"
    r"|(?:previous|last)\s+(?:meeting'?s?\s+)?minutes|last\s+meeting'?s?\s+minutes)"
)
# how the minutes were approved, standing alone: "Approved", "Approved and signed by the Chair",
# "Accepted as a true record", "Confirmed and signed.", "Ratified", "Signed as a correct record"
APPROVAL_OUTCOME = (
    r"(?:unanimously\s+)?(?:approved|accepted|adopted|confirmed|ratified|signed)"
    r"(?:\s*(?:,|and|&)\s*(?:signed|adopted|approved|confirmed|accepted))?"
    r"(?:\s+by\s+the\s+chair(?:man|person)?)?"
    r"(?:\s+as\s+(?:an?\s+)?(?:true|correct|accurate)(?:\s+and\s+(?:accurate|correct))?"
    r"(?:\s+record)?)?\.?"
)
# what may follow the keyword "Agreed" standing as an item's outcome, the whole line its text
# (rule 2): "Agreed by all and signed by the Chairman of the meeting", "Agreed unanimously",
# "Agreed as a true record and signed" (issue 17, branch resgen2)
AGREED_TAIL = (
    r"(?i:(?:\s+(?:unanimously|by\s+all(?:\s+(?:present|members|councillors))?"
    r"|nem\.?\s*con\.?))?"
    r"(?:\s+as\s+(?:an?\s+)?(?:true|correct|accurate)(?:\s+and\s+(?:accurate|correct|true))?"
    r"(?:\s+record)?)?"
    r"(?:\s*(?:,|and|&)\s*signed(?:\s+by\s+the\s+chair(?:man|person)?"
    r"(?:\s+of\s+the\s+meeting)?)?)?)"
)
# "Agreed by all.", "Unanimously agreed and signed by the Chair.": the keyword and its tail alone
AGREED_OUTCOME_RE = re.compile(rf"^(?i:unanimously\s+)?(?i:agreed){AGREED_TAIL}\s*\.?$")


def agreed_outcome(text: str) -> bool:
    """Is `text` the keyword "Agreed" with words only of how it was agreed or signed after it
    (at least one: "Agreed." alone is read as before)?"""
    t = text.strip()
    return bool(AGREED_OUTCOME_RE.match(t)) and len(t.rstrip(".").split()) > 1


# "2. Minutes of the previous meeting: Approved.", "12/19 Minutes of last meeting - Confirmed and
# signed.": the minutes item's title and its bare outcome, after a colon or a dash
MINUTES_TITLE_OUTCOME_RE = re.compile(
    r"^(?P<head>(?:\d{1,3}[.)]?|\d{1,4}/\d{1,4}\.?)\s+"
    rf"{EARLIER_MINUTES_TITLE}\s*(?::|\s[\-\u2013]))\s*"
    rf"(?P<rest>{APPROVAL_OUTCOME})$",
    re.I,
)
# "3666 Appointment of Chairman RESOLVED that Councillor ... be appointed ...": a minute's
# number, its short title (no verb) and the decision word in capitals, on one line
_NUMBER_TITLE_KEYWORD_RE = re.compile(
    r"^(?P<head>\d{1,4}\.?\s+(?P<title>[A-Z][^.;:!?]{2,100}?))\s+"
    r"(?P<rest>(?:RESOLVED|AGREED)\s*(?:[:\-\u2013]\s*)?(?:that|That|THAT|to|noted|Noted)\b.*)$"
)


# "5 Adoption of Constitution It was agreed to adopt ...": a minute's number, its title (each word
# capitalised but the small ones) and the item's prose decision, with no stop between
_NUMBER_TITLE_PROSE_RE = re.compile(
    r"^(?P<head>\d{1,4}\.?\s+(?P<title>[A-Z][\w'\u2019&\-]*(?:\s+(?:[A-Z][\w'\u2019&\-]*|of|and|&"
    r"|the|for|to|in|on|at)){0,7}))\s+(?P<rest>It\s+was\s+(?:unanimously\s+)?(?:agreed|resolved"
    r"|decided|AGREED|RESOLVED)\s+(?:that|to)\b.*)$"
)


def number_title_keyword(text: str) -> re.Match[str] | None:
    m = _NUMBER_TITLE_KEYWORD_RE.match(text) or _NUMBER_TITLE_PROSE_RE.match(text)
    if m is None or len(m.group("title").split()) > 10 or TITLE_VERB_RE.search(m.group("title")):
        return None
    if re.match(r"(?:the|it|members|councillors?|cllr|this|there)\b", m.group("title"), re.I):
        return None  # "4 The Council RESOLVED that ...": a sentence, not a title
    return m


# "16 Resolved that the situation be noted ...": a bare number (no full stop, no bracket) before
# the decision word opening its line; a page's number printed there, or the next minute's number
# (segment.py tells which by the item in force); kept apart as its own unit, the whole line its raw
NUMBER_BEFORE_KEYWORD_RE = re.compile(
    r"^(?P<no>\d{1,4})\s+(?P<rest>(?:Resolved|RESOLVED)\s*(?:[:\-\u2013]\s*)?(?:that|That|to)\b.*)$"
)


# "19/8 Resolved to approve ...", "19/8Resolved to ...": a minute's reference before its decision
# word, glued or not; never a page's number, so the reference is the item's heading and the rest
# its decision
REF_BEFORE_KEYWORD_RE = re.compile(
    # (spaced, the word in capitals was already read: "45/23 RESOLVED - That ...")
    r"^(?P<no>\d{1,4}/\d{1,4})\.?(?:\s+(?=Resolved|Agreed)|(?=[A-Z]))"
    r"(?P<rest>(?:Resolved|RESOLVED|Agreed|AGREED)\s*(?:[:,\-\u2013]\s*)?(?:that|That|THAT|to)\b.*)$"
)


# "Item 02/07 RESOLVED - Declaration of Interest: None were noted": an item's number after
# "Item", then the decision word and its label's dash or clause on the same line
ITEM_BEFORE_KEYWORD_RE = re.compile(
    r"^(?P<no>Item\s+\d{1,4}(?:[./]\d{1,4})*)\.?\s+(?P<rest>(?:RESOLVED|Resolved|AGREED|Agreed)"
    r"(?:\s*[:\-\u2013]\s*\S|\s+(?:that|That|THAT|to)\b).*)$"
)


# "PENDERFYNWYD / RESOLVED: talu'r biliau / that the accounts be paid.": a bilingual page's
# keyword in Welsh and English, then the decision in both; the English clause is the decision,
# judged once (the README's bilingual rule)
# "Cytunwyd / Agreed: ...", "PENDERFYNIAD / DECISION: ...", and the English word first
# ("RESOLVED / PENDERFYNWYD: ...") are the same keyword line
_WELSH_KEYWORD = r"(?i:penderfynwyd|cytunwyd|penderfyniad)"
_ENGLISH_KEYWORD = r"RESOLVED|Resolved|AGREED|Agreed|DECISION|Decision"
_BILINGUAL_KEYWORD_RE = re.compile(
    rf"^(?P<no>\d{{1,3}}(?:\.\d{{1,3}})*\.?\s+)?(?:{_WELSH_KEYWORD}\s*/\s*(?P<kw>{_ENGLISH_KEYWORD})"
    rf"|(?P<kw2>{_ENGLISH_KEYWORD})\s*/\s*{_WELSH_KEYWORD})"
    r"\s*(?P<sep>[:\-\u2013]?)\s*(?P<rest>\S.*)$"
)
_ENGLISH_HALF_RE = re.compile(r"\s/\s+(?=(?:that|That|THAT|to|To)\b)")


def english_decision(text: str) -> str:
    bm = _BILINGUAL_KEYWORD_RE.match(text)
    if bm is None:
        return text
    rest = bm.group("rest")
    half = _ENGLISH_HALF_RE.search(rest)
    if half and not re.match(r"(?:that|to)\b", rest, re.I):
        rest = rest[half.end() :]
    kw = bm.group("kw") or bm.group("kw2")
    return f"{bm.group('no') or ''}{kw}{bm.group('sep')} {rest}"


# "The Board: noted the annual report; approved its publication; and agreed to review ...": the
# body's lead-in and its verb-first decisions run on one line, each ended by a semicolon; read
# as the lead-in over a list of them (the README's batch 13 lead-in)
_INLINE_DECISIONS_RE = re.compile(
    r"^(?P<lead>(?:\d{1,3}(?:\.\d{1,3})*\.?\s+)?The\s+(?:[A-Z][\w'\u2019\-]*\s+(?:(?:and|&)\s+)?){0,5}?"
    r"(?:Board|Committee|Sub-Committee|Panel|Council|Cabinet|Executive|Group|Forum|Partnership"
    r"|Authority|IJB)\s*:)\s+(?P<rest>(?:noted|approved|agreed|endorsed|supported|accepted|"
    r"requested|welcomed|commended|ratified|confirmed|delegated|instructed|considered)\b.*;.*)$"
)
_DECISION_VERB_RE = re.compile(
    r"(?:and\s+)?(?:noted|approved|agreed|endorsed|supported|accepted|requested|welcomed|"
    r"commended|ratified|confirmed|delegated|instructed|considered)\b"
)


def inline_decisions(ln: Line) -> list[Line] | None:
    im = _INLINE_DECISIONS_RE.match(ln.text)
    if im is None:
        return None
    parts = [p.strip() for p in re.split(r";\s*", im.group("rest")) if p.strip()]
    if len(parts) < 2 or not all(_DECISION_VERB_RE.match(p) for p in parts):
        return None  # "The Board: Members discussed ...; ...": no list of decisions
    parts = [re.sub(r"^and\s+", "", p) for p in parts]
    return [_unit(ln.no, im.group("lead"))] + [_unit(ln.no, f"- {p}") for p in parts]
