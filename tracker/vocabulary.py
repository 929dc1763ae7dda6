"""The plan's fixed words, kept free of imports so the lightest read paths can check them."""

from __future__ import annotations

STATUSES = ("not started", "in progress", "complete", "cancelled")
OPEN_STATUSES = ("not started", "in progress")
RAGS = ("green", "amber", "red")
NO_RAG = "none"  # how filters and tables name an action whose RAG is not assessed
COMMENTARY_RAGS = ("amber", "red")  # an update giving one of these must say why
RAG_ORDER = {"green": 0, "amber": 1, "red": 2}  # worse is larger


def greener(rag: str | None, than: str | None) -> bool:
    """A RAG better than another (the owner's against the one their progress suggests)."""
    if rag is None or than is None or rag not in RAG_ORDER or than not in RAG_ORDER:
        return False
    return RAG_ORDER[rag] < RAG_ORDER[than]


FOLLOWUP_STATUSES = ("open", "in progress", "done", "dropped")
# where a follow-up came from (followup.source, migration 0016_followupsource): linked to one
# of its meeting's resolutions when made; else an action line the minutes import read, a line
# the officer took in the import's review, typed by hand (in the review, or holding a meeting),
# or an action a board decided on an escalation; "unrecorded": made before the tracker kept it
FOLLOWUP_SOURCES = ("resolution", "minuted", "review", "hand", "escalation", "unrecorded")
FOLLOWUP_SOURCE_WORDS = {
    "resolution": "from a resolution",
    "minuted": "minuted action line",
    "review": "taken in the import review",
    "hand": "added by hand",
    "escalation": "decided on an escalation",
    "unrecorded": "source not recorded",
}
BOARD_KINDS = ("board", "committee")
MEETING_STATUSES = ("scheduled", "held", "cancelled")
RESOLUTION_KINDS = ("resolved", "recommended", "agreed", "noted")

# Local Government Act 1972, Schedule 12A, Part 1: the descriptions of exempt information
EXEMPT_PARAGRAPHS = {
    1: "information relating to any individual",
    2: "information which is likely to reveal the identity of an individual",
    3: "information relating to the financial or business affairs of any particular person",
    4: "information relating to consultations or negotiations in connection with labour relations",
    5: "information in respect of which a claim to legal professional privilege could be maintained",
    6: "information which reveals that the authority proposes to give a notice, order or direction",
    7: "information relating to the prevention, investigation or prosecution of crime",
}


def exempt_label(paragraph: int) -> str:
    """What a public paper, calendar or export shows in place of an exempt item."""
    return f"exempt item (paragraph {paragraph})"


# the roles an account may hold (tracker users roles, or a plan file's `access:` section); a
# board role names its board ("board_secretary:sfb"), a committee officer's its committee
ADMIN = "admin"
PROGRAMME_MANAGER = "programme_manager"
BOARD_SECRETARY = "board_secretary"
BOARD_MEMBER = "board_member"
ACTION_OWNER = "action_owner"
COMMITTEE_OFFICER = "committee_officer"
VIEWER = "viewer"
ROLES = (ADMIN, PROGRAMME_MANAGER, BOARD_SECRETARY, BOARD_MEMBER, ACTION_OWNER,
         COMMITTEE_OFFICER, VIEWER)  # fmt: skip
BOARD_ROLES = (BOARD_SECRETARY, BOARD_MEMBER)
COMMITTEE_ROLES = (COMMITTEE_OFFICER,)
ROLE_FORMS = (
    "admin, programme_manager, board_secretary:BOARD, board_member:BOARD, action_owner, "
    "committee_officer:COMMITTEE, viewer"
)
# an account's login: lower-case letters, digits and . _ @ + -
LOGIN_PATTERN = r"[a-z0-9][a-z0-9._@+-]{0,199}"
LOGIN_ALLOWED = "letters, digits and . _ @ + -, up to 200 characters, e.g. kelly.white"


def split_role(text: str) -> tuple[str, str]:
    """A role as typed ("Board-Secretary : sfb") as (role, scope): the role in its stored form
    (dashes and spaces read as underscores), the scope as typed, stripped. Not checked."""
    role, _, scope = text.strip().partition(":")
    return role.strip().lower().replace("-", "_").replace(" ", "_"), scope.strip()


def role_problem(role: str, scope: str) -> str | None:
    """What is wrong with a role and its scope (from split_role), or None."""
    if role not in ROLES:
        return "is not a role"
    if role in BOARD_ROLES + COMMITTEE_ROLES and not scope:
        what = "board" if role in BOARD_ROLES else "committee"
        return f"needs its {what}: {role}:{what.upper()}"
    if role not in BOARD_ROLES + COMMITTEE_ROLES and scope:
        return f"{role} is not of one board or committee"
    return None


def owner_label(name: str | None, role: str | None) -> str | None:
    """How every list and paper names a person: "Kelly Moore (School Nurse Lead)", or the name
    or the role alone."""
    if name and role:
        return f"{name} ({role})"
    return name or role


_SINGULAR = {"people": "person", "access": "access", "statuses": "status"}


def counted(count: int, things: str) -> str:
    """'1 meeting', '2 meetings', '1 person': a count with its noun (given in the plural)."""
    if count == 1:
        last = things.split(" ")[-1]
        one = _SINGULAR.get(last, last[:-1] if last.endswith("s") else last)
        things = " ".join([*things.split(" ")[:-1], one])
    return f"{count} {things}"
