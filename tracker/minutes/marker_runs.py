"""A list flattened into one long line ("...1972: a) Has contracted ... b) Has tested ...",
"(a) That ... be approved; (b) That ...; and (c) That ..."), cut before each marker of a run in
sequence. A lone "(b)" in prose is not a list: a run starts after a colon, semicolon or full
stop with its first marker ("a)", "(i)", "1)") and goes on only while the next marker follows."""

from __future__ import annotations

import re

_ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]

_START_RE = re.compile(
    r"(?P<lead>^|(?<=[:;.]\s))?(?<!\S)(?:(?P<open>\(?)(?P<first>a|i|1)\)"
    # "Members agree: 1. To consider ... 2. The principle ... 3. Where ...", "Decision: i.
    # Considered ...; ii. Considered ...", "before them: A. The Agenda ... B. ... C. ...": a
    # list whose markers end with a full stop, taken only where three of them run in turn
    r"|(?P<dot>a|i|1|A)\.)\s+\S"
)

_DOTTED_RUN = 3  # markers in turn that make a list of "1." / "a." / "i." / "A." markers

_MAX_GAP = 2000  # characters between two markers of one list


def _next(label: str, roman: bool) -> str | None:
    if roman:
        k = _ROMAN.index(label) if label in _ROMAN else -1
        return _ROMAN[k + 1] if 0 <= k < len(_ROMAN) - 1 else None
    if label.isdigit():
        return str(int(label) + 1)
    return chr(ord(label) + 1) if label < "z" else None


def _cuts(text: str) -> set[int]:
    cuts: set[int] = set()
    for m in _START_RE.finditer(text):
        dotted = m.group("dot") is not None
        if m.group("dot") == "1" and not text[: m.start()].rstrip().endswith((":", ":-")):
            continue  # "1. Play area ... option 2. It was ...": the page's items, not a list
        first, opened = m.group("dot") or m.group("first"), m.group("open") or ""
        # "(i)" opens a roman list; its successor "(ii)" tells it from a letter list's "(i)"
        for roman in (True, False) if first == "i" else (False,):
            label, pos, found = first, m.end() - 1, []
            while (nxt := _next(label, roman)) is not None:
                nm = re.compile(
                    rf"(?<=\s)(?<!\(){re.escape(nxt)}\.\s+\S"
                    if dotted
                    else rf"(?<=\s){re.escape(opened)}{re.escape(nxt)}\)\s+\S"
                    if opened
                    else rf"(?<=\s)(?<!\(){re.escape(nxt)}\)\s+\S"
                ).search(text, pos, pos + _MAX_GAP)
                if nm is None:
                    break
                found.append(nm.start())
                label, pos = nxt, nm.end() - 1
            # "... Provision (1) To NOTE ...; (2) To AGREE ...; (3) To ASK ...": a bracketed run
            # of three needs no colon or full stop before it
            anywhere = opened and len(found) + 1 >= _DOTTED_RUN
            if (
                found
                and (not dotted or len(found) + 1 >= _DOTTED_RUN)
                and (m.group("lead") is not None or anywhere)
            ):
                cuts.add(m.start())
                cuts.update(found)
                break
    return cuts


def marker_runs(text: str) -> list[str]:
    """`text` cut before each marker of every list run in it (the text whole if none)."""
    cuts = sorted(c for c in _cuts(text) if c > 0)
    if not cuts:
        return [text]
    pieces, start = [], 0
    for c in cuts:
        if text[start:c].strip():
            pieces.append(text[start:c].strip())
        start = c
    pieces.append(text[start:].strip())
    return pieces
