"""Action candidates: standalone "<owner> to <verb>" directives ("IJ to contact SL", "AB is
to organise a site visit"), with the features that tell them from agenda descriptions ("The
Chair to welcome members") and motions ("Councillor Cuddy to move:"). A sentence with no owner's
directive goes to passive_directives.py (passive ones naming a person, a role asked, the rows of
an action log flattened into prose). The shapes of a directive that does not open its sentence
are in directive_shapes.py; where one sits, in directive_places.py."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .clauses import _CLAUSE_BOUNDARY_RE, _points, _quoted, _quoted_tail
from .decided_lists import BRACKET_NUMBER_RE, after_items_decision, named
from .directive_joins import split_joined
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
    _owner_is_set,
    _speaker_directive,
)
from .directive_places import (
    _BULLET_RE,
    _CARRIED_FORWARD_RE,
    _DIRECTIVE_RE,
    _EARLIER_ACTIONS_RE,
    _record_point,
    _under_decision_list,
    _under_earlier_actions,
    _under_title,
    above_minutes_label,
)
from .directive_shapes import (
    _NOT_VERBS,
    _OBJECT_BEFORE,
    _ROLE_AFTER_REPORT_RE,
    _RUN_ON_PASSIVE_RE,
    _RUN_ON_PERSON_RE,
    _RUN_ON_ROLE_RE,
    _TITLES,
    _listed_run_on,
)
from .object_owners import restated_object, wrapped_name
from .owners import IMPERATIVES, is_agent
from .passive_directives import passive_directive
from .people import co_listed, first_names, organisations, speakers, unlabelled_names
from .persons import (
    _INITIAL_NAME_RE,
    _INITIALS_RE,
    _a_thing,
    _somebody,
    another_bodys_plan,
    listed_people,
)
from .scoring import Candidate, context_features
from .segment import Segmented

_VOTE_OWNER_RE = re.compile(
    r"^(?:the\s+)?(?:votes?|voting)\b(?!\s+(?:officer|clerk|teller)s?\b)", re.I
)
_KEYWORD_OWNER_RE = re.compile(r"\b(?:resolved|agreed|decided|noted|recommended)\b", re.I)
_ITEM_REF_PREFIX_RE = re.compile(
    r"^(?:\d{1,3}(?:\.\d{1,3})*\.?\s+)?item\s+\d{1,3}(?:\.\d{1,3})+\s*[\u2013\-:]+\s*"
    # "(10.5.1) Clerk to organise ...": the earlier minute a matters-arising row refers to
    r"|^\(\d{1,3}(?:\.\d{1,3})+\)\s+",
    re.I,
)
_ROW_NUMBER_RE = re.compile(r"^\(?\d{1,2}[.)]\s+(?=\S)")
# "b) The Practice Manager to email ...", "(c) Clerk to ...", "ii) Mr Briggs to book ...": an item
# of a lettered or roman-numbered list under a numbered heading (lower case: "J. Smith" is a name)
_LETTERED_RE = re.compile(r"^(?:\(?[a-z]\)|\(?[ivx]{1,4}\)|[a-z]\.)\s+(?=[A-Z])")


_JOINED_INITIALS_RE = re.compile(r"^[A-Z]{2,4}(?:\s*(?:/|&|,|and)\s*[A-Z]{2,4})+$")


# "Action Points to follow.": the words of a label, not who is to act
_LABEL_OWNER_RE = re.compile(r"^actions?\b\s*", re.I)
# "Bridle Path to hospital – the county needed ...": one word after "to", then the dash that
# separates a row's title from its note; the "owner" is a place, not somebody
_TITLE_TASK_RE = re.compile(r"^[a-z]+\s+[\u2013\u2014\-]\s")
# "John Parker to continue as President was proposed by ...": the nominee and the office, the
# subject of a motion proposed, not a directive
_NOMINEE_TASK_RE = re.compile(
    r"^[^.;]{0,120}?\b(?:was|were)\s+(?:duly\s+)?(?:proposed|nominated|moved)\s+(?:by|and)\b", re.I
)
_INTEREST_RE = re.compile(r"\binterests?\b", re.I)


# "6.2 Cllr Shaw to ...": a paragraph number of two or more levels opening the unit
_PARAGRAPH_NUMBER_RE = re.compile(r"^\d{1,3}(?:\.\d{1,3})+\.?\s+(?=[A-Z])")


_TITLE_THEN_AGENDA_RE = re.compile(
    r":\s*(?:To|to)\s+(?:receive|consider|note|approve|agree|discuss|review|resolve|ratify"
    r"|confirm|adopt|decide)\b"
)


def _may_direct(text: str, in_log: bool) -> bool:
    low = text.lower()
    return "to" in low or (in_log and "should" in low)


def directives(
    seg: Segmented, free: Sequence[int], titled: frozenset[int] | set[int] = frozenset()
) -> list[Candidate]:
    """Directives in the units `free`; in the headings `titled` only one after a clause."""
    out = []
    # every shape read below holds "to" ("<owner> to <verb>", "to be asked", "To be pursued
    # by"), or "should be" in an action log: a unit with neither is no directive
    free = [i for i in free if _may_direct(seg.lines[i].text, i in seg.log)]
    # "David to collect keys": a first name alone is somebody when the page lists a David
    texts = [ln.text for ln in seg.lines] if free else []
    names = first_names(texts) | speakers(texts) | unlabelled_names(texts)
    names |= co_listed(texts, names)
    orgs = organisations(texts) if free else frozenset()
    for i in free:
        ln = seg.lines[i]
        in_log = i in seg.log
        after_number = False
        # "Actions from last meeting: SS to discuss ... . RT to contact ...": the actions of an
        # earlier meeting restated, not this meeting's
        earlier = _under_earlier_actions(seg, i)
        carried = False
        for k, sent in enumerate(p for s in _points(ln.text) for p in split_joined(s)):
            if _EARLIER_ACTIONS_RE.match(sent.strip()):
                earlier = True
            was_carried, carried = carried, bool(_CARRIED_FORWARD_RE.search(sent.strip()))
            if carried:
                continue
            if re.fullmatch(r"\d{1,3}\.", sent.strip()):
                after_number = not in_log  # "2. Inchree Buyout Group is to hold an open day":
                continue  # an item of a numbered list is a directive only in an action log
            # a heading holding its minute ("7. Planning Issues - verbal report ... correspondence
            # received ... .  Cllr McLaughlin to email reply."): the number is its first words'
            numbered, after_number = after_number or (i in titled and k == 0), False
            sent = _BULLET_RE.sub("", sent.strip())
            if in_log:  # "2) The Clerk is to clarify ...": a numbered row of an action list
                sent = _ROW_NUMBER_RE.sub("", sent)
            elif BRACKET_NUMBER_RE.match(sent) and i not in seg.headings:
                # "(1) Jane Doe to publish ...", "1) KD to send ...": an item of a numbered list,
                # weighed as "1. Jane Doe to ..." is
                sent, numbered = BRACKET_NUMBER_RE.sub("", sent), True
            elif _LETTERED_RE.match(sent) and i not in seg.headings:
                sent, numbered = _LETTERED_RE.sub("", sent), True  # weighed as "(1) ..." is
            sent = _ITEM_REF_PREFIX_RE.sub("", sent)  # "4.2 Item 4.2.3 -EW to contact ..."
            if i in seg.headings and not in_log:
                # "6.2 Cllr Shaw to investigate the drain ...": a numbered paragraph of the
                # minutes that is itself a directive (its number is the paragraph's, not a task's)
                sent = _PARAGRAPH_NUMBER_RE.sub("", sent)
            sent = _speaker_directive(sent)
            # an item of a numbered list outside an action log is not a directive by its first
            # words, but may end in one ("1. Housing ... to the next meeting - JG to arrange this")
            first = _DIRECTIVE_RE.match(sent)
            dm = None if numbered else first
            after_clause = run_on = False
            clause_before = ""
            if dm is None or not _somebody(dm.group("owner")):
                # "Oich Road - DM to get back in touch ...", "There was a CLG meeting before
                # Christmas, DM to email ...": the directive is the clause after a label or a
                # clause of its sentence; its owner must be initials or a role
                for bm in _CLAUSE_BOUNDARY_RE.finditer(sent):
                    if _quoted(sent[: bm.start()]) or _quoted_tail(sent[bm.end() :]):
                        continue  # inside a quotation of earlier words
                    cm = _DIRECTIVE_RE.match(sent[bm.end() :])
                    if cm and (
                        _INITIALS_RE.match(cm.group("owner"))
                        or is_agent(cm.group("owner"))
                        and not _a_thing(cm.group("owner"))
                        or listed_people(cm.group("owner"), names)
                        or _JOINED_INITIALS_RE.match(cm.group("owner"))
                    ):
                        clause_before, sent, dm = sent[: bm.start()], sent[bm.end() :], cm
                        after_clause = True
                        break
            passive_at: int | None = None
            if dm is None and not numbered:
                # "Seeds would be required by Mid March S Henchie to supply a list ...": a
                # named person's directive inside a run-on sentence with no boundary before it
                for rm in _RUN_ON_PERSON_RE.finditer(sent):
                    before = sent[: rm.start()].split()
                    if before and before[-1].lower().rstrip(".") in _TITLES:
                        continue  # "Mr J Smith": the match with its title is tried instead
                    if before and before[-1].lower().strip(",") in _OBJECT_BEFORE:
                        continue  # "wrote to Mr J Smith to ask ...": the person is the object
                    cm = _DIRECTIVE_RE.match(sent[rm.start() :])
                    if cm and cm.group("verb") not in _NOT_VERBS:
                        sent, dm, run_on = sent[rm.start() :], cm, True
                        break
                    after = sent[rm.start() + cm.end() :] if cm else ""
                    if cm and passive_at is None and _RUN_ON_PASSIVE_RE.match(after):
                        passive_at = rm.start()  # "... ivy T Bishton to be asked to trim."
            if dm is None and not numbered:
                ra = _ROLE_AFTER_REPORT_RE.search(sent)
                if ra is not None and ra.group("verb") not in _NOT_VERBS:
                    owner, task = ra.group("owner"), sent[ra.start("verb") :]
                    c = Candidate("action", "'<owner> to <verb>' directive", task, i, ln.no)
                    c.owner, c.base = owner, 0.55
                    c.feature("a role's directive after a clause reporting the meeting", 0.1)
                    if earlier or was_carried:
                        c.feature("restates an action of an earlier meeting", -0.5)
                    context_features(seg, c, False)
                    out.append(c)
                    continue
            if dm is None and not numbered:
                # "Tree report required Clerk to chase": a role's directive ending the unit after
                # words with no boundary before it (not "asked the Clerk to ...", "for the Clerk
                # to ...": the role is the object there)
                rr = _RUN_ON_ROLE_RE.search(sent)
                if rr is not None and rr.group("verb") not in _NOT_VERBS:
                    before = sent[: rr.start()].split()
                    if before and before[-1].lower() not in _OBJECT_BEFORE | _TITLES:
                        sent, dm, run_on = (
                            sent[rr.start() :],
                            _DIRECTIVE_RE.match(sent[rr.start() :]),
                            True,
                        )
            if dm is None and not numbered and names:
                at = _listed_run_on(sent, names)
                if at is not None:
                    sent, dm, run_on = sent[at:], _DIRECTIVE_RE.match(sent[at:]), True
            if dm is None and numbered and first is not None:
                dm = first  # "1. Jane Doe to contact ...": weighed below, left for review
            split = (dm.group("owner"), sent[dm.end("owner") :].split(" to ", 1)[1]) if dm else None
            marker = _LABEL_OWNER_RE.match(split[0]) if split is not None else None
            if split is not None and marker is not None:
                # "... accepted. ACTION Clerk to speak to the Contractor ...": the marker with no
                # colon, then the directive, whose owner follows the marker ("Action Points to
                # follow." names nobody: no owner is left)
                split = (split[0][marker.end() :].strip(), split[1])
            if split is not None and not (
                _somebody(split[0]) or listed_people(split[0], names) or split[0] in orgs
            ):
                split = None
            if split is not None and dm is not None and dm.group("verb") in _NOT_VERBS - {"be"}:
                split = None
            if split is not None and _KEYWORD_OWNER_RE.search(split[0]):
                split = None  # "The Chair RESOLVED to move ...": a decision word, not an owner
            if split is not None and _VOTE_OWNER_RE.match(split[0]):
                split = None  # "Vote Unanimous to accept.": a motion's vote record, not an owner
            if split is not None and _TITLE_TASK_RE.match(split[1]) and not _owner_is_set(split[0]):
                split = None  # "- Bridle Path to hospital – the county ...": a row's title
            if split is not None and _NOMINEE_TASK_RE.match(split[1]):
                split = None  # "X to continue as President was proposed by ...": a nomination
            if split is not None and re.fullmatch(r"action\W*", split[1], re.I):
                split = None  # "(JH to action)": the owner of the sentence before, no task
            if split is not None and not split[1].startswith("be "):
                owner, task = split
                if task.count(")") > task.count("("):  # "(Julia to send info to Louise)."
                    task = re.sub(r"\)(?=\W*$)", "", task, count=1)
                c = Candidate(
                    "action", "'<owner> to <verb>' directive", task, i, ln.no, owner=owner
                )
                c.base = 0.55
                verb = task.split()[0].lower() if task.split() else ""
                if after_clause:
                    c.feature("follows a label or clause of its sentence", -0.05)
                elif run_on:
                    c.feature("a named person's directive inside a run-on sentence", -0.05)
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
                    c.feature(
                        f"opens with '{owner.split()[0]}': whoever is to do it is not named", -0.4
                    )
                if _CHAIR_RE.match(owner) and (
                    verb in _AGENDA_VERBS or _CHAIR_CONDUCT_RE.match(task)
                ):
                    c.feature("reads like an agenda description", -0.4)
                elif dm is not None and another_bodys_plan(owner, sent[dm.end("owner") :]):
                    c.feature("another body's plan ('<Name> Council is to ...'), no task", -0.4)
                elif PRESENTER_RE.match(task) and not in_log:
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
                if sent.rstrip().endswith(":"):
                    c.feature("introduces a motion", -0.5)
                elif _TITLE_THEN_AGENDA_RE.search(task):
                    # "Minute 47 - Service Level Agreement to provide a Payroll Service: To
                    # receive an update from the Clerk": an item's title, then its business
                    c.feature("an item's title, then 'To receive ...': the agenda's business", -0.5)
                if in_log:
                    c.feature("a row of an action log", 0.2)
                if numbered and not (after_clause or run_on) and _everyone(owner, verb):
                    # "2. All members to review the terms ... before the next meeting": a task
                    # for every member in a numbered list of points (an agenda's "All members
                    # to note ..." is its business, weighed above)
                    c.feature("a task for all the members in a numbered list of points", 0)
                elif numbered and not (after_clause or run_on) and named(owner):
                    if after_items_decision(seg, i) or _record_point(seg, i, sent, verb):
                        # "1. Jane Doe to contact ..." after the decision, or a record's point
                        c.feature("a named person's task listed after the item's decision", 0)
                    else:
                        c.feature("an item of a numbered list, not of an action log", -0.3)
                elif (
                    numbered and not (after_clause or run_on) and _record_point(seg, i, sent, verb)
                ):
                    # "2. Clerk to circulate the revised plan." among a record's numbered points:
                    # a task set at the meeting (an agenda's "6. Cllr Shaw to report" is not)
                    c.feature("a numbered point of a record's item, a sentence naming who acts", 0)
                elif numbered and not (after_clause or run_on):  # left for review, not dropped
                    c.feature("an item of a numbered list, not of an action log", -0.3)
                if (after_clause and restated_object(clause_before, owner)) or (
                    k == 0 and not run_on and wrapped_name(seg, i, owner)
                ):  # "contact the insurers, Acme Ltd to notify them": whom it addresses
                    c.feature("the name the sentence's verb addresses, not who is to act", -0.5)
                if earlier:
                    c.feature("restates an action of the last meeting", -0.5)
                elif was_carried:
                    c.feature("restates an action carried forward from an earlier meeting", -0.5)
                if above_minutes_label(seg, i):
                    c.feature("the item's description, printed above its 'Minutes:'", -0.5)
                if _under_decision_list(seg, i):
                    c.feature("an item of the body's decision above ('... the following:')", -0.5)
                context_features(seg, c, False)
                out.append(c)
                continue
            found = passive_directive(seg, i, sent, dm, passive_at, numbered, earlier, in_log)
            if found is not None:
                out.append(found)
    return out
