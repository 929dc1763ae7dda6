"""The scoring stage: a candidate, the features it was scored on, and small helpers shared by
the generators. A candidate's score is its generator's base plus the weights of its features;
`why()` lists them in words for the review screen."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .text import Line

if TYPE_CHECKING:  # the segmenter reads the page's kind, which uses BODY below
    from .segment import Segmented

THRESHOLD = 0.5

# the bodies whose decisions are the meeting's ("the Board agreed ...", "The Committee:")
BODY = (
    # "the Board of Trustees", "the Working Party" (issue 17, branch tunegen): a body's noun
    # with its "of ..." part, and a working party as a group is
    r"board(?:\s+of\s+(?:trustees|directors|governors|management))?|working\s+part(?:y|ies)|"
    r"committee|sub-committee|panel|council|cabinet|executive|group|forum|partnership|"
    r"commission|meeting|ijb|integration\s+joint\s+board|governing\s+body"
    # "The PC agreed to write ...": a parish, town or community council by its initials
    r"|(?-i:PC|TC)"
)
# who takes a decision alone in a decision notice
DECIDER = (
    r"cabinet\s+member|portfolio\s+holder|executive\s+member|leader|mayor|chief\s+executive|"
    r"(?:executive\s+|corporate\s+|strategic\s+)?director|head\s+of\s+service|chief\s+officer"
)
# a lead-in that is the body's decision with no clause of its own: its list is what was
# decided ("Following consideration the Board agreed:", "The Board:", "The Committee resolved:-")
DECISION_LEAD_RE = re.compile(
    # "Thereafter, the Committee agreed:-" (a Scottish council's minute), "After discussion it
    # was agreed:" over its list
    r"^(?:(?:following|after)\s+(?:consideration|discussion|debate)[^:]{0,40}?,?\s+"
    r"|thereafter\s*,?\s+)?"
    r"(?:it\s+was\s+(?:unanimously\s+)?(?:agreed|resolved|decided)(?:\s+to)?\s*(?::-?|;)$|"
    # "The Audit and Scrutiny Committee;", "The Joint Committee:": the body by its full name,
    # its words capitalised, and a semicolon where the colon was meant
    # "The Combined Authority:", "The Fire Authority:": an authority's own lead-in (only here:
    # "the local authority agreed ..." in prose is often a partner, not the meeting)
    rf"(?:the\s+(?:(?-i:[A-Z])[\w'\u2019-]*\s+(?:(?:and|&)\s+)?){{0,4}}?)?(?:{BODY}|authority)"
    r"(?:\s+(?:therefore|unanimously|then|also))?"
    # "The Integration Joint Board agreed to:" over "a) note the report;": the list's items are
    # the infinitives the lead-in's "to" governs
    # "The Panel agreed the following:", "The Committee resolved as follows:-"
    r"(?:\s+(?:agreed|resolved|decided|noted\s+and\s+agreed)"
    r"(?:\s+as\s+follows|\s+the\s+following|\s+to|\s+that)?)?"
    r"\s*(?::-?|;)$)"
    # "After consideration, the committee" over "(1) noted the report; and (2) ...": Glasgow's
    # formula, the lead-in's colon left out
    rf"|^(?:after|following)\s+(?:consideration|discussion|debate)\s*,\s+the\s+"
    rf"(?:[A-Z][\w&'\u2019-]*\s+){{0,4}}?(?:{BODY})\s*$"
    # "That the Committee:", "That Cabinet:", "It is recommended that Council:": the formula of a
    # resolution whose "RESOLVED" or "RECOMMENDED" was lost, introducing what was decided
    rf"|^(?:(?:it\s+is|it\s+was)\s+(?:therefore\s+)?recommended\s+)?that\s+(?:the\s+)?"
    rf"(?:[A-Z][\w&'\u2019-]*\s+){{0,4}}?(?:{BODY})(?:\s*,\s*having\s+[^:]{{0,120}})?\s*:-?$"
    # "The Cabinet Member for Highways made the following decision:", "Having considered the
    # report, the Leader decided:": a decision notice's lead-in to its numbered decisions
    rf"|^(?:(?:having|after|following)\s+[^:]{{0,80}}?,\s+|thereafter\s*,?\s+)?"
    rf"(?:the\s+)?(?:{BODY}|{DECIDER})\b"
    # "Council considered the determinations set out by the Independent Review Panel for Wales
    # and made the following decisions:-": what it considered may be long before "made" (not
    # "... noted that the Panel had made the following decisions:", another body's)
    r"(?:[^:.;]{0,160}?\s(?<!\shad\s)made\s+the\s+following\s+(?:decisions?|resolutions?)|[^:.;]{0,80}?\s"
    # "Having considered the report, Cabinet RESOLVED to:": "to" or "that" before the colon
    r"(?:has\s+)?(?:decided|resolved|agreed)(?:\s+as\s+follows|\s+to|\s+that)?)\s*:-?$"
    # "It was agreed:", "Following discussion it was therefore agreed as follows:-": the
    # meeting's decision, impersonal, over its list
    r"|^(?:(?:following|after)\s+(?:consideration|discussion|debate)[^:]{0,40}?,?\s+)?it\s+was"
    r"\s+(?:(?:therefore|unanimously|also|further|then)\s+){0,2}(?:agreed|resolved|decided)"
    r"(?:\s+as\s+follows|\s+the\s+following|\s+to|\s+that)?\s*:-?$"
    # "Having considered the report and the options set out in it, the Cabinet Member for
    # Children's Services:": a decision notice's lead-in naming its decision maker, no verb
    # "Cabinet –" over "§ Noted the overall budget ...": the body and a dash where the colon was
    rf"|^(?:the\s+)?(?:[A-Z][\w&'\u2019-]*\s+){{0,3}}?(?:{BODY})\s*[\u2013\u2014-]+\s*$"
    rf"|^(?:(?:having|after|following)\s+[^:]{{0,120}}?,\s+)the\s+(?:{DECIDER})"
    r"(?:\s+for\s+[^:.;]{2,80}?)?\s*:-?$"
    # "In making decisions on the items below, the Committee agreed, in terms of section 12 of
    # the Housing Act:-": the body's decision word, then what it decided under
    rf"|^(?:[^:.;]{{3,100}}?,\s+)?the\s+(?:{BODY})\s+(?:agreed|resolved|decided)\s*,"
    r"\s*(?:in\s+terms\s+of|under|in\s+accordance\s+with|having\s+regard\s+to)\s[^:.;]{3,120}?:-?$",
    re.I,
)

_SENTENCE_RE = re.compile(
    # "... at a cost to the PC. Councillor Stapley to ...": two capitals and a full stop end a
    # sentence too (an initial's full stop, "J. Smith", does not)
    # (a title's full stop does not: "To be pursued by Cllr. Fleming, who ...")
    r"(?:(?<=[a-z0-9)'\u2019\"][.!?])(?<!\bCllr\.)(?<!\bCllrs\.)(?<!\bMrs\.)(?<!\bMr\.)(?<!\bDr\.)"
    r"(?<!\bMs\.)|(?<=\b[A-Z]{2}\.))\s+(?=[A-Z(\"\u201c\u2018]"
    # "... and sort it. 17.7 Nicola has ...": a later numbered paragraph of a flattened page
    r"|\d{1,3}(?:\.\d{1,3})+\.?\s+[A-Z])"
)


@dataclass
class Candidate:
    """Something that may be a resolution, an action or an undertaking, and why."""

    kind: str  # "resolution" | "action" | "undertaking"
    generator: str
    text: str
    index: int  # the unit it starts at
    line: int
    owner: str = ""
    verb: str = "resolved"  # the decision word, for a resolution's kind
    number: str = ""  # its number in a list ("1", "a.i"), "" when none
    group: int = -1  # candidates of one list share a group
    features: list[tuple[str, float]] = field(default_factory=list)
    base: float = 0.5
    sentence: str = ""  # the whole sentence, for the review list
    due: str | None = None  # an ISO date from a due column, when the row has one
    cutoff: float = THRESHOLD  # the score it is taken at (the learnt proposer's is its own)

    @property
    def score(self) -> float:
        return max(0.0, min(1.0, self.base + sum(w for _, w in self.features)))

    @property
    def taken(self) -> bool:
        return self.kind != "undertaking" and self.score >= self.cutoff

    def why(self) -> str:
        words = [self.generator] + [f for f, _ in self.features]
        return "; ".join(words)

    def feature(self, name: str, weight: float) -> None:
        self.features.append((name, weight))


# "to send a card to Cllr. Anne Smith ...", "that Mrs. Jones be thanked ...": a title's full stop
# ("Cyng." the Welsh councillor's) does not end the sentence
_TITLE_ABBREVIATION_RE = re.compile(r"\b(?:cllrs?|mrs?|ms|dr|rev|prof|cyng)\.$", re.I)


def sentences(text: str) -> list[tuple[int, str]]:
    out, start = [], 0
    for m in _SENTENCE_RE.finditer(text):
        if _TITLE_ABBREVIATION_RE.search(text[: m.start()]):
            continue
        out.append((start, text[start : m.start()]))
        start = m.end()
    out.append((start, text[start:]))
    return out


def next_text(lines: Sequence[Line], i: int) -> int | None:
    for k in range(i, len(lines)):
        if lines[k].text:
            return k
    return None


def prev_text(lines: Sequence[Line], i: int) -> int | None:
    for k in range(i, -1, -1):
        if lines[k].text:
            return k
    return None


def context_features(seg: Segmented, c: Candidate, is_report: bool) -> None:
    """Where the candidate sits: in an item's agenda text, on a report's page. Given once."""
    names = {f for f, _ in c.features}
    if c.index in seg.agenda and "in the item's agenda text" not in names:
        c.feature("in the item's agenda text", -0.6)
    if c.index in seg.proposed and "under a 'Proposal' or 'Comments' label" not in names:
        c.feature("under a 'Proposal' or 'Comments' label", -0.4)
    # the meeting's own prose decision in an item reviewing earlier actions ("It was agreed that
    # the bus shelter is to be cleaned quarterly.") is this meeting's; a restated action is not
    # ("The Council APPROVED \u00a313.20 for the site plan" in capitals too)
    reviewed = c.index in seg.reviewing and c.generator in (
        "prose decision",
        "APPROVED in capitals opening the sentence",
    )
    if c.index in seg.earlier and not reviewed and "held over from an earlier meeting" not in names:
        c.feature("held over from an earlier meeting", -0.5)
    if not seg.kind.decides:
        # an agenda, a report, terms of reference: what reads as a decision is proposed or
        # described there, not decided ("page reads as a report, not minutes: 'Background'")
        if seg.kind.reason() not in names:
            c.feature(seg.kind.reason(), -0.6)
        return
    if seg.agenda_page and "the page is an agenda" not in names:
        c.feature("the page is an agenda", -0.4)
    if is_report and "the page is a report, not minutes" not in names:
        c.feature("the page is a report, not minutes", -0.4)


# ---------------------------------------------------------------------------------- generators
