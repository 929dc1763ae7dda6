"""Candidate item numbers for a found resolution, each with the features that explain it.

The rules (`segment`'s headings and `items`) give every unit one item number in force. A page
that lost its layout (flattened, wrapped, glued) may print the right number somewhere else near
the resolution: on a heading further up, opening the resolution's own unit, in a minute
reference inside the text. Every such number is a candidate; the same number from several
sources is one candidate with all their features. `item_ranking` ranks them.

Feature names are words a reviewer can read ("heading 1 above", "opens its own unit"), so the
weights and the reason given on the review screen say the same thing.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .item_order import shape, successor
from .items import CLOCK_RE, DATE_SPAN_RE, ITEM_REF_RE, item_number
from .models import ExtractedResolution
from .segment import Segmented
from .text import Line, collapse

# How far up a resolution's item may be printed (units, headings)
_REACH = 60
_HEADINGS = 4
_OPENERS = 6

# A number opening a unit: "5.", "8.14", "45/23", "Minute 123", "Minute No. 45/23", "Item 5:",
# "19/8Resolved" (glued), "PC23/045", "(3)"
_OPENING_RE = re.compile(
    r"^\s*(?P<label>(?:agenda\s+)?(?:item|minute|min\.?|article)\s+(?:no\.?\s*)?)?"
    r"\(?(?P<no>(?:[A-Z]{1,4})?\d{1,4}[a-z]?(?:[./:]\d{1,4}[a-z]?)*)(?P<after>[.):]?)(?P<next>\s|[A-Z]|$)",
    re.I,
)
# "Minute 123", "minute no. 45/23", "(Item 63)" inside a sentence
_INSIDE_RE = re.compile(
    r"\b(?:minute|min\.|item)\s+(?:no\.?\s*)?(?P<no>\d{1,4}[a-z]?(?:[./]\d{1,4})*)\b", re.I
)
# "... the next meeting. 3666 Appointment of Chairman RESOLVED ...", "... 69. Terms of Reference":
# an item's number and title inside a unit of a page flattened onto one line, after the end of
# a sentence
_INNER_RE = re.compile(
    r"(?:(?<=[.!?:;)])|(?<=[.!?:;)][\"'\u2019\u201d]))\s+(?P<no>\d{1,4}(?:[./]\d{1,3})*[a-z]?)"
    r"(?P<after>[./):]?)\s+(?=[A-Z(][A-Za-z\u2019'(]+)"
)
_INNERS = 3
# "131 Colne Way", "7 Mill Street St Osyth": a house's number in an address
_ADDRESS_RE = re.compile(
    r"\s*(?:[A-Z][a-z'\u2019]+\s+){1,3}(?:Road|Way|Street|Lane|Close|Avenue|Drive|Crescent|Place"
    r"|Gardens|Terrace|Rd|St|Ave)\b"
)
_YEAR_RE = re.compile(r"(?:19|20)\d{2}")
_DATE_RE = re.compile(r"\d{1,2}[./]\d{1,2}[./]\d{2,4}")
_TIME_RE = re.compile(r"\d{1,2}[.:][0-5]\d")
_KNOWN_SHAPES = {"9", "9.9", "9.9.9", "9/9", "9a", "9.9a", "a9/9", "a9", "9/9/9", "9(a)"}


def norm(value: str) -> str:
    """An item number as the scorer compares it ("5." and "5" are one number)."""
    return value.strip().rstrip(".").strip().lower()


@dataclass
class Candidate:
    """One item number that could be the resolution's, and why."""

    value: str  # as the scorer compares it
    printed: str = ""  # as the page prints it
    names: set[str] = field(default_factory=set)
    kinds: set[str] = field(default_factory=set)  # the kinds of source that gave it
    # the nearest source that gave it, in words, for the review screen
    source: str = ""


def _bucket(n: int) -> str:
    for top, label in ((0, "0"), (1, "1"), (2, "2"), (5, "3-5"), (10, "6-10"), (30, "11-30")):
        if n <= top:
            return label
    return "31+"


def unit_of(lines: Sequence[Line], starts: Sequence[int], res: ExtractedResolution) -> int:
    """The unit a resolution was read from: the unit on its line that holds its text."""
    lo = bisect.bisect_left(starts, res.line)
    hi = bisect.bisect_right(starts, res.line)
    if hi - lo <= 1:
        return max(0, min(lo, len(lines) - 1)) if hi > lo else max(0, hi - 1)
    head = collapse(res.text)[:40].lower()
    for k in range(lo, hi):
        if head and head in lines[k].text.lower():
            return k
    return lo


def _add(cands: dict[str, Candidate], value: str, names: Sequence[str], source: str) -> None:
    key = norm(value)
    c = cands.setdefault(key, Candidate(key, value.strip().rstrip(".")))
    c.names.update(names)
    c.kinds.add(source.split(" ", 2)[1] if source.startswith("the ") else source)
    if not c.source:
        c.source = source


def _list_entry(lines: Sequence[Line], k: int, no: str) -> bool:
    """Does the unit before unit `k` (within a few) open with the marker before `no)`, so that
    "5)" continues a list "1)" ... "4)"?"""
    if not no.isdigit() or no == "1":
        return False
    want = f"{int(no) - 1})"
    seen = 0
    for j in range(k - 1, max(-1, k - 8), -1):
        t = lines[j].text.lstrip("(")
        if not t:
            continue
        if t.startswith(want):
            return True
        seen += 1
        if seen >= 4:
            break
    return False


def _where(d: int) -> str:
    return {0: "on the same line", 1: "one line above", 2: "two lines above"}.get(
        d, f"{d} lines above"
    )


def candidates(
    seg: Segmented,
    unit: int,
    res: ExtractedResolution,
    previous: str,
    decided: frozenset[int] = frozenset(),
) -> list[Candidate]:
    """The item numbers that could be the resolution's at `unit`: the rules' choice
    (`res.item`), the headings above, numbers opening the units above and its own, numbers
    printed as a heading inside the text above, minute references in its own text, and none at
    all. `previous` is the rules' item of the resolution before it; `decided` the units read
    as resolutions (a number opening one numbers a resolution's list, not an item)."""
    rules = res.item
    lines = seg.lines
    cands: dict[str, Candidate] = {}
    _add(cands, rules, ["rules chose it"], "by the rules")
    _add(cands, "", ["no number"], "none printed")
    seen = 0
    openers = 0
    for k in range(unit, max(-1, unit - _REACH), -1):
        text = lines[k].text
        if not text:
            continue
        d = unit - k
        if k in seg.headings and seen < _HEADINGS:
            names = [f"heading {seen + 1} above", f"heading {_bucket(d)} units up"]
            if k in seg.strong:
                names.append("strong heading")
            src = f"the heading {_where(d)}"
            _add(cands, seg.items[k], names, src)
            own = item_number(lines[k], seg.clock)
            if own and norm(own) != norm(seg.items[k]):
                _add(cands, own, [*names, "heading's printed number"], src)
            seen += 1
        m = _OPENING_RE.match(text)
        if m and seg.clock and CLOCK_RE.match(text):
            m = None  # "7:05 Minutes of the last meeting": the time it was taken, no item
        if m and DATE_SPAN_RE.match(text):
            m = None  # "7 – 9 June: the county festival": days of a month, no item
        if m and m.group("after") == ")" and _list_entry(lines, k, m.group("no")):
            m = None  # "5) Bowel Cancer UK - £100.00" after "4) ...": a list's entry, no item
        if m and openers < _OPENERS:
            no = m.group("no")
            names = ["opens its own unit" if d == 0 else f"opens a unit {_bucket(d)} up"]
            if m.group("label"):
                names.append("labelled item or minute")
            if m.group("next") and m.group("next").isalpha():
                names.append("glued to a word")
            if k not in seg.headings:
                names.append("not a heading")
            if k in decided and k != unit:
                names.append("opens another resolution")
            names.append(_after(text[m.end("no") :]))
            _add(cands, no, names, f"the number opening the text {_where(d)}")
            openers += 1
        if d <= 1:
            for im in _INSIDE_RE.finditer(text):
                _add(cands, im.group("no"), ["minute reference in the text"], "a minute reference")
            rm = ITEM_REF_RE.search(text)
            if rm:
                _add(cands, rm.group("no") or rm.group("ref"), ["item reference"], "(Item N)")
    _inner(cands, lines, unit, collapse(res.text)[:40].lower())
    raw = _OPENING_RE.match(lines[unit].raw) if lines else None
    if raw and not (seg.clock and CLOCK_RE.match(lines[unit].raw.lstrip())):
        _add(cands, raw.group("no"), ["opens its source line"], "the number opening its line")
    out = list(cands.values())
    for c in out:
        c.names.update(_value_features(c.value, rules, previous))
        c.names.update(_list_features(c.value, res.number))
        c.names.add(f"sources {min(3, len(c.kinds))}")
        c.names.update(_pairs(c.names))
    return out


# "Clerk's report – Western Power ...", "Councillors- an opportunity ...", "Planning: two ..."
_TITLE_STOP_RE = re.compile(r"^[^.:;\u2013\u2014]{2,80}?(?::|\s[\u2013\u2014-]\s|\w-\s)")


_VERB_RE = re.compile(
    r"\b(?:was|were|is|are|has|had|have|will|would|said|asked|discussed|reported|noted|agreed"
    r"|explained|thanked|advised|confirmed|raised)\b",
    re.I,
)


def _after(rest: str) -> str:
    """What follows a number opening a unit: a title ("FINANCE", "Bus shelter", "Clerk's report
    – ...", "To consider ...") or a sentence ("Flooding on Mill Lane was reported ...")."""
    rest = rest.lstrip(" .):")
    letters = [c for c in rest[:40] if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) > 0.7 * len(letters):
        return "then a title in capitals"
    if not rest.split():
        return "then nothing"
    if _TITLE_STOP_RE.match(rest):
        return "then a title and a colon or dash"
    if re.match(r"to\s+[a-z]+\b", rest, re.I):
        return "then an agenda title"
    first = re.split(r"(?<=[a-z0-9])\.\s", rest, maxsplit=1)[0]
    if _VERB_RE.search(first):
        return "then a sentence with a verb"
    if len(first.split()) <= 12:
        return "then a title"
    return "then a sentence"


def _inner(cands: dict[str, Candidate], lines: Sequence[Line], unit: int, head: str) -> None:
    """Numbers inside the units up to three above, and inside the resolution's own before its
    text, printed as an item's number and title after the end of a sentence."""
    found = 0
    for k in range(unit, max(-1, unit - 4), -1):
        text = lines[k].text
        if k == unit and head:
            at = text.lower().find(head)
            text = text[:at] if at >= 0 else text
        for m in reversed(list(_INNER_RE.finditer(text))):
            if found >= _INNERS:
                return
            if _ADDRESS_RE.match(text, m.end()):
                continue  # "... façade. 131 Colne Way Point Clear Bay": a house, not an item
            names = ["inside a unit", f"inside a unit {_bucket(unit - k)} up"]
            if found == 0:
                names.append("nearest inside a unit")
            if m.group("after"):
                names.append("inside a unit with a stop")
            _add(cands, m.group("no"), names, "the number inside the text above")
            found += 1


# What a number's nearest place says together with how it sits by the rules' number: "opens a
# unit 1 up" weighs differently when it is the number after the rules' one
_PLACES = (
    "opens its own unit",
    "opens its source line",
    "opens a unit 1 up",
    "opens a unit 2 up",
    "nearest inside a unit",
)
_RELATIONS = (
    "after the rules' number",
    "follows previous resolution's",
    "rules chose none",
    "extends the rules' number",
    "not a heading",
    "labelled item or minute",
    "glued to a word",
    "then a sentence",
    "then a sentence with a verb",
    "then a title",
    "then an agenda title",
    "then a title and a colon or dash",
    "then a title in capitals",
    "then nothing",
    "opens another resolution",
    "the resolution's own list number",
    "the list number before the resolution's",
)


def _pairs(names: set[str]) -> list[str]:
    out = [f"{p} & {r}" for p in _PLACES if p in names for r in _RELATIONS if r in names]
    if "rules chose it" in names:
        # how far up the heading the rules took it from, and what it looks like
        out += [
            f"rules & {n}"
            for n in names
            if n.startswith(("heading ", "shape ", "a ", "four ", "same as", "follows"))
            or n in ("no number", "strong heading", "labelled item or minute")
        ]
    return out


# Where a number other than the rules' one must be printed for the model to be asked: close to
# the resolution (its own unit or line, one or two units up, a reference in its text, the
# nearest heading)
_NEAR = (
    "opens its own unit",
    "opens its source line",
    "opens a unit 1 up",
    "opens a unit 2 up",
    "heading 1 above",
    "minute reference in the text",
    "item reference",
    "nearest inside a unit",
)


def contested(cands: Sequence[Candidate]) -> bool:
    """Is a number other than the rules' printed close to the resolution?"""
    return any("rules chose it" not in c.names and any(n in c.names for n in _NEAR) for c in cands)


def _list_features(v: str, number: str) -> list[str]:
    """How the number sits beside the resolution's own number in its list ("3" for "3. To set
    the precept"): the same, or the one before it, is the list's numbering, not an item's."""
    n = norm(number.split(".")[-1]) if number else ""
    if not v or not n:
        return []
    if v == n:
        return ["the resolution's own list number"]
    if successor(v, n):
        return ["the list number before the resolution's"]
    return []


def _value_features(v: str, rules: str, previous: str) -> list[str]:
    """What the number itself looks like, and how it sits beside the rules' choice and the
    previous resolution's item."""
    if not v:
        return ["empty"]
    s = shape(v)
    names = [f"shape {s if s in _KNOWN_SHAPES else 'other'}"]
    r, p = norm(rules), norm(previous)
    if _YEAR_RE.fullmatch(v):
        names.append("a year")
    if _DATE_RE.fullmatch(v):
        names.append("a date")
    if _TIME_RE.fullmatch(v) and "." in v:
        names.append("a time")
    if re.fullmatch(r"\d{4}", v):
        names.append("four digits")
    if p and v == p:
        names.append("same as previous resolution's")
    if p and successor(p, v):
        names.append("follows previous resolution's")
    if r and v != r and r.startswith(v):
        names.append("prefix of the rules' number")
    if r and v != r and v.startswith(r):
        names.append("extends the rules' number")
    if r and v != r and successor(r, v):
        names.append("after the rules' number")
    if not r:
        names.append("rules chose none")
    return names


def describe(c: Candidate, p: float, rules: str) -> str:
    """The review screen's reason: "item number 5 from the heading two lines above (model
    0.93); the rules read '3'"."""
    was = f"'{rules}'" if rules else "none"
    return (
        f"item number {c.value or '(none)'} from {c.source} (model {p:.2f}); the rules read {was}"
    )
