"""Message templates: plain text (an e-mail), not a paper. `NAME.txt.j2`, found in the user's
templates folder first, then the bundled `board_reports/`, rendered in the same sandbox rules
as papers (strict, no private attributes) but without any escaping: the text is the message.

The first line is the subject, written `Subject: ...`; the body follows a blank line."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from tracker.papers.environment import PaperUndefined
from tracker.papers.filters import day, iso, pct, plural
from tracker.papers.limits import Limits, RenderLimit, budget, stream
from tracker.papers.templates import TemplateProblem, TemplateSet
from tracker.text import control_pictures

MESSAGE_SUFFIX = ".txt.j2"


@dataclass(frozen=True)
class Message:
    subject: str
    body: str
    template: Path  # the file it came from (the user's, or the bundled one)


def find_message(templates: TemplateSet, name: str) -> Path:
    filename = name + MESSAGE_SUFFIX
    for folder in templates.folders:
        if (folder / filename).is_file():
            return folder / filename
    where = " or ".join(str(f) for f in templates.folders)
    raise TemplateProblem(f"no message template {filename} in {where}", template=filename)


def render_message(
    templates: TemplateSet, name: str, context: Mapping[str, Any], limits: Limits | None = None
) -> Message:
    """The subject and body of message template NAME with this context."""
    path = find_message(templates, name)
    env = ImmutableSandboxedEnvironment(
        loader=jinja2.FileSystemLoader([str(f) for f in templates.folders]),
        undefined=PaperUndefined, autoescape=False, trim_blocks=True, lstrip_blocks=True,
        keep_trailing_newline=True,
    )  # fmt: skip
    env.filters.update(day=day, iso=iso, pct=pct)
    env.globals["plural"] = plural
    filename = path.name
    try:
        compiled = env.get_template(filename)
        with budget(limits or Limits()):
            text = stream(compiled.generate(**context))
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateProblem(
            f"syntax error: {exc.message}", template=filename, line=exc.lineno, path=path
        ) from None
    except (jinja2.TemplateError, SecurityError, RenderLimit) as exc:
        raise TemplateProblem(str(exc), template=filename, path=path) from None
    except (TypeError, ValueError, ArithmeticError, LookupError, AttributeError) as exc:
        raise TemplateProblem(f"{exc.__class__.__name__}: {exc}", template=filename,
                              path=path) from None  # fmt: skip
    lines = control_pictures(text).lstrip("\n").split("\n")
    head = lines[0]
    if not head.lower().startswith("subject:") or not head[8:].strip():
        raise TemplateProblem(
            "the message must start with its subject: a first line 'Subject: ...'",
            template=filename, line=1, path=path,
        )  # fmt: skip
    body = "\n".join(lines[1:]).strip("\n") + "\n"
    return Message(subject=" ".join(head[8:].split()), body=body, template=path)
