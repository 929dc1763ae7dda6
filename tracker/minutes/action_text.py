"""One action's text read into follow-ups: "<owner> to <task>", owners in capitals before a colon,
initials then the task, an owner-only label that takes its task from the sentence before, and the
texts that are no action ("None", a status such as "Complete", a reported undertaking)."""

from __future__ import annotations

import re

from .models import ExtractedFollowUp, Uncertainty
from .owner_labels import OWNER_NOTE_RE, own_directive
from .owners import IMPERATIVES, split_owner, tidy_text
from .persons import _somebody
from .text import find_due

# "ACTION JOHN/DODIE: arrange quotes ...": the owners in capitals between the marker and a
# colon, then the task (not a label's own words: "ACTION POINTS:", "ACTION REQUIRED:")
CAPS_OWNERS_RE = re.compile(
    r"^(?P<owner>[A-Z][A-Z'\u2019\-]{1,14}(?:\s*(?:/|&|,|and)\s*[A-Z][A-Z'\u2019\-]{1,14}){0,4})"
    r"\s*:\s*(?P<task>\S.*)$"
)


# "Action: Director of Nursing – provide an update ...", "ACTION: BM/JT – circulate the paper":
# the owner, a dash, then the task opening with its verb
_OWNER_DASH_TASK_RE = re.compile(
    r"^(?P<owner>[A-Z][\w'\u2019&/,. ]{1,60}?)\s+[\u2013\u2014\-]\s+(?P<task>(?P<verb>[A-Za-z]+)\b.*)$"
)

_LABEL_WORDS = frozenset(
    re.split(
        r"\s+",
        "POINT POINTS LOG LOGS PLAN PLANS REQUIRED ITEM ITEMS NOTE NOTES BY OWNER OWNERS LEAD "
        "AGREED NEW DUE STATUS DATE TAKEN ARISING UPDATE UPDATES SUMMARY LIST",
    )
)


# (or only its number, its title cut into the next unit: "Action: All Councillors. 13.")
# (or only its number, its title cut into the next unit: "Action: All Councillors. 13."; or a
# numbered paragraph: "... Action – All members. 4.3 Newsletter ...")
_NEXT_ITEM_GLUED_RE = re.compile(
    r"(?<=[.!?])\s+(?:\d{1,3}\.(?:\s?[A-Z\u2018'\"(]|\s*$)|\d{1,3}\.\d{1,2}\s+[A-Z])"
)
# "Action: Clerk 6. AOB None.": an owner alone, then the next item's number and title
_OWNER_THEN_ITEM_RE = re.compile(
    r"^(?P<owner>[A-Z][\w'\u2019\-]{1,20}(?:\s*[/,&]\s*[A-Z][\w'\u2019\-]{1,20}){0,3})"
    r"\s+\d{1,3}\.\s+[A-Z]"
)


VERB_WORD_RE = re.compile(
    r"\b(?:to|will|would|should|shall|be|is|are|was|were|has|have|had|please)\b", re.I
)


_NAME_WORD_RE = re.compile(
    r"^(?:[A-Z][\w'\u2019\-]*\.?|[A-Z]{2,5}(?:/[A-Z]{2,5})*|and|&|of|for|the)$"
)


LEADING_MARKER_RE = re.compile(r"^\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-z]|[ivx]{1,4})[.)]\s+")


_INITIALS_RE = re.compile(r"^[A-Z]{2,4}$")
# "All members", "all Councillors", "All Board members", "Everyone": a collective owner, its noun
# in lower case
_COLLECTIVE_RE = re.compile(
    r"^(?:all(?:\s+(?:[A-Z][\w-]*\s+)?(?:members|councillors|trustees|governors|directors|partners"
    r"|officers|attendees|present|staff|representatives|reps))?|everyone|everybody)$",
    re.I,
)


def owner_only(body: str, alone: bool = False) -> bool:
    """Does the action's text name only who is to act ("Clerk", "(Action: JS)", "Action: Clerk.",
    "Action; all councillors, GP" on a line of its own)?"""
    t = body.strip().rstrip(" .;:")
    words = t.replace(",", " ").replace("/", " ").split()
    if 0 < len(words) <= 6 and all(_INITIALS_RE.match(w) for w in words):
        return True  # "Action BE, SH, GW": initials, though "BE" spells a verb
    if not words or len(words) > 6 or VERB_WORD_RE.search(t):
        return False
    if len(words) > 1 and words[0].lower() in IMPERATIVES:
        return False  # "Discuss at next meeting": a task with nobody named, not an owner
    if body.rstrip().endswith("."):  # "Action: Clerk." - a name and a full stop, not a task
        if _COLLECTIVE_RE.match(t):
            return True  # "Action – All members.": everyone present acts
        return len(words) <= 3 and all(_NAME_WORD_RE.match(w) for w in words)
    # "Action by: the Clerk": the article before a capitalised owner
    return t[:1].isupper() or alone or bool(re.match(r"the\s+[A-Z]", t))


_NONE_RE = re.compile(r"(?:none|nil|n/?a|no\s+(?:new\s+|further\s+)?actions?)\b\W*$", re.I)


# "Action: Noted.", "ACTION: For information", "Action: None required.", "Actions: there were no
# new actions.": what the item came to when nobody is to act
_NO_TASK_RE = re.compile(
    r"^(?:(?:all|[A-Z]{2,4}|[A-Z][a-z]+)\s*[-\u2013,:]\s*)?"  # "All – for information"
    r"(?:as\s+above|see\s+(?:item|minute|above|below|\d)[^;]{0,30}"  # written elsewhere
    r"|noted|to\s+note|for\s+(?:information|info|noting|the\s+record)|information\s+only"
    r"|(?:none|no\s+(?:further\s+)?action)\s+(?:required|needed)|not\s+required"
    r"|there\s+(?:were|are|was|is)\s+no\s+(?:new\s+|further\s+)?actions?(?:\s+\w+){0,3})\W*$",
    re.I,
)


# "Action: Complete" in a decision log: the action's status, not who is to act
# "Action: Financial Regulations 2021 adopted", "ACTION - Budget for 2026 approved": the marker
# over a thing and what was decided about it; nobody is named to act
_DECIDED_THING_RE = re.compile(
    r"^(?P<thing>(?:the\s+)?[A-Z0-9][\w'\u2019&/\-]*(?:\s+[\w'\u2019&/\-]+){0,7}?)\s+"
    r"(?:(?:was|were|has\s+been|have\s+been)\s+)?"
    r"(?:formally\s+|unanimously\s+)?(?:adopted|approved|ratified|passed)"
    r"\W*$"
)


_STATUS_RE = re.compile(
    r"^(?:completed?|done|closed|ongoing|open|in\s+progress|on\s+hold|outstanding|pending"
    r"|superseded|deferred|carried\s+forward|tbc|tba|withdrawn|cancell?ed|not\s+needed)\s*[.;]?$",
    re.I,
)


_STATUS_WORDS = (
    r"(?:completed?|done|closed|ongoing|open|in\s+progress|on\s+hold|outstanding|pending)"
)
# "Action: Clerk - Complete", "Action: Ongoing - Clerk", "Action: ongoing (Clerk)": an owner
# with the action's status
_OWNER_STATUS_RE = re.compile(
    rf"^(?:{_STATUS_WORDS}\s*(?:[-\u2013:,]\s*(?P<owner>[^-\u2013:,()]+?)|\((?P<owner3>[^()]+?)\))"
    rf"|(?P<owner2>[^-\u2013:,(]+?)\s*(?:[-\u2013:,]|\()\s*{_STATUS_WORDS}\)?)\s*\.?$",
    re.I,
)


# "Action: Next agenda", "Action: Agenda item", "ACTION: for the next meeting"
_AGENDA_PLACE_RE = re.compile(
    r"^(?:(?:for|on|to)\s+(?:the\s+)?)?(?:(?:next|future|following)\s+(?:agenda|meeting)"
    r"(?:\s+item)?|agenda\s+item)\W*$",
    re.I,
)
_DATE = (
    r"\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?\s+\d{4}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}"
    r"|[A-Z][a-z]{2,8}\s+\d{4}"
)
# "MB by 30 June 2024", "Clerk - 14/03/2025", "JB (end of May 2024)": an owner, then the due date
_OWNER_DUE_RE = re.compile(
    rf"^(?P<owner>[^()]+?)\s*(?:\s(?:by|before)\s+|[-\u2013,]\s*|\()\s*"
    rf"(?P<date>(?:end\s+of\s+)?(?:{_DATE}))\)?\s*\.?$"
)


# "Action: Clerk/Webmaster Standing Orders were suspended.": on a flattened page the owners,
# joined by "/", run into the next sentence; the owners alone are the label
_SLASHED_OWNERS_GLUED_RE = re.compile(
    r"^(?P<owner>[A-Z][\w'\u2019\-]*(?:\s*/\s*[A-Z][\w'\u2019\-]*)+)\s+(?=[A-Z][a-z])"
    # "Chair/Vice Chair to write ...": the next word ends the owner, a directive follows
    r"(?![A-Z][\w'\u2019\-]*\s+to\s+[a-z])"
)


# "Action: JMItem 18c: ...": on a flattened page the owner's initials run into the next item's
# label; the owner is the initials alone
_GLUED_LABEL_RE = re.compile(r"^(?P<owner>[A-Z]{2,4})(?=(?:Item|Minute|Agenda|Matters)\b)")


# "Action: To be completed by the Business Manager by end of April.", "ACTION - to be actioned
# by Jane Smith": the marker's own words say who is to act (in the "by" phrase) and by when;
# the task is the sentence before it, as under an owner-only label
_DONE_BY_RE = re.compile(
    r"^(?i:to\s+be\s+(?:completed|actioned|done|undertaken|progressed|led|carried\s+out"
    r"|taken\s+forward|followed\s+up|picked\s+up|taken)\s+by)\s+"
    r"(?P<owner>(?:[Tt]he\s+)?(?:[A-Z][\w'\u2019\-]*\.?|[A-Z]{2,5})"
    r"(?:\s+(?:[A-Z][\w'\u2019\-]*\.?|and|&|of|for)|\s*/\s*[A-Z][\w'\u2019\-]*){0,5})"
    r"(?:\s*,?\s+(?:by|before|no\s+later\s+than|in)\s+(?P<when>[^.;]+?))?\s*[.;]?\s*$"
)


def action_followup(
    owner: str, text: str, line: int, source: str, due: str | None = None
) -> ExtractedFollowUp:
    t = tidy_text(text)
    return ExtractedFollowUp(owner.strip(), t, None, line, source, due or find_due(t))


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


# "It was agreed that the Clerk would write ...", under an action marker
_AGREED_WOULD_RE = re.compile(
    r"^(?i:it\s+was\s+(?:also\s+)?agreed\s+that)\s+(?P<owner>(?:[Tt]he\s+)?(?:[A-Z][\w'\u2019\-]*"
    r"|[A-Z]{2,4})(?:\s+(?:[A-Z][\w'\u2019\-]*|and|&)){0,3})\s+(?:would|will|should|is\s+to)\s+"
    r"(?P<task>(?!be\b)[a-z].*)$"
)


# a sentence's end inside an action's text: a full stop, then a capital ("... campaign. Aim -")
_TASK_SENTENCE_END_RE = re.compile(
    r"(?<=[a-z0-9)][.!?])\s+(?=[A-Z])"
    # "Secretary to write to the council; Chair to contact the MSP.": a second directive after a
    # semicolon, naming who does it
    r"|;\s+(?=(?:the\s+)?[A-Z][\w'\u2019\-]*(?:\s+(?:and|&|[A-Z][\w'\u2019\-]*)){0,4}"
    r"\s+(?:is\s+|are\s+)?to\s+(?!be\b)[a-z])"
)


# "Anne to put dates ...", "Esther and Carolyn to go ...": a sentence that opens with who acts
_DIRECTIVE_START_RE = re.compile(
    r"^(?:the\s+)?[A-Z][\w'\u2019\-]*(?:\s+(?:and|&|[A-Z][\w'\u2019\-]*)){0,4}"
    r"(?:\s+also)?\s+(?:is\s+|are\s+)?to\s+(?!be\b)[a-z]"
)


# "Jill also to tell the organisers": "also" is no part of the owner; nor is when they will act
# ("Angela /Mike on his return to issue ...", "JB on her return from leave to ...")
_ALSO_RE = re.compile(
    r"\s+also$|\s+(?:on|upon|after|before|following)\s+(?:his|her|their)\s+[a-z][^A-Z]*$"
)


_REPORTED_LEAD_RE = re.compile(
    # advice naming who should act; "It was agreed that X would ..." keeps its earlier reading
    r"^it\s+was\s+(?:also\s+|further\s+)?(?:advised|suggested|recommended)\s+that\s+(?=\S)",
    re.I,
)


def read_action_body(
    body: str, line: int, context: str | None, source: str = "action-line", alone: bool = False
) -> tuple[list[ExtractedFollowUp], list[Uncertainty]]:
    """One action sentence; `context` is the sentence/paragraph the action refers to."""
    # "Action: GS to update council ... received. 5.Ratification of the ...": a flattened
    # page goes on with the next numbered item; the action ends with its sentence
    nm = _NEXT_ITEM_GLUED_RE.search(body)
    if nm:
        body = body[: nm.start()]
    # "Action: It was advised that the PC should meet ...": the advice names who acts
    rm = _REPORTED_LEAD_RE.match(body)
    named = split_owner(body[rm.end() :]) if rm else None
    if rm and named and re.search(r"\b[A-Z]", named[0]):  # "the PC", not "the newsletter"
        body = body[rm.end() :]
    nb = OWNER_NOTE_RE.match(body.strip()) if context else None
    if (
        nb
        and len(nb.group("note").split()) >= 3
        and owner_only(nb.group("owner"))
        and find_due(nb.group("note")) is None
    ):
        body = nb.group("owner")  # the note says what else happened; not the task
    om = _OWNER_THEN_ITEM_RE.match(body) if context else None
    if om:
        body = om.group("owner")
    if _NONE_RE.match(body):
        return [], []
    if _STATUS_RE.match(body.strip()):
        why = f"the action gives a status ('{body.strip()}'), not who is to act; not taken"
        return [], [Uncertainty(line, body, why)]
    if _NO_TASK_RE.match(body.strip()):
        why = f"the action says nobody is to act ('{body.strip()}'); not taken"
        return [], [Uncertainty(line, body, why)]
    tm = _DECIDED_THING_RE.match(body.strip())
    # not "Action: JB approved" (initials: who approved it, the task above)
    if tm and not re.fullmatch(r"[A-Z]{2,4}", tm.group("thing")) and " to " not in tm["thing"]:
        why = (
            f"the action reports what was decided ('{body.strip()}'), not who is to act; not taken"
        )
        return [], [Uncertainty(line, body, why)]
    sm = _OWNER_STATUS_RE.match(body.strip())
    who = (sm.group("owner") or sm.group("owner2") or sm.group("owner3") or "") if sm else ""
    if sm and context and owner_only(who, alone):
        body = who or body  # its status aside
    if _AGENDA_PLACE_RE.match(body.strip()):
        # "Action: Next agenda": where the matter goes next, with nobody named to take it there
        why = "the action says where the matter goes next, and names nobody to act"
        return [action_followup("", body, line, source)], [Uncertainty(line, body, why)]
    dm = _OWNER_DUE_RE.match(body.strip())
    if dm and context and owner_only(dm.group("owner"), alone):
        # "Action: MB by 30 June 2024": who acts and by when; the task is the text before
        due = find_due(dm.group("date")) or find_due("by " + dm.group("date"))
        task = LEADING_MARKER_RE.sub("", context.strip())
        why = "the action names only an owner and a date; its text was taken from the sentence before it"
        return [action_followup(dm.group("owner").strip(" .;"), task, line, source, due)], [
            Uncertainty(line, body, why)
        ]
    bm = _DONE_BY_RE.match(body.strip())
    if bm and context:
        task = LEADING_MARKER_RE.sub("", context.strip())
        due = find_due("by " + bm.group("when")) if bm.group("when") else None
        why = (
            "the action names who is to complete it; its text was taken from the sentence before it"
        )
        return [
            action_followup(
                re.sub(r"^[Tt]he\s+", "", bm.group("owner")).strip(" .;"), task, line, source, due
            )
        ], [Uncertainty(line, body, why)]
    od = _OWNER_DASH_TASK_RE.match(body.strip())
    if od and od.group("verb").lower() in IMPERATIVES and _somebody(od.group("owner").strip()):
        return [action_followup(od.group("owner").strip(), od.group("task"), line, source)], []
    gm = _GLUED_LABEL_RE.match(body) or _SLASHED_OWNERS_GLUED_RE.match(body.strip())
    if gm and context:
        body = gm.group("owner")
    cm = CAPS_OWNERS_RE.match(body.strip())
    if cm and not set(re.split(r"[\s/&,]+", cm.group("owner"))) & _LABEL_WORDS:
        return [action_followup(cm.group("owner"), cm.group("task"), line, source)], []
    split = split_owner(body)
    if split and (_FINITE_VERB_RE.search(split[0]) or _DONE_INSIDE_RE.search(split[0])):
        # "Action: The Clerk wrote to the county on 3 May.": what was done, not who is to act
        why = "a record of what was done ('" + split[0] + " ...'), not a task; not taken"
        return [], [Uncertainty(line, body, why)]
    if split:
        # "Anne to research the campaign. Aim - to combine ... . Anne to put dates ...": the
        # task is its own sentence; a further sentence naming who does it is their action
        first, *rest = _TASK_SENTENCE_END_RE.split(split[1])
        found = [
            action_followup(_ALSO_RE.sub("", split[0]), first if rest else split[1], line, source)
        ]
        for more in rest:
            ms = split_owner(more)
            if ms and _DIRECTIVE_START_RE.match(more):
                found.append(action_followup(_ALSO_RE.sub("", ms[0]), ms[1], line, source))
        return found, []
    im = _INITIALS_FIRST_RE.match(body.strip())
    if im and not _PASSIVE_WORDS_RE.search(body):
        # "ACTION – AW agenda item for next meeting.": the owner's initials, then the task
        return [action_followup(im.group("owner"), im.group("task"), line, source)], []
    am = _AGREED_WOULD_RE.match(body.strip())
    if am:
        # "Action – It was agreed that the Clerk would write ...": the marker makes the
        # decision an action; its owner is who it names (not an undertaking: batch 8)
        return [action_followup(am.group("owner"), am.group("task"), line, source)], []
    if not context and _REPORTED_UNDERTAKING_RE.match(body.strip()):
        why = "reports an undertaking ('it was agreed that ... would ...') and names nobody to act"
        return [], [Uncertainty(line, body, why + "; not taken")]
    if context and owner_only(body, alone):
        # "ACTION: Clerk" / "(Action: JS)" - an owner only; the task is the text before
        context = LEADING_MARKER_RE.sub("", context.strip())
        context = own_directive(context, body) or context
        return [action_followup(body.strip(" .;"), context, line, source)], [
            Uncertainty(
                line,
                body,
                "the action names only an owner; its text was taken from the sentence before it",
            )
        ]
    first = body.strip().split()[0].lower() if body.strip() else ""
    if _RECORD_RE.search(body.strip()) and not _MODAL_RE.search(body) and first not in IMPERATIVES:
        why = "a record of what was done or noted, with nobody to act; not taken"
        return [], [Uncertainty(line, body, why)]
    cut = _CUT_CLAUSE_RE.match(body.strip())
    if cut and not VERB_WORD_RE.search(cut.group("rest")) and len(cut.group("rest").split()) <= 4:
        why = "the clause was cut (by the page's end) before it says what is to be done; not taken"
        return [], [Uncertainty(line, body, why)]
    return [action_followup("", body, line, source)], [
        Uncertainty(line, body, "an action with no owner that could be read (no '<owner> to ...')")
    ]


# an owner-less marker over a record: "It was noted that the roof had been repaired.", "The bench
# has been repaired.", "Chair noted.", "bins ordered. Closed." (an earlier action's status)
_RECORD_RE = re.compile(
    r"^it\s+was\s+(?:noted|reported|confirmed|explained)\s+that\b"
    r"|\b(?:has|have|had)\s+been\s+[a-z]+(?:ed|en|t)\b"
    r"|^(?:the\s+)?[A-Z][\w'\u2019\-]*(?:\s+[A-Z][\w'\u2019\-]*){0,3}\s+"
    r"(?:noted|agreed|reported|confirmed|explained)\W*$"
    rf"|[.;]\s*{_STATUS_WORDS}\W*$",
    re.I,
)
_MODAL_RE = re.compile(r"\b(?:should|will|would|must|shall|needs?\s+to|to\s+be)\b", re.I)
# "The Clerk wrote": a verb in the past before " to ", so the words are no owner
_FINITE_VERB_RE = re.compile(
    r"\s(?:wrote|spoke|sent|met|went|gave|took|had|has|have|was|were|said|told|did|made"
    # "those interested", "all concerned": a word in -ed that describes who, not what was done
    r"|(?!(?:interested|concerned|involved|affected|named|listed|appointed|elected|nominated"
    r"|mentioned|designated|responsible)$)[a-z]+ed)$"
)


# "ACTION 1. AGENDA ITEM 1: WELCOME 1.1 The Chair welcomed everyone to ...": a verb done and more
# words before " to ": a sentence of the minutes (a column's header glued to it), no owner
_DONE_INSIDE_RE = re.compile(
    r"\s(?!(?:interested|concerned|involved|affected|named|listed|appointed|elected|nominated"
    r"|mentioned|designated)\b)[a-z]{3,}ed\s+\S"
)


# "Action – It was agreed that the secretariat": the stored copy ended inside the clause
_CUT_CLAUSE_RE = re.compile(
    r"^it\s+was\s+(?:also\s+)?(?:unanimously\s+)?(?:agreed|decided|resolved)\s+that\s+"
    r"(?P<rest>[^.;:]*\w)$",
    re.I,
)
