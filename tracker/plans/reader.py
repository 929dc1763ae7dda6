"""Reading a plan file: UTF-8 text, not empty, valid YAML; and finding the line of a problem.

The fast path parses with yaml-rs where it reads exactly as PyYAML would (fast_read), else
with libyaml (`CSafeLoader`) into plain Python data. Only when there are
problems is the file composed again into nodes, whose marks give each problem its line and
column (1-based).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable
from pathlib import Path as FilePath
from typing import TYPE_CHECKING, Any

from tracker.errors import InvalidInput, Problem
from tracker.plans import fast_read
from tracker.plans.issues import Issue, field_name

if TYPE_CHECKING:
    import yaml

# PyYAML (tracker.plans.yaml_loader) is imported only where it is used: a file yaml-rs cannot
# promise to read as PyYAML does, and the line and column of a refusal. A plan that is fine
# never loads it (about 15 ms of every import's start-up).


def __getattr__(name: str) -> Any:
    if name == "Loader":
        from tracker.plans.yaml_loader import Loader

        return Loader
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


MAX_BYTES = 250_000_000  # a generated plan of 100,000 actions and updates is well under it


def read_text(path: str | os.PathLike[str]) -> str:
    """The file's text; refuses a missing file, one that is not UTF-8, and an empty one."""
    name = str(path)
    try:
        with FilePath(path).open("rb") as fh:
            raw = fh.read(MAX_BYTES + 1)  # bounded: a link to /dev/zero must not fill the memory
    except FileNotFoundError:
        raise InvalidInput(Problem("", "file not found", file=name)) from None
    except IsADirectoryError:
        raise InvalidInput(Problem("", "is a folder, not a plan file", file=name)) from None
    except OSError as exc:
        raise InvalidInput(Problem("", f"cannot be read: {exc.strerror}", file=name)) from None
    if len(raw) > MAX_BYTES:
        raise InvalidInput(Problem(
            "", f"too large: more than {MAX_BYTES // 1_000_000} MB, far beyond any plan "
            "(a device or a stream, not a plan file?)", file=name,
        ))  # fmt: skip
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        bad = raw[exc.start : exc.end]
        raise InvalidInput(
            Problem(
                "",
                f"not UTF-8 text (byte 0x{bad[0]:02x}); save the file as UTF-8",
                file=name,
                line=line,
                column=column,
            )
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise InvalidInput(Problem("", "the file is empty", file=name))
    return text


class ReadAhead:
    """A plan file read and parsed in a thread of its own, started before a command loads the
    database code: yaml-rs parses without holding the interpreter's lock, so a large plan's
    parse runs beside the import of SQLAlchemy and the models (about 0.3 s) instead of after it.

    It finds exactly what `read_text` and `parse_yaml` would: the same text, the same refusal
    (raised when taken), or no data where yaml-rs cannot promise PyYAML's reading (then
    `parse_yaml` reads the text with PyYAML, as without it)."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.file = str(path)
        self._text: str | None = None
        self._data: object = None
        self._error: BaseException | None = None
        self._found = threading.Event()  # the data (or the refusal) is there
        self._halt = threading.Event()  # the command has stopped: parse no further piece
        self._thread = threading.Thread(target=self._read, name="plan read-ahead", daemon=True)
        self._thread.start()

    def _read(self) -> None:
        try:
            self._text = read_text(self.file)
            fast_read.parse_ahead(self._text, self._ready, self._halt)
        except fast_read.Unsure:
            pass
        except Exception as exc:  # noqa: BLE001 - raised where the file is taken, as without it
            self._error = exc
        finally:
            self._found.set()

    def _ready(self, data: object) -> None:
        self._data = data
        self._found.set()  # a large plan's later actions may still be parsing (fast_read.Arriving)

    def wait(self) -> None:
        self._thread.join()

    def halt(self) -> None:
        """The command stopped before it took everything (a refusal elsewhere, Ctrl-C, a
        signal): a large plan's remaining pieces are not parsed, so `wait` ends within one."""
        self._halt.set()

    def taken(self) -> tuple[str, object] | None:
        """The file's text and its data (data None: read it with PyYAML); None once taken
        (read the file again). Raises what `read_text` raises for a file that cannot be read.
        A large plan's data may come while its later actions are still being parsed: they
        arrive as its actions are checked (fast_read.parse_ahead)."""
        self._found.wait()
        if self._error is not None:
            raise self._error
        if self._text is None:
            return None
        text, data = self._text, self._data
        self._text = self._data = None  # held by the caller alone: freed as soon as it is done
        return text, data


def parse_yaml(text: str, file: str, *, fast: bool = True) -> object:
    """The YAML data of the text (plain Python: mappings, lists, scalars); a syntax error is refused with its line and column.

    yaml-rs reads it when it can promise PyYAML's reading (tracker.plans.fast_read); otherwise,
    and for every refusal, PyYAML does. fast=False: PyYAML only (yaml-rs has already said
    it cannot promise it)."""
    if fast:
        try:
            return fast_read.parse(text)
        except fast_read.Unsure:
            pass
    import yaml

    from tracker.plans.yaml_loader import Loader

    try:
        data = yaml.load(text, Loader=Loader)  # noqa: S506 - a safe loader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = f"YAML syntax error: {exc.problem or exc.context}"
        if exc.context and exc.problem:
            message += f" ({exc.context}"
            if exc.context_mark is not None and exc.context_mark is not mark:
                message += f" started at line {exc.context_mark.line + 1}"
                message += f", column {exc.context_mark.column + 1}"
            message += ")"
        raise InvalidInput(
            Problem(
                "",
                message,
                file=file,
                line=mark.line + 1 if mark else None,
                column=mark.column + 1 if mark else None,
            )
        ) from None
    except yaml.reader.ReaderError as exc:
        before = text[: exc.position]
        line = before.count("\n") + 1
        column = exc.position - (before.rfind("\n") + 1) + 1
        raise InvalidInput(
            Problem("", f"YAML error: {exc.reason}", file=file, line=line, column=column)
        ) from None
    except yaml.YAMLError as exc:
        raise InvalidInput(Problem("", f"YAML error: {exc}", file=file)) from None
    if data is None:
        raise InvalidInput(Problem("", "the file is empty (only comments)", file=file))
    return data


def _find(root: yaml.Node, issue: Issue) -> yaml.Node:
    """The node an issue's path names, or the nearest enclosing one that exists."""
    import yaml

    node = root
    for position, step in enumerate(issue.path):
        last = position == len(issue.path) - 1
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and key.value == str(step):
                    node = key if (last and issue.on_key) else value
                    break
            else:
                return node
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
            if not 0 <= step < len(node.value):
                return node
            node = node.value[step]
        else:
            return node
    return node


def locate(text: str, file: str, issues: Iterable[Issue]) -> list[Problem]:
    """Problems with file, line and column, in the order of the file."""
    import yaml

    from tracker.plans.yaml_loader import Loader

    issues = list(issues)
    try:
        root: yaml.Node | None = yaml.compose(text, Loader=Loader)  # noqa: S506
    except yaml.YAMLError:
        root = None
    problems: list[Problem] = []
    for issue in issues:
        line = column = None
        if root is not None:
            mark = _find(root, issue).start_mark
            line, column = mark.line + 1, mark.column + 1
        problems.append(
            Problem(
                field=field_name(issue.path),
                message=issue.message,
                allowed=issue.allowed,
                file=file,
                line=line,
                column=column,
            )
        )
    problems.sort(key=lambda p: (p.line or 0, p.column or 0))
    return problems
