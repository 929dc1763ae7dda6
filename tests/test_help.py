"""Every command explains itself: help text and examples, for the groups there are today and
the ones added later (the walk follows COMMANDS and each group's own list)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from tracker.cli import COMMANDS, cli

ROOT = Path(__file__).resolve().parents[1]


def walk(
    command: click.Command, path: tuple[str, ...], ctx: click.Context
) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    yield path, command
    if isinstance(command, click.Group):
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            assert sub is not None, f"{' '.join(path)} lists {name!r} but cannot load it"
            yield from walk(sub, (*path, name), click.Context(sub, parent=ctx, info_name=name))


def all_commands() -> list[tuple[tuple[str, ...], click.Command]]:
    root = click.Context(cli, info_name="tracker")
    return list(walk(cli, (), root))


def test_tracker_help_lists_every_command() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    commands = result.output.split("Commands:", 1)[1]
    for name, (_, _, summary) in COMMANDS.items():
        assert f"  {name} " in commands, name
        assert summary.split()[0] in commands
    assert "Examples:" in result.output


def test_the_walk_finds_every_registered_command() -> None:
    found = {path[0] for path, _ in all_commands() if path}
    assert found == set(COMMANDS)
    names = {" ".join(path) for path, _ in all_commands()}
    for expected in ("init", "db upgrade", "db current", "actions list", "actions show",
                     "actions update", "app"):  # fmt: skip
        assert expected in names


@pytest.mark.parametrize(
    "path", [path for path, _ in all_commands()], ids=lambda p: " ".join(p) or "tracker"
)
def test_every_command_has_help_and_an_example(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(cli, [*path, "--help"], prog_name="tracker")
    where = " ".join(("tracker", *path))
    assert result.exit_code == 0, f"{where} --help: {result.output}"
    command = dict(all_commands())[path]
    assert (command.help or "").strip(), f"{where} has no help text"
    assert "Example" in result.output, f"{where} --help shows no example"
    assert "Usage: tracker" in result.output


def test_python_dash_m_tracker_help() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tracker", "--help"],
        capture_output=True, text=True, cwd=ROOT, timeout=60, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Usage: ")
    for name in COMMANDS:
        assert f"  {name} " in done.stdout
