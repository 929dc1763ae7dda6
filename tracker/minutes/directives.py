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
from .decided_lists import BRACKET_NUMBER_RE
from .directive_joins import split_joined
from .directive_owners import (
    _owner_is_set,
    _speaker_directive,
)
from .directive_places import (
    _BULLET_RE,
    _CARRIED_FORWARD_RE,
    _DIRECTIVE_RE,
    _EARLIER_ACTIONS_RE,
    _under_earlier_actions,
    capitals_directive,
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
from .directive_weights import Found, weighed_directive
from .owners import is_agent
from .passive_directives import passive_directive
from .people import co_listed, first_names, organisations, speakers, unlabelled_names
from .persons import (
    _INITIALS_RE,
    _a_thing,
    _somebody,
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


# "6.2 Cllr Shaw to ...": a paragraph number of two or more levels opening the unit
_PARAGRAPH_NUMBER_RE = re.compile(r"^\d{1,3}(?:\.\d{1,3})+\.?\s+(?=[A-Z])")


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
        out.extend(_unit_directives(seg, i, i in titled, names, orgs))
    return out


def _unit_directives(
    seg: Segmented, i: int, titled: bool, names: frozenset[str], orgs: frozenset[str]
) -> list[Candidate]:
    """The directives in the sentences of unit `i`, read in turn: a label of an earlier
    meeting's actions, a note that an action was carried forward and a number alone tell the
    sentences after them."""
    out = []
    in_log = i in seg.log
    after_number = False
    # "Actions from last meeting: SS to discuss ... . RT to contact ...": the actions of an
    # earlier meeting restated, not this meeting's
    earlier = _under_earlier_actions(seg, i)
    carried = False
    text = capitals_directive(seg, i) or seg.lines[i].text
    for k, sent in enumerate(p for s in _points(text) for p in split_joined(s)):
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
        numbered, after_number = after_number or (titled and k == 0), False
        sent, numbered = _unnumbered(seg, i, sent, numbered)
        found = _sentence_directive(seg, i, k, sent, numbered, earlier, was_carried, names, orgs)
        if found is not None:
            out.append(found)
    return out


def _unnumbered(seg: Segmented, i: int, sent: str, numbered: bool) -> tuple[str, bool]:
    """The sentence without the bullet, row number, item reference or paragraph number that
    opens it; whether it is an item of a numbered list."""
    in_log = i in seg.log
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
    return _speaker_directive(sent), numbered


def _sentence_directive(
    seg: Segmented,
    i: int,
    k: int,
    sent: str,
    numbered: bool,
    earlier: bool,
    was_carried: bool,
    names: frozenset[str],
    orgs: frozenset[str],
) -> Candidate | None:
    """The directive in the sentence, wherever it stands in it: opening it, after a label or a
    clause, inside a run-on sentence; else a passive one (passive_directives.py)."""
    in_log = i in seg.log
    # an item of a numbered list outside an action log is not a directive by its first
    # words, but may end in one ("1. Housing ... to the next meeting - JG to arrange this")
    first = _DIRECTIVE_RE.match(sent)
    dm = None if numbered else first
    after_clause = run_on = False
    clause_before = ""
    if dm is None or not _somebody(dm.group("owner")):
        clause = _after_a_clause(sent, names)
        if clause is not None:
            clause_before, sent, dm = clause
            after_clause = True
    passive_at: int | None = None
    if dm is None and not numbered:
        at, cm, passive_at = _run_on_person(sent)
        if at is not None:
            sent, dm, run_on = sent[at:], cm, True
    if dm is None and not numbered:
        role = _role_after_report(seg, i, sent, earlier or was_carried)
        if role is not None:
            return role
    if dm is None and not numbered:
        at = _run_on_role(sent)
        if at is not None:
            sent, dm, run_on = sent[at:], _DIRECTIVE_RE.match(sent[at:]), True
    if dm is None and not numbered and names:
        at = _listed_run_on(sent, names)
        if at is not None:
            sent, dm, run_on = sent[at:], _DIRECTIVE_RE.match(sent[at:]), True
    if dm is None and numbered and first is not None:
        dm = first  # "1. Jane Doe to contact ...": weighed below, left for review
    split = _owner_and_task(sent, dm, names, orgs)
    if split is not None and not split[1].startswith("be "):
        found = Found(
            sent, dm, k, numbered, after_clause, clause_before, run_on, earlier, was_carried, in_log
        )
        return weighed_directive(seg, i, found, split[0], split[1], names, orgs)
    return passive_directive(seg, i, sent, dm, passive_at, numbered, earlier, in_log)


def _after_a_clause(sent: str, names: frozenset[str]) -> tuple[str, str, re.Match[str]] | None:
    """ "Oich Road - DM to get back in touch ...", "There was a CLG meeting before Christmas, DM
    to email ...": the directive is the clause after a label or a clause of its sentence; its
    owner must be initials or a role. The words before it, the directive's words, its match."""
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
            return sent[: bm.start()], sent[bm.end() :], cm
    return None


def _run_on_person(sent: str) -> tuple[int | None, re.Match[str] | None, int | None]:
    """ "Seeds would be required by Mid March S Henchie to supply a list ...": a named person's
    directive inside a run-on sentence with no boundary before it: where it starts and its
    match; and where a person's passive directive starts ("... ivy T Bishton to be asked")."""
    passive_at: int | None = None
    for rm in _RUN_ON_PERSON_RE.finditer(sent):
        before = sent[: rm.start()].split()
        if before and before[-1].lower().rstrip(".") in _TITLES:
            continue  # "Mr J Smith": the match with its title is tried instead
        if before and before[-1].lower().strip(",") in _OBJECT_BEFORE:
            continue  # "wrote to Mr J Smith to ask ...": the person is the object
        cm = _DIRECTIVE_RE.match(sent[rm.start() :])
        if cm and cm.group("verb") not in _NOT_VERBS:
            return rm.start(), cm, passive_at
        after = sent[rm.start() + cm.end() :] if cm else ""
        if cm and passive_at is None and _RUN_ON_PASSIVE_RE.match(after):
            passive_at = rm.start()  # "... ivy T Bishton to be asked to trim."
    return None, None, passive_at


def _role_after_report(seg: Segmented, i: int, sent: str, restated: bool) -> Candidate | None:
    """A role's directive after a clause reporting the meeting, weighed here."""
    ra = _ROLE_AFTER_REPORT_RE.search(sent)
    if ra is None or ra.group("verb") in _NOT_VERBS:
        return None
    owner, task = ra.group("owner"), sent[ra.start("verb") :]
    c = Candidate("action", "'<owner> to <verb>' directive", task, i, seg.lines[i].no)
    c.owner, c.base = owner, 0.55
    c.feature("a role's directive after a clause reporting the meeting", 0.1)
    if restated:
        c.feature("restates an action of an earlier meeting", -0.5)
    context_features(seg, c, False)
    return c


def _run_on_role(sent: str) -> int | None:
    """ "Tree report required Clerk to chase": where a role's directive ending the unit starts,
    after words with no boundary before it (not "asked the Clerk to ...", "for the Clerk to
    ...": the role is the object there)."""
    rr = _RUN_ON_ROLE_RE.search(sent)
    if rr is not None and rr.group("verb") not in _NOT_VERBS:
        before = sent[: rr.start()].split()
        if before and before[-1].lower() not in _OBJECT_BEFORE | _TITLES:
            return rr.start()
    return None


def _owner_and_task(
    sent: str, dm: re.Match[str] | None, names: frozenset[str], orgs: frozenset[str]
) -> tuple[str, str] | None:
    """The directive's owner and task, unless the owner is nobody (a label, a decision word, a
    vote, a place) or the task no task (a row's title, a nomination, "to action")."""
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
    return split
