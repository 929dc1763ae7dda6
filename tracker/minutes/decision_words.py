"""Decision words outside the keyword reader's labels.

An upper-case decision word inside a sentence ("... the Council RESOLVED unanimously there was
no objection ...", "... plants Resolved \u2013 to approve ...") and a decision word that is the
outcome of the sentence before it ("... price the stile. Agreed.", "X was elected as Chair
Resolved"). `midline_keywords` and `outcome_sentences` turn each into a scored `Candidate`;
`candidates.generate` calls them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .glued_lines import AGREED_TAIL
from .lists import MODAL_RE
from .patterns import VOTES
from .scoring import BODY, Candidate, context_features, prev_text, sentences
from .segment import Segmented
from .text import holds_any

__all__ = ["capital_approvals", "midline_keywords", "noted_openers", "outcome_sentences"]

_MIDLINE_KEYWORD_RE = re.compile(
    # capitalised as a label with its clause after it ("the Council Resolved unanimously ...",
    # "Appointment of Chairman Resolved that ..."): read as in capitals; "has been Resolved."
    # and "Issues Resolved Since ..." have no clause
    r"(?<=\S)\s+(?P<kw>RESOLVED|AGREED|(?:Resolved|Agreed)(?=\s+(?:that|to|unanimously)\b)"
    # "... was received and it was NOTED that Cllr A declared ...": NOTED in capitals as the
    # page's decision word, with its clause (the boards' reading)
    r"|(?<=\bwas\s)NOTED(?=\s+that\b))"
    r"\b\s*(?:unanimously\s+|"
    # "it was AGREED (proposed Dr A, seconded Mr B) to insert ...": the movers in brackets
    r"\((?i:propos|moved|seconded)[^)]{0,100}\)\s*(?=(?:to|that)\b)|"
    rf"(?i:{VOTES})\s*,?\s*(?=(?:to|that)\b)|by\s+a\s+majority\b[^,.]*?(?=\s(?:to|that)\b)\s*)?"
    r"(?P<rest>\S.*)$"
)

# "Future expenditure would be on a mower & plants Resolved – to approve expenditure ...": the
# keyword as a capitalised label after the discussion, its dash or colon then its clause
_MIDLINE_LABEL_RE = re.compile(
    r"(?<=[a-z0-9,)])\s+(?P<kw>Resolved|Agreed)\s*[\u2013\u2014:\-]\s*(?P<rest>(?:to|that)\b.*)$"
)

# "... a pay as you go mobile phone. Agree to acquire 3 quotes ...", "... towards new play
# equipment.  Agreed need to look at what equipment is in situ ...", "... . Agreed this be
# deferred ...": the keyword opening a sentence after the discussion, with its clause (rule 1);
# the text is that sentence after the keyword
_MIDLINE_SENTENCE_RE = re.compile(
    r"(?<=[a-z0-9)][.!?])\s+(?P<kw>Agreed|Agree|Resolved)\s+"
    r"(?P<rest>(?:(?:a\s+|the\s+)?need(?:s|ed)?\s+(?:to|for)\s"
    r"|to\s+(?!be\b)[a-z]|(?:this|these|it|they)\s+(?:be|should)\s)"
    r"[^.!?]*(?:[.!?](?=\s|$)|$))"
)


_SHORT_OUTCOME_RE = re.compile(
    r"^(?:and\s+)?(?:noted|agreed|accepted|approved|accordingly|unanimously)(?:\s+accordingly)?"
    r"\s*[.;]?(?=\s|$)",
    re.I,
)
_MEMBER_SUBJECT_RE = re.compile(
    r"\b(?:chair(?:man|person)?|councillor|cllr|mr|mrs|ms|dr|mayor|leader|convener|provost)\s*$",
    re.I,
)


_VOTE_AND_MOVERS_TAIL_RE = re.compile(
    r"(?<=\.)\s+(?:(?:Agreed|Carried|Approved)\b[^.(]{0,30}\.?\s*)?\(\s*(?:Proposed|Moved)\b"
    r"[^)]*\)\s*\.?$"
)
# "... be signed following the meeting. Cllr. A PROPOSED and Cllr. B SECONDED the motion.",
# "... . Proposed by Cllr A, seconded by Cllr B.": the movers' own sentence after the clause is
# the motion's vote, not the decision's text
_MOVERS_SENTENCE_RE = re.compile(
    r"(?<=[a-z0-9)][.;])\s+(?=\S)(?P<m>(?:(?:Cllr|Councillor|Mr|Mrs|Ms|Dr|Mayor)\b\.?\s*)?"
    r"[\w.'\u2019 -]{0,40}?\b(?i:proposed|moved)\b(?:\s+by\b|\s*:)?.{0,90}?"
    r"\b(?i:seconded)\b(?:[^.]{0,60}|\s+(?:by\s+)?(?:Cllr|Mr|Mrs|Ms|Dr)\.[^.]{0,60})\.?)$"
)
_MARKER_ONLY_RE = re.compile(r"^\s*\(?(?:[ivx]{1,4}|[a-h]|\d{1,2})[.)]\s*$")
_PASSIVE_BEFORE_RE = re.compile(r"\b(?:was|were|been|being|is|are)\s*$", re.I)
_IT_WAS_BEFORE_RE = re.compile(r"\bit\s+(?:was|is|has\s+been)\s*$", re.I)


def midline_keywords(seg: Segmented, free: Sequence[int]) -> list[Candidate]:
    """An upper-case decision word inside a sentence: "Following discussion, the Council
    RESOLVED unanimously there was no objection ...", "It was RESOLVED by a majority of 4 in
    favour to 1 against to make no objection ..."."""
    out = []
    for i in free:
        ln = seg.lines[i]
        km = (
            _MIDLINE_KEYWORD_RE.search(ln.text)
            or _MIDLINE_LABEL_RE.search(ln.text)
            or _MIDLINE_SENTENCE_RE.search(ln.text)
        )
        if not km:
            continue
        text = km.group("rest").strip()
        tail = _VOTE_AND_MOVERS_TAIL_RE.search(text)
        if tail:  # "to approve ... record. Agreed by all. (Proposed by A ...)": its motion
            text = text[: tail.start()].strip()
        movers = _MOVERS_SENTENCE_RE.search(text)
        if movers and not re.search(r"\b(?:resolved|agreed|that)\b", movers.group("m"), re.I):
            text = text[: movers.start()].strip()
        if not text.strip(" :;.-\u2013") or re.fullmatch(
            r"(?:to|that|as\s+follows)\s*:-?", text, re.I
        ):
            # "The Portfolio Holder ... RESOLVED:", "Having considered the report, Cabinet
            # RESOLVED to:", "In view of the above the forum RESOLVED as follows:-" (issue 17,
            # branch leadlist): the lead-in of the list below
            continue
        if _MARKER_ONLY_RE.match(ln.text[: km.start("kw")]):
            continue  # "(2) AGREED the plan.": an item of a list, its verb in capitals

        short = _SHORT_OUTCOME_RE.match(text)
        if short:  # "... pick up times. RESOLVED and noted. The Council thanked ...": the
            text = f"{km.group('kw')} {short.group(0).strip()}"  # keyword is the outcome
        c = Candidate("resolution", "upper-case decision word in the sentence", text, i, ln.no)
        c.verb, c.base, c.sentence = km.group("kw").lower(), 0.6, ln.text
        before = ln.text[: km.start("kw")]
        if _MEMBER_SUBJECT_RE.search(before):
            c.feature("the subject is a member, not the meeting", -0.5)
        elif _PASSIVE_BEFORE_RE.search(before) and not _IT_WAS_BEFORE_RE.search(before):
            # "The minutes ... were AGREED and signed": an outcome reported, not a decision's text
            c.feature(f"a passive verb ('{before.split()[-1]} {km.group('kw')}')", -0.4)
        elif _IT_WAS_BEFORE_RE.search(before) and re.match(r"that\b", text, re.I):
            # "it was AGREED that he would pledge his oath ...": rule 3's "would", an undertaking
            mm = MODAL_RE.search(text)
            if mm and mm.group("m").lower() in ("would", "will"):
                c.kind = "undertaking"
                c.feature(f"'that ... {mm.group('m').lower()}': an undertaking reported", 0)
        context_features(seg, c, False)
        out.append(c)
    return out


# "Letter from the Department regarding bonfires. Noted.": a Northern Irish council's
# correspondence item ends with the keyword NOTED as its outcome (the README's batch 15)
_OUTCOME_SENTENCE_RE = re.compile(r"^(?:agreed|resolved|noted)(?:\s+accordingly)?\.?$", re.I)
# "Cllr B Nolan was elected as Chair Resolved": the decision word last, capitalised as a label,
# with no full stop before it; "... and the Group agreed." (lower case) is the sentence's own
# verb, and "... has now been Resolved" reports how a matter ended
_TRAILING_WORD_RE = re.compile(
    # "Draft accounts ... as distributed: APPROVED.": the word in capitals after a colon or dash
    # "...held on 6th July 2016:Agreed.": after a colon, also with no space
    r"^(?P<before>.*\b(?P<prev>[\w']+))(?:\s*[:\u2013\-]\s+|\s*:|\s+)"
    r"(?P<kw>Resolved|RESOLVED|Agreed|AGREED|APPROVED)"
    # "MINUTES OF MEETING 14-09-17 - Agreed by all and signed by the Chairman": how it was
    # agreed and signed, after the word (issue 17, branch resgen2)
    rf"(?:(?<=Agreed|AGREED){AGREED_TAIL})?\s*\.?$"
)
_OUTCOME_WORDS = ("agreed", "resolved", "noted", "approved")
_OUTCOME_WORD_RE = re.compile("|".join(_OUTCOME_WORDS), re.I)
_AUXILIARY = {"was", "were", "been", "be", "being", "is", "are", "not", "now", "has", "have",
              "had", "and", "or", "if", "as", "who", "which", "that", "they", "we", "it"}  # fmt: skip


def outcome_sentences(seg: Segmented, free: Sequence[int]) -> list[Candidate]:
    """ "... he be allowed to claim 5p per sheet ... . Agreed.": a decision word alone as a
    sentence after another ("... price the stile. Agreed. ACTION CD.") is the outcome of the
    point before it; "X was elected as Chair Resolved", the word ending the line with no full
    stop before it, is the outcome of its own sentence."""
    out = []
    for i in free:
        ln = seg.lines[i]
        if not holds_any(ln.text, _OUTCOME_WORDS, _OUTCOME_WORD_RE):
            continue  # neither reading's word: "Agreed.", "Resolved", "APPROVED"
        # "... along the cyclepath . Agreed.": a full stop typed after a space still ends it
        sents = sentences(_SPACED_STOP_RE.sub(".", ln.text))
        alone = [
            s for n, (_at, s) in enumerate(sents) if n and _OUTCOME_SENTENCE_RE.match(s.strip())
        ]
        if alone:
            text, why = alone[0].strip(), "a decision word ending the paragraph"
            if not _OUTCOME_SENTENCE_RE.match(sents[-1][1].strip()):
                why = "a decision word alone after the point it ends"
        else:
            tm = _TRAILING_WORD_RE.match(sents[-1][1].strip()) if sents else None
            if (
                not tm
                or tm.group("prev").lower() in _AUXILIARY
                or len(tm.group("before").split()) < 3
                or _OUTCOME_SENTENCE_RE.match(ln.text.strip())
            ):
                continue
            text, why = (
                sents[-1][1].strip(),
                "a decision word ending the line, with nothing after it",
            )
            if i in seg.headings:
                text = _NUMBER_PREFIX_RE.sub("", text, count=1)  # "20.07 i Draft accounts ..."
            text = _MARKER_PREFIX_RE.sub("", text, count=1)  # "(a) Hedge – quote – Agreed."
        c = Candidate("resolution", why, text, i, ln.no)
        c.verb, c.base, c.sentence = (
            re.split(r"[\s:]+", text.strip())[-1 if not alone else 0].rstrip(".").lower(),
            0.6,
            ln.text,
        )
        context_features(seg, c, False)
        out.append(c)
    return out


_SPACED_STOP_RE = re.compile(r"(?<=\w) +\.(?=\s+[A-Z])")
# "(a) ", "iv) ": a list item's own marker, no part of the decision (rule 2)
_MARKER_PREFIX_RE = re.compile(r"^\(?(?:[a-h]|[ivx]{1,4}|\d{1,2})\)\s+")
# "19.173(20.07) i ": the item's number (and the agenda's) and the point's own marker
_NUMBER_PREFIX_RE = re.compile(
    r"^\d{1,4}(?:[./]\d{1,4})*\s*(?:\(\d{1,4}(?:\.\d{1,4})*\))?\.?\s*(?:(?:[ivx]{1,4}|[a-z])[.)]?\s+)?"
)


# "· Noted that Jo Hale is the new chair. Agreed to write ...", "Minutes:" / "Noted that Ann was
# the Chairman ...": "Noted that" opening a line or bullet the keyword reader left is rule 1's
# NOTED (the freshres reading (c)), its text from "that" to the end of the sentence; a lead-in
# ending in ":" is left to the lead-in readers
_NOTED_OPENER_RE = re.compile(
    r"^(?:[\u00b7\u2022\u25aa\u25cf\uf0b7*\-\u2013\u00a7]\s*)?(?:Noted|NOTED)\s*[\u2013:-]?\s+"
    r"(?P<rest>that\s+\S.*)$"
)


def noted_openers(seg: Segmented, free: Sequence[int]) -> list[Candidate]:
    out = []
    for i in free:
        ln = seg.lines[i]
        nm = _NOTED_OPENER_RE.match(ln.text)
        if nm is None or ln.text.rstrip().endswith((":", ":-")):
            continue
        text = sentences(nm.group("rest"))[0][1].strip()
        c = Candidate("resolution", "'Noted that' opening the line", text, i, ln.no)
        c.verb, c.base, c.sentence = "noted", 0.6, ln.text
        context_features(seg, c, False)
        out.append(c)
    return out


# "... are required. The Council APPROVED \u00a313.20 for the purchase of the site plan and ...",
# a bullet "APPROVED the quote for \u00a3150 for the bench.": APPROVED in capitals as the page's
# decision word, with the body as its subject or opening the sentence; the decision is that
# sentence. "was APPROVED" (a passive outcome), "APPROVED by" and a title in capitals
# ("APPROVED MINUTES OF THE MEETING ...") are left to other readers.
_CAPITAL_APPROVED_RE = re.compile(
    rf"(?:^[\s\u2022\u00b7\u25aa\u00a7*\u2013-]*|(?<=[.!?:])\s+|(?<=\s[\u2022\u00b7\u25aa\u00a7])\s+)(?P<s>(?:(?i:the\s+)(?i:parish\s+|town\s+|community\s+)?(?i:{BODY})"
    r"\s+(?:(?i:also|then|unanimously)\s+)?)?APPROVED\s+(?!by\b|and\b|[.;:]|[A-Z]{2,}\b)"
    # a full stop after an initial or a title ("J. Smith", "Mr. Hale") does not end it
    r"(?:[^.!?]|[.!?](?!\s+[A-Z(\u2018\u201c]|\s*$)"
    r"|\.(?:(?<=\b[A-Z]\.)|(?<=\bMr\.)|(?<=\bMrs\.)|(?<=\bDr\.)|(?<=\bCllr\.)|(?<=\bSt\.)))*"
    r"[.!?]?)(?=\s|$)"
)


# "APPROVED minutes Carron Valley & District Community Council", "APPROVED Minutes - Kelso
# Trust": the status of the minutes before the body's name alone (no article, verb or date), the
# page's title and not a decision
_STATUS_TITLE_RE = re.compile(
    r"APPROVED\s+(?i:minutes?)\s*[:\u2013-]?\s*(?:of\s+)?(?:[A-Z][\w'\u2019.]*|&)"
    r"(?:\s+(?:[A-Z][\w'\u2019.]*|&|and|of|for))*\s*$"
)


def capital_approvals(seg: Segmented, free: Sequence[int]) -> list[Candidate]:
    """APPROVED in capitals opening a sentence, alone or after the meeting's body ("The Council
    APPROVED \u00a313.20 for ...", "APPROVED the quote for ..."): the sentence is the decision."""
    out = []
    for i in free:
        ln = seg.lines[i]
        if "APPROVED" not in ln.text:
            continue  # the word in capitals every reading below opens on
        before = prev_text(seg.lines, i - 1)
        if re.search(r"[;,]\s*(?:and|or)?\s*$", ln.text) or (
            before is not None and seg.lines[before].text.rstrip().endswith((":", ";", ":-"))
        ):
            continue  # "The Board:" / "• APPROVED the revised plan; and": a lead-in's list item
        for m in _CAPITAL_APPROVED_RE.finditer(ln.text):
            text = m.group("s").strip()
            if len(text.split()) < 3 or _STATUS_TITLE_RE.match(text):
                continue
            c = Candidate("resolution", "APPROVED in capitals opening the sentence", text, i, ln.no)
            c.verb, c.base, c.sentence = "approved", 0.6, text
            context_features(seg, c, False)
            out.append(c)
    return out
