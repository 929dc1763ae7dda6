"""Owners' e-mail addresses live with the people in the plan file (where chasers go)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tracker.errors import InvalidInput
from tracker.plans import load_plan
from tracker.services.plans import validate_plan

PLAN = Path(__file__).parents[2] / "plans" / "early-help-2024-2029.yaml"


def _with_email(tmp_path: Path, address: object) -> Path:
    doc = yaml.safe_load(PLAN.read_text(encoding="utf-8"))
    doc["people"][0]["email"] = address
    path = tmp_path / "plan.yaml"
    path.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def test_a_person_may_have_an_email_address(tmp_path: Path) -> None:
    doc = load_plan(_with_email(tmp_path, "kelly.white@rotherham.gov.uk"))
    assert doc.doc.people[0].email == "kelly.white@rotherham.gov.uk"


@pytest.mark.parametrize("address", ["kelly white at rotherham", "kelly@localhost", 42])
def test_an_address_that_is_not_one_is_refused_naming_the_field(
    tmp_path: Path, address: object
) -> None:
    path = _with_email(tmp_path, address)
    with pytest.raises(InvalidInput) as caught:
        validate_plan(path)
    [problem] = caught.value.problems
    assert problem.field.endswith("people[0].email") or "email" in problem.field
    assert problem.file == str(path) and problem.line is not None
