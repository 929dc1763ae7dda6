"""A page's own minute numbers: a code of a shape no rule in `items` knows ("FC-23-41",
"HB.41", "41/23/24.", "P23-041") taken as the items' numbers when the page opens three or
more units with it, the same but for one figure that counts on ("FC-23-41", "FC-23-42",
"FC-23-44"). A code printed once may be anything (a reference, an application); a run of them,
each before a title, is how the page numbers its minutes, whatever their shape. A number in
brackets ("(2)", "2)") is left alone: that is how a list numbers its entries."""

from __future__ import annotations

import re

__all__ = ["own_numbers"]

# a code at the start of a unit: letters (or a bracket) before its figures, separators between
# them, then ". ", ": ", " - " or a space before a title, or nothing (the title cut off)
_CODE_RE = re.compile(
    r"^(?P<code>[A-Za-z]{0,5}[./\-]?\d{1,4}(?:[./:\-]\d{1,4}){0,3})"
    r"(?:(?:[.:]\s+|\s+[\u2013\u2014\-]\s+|\s+)(?=[A-Z(][A-Za-z(]|[A-Z]\s)|[.:]?$)"
)
_FIGURES_RE = re.compile(r"\d+")
# a label before the number ("No.41", "Min41", "Item 4"): the label's rules read those
_LABEL_RE = re.compile(r"^(?:no|min|item|minute|page|para|tel|ref)\b|^(?:no|min)\d", re.I)
# a payment or a sum on the line: a cheque's or an invoice's number in a list of payments
_MONEY_RE = re.compile(r"[£$€]\s?\d|\b\d+\.\d{2}\b")
_STEP = 3  # a minute may be skipped (taken in private, withdrawn): up to two between
_RUN = 3  # the fewest units a run needs


def _shape(code: str) -> tuple[str, int]:
    return _FIGURES_RE.sub("9", code), len(_FIGURES_RE.findall(code))


def own_numbers(texts: list[str]) -> dict[int, str]:
    """The units that open with a code of the page's own run of minute numbers, with the code
    (its closing full stop or colon dropped). Plain numbers ("4. Title") are left to `items` and
    `in_turn`, which know lists from items."""
    found: dict[tuple[str, int], list[tuple[int, list[int], str]]] = {}
    for k, t in enumerate(texts):
        m = _CODE_RE.match(t)
        if m is None:
            continue
        code = m["code"].rstrip(".:")
        if code.isdigit() or _LABEL_RE.match(code) or _MONEY_RE.search(t):
            continue
        figures = [int(f) for f in _FIGURES_RE.findall(code)]
        found.setdefault(_shape(code), []).append((k, figures, code))
    taken: dict[int, str] = {}
    for members in found.values():
        if len(members) < _RUN:
            continue
        for place in range(len(members[0][1])):
            if place == 0 and _dated(members[0][2]):
                continue  # "14/05/24", "15/05/24": days running on, not minutes
            taken.update(_runs(members, place, texts))
    return taken


# a day, a month and a year: "14/05/24", "3.6.2024", "14-05-24"
_DATE_RE = re.compile(
    r"(?:0?[1-9]|[12]\d|3[01])([./\-])(?:0?[1-9]|1[0-2])\1(?:\d{2}|(?:19|20)\d{2})"
)


def _dated(code: str) -> bool:
    return _DATE_RE.fullmatch(code) is not None


def _follows(last: list[int], figures: list[int], place: int) -> bool:
    """Does a code with `figures` come next after one with `last`: the figure at `place` one to
    three higher, every other the same?"""
    same = all(a == b for j, (a, b) in enumerate(zip(last, figures, strict=True)) if j != place)
    return same and 0 < figures[place] - last[place] <= _STEP


def _runs(
    members: list[tuple[int, list[int], str]], place: int, texts: list[str]
) -> dict[int, str]:
    """The runs among `members` (units of one shape, in page order) whose figure at `place`
    counts on, by one to three each time, while every other figure stays the same; one code
    out of turn between two in turn is an earlier minute cited ("7-12" between "7-43" and
    "7-44"), no break; a run with no text between its units (blank lines aside) is a contents
    list or a table."""
    taken: dict[int, str] = {}
    run: list[tuple[int, list[int], str]] = []

    def close() -> None:
        at = {k for k, _, _ in run}
        between = range(run[0][0], run[-1][0]) if run else range(0)
        spread = any(texts[k] and k not in at for k in between)  # text of their own between
        if len(run) >= _RUN and spread:
            taken.update((k, code) for k, _, code in run)

    for n, member in enumerate(members):
        if run:
            if _follows(run[-1][1], member[1], place):
                run.append(member)
                continue
            after = members[n + 1][1] if n + 1 < len(members) else None
            if after is not None and _follows(run[-1][1], after, place):
                continue  # cited in passing: the run goes on after it
            close()
        run = [member]
    close()
    return taken
