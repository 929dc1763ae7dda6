"""The runs of numbered, lettered or bulleted units an unlabelled list is read from (lists.py
weighs them): where a run starts and ends, and the number each of its items carries once
sub-items ("(1) ..." / "(a) ...", "a. ..." / "i. ...") are put under their parents."""

from __future__ import annotations

from collections.abc import Sequence

from .markers import parse_marker
from .segment import Segmented
from .text import Line

# one item of a run: its unit, its marker's label and format, its text after the marker
RunItem = tuple[int, str, str, str]


def list_run(seg: Segmented, i: int, free: set[int], bullets: bool) -> tuple[list[RunItem], int]:
    """The run of marked units from unit `i` (bulleted ones too when `bullets`), with the lines
    that wrap from them; and the unit after it."""
    lines = seg.lines
    run: list[RunItem] = []
    k = i
    while k < len(lines):
        u = lines[k]
        if not u.text:
            k += 1
            continue
        if k not in free or k in seg.headings and run:
            break
        m2 = parse_marker(u.text, u.m)
        if bullets and m2 is not None and m2.fmt == "bullet":
            run.append((k, str(len(run) + 1), "bullet", m2.rest))
            k += 1
            continue
        if m2 is None or m2.fmt == "bullet":
            if m2 is not None and run and run[-1][3].rstrip().endswith((":", ":-")):
                # "(1) That Cabinet recommends ... as outlined below:" then "· People First":
                # the clause's own data, not clauses; the clause is the decision (batch 7)
                k += 1
                continue
            if run and u.text[:1].islower():  # a wrapped line of the item above
                idx, lab, fmt, txt = run[-1]
                run[-1] = (idx, lab, fmt, f"{txt} {u.text}")
                k += 1
                continue
            if run and u.raw[:4].isspace() and _run_goes_on(lines, k, free):
                k += 1  # an indented table under the item above ("Planning - Cllr X")
                continue
            break
        run.append((k, m2.label, m2.fmt, m2.rest))
        k += 1
    return run, k


def _run_goes_on(lines: Sequence[Line], k: int, free: set[int]) -> bool:
    """Does a numbered item follow the indented lines from k on (within 8 lines)?"""
    for j in range(k, min(len(lines), k + 8)):
        if not lines[j].text:
            continue
        if j not in free:
            return False
        mk = parse_marker(lines[j].text, lines[j].m)
        if mk is not None and mk.fmt != "bullet":
            return True
        if not lines[j].raw[:4].isspace():
            return False
    return False


def run_numbers(run: Sequence[RunItem]) -> list[str]:
    """The number of each item of the run: its label, or "<parent>.<label>" for a sub-item
    (roman numerals under letters, letters under numbers, another format under the first)."""
    top_fmt = run[0][2]
    top_kind = "alpha" if run[0][1].isalpha() and run[0][1].lower() == "a" else None
    numbers: list[str] = []
    parent = ""
    for _idx, lab, fmt, _txt in run:
        roman_child = (
            top_kind == "alpha"
            and lab.lower() in ("i", "ii", "iii", "iv", "v", "vi")
            and parent
            and not (parent == "h" and lab.lower() == "i")
        )
        # "(1) To have regard to:-" then "(a) ..." in the same brackets: letters under a
        # number are its sub-items
        letter_child = run[0][1].isdigit() and lab.isalpha() and bool(parent)
        if fmt == top_fmt and not roman_child and not letter_child:
            parent = lab.lower()
            numbers.append(lab)
        else:
            numbers.append(f"{parent}.{lab}" if parent else lab)
    return numbers
