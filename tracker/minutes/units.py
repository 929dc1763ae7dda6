"""Minutes text into units (virtual lines), the segmenter's first step: table rows flattened
with "|" split into their cells, ModernGov cells split at their "Minutes:" labels, " / " cells
read, a very long line (a page or an action log flattened onto one line) split into sentences and
before item headings, keywords and motions, an action note inside a paragraph made its own unit,
and list markers glued to their text given their space. Each unit keeps its source line number.
Tables are read in table_units.py, long lines' sentences in sentence_units.py.
"""

from __future__ import annotations

import re

from .bracketed_items import bracketed_run, bracketed_title_decision, decision_in_capitals
from .glued_lines import (
    ITEM_BEFORE_KEYWORD_RE,
    MINUTES_TITLE_OUTCOME_RE,
    NUMBER_BEFORE_KEYWORD_RE,
    REF_BEFORE_KEYWORD_RE,
    TITLE_VERB_RE,
    english_decision,
    inline_decisions,
    number_title_keyword,
)
from .inline_items import split_inline_items
from .sentence_units import action_notes, minute_run, numbered_run, sentences
from .table_units import flat_rows, framed_rows_under_header, pipe_rows_as_slashes, row_cells
from .tables import match_table_header
from .text import Line, unit

_DIGIT_RE = re.compile(r"\d")
LONG_LINE = 600  # characters: a longer line is a flattened page or cell, read as sentences

_SLASH_CELL_RE = re.compile(
    r"^(?P<no>\d{1,3}(?:\.\d{1,3})*\.?|\d{1,3}/\d{2,4})\s+/\s+(?P<rest>\S.*)$"
)
# a new unit at "Action – ..." after a sentence, and at a sentence that is a directive of a
# role or initials ("... Henri Hughes. Clerk to arrange a meeting ..."): not the decision's text
_ACTION_SPLIT_RE = re.compile(
    r"(?<=[).])\s+(?=Action\s+[\u2013\-]\s+\S)"
    # "... on Burford-Charlbury.Action: LCL to contact ...": the marker glued to the full stop
    r"|(?<=[a-z]\.)(?=(?:Actions?|ACTIONS?)\s*:\s*\S)"
    # "... 7th November 2018 Meeting of the Council. Resolved that the minutes ...": a decision
    # keyword opening a sentence after the item's title opens its own unit
    # ("... be transacted. • Resolved: That the motion be adopted.": a bullet before it)
    r"|(?<=[a-z0-9)]\.)\s+(?:[\u2022\u00b7\u25aa]\s+)?"
    r"(?=(?:Resolved|RESOLVED|Agreed|AGREED)(?:\s*[:\u2013\-]|\s+(?:that|to)\b"
    # "... is broken. Agreed the Clerk should get quotes.", "Agreed need to look at ...": the
    # keyword before a clause whose "that" was left out; "Agree to acquire ...": its typing slip
    r"|\s+(?:this|these|it|they|the\s+[A-Za-z][\w'\u2019\-]*(?:\s+[a-z][\w'\u2019\-]*){0,3})"
    r"\s+(?:be|should|shall|must)\s|\s+needs?\s+to\s)|Agree\s+to\s+[a-z])"
    # "... signed by the Chairman. 11. B) Resolved that ...": the next lettered part, led by its
    # decision word (a page's number may stand between)
    r"|(?:(?<=[a-z0-9)]\.)|(?<=[a-z0-9)]\.\s\d\.)|(?<=[a-z0-9)]\.\s\d\d\.))"
    r"\s+(?=\(?[A-Za-z]\)\s+(?:Resolved|RESOLVED)\s+that\b)"
    # (also after a year, "... contract for 2016/17. Clerk to ...")
    r"|(?:(?<=[A-Za-z)]\.)|(?<=\d{4}\.)|(?<=\d{4}/\d{2}\.))(?<!\s[ivx]\.)(?<!\s[ivx]{2}\.)(?<!\s[ivx]{3}\.)\s+(?=(?:The\s+)?(?:Clerk|Chair(?:man|person)?|Secretary|Treasurer|[A-Z]{2,4})"
    # "... every six weeks. JL to organise.": a task of one word ends its sentence ("Clerk to
    # action." names who acts on the sentence before: the label stays with it; "Clerk to action
    # returning the contract ..." is a task of its own)
    r"\s+to\s+(?!be\b)(?!action\b(?!\s+[a-z]))[a-z]+(?:\s|[.;](?:\s|$)))"
)


_GLUED_MARKER_RE = re.compile(
    r"^(\(\s*(?:\d{1,2}|[a-z]|[ivx]{1,4})\s*\)|(?:\d{1,2}|[a-z]|[ivx]{1,4})\)|\d{1,3}\.)(?=[A-Za-z])"
    r"|^((?:[a-z]|[ivx]{1,4})\.)(?=[A-Za-z]{2})"  # "a.That ...", "ii.the ..." (not "e.g.", "i.e.")
)


_ITEM_TITLE_GLUED_RE = re.compile(
    r"^(?P<head>items?\s+\d{1,3}(?:\s*(?:&|and)\s*\d{1,3})*\.\s+[A-Z][^.]{1,80}\.)\s+"
    r"(?P<rest>[A-Z(].*)$",
    re.I,
)


# "50d/19 Approval of minutes of ...: The minutes were read, approved ...", "RP157/17
# APOLOGIES FOR ABSENCE: Resolved to ...": a coded minute number (a body's letters before it
# or not), its title and a colon, then the minute's text on the same line
_CODED_TITLE_GLUED_RE = re.compile(
    r"^(?P<head>[A-Z]{0,4}\d{1,4}[a-z]?/\d{2,4}\s+[A-Z][^:]{2,120}:)\s+(?P<rest>[A-Z(].{24,})$"
)


# a title's colon that was a decision keyword's, after a sentence of the minute
_LABEL_ENDING_HEAD_RE = re.compile(
    r"^(?P<head>.*[a-z0-9)][.!?])\s+(?P<kw>(?:Resolved|RESOLVED|Agreed|AGREED|Decision|DECISION)"
    r"\s*:)$"
)


# "3. Appoint a new Vice-Chairman: Cllr Drummond was proposed ...", "2) To elect the Chair: Cllr
# A proposed ...": a numbered title and its colon, then the minute of it on the same line
_NUMBERED_TITLE_GLUED_RE = re.compile(
    r"^(?P<head>\d{1,3}[.)]\s+(?P<title>[A-Z][^.;:\u2013\u2014]{3,120}?):)\s+(?P<rest>[A-Z].{20,})$"
)


# "4.    MINUTES OF MEETING, May 16th, 2023. It was proposed ...": an upper-case title (a date
# after it allowed) and its full stop, then the minute on the same line
_UPPER_TITLE_GLUED_RE = re.compile(
    r"^(?P<head>\d{1,3}\.\s+[A-Z][A-Z0-9&'\u2019()/]+(?:[ ,\-\u2013]+[A-Z0-9&'\u2019()/]{2,}){1,8}"
    r"(?:,\s+[A-Z][a-z]{2,8}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})?\.)\s+(?P<rest>[A-Z][a-z].{10,})$"
)


# "3. Minutes of the meeting on 13th March 2017. It was RESOLVED to agree ...": a numbered title,
# its full stop, then the item's decision on the same line (the space after the stop lost on a
# copied PDF: "... 3rd January 2017.It was RESOLVED to ...")
_TITLE_DECISION_GLUED_RE = re.compile(
    r"^(?P<head>\d{1,3}\.\s+(?P<title>[A-Z][^.;:]{3,120}?))\.\s*"
    r"(?P<rest>(?:It\s+was\s+(?:unanimously\s+)?)?(?:RESOLVED|Resolved|resolved|AGREED|Agreed"
    r"|agreed)\b.*)$"
)


def _title_then_decision(text: str) -> re.Match[str] | None:
    m = _TITLE_DECISION_GLUED_RE.match(text)
    if m is None or len(m.group("title").split()) > 12 or TITLE_VERB_RE.search(m.group("title")):
        return None
    if re.match(r"(?:the|it|members|councillors?|cllr|this|there)\b", m.group("title"), re.I):
        return None  # "3. The Council discussed ... . It was RESOLVED ...": a paragraph
    return m


_KEYWORD_SPLIT_RE = re.compile(
    r"(?<=[A-Za-z])\s+(?=RESOLVED\s*(?:[:\-\u2013]\s*)?(?:That|that|to)\b)"
)


def _numbered_title(text: str) -> re.Match[str] | None:
    m = _NUMBERED_TITLE_GLUED_RE.match(text)
    if m is None or len(m.group("title").split()) > 12 or TITLE_VERB_RE.search(m.group("title")):
        return None
    return m


def _headed_table(ln: Line) -> bool:
    return match_table_header(ln) is not None


def explode(lines: list[Line]) -> list[Line]:
    """Table cells, " / " cells and flattened long lines into units; a list marker glued to its
    text ("(2)the ...", "75.To accept ...") is given its space."""
    lines = pipe_rows_as_slashes(framed_rows_under_header(lines, _headed_table))
    return _explode([r for ln in lines for r in (flat_rows(ln) if ln.text else [ln])])


def _explode(lines: list[Line], cut: bool = False) -> list[Line]:
    """`cut`: the lines are pieces of one flattened line, read as sentences however short."""
    out: list[Line] = []
    for ln in lines:
        if not ln.text:
            out.append(ln)
            continue
        if _GLUED_MARKER_RE.match(ln.text):
            ln = unit(ln.no, _GLUED_MARKER_RE.sub(lambda m: f"{m.group(0)} ", ln.text, count=1))
        minutes = minute_run(ln.text) if not cut and _DIGIT_RE.match(ln.text) else [ln.text]
        if len(minutes) > 1:  # "2829 Apologies ... 2830 Personal Matters ... 2831 ...": one line
            out.extend(_explode([unit(ln.no, p) for p in minutes], cut=True))
            continue
        bt = bracketed_title_decision(ln.text)
        run = bracketed_run(ln.text) if ln.text[:1] in "(123456789" else [ln.text]
        if len(run) > 1 and (bt is not None or all(map(decision_in_capitals, run))):
            # "(1) APOLOGIES RESOLVED ... . (2) MINUTES RESOLVED ...", "(1) The Council RESOLVED
            # that ... . (2) The Council RESOLVED that ...": numbered decisions flattened
            out.extend(_explode([unit(ln.no, p) for p in run]))
            continue
        if bt is not None:
            # the item's heading ("1. APOLOGIES") apart from its decision
            out.append(unit(ln.no, f"{bt.group('no')}. {bt.group('title')}"))
            ln = unit(ln.no, bt.group("rest"))
        listed = inline_decisions(ln)
        if listed is not None:
            out.extend(listed)
            continue
        english = english_decision(ln.text)
        if english != ln.text:
            ln = unit(ln.no, english)
        # each heading read below opens on a figure: a unit with none skips them
        pk = NUMBER_BEFORE_KEYWORD_RE.match(ln.text) if _DIGIT_RE.search(ln.text) else None
        if pk:
            out.append(Line(ln.no, ln.text, pk.group("no"), pk.group("no")))
            ln = unit(ln.no, pk.group("rest"))
        rk = (
            REF_BEFORE_KEYWORD_RE.match(ln.text) or ITEM_BEFORE_KEYWORD_RE.match(ln.text)
            if _DIGIT_RE.search(ln.text)
            else None
        )
        if rk:
            out.append(unit(ln.no, rk.group("no")))
            ln = unit(ln.no, rk.group("rest"))
        hm = (
            (
                _ITEM_TITLE_GLUED_RE.match(ln.text)
                or _CODED_TITLE_GLUED_RE.match(ln.text)
                or _numbered_title(ln.text)
                or _UPPER_TITLE_GLUED_RE.match(ln.text)
                or _title_then_decision(ln.text)
                or number_title_keyword(ln.text)
                or MINUTES_TITLE_OUTCOME_RE.match(ln.text)
            )
            if _DIGIT_RE.search(ln.text)
            else None
        )
        if hm:  # "Item 3. Approval of August minutes. The minutes ...": the heading apart
            head, rest = hm.group("head"), hm.group("rest")
            label = _LABEL_ENDING_HEAD_RE.match(head)
            if label:  # "040/21 MINUTES The draft ... noted. Resolved: The minutes ...": the
                # colon was the keyword's, which labels the text after it
                head, rest = label.group("head"), f"{label.group('kw')} {rest}"
            out.append(unit(ln.no, head))
            ln = unit(ln.no, rest)
        run = numbered_run(ln.text) if _DIGIT_RE.search(ln.text) else [ln.text]
        if len(run) > 1:  # "4.1 ... when. 4.2 Item 4.2.3 - EW to ...": paragraphs on one line
            out.extend(
                unit(ln.no, n.rstrip(" |") if "|" not in n[:-1] else n)  # "... Council. |"
                for r in run
                # "5. Date of Next Meeting RESOLVED - That ...": on a page flattened onto long
                # lines, an item's decision keyword in capitals opens its own unit
                for p in (_KEYWORD_SPLIT_RE.split(r) if len(ln.text) > LONG_LINE else [r])
                for q in _ACTION_SPLIT_RE.split(p)
                for n in action_notes(q)
            )
            continue
        cells = row_cells(ln)
        if (
            cells == [ln.text]
            and not cut
            and len(ln.text) <= LONG_LINE
            and " / " not in ln.text
            and not _ACTION_SPLIT_RE.search(ln.text)
        ):
            notes = action_notes(ln.text)
            out.extend([ln] if len(notes) == 1 else [unit(ln.no, p) for p in notes])
            continue
        for cell in cells:
            sm = _SLASH_CELL_RE.match(cell)
            if sm:
                cell = f"{sm.group('no')} {sm.group('rest')}"
            # a cell cut from a page flattened onto one line (at its "Minutes:" labels) is read
            # as sentences however short: its next item's heading follows its last sentence
            flat = cut or len(cell) > LONG_LINE or (len(ln.text) > LONG_LINE and len(cells) > 1)
            pieces = sentences(cell) if flat else _ACTION_SPLIT_RE.split(cell)
            got = [unit(ln.no, q) for p in pieces for q in action_notes(p)]
            if sm and len(cells) == 1 and len(got) == 1:
                # the row keeps its printed cells: "1 / X / JS" then "2 / Y / CD" are two rows
                # of a table (told apart by their separators), not one wrapped sentence
                got = [Line(ln.no, ln.raw, got[0].text, got[0].m)]
            out.extend(got)
    return [u for ln in out for u in _inline_list(ln)]


_LEAD_MARKER_RE = re.compile(r":-?\s+\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})\)\s")


def _inline_list(ln: Line) -> list[Line]:
    """ "That the Board: (a) notes ...; (b) agrees ...; and (c) asks ...": a lead-in and its
    lettered or numbered items run together on one line (or a page flattened onto one line) are
    a lead-in unit and one unit per item, when the markers run in sequence."""
    if not ln.text or not _LEAD_MARKER_RE.search(ln.text):
        return [ln]
    pieces = split_inline_items(ln.text)
    if len(pieces) < 3 or not pieces[0].rstrip().endswith((":", ":-")):
        return [ln]
    return [unit(ln.no, p) for p in pieces]
