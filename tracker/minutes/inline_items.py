"""Several items of one decision written on one line: "1) That A. 2) That B.", "That the
Committee: (a) ...; (b) ...", and items lettered "A", "B", "C" without brackets, split apart so
that each is read as an item of its own."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .item_lists import is_first, is_next
from .markers import INLINE_MARKER_RE, parse_marker
from .text import Line, matchable

# "It was resolved to: A Note the change ... . B Note the appointment ...": capital letters with
# no bracket or stop, each starting a sentence (after the lead-in's colon or the item before)
_BARE_LETTER_RE = re.compile(r"(?:(?<=[.;:]\s)|^)(?P<letter>[A-H])\s(?=[A-Z][a-z]+\s)")


def _bare_letters(text: str) -> list[str]:
    """Split a lead-in's items lettered "A", "B", "C" ... in turn (two or more, from "A" right
    after the lead-in's colon) into pieces; anything else stays whole ("A Note was tabled.")."""
    chain: list[int] = []
    for h in _BARE_LETTER_RE.finditer(text):
        want = chr(ord("A") + len(chain))
        if h.group("letter") != want:
            continue
        if not chain and not re.search(r":\s$", text[: h.start()]):
            continue
        chain.append(h.start())
    if len(chain) < 2:
        return [text]
    cuts = [0, *chain, len(text)]
    pieces = [text[a:b].strip() for a, b in zip(cuts, cuts[1:], strict=False)]
    # each lettered piece written "A) ..." so that it is read as the lead-in's item "A"
    return [p if k == 0 else f"{p[0]}){p[1:]}" for k, p in enumerate(pieces) if p]


_LEAD_IN_A_RE = re.compile(r"^(?:(?:to|that)\s*)?:\s+A\s(?=[A-Z][a-z]+\s)")


def lettered_lines(lines: Sequence[Line], idx: int, inline: str) -> Sequence[Line]:
    """ "It was resolved to: A Note ..." then "B Note ..." / "C Note ..." on the lines after it
    (a flattened page cut at its sentences): the items lettered without brackets, each line
    rewritten "B) ..." so that it is read as the lead-in's item (and "A" too, by
    `_bare_letters`)."""
    if not _LEAD_IN_A_RE.match(inline):
        return lines
    out = list(lines)
    want = "B"
    for k in range(idx + 1, len(lines)):
        t = lines[k].text
        if not t:
            continue
        if not re.match(rf"{want}\s[A-Z][a-z]+\s", t):
            break
        out[k] = Line(lines[k].no, lines[k].raw, f"{want}){t[1:]}", f"{want}){lines[k].m[1:]}")
        want = chr(ord(want) + 1)
    return out if want > "B" else lines


# "Resolved: The Board (a) noted the report; (b) approved the plan.": the body, its colon lost,
# before its lettered decisions
_BODY_BEFORE_RE = re.compile(
    r"^\W*the\s+(?:[A-Z][\w'\u2019\-]*\s+){0,4}?(?:board|committee|sub-committee|panel|council"
    r"|cabinet|executive|forum|partnership|ijb|authority)\s*$",
    re.I,
)


def split_inline_items(text: str) -> list[str]:
    """Split "1) That A. 2) That B." (or "That the Committee: (a) ...; (b) ...", or "that (a)
    ...; (b) ..." with two items or more) into pieces."""
    m = matchable(text)
    hits = list(INLINE_MARKER_RE.finditer(m))
    if not hits:
        return _bare_letters(text)
    chain: list[int] = []
    prev: tuple[str, object, str] | None = None
    for h in hits:
        mk = parse_marker(text[h.start() :], m[h.start() :])
        if mk is None:
            continue
        if prev is None:
            if h.start() != 0 and not (
                re.search(r"(?:[:\-]|\bthat)\s*$", m[: h.start()], re.I)
                or _BODY_BEFORE_RE.search(m[: h.start()])
            ):
                continue
            for style, value in mk.candidates:
                if is_first(style, value):
                    prev = (style, value, mk.fmt)
                    chain.append(h.start())
                    break
            continue
        for style, value in mk.candidates:
            if style == prev[0] and mk.fmt == prev[2] and is_next(style, prev[1], value):
                prev = (style, value, mk.fmt)
                chain.append(h.start())
                break
    if not chain or (
        len(chain) < 2 and (chain[0] == 0 or not re.search(r"[:\-]\s*$", m[: chain[0]]))
    ):
        return [text]  # one marker after "that" may be prose: "notes that (a) is ..."
    cuts = ([0] if chain[0] != 0 else []) + chain + [len(text)]
    return [p for p in (text[a:b].strip() for a, b in zip(cuts, cuts[1:], strict=False)) if p]
