"""A plan read ahead (parsed in a thread while the command loads the database code) gives what
reading it in line gives: the same plan, the same refusal with its line and column. And the plan
reader loads without SQLAlchemy, which is what lets the parse start before it."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tracker.errors import InvalidInput
from tracker.plans import dump_plan, load_plan, read_ahead

DATA = Path(__file__).parent / "data" / "plans"
ROOT = Path(__file__).resolve().parents[1]


def _refusal(path: Path, ahead: bool) -> list[str]:
    with pytest.raises(InvalidInput) as caught:
        if ahead:
            with read_ahead([path]) as ready:
                load_plan(path, ahead=ready.get(str(path)))
        else:
            load_plan(path)
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize(
    "name", ["small.yaml", "register.yaml", "reporting.yaml", "app.yaml"]
)  # fmt: skip
def test_a_plan_read_ahead_is_the_plan_read_in_line(name: str) -> None:
    path = DATA / name
    with read_ahead([path]) as ready:
        ahead = load_plan(path, ahead=ready.get(str(path)))
    assert dump_plan(ahead.doc) == dump_plan(load_plan(path).doc)
    assert ahead.text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "name",
    ["bad-cases.yaml", "repeated-key.yaml", "syntax-error.yaml", "not-utf8.yaml",
     "empty.yaml", "comments-only.yaml", "no-such-file.yaml"],
)  # fmt: skip
def test_a_refusal_read_ahead_names_the_same_lines(name: str) -> None:
    path = DATA / name
    problems = _refusal(path, ahead=True)
    assert problems == _refusal(path, ahead=False)
    assert all(str(path) in p for p in problems)
    if name in ("repeated-key.yaml", "syntax-error.yaml", "bad-cases.yaml"):
        assert all(f"{path}:" in p and p.split(":")[1].isdigit() for p in problems)


def test_what_yaml_rs_cannot_promise_is_read_by_pyyaml_as_before(tmp_path: Path) -> None:
    text = (DATA / "small.yaml").read_text(encoding="utf-8")
    # `title: yes` is text to yaml-rs (YAML 1.2) and true to PyYAML: refused, with its line
    path = tmp_path / "yes.yaml"
    path.write_text(text.replace("title: ", "title: yes #", 1), encoding="utf-8")
    problems = _refusal(path, ahead=True)
    assert problems == _refusal(path, ahead=False)
    assert any("strategy.title" in p for p in problems)


def test_the_plan_reader_loads_without_sqlalchemy() -> None:
    probe = (
        "import sys\n"
        "from tracker.plans import load_plan, read_ahead\n"
        f"load_plan({str(DATA / 'small.yaml')!r})\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stdout.strip() == "[]"


def test_a_plan_read_ahead_twice_is_read_again_the_second_time() -> None:
    path = DATA / "small.yaml"
    with read_ahead([path]) as ready:
        first = load_plan(path, ahead=ready.get(str(path)))
        second = load_plan(path, ahead=ready.get(str(path)))  # the first took the parsed data
    assert dump_plan(first.doc) == dump_plan(second.doc)


def test_a_pipe_is_not_read_ahead(tmp_path: Path) -> None:
    """A command that stops before loading the plan (no database) must not wait on a pipe
    nobody writes to: only regular files are read ahead."""
    pipe = tmp_path / "plan.pipe"
    os.mkfifo(pipe)
    with read_ahead([pipe, DATA / "small.yaml"]) as ready:
        names = list(ready)
        # were it read ahead, its reader would block: give it an end of file so the test ends
        for _ in range(50):
            try:
                os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))
                break
            except OSError:  # no reader on the pipe, as it should be
                time.sleep(0.01)
    assert names == [str(DATA / "small.yaml")]
