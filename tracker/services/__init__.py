"""Use cases. Each call is one short transaction and returns plain frozen dataclasses.

The faces (tracker.cli, tracker.ui) call these and nothing below them. Modules are imported
where they are used (`from tracker.services.actions.register import list_actions`) so a
command loads
only what it needs.
"""
