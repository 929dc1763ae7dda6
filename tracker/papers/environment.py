"""The sandboxed Jinja2 environments papers render in (their filters: tracker.papers.filters).

Rendering is sandboxed (no attribute starting with `_`, no mutation of the context, no
unsafe calls) and strict (an undefined variable is an error, never an empty string). In a
Markdown template every `{{ value }}` is escaped for Markdown unless a filter marked it safe
(our Markdown is `Markup`); in an HTML template every value is HTML-escaped.
"""

from __future__ import annotations

import copy
import dataclasses
import functools
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from types import BuiltinMethodType, FunctionType, MethodType
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.loaders import split_template_path
from jinja2.runtime import Context, markup_join
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import missing
from markupsafe import Markup

from tracker.papers import limits
from tracker.papers.compiled import bytecode_cache
from tracker.papers.filters import (
    TBC,
    day,
    html_filters,
    html_finalize,
    iso,
    markdown_filters,
    markdown_finalize,
    markdown_tbc,
    pct,
    plural,
    safe,
)


class PaperUndefined(jinja2.StrictUndefined):
    """Strict, with a message a template author can act on."""

    __slots__ = ()

    @property
    def _undefined_message(self) -> str:
        if self._undefined_hint:
            return self._undefined_hint
        name = self._undefined_name
        obj = self._undefined_obj
        if obj is missing:
            return f"undefined variable {name!r}"
        fields = _fields_of(obj)
        text = f"{type(obj).__name__} has no field {name!r}"
        return text + (f" (fields: {', '.join(fields)})" if fields else "")


def _fields_of(obj: object) -> list[str]:
    if dataclasses.is_dataclass(obj):
        names = [f.name for f in dataclasses.fields(obj)]
        names += [n for n, v in vars(type(obj)).items() if isinstance(v, property)]
        return names
    if isinstance(obj, Mapping):
        return [str(k) for k in obj]
    return []


class _PaperCodeGenerator(CodeGenerator):
    """Every `{% for %}` steps through `paper_loop` (the time limit is checked each step), and
    `a ~ b` joins through `join_parts` (the size limit; Markdown escaping in Markdown)."""

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        node = copy.copy(node)
        node.iter = nodes.Call(
            nodes.EnvironmentAttribute("paper_loop"), [node.iter], [], None, None
        )
        super().visit_For(node, frame)

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.join_parts((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


class _MarkdownCodeGenerator(_PaperCodeGenerator):
    """Each `{{ value }}` is written as the Markdown environment's finalize returns it, which
    has made it literal Markdown already. Jinja's default, `escape(finalize(value))` (or
    `str(...)`), gave the same text: finalize returned Markup, which escape leaves as it is."""

    def _output_child_pre(self, node: nodes.Expr, frame: Frame, finalize: Any) -> None:
        if finalize.src is None:  # (the Markdown environment always has its finalize)
            super()._output_child_pre(node, frame, finalize)
            return
        self.write("(" + finalize.src)


class _PaperSandbox(ImmutableSandboxedEnvironment):
    """The sandbox, with a quick yes for the fields of a frozen dataclass (the paper contexts
    are made of them): the general check costs more than the rest of a long paper. Bounded in
    time and size (tracker.papers.limits)."""

    code_generator_class = _PaperCodeGenerator
    intercepted_binops = frozenset({"*", "+", "%", "**"})
    paper_loop = staticmethod(limits.loop)

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        limits.check_binop(operator, left, right)
        return super().call_binop(context, operator, left, right)

    # the environment's own plain functions (tbc, plural, and paper_loop that every for loop
    # steps through): called straight away, as Jinja's Context.call would call them (they
    # take no context and raise no StopIteration)
    plain_calls: frozenset[Callable[..., Any]] = frozenset()

    def call(self, context: Context, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
        limits.tick()
        if type(obj) is FunctionType and obj in self.plain_calls:
            kwargs.pop("_loop_vars", None)
            kwargs.pop("_block_vars", None)
            return obj(*args, **kwargs)
        if isinstance(getattr(obj, "__self__", None), str):  # "x".ljust(n), "x".center(n)
            limits.check_arguments("a padded string", (*args, *kwargs.values()))
        return super().call(context, obj, *args, **kwargs)

    def getattr(self, obj: Any, attribute: str) -> Any:
        """A field of a frozen paper dataclass straight away (most of what a paper reads); the
        sandbox's general path for anything else, and for a method (its str.format check)."""
        kind: Any = type(obj)
        if attribute in _data_fields(kind):  # (never a name starting with `_`)
            try:
                value = getattr(obj, attribute)
            except AttributeError:
                return super().getattr(obj, attribute)
            if not isinstance(value, _METHODS):
                return value
        return super().getattr(obj, attribute)

    @staticmethod
    def join_parts(parts: Iterable[object]) -> Any:
        joined = markup_join(parts)
        limits.check_size(len(joined), "a joined string")
        return joined

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if attr in _data_fields(obj.__class__):
            return True
        return super().is_safe_attribute(obj, attr, value)


_METHODS = (MethodType, BuiltinMethodType)


@lru_cache(maxsize=256)
def _data_fields(cls: type) -> frozenset[str]:
    params = getattr(cls, "__dataclass_params__", None)
    if params is None or not params.frozen:
        return frozenset()
    names = {f.name for f in dataclasses.fields(cls)}
    names |= {n for k in cls.__mro__ for n, v in vars(k).items() if isinstance(v, property)}
    return frozenset(n for n in names if not n.startswith("_"))


class _MarkdownEnvironment(_PaperSandbox):
    code_generator_class = _MarkdownCodeGenerator

    @staticmethod
    def join_parts(parts: Iterable[object]) -> Markup:
        joined = Markup("".join(safe(p, strip=False) for p in parts))
        limits.check_size(len(joined), "a joined string")
        return joined


class _OverlayLoader(jinja2.BaseLoader):
    """Each name from the first folder that has it. A compiled template stays valid while the
    same file still wins and is unchanged: a user template added (or removed) beside a bundled
    one takes effect at once, even in a long-running app."""

    def __init__(self, folders: tuple[Path, ...]) -> None:
        self.folders = folders

    def _find(self, pieces: list[str]) -> Path | None:
        for folder in self.folders:
            path = folder.joinpath(*pieces)
            if path.is_file():
                return path
        return None

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)  # refuses "..": no way out of the folders
        path = self._find(pieces)
        if path is None:
            raise jinja2.TemplateNotFound(template)
        mtime = path.stat().st_mtime
        source = path.read_text(encoding="utf-8")

        def uptodate() -> bool:
            try:
                return self._find(pieces) == path and path.stat().st_mtime == mtime
            except OSError:
                return False

        return source, str(path), uptodate


@lru_cache(maxsize=16)
def environment(folders: tuple[Path, ...], template_format: str, fmt: str) -> jinja2.Environment:
    """The sandboxed environment for a template's format (md or html) and the output (md, or
    html through Markdown). Both autoescape: an HTML template escapes for HTML; a Markdown one
    escapes for Markdown in `finalize`, which hands Jinja safe (Markup) text. Cached: compiled
    templates are reused, and reloaded when their file changes; between runs they are kept
    in the user's cache folder (tracker.papers.compiled)."""
    loader = _OverlayLoader(folders)
    html = template_format == "html"
    options: dict[str, Any] = {
        "loader": loader, "undefined": PaperUndefined, "autoescape": True,
        "trim_blocks": True, "lstrip_blocks": True, "keep_trailing_newline": True,
        "auto_reload": True, "bytecode_cache": bytecode_cache(template_format, fmt),
    }  # fmt: skip
    env: jinja2.Environment
    if html:
        env = _PaperSandbox(finalize=html_finalize, **options)
        env.filters.update(html_filters())

        def tbc(hint: str = "") -> Markup:
            text = f"{TBC} {hint}".strip() if hint else TBC
            return Markup('<span class="tbc">{}</span>').format(text)

        env.globals["tbc"] = tbc
    else:
        env = _MarkdownEnvironment(finalize=markdown_finalize(fmt), **options)
        env.filters.update(markdown_filters(fmt))
        env.globals["tbc"] = markdown_tbc(fmt)
    env.filters.update({"day": day, "iso": iso, "pct": pct})
    for name in _PADDING_FILTERS:
        env.filters[name] = _bounded(name, env.filters[name])
    env.globals.update({"plural": plural, "TBC": TBC})
    env.plain_calls = frozenset({_tbc_of(env), plural, limits.loop})
    return env


def _tbc_of(env: jinja2.Environment) -> Callable[..., Any]:
    tbc = env.globals["tbc"]
    assert callable(tbc)
    return tbc


_PADDING_FILTERS = ("center", "indent", "format")


def _bounded(name: str, original: Callable[..., Any]) -> Callable[..., Any]:
    """A filter whose number argument sets a width: refused past the size limit."""

    @functools.wraps(original)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        limits.check_arguments(f"the {name} filter's result", (*args[1:], *kwargs.values()))
        return original(*args, **kwargs)

    return bounded
