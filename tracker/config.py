"""Project settings from `tracker.toml`.

The file is found from `--config PATH`, else `TRACKER_CONFIG`, else `tracker.toml` in the current
folder or the nearest parent. `TRACKER_DB_URL` overrides the database URL and `TRACKER_TODAY`
fixes "today" (for tests and rehearsals). Relative paths are relative to the settings file.
"""

from __future__ import annotations

import datetime as dt
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

DEFAULT_FILE = "tracker.toml"


class SettingsError(ValueError):
    """A settings file that cannot be used; the message names the file and key."""


@dataclass(frozen=True)
class SheetLimits:
    """What a sheet import reads at most (tracker.toml [sheets]); far past any real return,
    so that a hostile or broken file is refused quickly instead of filling the memory."""

    max_rows: int = 100_000
    max_columns: int = 200
    max_cell_characters: int = 32_767  # Excel's own limit for a cell
    max_megabytes: int = 200  # the file's size, uncompressed (an .xlsx is a zip)


@dataclass(frozen=True)
class Settings:
    database_url: str
    plans: tuple[Path, ...] = ()
    templates: Path | None = None
    output: Path = Path("papers")
    user: str = "unknown"
    today: dt.date | None = None
    sheets: SheetLimits = SheetLimits()
    source: Path | None = None  # the file these came from, if any

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    def sqlite_path(self) -> Path | None:
        if not self.is_sqlite:
            return None
        if "///" not in self.database_url:
            return None  # sqlite:// is an in-memory database
        tail = self.database_url.split("///", 1)[1].split("?", 1)[0]
        return None if tail in ("", ":memory:") else Path(tail)


_KEYS: dict[str, dict[str, type | tuple[type, ...]]] = {
    "database": {"url": str},
    "plans": {"load": list},
    "papers": {"templates": str, "output": str},
    "user": {"name": str},
    "clock": {"today": (str, dt.date)},
    "sheets": {"max_rows": int, "max_columns": int, "max_cell_characters": int,
               "max_megabytes": int},
}  # fmt: skip


_TYPE_NAMES = {str: "a string", list: "a list", dt.date: "a date (YYYY-MM-DD)",
               int: "a whole number"}  # fmt: skip
_URL_SCHEMES = ("sqlite", "postgresql", "postgres")


def find_settings_file(explicit: str | os.PathLike[str] | None = None) -> Path | None:
    if explicit:
        return Path(explicit)
    env = os.environ.get("TRACKER_CONFIG")
    if env:
        return Path(env)
    here = Path.cwd()
    for folder in (here, *here.parents):
        candidate = folder / DEFAULT_FILE
        if candidate.is_file():
            return candidate
    return None


def _check(raw: Mapping[str, object], path: Path) -> None:
    for section, value in raw.items():
        if section not in _KEYS:
            allowed = ", ".join(f"[{s}]" for s in _KEYS)
            raise SettingsError(f"{path}: unknown section [{section}] (allowed: {allowed})")
        if not isinstance(value, dict):
            raise SettingsError(f"{path}: [{section}] must be a table of settings")
        for key, item in value.items():
            expected = _KEYS[section].get(key)
            if expected is None:
                allowed = ", ".join(f"{section}.{k}" for k in _KEYS[section])
                raise SettingsError(f"{path}: unknown setting {section}.{key} (allowed: {allowed})")
            if not isinstance(item, expected) or (expected is int and isinstance(item, bool)):
                names = expected if isinstance(expected, tuple) else (expected,)
                wanted = " or ".join(_TYPE_NAMES.get(t, t.__name__) for t in names)
                raise SettingsError(
                    f"{path}: setting {section}.{key} must be {wanted}, got {item!r}"
                )


def _parse_today(value: object, where: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise SettingsError(f"{where} must be a date YYYY-MM-DD, got {value!r}") from None


def load_settings(explicit: str | os.PathLike[str] | None = None) -> Settings:
    path = find_settings_file(explicit)
    raw: dict[str, dict[str, object]] = {}
    base = Path.cwd()
    if path is not None:
        if not path.is_file():
            raise SettingsError(f"{path}: settings file not found")
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise SettingsError(f"{path}: not valid TOML: {exc}") from None
        except UnicodeDecodeError:
            raise SettingsError(f"{path}: not UTF-8 text") from None
        _check(raw, path)
        base = path.resolve().parent

    def rel(value: str) -> Path:
        p = Path(value).expanduser()
        return p if p.is_absolute() else base / p

    url = str(raw.get("database", {}).get("url", "sqlite:///tracker.db"))
    env_url = os.environ.get("TRACKER_DB_URL")
    if env_url:
        url = env_url
    scheme = url.split("://", 1)[0].split("+", 1)[0] if "://" in url else ""
    if scheme not in _URL_SCHEMES:
        where = "TRACKER_DB_URL" if env_url else f"{path}: setting database.url"
        raise SettingsError(
            f"{where}: {url!r} is not a database URL "
            "(allowed: sqlite:///FILE or postgresql://USER@HOST:PORT/NAME)"
        )
    if scheme != "sqlite":  # a SQLite URL is a path
        from urllib.parse import urlsplit  # not SQLAlchemy's make_url: commands start without it

        try:
            urlsplit(url).port  # noqa: B018 - raises for a port that is not a number
        except ValueError as exc:
            where = "TRACKER_DB_URL" if env_url else f"{path}: setting database.url"
            raise SettingsError(f"{where}: {url!r} is not a valid database URL: {exc}") from None
    url = _absolute_sqlite_url(url, base)

    plans_raw = raw.get("plans", {}).get("load", [])
    assert isinstance(plans_raw, list)
    for i, item in enumerate(plans_raw):
        if not isinstance(item, str):
            raise SettingsError(f"{path}: setting plans.load[{i}] must be a file path string")
    papers = raw.get("papers", {})
    env_today = os.environ.get("TRACKER_TODAY")
    today_raw = env_today or raw.get("clock", {}).get("today")
    today_where = "TRACKER_TODAY" if env_today else f"{path}: setting clock.today"
    return Settings(
        database_url=url,
        sheets=_sheet_limits(raw.get("sheets", {}), path),
        plans=tuple(rel(p) for p in plans_raw),
        templates=rel(str(papers["templates"])) if "templates" in papers else None,
        output=rel(str(papers.get("output", "papers"))),
        user=str(raw.get("user", {}).get("name", os.environ.get("USER", "unknown"))),
        today=_parse_today(today_raw, today_where) if today_raw else None,
        source=path,
    )


def _sheet_limits(raw: Mapping[str, object], path: Path | None) -> SheetLimits:
    limits: dict[str, int] = {}
    for key, value in raw.items():
        assert isinstance(value, int)  # _check has seen to it, and to the keys
        if value < 1:
            raise SettingsError(
                f"{path}: setting sheets.{key} must be a whole number of at least 1, got {value!r}"
            )
        limits[key] = value
    return SheetLimits(**limits)


def _absolute_sqlite_url(url: str, base: Path) -> str:
    """Make a relative SQLite path relative to the settings file, not the current folder."""
    prefix = "sqlite:///"
    if url.startswith(prefix) and not url.startswith("sqlite:////"):
        tail = url[len(prefix) :]
        if tail and tail != ":memory:" and not tail.startswith("/"):
            return prefix + str((base / tail).resolve())
    return url
