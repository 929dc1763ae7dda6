"""`tracker minutes import` on the five seed minutes, with what they hold written out by hand
from reading them; dry runs, JSON, re-imports and bad input."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from committee_helpers import COMMISSION, DATA, FIRST, SEEDS, Runner, counts
from sqlalchemy import select

from tracker.models import Board, FollowUp, Meeting, Person, Resolution
from tracker.services.context import Tracker


@dataclass(frozen=True)
class Seed:
    file: str
    committee: str
    date: str
    title: str
    resolutions: tuple[tuple[str, str, str], ...]  # number, kind, start of the verbatim text
    followups: tuple[tuple[str | None, str | None, str], ...]  # owner, resolution, start of text
    unsure_lines: tuple[int, ...] = ()
    person: str | None = None  # the person the first follow-up's owner matches


SEED_CASES = [
    Seed(
        "000_537f7f6ff1b5f961.txt", "Staffordshire scrutiny committee", "2022-03-07",
        "Draft Early Help Strategy",
        (("", "resolved", "That the new joint Early Help Strategy be welcomed and the "
          "Committee’s feedback help inform the strategies development."),),
        (),
    ),
    Seed(
        "001_53166ecafbfa617b.txt", COMMISSION, "2024-03-12",
        "Introduction to the Early Help Strategy",
        (("1", "resolved", "That the presentation on the introduction to Early Help be noted."),
         ("2", "resolved", "That the Assistant Director for Early Help provides members with "
          "specific data in relation to the number of schools with a dedicated family support "
          "worker available.")),
        (("Assistant Director for Early Help", "2", "provides members with specific data in "
          "relation to the number of schools with a dedicated family support worker available"),),
        person="assistant-director-early-help",
    ),
    Seed(
        "002_8f1d7ec8ff791ea0.txt", "Herefordshire Cabinet", "2016-07-21", "Early Help Strategy",
        (("a", "resolved", "The early help strategy 2016-18 be approved."),),
        (),
    ),
    Seed(
        "003_4bcb952e8a5ea98c.txt",
        "Children and Young People's Services Scrutiny Committee", "2023-06-15",
        "Early Help - Review of new service model",
        # "8.18 Resolved – That the Committee: 1. ... 5. ...": the list told apart by its item
        (("8.18 (1)", "resolved", "Welcomes the progress made as a result of the redesign"),
         ("8.18 (2)", "resolved", "Highlights the importance of a focus on the early "
          "identification"),
         ("8.18 (3)", "resolved", "Highlights the support for children with SEND"),
         ("8.18 (4)", "resolved", "Recognises that communication of the service is key"),
         ("8.18 (5)", "resolved", "Asks that the Committee is provided with the outcome of the "
          "planned work")),
        (("committee", "8.18 (2)", "consider how to monitor the reach to those children"),
         ("service", "8.18 (4)", "explore how they are ensuring there is a wide online diverse "
          "offer"),
         (None, "8.18 (5)", "the Committee is provided with the outcome of the planned work")),
        unsure_lines=(77,),  # resolution 8.18 (5) asks for something but names nobody
    ),
    Seed(
        "004_1f5950a0da7f72fb.txt", "Children's scrutiny committee", "2023-11-02",
        "Early Intervention & Help",
        (),
        (("DSU", None, "add a Family Hub Review to the long-term work plan"),
         ("Ann James", None, "come back to Committee with data of staff members/community "
          "practitioners who had been supported by Children’s Services")),
    ),
]  # fmt: skip


def flat(text: str) -> str:
    return " ".join(text.split())


def owner_key(owner: str | None) -> str | None:
    if owner is None:
        return None
    words = owner.lower().split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


@pytest.mark.seeds
@pytest.mark.parametrize("seed", SEED_CASES, ids=lambda s: s.file[:3])
def test_seed_minutes_import(committees: Tracker, run: Runner, seed: Seed) -> None:
    path = SEEDS / seed.file
    args = ("minutes", "import", path, "--committee", seed.committee, "--date", seed.date,
            "--create-committee")  # fmt: skip
    before = counts(committees)

    dry = run(*args, "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert counts(committees) == before  # a dry run stores nothing
    out = flat(dry.stdout)
    assert f"Item: {seed.title}" in out
    for _number, _kind, text in seed.resolutions:
        assert flat(text) in out
    if not seed.resolutions:
        assert "Resolutions: none found in this text" in out
    for _owner, _res, text in seed.followups:
        assert flat(text) in out
    for line in seed.unsure_lines:  # "line 77:" or, under an item, "line 77 (item 3):"
        assert re.search(rf"line {line}(?: \(item [^)]*\))?:", out), line
    if not seed.unsure_lines:
        assert "Not read with confidence: nothing." in out
    assert "Dry run: nothing was stored" in out

    done = run(*args)
    assert done.exit_code == 0, done.output
    assert "Recorded for" in done.stdout
    with committees.db.reading() as s:
        board = s.scalars(select(Board).where(Board.name == seed.committee)).one_or_none()
        board = board or s.scalars(select(Board).where(Board.code == seed.committee)).one()
        meeting = s.scalars(select(Meeting).where(Meeting.board_id == board.id)).one()
        assert meeting.date.isoformat() == seed.date
        assert meeting.status == "held"
        res = s.scalars(
            select(Resolution).where(Resolution.meeting_id == meeting.id)
            .order_by(Resolution.position)
        ).all()  # fmt: skip
        assert [(r.number, r.kind) for r in res] == [(n, k) for n, k, _ in seed.resolutions]
        for r, (_, _, text) in zip(res, seed.resolutions, strict=True):
            assert r.text.startswith(text)
            assert r.item_title == seed.title
        fus = s.scalars(
            select(FollowUp).where(FollowUp.meeting_id == meeting.id).order_by(FollowUp.position)
        ).all()
        assert len(fus) == len(seed.followups)
        by_id = {r.id: r.number for r in res}
        for f, (owner, number, text) in zip(fus, seed.followups, strict=True):
            assert owner_key(f.owner_text) == owner_key(owner)
            assert by_id.get(f.resolution_id) == number
            assert f.text.startswith(text)
            assert f.status == "open" and f.due is None
        if seed.person:
            person = s.get(Person, fus[0].owner_id)
            assert person is not None and person.code == seed.person
    after_first = counts(committees)

    again = run(*args)
    assert again.exit_code == 0, again.output
    assert "Nothing new" in again.stdout
    assert counts(committees) == after_first  # re-importing duplicates nothing


@pytest.mark.seeds
def test_json_is_the_documented_extraction(committees: Tracker, run: Runner) -> None:
    before = counts(committees)
    result = run("minutes", "import", SEEDS / "003_4bcb952e8a5ea98c.txt", "--committee",
                 COMMISSION, "--date", "2023-06-15", "--dry-run", "--format", "json")  # fmt: skip
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data) == ["title", "resolutions", "followups", "unsure"]
    assert data["title"] == "Early Help - Review of new service model"
    # the list under minute 8.18 told apart by it, as the import records it
    assert [r["number"] for r in data["resolutions"]] == [f"8.18 ({n})" for n in range(1, 6)]
    res_keys = {"number", "kind", "text", "item", "item_title", "line", "why"}
    assert all(set(r) == res_keys for r in data["resolutions"])
    # "8.18 Resolved – That the Committee:" numbers the decision; it is no item's title
    assert {r["item_title"] for r in data["resolutions"]} == {data["title"]}
    assert all(r["why"] == "" for r in data["resolutions"])  # all under RESOLVED: no "why"
    fu_keys = {"owner", "text", "resolution", "item", "line", "source", "due", "why"}
    assert all(set(f) == fu_keys for f in data["followups"])
    assert [f["resolution"] for f in data["followups"]] == ["8.18 (2)", "8.18 (4)", "8.18 (5)"]
    assert data["unsure"][0]["line"] == 77 and data["unsure"][0]["reason"]
    assert "Dry run: nothing was stored" in result.stderr
    assert counts(committees) == before


def test_json_without_dry_run_also_saves(committees: Tracker, run: Runner) -> None:
    result = run("minutes", "import", FIRST, "--committee", COMMISSION, "--date", "2026-01-20",
                 "--format", "json")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)["followups"]) == 2
    assert "Recorded for Improving Lives Select Commission, 2026-01-20" in result.stderr
    assert counts(committees)["followup"] == 2


def test_text_without_a_resolution_is_reported_not_refused(
    committees: Tracker, run: Runner
) -> None:
    before = counts(committees)
    result = run("minutes", "import", DATA / "no-resolution.txt", "--committee", "cabinet",
                 "--date", "2026-02-10")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Resolutions: none found in this text" in result.stdout
    assert "Follow-ups proposed: none." in result.stdout
    assert "Nothing to record" in result.stdout
    assert counts(committees) == before


def test_minutes_of_an_unseen_layout_show_why_each_was_taken_before_storing(
    committees: Tracker, run: Runner, tmp_path: Path
) -> None:
    page = tmp_path / "scrutiny.txt"
    page.write_text(
        "7.\n\nAnnual Scrutiny Report\n\nMembers discussed the report at length.\n\n"
        "It was moved by Councillor T Eynon, seconded by Councillor M Blair-Park, and\n\n\n\n"
        "1)    The report be received ahead of its submission to Council\n\n"
        "2)    Authority be delegated to the Chair to make final changes\n",
        encoding="utf-8",
    )
    before = counts(committees)
    result = run("minutes", "import", page, "--committee", "cabinet", "--date", "2026-02-10",
                 "--dry-run")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Resolutions (2):" in result.stdout
    assert "  7 (1)  resolved, item 7 Annual Scrutiny Report, line 11" in result.stdout
    assert "The report be received ahead of its submission to Council" in result.stdout
    assert "why: unlabelled list; after 'moved ..., seconded ... and'" in result.stdout
    assert counts(committees) == before

    # the JSON for other tools says the same: each candidate's item number and why
    as_json = run("minutes", "import", page, "--committee", "cabinet", "--date", "2026-02-10",
                  "--dry-run", "--format", "json")  # fmt: skip
    assert as_json.exit_code == 0, as_json.output
    data = json.loads(as_json.stdout)
    first = data["resolutions"][0]
    assert (first["item"], first["line"]) == ("7", 11)
    assert first["why"].startswith("unlabelled list; after 'moved ..., seconded ... and'")
    delegated = data["followups"][0]
    assert delegated["owner"] == "Chair" and delegated["item"] == "7"
    assert counts(committees) == before


def test_owner_matching_and_title_override(committees: Tracker, run: Runner) -> None:
    result = run("minutes", "import", FIRST, "--committee", "Improving Lives Select Commission",
                 "--date", "2026-01-20", "--title", "Six-month update")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "-> Kirsty Woodhead (Locality Manager) [kirsty-woodhead]" in flat(result.stdout)
    with committees.db.reading() as s:
        meeting = s.scalars(select(Meeting)).one()
        # --title is the agenda item's: the resolutions are filed under it; the meeting is the
        # committee's on that date (the page, an agenda item's, names no meeting)
        assert meeting.title == "Improving Lives Select Commission, 20 January 2026"
        assert set(s.scalars(select(Resolution.item_title))) == {"Six-month update"}
        owners = s.execute(
            select(FollowUp.owner_text, Person.code)
            .outerjoin(Person, FollowUp.owner_id == Person.id)
            .order_by(FollowUp.position)
        ).all()
    assert [tuple(o) for o in owners] == [
        ("Assistant Director for Early Help", "assistant-director-early-help"),
        ("Locality Manager", "kirsty-woodhead"),
    ]


@pytest.mark.seeds
def test_second_item_of_the_same_meeting_joins_it(committees: Tracker, run: Runner) -> None:
    for path in (FIRST, SEEDS / "001_53166ecafbfa617b.txt"):
        result = run("minutes", "import", path, "--committee", COMMISSION, "--date", "2026-01-20")
        assert result.exit_code == 0, result.output
    assert "existing meeting" in result.stdout
    c = counts(committees)
    assert (c["meeting"], c["resolution"], c["followup"]) == (1, 4, 3)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "empty"),
        (b"   \n\n  \t\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 20, "binary"),
        # hostile pages of some size: refused by name, not crashed on
        (b" \n\t\n" * 50_000, "empty"),
        (bytes(range(256)) * 800, "binary"),
        (b"RESOLVED: That the plan be approved.\x00\n" * 2_000, "nul bytes"),
    ],
    ids=["empty", "blank", "binary", "only whitespace", "binary junk", "NUL bytes"],
)
def test_unreadable_file_is_refused(
    committees: Tracker, run: Runner, tmp_path: Path, content: bytes, expected: str
) -> None:
    path = tmp_path / "minutes.txt"
    path.write_bytes(content)
    before = counts(committees)
    result = run("minutes", "import", path, "--committee", COMMISSION, "--date", "2026-01-20")
    assert result.exit_code == 2
    assert "refused, nothing was changed" in result.stderr
    assert "minutes.txt" in result.stderr
    assert expected in result.stderr.lower()
    assert counts(committees) == before


def test_missing_file_is_refused(committees: Tracker, run: Runner, tmp_path: Path) -> None:
    result = run("minutes", "import", tmp_path / "nope.txt", "--committee", COMMISSION,
                 "--date", "2026-01-20")  # fmt: skip
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_unknown_committee_is_refused_with_the_list(committees: Tracker, run: Runner) -> None:
    before = counts(committees)
    result = run("minutes", "import", FIRST, "--committee", "Scrutiny Board", "--date",
                 "2026-01-20")  # fmt: skip
    assert result.exit_code == 2
    assert "no committee called 'Scrutiny Board'" in result.stderr
    assert "--create-committee" in result.stderr
    assert f"cabinet, {COMMISSION}" in result.stderr
    assert counts(committees) == before
    # the same with --dry-run: refused before anything is shown as if it would work
    dry = run("minutes", "import", FIRST, "--committee", "Scrutiny Board", "--date",
              "2026-01-20", "--dry-run")  # fmt: skip
    assert dry.exit_code == 2 and counts(committees) == before


def test_create_committee(committees: Tracker, run: Runner) -> None:
    result = run("minutes", "import", FIRST, "--committee", "Children's Scrutiny Committee",
                 "--date", "2026-01-20", "--create-committee")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "committee created" in result.stdout
    with committees.db.reading() as s:
        board = s.scalars(select(Board).where(Board.code == "childrens-scrutiny-committee")).one()
        assert (board.name, board.kind) == ("Children's Scrutiny Committee", "committee")


@pytest.mark.parametrize("date", ["12/03/2024", "2024-13-01", "tomorrow", ""])
def test_date_in_the_wrong_format_is_refused(committees: Tracker, run: Runner, date: str) -> None:
    before = counts(committees)
    result = run("minutes", "import", FIRST, "--committee", COMMISSION, "--date", date)
    assert result.exit_code == 2
    assert "date:" in result.stderr and "YYYY-MM-DD" in result.stderr
    assert counts(committees) == before


def test_help_has_examples(run: Runner) -> None:
    for args in (("minutes", "import"), ("followups", "list"), ("followups", "update"),
                 ("followups", "close"), ("followups", "arising"), ("followups", "show"),
                 ("resolutions", "list"), ("calendar", "export")):  # fmt: skip
        result = run(*args, "--help")
        assert result.exit_code == 0
        assert "Examples:" in result.stdout, args


def test_due_dates_read_from_the_minutes_are_kept(committees: Tracker, run: Runner) -> None:
    """`AGREED`, an `ACTION:` line with a date and an action table: the dates read with
    confidence become due dates, and one already past is flagged overdue."""
    result = run("minutes", "import", DATA / "board-agreed-actions.txt", "--committee",
                 "supporting-families-board", "--date", "2026-01-15")  # fmt: skip
    assert result.exit_code == 0, result.output
    out = flat(result.stdout)
    assert "5 agreed, item 5 Family Hubs delivery, line 5" in out  # numbered by its item
    # "Item 5 Family Hubs delivery" heads the page: the follow-up is minuted under item 5
    assert "owner: Head of Early Help, due 2026-03-31 (action-line, item 5, line 7)" in out
    assert "-> Kirsty Woodhead (Locality Manager) [kirsty-woodhead], due 2026-01-30" in out
    listed = run("followups", "list", "--committee", "Supporting Families Board",
                 "--format", "json")  # fmt: skip
    rows = json.loads(listed.stdout)
    assert [(r["owner"], r["due"], r["overdue"]) for r in rows] == [
        ("Head of Early Help", "2026-03-31", False),
        ("Kirsty Woodhead (Locality Manager)", "2026-01-30", True),
        ("Head of Service", "2026-05-31", False),
    ]


def test_an_action_logs_rows_and_the_resolution_after_them_as_a_user_sees_them(
    committees: Tracker, run: Runner, tmp_path: Path
) -> None:
    """Three header-less " / " rows and a RESOLVED line: the resolution is under no item (not
    the last row's "3"), each row keeps its owner, and its due cell is the due date when it is
    a full date, else kept in the task's text as written ("March" is no day)."""
    page = tmp_path / "actions.txt"
    page.write_text(
        "1 / Circulate the revised plan to members / JS / March\n"
        "2 / Book the venue for the annual meeting / Clerk / 31/03/2027\n"
        "3 / Report on the play area inspection / AB/CD / TBC\n"
        "RESOLVED that the budget be approved.\n",
        encoding="utf-8",
    )
    before = counts(committees)
    result = run("minutes", "import", page, "--committee", "cabinet", "--date", "2026-12-01",
                 "--dry-run", "--format", "json")  # fmt: skip
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [(r["item"], r["text"]) for r in data["resolutions"]] == [
        ("", "that the budget be approved.")
    ]
    assert [(f["owner"], f["text"], f["due"], f["item"]) for f in data["followups"]] == [
        ("JS", "Circulate the revised plan to members (due: March)", None, ""),
        ("Clerk", "Book the venue for the annual meeting", "2027-03-31", ""),
        ("AB/CD", "Report on the play area inspection (due: TBC)", None, ""),
    ]
    assert counts(committees) == before
