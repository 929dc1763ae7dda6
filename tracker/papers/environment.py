"""The sandboxed Jinja2 environments papers render in, and their filters.

Rendering is sandboxed (no attribute starting with `_`, no mutation of the context, no
unsafe calls) and strict (an undefined variable is an error, never an empty string). In a
Markdown template every `{{ value }}` is escaped for Markdown unless a filter marked it safe
(our Markdown is `Markup`); in an HTML template every value is HTML-escaped.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import functools
import re
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
from markupsafe import Markup, escape

from tracker.papers import escape as md
from tracker.papers import limits
from tracker.papers.compiled import bytecode_cache

TBC = "to be confirmed"
RAG_LABELS = {
    "green": "Green",
    "amber": "Amber",
    "red": "Red",
    "complete": "Complete",
    "cancelled": "Cancelled",
    "none": "Not assessed",
}


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


# ---- filters -------------------------------------------------------------------------------


# a long paper asks for the same few hundred dates thousands of times
_DAYS: dict[dt.date, str] = {}
_REMEMBERED = 4096  # entries kept per cache below, then it starts again
_SHORT = 200  # characters: longer text is made literal each time, not kept


def day(value: dt.date | dt.datetime | None) -> str:
    """'1 Mar 2026', as dates read in board papers."""
    if type(value) is dt.date:
        text = _DAYS.get(value)
        if text is None:
            if len(_DAYS) >= _REMEMBERED:
                _DAYS.clear()
            text = _DAYS[value] = f"{value.day} {value:%b %Y}"
        return text
    if value is None:
        return "date " + TBC
    return f"{value.day} {value:%b %Y}"


def iso(value: dt.date | dt.datetime | None) -> str:
    return "" if value is None else value.isoformat()[:10]


def pct(value: float | int | None) -> str:
    if value is None:
        return "-"
    number = round(float(value), 1)
    return f"{number:g}%"


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    return f"{count} {noun if count == 1 else (nouns or noun + 's')}"


def _rag_key(value: object) -> str:
    if value is None or isinstance(value, str):
        key = value or "none"
    else:
        status = getattr(value, "status", None)
        rag = getattr(value, "rag", None)
        key = status if status in ("complete", "cancelled") else (rag or "none")
    return key if key in RAG_LABELS else "none"


def _spans(fmt: str) -> bool:
    return fmt == "html"


def _safe(value: object, *, strip: bool = True) -> str:
    """Markdown for a value: ours (Markup) as it is, anything else made literal."""
    return str(value) if isinstance(value, Markup) else md.inline(value, strip=strip)


def _md_filters(fmt: str) -> dict[str, Callable[..., Any]]:
    def rag(value: object) -> Markup:
        key = _rag_key(value)
        label = RAG_LABELS[key]
        if _spans(fmt):
            return Markup(f'<span class="rag rag-{key}">{label}</span>')
        return Markup(label)

    @jinja2.pass_environment
    def join(
        env: jinja2.Environment, value: Any, d: str = "", attribute: str | None = None
    ) -> Markup:
        items = (env.getattr(v, attribute) if attribute else v for v in value)
        return Markup(_safe(d, strip=False).join(_safe(i) for i in items))

    def replace(value: object, old: str, new: str, count: int = -1) -> str:
        return str(value).replace(old, new, count)  # a plain string: escaped on output

    def label(value: object, colour: str = "none") -> Markup:
        """Any short text as a coloured label (green, amber, red, complete = blue, none)."""
        key = colour if colour in RAG_LABELS else "none"
        text = md.inline(value)
        if _spans(fmt):
            return Markup(f'<span class="rag rag-{key}">{text}</span>')
        return Markup(text)

    return {
        "rag": rag,
        "label": label,
        "md": lambda v: Markup(md.inline(v)),
        "cell": lambda v: Markup(md.inline(v)),
        "block": lambda v: Markup(md.block(v)),
        "quote": lambda v: Markup(md.quote(v)),
        "join": join,
        "replace": replace,
    }


def _md_tbc(fmt: str) -> Callable[..., Markup]:
    made: dict[str, Markup] = {}  # by hint: a paper asks for the same few, many times

    def tbc(hint: str = "") -> Markup:
        if type(hint) is str and hint in made:
            return made[hint]
        text = f"{TBC} {md.inline(hint)}".strip() if hint else TBC
        out = Markup(f'<span class="tbc">{text}</span>') if _spans(fmt) else Markup(f"_{text}_")
        if type(hint) is str and len(hint) <= _SHORT:
            if len(made) >= _REMEMBERED:
                made.clear()
            made[hint] = out
        return out

    return tbc


def _md_finalize(fmt: str) -> Callable[[object], str]:
    """Every `{{ value }}` of a Markdown template: made literal unless it is ours already. The
    text returned is written as it is (`_MarkdownCodeGenerator`: no escaping after this)."""
    tbc = _md_tbc(fmt)
    # plain text made literal, by its text: statuses, names and titles recur through a paper
    made: dict[str, str] = {}

    def finalize(value: object) -> str:
        if type(value) is str:
            text = made.get(value)
            if text is None:
                text = md.inline(value)
                if len(value) <= _SHORT:
                    if len(made) >= _REMEMBERED:
                        made.clear()
                    made[value] = text
            return text
        if type(value) is int:
            return str(value)
        if value is None:
            return tbc()
        if isinstance(value, dt.date):
            return md.inline(day(value))
        return _safe(value)

    return finalize


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
        joined = Markup("".join(_safe(p, strip=False) for p in parts))
        limits.check_size(len(joined), "a joined string")
        return joined


def _html_filters() -> dict[str, Callable[..., Any]]:
    def rag(value: object) -> Markup:
        key = _rag_key(value)
        return Markup('<span class="rag rag-{}">{}</span>').format(key, RAG_LABELS[key])

    def block(value: object) -> Markup:
        paras = re.split(r"\n\s*\n", str(value))
        return Markup("").join(
            Markup("<p>{}</p>").format(Markup("<br>").join(escape(line) for line in p.split("\n")))
            for p in paras if p.strip()
        )  # fmt: skip

    def label(value: object, colour: str = "none") -> Markup:
        key = colour if colour in RAG_LABELS else "none"
        return Markup('<span class="rag rag-{}">{}</span>').format(key, value)

    return {
        "rag": rag,
        "label": label,
        "md": escape,
        "cell": escape,
        "block": block,
        "quote": block,
    }


def _html_finalize(value: object) -> object:
    if value is None:
        return TBC
    if isinstance(value, dt.date):
        return day(value)
    return value


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
        env = _PaperSandbox(finalize=_html_finalize, **options)
        env.filters.update(_html_filters())

        def tbc(hint: str = "") -> Markup:
            text = f"{TBC} {hint}".strip() if hint else TBC
            return Markup('<span class="tbc">{}</span>').format(text)

        env.globals["tbc"] = tbc
    else:
        env = _MarkdownEnvironment(finalize=_md_finalize(fmt), **options)
        env.filters.update(_md_filters(fmt))
        env.globals["tbc"] = _md_tbc(fmt)
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
