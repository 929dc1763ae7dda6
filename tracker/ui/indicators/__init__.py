"""The Outcomes screen: outcome measures grouped by outcome, and the widget showing one."""
