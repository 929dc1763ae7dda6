"""Finding paper templates: the user's folder over the bundled one, their headers, and
errors that name the template and line.

Templates are `NAME.md.j2` (Markdown; the usual kind) or `NAME.html.j2` (HTML, autoescaped).
Two folders are searched: the user's (`papers.templates` in tracker.toml) first, then the
bundled ones, so a user template overrides the bundled one of the same name. Names starting
with `_` are partials (macros, includes), not papers.

A template may start with a header comment naming the context it needs:

    {#
    paper: highlight
    title: Highlight report
    about: one line saying what it is for
    #}
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tracker.papers.limits import Limits, RenderLimit, budget, stream

FORMATS = ("md", "html")
SUFFIXES = {".md.j2": "md", ".html.j2": "html"}
_HEADER = re.compile(r"\A\{#-?(.*?)-?#\}", re.S)


class TemplateProblem(Exception):
    """A template that cannot be found or rendered: which one, where, what."""

    def __init__(
        self, message: str, template: str | None = None, line: int | None = None,
        path: Path | None = None, included_from: tuple[str, int] | None = None,
    ) -> None:  # fmt: skip
        self.message = message
        self.template = template
        self.line = line
        self.path = path
        self.included_from = included_from
        where = template or ""
        if line is not None:
            where += f" line {line}"
        text = f"{where}: {message}" if where else message
        if included_from:
            text += f" (included from {included_from[0]} line {included_from[1]})"
        super().__init__(text)


@dataclass(frozen=True)
class TemplateFile:
    name: str  # as typed: "highlight"
    filename: str  # "highlight.md.j2"
    path: Path
    format: str  # md | html: what the template writes
    source: str  # bundled | user
    overrides: Path | None  # the bundled template this user template replaces
    kind: str | None  # the context it needs (header `paper:`), else None
    title: str | None
    about: str | None


def bundled_folder() -> Path:
    """The shipped templates: `board_reports/` beside the package in a checkout, else where
    the installed package's data files went (share/tracker/board_reports)."""
    here = Path(__file__).resolve().parents[2] / "board_reports"
    if here.is_dir():
        return here
    for prefix in (sys.prefix, sys.base_prefix):
        installed = Path(prefix) / "share" / "tracker" / "board_reports"
        if installed.is_dir():
            return installed
    return here  # missing: listing says there are no bundled templates


def _split_name(filename: str) -> tuple[str, str] | None:
    for suffix, fmt in SUFFIXES.items():
        if filename.endswith(suffix) and len(filename) > len(suffix):
            return filename[: -len(suffix)], fmt
    return None


def read_header(path: Path) -> dict[str, str]:
    """The `key: value` lines of the template's leading comment."""
    try:
        head = path.read_text(encoding="utf-8")[:4000]
    except (OSError, UnicodeDecodeError):
        return {}
    found = _HEADER.match(head)
    if not found:
        return {}
    out: dict[str, str] = {}
    for line in found.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip().isidentifier():
            out[key.strip().lower()] = value.strip()
    return out


class TemplateSet:
    """The user's folder over the bundled one."""

    def __init__(
        self, user: Path | None, bundled: Path | None = None, limits: Limits | None = None
    ) -> None:
        self.limits = limits or Limits()
        self.bundled = (bundled or bundled_folder()).resolve()
        user = user.resolve() if user is not None else None
        # the repository's own tracker.toml points at the bundled folder: one source, not two
        self.user = None if user is None or user == self.bundled else user

    @property
    def folders(self) -> tuple[Path, ...]:
        return tuple(f for f in (self.user, self.bundled) if f is not None)

    def _scan(self, folder: Path | None) -> dict[str, tuple[str, str, Path]]:
        if folder is None or not folder.is_dir():
            return {}
        out: dict[str, tuple[str, str, Path]] = {}
        for path in sorted(folder.iterdir()):
            split = _split_name(path.name)
            if split and path.is_file() and not path.name.startswith(("_", ".")):
                out.setdefault(split[0], (path.name, split[1], path))
        return out

    def list(self) -> list[TemplateFile]:
        bundled, user = self._scan(self.bundled), self._scan(self.user)
        out = []
        for name in sorted(set(bundled) | set(user)):
            source = "user" if name in user else "bundled"
            filename, fmt, path = user[name] if name in user else bundled[name]
            header = read_header(path)
            out.append(
                TemplateFile(
                    name=name,
                    filename=filename,
                    path=path,
                    format=fmt,
                    source=source,
                    overrides=bundled[name][2] if source == "user" and name in bundled else None,
                    kind=header.get("paper"),
                    title=header.get("title"),
                    about=header.get("about"),
                )
            )
        return out

    def find(self, name: str) -> TemplateFile:
        wanted = (name or "").strip()
        split = _split_name(wanted)
        key = split[0] if split else wanted
        for item in self.list():
            if item.name == key:
                return item
        names = ", ".join(t.name for t in self.list()) or "none"
        raise TemplateProblem(f"no template {wanted!r} (templates: {names})", template=wanted)

    def render(self, template: TemplateFile, context: Mapping[str, Any], fmt: str) -> str:
        """The template's text with this context; `fmt` says what the Markdown is for (md,
        or html: then RAG labels and placeholders are HTML spans)."""
        import jinja2  # only to render: listing and finding templates need no Jinja2
        from jinja2.exceptions import SecurityError

        from tracker.papers.environment import environment

        env = environment(self.folders, template.format, fmt)
        try:
            compiled = env.get_template(template.filename)
            with budget(self.limits):
                text = stream(compiled.generate(**context))
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateProblem(
                f"syntax error: {exc.message}", template=_relative(exc.filename, self.folders)
                or exc.name or template.filename, line=exc.lineno, path=template.path,
            ) from None  # fmt: skip
        except (jinja2.UndefinedError, SecurityError, jinja2.TemplateError, RenderLimit) as exc:
            raise _runtime_problem(exc, template, self.folders, context) from None
        except (TypeError, ValueError, ArithmeticError, LookupError, AttributeError) as exc:
            raise _runtime_problem(exc, template, self.folders, context) from None
        except RecursionError:
            raise TemplateProblem(
                "a macro or include calls itself without end (too deep to render)",
                template=template.filename, path=template.path,
            ) from None  # fmt: skip
        except MemoryError:
            raise TemplateProblem(
                "needs more memory than this computer has: a string or list far too large",
                template=template.filename, path=template.path,
            ) from None  # fmt: skip
        return tidy(text) if template.format == "md" else text


def _relative(filename: str | None, folders: tuple[Path, ...]) -> str | None:
    if not filename:
        return None
    path = Path(filename)
    for folder in folders:
        try:
            return path.resolve().relative_to(folder).as_posix()
        except ValueError:
            continue
    return None


def _runtime_problem(
    exc: Exception, template: TemplateFile, folders: tuple[Path, ...], context: Mapping[str, Any]
) -> TemplateProblem:
    """Where in the templates it failed (innermost first), from the rewritten traceback."""
    import traceback

    import jinja2  # loaded already: the template was rendering
    from jinja2.exceptions import SecurityError

    frames = [
        (name, frame.lineno)
        for frame in traceback.extract_tb(exc.__traceback__)
        if (name := _relative(frame.filename, folders)) is not None and frame.lineno
    ]
    if isinstance(exc, jinja2.UndefinedError):
        message = str(exc)
        if message.startswith("undefined variable"):
            message += f" (variables: {', '.join(sorted(context))})"
    elif isinstance(exc, RenderLimit):
        message = str(exc)
    elif isinstance(exc, SecurityError):
        message = f"not allowed in a template: {exc}"
    else:
        message = f"{type(exc).__name__}: {exc}"
    inner = frames[-1] if frames else (template.filename, None)
    outer = frames[0] if len(frames) > 1 and frames[0][0] != inner[0] else None
    return TemplateProblem(
        message, template=inner[0], line=inner[1], path=template.path, included_from=outer
    )


def tidy(text: str) -> str:
    """No trailing spaces, at most one blank line in a row, one newline at the end."""
    lines = [line.rstrip() for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n"
