"""Long work shows its progress on a terminal (phase, count, rate) and nothing extra when the
output is not a terminal. Real processes: one with a pseudo-terminal, one with pipes."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

PLAN = Path(__file__).parent / "data" / "plans" / "small.yaml"


def _settings(folder: Path, *plans: Path) -> Path:
    listed = ", ".join(f'"{p}"' for p in plans)
    path = folder / "tracker.toml"
    path.write_text(
        f'[database]\nurl = "sqlite:///{folder / "t.db"}"\n\n[plans]\nload = [{listed}]\n\n'
        '[user]\nname = "Tester"\n\n[clock]\ntoday = "2026-03-01"\n',
        encoding="utf-8",
    )
    return path


def _on_a_terminal(args: list[str]) -> tuple[int, str]:
    leader, follower = pty.openpty()
    proc = subprocess.Popen(args, stdin=follower, stdout=follower, stderr=follower)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the process closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    return proc.wait(timeout=120), b"".join(chunks).decode("utf-8", "replace")


def test_plan_import_and_init_show_phase_count_and_rate_on_a_terminal(tmp_path: Path) -> None:
    tracker = [sys.executable, "-m", "tracker", "--config", str(_settings(tmp_path))]
    code, said = _on_a_terminal([*tracker, "init"])
    assert code == 0
    code, said = _on_a_terminal([*tracker, "plan", "import", str(PLAN)])
    assert code == 0, said
    assert "importing small.yaml" in said
    # the last frame is always drawn (the earlier ones at 10 a second, as the work allows)
    assert "committing" in said
    assert "items/s" in said and "34/34" in said  # the count of items and the rate
    assert "35 created" in said


def test_init_shows_its_progress_on_a_terminal(tmp_path: Path) -> None:
    tracker = [sys.executable, "-m", "tracker", "--config", str(_settings(tmp_path, PLAN))]
    code, said = _on_a_terminal([*tracker, "init"])
    assert code == 0, said
    assert "creating the database" in said
    assert "committing" in said and "34/34" in said


def test_nothing_extra_when_the_output_is_not_a_terminal(tmp_path: Path) -> None:
    tracker = [sys.executable, "-m", "tracker", "--config", str(_settings(tmp_path, PLAN))]
    init = subprocess.run([*tracker, "init"], capture_output=True, text=True, timeout=120)
    assert init.returncode == 0 and init.stderr == ""
    assert init.stdout.splitlines()[-2:] == [f"loaded {PLAN}", "4 actions in the plan"]
    again = subprocess.run(
        [*tracker, "plan", "import", str(PLAN)], capture_output=True, text=True, timeout=120
    )
    assert again.returncode == 0 and again.stderr == ""
    assert "writing" not in again.stdout and "items/s" not in again.stdout


def test_plan_export_shows_its_phase_on_a_terminal_and_nothing_in_a_pipe(tmp_path: Path) -> None:
    tracker = [sys.executable, "-m", "tracker", "--config", str(_settings(tmp_path, PLAN))]
    assert subprocess.run([*tracker, "init"], capture_output=True, timeout=120).returncode == 0
    code, said = _on_a_terminal([*tracker, "plan", "export", str(tmp_path / "a.yaml")])
    assert code == 0, said
    assert "exporting a.yaml" in said and "wrote" in said
    piped = subprocess.run(
        [*tracker, "plan", "export", str(tmp_path / "b.yaml")],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert piped.returncode == 0 and piped.stderr == "" and "exporting" not in piped.stdout
    assert (tmp_path / "a.yaml").read_bytes() == (tmp_path / "b.yaml").read_bytes()


MINUTES = Path(__file__).parent / "committees" / "data" / "select-commission-2026-01-20.txt"


def _loaded(tmp_path: Path) -> list[str]:
    tracker = [sys.executable, "-m", "tracker", "--config", str(_settings(tmp_path, PLAN))]
    assert subprocess.run([*tracker, "init"], capture_output=True, timeout=120).returncode == 0
    return tracker


def _piped(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, timeout=120)


def test_sheet_export_and_import_show_their_phases_on_a_terminal_and_nothing_in_a_pipe(
    tmp_path: Path,
) -> None:
    tracker = _loaded(tmp_path)
    sheet = tmp_path / "return.csv"
    code, said = _on_a_terminal([*tracker, "actions", "export-sheet", str(sheet)])
    assert code == 0, said
    assert "exporting return.csv" in said and "4/4" in said and "items/s" in said
    assert "wrote 4 actions" in said
    code, said = _on_a_terminal([*tracker, "actions", "import-sheet", str(sheet), "--dry-run"])
    assert code == 0, said
    assert "importing return.csv" in said and "checking rows" in said and "4/4" in said
    piped = _piped([*tracker, "actions", "export-sheet", str(tmp_path / "b.csv")])
    assert piped.returncode == 0 and piped.stderr == ""
    assert "exporting" not in piped.stdout and "items/s" not in piped.stdout
    piped = _piped([*tracker, "actions", "import-sheet", str(sheet), "--dry-run"])
    assert piped.returncode == 0 and piped.stderr == ""
    assert "checking rows" not in piped.stdout and "items/s" not in piped.stdout


def test_paper_rendering_shows_its_steps_on_a_terminal_and_nothing_in_a_pipe(
    tmp_path: Path,
) -> None:
    tracker = _loaded(tmp_path)
    paper = [*tracker, "paper", "render", "highlight", "--board", "locality-board"]
    code, said = _on_a_terminal([*paper, "--out", str(tmp_path / "a.md")])
    assert code == 0, said
    assert "highlight for locality-board" in said and "3/3" in said
    assert str(tmp_path / "a.md") in said
    piped = _piped([*paper, "--out", str(tmp_path / "b.md")])
    assert piped.returncode == 0 and piped.stderr == ""
    assert piped.stdout.strip() == str(tmp_path / "b.md")
    assert (tmp_path / "a.md").read_bytes() == (tmp_path / "b.md").read_bytes()


def test_minutes_import_shows_its_phases_on_a_terminal_and_nothing_in_a_pipe(
    tmp_path: Path,
) -> None:
    tracker = _loaded(tmp_path)
    minutes = [*tracker, "minutes", "import", str(MINUTES), "--committee", "Select Commission",
               "--create-committee"]  # fmt: skip
    piped = _piped([*minutes, "--date", "2026-01-20", "--dry-run"])
    assert piped.returncode == 0, piped.stderr
    assert "items/s" not in piped.stdout + piped.stderr
    assert "finding resolutions" not in piped.stdout + piped.stderr
    code, said = _on_a_terminal([*minutes, "--date", "2026-01-20"])
    assert code == 0, said
    assert "reading select-commission-2026-01-20.txt" in said and "checked" in said
    assert "recording select-commission-2026-01-20.txt" in said and "committed" in said
    assert "4/4" in said  # two resolutions and two follow-ups (an ACTION line and a request)
