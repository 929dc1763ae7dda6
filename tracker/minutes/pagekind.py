"""What kind of page this is: a record of a meeting, or a page that records no decision at all
(an agenda, an officer's report to a meeting, terms of reference, a forward plan, a briefing
note). On a page that is not a record, what reads like a decision is what the page proposes or
describes ("It is recommended that the Committee: (a) approve ...", "There will be a proposer, a
seconder and then a vote"), so the scoring stage leaves every candidate for review and says why
("page reads as a report: 'Background', 'Recommendation'").

A page is a record as soon as anything on it shows a meeting was held or minuted: attendance
("Present:", "Apologies were received"), a "Minutes:" label, a title "Minutes of ...", a
decision keyword opening a line ("RESOLVED", "Agreed:"), or the meeting's body reported in the
past tense ("The Board considered ...", "It was agreed ..."). Only a page with none of these is
judged by its other signs, so real minutes that quote a report's recommendations keep their
decisions."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .scoring import BODY
from .text import Line

# Signs that a meeting was held and minuted ---------------------------------------------------
_HELD_RE = re.compile(
    r"^(?:present|in\s+attendance|attendees|members\s+present|also\s+present"
    r"|councillors\s+present|apologies(?:\s+for\s+absence)?\s*(?::|-|\u2013)?\s*(?:were|was|had|from)"
    r")\b"
    r"|\bapologies\s+(?:for\s+absence\s+)?(?:were|was|had\s+been)\s+(?:received|given|noted|"
    r"submitted|tendered)"
    r"|\bno\s+apologies\b|\bthe\s+meeting\s+(?:closed|ended|finished|was\s+closed)\b"
    r"|\bmeeting\s+(?:closed|ended)\s+at\b|\bchair(?:man|person)?\s+welcomed\b",
    re.I,
)
_MINUTES_LABEL_RE = re.compile(r"^minutes\s*:", re.I)
# "Minutes of the meeting ...", "BROAD TOWN PARISH COUNCIL MINUTES OF THE MEETING HELD ...";
# not the agenda's "4. To approve the minutes of the meeting held on ..."
_MINUTES_TITLE_RE = re.compile(
    r"^(?!\d|to\b)(?:[\w&'\u2019,-]+\s+){0,8}?(?:minutes|notes|action\s+notes)\s+of\s+"
    r"(?:the|a|an)\b",
    re.I,
)
_KEYWORD_LINE_RE = re.compile(
    r"^(?:\(?\d{1,3}(?:\.\d{1,3})*[.)]?\s+)?(?:(?:it\s+was\s+)?(?:unanimously\s+)?"
    r"(?:resolved|resovled|agreed|decided)\b|decisions?\s*(?:made\s*)?[:\u2013\-])",
    re.I,
)
_REPORTED_RE = re.compile(
    rf"\b(?:the\s+(?:{BODY})|members|councillors)\s+(?:then\s+|also\s+|further\s+)?"
    r"(?:considered|received|noted|discussed|agreed|resolved|decided|heard|welcomed|thanked|"
    r"was\s+(?:informed|advised|told|updated|given)|were\s+(?:informed|advised|told|updated))\b"
    r"|\bit\s+was\s+(?:(?:unanimously|also|further)\s+)?(?:agreed|resolved|decided|noted|"
    r"reported|proposed|moved|confirmed)\b"
    r"|\b(?:proposed|moved)\s+by\b[^.]{0,80}\bseconded\b"
    # the discussion minuted: "Ann James presented this report", "A member asked ...", "The
    # officer explained that ..."
    r"|\bpresented\s+(?:this|the)\s+(?:report|item|paper)\b"
    r"|\b(?:a\s+member|a\s+councillor|the\s+chair(?:man|person)?)\s+asked\b"
    r"|\b(?:members|councillors)\s+asked\s+(?:whether|if|about|how|what|why|when|questions?)\b"
    r"|\b(?:officer|chair(?:man|person)?|director|clerk|manager)\s+(?:explained|advised|reported|"
    r"confirmed|informed)\b"
    r"|\bit\s+was\s+(?:suggested|explained|questioned|asked|highlighted)\b",
    re.I,
)

# Signs of a page that records no decision ----------------------------------------------------
_REPORT_HEADINGS = (
    ("purpose of (?:the |this )?report", "'Purpose of report'"),
    ("executive summary", "'Executive summary'"),
    ("background(?: information)?", "'Background'"),
    ("recommendations?(?: for decision)?", "'Recommendation'"),
    (
        "(?:financial|legal|resource|staffing|equalit(?:y|ies)|risk|policy|legal and financial)"
        r"(?:\s+\w+)?\s+implications",
        "'... implications'",
    ),
    ("implications", "'Implications'"),
    ("report (?:author|by|title|of the)", "'Report by'"),
    ("(?:contact|lead|responsible) officers?", "'Contact officer'"),
    ("background papers", "'Background papers'"),
    ("wards? affected", "'Wards affected'"),
    ("key decision", "'Key decision'"),
    ("final decision[\\s-]maker", "'Final decision-maker'"),
    ("reasons? for (?:the )?recommendations?", "'Reasons for recommendation'"),
    ("options (?:considered|appraisal|available)", "'Options considered'"),
    ("risk management", "'Risk management'"),
    ("action required", "'Action required'"),
)
_HEADING_NAMES = frozenset(n for _, n in _REPORT_HEADINGS)
_REPORT_HEADING_RES = [
    (re.compile(rf"^(?:\d{{1,2}}(?:\.\d{{1,2}})?\.?\s+)?(?:{p})\b\s*(?:[:\u2013\-]|$)", re.I), n)
    for p, n in _REPORT_HEADINGS
]
# a flattened report: "... 1. RECOMMENDATION It is recommended ... 2. BACKGROUND The council's"
# (the heading in capitals, numbered or opening a unit the segmenter cut there, then its text)
_REPORT_HEADING_INLINE_RES = [
    (re.compile(rf"(?:^|\s\d{{1,2}}\.\s+)(?P<h>{p})\s+(?-i:[A-Z])", re.I), n)
    for p, n in _REPORT_HEADINGS
]
# any of the headings anywhere in a unit: a unit without one cannot match the two lists above,
# so a page of many short units is not tried against each of them
_ANY_HEADING_RE = re.compile("|".join(f"(?:{p})" for p, _ in _REPORT_HEADINGS), re.I)
_REPORT_WORDS_RE = re.compile(
    r"\b(?:this|the\s+purpose\s+of\s+this)\s+(?:report|paper)\b"
    r"|\b(?:is|are)\s+(?:asked|invited|requested|recommended)\s+to\s+(?:note|approve|agree|"
    r"consider|endorse|comment|receive|discuss|support|review)\b"
    r"|\bit\s+is\s+recommended\s+that\b|\breport\s+by\s+the\b|\breport\s+no\.?\s*\d",
    re.I,
)
# an agenda without "Agenda" in its title: its business set out for the meeting to transact
_AGENDA_SIGNS = (
    (r"\bbusiness\s+to\s+be\s+(?:transacted|considered)\b|\bthe\s+business\s+(?:set\s+out|"
     r"on\s+the\s+following)|\bnote\s+of\s+the\s+business\b", "'business to be transacted'"),
    (r"\b(?:you\s+are|members\s+are|councillors\s+are)\s+(?:hereby\s+)?(?:summoned|invited|"
     r"requested)\s+to\s+attend\b", "'you are invited to attend'"),
    (r"\bmeeting\s+(?:of\s+[^.]{3,80}?\s+)?will\s+(?:take\s+place|be\s+held)\b",
     "'a meeting will take place'"),
    (r"\bnotices?\s+of\s+motions?\b|\bto\s+move\s*:", "'notice of motion'"),
)  # fmt: skip
_AGENDA_SIGN_RES = [(re.compile(p, re.I), n) for p, n in _AGENDA_SIGNS]
# a word each sign cannot match without (case folded)
_AGENDA_SIGN_WORDS = (("business",), ("attend",), ("will",), ("motion", "move"))
_AGENDA_TO_RE = re.compile(
    r"^(?:\(?[a-z0-9]{1,3}(?:\.\d{1,3})*[.):]?\s+)?to\s+(?:receive|approve|consider|note|agree|"
    r"confirm|elect|appoint|discuss|review|adopt|resolve)\b",
    re.I,
)
_TOR_TITLE_RE = re.compile(r"\bterms\s+of\s+reference\b|\btor\b", re.I)
_TOR_PART_RE = re.compile(
    r"^(?:[A-Z0-9]{1,2}[.)]?\s+)?(?:membership|quorum|quoracy|role|purpose|aims|"
    r"(?:frequency\s+of\s+)?meetings|accountability|reporting|voting|chair(?:ing)?|review|"
    r"constitution|composition|responsibilities|when\s+is\s+a\s+meeting\s+quorate)\b",
    re.I,
)
_FORWARD_PLAN_RE = re.compile(r"\bforward\s+plan\b|\bwork\s+programme\b|\bplan\s+of\s+key\b", re.I)
_KEY_DECISION_RE = re.compile(r"\bkey\s+decisions?\b|\bdecision\s+maker\b|\bdecision\s+due\b", re.I)
# the columns of a strategy's or service's action plan: what is planned, by whom, by when and
# how it is measured; an action log of a meeting has "Minute", "Owner", "Due" instead
_PLAN_COLUMN_RE = re.compile(
    r"^(?:objectives?|outcomes?|targets?|milestones?|resources?(?:\s+(?:allocated|required))?|"
    r"timescales?|time\s*frame|success\s+(?:measures?|criteria)|performance\s+(?:indicators?|"
    r"measures?)|kpis?|(?:delivery\s+)?led\s+by|lead\s+(?:officer|organisation|agency|partner)s?|"
    r"rag(?:\s+status)?|priority|expected\s+outcomes?|key\s+actions?)$",
    re.I,
)
_PLAN_TITLE_RE = re.compile(r"\b(?:action|delivery|improvement|implementation)\s+plan\b", re.I)
_BRIEFING_RE = re.compile(r"\bbriefing\s+(?:note|paper)\b", re.I)


@dataclass(frozen=True)
class PageKind:
    """What the page reads as, and the signs it was judged on, in words."""

    kind: str  # "record" | "agenda" | "report" | "terms of reference" | "forward plan" | ...
    signs: tuple[str, ...] = ()

    @property
    def decides(self) -> bool:
        """Whether the page can hold a meeting's decisions at all."""
        return self.kind == "record"

    def reason(self) -> str:
        article = "an" if self.kind[0] in "aeiou" else "a"
        return f"page reads as {article} {self.kind}, not minutes: " + ", ".join(self.signs[:3])


RECORD = PageKind("record")


def shows_attendance(lines: Sequence[Line]) -> bool:
    """Whether the page lists who attended or sent apologies: a meeting was held, whatever
    reports its items received ("The survey report of the buildings ...")."""
    return any(_HELD_RE.search(ln.m) for ln in lines if ln.text)


def page_kind(lines: Sequence[Line], agenda: bool) -> PageKind:
    """The page's kind; `agenda` is the segmenter's verdict that its title or summons makes it
    an agenda with nothing to show a meeting was held."""
    texts = [ln for ln in lines if ln.text]
    if not texts:
        return RECORD
    for k, ln in enumerate(texts):
        if (
            _HELD_RE.search(ln.m)
            or _MINUTES_LABEL_RE.match(ln.m)
            or (k < 6 and _MINUTES_TITLE_RE.search(ln.m))
            or _KEYWORD_LINE_RE.match(ln.m)
            or _REPORTED_RE.search(ln.m)
        ):
            return RECORD
    if agenda:
        return PageKind("agenda", ("its title or summons calls it an agenda",))
    # each sign needs its word somewhere on the page: looked for once, not in every unit
    page = "\n".join(ln.m for ln in texts).casefold()
    said = [
        n
        for (rx, n), word in zip(_AGENDA_SIGN_RES, _AGENDA_SIGN_WORDS, strict=True)
        if any(w in page for w in word) and any(rx.search(ln.m) for ln in texts)
    ]
    items = sum(1 for ln in texts if _AGENDA_TO_RE.match(ln.m))
    if items >= 3:
        said.append(f"{items} items in 'To receive ...' form")
    if len(said) >= 2:
        return PageKind("agenda", tuple(said))
    columns = (
        sorted(
            {
                cell.strip().lower()
                for ln in texts
                for cell in re.split(r"\s*[|/\t\n]\s*|\s{3,}", ln.raw)
                if _PLAN_COLUMN_RE.match(cell.strip())
            }
        )
        if any(_PLAN_TITLE_RE.search(ln.m) for ln in texts)
        else []
    )
    if len(columns) >= 3:
        return PageKind("action plan", ("'Action plan'", *(f"'{c}' column" for c in columns)))
    head = " ".join(ln.m for ln in texts[:12])
    if _TOR_TITLE_RE.search(head):
        parts = sorted(
            {m.group(0).strip().lower() for ln in texts if (m := _TOR_PART_RE.match(ln.m))}
        )
        if parts:
            return PageKind(
                "terms of reference", ("'Terms of Reference'", *(f"'{p}'" for p in parts))
            )
    if _FORWARD_PLAN_RE.search(head) and any(_KEY_DECISION_RE.search(ln.m) for ln in texts):
        return PageKind("forward plan", ("'Forward Plan'", "'key decision'"))
    signs: list[str] = []
    for ln in texts:
        headed_here = _ANY_HEADING_RE.search(ln.m) is not None
        for rx, name in _REPORT_HEADING_RES if headed_here else ():
            if name not in signs and len(ln.m) < 200 and rx.match(ln.m):
                signs.append(name)
        for rx, name in _REPORT_HEADING_INLINE_RES if headed_here else ():
            if name not in signs and any(m.group("h").isupper() for m in rx.finditer(ln.m)):
                signs.append(name)
        for wm in _REPORT_WORDS_RE.finditer(ln.m):
            words = re.sub(r"[\s.]*\d[\d.]*$", "", wm.group(0).strip())  # "report no.429" once
            sign = f"'{words[0].upper()}{words[1:]}'"
            if sign.lower() not in (s.lower() for s in signs):
                signs.append(sign)
    if _BRIEFING_RE.search(head) and signs:
        return PageKind("briefing note", ("'Briefing note'", *signs))
    # a report's own headings, not only its phrases ("is asked to note", "this report"), which
    # minutes of a report's item use too
    headed = [n for n in signs if n in _HEADING_NAMES]
    if len(signs) >= 2 and headed:
        return PageKind("report", tuple(headed + [n for n in signs if n not in headed]))
    return RECORD
