"""Rejoining what publishing split: a table cell wrapped over several short lines, a line
that stops on a connecting word, and items lettered "A ...", "B ..." whose brackets were lost.
Each keeps the source line number of its first line."""

from __future__ import annotations

import re

from .cells import (
    TRAILING_INITIALS_RE,
    action_header_at,
    cell_row,
    owner_cell,
    owner_first_cell,
    owner_last_cell,
)
from .owners import TASK_VERBS
from .text import Line, collapse, matchable
from .wrapped import broken_at_width, past_furniture

_CONNECTOR_END_RE = re.compile(
    r"\b(?:be|the|of|to|and|or|a|an|for|in|on|with|as|by|that|from|at|is|are|was|were)$", re.I
)


def _unit(no: int, text: str) -> Line:
    t = collapse(text)
    return Line(no, text, t, matchable(t))


# "3.1The Board agreed to ...": a paragraph's number printed against its first word
# "1.3LA proposed ...": or against a member's initials, then a word
# "19/8Resolved that ...", "363/03MINUTES": a minute's number (number/year) against its word
_GLUED_NUMBER_RE = re.compile(
    r"^(?P<no>\d{1,3}(?:\.\d{1,3})+\.?)(?=[A-Z][a-z]|[A-Z]{2,4}\s+[a-z])"
    r"|^(?P<slash>\d{1,4}/\d{1,4}\.?)(?=[A-Z][a-z]|[A-Z]{3,}\b)"
)
# "–It was agreed that ...", "The hedge is overgrown.–RESOLVED that ...", "Two quotes were
# received -The Board agreed ...": a dash printed against the decision word that opens a
# sentence (not a hyphen: nothing but a space or a stop before it); read as the sentence's start
_DASH_GLUED_RE = re.compile(
    r"(?:^|(?<=[.;:!?)\s]))\s*[-\u2013\u2014](?=(?:It\s+was|It\s+is|RESOLVED|Resolved|AGREED|Agreed"
    r"|DECIDED|Decided|The\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+(?:agreed|resolved|decided|noted))\b)"
)


def unglued_numbers(lines: list[Line]) -> list[Line]:
    """A paragraph number glued to its sentence ("3.1The Board ...") read with the space that
    publishing lost ("3.1 The Board ..."); a code such as "2.4A" is left as printed."""
    out = []
    for ln in lines:
        gm = _GLUED_NUMBER_RE.match(ln.text)
        if gm:
            t = f"{gm.group('no') or gm.group('slash')} {ln.text[gm.end() :]}"
            ln = Line(ln.no, ln.raw, t, matchable(t))
        if _DASH_GLUED_RE.search(ln.text):
            # "... overgrown.–RESOLVED that ...": the decision after the sentence is a unit of
            # its own, as it would be on a line of its own
            for piece in _DASH_GLUED_RE.split(ln.text):
                if piece.strip():
                    out.append(_unit(ln.no, piece) if piece != ln.text else ln)
            continue
        out.append(ln)
    return out


# "1." / "Agreed" / "the revised scheme ...": a decision record laid out one cell a line, the
# decision word in a cell of its own between the item's number and the decision
_KEYWORD_CELL_RE = re.compile(r"^(?:Agreed|AGREED|Resolved|RESOLVED|Decision|DECISION)$")
_NUMBER_CELL_RE = re.compile(r"^(?:item\s+)?\d{1,3}[a-z]?(?:\.\d{1,2})*\.?$", re.I)


def keyword_cells(lines: list[Line]) -> list[Line]:
    """A decision word alone in its cell, after an item's number alone in its cell and before a
    text that is not another number, is the label of the text after it ("Agreed" read as
    "Agreed:"); alone after a discussion, or before the next number, it stays the outcome."""
    out = list(lines)
    idx = [k for k, ln in enumerate(lines) if ln.text]
    for p in range(1, len(idx) - 1):
        ln = lines[idx[p]]
        before, after = lines[idx[p - 1]].text, lines[idx[p + 1]].text
        if (
            _KEYWORD_CELL_RE.match(ln.text)
            and _NUMBER_CELL_RE.match(before)
            and not _NUMBER_CELL_RE.match(after)
            and not _KEYWORD_CELL_RE.match(after)
        ):
            out[idx[p]] = Line(ln.no, ln.raw, f"{ln.text}:", matchable(f"{ln.text}:"))
    return out


# "2." / "Noted that a similar report ...": a verb-first decision in the cell after its number
_VERB_CELL_RE = re.compile(
    r"^(?:Agreed|Noted|Approved|Endorsed|Instructed|Requested|Supported|Accepted)\s+[a-z(]"
)


_DECISION_LABEL_RE = re.compile(r"^(?:decisions?|decision\s+made)\s*:?$", re.I)


def numbered_cells(lines: list[Line]) -> list[Line]:
    """Under a "Decision" label, a number alone in its cell and the verb-first decision in the
    next cell ("2." / "Noted that a similar report ...") are one unit again ("2. Noted that
    ..."), as the row was printed before the table was flattened (the unit keeps the number's
    line and stands where the decision did, so a wrapped decision still rejoins); a title ("4." /
    "Approved Premises Update") is not one, nor a number with no "Decision" label above it."""
    out = list(lines)
    idx = [k for k, ln in enumerate(lines) if ln.text]
    for p in range(len(idx) - 1):
        k, n = idx[p], idx[p + 1]
        if not (
            n - k <= 2
            and _NUMBER_CELL_RE.match(out[k].text)
            and any(_DECISION_LABEL_RE.match(lines[j].text) for j in idx[max(0, p - 12) : p])
        ):
            continue
        cells = [k, n]
        word = lines[n].text
        if _KEYWORD_CELL_RE.match(word) and not _DECISION_LABEL_RE.match(word) and p + 2 < len(idx):
            m = idx[p + 2]  # "1." / "Agreed" / "the revised scheme ...": the row in three cells
            if m - n <= 2 and lines[m].text[:1].islower():
                cells.append(m)
        elif not _VERB_CELL_RE.match(lines[n].text):
            continue
        if len(cells) == 2 and _KEYWORD_CELL_RE.match(lines[n].text):
            continue
        no = lines[k].text if lines[k].text.endswith(".") else f"{lines[k].text}."
        t = " ".join([no] + [lines[c].text for c in cells[1:]])
        raw = "\n".join(lines[c].raw for c in cells)
        out[cells[-1]] = Line(lines[k].no, raw, t, matchable(t))
        for c in cells[:-1]:
            out[c] = Line(lines[c].no, "", "", "")
    return out


# "A5Audit Committee report", "B12INTERNAL AUDIT PLAN": an item's code glued to its title when
# the table's cells were run together (a code of one or two capitals and a number, then a word
# of a title; "COVID19Update" has more letters and is not one)
_GLUED_CODE_RE = re.compile(r"^(?P<no>[A-Z]{1,2}\d{1,2})(?=[A-Z][a-z]{2,}|[A-Z]{3,}\b)")


def glued_code(text: str) -> str | None:
    """The item code glued to the start of a title ("A5" of "A5Audit Committee report"), or
    None; a line longer than a title or ending a sentence is not one."""
    gm = _GLUED_CODE_RE.match(text)
    if gm is None or len(text) > 160 or text.endswith((".", ";", ",")):
        return None
    return gm.group("no")


_BARE_LETTER_RE = re.compile(r"^(?P<l>[A-H])\s+(?=[A-Z])")
_SET_OFF_LETTER_RE = re.compile(r"^\s*A(?:\t|\s{3,})(?=[A-Z][a-z])")


def letter_runs(lines: list[Line]) -> list[Line]:
    """Items lettered "A Subject to ...", "B Subject to ..." (the bracket lost when published)
    read as "A) ...", "B) ..." when the letters run in sequence from A."""
    out = list(lines)
    text_idx = [k for k, ln in enumerate(lines) if ln.text]
    pos = 0
    while pos < len(text_idx):
        run: list[int] = []
        want = "A"
        while pos + len(run) < len(text_idx):
            ln = lines[text_idx[pos + len(run)]]
            m = _BARE_LETTER_RE.match(ln.text)
            if not m or m.group("l") != want:
                break
            run.append(text_idx[pos + len(run)])
            want = chr(ord(want) + 1)
        # "It was resolved to:" / "A    Note the contents of the report.": one item lettered A,
        # set off from its letter by a tab or a run of spaces, under a lead-in's colon
        single = (
            len(run) == 1
            and _SET_OFF_LETTER_RE.match(lines[run[0]].raw) is not None
            and pos > 0
            and lines[text_idx[pos - 1]].text.rstrip().endswith((":", ":-"))
        )
        if len(run) >= 2 or single:
            for k in run:
                t = _BARE_LETTER_RE.sub(lambda m: f"{m.group('l')}) ", lines[k].text, count=1)
                out[k] = _unit(lines[k].no, t)
            pos += len(run)
        else:
            pos += 1
    return out


_CELL_KEYWORD_RE = re.compile(r"^(?:agreed|adopted|noted|resolved|approved|received)\b", re.I)
SHORT_CELL = 30


def _short(ln: Line) -> bool:
    return 0 < len(ln.text) <= SHORT_CELL and not ln.text.endswith((".", ":", ";"))


def cells_rejoined(lines: list[Line]) -> list[Line]:
    """A table cell wrapped over several short lines ("Agreed to accept" / "report as
    presented" / "at Committee" ...) is one unit again: a run of five or more short lines, at
    least half of them starting in lower case, is joined, a new unit starting at each line that
    opens with a decision word."""
    idx = [k for k, ln in enumerate(lines) if ln.text]
    out = list(lines)
    drop: set[int] = set()
    p = 0
    while p < len(idx):
        q = p
        while q < len(idx) and _short(lines[idx[q]]) and (q == p or idx[q] - idx[q - 1] <= 2):
            q += 1
        run = idx[p:q]
        lower = sum(lines[k].text[:1].islower() for k in run[1:])
        if len(run) >= 5 and lower * 2 >= len(run) - 1:
            head = run[0]
            for k in run[1:]:
                if _CELL_KEYWORD_RE.match(lines[k].text) or lines[k].text[:1].isdigit():
                    head = k
                    continue
                joined = f"{out[head].text} {lines[k].text}"
                out[head] = Line(
                    out[head].no, f"{out[head].raw}\n{lines[k].raw}", joined, matchable(joined)
                )
                drop.add(k)
        p = max(q, p + 1)
    return [ln if k not in drop else Line(ln.no, "", "", "") for k, ln in enumerate(out)]


# "iii) to note ...", "(b) the ...": the next item of a list, not the line above continued
# "o 21/0046 Church Street ...": Word's second-level bullet saved as text, before a capital or a
# number (the lower-case letter would otherwise carry the line above on)
_NEXT_MARKER_RE = re.compile(
    r"^\(?(?:[ivx]{1,4}|[a-h]|\d{1,2})\)\s|^(?:[ivx]{1,4}|[a-h])\.\s|^o\s+(?=[A-Z0-9(\u00a3])"
)


_ANY_MARKER_RE = re.compile(
    r"^(?:\(?[A-Za-z0-9]{1,4}[.)]\s|[\u2022\u00b7\u25aa\u25cf*\-]\s|[A-Z]{2,}\b)"
)
_SENTENCE_ENDS = (".", ":", ";", ":-", "!", "?")
_JOIN_CAP = 1200  # characters: longer than any hard-wrapped sentence or list item
_BULLET_START_RE = re.compile(r"^(?:[\u2022\u00b7\u25aa\u25cf*\-]|o(?=\s+[A-Z0-9(\u00a3]))\s")


def rejoin(lines: list[Line], width: int | None) -> list[Line]:
    """A line that does not end a sentence continues on the next line when that starts in lower
    case ("It was agreed" / "to adopt the policy."); across up to two blanks when it stops on a
    connecting word ("... be" / "agreed as a correct record."); unless that line opens the next
    item of a list ("ii) ...; and" / "iii) to note ..."). `width` is the column the page was
    hard-wrapped at, if it was (wrapped.wrap_width of its printed lines)."""
    out: list[Line] = []
    # "ITEM ACTION" ... "... outlined above; and" / "Michael Barry": under a header row naming
    # an owner column, a cell alone on its line is that column's, not the sentence's next words
    cells = action_header_at([ln.text for ln in lines]) is not None
    i = 0
    while i < len(lines):
        ln = lines[i]
        j = i + 1
        texts, raws, size = [ln.text], [ln.raw], len(ln.text)
        # a wrapped sentence is short: the cap keeps a page of unpunctuated lines linear
        while texts[-1] and size < _JOIN_CAP and not texts[-1].endswith(_SENTENCE_ENDS):
            connector = bool(_CONNECTOR_END_RE.search(texts[-1]))
            k = j
            while connector and k < len(lines) and not lines[k].text and k - j < 2:
                k += 1
            # "... approved by the" / "Page 2 of 4" / "Signed ... Chairman" / "Council.": a
            # sentence carried over a printed page's foot and head goes on past them
            over = past_furniture(lines, j)
            if over is not None:
                k = over
            # a sentence wrapped at any word ("It was agreed" / "to adopt the policy."): the
            # next line, with no blank between, goes on in the lower case
            nxt = lines[k].text if k < len(lines) else ""
            # "The Health and" / "Wellbeing Board agreed ...": a connecting word goes on with
            # the next line whatever its case, when no blank line and no list marker is between
            goes_on = nxt[:1].islower() or (
                connector and k in (j, over) and nxt[:1].isupper() and not _ANY_MARKER_RE.match(nxt)
            )
            if cells and owner_cell(nxt):
                goes_on = False
            go = goes_on and not _NEXT_MARKER_RE.match(nxt) and not _BULLET_START_RE.match(ln.text)
            # "... the 27th" / "February 2007 be noted": the next word did not fit on the line
            # (only on a page hard-wrapped at a width; tested last, after the cheaper breaks)
            may_fill = (
                width is not None
                and k in (j, over)
                and k < len(lines)
                and not (cells and owner_cell(nxt))
            )
            if not go and not may_fill:
                break  # neither join can be made: the row checks below are not needed
            # "1 / Circulate ... / JS / March" / "2 / Book the hall / Clerk / May": a row of cells
            # ends where it was printed; the next row of the same table is not its continuation
            row = cell_row(lines[j - 1].raw, texts[-1])
            if (
                row is not None
                and k < len(lines)
                and cell_row(lines[k].raw, nxt) == row
                and not _row_wrapped(ln, lines[j - 1], lines[k], k in (j, over), width)
            ):
                break
            # "Book the hall / Clerk" / "Write to the school / AB": rows of two cells, each
            # ending (or opening) on its owner, are rows of an action table, not one wrapped
            # sentence
            if k < len(lines) and (
                (owner_last_cell(texts[-1]) and owner_last_cell(nxt))
                or (owner_first_cell(texts[-1]) and owner_first_cell(nxt))
            ):
                break
            if not go and not broken_at_width(lines[j - 1], lines[k], width):
                break
            # "Invite the ferry ... forum QW" / "Send the survey to ...": a line ending on its
            # owner's initials ends its row of an owner column; the next imperative opens the next
            if not go and _row_ends(texts[-1], nxt):
                break
            texts.append(nxt)
            raws.append(lines[k].raw)
            size += len(nxt) + 1
            j = k + 1
        if len(texts) > 1:
            joined = " ".join(texts)
            ln = Line(ln.no, "\n".join(raws), joined, matchable(joined))
        out.append(ln)
        i = j
    return out


def _row_ends(text: str, nxt: str) -> bool:
    """Does `text` end a row of a flattened owner column (its owner's initials) before `nxt`
    opens the next row on an imperative ("Send ...", "Find out ...")?"""
    first = nxt.split(maxsplit=1)[0] if nxt.strip() else ""
    return (
        TRAILING_INITIALS_RE.match(text) is not None
        and first[:1].isupper()
        and first.lower() in TASK_VERBS
    )


# "7 / 7/11/16 / Enquire with ... if a Community": a table row opening on its number cell
_NUMBER_CELL_START_RE = re.compile(r"^\s*\(?\d{1,3}(?:\.\d{1,2})*[.)]?\s+[/|]\s")


def _row_wrapped(first: Line, here: Line, nxt: Line, adjacent: bool, width: int | None) -> bool:
    """ "7 / 7/11/16 / Enquire with ... if a Community" / "Partnership budget will be allocated
    to chairs. / FN / \u221a": a row opening on its number cell, hard-wrapped where the next word
    did not fit, goes on on the next line when that opens on no number cell of its own."""
    return (
        adjacent
        and _NUMBER_CELL_START_RE.match(first.raw) is not None
        and _NUMBER_CELL_START_RE.match(nxt.raw) is None
        and broken_at_width(here, nxt, width)
    )
