"""Candidate resolutions in lists whose "Resolved" label was lost: lettered or numbered runs of
"(1) that ... be ..." or "... be ...ed" clauses, a motion "moved ..., seconded ... and" followed
by its clauses; with the features that tell them from discussion notes (their words are in
`discussion_notes`), agendas and references to earlier minutes. Also the clause words the other
generators share (`MODAL_RE`, `MOVED_AND_RE`, `ends_item`; a lead-in is
`body_leads.decision_lead`); a single bare clause is read in `bare_clauses`."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .body_leads import decision_lead
from .discussion_notes import (
    DISCUSSION_RE,
    NARRATIVE_RE,
    REPORTED_RE,
    REPORTS_TITLE_RE,
    reports_who_said,
)
from .list_clauses import BE_DONE_RE, DATED_ROW_RE, be_done, sub_title, title_note
from .list_clauses import ends_in_outcome as outcome_closes
from .list_runs import RunItem, list_run, run_numbers
from .markers import parse_marker
from .patterns import CARRIED_LEAD_RE, match_heading
from .scoring import Candidate, context_features, next_text, prev_text
from .sections import ACTIONS_LABEL_RE
from .segment import Segmented
from .text import Line

MODAL_RE = re.compile(
    r"\b(?P<m>would|will|should|shall|could|can|may|must|be|is\s+to|are\s+to)\b", re.I
)
# "It was moved by Councillor A, seconded by Councillor B and": the "RESOLVED" that followed
# was lost when the page was published
MOVED_AND_RE = re.compile(r"\b(?:moved|proposed)\s+by\b.*\bseconded\s+by\b.*\band\s*$", re.I)
_LABEL_LINE_RE = re.compile(
    r"^(?:supporting documents|meeting:|additional documents|minutes\s*:|reason|wards affected"
    r"|publication date|decision|contact)",
    re.I,
)
_DECISION_LABEL_RE = re.compile(r"^(?:decisions?(?:\s+made)?|the\s+decision)\s*:?$", re.I)
_NOTICE_RE = re.compile(r"^(?:decision\s+maker|decision\s+published|effective\s+from)\s*:", re.I)
# the fields a decision-details page prints above its decision ("Decision status: Recommendations
# Approved", "Is subject to call in?: Yes"); its purpose ("To present the task group's final
# report ...") may stand between them and the decision, whose "Decision:" label was lost
_NOTICE_FIELD_RE = re.compile(
    r"^(?:decision\s+maker|decision\s+status|decision\s+published|effective\s+from"
    r"|is\s+key\s+decision\??|is\s+subject\s+to\s+call[\s-]?in\??)\s*:",
    re.I,
)
# "07/12/2011 - Reconsideration of Called-in Decision E2328 ...": the dated title of one decision
# on an "Issue - decisions" or "Decisions published" page, the decision's clauses under it
_DATED_DECISION_RE = re.compile(r"^\d{1,2}/\d{1,2}/\d{4}\s+-\s+\S")
_CARRIED_RE = re.compile(r"put\s+to\s+the\s+vote\s+and\s+carried|carried\s+unanimously", re.I)

# "... Waiting Room in Resolved to carry this forward": a decision word in capitals, or opening a
# sentence, inside an item's text after its title
_INNER_DECISION_RE = re.compile(
    r"\s(?:Resolved|RESOLVED|Agreed|AGREED|Decided|DECIDED)\s+(?:that|to)\b"
)
_AGENDA_MOTIONS_RE = re.compile(
    r"\bto\s+consider\s+the\s+following\s+(?:motions?|resolutions?)\s*(?:[:\u2013\-]+)?\s*$", re.I
)
_ASKED_RE = re.compile(
    r"\b(?:is|are)\s+(?:being\s+)?(?:asked|invited|requested|recommended)\s+to\s+[a-z]+\b[^.]{0,60}:-?\s*$",
    re.I,
)


def ends_item(seg: Segmented, i: int) -> bool:
    k = next_text(seg.lines, i + 1)
    if k is None or k in seg.headings or _LABEL_LINE_RE.match(seg.lines[k].m):
        return True
    nxt = seg.lines[k].text  # "Matters arising;": the title of the next part
    nxt = _FILE_LINK_RE.sub("", nxt)  # "Minutes pdf icon PDF 138 KB": a title and its file
    return len(nxt.split()) <= 5 and not nxt.endswith(".") and nxt[:1].isupper()


_FILE_LINK_RE = re.compile(r"\s+pdf\s+icon\s+PDF\s+\d+\s*KB$", re.I)


_EARLIER_ITEM_RE = re.compile(
    r"^(?i:item)\s+\d{1,3}(?:\.\d{1,3})+\s*[\u2013\-:]"
    # "273d SpeedWatch Repairs ...", "289ii Articles; ...": the earlier minute an update is about
    r"|^\d{1,4}(?:[a-h]|[ivx]{1,4})\s+[A-Z]"
)
_ITEM_TAIL_RE = re.compile(r"\s*[;,]\s*(?:and|or)?\s*$")
_INFINITIVE_RE = re.compile(r"^to\s+(?!be\b)[a-z]+\b")  # "to note the report": what is to be
# "To receive apologies for absence.", "To consider ...": how an agenda words its items
AGENDA_ITEM_RE = re.compile(
    r"^to\s+(?:receive|consider|discuss|approve|note|agree|confirm|review|resolve|elect"
    r"|appoint|sign|adopt|accept|report)\b",
    re.I,
)


def _under_notice_fields(lines: Sequence[Line], lead: int) -> bool:
    """Is the list's lead-in a decision notice's field, or the one sentence of its purpose just
    below them ("Is subject to call in?: Yes" / "To present the final report ...")?"""
    if _NOTICE_RE.match(lines[lead].m) or _NOTICE_FIELD_RE.match(lines[lead].m):
        return True
    above = prev_text(lines, lead - 1)
    return (
        above is not None
        and bool(_NOTICE_FIELD_RE.match(lines[above].m))
        and bool(re.match(r"to\s+[a-z]+\b[^.;:]*\.?$", lines[lead].m, re.I))
    )


def _decided_below(seg: Segmented, last: int) -> bool:
    """Is there a decision keyword line after unit `last`, before the next item heading?"""
    for k in range(last + 1, len(seg.lines)):
        if k in seg.headings and not match_heading(seg.lines[k].text, seg.lines[k].m):
            return False
        if seg.lines[k].text and match_heading(seg.lines[k].text, seg.lines[k].m):
            return True
    return False


def unlabelled_lists(seg: Segmented, free: Sequence[int]) -> list[Candidate]:
    """Runs of numbered or lettered units whose "Resolved" label was lost."""
    out: list[Candidate] = []
    lines = seg.lines
    free_set = set(free)
    i, group = 0, 0
    notice = any(_NOTICE_RE.match(ln.m) for ln in lines)
    printed = Counter(ln.m for ln in lines if ln.text)  # how often each unit is printed
    while i < len(lines):
        if i not in free_set:
            i += 1
            continue
        mk = parse_marker(lines[i].text, lines[i].m)
        if mk is None:  # no marker: no list starts here (the look back is dearer)
            i += 1
            continue
        lead = prev_text(lines, i - 1)
        # bullets are a list of decisions only under the body's own lead-in ("The Board:")
        bullets = (
            mk.fmt == "bullet"
            and lead is not None
            and (decision_lead(lines[lead].text) or bool(CARRIED_LEAD_RE.match(lines[lead].m)))
        )
        if mk.fmt == "bullet" and not bullets:
            i += 1
            continue
        run, k = list_run(seg, i, free_set, bullets)
        # one bullet under the body's lead-in ("Cabinet –" / "§ Noted the ...") is its decision;
        # a calendar ("1 February - ...") is no list
        if (len(run) < 2 and not (bullets and run)) or all(
            DATED_ROW_RE.match(lines[j].m) for j, *_ in run
        ):
            i = k if k > i else i + 1
            continue
        group += 1
        out += _list_candidates(seg, run, lead, group, notice, printed)
        i = k
    return out


@dataclass(frozen=True)
class _RunShows:
    """What the whole run shows, counted once a run (a page of a thousand numbered lines would
    otherwise be read a thousand times over)."""

    subjunctive: bool  # most items say what is to be ("... be ...ed")
    infinitive: bool  # most items say what is to be ("to ...")
    reported: int  # items that report what happened
    printed_twice: bool  # every item printed twice on the page
    all_that: bool
    any_that: bool
    all_ones: bool  # every item printed "1."
    narrative: bool  # half the items are paragraphs of the discussion
    earlier: bool  # half the items refer back to earlier minutes
    agenda: int  # items worded as an agenda's
    discussion: bool
    says: bool  # half the items report who said what
    title_notes: bool  # most items read "Title: note"
    sub_titles: bool  # every item is a short title with no verb (a sub-heading)
    own_outcome: bool  # an item holds its own decision inside it


def _run_shows(lines: Sequence[Line], run: Sequence[RunItem], printed: Counter[str]) -> _RunShows:
    texts = [t for *_, t in run]
    discussion = any(DISCUSSION_RE.match(t) for t in texts)
    return _RunShows(
        subjunctive=sum(be_done(t) for t in texts) * 2 > len(texts),
        infinitive=sum(bool(_INFINITIVE_RE.match(t)) for t in texts) * 2 > len(texts),
        # "that 2 further meetings should be held as this was ...", "to note the Chair ... were
        # due to rotate": a clause saying what is to be reports nothing, whatever its
        # subordinate clause says
        reported=sum(
            bool(REPORTED_RE.search(t))
            and not MODAL_RE.search(t)
            and not BE_DONE_RE.search(t)
            and not _INFINITIVE_RE.match(t)
            for t in texts
        ),
        printed_twice=len(run) >= 2 and all(printed[lines[j].m] >= 2 for j, *_ in run),
        all_that=all(re.match(r"that\b", t, re.I) for t in texts),
        any_that=any(re.match(r"that\b", t, re.I) for t in texts),
        all_ones=len(run) >= 2 and {lab for _i, lab, _f, _t in run} == {"1"},
        narrative=len(texts) >= 2
        and sum(bool(NARRATIVE_RE.match(t)) for t in texts) * 2 >= len(texts),
        earlier=sum(bool(_EARLIER_ITEM_RE.match(t)) for t in texts) * 2 >= len(texts),
        agenda=sum(bool(AGENDA_ITEM_RE.match(t)) for t in texts),
        discussion=discussion,
        says=not discussion and sum(reports_who_said(t) for t in texts) * 2 >= len(texts),
        # "1. Co-option of Councillors: No interest.": the page's items, not clauses of a decision
        title_notes=sum(title_note(t) for t in texts) * 2 > len(texts),
        sub_titles=all(sub_title(t) for t in texts),
        # "B. Waiting Room in Resolved to carry this forward ..." / "C. Kirkyard Gates Mr S
        # Garson declared ...": lettered parts of a minute, each with its own outcome inside
        own_outcome=any(_INNER_DECISION_RE.search(t) for t in texts),
    )


def _list_candidates(
    seg: Segmented,
    run: Sequence[RunItem],
    lead: int | None,
    group: int,
    notice: bool,
    printed: Counter[str],
) -> list[Candidate]:
    """A candidate for each item of the run (not for an item that leads sub-items), weighed by
    its lead-in (the unit `lead` above the run), its own words and what the run shows."""
    lines = seg.lines
    out: list[Candidate] = []
    lead_text = lines[lead].text if lead is not None else ""
    numbers = run_numbers(run)
    parents = {n.split(".")[0] for n in numbers if "." in n}
    tops = {n: t for n, (*_, t) in zip(numbers, run, strict=True) if n in parents}
    shows = _run_shows(lines, run, printed)
    for (idx, _lab, _fmt, txt), number in zip(run, numbers, strict=True):
        if number in parents:
            continue  # "(a) Standard items ... include reports on:" leads its sub-items
        if not txt.strip():
            continue
        txt = _ITEM_TAIL_RE.sub("", txt.strip())  # "...; and" joins the items, not the text
        c = Candidate("resolution", "unlabelled list", txt, idx, lines[idx].no)
        c.number, c.group, c.base = number, group, 0.3
        _lead_features(seg, c, txt, run, lead, tops.get(number.split(".")[0], ""), notice)
        if re.match(r"that\b", txt, re.I):
            c.feature("items read 'that ...'", 0.15)
        elif shows.subjunctive:
            c.feature("items say what is to be ('... be ...ed')", 0.15)
        elif shows.infinitive:
            c.feature("items say what is to be ('to ...')", 0.15)
        if ends_item(seg, run[-1][0]):
            c.feature("the list ends the item", 0.15)
        if lead_text and not lead_text.rstrip().endswith((":", ":-")) and len(lead_text) > 80:
            c.feature("follows the discussion with no lead-in", 0.1)
        elif lead_text.rstrip().endswith(":") and not c.features:
            c.feature("a list introduced by the text above", -0.2)
        _run_features(lines, c, txt, lead, shows, len(run))
        context_features(seg, c, False)
        out.append(c)
    return out


def _lead_features(
    seg: Segmented,
    c: Candidate,
    txt: str,
    run: Sequence[RunItem],
    lead: int | None,
    top: str,
    notice: bool,
) -> None:
    """What the lead-in above the run says of it: the body's decision (or the parent item's,
    `top`, for a sub-item), a decision notice's, a recommendation, the agenda's motions, a
    request to the meeting, a motion carried."""
    lines = seg.lines
    lead_text = lines[lead].text if lead is not None else ""
    if _DECISION_LABEL_RE.match(lines[lead].m if lead is not None else ""):
        c.feature("under a 'Decision' label", 0.4)
        c.verb = "noted" if txt.lower().startswith("noted") else "resolved"
    elif decision_lead(lead_text) and re.search(r"\brecommended\b", lead_text, re.I):
        c.feature(f"introduced by a recommendation ('{lead_text.strip()[-40:]}')", 0.3)
        if _decided_below(seg, run[-1][0]):
            # "It is recommended that Cabinet:" / "1. approves ..." then "RESOLVED: That
            # the recommendations be approved.": the report's recommendations, decided
            # under the keyword below them
            c.feature("a report's recommendations, with the RESOLVED below them", -0.4)
    elif decision_lead(lead_text) or decision_lead(top):
        # "a. ... It was agreed" / "i. ..." (issue 17, branch leadlist): a sub-item's own
        # lead-in is the item it stands under
        said = lead_text if decision_lead(lead_text) else top
        c.feature(f"introduced by the body's decision ('{said.strip()[-40:]}')", 0.4)
    elif notice and lead is not None and _under_notice_fields(lines, lead):
        c.feature("the decision of a decision notice", 0.4)
    elif lead is not None and _DATED_DECISION_RE.match(lines[lead].m):
        c.feature("under the dated title of a decision ('12/03/2019 - ...')", 0.4)
    if _AGENDA_MOTIONS_RE.search(lead_text):
        # "To consider the following motions -" / "1. That ...": what the agenda puts
        c.feature("the agenda's motions to consider ('To consider the following motions')", -0.5)
    if _ASKED_RE.search(lead_text):
        # "The Group is asked to agree that:": a report's recommendations to the meeting
        c.feature("under a request to the meeting ('is asked to agree'), not its decision", -0.5)
    if lead is not None and CARRIED_LEAD_RE.match(lines[lead].m):
        c.feature("under the recommendation moved, seconded and carried", 0.4)
    elif lead is not None and _CARRIED_RE.search(lines[lead].text):
        c.feature("after 'put to the vote and carried'", 0.3)
    if MOVED_AND_RE.search(lead_text):
        c.feature("after 'moved ..., seconded ... and' (its 'RESOLVED' lost)", 0.3)


def _run_features(
    lines: Sequence[Line], c: Candidate, txt: str, lead: int | None, shows: _RunShows, size: int
) -> None:
    """What tells the item from a decision's clause by what the whole run shows: the page's
    items, paragraphs of the discussion, an agenda's, reports, sub-headings."""
    lead_text = lines[lead].text if lead is not None else ""
    if outcome_closes(txt):
        # "(a) Bus shelter – letter from the parish – Noted." (rule 2's outcome word)
        c.feature("the item ends in its outcome after a dash ('– Noted.')", 0.45)
    if shows.printed_twice and shows.all_that:
        # the same lettered decision at the top of the item and again at its end
        c.feature("the list is printed twice on the page, as a decision is", 0.2)
    if shows.all_ones:
        # "1. Regular Meetings to be held ...", "1. Membership It would be ...": the
        # page's items, every one printed "1." when published, not a list of decisions
        c.feature("every item printed '1.': the page's items, not a list", -0.3)
    if shows.narrative and NARRATIVE_RE.match(txt):
        # "(2) Members discussed the proposed membership ...", "5) The Chairman
        # mentioned ...": numbered paragraphs of what was said (rule 6), not decisions
        c.feature("a numbered paragraph of the discussion ('Members discussed ...')", -0.45)
    if ACTIONS_LABEL_RE.match(lines[lead].m if lead is not None else ""):
        c.feature("under an 'Actions agreed' label: its rows are actions", -0.4)
    if shows.earlier:
        c.feature("items refer back to earlier minutes ('Item 4.1 - ...')", -0.3)
    if (
        shows.agenda * 2 > size
        and not decision_lead(lead_text)
        and not any(
            name.startswith(("under a 'Decision' label", "the decision of a decision",
                             "under the dated title of a decision",
                             "under the recommendation moved"))
            for name, _w in c.features
        )
    ):  # fmt: skip
        c.feature("items read as an agenda's ('To receive ...', 'To consider ...')", -0.4)
    if shows.discussion:
        c.feature("items report the discussion", -0.4)
    elif shows.says:
        c.feature("items report who said what ('The Clerk advised that ...')", -0.4)
    if shows.reported * 2 >= size:
        c.feature("items report what happened ('was', 'were')", -0.4)
    if REPORTS_TITLE_RE.match(lead_text) and not decision_lead(lead_text) and not shows.any_that:
        c.feature("under an item of reports: the items report, not decide", -0.4)
    if shows.title_notes:
        c.feature("items read 'Title: note' (the page's items, not clauses)", -0.4)
    elif shows.sub_titles:
        c.feature("items are titles, with no verb and no full stop (sub-headings)", -0.4)
    if shows.own_outcome and not _INNER_DECISION_RE.search(txt):
        c.feature("another part of the list holds its own decision: sub-items", -0.4)
