"""What the `tracker actions` CLI tests share: the register plan (tests/data/plans/register.yaml)
and its refs, a command run as a user types it, and its JSON read back."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result

from tracker.cli import cli

REGISTER = Path(__file__).parent / "data" / "plans" / "register.yaml"
ALL = ["A-01", "A-02", "A-03", "A-04", "A-05", "A-06", "A-07", "A-08"]


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def refs(*args: str) -> list[str]:
    result = run("actions", "list", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    return [row["ref"] for row in json.loads(result.stdout)]


def show_json(ref: str) -> dict[str, object]:
    result = run("actions", "show", ref, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]
