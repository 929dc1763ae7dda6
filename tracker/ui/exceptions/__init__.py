"""The Exceptions screen: actions outside their board's tolerances, escalated in one step."""
