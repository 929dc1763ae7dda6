"""The ORM model (SQLAlchemy 2, typed). Only tracker.services and tracker.plans import this."""

from tracker.models.accounts import (
    Account,
    AccountRole,
    PendingRole,
    SignInFailure,
    SignInTicket,
    WebSession,
)
from tracker.models.actions import (
    Action,
    ActionDependency,
    StatusUpdate,
    action_outcome,
)
from tracker.models.audit import AuditEntry, SavedView
from tracker.models.base import Base, utcnow
from tracker.models.committees import (
    FollowUp,
    FollowUpResponse,
    Resolution,
)
from tracker.models.governance import (
    ESCALATION_STATUSES,
    REVIEW_OUTCOMES,
    AgendaItem,
    Board,
    Escalation,
    IssuedPaper,
    Meeting,
    MeetingAttendee,
    UpdateReview,
)
from tracker.models.people import Organisation, Person
from tracker.models.plan import (
    Commitment,
    Indicator,
    IndicatorReading,
    Outcome,
    Phase,
    Stage,
    Strategy,
)
from tracker.models.returns import Chaser, ReturnImport
from tracker.vocabulary import BOARD_KINDS, FOLLOWUP_STATUSES, MEETING_STATUSES, RESOLUTION_KINDS

__all__ = [
    "BOARD_KINDS",
    "ESCALATION_STATUSES",
    "FOLLOWUP_STATUSES",
    "MEETING_STATUSES",
    "RESOLUTION_KINDS",
    "REVIEW_OUTCOMES",
    "Account",
    "AccountRole",
    "PendingRole",
    "Action",
    "SavedView",
    "ActionDependency",
    "AgendaItem",
    "AuditEntry",
    "Base",
    "Board",
    "Chaser",
    "Commitment",
    "Escalation",
    "FollowUp",
    "FollowUpResponse",
    "Indicator",
    "IndicatorReading",
    "IssuedPaper",
    "Meeting",
    "MeetingAttendee",
    "Organisation",
    "Outcome",
    "Person",
    "Phase",
    "Resolution",
    "SignInFailure",
    "SignInTicket",
    "WebSession",
    "ReturnImport",
    "Stage",
    "StatusUpdate",
    "Strategy",
    "UpdateReview",
    "action_outcome",
    "utcnow",
]
