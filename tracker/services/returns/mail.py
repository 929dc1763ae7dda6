"""Chasers as e-mail: a message with its sheet attached, saved as an .eml draft (Outlook and
Thunderbird open it ready to send) or sent by SMTP ([mail] in tracker.toml). A server that
refuses, rejects the login or does not answer is one clear sentence; a message is reported
sent only once the server has accepted it."""

from __future__ import annotations

import copy
import mimetypes
import os
import smtplib
import socket
import ssl
from collections.abc import Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid, parseaddr
from pathlib import Path

from tracker.config import MailSettings
from tracker.files import write_bytes

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Outgoing:
    """One chaser, ready to go."""

    owner: str  # as the ledger names them
    to: str | None  # None: no address known (a draft to be addressed by hand)
    message: EmailMessage

    @property
    def message_id(self) -> str:
        return str(self.message["Message-ID"])


@dataclass(frozen=True)
class Sent:
    owner: str
    to: str
    message_id: str


@dataclass(frozen=True)
class NotSent:
    owner: str
    to: str | None
    reason: str


@dataclass(frozen=True)
class Delivery:
    sent: tuple[Sent, ...]
    not_sent: tuple[NotSent, ...]
    error: str | None  # the server as a whole failed (refused, login, timeout): none went after


def build_message(
    *, sender: str, to: str | None, subject: str, body: str, attachment: Path
) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = sender
    if to:
        msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = formatdate(localtime=True)
    domain = parseaddr(sender)[1].rpartition("@")[2] or None
    msg["Message-ID"] = make_msgid(domain=domain)
    msg.set_content(body)
    kind = mimetypes.guess_type(attachment.name)[0] or XLSX_TYPE
    main, _, sub = kind.partition("/")
    msg.add_attachment(attachment.read_bytes(), maintype=main, subtype=sub,
                       filename=attachment.name)  # fmt: skip
    return msg


def save_draft(msg: EmailMessage, path: Path) -> None:
    """The message as an .eml file that a mail program opens as a draft to send."""
    draft = copy.deepcopy(msg)
    draft["X-Unsent"] = "1"  # Outlook: open as a message to send, not one received
    write_bytes(path, draft.as_bytes())


def deliver(mail: MailSettings, outgoing: Sequence[Outgoing]) -> Delivery:
    """Send each message over one SMTP connection. Stops at a failure of the server itself;
    a refused address fails only its own message."""
    sent: list[Sent] = []
    not_sent: list[NotSent] = []
    ready = [o for o in outgoing if o.to]
    not_sent += [NotSent(o.owner, None, "no e-mail address") for o in outgoing if not o.to]
    if not ready:
        return Delivery((), tuple(not_sent), None)
    where = f"the mail server {mail.host}:{mail.port}"
    try:
        password = _password(mail)
        with _connect(mail) as smtp:
            if mail.username:
                smtp.login(mail.username, password or "")
            for i, o in enumerate(ready):
                assert o.to is not None
                try:
                    refused = smtp.send_message(o.message)
                except smtplib.SMTPRecipientsRefused as exc:
                    why = "; ".join(f"{a}: {_said(c, m)}" for a, (c, m) in exc.recipients.items())
                    not_sent.append(NotSent(o.owner, o.to, f"{where} refused the address ({why})"))
                    continue
                except (smtplib.SMTPDataError, smtplib.SMTPSenderRefused) as exc:
                    reason = f"{where} refused the message ({_said(exc.smtp_code, exc.smtp_error)})"
                    not_sent.append(NotSent(o.owner, o.to, reason))
                    continue
                except (smtplib.SMTPServerDisconnected, OSError) as exc:
                    error = _gone(where, exc, mail)
                    not_sent += [NotSent(x.owner, x.to, "not sent: " + error) for x in ready[i:]]
                    return Delivery(tuple(sent), tuple(not_sent), error)
                if refused:
                    why = "; ".join(f"{a}: {_said(c, m)}" for a, (c, m) in refused.items())
                    not_sent.append(NotSent(o.owner, o.to, f"{where} refused the address ({why})"))
                    continue
                sent.append(Sent(o.owner, o.to, o.message_id))
    except _Failure as exc:
        error = str(exc)
    except smtplib.SMTPAuthenticationError as exc:
        error = (
            f"{where} refused the user name or password ({_said(exc.smtp_code, exc.smtp_error)})"
        )
    except smtplib.SMTPNotSupportedError as exc:
        error = f"{where} does not offer what [mail] asks for ({exc})"
    except smtplib.SMTPResponseException as exc:
        error = f"{where} said no ({_said(exc.smtp_code, exc.smtp_error)})"
    except (TimeoutError, smtplib.SMTPServerDisconnected) as exc:
        error = _gone(where, exc, mail)
    except ConnectionRefusedError:
        error = f"{where} refused the connection (is it running, and is that its port?)"
    except socket.gaierror:
        error = f"cannot find the mail server {mail.host!r} (setting mail.host in tracker.toml)"
    except ssl.SSLError as exc:
        error = f"{where}: the secure connection failed ({exc.reason or exc})"
    except (smtplib.SMTPException, OSError) as exc:
        error = f"{where}: {exc or exc.__class__.__name__}"
    else:
        return Delivery(tuple(sent), tuple(not_sent), None)
    done = {s.message_id for s in sent}
    not_sent += [NotSent(o.owner, o.to, "not sent: " + error) for o in ready
                 if o.message_id not in done and not any(n.owner == o.owner for n in not_sent)]  # fmt: skip
    return Delivery(tuple(sent), tuple(not_sent), error)


class _Failure(Exception):
    """A setting that stops sending before the server is reached."""


def _password(mail: MailSettings) -> str | None:
    if not mail.password_env:
        return None
    value = os.environ.get(mail.password_env)
    if value is None:
        raise _Failure(
            f"the mail password is read from the environment variable {mail.password_env} "
            "(setting mail.password_env), which is not set"
        )
    return value


def _connect(mail: MailSettings) -> smtplib.SMTP:
    if mail.security == "ssl":
        return smtplib.SMTP_SSL(mail.host, mail.port, timeout=mail.timeout,
                                context=ssl.create_default_context())  # fmt: skip
    smtp = smtplib.SMTP(mail.host, mail.port, timeout=mail.timeout)
    if mail.security == "starttls":
        try:
            smtp.starttls(context=ssl.create_default_context())
        except BaseException:
            smtp.close()
            raise
    return smtp


def _gone(where: str, exc: BaseException, mail: MailSettings) -> str:
    """A connection that timed out or dropped, in words (smtplib reports a timeout while
    waiting for the server's greeting as a disconnection 'timed out')."""
    if isinstance(exc, TimeoutError) or "timed out" in str(exc):
        return f"{where} did not answer within {mail.timeout:g} seconds"
    return f"{where} closed the connection ({exc or exc.__class__.__name__})"


def _said(code: int, message: bytes | str) -> str:
    text = message.decode("utf-8", "replace") if isinstance(message, bytes) else str(message)
    return f"{code} {' '.join(text.split())}"
