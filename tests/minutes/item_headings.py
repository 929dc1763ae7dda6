"""A seeded generator of short minutes whose decisions sit under item headings in the forms
real minutes number them ("2.", "2)", "2 – Title", "(2) Title", "Item 2:", "Minute 2", "2/24",
"MIN 24/02", letters "A.", roman "ii)"), each page with its own titles, bodies and decisions,
numbered from any start, and traps that are no heading: a decision's clauses numbered "(1)
That ...", a date "2 – 4 June" opening a line, a page's number alone on its line. Scored as the
corpus scorer scores: decisions matched by their words, then whether the item is the heading's.
No title, decision or sentence here is on a corpus page.

`python -m tests.minutes.item_headings [N] [SEED]` prints decisions found and items right by
each dimension's value (the figures in the README's third-round "by generation" section)."""

from __future__ import annotations

import random
import sys
import textwrap
from collections import defaultdict
from dataclasses import dataclass

from tracker.minutes import parse_minutes
from tracker.minutes.evaluate import RESOLUTION_MATCH, dice, norm_item, words

_ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]
_LETTERS = "ABCDEFGHIJKL"


def _n(n: int) -> str:
    return str(n)


# each form: how the heading prints the n-th item's number and title, and the item it gives
FORMS: dict[str, tuple[str, object]] = {
    "2.": ("{no}. {title}", _n),
    "2)": ("{no}) {title}", _n),
    "2 –": ("{no} \u2013 {title}", _n),
    "2 -": ("{no} - {title}", _n),
    "(2)": ("({no}) {title}", _n),
    "Item 2:": ("Item {no}: {title}", _n),
    "Minute 2": ("Minute {no} {title}", _n),
    "2/24": ("{no}/24 {title}", lambda n: f"{n}/24"),
    "MIN 24/02": ("MIN 24/{no} {title}", lambda n: f"24/{n:02d}"),
    "A.": ("{no}. {title}", lambda n: _LETTERS[n - 1]),
    "ii)": ("{no}) {title}", lambda n: _ROMAN[n - 1]),
}
TITLES = [
    "Bus shelter on Wrenfield Road",
    "Speed indicator device",
    "Burial ground fees",
    "Grit bins for the winter",
    "Website accessibility statement",
    "Tree works at the pound",
    "Skate ramp inspection",
    "Community orchard",
    "Defibrillator cabinet",
    "Lengthsman scheme",
    "Annual parish assembly",
    "Litter pick volunteers",
]
DISCUSSION = [
    "Councillors heard that the contractor had been delayed by the wet autumn.",
    "A resident spoke about the state of the verges near the old forge.",
    "The clerk circulated two quotations before the meeting.",
    "Members noted that the county had not yet replied to the letter.",
    "There was a short discussion about the cost of the works.",
]
DECISIONS = [
    "to accept the lower quotation from Harrowgate Joinery",
    "that the fee for a double plot be raised to two hundred pounds",
    "to ask the county to move the shelter three metres back from the kerb",
    "that the orchard be mown twice a year by the volunteers",
    "to renew the lengthsman agreement for a further twelve months",
    "that the cabinet be checked monthly and the log kept by the clerk",
    "to buy four more grit bins for Quarry Lane and Pound Hill",
    "that the assembly be held in the school hall on a Thursday in May",
    "to publish the statement on the website before the end of the month",
    "that the skate ramp be closed until the surface is repaired",
]
CLAUSES = [
    ("That the clerk write to the landowner about the overhanging branches.",),
    ("That the repair be paid from the general reserve.",),
    ("That the lease be signed by the chair and one other councillor.",),
    ("That the notice be displayed on both village noticeboards.",),
]
# a decision's clauses numbered as lists are: they stay the decision's, under its item
CLAUSE_MARKERS = ["({c})", "{c}.", "{c})", "({r})", "{a})", "({a})"]
LEADS = ["RESOLVED {d}.", "It was RESOLVED {d}.", "Resolved: {d}.", "Members AGREED {d}."]
TRAPS = ["none", "clauses", "date range", "page number"]


def _number(form: str, n: int) -> str:
    if form == "A.":
        return _LETTERS[n - 1]
    if form == "ii)":
        return _ROMAN[n - 1]
    if form == "MIN 24/02":
        return f"{n:02d}"
    return str(n)


@dataclass
class Page:
    dims: dict[str, str]
    text: str
    # (decision, item) a judge would record
    wants: list[tuple[str, str]]


def page(rng: random.Random) -> Page:
    form = rng.choice(list(FORMS))
    trap = rng.choice(TRAPS)
    case = rng.choice(["Title case", "CAPITALS"])
    wrap_at = rng.choice([None, None, 60])
    start = rng.randint(1, 2) if form in ("A.", "ii)") else rng.randint(1, 9)
    count = rng.randint(3, 5)
    titles = rng.sample(TITLES, count)
    decisions = iter(rng.sample(DECISIONS, count))
    template, item_of = FORMS[form]
    wants: list[tuple[str, str]] = []
    parts = [
        "Hollinsmere Parish Council\n"
        "Minutes of the meeting held in the Reading Room on Monday 8 March 2027\n\n"
        "Present: Cllrs Vaughan-Ede (Chair), Polwhele, Strang and Tibbits; the Clerk\n"
    ]
    trap_at = rng.randrange(count)
    for k, title in enumerate(titles):
        n = start + k
        shown = title.upper() if case == "CAPITALS" else title
        heading = template.format(no=_number(form, n), title=shown)
        item = item_of(n)  # type: ignore[operator]
        body = [rng.choice(DISCUSSION)]
        if k == 0:
            body = ["Apologies were received from Cllr Ruddock."]
        elif trap == "clauses" and k == trap_at:
            body.append("RESOLVED:")
            marker = rng.choice(CLAUSE_MARKERS)
            picked = rng.sample(CLAUSES, rng.randint(2, 3))
            for c, (clause,) in enumerate(picked, 1):
                body.append(f"{marker.format(c=c, r=_ROMAN[c - 1], a='abc'[c - 1])} {clause}")
                wants.append((clause, item))
        else:
            decision = next(decisions)
            body.append(rng.choice(LEADS).format(d=decision))
            wants.append((decision, item))
        if trap == "date range" and k == trap_at:
            body.append(f"{rng.randint(2, 5)} \u2013 {rng.randint(6, 9)} June: the well dressing.")
        parts.append(heading + "\n" + "\n".join(body) + "\n")
        if trap == "page number" and k == trap_at:
            parts.append(str(rng.randint(2, 4)) + "\n")
    text = "\n".join(parts)
    if wrap_at:
        text = "\n".join(textwrap.fill(ln, wrap_at) if ln else ln for ln in text.split("\n"))
    dims = {"form": form, "trap": trap, "case": case, "wrap": str(wrap_at)}
    return Page(dims, text, wants)


def pages(n: int, seed: int) -> list[Page]:
    rng = random.Random(seed)
    return [page(rng) for _ in range(n)]


def counts(p: Page) -> tuple[int, int, int, int]:
    """(decisions judged, found, items checked, items right) of a page."""
    found = list(parse_minutes(p.text).resolutions)
    got = right = 0
    for text, item in p.wants:
        best = max(found, key=lambda r: dice(words(r.text), words(text)), default=None)
        if best is None or dice(words(best.text), words(text)) < RESOLUTION_MATCH:
            continue
        found.remove(best)
        got += 1
        right += norm_item(best.item) == norm_item(item)
    return len(p.wants), got, got, right


def table(batch: list[Page]) -> dict[str, dict[str, tuple[int, int, int, int]]]:
    out: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0, 0, 0]))
    for p in batch:
        c = counts(p)
        for dim, value in [*p.dims.items(), ("all", "all")]:
            acc = out[dim][value]
            for k in range(4):
                acc[k] += c[k]
    return {d: {v: (a[0], a[1], a[2], a[3]) for v, a in vals.items()} for d, vals in out.items()}


def share(right: int, checked: int) -> float:
    return right / checked if checked else 1.0


def main(argv: list[str]) -> None:
    n = int(argv[0]) if argv else 400
    seed = int(argv[1]) if len(argv) > 1 else 17
    print(f"## item-heading pages: {n}, seed {seed} (decisions found / judged; items right)")
    for dim, vals in table(pages(n, seed)).items():
        for value, (judged, got, checked, right) in sorted(
            vals.items(), key=lambda kv: share(kv[1][3], kv[1][2])
        ):
            print(
                f"{dim:5} {value:12} found {got:4}/{judged:4}  items {right:4}/{checked:4}"
                f"  {share(right, checked):.3f}"
            )


if __name__ == "__main__":
    main(sys.argv[1:])
