"""The shipped plan with a term's worth of governance on it, recorded through the services, so
the papers have something to say. Everything is dated (today is 2026-03-01): the same papers
come out on SQLite and PostgreSQL, run after run.

What happens:
- actions get boards, owners, dates and a dated update history (plan export, edit, re-import:
  the import is how dated history enters the tracker);
- the Supporting Families Board (SFB) met on 16 Sep and 10 Dec 2025 and meets on 10 Mar and
  9 Jun 2026; its minutes carry follow-ups; the Locality Partnership Board (LPB) met on
  20 Nov 2025 and holds its 12 Feb 2026 meeting through the meetings service, noting updates;
- LPB escalates P1-03 to SFB (13 Feb 2026); SFB escalates P1-05 to the Children First Board;
- a follow-up is closed on 20 Jan 2026 and another gets a response;
- an indicator with a target and two readings is added.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import os
from pathlib import Path
from typing import Any

import click.testing
import yaml

from tracker.services.context import Tracker

GOLDEN = Path(__file__).parent / "golden"
SFB, LPB, CFB = "supporting-families-board", "locality-partnership-board", "children-first-board"
ILSC = "improving-lives-select-commission"
SFB_MEETING = dt.date(2026, 3, 10)
ILSC_MEETING = dt.date(2026, 3, 24)


def on_day(t: Tracker, today: dt.date) -> Tracker:
    """The same database on another day."""
    return Tracker(db=t.db, settings=dataclasses.replace(t.settings, today=today))


def _update(at: str, status: str, rag: str | None, progress: int, text: str,
            by: str = "Kirsty Woodhead") -> dict[str, Any]:  # fmt: skip
    return {"at": f"{at}T10:00:00", "by": by, "status": status, "rag": rag,
            "progress": progress, "commentary": text}  # fmt: skip


ACTIONS: dict[str, dict[str, Any]] = {
    "P1-01": {
        "board": LPB,
        "owner": "kirsty-woodhead",
        "start": "2025-06-01",
        "due": "2025-10-31",
        "status": "complete",
        "rag": "green",
        "progress": 100,
        "updates": [
            _update("2025-07-01", "in progress", "green", 50, "Partners mapped; workshops booked"),
            _update(
                "2025-10-20",
                "complete",
                "green",
                100,
                "Consultation closed; findings shared with partners",
            ),
        ],
    },
    "P1-03": {
        "board": LPB,
        "owner": "kirsty-woodhead",
        "start": "2025-09-01",
        "due": "2026-01-31",
        "status": "in progress",
        "rag": "red",
        "progress": 40,
        "stage": 1,
        "outcomes": ["family-relationships"],
        "updates": [
            _update(
                "2025-11-03", "in progress", "green", 10, "Mapping started with the Family Hubs"
            ),
            _update("2026-01-20", "in progress", "amber", 30, "Partner sign-off slipping"),
            _update(
                "2026-02-10",
                "in progress",
                "red",
                40,
                "Health partners have not agreed the data-sharing steps; roadmap on hold",
            ),
        ],
    },
    "P1-04": {
        "board": SFB,
        "owner": "kelly-white",
        "due": "2026-01-31",
        "status": "complete",
        "rag": "green",
        "progress": 100,
        "updates": [
            _update(
                "2025-11-15", "in progress", "green", 60, "Draft guide circulated", by="Kelly White"
            ),
            _update(
                "2026-01-15",
                "complete",
                "green",
                100,
                "Revised Early Help Systems Guide published",
                by="Kelly White",
            ),
        ],
    },
    "P1-05": {
        "board": SFB,
        "owner": "kelly-white",
        "start": "2025-04-01",
        "due": "2026-02-15",
        "status": "in progress",
        "rag": "green",
        "progress": 70,
        "updates": [
            _update(
                "2025-12-01",
                "in progress",
                "green",
                70,
                "HR consultation under way",
                by="Kelly White",
            )
        ],
    },
    "P2-01": {
        "board": SFB,
        "owner": "assistant-director-early-help",
        "start": "2025-10-01",
        "due": "2026-03-20",
        "status": "in progress",
        "rag": "amber",
        "progress": 50,
        "updates": [
            _update(
                "2026-02-05",
                "in progress",
                "amber",
                50,
                "Terms of reference drafted; awaiting Cabinet approval",
                by="Kelly White",
            )
        ],
    },
    "P2-02": {
        "board": LPB,
        "owner": "kirsty-woodhead",
        "start": "2026-03-15",
        "due": "2026-06-30",
        "depends_on": ["P1-03"],
    },
    "P2-03": {
        "board": SFB,
        "owner": "kelly-white",
        "start": "2026-01-05",
        "due": "2026-05-29",
        "status": "in progress",
        "rag": "green",
        "progress": 20,
        "outcomes": ["good-education", "early-years"],
        "updates": [
            _update(
                "2026-02-02",
                "in progress",
                "green",
                20,
                "First draft of the measures shared with partners",
                by="Kelly White",
            )
        ],
    },
    "P2-06": {
        "board": CFB,
        "owner": "kelly-white",
        "due": "2026-03-31",
        "status": "in progress",
        "rag": "red",
        "progress": 30,
        "updates": [
            _update(
                "2026-02-25",
                "in progress",
                "red",
                30,
                "Overspend forecast for the year",
                by="Kelly White",
            )
        ],
    },
}


def _followup(owner: str | None, text: str, due: str | None, status: str = "open",
              owner_text: str | None = None) -> dict[str, Any]:  # fmt: skip
    return {"owner": owner, "owner_text": owner_text, "text": text, "due": due, "status": status}


MEETINGS: list[dict[str, Any]] = [
    {
        "board": SFB,
        "date": "2025-09-16",
        "title": "Supporting Families Board",
        "status": "held",
        "resolutions": [
            {
                "number": "1",
                "kind": "agreed",
                "text": "That the locality action plans be collated into one delivery plan.",
                "followups": [
                    _followup("kirsty-woodhead", "Collate the locality action plans", "2025-12-31")
                ],
            }
        ],
    },
    {
        "board": SFB,
        "date": "2025-12-10",
        "title": "Supporting Families Board",
        "status": "held",
        "resolutions": [
            {
                "number": "1",
                "kind": "agreed",
                "text": "That a roadmap of the child's journey be brought to the next meeting.",
                "followups": [
                    _followup(
                        "kirsty-woodhead", "Bring the roadmap of the child's journey", "2026-03-10"
                    ),
                    _followup(
                        "kelly-white",
                        "Circulate the revised Early Help Systems Guide",
                        "2026-01-31",
                    ),
                ],
            },
            {
                "number": "2",
                "kind": "noted",
                "text": "That the budget position be noted.",
                "followups": [
                    _followup(
                        "assistant-director-early-help",
                        "Report the HR integration timetable",
                        "2026-02-28",
                        "in progress",
                    )
                ],
            },
        ],
    },
    {
        "board": SFB,
        "date": "2026-03-10",
        "title": "Supporting Families Board",
        "status": "scheduled",
        "resolutions": [],
    },
    {
        "board": SFB,
        "date": "2026-06-09",
        "title": "Supporting Families Board",
        "status": "scheduled",
        "resolutions": [],
    },
    {
        "board": LPB,
        "date": "2025-11-20",
        "title": "Locality Partnership Board",
        "status": "held",
        "resolutions": [],
    },
    {
        "board": LPB,
        "date": "2026-05-14",
        "title": "Locality Partnership Board",
        "status": "scheduled",
        "resolutions": [],
    },
    {
        "board": CFB,
        "date": "2026-04-15",
        "title": "Children First Board",
        "status": "scheduled",
        "resolutions": [],
    },
    {
        "board": ILSC,
        "date": "2026-03-24",
        "title": "Early Help Strategy: progress",
        "status": "scheduled",
        "resolutions": [],
    },
]


def enrich(t: Tracker, folder: Path) -> Tracker:
    """The term described in the module doc, on a tracker holding the shipped plan."""
    from tracker.services.committees.followup_updates import close_followup, update_followup
    from tracker.services.committees.followups import FollowUpFilter, list_followups
    from tracker.services.governance.escalations import raise_escalation
    from tracker.services.governance.holding import hold_meeting
    from tracker.services.governance.meetings import schedule_meeting
    from tracker.services.indicators import add_indicator, record_reading
    from tracker.services.plans import export_plan, import_plan

    doc = yaml.safe_load(export_plan(t, None).text)
    for action in doc["actions"]:
        action.update(ACTIONS.get(action["ref"], {}))
    doc["meetings"] = doc.get("meetings") or []
    doc["meetings"].extend(MEETINGS)
    path = folder / "term.yaml"
    path.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), encoding="utf-8")
    import_plan(t, path)

    schedule_meeting(on_day(t, dt.date(2026, 2, 1)), LPB, dt.date(2026, 2, 12),
                     title="Locality Partnership Board")  # fmt: skip
    hold_meeting(on_day(t, dt.date(2026, 2, 12)), LPB, dt.date(2026, 2, 12),
                 attendees=["Kirsty Woodhead (Chair)", "Kelly White"], note_all=True)  # fmt: skip
    raise_escalation(
        on_day(t, dt.date(2026, 2, 13)),
        "P1-03",
        LPB,
        reason="Health partners have not agreed the data-sharing steps, so the roadmap cannot "
        "be finished",
        decision_sought="Ask the health partners' senior lead to agree the data-sharing steps "
        "by 31 March 2026",
    )
    raise_escalation(
        on_day(t, dt.date(2026, 2, 20)),
        "P1-05",
        SFB,
        reason="Integrating HR needs a decision on posts shared across agencies",
        decision_sought="Agree in principle to jointly funded posts",
    )
    ids = {f.text: f.id for f in list_followups(t, FollowUpFilter(committee=SFB))}
    close_followup(on_day(t, dt.date(2026, 1, 20)),
                   ids["Circulate the revised Early Help Systems Guide"],
                   "Guide published on 15 January and sent to every partner")  # fmt: skip
    update_followup(on_day(t, dt.date(2026, 2, 20)), ids["Report the HR integration timetable"],
                    response="Timetable drafted; to be agreed with HR leads in March")  # fmt: skip
    add_indicator(t, "families-supported", name="Families supported by Early Help",
                  outcome="family-relationships", board=SFB, unit="families", target=600,
                  direction="higher", frequency="quarterly",
                  source="Early Help case management system")  # fmt: skip
    record_reading(t, "families-supported", 412, date=dt.date(2025, 9, 30), period="2025/26 Q2")
    record_reading(t, "families-supported", 455, date=dt.date(2025, 12, 31), period="2025/26 Q3")
    return t


def golden(name: str, text: str) -> None:
    """Compare with tests/papers/golden/NAME; UPDATE_GOLDEN=1 rewrites it (then read it)."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden file {path}: run with UPDATE_GOLDEN=1, then read it"
    expected = path.read_text(encoding="utf-8")
    if text != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True), text.splitlines(keepends=True), "golden", "now"
            )
        )
        raise AssertionError(f"{name} differs from its golden file (UPDATE_GOLDEN=1):\n{diff}")


def run(*args: str | Path) -> click.testing.Result:
    """The CLI as a user types it (settings from TRACKER_CONFIG, set by `settings_file`)."""
    from tracker.cli import cli

    return click.testing.CliRunner().invoke(cli, [str(a) for a in args])
