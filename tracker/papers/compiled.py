"""Compiled paper templates kept between runs, in the user's cache folder.

Compiling a paper's templates costs 35-50 ms, more than the data work of a small paper. The
sandbox is unaffected: its checks run when the compiled code runs, not when it is compiled.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import stat
from functools import lru_cache
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket, FileSystemBytecodeCache


class _PaperBytecodeCache(FileSystemBytecodeCache):
    """One file per template file (Jinja2 keys it by name and path, so a board's own template
    has its own), named by the environment kind and a digest of tracker/papers/environment.py
    and Jinja2's version: the Markdown and HTML environments (their code differs) never share
    an entry. Jinja2 checks each entry against the template's source. Any trouble reading or
    writing means compiling as before."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, EOFError, ValueError, pickle.UnpicklingError):  # a damaged entry
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):  # written beside it, then renamed
            super().dump_bytecode(bucket)


def cache_folder() -> Path | None:
    """$XDG_CACHE_HOME/tracker/papers (else ~/.cache/tracker/papers), made private to this
    user; None when it cannot be made or someone else could write there (a cached template
    is code that runs)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = Path(base) / "tracker" / "papers"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        info = folder.stat()
        if info.st_uid != os.getuid() or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
            return None
        if not os.access(folder, os.W_OK | os.X_OK):
            return None
    except OSError:
        return None
    return folder


@lru_cache(maxsize=1)
def _code_version() -> str:
    digest = hashlib.sha1((Path(__file__).parent / "environment.py").read_bytes())
    digest.update(jinja2.__version__.encode())
    return digest.hexdigest()[:16]


def bytecode_cache(template_format: str, fmt: str) -> _PaperBytecodeCache | None:
    folder = cache_folder()
    if folder is None:
        return None
    kind = f"{template_format}-{fmt}"  # md-md, md-html, html-html: different code
    return _PaperBytecodeCache(str(folder), f"{kind}-{_code_version()}-%s.cache")
