"""Chasers: .eml drafts always, SMTP only with --send, against a real local SMTP server."""

from __future__ import annotations

import email
from email.message import EmailMessage
from email.policy import default
from pathlib import Path

import pytest
from click.testing import CliRunner
from returns_helpers import SFB, give_emails, second_owner
from smtp_server import free_port, silent_server, smtp_server

from tracker.cli import cli
from tracker.config import SettingsError, load_settings
from tracker.services.context import Tracker

KELLY, KIRSTY = "kelly.white@rotherham.gov.uk", "kirsty.woodhead@rotherham.gov.uk"


@pytest.fixture
def owners(term: Tracker, tmp_path: Path) -> Tracker:
    """Two owners owing the Supporting Families Board a return, both with an address."""
    second_owner(term)
    give_emails(term, tmp_path, {"kelly-white": KELLY, "kirsty-woodhead": KIRSTY})
    return term


def _mail(settings_file: Path, port: int, **extra: object) -> None:
    lines = ["", "[mail]", 'host = "127.0.0.1"', f"port = {port}",
             'sender = "Programme Office <pmo@rotherham.gov.uk>"', "timeout = 2"]  # fmt: skip
    lines += [f"{k} = {v!r}".replace("'", '"') for k, v in extra.items()]
    with settings_file.open("a", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")


def _chase(tmp_path: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(
        cli, ["returns", "chase", SFB, "--out", str(tmp_path / "chasers"), *args]
    )
    return result.exit_code, result.output


def _parse(path: Path) -> EmailMessage:
    message = email.message_from_bytes(path.read_bytes(), policy=default)
    assert isinstance(message, EmailMessage)
    return message


def test_the_default_is_a_dry_run_that_lists_what_would_go_and_writes_drafts(
    owners: Tracker, settings_file: Path, tmp_path: Path
) -> None:
    with smtp_server() as (port, inbox):
        _mail(settings_file, port)
        code, out = _chase(tmp_path)
    assert code == 0, out
    assert inbox.received == []  # nothing sent
    assert f"Kelly White <{KELLY}>: 1 action (P1-05); would send" in out
    assert f"Kirsty Woodhead <{KIRSTY}>: 1 action (P3-09); would send" in out
    assert "Dry run: nothing sent. 2 messages would go with --send." in out
    draft = _parse(tmp_path / "chasers" / "2026-03-10-supporting-families-board-kelly-white.eml")
    assert draft["To"] == KELLY
    assert draft["X-Unsent"] == "1"  # Outlook opens it as a message to send
    assert draft["Subject"] == (
        "Supporting Families Board on 10 Mar 2026: your update on 1 action is due by 3 Mar 2026"
    )
    body = draft.get_body(("plain",))
    assert body is not None
    text = body.get_content()
    assert "P1-05  Budget and HR integration for relevant agencies" in text
    assert "send it back by 3 Mar 2026 (2 days from today)" in text
    [sheet] = list(draft.iter_attachments())
    assert sheet.get_filename() == "2026-03-10-supporting-families-board-kelly-white.xlsx"
    assert sheet.get_content()[:2] == b"PK"  # the workbook itself


def test_send_sends_one_message_per_owner_logs_them_and_never_twice(
    owners: Tracker, settings_file: Path, tmp_path: Path
) -> None:
    with smtp_server() as (port, inbox):
        _mail(settings_file, port)
        code, out = _chase(tmp_path, "--send")
        assert code == 0, out
        assert sorted(to for to, _ in inbox.received) == [[KELLY], [KIRSTY]]
        assert "2 chasers sent and logged; 0 not sent" in out
        message = next(m for to, m in inbox.received if to == [KELLY])
        assert message["From"] == "Programme Office <pmo@rotherham.gov.uk>"
        assert [a.get_filename() for a in message.iter_attachments()] == [
            "2026-03-10-supporting-families-board-kelly-white.xlsx"
        ]
        code, out = _chase(tmp_path, "--send")  # the same period again
        assert len(inbox.received) == 2
        assert "not sent: already chased on 1 Mar 2026 for this meeting" in out
        assert "Nothing to send." in out
        code, out = _chase(tmp_path, "--send", "--again")
        assert code == 0, out
        assert len(inbox.received) == 4


def test_a_refused_connection_is_a_clear_message_and_nothing_is_marked_sent(
    owners: Tracker, settings_file: Path, tmp_path: Path
) -> None:
    port = free_port()  # nothing listens there
    _mail(settings_file, port)
    code, out = _chase(tmp_path, "--send")
    assert code == 2
    assert f"the mail server 127.0.0.1:{port} refused the connection" in out
    assert "0 chasers sent and logged; 2 not sent" in out
    # nothing was logged: once the server is up, both go
    with smtp_server() as (up, inbox):
        settings_file.write_text(
            settings_file.read_text(encoding="utf-8").replace(f"port = {port}", f"port = {up}"),
            encoding="utf-8",
        )
        code, out = _chase(tmp_path, "--send")
        assert code == 0, out
        assert len(inbox.received) == 2


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_a_wrong_password_is_a_clear_message_and_nothing_is_sent(
    owners: Tracker, settings_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TEST_SMTP_PASSWORD", "not-the-password")
    with smtp_server(password="s3cret") as (port, inbox):
        _mail(settings_file, port, username="pmo", password_env="TEST_SMTP_PASSWORD")
        code, out = _chase(tmp_path, "--send")
        assert code == 2
        assert f"the mail server 127.0.0.1:{port} refused the user name or password (535" in out
        assert inbox.received == []
        monkeypatch.setenv("TEST_SMTP_PASSWORD", "s3cret")
        code, out = _chase(tmp_path, "--send")
        assert code == 0, out
        assert len(inbox.received) == 2  # none had been marked sent


def test_a_server_that_does_not_answer_times_out_with_a_clear_message(
    owners: Tracker, settings_file: Path, tmp_path: Path
) -> None:
    with silent_server() as port:
        _mail(settings_file, port)
        settings_file.write_text(
            settings_file.read_text(encoding="utf-8").replace("timeout = 2", "timeout = 0.5"),
            encoding="utf-8",
        )
        code, out = _chase(tmp_path, "--send")
    assert code == 2
    assert f"the mail server 127.0.0.1:{port} did not answer within 0.5 seconds" in out


def test_a_refused_address_fails_only_its_own_message(
    owners: Tracker, settings_file: Path, tmp_path: Path
) -> None:
    with smtp_server() as (port, inbox):
        inbox.refuse.add(KIRSTY)
        _mail(settings_file, port)
        code, out = _chase(tmp_path, "--send")
        assert code == 2
        assert [to for to, _ in inbox.received] == [[KELLY]]
        assert f"NOT sent to {KIRSTY}: the mail server 127.0.0.1:{port} refused the address" in out
        assert "550" in out
        inbox.refuse.clear()
        code, out = _chase(tmp_path, "--send")  # Kelly was logged; Kirsty was not
        assert [to for to, _ in inbox.received] == [[KELLY], [KIRSTY]]


def test_an_owner_without_an_address_gets_a_draft_to_address_by_hand(
    term: Tracker, settings_file: Path, tmp_path: Path
) -> None:
    code, out = _chase(tmp_path)
    assert code == 0, out
    assert "Kelly White: 1 action (P1-05); not sent: no e-mail address" in out
    draft = _parse(tmp_path / "chasers" / "2026-03-10-supporting-families-board-kelly-white.eml")
    assert draft["To"] is None
    code, out = _chase(tmp_path, "--send")
    assert code == 2
    assert "no [mail] section in tracker.toml" in out


def test_the_users_own_chaser_template_is_used_and_a_broken_one_refused(
    owners: Tracker, settings_file: Path, tmp_path: Path
) -> None:
    mine = tmp_path / "board_reports"  # the settings' papers.templates folder
    mine.mkdir(exist_ok=True)
    (mine / "chaser.txt.j2").write_text(
        "Subject: {{ board.name }}: {{ owner.name }}, we need {{ actions | length }}\n\n"
        "{% for a in actions %}{{ a.ref }}\n{% endfor %}By {{ deadline | day }}.\n",
        encoding="utf-8",
    )
    code, out = _chase(tmp_path)
    assert code == 0, out
    draft = _parse(tmp_path / "chasers" / "2026-03-10-supporting-families-board-kelly-white.eml")
    assert draft["Subject"] == "Supporting Families Board: Kelly White, we need 1"
    body = draft.get_body(("plain",))
    assert body is not None and body.get_content() == "P1-05\nBy 3 Mar 2026.\n"
    (mine / "chaser.txt.j2").write_text("Dear {{ owner.nme }}\n", encoding="utf-8")
    code, out = _chase(tmp_path)
    assert code == 2
    assert "chaser.txt.j2" in out and "no field 'nme'" in out


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ("port = 70000", "setting mail.port must be from 1 to 65535, got 70000"),
        ('security = "tls"', "setting mail.security must be one of none, starttls, ssl"),
        ('sender = "nobody"', "setting mail.sender must be an e-mail address, got 'nobody'"),
    ],
)
def test_mail_settings_are_checked(tmp_path: Path, setting: str, message: str) -> None:
    path = tmp_path / "tracker.toml"
    base = {"host": 'host = "smtp.example.gov.uk"', "sender": 'sender = "pmo@example.gov.uk"'}
    key = setting.split(" ")[0]
    lines = [line for k, line in base.items() if k != key] + [setting]
    path.write_text("[mail]\n" + "\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(SettingsError, match=message):
        load_settings(path)
