"""The judged pages re-laid out as fresh pages come: the learnt models train and are checked on
these as well as on the pages as published (flattened and hard-wrapped pages are where the
rules lose most). `tests/minutes/test_corpus_layouts.py` re-reads the dev split the same way."""

from __future__ import annotations

import re
import textwrap


def wrap(text: str, width: int) -> str:
    """Each line longer than `width` hard-wrapped at spaces, as text taken out of a PDF is."""
    out: list[str] = []
    for line in text.split("\n"):
        if len(line) <= width:
            out.append(line)
        else:
            out.extend(textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False))
    return "\n".join(out)


def flatten(text: str) -> str:
    """The whole page on one line, as a page pasted without its line breaks."""
    return re.sub(r"\s+", " ", text).strip()


def pdf_pages(text: str) -> str:
    """Wrapped at 80 with a printed page's number and signature line every 25 lines."""
    out: list[str] = []
    for k, line in enumerate(wrap(text, 80).split("\n"), 1):
        out.append(line)
        if k % 25 == 0:
            out += ["", f"- {k // 25} -", "Signed .................... Chair", ""]
    return "\n".join(out)


def as_published(text: str) -> str:
    return text


def wrapped_at_60(text: str) -> str:
    return wrap(text, 60)
