"""Who may read what, for the reads (plain SQL, no SQLAlchemy: `tracker actions list` must not
load it). Reads are open to every account, except exempt items in full (Local Government Act
1972, Schedule 12A): an exempt action, resolution, follow-up or meeting item is read in full
only by an admin or a programme manager, the secretary, a member or the committee officer of
its board or committee, or (an action) its owner; an escalation of one is read in full by the
board it is raised to as well, which has to decide it. Anyone else sees it in its place with its
words replaced by "exempt item (paragraph N)", as a public paper shows it.

A SQLite file's local user (no `[auth] required`), and any tracker without accounts, read
everything, as before accounts. The account acting is found as `tracker.services.accounts.permissions.acting_in` finds
it; a login with no account, or a disabled one, reads as a viewer (a read refuses nothing).
"""

from __future__ import annotations

import getpass
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Protocol, TypeVar

from tracker.services.plain_sql import Params, Reader
from tracker.vocabulary import (
    ACTION_OWNER,
    ADMIN,
    BOARD_MEMBER,
    BOARD_SECRETARY,
    COMMITTEE_OFFICER,
    PROGRAMME_MANAGER,
    exempt_label,
)

if TYPE_CHECKING:
    from tracker.services.context import Tracker

_BODY_ROLES = (BOARD_SECRETARY, BOARD_MEMBER, COMMITTEE_OFFICER)


@dataclass(frozen=True)
class ExemptReader:
    """What one account may read of exempt items: None of these means everything."""

    boards: frozenset[str]  # codes of the boards and committees whose exempt items it reads
    names: frozenset[str]  # an owner (person) with one of these codes or e-mails is this account

    def reads_action(self, board: str | None, owner_code: str | None, email: str | None) -> bool:
        if board is not None and board in self.boards:
            return True
        return bool(self.names & {(owner_code or "").lower(), (email or "").strip().lower()})

    def reads_body(self, board: str | None) -> bool:
        return board is not None and board in self.boards


def exempt_reader(t: Tracker, reader: Reader) -> ExemptReader | None:
    """The acting account's reading of exempt items, or None when it reads them all."""
    if t.unrestricted:
        return None
    known = t.acting
    if known is None:
        if not t.settings.auth_required and not reader.rows("SELECT 1 FROM account LIMIT 1", {}):
            return None  # no account at all: everything, as before accounts
        p = Params(reader.dialect)
        if reader.dialect == "postgresql":
            who = str(reader.rows("SELECT current_user", {})[0][0])
        else:
            who = getpass.getuser()
        found = reader.rows(
            "SELECT id FROM account WHERE NOT disabled AND (database_login = "
            f"{p(who)} OR login = {p(who.strip().lower())}) ORDER BY database_login IS NULL",
            p.values,
        )
        account_id = found[0][0] if found else None
    else:
        account_id = known.id
    if account_id is None:
        return ExemptReader(frozenset(), frozenset())
    p = Params(reader.dialect)
    rows = reader.rows(
        "SELECT account.login, account.database_login, account.disabled, account_role.role, "
        "board.code FROM account LEFT JOIN account_role ON account_role.account_id = account.id "
        "LEFT JOIN board ON board.id = coalesce(account_role.board_id, account_role.committee_id) "
        f"WHERE account.id = {p(account_id)}",
        p.values,
    )
    if not rows or rows[0][2]:
        return ExemptReader(frozenset(), frozenset())  # removed or disabled: as a viewer
    roles = {r[3] for r in rows}
    if roles & {ADMIN, PROGRAMME_MANAGER}:
        return None
    boards = frozenset(r[4] for r in rows if r[3] in _BODY_ROLES and r[4])
    names: frozenset[str] = frozenset()
    if ACTION_OWNER in roles:
        login, database_login = rows[0][0], rows[0][1]
        names = frozenset({login, (database_login or "").lower()} - {""})
    return ExemptReader(boards, names)


def exempt_actions(
    reader: Reader, refs: tuple[str, ...] | None = None
) -> dict[str, tuple[int, str | None, str | None, str | None]]:
    """The exempt actions (of `refs`, else all): ref -> (paragraph, board code, owner's code,
    owner's e-mail)."""
    p = Params(reader.dialect)
    only = f" AND action.ref IN ({p.each(refs)})" if refs else ""
    rows = reader.rows(
        "SELECT action.ref, action.exempt_paragraph, board.code, person.code, person.email "
        "FROM action LEFT JOIN board ON board.id = action.board_id "
        "LEFT JOIN person ON person.id = action.owner_id "
        f"WHERE action.exempt_paragraph IS NOT NULL{only}",
        p.values,
    )
    return {r[0]: (r[1], r[2], r[3], r[4]) for r in rows}


def hidden_actions(
    t: Tracker, reader: Reader, refs: tuple[str, ...] | None = None
) -> dict[str, int]:
    """The exempt actions (of `refs`, else all) the acting account may not read in full: ref ->
    the paragraph they are withheld under. Empty for those who read everything."""
    scope = exempt_reader(t, reader)
    if scope is None:
        return {}
    return {
        ref: paragraph
        for ref, (paragraph, board, owner, email) in exempt_actions(reader, refs).items()
        if not scope.reads_action(board, owner, email)
    }


class _BodyItem(Protocol):
    @property
    def id(self) -> int: ...

    @property
    def committee(self) -> str: ...


Item = TypeVar("Item", bound=_BodyItem)
WORDS = {  # the words of an item, withheld when it is exempt
    "followup": {"text": True, "last_response": None},
    "resolution": {"text": True, "item_title": None},
}


def withhold(t: Tracker, reader: Reader, table: str, rows: Sequence[Item]) -> tuple[Item, ...]:
    """Resolutions or follow-ups (`table`) with the words of the exempt ones the acting account
    may not read in full replaced by "exempt item (paragraph N)"; what they say besides
    (a follow-up's last response, a resolution's agenda item) left out."""
    if not rows or t.unrestricted:
        return tuple(rows)
    scope = exempt_reader(t, reader)
    if scope is None:
        return tuple(rows)
    p = Params(reader.dialect)
    only = f" AND id IN ({p.each(r.id for r in rows)})" if len(rows) <= 200 else ""
    exempt: dict[int, int] = {
        r[0]: r[1]
        for r in reader.rows(
            f"SELECT id, exempt_paragraph FROM {table} WHERE exempt_paragraph IS NOT NULL{only}",
            p.values,
        )
    }
    out = []
    for row in rows:
        paragraph = exempt.get(row.id)
        if paragraph is not None and not scope.reads_body(row.committee):
            label = exempt_label(paragraph)
            changes = {k: label if v else None for k, v in WORDS[table].items() if hasattr(row, k)}
            row = replace(row, **changes)  # type: ignore[type-var]
        out.append(row)
    return tuple(out)


class _ActionItem(Protocol):
    @property
    def ref(self) -> str: ...


Shown = TypeVar("Shown", bound=_ActionItem)


def withhold_actions(
    t: Tracker,
    reader: Reader,
    rows: Sequence[Shown],
    words: dict[str, bool],
    *,
    read_by: str | None = None,
) -> tuple[Shown, ...]:
    """Rows about actions (anything with a `ref`: a challenge, an escalation, an update) with
    the `words` of those about an exempt action the acting account may not read in full
    replaced: a field marked True by "exempt item (paragraph N)", one marked False left out.
    `read_by` names a row's field holding a board code whose people read that row in full as
    well: an escalation is read by the board it is raised to, which has to decide it."""
    if not rows or t.unrestricted:
        return tuple(rows)
    refs = tuple({r.ref for r in rows}) if len(rows) <= 200 else None
    hidden = hidden_actions(t, reader, refs)
    if not hidden:
        return tuple(rows)
    scope = exempt_reader(t, reader) if read_by else None
    out = []
    for row in rows:
        paragraph = hidden.get(row.ref)
        if (
            paragraph is not None
            and scope is not None
            and scope.reads_body(getattr(row, read_by or ""))
        ):
            paragraph = None
        if paragraph is not None:
            label = exempt_label(paragraph)
            row = replace(row, **{k: label if v else None for k, v in words.items()})  # type: ignore[type-var]
        out.append(row)
    return tuple(out)


# what an action's change log shows of a withheld action: the fields its register row and
# detail show anyway; every other field's old and new values (its title, description,
# commentary, cancellation reason, the board's words at a meeting, ...) are withheld
LOGGED_AND_SHOWN = frozenset({
    "status", "rag", "progress", "due", "start", "owner", "board", "phase", "stage",
    "lead_organisation", "outcomes", "depends_on",
})  # fmt: skip


def hidden_items(t: Tracker, reader: Reader) -> tuple[str, ...]:
    """Every exempt action, resolution and follow-up the acting account may not read in full,
    named ("action P1-01", "resolution 12 (improving-lives-select-commission)")."""
    if t.unrestricted:
        return ()
    scope = exempt_reader(t, reader)
    if scope is None:
        return ()
    named = [f"action {ref}" for ref in sorted(hidden_actions(t, reader))]
    for table in ("resolution", "followup"):
        for item_id, committee in reader.rows(
            f"SELECT {table}.id, board.code FROM {table} JOIN meeting ON meeting.id = "
            f"{table}.meeting_id JOIN board ON board.id = meeting.board_id "
            f"WHERE {table}.exempt_paragraph IS NOT NULL ORDER BY {table}.id",
            {},
        ):
            if not scope.reads_body(committee):
                named.append(f"{'follow-up' if table == 'followup' else table} {item_id} "
                             f"({committee})")  # fmt: skip
    return tuple(named)


def hidden_updates(t: Tracker, reader: Reader, ids: Sequence[int]) -> dict[int, int]:
    """The status updates (of `ids`) about an exempt action the acting account may not read in
    full: update id -> the paragraph it is withheld under."""
    if not ids or t.unrestricted:
        return {}
    out: dict[int, int] = {}
    for i in range(0, len(ids), 900):
        p = Params(reader.dialect)
        rows = reader.rows(
            "SELECT status_update.id, action.ref FROM status_update JOIN action ON action.id = "
            "status_update.action_id WHERE action.exempt_paragraph IS NOT NULL AND "
            f"status_update.id IN ({p.each(ids[i : i + 900])})",
            p.values,
        )
        if not rows:
            continue
        hidden = hidden_actions(t, reader, tuple({r[1] for r in rows}))
        out.update({uid: hidden[ref] for uid, ref in rows if ref in hidden})
    return out


def refuse_withheld(t: Tracker, s: object, named: Sequence[str], what: str) -> None:
    """Refuse (NotPermitted, audited by the reading transaction) an export of items the acting
    account may not read in full, naming them: a copy with their words withheld, imported
    again, would overwrite the real words. Nothing to refuse when `named` is empty."""
    if not named:
        return
    from tracker.errors import NotPermitted
    from tracker.services.accounts.permissions import acting_in

    try:
        actor = acting_in(t, s)  # type: ignore[arg-type]
    except NotPermitted:  # a login with no account, or disabled: reads as a viewer
        actor = None
    who = actor.display_name if actor is not None else None
    listed = ", ".join(named[:5]) + (f" and {len(named) - 5} more" if len(named) > 5 else "")
    raise NotPermitted(
        f"only an admin or a programme manager can {what}: it holds exempt items you may not "
        f"read in full ({listed})"
        + (f" (you act as {who}: {actor.roles_text()})" if actor is not None else ""),
        actor=who, what=what, target="plan",
    )  # fmt: skip
