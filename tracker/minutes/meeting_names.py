"""The name of the meeting a minutes page records, as an officer would type it: from the page's
heading, without the "Minutes of", the date, the time or the venue ("MINUTES OF THE PARISH
COUNCIL MEETING held on 4 March 2024 at the Village Hall" -> "Parish Council Meeting"); None
when the page's heading names no meeting (an agenda item's page, "Minutes of the meeting held
on ..."), for the import to name it by the committee and the date."""

from __future__ import annotations

import re
from collections.abc import Sequence

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_DATE = (
    rf"(?:{_DAY},?\s+)?(?:the\s+)?\d{{1,2}}\s*(?:st|nd|rd|th)?\s*(?:of\s+)?{_MONTH},?(?:\s+\d{{4}})?"
    rf"|(?:{_DAY},?\s+)?{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?(?:\s+\d{{4}})?"
    rf"|{_MONTH}\s+\d{{4}}|\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}|{_DAY}|\d{{4}}"
)
# "Minutes of", "[DRAFT] Notes from", "Approved minutes for", "CONFIRMED minutes of", "Minute of"
_MINUTES_OF_RE = re.compile(
    r"^(?:\[?draft\]?\s+|(?:approved|confirmed|unconfirmed|signed|public|provisional|amended)"
    r"\s+)*(?:minutes?|notes?|record)\s+(?:of|from|for)\s+",
    re.I,
)
# "MINUTES Parish Council Meeting ...", "Draft council meeting minutes": the words before
_LEAD_WORDS_RE = re.compile(
    r"^(?:(?:\[?draft\]?|approved|confirmed|unconfirmed|provisional|amended|minutes?),?\s+)+",
    re.I,
)
_MEETING_LABEL_RE = re.compile(r"^meeting\s*:\s*", re.I)  # "Meeting: ICP Board"
# "At a meeting of", "There was a remote meeting of", "A Meeting of", "The Meeting of"
_AT_A_MEETING_RE = re.compile(
    r"^(?:at\s+|there\s+was\s+)?(?:an?|the)\s+((?:[\w-]+\s+){0,2}meeting\s+of\b)", re.I
)
# a body's name, then "Minutes of the Meeting": "Crowan Parish Council MINUTES OF THE ..."
_NAME_THEN_MINUTES_RE = re.compile(
    r"^(?P<name>(?:[A-Z][\w&'\u2019.-]*\s+|(?:of|and|the|for|&)\s+){1,8}?)"
    r"(?i:minutes?\s+of)\b"
)
# a line naming a meeting: "meeting" among its first words ("Parish Council Meeting held on",
# "Devon LNP Board meeting", "Ordinary Council Meeting - 11 March 2025")
_NAMES_MEETING_RE = re.compile(r"^(?P<before>(?:[\w&'\u2019.,-]+\s+){0,9}?)meeting\b(?!s)", re.I)
_NOT_A_HEADING_RE = re.compile(
    r"^(?:\(?\d+[.):]?\s|to\b|if\b|please\b|you\b|members\b|apologies\b|all\b|this\b|"
    r"these\b|it\b|there\s+were\b|page\b|agenda\b|resolved\b|agreed\b|decisions?\b|"
    r"consideration\b|that\b|following\b|summary\b)|"
    r"\bmeeting\s+(?:documents|details|summary|attendance|dates?|notes\s+template)\b|"
    r"\b(?:last|previous|next|future|recent|latest)\s+(?:\w+\s+)?meetings?\b|\b(?:confirm|"
    r"receive|welcomed|template|attached|subject\s+to|for\s+(?:approval|noting)|presented|"
    r"notice\s+of|will\s+be)\b",
    re.I,
)
# where the name ends: when or where it was held, or the minutes' own words
_TAIL_RE = re.compile(
    r"(?:\s*[,(\u2013\u2014-]\s*|\s+|(?<=meeting))(?:which\s+)?(?:was\s+)?(?:to\s+be\s+)?"
    r"held(?:\b|(?=\d))"
    r"|\s*(?:[,(\u2013\u2014-]\s*)?\b(?:commencing|convened|starting|"
    r"taking\s+place|took\s+place|minutes?\s+of)\b"
    r"|\s+(?:at|via|which)\s+|\s+in\s+the\s+|\s+on\s*$|\s*[-\u2013\u2014]\s*agenda\b"
    rf"|\s+{_MONTH}(?:\s+\d{{4}})?\s*$"
    r"|\s*[,~\u2013\u2014-]?\s*\b\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?m\b\.?|hrs\b)"
    r"|\s*[,~\u2013\u2014-]?\s*\b\d{1,2}[.:]\d{2}\b"
    rf"|\s+on\s+(?:the\s+)?(?:{_DATE}|\d)"
    rf"|\s*(?:[,:(\u2013\u2014-]|\s)\s*(?:{_DATE})\b",
    re.I,
)
_LEAD_DATE_RE = re.compile(rf"^(?:{_DATE})\s*[-\u2013\u2014:,]?\s*", re.I)
_TRAILING_RE = re.compile(
    r"(?:\s+(?:minutes|notes)|\s*\([^()]*\)|\s*[-\u2013\u2014:,;.(/|]+)\s*$", re.I
)
_ARTICLE_RE = re.compile(r"^(?:(?:the|an?|for\s+the|above|said)\s+)+", re.I)
# how it met, not what it is: "remote", "Zoom", "virtual"; "the proceedings of"
_HOW_RE = re.compile(
    r"\b(?:remote|virtual|online|scheduled|zoom|hybrid)\s+|^proceedings\s+of\s+(?:an?\s+|the\s+)?",
    re.I,
)
# "the meeting of the Parish Council" -> "Parish Council meeting"
_PLAIN_MEETING_OF_RE = re.compile(
    r"^(?:[Mm]eeting|MEETING)\s+(?:(?i:of):?\s+(?:(?i:the)\s+)?(?P<body>.+)|(?P<named>[A-Z].+))$"
)
# words a meeting's name holds in lower case ("Draft council meeting", "Governing body meeting")
_LOWER_OK = frozenset({
    "council", "parish", "town", "board", "committee", "body", "general", "annual", "group",
    "full", "planning", "steering", "forum", "community", "partnership",
})  # fmt: skip
_EMPTY_RE = re.compile(
    r"^(?:(?:the|an?|of|minutes|notes|meeting|meetings|held|draft|for|and)\b\s*)*$", re.I
)
_SMALL = frozenset({"of", "and", "the", "for", "on", "in", "at", "to", "a", "an", "with", "by"})


def meeting_name(lines: Sequence[str]) -> str | None:
    """The meeting's name from the first heading among the page's first lines that names a
    meeting; None when none does, or the one that does gives no name ("Minutes of the meeting
    held on 12 July 2017")."""
    seen = 0
    for raw in lines:
        text = " ".join(raw.replace("|", " ").split()).strip(" /<>*_#")
        if not text:
            continue
        seen += 1
        if seen > 6:
            break
        rest = _heading_rest(text)
        if rest is None:
            continue
        return _name(rest)
    return None


def _heading_rest(text: str) -> str | None:
    """The words after "Minutes of" (or the whole line) of a line that heads the meeting."""
    text = _LEAD_DATE_RE.sub("", text[:300])
    if _NOT_A_HEADING_RE.search(text):
        return None
    if m := _MINUTES_OF_RE.match(text):
        return text[m.end() :]
    if m := _MEETING_LABEL_RE.match(text):
        return _LEAD_DATE_RE.sub("", text[m.end() :])
    if m := _AT_A_MEETING_RE.match(text):
        return text[m.start(1) :]
    if (m := _NAME_THEN_MINUTES_RE.match(text)) and not m["name"].lower().endswith("the "):
        # the body's name before "Minutes of", unless one word ("DTC Minutes of Town ...")
        return m["name"] if len(m["name"].split()) > 1 else text[m.end() :]
    text = _LEAD_WORDS_RE.sub("", text)
    m = _NAMES_MEETING_RE.match(text)
    if not m or text[0].islower() or len(text.split()) > 40:
        return None
    # a title, not a sentence: at most one word in lower case before "meeting" but small ones
    lower = [
        w
        for w in m["before"].split()
        if w.islower() and w not in _SMALL | _LOWER_OK and not any(c.isdigit() for c in w)
    ]
    return text if not lower else None


def _name(rest: str) -> str | None:
    m = _TAIL_RE.search(rest)
    name = rest[: m.start()] if m else rest
    for _ in range(3):
        name = _TRAILING_RE.sub("", name).strip()
    name = _ARTICLE_RE.sub("", _HOW_RE.sub("", _ARTICLE_RE.sub("", _LEAD_WORDS_RE.sub("", name))))
    if m := _PLAIN_MEETING_OF_RE.match(name.strip()):
        name = f"{_ARTICLE_RE.sub('', m['body'] or m['named'])} meeting"
    elif re.match(r"meeting\b", name, re.I):
        return None  # "Meeting time and ...", "Meeting 13/20": no body named
    if _EMPTY_RE.match(name) or len(name) > 120 or not re.search(r"[A-Za-z]{2}", name):
        return None
    if re.search(r"[^\w\s&'\u2019,.()/-]", name):
        return None  # not a name: a page's debris ("\u2026\u20ac\u00a6 \u00b7 summary")
    name = _cased(name)
    return name[:1].upper() + name[1:]


def _cased(name: str) -> str:
    """A heading in capitals as an officer types it ("BADBY PARISH COUNCIL" -> "Badby Parish
    Council"); short words in capitals are kept ("ICP", "PC"), as are mixed-case names with one
    word in capitals ("SLSCB Board")."""
    if sum(len(w) > 3 and w.isupper() for w in name.split()) < 2:
        return name
    out = []
    for k, word in enumerate(name.split()):
        low = word.lower()
        if k and low in _SMALL:
            out.append(low)
        elif (len(word) <= 3 and word.isalpha()) or " " not in name:
            out.append(word)  # an acronym: "ICP", "PC", "NHS"
        else:
            out.append(word[:1] + word[1:].lower())
    return " ".join(out)
