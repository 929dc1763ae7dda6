"""What stands where a decision would and is not one: a decision field that says none was made
("Decision: None", "N/A", "Resolved: no decision"), a chair's or member's report heading a
"Decisions:" field ("The Mayor referred Members to ..."), a recommendation restating an undertaking
("Recommendation: The Town Council would ..."), and a motion (a nomination and its
election) whose outcome the RESOLVED right after it records. Each goes to review with its reason;
the decision beside it stays."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .block_model import Block, RawItem
from .models import Uncertainty
from .text import Line

# the whole field says nothing was decided; "That no further action be taken" and "That none of
# the bids be accepted" are decisions and do not match
_NONE_RE = re.compile(
    r"^\W*(?:none(?:\s+(?:required|taken|made|needed|necessary|recorded))?|nil|n\s*/\s*a"
    r"|not\s+applicable|no\s+(?:decisions?|resolutions?)(?:\s+(?:(?:was|were|is|are|has\s+been"
    r"|have\s+been)\s+)?(?:taken|made|reached|required|needed|necessary)\b.*)?)\W*$",
    re.I | re.S,
)
# a person's report, not the body's decision: "The Mayor referred Members to ...", "The Chair
# reminded Members ...", "The Monitoring Officer advised ...", "Jane Smith, Head of Legal,
# explained ..."; a subject naming the meeting's body ("The Committee thanked ...") is not one
_REPORT_RE = re.compile(
    r"^(?P<who>[A-Z][\w'.-]*(?:[\s,]+[\w'.&()-]+){0,8}?),?\s+"
    r"(?:referred|reminded|welcomed|informed|advised|explained|thanked|introduced|reported"
    r"|outlined|stated|said|updated|drew|asked|announced|gave|presented)\b",
)
_BODY_WORDS_RE = re.compile(
    r"\b(?:committee|board|council|panel|cabinet|authority|members|forum|partnership|group"
    r"|meeting|executive|it|this|there|that|be|been|being|was|were|is|are)\b",
    re.I,
)


def _a_report(text: str) -> bool:
    if re.match(r"\W*to\s+[a-z]", text, re.I):
        return False  # "To approve the investment and project outlined.": the decision itself
    m = _REPORT_RE.match(text)
    return m is not None and not _BODY_WORDS_RE.search(m.group("who"))


# "Recommendation: The Town Council would resend ...": a recommendation saying what someone
# would or will do restates an undertaking (rule 3's "would"); "Recommendation:" is not a
# decision keyword of its own, so nothing outweighs the "would" here
_WOULD_RE = re.compile(r"^\W*(?:that\s+)?(?:[\w'.&/-]+\s+){1,6}?(?:would|will)\s+\w", re.I)
_RECOMMEND_WORDS = {"recommendation", "recommendations", "recommendation(s)"}
_FIELD_WORDS = {"decision", "decisions", "decision made", "decision taken"}


# "Resolved: None required." under declarations of interest: the meeting resolved that no
# dispensation was needed (rule 1); a bare "Decision: None" field records nothing decided
_NONE_REQUIRED_RE = re.compile(r"^\W*none\s+(?:required|needed|necessary)\W*$", re.I)


def _says_none(it: RawItem) -> bool:
    return bool(_NONE_RE.match(it.text))


def _right_after(lines: Sequence[Line], motion: Block, decision: Block) -> bool:
    """The decision's block starts right after the motion's paragraph: nothing but blank lines
    once the motion's own (wrapped) lines have ended."""
    if not 0 < decision.pos - motion.pos <= 8:
        return False
    blank = False
    for ln in lines[motion.pos + 1 : decision.pos]:
        if not ln.m.strip():
            blank = True
        elif blank:
            return False
    return True


_NAMED_RE = re.compile(r"\b(?:Cllr|Councillor|Mr|Mrs|Ms|Dr)\.?\s+((?:[A-Z]\.?\s*)*[A-Z][\w'-]+)")
_ELECTED_RE = re.compile(r"\b(?:elected|appointed)\b", re.I)
_NOMINATED_RE = re.compile(r"\b(?:nominat\w*|proposed|elected|appointed)\b", re.I)
_STOP = {"that", "the", "be", "for", "of", "and", "to", "a", "an", "as", "this", "with", "by"}


def _says_it_again(motion: Block, decision: Block) -> bool:
    """Most of the decision's words are the motion's ("... Councillor Downing was duly elected
    as the Chair ..." / "That Councillor Downing be elected Chair ..."): it records that motion,
    not another matter decided after it."""
    said = set(re.findall(r"[a-z0-9/]+", " ".join(it.text for it in motion.items).lower()))
    words = set(re.findall(r"[a-z0-9/]+", " ".join(it.text for it in decision.items).lower()))
    words -= _STOP
    if words and len(words & said) / len(words) >= 0.6:
        return True
    # "Nominated: Cllr Adams (proposed ..., seconded ...). Carried." / "RESOLVED: That Cllr Adams
    # be elected Chairman ...": an election of the person the motion named
    motion_text = " ".join(it.text for it in motion.items)
    decided = " ".join(it.text for it in decision.items)
    names = set(_NAMED_RE.findall(decided))
    return (
        bool(names)
        and names <= set(_NAMED_RE.findall(motion_text))
        and bool(_ELECTED_RE.search(decided))
        and bool(_NOMINATED_RE.search(motion_text))
    )


# "Agreed to discuss this in more detail at today's meeting under agenda Item 7": the earlier
# meeting's decision about this one, restated under matters arising (rule 6)
_TODAYS_MEETING_RE = re.compile(
    r"^\W*(?:that\s+)?(?:[\w'\u2019-]+\s+){0,6}?(?:to|be)\s+(?:discuss|discussed|consider|considered"
    r"|review|reviewed|bring|brought|present|presented|report|reported|return|returned)\b"
    r"[^.]{0,120}?\bat\s+today['\u2019]s\s+meeting\b",
    re.I,
)
# "At the meeting on 13th February it was agreed to hold the AGM in April" in a member's report:
# a decision of another meeting, reported (rule 6)
_AT_EARLIER_MEETING_RE = re.compile(
    r"\bat\s+(?:the|its|their|our)\s+(?:(?:last|previous|earlier|recent)\s+)?"
    r"(?:(?:ordinary|annual|general|committee|board)\s+)?meeting"
    r"(?:\s+(?:on|of|held\s+on)\s+[^,.;]{1,40}?)?\s*,?\s+"
    # the decision's own words right after it ("... it was agreed", "... the Board agreed"):
    # "... for approval at the meeting on 4th February - RESOLVED" is a later meeting's business
    r"(?:it\s+was\s+(?:\w+\s+)?|the\s+(?:[\w'\u2019-]+\s+){1,4}?)(?:agreed|resolved|decided)"
    r"\s*(?:that|to)?\s*$"
    # "The Board held a development session on 11 May, where it was agreed that ...": a
    # decision of another gathering than this meeting, reported (issue 17, branch resgen2)
    r"|\b(?:held|had|attended|ran|hosted)\s+(?:a|an|its|their|the)\s+(?:[\w'\u2019-]+\s+){0,3}?"
    r"(?:meeting|session|workshop|seminar|event|away[\s-]?day|briefing|conference|retreat)"
    r"(?:\s+(?:on|in|at)\s+[^,.;]{1,40}?)?\s*,?\s+(?:where|at\s+which|during\s+which|when)\s+"
    r"(?:it\s+was\s+(?:\w+\s+)?|(?:the\s+)?(?:[\w'\u2019-]+\s+){1,4}?)(?:agreed|resolved|decided)"
    r"\s*(?:that|to)?\s*$",
    re.I,
)


# a page that ends with no stop was cut where it was stored; a decision in its last words that
# has not yet said what was decided is no decision ("It was agreed that SS an", the README's
# batch 12): "RESOLVED to rais", "AGREED (...) that the previously circulated minu", "RESOLVED
# the work prog" (issue 17, branch resgen2)
_ENDED_RE = re.compile(r"[.;:!?)\]\"'\u2019\u201d]\s*$")
_CLAUSE_RE = re.compile(
    r"^\W*(?:(?:resolved|agreed)\b\W*)?(?:\([^()]{0,120}\)\s*)?(?P<conj>that|to)?\b\s*(?P<rest>.*)$",
    re.I | re.S,
)
_WHOLE_VERBS = frozenset(
    ("object", "defer", "support", "approve", "refuse", "adjourn", "abstain", "agree", "accept",
     "decline", "note", "proceed", "continue", "reconvene", "withdraw", "oppose")
)  # fmt: skip
# the decision word in the same sentence, just before the clause (its movers in brackets between)
_WORD_BEFORE_RE = re.compile(
    r"\b(?:agreed|resolved|decided)\s*(?:\([^()]{0,120}\)\s*)?(?:that|to)?\s*$", re.I
)
# a finite verb or a modal: the clause has said what is to be ("that the minutes be signed")
_FINITE_RE = re.compile(
    r"\b(?:be|is|are|was|were|been|should|shall|must|may|might|would|will|can|could|has|have"
    r"|had|do|does|did|not|no)\b",
    re.I,
)


def cut_before_said(text: str, last: str) -> bool:
    """Is `text` the last words of a page cut where it was stored (`last`: its last unit, with
    no stop), ending before it says what was decided: a "to" clause holding its verb alone (cut:
    not "to object"), a "that" clause of four words or fewer with no verb yet, or a subject ("the
    ...") with none?"""
    text = text.rstrip()
    if not text or not last or _ENDED_RE.search(last) or not last.endswith(text[-25:]):
        return False
    at = last.rfind(text[:25])
    opens = re.match(r"\W*(?:resolved|agreed)\b", text, re.I)  # "RESOLVED the work prog"
    if at < 0 or not (opens or _WORD_BEFORE_RE.search(last[:at])):
        # "IT WAS resolved:" / "That the minu": under a label the clause stands as printed
        # (judged so on two pages); in a running sentence it is the batch 12 reading
        return False
    m = _CLAUSE_RE.match(text)
    if m is None:
        return False
    rest, conj = m.group("rest").split(), (m.group("conj") or "").lower()
    if conj == "to":
        # "to object", "to defer": a whole decision in one word, stop or not
        return len(rest) <= 1 and not (rest and rest[0].lower() in _WHOLE_VERBS)
    if _FINITE_RE.search(m.group("rest")):
        return False
    if conj == "that":
        # ("that the council support the bid": a subjunctive, whole, has more words)
        return len(rest) <= 4
    return 0 < len(rest) <= 4 and rest[0].lower() == "the"


def _earlier_meeting(it: RawItem, lines: Sequence[Line], pos: int) -> str:
    """Why the item is another meeting's decision, reported here; "" when it is not. `pos` is
    its block's first unit: only the units around it are read (a page flattened onto one line
    has every unit on line 1)."""
    if _TODAYS_MEETING_RE.match(it.text):
        return "a decision of an earlier meeting about this one ('... at today's meeting')"
    head = it.text[:40]
    # its unit and the one before it (a sentence wrapped over two units: "... At the meeting
    # on 13th" / "February it was agreed ...")
    window = lines[max(0, pos - 2) : pos + 40]
    text = " ".join(ln.text for ln in window if ln.text and it.line - 6 <= ln.no <= it.line)
    at = text.rfind(head) if head else -1
    before = re.split(r"[.!?]\s+", text[:at])[-1] if at > 0 else ""  # its own sentence
    if _AT_EARLIER_MEETING_RE.search(before):
        return "a decision of another meeting, reported ('At the meeting on ...')"
    return ""


def not_decisions(
    blocks: list[Block], lines: Sequence[Line]
) -> tuple[list[Block], list[Uncertainty]]:
    keep: list[Block] = []
    unsure: list[Uncertainty] = []
    last = next((ln.text.rstrip() for ln in reversed(lines) if ln.text.strip()), "")
    for k, blk in enumerate(blocks):
        items = []
        for it in blk.items:
            earlier = _earlier_meeting(it, lines, blk.pos)
            if earlier:
                why = earlier
            elif cut_before_said(it.text, last):
                why = "the stored page ends inside this decision, before it says what was decided"
            elif _says_none(it) and not (
                blk.heading.keyword in ("resolved", "resovled", "agreed")
                and _NONE_REQUIRED_RE.match(it.text)
            ):
                why = "the decision field says no decision was made"
            elif blk.heading.keyword in _FIELD_WORDS and _a_report(it.text):
                why = "a report of what was said under the decision label, not a decision"
            elif blk.heading.keyword in _RECOMMEND_WORDS and _WOULD_RE.match(it.text):
                why = "a recommendation saying what would be done: an undertaking, not a decision"
            else:
                items.append(it)
                continue
            unsure.append(Uncertainty(it.line, it.text, why))
        nxt = blocks[k + 1] if k + 1 < len(blocks) else None
        if (
            items
            and blk.why.startswith("motion")
            and nxt is not None
            and not nxt.why
            and nxt.section == blk.section
            and _right_after(lines, blk, nxt)
            and _says_it_again(blk, nxt)
        ):
            # "Cllr A nominated Cllr B ... duly elected." / "RESOLVED: That Cllr B be elected
            # ...": the RESOLVED is the decision, the nomination its motion
            unsure += [
                Uncertainty(it.line, it.text, "the motion that the RESOLVED after it records")
                for it in items
            ]
            continue
        if items or not blk.items:  # a block of no items (a lead-in alone) is not touched
            blk.items = items
            keep.append(blk)
    return keep, unsure
