"""Follow-ups written as ACTION lines: telling an `ACTION – <owner> to <what>` line or an `ACTIONS:`
list from a heading such as "Action log", and reading the line or the list under it (an
"Action by:" list of officers acting on the decision above, a table header cell "Action" on its
own line). One action's text is read in `action_text`, actions inside prose in `inline_actions`,
action logs pasted as text tables in `tables`."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from .action_context import decision_context, sentences_of
from .action_text import (
    CAPS_OWNERS_RE,
    LEADING_MARKER_RE,
    VERB_WORD_RE,
    action_followup,
    owner_only,
    read_action_body,
)
from .cells import owner_cell
from .markers import parse_marker
from .models import ExtractedFollowUp, Uncertainty
from .owners import split_owner
from .tables import header_role
from .text import Line, find_due

ACTION_LINE_RE = re.compile(
    # "New actions: Nick to purchase ...": the actions this meeting added to its log
    # "Gweithred / Action: Clerk ...", "GWEITHREDU / ACTION:", "Action / Cam Gweithredu:": a
    # bilingual page's label, the Welsh word before or after the English one
    r"^(?:[^\w(]{1,3}\s*)?(?:(?:cam\s+)?gweithred\w{0,5}\s*/\s*)?"
    r"(?P<kw>action\s+points?|(?:agreed|new|further)\s+actions?|actions?)"
    r"(?:\s*/\s*(?:cam\s+)?gweithred\w{0,5})?"
    # "Action 12:", "Action 2.3: JB to circulate ...": the action's number
    r"(?:\s*(?:no\.?\s*)?\d{1,3}(?:\.\d{1,3})?[a-z]?\b)?(?:\s+(?:by|owner|lead)(?=\s*[:\-]))?"
    # "Action (JS): circulate ...": the owner in brackets after the keyword
    r"(?:\s*\(\s*(?P<owner>[A-Z][^()]{0,40}?)\s*\)(?=\s*[:\-]))?"
    r"(?P<sep>\s*[:;\-]+\s*|\s+|$)(?P<body>.*)$",
    re.I,
)


_HEADING_BODY_RE = re.compile(
    r"(?:plans?|logs?|arising|tracker|lists?|sheet|register|points?|updates?|from|taken|"
    r"required|summary|table|completed|outstanding|log\b)\b",
    re.I,
)


# "RG", "GP/RG", "Clerk", "Cllr Smith": who is to act, alone after the keyword with no colon
_OWNER_LABEL_BODY_RE = re.compile(
    r"^(?:[A-Z]{2,4}(?:\s*(?:/|,|&|and)\s*[A-Z]{2,4})*|(?i:(?:the\s+)?(?:clerk|chair(?:man)?|secretary"
    r"|treasurer))|(?i:cllrs?)\.?\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\.?$"
)


def _named_owner(body: str) -> bool:
    """ "Action Locum Clerk", "Action Highways Team", "Action Orla Pennywick": an owner of two
    words or three in capitals (a role, a team, a person), no heading's word among them."""
    words = body.rstrip(". ").split()
    return (
        len(words) >= 2
        and owner_cell(" ".join(words))
        and not _HEADING_BODY_RE.search(body)
        # "Action  Due  Owner": a header row's names, not one officer's title
        and sum(header_role(w) is not None for w in words) < 2
    )


# "ACTIONS AGREED :", "Actions agreed at the meeting;": the words after the keyword that make
# it the label of a list (read in `agreed_rows`)
_AGREED_LABEL_BODY_RE = re.compile(
    r"^agreed(?:\s+(?:at|by)\s+(?:the|this)\s+meeting)?\s*[;:\-\u2013]?\s*$", re.I
)


# "Action agreed: Produce a leaflet ... [AH]": the label, then the task itself on its line
_AGREED_TASK_RE = re.compile(r"agreed\s*[:\-\u2013]+\s*(?=\S)", re.I)


@dataclass(frozen=True)
class ActionLine:
    body: str  # text after "ACTION –", collapsed ("" for a list header "ACTIONS:")
    earlier: bool = False  # "Action 4 (Clerk to write ...) – complete.": an earlier action's update


# "Action to be done next:", "Actions to be taken:", "Actions to take:": a label over the list
_NEXT_STEPS_LABEL_RE = re.compile(
    r"^\W{0,3}actions?\s+(?:to\s+be\s+(?:done|taken)(?:\s+next)?|to\s+take(?:\s+forward)?)"
    r"\s*:-?\s*$",
    re.I,
)


# "Action 4 (Clerk to write ...) – complete.", "Action 12: bench ordered - done": the number of an
# earlier action, then how it stands
_NUMBERED_RE = re.compile(r"^\W{0,3}actions?(?:\s+points?)?\s*(?:no\.?\s*)?\d{1,3}[a-z]?\b", re.I)
_STATUS_END_RE = re.compile(
    r"[-\u2013:]\s*(?:completed?|done|closed|ongoing|in\s+progress|on\s+hold|outstanding)\W*$",
    re.I,
)
# "Owner: Business Manager", "Lead: Jo Bloggs", "Due: 31 March 2024", "Status: Open"
_FIELD_RE = re.compile(
    r"^(?P<name>(?:action\s+)?owner(?:\s*\(s\)|s)?|lead(?:\s+officer)?|responsible(?:\s+officer)?"
    r"|by\s+whom|due(?:\s+date)?|deadline|target\s+date"
    r"|by\s+when|status|rag(?:\s+status)?|progress|outcome)\s*[:\-\u2013]\s*(?P<value>\S.*)$",
    re.I,
)


def _with_field(f: ExtractedFollowUp, name: str, value: str) -> ExtractedFollowUp:
    """The action `f` with a field line read into it: an owner (when it named none), a due date;
    a status says how it stands and changes nothing."""
    value = value.strip().rstrip(".")
    name = re.sub(r"^action\s+|\s*\(s\)$|s$|\s+officer$", "", re.sub(r"\s+", " ", name))
    if name in ("owner", "lead", "responsible", "by whom") and not f.owner:
        return replace(f, owner=value)
    if name in ("due", "due date", "deadline", "target date", "by when") and f.due is None:
        return replace(f, due=find_due(value) or find_due("by " + value))
    return f


def match_action_line(ln: Line) -> ActionLine | None:
    am = ACTION_LINE_RE.match(ln.m)
    if not am:
        return None
    if _NEXT_STEPS_LABEL_RE.match(ln.m):
        return ActionLine("")  # "Action to be done next:": a list of actions follows
    nm = _NUMBERED_RE.match(ln.m)
    if nm and _STATUS_END_RE.search(ln.m) and ln.m[nm.end() :].strip():
        return ActionLine(ln.text[nm.end() :].strip(" :;-\u2013"), earlier=True)
    kw, sep, body = am.group("kw"), am.group("sep"), am.group("body")
    punct = any(p in sep for p in ":;-") or not sep.strip() and not body
    gm = _AGREED_TASK_RE.match(body)
    if gm is not None and not kw.lower().startswith("agreed"):
        return ActionLine(ln.text[am.start("body") + gm.end() :].strip())  # "Action agreed: ..."
    if _AGREED_LABEL_BODY_RE.match(body) and not kw.lower().startswith("agreed"):
        return None  # "ACTIONS AGREED :": the label over a list of actions, not an owner
    if not punct:
        if _HEADING_BODY_RE.match(body):
            return None
        if (
            not kw.isupper()
            and not _OWNER_LABEL_BODY_RE.match(body)
            and not CAPS_OWNERS_RE.match(ln.text[am.start("body") :].strip())
            and not _named_owner(body)
        ):
            return None  # "Action RG" alone after a paragraph is a label; "Action plans" is not
    elif (
        _HEADING_BODY_RE.match(body)
        and not body.strip().endswith(".")
        and len(body.split()) <= 3
        and ":" not in sep
    ):
        return None  # "Action log"-style headings are not actions themselves
    body = ln.text[am.start("body") :].strip()
    if am.group("owner") and body[:1].islower():
        body = f"{am.group('owner')} to {body}"  # "Action (JS): circulate ..."
    return ActionLine(body)


_ITEM_LABEL_RE = re.compile(r"^actions?(?:\s+points?)?\s*[:\u2013\-]+\s*(?=\S)", re.I)


def read_action_lines(
    lines: Sequence[Line],
    idx: int,
    act: ActionLine,
    previous: str | None,
    stop: Callable[[Line], bool],
) -> tuple[list[ExtractedFollowUp], list[Uncertainty], int]:
    """Read an ACTION line (or an ACTIONS: list starting at lines[idx]); returns the index of
    the first line not consumed."""
    ln = lines[idx]
    if not act.body and _flattened_header_cell(lines, idx):
        note = "a table's column header flattened onto its own line, not a list of actions"
        return [], [Uncertainty(ln.no, ln.text, note)], idx + 1
    if act.earlier:
        note = "an earlier action's number with its status: an update, not this meeting's action"
        return [], [Uncertainty(ln.no, ln.text, note)], idx + 1
    if act.body:
        context = decision_context(sentences_of(previous)[-3:]) if previous else None
        if context and _OWNER_LABEL_RE.match(ln.m) and _names_owner(act.body, True):
            # "Action by: CORPORATE DIRECTOR DEVELOPMENT AND RENEWAL (A. DALVI)" under a decision:
            # the officer who acts on it, however long the title
            return _owner_of(act.body, ln.no, context), [], idx + 1
        found, unsure = read_action_body(act.body, ln.no, context, alone=True)
        nxt = idx + 1
        # "Action: Survey the footpath." / "Lead: Clerk" / "Due: March": the action's fields, one a
        # line under it, as under an "Actions:" list
        while found and nxt < len(lines) and (field := _FIELD_RE.match(lines[nxt].text)):
            had = found[-1].owner
            found[-1] = _with_field(found[-1], field.group("name").lower(), field.group("value"))
            if found[-1].owner and not had:
                unsure = [u for u in unsure if u.line != ln.no or "no owner" not in u.reason]
            nxt += 1
        return found, unsure, nxt
    fus: list[ExtractedFollowUp] = []
    uns: list[Uncertainty] = []
    # "Action by:" over officers' names, one a line, under a decision: each line names who is to
    # act on the decision before it, not a task of its own
    owners = bool(_OWNER_LIST_LABEL_RE.match(ln.m))
    context = decision_context(sentences_of(previous)[-3:]) if owners and previous else None
    # "Action:" (one action) alone on its line labels the unit after it; "Actions:" a list
    single = bool(_SINGLE_LABEL_RE.match(ln.text))
    i, blank = idx + 1, 0
    while i < len(lines):
        if single and (fus or uns):
            break
        cur = lines[i]
        if not cur.text:
            blank += 1
            i += 1
            continue
        if stop(cur):
            break
        mk = parse_marker(cur.text, cur.m)
        body = mk.rest if mk and mk.rest else cur.text
        # "2.2.2 Action: NB to follow up ...": the item repeats the list's label; the owner is
        # what follows it
        body = _ITEM_LABEL_RE.sub("", body, count=1)
        if owners and context:
            if not _names_owner(body, not blank):
                break  # "COUNCILLOR D. JONES IN THE CHAIR": the text after the owners' list
            fus += _owner_of(body, cur.no, context)
            blank = 0
            i += 1
            continue
        if blank and mk is None and split_owner(body) is None:
            break
        if single and not re.search(r"[^\W\d_]{2}", body):
            # "Action" / "C" at the foot of a page: a column header over a cut cell, no task
            note = "a lone 'Action' label over no words of a task (a column header?)"
            uns.append(Uncertainty(ln.no, ln.text, note))
            i += 1
            break
        field = _FIELD_RE.match(body)
        if field and fus:
            # "Owner: Business Manager", "Due: 31 March 2024", "Status: Open": a field of the
            # action above, one a line, not an action of its own
            fus[-1] = _with_field(fus[-1], field.group("name").lower(), field.group("value"))
            blank = 0
            i += 1
            continue
        f, u = read_action_body(body, cur.no, context, alone=owners)
        fus += f
        uns += u
        blank = 0
        i += 1
    if not fus and not uns and i == idx + 1:
        uns.append(Uncertainty(ln.no, ln.text, "an ACTIONS heading with no actions after it"))
    return fus, uns, i


_OWNER_LABEL_RE = re.compile(r"^\W{0,3}\s*actions?\s+(?:by|owners?|lead)\s*[:\-]", re.I)


# an officer's title or a bracketed name: "Head of Finance", "ASSISTANT CHIEF EXECUTIVE (S. WILLIAMS)"
_ROLE_RE = re.compile(
    r"\b(?:director|officer|manager|head|chief|executive|clerk|secretary|lead|leader|team|"
    r"services?|solicitor|treasurer|accountant|co-?ordinator|advis[eo]r|controller|engineer|"
    r"commissioner|superintendent|inspector)\b|\(\s*[A-Z]\.\s*[A-Z][\w'\-]+\s*\)",
    re.I,
)


def _names_owner(body: str, adjacent: bool) -> bool:
    """Does a line under "Action by:" name who acts (an officer's title, however long), rather
    than say something ("COUNCILLOR D. JONES IN THE CHAIR", "The clerk sought ...")?"""
    t = body.strip().rstrip(" .;:")
    words = t.split()
    if not words or len(words) > 16 or not t[:1].isupper() or VERB_WORD_RE.search(t):
        return False
    if re.search(r"\bin\s+the\s+chair\b", t, re.I):
        return False
    return bool(_ROLE_RE.search(t)) or (adjacent and owner_only(body, alone=True))


def _owner_of(body: str, line: int, context: str) -> list[ExtractedFollowUp]:
    return [
        action_followup(
            body.strip(" .;"), LEADING_MARKER_RE.sub("", context.strip()), line, "action-line"
        )
    ]


_OWNER_LIST_LABEL_RE = re.compile(r"^\W{0,3}\s*actions?\s+(?:by|owners?|lead)\s*[:\-]*\s*$", re.I)


_SINGLE_LABEL_RE = re.compile(r"^\W{0,3}action\s*[:;\-\u2013]*\s*:?\s*$", re.I)


HEADER_WORDS = {"agenda", "item", "items", "minute", "minutes", "no", "ref", "subject", "topic"}


def _flattened_header_cell(lines: Sequence[Line], idx: int) -> bool:
    """ "Agenda / Item / Action / Item", one cell a line: "Action" alone between other column
    names is a cell of the header, not a heading over a list of actions."""
    if lines[idx].text.rstrip().endswith(":"):
        return False
    near = []
    for step in (-1, 1):
        k = idx + step
        if 0 <= k < len(lines) and lines[k].text:
            near.append(lines[k].text.strip().rstrip(":"))
    return any(
        len(t.split()) <= 2 and (t.lower() in HEADER_WORDS or header_role(t) is not None)
        for t in near
    )
