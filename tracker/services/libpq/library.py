"""Finding and loading libpq (`tracker.services.libpq`): the one psycopg's binary package ships
(the one psycopg itself runs on), else the system's, and the C signatures of the functions the
driver calls. `load()` is None where no libpq (10 or later) loads."""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Iterator

_lib: ctypes.CDLL | None = None
_tried = False

# the server's notices (a WARNING, a NOTICE) are not printed: psycopg, too, only passes them to
# handlers a program adds, and tracker adds none
_NOTICE = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_char_p)
quiet = _NOTICE(lambda _arg, _message: None)


def _candidates() -> Iterator[str]:
    """The libpq psycopg's binary package ships (the one psycopg itself runs on), then the
    system's."""
    import importlib.util

    spec = importlib.util.find_spec("psycopg_binary")
    if spec is not None and spec.origin:
        package = os.path.dirname(spec.origin)
        for folder in (f"{package}.libs", os.path.join(package, ".dylibs")):
            try:
                names = sorted(os.listdir(folder))
            except OSError:
                continue
            for name in names:
                if name.startswith("libpq") and (
                    ".so" in name or name.endswith((".dylib", ".dll"))
                ):
                    yield os.path.join(folder, name)
    yield {"darwin": "libpq.5.dylib", "win32": "libpq.dll"}.get(sys.platform, "libpq.so.5")


def load() -> ctypes.CDLL | None:
    """libpq, its functions declared; None if none loads (or it is older than 10)."""
    global _lib, _tried
    if _tried:
        return _lib
    _tried = True
    for path in _candidates():
        try:
            lib = ctypes.CDLL(path)
            if lib.PQlibVersion() < 100000:
                continue
        except (OSError, AttributeError):
            continue
        _declare(lib)
        _lib = lib
        break
    return _lib


class _Option(ctypes.Structure):
    """libpq's PQconninfoOption: one setting of a connection."""

    _fields_ = [
        ("keyword", ctypes.c_char_p), ("envvar", ctypes.c_char_p),
        ("compiled", ctypes.c_char_p), ("val", ctypes.c_char_p), ("label", ctypes.c_char_p),
        ("dispchar", ctypes.c_char_p), ("dispsize", ctypes.c_int),
    ]  # fmt: skip


def _declare(lib: ctypes.CDLL) -> None:
    p, i, s = ctypes.c_void_p, ctypes.c_int, ctypes.c_char_p
    for name, args, result in (
        ("PQstatus", [p], i), ("PQerrorMessage", [p], s), ("PQfinish", [p], None),
        ("PQtransactionStatus", [p], i), ("PQparameterStatus", [p, s], s),
        ("PQresultStatus", [p], i), ("PQresultErrorMessage", [p], s),
        ("PQresultErrorField", [p, i], s), ("PQclear", [p], None), ("PQntuples", [p], i),
        ("PQnfields", [p], i), ("PQftype", [p, i], ctypes.c_uint),
        ("PQgetvalue", [p, i, i], s), ("PQgetisnull", [p, i, i], i),
        ("PQgetlength", [p, i, i], i), ("PQcmdTuples", [p], s),
        ("PQconnectStartParams", [ctypes.POINTER(s), ctypes.POINTER(s), i], p),
        ("PQconnectPoll", [p], i), ("PQsocket", [p], i),
        ("PQsendQueryParams", [p, s, i, ctypes.POINTER(ctypes.c_uint), ctypes.POINTER(s),
                               p, p, i], i),
        ("PQconsumeInput", [p], i), ("PQisBusy", [p], i), ("PQgetResult", [p], p),
        ("PQgetCancel", [p], p), ("PQcancel", [p, s, i], i), ("PQfreeCancel", [p], None),
        ("PQconninfo", [p], ctypes.POINTER(_Option)),
        ("PQconninfoFree", [ctypes.POINTER(_Option)], None),
        ("PQsetNoticeProcessor", [p, _NOTICE, p], p),
    ):  # fmt: skip
        fn = getattr(lib, name)
        fn.argtypes, fn.restype = args, result
