"""Text hard-wrapped at a fixed width (minutes copied out of a PDF, or a page saved as text):
the page's wrap width is inferred from its line lengths, and a line broken there because the
next word did not fit is the same sentence as the next line, whatever that line's case.

A page wrapped at W columns has many lines just short of W and few longer; a line is a wrapped
one when it is near W and the first word of the next line would have taken it past W. A line
whose next word would have fitted was ended on purpose (a heading, a list item, a table row),
so it stays a line of its own.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping

from .cells import cell_row
from .text import Line, matchable

_MIN_WIDTH = 40  # columns: narrower "pages" are tables of short cells, not wrapped prose
_MAX_WIDTH = 200
_LONG = 25  # characters: shorter lines (titles, names, cells) say nothing of the width

# what opens a unit of its own even where the line before was full: a list marker ("4.", "b)",
# "iv.", "2a)", "A1."; not a short word in lower case ending a sentence, "year." / "plan."), an item's
# number, a decision word or label, a bullet, a word in capitals ("RESOLVED", "PCSO")
_OWN_START_RE = re.compile(
    r"^(?:\(?(?:\d{1,3}[A-Za-z]?|[A-Za-z]|[ivxIVX]{1,4}|[A-Z][A-Za-z0-9]{1,3})[.)]\s|\d{1,4}(?:[./]\d{1,4})+\b|[\u2022\u00b7\u25aa\u25cf*\-\u2013]\s|o\s+(?=[A-Z0-9(\u00a3])"
    r"|[A-Z]{2,}\b"
    r"|(?:Resolved|Agreed|Action|Actions|Decision|Noted|Recommended|Proposed|Seconded|Minutes?"
    r"|Item|Present|Apologies|Signed|Page)\b)"
)
_SENTENCE_ENDS = (".", ":", ";", ":-", "!", "?")
# "3)         the minutes ...", "·         agreed to invite ...": a list marker or a bullet and
# the gap after it
_LEADING_MARKER_RE = re.compile(
    r"^(?:\(?[A-Za-z0-9]{1,4}[.)]|[\u2022\u00b7\u25aa\u25cf*\-\u2013o])\s+"
)
_COLUMNS_RE = re.compile(r"\S\s{3,}\S|\t")  # a row of columns set apart by runs of spaces


def _width(ln: Line) -> int:
    return len(ln.raw.expandtabs(8).rstrip())


def wrap_width(lines: list[Line]) -> int | None:
    """The width the page was hard-wrapped at, or None when its lines do not look wrapped."""
    long = sorted(w for ln in lines if ln.text and (w := _width(ln)) >= _LONG)
    if len(long) < 4:
        return None
    width = long[int(0.95 * (len(long) - 1))]
    if not _MIN_WIDTH <= width <= _MAX_WIDTH:
        return None
    # wrapped lines crowd just under the width, and almost none goes past it
    near = sum(1 for w in long if 0.85 * width <= w <= width + 2)
    over = sum(1 for w in long if w > 1.1 * width)
    if near < max(3, 0.25 * len(long)) or over > 0.05 * len(long):
        return None
    return max(w for w in long if w <= 1.1 * width)


def broken_at_width(ln: Line, nxt: Line, width: int | None) -> bool:
    """`ln` was broken only because `nxt`'s first word did not fit on it."""
    if width is None or not ln.text or not nxt.text:
        return False
    # the gap after a list marker or a bullet is no column
    body = _LEADING_MARKER_RE.sub("", ln.raw.strip(), count=1)
    if ln.text.endswith(_SENTENCE_ENDS) or _COLUMNS_RE.search(body):
        return False
    if _OWN_START_RE.match(nxt.text):
        return False
    return _full(ln, nxt, width)


def _full(ln: Line, nxt: Line, width: int) -> bool:
    """`ln` is as full as the width lets it be: `nxt`'s first word would not have fitted."""
    here = _width(ln)
    if here > width + 2:
        return False  # a unit longer than a printed line (a long run joined): not one line
    first = nxt.text.split(" ", 1)[0]
    return here >= 0.6 * width and here + 1 + len(first) > width - 1


# a printed page's furniture that a PDF's text puts in the middle of a sentence carried over to
# the next page: its number ("Page 3", "Page 3 of 8", "- 3 -", "3", "3 | Page"), the chair's
# signature line ("Signed ........ Chairman", "Chairman's initials ____"; not "Signed as true by Chair
# (GR) Proposed by GB", the minutes' approval) and a running header
# of the body and the date ("Full Council 20 September 2017 Page 1")
_FURNITURE_RE = re.compile(
    r"^(?:page\s+\d{1,3}(?:\s+of\s+\d{1,3})?|-\s*\d{1,3}\s*-|\d{1,3}|\d{1,3}\s*\|\s*page)$"
    r"|^signed\b(?!.*\b(?:true|correct|accurate|record|prop\w*|sec|seconded|approved|agreed|resolved)\b)"
    r".{0,80}\b(?:chair(?:man|person)?|mayor|date)\b.{0,40}$"
    r"|^(?:chair(?:man|person)?|mayor)['\u2019]?s?\s+(?:initials|signature)\b.{0,60}$"
    r"|^(?:[A-Z][\w&',]*\s+){1,6}?(?:-\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:january|february|"
    r"march|april|may|june|july|august|september|october|november|december)\s+\d{4}"
    r"|\d{1,2}/\d{1,2}/\d{2,4})(?:\s+page\s+\d{1,3}(?:\s+of\s+\d{1,3})?)?$",
    re.I,
)
_FURNITURE_SPAN = 6  # lines: a page's foot and the next page's head


# "... be approved and" / "signed by the Chair. 4. Playing field The ...": a wrapped sentence's
# next line that opens on "signed" (in lower case, or running on past a full stop) is the
# sentence's words, not the chair's signature line
_SIGNED_IN_PROSE_RE = re.compile(r"^signed\b|^Signed\b.*[a-z]{2}\.\s+\S")


def _in_prose(ln: Line) -> bool:
    return _SIGNED_IN_PROSE_RE.match(ln.text) is not None


def furniture(ln: Line) -> bool:
    return bool(ln.text) and _FURNITURE_RE.match(ln.m) is not None and not _in_prose(ln)


def past_furniture(lines: list[Line], j: int) -> int | None:
    """The first line of text after page furniture (and blanks) starting at line j, when there
    is furniture there; None when line j's text goes straight on or none is found."""
    k, seen = j, False
    while k < len(lines) and k - j < _FURNITURE_SPAN:
        if furniture(lines[k]):
            seen = True
        elif lines[k].text:
            return k if seen else None
        k += 1
    return None


# the furniture that can be nothing else: a page's number written as such and the chair's
# signature line (a lone number or a heading with a date may be an item's)
_PLAIN_FURNITURE_RE = re.compile(
    r"^(?:page\s+\d{1,3}(?:\s+of\s+\d{1,3})?|-\s*\d{1,3}\s*-|\d{1,3}\s*\|\s*page)$"
    r"|^signed\b(?!.*\b(?:true|correct|accurate|record|prop\w*|sec|seconded|approved|agreed|resolved)\b)"
    r".{0,80}\b(?:chair(?:man|person)?|mayor)\b.{0,40}$"
    r"|^(?:chair(?:man|person)?|mayor)['\u2019]?s?\s+(?:initials|signature)\b.{0,60}$",
    re.I,
)


def without_page_furniture(lines: list[Line]) -> list[Line]:
    """A printed page's number and signature line, wherever a PDF's text put them (between two
    items of a list, inside a paragraph, between a table's row and its wrapped last cells), are
    not the minutes' text: between two lines of text they go with the blank lines around them,
    so the text reads on as it did before the page broke; at the page's top or foot they are
    blank lines."""
    foot = [
        bool(ln.text) and _PLAIN_FURNITURE_RE.match(ln.m) is not None and not _in_prose(ln)
        for ln in lines
    ]
    out: list[Line] = []
    i, n = 0, len(lines)
    while i < n:
        if lines[i].text and not foot[i]:
            out.append(lines[i])
            i += 1
            continue
        j = i  # a run of blank lines and furniture
        while j < n and (not lines[j].text or foot[j]):
            j += 1
        inside = out and out[-1].text and j < n and any(foot[i:j])
        if not inside:
            out += [
                Line(ln.no, ln.raw, "", "") if foot[k] else ln for k, ln in enumerate(lines[i:j], i)
            ]
        i = j
    return out


# characters: a run of wrapped lines longer than this was one long line before it was wrapped
# (a page or an action log flattened onto one line, a long paragraph), which the segmenter reads
# sentence by sentence (units.LONG_LINE; not imported, units imports this module's neighbours)
LONG_RUN = 600


# a joined run: its text and, for each printed line in it, where that line's text starts in it
Run = tuple[str, list[tuple[int, int]]]


def long_runs_unwrapped(lines: list[Line], width: int | None) -> tuple[list[Line], dict[int, Run]]:
    """A run of lines each full to the page's wrap width, longer than a long line, is one
    line again, before the segmenter cuts long lines into sentences: a page flattened onto one
    line and then hard-wrapped (a PDF's text of a web page) is read as the flattened page is,
    not as chunks cut mid-sentence. A printed page's furniture inside the run is dropped; shorter
    runs are left to the rejoining of wrapped sentences. Returns the lines and, by the first line
    number of each joined run, where its printed lines start (for `printed_line`)."""
    runs: dict[int, Run] = {}
    if width is None:
        return lines, runs
    out: list[Line] = []
    i, n = 0, len(lines)
    while i < n:
        run, j = [i], i
        while lines[j].text:
            k = past_furniture(lines, j + 1)
            k = j + 1 if k is None else k
            # a line full to the width goes on whatever ends it or opens the next: one line
            # flattened from a page runs its sentences and headings on
            if k >= n or not lines[k].text or not _full(lines[j], lines[k], width):
                break
            # "1 / Circulate ... / JS / March" / "2 / Book ... / AB / April", columns set apart
            # by runs of spaces: rows of a table near the width end where they were printed
            row = cell_row(lines[j].raw, lines[j].text)
            if row is not None and cell_row(lines[k].raw, lines[k].text) == row:
                break
            if _COLUMNS_RE.search(_LEADING_MARKER_RE.sub("", lines[j].raw.strip(), count=1)):
                break
            run.append(k)
            j = k
        text = " ".join(lines[r].text for r in run)
        if len(run) > 1 and len(text) > LONG_RUN:
            out.append(Line(lines[i].no, text, text, matchable(text)))
            starts, at = [], 0
            for r in run:
                starts.append((at, lines[r].no))
                at += len(lines[r].text) + 1
            runs[lines[i].no] = (text, starts)
        else:
            out.extend(lines[i : j + 1])
        i = j + 1
    return out, runs


def printed_line(runs: Mapping[int, Run], line: int, text: str) -> int:
    """The printed line a text read from a joined run starts on (the review shows that line, not
    the run's first); `line` itself for text from anywhere else, or not found in the run."""
    run = runs.get(line)
    if run is None:
        return line
    joined, starts = run
    pos = joined.find(" ".join(text.split())[:24])
    if pos < 0:
        return line
    # the starts rise with the printed lines: the last one at or before `pos` (a search, not a
    # scan of the run for every text read from it: a run of a whole page is long)
    return starts[bisect.bisect_right(starts, pos, key=lambda s: s[0]) - 1][1]
