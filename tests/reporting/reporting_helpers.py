"""Shared by the reporting-cycle tests: the plan file and the CLI runner."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from tracker.cli import cli

PLAN = Path(__file__).parents[1] / "data" / "plans" / "reporting.yaml"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))
