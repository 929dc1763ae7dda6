"""List markers at the start of a line ("(1)", "2)", "a.", "iv", "8.18", a bullet) and their
readings (number, letter, roman numeral), and items written one after another on one line."""

from __future__ import annotations

import re
from dataclasses import dataclass

_BULLETS = "\u00b7\u2022\u25aa\u25ab\u25e6\u25cf\u25a0\u25a1\u27a2\u25ba\u2713\u2714\uf0b7\uf0a7\uf0d8*?\u00a7\u2013\u2014\u2023\u2043-"


MARKER_RE = re.compile(
    r"^(?:"
    r"\(\s*(?P<p>\d{1,3}(?:\.\d{1,3})*|[A-Za-z]{1,6})\s*\)"
    r"|(?P<c>\d{1,3}(?:\.\d{1,3})*|[A-Za-z]{1,6})\s?\)"
    r"|(?P<d>\d{1,3}(?:\.\d{1,3})*|[A-Za-z]{1,6})[.:](?!\d)"
    r"|(?P<s>\d{1,3}(?:\.\d{1,3})+|\d{1,2})(?=\s)"
    rf"|(?P<b>[{re.escape(_BULLETS)}]|o(?=\s))"
    r")(?:\s+|$)"
)


_ROMAN_RE = re.compile(r"x{0,3}(?:ix|iv|v?i{0,3})")


_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10}


def roman_value(s: str) -> int | None:
    low = s.lower()
    if not low or not _ROMAN_RE.fullmatch(low) or not (s.islower() or s.isupper()):
        return None
    total, prev = 0, 0
    for ch in reversed(low):
        v = _ROMAN_VALUES[ch]
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total or None


@dataclass(frozen=True)
class Marker:
    label: str  # as written, without brackets/dots: "1", "8.18", "a", "iv", or the bullet char
    fmt: str  # "paren" (1), "close" 1), "dot" 1., "space" 1, "bullet"
    rest: str  # the text after the marker (collapsed form)
    rest_start: int
    candidates: tuple[tuple[str, object], ...]  # (style, value) readings, preferred first


TIME_RE = re.compile(r"^\d{1,2}[.:]\d{2}\s*(?:a\.?m\b|p\.?m\b|hrs\b|noon\b)", re.I)


def parse_marker(text: str, m: str) -> Marker | None:
    if TIME_RE.match(m):
        return None  # "11.30 a.m.": a time, not a list number
    mm = MARKER_RE.match(m)
    if not mm:
        return None
    label, fmt = "", "bullet"
    for grp, name in (
        ("p", "paren"),
        ("c", "close"),
        ("d", "dot"),
        ("s", "space"),
        ("b", "bullet"),
    ):
        if mm.group(grp) is not None:
            label, fmt = mm.group(grp), name
            break
    rest = text[mm.end() :]
    if fmt == "bullet":
        if not rest:
            return None
        return Marker(label, "bullet", rest, mm.end(), (("bullet", None),))
    if label[0].isdigit():
        if "." in label:
            value = tuple(int(p) for p in label.split("."))
            cands: tuple[tuple[str, object], ...] = (("para", value),)
        else:
            cands = (("num", int(label)),)
            label = str(int(label))
        if fmt == "space" and "." not in label and not re.match(r"[A-Z]|that\b", rest):
            return None
        return Marker(label, fmt, rest, mm.end(), cands)
    # letters: one letter, or a roman numeral
    rv = roman_value(label)
    up = label.isupper()
    if len(label) == 1:
        alpha = ("ALPHA" if up else "alpha", ord(label.lower()) - 96)
        if rv is None:
            cands = (alpha,)
        else:
            roman = ("ROMAN" if up else "roman", rv)
            cands = (roman, alpha) if rv == 1 else (alpha, roman)
    elif rv is not None and rv <= 39:
        cands = (("ROMAN" if up else "roman", rv),)
    else:
        return None
    return Marker(label, fmt, rest, mm.end(), cands)


# Items written one after another on one line: "1) That ... 2) That ..."
INLINE_MARKER_RE = re.compile(
    r"(?:(?<=\s)|^)(\(\s*(?:\d{1,2}|[a-zA-Z]|[ivx]{2,5}|[IVX]{2,5})\s*\)|(?:\d{1,2}|[a-z]|[ivx]{2,5})\))(?=\s)"
    # "RESOLVED: i. To establish ... . ii. Councillors ... . iii. ...": numbered with a full stop,
    # each after the end of the item before
    r"|(?:(?<=[.;:]\s)|^)((?:\d{1,2}|[ivx]{1,5})\.)(?=\s+[A-Z])"
)
