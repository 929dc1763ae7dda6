"""Every file the tracker writes goes through here: written beside its target under a hidden
temporary name, flushed to disk, given the mode the user expects, then renamed into place. A
failure (disk full, a kill) leaves the previous file exactly as it was.

A leaf module: it imports nothing from the tracker but its errors."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from tracker.errors import InvalidInput, Problem

TEMP_SUFFIX = ".tracker-tmp"


def _umask() -> int:
    # os.umask can only be read by setting it; put it straight back
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def target_mode(target: Path) -> int:
    """The mode a written file gets: an existing file keeps its own; a new one follows the
    user's umask, as any other program's files do."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return 0o666 & ~_umask()


def why(exc: OSError) -> str:
    """An OSError in words a user can act on."""
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    if exc.errno == errno.EDQUOT:
        return "the disk quota is used up"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.EROFS:
        return "the file system is read-only"
    return exc.strerror or str(exc)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def remove_stale_temporaries(folder: Path, name: str) -> None:
    """Temporaries left by a process killed with SIGKILL (no handler can run then) are removed
    by the next write of the same file. Each temporary names its process, so one that another
    export is still writing is left alone."""
    for stray in folder.glob(f".{name}.*{TEMP_SUFFIX}"):
        m = re.match(rf"\.{re.escape(name)}\.(\d+)\.", stray.name)
        if m and _alive(int(m.group(1))):
            continue
        with contextlib.suppress(OSError):
            stray.unlink()


def _not_a_regular_file(target: Path) -> bool:
    try:
        return not stat.S_ISREG(target.stat().st_mode)
    except OSError:
        return False  # not there yet: a new file


@contextlib.contextmanager
def replacing(path: str | os.PathLike[str], *, field: str = "file") -> Iterator[BinaryIO]:
    """Open a temporary file beside `path` for writing bytes; on a clean exit it replaces
    `path` whole, on any error (or kill signal turned into an exception) it is removed and
    `path` is untouched. OS errors become InvalidInput naming the file and `field`."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise InvalidInput(Problem(field, "the folder does not exist", file=str(target)))
    if target.is_dir():
        raise InvalidInput(Problem(field, "is a folder, not a file", file=str(target)))
    if _not_a_regular_file(target):
        # /dev/null, /dev/stdout, a named pipe: renaming onto one would replace the device
        try:
            with open(target, "wb") as fh:
                yield fh
        except OSError as exc:
            raise InvalidInput(
                Problem(field, f"cannot write: {why(exc)}", file=str(target))
            ) from None
        return
    remove_stale_temporaries(folder, target.name)
    mode = target_mode(target)
    try:
        fd, tmp = tempfile.mkstemp(
            prefix=f".{target.name}.{os.getpid()}.", suffix=TEMP_SUFFIX, dir=folder
        )
    except OSError as exc:
        raise InvalidInput(
            Problem(field, f"cannot write in {folder}: {why(exc)}", file=str(target))
        ) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise InvalidInput(
            Problem(
                field,
                f"cannot write: {why(exc)}; the previous file (if any) is unchanged",
                file=str(target),
            )
        ) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_bytes(path: str | os.PathLike[str], data: bytes, *, field: str = "file") -> None:
    with replacing(path, field=field) as fh:
        fh.write(data)


def write_text(
    path: str | os.PathLike[str], text: str, *, encoding: str = "utf-8", field: str = "file"
) -> None:
    write_bytes(path, text.encode(encoding), field=field)


def write_with(
    path: str | os.PathLike[str], writer: Callable[[BinaryIO], None], *, field: str = "file"
) -> None:
    """For libraries that write to a file object themselves (openpyxl, csv)."""
    with replacing(path, field=field) as fh:
        writer(fh)


def private_mode(path: Path) -> int:
    """A new database file's mode: 0600, or 0660 in a setgid folder shared by a group."""
    folder_mode = path.parent.stat().st_mode if str(path.parent) else os.stat(".").st_mode
    return 0o660 if folder_mode & stat.S_ISGID else 0o600
