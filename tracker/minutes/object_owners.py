"""A name that is the object of the sentence's verb, read as who is to act: "... forwarded to the
Legal Department, Orkney Islands Council to ascertain", "RESOLVED to contact the insurers, Acme
Ltd to notify them", "a letter to the Isle of Anglesey County" / "Council to voice ...", "the
report allowed Members to consider ...". The name after "to <verb>" is who is written to, asked
or allowed, not the owner of a task: its "to <verb>" is the purpose of the sentence's own verb."""

from __future__ import annotations

import re

from .owners import ROLE_WORDS
from .persons import _INITIALS_RE, _TITLED_RE
from .segment import Segmented

# verbs and prepositions after which a name is the one addressed, asked or allowed
_OBJECT_VERBS = """to with contact contacted contacting write wrote written writing email emailed
    forward forwarded refer referred pass passed send sent ask asked invite invited inform
    informed notify notified approach approached thank thanked tell told allow allowed
    allows enable enabled enables encourage encouraged urge urged"""
OBJECT_VERBS = frozenset(_OBJECT_VERBS.split())

_WORD = r"[A-Za-z][\w'\u2019&.\-]*"
# "... to the Legal Department", "contact the Council's insurers": a description of who is
# addressed ending the clause, so a name after its comma restates it
_ADDRESSED_RE = re.compile(
    rf"\b(?:{'|'.join(sorted(OBJECT_VERBS))})\s+(?:the|their|our|its|his|her)\s+"
    rf"{_WORD}(?:\s+{_WORD}){{0,5}}\s*$",
    re.I,
)
# "... a letter to the Isle of Anglesey County": a name cut at the end of a line, addressed
_CUT_NAME_RE = re.compile(
    rf"\b(?:{'|'.join(sorted(OBJECT_VERBS))})\s+(?:the\s+)?[A-Z][\w'\u2019\-]*"
    r"(?:\s+(?:of|and|&|[A-Z][\w'\u2019\-]*)){0,5}$",
    re.I,
)
_TITLE_WORDS = {"the", "of", "and", "&"}
# the last word of a body's name, which a wrapped line may carry alone ("... County" / "Council")
_HEADS = """council ltd limited plc trust authority department agency association society company
    board commission partnership foundation office"""
_NAME_HEADS = frozenset(_HEADS.split())


def _a_body_by_name(owner: str) -> bool:
    """ "Orkney Islands Council", "Acme Ltd": a body's own name, not initials (a member), not a
    role of the meeting ("the Clerk", "Finance Team") nor a person."""
    o = owner.strip(" ,.")
    if not o or _INITIALS_RE.match(o) or _TITLED_RE.match(o):
        return False
    words = [w for w in o.split() if w.lower() not in _TITLE_WORDS]
    if not words or not all(w[:1].isupper() for w in words):
        return False
    return any(
        w.lower() not in ROLE_WORDS and w.lower().rstrip("s") not in ROLE_WORDS for w in words
    )


def restated_object(before: str, owner: str) -> bool:
    """Is the owner after a comma the name of whom the clause before addresses ("contact the
    insurers, Acme Ltd to notify them")?"""
    return bool(_ADDRESSED_RE.search(before.rstrip(" ,;"))) and _a_body_by_name(owner)


def continued_name(previous: str, owner: str) -> bool:
    """Does the line before end in the middle of an addressed name that the owner completes
    ("a letter to the Isle of Anglesey County" / "Council to voice ...")? The line has no full
    stop: the sentence goes on over the break the page put in."""
    p = previous.rstrip()
    if not p or not p[-1].isalpha() or owner.lower() not in _NAME_HEADS:
        return False
    last = p.split()[-1]  # "... to the Chair" / "Clerk to ...": a sentence cut, no name
    return bool(_CUT_NAME_RE.search(p)) and last.lower() not in ROLE_WORDS


def wrapped_name(seg: Segmented, i: int, owner: str) -> bool:
    """ "... a letter to the Isle of Anglesey County" / "Council to voice ...": unit `i` opens
    with the end of a name the text line before it (a blank line between) was cut in."""
    if i == 0:
        return False
    j = i - 1 if i < 2 or seg.lines[i - 1].text.strip() else i - 2
    prev = seg.lines[j]
    return seg.lines[i].no - prev.no <= 2 and continued_name(prev.text, owner)
