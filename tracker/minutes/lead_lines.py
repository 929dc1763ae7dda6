"""A body's decision "the following:" over unmarked lines: "The Governing Body APPROVED the
following:" then one decision a line ("To temporarily amend the quoracy to include:", "The
quorum ... shall be ..."), each line's own bullets its data (batch 7's data list), the run
ending at the next label ("Action: Complete", "Date: ...") or item heading. Bullets or numbers
straight under the lead-in are a list of decisions and are read by `lists.unlabelled_lists`."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .body_leads import decision_lead
from .markers import parse_marker
from .scoring import BODY, Candidate, next_text
from .segment import Segmented
from .text import Line

# "The Governing Body APPROVED the following:", "The Board agreed the following
# recommendations:", "The Combined Authority resolved the following:-"
FOLLOWING_LEAD_RE = re.compile(
    r"^(?:\d{1,3}(?:\.\d{1,3})*\.?\s+)?(?:the\s+)?(?:(?-i:[A-Z])[\w'\u2019-]*\s+(?:(?:and|&)\s+)?)"
    rf"{{0,4}}?(?:{BODY}|authority)(?:\s+(?:therefore|unanimously|then|also))?\s+"
    r"(?:approved|agreed|resolved|decided|endorsed|ratified|supported)\s+the\s+following"
    r"(?:\s+(?:recommendations?|decisions?|changes|arrangements|proposals?|points))?\s*:-?$",
    re.I,
)
# "Action: Complete", "Date: 7 May, 2020", "Item discussed: ...": a field of the page's record,
# which ends the run of decisions
_LABEL_RE = re.compile(r"^[A-Z][A-Za-z' ]{1,30}:\s+\S")
_MAX_LINES = 15
# "The Chair thanked members ...", "Cllr Lee said ...": the meeting's record, not a decision
_SAID_RE = re.compile(
    r"^(?:the\s+)?(?:[A-Z][\w'\u2019.-]*\s+){1,4}(?:thanked|said|reported|advised|explained"
    r"|stated|asked|queried|commented|welcomed|closed)\b"
)
GROUP_BASE = 10_000  # list groups of this generator, apart from `unlabelled_lists`' own

# "The Committee:", "After consideration, the Committee:", "In terms of Standing Order 13.3, the
# Council:" (a Scottish council's minute) over unmarked lines, each opening with its decision
# verb ("Noted that ...", "Approved the virement ..."): each line a decision (the README's batch
# 13 lead-in, its items verb-first; issue 17, branch resgen2)
_COMMA_LEAD_RE = re.compile(
    r"^(?:\d{1,3}(?:\.\d{1,3})*\.?\s+)?(?:(?:(?![.!?]\s)[^:;]){3,100}?,\s+)?the\s+"
    rf"(?:(?-i:[A-Z])[\w'\u2019-]*\s+(?:(?:and|&)\s+)?){{0,4}}?(?:{BODY})\s*:-?$",
    re.I,
)
_VERBS = (
    r"Noted|Agreed|Approved|Endorsed|Requested|Welcomed|Supported|Accepted|Confirmed|Delegated"
    r"|Instructed|Authori[sz]ed|Commended|Recommended|Ratified|Adopted|Deferred|Declined"
    r"|Refused|Granted|Appointed|Remitted|Referred|Resolved"
)
_VERB_FIRST_RE = re.compile(rf"^(?:{_VERBS})\s+\S")
# "Noted the outturn; and Approved the virement ...": two lines joined by the segmenter
_NEXT_VERB_RE = re.compile(rf";\s*(?:and\s+)?(?=(?:{_VERBS})\s)")


def _verbs_lead(text: str) -> bool:
    """Is `text` the body's lead-in with no clause of its own, ending in its colon?"""
    t = text.strip()
    return t.endswith((":", ":-")) and bool(_COMMA_LEAD_RE.match(t) or decision_lead(t))


def lines_follow(lines: Sequence[Line], i: int) -> bool:
    """Is unit i a "the following:" lead-in over unmarked lines (read by `following_leads`,
    not by the keyword reader as one keyword's text)?"""
    if not FOLLOWING_LEAD_RE.match(lines[i].text.strip()):
        return False
    k = next_text(lines, i + 1)
    return (
        k is not None
        and parse_marker(lines[k].text, lines[k].m) is None
        and not _LABEL_RE.match(lines[k].text)
    )


def following_leads(
    seg: Segmented, free: Sequence[int], heads: Sequence[int] = ()
) -> tuple[list[Candidate], set[int]]:
    """Candidates for each unmarked line under a "the following:" lead-in, or under the body's
    lead-in over verb-first lines (which may be glued to its item's heading, `heads`: "1. Urgent
    Item In terms of Standing Order 13.3, the Council:"); and every unit the runs cover
    (lead-in, decisions and their data), which no other generator is to read."""
    lines = seg.lines
    free_set = set(free)
    out: list[Candidate] = []
    covered: set[int] = set()
    group = GROUP_BASE
    for i in sorted(free_set | set(heads)):
        if i in covered:
            continue
        following = i in free_set and bool(FOLLOWING_LEAD_RE.match(lines[i].text.strip()))
        if not following and not _verbs_lead(lines[i].text):
            continue
        run: list[int] = []
        data: list[int] = []
        opened = False  # the last decision line ended with ":" (its data follow)
        # a page that spaces its decisions as paragraphs leaves a blank line after the lead-in
        # too; otherwise a blank line ends the run
        first = next_text(lines, i + 1)
        spaced = first is not None and first > i + 1
        k = i + 1
        while k < len(lines) and len(run) + len(data) < _MAX_LINES:
            u = lines[k]
            if not u.text:
                if run and not spaced:
                    break
                k += 1
                continue
            if k not in free_set or k in seg.headings or _LABEL_RE.match(u.text):
                break
            mk = parse_marker(u.text, u.m)
            if mk is not None:
                if not opened:
                    break  # a list under the lead-in itself: `unlabelled_lists` reads it
                data.append(k)
            elif not following and not _VERB_FIRST_RE.match(u.text):
                break  # "The Committee:" over its decisions: the first line that is none
            else:
                run.append(k)
                opened = u.text.rstrip().endswith((":", ":-"))
            k += 1
        if not run:
            continue
        group += 1
        lead = lines[i].text.strip()
        why = "line under the body's 'the following:'" if following else "decision under the body"
        parts = [
            (idx, p.strip())
            for idx in run
            for p in ([lines[idx].text] if following else _NEXT_VERB_RE.split(lines[idx].text))
        ]
        for n, (idx, text) in enumerate(parts, start=1):
            if not following:
                text = re.sub(r"\s*;\s*(?:and)?\s*$", "", text)  # "...; and" left off (rule 2)
            c = Candidate("resolution", why, text, idx, lines[idx].no)
            c.number, c.group, c.base = str(n), group, 0.3
            c.feature(f"introduced by the body's decision ('{lead[-45:]}')", 0.4)
            if _SAID_RE.search(c.text):
                c.feature("the line reports the discussion ('The Chair thanked ...')", -0.5)
            out.append(c)
        covered |= {i, *run, *data}
    return out, covered
