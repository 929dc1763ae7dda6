"""What the items of a list whose "Resolved" label was lost say: what is to be ("The report be
noted"), as against a forecast or a need reported in the discussion ("A plan needs to be
drafted", "Meetings will be monthly"), or a calendar's dates ("1 February - Workshop")."""

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
