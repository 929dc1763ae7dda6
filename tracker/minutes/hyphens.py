"""Words hyphenated at the end of a hard-wrapped line ("recom-" / "mended to Council"): the
word's second part is brought up to its first, so that the segmenter's rejoining of the wrapped
sentence reads "recommended", not "recom- mended". A real compound split at its hyphen
("co-" / "ordinate", "long-" / "term", "Sub-" / "Committee") keeps its hyphen."""

from __future__ import annotations

import re

from .text import Line, collapse, matchable

# "... be recom-": a word's first part, in letters, and the hyphen glued to it
# "... the figures for 2023-" / "24 be noted.": a span of years or numbers
_BROKEN_END_RE = re.compile(r"(?<![\w-])(?P<part>[A-Za-z]{1,20}|\d{2,4})-$")
# "mended to Council.": the second part, in lower case (a capital opens a word of its own:
# "Sub-" / "Committee" keeps its hyphen)
_SECOND_PART_RE = re.compile(r"^(?P<part>[a-z]{2,}[,;:.)]?)(?:\s+|$)")
_SECOND_NUMBER_RE = re.compile(r"^(?P<part>\d{2,4}[,;:.)]?)(?:\s+|$)")
# "Sub-" / "Committee", "Vice-" / "Chair": a capitalised second part after a compound's first
# word that takes one (not "Co-" / "Helen ...", a column's wrapped cell beside the next name)
_SECOND_CAPITAL_RE = re.compile(r"^(?P<part>[A-Z][a-z]{2,}[,;:.)]?)(?:\s+|$)")
_CAPITAL_COMPOUND_FIRST = frozenset(
    {"sub", "vice", "non", "cross", "multi", "inter", "pre", "post", "anti", "mid", "self"}
)
# first words of compounds written with a hyphen ("co-ordinate", "long-term", "post-election"):
# the hyphen is the word's own, not the line's
_COMPOUND_FIRST = frozenset({
    "co", "non", "self", "long", "short", "well", "cross", "multi", "anti", "ex", "part",
    "full", "mid", "semi", "half", "all", "pre", "post", "sub", "re", "de", "inter", "over",
    "under", "cost", "high", "low", "follow", "sign", "drop", "one", "two", "three", "four",
    "five", "six", "year", "day", "time", "age", "child", "decision", "in", "on", "off", "out",
    "up", "down",
})  # fmt: skip


def _unit(no: int, raw: str, text: str) -> Line:
    t = collapse(text)
    return Line(no, raw, t, matchable(t))


def mended_hyphens(lines: list[Line]) -> list[Line]:
    """Each line ending in a word's first part and a hyphen, with the next line (no blank
    between, or one) opening in lower case, gets that next word: joined without the hyphen,
    or with it when the first part is a compound's first word."""
    out = list(lines)
    emptied: set[int] = set()  # a line that was the word's second part alone
    for i, ln in enumerate(out):
        bm = _BROKEN_END_RE.search(ln.text) if ln.text else None
        if bm is None:
            continue
        j = i + 1
        if j < len(out) and not out[j].text:
            j += 1
        if j >= len(out):
            continue
        first = bm.group("part")
        number = first.isdigit()
        nm = (_SECOND_NUMBER_RE if number else _SECOND_PART_RE).match(out[j].text)
        if nm is None and first.lower() in _CAPITAL_COMPOUND_FIRST and j == i + 1:
            nm = _SECOND_CAPITAL_RE.match(out[j].text)
        if nm is None:
            continue
        capital = nm.group("part")[:1].isupper()
        glue = "-" if number or capital or first.lower() in _COMPOUND_FIRST else ""
        joined = f"{ln.text[: bm.start('part')]}{first}{glue}{nm.group('part')}"
        out[i] = _unit(ln.no, ln.raw, joined)
        out[j] = _unit(out[j].no, out[j].raw, out[j].text[nm.end() :])
        if not out[j].text:
            emptied.add(j)
    return [ln for k, ln in enumerate(out) if k not in emptied]
