"""Issue 17 point 6 ("nothing lost") through `tracker minutes import`: hostile pages (one
huge line, thousands of short lines, deep lists, tables of thousands of rows, "Minute N" headings
by the thousand, control characters, page breaks, byte order marks, other line ends and
encodings, junk) never crash the import. What it can read it shows, and every line it could not
place is listed as unsure, each with the line number an editor shows for it. Speed is measured in
benchmarks/bench_minutes.py, not here."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from committee_helpers import COMMISSION, Runner, counts

from tracker.services.context import Tracker

# what the reader must surface on every page, each on a line of its own between blank lines
DECISION = "RESOLVED: That the hostile page plan be approved."
ACTION = "ACTION: JS to circulate the hostile page plan."
UNSURE = "It was agreed that the Clerk would write to the council."


def _rep(line: str, size: int) -> str:
    return line * (size // len(line) + 1)


def _nested(size: int) -> str:
    out, n = [], 0
    marks = ["{n}.", "({l})", "{r})", "-", "\u2022", "o", "{n}.{d}", "{n}.{d}.1"]
    while sum(map(len, out)) < size:
        n += 1
        for d, mark in enumerate(marks):
            m = mark.format(n=n, d=d + 1, l="abcdefgh"[d], r="ivx"[d % 3])
            out.append("    " * d + f"{m} The item at depth {d} was discussed at length\n")
    return "".join(out)


NOISE: dict[str, Callable[[], str]] = {
    "one huge line": lambda: _rep("The board discussed the draft plan at length and ", 40_000),
    "one word with no spaces": lambda: "x" * 40_000,
    "very long words": lambda: _rep("The " + "y" * 3_000 + " was discussed.\n", 30_000),
    "5,000 short lines": lambda: "Ok\n" * 5_000,
    "numbers alone": lambda: "".join(f"{n}\n" for n in range(1, 3_000)),
    "deep nested lists": lambda: _nested(30_000),
    "| table of 2,000 rows": lambda: _rep("| John Smith | Ward Councillor | Present |\n", 80_000),
    "tab table of 2,000 rows": lambda: _rep("John Smith\tWard Councillor\tPresent\n", 70_000),
    "/ table of 2,000 rows": lambda: _rep("John Smith / Ward Councillor / Present\n", 78_000),
    "Minute N headings": lambda: "".join(
        f"Minute {n}\nThe report was discussed.\n" for n in range(1, 1_500)
    ),
    # one in 25 characters: many more and the text is refused as binary (below)
    "control characters": lambda: _rep("The\x07 report was\x1b discussed by the board.\n", 20_000),
    "zero-width and soft hyphens": lambda: _rep("The\u200b re\u00adport was\ufeff read.\n", 20_000),
    "rules of dashes": lambda: _rep("-" * 79 + "\n" + "=" * 79 + "\n", 20_000),
}


def _page(noise: str) -> str:
    return f"{noise}\n\n{DECISION}\n\n{noise}\n\n{ACTION}\n\n{noise}\n\n{UNSURE}\n\n{noise}\n"


def _editor_line(text: str, needle: str) -> int:
    """The line an editor shows `needle` on: \\n, \\r\\n and a lone \\r end a line."""
    before = text[: text.index(needle)]
    return len(re.findall(r"\r\n|\r|\n", before)) + 1


def _import(run: Runner, path: Path) -> dict:
    result = run("minutes", "import", path, "--committee", COMMISSION, "--date", "2026-01-20",
                 "--dry-run", "--format", "json")  # fmt: skip
    assert result.exit_code == 0, result.output
    data: dict = json.loads(result.stdout)
    return data


def _check_nothing_lost(data: dict, text: str) -> None:
    """The decision, the action and the unsure line are each shown at their own line, and every
    line number shown is a line of the file."""
    lines = len(re.findall(r"\r\n|\r|\n", text)) + 1
    found = [r["line"] for r in data["resolutions"]]
    found += [f["line"] for f in data["followups"]] + [u["line"] for u in data["unsure"]]
    assert all(1 <= n <= lines for n in found)
    decided = _editor_line(text, DECISION)
    assert any(
        # a block under RESOLVED may run on into the paragraph after it: its start is the decision
        r["line"] == decided and r["text"].startswith("That the hostile page plan be approved.")
        for r in data["resolutions"]
    )
    asked = _editor_line(text, ACTION)
    assert any(
        f["line"] == asked and f["owner"] == "JS" and "circulate the hostile page plan" in f["text"]
        for f in data["followups"]
    )
    unsure = _editor_line(text, UNSURE)
    assert any(u["line"] == unsure and "Clerk would write" in u["text"] for u in data["unsure"])


@pytest.mark.parametrize("kind", list(NOISE))
def test_hostile_page_loses_nothing(
    committees: Tracker, run: Runner, tmp_path: Path, kind: str
) -> None:
    text = _page(NOISE[kind]())
    path = tmp_path / "minutes.txt"
    path.write_text(text, encoding="utf-8", newline="")
    before = counts(committees)
    _check_nothing_lost(_import(run, path), text)
    assert counts(committees) == before


@pytest.mark.parametrize(
    ("kind", "encode"),
    [
        ("utf-16 with a byte order mark", lambda t: t.encode("utf-16")),
        ("cp1252 with CRLF", lambda t: t.replace("\n", "\r\n").encode("cp1252")),
        ("utf-8 with a byte order mark", lambda t: b"\xef\xbb\xbf" + t.encode("utf-8")),
        ("lone CR line ends", lambda t: t.replace("\n", "\r").encode("utf-8")),
    ],
)
def test_encodings_and_line_ends_lose_nothing(
    committees: Tracker, run: Runner, tmp_path: Path, kind: str, encode: Callable[[str], bytes]
) -> None:
    text = _page("The café’s lease – renewed – was discussed.\n" * 300)
    path = tmp_path / "minutes.txt"
    path.write_bytes(encode(text))
    data = _import(run, path)
    shown = text.replace("\n", "\r\n") if "CRLF" in kind else text
    shown = shown.replace("\n", "\r") if "CR line" in kind else shown
    _check_nothing_lost(data, shown)


def test_page_breaks_and_soft_returns_keep_the_files_line_numbers(
    committees: Tracker, run: Runner, tmp_path: Path
) -> None:
    # pdftotext ends each page with a form feed before the next page's first line; Word's soft
    # return is a vertical tab: neither is a line an editor numbers
    pages = ["The report was discussed by the board.\n" * 30] * 8
    text = "\f".join(pages)
    text = text.replace(
        "board.\n", f"board.\n\n{DECISION}\n\n{ACTION}\n\nThe rent\vwas set.\n\n{UNSURE}\n", 1
    )
    text = "\f".join([text, *pages])
    path = tmp_path / "minutes.txt"
    path.write_text(text, encoding="utf-8", newline="")
    _check_nothing_lost(_import(run, path), text)
    text2 = "\f".join([*pages, _page("The report was discussed.\n")])
    path.write_text(text2, encoding="utf-8", newline="")
    _check_nothing_lost(_import(run, path), text2)


def test_page_saved_as_html_loses_nothing(committees: Tracker, run: Runner, tmp_path: Path) -> None:
    paras = ["The report was discussed."] * 200 + [DECISION, ACTION, UNSURE]
    body = "".join(f"<p>{p}</p>\n" for p in paras)
    page = f"<!DOCTYPE html><html><head><style>p{{}}</style></head><body>\n{body}</body></html>"
    path = tmp_path / "minutes.txt"
    path.write_text(page, encoding="utf-8")
    data = _import(run, path)
    assert [r["text"] for r in data["resolutions"]] == ["That the hostile page plan be approved."]
    assert [f["owner"] for f in data["followups"]] == ["JS"]
    assert any("Clerk would write" in u["text"] for u in data["unsure"])


def test_header_less_action_rows_are_each_an_action_at_their_own_line(
    committees: Tracker, run: Runner, tmp_path: Path
) -> None:
    # "1 / Circulate ... / JS / March": a row ending in a month does not end a sentence, but the
    # next row is no continuation of it (they were run together, 25 rows to a unit, and lost)
    tasks = ["Circulate the revised plan to members", "Book the hall for the spring meeting",
             "Write to the county about the footpath", "Update the website with the minutes"]  # fmt: skip
    owners, months = ["JS", "AB", "CD", "EF"], ["March", "April", "May", "June"]
    rows = [f"{n} / {tasks[n % 4]} / {owners[n % 4]} / {months[n % 4]}" for n in range(1, 61)]
    path = tmp_path / "minutes.txt"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    data = _import(run, path)
    got = [(f["line"], f["owner"], f["text"]) for f in data["followups"]]
    # each row's month names no day: kept in the task as written ("(due: March)"), no due date
    assert got == [
        (n, owners[n % 4], f"{tasks[n % 4]} (due: {months[n % 4]})") for n in range(1, 61)
    ]
    assert {f["due"] for f in data["followups"]} == {None}
    assert data["unsure"] == []


def test_action_rows_after_rows_that_are_no_table_are_still_read(
    committees: Tracker, run: Runner, tmp_path: Path
) -> None:
    # the run of " / " rows is read once: the attendance rows above are no action log, the rows
    # from the first task on are
    attendance = [
        "John Smith / Ward Councillor / Present",
        "Jane Doe / Parish Councillor / Present",
    ]
    rows = [*attendance * 200, "Welcome / minutes were read and signed / all present",
            "Circulate the revised plan to members / JS / March",
            "Book the hall for the next meeting / Clerk / May"]  # fmt: skip
    path = tmp_path / "minutes.txt"
    path.write_text("Actions\n\n" + "\n".join(rows) + "\n", encoding="utf-8")
    data = _import(run, path)
    got = [(f["line"], f["owner"], f["text"]) for f in data["followups"]]
    assert got == [
        (404, "JS", "Circulate the revised plan to members (due: March)"),
        (405, "Clerk", "Book the hall for the next meeting (due: May)"),
    ]


def test_a_file_of_utf8_and_cp1252_lines_reads_each_line_as_written(
    committees: Tracker, run: Runner, tmp_path: Path
) -> None:
    # a web page's UTF-8 pasted into a file Word saved as Windows-1252: read whole as
    # Windows-1252, the decision was stored as "the cafÃ©â€™s lease"
    utf8 = "RESOLVED: That the café’s lease – as renewed – be approved.\n\n".encode()
    cp1252 = "Signed by the Mayor – café owner’s objection noted.\n".encode("cp1252")
    path = tmp_path / "minutes.txt"
    path.write_bytes(cp1252 + b"\n" + utf8 + cp1252)
    data = _import(run, path)
    assert [(r["line"], r["text"]) for r in data["resolutions"]] == [
        (3, "That the café’s lease – as renewed – be approved.")
    ]
    assert "Ã" not in json.dumps(data, ensure_ascii=False)
