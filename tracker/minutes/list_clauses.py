"""What the items of a list whose "Resolved" label was lost say: what is to be ("The report be
noted"), as against a forecast or a need reported in the discussion ("A plan needs to be
drafted", "Meetings will be monthly"), or a calendar's dates ("1 February - Workshop"); or
the page's own titles ("Expenditure: ...", "b. Actions from the previous meeting")."""

from __future__ import annotations

import re

BE_DONE_RE = re.compile(r"\bbe\s+(?:[a-z]+ed|given|made|sent|taken|brought|drawn|kept)\b")
# "A Project Plan needs to be drafted", "regularity will be confirmed": a forecast or a need in
# the discussion, not a clause saying what is to be ("That the plan be drafted")
_FORECAST_BE_RE = re.compile(
    r"\b(?:will|would|can|cannot|may|might|must|(?:needs?|needed|ha(?:s|ve|d)|going|hopes?|hoped"
    r"|expected|likely|able)\s+to)\s+(?:not\s+|then\s+|also\s+|now\s+)?$",
    re.I,
)
# "1 February - Tobacco Control Workshop": a calendar's date, not a list's number
DATED_ROW_RE = re.compile(
    r"^\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I
)


def be_done(text: str) -> bool:
    """Does the clause say what is to be ("... be noted"), not what will or must be?"""
    return any(not _FORECAST_BE_RE.search(text[: m.start()]) for m in BE_DONE_RE.finditer(text))


_TITLE_NOTE_RE = re.compile(r"^(?!that\b)[A-Z][^:.;]{2,80}?\s*:-?\s+\S", re.I)
# "Expenditure- costs have risen ...", "New clerk- one application was received": a short title
# with its dash glued to it, then the minute (the page's items numbered through)
_TITLE_DASH_NOTE_RE = re.compile(
    r"^(?!that\b|to\b)[A-Z][\w'\u2019]*(?:\s+[\w'\u2019&]+){0,5}?[\-\u2013]\s+\S", re.I
)
# what a clause says and a title does not: a verb of being, doing or deciding, a "to" or "that"
# clause, a sum of money
_CLAUSE_WORD_RE = re.compile(
    r"\b(?:be|is|are|was|were|been|being|to|that|will|would|should|shall|must|may|can|has|have"
    r"|had|agreed|approved|noted|resolved|accepted|adopted|received|delegated|deferred|refused"
    r"|granted|authorised|authorized|appointed|elected)\b|[£$\u20ac\d]",
    re.I,
)


# "... – letter from the county – Noted.", "... Branch- Agreed": an outcome word alone after a
# dash closing the item (not "– Not agreed.", nor "- noted that ...")
_OUTCOME_AFTER_DASH_RE = re.compile(
    r"(?:\s[-\u2013\u2014]|\w[-\u2013\u2014]\s)\s*(?:noted|agreed|approved|accepted|received|adopted"
    r"|ratified|supported)\s*\.?$",
    re.I,
)


def ends_in_outcome(text: str) -> bool:
    """Does a list item end in the meeting's outcome on it, one word after a dash ("(a) Bus
    shelter – letter from the parish – Noted.")?"""
    return _OUTCOME_AFTER_DASH_RE.search(text) is not None


def title_note(text: str) -> bool:
    """ "Expenditure: costs have risen ...": a title, then its minute."""
    return bool(_TITLE_NOTE_RE.match(text) or _TITLE_DASH_NOTE_RE.match(text))


def sub_title(text: str) -> bool:
    """ "Actions from the previous meeting", "War Memorial Trust": a short title with no verb
    and no full stop, a sub-heading of the item, not a clause of its decision."""
    t = text.strip()
    return (
        bool(t)
        and t[0].isupper()
        and not t.endswith((".", ";", "!", "?"))
        and len(t.split()) <= 9
        and _CLAUSE_WORD_RE.search(t) is None
    )
