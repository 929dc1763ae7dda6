"""Jobs done on a small form: scheduling, escalations, readings, sheets, calendar, plan files."""
