"""Rules that hold whichever writer changes the data: the audit trail and an action's position."""
