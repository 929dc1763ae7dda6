"""Use cases. Each call is one short transaction and returns plain frozen dataclasses.

A public function taking the Tracker (`t`) is one use case: it opens exactly one transaction
(`t.db.reading()`/`writing()`, or `t.reading_sql()`). What it composes are pieces that take its
open session and never commit (named `..._in(s, ...)`, e.g. `position_in`), never other use
cases, so a paper, a roll-up or the dashboard is read from one snapshot.
tests/test_unit_of_work.py counts the transactions of every one.

The faces (tracker.cli, tracker.ui) call these and nothing below them. Modules are imported
where they are used (`from tracker.services.actions.register import list_actions`) so a
command loads
only what it needs.
"""
