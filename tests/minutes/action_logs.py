"""A seeded generator of synthetic action logs and action-bearing minutes (issue 17, "Action logs
flattened to text", directives and owner-only labels), each dimension varied independently: the
separator, the header row and its wording, the column order, cells wrapped at 40-80 columns, row
references, owners, due forms, a status column, and whether the log is this meeting's or restates
an earlier meeting's. Prose samples put directives, owner-only labels, glued action references
and trailing owner initials among traps. Scored by owner and task as the corpus scorer matches
(layout_kit.score). No name, task or body here is on a corpus page.

`python -m tests.minutes.action_logs [N] [SEED]` prints actions recall / precision / F1 by each
dimension's value (the figures in the README's "## Action logs by generation" section)."""

from __future__ import annotations

import random
import sys
import textwrap
from collections import defaultdict
from dataclasses import dataclass, field

from .layout_kit import LOG, V, Variant, score

# ---- content (checked against the dev pages: none of these tasks or names is on one) ----------
TASKS = [
    "Reprint the allotment waiting list leaflet in larger type",
    "Ask the quarry operator for the blasting timetable",
    "Arrange a trial of the folding benches at the lido",
    "Send the kestrel survey results to the ecology trust",
    "Obtain three quotes for relining the bowls pavilion gutter",
    "Draft a reply to the canoe club about the slipway",
    "Check whether the orchard grant covers fencing",
    "Invite the ferry company to the spring forum",
    "Prepare a map of the unadopted lanes near Quillbrook",
    "Chase the locksmith about the cemetery chapel door",
    "Circulate the revised hedge cutting rota to volunteers",
    "Find out who owns the culvert behind Tansy Row",
]
OWNERS = {
    "initials": ["QW", "HRT", "ZM", "DVK"],
    "pair slash": ["QW/ZM", "HRT/DVK"],
    "pair amp": ["QW & ZM", "HRT & DVK"],
    "full name": ["Orla Pennywick", "Tobias Marchetti", "Cllr Ines Farrowby"],
    "role": ["Clerk", "Chair", "Treasurer", "Locum Clerk"],
    "all": ["All", "All members"],
    "organisation": ["Highways Team", "Quillbrook Rangers", "Estates Office"],
}
DUES = {
    "dd/mm/yyyy": "14/03/2027",
    "day month year": "14 March 2027",
    "ordinal short": "14th Mar 27",
    "iso": "2027-03-14",
    "month": "March",
    "next meeting": "Next meeting",
    "ongoing": "Ongoing",
    "quarter": "Q3",
    "asap": "ASAP",
    "tbc": "TBC",
}
STATUSES = ["Open", "In progress", "Not started", "On track"]
REFS = {
    "none": None,
    "1.": "{n}.",
    "1": "{n}",
    "A1": "A{n}",
    "3.02": "3.0{n}",
    "AP12": "AP1{n}",
    "12/24": "1{n}/24",
}
SEPARATORS = {
    "slash": " / ",
    "pipe": " | ",
    "pipe framed": "|",
    "tab": "\t",
    "aligned spaces": None,
    "cell per line": "\n",
    "one line": " ",
    "row a line": "\n ",
}
HEADERS = {
    "none": None,
    "Action / Owner / Due": ("Action", "Owner", "Due"),
    "Who": ("What", "Who", "When"),
    "Lead": ("Action", "Lead", "Target date"),
    "By when": ("Action", "By whom", "By when"),
    "Responsible": ("Task", "Responsible", "Deadline"),
    "Status/Update": ("Action", "Owner", "Due"),
}
ORDERS = {
    "task owner due": ("task", "owner", "due"),
    "task due owner": ("task", "due", "owner"),
    "owner task due": ("owner", "task", "due"),
    "task owner": ("task", "owner"),
    "due task owner": ("due", "task", "owner"),
    "owner task": ("owner", "task"),
}
SECTIONS = {
    "this meeting": ("Actions agreed", True),
    "action points": ("ACTION POINTS", True),
    "summary": ("Summary of actions from this meeting", True),
    "matters arising": ("Matters arising from the last meeting", False),
    "previous actions": ("Actions from the previous meeting", False),
}
PAGE_TOP = (
    "Brackenmoor Village Hall Management Committee\n"
    "Minutes of the meeting held on Wednesday 9 June 2027\n\n"
    "Present: Orla Pennywick (Chair), Tobias Marchetti, Ines Farrowby, Una Quaye\n\n"
    "1. Hall bookings\n"
    "The bookings secretary reported that the winter lettings were nearly full and the new "
    "rates had been accepted by the regular hirers without complaint.\n\n"
)


@dataclass
class Sample:
    dims: dict[str, str]
    variant: Variant
    meta: dict[str, str] = field(default_factory=dict)


def _header_cell(header: tuple[str, str, str], col: str) -> str:
    return {"task": header[0], "owner": header[1], "due": header[2], "ref": "No",
            "status": "Status/Update"}[col]  # fmt: skip


def _aligned(table: list[list[str]], width: int | None) -> list[str]:
    """Columns padded with spaces; a cell longer than its share wraps onto further lines at its
    column, as a PDF's table comes out."""
    ncol = len(table[0])
    limit = max(8, (width or 200) // ncol - 3)
    wrapped = [
        [textwrap.wrap(c, limit, break_long_words=False) or [""] for c in row] for row in table
    ]
    widths = [max(len(piece) for row in wrapped for piece in row[k]) for k in range(ncol)]
    out = []
    for row in wrapped:
        for j in range(max(len(c) for c in row)):
            parts = [(row[k][j] if j < len(row[k]) else "").ljust(widths[k]) for k in range(ncol)]
            out.append("   ".join(parts).rstrip())
    return out


def _hard_wrap(line: str, width: int) -> str:
    """The line hard-wrapped at spaces as a PDF's text is, its tabs kept."""
    pieces = textwrap.wrap(
        line, width, break_on_hyphens=False, expand_tabs=False, replace_whitespace=False
    )
    return "\n".join(pieces)


def log_sample(rng: random.Random) -> Sample:
    sep_name = rng.choice(list(SEPARATORS))
    header_name = rng.choice(list(HEADERS))
    order_name = rng.choice(list(ORDERS))
    ref_name = rng.choice(list(REFS))
    owner_kind = rng.choice(list(OWNERS))
    due_name = rng.choice(list(DUES))
    status = header_name == "Status/Update" or rng.random() < 0.2
    wrap_at = rng.choice([None, None, 40, 60, 80])
    section = rng.choice(list(SECTIONS))
    nrows = rng.randint(2, 4)
    tasks = rng.sample(TASKS, nrows)
    owners = [rng.choice(OWNERS[owner_kind]) for _ in tasks]
    cols = (["ref"] if REFS[ref_name] else []) + list(ORDERS[order_name])
    cols += ["status"] if status else []
    rows = []
    for n, (task, owner) in enumerate(zip(tasks, owners, strict=True), 1):
        ref = (REFS[ref_name] or "").format(n=n)
        cells = {"ref": ref, "task": task, "owner": owner, "due": DUES[due_name],
                 "status": rng.choice(STATUSES)}  # fmt: skip
        rows.append([cells[c] for c in cols])
    header = HEADERS[header_name]
    table = ([[_header_cell(header, c) for c in cols]] if header else []) + rows
    sep = SEPARATORS[sep_name]
    if sep is None:
        lines = _aligned(table, wrap_at)
    elif sep_name == "pipe framed":
        lines = ["|" + "|".join(row) + "|" for row in table]
    elif sep_name == "one line":
        lines = [" ".join(c for row in table for c in row)]
    elif sep_name == "row a line":
        lines = [" ".join(row) for row in table]  # a row a line, its cells run together
    else:
        lines = [sep.join(row) for row in table]
    body = "\n".join(lines)
    title, scored = SECTIONS[section]
    text = f"{PAGE_TOP}2. {title}\n{body}\n\n3. Any other business\nThere was none.\n"
    if wrap_at and sep_name not in ("aligned spaces", "cell per line"):
        # the whole page hard-wrapped, as a PDF's text is (an aligned table wraps in its cells)
        text = "\n".join(_hard_wrap(ln, wrap_at) if ln else ln for ln in text.split("\n"))
    acts = [(o, t) for t, o in zip(tasks, owners, strict=True)] if scored else []
    dims = {"separator": sep_name, "header": header_name, "order": order_name, "ref": ref_name,
            "owner": owner_kind, "due": due_name, "status": str(status),
            "wrap": str(wrap_at), "section": section}  # fmt: skip
    return Sample(dims, V(LOG, f"log {dims}", text, act=acts))


# ---- prose: directives, owner-only labels, glued references, trailing initials, traps ---------
PROSE_OWNERS = {
    "initials": "ZM",
    "pair slash": "QW/ZM",
    "role": "The Clerk",
    "full name": "Orla Pennywick",
    "titled": "Cllr Farrowby",
    "organisation": "Highways Team",
}
LOWER = [t[0].lower() + t[1:] for t in TASKS]
DISCUSSION = [
    "Members discussed the condition of the boundary wall at some length.",
    "The treasurer said the reserve was adequate for the year ahead.",
    "It was reported that two hirers had complained about the heating.",
]
TRAPS: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "agenda": ("AGENDA\n1. The Vice-Chair to open the meeting and take apologies.\n", []),
    "proposer initials": ("The accounts for the year were approved (QW/ZM).\n", []),
    "approval be given": (
        "It was noted that approval be given by the diocese in due course.\n",
        [],
    ),
    "undertaking": ("Orla Pennywick agreed that she would speak to the hirers.\n", []),
    "none": ("", []),
}


def prose_sample(rng: random.Random) -> Sample:
    form = rng.choice(["directive", "owner label", "glued ref", "trailing initials"])
    wants: list[tuple[str, str]] = []
    owner_kind = rng.choice(list(PROSE_OWNERS))
    owner = PROSE_OWNERS[owner_kind]
    task = rng.choice(LOWER)
    place = rng.choice(["own line", "after a sentence", "bulleted"])
    trap = rng.choice(list(TRAPS))
    wrap_at = rng.choice([None, None, 40, 60, 80])
    said = rng.choice(DISCUSSION)
    if form == "directive":
        line = f"{owner} to {task}."
        want = (owner, f"{task}.")
    elif form == "owner label":
        label = rng.choice(["Actions: {o}", "Action: {o}", "ACTION {o}", "Action - {o}"])
        sentence = task[0].upper() + task[1:] + "."
        line = f"{sentence} {label.format(o=owner)}"
        want = (owner, sentence)
    elif form == "glued ref":
        ref = rng.choice(["Action 3.02", "Action 4", "ACTION 7.1", "Action AP5"])
        sentence = f"Members asked that someone {task}"
        line = f"{sentence}{rng.choice(['....', '. ', ' - '])}{ref}: {owner}"
        want = (owner, sentence)
    else:
        # an owner column flattened into the items: each of two or three ends on its initials
        owner_kind = "initials"
        tasks = rng.sample(TASKS, rng.randint(2, 3))
        wants = [(rng.choice(OWNERS["initials"] + OWNERS["pair slash"]), t) for t in tasks]
        line = "\n".join(f"{t} {o}" for o, t in wants)
        want = wants[0]
    if place == "after a sentence":
        para = f"{said} {line}"
    elif place == "bulleted":
        para = f"{said}\n\u2022 {line}"
    else:
        para = f"{said}\n{line}"
    trap_text, _ = TRAPS[trap]
    text = f"{PAGE_TOP}{trap_text}\n4. Grounds\n{para}\n\n5. Date of next meeting\n7 July 2027.\n"
    if wrap_at:
        text = "\n".join(textwrap.fill(ln, wrap_at) if ln else ln for ln in text.split("\n"))
    dims = {"form": form, "owner": owner_kind, "place": place, "trap": trap, "wrap": str(wrap_at)}
    acts = wants if form == "trailing initials" else [want]
    return Sample(dims, V(LOG, f"prose {dims}", text, act=acts))


def samples(n: int, seed: int, kind: str = "log") -> list[Sample]:
    rng = random.Random(seed)
    make = log_sample if kind == "log" else prose_sample
    return [make(rng) for _ in range(n)]


def counts(s: Sample) -> tuple[int, int, int]:
    """(right, false, missed) actions of a sample, as the corpus scorer counts them."""
    problems, _ = score(s.variant)
    missed = sum(p.startswith("missed action") for p in problems)
    false = sum(p.startswith("false action") for p in problems)
    return len(s.variant.actions) - missed, false, missed


def f1(right: int, false: int, missed: int) -> float:
    return 2 * right / (2 * right + false + missed) if right + false + missed else 1.0


def table(batch: list[Sample]) -> dict[str, dict[str, tuple[int, int, int]]]:
    """Counts summed by each dimension's value, and overall under ("all", "all")."""
    out: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0, 0]))
    for s in batch:
        c = counts(s)
        for dim, value in [*s.dims.items(), ("all", "all")]:
            acc = out[dim][value]
            for k in range(3):
                acc[k] += c[k]
    return {d: {v: (a[0], a[1], a[2]) for v, a in vals.items()} for d, vals in out.items()}


def main(argv: list[str]) -> None:
    n = int(argv[0]) if argv else 400
    seed = int(argv[1]) if len(argv) > 1 else 17
    for kind in ("log", "prose"):
        result = table(samples(n, seed, kind))
        print(f"## {kind} samples: {n}, seed {seed}")
        for dim, vals in result.items():
            for value, (r, fa, m) in sorted(vals.items(), key=lambda kv: f1(*kv[1])):
                print(f"{kind:5} {dim:10} {value:22} {r:4}/{fa:3}/{m:3}  F1 {f1(r, fa, m):.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
