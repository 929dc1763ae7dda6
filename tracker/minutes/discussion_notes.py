"""What a list's items read as when they report rather than decide: who said what ("The Clerk
advised that ..."), the discussion ("Members discussed ...", "Cllr Hale asked ..."), what
happened ("was", "were"), and an item of reports ("5. To receive reports") whose lines say what
each reporter said. `lists.unlabelled_lists` weighs the items of a run with these."""

from __future__ import annotations

import re

DISCUSSION_RE = re.compile(
    r"^(?:mr|mrs|ms|dr|cllr|councillor|in\s+(?:response|reply)|the\s+chair(?:man)?\s+"
    r"(?:said|advised|reported))\b",
    re.I,
)
REPORTED_RE = re.compile(r"\b(?:was|were|had\s+been)\b", re.I)
# "5. To receive reports", "Reports from Councillors", "Clerk's report:": an item of reports,
# whose lettered lines ("a) County Councillor – Not present, asked for issues to be sent ...")
# say what each reporter said, not what the meeting decided
REPORTS_TITLE_RE = re.compile(
    r"^(?:\(?\d{1,3}(?:\.\d{1,3})*[.)]?\s+)?(?:to\s+(?:receive|note|hear)\s+(?:the\s+)?)?"
    r"(?:[\w'\u2019]+\s+){0,3}?(?:reports\b|report\s+(?:from|by)\b)(?:\s+(?:from|of|by)\b"
    r"[^.]{0,60}|\s[^.]{0,60})?\s*[:.\-]*\s*$",
    re.I,
)
# "(1) Car park lighting (p3) - The Town Clerk advised that ...": a member or an officer, not the
# meeting's body, saying something; an item of discussion, not a decision
_SAID_RE = re.compile(
    r"(?:^|[\u2013\u2014\-:]\s+|[.;]\s+)(?P<who>(?:The\s+|Mr\.?\s+|Mrs\.?\s+|Ms\.?\s+|Dr\.?\s+|Cllr\.?\s+"
    r"|Councillor\s+)?[A-Z][\w'\u2019\-]*(?:\s+(?:[A-Z][\w'\u2019\-]*|of|for|and|&)){0,5}?)\s+"
    r"(?:advised|reported|explained|said|stated|informed|commented|added|confirmed|suggested"
    r"|queried|indicated|replied|responded)\b"
)
_BODY_WORD_RE = re.compile(
    r"\b(?:board|committee|sub-committee|panel|council|cabinet|executive|group|forum|meeting"
    r"|partnership|members)\b",
    re.I,
)


def reports_who_said(text: str) -> bool:
    """Does the item report what a member or an officer said?"""
    return any(not _BODY_WORD_RE.search(m.group("who")) for m in _SAID_RE.finditer(text))


# a paragraph that reports what was said or done: "Members discussed ...", "The Chairman mentioned
# ...", "Cllr Hale asked ...", "Regarding the code of conduct ...", "It was suggested that ..."
NARRATIVE_RE = re.compile(
    r"^(?:(?:(?:the\s+)?(?:chair(?:man|person)?|vice[\s-]chair(?:man)?|clerk|members?"
    r"|councillors?|officers?|(?:cllr|councillor|mr|mrs|ms|dr)\.?\s+[A-Z][\w'\-]+)"
    r"\s+(?:also\s+)?(?:mentioned|reported|advised|explained|discussed|asked|said|stated|noted"
    r"|commented|queried|informed|updated|welcomed|thanked|raised|expressed|suggested"
    r"|highlighted|outlined|presented|confirmed|agreed|considered|received|heard|questioned)\b)"
    r"|regarding\b|with\s+regard\s+to\b|in\s+(?:response|relation|reply)\b"
    r"|it\s+was\s+(?:suggested|hoped|noted|reported|explained|requested|felt|confirmed|"
    r"highlighted|stated|mentioned)\b)",
    re.I,
)
