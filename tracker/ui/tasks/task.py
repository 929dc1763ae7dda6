"""What a task is (tracker.ui.tasks.form shows it): the fields it asks for, the service it
runs, and what it did. The tasks themselves are in catalogue.py, cycle.py, accounts.py."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from rich.console import RenderableType

if TYPE_CHECKING:
    from tracker.services.context import Tracker

Options = list[tuple[str, Any]]
# (tracker, the choice just made, the values): new options for some lists, values for some fields
# (a value named "_..." is not shown but given back to the task: the version it was read at)
Follow = Callable[["Tracker", str, dict[str, Any]], tuple[dict[str, Options], dict[str, Any]]]


@dataclass(frozen=True)
class Ask:
    """One field of a task's form. `kind`: text, password (hidden), long (several lines), date,
    number, choice
    (from `options`, a fixed list or the name of a list read from the database: see
    tracker.ui.tasks.choices), check (a tick box). `fields`: the domain fields (as a service
    names them in a refusal) whose problems are shown under this one."""

    name: str
    label: str
    kind: str = "text"
    options: Options | str = ""
    default: Any = None
    hint: str = ""
    placeholder: str = ""
    fields: tuple[str, ...] = ()


@dataclass(frozen=True)
class Done:
    """What a task did, as the window shows it; `stored` False for a check that stored nothing."""

    text: RenderableType
    stored: bool = True


@dataclass(frozen=True)
class Task:
    key: str
    title: str  # as the palette lists it: the words people type
    intro: str
    asks: tuple[Ask, ...]
    # (tracker, values, check only); with `reports`, also `progress=`: told each phase and count
    run: Callable[..., Done]
    verb: str = "Save"
    preview: bool = False  # offers "Check" (nothing stored) beside the verb
    reloads: tuple[str, ...] = field(default=())  # screens to read again afterwards (modes)
    reports: bool = False  # long work: the window shows its phase, count and rate as it runs
    # a choice made (an indicator, a reading) fills what depends on it, read in a worker
    follow: Follow | None = None
