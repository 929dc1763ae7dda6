"""`tracker paper list` and `tracker paper render` as a secretary types them, on SQLite and
PostgreSQL (settings from the `settings_file` fixture; today is 2026-03-01)."""

from __future__ import annotations

from pathlib import Path

from papers_helpers import SFB, golden, run

from tracker.services.context import Tracker


def test_paper_list_shows_the_templates(term: Tracker) -> None:
    result = run("paper", "list")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["NAME", "KIND", "TITLE", "FORMAT", "SOURCE", "OVERRIDES"]
    assert [line.split()[0] for line in lines[1:]] == [
        "cover", "exception", "highlight", "matters-arising", "minutes", "outcomes",
    ]  # fmt: skip
    assert "Highlight report  md      bundled" in result.output
    folder = term.settings.templates
    assert folder is not None
    folder.mkdir()
    (folder / "highlight.md.j2").write_text("{# paper: highlight #}\n# mine\n", encoding="utf-8")
    result = run("paper", "list")
    assert "highlight        highlight" in result.output
    assert "user     overrides the bundled one" in result.output


def test_render_writes_the_conventional_file_and_prints_its_path(
    term: Tracker, settings_file: Path
) -> None:
    result = run("paper", "render", "highlight", "--board", SFB, "--meeting", "2026-03-10")
    assert result.exit_code == 0, result.output
    path = settings_file.parent / "papers" / "2026-03-10-supporting-families-board-highlight.md"
    assert result.output == f"{path}\n"
    golden("highlight.md", path.read_text(encoding="utf-8"))


def test_render_by_board_name_as_html_to_a_folder(term: Tracker, tmp_path: Path) -> None:
    out = tmp_path / "pack"
    out.mkdir()
    result = run("paper", "render", "exception", "--board", "Supporting Families Board",
                 "--meeting", "2026-03-10", "--format", "html", "--out", out)  # fmt: skip
    assert result.exit_code == 0, result.output
    page = out / "2026-03-10-supporting-families-board-exception.html"
    assert result.output == f"{page}\n"
    text = page.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and "<title>Exception report: Supporting" in text
    assert '<span class="rag rag-red">Red</span>' in text


def test_render_as_of_a_date_to_a_file_and_to_the_terminal(term: Tracker, tmp_path: Path) -> None:
    target = tmp_path / "outcomes.md"
    result = run("paper", "render", "outcomes", "--board", SFB, "--as-of", "2026-02-01",
                 "--out", target)  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "| Position as of | 1 Feb 2026 |" in target.read_text(encoding="utf-8")
    result = run("paper", "render", "matters-arising", "--board", SFB, "--meeting",
                 "2026-03-10", "--out", "-")  # fmt: skip
    assert result.exit_code == 0, result.output
    golden("matters-arising.md", result.output)


def test_bad_input_exits_2_and_writes_nothing(term: Tracker, settings_file: Path) -> None:
    papers = settings_file.parent / "papers"
    cases = [
        (("highlight", "--board", "no-such-board"), "no board 'no-such-board'"),
        (("highlight", "--board", SFB, "--meeting", "2026-03-11"),
         "Supporting Families Board has no meeting on 2026-03-11"),
        (("highlight", "--board", SFB, "--meeting", "2026-03-11"),
         "; schedule it first with `tracker meetings add`"),
        (("highlight", "--board", SFB, "--as-of", "2026-04-01"),
         "--as-of: 2026-04-01 is after today (2026-03-01)"),
        (("hihglight", "--board", SFB), "no template 'hihglight'"),
        (("highlight", "--board", SFB, "--out", "/no/such/folder/x.md"),
         "--out: the folder /no/such/folder does not exist"),
    ]  # fmt: skip
    for args, message in cases:
        result = run("paper", "render", *args)
        assert result.exit_code == 2, (args, result.output)
        assert message in result.output, (args, result.output)
    assert not papers.exists()


def test_a_broken_template_exits_2_naming_it(term: Tracker, settings_file: Path) -> None:
    folder = term.settings.templates
    assert folder is not None
    folder.mkdir()
    (folder / "highlight.md.j2").write_text(
        "{# paper: highlight #}\n# {{ board.name }}\n{{ position.totl }}\n", encoding="utf-8"
    )
    result = run("paper", "render", "highlight", "--board", SFB)
    assert result.exit_code == 2
    assert "error: refused, nothing was changed (1 problem):" in result.output
    assert "highlight.md.j2:3: template: Position has no field 'totl'" in result.output
    assert not (settings_file.parent / "papers").exists()


def test_help_has_examples() -> None:
    for args in (("paper", "--help"), ("paper", "render", "--help"), ("paper", "list", "--help")):
        result = run(*args)
        assert result.exit_code == 0 and "Examples:" in result.output
