"""Who a directive's owner can be: initials ("SR", "AB/CD"), a role ("Clerk", "Head of
Finance"), a person ("Jane Doe", "S Henchie", "Cllr Harris"), or such owners joined ("JH and
KB"); and what is no person though written like one ("Ongoing Works", "Heating Repairs")."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from .owners import is_agent

_NAME_WORD = r"[A-Z][a-z'\u2019]+(?:-[A-Z]?[a-z'\u2019]+)*"
_PERSON_RE = re.compile(rf"^{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}}$")
_INITIALS_RE = re.compile(r"^[A-Z]{2,4}(?:\s*/\s*[A-Z]{2,4})*$")
_ROLE_RE = re.compile(
    r"\b(?:Director|Head|Chief|Chair(?:man)?|Clerk|Officer|Manager|Secretary|Lead|Team|"
    r"Champions?|CHP|Council)\b"
)


# "S Henchie", "Cllr J. Smith": an initial and a surname
_INITIAL_NAME_RE = re.compile(
    r"^(?:(?:Cllr|Councillor|Mr|Mrs|Ms|Dr)\.?\s+)?[A-Z]\.?\s+[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?$"
)


# "Ongoing Works", "Heating Repairs", "New Boiler": capitalised words whose first is no given
# name - a word of state or quantity, or a verb's "-ing" form - are a thing, not a person
_NOT_GIVEN_NAME = frozenset(
    re.split(
        r"\s+",
        "ongoing outstanding pending completed complete new further next all any some each every "
        "other both current future proposed existing planned interim annual general additional "
        "remaining several various revised draft final",
    )
)


# "Village Hall Lease", "Service Level Agreement", "Speed Watch Scheme", "Community Action
# Northumberland", "Local Arrangements": an agenda's topic written in capitals, whose words name
# the business a meeting deals with - nouns no person's name is made of (issue 17, branch tunegen:
# the kind, where the words above are only states and quantities); "Grant", "Hall", "Watch",
# "Green" ... are left out, as surnames, and so are a department's ("Democratic Services",
# "Internal Audit", "Street Lighting", "Grounds Maintenance"), which can own a task
_TOPIC_WORDS = frozenset(
    re.split(
        r"\s+",
        "action actions agreement agreements arrangement arrangements lease leases scheme schemes "
        "review reviews plan plans survey surveys report reports policy policies contract "
        "contracts project projects strategy strategies works repairs programme programmes "
        "budget budgets statement statements assessment assessments update updates accounts "
        "application applications consultation consultations proposal proposals request "
        "requests minutes agenda item items matters issues improvements footpath footpaths "
        "playground allotment allotments precept insurance website newsletter framework "
        "procedure procedures protocol regulations standards charges fees rents tender tenders "
        "quotation quotations licence equipment vehicles signage",
    )
)


def _a_persons_name(owner: str) -> bool:
    """ "Jane Doe", "Stephen Lawrence-Orumwense": two or three capitalised words whose first
    can be a given name, none of them a word of a meeting's business ("Village Hall Lease")."""
    if not _PERSON_RE.match(owner):
        return False
    words = owner.lower().split()
    if any(w in _TOPIC_WORDS for w in words):
        return False
    first = words[0]
    return first not in _NOT_GIVEN_NAME and not (first.endswith("ing") and len(first) > 6)


def _a_thing(owner: str) -> bool:
    """ "Ongoing Works", "Heating Repairs": capitalised words that name no person or role."""
    if re.match(
        r"All\s+(?:Members|Councillors|Cllrs|Trustees|Directors|Partners|Governors)$", owner
    ):
        return False  # "All Councillors to review ...": everybody, written in capitals
    return bool(_PERSON_RE.match(owner)) and not (_a_persons_name(owner) or _ROLE_RE.search(owner))


def _somebody(owner: str) -> bool:
    if _a_thing(owner):
        return False
    if (
        is_agent(owner)
        or _INITIALS_RE.match(owner)
        or _a_persons_name(owner)
        or _INITIAL_NAME_RE.match(owner)
        or _TITLED_RE.match(owner)  # "DCI Jones", "Supt Khan": a rank before the name
    ):
        return True
    # "JH and KB to organise the event", "The Clerk and RB to meet ...": owners joined, each
    # of them somebody
    parts = _JOINED_RE.split(owner)
    return len(parts) > 1 and all(p and _somebody(p) for p in parts)


_JOINED_RE = re.compile(r"\s+(?:and|&)\s+|\s*,\s*")


def listed_people(owner: str, names: AbstractSet[str]) -> bool:
    """ "Diane and Elen", "Diane, Elen & CR": first names of people the page lists as present
    (in `names`), joined, each of them a listed name or somebody; one listed name alone too."""
    if owner in names:
        return True
    parts = _JOINED_RE.split(owner)
    return (
        len(parts) > 1
        and any(p in names for p in parts)
        and all(p and (p in names or _somebody(p)) for p in parts)
    )


# "PC Smith to be invited ...": police ranks name a person as the other titles do
_TITLED_RE = re.compile(
    rf"^(?:Cllr|Councillor|Dr|Mr|Mrs|Ms|Miss|Prof|Professor|PC|PCSO|Sgt|Sergeant|Insp|Inspector"
    # "DCI Jones", "DS Patel", "Supt Khan", "Ch Insp Lee": detective and senior police ranks
    r"|DCI|DI|DS|DC|DSU|DCS|Det|Supt|Ch\.?\s+Supt|Ch\.?\s+Insp|Chief\s+Inspector"
    r"|Superintendent|Chief\s+Superintendent)"
    rf"\.?\s+{_NAME_WORD}"
)


def _named_person(subject: str) -> bool:
    """ "Jane Doe", "Stephen Lawrence-Orumwense", "Cllr Harris": a person, not a role or a
    body ("The Clerk", "Finance Team"), so "<person> to be invited" names who is invited."""
    if _ROLE_RE.search(subject):
        return False
    # "T Bishton to be asked to trim": an initial and a surname
    return bool(
        _a_persons_name(subject) or _TITLED_RE.match(subject) or _INITIAL_NAME_RE.match(subject)
    )


# "Perth & Kinross Council is to provide ...", "Scottish Water is to replace ...": a body named
# by its place or its own name, whose plan is reported; not the meeting's task for anyone (rule
# 3's owners are persons, initials and roles; the meeting's own "The Council is to ..." is not
# this: it opens with "The")
_OTHER_BODY_RE = re.compile(
    r"^(?!The\b)[A-Z][\w'\u2019\-]*(?:\s+(?:&|and|of|[A-Z][\w'\u2019\-]*)){0,4}\s+"
    r"(?:Council|Water|Police|Scotland|Wales|Authority|Trust|Agency|Rail|Railway|Energy|Power"
    r"|Ltd|Limited|plc|Association|Partnership)$"
)


def another_bodys_plan(owner: str, after_owner: str) -> bool:
    """ "<Name> Council is to provide ...": another body's plan reported (the "is to" form)."""
    return bool(_OTHER_BODY_RE.match(owner)) and bool(
        re.match(r"\s+(?:is|are)\s+to\b", after_owner)
    )
