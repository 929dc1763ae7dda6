"""Candidate resolutions from the previous minutes approved with their mover written, and from
nominations with their outcome (judging rules, the freshres readings (a) and (b)).

- "The minutes of ... were confirmed and signed – proposed Cllr A, seconded Cllr B.", "... was
  approved, being proposed by" / "A and seconded by B.", "... were adopted on the proposal of A",
  "... were adopted. PROPOSED: A.SECONDED: B.", "These were noted as a true and accurate record
  ... Proposed by A and seconded by B.": the passive outcome and its mover, the whole motion. With
  no mover the passive stays a report (rule 6) and is not read here.
- "Correct – A proposed, B seconded." under the minutes item: the outcome word, then the movers.
- "X - nominated by A" / "- seconded by B" one office a line, closed by one outcome line ("All
  the above were elected unopposed"): one resolution a nomination.
- "Cllr A nominated Cllr B which was seconded by Cllr C." whose nominee the outcome later in the
  paragraph names ("Cllr B was declared Chairman"); "X was (also) proposed by A and seconded by
  B. All in favour."; "X was nominated and seconded for Chairman. There were no other
  nominations and X took the role of Chairman.".
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from .ballots import elected_nominations
from .scoring import Candidate, next_text, prev_text
from .segment import Segmented

__all__ = ["minutes_approvals", "nominations"]

_OUTCOME_VERB = (
    r"(?:approved|adopted|confirmed|accepted|agreed|signed|ratified"
    # "These were noted as a true and accurate record": noted as a record, not merely noted
    r"|noted\s+as\s+(?:a\s+|being\s+a\s+)?(?:true|correct|accurate|full))"
)
# the passive outcome of the previous minutes, at the start of a sentence
_PASSIVE_RE = re.compile(
    r"(?:^|(?<=[.:;)]\s)|(?<=[.:;)])|(?<=\s[\u2013\u2014-]\s)|(?<=\n)"
    # "2. Minutes of the These were noted ...": a flattened table's cells run together, the
    # capital marking the sentence's start
    r"|(?<=\s)(?=(?-i:The|These|They)\b))\s*"
    r"(?P<subject>(?:the|these|those|its)\s+(?:draft\s+)?(?:minutes?|notes)\b[^.;]{0,160}?"
    r"|these|they)\s+(?:was|were)\s+(?:(?:also|duly|unanimously|then)\s+){0,2}"
    rf"{_OUTCOME_VERB}\b",
    re.I,
)
# who moved it: "proposed Cllr A", "being proposed by", "on the motion of", "PROPOSED: A"
_MOVER_RE = re.compile(
    r"\b(?:propos(?:ed|er)|moved\s+by|on\s+the\s+(?:motion|proposal|proposition)\s+of)\b", re.I
)
_SECONDER_RE = re.compile(r"\bsecond(?:ed|er)\b", re.I)
_PROPOSED_NO_OUTCOME_RE = re.compile(r"\b(?:were|was)\s+proposed\b", re.I)
_NEXT_MOVER_RE = re.compile(r"^\W*(?:proposed|moved)\b(?:\s+by\b|\s*:)", re.I)
_DANGLING_RE = re.compile(r"\b(?:by|of)\s*$", re.I)
# a sentence ends at a full stop before a capital, not at an initial's ("Mr B. Hale")
_STOP_RE = re.compile(r"(?<![A-Z])(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bCllr)\.(?=\s|$)")
_CORRECT_RE = re.compile(
    r"^(?:correct|accurate|a\s+true\s+record|approved|agreed|accepted)\s*[\u2013\u2014:-]\s*"
    # "Richard Groverproposed": the word glued to the name before it
    r"(?=.*propos(?:ed|er)\b)(?=.*second(?:ed|er)\b).+$",
    re.I,
)
_CORRECT_INLINE_RE = re.compile(
    r"\bminutes\b[^.:]{0,80}:\s*(?P<text>(?:correct|accurate|approved|agreed|accepted)\s*"
    r"[\u2013\u2014-]\s*[^.]*?propos(?:ed|er)\b[^.]*?second(?:ed|er)\b[^.]*\.)",
    re.I,
)
_VERB_FIRST_RE = re.compile(
    r"^(?:approved|adopted|agreed|confirmed)\s+on\s+the\s+(?:motion|proposal|proposition)\s+of\b"
    r"(?=.*\bseconded\b)",
    re.I,
)
_MINUTES_WORD_RE = re.compile(r"\bminutes?\b", re.I)
# "The draft minutes had been circulated ... and Cllr A proposed ... and it was approved": a
# clause of its own before the outcome, whose motion the general reader takes
_NOT_SUBJECT_RE = re.compile(r"\b(?:it|had|has|have|proposed|seconded|moved)\b", re.I)


def _sentence_end(text: str, start: int) -> int:
    m = _STOP_RE.search(text, start)
    return m.end() if m else len(text)


def minutes_approvals(
    seg: Segmented, free: Sequence[int], prose: frozenset[int] = frozenset()
) -> list[Candidate]:
    """The previous minutes approved in the passive, with the mover written after it. In a unit
    a prose decision was read from (`prose`), only a motion holding that decision is read."""
    lines = seg.lines
    free_set = set(free)
    out: list[Candidate] = []
    for i in free:
        t = lines[i].text
        if i in prose:
            if _VERB_FIRST_RE.match(t) and len(t.split()) <= 70:
                out.append(_candidate(t.strip(), i, lines[i].no, "approved on a member's motion"))
            continue
        cm = _CORRECT_RE.match(t)
        if cm is not None:
            before = prev_text(lines, i - 1)
            if before is not None and _MINUTES_WORD_RE.search(lines[before].text):
                second = re.search(r"second(?:ed|er)\b", t, re.I)  # "Williamsseconded"
                end = _sentence_end(t, second.end() if second else 0)
                out.append(_candidate(t[:end].strip(), i, lines[i].no, "its outcome, then movers"))
            continue
        if _VERB_FIRST_RE.match(t) and len(t.split()) <= 70:
            # "Approved on the motion of Councillor A seconded by Councillor B with the exception
            # of paragraph 1003 ... where it was agreed to remit ...": the whole motion
            out.append(_candidate(t.strip(), i, lines[i].no, "approved on a member's motion"))
            continue
        for m in _CORRECT_INLINE_RE.finditer(t):  # the same, the minutes item's title glued
            out.append(_candidate(m["text"], i, lines[i].no, "its outcome word, then movers"))
        starts = [
            m.start("subject")
            for m in _PASSIVE_RE.finditer(t)
            if not _NOT_SUBJECT_RE.search(m.group("subject"))
        ]
        for k, start in enumerate(starts):
            stop = starts[k + 1] if k + 1 < len(starts) else len(t)
            part = t[start:stop]
            nxt = next_text(lines, i + 1)
            if (
                _MOVER_RE.search(part) is None
                and k + 1 == len(starts)
                and nxt is not None
                and nxt in free_set
                and _NEXT_MOVER_RE.match(lines[nxt].text)
            ):
                # "... were adopted." / "PROPOSED: A.SECONDED: B." (a flattened page cut into
                # sentences): the mover is the next unit
                part = f"{part.rstrip()} {lines[nxt].text}"
                after = next_text(lines, nxt + 1)
                if (
                    not _SECONDER_RE.search(lines[nxt].text)
                    and after is not None
                    and after in free_set
                    and re.match(r"^\W*seconded\b", lines[after].text, re.I)
                ):
                    # "Proposed: Cllr A." / "Seconded: Cllr B.": the seconder a unit further on
                    part = f"{part} {lines[after].text}"
            mover = _MOVER_RE.search(part)
            if mover is None or _PROPOSED_NO_OUTCOME_RE.search(part[: mover.end()]):
                continue
            text = part
            if _DANGLING_RE.search(part) and nxt is not None and nxt in free_set:
                # "... was approved, being proposed by" / "J Hale and seconded by A Udall."
                text = f"{part.rstrip()} {lines[nxt].text}"
            second = _SECONDER_RE.search(text, mover.end())
            end = _sentence_end(text, second.end() if second else mover.end())
            # "PROPOSED: A.SECONDED: B.": the seconder glued after the proposer's full stop
            if second is None:
                glued = re.match(r"\s*SECONDED\s*:", text[end:])
                if glued:
                    end = _sentence_end(text, end + glued.end())
            text = text[:end].strip()
            if len(text.split()) > 70:
                continue
            out.append(_candidate(text, i, lines[i].no, "the minutes approved, mover written"))
    return out


def _candidate(text: str, i: int, no: int, why: str) -> Candidate:
    c = Candidate("resolution", "motion", text, i, no)
    c.base = 0.7
    c.feature(why, 0)
    return c


# ---------------------------------------------------------------------------------- nominations

# a run of words within one sentence: a title's or an initial's full stop does not end it
_RUN = r"(?:[^.]|(?<=\bMr)\.|(?<=\bMrs)\.|(?<=\bMs)\.|(?<=\bDr)\.|(?<=\bCllr)\.|(?<=\b[A-Z])\.)"
_NAME = r"(?!(?:It|This|That|There|These|They|He|She|We)\b)(?:(?:Cllr\.?|Councillor|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)\s+)?[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){0,3}"
# "Ann Frost - nominated by Jim Dale - seconded by Mary Hale" (one office a line, or flattened)
_LISTED_RE = re.compile(
    rf"(?P<who>{_NAME})\s+[\u2013\u2014-]\s+(?:nominated|proposed)\s+by\s+(?P<by>{_NAME})"
    rf"\s*[\u2013\u2014-]?\s*seconded\s+by\s+(?P<sec>{_NAME})"
    # the name ends at the next office's letter, the outcome line or a stop
    r"(?=\s+[a-z]\.\s|\s+(?:All|Both|The|These|Each)\b|\s*[.,;]|\s*$)"
)
_LIST_OUTCOME_RE = re.compile(
    r"^\W*(?:all|both|each|the\s+above|these)\b[^.]{0,60}?\b(?:were|was)\s+(?:duly\s+)?"
    r"(?:elected|appointed|agreed|approved|confirmed|returned)\b",
    re.I,
)
_LOST_RE = re.compile(r"\b(?:not\s+carried|lost|defeated|withdrew|withdrawn)\b", re.I)
# "Cllr A nominated Cllr B which was seconded by Cllr C."
_NOMINATED_WHICH_RE = re.compile(
    rf"(?P<text>{_NAME}\s+nominated\s+(?P<who>{_NAME})(?:\s+for\s+[^.]{{1,60}}?)?\s*,?\s+"
    r"which\s+was\s+seconded\s+by\s+[^.]*?\.)(?=\s|$)"
)
_DECLARED_RE = re.compile(
    r"\b(?:was|were)\s+(?:duly\s+|unanimously\s+)?(?:declared|elected|appointed)\b", re.I
)
# "X was (also) proposed by A and seconded by B. All in favour."
_PROPOSED_PAIR_RE = re.compile(
    rf"(?P<text>{_NAME}\s+was\s+(?:also\s+|duly\s+)?(?:proposed|nominated)\s+by\s+{_RUN}{{2,80}}?"
    rf"\s+and\s+seconded\s+by\s+{_RUN}{{2,60}}?\.\s+(?:All\s+in\s+favour|Carried|Agreed"
    r"|Unanimously\s+(?:agreed|approved|carried))[^.]{0,20}\.)",
)
# "X was nominated and seconded for Chairman. There were no other nominations and X took ..."
_NOMINATED_SECONDED_RE = re.compile(
    # (an outcome in the nomination's own sentence is the general motion reader's)
    rf"(?P<text>{_NAME}\s+was\s+(?:duly\s+)?(?:nominated|proposed)\s+and\s+seconded\b"
    r"(?:(?!\b(?:elected|appointed|vote)\b)[^.])*\.\s+"
    r"[^.]*?\b(?:took\s+the\s+(?:role|chair|position)|(?:was|were)\s+(?:duly\s+)?"
    r"(?:elected|appointed))\b[^.]*\.)"
)


# "Councillor X nominated. Proposed Councillor A Seconded Councillor B": the nominee, then the
# movers, the outcome ("Councillor X duly elected as Chairman") a few lines on
_NOMINEE_FIRST_RE = re.compile(
    rf"^\W*(?P<who>{_NAME})\s+(?:was\s+)?nominated\s*[.,;:\-\u2013]?\s*"
    rf"(?i:proposed|moved)(?:\s+by)?\s*:?\s*{_NAME}\s*[.,;]?\s*(?:and\s+)?"
    rf"(?i:seconded)(?:\s+by)?\s*:?\s*{_NAME}\s*\.?\s*$"
)
_TOOK_OFFICE = r"(?:was\s+|is\s+)?(?:duly\s+|unanimously\s+)?(?:re-?)?(?:elected|appointed)\b"


# ("... declared herself willing to stand ...": a self-nomination, `ballots`)
_NOMINATION_WORD_RE = re.compile(
    r"nominat|propos|names?\s+forward|sel(?:f|ves)\s+(?:to\s+be\s+)?(?:willing|prepared|happy|available)",
    re.I,
)


def nominations(seg: Segmented, free: Sequence[int]) -> list[Candidate]:
    """Nominations whose outcome is written (rule 4, the whole motion)."""
    lines = seg.lines
    out: list[Candidate] = []
    out += _listed(seg, free)
    taken = {c.index for c in out}
    free_set = set(free)
    for i in free:
        if i in taken or not _NOMINATION_WORD_RE.search(lines[i].text):
            continue  # (each form names its nomination in the unit it starts in)
        t, own = _window(seg, i, free_set)
        found = False
        for m in _PROPOSED_PAIR_RE.finditer(t):
            if m.start() < own:
                out.append(_candidate(m["text"], i, lines[i].no, "nominated, seconded, carried"))
                found = True
        for m in _NOMINATED_SECONDED_RE.finditer(t):
            if m.start() < own:
                out.append(_candidate(m["text"], i, lines[i].no, "nominated, then took office"))
                found = True
        if found:
            continue
        nominee = _NOMINEE_FIRST_RE.match(lines[i].text)
        if nominee is not None:
            out.extend(_nominee_first(seg, i, free_set, nominee.group("who")))
            continue
        t, own = _window(seg, i, free_set, 6)  # a ballot's result may come sentences later
        which = [m for m in _NOMINATED_WHICH_RE.finditer(t) if m.start() < own]
        for m in which:
            rest = t[m.end() :]
            surname = re.escape(m.group("who").split()[-1])
            declared = re.search(rf"\b{surname}\s+{_DECLARED_RE.pattern}", rest, re.I)
            if declared:
                # a ballot between nominations: the winner's nomination is the decision
                out.append(_candidate(m.group("text"), i, lines[i].no, "the nomination elected"))
        if which:
            continue
        for text in elected_nominations(_units(seg, i, free_set, 6)):
            out.append(_candidate(text, i, lines[i].no, "the nominee declared elected after it"))
    return out


def _nominee_first(seg: Segmented, i: int, free: set[int], who: str) -> list[Candidate]:
    """ "X nominated. Proposed A Seconded B" / "Three votes in favour ..." / "X duly elected as
    Chairman": the nomination to its outcome, when the outcome names the nominee and no line
    between says the vote was lost."""
    units = _units(seg, i, free, 3)
    surname = re.escape(who.split()[-1])
    for k, unit in enumerate(units[1:], 1):
        if _LOST_RE.search(unit) or re.search(r"\bnot\s+(?:re-?)?(?:elected|appointed)\b", unit):
            return []
        if re.search(rf"\b{surname}\s+{_TOOK_OFFICE}", unit):
            text = "\n".join(units[: k + 1])
            return [_candidate(text, i, seg.lines[i].no, "the nominee, the movers, then elected")]
    return []


def _units(seg: Segmented, i: int, free: set[int], more: int) -> list[str]:
    """Unit `i`'s text and the free units after it in the same item, one a string."""
    lines, out, k = seg.lines, [seg.lines[i].text], i + 1
    while more and k < len(lines):
        if lines[k].text:
            if k not in free or k in seg.headings:
                break
            out.append(lines[k].text)
            more -= 1
        k += 1
    return out


def _window(seg: Segmented, i: int, free: set[int], more: int = 3) -> tuple[str, int]:
    """Unit `i`'s text with the free units after it in the same item (a sentence a unit, as a
    hard-wrapped page is cut), and the length of unit `i`'s own text."""
    lines = seg.lines
    own = lines[i].text
    text, k = own, i + 1
    while more and k < len(lines):
        if lines[k].text:
            if k not in free or k in seg.headings:
                break
            text += " " + lines[k].text
            more -= 1
        k += 1
    return text, len(own)


def _listed(seg: Segmented, free: Sequence[int]) -> list[Candidate]:
    """ "X - nominated by A" / "- seconded by B" lists, closed by one outcome line."""
    lines = seg.lines
    out: list[Candidate] = []
    if not any("seconded" in lines[i].text for i in free):
        return out  # every list names its seconder, within one unit
    free_list = [i for i in free if lines[i].text]
    # the units joined, each one's offset kept, so that a list one line a unit and a list
    # flattened into one unit read alike
    joined, starts = "", []
    for i in free_list:
        starts.append((len(joined), i))
        joined += lines[i].text + " "
    offsets = [s for s, _ in starts]
    found = list(_LISTED_RE.finditer(joined))
    if not found:
        return out
    runs: list[list[re.Match[str]]] = [[found[0]]]
    for m in found[1:]:
        if m.start() - runs[-1][-1].end() < 60:  # the next office's line
            runs[-1].append(m)
        else:
            runs.append([m])
    for run in runs:
        after = joined[run[-1].end() : run[-1].end() + 200]
        outcome = _LIST_OUTCOME_RE.search(after.lstrip(" .-\u2013")) or re.search(
            r"^\W*(?:all|both)\b[^.]{0,60}?\b(?:elected|appointed)\b", after, re.I
        )
        if outcome is None or _LOST_RE.search(after[: outcome.end() + 1]):
            continue
        for m in run:
            at = starts[bisect.bisect_right(offsets, m.start()) - 1][1]
            text = f"{m.group('who')} - nominated by {m.group('by')} - seconded by {m.group('sec')}"
            out.append(_candidate(text, at, lines[at].no, "a nomination, the list elected"))
    return out
