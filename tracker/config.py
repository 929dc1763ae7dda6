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

from tracker.database_url import absolute_sqlite_url, check_server_url
from tracker.database_url import mask_password as mask_password  # also tracker.db's import

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
class MailSettings:
    """Where chasers are sent from (tracker.toml [mail]). Without a host, chasers are drafts
    (.eml files) only. The password is read from the environment variable `password_env`
    names, never from the settings file."""

    host: str
    sender: str
    port: int = 25
    security: str = "none"  # none | starttls | ssl
    username: str | None = None
    password_env: str | None = None
    timeout: float = 30.0  # seconds to wait for the server


MAIL_SECURITY = ("none", "starttls", "ssl")


@dataclass(frozen=True)
class ServeSettings:
    """`tracker serve` (tracker.toml [serve]): how long a browser session lasts, and how many
    may run at once (each is an app process of its own)."""

    idle_minutes: float = 30.0  # a session with no keystroke for this long is ended
    max_hours: float = 12.0  # and every session ends this long after sign-in, busy or not
    max_sessions: int = 50  # sessions open at once (in the database: all servers on it)
    # the reverse proxies (their addresses) whose X-Forwarded-For names the browser's address:
    # sign-in throttling and the logs then see each person's address, not the proxy's
    trusted_proxies: tuple[str, ...] = ()
    # app processes this server starts at once (the rest wait their turn, told how many are
    # ahead of them); 0: as many as this machine has cores (`starting_at_once`)
    max_starting: int = 0

    def starting_at_once(self) -> int:
        if self.max_starting:
            return self.max_starting
        import os

        try:
            return max(1, len(os.sched_getaffinity(0)))
        except AttributeError:  # no sched_getaffinity (not Linux)
            return max(1, os.cpu_count() or 1)


# [serve] limits: (smallest, largest) allowed
_SERVE_LIMITS = {"idle_minutes": (0.05, 1440.0), "max_hours": (0.01, 168.0),
                 "max_sessions": (1, 10_000), "max_starting": (1, 1000)}  # fmt: skip


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
    paper_time_limit: float = 10.0  # seconds a paper template may take to render
    paper_size_limit: int = 5_000_000  # characters a rendered paper may have
    returns_days_before: int = 7  # returns are due this many days before the board meets
    mail: MailSettings | None = None  # [mail]: chasers sent by SMTP
    docx_reference: Path | None = None  # the council's own .docx: fonts, logo, margins
    serve: ServeSettings = ServeSettings()  # [serve]: browser sessions (`tracker serve`)
    # [auth] required: on a SQLite file too, act only as an account (the operating-system
    # user's); without it a SQLite file's local user may do everything, as before accounts
    auth_required: bool = False
    # [database] row_security: PostgreSQL row-level security policies bind every login but the
    # tables' owner (applied by tracker init and tracker db upgrade)
    row_security: bool = False
    # [database] busy_timeout: seconds a statement waits for another program's lock (a second
    # tracker writing, a backup) before it is refused as busy: SQLite's busy timeout,
    # PostgreSQL's lock_timeout
    busy_timeout: float = 30.0

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
    "database": {"url": str, "row_security": bool, "busy_timeout": (int, float)},
    "plans": {"load": list},
    "papers": {"templates": str, "output": str, "time_limit": (int, float), "size_limit": int,
               "docx_reference": str},
    "user": {"name": str},
    "clock": {"today": (str, dt.date)},
    "sheets": {"max_rows": int, "max_columns": int, "max_cell_characters": int,
               "max_megabytes": int},
    "returns": {"days_before": int},
    "auth": {"required": bool},
    "mail": {"host": str, "port": int, "sender": str, "security": str, "username": str,
             "password_env": str, "timeout": (int, float)},
    "serve": {"idle_minutes": (int, float), "max_hours": (int, float), "max_sessions": int,
              "trusted_proxies": list, "max_starting": int},
}  # fmt: skip


_TYPE_NAMES = {
    str: "a string", list: "a list", bool: "true or false", dt.date: "a date (YYYY-MM-DD)",
    int: "a whole number",
    float: "a number",
}  # fmt: skip
# [papers] limits: (smallest, largest) allowed
_PAPER_LIMITS = {"time_limit": (0.1, 3600.0), "size_limit": (1_000, 1_000_000_000)}
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
            f"{where}: {mask_password(url)!r} is not a database URL "
            "(allowed: sqlite:///FILE or postgresql://USER@HOST:PORT/NAME)"
        )
    if scheme != "sqlite":  # a SQLite URL is a path
        wrong = check_server_url(url)
        if wrong:
            where = "TRACKER_DB_URL" if env_url else f"{path}: setting database.url"
            raise SettingsError(
                f"{where}: {mask_password(url)!r} is not a valid database URL: {wrong}"
            )
    url = absolute_sqlite_url(url, base)

    plans_raw = raw.get("plans", {}).get("load", [])
    assert isinstance(plans_raw, list)
    for i, item in enumerate(plans_raw):
        if not isinstance(item, str):
            raise SettingsError(f"{path}: setting plans.load[{i}] must be a file path string")
    papers = raw.get("papers", {})
    _within_limits(papers, "papers", _PAPER_LIMITS, path)
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
        paper_time_limit=_number(papers.get("time_limit", Settings.paper_time_limit)),
        paper_size_limit=int(_number(papers.get("size_limit", Settings.paper_size_limit))),
        returns_days_before=_days_before(raw.get("returns", {}), path),
        mail=_mail(raw.get("mail", {}), path),
        serve=_serve(raw.get("serve", {}), path),
        auth_required=bool(raw.get("auth", {}).get("required", False)),
        row_security=bool(raw.get("database", {}).get("row_security", False)),
        busy_timeout=_busy_timeout(raw.get("database", {}), path),
        docx_reference=(rel(str(papers["docx_reference"])) if "docx_reference" in papers else None),
    )


def _days_before(raw: Mapping[str, object], path: Path | None) -> int:
    value = raw.get("days_before", Settings.returns_days_before)
    assert isinstance(value, int)  # _check has seen to the type
    if not 0 <= value <= 365:
        raise SettingsError(
            f"{path}: setting returns.days_before must be from 0 to 365 days, got {value!r}"
        )
    return value


def _busy_timeout(raw: Mapping[str, object], path: Path | None) -> float:
    seconds = raw.get("busy_timeout", Settings.busy_timeout)
    if (
        isinstance(seconds, bool)
        or not isinstance(seconds, int | float)
        or not (0.01 <= seconds <= 3600)
    ):
        raise SettingsError(
            f"{path}: setting database.busy_timeout must be from 0.01 to 3600 seconds, "
            f"got {seconds!r}"
        )
    return float(seconds)


def _mail(raw: Mapping[str, object], path: Path | None) -> MailSettings | None:
    """[mail], checked: a host and a sender, a port from 1 to 65535, a known security."""
    if not raw:
        return None
    for key in ("host", "sender"):
        if not str(raw.get(key) or "").strip():
            raise SettingsError(
                f'{path}: [mail] needs {key} (e.g. host = "smtp.example.gov.uk", '
                'sender = "Programme Office <pmo@example.gov.uk>")'
            )
    sender = str(raw["sender"])
    if "@" not in sender:
        raise SettingsError(
            f"{path}: setting mail.sender must be an e-mail address, got {sender!r}"
        )
    port = raw.get("port", 25)
    assert isinstance(port, int)
    if not 1 <= port <= 65535:
        raise SettingsError(f"{path}: setting mail.port must be from 1 to 65535, got {port!r}")
    security = str(raw.get("security", "none"))
    if security not in MAIL_SECURITY:
        raise SettingsError(
            f"{path}: setting mail.security must be one of {', '.join(MAIL_SECURITY)}, "
            f"got {security!r}"
        )
    timeout = raw.get("timeout", 30.0)
    assert isinstance(timeout, int | float)
    if isinstance(timeout, bool) or not 0.1 <= timeout <= 600:
        raise SettingsError(
            f"{path}: setting mail.timeout must be from 0.1 to 600 seconds, got {timeout!r}"
        )
    username = raw.get("username")
    password_env = raw.get("password_env")
    return MailSettings(
        host=str(raw["host"]).strip(), sender=sender, port=port, security=security,
        username=str(username) if username else None,
        password_env=str(password_env) if password_env else None, timeout=float(timeout),
    )  # fmt: skip


def _within_limits(
    raw: Mapping[str, object],
    section: str,
    limits: Mapping[str, tuple[float, float]],
    path: Path | None,
) -> dict[str, float]:
    """The numbers of `section` that have limits, each checked to lie within them."""
    values: dict[str, float] = {}
    for key, (low, high) in limits.items():
        value = raw.get(key)
        if value is None:
            continue
        # _check has seen to the type: an int or float, but bool is an int too
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not low <= value <= high
        ):
            raise SettingsError(
                f"{path}: setting {section}.{key} must be from {low:g} to {high:,}, got {value!r}"
            )
        values[key] = value
    return values


def _serve(raw: Mapping[str, object], path: Path | None) -> ServeSettings:
    """[serve], each value within its limits."""
    values = _within_limits(raw, "serve", _SERVE_LIMITS, path)
    import ipaddress

    proxies = raw.get("trusted_proxies", [])
    assert isinstance(proxies, list)  # _check has seen to the type
    for i, item in enumerate(proxies):
        try:
            ipaddress.ip_address(str(item))
        except ValueError:
            raise SettingsError(
                f"{path}: setting serve.trusted_proxies[{i}] must be an IP address "
                f'(e.g. "127.0.0.1"), got {item!r}'
            ) from None
    return ServeSettings(
        idle_minutes=float(values.get("idle_minutes", ServeSettings.idle_minutes)),
        max_hours=float(values.get("max_hours", ServeSettings.max_hours)),
        max_sessions=int(values.get("max_sessions", ServeSettings.max_sessions)),
        trusted_proxies=tuple(str(p) for p in proxies),
        max_starting=int(values.get("max_starting", ServeSettings.max_starting)),
    )


def _number(value: object) -> float:
    assert isinstance(value, int | float)  # checked above
    return value


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
