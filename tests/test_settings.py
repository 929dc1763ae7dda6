"""tracker.toml: where it is found, what it holds, and how a bad one is refused."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tracker.cli import cli
from tracker.config import Settings, SettingsError, load_settings

ROOT = Path(__file__).resolve().parents[1]
TRACKER = ROOT / ".venv" / "bin" / "tracker"


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("TRACKER_CONFIG", "TRACKER_DB_URL", "TRACKER_TODAY"):
        monkeypatch.delenv(name, raising=False)
    # a folder with no tracker.toml in it or above it (the repository's own is not found)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def assert_refused(result: Result, *words: str) -> None:
    """Exit 2 with a message naming the key; no traceback."""
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    assert result.stderr.startswith("error: ")
    for word in words:
        assert word in result.stderr


# --- defaults and where the file comes from -------------------------------------------------


def test_defaults_without_a_settings_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("USER", "casey")
    s = load_settings()
    here = Path.cwd()
    assert s.source is None
    assert s.database_url == f"sqlite:///{here / 'tracker.db'}"
    assert s.is_sqlite and s.sqlite_path() == here / "tracker.db"
    assert s.plans == ()
    assert s.templates is None
    assert s.output == here / "papers"
    assert s.user == "casey"
    assert s.today is None


def test_an_empty_settings_file_gives_the_defaults_next_to_it(tmp_path: Path) -> None:
    path = write(tmp_path / "conf" / "tracker.toml", "")
    s = load_settings(path)
    assert s.source == path
    assert s.database_url == f"sqlite:///{tmp_path / 'conf' / 'tracker.db'}"
    assert s.output == tmp_path / "conf" / "papers"


def test_every_setting_is_read(tmp_path: Path) -> None:
    path = write(
        tmp_path / "tracker.toml",
        '[database]\nurl = "postgresql://someone@db.example:5432/tracker"\n'
        '[plans]\nload = ["plans/a.yaml", "/abs/b.yaml"]\n'
        '[papers]\ntemplates = "my_templates"\noutput = "out"\n'
        '[user]\nname = "Kelly White"\n'
        "[clock]\ntoday = 2026-03-01\n",
    )
    s = load_settings(path)
    assert s.database_url == "postgresql://someone@db.example:5432/tracker"
    assert not s.is_sqlite and s.sqlite_path() is None
    assert s.plans == (tmp_path / "plans" / "a.yaml", Path("/abs/b.yaml"))
    assert s.templates == tmp_path / "my_templates"
    assert s.output == tmp_path / "out"
    assert s.user == "Kelly White"
    assert s.today == dt.date(2026, 3, 1)


def test_today_as_a_string_and_from_tracker_today(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "tracker.toml", '[clock]\ntoday = "2025-07-01"\n')
    assert load_settings(path).today == dt.date(2025, 7, 1)
    monkeypatch.setenv("TRACKER_TODAY", "2027-01-02")
    assert load_settings(path).today == dt.date(2027, 1, 2)


def test_the_nearest_tracker_toml_above_the_current_folder_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "project" / "tracker.toml", '[user]\nname = "Found"\n')
    deep = tmp_path / "project" / "a" / "b"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    s = load_settings()
    assert s.source == path and s.user == "Found"


def test_tracker_config_chooses_the_file_and_config_option_beats_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(Path.cwd() / "tracker.toml", '[user]\nname = "Here"\n')
    env_file = write(tmp_path / "env" / "settings.toml", '[user]\nname = "From env"\n')
    opt_file = write(tmp_path / "opt" / "settings.toml", '[user]\nname = "From option"\n')
    assert load_settings().user == "Here"
    monkeypatch.setenv("TRACKER_CONFIG", str(env_file))
    assert load_settings().user == "From env"
    assert load_settings(opt_file).user == "From option"


def test_config_option_and_tracker_config_choose_the_database_of_a_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `db current` on a database that is not there names the database it looked for
    env_file = write(tmp_path / "env" / "tracker.toml", "")
    opt_file = write(tmp_path / "opt" / "tracker.toml", "")
    monkeypatch.setenv("TRACKER_CONFIG", str(env_file))
    result = run("db", "current")
    assert_refused(result, str(tmp_path / "env" / "tracker.db"), "tracker init")
    result = run("--config", str(opt_file), "db", "current")
    assert_refused(result, str(tmp_path / "opt" / "tracker.db"), "tracker init")


def test_tracker_db_url_overrides_the_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "tracker.toml", '[database]\nurl = "sqlite:///mine.db"\n')
    monkeypatch.setenv("TRACKER_DB_URL", "postgresql://127.0.0.1:5432/shared")
    assert load_settings(path).database_url == "postgresql://127.0.0.1:5432/shared"
    monkeypatch.setenv("TRACKER_DB_URL", f"sqlite:///{tmp_path / 'other.db'}")
    assert load_settings(path).database_url == f"sqlite:///{tmp_path / 'other.db'}"


def test_a_relative_sqlite_path_is_relative_to_the_settings_file(tmp_path: Path) -> None:
    path = write(tmp_path / "conf" / "tracker.toml", '[database]\nurl = "sqlite:///data/t.db"\n')
    assert Path.cwd() != path.parent
    s = load_settings(path)
    assert s.database_url == f"sqlite:///{tmp_path / 'conf' / 'data' / 't.db'}"
    assert s.sqlite_path() == tmp_path / "conf" / "data" / "t.db"
    absolute = write(tmp_path / "abs.toml", f'[database]\nurl = "sqlite:///{tmp_path}/x.db"\n')
    assert load_settings(absolute).sqlite_path() == tmp_path / "x.db"


def test_the_sqlite_path_of_special_urls() -> None:
    assert Settings(database_url="sqlite://").sqlite_path() is None
    assert Settings(database_url="sqlite:///:memory:").sqlite_path() is None
    assert Settings(database_url="sqlite:////a/b.db?timeout=5").sqlite_path() == Path("/a/b.db")


# --- bad settings: an error naming the key, exit code 2, no traceback -----------------------

BAD = [
    ("[database\nurl = 1\n", ["not valid TOML", "line 1"]),
    ('[datbase]\nurl = "sqlite:///x.db"\n', ["unknown section [datbase]", "[database]"]),
    ('[user]\nnmae = "x"\n', ["unknown setting user.nmae", "user.name"]),
    ('[papers]\ntemplate = "x"\n', ["unknown setting papers.template", "papers.templates"]),
    ("[database]\nurl = 5\n", ["database.url", "must be a string", "5"]),
    ('[plans]\nload = "plans/a.yaml"\n', ["plans.load", "must be a list"]),
    ("[plans]\nload = [1]\n", ["plans.load[0]", "file path"]),
    ("[user]\nname = true\n", ["user.name", "must be a string"]),
    ('[clock]\ntoday = "2025-13-01"\n', ["clock.today", "YYYY-MM-DD", "2025-13-01"]),
    ('database = "sqlite:///x.db"\n', ["[database]", "table"]),
    ('[database]\nurl = "tracker.db"\n', ["database.url", "not a database URL", "sqlite:///"]),
    ('[database]\nurl = "mysql://h/db"\n', ["database.url", "not a database URL"]),
    ('[database]\nurl = "postgresql://h:port/db"\n', ["database.url", "not a valid database URL"]),
]


@pytest.mark.parametrize(("text", "words"), BAD, ids=[w[0] for _, w in BAD])
def test_a_bad_setting_is_refused_naming_the_key(
    tmp_path: Path, text: str, words: list[str]
) -> None:
    path = write(tmp_path / "tracker.toml", text)
    with pytest.raises(SettingsError) as caught:
        load_settings(path)
    message = str(caught.value)
    assert message.startswith(str(path))
    for word in words:
        assert word in message
    for args in (["actions", "list"], ["db", "current"], ["init"]):
        assert_refused(run("--config", str(path), *args), str(path), *words)


def test_a_settings_file_that_is_not_utf8_or_not_there(tmp_path: Path) -> None:
    path = tmp_path / "tracker.toml"
    path.write_bytes(b'[user]\nname = "\xff\xfe"\n')
    assert_refused(run("--config", str(path), "actions", "list"), "not UTF-8")
    assert_refused(run("--config", str(tmp_path / "none.toml"), "actions", "list"), "not found")


def test_bad_environment_values_are_refused_naming_the_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "tracker.toml", "")
    monkeypatch.setenv("TRACKER_DB_URL", "nonsense")
    assert_refused(run("--config", str(path), "actions", "list"), "TRACKER_DB_URL", "nonsense")
    monkeypatch.delenv("TRACKER_DB_URL")
    monkeypatch.setenv("TRACKER_TODAY", "soon")
    assert_refused(run("--config", str(path), "actions", "list"), "TRACKER_TODAY", "soon")


def test_a_database_that_cannot_be_reached_is_a_message_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "tracker.toml", "")
    monkeypatch.setenv("TRACKER_DB_URL", "postgresql://nobody:secret@127.0.0.1:1/none")
    for args in (["actions", "list"], ["db", "current"], ["db", "upgrade"]):
        result = run("--config", str(path), *args)
        assert_refused(result, "cannot open the database", "127.0.0.1:1")
        assert "secret" not in result.output


def test_the_installed_command_refuses_a_bad_file_without_a_traceback(tmp_path: Path) -> None:
    # through the console script, with and without a command (bare `tracker` opens the app)
    path = write(tmp_path / "tracker.toml", "[user]\nname = 3\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}
    for args in ([], ["actions", "list"]):
        done = subprocess.run(
            [str(TRACKER), "--config", str(path), *args],
            capture_output=True, text=True, env=env, timeout=60, stdin=subprocess.DEVNULL,
        )  # fmt: skip
        assert done.returncode == 2, done.stderr
        assert "user.name" in done.stderr
        assert "Traceback" not in done.stderr
    done = subprocess.run(
        [sys.executable, "-m", "tracker", "--config", str(path), "actions", "list"],
        capture_output=True, text=True, env=env, timeout=60, cwd=ROOT,
    )  # fmt: skip
    assert done.returncode == 2 and "user.name" in done.stderr
