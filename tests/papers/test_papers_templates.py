"""Templates: the user's folder over the bundled one, broken templates (an error naming the
template, line and what is wrong; no file written), the sandbox, HTML templates, and the
variable reference in board_reports/README.md."""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil
from pathlib import Path

import pytest
from papers_helpers import SFB, SFB_MEETING

from tracker.errors import InvalidInput, NotFound
from tracker.papers import bundled_folder
from tracker.services.context import Tracker
from tracker.services.papers import data as paper_data
from tracker.services.papers.render import list_templates, preview_paper, render_paper

HEADER = "{#\npaper: highlight\ntitle: Short highlight\n#}\n"


def user_folder(t: Tracker) -> Path:
    folder = t.settings.templates
    assert folder is not None
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def problem(exc: pytest.ExceptionInfo[InvalidInput]) -> str:
    return "\n".join(str(p) for p in exc.value.problems)


def test_bundled_templates_are_listed(loaded: Tracker) -> None:
    found = {t.name: t for t in list_templates(loaded)}
    assert list(found) == [
        "cover", "exception", "highlight", "matters-arising", "minutes", "outcomes",
    ]  # fmt: skip
    assert all(t.source == "bundled" and t.overrides is None for t in found.values())
    assert found["highlight"].kind == "highlight" and found["highlight"].title == "Highlight report"
    assert Path(found["cover"].path).parent == bundled_folder()


def test_a_user_template_overrides_the_bundled_one(loaded: Tracker) -> None:
    folder = user_folder(loaded)
    (folder / "highlight.md.j2").write_text(
        HEADER + "# {{ paper.title }} for {{ board.name }}: {{ position.total }} actions\n",
        encoding="utf-8",
    )
    (folder / "one-pager.md.j2").write_text(HEADER + "# {{ board.name }}\n", encoding="utf-8")
    (folder / "_parts.md.j2").write_text("{% macro x() %}x{% endmacro %}\n", encoding="utf-8")
    (folder / "notes.md.j2").write_text("# no header\n", encoding="utf-8")
    found = {t.name: t for t in list_templates(loaded)}
    assert found["highlight"].source == "user"
    assert found["highlight"].overrides == str(bundled_folder() / "highlight.md.j2")
    assert found["one-pager"].source == "user" and found["one-pager"].overrides is None
    assert found["one-pager"].kind == "highlight"
    assert found["notes"].kind is None and "_parts" not in found
    assert found["cover"].source == "bundled"
    text = preview_paper(loaded, "highlight", SFB).text
    assert text == "# Short highlight for Supporting Families Board: 0 actions\n"
    with pytest.raises(InvalidInput) as exc:
        preview_paper(loaded, "notes", SFB)
    assert "notes.md.j2:1: template: does not say which paper it is" in problem(exc)
    assert "highlight, exception, matters-arising, cover, outcomes" in problem(exc)


def test_an_unknown_template_names_the_ones_there_are(loaded: Tracker) -> None:
    with pytest.raises(NotFound, match="no template 'hihglight' .*highlight, matters-arising"):
        preview_paper(loaded, "hihglight", SFB)


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        ("# ok\n\n{% if %}\n", 3, "syntax error: Expected an expression"),
        ("# ok\n{% for a in off_track %}\n", 2, "syntax error: Unexpected end of template"),
        ("# ok\n\n\n{{ nosuch }}\n", 4, "undefined variable 'nosuch' (variables: board, "),
        ("# {{ position.totl }}\n", 1, "Position has no field 'totl' (fields: total, "),
        ("x\n{{ ''.__class__.__mro__ }}\n", 2, "not allowed in a template: access to attribute"),
        ("x\n{{ board.__class__ }}\n", 2, "not allowed in a template"),
        ("{{ position.total / 0 }}\n", 1, "ZeroDivisionError"),
    ],
    ids=["syntax", "unclosed", "undefined", "no-field", "sandbox-str", "sandbox-data", "maths"],
)
def test_a_broken_template_names_template_line_and_problem_and_writes_nothing(
    term: Tracker, body: str, line: int, message: str
) -> None:
    folder = user_folder(term)
    (folder / "highlight.md.j2").write_text(HEADER + body, encoding="utf-8")
    with pytest.raises(InvalidInput) as exc:
        render_paper(term, "highlight", SFB, SFB_MEETING)
    text = problem(exc)
    assert text.startswith(f"highlight.md.j2:{line + 4}: template: "), text  # 4 header lines
    assert message in text
    output = Path(term.settings.output)
    assert not output.exists() or list(output.iterdir()) == []


def test_an_error_in_an_included_template_names_both(term: Tracker) -> None:
    folder = user_folder(term)
    (folder / "_macros.md.j2").write_text(
        "{% macro front_rows(paper, board, meeting) %}\n| Board | {{ board.nmae }} |\n"
        "{% endmacro %}\n", encoding="utf-8",
    )  # fmt: skip
    with pytest.raises(InvalidInput) as exc:
        preview_paper(term, "highlight", SFB, SFB_MEETING)
    text = problem(exc)
    assert text.startswith("_macros.md.j2:2: template: BoardView has no field 'nmae'"), text
    assert "(included from highlight.md.j2 line" in text


def test_a_failed_render_leaves_the_last_good_paper_alone(term: Tracker, tmp_path: Path) -> None:
    target = tmp_path / "paper.md"
    good = render_paper(term, "outcomes", SFB, SFB_MEETING, out=target)
    assert good.path == str(target)
    before = target.read_text(encoding="utf-8")
    (user_folder(term) / "outcomes.md.j2").write_text(
        "{# paper: outcomes #}\n{{ outcomes.nope }}\n", encoding="utf-8"
    )
    with pytest.raises(InvalidInput):
        render_paper(term, "outcomes", SFB, SFB_MEETING, out=target)
    assert target.read_text(encoding="utf-8") == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_an_html_template_is_autoescaped_and_only_renders_as_html(term: Tracker) -> None:
    from tracker.services.actions.detail import get_action
    from tracker.services.actions.edit import edit_action

    edit_action(term, "P1-03", get_action(term, "P1-03").version,
                {"title": "<script>alert(1)</script> & {{ 7*7 }}"})  # fmt: skip
    (user_folder(term) / "list.html.j2").write_text(
        "{# paper: highlight #}\n<h1>{{ board.name }}</h1>\n<ul>\n"
        "{% for a in off_track %}<li>{{ a.title }} {{ a | rag }}</li>\n{% endfor %}</ul>\n",
        encoding="utf-8",
    )
    page = preview_paper(term, "list", SFB, SFB_MEETING, fmt="html").text
    assert page.startswith("<!DOCTYPE html>")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; {{ 7*7 }}" in page
    assert '<span class="rag rag-red">Red</span>' in page
    with pytest.raises(InvalidInput, match="writes HTML"):
        preview_paper(term, "list", SFB, SFB_MEETING, fmt="md")


def test_as_of_and_meeting_are_checked(term: Tracker) -> None:
    import datetime as dt

    with pytest.raises(InvalidInput, match="after today"):
        preview_paper(term, "highlight", SFB, as_of=dt.date(2026, 3, 2))
    with pytest.raises(InvalidInput, match="after the meeting"):
        preview_paper(term, "highlight", SFB, dt.date(2025, 12, 10), as_of=dt.date(2026, 1, 5))
    with pytest.raises(NotFound, match="has no meeting on 2026-03-11 .*2026-03-10"):
        preview_paper(term, "highlight", SFB, dt.date(2026, 3, 11))
    with pytest.raises(InvalidInput, match="unknown format"):
        preview_paper(term, "highlight", SFB, fmt="pdf")


def test_a_past_meeting_reproduces_its_paper(term: Tracker) -> None:
    """The paper for the held 10 Dec meeting is as of the day before, since the one before."""
    import datetime as dt

    text = preview_paper(term, "highlight", SFB, dt.date(2025, 12, 10)).text
    assert "| Position as of | 9 Dec 2025 |" in text
    assert "| Period covered | 16 Sep 2025 (the last meeting) to 9 Dec 2025 |" in text


def _documented_fields() -> set[str]:
    out: set[str] = set()
    modules = [paper_data, *(importlib.import_module(f"{paper_data.__name__}.{m.name}")
                             for m in pkgutil.iter_modules(paper_data.__path__))]  # fmt: skip
    for cls in (c for module in modules for c in vars(module).values()):
        if isinstance(cls, type) and dataclasses.is_dataclass(cls):
            out |= {f.name for f in dataclasses.fields(cls)}
            out |= {n for n, v in vars(cls).items() if isinstance(v, property)}
    return out


def test_the_readme_documents_every_variable() -> None:
    readme = (bundled_folder() / "README.md").read_text(encoding="utf-8")
    missing = sorted(name for name in _documented_fields() if f"`{name}`" not in readme
                     and f".{name}`" not in readme and f"`{name}." not in readme)  # fmt: skip
    assert missing == []
