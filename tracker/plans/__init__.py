"""Plan files (YAML, format in plans/README.md): read, validate, import, export.

- reader: the file's text and YAML data; a problem's line and column
- schema (with fields, crosscheck): the data -> a PlanDocument (document), or every problem
- importer (with import_actions, import_meetings, sync): a PlanDocument -> the database
- exporter, writer: the database -> a PlanDocument -> canonical YAML
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from tracker import ending
from tracker.errors import InvalidInput
from tracker.plans.document import PlanDocument, Report, quiet
from tracker.plans.fast_read import Unsure
from tracker.plans.reader import ReadAhead, locate, parse_yaml, read_text
from tracker.plans.schema import validate

if TYPE_CHECKING:
    from tracker.plans.writer import dump_plan


@dataclass(frozen=True)
class LoadedPlan:
    file: str
    text: str = field(repr=False)
    doc: PlanDocument = field(repr=False)


def load_plan(
    path: str | os.PathLike[str], progress: Report = quiet, ahead: ReadAhead | None = None
) -> LoadedPlan:
    """Read and validate a plan file; refuses it with every problem (file, line, column).
    ahead: the same file already being read and parsed in a thread (`read_ahead`)."""
    file = str(path)
    progress("reading the file", 0, None)
    ready = ahead.taken() if ahead is not None and ahead.file == file else None
    if ready is not None:
        text, data = ready
        progress("parsing YAML", 0, None)
        if data is None:
            data = parse_yaml(text, file, fast=False)
    else:
        text = read_text(path)
        progress("parsing YAML", 0, None)
        data = parse_yaml(text, file)
    progress("checking", 0, None)
    try:
        doc, issues = validate(data)
    except Unsure:  # a piece of a large plan's actions read ahead could not be read alone
        doc, issues = validate(parse_yaml(text, file))  # the whole text, as without pieces
    if issues or doc is None:
        raise InvalidInput(locate(text, file, issues))
    plan = LoadedPlan(file=file, text=text, doc=doc)
    # in a command's process the document is left to its end, not freed one by one (the parsed
    # YAML is freed here as before: the rows written next reuse its memory)
    ending.keep(plan)
    return plan


@contextmanager
def collection_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused while a plan is read, checked and written.

    A large plan is a million small objects made at once (100,000 updates, each a mapping and
    its values); each few hundred allocations set off a collection pass over all that are still
    alive, which cost a sixth of an import's CPU and freed nothing: the parsed data holds no
    cycles. Memory is still freed as usual (reference counting); the collector is back on,
    as it was, when the block ends, however it ends."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@contextmanager
def read_ahead(paths: Iterable[str | os.PathLike[str]]) -> Iterator[dict[str, ReadAhead]]:
    """Each file read and parsed in a thread of its own while the block runs (`ReadAhead`),
    by name, with the collector paused (`collection_paused`: the parse makes a million
    objects); every thread has ended when the block is left, however it is left. Only regular
    files: a pipe or a device is read when the plan is loaded, as before (a command that stops
    first never waits on it)."""
    with collection_paused():
        ahead = {str(p): ReadAhead(p) for p in paths if os.path.isfile(p)}
        try:
            yield ahead
        except BaseException:
            for each in ahead.values():
                each.halt()  # stopped: what is still being parsed is not needed
            raise
        finally:
            for each in ahead.values():
                each.wait()


def canonical_text(path: str | os.PathLike[str]) -> str:
    """The file as `tracker plan export` would write it after importing it."""
    from tracker.plans.writer import dump_plan

    return dump_plan(load_plan(path).doc)


def __getattr__(name: str) -> Any:
    # the writer (with PyYAML) is loaded when first asked for: an import never needs it
    if name == "dump_plan":
        from tracker.plans.writer import dump_plan

        return dump_plan
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "LoadedPlan", "PlanDocument", "ReadAhead", "Report", "canonical_text", "collection_paused", "dump_plan",
    "load_plan", "locate", "quiet", "read_ahead",
]  # fmt: skip
