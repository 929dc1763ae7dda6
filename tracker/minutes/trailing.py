"""What a resolution's own line holds beyond one decision. Who is to act, printed at its end:
"Resolved – to accept the quote for the grass cutting – AV to action", "RESOLVED: to renew the
insurance. Clerk to action.", "Agreed – a tidy up group ... to be arranged – AS & TD". The label is not part of the decision: the decision ends before
it, and the label is an owner-only action (the README's batch 15: "<name> to action" takes the
sentence before it as its task). And a run of the body's decision words in capitals on one line,
"The Board NOTED the report; APPROVED the budget; and INSTRUCTED the Chief Officer to ...":
each is its own resolution, as when each opens its own line (the boards' reading)."""

from __future__ import annotations

import re
from dataclasses import replace

from .models import ExtractedFollowUp, ExtractedResolution
from .numbering import sub_number
from .owners import tidy_text
from .text import find_due

__all__ = ["split_owner_labels", "split_decision_runs"]

# "; APPROVED the budget", "; and INSTRUCTED the Chief Officer": the next decision word of a run
_NEXT_DECISION_RE = re.compile(
    r";\s+(?:and\s+)?(?=(?:NOTED|APPROVED|AGREED|ENDORSED|SUPPORTED|RATIFIED|ADOPTED|CONFIRMED"
    r"|AUTHORI[SZ]ED|INSTRUCTED|REQUESTED|DELEGATED|RESOLVED|RECOMMENDED|ACCEPTED|COMMENDED)\b)"
)
_RUN_HEAD_RE = re.compile(
    r"^(?:the\s+)?(?:[A-Z][\w&'\-]*\s+){0,6}?(?:NOTED|APPROVED|AGREED|ENDORSED|SUPPORTED|RATIFIED"
    r"|ADOPTED|CONFIRMED|AUTHORI[SZ]ED|RESOLVED)\b"
)


# "The following were elected: Chair: A proposed by B; seconded by C Vice chair: D proposed by
# ...": office-bearers' nominations run together on one line under the lead-in that records
# their outcome; each nomination is its own motion (rule 4), the lead-in none
_ELECTED_LEAD_RE = re.compile(
    r"^the\s+following\s+(?:were|was|have\s+been)\s+(?:duly\s+|unanimously\s+)?"
    r"(?:elected|appointed|re-?elected)\b[^:]{0,40}:-?\s*",
    re.I,
)
_OFFICE_LABEL_RE = re.compile(
    r"(?:^|(?<=\s))(?=(?i:(?:vice|deputy|minutes?|assistant)[\s-])?(?i:chair(?:man|person)?"
    r"|secretary|treasurer|president|convene[ro]|leader)\s*:\s)"
)


def _nominations(text: str) -> list[str]:
    """The nominations of an election run, or [] when `text` is not one."""
    lead = _ELECTED_LEAD_RE.match(text)
    if lead is None:
        return []
    rest = text[lead.end() :]
    cuts: list[int] = []
    for m in _OFFICE_LABEL_RE.finditer(rest):  # "Vice chair:" holds "chair:": one label
        if not cuts or re.search(r"\bproposed\b", rest[cuts[-1] : m.start()], re.I):
            cuts.append(m.start())
    parts = [rest[a:b].strip() for a, b in zip(cuts, [*cuts[1:], len(rest)], strict=True)]
    if (
        len(parts) < 2
        or cuts[0] != 0
        or not all(re.search(r"\bproposed\b", p, re.I) for p in parts)
    ):
        return []
    return parts


def split_decision_runs(resolutions: list[ExtractedResolution]) -> list[ExtractedResolution]:
    """ "The Board NOTED ...; APPROVED ...; and INSTRUCTED ...": one resolution for each
    decision word in capitals of the run, each with its own words; one for each nomination of
    an election run."""
    out: list[ExtractedResolution] = []
    for res in resolutions:
        parts = _NEXT_DECISION_RE.split(res.text) if _RUN_HEAD_RE.match(res.text) else [res.text]
        parts = _nominations(res.text) or parts
        parts = [p.strip() for p in parts if p.strip()]
        if len(parts) < 2 or any(p.count("(") != p.count(")") for p in parts):
            out.append(res)  # one decision, or a run split inside brackets
            continue
        for k, part in enumerate(parts):
            number, printed = sub_number(res.number, res.printed, k + 1)
            out.append(replace(res, text=part, number=number, printed=printed))
    return out


# "... cutting – AV to action", "... insurance. Clerk to action.", "... – Cllr Smith to action"
_TRAILING_TO_ACTION_RE = re.compile(
    r"(?:(?<=[.!?])\s+|\s[\u2013\u2014\-]\s+)"
    r"(?P<owner>(?:the\s+)?(?:[A-Z]{2,4}(?:\s*(?:/|&|and)\s*[A-Z]{2,4})*"
    r"|(?:Cllrs?\.?|Councillor|Mr|Mrs|Ms|Dr)\s+[A-Z][\w'\u2019\-]+"
    r"|[Cc]lerk|[Cc]hair(?:man|person)?|[Ss]ecretary|[Tt]reasurer|RFO))"
    r"\s+to\s+(?i:action)\s*[.!]?\s*$"
)

# "Agreed – a tidy up group to clear some undergrowth to be arranged – AS & TD": the owners'
# initials after a dash ending the decision's line (an owner column flattened onto it)
_TRAILING_INITIALS_RE = re.compile(
    r"\s[\u2013\u2014\-]\s+(?P<owner>[A-Z]{2,3}(?:\s*(?:&|and|/|,)\s*[A-Z]{2,3})*)\s*\.?\s*$"
)
_NOT_OWNERS = frozenset(
    {"TBC", "TBA", "NB", "PS", "AOB", "NA", "NO", "OK", "AGM", "EGM", "VAT", "UK", "PC", "CC"}
)


def _trailing_owner(text: str) -> re.Match[str] | None:
    m = _TRAILING_TO_ACTION_RE.search(text)
    if m is not None:
        return m
    m = _TRAILING_INITIALS_RE.search(text)
    if m is None or set(re.split(r"[\s&/,]+|\band\b", m.group("owner"))) & _NOT_OWNERS:
        return None
    return m


def split_owner_labels(
    resolutions: list[ExtractedResolution],
) -> tuple[list[ExtractedResolution], list[ExtractedFollowUp]]:
    """Each resolution whose text ends with "<owner> to action", cut there, and the action it
    gives (that owner, the decision as its task)."""
    out: list[ExtractedResolution] = []
    actions: list[ExtractedFollowUp] = []
    for res in resolutions:
        m = _trailing_owner(res.text)
        head = res.text[: m.start()].rstrip(" \u2013\u2014-") if m else ""
        if m is None or len(head.split()) < 3:
            out.append(res)
            continue
        out.append(replace(res, text=head))
        task = tidy_text(head)
        owner = re.sub(r"^the\s+", "", m.group("owner"), flags=re.I)
        actions.append(
            ExtractedFollowUp(
                owner, task, None, res.line, "action-line", find_due(task), item=res.item
            )
        )
    return out, actions
