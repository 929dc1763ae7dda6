"""How fast the minutes reader is on large and awkward pages (target: under 2 s per 100 KB).

    .venv/bin/python benchmarks/bench_minutes.py [--repeats N]

Input: the judged corpus (tests/data/minutes/pages) and the seed minutes, joined and repeated
to each size; the same text flattened onto one line (a page pasted without its line breaks);
saved as UTF-16 and as Windows-1252 and read back with `read_minutes_file`; wrapped in HTML
as a browser's "Save page as" would; 1 MB hard-wrapped at 60, as PDF pages (wrapped at 80, a
page's number and signature line every 25 lines) and flattened then wrapped at 80; 1 MB of
hard-wrapped lines that never end a sentence;
1 MB of action-table rows with no header; and 1 MB of one line repeated (numbered items,
lettered clauses, RESOLVED lines, Recommendation lines); and hostile pages of 1 MB: short lines
("Ok"), rows of cells that are no action log (" / ", "|", tabs), "Minute N" headings by the
thousand, lists nested eight deep, a PDF's text with a form feed every 60 lines and control
characters. Timed in-process: `parse_minutes` (plus the file read where a file is named),
median of --repeats runs after one warm-up (one run for the 1 MB pages of one kind), wall and
CPU time (the CPU column is the one to read on a shared machine). Not a test: figures go in
benchmarks/README.md beside the target.
"""

from __future__ import annotations

import argparse
import html
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tracker.minutes import parse_minutes, read_minutes_file  # noqa: E402
from tracker.minutes.learnt.layouts import pdf_pages, wrap  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"


def corpus_text() -> str:
    pages = sorted((ROOT / "tests" / "data" / "minutes" / "pages").glob("*.txt"))
    pages += sorted(SEEDS.glob("0*.txt")) if SEEDS.is_dir() else []
    return "\n\n".join(p.read_text(encoding="utf-8") for p in pages)


def sized(text: str, size: int) -> str:
    return (text * (size // len(text) + 1))[:size]


def as_html(text: str) -> str:
    paras = "".join(f"<p>{html.escape(p)}</p>\n" for p in text.split("\n\n"))
    return f"<!DOCTYPE html><html><head><style>p{{}}</style></head><body>{paras}</body></html>"


def timed(fn: Callable[[], object], repeats: int) -> tuple[float, float]:
    """Median wall and CPU seconds of `repeats` runs after one warm-up."""
    fn()
    walls, cpus = [], []
    for _ in range(repeats):
        t, c = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - t)
        cpus.append(time.process_time() - c)
    return statistics.median(walls), statistics.median(cpus)


def nested(size: int) -> str:
    """Lists nested eight deep, each level marked its own way ("1.", "(a)", "i)", "-", ...)."""
    out, n, total = [], 0, 0
    marks = ["{n}.", "({l})", "{r})", "-", "\u2022", "o", "{n}.{d}", "{n}.{d}.1"]
    while total < size:
        n += 1
        for d, mark in enumerate(marks):
            m = mark.format(n=n, d=d + 1, l="abcdefgh"[d], r="ivx"[d % 3])
            line = "    " * d + f"{m} That the item at depth {d} be noted and the Clerk to write\n"
            out.append(line)
            total += len(line)
    return "".join(out)[:size]


def pdf_text(base: str, size: int) -> str:
    """The corpus as pdftotext prints a PDF: a form feed before every 60th line, and a stray
    control character (BEL, ESC) on some lines."""
    lines = base.split("\n")
    for k in range(0, len(lines), 60):
        lines[k] = "\f" + lines[k]
    for k in range(7, len(lines), 23):
        lines[k] = lines[k].replace(" ", " \x07", 1).replace(" ", "\x1b ", 1)
    return sized("\n".join(lines), size)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    base = corpus_text()
    rows: list[tuple[str, int, tuple[float, float]]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for label, size in (("100 KB", 100_000), ("1 MB", 1_000_000), ("5 MB", 5_000_000)):
            text = sized(base, size)
            rows.append(
                (f"page of {label}", size, timed(lambda t=text: parse_minutes(t), args.repeats))
            )
        flat = sized(base.replace("\n", " "), 5_000_000)
        rows.append(
            ("5 MB flattened onto one line", len(flat), timed(lambda: parse_minutes(flat), 1))
        )
        one_mb = sized(base, 1_000_000)
        for encoding in ("utf-16", "cp1252"):
            path = Path(tmp) / f"minutes-{encoding}.txt"
            path.write_bytes(one_mb.replace("\n", "\r\n").encode(encoding, errors="replace"))
            rows.append(
                (
                    f"1 MB file in {encoding}, read + parse",
                    len(one_mb),
                    timed(lambda p=path: parse_minutes(read_minutes_file(p)), args.repeats),
                )
            )
        # a page of hard-wrapped lines with no full stop, each running on into the next
        unended = sized("the board discussed the draft and the\n", 1_000_000)
        rows.append(
            (
                "1 MB of wrapped lines, no full stop",
                len(unended),
                timed(lambda: parse_minutes(unended), 1),
            )
        )
        # the corpus as text taken out of a PDF: hard-wrapped at 60 columns; wrapped at 80 with
        # a page's number and signature line every 25 lines; and flattened onto one line, then
        # wrapped at 80 (one run of full lines, read again as one long line)
        for label, page in (
            ("wrapped at 60", wrap(sized(base, 1_000_000), 60)),
            ("PDF pages (80 columns, page feet)", pdf_pages(sized(base, 1_000_000))),
            ("flattened, then wrapped at 80", wrap(sized(base, 1_000_000).replace("\n", " "), 80)),
        ):
            rows.append((f"1 MB {label}", len(page), timed(lambda t=page: parse_minutes(t), 1)))
        # hostile pages: each was once slower than linear, or is the slowest per 100 KB
        headings = "".join(
            f"Minute {n}\nRESOLVED: That report {n} be noted.\n" for n in range(40_000)
        )
        for label, page in (
            ("short lines ('Ok')", sized("Ok\n", 1_000_000)),
            (
                "' / ' rows, no action log",
                sized("John Smith / Ward Councillor / Present\n", 1_000_000),
            ),
            (
                "'|' rows, no action log",
                sized("| John Smith | Ward Councillor | Present |\n", 1_000_000),
            ),
            ("tab rows, no action log", sized("John Smith\tWard Councillor\tPresent\n", 1_000_000)),
            (
                "repeated header rows",
                sized(
                    "Item | Description | Decision |\n| A | B | RESOLVED - That it be noted. |\n",
                    1_000_000,
                ),
            ),
            ("'Minute N' headings", sized(headings, 1_000_000)),
            ("lists nested eight deep", nested(1_000_000)),
            ("PDF text, form feeds", pdf_text(base, 1_000_000)),
        ):
            rows.append((f"1 MB of {label}", len(page), timed(lambda t=page: parse_minutes(t), 1)))
        rows_text = sized("1 / Circulate the revised plan to members / JS / March\n", 1_000_000)
        rows.append(
            (
                "1 MB of action rows with no header",
                len(rows_text),
                timed(lambda: parse_minutes(rows_text), 1),
            )
        )
        # one line printed over and over: every unit is a list item, a block or a heading, so
        # a rule that looks along the page from each unit shows up as quadratic time
        for label, line in (
            ("numbered lines", "12. The committee considered the report and agreed to ask.\n"),
            ("lettered 'That' clauses", "(a) That the report be noted.\n"),
            ("RESOLVED lines", "RESOLVED: That the plan be approved.\n"),
            ("Recommendation lines", "Recommendation: That the plan be approved.\n"),
        ):
            repeated = sized(line, 1_000_000)
            rows.append(
                (f"1 MB of {label}", len(repeated), timed(lambda t=repeated: parse_minutes(t), 1))
            )
        page = as_html(one_mb)
        rows.append(
            (
                "1 MB of text saved as HTML",
                len(page),
                timed(lambda: parse_minutes(page), args.repeats),
            )
        )
    print("target: under 2 s per 100 KB (issue 17 point 6)")
    head = f"{'input':<40} {'size':>10} {'wall s':>8} {'CPU s':>8} {'CPU s per 100 KB':>17}"
    print(head)
    for label, size, (wall, cpu) in rows:
        per = cpu / (size / 100_000)
        verdict = "met" if per < 2 else "MISS"
        print(f"{label:<40} {size:>10,} {wall:>8.2f} {cpu:>8.2f} {per:>17.3f}  {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
