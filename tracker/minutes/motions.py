"""Candidate resolutions from motions: "Proposed ... seconded ... unanimously agreed", a motion's
"that" clause with its outcome, "MOTION To co-opt X. Proposed by A, seconded by B. VOTE
Unanimous agreement", nominations, and "Proposed by A, seconded by B." followed by the bare
clause that ends the item (its "Resolved" lost on publication)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .lists import MOVED_AND_RE, ends_item
from .scoring import Candidate, next_text, prev_text, sentences
from .segment import Segmented
from .text import Line

_MOTION_RE = re.compile(
    # "Proposal (AB), seconded (CD)", "Motion (AB) & seconded (CD)", "(Proposer: A, seconder: B)"
    r"\b(?:propos(?:ed|es|er|al)|moved|motion|nominated)\b.*\bsecond(?:e[dr]|s)?\b"
    # "The minutes ... was approved by Doreen Towler and second by Linda Charles."
    r"|\bapproved\s+by\s+[A-Z].*\bsecond(?:ed)?\s+by\s+[A-Z]"
    # "Prop: Cllr Hale Sec: Cllr Udall", "(Prop RT, Sec JM)": the words cut short
    r"|\bprop(?:[.:]|\s)\s*(?-i:[A-Z]).{0,60}?\bsec(?:[.:]|\s)\s*(?-i:[A-Z])"
    # "Cllr Burgess proposed above payments were made, all in favour.": no seconder written,
    # the outcome in the proposer's sentence
    r"|\b(?:proposed|moved)\s+(?!by\b|that\b)[^.;]{3,200}?,\s*all\s+(?:present\s+)?in\s+favour\b",
    re.I,
)
_PUT_OUTCOME_RE = re.compile(r"\b(?:approved|agreed|accepted|adopted|carried)\b", re.I)
_MOVED_WORD_RE = re.compile(r"\b(?:propos(?:ed|es)|moved|nominated)\b", re.I)
_PROPOSED_BY_PAIR_RE = re.compile(
    r"\bproposed\s+by\s+(?:Cllrs?\.?\s+|Councillors?\s+)?[A-Z][\w'\u2019\-]*"
    r"\s*(?:&|and)\s*(?:Cllr\.?\s+|Councillor\s+)?[A-Z][\w'\u2019\-]*\s+(?P<text>that\b)"
)
_MOVER_START_RE = re.compile(r"^(?:proposed|moved)\b(?!\s+that\b)", re.I)
_REPORTED_OUTCOME_RE = re.compile(
    r"\b(?:was|were)\s+(?:unanimously\s+)?(?:agreed|approved|accepted|adopted|confirmed)\.?$",
    re.I,
)
_MOVER_RE = re.compile(r"^(?:moved|proposed)(?:\s+by\b|\s*:)", re.I)
_SECONDER_RE = re.compile(r"^seconded(?:\s+by\b|\s*:)", re.I)
_OUTCOME_RE = re.compile(
    r"\b(?:unanimously\s+)?(?:approved|agreed|carried|passed|accepted|appointed|elected|adopted)\b"
    r"|\bunanimous\w*",
    re.I,
)
# "A proposed records to be accepted as correct, seconded by B": the motion's own words, not
# its outcome ("... seconded by B. Carried." is)
_MOTION_WORDS_RE = re.compile(
    r"\b(?:to\s+|should\s+|shall\s+)?be\s+(?:unanimously\s+)?"
    r"(?:approved|agreed|accepted|adopted|appointed|elected|passed)\b",
    re.I,
)
_LOST_RE = re.compile(r"\b(?:not\s+carried|was\s+lost|defeated|fell)\b", re.I)
# "Vote: 2 for, 5 against. Not carried.", "The motion was defeated."
_LOST_SENTENCE_RE = re.compile(r"\b(?:motion|amendment|proposal)\s+(?:was\s+)?lost\b", re.I)
# a name's full stops ("Cllr. Hale", "Mrs. Hart", "D. Hale") are not the end of a sentence
_NAME_STOP = r"(?:(?<=\bCllr)|(?<=\bMrs)|(?<=\bMr)|(?<=\bMs)|(?<=\bDr)|(?<=\b[A-Z]))\."
_PROPOSED_THAT_RE = re.compile(
    # "proposed that ...", "It was proposed by Cllr. Dale that ..."; "The Cabinet Member moved
    # that ..., the motion was seconded by ...": "moved" is "proposed"
    r"\b(?:proposed|moved)\s+(?:by\s+(?:(?-i:[A-Z])[\w'\-]*\.?\s+){1,4})?"
    r"(?P<text>that\b.+?)(?=\s+(?:this\s+was\s+|and\s+(?:was\s+)?|,\s*)?seconded\b"
    r"|,\s*seconded\b|;\s"
    r"|,\s*(?:and\s+)?(?:the\s+motion\s+|this\s+|it\s+)?was\s+seconded\b"
    r"|\s+and\s+(?:all\s+were\s+in\s+favour|(?:it\s+)?was\s+(?:agreed|carried))|[.;]?$)",
    re.I,
)
_OUTCOME_AFTER_RE = re.compile(
    r"\ball\s+(?:present\s+)?(?:agreed|were\s+in\s+favour)\b|^(?:agreed|carried)\b"
    r"|\bunanimously\s+(?:agreed|approved|carried)\b",
    re.I,
)
# "Proposed (AH) & Seconded (SB) that the minutes be approved": the clause after the seconder
_SECONDED_THAT_RE = re.compile(
    rf"\bseconded\b(?:[^.;]|{_NAME_STOP}){{0,60}}?\s(?P<q>[\"\u201c]?)(?P<text>that\s.+)$", re.I
)
_CLOSE_QUOTE_RE = re.compile(r"[\"\u201d]")


def _clause(m: re.Match[str]) -> str:
    """The motion's clause; a quoted one ("... seconded \"That ... be adopted\" - this was put
    to the meeting and was carried") ends at its closing quote, before the outcome."""
    text = m.group("text")
    if "q" in m.groupdict() and m.group("q"):
        close = _CLOSE_QUOTE_RE.search(text)
        if close is not None:
            return text[: close.start()]
    return text


# "all in favour", "all those present were in favour", "all members at the meeting were in favour"
_ALL_IN_FAVOUR_RE = re.compile(
    r"\ball\s+(?:(?:those|members|councillors)\s+)?(?:(?:present|at\s+the\s+meeting)\s+)?"
    r"(?:were\s+)?in\s+favour\b|\bnem\.?\s*con\b",
    re.I,
)
_BE_PROPOSED_RE = re.compile(
    r"^(?P<text>[A-Z].{3,200}?\bbe\s+[a-z]+ed)\s+proposed\s+\S+.*\bseconded\b", re.I
)
_BE_CLAUSE_UNIT_RE = re.compile(
    r"^(?:the|a|an)\s+[^.;:]{3,200}?\s+be\s+[a-z]+(?:ed|en)\b[^;:]{0,120}\.?$", re.I
)
_THAT_UNIT_RE = re.compile(r"^[\"\u201c\u2018'\s]*that\b", re.I)
_OUTCOME_UNIT_RE = re.compile(
    r"\b(?:declared\s+carried|carried|passed)\b"
    # "All agreed." / "All in favour" / "Unanimous" on a line of its own after the clause
    r"|^(?:all\s+(?:present\s+)?)?agreed\b|^all\s+(?:present\s+)?in\s+favour\b|^unanimous",
    re.I,
)
# "Vote: 6 for, 0 against": carried when more voted for than against
_TALLY_RE = re.compile(
    r"\b(?P<yes>\d{1,3})\s+(?:votes?\s+)?(?:for|in\s+favour)\b[^.;]{0,20}?\b(?P<no>\d{1,3})\s+against\b",
    re.I,
)
# "Motion: that the minutes be approved. Proposed A, seconded B. Motion carried."
_LABEL_THAT_RE = re.compile(
    r"^(?:motion|proposal|resolution)\s*[:\-\u2013]\s*(?P<text>that\b.+)$", re.I
)
# "MOTION To co-opt Lindsay Wood as a member.": the motion's label and its "To ..." clause
_MOTION_TO_RE = re.compile(r"^MOTION\s*:?\s+(?P<text>To\s+[a-z]+\b.*)$")
_MOTION_WORD_RE = re.compile(r"^MOTION\s*:?\s+(?=\S)")
# "LOST: 2 for, 5 against", "NOT CARRIED", "DEFEATED", "The motion fell.", "On being put to the
# vote the motion was lost."
_LOST_UNIT_RE = re.compile(
    r"^(?:motion\s*:?\s*)?(?:lost|defeated|not\s+carried|fell|falls)\b"
    r"|\b(?:motion|amendment|proposal)\s+(?:was\s+)?(?:lost|defeated|fell|not\s+carried)\b"
    r"|\bwas\s+(?:lost|defeated|not\s+carried)\b",
    re.I,
)


# "Proposed by Cllr. A Vant and seconded by Cllr. B Newbon", "Proposed: Cllr Hale Seconded: Cllr
# Udall": who moved it and nothing of what was moved
_NAME = r"(?:(?:Cllrs?|Councillors?|Mrs|Mr|Ms|Miss|Dr)\.?\s+)*(?:[A-Z][\w'\u2019\-]*\.?\s*){1,4}"
_NAMES_ONLY_RE = re.compile(
    rf"^(?:proposed|moved)(?:\s+by)?\s*:?\s*{_NAME}\s*(?:,|and|&)?\s*"
    rf"(?:seconded|second)(?:\s+by)?\s*:?\s*{_NAME}\s*[.,;]?\s*$",
    re.I,
)


# "All members agreed that ... .", "Councillors agreed to ... ." (no body named: rule 3 leaves it)
_MEMBERS_AGREED_RE = re.compile(
    r"^(?:all\s+)?(?:members|councillors|cllrs)(?:\s+present)?\s+(?:unanimously\s+)?agreed\s+"
    r"(?P<text>(?:that|to)\b[^.;]{3,300}[.;]?)\s+(?=this\s+was\s+proposed\b)",
    re.I,
)


def _clause_after(lines: Sequence[Line], k: int) -> int | None:
    """The "That ..." unit right after an outcome line, when it is not the clause of the next
    motion (a proposer or seconder printed after it)."""
    at = next_text(lines, k + 1)
    if at is None or not _THAT_UNIT_RE.match(lines[at].m):
        return None
    nxt = next_text(lines, at + 1)
    if nxt is not None and (_MOVER_RE.match(lines[nxt].text) or _MOTION_RE.search(lines[nxt].text)):
        return None
    return at


_MOTION_LABEL_RE = re.compile(
    r"^(?P<label>proposal|amendment|motion|substantive motion)\s*:?$", re.I
)


_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "cllr",
    "st",
    "no",
    "prof",
    "rev",
    "co",
    "ltd",
    "vs",
    "approx",
}


def _first_sentence(clause: str) -> str:
    """ "that X be ... Council. Proposed Cllr Kirk,": the motion's clause ends its sentence."""
    clause = clause.strip()
    for m in re.finditer(r"(?<=[a-z0-9)])\.\s+(?=[A-Z])", clause):
        word = re.search(r"(\w+)$", clause[: m.start()])
        if word and word.group(1).lower() in _ABBREVIATIONS:
            continue  # "that Mr. Smith be ..."
        return clause[: m.start()]
    return clause


def _motion_sentences(t: str) -> str:
    """A motion with no clause of its own inside a longer cell ("Following the election ...
    . Cllr A proposed B is co-opted ..., Cllr C seconded, unanimous approval. Cllr B signed
    ..."): from the sentence that moves it to the one that gives its outcome."""
    sents: list[str] = []
    for _s, x in sentences(t):
        word = re.search(r"(\w+)\.$", sents[-1]) if sents else None
        if word and word.group(1).lower() in _ABBREVIATIONS:
            sents[-1] = f"{sents[-1]} {x}"  # "Cllr. Brine proposed ...": not a sentence's end
        else:
            sents.append(x)
    if len(sents) < 2:
        return t
    moved = next((k for k, x in enumerate(sents) if _MOVED_WORD_RE.search(x)), None)
    if moved is None:
        return t
    first = moved
    while first > 0 and _PUT_OUTCOME_RE.search(sents[first - 1]):
        first -= 1  # "The minutes ... were approved ... . Proposed: A, seconded: B.": both
    # the outcome written after who moved it ("... . Proposed A, seconded B. All members in
    # favour. Minutes signed ..."): to that sentence; with none after, to the mover's sentence
    # when the outcome came before it ("The minutes ... were approved. Proposed: A, seconded: B.")
    last = next(
        (
            k
            for k in range(moved, len(sents))
            if _OUTCOME_RE.search(_MOTION_WORDS_RE.sub(" ", sents[k]))
            or _ALL_IN_FAVOUR_RE.search(sents[k])
        ),
        moved if first < moved else len(sents) - 1,
    )
    return " ".join(x.strip() for x in sents[first : last + 1])


def motions(seg: Segmented, free: Sequence[int]) -> list[Candidate]:
    out: list[Candidate] = []
    lines = seg.lines
    free_set = set(free)
    for i in free:
        t = lines[i].text
        nxt = next_text(lines, i + 1)
        motion_end = i
        if _MOVER_RE.match(t) and nxt is not None and _SECONDER_RE.match(lines[nxt].text):
            t = f"{t} {lines[nxt].text}"  # "Moved by A," and "Seconded by B," on lines apart
            motion_end = nxt
        if not _MOTION_RE.search(t) or MOVED_AND_RE.search(t):
            pt = _PROPOSED_THAT_RE.search(t)
            pair = _PROPOSED_BY_PAIR_RE.search(t)
            clause = _first_sentence(t[pair.start("text") :]) if pair else ""
            rest = t[pair.start("text") + len(clause) :] if pair else ""
            if pair and _OUTCOME_RE.search(rest) and not _LOST_RE.search(rest):
                # "It was proposed by Cllr A & Cllr B that Cllr C be appointed ... . Cllr C was
                # elected ...": proposer and seconder named together, the outcome after
                c = Candidate("resolution", "motion", clause, i, lines[i].no)
                c.base = 0.65
                c.feature("proposed by two members, its outcome written after", 0)
                out.append(c)
                continue
            if pt and _ALL_IN_FAVOUR_RE.search(t):
                c = Candidate(
                    "resolution", "motion", _first_sentence(pt.group("text")), i, lines[i].no
                )
                c.base = 0.7
                c.feature("proposed, and all in favour", 0)
                out.append(c)
            continue
        if t.startswith("(") or re.search(r"\bthis\s+was\s+proposed\s+by\b", t, re.I):
            # "(Proposed by ... and seconded by ...)" beside a resolution; but "All members agreed
            # that ... . This was proposed by A and seconded by B. All in favour.": the members'
            # agreement is the motion, carried
            ma = _MEMBERS_AGREED_RE.match(t)
            rest = _MOTION_WORDS_RE.sub(" ", t[ma.end() :]) if ma is not None else ""
            if (
                ma is not None
                and (_ALL_IN_FAVOUR_RE.search(rest) or _OUTCOME_RE.search(rest))
                and not _LOST_RE.search(rest)
            ):
                c = Candidate("resolution", "motion", ma.group("text"), i, lines[i].no)
                c.base = 0.7
                c.feature("the members' agreement, proposed, seconded and carried", 0)
                out.append(c)
            continue
        pt = _PROPOSED_THAT_RE.search(t)
        bp = _BE_PROPOSED_RE.match(t)
        # "... seconded by TN that the notes be accepted as a true record.": the motion's own
        # words are not its outcome
        lt = _LABEL_THAT_RE.match(t)
        ct = pt or _SECONDED_THAT_RE.search(t) or lt
        own = re.split(r"[.;,](?:\s|$)", _clause(ct), maxsplit=1)[0] if ct else ""
        told = _MOTION_WORDS_RE.sub(" ", t.replace(own, " ") if own else t)
        tally = _TALLY_RE.search(told)
        carried = tally is not None and int(tally.group("yes")) > int(tally.group("no"))
        lost = _LOST_RE.search(t) or _LOST_SENTENCE_RE.search(t)
        if lost is not None or (tally is not None and not carried):
            # "... seconded by B. On being put to the vote the motion was lost (3 for, 4
            # against).": the review list shows it, with why it was not taken
            ct_text = _first_sentence(_clause(ct)) if ct else t
            c = Candidate("resolution", "motion", ct_text.strip(), i, lines[i].no)
            c.base = 0.35
            c.feature("the motion was lost", -0.35)
            out.append(c)
            continue
        if (
            (_OUTCOME_RE.search(told) or _ALL_IN_FAVOUR_RE.search(told) or carried)
            and not _LOST_RE.search(t)
            and (tally is None or carried)
        ):
            st = None if pt else _SECONDED_THAT_RE.search(t)
            before = prev_text(lines, i - 1)
            motion = lines[before].text if before is not None else ""
            mo = _MOTION_TO_RE.match(motion)
            if pt:
                text = _first_sentence(pt.group("text"))
            elif st:
                text = _first_sentence(_clause(st))  # the motion's "that" clause
            elif lt:
                text = _first_sentence(lt.group("text"))  # "Motion: that ... . Proposed A ..."
            elif mo and not _MOTION_RE.search(motion):
                text = mo.group("text")  # "MOTION To co-opt X." then "Proposed by A, ... VOTE"
            else:
                text = _motion_sentences(_MOTION_WORD_RE.sub("", t))  # "MOTION BW Nominated ..."
            start = i
            if (
                not pt
                and not st
                and before is not None
                and before in free_set
                and _MOVER_START_RE.match(t)
                and _REPORTED_OUTCOME_RE.search(motion)
            ):
                # "The minutes of ... Were agreed." then "Proposed Cllr A seconded Cllr B
                # carried": what was put, then who moved it; the motion is both
                text, start = f"{motion}\n{text.strip()}", before
            c = Candidate("resolution", "motion", text.strip(), start, lines[start].no)
            c.base = 0.7
            c.feature("proposed, seconded and its outcome written", 0)
            out.append(c)
            continue
        if bp:
            c = Candidate("resolution", "motion", bp.group("text"), i, lines[i].no)
            c.base = 0.6
            c.feature("'... be ...ed' with a proposer and seconder", 0)
            out.append(c)
            continue
        # "Proposed by A, Seconded by B," then "That ..." then, later, "declared carried"
        label_at = prev_text(lines, i - 1)
        label = ""
        if label_at is not None:
            lm = _MOTION_LABEL_RE.match(lines[label_at].m)
            label = lm.group("label").lower() if lm else ""
        clauses: list[int] = []
        outcome = None
        lost_at = None
        k, seen = i + 1, 0
        while k < len(lines) and seen < 8:
            u = lines[k]
            if not u.text:
                k += 1
                continue
            seen += 1
            if _LOST_UNIT_RE.search(u.m) and not _THAT_UNIT_RE.match(u.m):
                lost_at = k  # "LOST: 2 for, 5 against", "The motion fell."
                break
            if _OUTCOME_UNIT_RE.search(u.m) and not _THAT_UNIT_RE.match(u.m):
                outcome = u.m
                break
            if seen == 1 and not clauses and _BE_CLAUSE_UNIT_RE.match(u.m):
                clauses.append(k)  # "The minutes of ... be confirmed and signed."
            elif _THAT_UNIT_RE.match(u.m) and not outcome:
                if not (clauses and _MOTION_LABEL_RE.match(lines[k - 1].m)):
                    clauses.append(k)
            elif _MOTION_LABEL_RE.match(u.m) and clauses:
                # another motion follows; its outcome may still be ahead
                pass
            k += 1
        clauses = [k for k in clauses if not lines[k].text.rstrip().endswith(":")]
        if lost_at is not None:
            # a lost motion: its clause, before or after the outcome line, goes to review
            at = clauses[0] if clauses else _clause_after(lines, lost_at)
            if at is not None:
                c = Candidate("resolution", "motion", lines[at].text.strip(), at, lines[at].no)
                c.base = 0.35
                c.feature("the motion was lost", -0.35)
                out.append(c)
            continue
        before_at = prev_text(lines, i - 1)
        clause_before = before_at is not None and bool(_THAT_UNIT_RE.match(lines[before_at].m))
        if (
            not clauses
            and outcome is not None
            and k == next_text(lines, motion_end + 1)
            and _NAMES_ONLY_RE.match(t)
        ):
            # a motion line that names only who moved it, then its outcome: its clause is the
            # "That ..." just before it ("That £200 be given ..." / "Proposed by A, seconded by
            # B" / "Carried") or, when none is, just after the outcome line ("Proposed by A and
            # seconded by B" / "CARRIED: 6 for 0 against" / "THAT ...")
            at = before_at if clause_before else _clause_after(lines, k)
            if at is not None and at in free_set:
                text = lines[at].text.strip(" \"\u201c\u201d\u2018\u2019'")
                c = Candidate("resolution", "motion", text, at, lines[at].no)
                c.base = 0.7
                c.feature("its clause beside a proposer, seconder and outcome", 0)
                out.append(c)
                continue
        after = [lines[k].text for k in range(i + 1, min(len(lines), i + 5)) if lines[k].text][:2]
        if not clauses and any(_OUTCOME_AFTER_RE.search(a) for a in after):
            st = None if pt else _SECONDED_THAT_RE.search(t)
            clause = pt.group("text") if pt else st.group("text") if st else ""
            text = _first_sentence(clause) if clause else t  # the motion's "that" clause
            c = Candidate("resolution", "motion", text.strip(), i, lines[i].no)
            c.base = 0.65
            c.feature("its outcome is written just after it", 0)
            out.append(c)
            continue
        if not clauses:
            c = Candidate("resolution", "motion", t, i, lines[i].no)
            c.base = 0.2
            c.feature("a proposal with no outcome written", 0)
            out.append(c)
            continue
        j = clauses[0]
        text = lines[j].text.strip(" \"\u201c\u201d\u2018\u2019'")
        text = re.sub(r"[\"\u201d\u2019']+(?=\.?$)", "", text)
        c = Candidate("resolution", "motion", text, j, lines[j].no)
        c.base = 0.35
        if outcome is None and ends_item(seg, j):
            # "Proposed by A, seconded by B." then "That X be elected ..." alone: the clause is
            # the item's outcome, its "Resolved" lost when the page was published
            c.feature("no outcome written; the clause ends the item", 0.3)
        elif outcome is None:
            c.feature("no outcome written", 0)
        elif "amendment" in outcome.lower() and label != "amendment":
            c.feature("the amendment was carried instead", -0.3)
        else:
            c.feature("proposed and seconded, then carried", 0.35)
        if j not in free_set:
            continue
        out.append(c)
    return out
