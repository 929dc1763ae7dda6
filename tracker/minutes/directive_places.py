"""Where a directive sits and whose it is when its row does not open with its owner: under a
label restating the last meeting's actions ("Actions from last meeting:", "Actions carried
forward"), under the body's decision lead-in ("... APPROVED the following:"), right under its
item's title; and the owner inside a flattened action-log row ("... - Argyll & Bute CHP to keep
Board informed"); and a numbered point of a record's item (not an agenda's running order). Split
from `directives` along that seam; `directives` reads the sentences."""

from __future__ import annotations

import re

from .directive_owners import _AGENDA_VERBS
from .object_owners import OBJECT_VERBS
from .owners import IMPERATIVES, is_agent
from .persons import _INITIALS_RE, _ROLE_RE
from .scoring import DECISION_LEAD_RE, prev_text
from .segment import Segmented

_OWNER_WORD = r"(?:[A-Z][\w&'\u2019\-./]*|&|of|and|for)"
# "Clerk to Chase.": a task's verb written with a capital
# one owner of a list: a name or title ("Sian", "Cllr Evans", "RFO"), not the meeting's audience
# ("Members and the Public to note ...": the agenda's business)
_LISTED = (
    r"(?!(?:Public|Members|Councillors|Everyone|All|Those)\b)"
    r"[A-Z][\w'\u2019\-.]*(?:\s+[A-Z][\w'\u2019\-.]*){0,2}"
)
_CAPITAL_VERB = "|".join(sorted(w.capitalize() for w in IMPERATIVES))
_DIRECTIVE_RE = re.compile(
    # "Head of highways to do a site visit": a role whose service is written in lower case
    r"^(?:the\s+)?(?P<owner>(?:Head|Director)\s+of\s+[a-z]{4,}(?=\s+to\s)|"
    # "JS, KP and LM to meet ...": initials listed, then the last after "and"
    r"[A-Z]{2,4}(?:\s*,\s*[A-Z]{2,4})+\s+(?:and|&)\s+[A-Z]{2,4}(?=\s+to\s)|"
    # "Sian, Diane and the Clerk to ...", "The Clerk and the Chair to ...": owners listed, each
    # a capitalised name or title (an article before it), the last after "and"
    rf"{_LISTED}(?:\s*,\s*(?:the\s+)?{_LISTED})*\s*,?\s+(?:and|&)\s+(?:the\s+)?{_LISTED}"
    r"(?=\s+to\s)|"
    rf"[A-Z][\w&'\u2019\-./]*(?:\s+{_OWNER_WORD}){{0,5}}?"
    # "Forum members to meet ...", "Board officers to ...": the body's members as a group
    r"(?:\s+(?:members|officers|councillors|trustees|directors|staff|office|team|partners|workers"
    r"|agencies|organisations|governors))?)"
    # "... the public and Councillors and to remind ...": "and to" goes on with the same subject
    r"(?<!\sand)(?<!\s&)(?<!\sof)(?<!\sfor)"
    rf"\s+(?:is\s+|are\s+)?to\s+(?P<verb>[a-z]+|(?:{_CAPITAL_VERB})(?=[\s.;,]|$))\b"
)

_BULLET_RE = re.compile(r"^[\u2022\u00b7\u25aa\u25cf*\u2013\-]\s+")


# a word that makes the capitalised words after it an object, not the subject of the row
_NOT_BEFORE_OWNER = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "for",
        "with",
        "by",
        "from",
        "in",
        "on",
        "at",
        "into",
        "about",
        "than",
        "via",
        "between",
    ]
)


def _log_owner(text: str) -> tuple[str, str] | None:
    """An owner and task inside a flattened action-log row: "... - Argyll & Bute CHP to keep
    Board informed", "... Organisations Director of Community Care to liaise with ..."."""
    for m in re.finditer(r"\s+to\s+(?=[a-z])", text):
        before = text[: m.start()]
        if text[m.end() :].startswith("be "):
            continue
        words = before.split()
        options = []
        for n in range(1, min(6, len(words)) + 1):
            owner_words = words[-n:]
            if not all(w[:1].isupper() or w in ("of", "and", "&", "for") for w in owner_words):
                break
            owner = " ".join(owner_words)
            if not owner[:1].isupper() or owner.lower().startswith(("the ", "a ")):
                continue
            options.append(owner)
        role = [o for o in options if _ROLE_RE.match(o)]
        agent = [o for o in options if is_agent(o) or _INITIALS_RE.match(o)]
        chosen = role or agent
        if not chosen:
            continue
        best = chosen[0]
        rest = words[: len(words) - len(best.split())]
        if rest and rest[-1].lower() in _NOT_BEFORE_OWNER | (OBJECT_VERBS - {"to"}):
            # "review of the LSP to accommodate ...", "the report allowed Members to consider
            # ...": an object, not who does it
            continue
        if len(rest) >= 2 and rest[-2] == "&" and rest[-1][:1].isupper() and len(rest) >= 3:
            best = f"{rest[-3]} & {rest[-1]} {best}"
        task = text[m.end() :]
        return best, task
    return None


_EARLIER_ACTIONS_RE = re.compile(
    r"^(?:review\s+of\s+)?actions?\s+(?:from|arising\s+from|of)\s+(?:the\s+)?"
    r"(?:last|previous|earlier)\s+meeting\b",
    re.I,
)


def _under_earlier_actions(seg: Segmented, i: int) -> bool:
    """The unit just before is the label "Actions from last meeting:" on its own, or an earlier
    unit of the same source line starts with it (a paragraph split into sentences)."""
    no = seg.lines[i].no
    k = i - 1
    while k >= 0 and not seg.lines[k].text:
        k -= 1
    if k >= 0 and (
        _EARLIER_ACTIONS_RE.match(seg.lines[k].text)
        and len(seg.lines[k].text.split()) <= 6
        or _CARRIED_FORWARD_RE.search(seg.lines[k].text)
    ):
        return True
    if _BULLET_RE.match(seg.lines[i].text):
        # "The following were actions at the last meeting:" over a bulleted list of them
        j, seen = k, 0
        while j >= 0 and seen < 15:
            t = seg.lines[j].text
            if t:
                if _EARLIER_LIST_LEAD_RE.search(t):
                    return True
                if not _BULLET_RE.match(t):
                    break
                seen += 1
            j -= 1
    stop = max(-1, k - 12)  # a paragraph, not a page flattened onto one line
    while k > stop and seg.lines[k].no == no:
        if _EARLIER_ACTIONS_RE.match(seg.lines[k].text):
            return True
        k -= 1
    return False


_EARLIER_LIST_LEAD_RE = re.compile(
    r"\bactions?\s+(?:at|from|of|arising\s+from)\s+(?:the\s+)?(?:last|previous|earlier)\s+"
    r"meeting\b[^.]{0,20}:-?\s*$",
    re.I,
)


# "The Governing Body APPROVED the following:": what follows is the content of the decision
_FOLLOWING_DECIDED_RE = re.compile(
    r"\b(?:approved|agreed|resolved|decided|endorsed)\s+the\s+following\s*:-?\s*$", re.I
)


def _under_decision_list(seg: Segmented, i: int) -> bool:
    """Is unit i one of a run of directive-like items under the body's decision lead-in ("The
    Governing Body APPROVED the following:" then "Governing Body to meet weekly ...")? A
    follow-up inside a decision is part of it, not a standalone action."""
    k, seen = i - 1, 0
    while k >= 0 and seen < 6:
        t = seg.lines[k].text.strip()
        if t:
            if "action" not in t.lower() and (
                _FOLLOWING_DECIDED_RE.search(t) or DECISION_LEAD_RE.match(t)
            ):
                return True
            if k in seg.headings or not _DIRECTIVE_RE.match(_BULLET_RE.sub("", t)):
                return False
            seen += 1
        k -= 1
    return False


# "Action carried forward from 20/08/14. MP to contact ...": the next sentence restates an
# earlier meeting's action
# (on a flattened page the words before it belong to the item's title: "MATTERS ARISING Action
# carried forward from 20/08/14.")
_CARRIED_FORWARD_RE = re.compile(
    r"\bactions?\s+(?:carried|brought|rolled)\s+(?:forward|over)"
    r"(?:\s+(?:from|since)\s+[^.]{1,30})?\.?$",
    re.I,
)


def _under_title(seg: Segmented, i: int) -> bool:
    """Whether unit `i` is the first text after an item's heading or title (a short line with
    no full stop: "Change of Political Administration - Impact")."""
    k = prev_text(seg.lines, i - 1) if i > 0 else None
    if k is None:
        return False
    title = seg.lines[k].text
    return k in seg.headings or (
        len(title.split()) <= 10 and title[-1] not in ".:;?!," and title[:1].isupper()
    )


def above_minutes_label(seg: Segmented, i: int) -> bool:
    """ "THE COMMUNITY SAFETY PARTNERSHIP STRATEGIC PLAN" / "The Director ... to provide a report
    ..." / "Minutes:": unit `i` is the item's description, which a published decision page prints
    between the item's title and its "Minutes:" label; what the meeting did follows the label."""
    k = next((k for k in range(i + 1, min(len(seg.lines), i + 4)) if seg.lines[k].text), None)
    return k is not None and bool(re.fullmatch(r"Minutes\s*:?", seg.lines[k].text.strip()))


# what an agenda's running order says someone will do at the meeting itself ("1. Jo Smith to
# give a presentation on the plan.", "6. Cllr Shaw to report on highways")
_AT_THE_MEETING_VERBS = _AGENDA_VERBS | {
    "give", "speak", "lead", "update", "attend", "brief", "explain", "outline", "declare", "chair",
}  # fmt: skip


def _record_point(seg: Segmented, i: int, sent: str, verb: str) -> bool:
    """Is unit `i` a whole sentence in a numbered list under an item of a page that records a
    meeting (not an agenda, not the item's own heading), setting a task for after it?"""
    return (
        verb not in _AT_THE_MEETING_VERBS
        and seg.kind.kind == "record"
        and not seg.agenda_page
        and i not in seg.agenda
        and i not in seg.headings
        and sent.rstrip().endswith(".")
        and len(sent.split()) >= 5
    )


# "CLERK TO CIRCULATE", "CHAIRMAN TO WRITE TO THE SCHOOL": a directive printed in capitals
_CAPITALS_DIRECTIVE_RE = re.compile(
    r"^(?P<owner>[A-Z][A-Z&'\u2019./\-]*(?:\s+[A-Z][A-Z&'\u2019./\-]*){0,3}?)\s+TO\s+"
    r"(?P<verb>[A-Z]+)(?P<rest>(?:\s+[A-Z0-9][A-Z0-9&'\u2019,./\-]*){0,8})\s*\.?$"
)


def _in_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def capitals_directive(seg: Segmented, i: int) -> str | None:
    """Unit `i` as "Clerk to circulate" when it is "CLERK TO CIRCULATE" on its own line: a
    role or body, "TO" and an imperative, in capitals, after a sentence of the minute and
    with no text under it before the next heading (a heading "CLERK TO REPORT" has its report
    under it)."""
    text = seg.lines[i].text.strip()
    cm = _CAPITALS_DIRECTIVE_RE.match(text)
    if cm is None or i in seg.headings or cm.group("verb").lower() not in IMPERATIVES:
        return None
    # a role or a body, not initials (in capitals "ALL" or "AOB" reads as initials)
    cased = cm.group("owner").title()
    if not (_ROLE_RE.search(cased) or is_agent(cased)):
        return None
    k = prev_text(seg.lines, i - 1)
    if k is None or _in_capitals(seg.lines[k].text):
        return None  # not under a sentence of the minute: a heading
    nk = next((j for j in range(i + 1, len(seg.lines)) if seg.lines[j].text), None)
    if nk is not None and not _in_capitals(seg.lines[nk].text) and nk not in seg.headings:
        return None  # text under it: it heads that text
    return f"{cased} to {(cm.group('verb') + cm.group('rest')).lower()}"
