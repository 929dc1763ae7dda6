"""Actions written inside a prose line: "(Action: JS)", "... . Action: Clerk to circulate.",
"... MT Action", "... ACTION Constable Aldous please.", "... . Clerk to action"; each takes its
task from the decision or sentence before it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .action_context import (
    BARE_DECISION_RE,
    DECIDED_RE,
    MEETING_DECIDED_RE,
    decision_context,
    last_sentence,
    sentences_of,
)
from .action_text import read_action_body
from .actions import HEADER_WORDS
from .line_classes import sentence_around
from .models import ExtractedFollowUp, Uncertainty
from .text import Line, holds_any

_LABEL_PERSON = (
    r"(?:(?:Cllr|Councillor|Mr|Mrs|Ms|Dr)\.?\s+(?:[A-Z]\.?\s+)?|[A-Z]\.?\s+)"
    r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
)
INLINE_ACTION_RE = re.compile(
    r"\(\s*actions?\s*(?::|-|by\b:?)\s*(?P<body>[^()]{1,120}?)\s*\)"
    # "(Action Clerk)", "(Action JS)", "(ACTION Cllr Hale)": the owner alone after the word
    rf"|\(\s*actions?\s+(?P<body6>(?-i:[A-Z]{{2,4}}(?:\s*/\s*[A-Z]{{2,4}})*|{_LABEL_PERSON}"
    r"|(?:the\s+)?(?:Clerk|Chair(?:man)?|Secretary|Treasurer|RFO)))\s*\)"
    r"|(?<=[.;!?])\s+(?:(?:new|further|agreed)\s+)?actions?(?:\s+by)?\s*(?::|\s-)\s*(?P<body2>\S.{0,200})$"
    # "....Action 3.02: AB", "... meeting - Action 12: Head of Finance": a numbered action
    # reference glued to the sentence that holds the task, then only who is to do it
    # (its reference may open on letters: "Action AP5: ZM", "Action A12: Clerk")
    r"|(?:(?<=[.;!?])|\s[\u2013\u2014\-])\s*action\s+(?:no\.?\s*)?(?:[a-z]{1,3})?\d{1,3}(?:\.\d{1,3})?"
    r"\s*:\s*"
    r"(?P<body3>[A-Z]{2,4}(?:\s*/\s*[A-Z]{2,4})*|[A-Z][a-z]+(?:\s+(?:of|for|and|&|[A-Z][a-z]+)){0,5})"
    r"\s*\.?\s*$"
    # "... for publication. Action JL", "... All agreed – action JB.": the marker with no colon,
    # then only the owner's initials, ending the unit
    r"|(?:(?<=[.;!?])|\s[\u2013\u2014\-])\s*action\s+"
    r"(?P<body4>(?-i:[A-Z]{2,4}(?:\s*(?:/|,|and|&)\s*[A-Z]{2,4})*"
    # "... before final approval.  Action I Wroth", "... . Action Cllr Hale": one person, by an
    # initial and surname or a title and name (not "Action Plan", "Action Points to follow.")
    rf"|{_LABEL_PERSON}"
    # "... needs cutting. Action Clerk": a role of the council alone
    r"|(?:the\s+)?(?:Clerk|Chair(?:man)?|Secretary|Treasurer|RFO|Lengthsman)"
    # "... directing people to the toilets. Action Councillors.", "Action All members": all
    # the members, by their noun
    r"|(?:[Aa]ll\s+)?(?:[Cc]ouncillors|[Mm]embers|Cllrs|[Tt]rustees|[Gg]overnors|[Dd]irectors"
    r"|[Oo]fficers|[Pp]artners)|All|Everyone))\s*\.?\s*$"
    # "... are torn. ACTION CAROL: order the fabric.": the owners in capitals, a colon, the task
    r"|(?<=[.;!?])\s+(?-i:ACTIONS?|Actions?)\s+"
    r"(?P<body5>(?-i:[A-Z][A-Z'\u2019\-]{1,14}(?:\s*(?:/|&|,|and)\s*[A-Z][A-Z'\u2019\-]{1,14}){0,4})"
    r"\s*:\s*\S.{0,200})$",
    re.I,
)


# "... would write to the Ombudsman. ... MT Action/agenda item.": owner initials, then "Action"
_INITIALS_ACTION_RE = re.compile(
    r"(?<=[.!?])\s+(?P<body>[A-Z]{2,4}(?:\s*/\s*[A-Z]{2,4})*)\s+(?:ACTION|Action)S?\b"
    r"(?:\s*/\s*[a-z][a-z ]{0,20})?\.?(?:\s*$|(?=\s+(?:\(\w{1,4}\)\s|[A-Z][a-z])))"
)  # at the end of the unit, or before the next numbered point of a flattened paragraph


# "... the new sign was insecure ACTION Constable Aldous please.": an upper-case marker glued to
# the end of the sentence it acts on, then only who is to act
# "... car park improvements ACTION CLERK. |", "... next meeting ACTION NM/RW |": the same in a
# row of a table flattened with "|", its cell closed after the owner
_GLUED_UPPER_ACTION_RE = re.compile(
    r"(?<=[a-z0-9,)])\s+ACTIONS?\s*:?\s+"
    r"(?P<body>[A-Z][\w'\u2019.]*(?:(?:\s+|/)[A-Z][\w'\u2019.]*){0,3})"
    r"(?:\s+please)?\s*[.!]?(?:\s*\|)?\s*$"
)


# "Dave will look into ... . Dave to action", "Clerk to forward ... . Clerk to action": who
# is to act on the sentence before, glued to its end
_TO_ACTION_RE = re.compile(
    # "... letter to residents – AV to action": also after a dash ending the decision's clause
    # "... next meeting. [JH to action]", "(JH to action)": in brackets after the sentence
    r"(?:(?<=[.!?])\s+(?P<open>[(\[])?|\s[\u2013\u2014\-]\s+)"
    r"(?P<body>(?:the\s+)?[A-Z][\w'\u2019]*(?:\s+[A-Z][\w'\u2019]*){0,2})"
    # "Clerk to Action" in either case, "(AR to Act)"
    r"\s+to\s+(?i:act(?:ion)?)(?(open)\s*[)\]])\s*[.!]?\s*$"
)


_TO_ACT_END_RE = re.compile(r"\bto\s+act\W*$", re.I)


# "... regarding the location of the path Action: MA to e-mail the information": a title-case
# "Action:" glued to the words before it with no full stop, then a directive naming who acts
_GLUED_ACTION_DIRECTIVE_RE = re.compile(
    r"(?<=[A-Za-z0-9,)])\s+Actions?\s*:\s*"
    r"(?P<body>(?:the\s+)?[A-Z][\w'\u2019&/.]*(?:\s+(?:[A-Z][\w'\u2019&/.]*|and|&)){0,4}"
    # "1. Desk based Character Assessment Action: Openplan will conduct ...": "will" after the
    # marker is the task set, as "to" is
    r"\s+(?:(?:is\s+)?to|will|shall)\s+(?!be\b)[a-z].*)$"
)


# "... runs down to Ham Meadow Action by Footpath Officer", "... . Action by Cllr Hale.", "...
# repair. ACTION BY CLERK": "Action by" and only who is to act, ending the unit (glued to the
# words before it or after a full stop); its task is the sentence before it. Not "Action by the
# County Council was awaited." (the words after the owner make it a sentence)
_ACTION_BY_RE = re.compile(
    r"(?<=\S)\s+(?:Actions?|ACTIONS?)\s+(?:by|BY)\s*:?\s*"
    r"(?P<body>(?:[Tt]he\s+)?(?:[A-Z]{2,4}(?:\s*(?:/|,|&|and)\s*[A-Z]{2,4})*"
    rf"|{_LABEL_PERSON}|[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{0,2}}|[A-Z]{{3,}}(?:\s+[A-Z]{{3,}}){{0,2}}"
    r"|(?i:all\s+(?:councillors|members|cllrs))))\s*\.?\s*$"
)


_INITIALS_ACTION_ALONE_RE = re.compile(
    r"^(?P<body>[A-Z]{2,4}(?:\s*/\s*[A-Z]{2,4})*)\s+(?:ACTION|Action)S?\b"
    r"(?:\s*/\s*[a-z][a-z ]{0,20})?\.?\s*$"
)


# the word every label read here holds ("Action:", "(ACTION JS)", "Clerk to action")
ACTION_WORD_RE = re.compile("action", re.I)


def holds_action(text: str) -> bool:
    # "(AR to Act)" ending the line: the owner-only label with the word's stem
    return holds_any(text, ("action",), ACTION_WORD_RE) or _TO_ACT_END_RE.search(text) is not None


def _names(sentence: str, owner: str, decided: str) -> bool:
    """Does the sentence before a person's label name that person, where the decision does not
    ("... resolved to buy the board. Cllr I Wroth agreed to check the posts. Action I Wroth"):
    the label acts on what the person was to do, not on the meeting's other decision."""
    surname = owner.strip(" .").split()[-1] if owner.strip(" .") else ""
    if not re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?", surname):
        return False  # initials ("JL") stay with the decision, as they did
    said = re.compile(rf"\b{re.escape(surname)}\b")
    return bool(said.search(sentence)) and not said.search(decided)


def owner_label_after_decision(ln: Line, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether the line's only action is an owner-only label ("Action S Mills", "Action JL")
    ending a line whose text before it holds the meeting's decision: the decision is still to be
    read as a resolution ("It was agreed to ask ... .  Action S Mills")."""
    if len(spans) != 1 or spans[0][1] < len(ln.m.rstrip()):
        return False
    hit = INLINE_ACTION_RE.search(ln.m, spans[0][0])
    to = _TO_ACTION_RE.search(ln.m)  # "... . [JH to action]": who, and nothing more
    if (hit is None or hit.group("body4") is None) and (
        to is None or not to.start() <= spans[0][0] < to.end()
    ):
        return False
    return bool(MEETING_DECIDED_RE.search(ln.m[: spans[0][0]]))


def inline_actions(
    ln: Line, previous: str | None, earlier: Sequence[str] = ()
) -> tuple[list[ExtractedFollowUp], list[Uncertainty], list[tuple[int, int]]]:
    """ "(Action: JS)" or "... . Action: Clerk to circulate." inside a prose line."""
    fus: list[ExtractedFollowUp] = []
    uns: list[Uncertainty] = []
    spans: list[tuple[int, int]] = []
    if not holds_action(ln.m):
        return fus, uns, spans  # every label below holds the word
    hits: list[tuple[re.Match[str], str]] = [
        (
            h,
            next(
                g
                for g in ("body", "body2", "body3", "body4", "body5", "body6")
                if h.group(g) is not None
            ),
        )
        for h in INLINE_ACTION_RE.finditer(ln.m)
    ]
    if not hits:
        hits = [(h, "body") for h in _ACTION_BY_RE.finditer(ln.m)]
    if not hits:
        hits = [(h, "body") for h in _INITIALS_ACTION_RE.finditer(ln.m)]
    if not hits:
        hits = [(h, "body") for h in _GLUED_UPPER_ACTION_RE.finditer(ln.m)]
    if not hits:
        hits = [(h, "body") for h in _TO_ACTION_RE.finditer(ln.m)]
    if not hits:
        hits = [(h, "body") for h in _GLUED_ACTION_DIRECTIVE_RE.finditer(ln.m)]
    alone = _INITIALS_ACTION_ALONE_RE.match(ln.m) if not hits else None
    if alone is not None and alone.group("body").lower() in HEADER_WORDS:
        alone = None  # "ITEM ACTION": a table's header row, its columns named, not a label
    if alone is not None:  # "MT Action/agenda item." as a unit of its own
        before = " ".join(earlier)
        context = decision_context(sentences_of(before)[-3:])
        if context:
            f, u = read_action_body(alone.group("body"), ln.no, context)
            return f, u, [(0, len(ln.m))]
    for hit, grp in hits:
        body = ln.text[hit.start(grp) : hit.end(grp)]
        before = ln.text[max(0, hit.start() - 600) : hit.start()].strip()
        before = before.rsplit("|", 1)[-1].strip()  # a flattened row: the label's own cell
        context = sentence_around(before, len(before) - 1, len(before), 600) if before else None
        decided = decision_context(sentences_of(before)[-3:])
        if context and decided and BARE_DECISION_RE.match(context.strip()):
            context = decided  # "... for the purchase. All agreed – action JB."
        if (
            decided
            and context
            and not MEETING_DECIDED_RE.search(context)
            and DECIDED_RE.search(decided)
            and not _names(context, body, decided)
        ):
            context = decided  # the action follows the decision that gave it, not a remark
        if not context and previous:
            context = last_sentence(previous)
        if context:
            context = re.sub(r"\.{2,}$", ".", context)
        f, u = read_action_body(body, ln.no, context)
        fus += f
        uns += u
        spans.append((hit.start(), hit.end()))
    return fus, uns, spans
