"""The five real minutes in /work/shared/seeds, read by hand and compared field by field."""

from __future__ import annotations

from pathlib import Path

import pytest

from tracker.minutes import parse_minutes, read_minutes_file

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"

pytestmark = pytest.mark.skipif(
    not SEEDS.is_dir(), reason=f"seed minutes folder {SEEDS} is missing"
)


def _parse(name: str):
    path = SEEDS / name
    if not path.is_file():
        pytest.skip(f"seed file {path} is missing")
    return parse_minutes(read_minutes_file(path))


def _res(extraction):
    return [(r.number, r.kind, r.text) for r in extraction.resolutions]


def _fus(extraction):
    return [(f.owner, f.text, f.resolution, f.source) for f in extraction.followups]


def test_seed_000_staffordshire_single_resolved():
    e = _parse("000_537f7f6ff1b5f961.txt")
    assert e.title == "Draft Early Help Strategy"
    assert _res(e) == [
        (
            "",
            "resolved",
            "That the new joint Early Help Strategy be welcomed and the Committee\u2019s "
            "feedback help inform the strategies development.",
        )
    ]
    assert e.resolutions[0].line == 61
    assert _fus(e) == []
    # "Members noted that ..." and "the agreed direction of travel" are prose, not decisions
    assert e.unsure == ()


def test_seed_001_rotherham_two_numbered_resolutions_one_followup():
    e = _parse("001_53166ecafbfa617b.txt")
    assert e.title == "Introduction to the Early Help Strategy"
    assert _res(e) == [
        ("1", "resolved", "That the presentation on the introduction to Early Help be noted."),
        (
            "2",
            "resolved",
            "That the Assistant Director for Early Help provides members with specific data "
            "in relation to the number of schools with a dedicated family support worker "
            "available.",
        ),
    ]
    assert [r.line for r in e.resolutions] == [209, 211]
    assert _fus(e) == [
        (
            "Assistant Director for Early Help",
            "provides members with specific data in relation to the number of schools with a "
            "dedicated family support worker available.",
            "2",
            "resolution",
        )
    ]
    assert e.followups[0].line == 211
    assert e.followups[0].due is None
    # the many "?"/"·" bullets of the presentation are not resolutions
    assert e.unsure == ()


def test_seed_002_herefordshire_lettered_item():
    e = _parse("002_8f1d7ec8ff791ea0.txt")
    assert e.title == "Early Help Strategy"
    assert _res(e) == [("a", "resolved", "The early help strategy 2016-18 be approved.")]
    assert e.resolutions[0].line == 79
    assert _fus(e) == []
    assert e.unsure == ()


def test_seed_003_west_sussex_committee_intro_and_five_items():
    e = _parse("003_4bcb952e8a5ea98c.txt")
    assert e.title == "Early Help - Review of new service model"
    assert _res(e) == [
        (
            "1",
            "resolved",
            "Welcomes the progress made as a result of the redesign and particularly note the "
            "good work of the work of the Dedicated Schools Teams.",
        ),
        (
            "2",
            "resolved",
            "Highlights the importance of a focus on the early identification of pre-school "
            "age children and those not in school and the Committee will consider how to "
            "monitor the reach to those children.",
        ),
        (
            "3",
            "resolved",
            "Highlights the support for children with SEND and the importance for Early Help "
            "and SEND services to work together to support those children accessing both "
            "services.",
        ),
        (
            "4",
            "resolved",
            "Recognises that communication of the service is key to make sure families know "
            "where and how to access the service, welcomes the work being planned to widen the "
            "social media reach and asks the service to explore how they are ensuring there is "
            "a wide online diverse offer.",
        ),
        (
            "5",
            "resolved",
            "Asks that the Committee is provided with the outcome of the planned work to gain "
            "feedback from children and families using the service.",
        ),
    ]
    assert [r.line for r in e.resolutions] == [65, 68, 71, 74, 77]
    # owners read from resolutions are written as names: "the Committee" -> "Committee",
    # "the service" -> "Service"; the Committee considering something later is its work plan
    assert _fus(e) == [
        ("Committee", "consider how to monitor the reach to those children.", "2", "resolution"),
        (
            "Service",
            "explore how they are ensuring there is a wide online diverse offer.",
            "4",
            "resolution",
        ),
        (
            "",
            "the Committee is provided with the outcome of the planned work to gain feedback "
            "from children and families using the service.",
            "5",
            "resolution",
        ),
    ]
    # the owner-less request of item 5 is flagged; the numbered paragraphs 8.1-8.17 are not
    assert [(u.line, u.text) for u in e.unsure] == [(77, e.resolutions[4].text)]
    assert "no" in e.unsure[0].reason and "owner" in e.unsure[0].reason


def test_seed_004_action_lines_and_no_resolution():
    e = _parse("004_1f5950a0da7f72fb.txt")
    assert e.title == "Early Intervention & Help"
    assert e.resolutions == ()
    assert _fus(e) == [
        ("DSU", "add a Family Hub Review to the long-term work plan.", None, "action-line"),
        (
            "Ann James",
            "come back to Committee with data of staff members/community practitioners who had "
            "been supported by Children\u2019s Services or were from the community they were "
            "supporting.",
            None,
            "action-line",
        ),
    ]
    assert [f.line for f in e.followups] == [20, 26]
    assert e.unsure == ()


@pytest.mark.parametrize(
    "name", sorted(p.name for p in SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
)
def test_seed_survives_crlf_and_cp1252(tmp_path, name):
    """The same minutes saved with Windows line ends in cp1252 read the same."""
    original = _parse(name)
    text = (SEEDS / name).read_text(encoding="utf-8")
    target = tmp_path / name
    target.write_bytes(text.replace("\n", "\r\n").encode("cp1252", errors="replace"))
    again = parse_minutes(read_minutes_file(target))
    assert _res(again) == _res(original)
    assert _fus(again) == _fus(original)
    assert again.title == original.title
