"""The weight of a "<owner> to <verb>" directive once found (directives.py finds it): who its
owner reads as, whether it reads as an agenda's description or a motion's introduction, and where
it stands (a row of an action log, a numbered list, under an earlier meeting's actions, above an
item's "Minutes:" label)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .decided_lists import after_items_decision, named
from .directive_owners import (
    _AGENDA_VERBS,
    _BUSINESS_VERBS,
    _CHAIR_CONDUCT_RE,
    _CHAIR_RE,
    _MEMBERS_RE,
    _OWN_BODY_RE,
    _TAKEN_IN_THE_MEETING,
    PRESENTER_RE,
    _everyone,
)
from .directive_places import (
    _record_point,
    _under_decision_list,
    _under_title,
    above_minutes_label,
)
from .object_owners import restated_object, wrapped_name
from .owners import IMPERATIVES, is_agent
from .persons import _INITIAL_NAME_RE, _INITIALS_RE, _somebody, another_bodys_plan, listed_people
from .scoring import Candidate, context_features
from .segment import Segmented

_INTEREST_RE = re.compile(r"\binterests?\b", re.I)
_TITLE_THEN_AGENDA_RE = re.compile(
    r":\s*(?:To|to)\s+(?:receive|consider|note|approve|agree|discuss|review|resolve|ratify"
    r"|confirm|adopt|decide)\b"
)


@dataclass(frozen=True)
class Found:
    """A directive found in the `k`th sentence of a unit, and how it was found there."""

    sent: str  # the sentence, from where the directive was found
    dm: re.Match[str] | None  # the directive's match in it
    k: int
    numbered: bool  # an item of a numbered list outside an action log
    after_clause: bool  # after a label or a clause of its sentence
    clause_before: str  # and that label or clause
    run_on: bool  # inside a run-on sentence, with no boundary before it
    earlier: bool  # under a label of an earlier meeting's actions
    was_carried: bool  # after a note that the action was carried forward
    in_log: bool  # in an action log


def weighed_directive(
    seg: Segmented,
    i: int,
    found: Found,
    owner: str,
    task: str,
    names: frozenset[str],
    orgs: frozenset[str],
) -> Candidate:
    """The candidate for `owner` to do `task`, found in unit `i`, with its features."""
    if task.count(")") > task.count("("):  # "(Julia to send info to Louise)."
        task = re.sub(r"\)(?=\W*$)", "", task, count=1)
    c = Candidate("action", "'<owner> to <verb>' directive", task, i, seg.lines[i].no, owner=owner)
    c.base = 0.55
    verb = task.split()[0].lower() if task.split() else ""
    if found.after_clause:
        c.feature("follows a label or clause of its sentence", -0.05)
    elif found.run_on:
        c.feature("a named person's directive inside a run-on sentence", -0.05)
    _owner_features(c, owner, names, orgs)
    _agenda_features(seg, i, c, found, owner, task, verb)
    if found.sent.rstrip().endswith(":"):
        c.feature("introduces a motion", -0.5)
    elif _TITLE_THEN_AGENDA_RE.search(task):
        # "Minute 47 - Service Level Agreement to provide a Payroll Service: To
        # receive an update from the Clerk": an item's title, then its business
        c.feature("an item's title, then 'To receive ...': the agenda's business", -0.5)
    if found.in_log:
        c.feature("a row of an action log", 0.2)
    _numbered_list_features(seg, i, c, found, owner, verb)
    _place_features(seg, i, c, found, owner)
    context_features(seg, c, False)
    return c


def _owner_features(c: Candidate, owner: str, names: frozenset[str], orgs: frozenset[str]) -> None:
    """Who the owner reads as: initials, a role, a person the page lists ... or nobody."""
    if _INITIALS_RE.match(owner):
        c.feature("owner written as initials", 0.2)
    elif is_agent(owner):
        c.feature("owner is a role, body or person", 0.1)
    elif _INITIAL_NAME_RE.match(owner):
        c.feature("owner is a person's initial and surname", 0.1)
    elif _somebody(owner):
        c.feature("owners joined by 'and', each of them somebody", 0.1)
    elif listed_people(owner, names):
        c.feature("owner is the first name of a person the page lists as present", 0.1)
    elif owner in orgs:
        c.feature("owner is an organisation the page names beside a person", 0.1)
    else:
        c.feature("the owner does not read as somebody", -0.3)
    if len(owner.split()) > 1 and owner.split()[0].lower() in IMPERATIVES:
        # "Ask Adam to clean the Hall": whoever is to ask Adam is not named
        c.feature(f"opens with '{owner.split()[0]}': whoever is to do it is not named", -0.4)


def _agenda_features(
    seg: Segmented, i: int, c: Candidate, found: Found, owner: str, task: str, verb: str
) -> None:
    """What the meeting itself does or hears (an agenda's description), not a task after it."""
    dm, sent = found.dm, found.sent
    if _CHAIR_RE.match(owner) and (verb in _AGENDA_VERBS or _CHAIR_CONDUCT_RE.match(task)):
        c.feature("reads like an agenda description", -0.4)
    elif dm is not None and another_bodys_plan(owner, sent[dm.end("owner") :]):
        c.feature("another body's plan ('<Name> Council is to ...'), no task", -0.4)
    elif PRESENTER_RE.match(task) and not found.in_log:
        c.feature("who presents the item at the meeting: an agenda's presenter", -0.4)
    elif verb == "declare" and _INTEREST_RE.search(task):
        # "Cllr X to declare an interest", "Members to declare any interests": the
        # agenda's formula for the standing item, not a task
        c.feature("'to declare an interest': the agenda's standing item", -0.4)
    elif _OWN_BODY_RE.match(owner) and verb in _BUSINESS_VERBS:
        c.feature(f"the body 'to {verb}' its business: an agenda description", -0.4)
    elif _OWN_BODY_RE.match(owner) and _under_title(seg, i):
        # "Change of Administration" / "The Board to understand the impact ...": what
        # the item is for, printed under its title, not a task for anyone
        c.feature("the body 'to ...' right under its item's title: its purpose", -0.4)
    elif _MEMBERS_RE.match(owner) and verb in _TAKEN_IN_THE_MEETING:
        # "Members to note the dashboard", "Partners to receive the update": what
        # the members do at the meeting itself ("Members to consider nominations
        # before May", "Partners to confirm ..." are tasks for after it)
        c.feature(f"the members 'to {verb}': the meeting's business", -0.4)
    elif verb in _AGENDA_VERBS and len(task.split()) == 1 and task.isalpha():
        # "Scrutiny Committee Chairs to report" under an item's title; "Clerk to
        # report." (a sentence) stays an action
        c.feature(f"'to {verb}' and nothing more: an agenda description", -0.4)


def _numbered_list_features(
    seg: Segmented, i: int, c: Candidate, found: Found, owner: str, verb: str
) -> None:
    """A directive opening an item of a numbered list (outside an action log): a task set at
    the meeting only where the list is a record's points or follows the item's decision."""
    if not found.numbered or found.after_clause or found.run_on:
        return
    if _everyone(owner, verb):
        # "2. All members to review the terms ... before the next meeting": a task
        # for every member in a numbered list of points (an agenda's "All members
        # to note ..." is its business, weighed above)
        c.feature("a task for all the members in a numbered list of points", 0)
    elif named(owner):
        if after_items_decision(seg, i) or _record_point(seg, i, found.sent, verb):
            # "1. Jane Doe to contact ..." after the decision, or a record's point
            c.feature("a named person's task listed after the item's decision", 0)
        else:
            c.feature("an item of a numbered list, not of an action log", -0.3)
    elif _record_point(seg, i, found.sent, verb):
        # "2. Clerk to circulate the revised plan." among a record's numbered points:
        # a task set at the meeting (an agenda's "6. Cllr Shaw to report" is not)
        c.feature("a numbered point of a record's item, a sentence naming who acts", 0)
    else:  # left for review, not dropped
        c.feature("an item of a numbered list, not of an action log", -0.3)


def _place_features(seg: Segmented, i: int, c: Candidate, found: Found, owner: str) -> None:
    """Where the directive stands: a name its sentence addresses, an earlier meeting's action
    restated, an item's description above its minutes, a part of the body's decision."""
    if (found.after_clause and restated_object(found.clause_before, owner)) or (
        found.k == 0 and not found.run_on and wrapped_name(seg, i, owner)
    ):  # "contact the insurers, Acme Ltd to notify them": whom it addresses
        c.feature("the name the sentence's verb addresses, not who is to act", -0.5)
    if found.earlier:
        c.feature("restates an action of the last meeting", -0.5)
    elif found.was_carried:
        c.feature("restates an action carried forward from an earlier meeting", -0.5)
    if above_minutes_label(seg, i):
        c.feature("the item's description, printed above its 'Minutes:'", -0.5)
    if _under_decision_list(seg, i):
        c.feature("an item of the body's decision above ('... the following:')", -0.5)
