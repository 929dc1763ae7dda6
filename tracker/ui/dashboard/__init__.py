"""The dashboard: the strategy, its phases and what needs attention."""
