"""The filters and globals a paper template uses (`day`, `rag`, `tbc`, `block` …), and how each
`{{ value }}` is written: in a Markdown template made literal Markdown unless it is ours
already (Markup); in an HTML template escaped by Jinja. The sandbox that runs them is in
tracker.papers.environment."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import jinja2
from markupsafe import Markup, escape

from tracker.papers import escape as md

TBC = "to be confirmed"
RAG_LABELS = {
    "green": "Green",
    "amber": "Amber",
    "red": "Red",
    "complete": "Complete",
    "cancelled": "Cancelled",
    "none": "Not assessed",
}


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


def safe(value: object, *, strip: bool = True) -> str:
    """Markdown for a value: ours (Markup) as it is, anything else made literal."""
    return str(value) if isinstance(value, Markup) else md.inline(value, strip=strip)


def markdown_filters(fmt: str) -> dict[str, Callable[..., Any]]:
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
        return Markup(safe(d, strip=False).join(safe(i) for i in items))

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


def markdown_tbc(fmt: str) -> Callable[..., Markup]:
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


def markdown_finalize(fmt: str) -> Callable[[object], str]:
    """Every `{{ value }}` of a Markdown template: made literal unless it is ours already. The
    text returned is written as it is (no escaping after this: environment.py's
    `_MarkdownCodeGenerator`)."""
    tbc = markdown_tbc(fmt)
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
        return safe(value)

    return finalize


def html_filters() -> dict[str, Callable[..., Any]]:
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


def html_finalize(value: object) -> object:
    if value is None:
        return TBC
    if isinstance(value, dt.date):
        return day(value)
    return value
