"""Follow-ups written as actions: `ACTION – <owner> to <what>` lines, `ACTIONS:` lists,
"(Action: JS)" notes inside prose, and owner-only labels ("Action RG", "Action: Clerk.", "Dave
to action") whose task is the sentence before them. Action logs pasted as text tables are read
in `tables`."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .models import ExtractedFollowUp, Uncertainty
from .owners import split_owner, tidy_text
from .patterns import parse_marker, sentence_around
from .tables import header_role
from .text import Line, collapse, find_due

ACTION_LINE_RE = re.compile(
    # "New actions: Nick to purchase ...": the actions this meeting added to its log
    r"^(?:[^\w(]{1,3}\s*)?(?P<kw>action\s+points?|(?:agreed|new|further)\s+actions?|actions?)"
    r"(?:\s*(?:no\.?\s*)?\d{1,3}[a-z]?\b)?(?:\s+(?:by|owner|lead)(?=\s*[:\-]))?"
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
INLINE_ACTION_RE = re.compile(
    r"\(\s*actions?\s*(?::|-|by\b:?)\s*(?P<body>[^()]{1,120}?)\s*\)"
    r"|(?<=[.;!?])\s+(?:(?:new|further|agreed)\s+)?actions?(?:\s+by)?\s*(?::|\s-)\s*(?P<body2>\S.{0,200})$"
    # "....Action 3.02: AB", "... meeting - Action 12: Head of Finance": a numbered action
    # reference glued to the sentence that holds the task, then only who is to do it
    r"|(?:(?<=[.;!?])|\s[\u2013\u2014\-])\s*action\s+(?:no\.?\s*)?\d{1,3}(?:\.\d{1,3})?\s*:\s*"
    r"(?P<body3>[A-Z]{2,4}(?:\s*/\s*[A-Z]{2,4})*|[A-Z][a-z]+(?:\s+(?:of|for|and|&|[A-Z][a-z]+)){0,5})"
    r"\s*\.?\s*$"
    # "... for publication. Action JL", "... All agreed – action JB.": the marker with no colon,
    # then only the owner's initials, ending the unit
    r"|(?:(?<=[.;!?])|\s[\u2013\u2014\-])\s*action\s+"
    r"(?P<body4>(?-i:[A-Z]{2,4}(?:\s*(?:/|,|and|&)\s*[A-Z]{2,4})*))\s*\.?\s*$"
    # "... are torn. ACTION CAROL: order the fabric.": the owners in capitals, a colon, the task
    r"|(?<=[.;!?])\s+(?-i:ACTIONS?|Actions?)\s+"
    r"(?P<body5>(?-i:[A-Z][A-Z'\u2019\-]{1,14}(?:\s*(?:/|&|,|and)\s*[A-Z][A-Z'\u2019\-]{1,14}){0,4})"
    r"\s*:\s*\S.{0,200})$",
    re.I,
)
# "ACTION JOHN/DODIE: arrange quotes ...": the owners in capitals between the marker and a
# colon, then the task (not a label's own words: "ACTION POINTS:", "ACTION REQUIRED:")
_CAPS_OWNERS_RE = re.compile(
    r"^(?P<owner>[A-Z][A-Z'\u2019\-]{1,14}(?:\s*(?:/|&|,|and)\s*[A-Z][A-Z'\u2019\-]{1,14}){0,4})"
    r"\s*:\s*(?P<task>\S.*)$"
)
_LABEL_WORDS = frozenset(
    re.split(
        r"\s+",
        "POINT POINTS LOG LOGS PLAN PLANS REQUIRED ITEM ITEMS NOTE NOTES BY OWNER OWNERS LEAD "
        "AGREED NEW DUE STATUS DATE TAKEN ARISING UPDATE UPDATES SUMMARY LIST",
    )
)
# "... would write to the Ombudsman. ... MT Action/agenda item.": owner initials, then "Action"
_INITIALS_ACTION_RE = re.compile(
    r"(?<=[.!?])\s+(?P<body>[A-Z]{2,4}(?:\s*/\s*[A-Z]{2,4})*)\s+(?:ACTION|Action)S?\b"
    r"(?:\s*/\s*[a-z][a-z ]{0,20})?\.?(?:\s*$|(?=\s+(?:\(\w{1,4}\)\s|[A-Z][a-z])))"
)  # at the end of the unit, or before the next numbered point of a flattened paragraph
# "... the new sign was insecure ACTION Constable Aldous please.": an upper-case marker glued to
# the end of the sentence it acts on, then only who is to act
_GLUED_UPPER_ACTION_RE = re.compile(
    r"(?<=[a-z0-9,)])\s+ACTIONS?\s*:?\s+(?P<body>[A-Z][\w'\u2019.]*(?:\s+[A-Z][\w'\u2019.]*){0,3})"
    r"(?:\s+please)?\s*[.!]?\s*$"
)
# "Dave will look into ... . Dave to action", "Clerk to forward ... . Clerk to action": who
# is to act on the sentence before, glued to its end
_TO_ACTION_RE = re.compile(
    # "... letter to residents – AV to action": also after a dash ending the decision's clause
    r"(?:(?<=[.!?])\s+|\s[\u2013\u2014\-]\s+)(?P<body>(?:the\s+)?[A-Z][\w'\u2019]*(?:\s+[A-Z][\w'\u2019]*){0,2})"
    r"\s+to\s+(?i:action)\s*[.!]?\s*$"  # "Clerk to Action" in either case
)
_INITIALS_ACTION_ALONE_RE = re.compile(
    r"^(?P<body>[A-Z]{2,4}(?:\s*/\s*[A-Z]{2,4})*)\s+(?:ACTION|Action)S?\b"
    r"(?:\s*/\s*[a-z][a-z ]{0,20})?\.?\s*$"
)
_DECIDED_RE = re.compile(r"\b(?:agreed|resolved|decided)\b", re.I)
_NEXT_ITEM_GLUED_RE = re.compile(r"(?<=[.!?])\s+\d{1,3}\.\s?[A-Z\u2018'\"(]")
# the meeting's decision ("it was agreed Rachel Young would ..."), not a member's own ("Rachel
# agreed to feed back ...")
_MEETING_DECIDED_RE = re.compile(
    r"\b(?:it\s+was|the\s+(?:board|committee|group|panel|council|meeting|partnership|members))"
    r"\s+(?:\w+\s+)?(?:agreed|resolved|decided)\b",
    re.I,
)


_BARE_DECISION_RE = re.compile(
    r"^(?:(?:it\s+was\s+|all\s+|members\s+)?(?:unanimously\s+)?(?:agreed|resolved|approved|"
    r"decided)(?:\s+(?:unanimously|by\s+all))?)\s*[.!]?$",
    re.I,
)


def decision_context(sents: Sequence[str]) -> str | None:
    """The sentence an owner-only action label refers to: the last decision of the meeting
    among the sentences before it, else the last decision, else the last sentence."""
    # "All agreed.", "Agreed": the keyword alone says no task; the label acts on the sentence
    # that does ("... JL will provide copies of the minutes ... . All Agreed. Action JL")
    sents = [s for s in sents if not _BARE_DECISION_RE.match(s.strip())] or list(sents)
    if sents and _TASK_SENTENCE_RE.search(sents[-1]):
        return sents[-1]  # the sentence before the label sets the task itself
    for pattern in (_MEETING_DECIDED_RE, _DECIDED_RE):
        hits = [s for s in sents if pattern.search(s)]
        if hits:
            return hits[-1]
    return sents[-1] if sents else None


# "RG", "GP/RG", "Clerk", "Cllr Smith": who is to act, alone after the keyword with no colon
_OWNER_LABEL_BODY_RE = re.compile(
    r"^(?:[A-Z]{2,4}(?:\s*(?:/|,|&|and)\s*[A-Z]{2,4})*|(?i:(?:the\s+)?(?:clerk|chair(?:man)?|secretary"
    r"|treasurer))|(?i:cllrs?)\.?\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\.?$"
)
# a sentence that is itself a task set by the meeting: "The clerk was asked to contact ...",
# "Landlord check ... to be conducted by the chairman ..."
_TASK_SENTENCE_RE = re.compile(
    r"\b(?:was|were)\s+(?:asked|requested|instructed)\s+to\b|\bto\s+be\s+[a-z]+(?:ed|en)\s+by\b",
    re.I,
)
_VERB_WORD_RE = re.compile(
    r"\b(?:to|will|would|should|shall|be|is|are|was|were|has|have|had|please)\b", re.I
)
_NAME_WORD_RE = re.compile(
    r"^(?:[A-Z][\w'\u2019\-]*\.?|[A-Z]{2,5}(?:/[A-Z]{2,5})*|and|&|of|for|the)$"
)
_LEADING_MARKER_RE = re.compile(r"^\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-z]|[ivx]{1,4})[.)]\s+")


def owner_only(body: str, alone: bool = False) -> bool:
    """Does the action's text name only who is to act ("Clerk", "(Action: JS)", "Action: Clerk.",
    "Action; all councillors, GP" on a line of its own)?"""
    t = body.strip().rstrip(" .;:")
    words = t.replace(",", " ").split()
    if not words or len(words) > 6 or _VERB_WORD_RE.search(t):
        return False
    if body.rstrip().endswith("."):  # "Action: Clerk." - a name and a full stop, not a task
        return len(words) <= 3 and all(_NAME_WORD_RE.match(w) for w in words)
    return t[:1].isupper() or alone


_NONE_RE = re.compile(r"(?:none|nil|n/?a|no\s+(?:new\s+|further\s+)?actions?)\b\W*$", re.I)
# "Action: Complete" in a decision log: the action's status, not who is to act
_STATUS_RE = re.compile(
    r"^(?:completed?|done|closed|ongoing|open|in\s+progress|on\s+hold|outstanding|pending"
    r"|superseded|deferred|carried\s+forward|tbc|tba)\s*[.;]?$",
    re.I,
)
# "Action: Clerk/Webmaster Standing Orders were suspended.": on a flattened page the owners,
# joined by "/", run into the next sentence; the owners alone are the label
_SLASHED_OWNERS_GLUED_RE = re.compile(
    r"^(?P<owner>[A-Z][\w'\u2019\-]*(?:\s*/\s*[A-Z][\w'\u2019\-]*)+)\s+(?=[A-Z][a-z])"
)
# "Action: JMItem 18c: ...": on a flattened page the owner's initials run into the next item's
# label; the owner is the initials alone
_GLUED_LABEL_RE = re.compile(r"^(?P<owner>[A-Z]{2,4})(?=(?:Item|Minute|Agenda|Matters)\b)")


@dataclass(frozen=True)
class ActionLine:
    body: str  # text after "ACTION –", collapsed ("" for a list header "ACTIONS:")


def match_action_line(ln: Line) -> ActionLine | None:
    am = ACTION_LINE_RE.match(ln.m)
    if not am:
        return None
    kw, sep, body = am.group("kw"), am.group("sep"), am.group("body")
    punct = any(p in sep for p in ":;-") or not sep.strip() and not body
    if not punct:
        if _HEADING_BODY_RE.match(body):
            return None
        if (
            not kw.isupper()
            and not _OWNER_LABEL_BODY_RE.match(body)
            and not _CAPS_OWNERS_RE.match(ln.text[am.start("body") :].strip())
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


def _follow(
    owner: str, text: str, line: int, source: str, due: str | None = None
) -> ExtractedFollowUp:
    t = tidy_text(text)
    return ExtractedFollowUp(owner.strip(), t, None, line, source, due or find_due(t))


_ITEM_LABEL_RE = re.compile(r"^actions?(?:\s+points?)?\s*[:\u2013\-]+\s*(?=\S)", re.I)
_INITIALS_FIRST_RE = re.compile(
    r"^(?P<owner>[A-Z]{2,3}(?:\s*/\s*[A-Z]{2,3})*)\s+(?P<task>[a-z][^.]*\w.*)$"
)
# "CCTV cameras to be checked": an acronym at the head of a passive row, not an owner
_PASSIVE_WORDS_RE = re.compile(r"\b(?:to|should|will|would|must|can|could)\s+be\b|\bbeen\b")
# "It was agreed that ... group chairs would report ...": an item of an action list that says
# what someone would do (rule 3's undertaking), with no owner to take it as an action
_REPORTED_UNDERTAKING_RE = re.compile(
    r"^it\s+was\s+(?:also\s+)?(?:agreed|decided|noted|reported|confirmed)\s+that\b"
    r"[^.]*?\b(?:would|will)\b",
    re.I,
)


def _from_body(
    body: str, line: int, context: str | None, source: str = "action-line", alone: bool = False
) -> tuple[list[ExtractedFollowUp], list[Uncertainty]]:
    """One action sentence; `context` is the sentence/paragraph the action refers to."""
    # "Action: GS to update council ... received. 5.Ratification of the ...": a flattened
    # page goes on with the next numbered item; the action ends with its sentence
    nm = _NEXT_ITEM_GLUED_RE.search(body)
    if nm:
        body = body[: nm.start()]
    if _NONE_RE.match(body):
        return [], []
    if _STATUS_RE.match(body.strip()):
        why = f"the action gives a status ('{body.strip()}'), not who is to act; not taken"
        return [], [Uncertainty(line, body, why)]
    gm = _GLUED_LABEL_RE.match(body) or _SLASHED_OWNERS_GLUED_RE.match(body.strip())
    if gm and context:
        body = gm.group("owner")
    cm = _CAPS_OWNERS_RE.match(body.strip())
    if cm and not set(re.split(r"[\s/&,]+", cm.group("owner"))) & _LABEL_WORDS:
        return [_follow(cm.group("owner"), cm.group("task"), line, source)], []
    split = split_owner(body)
    if split:
        # "Anne to research the campaign. Aim - to combine ... . Anne to put dates ...": the
        # task is its own sentence; a further sentence naming who does it is their action
        first, *rest = _TASK_SENTENCE_END_RE.split(split[1])
        found = [_follow(_ALSO_RE.sub("", split[0]), first if rest else split[1], line, source)]
        for more in rest:
            ms = split_owner(more)
            if ms and _DIRECTIVE_START_RE.match(more):
                found.append(_follow(_ALSO_RE.sub("", ms[0]), ms[1], line, source))
        return found, []
    im = _INITIALS_FIRST_RE.match(body.strip())
    if im and not _PASSIVE_WORDS_RE.search(body):
        # "ACTION – AW agenda item for next meeting.": the owner's initials, then the task
        return [_follow(im.group("owner"), im.group("task"), line, source)], []
    if not context and _REPORTED_UNDERTAKING_RE.match(body.strip()):
        why = "reports an undertaking ('it was agreed that ... would ...') and names nobody to act"
        return [], [Uncertainty(line, body, why + "; not taken")]
    if context and owner_only(body, alone):
        # "ACTION: Clerk" / "(Action: JS)" - an owner only; the task is the text before
        context = _LEADING_MARKER_RE.sub("", context.strip())
        return [_follow(body.strip(" .;"), context, line, source)], [
            Uncertainty(
                line,
                body,
                "the action names only an owner; its text was taken from the sentence before it",
            )
        ]
    return [_follow("", body, line, source)], [
        Uncertainty(line, body, "an action with no owner that could be read (no '<owner> to ...')")
    ]


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
    if act.body:
        context = decision_context(_sentences_of(previous)[-3:]) if previous else None
        if context and _OWNER_LABEL_RE.match(ln.m) and _names_owner(act.body, True):
            # "Action by: CORPORATE DIRECTOR DEVELOPMENT AND RENEWAL (A. DALVI)" under a decision:
            # the officer who acts on it, however long the title
            return _owner_of(act.body, ln.no, context), [], idx + 1
        found, unsure = _from_body(act.body, ln.no, context, alone=True)
        return found, unsure, idx + 1
    fus: list[ExtractedFollowUp] = []
    uns: list[Uncertainty] = []
    # "Action by:" over officers' names, one a line, under a decision: each line names who is to
    # act on the decision before it, not a task of its own
    owners = bool(_OWNER_LIST_LABEL_RE.match(ln.m))
    context = decision_context(_sentences_of(previous)[-3:]) if owners and previous else None
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
        f, u = _from_body(body, cur.no, context, alone=owners)
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
    if not words or len(words) > 16 or not t[:1].isupper() or _VERB_WORD_RE.search(t):
        return False
    if re.search(r"\bin\s+the\s+chair\b", t, re.I):
        return False
    return bool(_ROLE_RE.search(t)) or (adjacent and owner_only(body, alone=True))


def _owner_of(body: str, line: int, context: str) -> list[ExtractedFollowUp]:
    return [
        _follow(body.strip(" .;"), _LEADING_MARKER_RE.sub("", context.strip()), line, "action-line")
    ]


_OWNER_LIST_LABEL_RE = re.compile(r"^\W{0,3}\s*actions?\s+(?:by|owners?|lead)\s*[:\-]*\s*$", re.I)
# a sentence's end inside an action's text: a full stop, then a capital ("... campaign. Aim -")
_TASK_SENTENCE_END_RE = re.compile(r"(?<=[a-z0-9)][.!?])\s+(?=[A-Z])")
# "Anne to put dates ...", "Esther and Carolyn to go ...": a sentence that opens with who acts
_DIRECTIVE_START_RE = re.compile(
    r"^(?:the\s+)?[A-Z][\w'\u2019\-]*(?:\s+(?:and|&|[A-Z][\w'\u2019\-]*)){0,4}"
    r"(?:\s+also)?\s+(?:is\s+|are\s+)?to\s+(?!be\b)[a-z]"
)
# "Jill also to tell the organisers": "also" is no part of the owner
_ALSO_RE = re.compile(r"\s+also$")
_SINGLE_LABEL_RE = re.compile(r"^\W{0,3}action\s*[:;\-\u2013]*\s*:?\s*$", re.I)
_HEADER_WORDS = {"agenda", "item", "items", "minute", "minutes", "no", "ref", "subject", "topic"}


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
        len(t.split()) <= 2 and (t.lower() in _HEADER_WORDS or header_role(t) is not None)
        for t in near
    )


# "seconded by C. Cuckson", "Cllr. Smith", "Mrs. Hart": a name's full stop ends no sentence
_NAME_STOP_RE = re.compile(r"(?:^|\s)(?:[A-Z]|Cllrs?|Mrs?|Ms|Dr|St|Rev|Prof)\.$")


def _split_sentences(text: str) -> list[str]:
    out: list[str] = []
    start = 0
    for m in re.finditer(r"(?<=[.!?])\s+(?=[A-Z])", text):
        if _NAME_STOP_RE.search(text[start : m.start()]):
            continue
        out.append(text[start : m.start()])
        start = m.end()
    out.append(text[start:])
    return out


def _last_sentence(text: str) -> str:
    parts = _split_sentences(collapse(text))
    return parts[-1] if parts else text


def _sentences_of(text: str) -> list[str]:
    # "Councillor D. Jones be elected ...": an initial's full stop does not end the sentence
    return [p for p in _split_sentences(collapse(text)) if p]


def inline_actions(
    ln: Line, previous: str | None, earlier: Sequence[str] = ()
) -> tuple[list[ExtractedFollowUp], list[Uncertainty], list[tuple[int, int]]]:
    """ "(Action: JS)" or "... . Action: Clerk to circulate." inside a prose line."""
    fus: list[ExtractedFollowUp] = []
    uns: list[Uncertainty] = []
    spans: list[tuple[int, int]] = []
    hits: list[tuple[re.Match[str], str]] = [
        (
            h,
            next(g for g in ("body", "body2", "body3", "body4", "body5") if h.group(g) is not None),
        )
        for h in INLINE_ACTION_RE.finditer(ln.m)
    ]
    if not hits:
        hits = [(h, "body") for h in _INITIALS_ACTION_RE.finditer(ln.m)]
    if not hits:
        hits = [(h, "body") for h in _GLUED_UPPER_ACTION_RE.finditer(ln.m)]
    if not hits:
        hits = [(h, "body") for h in _TO_ACTION_RE.finditer(ln.m)]
    alone = _INITIALS_ACTION_ALONE_RE.match(ln.m) if not hits else None
    if alone is not None and alone.group("body").lower() in _HEADER_WORDS:
        alone = None  # "ITEM ACTION": a table's header row, its columns named, not a label
    if alone is not None:  # "MT Action/agenda item." as a unit of its own
        before = " ".join(earlier)
        context = decision_context(_sentences_of(before)[-3:])
        if context:
            f, u = _from_body(alone.group("body"), ln.no, context)
            return f, u, [(0, len(ln.m))]
    for hit, grp in hits:
        body = ln.text[hit.start(grp) : hit.end(grp)]
        before = ln.text[max(0, hit.start() - 600) : hit.start()].strip()
        context = sentence_around(before, len(before) - 1, len(before), 600) if before else None
        decided = decision_context(_sentences_of(before)[-3:])
        if context and decided and _BARE_DECISION_RE.match(context.strip()):
            context = decided  # "... for the purchase. All agreed – action JB."
        if (
            decided
            and context
            and not _MEETING_DECIDED_RE.search(context)
            and _DECIDED_RE.search(decided)
        ):
            context = decided  # the action follows the decision that gave it, not a remark
        if not context and previous:
            context = _last_sentence(previous)
        if context:
            context = re.sub(r"\.{2,}$", ".", context)
        f, u = _from_body(body, ln.no, context)
        fus += f
        uns += u
        spans.append((hit.start(), hit.end()))
    return fus, uns, spans
