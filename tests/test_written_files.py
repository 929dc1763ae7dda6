"""Files the tracker writes (plan export, calendar, papers, the SQLite database) as a user
meets them: a write that fails half-way (the disk fills) leaves the previous file exactly as it
was and no temporary beside it; a new file follows the umask, a replaced one keeps its mode;
the database is not readable by everyone. On SQLite and PostgreSQL."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tracker.cli import cli
from tracker.files import TEMP_SUFFIX
from tracker.services.context import Tracker

BOARD = "supporting-families-board"
SHIPPED_PLAN = Path(__file__).resolve().parents[1] / "plans" / "early-help-2024-2029.yaml"
OLD = b"the previous export, which a failed export must leave whole\n" * 20


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args])


def run_with_full_disk(settings_file: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    """The CLI in its own process, where any file grows past 100 bytes no more: as on a full
    disk, a write fails part-way (EFBIG instead of ENOSPC; the same path through the code)."""
    code = (
        "import resource, signal, sys\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (100, resource.RLIM_INFINITY))\n"
        "from tracker.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    env = {**os.environ, "TRACKER_CONFIG": str(settings_file)}
    return subprocess.run(
        [sys.executable, "-c", code, *map(str, args)],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip


def temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(TEMP_SUFFIX))


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize(
    ("command", "name"),
    [
        (("plan", "export"), "plan.yaml"),
        (("calendar", "export"), "governance.ics"),
        (("paper", "render", "highlight", "--board", BOARD, "--out"),
         "highlight.md"),
    ],
)  # fmt: skip
def test_a_write_failing_part_way_leaves_the_previous_file_whole(
    loaded: Tracker, settings_file: Path, tmp_path: Path, command: tuple[str, ...], name: str
) -> None:
    target = tmp_path / name
    target.write_bytes(OLD)
    done = run_with_full_disk(settings_file, *command, target)
    assert done.returncode == 2, done.stderr
    assert "nothing was changed" in done.stderr
    assert str(target) in done.stderr and "cannot write" in done.stderr
    assert "Traceback" not in done.stderr
    assert target.read_bytes() == OLD
    assert temporaries(tmp_path) == []


def test_a_temporary_left_by_a_killed_export_goes_with_the_next_write(
    loaded: Tracker, tmp_path: Path
) -> None:
    target = tmp_path / "plan.yaml"
    stray = tmp_path / f".plan.yaml.k1ll3d{TEMP_SUFFIX}"  # as SIGKILL mid-write leaves it
    stray.write_text("half a plan", encoding="utf-8")
    result = run("plan", "export", target)
    assert result.exit_code == 0, result.output
    assert temporaries(tmp_path) == []
    assert "strategy:" in target.read_text(encoding="utf-8")


@pytest.mark.usefixtures("umask_022")
@pytest.mark.parametrize(
    ("command", "name"),
    [
        (("plan", "export"), "plan.yaml"),
        (("calendar", "export"), "governance.ics"),
        (("paper", "render", "highlight", "--board", BOARD, "--out"),
         "highlight.md"),
    ],
)  # fmt: skip
def test_a_new_file_follows_the_umask_and_a_replaced_one_keeps_its_mode(
    loaded: Tracker, tmp_path: Path, command: tuple[str, ...], name: str
) -> None:
    target = tmp_path / name
    result = run(*command, target)
    assert result.exit_code == 0, result.output
    assert mode(target) == 0o644  # colleagues can open it from a shared folder
    target.chmod(0o664)
    result = run(*command, target)
    assert result.exit_code == 0, result.output
    assert mode(target) == 0o664


@pytest.mark.usefixtures("umask_022")
def test_a_paper_in_the_default_output_folder_is_readable_by_colleagues(
    loaded: Tracker, settings_file: Path
) -> None:
    result = run("paper", "render", "highlight", "--board", BOARD)
    assert result.exit_code == 0, result.output
    assert mode(Path(result.output.strip())) == 0o644


@pytest.mark.usefixtures("umask_022")
@pytest.mark.parametrize("shared", [False, True], ids=["own folder", "setgid group folder"])
def test_a_new_sqlite_database_is_not_world_readable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shared: bool
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    if shared:
        folder.chmod(0o2775)
    db = folder / "tracker.db"
    monkeypatch.delenv("TRACKER_DB_URL", raising=False)
    settings = tmp_path / "tracker.toml"
    settings.write_text(
        f'[database]\nurl = "sqlite:///{db}"\n\n[plans]\nload = ["{SHIPPED_PLAN}"]\n', "utf-8"
    )
    monkeypatch.setenv("TRACKER_CONFIG", str(settings))
    result = run("init")
    assert result.exit_code == 0, result.output
    want = 0o660 if shared else 0o600
    assert mode(db) == want
    # the write-ahead log and shared memory files exist while the database is open
    from tracker.config import load_settings
    from tracker.services.context import open_tracker

    t = open_tracker(load_settings())
    try:
        with t.db.reading() as s:
            s.connection().exec_driver_sql("SELECT count(*) FROM action").scalar()
        for side in ("-wal", "-shm"):
            assert mode(db.with_name(db.name + side)) == want, side
    finally:
        t.close()


def _handles_sigterm(pid: int) -> bool:
    status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    caught = next(line for line in status.splitlines() if line.startswith("SigCgt:"))
    return bool(int(caught.split()[1], 16) & (1 << (signal.SIGTERM - 1)))


def test_sigterm_during_a_command_is_a_clean_exit(loaded: Tracker, settings_file: Path) -> None:
    # a template that renders for a long time: the command is busy when the signal comes
    folder = loaded.settings.templates
    assert folder is not None
    folder.mkdir()
    (folder / "highlight.md.j2").write_text(
        "{# paper: highlight #}\n{% for i in range(100000) %}{% for j in range(100000) %}"
        "{% endfor %}{% endfor %}\n",
        encoding="utf-8",
    )
    text = settings_file.read_text(encoding="utf-8")
    settings_file.write_text(text.replace("[papers]\n", "[papers]\ntime_limit = 600\n"), "utf-8")
    # faulthandler: sent SIGABRT, the command prints where each thread is (see below)
    env = {**os.environ, "TRACKER_CONFIG": str(settings_file), "PYTHONFAULTHANDLER": "1"}
    out = settings_file.parent / "paper.md"
    process = subprocess.Popen(
        [sys.executable, "-m", "tracker", "paper", "render", "highlight", "--board", BOARD,
         "--out", str(out)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    try:
        for _ in range(1200):  # until its handler is in place (a minute at most)
            if process.poll() is not None or _handles_sigterm(process.pid):
                break
            time.sleep(0.05)
        process.send_signal(signal.SIGTERM)
        try:
            _, stderr = process.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGABRT)  # its stacks, then it ends
            _, stderr = process.communicate(timeout=60)
            pytest.fail(f"still running a minute after SIGTERM; its stderr:\n{stderr}")
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 128 + signal.SIGTERM, stderr
    assert "Traceback" not in stderr, stderr
    assert not out.exists()
    assert temporaries(settings_file.parent) == []
