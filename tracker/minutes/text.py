"""Text plumbing for the minutes parser: input checks, file reading, line model, dates."""

from __future__ import annotations

import codecs
import datetime as dt
import html
import os
import re
from dataclasses import dataclass

from .models import MinutesError

# Line breaks as an editor counts them: \n, \r\n, lone \r.
_LINE_BREAK_RE = re.compile(r"\r\n|\r")
# Breaks that end a unit but not a line an editor numbers: Word's soft return (\v), a PDF's
# page break (\f: pdftotext prints it before each page's first line), NEL, LS and PS. Each is
# read as LS, and a line is cut there into units that keep the line's number.
SOFT_BREAK_RE = re.compile(r"[\x0b\x0c\x85\u2028\u2029]")
# Every kind of horizontal space collapses to one ordinary space.
_SPACE_RE = re.compile(r"[ \t\f\xa0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
# One-to-one replacements (same length), so indices found in the matching form slice the text.
_MATCH_MAP = str.maketrans(
    {
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
        "\u2015": "-", "\u2212": "-", "\u2018": "'", "\u2019": "'", "\u201a": "'",
        "\u201b": "'", "\u2032": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"',
        "\u2033": '"', "\uff1a": ":",
    }
)  # fmt: skip


_INVISIBLE_RE = re.compile("[" + "".join(map(chr, _INVISIBLE)) + "]")
_MATCH_CHARS_RE = re.compile("[" + "".join(map(chr, _MATCH_MAP)) + "]")
_NON_PRINTABLE_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd\ud800-\udfff]")
_WHITESPACE_RE = re.compile(r"\s")


def collapse(text: str) -> str:
    """Collapse every run of whitespace (including non-breaking spaces) to one space; trim."""
    if _INVISIBLE_RE.search(text):
        text = _INVISIBLE_RE.sub("", text)
    return _SPACE_RE.sub(" ", text).strip()


# the only characters outside ASCII that a case-blind pattern matches to an ASCII letter
_FOLDS_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")


def holds_any(text: str, words: tuple[str, ...], rx: re.Pattern[str]) -> bool:
    """Whether `rx`, the `words` joined with "|" and case-blind, matches in `text`: the words
    looked for in the lower-cased text (a case-blind pattern scans far slower), the pattern
    itself only where a character folds to an ASCII letter ("\u0131", "\u017f" ...)."""
    low = text.lower()
    if any(w in low for w in words):
        return True
    if text.isascii() or not any(c in text for c in _FOLDS_TO_ASCII):
        return False
    return rx.search(text) is not None


def matchable(text: str) -> str:
    """The same string with smart dashes and quotes made plain, for regular expressions."""
    return text.translate(_MATCH_MAP) if _MATCH_CHARS_RE.search(text) else text


def normalise_newlines(text: str) -> str:
    return _LINE_BREAK_RE.sub("\n", text)


@dataclass(frozen=True)
class Line:
    """One source line: its 1-based number, the raw text, the collapsed text, and the
    collapsed text with plain dashes/quotes (same length as `text`)."""

    no: int
    raw: str
    text: str
    m: str


def unit(no: int, text: str) -> Line:
    """A unit (a virtual line) cut from source line `no`: the piece is its raw text."""
    t = collapse(text)
    return Line(no, text, t, matchable(t))


# What the tracker's papers mark in Markdown (tracker.papers.escape): a backslash before ASCII
# punctuation, and the entities &lt; &gt; &amp; &quot; &#61;. Read back as the characters, so
# draft minutes round-trip to the text recorded. A web page saved as text leaves any character
# reference in ("RESOLVED&nbsp;that", "Council&#39;s", "&ndash;"): read in the same one pass,
# so "&amp;nbsp;" stays "&nbsp;". A reference to a line break reads as a space (line numbers).
_MARKDOWN_ESCAPE = re.compile(
    r"\\([!-/:-@\[-`{-~])|&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
)


def _reference(m: re.Match[str]) -> str:
    if m.group(1):
        return m.group(1)
    char = html.unescape(m.group(0))
    breaks = _LINE_BREAK_RE.fullmatch(char) or SOFT_BREAK_RE.fullmatch(char)
    return " " if breaks or char == "\n" else char


def markdown_unescape(text: str) -> str:
    """'\\*Family Hubs\\* &lt;b>' -> '*Family Hubs* <b>'; 'RESOLVED&nbsp;that' -> 'RESOLVED that'
    (line breaks unchanged)."""
    if "\\" not in text and "&" not in text:
        return text
    return _MARKDOWN_ESCAPE.sub(_reference, text)


def split_lines(text: str) -> list[Line]:
    out = []
    text = normalise_newlines(text)
    # looked for once in the page: most pages have no soft break and no smart quote at all
    soft = SOFT_BREAK_RE.search(text) is not None
    plain = _MATCH_CHARS_RE.search(text) is None
    for i, line in enumerate(text.split("\n"), start=1):
        for raw in SOFT_BREAK_RE.split(line) if soft and SOFT_BREAK_RE.search(line) else (line,):
            t = collapse(raw)
            out.append(Line(i, raw, t, t if plain else matchable(t)))
    return out


def check_text(text: str) -> None:
    """Raise MinutesError when `text` is not minutes text at all."""
    if not isinstance(text, str):
        raise MinutesError(f"expected text (str), got {type(text).__name__}")
    if not text.strip() or not collapse(text):
        raise MinutesError("the text is empty or whitespace only")
    if "\x00" in text:
        raise MinutesError("the text looks binary (it contains NUL bytes)")
    bad = len(_NON_PRINTABLE_RE.findall(text))
    if bad:
        visible = len(text) - len(_WHITESPACE_RE.findall(text))
        if bad > 0.1 * visible:
            raise MinutesError(
                f"the text looks binary ({bad} of {visible} visible characters are not printable)"
            )


_ENCODINGS = {"utf-16": "UTF-16", "utf-8-sig": "UTF-8", "cp1252": "Windows-1252"}


def _mixed(data: bytes) -> str:
    """A file that is not all UTF-8, read a line at a time: a line that is valid UTF-8 is UTF-8
    (pasted from a web page into a file saved from Word), the others Windows-1252. Read whole as
    Windows-1252, every UTF-8 "café" would be stored as "cafÃ©"; a Windows-1252 line is almost
    never valid UTF-8 as well. An error gives its offset in the whole file."""
    out, at = [], 0
    for line in data.split(b"\n"):
        try:
            out.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            try:
                out.append(line.decode("cp1252"))
            except UnicodeDecodeError as exc:
                raise UnicodeDecodeError(
                    "cp1252", data, at + exc.start, at + exc.end, exc.reason
                ) from None
        at += len(line) + 1
    return "\n".join(out)


def read_minutes_file(path: str | os.PathLike[str]) -> str:
    """Read a minutes text file: UTF-8 (with or without BOM), UTF-16 with a BOM, or cp1252,
    exactly (a byte none of them can read is refused, naming its line).

    Returns the text with "\\n" line ends. Raises MinutesError naming the file when it is empty
    or binary; OSError (e.g. FileNotFoundError) propagates unchanged.
    """
    name = os.fspath(path)
    with open(name, "rb") as fh:
        data = fh.read()
    if not data.strip():
        raise MinutesError(f"{name}: the file is empty")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        if b"\x00" in data:
            raise MinutesError(f"{name}: the file looks binary (it contains NUL bytes)")
        try:
            data.decode("utf-8-sig")
            encoding = "utf-8-sig"
        except UnicodeDecodeError:
            encoding = "cp1252"
    try:  # exactly, or refused: a guess would store garbled resolutions
        text = data.decode(encoding) if encoding != "cp1252" else _mixed(data)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise MinutesError(
            f"{name}: cannot read the text exactly: it is not valid {_ENCODINGS[encoding]} "
            f"(byte {data[exc.start : exc.start + 1]!r} on line {line}); tried UTF-8, "
            "UTF-16 with a BOM, Windows-1252 (save the minutes as UTF-8 text)"
        ) from None
    text = normalise_newlines(text)
    try:
        check_text(text)
    except MinutesError as exc:
        raise MinutesError(f"{name}: {exc}") from None
    return text


# ---------------------------------------------------------------------------------------------
# Dates

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH_NAMES = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DAY_MONTH_YEAR = (
    rf"(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{_MONTH_NAMES})\.?,?\s+(?P<y1>\d{{4}})"
)
_MONTH_DAY_YEAR = (
    rf"(?P<m2>{_MONTH_NAMES})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})"
)
_NUMERIC_UK = r"(?P<d3>\d{1,2})[/.\-](?P<mo3>\d{1,2})[/.\-](?P<y3>\d{4}|\d{2})"
_ISO = r"(?P<y4>\d{4})-(?P<mo4>\d{1,2})-(?P<d4>\d{1,2})"
_DATE_RE = re.compile(
    rf"(?<![\w/.\-])(?:{_DAY_MONTH_YEAR}|{_MONTH_DAY_YEAR}|{_ISO}|{_NUMERIC_UK})(?![\w/\-]|\.\d)",
    re.I,
)
_DUE_TRIGGER_RE = re.compile(
    r"\b(?:by|before|no\s+later\s+than|on\s+or\s+before|deadline:?|due(?:\s+date)?:?)\s+"
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:the\s+)?",
    re.I,
)


def _month(name: str) -> int:
    return _MONTHS[name.lower()[:3]]


def _build(year: str, month: int, day: str) -> str | None:
    y = int(year)
    if len(year) == 2:
        y += 2000
    try:
        return dt.date(y, month, int(day)).isoformat()
    except ValueError:
        return None


def _from_match(m: re.Match[str]) -> str | None:
    g = m.groupdict()
    if g["d1"]:
        return _build(g["y1"], _month(g["m1"]), g["d1"])
    if g["d2"]:
        return _build(g["y2"], _month(g["m2"]), g["d2"])
    if g["y4"]:
        return _build(g["y4"], int(g["mo4"]), g["d4"])
    if g["d3"]:
        return _build(g["y3"], int(g["mo3"]), g["d3"])
    return None


def parse_date(text: str) -> str | None:
    """An ISO date when `text` is (essentially) one full date with a day; else None.

    UK order for numeric dates: 31/03/2025. "March 2025" has no day and gives None.
    """
    t = collapse(text).strip(" .,;()")
    m = _DATE_RE.fullmatch(t)
    return _from_match(m) if m else None


def find_due(text: str) -> str | None:
    """An ISO date that follows "by", "before", "no later than", "due" ... in `text`."""
    for trig in _DUE_TRIGGER_RE.finditer(text):
        m = _DATE_RE.match(text, trig.end())
        if m:
            iso = _from_match(m)
            if iso:
                return iso
    return None
