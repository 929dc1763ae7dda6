"""A printed page's number alone on its line between two items in turn ("8. Fees" ... "2" ...
"9. Assembly"), as a PDF's text leaves it: no item heading, though a number alone over its
title is one ("Minute 112" / "Footpaths"). Only when the number does not follow the item in
force and the next heading does."""

from __future__ import annotations

from collections.abc import Sequence

from .item_order import successor
from .items import item_number
from .text import Line

_LOOK = 3  # units with text looked at for the next heading


def page_number(lines: Sequence[Line], i: int, no: str, current: str, clock: bool) -> bool:
    """Is `no`, read at unit i alone on its line, the page's number between item `current` and
    the next heading, the item after `current`?"""
    if not no.isdigit() or lines[i].text.rstrip(".") != no or not current:
        return False
    if successor(current.rstrip("."), no):
        return False
    seen = 0
    for ln in lines[i + 1 :]:
        if not ln.text:
            continue
        nxt = item_number(ln, clock)
        if nxt:
            return successor(current.rstrip("."), nxt.rstrip("."))
        seen += 1
        if seen >= _LOOK:
            break
    return False
