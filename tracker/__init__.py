"""tracker: a strategy's delivery plan and its governance, in a terminal app and a CLI."""

__version__ = "0.1.0"
