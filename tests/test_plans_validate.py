"""Validating plan files (no database): every problem, with file, line, column, field, allowed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from tracker.errors import InvalidInput, Problem
from tracker.plans import canonical_text, dump_plan, load_plan
from tracker.plans.writer import board_order, ref_key
from tracker.services.plans import validate_plan

DATA = Path(__file__).parent / "data" / "plans"
SMALL = DATA / "small.yaml"
SHIPPED = Path(__file__).resolve().parents[1] / "plans" / "early-help-2024-2029.yaml"
CASES: list[dict[str, Any]] = yaml.safe_load((DATA / "bad-cases.yaml").read_text("utf-8"))


def edited(tmp_path: Path, case: dict[str, Any]) -> tuple[Path, str]:
    text = SMALL.read_text("utf-8")
    for old, new in case["edits"]:
        assert text.count(old) == 1, f"{case['name']}: {old!r} must occur once in small.yaml"
        text = text.replace(old, new)
    path = tmp_path / f"{case['name']}.yaml"
    path.write_text(text, encoding="utf-8")
    return path, text


def position(text: str, needle: str) -> tuple[int, int]:
    index = text.index(needle)
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


def problems_of(path: Path) -> list[Problem]:
    with pytest.raises(InvalidInput) as info:
        validate_plan(path)
    return info.value.problems


def test_small_plan_is_valid() -> None:
    summary = validate_plan(SMALL)
    assert summary.strategy == "Test Strategy 2024-2029"
    assert (summary.start_year, summary.end_year) == (2024, 2029)
    assert summary.actions == 4
    assert dict(summary.counts) == {
        "organisations": 2, "people": 3, "boards": 4, "phases": 3, "stages": 2, "commitments": 2,
        "outcomes": 3, "indicators": 1, "readings": 2, "actions": 4, "updates": 2, "meetings": 2,
        "resolutions": 2, "followups": 2,
    }  # fmt: skip


def test_shipped_plan_is_valid() -> None:
    if not SHIPPED.exists():
        pytest.skip("the shipped plan is not written yet")
    summary = validate_plan(SHIPPED)
    assert summary.strategy == "Early Help Strategy 2024-2029"
    assert summary.actions > 0


def test_dates_as_date_objects_and_iso_strings_both_accepted() -> None:
    doc = load_plan(SMALL).doc
    by_ref = {a.ref: a for a in doc.actions}
    # unquoted (a YAML date) and quoted (an ISO string) dates and timestamps
    assert by_ref["P1-01"].start == dt.date(2024, 1, 15)  # "2024-01-15"
    assert by_ref["P1-01"].due == dt.date(2024, 12, 31)  # 2024-12-31
    ats = [u.at for u in by_ref["P1-02"].updates]
    assert ats == [dt.datetime(2024, 6, 1, 9, 0), dt.datetime(2025, 2, 3, 10, 0)]
    # `number: 1` (an int in YAML) is the resolution number "1"
    assert [r.number for r in doc.meetings[0].resolutions] == ["1", "2"]


def test_timestamp_with_offset_is_stored_as_utc(tmp_path: Path) -> None:
    text = SMALL.read_text("utf-8").replace(
        "- at: 2024-06-01T09:00:00", "- at: 2024-06-01T10:00:00+01:00"
    )
    path = tmp_path / "offset.yaml"
    path.write_text(text, encoding="utf-8")
    doc = load_plan(path).doc
    assert doc.actions[0].updates[0].at == dt.datetime(2024, 6, 1, 9, 0)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_bad_plan_names_field_line_column_and_allowed(tmp_path: Path, case: dict[str, Any]) -> None:
    path, text = edited(tmp_path, case)
    problems = problems_of(path)
    line, column = position(text, case["at"])
    matching = [p for p in problems if p.field == case["field"] and case["message"] in p.message]
    assert matching, f"no {case['field']}: {case['message']} in {[str(p) for p in problems]}"
    problem = matching[0]
    assert (problem.file, problem.line, problem.column) == (str(path), line, column)
    if "allowed" in case:
        assert problem.allowed is not None and case["allowed"] in problem.allowed
    assert str(problem).startswith(f"{path}:{line}:{column}: {case['field']}: ")


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    text = SMALL.read_text("utf-8")
    applied = 0
    for case in CASES:
        if all(text.count(old) == 1 for old, _ in case["edits"]):
            for old, new in case["edits"]:
                text = text.replace(old, new)
            applied += 1
    path = tmp_path / "everything-wrong.yaml"
    path.write_text(text, encoding="utf-8")
    problems = problems_of(path)
    assert applied > 25
    assert len(problems) >= applied
    lines = [p.line or 0 for p in problems]
    assert lines == sorted(lines)  # in the order of the file


def test_yaml_syntax_error_has_line_and_column() -> None:
    [problem] = problems_of(DATA / "syntax-error.yaml")
    assert (problem.line, problem.column) == (5, 8)
    assert problem.message.startswith("YAML syntax error: did not find expected ',' or '}'")
    assert "line 4, column 11" in problem.message  # where the unclosed mapping starts


def test_tab_indentation_is_a_syntax_error(tmp_path: Path) -> None:
    path = tmp_path / "tabs.yaml"
    path.write_text("schema: tracker-plan/1\nstrategy:\n\ttitle: x\n", encoding="utf-8")
    [problem] = problems_of(path)
    assert problem.line == 3 and "YAML" in problem.message


def test_file_that_is_not_utf8() -> None:
    [problem] = problems_of(DATA / "not-utf8.yaml")
    assert (problem.line, problem.column) == (3, 13)
    assert "not UTF-8" in problem.message and "0xe9" in problem.message


@pytest.mark.parametrize("name", ["empty.yaml", "comments-only.yaml"])
def test_empty_file(name: str) -> None:
    [problem] = problems_of(DATA / name)
    assert "empty" in problem.message
    assert problem.file == str(DATA / name)


def test_whitespace_only_file_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "blank.yaml"
    path.write_text("\n   \n", encoding="utf-8")
    [problem] = problems_of(path)
    assert problem.message == "the file is empty"


def test_missing_file() -> None:
    [problem] = problems_of(DATA / "no-such-plan.yaml")
    assert problem.message == "file not found"


def test_top_level_must_be_a_mapping(tmp_path: Path) -> None:
    path = tmp_path / "list.yaml"
    path.write_text("- schema: tracker-plan/1\n", encoding="utf-8")
    [problem] = problems_of(path)
    assert problem.message == "expected a mapping of fields, got a list"
    assert problem.allowed is not None and problem.allowed.startswith("schema, strategy")
    assert (problem.line, problem.column) == (1, 1)


def test_missing_schema_and_strategy(tmp_path: Path) -> None:
    path = tmp_path / "bare.yaml"
    path.write_text("actions: []\n", encoding="utf-8")
    fields = sorted((p.field, p.message) for p in problems_of(path))
    assert fields == [
        ("schema", "required field is missing"),
        ("strategy", "required field is missing"),
    ]


def test_unknown_top_level_section_lists_the_allowed_ones(tmp_path: Path) -> None:
    path = tmp_path / "extra.yaml"
    path.write_text(SMALL.read_text("utf-8") + "risks: []\n", encoding="utf-8")
    [problem] = problems_of(path)
    assert problem.field == "risks"
    assert problem.message == "unknown field 'risks'"
    assert problem.allowed == (
        "schema, strategy, organisations, people, boards, phases, stages, outcomes, "
        "indicators, actions, meetings, access"
    )


def test_long_dependency_chain_is_not_a_cycle(tmp_path: Path) -> None:
    lines = [
        "schema: tracker-plan/1",
        "strategy: {title: Chain, period: {start: 2024, end: 2029}}",
        "phases: [{number: 1}]",
        "actions:",
    ]
    for i in range(3000):  # deeper than Python's recursion limit
        deps = f"[A-{i - 1:04d}]" if i else "[]"
        lines.append(f"  - {{ref: A-{i:04d}, title: step {i}, phase: 1, depends_on: {deps}}}")
    path = tmp_path / "chain.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert validate_plan(path).actions == 3000
    # close the chain: one cycle through all 3000, reported once
    path.write_text(
        path.read_text("utf-8").replace("A-0000, title: step 0, phase: 1, depends_on: []",
                                        "A-0000, title: step 0, phase: 1, depends_on: [A-2999]"),
        encoding="utf-8",
    )  # fmt: skip
    [problem] = problems_of(path)
    assert problem.message.startswith("dependency cycle: A-0000 -> A-2999 -> A-2998")
    assert problem.message.endswith("A-0001 -> A-0000")


def test_canonical_form_is_stable() -> None:
    text = canonical_text(SMALL)
    doc = load_plan(SMALL).doc
    assert dump_plan(doc) == text
    # the canonical form of the canonical form is itself
    assert yaml.safe_load(text)["schema"] == "tracker-plan/1"
    assert [a["ref"] for a in yaml.safe_load(text)["actions"]] == [
        "P1-01", "P1-02", "P2-01", "P10-01",
    ]  # fmt: skip


def test_canonical_form_of_canonical_text_is_identical(tmp_path: Path) -> None:
    path = tmp_path / "canonical.yaml"
    path.write_text(canonical_text(SMALL), encoding="utf-8")
    assert canonical_text(path) == path.read_text("utf-8")


def test_canonical_order_and_style() -> None:
    text = canonical_text(SMALL)
    data = yaml.safe_load(text)
    assert list(data) == [
        "schema", "strategy", "organisations", "people", "boards", "phases", "stages",
        "outcomes", "indicators", "actions", "meetings",
    ]  # fmt: skip
    assert [b["code"] for b in data["boards"]] == [
        "scrutiny", "top-board", "families-board", "locality-board",
    ]  # fmt: skip
    assert [p["code"] for p in data["people"]] == ["ad-early-help", "inspector", "pm"]
    p10 = data["actions"][-1]
    assert list(p10) == [
        "ref", "title", "description", "phase", "stage", "outcomes", "board", "owner",
        "lead_organisation", "start", "due", "status", "rag", "progress", "depends_on", "updates",
    ]  # fmt: skip
    assert p10["description"] is None and p10["status"] == "not started"
    assert "  description: |\n    A description over\n    two lines.\n" in text
    assert "at: 2025-02-03T10:00:00\n" in text
    assert "\n\nactions:\n" in text  # a blank line between sections
    assert data["actions"][1]["outcomes"] == ["early-years", "health"]  # in outcome order
    assert data["actions"][2]["depends_on"] == ["P1-01", "P1-02"]
    assert (
        data["indicators"][0]["target"] == 75
        and data["indicators"][0]["readings"][0]["value"] == 62.5
    )


def test_ref_order_compares_numbers_as_numbers() -> None:
    refs = ["P10-01", "P2-01", "P1-10", "P1-02", "X"]
    assert sorted(refs, key=ref_key) == ["P1-02", "P1-10", "P2-01", "P10-01", "X"]


def test_board_order_is_parents_first() -> None:
    doc = load_plan(SMALL).doc
    codes = [b.code for b in board_order(doc.boards)]
    for board in doc.boards:
        if board.parent:
            assert codes.index(board.parent) < codes.index(board.code)


def test_a_key_given_twice_is_refused_where_it_repeats(tmp_path: Path) -> None:
    text = SMALL.read_text("utf-8").replace(
        "    title: Build the roadmap\n",
        "    title: Build the roadmap\n    title: Build the other roadmap\n",
    )
    path = tmp_path / "twice.yaml"
    path.write_text(text, encoding="utf-8")
    [problem] = problems_of(path)
    line, column = position(text, "title: Build the other roadmap")
    assert (problem.file, problem.line, problem.column) == (str(path), line, column)
    assert f"'title' is given twice in one mapping (first at line {line - 1}, column 5)" in (
        problem.message
    )
