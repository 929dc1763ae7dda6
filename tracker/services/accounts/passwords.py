"""Password hashing: argon2id through argon2-cffi (its RFC 9106 low-memory defaults). The only
place a password is seen; it is never stored, logged or put in an error."""

from __future__ import annotations

from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

_HASHER = PasswordHasher()


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def verify(stored: str | None, password: str) -> bool:
    """Whether the password matches. With no stored hash (an unknown login, an account without
    a password) a dummy hash is checked anyway, so the answer takes as long either way."""
    try:
        return _HASHER.verify(stored or _dummy(), password) and stored is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    return _HASHER.check_needs_rehash(stored)


@cache
def _dummy() -> str:
    return _HASHER.hash("not a password anybody has")
