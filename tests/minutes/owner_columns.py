"""A seeded generator of one layout family (issue 17, "an owner column printed apart from its
task"): an action log's owner cell printed apart from its task when the table was flattened or
hard-wrapped as a PDF's text is. Four shapes:

- "wrap point": the owner cell on the task's first line, where the page wrapped the task
  ("Obtain three quotes for the QW" / "pavilion gutter."), the rest of the task on the next line;
- "own line": the owner cell on a line of its own between the task's wrapped lines;
- "row end": the owner cell at the end of the row's last line after a task wrapped over two
  lines, the row's discussion sometimes before it ("... were pleased. It was agreed to" /
  "renew the lease for a year. QW");
- "owners after": all the tasks of the log, then all its owners, one a line.

Each is varied by owner (initials, "AB/CD", a role, a name), row reference, header row, a due
column after the owner, the gap before the cell (one space or a run), and is read as written
and flattened onto one line; with traps that must give no action: a proposer and seconder's
initials in brackets at a wrap point, initials as a sentence's subject ("QW reported that ..."),
a date cell on its own line. Scored by owner and task as the corpus scorer matches
(layout_kit.score). No name, task or body here is on a corpus page.

`python -m tests.minutes.owner_columns [N] [SEED]` prints actions right / false / missed and F1
by each dimension's value."""

from __future__ import annotations

import random
import sys

from tracker.minutes.learnt.layouts import flatten

from .action_logs import Sample, f1, table
from .layout_kit import LOG, V

# ---- content (checked against the dev pages: none of these tasks or names is on one) ----------
TASKS = [
    "Obtain two quotes for repainting the cricket pavilion shutters",
    "Write to the drainage board about the blocked ditch at Hollin End",
    "Book the school hall for the autumn plant sale",
    "Ask the bus operator to restore the Sunday service to Wrayfield",
    "Renew the insurance on the playground equipment before it lapses",
    "Collect prices for a defibrillator cabinet outside the surgery",
    "Send the draft newsletter to the printer by the end of the month",
    "Arrange for the broken lamp post on Tarn Lane to be repaired",
    "Contact the tree warden about the leaning ash by the pond",
    "Update the website with the new meeting dates and the agenda",
    "Measure the car park so that the bay markings can be priced",
    "Invite the youth worker to speak at the next meeting",
]
OWNERS = {
    "initials": ["QW", "HRT", "ZM", "DVK"],
    "pair slash": ["QW/ZM", "HRT/DVK"],
    "role": ["Clerk", "Treasurer", "Secretary"],
    "full name": ["Priya Oldcastle", "Fenwick Laird"],
}
ATTENDANCE = (
    "Present: Quentin Wray (QW), Hana Rowe-Tull (HRT), Zoe Mardlow (ZM), Dev Varga-Kent (DVK), "
    "Priya Oldcastle and Fenwick Laird; the Clerk, the Treasurer and the Secretary attended.\n\n"
)
PAGE_TOP = (
    "Ellerbeck Community Orchard Group\n"
    "Minutes of the meeting held on Thursday 11 November 2027 at the Reading Room\n\n"
    + ATTENDANCE
    + "1. Apologies\n"
    "Apologies were received from two members who were away.\n\n"
)
DISCUSSION = [
    "Members discussed the cost at length and were pleased with the grant offered.",
    "The volunteers reported a busy season and thanked everyone who helped.",
]
REFS = {"none": None, "1.": "{n}.", "4.1": "4.{n}"}
HEADERS = {"none": None, "Action Owner": "Item Action Owner", "Minutes / Action": "Minutes Action"}
DUES = {"none": None, "date": "30/01/2028", "month": "January 2028"}
GAPS = {"one space": " ", "run of spaces": "      "}
TRAPS = {
    # bracketed movers at the point the page wrapped, the sentence running on below
    "proposer brackets": "The accounts for the year were approved (QW/ZM)\nand signed by the chair.\n",
    # initials as the subject of sentences, one of them cut by the page's width
    "initials subject": (
        "QW reported that the hedge along the\nlane had been laid by volunteers. "
        "ZM reported on the\nbudget for the spring.\n"
    ),
    # a date cell on a line of its own between a sentence's lines
    "date line": "The orchard was inspected by the county officer on\n14/10/2027\nand found in good order.\n",
    "none": "",
}
SHAPES = ("wrap point", "own line", "row end", "owners after")


def _cut(task: str, rng: random.Random) -> tuple[str, str]:
    """The task cut where a narrow column would wrap it: at least two words on each side."""
    ws = task.split()
    k = rng.randint(2, len(ws) - 2)
    return " ".join(ws[:k]), " ".join(ws[k:])


def sample(rng: random.Random) -> Sample:
    shape = rng.choice(SHAPES)
    owner_kind = rng.choice(list(OWNERS))
    ref_name = rng.choice(list(REFS))
    header_name = rng.choice(list(HEADERS))
    due_name = rng.choice(list(DUES))
    gap_name = rng.choice(list(GAPS))
    trap = rng.choice(list(TRAPS))
    stop = rng.choice(["full stop", "none"])
    discussed = shape == "row end" and rng.random() < 0.5
    layout = rng.choice(["as written", "as written", "flattened"])
    nrows = rng.randint(2, 4)
    tasks = rng.sample(TASKS, nrows)
    owners = [rng.choice(OWNERS[owner_kind]) for _ in tasks]
    gap = GAPS[gap_name]
    due = DUES[due_name]
    cell = [o + (gap + due if due else "") for o in owners]
    end = "." if stop == "full stop" else ""
    lines: list[str] = []
    wants: list[tuple[str, str]] = []
    for n, (task, owner) in enumerate(zip(tasks, owners, strict=True), 1):
        ref = (REFS[ref_name] or "").format(n=n)
        lead = f"{ref} " if ref else ""
        head, tail = _cut(task, rng)
        if shape == "wrap point":
            lines += [f"{lead}{head}{gap}{cell[n - 1]}", f"{tail}{end}"]
        elif shape == "own line":
            lines += [f"{lead}{head}", cell[n - 1], f"{tail}{end}"]
        elif shape == "row end":
            said = f"{rng.choice(DISCUSSION)} " if discussed else ""
            lines += [f"{lead}{said}{head}", f"{tail}.{gap}{cell[n - 1]}"]
        else:
            lines += [f"{lead}{task}{end}"]
        wants.append((owner, task + "."))
    if shape == "owners after":
        lines += cell
    header = HEADERS[header_name]
    body = "\n".join(([header] if header else []) + lines)
    text = (
        f"{PAGE_TOP}2. Matters reported\n{TRAPS[trap]}\n3. Actions agreed\n{body}\n\n"
        "5. Date of next meeting\nThe next meeting will be on 9 December 2027.\n"
    )
    if layout == "flattened":
        text = flatten(text)
    dims = {"shape": shape, "owner": owner_kind, "ref": ref_name, "header": header_name,
            "due": due_name, "gap": gap_name, "trap": trap, "stop": stop,
            "discussion": str(discussed), "layout": layout}  # fmt: skip
    return Sample(dims, V(LOG, f"owner column {dims}", text, act=wants))


def samples(n: int, seed: int) -> list[Sample]:
    rng = random.Random(seed)
    return [sample(rng) for _ in range(n)]


def main(argv: list[str]) -> None:
    n = int(argv[0]) if argv else 300
    seed = int(argv[1]) if len(argv) > 1 else 17
    result = table(samples(n, seed))
    print(f"## owner-column samples: {n}, seed {seed}")
    for dim, vals in result.items():
        for value, (r, fa, m) in sorted(vals.items(), key=lambda kv: f1(*kv[1])):
            print(f"{dim:10} {value:18} {r:4}/{fa:3}/{m:3}  F1 {f1(r, fa, m):.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
