"""A user's paper template that would run for ever or build something enormous is refused with
a clear message naming the template (exit 2), and no file is written. On SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from papers_helpers import SFB, run

from tracker.services.context import Tracker

HEADER = "{# paper: highlight #}\n"


@pytest.fixture
def templates(loaded: Tracker, settings_file: Path) -> Path:
    # a small time limit: the endless loop below is refused sooner (the default is 10 s)
    text = settings_file.read_text(encoding="utf-8")
    settings_file.write_text(text.replace("[papers]\n", "[papers]\ntime_limit = 0.5\n"), "utf-8")
    folder = loaded.settings.templates
    assert folder is not None
    folder.mkdir()
    return folder


CASES = {
    "nested loops": (
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
        "took longer than 0.5 seconds (papers.time_limit",
    ),
    "nested loops printing": (
        "{% for i in range(100000) %}{% for j in range(100000) %}{{ j }}{% endfor %}{% endfor %}",
        "papers.",  # the time or the size limit, whichever comes first
    ),
    "a huge string": ('{{ "x" * 10**10 }}', "longer than 5,000,000 characters"),
    "a huge list": ("{{ ([1] * 10**9)|length }}", "longer than 5,000,000 characters"),
    "a doubling string": (
        '{% set ns = namespace(s="xx") %}{% for i in range(64) %}'
        "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}",
        "longer than 5,000,000 characters",
    ),
    "a huge number": ("{{ 2 ** 1000000000 }}", "too large a number"),
    "a padding filter": ('{{ "x"|center(10**10) }}', "longer than 5,000,000 characters"),
    "a padding method": ('{{ "x".ljust(10**10) }}', "longer than 5,000,000 characters"),
    "a format width": ('{{ "%10000000000d" % 1 }}', "longer than 5,000,000 characters"),
}


@pytest.mark.parametrize(("body", "said"), CASES.values(), ids=CASES.keys())
def test_a_runaway_template_is_refused_naming_it(
    templates: Path, tmp_path: Path, body: str, said: str
) -> None:
    (templates / "highlight.md.j2").write_text(HEADER + body + "\n", encoding="utf-8")
    target = tmp_path / "paper.md"
    result = run("paper", "render", "highlight", "--board", SFB, "--out", target)
    assert result.exit_code == 2, result.output
    assert "highlight.md.j2" in result.output
    assert said in result.output
    assert "Traceback" not in result.output
    assert not target.exists()


def test_a_recursive_macro_is_refused_as_one(
    templates: Path, settings_file: Path, tmp_path: Path
) -> None:
    # A generous time limit, so the recursion is what stops it: on a loaded machine the
    # fixture's 0.5 s came first once (CI, 2026-12-06), and the message named the time instead.
    text = settings_file.read_text(encoding="utf-8")
    assert "time_limit = 0.5" in text
    settings_file.write_text(text.replace("time_limit = 0.5", "time_limit = 60"), "utf-8")
    (templates / "highlight.md.j2").write_text(
        HEADER + "{% macro down(n) %}{{ down(n + 1) }}{% endmacro %}{{ down(0) }}\n",
        encoding="utf-8",
    )
    target = tmp_path / "paper.md"
    result = run("paper", "render", "highlight", "--board", SFB, "--out", target)
    assert result.exit_code == 2, result.output
    assert "highlight.md.j2" in result.output
    assert "calls itself without end" in result.output
    assert "Traceback" not in result.output
    assert not target.exists()


def test_ordinary_templates_still_render(templates: Path, tmp_path: Path) -> None:
    (templates / "highlight.md.j2").write_text(
        HEADER + "{% for i in range(3) %}{{ i }}{{ '-' * 3 }}{% endfor %} {{ 2 ** 10 }}"
        " {{ 'a' ~ 'b' }} {{ 'x'|center(5) }}|\n",
        encoding="utf-8",
    )
    target = tmp_path / "paper.md"
    result = run("paper", "render", "highlight", "--board", SFB, "--out", target)
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8") == "0\\---1\\---2\\--- 1024 ab   x  |\n"


@pytest.mark.parametrize("value", ["0", "-1", "true", '"ten"', "1e12"])
def test_a_bad_limit_in_the_settings_is_refused(
    loaded: Tracker, settings_file: Path, value: str
) -> None:
    text = settings_file.read_text(encoding="utf-8")
    settings_file.write_text(text.replace("[papers]\n", f"[papers]\nsize_limit = {value}\n"))
    result = run("paper", "list")
    assert result.exit_code == 2, result.output
    assert "papers.size_limit" in result.output
