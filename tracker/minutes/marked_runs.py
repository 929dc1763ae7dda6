"""Item headings numbered in a form `items` does not take on one line alone: "2 – Title" (a
number and a dash, which a table's reference also prints: "8 – Cartrefi Croeso Ltd"), "(2)
Title" (which a list's entry also prints), a capital letter "B. Title" and a roman number "ii)
Title". A page that opens three or more units with one such form, its numbers counting on (2,
3, 4; B, C, D; ii, iii, iv), each before a short title and each with text of its own under it,
numbers its items that way. Not a decision's clauses ("(2) That the clerk ..."): a title is no
sentence; not a date ("2 – 4 June"): a title opens on a capital letter; not a list of lines
with nothing between them (a contents list or a table)."""

from __future__ import annotations

import re

__all__ = ["marked_runs"]

_ROMAN = {"i": 1, "v": 5, "x": 10}
_MARKS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("dash", re.compile(r"^(?P<no>\d{1,3})\s+[\u2013\u2014\-]\s+(?P<title>.+)$")),
    ("bracketed", re.compile(r"^\((?P<no>\d{1,3})\)\s+(?P<title>.+)$")),
    ("roman", re.compile(r"^(?P<no>[ivx]{1,5}|[IVX]{1,5})(?P<stop>[.)])\s+(?P<title>.+)$")),
    ("letter", re.compile(r"^(?P<no>[A-Z])(?P<stop>[.)])\s+(?P<title>.+)$")),
)
# a title: a capital first, ten words at most, no sentence's end and no clause's "That"
_TITLE_RE = re.compile(r"^(?!(?i:that)\b)[A-Z][^.;!?]{1,100}$")
_MAX_TITLE_WORDS = 10
_RUN = 3  # the fewest headings a run needs
_STEP = 2  # an item may be skipped (taken in private, withdrawn)


def _roman(s: str) -> int | None:
    values = [_ROMAN[c] for c in s.lower()]
    total = sum(
        -v if k + 1 < len(values) and v < values[k + 1] else v for k, v in enumerate(values)
    )
    return total if 0 < total <= 20 else None


def _value(kind: str, no: str) -> int | None:
    if kind == "roman":
        return _roman(no)
    if kind == "letter":
        return ord(no) - ord("A") + 1
    return int(no)


def _title(text: str) -> bool:
    t = text.strip().rstrip(":")
    return _TITLE_RE.match(t) is not None and len(t.split()) <= _MAX_TITLE_WORDS


def marked_runs(texts: list[str]) -> dict[int, str]:
    """The units that open an item in one of the forms above, with the item's number as the
    page prints it without its marks ("2", "B", "ii")."""
    found: dict[tuple[str, str], list[tuple[int, int, str]]] = {}
    for k, t in enumerate(texts):
        for kind, rx in _MARKS:
            m = rx.match(t)
            if m is None or not _title(m["title"]):
                continue
            value = _value(kind, m["no"])
            if value is not None:
                stop = m.groupdict().get("stop") or ""
                found.setdefault((kind, stop), []).append((k, value, m["no"]))
    taken: dict[int, str] = {}
    # a roman "i." / "v." / "x." is read as a letter too: the form whose run is longer wins
    for key in sorted(found, key=lambda key: key[0] != "roman"):
        for k, no in _runs(found[key], texts).items():
            taken.setdefault(k, no)
    return taken


def _runs(members: list[tuple[int, int, str]], texts: list[str]) -> dict[int, str]:
    """The runs among `members` (units of one form, in page order) whose numbers count on by
    one or two each time, three units or more, each with text of its own before the next."""
    taken: dict[int, str] = {}
    run: list[tuple[int, int, str]] = []

    def close() -> None:
        spread = all(
            any(texts[j] for j in range(a[0] + 1, b[0])) for a, b in zip(run, run[1:], strict=False)
        )
        if len(run) >= _RUN and spread:
            taken.update((k, no) for k, _, no in run)

    for member in members:
        if run and 0 < member[1] - run[-1][1] <= _STEP:
            run.append(member)
            continue
        close()
        run = [member]
    close()
    return taken
