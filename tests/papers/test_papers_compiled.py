"""Compiled templates kept between runs (tracker.papers.compiled): used again by a later run,
re-read when the template changes, never shared between the Markdown and HTML environments,
and no cache at all (the paper still renders) when the cache folder cannot be used."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import jinja2
import pytest

from tracker.papers.environment import environment
from tracker.papers.templates import TemplateProblem, TemplateSet


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    environment.cache_clear()
    yield tmp_path / "xdg" / "tracker" / "papers"
    environment.cache_clear()


def _templates(tmp_path: Path, **files: str) -> TemplateSet:
    user = tmp_path / "templates"
    user.mkdir(exist_ok=True)
    for name, text in files.items():
        (user / name).write_text(text, encoding="utf-8")
    return TemplateSet(user)


def _render(templates: TemplateSet, name: str, fmt: str = "md", **context: object) -> str:
    return templates.render(templates.find(name), context, fmt)


def _next_run() -> None:
    """What a new process starts with: no environment, so no template compiled in memory."""
    environment.cache_clear()


def test_a_later_run_uses_the_compiled_template_and_does_not_compile(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    templates = _templates(tmp_path, **{"note.md.j2": "Hello {{ who }}\n"})
    assert _render(templates, "note", who="board") == "Hello board\n"
    assert len(list(cache.glob("md-md-*.cache"))) == 1
    _next_run()

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("compiled again")

    monkeypatch.setattr(jinja2.Environment, "compile", refuse)
    assert _render(templates, "note", who="cabinet") == "Hello cabinet\n"


def test_a_changed_template_is_read_again(cache: Path, tmp_path: Path) -> None:
    templates = _templates(tmp_path, **{"note.md.j2": "Old {{ who }}\n"})
    assert _render(templates, "note", who="board") == "Old board\n"
    _next_run()
    (tmp_path / "templates" / "note.md.j2").write_text("New {{ who }}\n", encoding="utf-8")
    assert _render(templates, "note", who="board") == "New board\n"


def test_a_boards_own_template_over_a_bundled_one_is_not_the_cached_bundled_one(
    cache: Path, tmp_path: Path
) -> None:
    bundled = tmp_path / "bundled"
    bundled.mkdir()
    (bundled / "note.md.j2").write_text("Bundled {{ who }}\n", encoding="utf-8")
    plain = TemplateSet(None, bundled)
    assert _render(plain, "note", who="board") == "Bundled board\n"
    _next_run()
    user = tmp_path / "own"
    user.mkdir()
    (user / "note.md.j2").write_text("Own {{ who }}\n", encoding="utf-8")
    assert _render(TemplateSet(user, bundled), "note", who="board") == "Own board\n"


def test_markdown_and_html_never_share_an_entry(cache: Path, tmp_path: Path) -> None:
    templates = _templates(tmp_path, **{"note.md.j2": "{{ state | rag }}\n"})
    as_md = _render(templates, "note", "md", state="red")
    as_html = _render(templates, "note", "html", state="red")
    assert (as_md, as_html) == ("Red\n", '<span class="rag rag-red">Red</span>\n')
    kinds = sorted(p.name.split("-")[1] for p in cache.glob("*.cache"))
    assert kinds == ["html", "md"]  # md-md and md-html: two entries
    _next_run()
    assert _render(templates, "note", "html", state="red") == as_html
    assert _render(templates, "note", "md", state="red") == as_md


def test_the_sandbox_still_refuses_a_cached_template(cache: Path, tmp_path: Path) -> None:
    templates = _templates(tmp_path, **{"bad.md.j2": "x\n{{ ''.__class__.__mro__ }}\n"})
    for _ in range(2):
        with pytest.raises(TemplateProblem, match="not allowed in a template"):
            _render(templates, "bad")
        assert list(cache.glob("*.cache"))  # the second time it came from the cache
        _next_run()


@pytest.mark.parametrize("where", ["a file", "others can write"])
def test_an_unusable_cache_folder_still_renders(
    where: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    xdg = tmp_path / "xdg"
    if where == "a file":
        xdg.write_text("not a folder", encoding="utf-8")
    else:
        (xdg / "tracker" / "papers").mkdir(parents=True)
        os.chmod(xdg / "tracker" / "papers", 0o777)
    monkeypatch.setenv("XDG_CACHE_HOME", str(xdg))
    environment.cache_clear()
    try:
        templates = _templates(tmp_path, **{"note.md.j2": "Hello {{ who }}\n"})
        assert _render(templates, "note", who="board") == "Hello board\n"
        assert not list(tmp_path.rglob("*.cache"))
    finally:
        environment.cache_clear()
