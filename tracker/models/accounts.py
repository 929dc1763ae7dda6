"""People who sign in: accounts, the roles granted to them, one-time sign-in tickets, browser
sessions and the record of failed sign-ins (for throttling). Passwords are stored only as argon2
hashes, tokens only as SHA-256."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.models.base import Base, UTCDateTime


class Account(Base):
    __tablename__ = "account"

    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(200), unique=True)  # stored lower-case
    display_name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str | None] = mapped_column(String(500))  # None: cannot sign in
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    # the PostgreSQL login (current_user) that acts as this account from a terminal
    database_login: Mapped[str | None] = mapped_column(String(200), unique=True)

    roles: Mapped[list[AccountRole]] = relationship(
        cascade="all, delete-orphan", order_by="AccountRole.id"
    )


class AccountRole(Base):
    """One role granted to an account; a board role names its board, a committee officer's
    its committee (committees are boards of kind 'committee')."""

    __tablename__ = "account_role"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(
        ForeignKey("account.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[str] = mapped_column(String(40))
    board_id: Mapped[int | None] = mapped_column(ForeignKey("board.id", ondelete="CASCADE"))
    committee_id: Mapped[int | None] = mapped_column(ForeignKey("board.id", ondelete="CASCADE"))


class SignInTicket(Base):
    """A one-time ticket that hands a signed-in account to an app process: only its SHA-256
    is stored (it is 256 random bits, so a fast hash is enough); used once, within a minute."""

    __tablename__ = "sign_in_ticket"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_hash: Mapped[str] = mapped_column(String(64), unique=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"))
    expires: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    used: Mapped[bool] = mapped_column(Boolean, default=False)


class SignInFailure(Base):
    """A refused sign-in: the login typed and where from (never the password)."""

    __tablename__ = "sign_in_failure"
    __table_args__ = (
        Index("ix_sign_in_failure_login_at", "login", "at"),
        Index("ix_sign_in_failure_source_at", "source", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(200))
    source: Mapped[str] = mapped_column(String(200))
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class WebSession(Base):
    """A browser's signed-in session (`tracker serve`), kept in the database so that a server
    restart keeps it and several servers on one database share it. Only the SHA-256 of its
    cookie's token is stored (256 random bits). It ends when signed out (the row is deleted),
    `idle_seconds` after the last activity (`idle_until`) or at `expires`."""

    __tablename__ = "web_session"
    __table_args__ = (Index("ix_web_session_expires", "expires"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    account_id: Mapped[int] = mapped_column(
        ForeignKey("account.id", ondelete="CASCADE"), index=True
    )
    source: Mapped[str] = mapped_column(String(200))  # the browser's address at sign-in
    started: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    last_active: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    idle_seconds: Mapped[int] = mapped_column(Integer)
    idle_until: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    expires: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class PendingRole(Base):
    """A role a plan file grants a login that has no account yet (plans/README.md, "Access").
    It grants nothing until an admin adds an account with that login: `tracker users add`
    then gives the account these roles and removes them from here."""

    __tablename__ = "pending_role"

    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(200), index=True)  # stored lower-case
    role: Mapped[str] = mapped_column(String(40))
    board_id: Mapped[int | None] = mapped_column(ForeignKey("board.id", ondelete="CASCADE"))
    committee_id: Mapped[int | None] = mapped_column(ForeignKey("board.id", ondelete="CASCADE"))
