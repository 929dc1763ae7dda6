"""A CSV file's bytes as text, exactly: the encoding it was written in (UTF-8 with or without
its BOM, UTF-16, Windows-1252) found or the file refused with the way out, never a guess that
would store garbled text; and the separator its header row uses."""

from __future__ import annotations

import re

from tracker.errors import InvalidInput, Problem


def _refuse(file: str, message: str, allowed: str | None = None) -> InvalidInput:
    return InvalidInput(Problem(field="", message=message, allowed=allowed, file=file))


_TRIED = "UTF-8, UTF-8 with BOM, UTF-16 (with BOM, or without one), Windows-1252"
_SAVE_AS = "in Excel, Save As 'CSV UTF-8 (Comma delimited)'"
# a well-formed UTF-8 sequence of two to four bytes: text in Windows-1252 hardly ever has one
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def _undecodable(name: str, data: bytes, exc: UnicodeDecodeError, why: str) -> InvalidInput:
    line = data[: exc.start].count(b"\n") + 1
    return _refuse(
        name,
        f"cannot read the text exactly: {why} (byte {exc.object[exc.start : exc.start + 1]!r} "
        f"on line {line}); tried {_TRIED}",
        _SAVE_AS,
    )


def decode(data: bytes, name: str) -> tuple[str, str]:
    """The text and the encoding it was decoded with, exactly, or refused: never a guess that
    would store garbled text."""
    if data.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"  # Excel's "Unicode Text"
    elif b"\x00" in data:
        # UTF-16 without a BOM: a zero in (nearly) every other byte of Latin text, none between
        even, odd = data[0::2].count(0), data[1::2].count(0)
        half = len(data) // 2
        if len(data) % 2 == 0 and odd > 0.9 * half and even < 0.01 * half:
            encoding = "utf-16-le"
        elif len(data) % 2 == 0 and even > 0.9 * half and odd < 0.01 * half:
            encoding = "utf-16-be"
        else:
            raise _refuse(
                name, "not a spreadsheet (binary data)", "an .xlsx workbook or a CSV file"
            )
    else:
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as exc:
            if _UTF8_SEQUENCE.search(data):
                # part UTF-8, part not: Windows-1252 would garble the UTF-8 part
                raise _undecodable(
                    name, data, exc, "it mixes UTF-8 with another encoding"
                ) from None
        encoding = "cp1252"  # Excel's CSV on Windows
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError as exc:
        why = f"it is not valid {_ENCODING_NAMES[encoding]}"
        raise _undecodable(name, data, exc, why) from None


_ENCODING_NAMES = {"utf-8-sig": "UTF-8 (it starts with UTF-8's BOM)", "utf-16": "UTF-16",
                   "utf-16-le": "UTF-16", "utf-16-be": "UTF-16", "cp1252": "Windows-1252"}  # fmt: skip


_REF_CELL = re.compile(r'(^|[,;\t])\s*"?\s*ref\s*\*?\s*"?\s*([,;\t]|$)', re.IGNORECASE)


def delimiter(text: str, search_rows: int) -> str:
    """The separator, from the header row (the first line naming Ref, else the first line):
    whichever of comma, semicolon and tab it has most of. Quoting is always RFC 4180's
    (doubled quotes inside quoted cells), whatever the separator."""
    lines = text.split("\n", search_rows)[:search_rows]
    header = next((ln for ln in lines if _REF_CELL.search(ln)), lines[0])
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","
