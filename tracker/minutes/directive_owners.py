"""Who a directive's owner is, and when the owner and verb make it the meeting's own business
rather than a task: the chair's agenda verbs ("The Chair to welcome members"), the body's and
its members' business ("The Board to receive ...", "Members to note ..."), every member's task
in a numbered list, a speaker's directive after the dash of notes written speaker by speaker
("SK – to clarify ..."), and owners no row title could be (initials, roles, titled people)."""

from __future__ import annotations

import re

from .owners import is_agent
from .persons import _INITIALS_RE, _ROLE_RE, _a_thing, _named_person
from .scoring import BODY, Candidate, context_features
from .segment import Segmented

_AGENDA_VERBS = {
    "welcome", "open", "report", "sign", "move", "introduce", "note", "present", "announce", "close",
}  # fmt: skip
# "The Chairman to invite Councillors to declare ...", "... to remind all speakers ...": the
# chair's conduct of the meeting, not a task (not "Chair to invite the ICB lead to attend")
_CHAIR_CONDUCT_RE = re.compile(
    r"^(?:invite|ask|remind)\s+(?:all\s+)?(?:members|councillors|those\s+present|the\s+meeting"
    r"|everyone|speakers|the\s+public|members\s+of\s+the\s+public)\b",
    re.I,
)
# "Iwan Evans, Monitoring Officer to present the report.", "JS to present this paper for
# assurance": who presents an item at the meeting itself (an agenda's presenter), with nothing
# said of a later time or place ("to present the final report to the next meeting" is a task)
PRESENTER_RE = re.compile(
    r"^(?:present|introduce|report\s+on)\s+(?:the|this|his|her|their|a|an)\s+"
    r"(?:(?:item|report|paper|papers|update|presentation|reports)\b)"
    r"(?:\s+(?:for|to\s+the)\s+(?:assurance|information|noting|approval|decision|discussion"
    r"|board|committee|panel|members|meeting))?\W*$",
    re.I,
)
_CHAIR_RE = re.compile(r"^(?:the\s+)?(?:vice[\s-])?chair(?:man|person)?$", re.I)
# "The Board to receive the annual report": the meeting's own body (bare, not "Audit Committee")
# given its meeting's business is the item's agenda description, not a task for anyone
_OWN_BODY_RE = re.compile(rf"^(?:the\s+)?(?:{BODY})$", re.I)
_BUSINESS_VERBS = {
    "receive", "consider", "note", "agree", "approve", "discuss", "endorse", "ratify", "confirm",
}  # fmt: skip


# what members do at the meeting itself, not a task for after it
_TAKEN_IN_THE_MEETING = frozenset({"note", "receive"})
_ALL_MEMBERS_RE = re.compile(
    r"^all\s+(?:members|councillors|cllrs|trustees|directors|partners|governors)$", re.I
)


_MEMBERS_RE = re.compile(
    r"^(?:all\s+|the\s+)?(?:(?:board|forum|committee|panel|partnership|group|council)\s+)?"
    r"(?:members|councillors|cllrs|trustees|directors|partners|governors|agencies|organisations)$",
    re.I,
)


def _everyone(owner: str, verb: str) -> bool:
    """ "All members to review ...": every member of the meeting, given a task that is not the
    agenda's business ("note", "receive", "approve", "report" ...)."""
    return bool(_ALL_MEMBERS_RE.match(owner)) and verb not in _BUSINESS_VERBS | _AGENDA_VERBS


# "SK – to clarify the figures ...", "Clerk - to circulate ...", "JB: to book ...": notes
# written speaker by speaker, the directive after the speaker's dash or colon
_SPEAKER_TO_RE = re.compile(
    r"^(?P<owner>[A-Z][\w&'\u2019./]*(?:\s+[\w&'\u2019./]+){0,3}?)"
    r"(?:\s+[\u2013\u2014\-]|\s*:)\s+(?=to\s+[a-z]+\b)"
)


def _speaker_directive(sent: str) -> str:
    """ "SK – to clarify ..." read as "SK to clarify ...", when the speaker is somebody."""
    m = _SPEAKER_TO_RE.match(sent)
    if m is None:
        return sent
    owner = m.group("owner")
    if not (_INITIALS_RE.match(owner) or _named_person(owner) or is_agent(owner)):
        return sent
    if _a_thing(owner):
        return sent
    return f"{owner} {sent[m.end() :]}"


def _owner_is_set(owner: str) -> bool:
    """An owner no title could be: initials ("TB"), a role ("Clerk"), a titled person."""
    return bool(
        _INITIALS_RE.match(owner) or _ROLE_RE.search(owner) or _TITLED_OWNER_RE.match(owner)
    )


_TITLED_OWNER_RE = re.compile(r"^(?:Cllrs?|Councillors?|Mr|Mrs|Ms|Dr|PC|PCSO)\b\.?\s")


# "The Head of Housing to be invited to the next meeting", "Director of Public Health to be asked
# to present ...": an officer named by role is to be asked; whoever asks is not named (a body,
# "The County Council to be asked ...", or a thing, "The report to be circulated", is not this)
_ROLE_ASKED_RE = re.compile(
    r"^(?:the\s+)?(?:[A-Z][\w'\u2019\-]*\s+){0,3}(?:Director|Head|Chief|Chair(?:man|person)?|Clerk"
    r"|Officer|Manager|Secretary|Lead|Nurse|Commissioner|Inspector|Superintendent|Co-?ordinator)"
    r"(?:\s+(?:of|for)\s+[A-Z][\w'\u2019\-]*(?:\s+(?:and\s+)?[A-Z][\w'\u2019\-]*){0,3})?"
    r"\s+(?:is\s+)?to\s+be\s+(?:invited|asked|requested|contacted|consulted|approached|reminded)\b"
    # "DHMC to be asked to provide ...", "KT to be invited ...": a member or body by its initials
    r"|^[A-Z]{2,5}(?:\s*/\s*[A-Z]{2,5})*\s+(?:is\s+)?to\s+be\s+(?:invited|asked|requested"
    r"|contacted|consulted|approached|reminded)\s+(?:to\s+|for\s+|about\s+)?[a-z]"
)
# "Drinks and cake to be provided by PPG.", "... waste to be disposed of by PC.": a thing to be
# done, and who is to do it after "by" (initials, a councillor, an officer of the meeting); not
# the meeting's own business ("to be considered by the Committee") nor the minutes' signing
_BY_WHOM_RE = re.compile(
    r"^(?![^.]*\bminutes\b)[A-Z][^.]{2,160}?\s+to\s+be\s+(?P<verb>[a-z]+)\s+(?:[\w'\u2019\-]+\s+){0,6}?"
    r"by\s+(?:the\s+)?(?:[A-Z]{2,5}|(?:Cllrs?|Councillor)\.?\s+[A-Z][a-z]+|Clerk|Secretary"
    r"|Treasurer)\b(?!\s+\d)"
)
_MEETING_BUSINESS = {"considered", "discussed", "noted", "received", "presented", "reported"}


def role_asked(
    seg: Segmented, i: int, sent: str, numbered: bool, earlier: bool
) -> Candidate | None:
    """The passive directive naming an officer by role or a member by initials, or naming after
    "by" who is to do it; or None."""
    by = _BY_WHOM_RE.match(sent)
    if by is not None and by.group("verb") in _MEETING_BUSINESS:
        by = None
    if _ROLE_ASKED_RE.match(sent) is None and by is None:
        return None
    c = Candidate("action", "passive directive naming a person", sent, i, seg.lines[i].no)
    c.base = 0.55
    if by is None:
        c.feature("the one named is to be asked: not the owner", 0)
    else:
        c.feature("who is to do it is named after 'by'", 0)
    if numbered:
        c.feature("an item of a numbered list, not of an action log", -0.3)
    if earlier:
        c.feature("restates an action of the last meeting", -0.5)
    context_features(seg, c, False)
    return c
