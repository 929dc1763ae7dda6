"""Bare clauses and bare outcomes: one line whose "Resolved" label was lost.

"That the verbal update be noted." ending an item, "(1) That ... be ...", a "... be ...ed"
clause just after "moved ..., seconded ... and", and an item's bare outcome ("Approved and
signed." under its title, "Minutes of last meeting: Approved", "Approved by A and B" under the
minutes item). `bare_clauses` turns each into a scored `Candidate`; `candidates.generate`
calls it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .glued_lines import APPROVAL_OUTCOME, EARLIER_MINUTES_TITLE
from .lists import MODAL_RE, MOVED_AND_RE, ends_item
from .markers import parse_marker
from .patterns import CARRIED_LEAD_RE
from .scoring import Candidate, context_features, prev_text
from .segment import Segmented

__all__ = ["bare_clauses"]


# "Approved and signed." alone under "4. MINUTES OF THE LAST MEETING"
# "With the amendment unanimously approved and signed by the Chair as a true record.": the
# amendment made, then the same outcome
_BARE_OUTCOME_RE = re.compile(
    r"^(?:(?:with|subject\s+to)\s+(?:the|an?|one|two|three|these|this|those)?\s*amendments?"
    r"(?:\s+(?:made|noted|above))?\s*,?\s*)?(?:unanimously\s+)?"
    # "Accepted as correct.", "... as a true and accurate record", "Ratified", "Signed as a
    # true record" (glued_lines.APPROVAL_OUTCOME: the kind's words, issue 17, branch tunegen)
    rf"{APPROVAL_OUTCOME}$",
    re.I,
)
# "Minute of last meeting: Approved", "Previous Minutes: Approved", "Minutes of the meeting held
# on 3 May - approved": the item's title (glued_lines.EARLIER_MINUTES_TITLE, any of its forms)
# and its bare outcome on one line
_TITLED_OUTCOME_RE = re.compile(
    # "Minutes of previous meeting / Accepted as correct.": a flattened table's two cells
    rf"^(?:(?:\d{{1,3}}\.?|\d{{1,4}}/\d{{1,4}}\.?)\s+)?(?:{EARLIER_MINUTES_TITLE})"
    r"\s*[:\-\u2013/|]\s*(?P<outcome>\S.*)$",
    re.I,
)
# the minutes item's title alone, over its outcome ("Previous Minutes:" / "Approved")
_MINUTES_TITLE_ALONE_RE = re.compile(
    rf"^(?:(?:\d{{1,3}}\.?|\d{{1,4}}/\d{{1,4}}\.?)\s+)?(?:{EARLIER_MINUTES_TITLE})\s*[:.\-\u2013]?$",
    re.I,
)
# "- Approved" under the title: the outcome as a bullet of its own
_OUTCOME_BULLET_RE = re.compile(r"^[\-\u2013\u2022\u00b7*]\s*(?=[A-Za-z])")
# "Approved by A Masson and N Margiotta" under the minutes item: the members who moved and
# seconded the minutes, the outcome written first (the README's batch 17 and 22 readings)
_APPROVED_BY_RE = re.compile(
    r"^(?:[Aa]pproved|[Aa]ccepted|[Aa]dopted)\s+by\s+(?!the\b)(?:[A-Z][\w.'\u2019\-]*\s+){0,3}"
    r"[A-Z][\w'\u2019\-]+\s+(?:and|&)\s+(?!the\b)(?:[A-Z][\w.'\u2019\-]*\s+){0,3}"
    r"[A-Z][\w'\u2019\-]+\.?$"
)
# "That the Minutes of the meeting held on ... were approved as a correct record": the ModernGov
# minutes clause in the past tense, standing as the item's outcome (rule 5; without "That" it is
# rule 6's reported outcome)
_MINUTES_WERE_RE = re.compile(
    r"^that\s+the\s+(?:[a-z]+\s+){0,2}(?:minutes|notes)\b[^.;]*?\b(?:were|was)\s+"
    r"(?:(?:duly\s+|unanimously\s+)?(?:approved|agreed|accepted|confirmed|adopted)\b"
    # "... were a true record of the meeting", "... were an accurate reflection of it"
    r"|(?:an?\s+)?(?:true|correct|accurate|fair)\s+(?:and\s+\w+\s+)?(?:record|reflection|account)\b)",
    re.I,
)
_MINUTES_TITLE_RE = re.compile(r"\bminutes?\b", re.I)
_RECOMMENDATION_RE = re.compile(r"^(?:the\s+)?(?:[a-z]+\s+)?recommendations?\b", re.I)
_CLAUSE_MARKER_RE = re.compile(
    r"^(?:\(\s*(?P<n>[ivx]{1,4}|\d{1,2}|[a-h])\s*\)\s*(?=[Tt]hat\b)|[\u2022\u00b7*\-]\s*(?=That\b))"
)


def _after_moved_and(seg: Segmented, i: int) -> bool:
    k = prev_text(seg.lines, i - 1)
    return k is not None and bool(MOVED_AND_RE.search(seg.lines[k].text))


_BE_DONE_RE = re.compile(r"\bbe\s+[a-z]+ed\b")
_NUMBER_RE = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*[.)]?|\d{1,4}/\d{1,4}\.?)\s+")


def _unnumbered(m: str) -> str:
    """The title without the item's number before it ("165/18 Minutes ..." -> "Minutes ...")."""
    nm = _NUMBER_RE.match(m)
    return m[nm.end() :] if nm else m


def _same_line_before(seg: Segmented, i: int) -> str:
    """The units before unit `i` on its own source line, joined: "Previous" + "Minutes:" cut
    apart by the segmenter (a ModernGov label "Minutes:") before "Approved" (issue 17, branch
    resgen2)."""
    lines, k = seg.lines, i - 1
    while k >= 0 and lines[k].no == lines[i].no:
        k -= 1
    return " ".join(ln.m for ln in lines[k + 1 : i] if ln.text)


_THAT_RE = re.compile(r"that\b", re.I)
_BE_RE = re.compile(r"\bbe\b")


def bare_clauses(seg: Segmented, free: Sequence[int]) -> list[Candidate]:
    out = []
    for i in free:
        ln = seg.lines[i]
        text, number = ln.text, ""
        bm = _CLAUSE_MARKER_RE.match(text)
        if bm:
            text, number = text[bm.end() :], bm.group("n") or ""
        if (
            not bm
            and _BE_DONE_RE.search(text)
            and _after_moved_and(seg, i)
            and parse_marker(text, ln.m) is None
        ):
            c = Candidate("resolution", "motion whose 'RESOLVED' was lost", text, i, ln.no)
            c.base = 0.3
            c.feature("'... be ...ed' just after 'moved ..., seconded ... and'", 0.4)
            out.append(c)
            continue
        if (
            not bm
            and CARRIED_LEAD_RE.match(ln.m)
            and _RECOMMENDATION_RE.match(text)
            and ends_item(seg, i)
        ):
            # "The recommendation in the report was put to the vote and carried unanimously."
            # alone as the item's outcome: the report's recommendation carried (rule 4, the whole
            # motion); with clauses or a list under it, those are the decision instead
            c = Candidate("resolution", "recommendation carried", text, i, ln.no)
            c.base = 0.3
            c.feature(
                "the report's recommendation put to the vote and carried, ending the item", 0.3
            )
            context_features(seg, c, False)
            out.append(c)
            continue
        tm = _TITLED_OUTCOME_RE.match(text)
        if tm and _BARE_OUTCOME_RE.match(tm.group("outcome")):
            c = Candidate(
                "resolution", "bare outcome after the item's title", tm.group("outcome"), i, ln.no
            )
            c.base = 0.3
            c.feature(f"'{tm.group('outcome').rstrip('.')}' is the minutes item's outcome", 0.3)
            context_features(seg, c, False)
            out.append(c)
            continue
        if _APPROVED_BY_RE.match(text):
            k = prev_text(seg.lines, i - 1)
            if k is not None and k in seg.headings and _MINUTES_TITLE_RE.search(seg.lines[k].text):
                c = Candidate("resolution", "minutes approved by their mover and seconder", text,
                              i, ln.no)  # fmt: skip
                c.base = 0.3
                c.feature("'Approved by A and B' under the minutes item", 0.3)
                context_features(seg, c, False)
                out.append(c)
            continue
        bullet = _OUTCOME_BULLET_RE.match(text)
        if bullet and _BARE_OUTCOME_RE.match(text[bullet.end() :]):
            k = prev_text(seg.lines, i - 1)
            if k is not None and _MINUTES_TITLE_ALONE_RE.match(_unnumbered(seg.lines[k].m)):
                # "165/18 Minutes of the previous meeting" / "- Approved": the minutes item's
                # outcome as a bullet of its own (issue 17, branch tunegen)
                text = text[bullet.end() :]
                c = Candidate("resolution", "bare outcome under the item's title", text, i, ln.no)
                c.base = 0.3
                c.feature(f"'{text.rstrip('.')}' alone is the minutes item's outcome", 0.3)
                context_features(seg, c, False)
                out.append(c)
            continue
        if _BARE_OUTCOME_RE.match(text):
            k = prev_text(seg.lines, i - 1)
            if k is not None and (
                k in seg.headings
                or _MINUTES_TITLE_ALONE_RE.match(_unnumbered(seg.lines[k].m))
                or _MINUTES_TITLE_ALONE_RE.match(_unnumbered(_same_line_before(seg, i)))
            ):
                c = Candidate("resolution", "bare outcome under the item's title", text, i, ln.no)
                c.base = 0.3
                c.feature(f"'{text.rstrip('.')}' alone is the item's outcome", 0.3)
                context_features(seg, c, False)
                out.append(c)
            continue
        past = bool(_MINUTES_WERE_RE.match(text))
        if not _THAT_RE.match(text) or not (past or _BE_RE.search(text)):
            continue
        modal = MODAL_RE.search(text)
        if modal and modal.group("m").lower() in ("would", "will") and not past:
            continue  # "that there would be ...": a point made, not a decision
        c = Candidate("resolution", _BARE, text, i, ln.no)
        c.base, c.number = 0.3, number
        if number:
            c.feature("a numbered 'that ... be ...' clause", 0.25)
        if re.match(r"that\s*,", text, re.I) and not number:
            c.feature("'That, ...' opens a comment", -0.3)
        if ends_item(seg, i):
            c.feature("it ends the item", 0.3)
        elif past and _under_minutes_title(seg, i):
            # "Minutes:" / "That the Minutes of the meeting held on ... were approved ...": the
            # ModernGov minute of the minutes item, in a table's cell (issue 17, branch resgen2)
            c.feature("the earlier minutes approved, under the item's 'Minutes:' label", 0.3)
        out.append(c)
    return _alike(out)


_MINUTES_LABEL_RE = re.compile(r"^\W*minutes\s*:?\s*$", re.I)


def _under_minutes_title(seg: Segmented, i: int) -> bool:
    k = prev_text(seg.lines, i - 1)
    if k is None:
        return False
    m = _unnumbered(seg.lines[k].m)
    return bool(_MINUTES_LABEL_RE.match(m) or _MINUTES_TITLE_ALONE_RE.match(m))


_BARE = "bare 'That ... be ...' clause"


def _alike(out: list[Candidate]) -> list[Candidate]:
    """A lone bare clause on a page that prints two or more of its other decisions as bare
    clauses too (their labels all lost when the page was published), or printed again just
    below where it is taken, reads as they do."""
    bare = [c for c in out if c.generator == _BARE]
    taken: dict[int, list[Candidate]] = {}  # by unit, those taken before this pass (linear)
    for c in bare:
        if c.score >= 0.5:
            taken.setdefault(c.index, []).append(c)
    total = sum(len(v) for v in taken.values())
    for c in bare:
        if c.features:
            continue  # (a lone clause has none: it is not taken)
        if total >= 2:
            c.feature("the page's other decisions are bare 'That' clauses too", 0.25)
        elif any(
            _same_words(o.text, c.text)
            for k in range(c.index + 1, c.index + 9)
            for o in taken.get(k, ())
        ):
            # "That the Minutes ... be approved ..." under the item's title, then again as its
            # minute: the decision printed twice, each judged as printed (rule 1's reading)
            c.feature("the same clause printed again just below it, taken there", 0.25)
    return out


def _same_words(a: str, b: str) -> bool:
    wa, wb = set(re.findall(r"[a-z0-9]+", a.lower())), set(re.findall(r"[a-z0-9]+", b.lower()))
    return 2 * len(wa & wb) >= 0.8 * (len(wa) + len(wb))
