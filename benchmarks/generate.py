"""Generate a large, valid plan file (plans/README.md format, schema tracker-plan/1).

    .venv/bin/python benchmarks/generate.py --out benchmarks/out/plan-10000.yaml
    .venv/bin/python benchmarks/generate.py --actions 100000 --updates 100000 --out big.yaml

A strategy 2024-2029 with 5 phases, 3 stages, the ten outcomes, boards in a tree (one top
board, a few middle boards, locality boards under them) plus two committees, people, actions
spread over phases, stages, boards and owners, their status-update history, and committee
meetings with resolutions and follow-ups. Everything is invented and deterministic for a seed.

The history is consistent: timestamps increase per action, an action's status, RAG and progress
are those of its latest update, complete means 100%, dependencies point only at lower refs (so
they never form a cycle). "Now" for the data is PIVOT: work due before it is mostly complete,
meetings before it were held, after it are scheduled.

The YAML is written as text (no dumper): free text goes out as JSON strings, which are valid
YAML double-quoted scalars, so no value can break the file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import time
from pathlib import Path

PIVOT = dt.date(2026, 3, 1)  # the tests' fixed today: the data's "now"
FIRST_DAY = dt.date(2024, 1, 1)
LAST_DAY = dt.date(2029, 12, 31)

PHASES = (  # number, name, start year, end year
    (1, "Design", 2024, 2025),
    (2, "Implement and deliver", 2025, 2026),
    (3, "Maintain and operate", 2026, 2028),
    (4, "Review and refine", 2028, 2029),
    (5, "Evaluate", 2029, 2029),
)
STAGES = (
    (1, "Universal and community family help"),
    (2, "Focused family help"),
    (3, "Specialist family help"),
)
OUTCOMES = (
    ("good-education", "Getting a good education"),
    ("early-years", "Good early years development"),
    ("health", "Improved mental and physical health"),
    ("substance-use", "Promoting recovery and reducing harm from substance use"),
    ("family-relationships", "Improved family relationships"),
    ("safe-from-exploitation", "Children safe from abuse and exploitation"),
    ("crime-prevention", "Crime prevention and tackling crime"),
    ("domestic-abuse", "Safe from domestic abuse"),
    ("secure-housing", "Secure housing"),
    ("financial-stability", "Financial stability"),
)
ORGANISATIONS = (
    ("council", "Northvale Metropolitan Borough Council"),
    ("police", "Northvale Police"),
    ("icb", "Northvale Integrated Care Board"),
    ("schools", "Northvale Schools Partnership"),
    ("vcs", "Northvale Voluntary Action"),
    ("housing", "Northvale Homes"),
    ("jobcentre", "Jobcentre Plus Northvale"),
    ("fire", "Northvale Fire and Rescue"),
)
MIDDLE_BOARDS = (
    ("supporting-families-board", "Supporting Families Board"),
    ("best-start-board", "Best Start Board"),
    ("youth-partnership-board", "Youth Partnership Board"),
    ("family-hubs-board", "Family Hubs Board"),
)
PLACES = (
    "Ashby", "Bramley", "Carrow", "Dunmore", "Elmfield", "Fairholme", "Greaves", "Hallam",
    "Ingleby", "Kirkdale", "Longmoor", "Marston", "Netherton", "Oakworth", "Pendle", "Queensbury",
    "Rawcliffe", "Stannington", "Thornbury", "Upperby", "Whitwell", "Yeadon",
)  # fmt: skip
COMMITTEES = (
    ("cabinet", "Cabinet"),
    ("improving-lives-select-commission", "Improving Lives Select Commission"),
)
FIRST_NAMES = (
    "Aisha", "Ben", "Chloe", "Dev", "Emma", "Faisal", "Grace", "Harry", "Imran", "Jess", "Kelly",
    "Liam", "Maya", "Nadia", "Owen", "Priya", "Rosa", "Sam", "Tom", "Zara",
)  # fmt: skip
LAST_NAMES = (
    "Ahmed", "Brown", "Clarke", "Davies", "Evans", "Green", "Hughes", "Khan", "Lewis", "Moore",
    "Patel", "Roberts", "Shaw", "Taylor", "Walker", "White", "Wood", "Young",
)  # fmt: skip
ROLES = (
    "Locality Manager", "Early Help Practitioner", "Family Hub Lead", "Head of Service",
    "Designated Safeguarding Lead", "Youth Work Coordinator", "Health Visitor Team Leader",
    "Neighbourhood Inspector", "Attendance Officer", "Data and Performance Analyst",
    "Commissioning Manager", "Housing Options Officer", "Domestic Abuse Coordinator",
    "School Nurse Lead", "Voluntary Sector Liaison",
)  # fmt: skip
VERBS = (
    "Deliver", "Review", "Develop", "Commission", "Pilot", "Embed", "Evaluate", "Expand",
    "Map", "Agree", "Launch", "Train staff on", "Publish", "Monitor", "Co-produce",
)  # fmt: skip
OBJECTS = (
    "the family hub offer", "the Early Help Assessment", "the roadmap of a child's journey",
    "baby packs", "the universal youth work offer", "school attendance support",
    "the SEND Hub", "parenting programmes", "the digital self-service offer",
    "the domestic abuse pathway", "mental health drop-ins", "the NEET reengagement programme",
    "the early education take-up plan", "the exclusions reduction plan",
    "the substance misuse referral route", "the housing stability protocol",
    "the financial inclusion service", "the multi-agency front door", "the data sharing agreement",
    "the workforce development plan", "the community grants scheme", "the transitions protocol",
)  # fmt: skip
QUALIFIERS = (
    "across the borough", "in every locality", "with schools", "with health partners",
    "with the police", "for families with under-fives", "for young carers",
    "with the voluntary sector", "for children missing education", "in priority wards",
)  # fmt: skip
NOTES = (
    "On track; partners engaged", "Milestone met", "Awaiting partner sign-off",
    "Recruitment slipping by a month", "Funding confirmed for next year", "Pilot evaluated well",
    "Data quality issues being resolved", "Venue secured", "Training sessions booked",
    "Delayed by staff absence", "Consultation closed; responses analysed",
    "Risk escalated to the board", "Dependency on IT delivery", "Scope agreed with commissioners",
)  # fmt: skip
RESOLUTION_TEXTS = (
    "That the report be noted.",
    "That the update on {obj} be received and the progress made be noted.",
    "That officers report back on {obj} at a future meeting.",
    "That the Commission recommends that {obj} be extended {qual}.",
    "That Cabinet approves the approach to {obj}.",
    "That the Assistant Director provides members with data on {obj}.",
)
KINDS = ("resolved", "recommended", "agreed", "noted")


def q(text: str) -> str:
    """A YAML double-quoted scalar (a JSON string is one)."""
    return json.dumps(text, ensure_ascii=False)


def _day(rng: random.Random, lo: dt.date, hi: dt.date) -> dt.date:
    return lo + dt.timedelta(days=rng.randint(0, max(0, (hi - lo).days)))


def boards_tree(count: int) -> list[tuple[str, str, str | None, str | None]]:
    """(code, name, parent, area) for `count` boards: top, middle, then localities."""
    top = ("children-first-board", "Children First Board", None, None)
    middle_n = min(len(MIDDLE_BOARDS), max(0, (count - 1) // 4))
    out = [top] + [(c, n, top[0], None) for c, n in MIDDLE_BOARDS[:middle_n]]
    for i in range(count - len(out)):
        place = PLACES[i % len(PLACES)] + ("" if i < len(PLACES) else f" {i // len(PLACES) + 1}")
        parent = MIDDLE_BOARDS[i % middle_n][0] if middle_n else top[0]
        slug = place.lower().replace(" ", "-")
        out.append((f"{slug}-locality-board", f"{place} Locality Partnership Board", parent, place))
    return out[:count]


def generate(
    actions: int = 10_000,
    updates: int = 100_000,
    boards: int = 20,
    resolutions: int = 2_000,
    seed: int = 1,
    people: int = 200,
) -> str:
    rng = random.Random(seed)
    out: list[str] = []
    w = out.append
    w("# Generated by benchmarks/generate.py: invented data for timing, not a real plan.")
    w(f"# actions={actions} updates={updates} boards={boards} resolutions={resolutions} "
      f"seed={seed}")  # fmt: skip
    w("schema: tracker-plan/1")
    w("strategy:")
    w("  title: Northvale Early Help Strategy 2024-2029 (benchmark)")
    w("  period: {start: 2024, end: 2029}")
    w("  vision: Families get the right help at the right time, as early as possible.")
    w("  principles:")
    w("    - Children and families are at the heart of everything we do.")
    w("    - Early help is everyone's business.")
    w("  source: benchmarks/generate.py (invented)")

    w("organisations:")
    for code, name in ORGANISATIONS:
        w(f"  - code: {code}")
        w(f"    name: {q(name)}")

    w("people:")
    person_codes: list[str] = []
    person_labels: list[str] = []
    person_orgs: list[str] = []
    for i in range(people):
        code = f"person-{i + 1:04d}"
        org = ORGANISATIONS[i % len(ORGANISATIONS)][0]
        role = ROLES[rng.randrange(len(ROLES))]
        name: str | None = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        if i % 25 == 24:
            name = None  # a role without a name is a valid owner
        person_codes.append(code)
        person_labels.append(name or role)
        person_orgs.append(org)
        w(f"  - code: {code}")
        w(f"    name: {q(name) if name else 'null'}")
        w(f"    role: {q(role)}")
        w(f"    organisation: {org}")

    tree = boards_tree(boards)
    w("boards:")
    for code, name, parent, area in tree:
        locality = area is not None
        w(f"  - code: {code}")
        w(f"    name: {q(name)}")
        w("    kind: board")
        w(f"    parent: {parent or 'null'}")
        w(f"    chair: {person_codes[rng.randrange(people)]}")
        w(f"    chair_description: {q('a community representative') if locality else 'null'}")
        w(f"    meets: {'termly' if locality else 'quarterly'}")
        w(f"    area: {q(area) if area else 'null'}")
        w("    description: null")
    for code, name in COMMITTEES:
        w(f"  - code: {code}")
        w(f"    name: {q(name)}")
        w("    kind: committee")
        w("    parent: null")
        w("    chair: null")
        w("    chair_description: null")
        w("    meets: monthly")
        w("    area: null")
        w("    description: null")

    w("phases:")
    for number, name, start, end in PHASES:
        w(f"  - number: {number}")
        w(f"    name: {q(name)}")
        w(f"    start: {start}")
        w(f"    end: {end}")
        w("    description: null")
    w("stages:")
    for number, name in STAGES:
        w(f"  - number: {number}")
        w(f"    name: {q(name)}")
        w("    description: null")
        w("    commitments: []")
    w("outcomes:")
    for code, name in OUTCOMES:
        w(f"  - code: {code}")
        w(f"    name: {q(name)}")
    w("indicators:")
    for code, name in OUTCOMES:
        w(f"  - code: {code}-rate")
        w(f"    name: {q(name + ': families with the outcome achieved')}")
        w(f"    outcome: {code}")
        w(f"    board: {tree[0][0]}")
        w("    unit: percent")
        w(f"    target: {rng.randint(50, 90)}")
        w("    direction: higher")
        w("    frequency: quarterly")
        w("    source: null")
        w("    readings:")
        for year in (2024, 2025):
            w(f"      - date: {year}-12-31")
            w("        period: null")
            w(f"        value: {rng.randint(20, 80)}")
            w("        note: null")

    _actions(w, rng, actions, updates, tree, person_codes, person_labels, person_orgs)
    _meetings(w, rng, resolutions, tree, person_codes, person_labels)
    return "\n".join(out) + "\n"


def _actions(w, rng, count, updates_total, tree, person_codes, person_labels, person_orgs) -> None:  # type: ignore[no-untyped-def]
    width = max(5, len(str(count)))
    board_codes = [b[0] for b in tree]
    # Phase of each action: more in the busy middle phases.
    phase_weights = (20, 30, 30, 12, 8)
    plan = []
    for i in range(count):
        phase = rng.choices(PHASES, weights=phase_weights)[0]
        _, _, y0, y1 = phase
        start = _day(rng, dt.date(y0, 1, 1), dt.date(y1, 9, 30))
        due = min(LAST_DAY, start + dt.timedelta(days=rng.randint(30, 540)))
        plan.append((i, phase[0], start, due))
    started = [i for i, _, start, _ in plan if start <= PIVOT]
    # Spread the updates over the started actions, a few busy ones getting many.
    per_action = [0] * count
    if started:
        for _ in range(updates_total):
            per_action[started[int(len(started) * rng.random() ** 1.3)]] += 1
    w("actions:")
    for i, phase, start, due in plan:
        ref = f"P{phase}-{i + 1:0{width}d}"
        owner_i = rng.randrange(len(person_codes))
        owner = person_codes[owner_i] if rng.random() > 0.05 else None
        board = board_codes[rng.randrange(len(board_codes))] if rng.random() > 0.02 else None
        stage = rng.choice((1, 2, 3, None))
        outcomes = sorted(rng.sample(range(len(OUTCOMES)), rng.randint(0, 3)))
        title = f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(QUALIFIERS)}"
        deps: list[str] = []
        if i > 0 and rng.random() < 0.2:
            for j in sorted({rng.randrange(max(0, i - 200), i) for _ in range(rng.randint(1, 2))}):
                deps.append(f"P{plan[j][1]}-{j + 1:0{width}d}")
        history = _history(rng, per_action[i], start, due, person_labels[owner_i])
        status, rag, progress = history[-1][1:4] if history else ("not started", None, 0)
        w(f"  - ref: {ref}")
        w(f"    title: {q(title)}")
        w("    description: null")
        w(f"    phase: {phase}")
        w(f"    stage: {stage if stage else 'null'}")
        w(f"    outcomes: [{', '.join(OUTCOMES[k][0] for k in outcomes)}]")
        w(f"    board: {board or 'null'}")
        w(f"    owner: {owner or 'null'}")
        w(f"    lead_organisation: {person_orgs[owner_i] if owner else 'null'}")
        w(f"    start: {start.isoformat()}")
        w(f"    due: {due.isoformat()}")
        w(f"    status: {status}")
        w(f"    rag: {rag or 'null'}")
        w(f"    progress: {progress}")
        w(f"    depends_on: [{', '.join(deps)}]")
        if not history:
            w("    updates: []")
            continue
        w("    updates:")
        for at, st, rg, pr, by, note in history:
            w(f"      - at: {at}")
            w(f"        by: {q(by)}")
            w(f"        status: {st}")
            w(f"        rag: {rg or 'null'}")
            w(f"        progress: {pr}")
            w(f"        commentary: {q(note)}")


def _history(
    rng: random.Random, n: int, start: dt.date, due: dt.date, owner: str
) -> list[tuple[str, str, str | None, int, str, str]]:
    """n updates between the start and the pivot, in time order, ending in the final state."""
    if n == 0:
        return []
    last = min(PIVOT - dt.timedelta(days=1), max(due, start))
    span = max(1, (last - start).days) * 86400
    # distinct, increasing offsets (seconds) from the start day at 09:00
    offsets = sorted(rng.sample(range(span), n)) if span >= n else list(range(n))
    roll = rng.random()
    if due < PIVOT:
        final = "complete" if roll < 0.7 else ("cancelled" if roll < 0.75 else "in progress")
    else:
        final = "complete" if roll < 0.1 else "in progress"
    base = dt.datetime(start.year, start.month, start.day, 9)
    out = []
    progress = 0
    for k, off in enumerate(offsets):
        at = (base + dt.timedelta(seconds=off)).isoformat()
        is_last = k == n - 1
        status = final if is_last else "in progress"
        if status == "complete":
            progress, rag = 100, "green"
        else:
            progress = min(95, progress + rng.randint(0, 15))
            rag = rng.choices(("green", "amber", "red"), weights=(6, 3, 1))[0]
        if status == "cancelled":
            rag = None
        note = rng.choice(NOTES)
        if status == "cancelled":
            note = "Cancelled: superseded by the family hub programme"
        out.append((at, status, rag, progress, owner, f"{note} ({k + 1}/{n})"))
    return out


def _meetings(w, rng, resolutions, tree, person_codes, person_labels) -> None:  # type: ignore[no-untyped-def]
    """Board meetings (termly or quarterly) and monthly committee meetings; the committees'
    meetings carry the resolutions and their follow-ups."""
    w("meetings:")
    for code, _, _, area in tree:
        months = (1, 5, 9) if area else (3, 6, 9, 12)
        for year in range(2024, 2030):
            for month in months:
                day = dt.date(year, month, 10 + rng.randint(0, 10))
                w(f"  - board: {code}")
                w(f"    date: {day.isoformat()}")
                w(f"    title: {q('Board meeting ' + day.strftime('%B %Y'))}")
                w(f"    status: {'held' if day < PIVOT else 'scheduled'}")
                w("    resolutions: []")
    held = [
        (code, dt.date(year, month, 15 + i))
        for year in range(2024, 2027)
        for month in range(1, 13)
        for i, (code, _) in enumerate(COMMITTEES)
        if dt.date(year, month, 15 + i) < PIVOT
    ]
    per = [resolutions // len(held)] * len(held)
    for k in range(resolutions - sum(per)):
        per[k] += 1
    for (code, day), n in zip(held, per, strict=True):
        w(f"  - board: {code}")
        w(f"    date: {day.isoformat()}")
        w(f"    title: {q('Early Help Strategy: delivery update')}")
        w("    status: held")
        if n == 0:
            w("    resolutions: []")
            continue
        w("    resolutions:")
        for number in range(1, n + 1):
            obj = rng.choice(OBJECTS)
            text = rng.choice(RESOLUTION_TEXTS).format(obj=obj, qual=rng.choice(QUALIFIERS))
            w(f"      - number: {q(str(number))}")
            w(f"        kind: {rng.choice(KINDS)}")
            w(f"        text: {q(text)}")
            if rng.random() >= 0.3:
                w("        followups: []")
                continue
            w("        followups:")
            for _ in range(rng.randint(1, 2)):
                owner_i = rng.randrange(len(person_codes))
                due = min(LAST_DAY, day + dt.timedelta(days=rng.randint(14, 120)))
                status = rng.choice(("open", "in progress", "done", "done", "dropped"))
                if due >= PIVOT:
                    status = "open"
                w(f"          - owner: {person_codes[owner_i]}")
                w(f"            owner_text: {q(person_labels[owner_i])}")
                w(f"            text: {q('Report back on ' + obj)}")
                w(f"            due: {due.isoformat()}")
                w(f"            status: {status}")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--actions", type=int, default=10_000)
    p.add_argument("--updates", type=int, default=100_000)
    p.add_argument("--boards", type=int, default=20, help="boards in the tree (plus 2 committees)")
    p.add_argument("--resolutions", type=int, default=2_000)
    p.add_argument("--people", type=int, default=200)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--out", type=Path, required=True, help="the plan file to write")
    a = p.parse_args(argv)
    if a.actions < 1 or a.boards < 1 or a.people < 1 or a.updates < 0 or a.resolutions < 0:
        p.error("--actions, --boards and --people must be at least 1; the rest at least 0")
    began = time.perf_counter()
    text = generate(a.actions, a.updates, a.boards, a.resolutions, a.seed, a.people)
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(text, encoding="utf-8")
    took = time.perf_counter() - began
    size = len(text.encode()) / 1e6
    print(f"wrote {a.out} ({size:.1f} MB) in {took:.1f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
