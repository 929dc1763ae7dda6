"""Recognisers for single lines: resolution headings and a carried motion's lead-in. All work on
the "matchable" form of a collapsed line (plain dashes and quotes). List markers are read in
markers.py, block ends and stray decision words in line_classes.py (both re-exported here)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .glued_lines import agreed_outcome
from .line_classes import LABEL_RE as LABEL_RE
from .line_classes import MINUTES_LINE_RE as MINUTES_LINE_RE
from .line_classes import NEXT_ITEM_RE as NEXT_ITEM_RE
from .line_classes import ends_block as ends_block
from .line_classes import sentence_around as sentence_around
from .line_classes import stray_decision as stray_decision
from .markers import INLINE_MARKER_RE as INLINE_MARKER_RE
from .markers import TIME_RE as TIME_RE
from .markers import Marker as Marker
from .markers import parse_marker as parse_marker
from .markers import roman_value as roman_value
from .text import matchable

# ---------------------------------------------------------------------------------------------
# Resolution headings

_BULLET_PREFIX = r"(?:[\u00b7\u2022\u25aa\u25cf\uf0b7*\-]\s+)?"
_PARA = (
    r"(?:(?:min(?:ute)?\.?\s+(?:no\.?\s*)?(?P<mpara>\d{1,3}(?:/\d{2,4})?(?:\.\d{1,3})*)\.?"
    r"|(?P<para>\(?\d{1,3}(?:\.\d{1,3})+\)?\.?|\(?\d{1,3}\)|\d{1,3}\.|\d{1,3}/\d{2,4}(?:\.\d{1,3})*\.?"
    r"|[A-Z]\.(?=\s+noted\b)"
    # "B) Resolved that ...", "(b) Resolved that ...": a lettered part of the item
    r"|\(?[A-Za-z]\)(?=\s+(?:resolved|agreed)\b))"
    r")\s+"
    # "19/8Resolved to approve ...": a minute reference glued to the keyword on a flattened page
    r"|(?P<gpara>\d{1,3}/\d{1,4})(?=(?:resolved|resovled|agreed|decided)\b))?"
)  # "8.18", "(3)", "12.", "45/23.2", "Minute No. 45/23"
_SUBJECT = (
    # "The IJB resolved:-" (an integration joint board's own name for itself)
    r"(?:(?P<subj>it\s+was|it\s+is|the\s+(?:committee|sub-committee|cabinet|board|panel|"
    r"commission|council|executive|forum|group|partnership|meeting|members|ijb)|members|cabinet|"
    # "Councillors resolved to approve ...": the council's members resolving as the council
    r"council|(?:the\s+)?councillors(?=\s+(?:unanimously\s+)?resolved\b)"
    # "The Integration Joint Board NOTED", "The Audit and Risk Committee APPROVED": the body by
    # its full name, taken only before a decision word written in capitals (match_heading)
    r"|the\s+(?P<named>(?:[a-z&,'\-]+\s+){0,5}?)(?:committee|sub-committee|board|panel|"
    r"authority|partnership|forum|group|council|commission|ijb)(?:\s+of\s+directors)?"
    r"(?=\s+[A-Z]{4,}\b)"
    # "The Leader and Lead Member RESOLVED to:", "The Cabinet Member for Housing RESOLVED": the
    # decision maker of a decision record, whose resolution is the decision
    r"|the\s+(?:leader|lead\s+(?:cabinet\s+)?member|(?:executive\s+)?cabinet\s+member"
    r"|portfolio\s+holder"
    r"|executive\s+member)(?:\s+(?:and|&)\s+(?:the\s+)?(?:lead\s+(?:cabinet\s+)?member"
    r"|deputy\s+leader|leader))?(?:\s+for\s+[a-z&,\s\-]{3,80}?)?"
    # "The Executive Cabinet Member NOTED the report.": the decision word in capitals, as a
    # body's (the boards' reading)
    r"(?=\s+(?:resolved\b|(?-i:NOTED|APPROVED|AGREED|ENDORSED|DECIDED)\b)))\s+"
    r"(?:(?:therefore|then|also|further|subsequently|unanimously|duly|formally|accordingly)\s+)"
    r"{0,2})?"
)
_KEYWORD = (
    # "Decision taken" / "Cabinet agreed the recommendations ...": a decision page's label, as
    # "Decision Made" is
    r"(?P<kw>decision\(s\)|decision\s+taken|decision\s+made(?=\s*(?:[:\-\u2013]|$))|decisions?|"
    r"recommendation\(s\)|recommendations?|recommended|"
    # "Agree to acquire 3 quotes ...": a typing slip for "Agreed" before its "to" (as "RESOVLED");
    # not "Agree to the precept" (an item's title)
    r"resolutions?|resolved|resovled|agreed|"
    r"agree(?=\s+to\s+(?!the\b|a\b|an\b|this\b|these\b|its\b)[a-z])|noted|decided|received|outcomes?"
    # decision words a body's minutes write in capitals ("The Board APPROVED ...", "ENDORSED
    # the plan"), taken in capitals only (match_heading); "RECOMMENDS TO THE BOARD:" is the
    # committee's decision to recommend
    r"|approved|endorsed|supported|accepted|ratified|adopted|confirmed|authori[sz]ed|"
    r"commended|recommends)"
    # "RESOLVEDto note the contents ...": the keyword in capitals glued to its clause
    r"(?:(?![\w])|(?:(?<=(?-i:RESOLVED))|(?<=(?-i:AGREED)))(?=(?-i:to|that)\s))"
)
HEADING_RE = re.compile(
    rf"^{_BULLET_PREFIX}{_PARA}(?:(?:unanimously|duly)\s+)?{_SUBJECT}{_KEYWORD}", re.I
)
# how a vote was carried, between a decision word and its clause: "by a majority", "by 6 votes to
# 2", "by a majority of 4 in favour to 1 against, with 2 abstentions"
_COUNT = r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_TALLY = (
    rf"{_COUNT}\s+(?:votes?\s+)?(?:in\s+favour\s+|for\s+)?(?:to|against|,)\s*{_COUNT}"
    rf"(?:\s+against)?(?:\s*(?:,|with|and)\s*{_COUNT}\s+abstentions?)?"
)
# "by a vote of 5 in favour and 2 abstentions", "by a vote of 4 for, 2 against"
_COUNTED = rf"{_COUNT}\s+(?:votes?\s+)?(?:in\s+favour|for|against|abstentions?|abstaining)"
VOTES = (
    rf"by\s+(?:(?:a\s+)?majority(?:\s+vote)?(?:\s+of)?(?:\s+{_TALLY})?|{_TALLY}"
    rf"|(?:a\s+)?vote\s+of\s+{_COUNTED}(?:\s*(?:,|and|with|to)\s*{_COUNTED}){{0,3}})"
)
_FILLER_RE = re.compile(
    # "Resolved (proposed Cllr Hale, seconded Cllr Udall) that ...": who moved it, in brackets
    # "RESOLVED (7 for, 1 against):", "RESOLVED (unanimous):": the vote, in brackets
    r"\s*(?:,\s*)?(?:\(\s*(?:unanimous(?:ly)?|nem\.?\s*con\.?|by\s+[^)]{1,40}|propos[^)]{1,80}"
    r"|\d{1,3}\s+(?:votes?\s+)?(?:for|in\s+favour)\b[^)]{0,40})\s*\)"
    r"|unanimously|by\s+all(?:\s+present)?(?=\s+(?:that|to)\b)|"
    rf"nem\.?\s*con\.?|{VOTES})?(?:\s*,)?",
    re.I,
)
# "Outcome: That the survey be funded.", "Outcome - to fund the survey": the item's outcome label
# over the body's clause (a status under it is not a decision)
_OUTCOME_CLAUSE_RE = re.compile(r"\s*[:\-\u2013]\s*(?:that\b|to\s+(?!be\b)[a-z]{3,})", re.I)
_SEP_RE = re.compile(r"\s*(?:[:\-.;,]+\s*)+")
# the vote in brackets after the keyword's colon: "(Unanimously)", "(nem con)", "(by 9 votes to
# 2)", "(7 for, 1 against, 2 abstentions)", "(by a majority)"
_VOTE_NOTE_RE = re.compile(
    r"\s*\(\s*(?:unanimous(?:ly)?(?:\s+agreed)?|nem\.?\s*con\.?|(?:by\s+)?(?:a\s+)?majority"
    r"(?:\s+vote)?|by\s+[^)]{1,40}|\d{1,3}\s+(?:votes?\s+)?(?:for|in\s+favour)\b[^)]{0,60})\s*\)"
    r"\s*[:\-.;,]*\s*",
    re.I,
)
_KIND = {
    "decision(s)": "resolved", "decision": "resolved", "decisions": "resolved",
    "decision taken": "resolved", "decision made": "resolved",
    "decided": "resolved", "resolved": "resolved", "resolution": "resolved",
    "resolutions": "resolved", "agreed": "agreed", "agree": "agreed", "noted": "noted",
    "resovled": "resolved",
    "received": "noted", "recommends": "resolved", "outcome": "resolved", "outcomes": "resolved",
    **dict.fromkeys(("approved", "endorsed", "supported", "accepted", "ratified", "adopted",
                     "confirmed", "authorised", "authorized", "commended"), "resolved"),
    "recommended": "recommended", "recommendation": "recommended",
    "recommendations": "recommended", "recommendation(s)": "recommended",
}  # fmt: skip
_CAPITALS_ONLY = frozenset(
    ("approved", "endorsed", "supported", "accepted", "ratified", "adopted", "confirmed",
     "authorised", "authorized", "commended", "recommends")
)  # fmt: skip
_RECOMMENDATION_WORDS = {"recommendation", "recommendations", "recommendation(s)"}
_THAT_RE = re.compile(r"that\b", re.I)
_WOULD_CLAUSE_RE = re.compile(r"that\b[^.;]{0,200}?\b(?:would|will)\b", re.I)


@dataclass(frozen=True)
class Heading:
    kind: str
    keyword: str  # lower-cased heading word
    number: str  # paragraph number written before the heading ("8.18"), or ""
    inline: str  # text after the heading on the same line ("" when none)
    inline_start: int  # index of `inline` within the collapsed line


# "positioning of", "purchase of", "renewal of", "payment of", "installation of": the noun of a
# deed and its object ("Agreed minutes of ..." and "Agreed terms of ..." name no deed)
_DEED_NOUN_RE = re.compile(r"[a-z]{3,}(?:ing|ion|ment|al|ase|ance|ence|ure)\s+(?:of|for)\s+\S")
# "Agreed this be deferred until ...", "Resolved the hedge be cut back": the keyword, then a
# clause whose "that" was left out (a short subject and "be"/"should"/"shall"); "Agreed need to
# look at ...": its subject left out too
_ELIDED_THAT_RE = re.compile(
    r"(?:this|these|it|they|(?:the|all)\s+[a-z][\w'\u2019\-]*(?:\s+[a-z][\w'\u2019\-]*){0,3})"
    r"\s+(?:be|should|shall|must)\s+[a-z]"
    r"|needs?\s+to\s+[a-z]"
    # "Resolved Councillor Gritton to purchase ...", "Agreed the Clerk to write ...": a named
    # member or officer, then what they are to do
    r"|(?:(?:Cllrs?\.?|Councillors?|Mrs?\.?|Ms\.?|Dr\.?)(?:\s+[A-Z][\w'\u2019\-]*){1,3}"
    r"|the\s+(?:clerk|chair(?:man)?|vice[\s\-]chair(?:man)?|rfo|treasurer|secretary))"
    r"\s+to\s+[a-z]{3,}",
    re.I,
)


# "Agreed need to look at what equipment is in situ ...", "Agreed need for a new bench": the
# keyword before the need the meeting agreed on
_NEED_RE = re.compile(r"(?:a\s+|the\s+)?need(?:s|ed)?\s+(?:to\s+[a-z]|for\s+\S)", re.I)
# "Recommendation: The Town Council would resend the information ...": a recommendation label
# over what someone would or will do, the meeting's undertaking restated, not a decision
_WOULD_RECOMMENDATION_RE = re.compile(
    r"(?:the\s+)?[A-Z][\w'\u2019\-]*(?:\s+[A-Z][\w'\u2019\-]*){0,4}\s+(?:would|will)\s+[a-z]"
)


_CAPITAL_CLAUSE_RE = re.compile(
    r"(?-i:The|These|This)\s+[^.;:]{3,160}?\b(?:was|were|is|are|be|been)\s+"
    r"(?:(?:unanimously|duly|all)\s+)?[a-z]+(?:ed|en)\b"
    # its line hard-wrapped before the verb: the minutes' approval
    r"|(?-i:The)\s+(?:draft\s+)?(?i:minutes?)\s+of\b"
)


# "Resolution – Anytown Town Council – Parking charges": the noun, a dash, then a title of
# dash-separated parts (the body whose motion it is, its subject), no clause and no full stop
_TITLE_CHAIN_RE = re.compile(
    r"\s+[\u2013\u2014-]\s+(?!(?:that|to)\b)[^.;:\u2013\u2014]{2,80}?\s[\u2013\u2014-]\s"
    r"(?![^.;:]*\b(?:be|is|are|was|were|been)\b)[^.;:]{2,120}$",
    re.I,
)


def match_heading(text: str, m: str) -> Heading | None:
    """A resolution heading at the start of a collapsed line (`m` is its matchable form)."""
    hm = HEADING_RE.match(m)
    if not hm:
        return None
    kw_raw = hm.group("kw")
    kw = kw_raw.lower()
    upper = kw_raw.isupper()
    subj = hm.group("subj")
    if (kw in _CAPITALS_ONLY or hm.group("named") is not None) and not upper:
        return None  # "The Cabinet approved ...": another verb in prose (rule 6)
    if kw == "agree" and (subj or hm.group("named") is not None or text.lstrip()[:1] == "a"):
        return None  # "Members agree to ...", "agree to ...": a verb, not the slipped keyword
    filler = _FILLER_RE.match(m, hm.end("kw"))  # all optional: it always matches
    pos = filler.end() if filler else hm.end("kw")
    if kw == "recommends":
        # "RECOMMENDS TO THE INTEGRATION JOINT BOARD:", "RECOMMENDS TO COUNCIL that ...": the
        # body recommended to is part of the keyword
        to = re.match(
            r"\s*to\s+(?:the\s+)?[a-z&,'\s\-]{3,80}?(?=\s*[:\-]|\s+that\b)", m[pos:], re.I
        )
        if not to:
            return None
        pos += to.end()
    rest = m[pos:]
    if kw.startswith("outcome") and not _OUTCOME_CLAUSE_RE.match(rest):
        return None  # "Outcome: awaited from the county", "Outcome: to be confirmed": a status
    ref = re.match(r"\s*(?:no\.?\s*)?\d[\w/.]*(?<![.])\s*[:\-]\s+(?=that\b)", rest, re.I)
    if kw.startswith("resolution") and ref:
        pos, rest = pos + ref.end(), rest[ref.end() :]  # "Resolution 23/45: That ...": its number
    sep = _SEP_RE.match(rest)
    stripped = rest.lstrip()
    if not stripped:
        mode, start = "empty", len(m)
    elif sep:
        mode, start = "sep", pos + sep.end()
    elif parse_marker(stripped, stripped) is not None and not stripped.startswith(
        ("o ", "? ", "* ")
    ):
        mode, start = "sep", pos + len(rest) - len(stripped)
    else:
        word = stripped.split(None, 1)[0].lower().strip(":")
        if word in ("that", "to", "as"):
            mode, start = "that", pos + len(rest) - len(rest.lstrip())
        elif word in ("action", "actions", "action:", "actions:"):
            return None  # "AGREED ACTIONS" heads a list of actions
        else:
            mode = "object"
            start = hm.start("subj") if subj else hm.start("kw")
    if mode == "object" and not upper:
        if subj or kw not in ("agreed", "resolved"):
            return None
        if not (
            _DEED_NOUN_RE.match(stripped)
            or _ELIDED_THAT_RE.match(stripped)
            or _NEED_RE.match(stripped)
            # "Resolved The Minutes ... was unanimously accepted ...": the label's colon lost
            # before a capitalised clause of its own
            or (kw_raw[:1].isupper() and _CAPITAL_CLAUSE_RE.match(stripped))
            # "Agreed by all.", "Agreed and signed by the Chair.": the keyword as the item's
            # outcome, with how it was agreed (keyword_reader reads the whole line as its text)
            or (kw == "agreed" and agreed_outcome(text))
        ):
            return None
        # "Agreed positioning of the planters ...", "Resolved renewal of the lease": the keyword
        # before the noun of what is to be done; the text starts after the keyword (rule 1)
        mode, start = "sep", pos + len(rest) - len(stripped)
    if kw in _CAPITALS_ONLY and not subj and mode not in ("sep", "that"):
        return None  # "APPROVED" alone, "ACCEPTED the ...": a status cell or a word in a list
    if kw in _RECOMMENDATION_WORDS and re.match(
        r"\s*(?:no\.?\s*)?\d{1,3}[a-z]?\s*[:.)\-]", rest, re.I
    ):
        # "Recommendation 1: That the action plan is put back ...": a report's or a group's
        # numbered recommendation to the meeting, not its decision (the README's batch 24)
        return None
    if kw.startswith("resolution") and re.match(r"\s*\d", rest):
        return None  # "9. Resolution 9.1 Newry, Mourne ...": an agenda heading and its items
    if kw in ("resolution", "resolutions") and not upper and _TITLE_CHAIN_RE.match(m, hm.end("kw")):
        return None  # "Resolution – Borough Council – PSNI ...": a title naming another's motion
    if kw == "received" and not (upper and mode in ("empty", "sep")):
        return None  # "RECEIVED." alone is an outcome; "received" in prose is not
    if kw.startswith("decision") and re.match(
        r"\s*(?:maker|status|date|details|taken\s*$|\(\s*ref\b"
        # "DECISION NOTICE", "DECISIONS SHEET": the title of the page, not a decision
        r"|(?:notices?|sheets?|summary|list|register)\s*$"
        # "DECISIONS made by the Leader ..., on 9 May 2022 at a remote Meeting": the title of a
        # record of decisions, or of an item confirming an earlier one, not a decision
        r"|(?:made|taken)\s+by\s+[^:;]{3,160}?\s+on\s+\d{1,2}(?:st|nd|rd|th)?\s+[a-z]+,?"
        r"\s+\d{4}\b(?!\s*:)[^:]*$)",
        rest,
        re.I,
    ):  # "DECISION (Ref: 12/34)": the label of a decision notice
        return None  # "Decision maker: ...", "Decision status: ...": labels of a decision notice
    if kw == "decisions" and re.match(r"\s*of\s+the\s+[a-z&'\s\-]{4,60}$", rest, re.I):
        return None  # "DECISIONS OF THE MEETING": a record's title; "DECISION OF THE PANEL" is not
    if (
        mode == "that"
        and not upper
        and kw in ("agreed", "agree", "decided", "recommended", "noted")
        and (subj or kw == "noted")
    ):
        return None
    if mode == "that" and not upper and kw in ("decision", "decisions", "decision(s)"):
        return None
    if mode == "that" and subj and _WOULD_CLAUSE_RE.match(stripped):
        # "It was also resolved that ... would be displayed", "it was AGREED that he would
        # pledge ...": prose with its subject, an undertaking, the word's capitals or not
        return None
    if (
        mode == "that"
        and not upper
        and kw in _RECOMMENDATION_WORDS
        and not _THAT_RE.match(stripped)
    ):
        return None
    vote = _VOTE_NOTE_RE.match(m, start)
    if vote and mode in ("sep", "object", "that"):
        # "RESOLVED: (Unanimously)" with the clause on the next paragraph, "RESOLVED: (7 for,
        # 1 against) That ...": how it was carried, not the decision
        start = vote.end()
    inline = text[start:].strip()
    if kw in _RECOMMENDATION_WORDS and _WOULD_RECOMMENDATION_RE.match(inline):
        return None
    if re.fullmatch(r"(?i)(?:that|as\s+follows)\s*[:\-]*", matchable(inline)):
        inline = ""
    para = (hm.group("para") or hm.group("mpara") or hm.group("gpara") or "").strip("().")
    return Heading(_KIND[kw], kw, para, inline, start)


def is_report_recommendation(h: Heading) -> bool:
    return h.keyword in _RECOMMENDATION_WORDS or h.keyword == "recommended"


# ---------------------------------------------------------------------------------------------
# A motion carried with the clauses listed under it


# "The recommendation as set out in the report was moved, seconded, voted on and carried.", "The
# recommendations were duly moved and seconded, and on being put to the vote were carried.": the
# motion that carried the clauses listed under it, whose "RESOLVED" was lost
# "The amended motion was moved, seconded, voted upon and carried.", "The recommendation was put to
# the vote and CARRIED": a motion carried in the same words, its clause printed under it
CARRIED_LEAD_RE = re.compile(
    r"^(?:the\s+)?(?:(?:amended|substantive|original|revised|above)\s+)?"
    r"(?:recommendations?|motions?)\b[^.;:]{0,80}?\b(?:was|were)\s+"
    r"(?:(?:duly\s+)?(?:moved|proposed)\b[^.;:]{0,20}?\bseconded\b[^.;:]{0,60}?"
    r"|put\s+to\s+the\s+vote\s+and\s+(?:was\s+|were\s+)?)"
    r"\b(?:carried|agreed|approved)\b[^.;:]{0,30}[.:]?$",
    re.I,
)
