"""Escaping text from the database for Markdown, so that it always arrives as literal text.

Every `{{ value }}` in a Markdown template passes through `inline` (the environment's
finalize hook), unless a filter already made it safe (`markupsafe.Markup` marks our own
Markdown). The rules hold for Python-Markdown (our HTML) and for CommonMark/GitHub
renderers, and only what would act gets a mark, so a reader of the Markdown file sees the text
as typed ("[draft]", "5 < 6", "a * b", "C:\\Temp", "-5%" stay as they are):

- `` ` `` and `|` get a backslash; so do `*` unless spaces stand both sides of it, `\\` before
  punctuation or at the end, `]` before `(`, `[` or `:` (or last, after a `[`: no link, image
  or reference), `_` not inside a word, and `#` first or at the end (no emphasis, code,
  links, table cells or headings out of a title);
- `<` before a letter, `/`, `!` or `?` becomes `&lt;` (no raw HTML: `<script>` is text), and
  `&` only where it would start an entity (`&lt;` typed by a user stays `&lt;` on the page);
- a leading `>`, `#` or `[`, a leading `-`, `+` or `*` that would start a list or a rule, a
  line of `=`, and `1.` / `1)` cannot start a quote, heading, reference, list, rule or heading;
- inline text is one line (runs of whitespace, newlines included, become one space), so it
  cannot end a table row or a list item; `block` keeps paragraphs and line breaks.

The tracker's minutes importer reads these marks back as the characters (`tracker.minutes`).
"""

from __future__ import annotations

import re

from markupsafe import Markup

_SPECIAL = re.compile(r"([`|])")
# `*` emphasises only next to a non-space: "a * b" is text
_STAR = re.compile(r"\*(?=\S)|(?<=\S)\*")
# a backslash escapes only punctuation (CommonMark) and breaks a line only at the end
_BACKSLASH = re.compile(r"\\(?=[!-/:-@\[-`{-~]|$)")
# `]` closes a link or an image only before `(`, `[` (a reference) or `:` (a definition)
_CLOSE_BRACKET = re.compile(r"\](?=[(\[:])")
# `<` opens HTML only before a tag name, `/`, `!` (a comment) or `?`: "5 < 6" is text
_TAG_OPEN = re.compile(r"<(?=[A-Za-z/!?])")
# `_` inside a word (snake_case, file_names) is not emphasis anywhere; elsewhere it may be
_UNDERSCORE = re.compile(r"(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")
# `#` matters only where it can start a heading or close one: first, or a run at the end
_TRAILING_HASHES = re.compile(r"(#+)$")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_SPACES = re.compile(r"\s+")
# Text with none of the characters above, single-spaced and starting with a letter or a digit
# (a digit unless it starts "1." or "1)", `_ORDERED`; dates read "1 Mar 2026"): as it is.
_PLAIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9,.;:'()/%?! -]*")
_ORDERED = re.compile(r"^(\d+)([.)])(?=\s|$)")
# a leading `-`, `+` or `*` starts a list item only before a space (or alone); `---` is a rule
_LIST_MARK = re.compile(r"^[-+*](?=\s|$)|^[-*][-*\s]*$")


def _line(text: str) -> str:
    """One line of text (no newline) made literal. (Each rule runs only on a line holding
    its character: most lines of a long paper hold none of them.)"""
    if "&" in text:
        text = _ENTITY.sub("&amp;", text)
    if "\\" in text:
        text = _BACKSLASH.sub(r"\\\\", text)
    if "`" in text or "|" in text:
        text = _SPECIAL.sub(r"\\\1", text)
    if "*" in text:
        text = _STAR.sub(r"\\*", text)
    if "]" in text:
        text = _CLOSE_BRACKET.sub(r"\\]", text)
        if text.endswith("]") and not text.endswith("\\]") and "[" in text:
            text = text[:-1] + "\\]"  # the template's next character could be "("
    if "_" in text:
        text = _UNDERSCORE.sub(r"\\_", text)
    if "#" in text:
        text = _TRAILING_HASHES.sub(r"\\\1", text)
    if "<" in text:
        text = _TAG_OPEN.sub("&lt;", text)
    body = text.lstrip(" ")
    lead = text[: len(text) - len(body)]
    if not body:
        return text
    if body[0] in ">#[" or _LIST_MARK.match(body):
        body = "\\" + body
    elif body[0] == "=" and not body.strip("= "):
        body = "&#61;" + body[1:]
    else:
        body = _ORDERED.sub(r"\1\\\2", body)
    return lead + body


def inline(value: object, *, strip: bool = True) -> str:
    """Text for a sentence, a list item or a table cell: literal, on one line. `strip=False`
    keeps one space at either end (a part of a longer line: `a ~ " and " ~ b`)."""
    if isinstance(value, Markup):
        return str(value)
    text = str(value)
    if _PLAIN.fullmatch(text) and "  " not in text and not text.endswith(" ") \
            and not _ORDERED.match(text):  # fmt: skip
        return text
    text = _SPACES.sub(" ", text)
    return _line(text.strip()) if strip else _line(text)


def block(value: object) -> str:
    """Text kept as paragraphs (blank lines) and lines, each line literal. For text standing
    alone, not inside a list item or a table."""
    if isinstance(value, Markup):
        return str(value)
    paragraphs = re.split(r"\n\s*\n", str(value).replace("\r\n", "\n").replace("\r", "\n"))
    out = []
    for para in paragraphs:
        lines = [_line(" ".join(line.split())) for line in para.split("\n")]
        lines = [line for line in lines if line]
        if lines:
            out.append("\n".join(lines))
    return "\n\n".join(out)


def quote(value: object) -> str:
    """Text as a Markdown block quote (verbatim resolutions): each line starts with `> `."""
    text = block(value)
    return "\n".join(("> " + line) if line else ">" for line in text.split("\n"))
