"""A PostgreSQL password never reaches the screen: not when the URL fails the settings check
(bad port, bad scheme, an unescaped @), not when the server cannot be reached, not in a
?password= query, whichever command (light reader, SQLAlchemy, Alembic) meets it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker.cli import cli

SECRET = "Pw4Sh0uldHide"

URLS = {
    "bad port": f"postgresql://clerk:{SECRET}@127.0.0.1:54x2/tracker",
    "bad scheme": f"mysql://clerk:{SECRET}@127.0.0.1/tracker",
    "no scheme": f"clerk:{SECRET}@127.0.0.1/tracker",
    "unescaped @": f"postgresql://clerk:{SECRET[:6]}@{SECRET[6:]}@127.0.0.1/tracker",
    "unescaped /": f"postgresql://clerk:{SECRET[:6]}/{SECRET[6:]}@127.0.0.1/tracker",
    "nobody listening": f"postgresql://clerk:{SECRET}@127.0.0.1:1/tracker",
    "query password": f"postgresql://127.0.0.1:1/tracker?user=clerk&password={SECRET}",
    "bad percent-encoding": f"postgresql://clerk:{SECRET}%zz@127.0.0.1:1/tracker",
    "driver spelled out": f"postgresql+psycopg://clerk:{SECRET}@127.0.0.1:1/tracker",
}
COMMANDS = [
    ("actions", "list"),  # psycopg alone
    ("db", "current"),  # SQLAlchemy
    ("db", "upgrade"),  # Alembic
    ("init",),
]


@pytest.mark.parametrize("url", URLS.values(), ids=URLS.keys())
@pytest.mark.parametrize("command", COMMANDS, ids=[" ".join(c) for c in COMMANDS])
def test_the_password_is_never_printed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, url: str, command: tuple[str, ...]
) -> None:
    settings = tmp_path / "tracker.toml"
    settings.write_text(f'[database]\nurl = "{url}"\n', encoding="utf-8")
    monkeypatch.delenv("TRACKER_DB_URL", raising=False)
    monkeypatch.setenv("TRACKER_CONFIG", str(settings))
    result = CliRunner().invoke(cli, list(command))
    assert result.exit_code == 2, result.output
    shown = result.output
    assert "Traceback" not in shown
    for part in (SECRET, SECRET[:6], SECRET[6:]):
        assert part not in shown, shown
    assert "***" in shown or "is not a database URL" in shown


def test_the_password_from_the_environment_is_masked_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRACKER_CONFIG", str(tmp_path / "none.toml"))
    (tmp_path / "none.toml").write_text("", encoding="utf-8")
    monkeypatch.setenv("TRACKER_DB_URL", f"postgresql://clerk:{SECRET}@127.0.0.1:99999/x")
    result = CliRunner().invoke(cli, ["actions", "list"])
    assert result.exit_code == 2
    assert SECRET not in result.output
    assert "TRACKER_DB_URL: 'postgresql://clerk:***@127.0.0.1:99999/x'" in result.output


def test_an_unescaped_at_says_how_to_write_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRACKER_DB_URL", "postgresql://clerk:ab@cd@127.0.0.1/x")
    monkeypatch.setenv("TRACKER_CONFIG", str(tmp_path / "none.toml"))
    (tmp_path / "none.toml").write_text("", encoding="utf-8")
    result = CliRunner().invoke(cli, ["actions", "list"])
    assert result.exit_code == 2
    assert "postgresql://clerk:***@127.0.0.1/x" in result.output
    assert "@ as %40" in result.output
