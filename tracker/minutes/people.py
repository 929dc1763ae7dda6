"""The people a page names in its attendance lists ("Present: David Smith, Pat Jones ..."), so a
directive whose owner is a first name alone ("David to collect keys") can be told from a noun
("Signage to improve ...") by the page itself, with no list of names from outside it."""

from __future__ import annotations

import re
from collections.abc import Sequence

# "Present:", "In attendance -", "Also present", "Apologies received from:", "Attendees"
_LABEL_RE = re.compile(
    r"^\W{0,3}(?:(?:members\s+|councillors\s+|those\s+)?present|(?:also\s+)?in\s+attendance|"
    r"also\s+present|attendees|attendance|apologies(?:\s+for\s+absence)?"
    r"(?:\s+(?:were\s+)?received\s+from)?)\b\s*[:;\-\u2013]?\s*",
    re.I,
)
_TITLE_RE = re.compile(r"\b(?:Cllrs?|Councillors?|Mr|Mrs|Ms|Miss|Dr|Prof|Rev|Sir|Dame)\.?\s+")
# names are listed apart by commas, semicolons, "and" or "&", brackets or runs of spaces
_APART_RE = re.compile(r"\s*(?:[,;()\[\]]|\s(?:and|&)\s|\s{2,}|\t)\s*")
# "David Smith", "David J. Smith", "Pat Jones-Hill": a first name, then a surname
_FULL_NAME_RE = re.compile(
    r"(?P<first>[A-Z][a-z]{1,14})\s+(?:[A-Z]\.?\s+)?[A-Z][a-z'\u2019]+(?:-[A-Z][a-z]+)?"
    r"(?:\s+[\u2013\-]\s+.*|\.)?$"  # "David Smith - Chair": a role after the name
)
_NOT_FIRST = frozenset(
    re.split(
        r"\s+",
        "cllr cllrs councillor councillors mr mrs ms miss dr prof professor rev sir dame the "
        "parish town community county district city borough council clerk chair chairman vice "
        "mayor deputy member members officer police pc pcso apologies present also in "
        "attendance and with from for of public",
    )
)
_ROWS_AFTER_LABEL = 12  # a label alone, then one name a line ("Present:" / "David Smith" / ...)


def first_names(lines: Sequence[str]) -> frozenset[str]:
    """First names of the people the page lists as present, attending or sending apologies."""
    names: set[str] = set()
    i = 0
    while i < len(lines):
        lm = _LABEL_RE.match(lines[i])
        if lm is None:
            i += 1
            continue
        rest = lines[i][lm.end() :]
        texts = [rest]
        if len(rest.split()) < 2:  # the label stands alone: the names are the lines below it
            for nxt in lines[i + 1 : i + 1 + _ROWS_AFTER_LABEL]:
                if not nxt.strip():
                    if len(texts) > 1:
                        break
                    continue
                if len(nxt) > 120 or re.search(r"[.:]\s*$", nxt) and len(nxt.split()) > 6:
                    break  # a sentence: the list has ended
                texts.append(nxt)
        for text in texts:
            for part in _APART_RE.split(_TITLE_RE.sub("", text)):
                m = _FULL_NAME_RE.match(part.strip())
                if m and m.group("first").lower() not in _NOT_FIRST:
                    names.add(m.group("first"))
        i += 1
    return frozenset(names)
