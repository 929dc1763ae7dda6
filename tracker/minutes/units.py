"""Minutes text into units (virtual lines), the segmenter's first step: table rows flattened
with "|" split into their cells, ModernGov cells split at their "Minutes:" labels, " / " cells
read, a very long line (a page or an action log flattened onto one line) split into sentences and
before item headings, keywords and motions, an action note inside a paragraph made its own unit,
and list markers glued to their text given their space. Each unit keeps its source line number.
"""

from __future__ import annotations

import re

from .glued_lines import (
    MINUTES_TITLE_OUTCOME_RE,
    NUMBER_BEFORE_KEYWORD_RE,
    TITLE_VERB_RE,
    english_decision,
    inline_decisions,
    number_title_keyword,
)
from .inline_items import split_inline_items
from .text import Line, collapse, matchable

LONG_LINE = 600  # characters: a longer line is a flattened page or cell, read as sentences

_PIPE_SPLIT_RE = re.compile(r"\s*\|+\s*")
_RULE_CELL_RE = re.compile(r"^[-:\s|]*$")
_CELL_LABEL_RE = re.compile(
    r"\s+(?=(?:Additional documents|Supporting documents|Minutes)\s*:(?:\s|$))"
    # "... Contact: D Buckridge 388065 Decision: i. Considered ...": a ModernGov "Decision:"
    # cell flattened after the agenda's text, after a number or a full stop ("Reason for
    # Decision:" is not one)
    r"|(?<=[0-9.)])\s+(?=Decision\s*:\s)"
    # "APOLOGIES FOR ABSENCE AND DECLARATIONS OF INTEREST Decision: Apologies ...": or after the
    # item's title in capitals
    r"|(?<=[A-Z]{3})\s+(?=Decision\s*:\s)"
)
_SLASH_CELL_RE = re.compile(
    r"^(?P<no>\d{1,3}(?:\.\d{1,3})*\.?|\d{1,3}/\d{2,4})\s+/\s+(?P<rest>\S.*)$"
)
_SENTENCE_SPLIT_RE = re.compile(
    r"(?:(?<=[a-z0-9)\]'\u2019\"\u201d][.!?])|(?<=[A-Z]{3}\.))\s+"
    r"(?=[A-Z(\"\u201c\u2018']|\d{1,3}\.\s+[A-Z][a-z]|\d{1,3}(?:\.\d{1,3}){1,3}\s+[A-Z][a-z]"
    # "... to be submitted. 2) The Clerk is to ...": a list item numbered "2)" or "b)"
    r"|(?:\d{1,2}|[a-h])\)\s+[A-Z])"
    # "Actions agreed; 1) A planning application ...": a list's first item after its lead-in
    r"|(?<=[a-z][;:])\s+(?=\(?(?:1|a|i)\)\s+[A-Z])"
    # "... around the table. MOTION To co-opt ...": a motion's label opens its own unit
    r"|\s+(?=MOTION\s+[A-Z])"
    # "... Co-options onto SDCC 1.2.2.1 Co-option of ...": a paragraph number of three or more
    # levels opens its own unit even where no full stop was printed before it
    r"|\s+(?=\d{1,2}\.\d{1,2}\.\d{1,2}(?:\.\d{1,2})?\s+[A-Z][a-z])"
    # "... Clerk to action 5.3. Report from County Councillor ...": a paragraph number of two
    # levels written with its closing dot, before a capital, opens its own unit too
    r"|\s+(?=\d{1,2}\.\d{1,2}\.\s+[A-Z])"
    # "... as Convener. - It was agreed ...": a bullet flattened after the sentence before it
    r"|(?<=[a-z0-9)][.;])\s+(?=[-\u2013\u2022\u00b7]\s+[A-Z])"
    # "... 4. MATTERS ARISING", "... declared. 2.1 DRAFT MINUTES OF ...": a number (dotted or
    # not) before an upper-case title
    r"|\s+(?=\d{1,4}(?:\.\d{1,3})*\.?\s+[A-Z][A-Z ,&'\u2019\-]{6,}\b)"
    # "... HELD ON 10 NOVEMBER 2016 3.1 PSNI Briefing on ...": a sub-item after a title that
    # ends in a year, its own title capitalised (not "2016 3.5 Million pounds")
    r"|(?<=\b(?:19|20)\d{2})\s+(?=\d{1,3}\.\d{1,3}\s+[A-Z][A-Za-z]+\s+[A-Z])"
    r"|\s+(?=(?:AGENDA\s+ITEM|Agenda\s+item|ITEM|Item)\s+\d{1,4}[a-z]?\s*[:.\-\u2013]\s+[A-Z])"
    r"|\s+(?=(?:RESOLVED|Resolution Record No\.|Action\s+[\u2013\-])\b)"
    r"|\s+(?=(?:Board|Board Dev\.|CEs Report)\s+\d{2}/\d{2}/\d{2}\b)"
    r"|\s+(?=[A-Z][a-z]{1,4}/\d{1,4}/\d{2}(?:-\d{2})?\s)"
)
# a new unit at "Action – ..." after a sentence, and at a sentence that is a directive of a
# role or initials ("... Henri Hughes. Clerk to arrange a meeting ..."): not the decision's text
_ACTION_SPLIT_RE = re.compile(
    r"(?<=[).])\s+(?=Action\s+[\u2013\-]\s+\S)"
    # "... 7th November 2018 Meeting of the Council. Resolved that the minutes ...": a decision
    # keyword opening a sentence after the item's title opens its own unit
    r"|(?<=[a-z0-9)]\.)\s+(?=(?:Resolved|RESOLVED|Agreed|AGREED)(?:\s*[:\u2013\-]|\s+(?:that|to)\b))"
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
# "... co-option. Action: Clerk to write to Cllr Bradley.  Council resolved to co-opt ...": an
# action note inside a paragraph is its own unit, one sentence long, and the prose goes on after
_MID_ACTION_RE = re.compile(
    r"(?<=[A-Za-z0-9)]\.)\s+(?=(?:Action|ACTION)S?\s*:\s*\S"
    # "... . Agreed. ACTION CD.": the marker with no colon, then only initials, ending the line
    r"|(?:Action|ACTION)\s+[A-Z]{2,4}(?:\s*(?:/|,|and|&)\s*[A-Z]{2,4})*\s*\.?\s*$)"
)
_NOTE_END_RE = re.compile(r"(?<=[a-z0-9)]\.)\s+(?=[A-Z][a-z])")
_ABBREV_END_RE = re.compile(r"\b(?:e\.g|i\.e|etc|no|cllr|mr|mrs|ms|dr|para|st|ref|dev)\.$", re.I)


def _unit(no: int, text: str) -> Line:
    t = collapse(text)
    return Line(no, text, t, matchable(t))


# "| |CW to write ...| | |", "|3. |Police Report | | |": a row whose first cell is empty or an
# item's number, its text in the next cell
_EMPTY_FIRST_CELL_RE = re.compile(r"^\|\s*(?:\d{1,3}\.\s*)?\|\s*[A-Za-z]")
_ITEM_NUMBER_CELL_RE = re.compile(r"^\d{1,3}\.?\s*\|\s*[A-Z][^|]*$")
_NUMBER_CELL_RE = re.compile(r"^[A-Z]{1,4}\d{2}/\d{1,2}/\d{1,3}\s*\|\s*[A-Z][^|]*$")


def _cells(ln: Line) -> list[str]:
    t = ln.text
    if (
        "|" in t
        and (
            "minutes:" in t.lower()
            or t.count("|") > 8
            or t.endswith("|")
            or _NUMBER_CELL_RE.match(t)  # "CP22/02/09 | Mayoral update": a minute's number cell
            # "2. | Election of Chairman:": an item's number cell, its text cell wrapped on
            or _ITEM_NUMBER_CELL_RE.match(t)
        )
        # a table of items and their "Action By" column, its header not read as one
        and (not t.startswith("|") or _EMPTY_FIRST_CELL_RE.match(t) is not None)
    ):
        parts = [p for p in _PIPE_SPLIT_RE.split(t) if p and not _RULE_CELL_RE.match(p)]
    else:
        parts = [t]
    out: list[str] = []
    for p in parts:
        for k, q in enumerate(_CELL_LABEL_RE.split(p)):
            q = q.strip()
            if not q:
                continue
            # "Minutes: An apology ..." -> the label and its text; "Decision:" only where it was
            # cut from the text before it ("Decision :-(a) ..." opening a line stays whole)
            labels = "Additional documents|Supporting documents|Minutes" + (
                "|Decision" if k else ""
            )
            lm = re.match(rf"^((?:{labels})\s*:)\s*(.*)$", q)
            if lm:
                out.append(lm.group(1))
                if lm.group(2):
                    out.append(lm.group(2))
            else:
                out.append(q)
    return out


def _sentences(text: str) -> list[str]:
    pieces: list[str] = []
    start = 0
    for m in _SENTENCE_SPLIT_RE.finditer(text):
        head = text[start : m.start()]
        if _ABBREV_END_RE.search(head):
            continue
        if head.strip():
            pieces.append(head.strip())
        start = m.end()
    tail = text[start:].strip()
    if tail:
        pieces.append(tail)
    return _numbers_forward(_labels_back(pieces))


# "Clerk to action", "Dave Atkinson to action.": who acts on the sentence before it; on a page
# flattened onto one line it stays with that sentence, as it does at the end of a line
_TO_ACTION_PIECE_RE = re.compile(
    r"^(?P<label>(?:the\s+)?[A-Z][\w'\u2019]*(?:\s+[A-Z][\w'\u2019]*){0,2}\s+to\s+(?i:action))"
    # "... Dave Atkinson to action 6." / "Lengthsman and P3 Scheme": the next item's number
    r"(?:\s*[.!]|\s+(?P<no>\d{1,3}\.))?$"
)


def _labels_back(pieces: list[str]) -> list[str]:
    out: list[str] = []
    for p in pieces:
        m = _TO_ACTION_PIECE_RE.match(p)
        if out and m:
            out[-1] = f"{out[-1]} {m.group('label')}"
            if m.group("no"):
                out.append(m.group("no"))
        else:
            out.append(p)
    return out


# "... Councillors Ahmed, Brown and Clarke 1." / "Apologies for Absence ...": an item's number
# taken for the end of a sentence, on a page flattened onto long lines
# after a name or a bracket, not after a word of the sentence ("... supported option 5.")
_TRAILING_NUMBER_RE = re.compile(r"(?:\b[A-Z][\w'\u2019-]*|\))\s+(?P<no>\d{1,3}\.)$")


def _numbers_forward(pieces: list[str]) -> list[str]:
    """An item's number left at the end of a sentence piece ("... Clarke 1.") is a piece of its
    own ("1."), before the piece it numbers; a number ending the last piece stays where it is."""
    out: list[str] = []
    for k, p in enumerate(pieces):
        tm = _TRAILING_NUMBER_RE.search(p)
        if (
            tm
            and k + 1 < len(pieces)
            and pieces[k + 1][:1].isupper()
            and not p[: tm.start("no")].rstrip().endswith((".", "!", "?", ":"))
        ):
            out += [p[: tm.start("no")].rstrip(), tm.group("no")]
        else:
            out.append(p)
    return out


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
# its full stop, then the item's decision on the same line
_TITLE_DECISION_GLUED_RE = re.compile(
    r"^(?P<head>\d{1,3}\.\s+(?P<title>[A-Z][^.;:]{3,120}?))\.\s+"
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


def _numbered_run(text: str) -> list[str]:
    """A line of numbered paragraphs or items flattened together ("4.1 ... . 4.2 ...", "1.
    Apologies ... . 2. Minutes ..."), split where the next number in sequence follows the end
    of a sentence."""
    m = re.match(r"(\d{1,3})\.(\d{1,3})\s", text)
    top = None if m else re.match(r"(\d{1,3})\.\s+[A-Z]", text)
    if not m and not top:
        return [text]
    major, minor = (m.group(1), int(m.group(2))) if m else ("", int(top.group(1)) if top else 0)
    pieces, start = [], 0
    while True:
        label = f"{major}.{minor + 1}" if major else f"{minor + 1}."
        after = r"\s" if major else r"\s+[A-Z]"
        nm = re.compile(rf"(?<=[.)!?])\s+(?={re.escape(label)}{after})").search(text, start + 1)
        if nm is None:
            break
        pieces.append(text[start : nm.start()].strip())
        start, minor = nm.end(), minor + 1
    pieces.append(text[start:].strip())
    return pieces


def _action_notes(text: str) -> list[str]:
    """A paragraph with action notes in it, as the prose before each note, the note (up to the
    end of its sentence) and the prose after."""
    parts = _MID_ACTION_RE.split(text)
    if len(parts) == 1:
        return parts
    out = [parts[0]]
    for part in parts[1:]:
        for m in _NOTE_END_RE.finditer(part):
            if not _ABBREV_END_RE.search(part[: m.start()]):
                out += [part[: m.start()], part[m.end() :]]
                break
        else:
            out.append(part)
    return out


# "... / FN / √ 2 / 7/11/16 / FN to look into ...": the rows of an action log flattened onto
# one line, each opening on its number and its date cell
_FLAT_ROW_RE = re.compile(r"(?<=\S)\s+(?=\d{1,3}\s*[/|]\s*\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\s*[/|]\s)")


# "... Pippa Hadley No / Date / Action / Owner / Completed": the log's header row, after the
# page's text before it
_FLAT_HEADER_RE = re.compile(
    r"(?<=\S)\s+(?=(?:No\.?|Ref\.?|Item|Date)\s*/\s*(?:[A-Z][A-Za-z]{1,15}\s*/\s*){0,4}"
    r"Actions?\s*/)"
)


# "... / Nancy 2. / Circulate the ... / Carol 3. / Carol to ...": rows opening on their number
# cell alone, taken where at least three of them are numbered in turn
_NUMBER_CELL_START_RE = re.compile(r"(?<=\S)\s+(?=(?P<no>\d{1,3})\.?\s*[/|]\s+[A-Za-z])")
_IN_TURN = 3


def _numbered_row_starts(text: str) -> list[re.Match[str]]:
    best: list[re.Match[str]] = []
    run: list[re.Match[str]] = []
    for m in _NUMBER_CELL_START_RE.finditer(text):
        if run and int(m.group("no")) == int(run[-1].group("no")) + 1:
            run.append(m)
        elif int(m.group("no")) <= 2:
            run = [m]
        else:
            run = []
        if len(run) > len(best):
            best = list(run)
    return best if len(best) >= _IN_TURN else []


def _flat_rows(ln: Line) -> list[Line]:
    starts = list(_FLAT_ROW_RE.finditer(ln.text))
    if len(starts) < 2:
        numbered = _numbered_row_starts(ln.text)
        if not numbered:
            return [ln]
        cuts = [0] + [m.start() for m in numbered] + [len(ln.text)]
        return [
            _unit(ln.no, ln.text[a:b].strip())
            for a, b in zip(cuts, cuts[1:], strict=False)
            if ln.text[a:b].strip()
        ]
    head = _FLAT_HEADER_RE.search(ln.text, 0, starts[0].start() + 1)
    parts = [ln.text[: head.start()], ln.text[head.end() :]] if head else [ln.text]
    return [_unit(ln.no, p) for part in parts for p in _FLAT_ROW_RE.split(part) if p.strip()]


# "1. | Carol to review the subgroups ... | Carol": a row of three or more cells joined with " | "
# inside the line (not a "| ... |" row of a table drawn with its borders)
_INNER_PIPE_ROW_RE = re.compile(r"^[^|]+(?:\s\|\s[^|]+){2,6}$")
_INNER_PIPE_CELLS_RE = re.compile(r"^[^|]+(?:\s\|\s[^|]+){1,6}$")
_HEADER_CELL_RE = re.compile(
    r"^(?:ref|no|item|action|actions|owner|lead(?:\s+officer)?|by\s+whom|responsible|status"
    r"|due|target(?:\s+date)?|date|update|progress|timescale|-{3,})$",
    re.I,
)


def _headed(row: str) -> bool:
    return sum(bool(_HEADER_CELL_RE.match(c.strip())) for c in row.split(" | ")) >= 2


_PIPE_ROWS = 3  # rows of the same shape on the page: a table, not a stray "|"


def _pipe_rows_as_slashes(lines: list[Line]) -> list[Line]:
    """A table whose rows join their cells with " | " reads as one joined with " / " (the
    action sheets' and logs' readings are written for that form)."""
    rows = [k for k, ln in enumerate(lines) if ln.text and _INNER_PIPE_ROW_RE.match(ln.text)]
    if len(rows) < _PIPE_ROWS or any(_headed(lines[k].text) for k in rows):
        return lines  # a "|" table under its header row is read by its header
    # and the table's rows of two cells ("1. | Voluntary sector colleagues ...", a wrapped
    # row's "... specification | Nancy")
    rows = [k for k, ln in enumerate(lines) if ln.text and _INNER_PIPE_CELLS_RE.match(ln.text)]
    out = list(lines)
    for k in rows:
        out[k] = _unit(lines[k].no, lines[k].text.replace(" | ", " / "))
    return out


def explode(lines: list[Line]) -> list[Line]:
    """Table cells, " / " cells and flattened long lines into units; a list marker glued to its
    text ("(2)the ...", "75.To accept ...") is given its space."""
    lines = _pipe_rows_as_slashes(lines)
    return _explode([r for ln in lines for r in (_flat_rows(ln) if ln.text else [ln])])


def _explode(lines: list[Line]) -> list[Line]:
    out: list[Line] = []
    for ln in lines:
        if not ln.text:
            out.append(ln)
            continue
        if _GLUED_MARKER_RE.match(ln.text):
            ln = _unit(ln.no, _GLUED_MARKER_RE.sub(lambda m: f"{m.group(0)} ", ln.text, count=1))
        listed = inline_decisions(ln)
        if listed is not None:
            out.extend(listed)
            continue
        english = english_decision(ln.text)
        if english != ln.text:
            ln = _unit(ln.no, english)
        pk = NUMBER_BEFORE_KEYWORD_RE.match(ln.text)
        if pk:
            out.append(Line(ln.no, ln.text, pk.group("no"), pk.group("no")))
            ln = _unit(ln.no, pk.group("rest"))
        hm = (
            _ITEM_TITLE_GLUED_RE.match(ln.text)
            or _CODED_TITLE_GLUED_RE.match(ln.text)
            or _numbered_title(ln.text)
            or _UPPER_TITLE_GLUED_RE.match(ln.text)
            or _title_then_decision(ln.text)
            or number_title_keyword(ln.text)
            or MINUTES_TITLE_OUTCOME_RE.match(ln.text)
        )
        if hm:  # "Item 3. Approval of August minutes. The minutes ...": the heading apart
            out.append(_unit(ln.no, hm.group("head")))
            ln = _unit(ln.no, hm.group("rest"))
        run = _numbered_run(ln.text)
        if len(run) > 1:  # "4.1 ... when. 4.2 Item 4.2.3 - EW to ...": paragraphs on one line
            out.extend(
                _unit(ln.no, n.rstrip(" |") if "|" not in n[:-1] else n)  # "... Council. |"
                for r in run
                # "5. Date of Next Meeting RESOLVED - That ...": on a page flattened onto long
                # lines, an item's decision keyword in capitals opens its own unit
                for p in (_KEYWORD_SPLIT_RE.split(r) if len(ln.text) > LONG_LINE else [r])
                for q in _ACTION_SPLIT_RE.split(p)
                for n in _action_notes(q)
            )
            continue
        cells = _cells(ln)
        if (
            cells == [ln.text]
            and len(ln.text) <= LONG_LINE
            and " / " not in ln.text
            and not _ACTION_SPLIT_RE.search(ln.text)
        ):
            notes = _action_notes(ln.text)
            out.extend([ln] if len(notes) == 1 else [_unit(ln.no, p) for p in notes])
            continue
        for cell in cells:
            sm = _SLASH_CELL_RE.match(cell)
            if sm:
                cell = f"{sm.group('no')} {sm.group('rest')}"
            pieces = _sentences(cell) if len(cell) > LONG_LINE else _ACTION_SPLIT_RE.split(cell)
            out.extend(_unit(ln.no, q) for p in pieces for q in _action_notes(p))
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
    return [_unit(ln.no, p) for p in pieces]
