"""A row's reference as action logs print it ("A1", "AP12", "3.02", "12/24", "7."), and whether
one reference is the one after another ("A1" "A2", "3.01" "3.02", "11/24" "12/24"): a column of
references in turn is a log's number column, not its owners."""

from __future__ import annotations

import re
from collections.abc import Sequence

REF_RE = re.compile(r"^\(?[A-Z]{0,4}\d{1,4}(?:[./\-]\d{1,4}){0,2}[.)]?$")
_DIGITS_RE = re.compile(r"\d+")


def follows(a: str, b: str) -> bool:
    """Is reference b the one after a: the same letters and stops, one of the numbers one more?"""
    if _DIGITS_RE.sub("#", a) != _DIGITS_RE.sub("#", b):
        return False
    na, nb = _DIGITS_RE.findall(a), _DIGITS_RE.findall(b)
    steps = [int(y) - int(x) for x, y in zip(na, nb, strict=True)]
    return sorted(steps)[-1:] == [1] and steps.count(0) == len(steps) - 1


def reference_column(col: Sequence[str]) -> bool:
    """Are the cells a column of row references, one after another ("AP11", "AP12", ...)?"""
    return all(REF_RE.match(c) for c in col) and all(
        follows(a, b) for a, b in zip(col, col[1:], strict=False)
    )
