"""A long line of minutes text (a page or a cell flattened onto one line) read into units:
split into sentences, a run of numbered paragraphs split at each next number, an action note
inside a paragraph made its own unit."""

from __future__ import annotations

import re

from .cells import owner_cell
from .flat_splits import flat_pieces
from .marker_runs import marker_runs

_SENTENCE_SPLIT_RE = re.compile(
    r"(?:(?<=[a-z0-9)\]'\u2019\"\u201d][.!?])|(?<=[A-Z]{3}\.))\s+"
    r"(?=[A-Z(\"\u201c\u2018']|\d{1,3}\.\s+[A-Z][a-z]|\d{1,3}(?:\.\d{1,3}){1,3}\s+[A-Z][a-z]"
    # "... to be submitted. 2) The Clerk is to ...": a list item numbered "2)" or "b)"
    r"|(?:\d{1,2}|[a-h])\)\s+[A-Z])"
    # "Actions agreed; 1) A planning application ...": a list's first item after its lead-in
    r"|(?<=[a-z][;:])\s+(?=\(?(?:1|a|i)\)\s+[A-Z])"
    # "... around the table. MOTION To co-opt ...": a motion's label opens its own unit
    r"|\s+(?=MOTION\s+[A-Z])"
    # "... from council leads. 217(4) Public participation ...", "... to reconvene the meeting
    # 218(5) Questions ...": a minute's number with its agenda number in brackets opens its item
    r"|(?<=[a-z.])\s+(?=\d{2,4}[a-z]?\(\d{1,2}\)\s+[A-Z][a-z])"
    # "... Co-options onto SDCC 1.2.2.1 Co-option of ...": a paragraph number of three or more
    # levels opens its own unit even where no full stop was printed before it
    r"|\s+(?=\d{1,2}\.\d{1,2}\.\d{1,2}(?:\.\d{1,2})?\s+[A-Z][a-z])"
    # "... Clerk to action 5.3. Report from County Councillor ...": a paragraph number of two
    # levels written with its closing dot, before a capital, opens its own unit too
    r"|\s+(?=\d{1,2}\.\d{1,2}\.\s+[A-Z])"
    # "... as Convener. - It was agreed ...", "The Governing Body: - APPROVED ...": a bullet
    # flattened after the sentence or lead-in before it
    r"|(?<=[a-z0-9)][.;:])\s+(?=[-\u2013\u2022\u00b7]\s+[A-Z])"
    # "... 4. MATTERS ARISING", "... declared. 2.1 DRAFT MINUTES OF ...": a number (dotted or
    # not) before an upper-case title; not a year inside an upper-case title ("TO RECEIVE
    # LIBRARY MODERNISATION 2013 APPRAISAL REPORT")
    r"|(?:(?<![A-Z]{3})|(?!\s+(?:19|20)\d{2}\s))\s+(?=\d{1,4}(?:\.\d{1,3})*\.?\s+[A-Z][A-Z ,&'\u2019\-]{6,}\b)"
    # "... HELD ON 10 NOVEMBER 2016 3.1 PSNI Briefing on ...": a sub-item after a title that
    # ends in a year, its own title capitalised (not "2016 3.5 Million pounds")
    r"|(?<=\b(?:19|20)\d{2})\s+(?=\d{1,3}\.\d{1,3}\s+[A-Z][A-Za-z]+\s+[A-Z])"
    r"|\s+(?=(?:AGENDA\s+ITEM|Agenda\s+item|ITEM|Item)\s+\d{1,4}[a-z]?\s*[:.\-\u2013]\s+[A-Z])"
    # (not "It was RESOLVED", "It was unanimously RESOLVED": the keyword inside its sentence)
    r"|(?<!\bwas)(?<!\bWAS)(?<!\bunanimously)(?<!\bUNANIMOUSLY)"
    r"\s+(?=(?:RESOLVED|Resolution Record No\.|Action\s+[\u2013\-])\b)"
    # "... it was:- RESOLVEDto note ...": the keyword glued to its clause; "... Interests
    # Resolved: None required.", "... Previous Meeting Resolved The Minutes of ...": the label
    # in mixed case after the item's title
    r"|\s+(?=RESOLVED(?:to|that)\s)|(?<=[A-Za-z])\s+(?=Resolved\s*:\s)"
    r"|(?<=[A-Za-z])\s+(?=Resolved\s+The\s+(?:[Dd]raft\s+)?[Mm]inutes?\b)"
    r"|\s+(?=(?:Board|Board Dev\.|CEs Report)\s+\d{2}/\d{2}/\d{2}\b)"
    r"|\s+(?=[A-Z][a-z]{1,4}/\d{1,4}/\d{2}(?:-\d{2})?\s)"
)


# "... co-option. Action: Clerk to write to Cllr Bradley.  Council resolved to co-opt ...": an
# action note inside a paragraph is its own unit, one sentence long, and the prose goes on after
_MID_ACTION_RE = re.compile(
    r"(?<=[A-Za-z0-9)]\.)\s+(?=(?:Action|ACTION)S?\s*:\s*\S"
    # "... . Agreed. ACTION CD.": the marker with no colon, then only initials, ending the line
    r"|(?:Action|ACTION)\s+[A-Z]{2,4}(?:\s*(?:/|,|and|&)\s*[A-Z]{2,4})*\s*\.?\s*$)"
)


# "... the slipway. ACTION Highways Team", "... . Action Locum Clerk": the bare marker ending the
# line after the sentence it labels, then an owner in words (a role, a person, a team), up to
# four of them; the owner is checked as an owner cell (not "... . Action Plan")
_TRAILING_OWNER_LABEL_RE = re.compile(
    r"(?<=[A-Za-z0-9)]\.)\s+(?:Action|ACTION)\s+"
    r"(?P<owner>[A-Z][A-Za-z'\u2019\-]*(?:\s+(?:[A-Z][A-Za-z'\u2019\-]*|&|and)){0,3})\s*\.?\s*$"
)


# "ACTION: Jak Kane Apologies from Ann Gray ... were recorded.": on a flattened page an owner-only
# label (a person's first name and surname, or initials) with no full stop, the next sentence
# opening with a capitalised word and going on in lower case
_OWNER_THEN_SENTENCE_RE = re.compile(
    r"^(?P<label>(?:Action|ACTION)S?\s*:\s*(?:(?!(?:The|It|This|All|Each|Every)\s)[A-Z][a-z]+\s+"
    r"(?:Mc|Mac|O')?[A-Z][a-z'\u2019\-]+|[A-Z]{2,4}(?:\s*/\s*[A-Z]{2,4})*))\s+"
    # not the owner's last word before its verb ("Action: The Steering Group will ...")
    r"(?=[A-Z][a-z]+\s+(?!(?:will|to|would|should|shall|must|is|are|and|&)\s)[a-z]+\s)"
)


_NOTE_END_RE = re.compile(r"(?<=[a-z0-9)]\.)\s+(?=[A-Z][a-z])")


_ABBREV_END_RE = re.compile(r"\b(?:e\.g|i\.e|etc|no|cllr|mr|mrs|ms|dr|para|st|ref|dev)\.$", re.I)


_LETTER_MARKER_RE = re.compile(r"\(?(?:[a-zA-Z]|[ivx]{1,4})[.)]")


# "1. To consider ...", cut from a list run: its marker stays with its text
_LIST_MARKER_RE = re.compile(r"\(?(?:[a-zA-Z]|[ivx]{1,4}|\d{1,2})[.)]")


def sentences(text: str) -> list[str]:
    pieces: list[str] = []
    listed = False  # the run is a list under a lead-in's colon (not the page's item headings)
    for k, run in enumerate(r for part in marker_runs(text) for r in flat_pieces(part)):
        listed = k > 0 and (listed or pieces[-1].endswith((":", ":-")))
        pieces += _sentences(run, listed)
    return _numbers_forward(_labels_back(pieces))


def _sentences(text: str, listed: bool = False) -> list[str]:
    pieces: list[str] = []
    start = 0
    for m in _SENTENCE_SPLIT_RE.finditer(text):
        head = text[start : m.start()]
        marker = _LIST_MARKER_RE if listed and not pieces else _LETTER_MARKER_RE
        if _ABBREV_END_RE.search(head) or marker.fullmatch(head.strip()):
            continue  # "i. Considered ...": a list's marker, not a sentence's end
        if head.strip():
            pieces.append(head.strip())
        start = m.end()
    tail = text[start:].strip()
    if tail:
        pieces.append(tail)
    return pieces


# "Clerk to action", "Dave Atkinson to action.": who acts on the sentence before it; on a page
# flattened onto one line it stays with that sentence, as it does at the end of a line
# "(AR to Act)": in brackets, and "act" for "action"
_TO_ACTION_PIECE_RE = re.compile(
    r"^(?P<label>(?P<open>[(\[])?(?:the\s+)?[A-Z][\w'\u2019]*(?:\s+[A-Z][\w'\u2019]*){0,2}"
    r"\s+to\s+(?i:act(?:ion)?)(?(open)\s*[)\]]))"
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


_PARAGRAPH_RE = re.compile(r"(\d{1,3})\.(\d{1,3})\s")
_NUMBERED_TITLE_RE = re.compile(r"(\d{1,3})\.\s+[A-Z]")


def numbered_run(text: str) -> list[str]:
    """A line of numbered paragraphs or items flattened together ("4.1 ... . 4.2 ...", "1.
    Apologies ... . 2. Minutes ..."), split where the next number in sequence follows the end
    of a sentence."""
    m = _PARAGRAPH_RE.match(text)
    top = None if m else _NUMBERED_TITLE_RE.match(text)
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


_RUN_OPENING_RE = re.compile(r"(?P<no>\d{3,5})\.?\s+[A-Z]")
# a number that may be the next minute's: after a space, not an amount, a date's part or a minute
# cited ("Min 2804 ..."), before its title's capital
_RUN_NEXT_RE = re.compile(
    r"(?<!\bMin)(?<!\bMinute)(?<!\bMin\.)(?<!\bitem)(?<![£$/\d])\s+(?P<no>\d{3,5})\.?\s+(?=[A-Z])",
    re.I,
)


def minute_run(text: str) -> list[str]:
    """A line of minutes flattened together with their running numbers and no full stop before
    each ("2829 Apologies ... Evans 2830 Personal Matters – none 2831 Declaration ... 2832
    Confirmation of Minutes: ..."), split before each next number in turn, when the line opens
    with the first and two or more follow it in sequence (one may be an amount or a cited
    minute: "Min 2804 ..."); otherwise the line whole. One pass over the line's numbers."""
    m = _RUN_OPENING_RE.match(text)
    if m is None:
        return [text]
    want = int(m.group("no")) + 1
    cuts: list[int] = []
    for nm in _RUN_NEXT_RE.finditer(text, m.end()):
        if int(nm.group("no")) == want:
            cuts.append(nm.start())
            want += 1
    if len(cuts) < 2:
        return [text]
    bounds = [0, *cuts, len(text)]
    return [text[a:b].strip() for a, b in zip(bounds, bounds[1:], strict=False)]


def action_notes(text: str) -> list[str]:
    """A paragraph with action notes in it, as the prose before each note, the note (up to the
    end of its sentence) and the prose after."""
    tm = _TRAILING_OWNER_LABEL_RE.search(text)
    if tm and owner_cell(tm.group("owner")) and not _MID_ACTION_RE.search(text, tm.start()):
        return [*action_notes(text[: tm.start()]), text[tm.start() :].strip()]
    parts = _MID_ACTION_RE.split(text)
    if len(parts) == 1:
        om = _OWNER_THEN_SENTENCE_RE.match(text)  # the note cut off as a sentence of its own
        return [text[: om.end("label")], text[om.end() :]] if om else parts
    out = [parts[0]]
    for part in parts[1:]:
        om = _OWNER_THEN_SENTENCE_RE.match(part)
        if om:  # "ACTION: Jak Kane Apologies from ...": the owner alone, then the next sentence
            out += [part[: om.end("label")], part[om.end() :]]
            continue
        for m in _NOTE_END_RE.finditer(part):
            if not _ABBREV_END_RE.search(part[: m.start()]):
                out += [part[: m.start()], part[m.end() :]]
                break
        else:
            out.append(part)
    return out
