"""Every file the tracker writes goes through tracker.files: these are the promises a user
relies on when a write fails or two run at once."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tracker import files
from tracker.errors import InvalidInput


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_file_follows_the_umask_and_an_existing_one_keeps_its_mode(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        files.write_text(tmp_path / "new.md", "one")
    finally:
        os.umask(old)
    assert _mode(tmp_path / "new.md") == 0o640
    shared = tmp_path / "shared.md"
    shared.write_text("before")
    shared.chmod(0o664)
    files.write_text(shared, "after")
    assert shared.read_text() == "after"
    assert _mode(shared) == 0o664


def test_a_failed_write_leaves_the_previous_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "paper.md"
    target.write_text("the good paper")

    def breaks(fh: object) -> None:
        raise RuntimeError("renderer failed half way")

    with pytest.raises(RuntimeError):
        files.write_with(target, lambda fh: (fh.write(b"half"), breaks(fh)))
    assert target.read_text() == "the good paper"
    assert [p.name for p in tmp_path.iterdir()] == ["paper.md"]


def test_a_full_disk_is_a_clear_refusal_and_the_previous_file_stays(tmp_path: Path) -> None:
    # RLIMIT_FSIZE makes the write fail as a full disk does (root ignores read-only folders)
    target = tmp_path / "plan.yaml"
    target.write_text("previous")
    script = (
        "import resource, signal, sys\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (1000, 1000))\n"
        "from tracker import files\n"
        "from tracker.errors import InvalidInput\n"
        "try:\n"
        f"    files.write_text({str(target)!r}, 'x' * 100_000)\n"
        "except InvalidInput as exc:\n"
        "    print(exc)\n"
        "    sys.exit(2)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 2, done.stderr
    assert "plan.yaml" in done.stdout and "unchanged" in done.stdout
    assert target.read_text() == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.yaml"]


def test_a_missing_folder_is_refused_naming_the_file(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="folder does not exist"):
        files.write_text(tmp_path / "nope" / "x.ics", "data")


def test_a_dead_process_temporary_is_removed_but_a_live_one_is_left(tmp_path: Path) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True)  # fmt: skip
    dead_pid = int(dead.stdout)
    stray = tmp_path / f".out.csv.{dead_pid}.abc{files.TEMP_SUFFIX}"
    writing = tmp_path / f".out.csv.{os.getpid()}.xyz{files.TEMP_SUFFIX}"
    stray.write_text("left by a kill -9")
    writing.write_text("another export still writing")
    files.write_text(tmp_path / "out.csv", "a,b\n")
    assert not stray.exists()
    assert writing.exists()
    assert (tmp_path / "out.csv").read_text() == "a,b\n"


def test_writing_to_a_pipe_or_device_writes_through_it_and_never_replaces_it(
    tmp_path: Path,
) -> None:
    # `tracker plan export /dev/null` once renamed its temporary onto /dev/null (run as root,
    # that replaced the device with a plain file); a named pipe stands in for the device here
    import threading

    pipe = tmp_path / "paper.pipe"
    os.mkfifo(pipe)
    got: list[str] = []
    reader = threading.Thread(target=lambda: got.append(pipe.read_text()), daemon=True)
    reader.start()
    files.write_text(pipe, "the paper\n")
    reader.join(timeout=10)
    assert got == ["the paper\n"]
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["paper.pipe"]
    files.write_text(os.devnull, "nothing")  # and /dev/null stays the device it was
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
