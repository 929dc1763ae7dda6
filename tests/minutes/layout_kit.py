"""What the layout-variant tests share: a variant (a small synthetic page, what a judge would
find in it) and scoring it as the corpus scorer scores a page, resolutions by their words and
actions by owner and task; and hard-wrapping a text as a PDF's text is. None of these texts is
taken from a corpus page."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tracker.minutes import parse_minutes
from tracker.minutes.evaluate import RESOLUTION_MATCH, TASK_MATCH, dice, same_owner, words
from tracker.minutes.learnt.layouts import flatten, wrap


@dataclass(frozen=True)
class Variant:
    kind: str
    name: str
    text: str
    resolutions: tuple[str, ...] = ()
    actions: tuple[tuple[str, str], ...] = ()


def V(  # noqa: N802
    kind: str,
    name: str,
    text: str,
    res: Iterable[str] = (),
    act: Iterable[tuple[str, str]] = (),
) -> Variant:
    return Variant(kind, name, text, tuple(res), tuple(act))


PROSE = "prose decision"
UNANIMOUS = "unanimously resolved"
MOTION = "parish motion"
LOST = "lost-label list"
RECOMMENDED = "recommended to a body"
NOTICE = "decision notice"
GLUED = "glued marker"
LOG = "flattened action log"
OWNER_COL = "trailing owner column"
ACTION_REF = "glued action reference"
DIRECTIVE = "unlabelled directive"
OWNER_LABEL = "owner-only label"
TRAP = "trap"


def score(v: Variant) -> tuple[list[str], list[str]]:
    e = parse_minutes(v.text)
    problems: list[str] = []
    found = [r.text for r in e.resolutions]
    left = list(found)
    for want in v.resolutions:
        best = max(left, key=lambda f: dice(words(f), words(want)), default=None)
        if best is None or dice(words(best), words(want)) < RESOLUTION_MATCH:
            problems.append(f"missed resolution {want!r}")
        else:
            left.remove(best)
    problems += [f"false resolution {f!r}" for f in left]
    acts = [(f.owner, f.text) for f in e.followups if f.source != "resolution"]
    for owner, task in v.actions:
        hit = next(
            (
                a
                for a in acts
                if same_owner(a[0], owner) and dice(words(a[1]), words(task)) >= TASK_MATCH
            ),
            None,
        )
        if hit is None:
            problems.append(f"missed action {owner!r}: {task!r}")
        else:
            acts.remove(hit)
    problems += [f"false action {a!r}" for a in acts]
    notes = [f"{u.line}: {u.reason}" for u in e.unsure]
    return problems, notes


# a real page flattened onto one line is long (the segmenter reads a line of more than 600
# characters as a flattened page, sentence by sentence): its attendance first, as printed
PREAMBLE = (
    "Minutes of the meeting held in the Village Hall on Tuesday 5 March at 7.30pm.\n"
    "Present: Cllr Ann Frost (Chair), Cllr Jim Dale, Cllr Mary Hale, Cllr Tom Udall, Cllr Sam "
    "Moss, Cllr Ruth Penn, Cllr Alan Green, Cllr Jo Price, Cllr Ben Hart and Cllr Kay Lowe.\n"
    "In attendance: the Clerk, County Councillor P Ward, District Councillor R Stone and four "
    "members of the public, who spoke on the footpath at Mill Lane and the parking on the green "
    "before the meeting opened; their points were noted by the Clerk for the next meeting.\n"
    "Apologies: Cllr Lee Hunt (work), Cllr Eve Marsh (holiday) and PCSO Dean Clarke.\n\n"
)
# a variant wrapped at 60 columns, and flattened onto one line after that attendance
WRAPPED_OR_FLATTENED = {
    "wrapped at 60": lambda t: wrap(t, 60),
    "flattened": lambda t: flatten(PREAMBLE + t),
}


def layouts(text: str) -> dict[str, str]:
    """A variant as written, hard-wrapped at 60 columns, and flattened onto one line as it is."""
    return {"as written": text, "wrapped at 60": wrap(text, 60), "flattened": flatten(text)}
