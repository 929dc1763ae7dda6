"""`tracker opendata export DIR`: Popolo JSON checked against the published Popolo schemas
(vendored in tests/data/popolo with their licence) and the actions in the CSV layout Decidim's
Accountability component imports; on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner
from referencing import Registry
from referencing.jsonschema import DRAFT3

from tracker.cli import cli
from tracker.services.context import Tracker
from tracker.services.governance.holding import hold_meeting
from tracker.services.governance.meetings import schedule_meeting

SCHEMAS = Path(__file__).parent / "data" / "popolo"
COLLECTIONS = {"organizations": "organization", "persons": "person",
               "memberships": "membership", "events": "event", "motions": "motion",
               "vote_events": "vote_event"}  # fmt: skip
# the header of decidim-accountability's own import fixture (spec/fixtures/valid_result.csv),
# English columns only
DECIDIM_HEADER = [
    "id", "category/id", "category/name/en", "scope/id", "scope/name/en", "parent/id",
    "title/en", "description/en", "start_date", "end_date", "status/id", "status/key",
    "status/name/en", "progress", "created_at", "url", "component/id", "proposal_urls",
]  # fmt: skip


def validators() -> dict[str, jsonschema.Draft3Validator]:
    schemas = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in SCHEMAS.glob("*.json")}
    registry: Registry[Any] = Registry().with_resources(
        (s["id"], DRAFT3.create_resource(s)) for s in schemas.values()
    )
    return {name: jsonschema.Draft3Validator(schemas[name], registry=registry)
            for name in COLLECTIONS.values()}  # fmt: skip


@pytest.fixture
def published(loaded: Tracker, tmp_path: Path) -> Path:
    today = loaded.today()  # 2026-03-01, the tests' fixed today
    schedule_meeting(loaded, "supporting-families-board", today, title="March board")
    hold_meeting(loaded, "supporting-families-board", today,
                 attendees=["Kelly White", "Cllr Ann Example"])  # fmt: skip
    folder = tmp_path / "open"
    folder.mkdir()
    result = CliRunner().invoke(cli, ["opendata", "export", str(folder)])
    assert result.exit_code == 0, result.output
    assert "popolo.json" in result.output and "accountability.csv" in result.output
    return folder


def test_popolo_json_is_valid_against_the_published_schemas(published: Path) -> None:
    data = json.loads((published / "popolo.json").read_text(encoding="utf-8"))
    check = validators()
    for collection, schema in COLLECTIONS.items():
        assert data[collection], f"{collection} is empty"
        for item in data[collection]:
            errors = [e.message for e in check[schema].iter_errors(item)]
            assert errors == [], (collection, item, errors)
    # the validator does reject what the schema forbids
    assert list(check["motion"].iter_errors({"text": 5, "vote_events": "none"}))


def test_popolo_holds_the_boards_meetings_and_resolutions_with_outcomes(published: Path) -> None:
    data = json.loads((published / "popolo.json").read_text(encoding="utf-8"))
    orgs = {o["id"]: o for o in data["organizations"]}
    sfb = orgs["board/supporting-families-board"]
    assert sfb["name"] == "Supporting Families Board"
    assert sfb["parent_id"] in orgs  # the board tree
    event = next(e for e in data["events"] if e["name"] == "March board")
    assert event["start_date"] == "2026-03-01" and event["status"] == "completed"
    attended = {(m["person_id"], m["organization_id"]) for m in data["memberships"]
                if m["role"] == "attendee"}  # fmt: skip
    names = {p["id"]: p["name"] for p in data["persons"]}
    assert {names[p] for p, org in attended if org == sfb["id"]} >= {"Kelly White",
                                                                     "Cllr Ann Example"}  # fmt: skip
    motions = {m["id"]: m for m in data["motions"]}
    assert motions, "the shipped plan's resolutions"
    for vote in data["vote_events"]:
        motion = motions[vote["motion_id"]]
        assert vote["result"] == motion["result"] in ("pass", "noted")
        assert motion["legislative_session_id"] in {e["id"] for e in data["events"]}


def test_actions_csv_in_decidim_accountability_layout(published: Path, loaded: Tracker) -> None:
    raw = (published / "accountability.csv").read_text(encoding="utf-8")
    rows = list(csv.reader(raw.splitlines(), delimiter=";"))
    assert rows[0] == DECIDIM_HEADER
    records = list(csv.DictReader(raw.splitlines(), delimiter=";"))
    listing = CliRunner().invoke(cli, ["actions", "list", "--format", "json"])
    actions = {a["ref"]: a for a in json.loads(listing.output)}
    assert len(records) == len(actions) == 21
    by_ref = {r["description/en"].split(".")[0].removeprefix("Ref "): r for r in records}
    for ref, a in actions.items():
        r = by_ref[ref]
        assert r["title/en"] == a["title"]
        assert float(r["progress"]) == a["progress"]
        assert r["status/key"] == a["status"].replace(" ", "_")


def test_a_missing_folder_is_refused(loaded: Tracker, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["opendata", "export", str(tmp_path / "nowhere")])
    assert result.exit_code == 2
    assert "is not a folder" in result.output
