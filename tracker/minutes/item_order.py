"""How item numbers relate and look, apart from reading them off a line (`items.item_number`):
the number after another ("8.3" -> "9"), a number's shape ("485/16" -> "9/9"), and a heading
strong enough to end a resolution block."""

from __future__ import annotations

import re


def successor(prev: str, new: str) -> bool:
    """Is `new` the item after `prev` ("8.1" -> "8.2", "8.3" -> "9")?"""
    a, b = prev.rstrip(".").split("."), new.rstrip(".").split(".")
    if not all(x.isdigit() for x in a + b) or not prev:
        return False
    if len(a) == len(b):
        return a[:-1] == b[:-1] and int(b[-1]) == int(a[-1]) + 1
    return len(b) < len(a) and int(b[-1]) == int(a[len(b) - 1]) + 1 and a[: len(b) - 1] == b[:-1]


def shape(text: str) -> str:
    """The shape of an item number: digits become 9, letters a ("113." -> "9.", "485/16" ->
    "9/9")."""
    return re.sub(r"[a-z]+", "a", re.sub(r"\d+", "9", text.strip().lower()))


def strong_heading(text: str, no: str) -> bool:
    """A number alone, a coded number ("F03:04/24", "19/17") or a number before an upper-case
    title ("1360 MATTERS ARISING")."""
    if not no:
        return False  # a bulleted title may as well be an item of a list
    rest = text[len(no) :].lstrip(" .:")
    if not rest or not re.fullmatch(r"\d{1,4}(?:\.\d{1,3})*", no):
        return True
    letters = [c for c in rest[:60] if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) > 0.8 * len(letters)
