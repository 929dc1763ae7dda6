"""The Boards screen and its hold-meeting flow."""
