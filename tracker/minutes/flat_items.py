"""Item numbers on a page flattened onto long lines (a whole page, or many items, on one source
line): which source lines were flattened, and the next item's number with its title in capitals
at the start of a unit cut from one ("4. Risk Register The Risk Manager ...")."""

from __future__ import annotations

import re

from .item_order import successor
from .text import Line
from .units import LONG_LINE

# "3. Internal Audit Annual Report The Head of Audit presented the report.": on a page flattened
# onto long lines, the next item's number, its title and its first sentence in one unit
# (or "4) Risk Register ...", "4: Risk Register ...": the page's items numbered so)
_FLAT_TITLE_RE = re.compile(
    r"^(?P<no>\d{1,3})[.):]\s+(?P<rest>[A-Z][a-z]+(?:\s+(?:[A-Z][\w'\u2019-]*|of|and|for|&)){0,8})"
)
_NOT_A_TITLE_RE = re.compile(
    r"(?:that|to|the|a|an|it|this|there|members|councillors?|cllr|mr|mrs|ms|dr|he|she|they|we)\b",
    re.I,
)


def flattened_next_title(lines: list[Line], i: int, current: str, flat: set[int]) -> str | None:
    """The next item's number at the start of a unit cut from a page flattened onto long lines
    (`flat`: the source lines longer than a laid-out line), its title in capitals before the
    first sentence ("4. Risk Register The Risk Manager ..."); a paragraph ("4. The Clerk ...")
    or a clause ("4. That ...") is not one, nor a number that is not the next item's."""
    if lines[i].no not in flat:
        return None
    m = _FLAT_TITLE_RE.match(lines[i].text)
    if m is None or _NOT_A_TITLE_RE.match(m.group("rest")):
        return None
    no = m.group("no")
    closer = lines[i].text[len(no)]
    if closer != "." and not _printed_so(lines, i, current, closer):
        return None  # "5) Bowel Cancer UK - £100.00" under item 4.2: a list's entry
    return no if successor(current, no) or (not current and no == "1") else None


def _printed_so(lines: list[Line], i: int, current: str, closer: str) -> bool:
    """Was the item in force (or, before any, none) printed with the same closer ("4)" before
    "5)")? A page numbers its items one way; a list under an item may number another."""
    if not current:
        return True
    start = f"{current}{closer}"
    return any(ln.text.startswith(start) for ln in lines[max(0, i - _REACH) : i])


_REACH = 60  # units searched above for the item in force (keeps the reading linear)


def flattened(lines: list[Line]) -> set[int]:
    """The source lines that gave units longer than a laid-out line, all told."""
    size: dict[int, int] = {}
    for ln in lines:
        size[ln.no] = size.get(ln.no, 0) + len(ln.text)
    return {no for no, n in size.items() if n > LONG_LINE}
