"""A real SMTP server on 127.0.0.1 for the chaser tests (aiosmtpd), and a port that answers
nothing: no mocks of smtplib."""

from __future__ import annotations

import email
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.policy import default
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


@dataclass
class Inbox:
    """What the server accepted: (envelope recipients, the parsed message)."""

    received: list[tuple[list[str], EmailMessage]] = field(default_factory=list)
    refuse: set[str] = field(default_factory=set)  # addresses answered 550

    async def handle_RCPT(  # noqa: N802 - aiosmtpd's hook name
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        if address in self.refuse:
            return "550 5.1.1 no such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        message = email.message_from_bytes(envelope.content, policy=default)
        assert isinstance(message, EmailMessage)
        self.received.append((list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def smtp_server(*, password: str | None = None) -> Iterator[tuple[int, Inbox]]:
    """A running server; with `password`, it requires AUTH LOGIN/PLAIN as user 'pmo'."""
    inbox = Inbox()
    kwargs: dict[str, Any] = {}
    if password is not None:

        def check(
            server: Any, session: Any, envelope: Any, mechanism: str, data: Any
        ) -> AuthResult:
            ok = isinstance(data, LoginPassword) and (data.login, data.password) == (
                b"pmo",
                password.encode(),
            )
            return AuthResult(success=ok, handled=False)

        kwargs = {"authenticator": check, "auth_required": True, "auth_require_tls": False}
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port, **kwargs)
    controller.start()
    try:
        yield port, inbox
    finally:
        controller.stop()


@contextmanager
def silent_server() -> Iterator[int]:
    """A port that accepts connections and never says a word (a hung server)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(5)
        yield int(s.getsockname()[1])
