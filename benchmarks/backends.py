"""The databases a benchmark runs against: a fresh SQLite file, or a fresh PostgreSQL database
created for the run and dropped after it. Each gets its own tracker.toml (plans.load = [], the
data's fixed today) and is driven only through whole `tracker` processes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import timing

TODAY = "2026-03-01"  # generate.PIVOT: the generated data's "now"
PG_ADMIN_DEFAULT = "postgresql://127.0.0.1:5432/postgres"


def write_config(
    path: Path,
    url: str,
    *,
    papers: Path | None = None,
    user: str | None = "Bench",
    today: str = TODAY,
) -> Path:
    """A benchmark's tracker.toml: its database, no plans loaded, the data's fixed today, and
    where papers go when the benchmark writes them."""
    parts = [f'[database]\nurl = "{url}"\n', "[plans]\nload = []\n"]
    if papers is not None:
        parts.append(f'[papers]\noutput = "{papers}"\n')
    if user is not None:
        parts.append(f'[user]\nname = "{user}"\n')
    parts.append(f'[clock]\ntoday = "{today}"\n')
    path.write_text("".join(parts), encoding="utf-8")
    return path


@dataclass
class Backend:
    name: str  # "SQLite" | "PostgreSQL"
    folder: Path
    admin_url: str | None = None  # PostgreSQL: where to create and drop databases
    version: str = ""
    _db_name: str | None = field(default=None, repr=False)
    _count: int = field(default=0, repr=False)

    @property
    def config(self) -> Path:
        return self.folder / "tracker.toml"

    @property
    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in ("TRACKER_DB_URL", "TRACKER_TODAY")}
        env["TRACKER_CONFIG"] = str(self.config)
        return env

    def tracker(self, *args: str) -> list[str]:
        return [timing.TRACKER, *args]

    def fresh(self) -> None:
        """An empty database with the current schema (`tracker init` with no plans)."""
        self.drop()
        self._count += 1
        if self.admin_url is None:
            url = f"sqlite:///{self.folder / 'tracker.db'}"
        else:
            self._db_name = f"tracker_bench_{os.getpid()}_{self._count}"
            with _admin(self.admin_url) as conn:
                conn.execute(f'CREATE DATABASE "{self._db_name}"')
            url = _with_database(self.admin_url, self._db_name)
        write_config(self.config, url, user="Benchmark")
        timing.run(self.tracker("init"), env=self.env)

    def drop(self) -> None:
        if self.admin_url is None:
            for suffix in ("", "-wal", "-shm"):
                (self.folder / f"tracker.db{suffix}").unlink(missing_ok=True)
        elif self._db_name is not None:
            with _admin(self.admin_url) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{self._db_name}" WITH (FORCE)')
            self._db_name = None

    def close(self) -> None:
        self.drop()
        shutil.rmtree(self.folder, ignore_errors=True)


def _admin(url: str):  # type: ignore[no-untyped-def]
    import psycopg

    return psycopg.connect(url, autocommit=True, connect_timeout=5)


def _with_database(url: str, name: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).set(database=name).render_as_string(hide_password=False)


def sqlite() -> Backend:
    import sqlite3

    folder = Path(tempfile.mkdtemp(prefix="bench-sqlite-"))
    return Backend("SQLite", folder, version=sqlite3.sqlite_version)


def postgresql(admin_url: str | None = None) -> Backend | str:
    """A PostgreSQL backend, or the reason there is none."""
    url = admin_url or os.environ.get("TRACKER_BENCH_PG_URL", PG_ADMIN_DEFAULT)
    try:
        with _admin(url) as conn:
            row = conn.execute("SHOW server_version").fetchone()
    except Exception as exc:  # noqa: BLE001 - any failure to connect means "no server"
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        return f"no PostgreSQL server at {url} ({exc.__class__.__name__}: {first})"
    folder = Path(tempfile.mkdtemp(prefix="bench-pg-"))
    return Backend("PostgreSQL", folder, admin_url=url, version=str(row[0]) if row else "?")


@contextmanager
def database(kind: str, folder: Path | None = None, *, tag: str = "") -> Iterator[str | None]:
    """A throw-away database for one script's run: its URL, or None when PostgreSQL is not
    reachable (the reason printed: "PostgreSQL skipped: ...").

    "sqlite": the file bench.db in `folder` (a temporary folder, removed after, if none given).
    "postgresql": a database tracker_bench_<tag>_<pid>_<random> on TRACKER_BENCH_PG_URL (else
    127.0.0.1:5432), created empty (no schema) and dropped WITH (FORCE) after."""
    if kind == "sqlite":
        if folder is not None:
            yield f"sqlite:///{folder / 'bench.db'}"
            return
        with tempfile.TemporaryDirectory(prefix="bench-sqlite-") as tmp:
            yield f"sqlite:///{Path(tmp) / 'bench.db'}"
        return
    if kind != "postgresql":
        raise ValueError(f"unknown database kind {kind!r} (sqlite or postgresql)")
    admin = os.environ.get("TRACKER_BENCH_PG_URL", PG_ADMIN_DEFAULT)
    try:
        with _admin(admin) as conn:
            conn.execute("SELECT 1")
    except Exception as exc:  # noqa: BLE001 - no server: say so and skip
        print(f"PostgreSQL skipped: not reachable at {admin} ({exc.__class__.__name__})")
        yield None
        return
    name = f"tracker_bench_{tag + '_' if tag else ''}{os.getpid()}_{uuid.uuid4().hex[:6]}"
    with _admin(admin) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield _with_database(admin, name)
    finally:
        with _admin(admin) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def plan_file(folder: Path, *generate_args: str) -> Path:
    """$BENCH_PLAN when set (run.py passes it); else a plan generated into folder/plan.yaml by
    generate.py with these arguments (none: its defaults, 10,000 actions, 100,000 updates)."""
    given = os.environ.get("BENCH_PLAN")
    if given:
        return Path(given)
    out = folder / "plan.yaml"
    generate = Path(__file__).with_name("generate.py")
    subprocess.run([sys.executable, str(generate), "--out", str(out), *generate_args],
                   check=True, stdout=subprocess.DEVNULL)  # fmt: skip
    return out
