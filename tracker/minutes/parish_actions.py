"""Actions that parish, town and community council minutes write into their prose and bullets
without an ACTION label or a "<owner> to <verb>" opening (batch 19, branch minutesparish2):

- a request the meeting made of one person, reported in the passive: "the Clerk was asked to
  investigate.", "The Clerk was directed to ask the chemist ...", "Cllr Hale was instructed to
  thank ..." (the README's batch 19 reading: an action of that person, the words after "to");
  a request to the meeting's body ("The Council was asked to note ..."), to a group ("Members
  were asked to ..."), one answered at once ("... was asked to count the votes, and he named
  ...") or made in an exchange ("In response to a question, the Director was asked to confirm
  ...") is not;
- a bullet or line whose owner column was flattened onto its end after a dash: "A litter pick
  would be organized – AS" (batch 9's owner column, batch 19's reading), the task the words
  before the dash when they say something is to be done;
- a directive whose owner's name lost its capital after a title: "Councillor parker to inform
  the company." (the title makes the next word a name).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .owners import IMPERATIVES
from .persons import _somebody
from .scoring import BODY, Candidate, context_features, sentences
from .segment import Segmented

__all__ = ["parish_actions"]

_TITLE = r"(?:Cllrs?|Councillors?|Mr|Mrs|Ms|Miss|Dr)\.?"
_NAME = r"[A-Z][\w'\u2019\-]*"
# the person asked: "the Clerk", "The Parish Clerk", "Cllr Mrs A Hale", "Jane Doe", "JH"
_ASKED_RE = re.compile(
    rf"(?:^|(?<=\s)|(?<=,))(?P<owner>(?:[Tt]he\s+)?(?:{_TITLE}\s+(?:(?:Mrs|Mr|Ms)\.?\s+)?)?"
    rf"(?:[A-Z]\.?\s+)?{_NAME}(?:\s+{_NAME}){{0,2}}|[Tt]he\s+[a-z]+\s+[a-z]+|[Tt]he\s+[a-z]+)"
    r"\s+(?:was\s+(?:then\s+|also\s+|duly\s+|therefore\s+)?"
    r"(?P<how>asked|directed|instructed|requested|tasked)"
    # "– Clerk instructed to write to ...": the minute's short form, "was" left out (an
    # instruction only: "X asked to ..." may be X asking)
    r"|(?P<short>instructed|directed|tasked))\s+to\s+(?P<task>(?!be\b)[a-z][^.;]*[.;]?)"
)
_ROLE_WORD_RE = re.compile(
    r"\b(?:clerk|chair(?:man|person|woman)?|secretary|treasurer|rfo|mayor|lengthsman|warden"
    r"|officer|steward)\b",
    re.I,
)
_BODY_RE = re.compile(rf"\b(?:{BODY}|members|councillors)\s*$", re.I)
_PRONOUN_RE = re.compile(r"^(?:he|she|they|it|who|which)$", re.I)
# "... to count the votes, and he named Mr L ...": the request answered there and then
_DONE_AT_ONCE_RE = re.compile(r",\s*(?:and|who)\s+(?:he|she|they)\s+[a-z]+ed\b", re.I)
# "In response to a question from Mr C, the Director ... was asked to confirm ...": an exchange
_EXCHANGE_RE = re.compile(r"^\s*(?:in\s+(?:response|reply|answer)\s+to|when\s+asked)\b", re.I)
# "X noted (that)", "The Chair reported that", "she advised the Board that": a speaker's account
_REPORTED_RE = re.compile(
    r"\b(?:noted|reported|advised|explained|said|stated|confirmed|mentioned|commented|"
    r"informed|told|reminded)(?:\s+(?:the\s+)?[A-Za-z]+)?(?:\s+that)?\s+$"
)
# a request to consider or note something at the meeting is no task set
_NOT_VERBS = frozenset({"note", "consider", "agree", "approve", "comment", "leave", "attend"})


def _asked_owner(owner: str) -> str | None:
    o = owner.strip()
    bare = re.sub(r"^[Tt]he\s+", "", o)
    if _PRONOUN_RE.match(bare) or _BODY_RE.search(o):
        return None
    if _ROLE_WORD_RE.search(bare) and len(bare.split()) <= 3:
        return o
    if re.match(rf"^{_TITLE}\s", bare) or _somebody(bare):
        return o
    return None


def _asked(seg: Segmented, i: int) -> list[Candidate]:
    ln = seg.lines[i]
    out: list[Candidate] = []
    if "to" not in ln.text:
        return out  # "was asked to ...": the request's " to "
    for _at, sent in sentences(ln.text):
        for m in _ASKED_RE.finditer(sent):
            owner = _asked_owner(m.group("owner"))
            if m.group("short") and not _ROLE_WORD_RE.search(m.group("owner")):
                owner = None  # the short form only of a role: "Clerk instructed to ..."
            task = m.group("task").strip()
            verb = task.split()[0] if task.split() else ""
            if owner is None or verb in _NOT_VERBS or len(task.split()) < 1:
                continue
            c = Candidate("action", "a request the meeting made of one person", task, i, ln.no)
            c.owner, c.base, c.sentence = owner, 0.5, sent.strip()
            how = f"was {m.group('how')}" if m.group("how") else m.group("short")
            c.feature(f"'{m.group('owner')} {how} to ...' (a task set)", 0.1)
            if _DONE_AT_ONCE_RE.search(sent[m.end("task") - 1 :]) or _DONE_AT_ONCE_RE.search(task):
                c.feature("done there and then ('..., and he named ...')", -0.5)
            if _REPORTED_RE.search(sent[: m.start("owner")]):
                # "Robin Crofts noted Jackie Wright was requested to send ...": a speaker's
                # account of a request made before, not a task this meeting set
                c.feature("a speaker reports the request ('X noted that Y was asked ...')", -0.5)
            if _EXCHANGE_RE.match(sent):
                c.feature("a question answered in the meeting ('In response to ...')", -0.5)
            out.append(c)
    return out


# "A litter pick would be organized – AS", "Hedge to be cut - JH/KB": the owner's initials after
# a spaced dash ending the row; a hard-wrapped page may have joined the next row after it
# ("... organized – AS The possibility of ...")
_DASH_OWNER_RE = re.compile(
    r"\s[\u2013\u2014\-]\s+(?P<owner>[A-Z]{2,3}(?:\s*(?:/|&|and|,)\s*[A-Z]{2,3})*)\s*\.?"
    r"(?=\s+[A-Z][a-z]|\s*$)"
)
_ROW_MARKER_RE = re.compile(r"^(?:[\u2022\u00b7\u25aa\u25cf*\-\u2013]\s+|\(?[a-z0-9]{1,3}[.)]\s+)")
# the words before the dash say something is to be done
_TO_BE_DONE_RE = re.compile(
    r"\b(?:would|will|should|shall|to)\s+(?:be\s+|need\s+to\s+be\s+)?[a-z]+\b|\bneeds?\s+to\b"
    r"|\b(?:is|are)\s+to\b",
    re.I,
)
_NOT_OWNERS = frozenset(
    {
        "TBC",
        "TBA",
        "NB",
        "PS",
        "AOB",
        "NA",
        "NO",
        "OK",
        "AGM",
        "EGM",
        "VAT",
        "UK",
        "PC",
        "CC",
        "NHS",
        "MP",
        "GP",
        "CCTV",
        "BT",
        "DC",
        "CIL",
        "NDP",
        "RFO",
        "TPO",
        "LED",
        "WI",
    }
)


def _dash_owners(seg: Segmented, i: int) -> list[Candidate]:
    ln = seg.lines[i]
    out = []
    start = 0
    for m in _DASH_OWNER_RE.finditer(ln.text):
        row, start = ln.text[start : m.start()], m.end()
        sents = sentences(row.strip())
        task = _ROW_MARKER_RE.sub("", sents[-1][1].strip() if sents else "")
        owners = set(re.split(r"\s*(?:/|&|,)\s*|\s+and\s+", m.group("owner")))
        if owners & _NOT_OWNERS or len(task.split()) < 3 or not _TO_BE_DONE_RE.search(task):
            continue
        if re.match(r"^(?:agreed|resolved|noted|approved)\b", task, re.I):
            continue  # a decision's line: its trailing owner is read with the decision
        c = Candidate("action", "owner's initials after a dash ending the row", task, i, ln.no)
        c.owner, c.base, c.sentence = m.group("owner"), 0.5, ln.text.strip()
        c.feature("the row says something is to be done, the owner column flattened after it", 0.1)
        out.append(c)
    return out


# "The hedge on Mill Lane needs cutting back (DK)", "New dog bin to be ordered (Clerk)",
# "- Circulate the revised timetable to members (DK)": the owner in brackets ending the row or
# sentence; not a proposer's and seconder's initials ("... seconded (SB)", "(Prop JH, Sec AU)"),
# which a motion prints beside its words
_BRACKET_OWNER_RE = re.compile(
    r"(?<=[a-z0-9.,])\s*\((?P<owner>[A-Z]{2,3}(?:\s*(?:/|&|and|,)\s*[A-Z]{2,3})*"
    r"|(?:the\s+)?(?:[Cc]lerk|[Cc]hair(?:man)?)|All)\)\s*[.;]?(?=\s+[A-Z][a-z]|\s*$)"
)
# "... needs cutting back (DK)": also a gerund after "needs"/"requires"
_NEEDS_DOING_RE = re.compile(r"\b(?:needs?|requires?)\s+[a-z]+ing\b", re.I)
# "... is to be relaunched", "will be shared", "needs to be": something said to be done
_PASSIVE_TO_DO_RE = re.compile(
    r"\bto\s+be\s+[a-z]+(?:ed|en|ld)\b|\b(?:will|should|must)\s+be\s+[a-z]+(?:ed|en|ld)\b"
    r"|\bneeds?\s+to\s+be\b"
)
# a motion's words, or a row of what was done, decided or moved: the bracketed initials are its
# movers, not owners
_MOTION_WORDS_RE = re.compile(
    r"\b(?:prop(?:osed|oser)?|sec(?:onded|onder)?|moved|resolved|agreed|carried|approved)\b\W*$"
    r"|\b(?:proposed|seconded|resolved|agreed|approved|noted|carried)\b"
    r"|\b(?:was|were|has\s+been|have\s+been)\s+[a-z]+(?:ed|en)\b",
    re.I,
)


def _names_before(row: str, owner: str) -> bool:
    """Do the brackets say who or what the capitalised words before them are: the initials of
    those words ("Environmental Health (EH)", "Police and Crime Commissioner (PCC)") or a role
    after a name ("Cllr D L Powell (Chairman)")?"""
    letters = re.sub(r"[^A-Z]", "", owner)
    capitals = "".join(w[0] for w in re.findall(r"[A-Z][\w'\u2019\-]*", row))
    if owner.isupper() and capitals.endswith(letters):
        return True
    words = re.findall(r"[\w'\u2019&]+", row)[-4:]
    caps: list[str] = []
    for w in reversed(words):
        if not w[:1].isupper():
            break
        caps.insert(0, w)
    if not caps:
        return False
    if owner.isupper() and "".join(w[0] for w in caps).endswith(letters):
        return True
    return not owner.isupper()  # a role in brackets right after a capitalised name


def _said_to_be_done(task: str) -> bool:
    first = task.split()[0].lower() if task.split() else ""
    return bool(
        first in IMPERATIVES
        or _TO_BE_DONE_RE.search(task)
        or _NEEDS_DOING_RE.search(task)
        or _PASSIVE_TO_DO_RE.search(task)
    )


def _bracket_owners(seg: Segmented, i: int) -> list[Candidate]:
    ln = seg.lines[i]
    out: list[Candidate] = []
    if i in seg.headings:
        return out  # "3. Update on the audit (KP)": an item's title and who presents it
    start = 0
    for m in _BRACKET_OWNER_RE.finditer(ln.text):
        row, start = ln.text[start : m.start()], m.end()
        sents = sentences(row.strip())
        task = _ROW_MARKER_RE.sub("", sents[-1][1].strip() if sents else "")
        owners = set(re.split(r"\s*(?:/|&|,)\s*|\s+and\s+", m.group("owner")))
        if owners & _NOT_OWNERS or len(task.split()) < 3 or not _said_to_be_done(task):
            continue  # "Ann Lee (AL)", "Update on the audit (KP)": nothing said to be done
        if _MOTION_WORDS_RE.search(task):
            continue  # a motion's or a decision's words: the initials are its mover's
        if re.search(r"\([A-Z]{2,3}\)", task):
            continue  # "E. Simpson (ES), J Green (JG)": brackets that give people's initials
        if _names_before(task, m.group("owner")):
            continue  # "Environmental Health (EH)", "Cllr D L Powell (Chairman)": who they are
        c = Candidate("action", "owner in brackets ending the row", task, i, ln.no)
        c.owner, c.base, c.sentence = m.group("owner"), 0.5, ln.text.strip()
        c.feature("the row says something is to be done, its owner in brackets after it", 0.1)
        out.append(c)
    return out


# "Councillor parker to inform Doughnut Box Co.": a title, then a name that lost its capital
_TITLED_LOWER_RE = re.compile(
    r"(?:^|(?<=[.;]\s)|(?<=[.;]))\s*(?P<owner>(?:Cllr|Councillor)\.?\s+[a-z][a-z'\-]+)"
    r"\s+to\s+(?P<task>(?!be\b)[a-z]+\b[^.;]*[.;]?)"
)


_AGENDA_VERBS = frozenset({"move", "welcome", "open", "present", "chair", "declare"})


def _titled_lower(seg: Segmented, i: int) -> list[Candidate]:
    ln = seg.lines[i]
    out = []
    for m in _TITLED_LOWER_RE.finditer(ln.text):
        if m.group("task").split()[0] in _AGENDA_VERBS or m.group("task").rstrip().endswith(":"):
            continue  # "Councillor parker to move:": agenda text
        c = Candidate("action", "'<owner> to <verb>' directive", m.group("task").strip(), i, ln.no)
        c.owner, c.base, c.sentence = m.group("owner"), 0.5, ln.text.strip()
        c.feature("a title before a name written in lower case ('Councillor parker')", 0.1)
        out.append(c)
    return out


def parish_actions(
    seg: Segmented, units: Sequence[int], found: Sequence[Candidate]
) -> list[Candidate]:
    """Candidates of the three kinds above in `units`, leaving out what the other generators
    already `found`: a unit holding an action gives no dash owner's, and an owner already read
    on a unit is not read there again."""
    acted = {c.index for c in found if c.kind == "action"}
    owned = {(c.index, _plain(c.owner)) for c in found if c.kind == "action"}
    out: list[Candidate] = []
    for i in units:
        if not seg.lines[i].text:
            continue
        more = _asked(seg, i) + _titled_lower(seg, i)
        if i not in acted:
            more += _dash_owners(seg, i) + _bracket_owners(seg, i)
        for c in more:
            if (i, _plain(c.owner)) not in owned:
                context_features(seg, c, False)
                out.append(c)
    return out


def _plain(owner: str) -> str:
    return re.sub(r"^the\s+", "", owner.strip().lower())
